#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-MHFI4COT.js";
import "./chunk-UZV7YRAW.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-3Q74BEXQ.js";
import "./chunk-RK6PTZ7A.js";
import "./chunk-F7SXY2ID.js";
import "./chunk-JSSN5GDZ.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-4JQHHG4D.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-GKFRM55Z.js";
import "./chunk-2WKKKMXO.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-XFVD5LNR.js";
import "./chunk-OMYEDDFA.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-ADJLGYEZ.js";
import "./chunk-KQL5RJTP.js";
import "./chunk-I2WN2EPD.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-BCQJ3TK4.js";
export {
  REHEARSAL_PROVIDERS,
  SCENARIOS,
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
};
//# sourceMappingURL=rehearsal-PS7QHKZF.js.map
