#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-5YG45Y57.js";
import "./chunk-JSA45KBF.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-HTUUCD7E.js";
import "./chunk-4SCXC6KR.js";
import "./chunk-XUWFWQER.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-P7WMJLDC.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-7GAZTDTG.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-KSIEQD75.js";
import "./chunk-AD4P5CF3.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-WMW2GMJB.js";
import "./chunk-WVLE52TS.js";
import "./chunk-F54R7OBQ.js";
import "./chunk-HXKTOER6.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-HLUJJTZB.js";
import "./chunk-4HAON6FQ.js";
import "./chunk-BQFR37KL.js";
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
//# sourceMappingURL=rehearsal-WC4BQQEN.js.map
