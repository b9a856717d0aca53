import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);

// src/cjs-interop.ts
function namedExports(m) {
  const d = m.default;
  const named = Object.keys(m).some((k) => k !== "default");
  return named || d === null || typeof d !== "object" ? m : d;
}

export {
  namedExports
};
//# sourceMappingURL=chunk-57FMYMAD.js.map
