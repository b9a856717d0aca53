#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-VOKRJTPZ.js";
import "./chunk-OUFUX77Q.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-HJJJNOQV.js";
import "./chunk-S7MVYFPC.js";
import "./chunk-NS4GSVIX.js";
import "./chunk-L4MPEUSH.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-A3MZLSVD.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-LTLNYOUU.js";
import "./chunk-5TH2Q4NZ.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-7BUDZKHG.js";
import "./chunk-TXF6RFLZ.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-T4K2IUI2.js";
import "./chunk-KQL5RJTP.js";
import "./chunk-I2WN2EPD.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-FN7GF6KH.js";
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
//# sourceMappingURL=rehearsal-GI7JIOK4.js.map
