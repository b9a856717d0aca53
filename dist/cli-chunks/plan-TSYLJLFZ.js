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
} from "./chunk-IBK753UR.js";
import "./chunk-Z7P7Y4O4.js";
import "./chunk-2O6TVZNR.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-73MSZYWQ.js";
import "./chunk-OMYEDDFA.js";
import "./chunk-LAA6A62G.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-NHM3KGLY.js";
import "./chunk-KQL5RJTP.js";
import "./chunk-I2WN2EPD.js";
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
//# sourceMappingURL=plan-TSYLJLFZ.js.map
