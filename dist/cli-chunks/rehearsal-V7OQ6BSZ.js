#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-IBF573KK.js";
import "./chunk-U6NQ4Q3B.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-XM2SQEDO.js";
import "./chunk-KWDCEIOE.js";
import "./chunk-F7SXY2ID.js";
import "./chunk-XAX3L4XQ.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-JYKXO6XJ.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-M6VCYZRT.js";
import "./chunk-FRLA6WJG.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-PQNR3K55.js";
import "./chunk-TSEV2MSM.js";
import "./chunk-K5FMP3NW.js";
import "./chunk-OMYEDDFA.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-HZJQVDAU.js";
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
//# sourceMappingURL=rehearsal-V7OQ6BSZ.js.map
