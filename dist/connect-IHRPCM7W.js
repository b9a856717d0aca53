import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  NodePool,
  connectNode,
  parseJumpHost
} from "./chunk-GYZZWE6L.js";
import "./chunk-KYT2MYDB.js";
import "./chunk-SNZZQUVR.js";
import "./chunk-LZCQGYMB.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
export {
  NodePool,
  connectNode,
  parseJumpHost
};
//# sourceMappingURL=connect-IHRPCM7W.js.map
