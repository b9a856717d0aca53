import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
} from "./chunk-CYVTZ2YN.js";
import "./chunk-Z7BCRHY5.js";
import "./chunk-57FMYMAD.js";
import "./chunk-KYT2MYDB.js";
import "./chunk-SNZZQUVR.js";
import "./chunk-3LKIW73T.js";
import "./chunk-LZCQGYMB.js";
import "./chunk-6GLSZ6UQ.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";
export {
  KindClusterProvider,
  kindAvailability,
  kindBinary,
  kindConfig
};
//# sourceMappingURL=kind-provider-LEE7U5Y3.js.map
