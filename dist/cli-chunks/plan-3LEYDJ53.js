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
} from "./chunk-4SCXC6KR.js";
import "./chunk-KSIEQD75.js";
import "./chunk-AD4P5CF3.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-WMW2GMJB.js";
import "./chunk-WVLE52TS.js";
import "./chunk-F54R7OBQ.js";
import "./chunk-HXKTOER6.js";
import "./chunk-LAA6A62G.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-HLUJJTZB.js";
import "./chunk-4HAON6FQ.js";
import "./chunk-BQFR37KL.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-FN7GF6KH.js";
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
//# sourceMappingURL=plan-3LEYDJ53.js.map
