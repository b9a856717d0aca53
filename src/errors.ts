/**
 * Errors are for people: each says what was wrong, where, and what to do.
 * `exitCode` follows the CLI contract: 1 = the operation failed, 2 = bad input or usage.
 */
export class KubeRescueError extends Error {
  readonly exitCode: 1 | 2;
  constructor(message: string, exitCode: 1 | 2, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** Bad input: a flag, an input, a file the user gave us. Nothing was touched. Exit 2. */
export class InputError extends KubeRescueError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 2, options);
  }
}

/** The operation itself failed (a node, etcd, a store). Exit 1. */
export class OperationError extends KubeRescueError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 1, options);
  }
}

/** A command or code path that is not built yet. Said plainly, never faked. Exit 2. */
export class NotBuiltError extends KubeRescueError {
  constructor(what: string, issue: string) {
    super(`${what} is not built yet (tracked in the issue "${issue}").`, 2);
  }
}

export function exitCodeOf(err: unknown): 1 | 2 {
  return err instanceof KubeRescueError ? err.exitCode : 1;
}
