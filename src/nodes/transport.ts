import type { Readable } from 'node:stream';

/**
 * How commands reach a node. Every side effect on a node goes through one Transport;
 * recovery and backup code never know whether it is SSH, `docker exec`, or this machine.
 */
export interface ExecOptions {
  /** Extra environment for the command. */
  env?: Record<string, string>;
  /** Data for the command's stdin. */
  stdin?: Readable | string | Buffer;
  /** Kill the command after this many milliseconds (TransportTimeoutError). */
  timeoutMs?: number;
  /** Values masked as *** in errors and logs (keys, tokens). */
  mask?: string[];
  /** Return a non-zero exit as a result instead of throwing CommandFailedError. */
  allowFailure?: boolean;
}

export interface ExecResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A running command whose stdout is consumed as a stream (snapshots, tar archives). */
export interface StreamingExec {
  stdout: Readable;
  /** Settles when the command has exited; rejects like `exec` does on failure. */
  done: Promise<{ code: number; stderr: string }>;
}

export interface WriteOptions {
  /** File mode, e.g. 0o600. */
  mode?: number;
  /** `user[:group]`. */
  owner?: string;
}

export interface Transport {
  /** The node's name as errors and logs show it (inventory hostname). */
  readonly node: string;
  readonly kind: 'local' | 'ssh' | 'docker';
  /** Runs argv (no shell). Throws CommandFailedError on a non-zero exit unless allowFailure. */
  exec(argv: readonly string[], options?: ExecOptions): Promise<ExecResult>;
  /** Runs a POSIX shell script (`sh -c`). Same error rules as exec. */
  script(script: string, options?: ExecOptions): Promise<ExecResult>;
  /** Runs argv and hands its stdout over as a stream. */
  execStream(argv: readonly string[], options?: ExecOptions): StreamingExec;
  /** A remote file as a stream. */
  readFile(path: string): Readable;
  /** Writes a remote file from a stream, atomically (temp + rename), with mode and owner. */
  writeFile(path: string, data: Readable | string | Buffer, options?: WriteOptions): Promise<void>;
  /** Resolves when the node answers; throws UnreachableError / AuthError / TransportTimeoutError. */
  ping(options?: { timeoutMs?: number }): Promise<void>;
  /** Releases connections. Safe to call twice. */
  close(): Promise<void>;
}
