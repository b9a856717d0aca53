// Bundles the action (dist/index.js, dist/post.js) and the CLI (dist/cli.js) for node24,
// runnable on Node 20, with source maps and the licenses of everything bundled.
//
// The action runs from dist/ alone, so it carries all its dependencies (index.js and post.js
// plus the chunks they load). The CLI is the `bin` of the npm package, installed with its
// dependencies, so it keeps them external. The options are in bundle-config.mjs.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import { actionOptions, cliOptions } from './bundle-config.mjs';

const cliBuild = (outdir) => build({ ...cliOptions, outdir });

// `--cli-to DIR` builds only the CLI, into DIR (the benchmark runs the bundled CLI of the
// working tree without touching the committed dist/).
const cliTo = process.argv.indexOf('--cli-to');
if (cliTo > 0) {
  await rm(process.argv[cliTo + 1], { recursive: true, force: true });
  await cliBuild(process.argv[cliTo + 1]);
  process.exit(0);
}

await rm('dist', { recursive: true, force: true });
const action = await build({ ...actionOptions, outdir: 'dist' });
const cli = await cliBuild('dist');

// What each entry loads at start (itself and the chunks it imports statically), and what
// it may load later, so that a harness or SDK slipping into the start path shows at once.
for (const { metafile } of [action, cli]) {
  const outputs = metafile.outputs;
  const closure = (file, kinds) => {
    const seen = new Set([file]);
    for (const f of seen)
      for (const i of outputs[f]?.imports ?? [])
        if (!i.external && kinds.includes(i.kind)) seen.add(i.path);
    return seen;
  };
  const bytes = (files) => [...files].reduce((n, f) => n + outputs[f].bytes, 0);
  const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
  for (const file of Object.keys(outputs)) {
    if (!/^dist\/(index|post|cli)\.js$/.test(file)) continue;
    const start = closure(file, ['import-statement']);
    const all = closure(file, ['import-statement', 'dynamic-import']);
    console.log(
      `${file}: ${mb(bytes(start))} at start (${start.size} files), ${mb(bytes(all))} with what it loads on demand`,
    );
  }
}
await cp('node_modules/etcd3/proto', 'dist/proto/etcd3', { recursive: true });
await writeFile('dist/package.json', '{ "type": "module" }\n');

// The license of every package that ended up in the action's bundle.
const packages = new Map();
for (const input of Object.keys(action.metafile.inputs)) {
  const m = input.match(/^(.*node_modules\/(@[^/]+\/[^/]+|[^/]+))\//);
  if (m) packages.set(m[2], m[1]);
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
