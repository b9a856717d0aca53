import { randomBytes } from 'node:crypto';
import { constants as osConstants } from 'node:os';
import { posix } from 'node:path';
import { finished as finishedCallback, PassThrough, type Readable, Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { InputError } from '../errors.js';
import {
  CommandFailedError,
  displayCommand,
  maskText,
  NodeError,
  TransportTimeoutError,
} from './errors.js';
import { KILL_GRACE_MS, type StartedCommand } from './started-command.js';
import type {
  ExecOptions,
  ExecResult,
  StreamingExec,
  Transport,
  WriteOptions,
} from './transport.js';

/** stderr kept by a streaming command: its tail is all an error needs. */
const STREAM_STDERR_LIMIT = 64 * 1024;

/**
 * Everything a Transport does, built on one primitive: start argv on the node. Local, SSH and
 * docker differ only in `start` (and how they connect), so exit codes, timeouts, masking,
 * stdin, streaming and atomic writes behave the same on all of them.
 */
export abstract class CommandTransport implements Transport {
  abstract readonly kind: Transport['kind'];

  constructor(readonly node: string) {}

  /**
   * Starts argv on the node with `env` added to its environment; `input` says whether stdin
   * will be fed (otherwise it is ended at once, and a carrier may use it for itself).
   */
  protected abstract start(
    argv: readonly string[],
    env: Record<string, string>,
    input: boolean,
  ): Promise<StartedCommand>;

  abstract close(): Promise<void>;

  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const chunks: Buffer[] = [];
    const run = this.run(argv, options, Number.POSITIVE_INFINITY);
    run.stdout.on('data', (c: Buffer) => chunks.push(c));
    const { code, stderr } = await run.done;
    return { code, stdout: Buffer.concat(chunks).toString('utf8'), stderr };
  }

  script(script: string, options: ExecOptions = {}): Promise<ExecResult> {
    return this.exec(['sh', '-c', script], options);
  }

  /**
   * stdout flows with backpressure (a paused consumer pauses the command), and it only ends
   * once the command has exited 0: a failed command errors the stream instead of ending it,
   * so a pipeline that completes means the whole output arrived.
   */
  execStream(argv: readonly string[], options: ExecOptions = {}): StreamingExec {
    return this.run(argv, options, STREAM_STDERR_LIMIT);
  }

  readFile(path: string): Readable {
    return this.execStream(['cat', '--', path]).stdout;
  }

  /**
   * Two steps so that a broken upload never replaces the file: the data lands in a temp file
   * next to the target, and only when all of it arrived (byte count checked on the node) is it
   * given its mode and owner and renamed over the target. Data in hand (a string or Buffer)
   * takes both steps in one command, its byte count known beforehand; a stream, two.
   */
  async writeFile(
    path: string,
    data: Readable | string | Buffer,
    options: WriteOptions = {},
  ): Promise<void> {
    const { mode, owner } = checkWriteTarget(this.node, path, options);
    const temp = posix.join(
      posix.dirname(path),
      `.${posix.basename(path)}.kube-rescue-${randomBytes(6).toString('hex')}.tmp`,
    );
    // $1 temp, $2 target, $3 the byte count expected, $4 mode, $5 owner (COMMIT_SCRIPT's).
    const commit = (script: string, name: string, bytes: number) =>
      ['sh', '-c', script, name, temp, path, String(bytes), mode, owner] as const;
    try {
      if (typeof data === 'string' || Buffer.isBuffer(data)) {
        // Data in hand: its length is known before it is sent, so upload and commit are one
        // command (one round trip to the node instead of two).
        const bytes = Buffer.from(data);
        await this.exec(commit(UPLOAD_AND_COMMIT_SCRIPT, 'kube-rescue-write', bytes.length), {
          stdin: bytes,
        });
        return;
      }
      let bytes = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          bytes += chunk.length;
          cb(null, chunk);
        },
      });
      // Both settle before any cleanup, so the temp file is not removed while still written.
      const upload = await Promise.allSettled([
        pipeline(data, counter),
        this.exec(['sh', '-c', 'umask 077 && cat > "$1"', 'kube-rescue-write', temp], {
          stdin: counter,
        }),
      ]);
      // The command's error names node and command; the bare source error does not.
      for (const step of upload.reverse()) if (step.status === 'rejected') throw step.reason;
      await this.exec(commit(COMMIT_SCRIPT, 'kube-rescue-commit', bytes));
    } catch (err) {
      // Our own temp file, never the target: safe to remove.
      await this.exec(['rm', '-f', '--', temp], { allowFailure: true }).catch(() => undefined);
      throw err;
    }
  }

  async ping(options: { timeoutMs?: number } = {}): Promise<void> {
    await this.exec(['true'], { timeoutMs: options.timeoutMs ?? 15_000 });
  }

  private run(argv: readonly string[], options: ExecOptions, stderrLimit: number): StreamingExec {
    const mask = options.mask ?? [];
    const shown = displayCommand(argv, mask);
    const stdout = new PassThrough({ highWaterMark: 64 * 1024 });
    const done = this.supervise(argv, options, shown, stdout, stderrLimit).catch((err: unknown) => {
      // Whatever the carrier reported (docker's or sshd's own text) passes the mask too.
      if (err instanceof Error && mask.length) err.message = maskText(err.message, mask);
      throw err;
    });
    done.then(
      () => stdout.end(),
      (err: unknown) => stdout.destroy(err as Error),
    );
    // The failure reaches callers through `done` and through pipeline()/for-await on stdout;
    // a bare `.pipe()` consumer must not crash the process with an unhandled 'error'.
    done.catch(() => undefined);
    stdout.on('error', () => undefined);
    return { stdout, done };
  }

  private async supervise(
    argv: readonly string[],
    options: ExecOptions,
    shown: string,
    stdout: PassThrough,
    stderrLimit: number,
  ): Promise<{ code: number; stderr: string }> {
    let command: StartedCommand;
    try {
      command = await this.start(argv, options.env ?? {}, options.stdin !== undefined);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code === 'ENOENT' && e.syscall?.startsWith('spawn')) {
        return this.verdict(127, null, `${argv[0]}: command not found`, options, shown);
      }
      throw err;
    }

    // Why we stopped the command ourselves, if we did.
    let stopped:
      | { why: 'timeout' }
      | { why: 'stdin'; err: unknown }
      | { why: 'reader' }
      | undefined;
    let giveUp: () => void = () => undefined;
    // A node that ignores the stop (signals unsupported, a hung mount) must not hang us too.
    const abandoned = new Promise<'abandoned'>((resolve) => {
      giveUp = () => resolve('abandoned');
    });
    const stop = (reason: NonNullable<typeof stopped>) => {
      if (stopped) return;
      stopped = reason;
      command.kill();
      setTimeout(giveUp, KILL_GRACE_MS + 1000).unref();
    };
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => stop({ why: 'timeout' }), options.timeoutMs);

    feedStdin(command, options.stdin, (err) => stop({ why: 'stdin', err }));
    let exited = false;
    // A reader that destroys the stream early would otherwise leave the command blocked forever.
    stdout.once('close', () => {
      if (!exited) stop({ why: 'reader' });
    });
    command.stdout.pipe(stdout, { end: false });
    const stderr = collectTail(command.stderr, stderrLimit);
    try {
      const outcome = await Promise.race([
        Promise.all([
          command.exited,
          finished(command.stdout, { writable: false }).catch(() => undefined),
        ]),
        abandoned,
      ]).catch((err: unknown) => {
        // When we stopped it, why we did is the news, not how the carrier reported the end.
        if (stopped) return 'ended' as const;
        throw err;
      });
      exited = true;
      if (outcome === 'abandoned') command.stdout.unpipe(stdout);
      const confirmed = outcome !== 'abandoned';
      switch (stopped?.why) {
        case 'timeout':
          throw new TransportTimeoutError(
            this.node,
            `command ${shown}`,
            options.timeoutMs!,
            confirmed,
          );
        case 'stdin':
          throw new NodeError(
            this.node,
            `Node ${this.node}: the input for command ${shown} failed (${maskText(errorText(stopped.err), options.mask)}); the command was stopped.`,
            { cause: stopped.err },
          );
        case 'reader':
          throw new NodeError(
            this.node,
            `Node ${this.node}: the reader of command ${shown} stopped before it finished; the command was stopped.`,
          );
      }
      if (typeof outcome === 'string') throw new Error(`unreachable: ${outcome} without a stop`);
      const [{ code, signal }] = outcome;
      return this.verdict(code, signal, stderr(), options, shown);
    } finally {
      exited = true;
      clearTimeout(timer);
    }
  }

  private verdict(
    code: number | null,
    signal: string | null,
    stderr: string,
    options: ExecOptions,
    shown: string,
  ): { code: number; stderr: string } {
    const signo = signal ? (osConstants.signals as Record<string, number>)[signal] : undefined;
    const exitCode = code ?? 128 + (signo ?? 0);
    if (exitCode !== 0 && !options.allowFailure) {
      throw new CommandFailedError(
        this.node,
        shown,
        exitCode,
        stderr,
        options.mask,
        signal ?? undefined,
      );
    }
    return { code: exitCode, stderr };
  }
}

/** Checks the size that arrived, then mode, owner and the rename; the target is touched last. */
const COMMIT_SCRIPT = `set -eu
temp=$1 target=$2 expected=$3 mode=$4 owner=$5
got=$(wc -c < "$temp")
if [ "$got" -ne "$expected" ]; then
  echo "kube-rescue: $temp holds $got bytes, expected $expected: upload incomplete" >&2
  exit 1
fi
if [ -n "$mode" ]; then chmod "$mode" "$temp"; fi
if [ -n "$owner" ]; then chown "$owner" "$temp"; fi
mv -f "$temp" "$target"`;

/** COMMIT_SCRIPT after the upload itself, for data whose length is known before it is sent. */
const UPLOAD_AND_COMMIT_SCRIPT = `(umask 077 && cat > "$1") || exit 1
${COMMIT_SCRIPT}`;

function checkWriteTarget(
  node: string,
  path: string,
  options: WriteOptions,
): { mode: string; owner: string } {
  if (!posix.isAbsolute(path) || path.endsWith('/')) {
    throw new InputError(`Cannot write '${path}' on node ${node}: give an absolute file path.`);
  }
  if (
    options.mode !== undefined &&
    !(Number.isInteger(options.mode) && options.mode >= 0 && options.mode <= 0o7777)
  ) {
    throw new InputError(
      `Cannot write '${path}' on node ${node}: mode ${options.mode} is not a file mode (0 to 0o7777).`,
    );
  }
  if (
    options.owner !== undefined &&
    !/^[A-Za-z0-9_][\w.-]*\$?(:[A-Za-z0-9_][\w.-]*\$?)?$/.test(options.owner)
  ) {
    throw new InputError(
      `Cannot write '${path}' on node ${node}: owner '${options.owner}' is not of the form user[:group].`,
    );
  }
  return {
    mode: options.mode === undefined ? '' : options.mode.toString(8),
    owner: options.owner ?? '',
  };
}

function feedStdin(
  command: StartedCommand,
  stdin: ExecOptions['stdin'],
  fail: (err: unknown) => void,
): void {
  // A command may exit without reading all of stdin; that is its business, not an error.
  command.stdin.on('error', () => undefined);
  if (stdin === undefined) {
    command.stdin.end();
  } else if (typeof stdin === 'string' || Buffer.isBuffer(stdin)) {
    command.stdin.end(stdin);
  } else {
    // finished() also reports a source that broke before the command had even started.
    finishedCallback(stdin, { writable: false }, (err) => {
      if (err) fail(err);
    });
    stdin.pipe(command.stdin);
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Collects a stream's text, keeping at most `limit` trailing bytes. */
function collectTail(stream: Readable, limit: number): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    size += chunk.length;
    while (size - chunks[0].length >= limit && chunks.length > 1) size -= chunks.shift()!.length;
  });
  return () => {
    const all = Buffer.concat(chunks);
    return (all.length > limit ? all.subarray(all.length - limit) : all).toString('utf8');
  };
}
