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
} from "./chunk-KWDCEIOE.js";
import "./chunk-M6VCYZRT.js";
import "./chunk-FRLA6WJG.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-K5FMP3NW.js";
import "./chunk-OMYEDDFA.js";
import "./chunk-LAA6A62G.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-HZJQVDAU.js";
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
//# sourceMappingURL=plan-N6Z2BB3G.js.map
