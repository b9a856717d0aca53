import { InputError } from '../errors.js';

/** Characters a POSIX shell never treats specially, so such words need no quotes. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One argument as a POSIX `sh` word that expands back to exactly `arg`.
 * Single quotes stop every expansion; a single quote itself is closed, escaped, reopened.
 */
export function shellQuote(arg: string): string {
  if (arg.includes('\0')) {
    throw new InputError(
      'A command argument contains a NUL byte, which no process argument can carry; remove it.',
    );
  }
  if (PLAIN_WORD.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** argv as one command line for a remote shell (SSH sends a string, not an argv). */
export function shellCommand(argv: readonly string[]): string {
  if (argv.length === 0) throw new InputError('An empty command cannot be run on a node.');
  return argv.map(shellQuote).join(' ');
}
