// Bundles the action (dist/index.js, dist/post.js) and the CLI (dist/cli.js) for node24,
// runnable on Node 20, with source maps and the licenses of everything bundled.
//
// The action runs from dist/ alone, so it carries all its dependencies. The CLI is the `bin`
// of the npm package, installed with its dependencies, so it keeps them external.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';

// ESM bundles still meet CommonJS dependencies that call require() or read __dirname.
const esmShim = [
  "import { createRequire as __krCreateRequire } from 'node:module';",
  "import { dirname as __krDirname } from 'node:path';",
  "import { fileURLToPath as __krFileURLToPath } from 'node:url';",
  'const require = __krCreateRequire(import.meta.url);',
  'const __filename = __krFileURLToPath(import.meta.url);',
  'const __dirname = __krDirname(__filename);',
].join(' ');

// etcd3 loads its gRPC definitions from a path beside its own sources; in the bundle they
// live in dist/proto/etcd3/.
const etcd3Protos = {
  name: 'etcd3-protos',
  setup(b) {
    b.onLoad({ filter: /etcd3[\\/]lib[\\/]connection-pool\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text to replace, literally
      const from = '`${__dirname}/../proto/rpc.proto`';
      if (!text.includes(from))
        throw new Error(`etcd3 changed how it finds rpc.proto: ${args.path}`);
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the replacement source text, literally
      const to = '`${__dirname}/proto/etcd3/rpc.proto`';
      return { contents: text.replace(from, to), loader: 'js' };
    });
  },
};

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
  // Native optional addons of ssh2 are loaded only if present; the pure-JS path is used otherwise.
  external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
};

// The CLI as dist/ has it: `--cli-to DIR` builds only that, into DIR (the benchmark runs the
// bundled CLI of the working tree without touching the committed dist/).
const cliBuild = (outdir) =>
  build({
    ...common,
    entryPoints: { cli: 'src/cli.ts' },
    outdir,
    // Modules behind a dynamic import() (the S3 store and the AWS SDK, the harness) go into
    // chunks loaded only when used, so every CLI start does not pay for them.
    splitting: true,
    chunkNames: 'cli-chunks/[name]-[hash]',
    packages: 'external',
    banner: { js: '#!/usr/bin/env node' },
  });
const cliTo = process.argv.indexOf('--cli-to');
if (cliTo > 0) {
  await rm(process.argv[cliTo + 1], { recursive: true, force: true });
  await cliBuild(process.argv[cliTo + 1]);
  process.exit(0);
}

await rm('dist', { recursive: true, force: true });
const action = await build({
  ...common,
  entryPoints: { index: 'src/main.ts', post: 'src/post.ts' },
  outdir: 'dist',
  banner: { js: esmShim },
  plugins: [etcd3Protos],
});
await cliBuild('dist');
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
