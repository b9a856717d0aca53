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
} from "./chunk-Y75Y57FE.js";
import "./chunk-S46DE52S.js";
import "./chunk-YYE7SK4D.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YETGTU6N.js";
import "./chunk-Y7ZFZ4BH.js";
import "./chunk-ESR2SQRQ.js";
import "./chunk-OMYEDDFA.js";
import "./chunk-LAA6A62G.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-VAK67CC7.js";
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
//# sourceMappingURL=plan-4LPRVAQY.js.map
