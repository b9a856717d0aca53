// Bundles the action (dist/index.js, dist/post.js) and the CLI (dist/cli.js) for node24,
// runnable on Node 20, with source maps and the licenses of everything bundled.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'warning',
  // ESM bundles still meet CommonJS dependencies that call require().
  banner: {
    js: "import { createRequire as __krCreateRequire } from 'node:module'; const require = __krCreateRequire(import.meta.url);",
  },
  // Native optional addons of ssh2 are loaded only if present; the pure-JS path is used otherwise.
  external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
};

await rm('dist', { recursive: true, force: true });
const results = await Promise.all([
  build({ ...common, entryPoints: { index: 'src/main.ts', post: 'src/post.ts' }, outdir: 'dist' }),
  build({
    ...common,
    entryPoints: { cli: 'src/cli.ts' },
    outdir: 'dist',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
  }),
]);
await writeFile('dist/package.json', '{ "type": "module" }\n');

// Collect the license of every package that ended up in a bundle.
const packages = new Map();
for (const r of results) {
  for (const input of Object.keys(r.metafile.inputs)) {
    const m = input.match(/^(.*node_modules\/(@[^/]+\/[^/]+|[^/]+))\//);
    if (m) packages.set(m[2], m[1]);
  }
}
const sections = [];
for (const [name, dir] of [...packages].sort()) {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  let text = '';
  for (const f of ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE', 'license.md']) {
    try {
      text = await readFile(join(dir, f), 'utf8');
      break;
    } catch {}
  }
  sections.push(`${name}@${pkg.version}\n${pkg.license ?? 'UNKNOWN'}\n${text.trim()}\n`);
}
await writeFile('dist/licenses.txt', `${sections.join('\n-----\n\n')}`);
void dirname;
