#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-J7AVIPLH.js";
import "./chunk-42GT6KGJ.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-4KWEA2W3.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-VOA5223M.js";
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
//# sourceMappingURL=rehearsal-JNZB3RP2.js.map
