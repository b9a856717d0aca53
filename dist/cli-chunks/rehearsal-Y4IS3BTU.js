#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-W2XCF7G3.js";
import "./chunk-Q5EIGVDT.js";
import "./chunk-NUYBRMBR.js";
import "./chunk-56SDQ243.js";
import "./chunk-VLBWCFMH.js";
import "./chunk-XUWFWQER.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-KHWU54OW.js";
import "./chunk-L3FNH5Y2.js";
import "./chunk-2DZIY664.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-ODCQJ4SK.js";
import "./chunk-TGJ34QJN.js";
import "./chunk-ZSEXTH5J.js";
import "./chunk-WMW2GMJB.js";
import "./chunk-WVLE52TS.js";
import "./chunk-TJ3272OI.js";
import "./chunk-ZMWLBIGG.js";
import "./chunk-LAA6A62G.js";
import "./chunk-4Y33S4GC.js";
import "./chunk-UOCBBQ7X.js";
import "./chunk-RBXMYCVE.js";
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
//# sourceMappingURL=rehearsal-Y4IS3BTU.js.map
