#!/usr/bin/env node
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-AUEIV7HC.js";
import "./chunk-FP6AHCZU.js";
import "./chunk-OA4YAPLV.js";
import "./chunk-4QSCLAKV.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import "./chunk-334KHHI3.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-VOQQFXH7.js";
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
//# sourceMappingURL=rehearsal-BUBUZKUI.js.map
