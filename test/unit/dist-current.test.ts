import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { actionOptions, cliOptions } from '../../scripts/bundle-config.mjs';

// dist/ is committed (the action runs from it, and the CLI's bin is dist/cli.js): it must be
// what the sources build to. The build is rerun in memory with the options of
// scripts/bundle.mjs and compared, file by file, with what is committed.
describe('the committed dist/ is the build of the sources', () => {
  it('every .js file esbuild makes is in dist/ with the same bytes, and dist/ has no other', async () => {
    const built = new Map<string, Buffer>();
    for (const options of [actionOptions, cliOptions]) {
      const r = await build({ ...options, outdir: 'dist', write: false, logLevel: 'silent' });
      for (const f of r.outputFiles) {
        const name = relative(process.cwd(), f.path);
        if (name.endsWith('.js')) built.set(name, Buffer.from(f.contents));
      }
    }
    const onDisk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? e.name === 'proto'
            ? []
            : onDisk(join(dir, e.name))
          : e.name.endsWith('.js')
            ? [join(dir, e.name)]
            : [],
      );
    const committed = onDisk('dist').sort();
    const hint = 'run `npm run bundle` and commit dist/ with the change';
    expect(committed, hint).toEqual([...built.keys()].sort());
    for (const [name, bytes] of built) {
      expect(readFileSync(name).equals(bytes), `${name} differs from its build: ${hint}`).toBe(
        true,
      );
    }
  }, 180_000);
});
