import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// A real Node process: the warnings it prints on stderr with the filter installed.
function stderrOf(script: string): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    cwd: process.cwd(),
  });
  expect(r.status).toBe(0);
  return r.stderr;
}

describe('dropHarmlessWarnings', () => {
  it("drops DEP0123 (grpc-js's IP as TLS ServerName) and prints every other warning as Node does", () => {
    const err = stderrOf(`
      import { dropHarmlessWarnings } from './src/node-warnings.ts';
      dropHarmlessWarnings();
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted', { type: 'DeprecationWarning', code: 'DEP0123' });
      process.emitWarning('something else', { type: 'DeprecationWarning', code: 'DEP0999' });
      process.emitWarning('plain');
    `);
    expect(err).not.toContain('DEP0123');
    expect(err).toMatch(/^\(node:\d+\) \[DEP0999\] DeprecationWarning: something else$/m);
    expect(err).toMatch(/^\(node:\d+\) Warning: plain$/m);
  });

  it('without it, Node prints DEP0123 (the warning this exists for)', () => {
    const err = stderrOf(`
      process.emitWarning('Setting the TLS ServerName to an IP address is not permitted', { type: 'DeprecationWarning', code: 'DEP0123' });
    `);
    expect(err).toContain('[DEP0123] DeprecationWarning');
  });
});
