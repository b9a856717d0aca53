import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  CONTROL_PLANE_GROUPS,
  detectFormat,
  loadInventory,
  parseInventory,
  parseInventoryDocument,
  readExtraVars,
  recoveryRewrite,
  writeInventoryDocument
} from "./chunk-MEJURZJQ.js";
import "./chunk-3LKIW73T.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
export {
  CONTROL_PLANE_GROUPS,
  detectFormat,
  loadInventory,
  parseInventory,
  parseInventoryDocument,
  readExtraVars,
  recoveryRewrite,
  writeInventoryDocument
};
//# sourceMappingURL=inventory-2QZESDCT.js.map
