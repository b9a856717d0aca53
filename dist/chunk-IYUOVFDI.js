import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  getState,
  saveState
} from "./chunk-IODFN4ZI.js";

// src/action/state.ts
var TEMP_DIR = "tempDir";
function saveTempDir(dir) {
  saveState(TEMP_DIR, dir);
}
function tempDir() {
  return getState(TEMP_DIR) || void 0;
}

export {
  saveTempDir,
  tempDir
};
//# sourceMappingURL=chunk-IYUOVFDI.js.map
