import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  clientTls,
  memberUrls,
  probeCluster
} from "./chunk-5SPYDBEF.js";
import "./chunk-SNZZQUVR.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
export {
  clientTls,
  memberUrls,
  probeCluster
};
//# sourceMappingURL=probe-EZ5YDTUT.js.map
