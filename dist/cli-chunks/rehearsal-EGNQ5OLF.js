#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-3RTRIWAN.js";
import "./chunk-7OVY3PDG.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-FGCEPGDY.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-4Q4TQWOV.js";
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
//# sourceMappingURL=rehearsal-EGNQ5OLF.js.map
