import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-N4DP3CMW.js";
import "./chunk-4VGQQ4QT.js";
import "./chunk-D3PYTXZ2.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-Z7BCRHY5.js";
import "./chunk-7AFIQGEJ.js";
import "./chunk-JCE33GST.js";
import "./chunk-YVXULLNT.js";
import "./chunk-6GLSZ6UQ.js";
import "./chunk-BY6X66LN.js";
import "./chunk-AXQSCSDS.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
export {
  REHEARSAL_PROVIDERS,
  SCENARIOS,
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
};
//# sourceMappingURL=rehearsal-PGSHFNIF.js.map
