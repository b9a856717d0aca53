// What scripts/bundle.mjs builds, apart from the building, so that tests check the very
// options that make dist/ (test/unit/action/lean-start.test.ts).
import { readFile } from 'node:fs/promises';

// ESM bundles still meet CommonJS dependencies that call require() or read __dirname.
export const esmShim = [
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

// @actions/core imports its OIDC client, and through it @actions/http-client and undici
// (~1 MB), at its top only for getIDToken, which nothing here calls. None of these modules
// does anything when loaded, so saying so lets esbuild drop them wherever they go unused
// (post.js, the action's start); the artifact client, which uses them, keeps them in its chunk.
const httpClientWithoutSideEffects = {
  name: 'http-client-side-effect-free',
  setup(b) {
    b.onResolve({ filter: /^@actions\/http-client(\/|$)|^\.\/oidc-utils\.js$/ }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      if (args.path.startsWith('.') && !/@actions[\\/]core[\\/]/.test(args.importer))
        return undefined;
      const r = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'resolving',
      });
      return r.errors.length > 0 ? { errors: r.errors } : { path: r.path, sideEffects: false };
    });
  },
};

export const common = {
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

// The CLI as dist/ has it.
export const cliOptions = {
  ...common,
  // The worker of src/etcd/snapshot-checks.ts, beside the chunks that start it.
  entryPoints: {
    cli: 'src/cli.ts',
    'cli-chunks/snapshot-checks-worker': 'src/etcd/snapshot-checks-worker.ts',
  },
  // Modules behind a dynamic import() (the S3 store and the AWS SDK, the harness) go into
  // chunks loaded only when used, so every CLI start does not pay for them.
  splitting: true,
  chunkNames: 'cli-chunks/[name]-[hash]',
  packages: 'external',
  banner: { js: '#!/usr/bin/env node' },
};

// The action: dist/index.js (main) and dist/post.js (post).
export const actionOptions = {
  ...common,
  entryPoints: {
    index: 'src/main.ts',
    post: 'src/post.ts',
    'snapshot-checks-worker': 'src/etcd/snapshot-checks-worker.ts',
  },
  // What only some commands need (the harness behind `rehearse`, the AWS SDK behind s3://)
  // sits behind a dynamic import() and goes into a chunk of its own, loaded only when used.
  // Chunks stay beside the entries: etcd3's proto path above is relative to its file's dir.
  splitting: true,
  chunkNames: '[name]-[hash]',
  banner: { js: esmShim },
  plugins: [etcd3Protos, httpClientWithoutSideEffects],
};
