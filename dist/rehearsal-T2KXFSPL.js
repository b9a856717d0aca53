import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  keyDigests,
  revisionBumpOf,
  runScenario,
  scenarioTopology,
  scenariosFor
} from "./chunk-EA6E5VCC.js";
import "./chunk-AXQSCSDS.js";
import "./chunk-CYVTZ2YN.js";
import "./chunk-SYOJGM5C.js";
import "./chunk-2NC5A4CN.js";
import "./chunk-5SPYDBEF.js";
import "./chunk-MEJURZJQ.js";
import "./chunk-GYZZWE6L.js";
import {
  REHEARSAL_PROVIDERS,
  SCENARIOS
} from "./chunk-Z7BCRHY5.js";
import "./chunk-57FMYMAD.js";
import "./chunk-KYT2MYDB.js";
import "./chunk-SNZZQUVR.js";
import "./chunk-3LKIW73T.js";
import "./chunk-LZCQGYMB.js";
import "./chunk-BLIDGS7V.js";
import "./chunk-6GLSZ6UQ.js";
import "./chunk-BY6X66LN.js";
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
//# sourceMappingURL=rehearsal-T2KXFSPL.js.map
