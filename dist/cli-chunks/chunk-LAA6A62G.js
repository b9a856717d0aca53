#!/usr/bin/env node

// src/cjs-interop.ts
function namedExports(m) {
  const d = m.default;
  const named = Object.keys(m).some((k) => k !== "default");
  return named || d === null || typeof d !== "object" ? m : d;
}

export {
  namedExports
};
//# sourceMappingURL=chunk-LAA6A62G.js.map
