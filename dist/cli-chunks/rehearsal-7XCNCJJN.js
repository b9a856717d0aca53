#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-CQT6OULC.js";
import "./chunk-M6XLPVTQ.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-6LBDIUJR.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-RH6OFGSW.js";
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
//# sourceMappingURL=rehearsal-7XCNCJJN.js.map
