#!/usr/bin/env node
import {
  clusterNameOf,
  kubernetesNodeAddresses,
  kubernetesNodeNames,
  plan,
  planInventoryOf,
  preparePlan,
  reportSignature,
  writePlanFile
} from "./chunk-I7VT5LYC.js";
import "./chunk-FHMWDVPM.js";
import "./chunk-G66OEFGY.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YETGTU6N.js";
import "./chunk-Y7ZFZ4BH.js";
import "./chunk-4TMVWKPH.js";
import "./chunk-EPZMRTZC.js";
import "./chunk-LAA6A62G.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-YWZSMGJR.js";
import "./chunk-BXQQPNA2.js";
import "./chunk-MZON7NW7.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  clusterNameOf,
  kubernetesNodeAddresses,
  kubernetesNodeNames,
  plan,
  planInventoryOf,
  preparePlan,
  reportSignature,
  writePlanFile
};
//# sourceMappingURL=plan-YQLOYDCZ.js.map
