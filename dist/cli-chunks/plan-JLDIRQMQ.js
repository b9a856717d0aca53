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
} from "./chunk-4SNDQVN3.js";
import "./chunk-OLIMJNZJ.js";
import "./chunk-F6ZXVXFW.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-WMW2GMJB.js";
import "./chunk-WVLE52TS.js";
import "./chunk-TJ3272OI.js";
import "./chunk-ZMWLBIGG.js";
import "./chunk-LAA6A62G.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-F5G46BDY.js";
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
//# sourceMappingURL=plan-JLDIRQMQ.js.map
