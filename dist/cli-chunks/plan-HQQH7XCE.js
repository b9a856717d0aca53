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
} from "./chunk-QBYBDS7O.js";
import "./chunk-R6PYWJMK.js";
import "./chunk-E33XPV3C.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import "./chunk-TNMCLJB6.js";
import "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import "./chunk-U3FYCLYN.js";
import "./chunk-U6HZZ6QY.js";
import "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
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
//# sourceMappingURL=plan-HQQH7XCE.js.map
