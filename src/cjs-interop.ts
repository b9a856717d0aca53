/**
 * A CommonJS package loaded with `import()`: Node gives its named exports, but in the
 * action's bundle (an esbuild chunk) the module has only `default`. Either way, the exports.
 */
export function namedExports<T extends object>(m: T): T {
  const d = (m as { default?: unknown }).default;
  const named = Object.keys(m).some((k) => k !== 'default');
  return named || d === null || typeof d !== 'object' ? m : (d as T);
}
