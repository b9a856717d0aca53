import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { shellCommand, shellQuote } from '../../../src/nodes/shell-quote.js';

/** What a real shell makes of a command line: its words, NUL-separated by printf. */
function wordsAfterShell(shell: string[], line: string): string[] {
  const out = execFileSync(shell[0], [...shell.slice(1), '-c', `printf '%s\\0' ${line}`]);
  return out.toString('utf8').split('\0').slice(0, -1);
}

const shells = [['/bin/sh'], ...(existsSync('/bin/busybox') ? [['/bin/busybox', 'sh']] : [])];
// Arguments a process can carry: any well-formed text without NUL, weighted toward shell syntax.
const argument = fc
  .oneof(
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom(...`'"\\$\`!*?[]{}()<>|&;~# \t\n=%@,.:-_aZ9`.split('')) }),
    // Mostly plain characters with one special among them: where a too-loose "plain" rule breaks.
    fc.string({ unit: fc.constantFrom(...'$~*?[]{}#=%@,.:/-_+aZ9'.split('')), maxLength: 5 }),
  )
  .filter((s) => !s.includes('\0') && Buffer.from(s, 'utf8').toString('utf8') === s);

describe.each(shells)('shellQuote through a real %s', (...shell) => {
  it('gives back every argv word for word', () => {
    fc.assert(
      fc.property(fc.array(argument, { minLength: 1, maxLength: 6 }), (argv) => {
        expect(wordsAfterShell(shell, shellCommand(argv))).toEqual(argv);
      }),
      { numRuns: 150 },
    );
  });
});

describe('shellQuote', () => {
  it('leaves plain words readable and quotes the rest', () => {
    expect(shellQuote('/etc/ssl/etcd/ssl/admin-node1.pem')).toBe(
      '/etc/ssl/etcd/ssl/admin-node1.pem',
    );
    expect(shellQuote('--endpoints=https://10.0.0.1:2379')).toBe(
      '--endpoints=https://10.0.0.1:2379',
    );
    expect(shellQuote('')).toBe("''");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('$(reboot)')).toBe("'$(reboot)'");
  });

  it('refuses a NUL byte, which no argument can carry', () => {
    expect(() => shellQuote('a\0b')).toThrow(InputError);
    expect(() => shellCommand([])).toThrow(InputError);
  });
});
