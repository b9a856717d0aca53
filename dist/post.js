import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  tempDir
} from "./chunk-IYUOVFDI.js";
import {
  info,
  warning
} from "./chunk-IODFN4ZI.js";
import "./chunk-DNO6I5HZ.js";

// src/post.ts
import { rm } from "node:fs/promises";
async function cleanup() {
  const dir = tempDir();
  if (!dir) return;
  try {
    await rm(dir, { recursive: true, force: true });
    info("Removed temporary key material.");
  } catch (err) {
    warning(`Could not remove ${dir}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
void cleanup();
//# sourceMappingURL=post.js.map
