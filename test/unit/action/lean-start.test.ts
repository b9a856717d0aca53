import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionOptions, cliOptions } from '../../../scripts/bundle-config.mjs';

// The action and the CLI built with the very options of scripts/bundle.mjs, in memory: what
// an entry loads at start is its own output plus the chunks it imports statically.
let outputs: Metafile['outputs'] = {};
beforeAll(async () => {
  for (const options of [actionOptions, cliOptions]) {
    const r = await build({ ...options, outdir: 'dist', write: false, sourcemap: false });
    outputs = { ...outputs, ...r.metafile!.outputs };
  }
}, 120_000);

function sources(entry: string, kinds: string[]): string[] {
  const main = Object.keys(outputs).find(
    (k) => outputs[k].entryPoint === entry && k.endsWith('.js'),
  );
  if (!main) throw new Error(`no output for ${entry}`);
  const seen = new Set([main]);
  for (const f of seen)
    for (const i of outputs[f].imports) if (!i.external && kinds.includes(i.kind)) seen.add(i.path);
  return [...seen].flatMap((f) => Object.keys(outputs[f].inputs));
}

/** The packages the start of `entry` imports (the CLI keeps node_modules external). */
function externalsAtStart(entry: string): string[] {
  const main = Object.keys(outputs).find(
    (k) => outputs[k].entryPoint === entry && k.endsWith('.js'),
  )!;
  const seen = new Set([main]);
  const externals = new Set<string>();
  for (const f of seen)
    for (const i of outputs[f].imports) {
      if (i.kind !== 'import-statement') continue;
      if (i.external) externals.add(i.path);
      else seen.add(i.path);
    }
  return [...externals];
}

describe('what the action and the CLI load at start', () => {
  it('the CLI starts without SSH, YAML or gRPC: a backup from this machine never loads them', () => {
    const externals = externalsAtStart('src/cli.ts');
    expect(externals).toContain('commander');
    for (const heavy of ['ssh2', 'yaml', 'etcd3', '@grpc/grpc-js']) {
      expect(externals).not.toContain(heavy);
    }
  });

  it.each(['src/main.ts', 'src/post.ts', 'src/cli.ts'])(
    '%s loads neither the harness nor testcontainers nor the AWS SDK at start',
    (entry) => {
      const atStart = sources(entry, ['import-statement']);
      expect(atStart).toContain(entry);
      expect(atStart.filter((p) => p.startsWith('harness/'))).toEqual([]);
      expect(atStart.filter((p) => /node_modules\/(testcontainers|@aws-sdk)\//.test(p))).toEqual(
        [],
      );
    },
  );

  it('post.js, one clean-up, does not carry the HTTP client of @actions/core', () => {
    expect(sources('src/post.ts', ['import-statement']).filter((p) => /undici/.test(p))).toEqual(
      [],
    );
  });

  it('the rehearse command still reaches the harness, through a dynamic import', () => {
    const later = sources('src/main.ts', ['import-statement', 'dynamic-import']);
    expect(later).toContain('harness/rehearsal.ts');
    expect(later.some((p) => p.includes('node_modules/testcontainers/'))).toBe(true);
  });
});
