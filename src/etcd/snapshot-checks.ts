import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OperationError } from '../errors.js';
import type { SnapshotStatus } from './etcdctl-output.js';
import { type SnapshotTrailerCheck, SnapshotTrailerReader } from './snapshot-file.js';
import { SnapshotStatusReader } from './snapshot-status.js';

/**
 * The two checks a streamed snapshot gets on its way to the store — its `snapshot status`
 * (SnapshotStatusReader: the CRC-32C of every key and value) and etcd's sha256 trailer
 * (SnapshotTrailerReader, whose sha256 is also the manifest's plaintext sha256) — computed
 * on a worker thread when one can be started, so that the second core does them while the
 * main thread receives and stores (they were ~40 % of its work). The worker gets a copy of
 * every byte, in 1 MiB blocks, in order; at most `IN_FLIGHT_BYTES` wait for it, after which
 * `update` holds the stream back. Without a worker (a TypeScript runner that cannot start
 * one) the same readers run inline; both ways give the same results.
 */

export type TrailerResult = SnapshotTrailerCheck & { fileSha256: string };

export interface SnapshotChecks {
  /** Feeds the next bytes; a promise means: wait before the next. */
  update(chunk: Buffer): void | Promise<void>;
  /** After the last byte: both results (the status rejects when the db is damaged). */
  finish(): { trailer: Promise<TrailerResult>; status: Promise<SnapshotStatus> };
  /** Stops the worker (a stream that failed); results never come. */
  close(): void;
}

const BLOCK_BYTES = 1024 * 1024;
const IN_FLIGHT_BYTES = 8 * BLOCK_BYTES;

/** What the worker answers with once it has all the bytes. */
export type ChecksAnswer =
  | { kind: 'ack'; bytes: number }
  | {
      kind: 'done';
      trailer: TrailerResult;
      status: { ok: true; value: SnapshotStatus } | { ok: false; message: string };
    };

class InlineChecks implements SnapshotChecks {
  private readonly status: SnapshotStatusReader;
  private readonly trailer: SnapshotTrailerReader;
  constructor(name: string) {
    this.status = new SnapshotStatusReader(name);
    this.trailer = new SnapshotTrailerReader(name);
  }
  update(chunk: Buffer): void {
    this.status.update(chunk);
    this.trailer.update(chunk);
  }
  finish() {
    const trailer = Promise.resolve(this.trailer.finish());
    let status: Promise<SnapshotStatus>;
    try {
      status = Promise.resolve(this.status.finish());
    } catch (err) {
      status = Promise.reject(err);
    }
    status.catch(() => {});
    return { trailer, status };
  }
  close(): void {}
}

class WorkerChecks implements SnapshotChecks {
  private block?: Uint8Array<ArrayBuffer>;
  private filled = 0;
  private inFlight = 0;
  private waiting?: () => void;
  private failure?: Error;
  private readonly done: Promise<Extract<ChecksAnswer, { kind: 'done' }>>;

  constructor(
    private readonly worker: Worker,
    name: string,
  ) {
    worker.postMessage({ kind: 'start', name });
    this.done = new Promise((resolve, reject) => {
      worker.on('message', (m: ChecksAnswer) => {
        if (m.kind === 'ack') {
          this.inFlight -= m.bytes;
          if (this.inFlight <= IN_FLIGHT_BYTES) this.wake();
        } else {
          resolve(m);
          void worker.terminate();
        }
      });
      const fail = (err: Error) => {
        this.failure = new OperationError(`The snapshot checks' worker failed: ${err.message}`, {
          cause: err,
        });
        this.wake();
        reject(this.failure);
      };
      worker.once('error', fail);
      worker.once('exit', (code) => fail(new Error(`it exited (${code}) before its answer`)));
    });
    this.done.catch(() => {});
  }

  private wake(): void {
    this.waiting?.();
    this.waiting = undefined;
  }

  update(chunk: Buffer): void | Promise<void> {
    if (this.failure) throw this.failure;
    let at = 0;
    while (at < chunk.length) {
      this.block ??= new Uint8Array(BLOCK_BYTES);
      const n = Math.min(BLOCK_BYTES - this.filled, chunk.length - at);
      this.block.set(chunk.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === BLOCK_BYTES) this.send();
    }
    if (this.inFlight <= IN_FLIGHT_BYTES) return;
    return new Promise<void>((resolve) => {
      this.waiting = resolve;
    }).then(() => {
      if (this.failure) throw this.failure;
    });
  }

  private send(): void {
    const block = this.block!;
    this.worker.postMessage({ kind: 'bytes', buffer: block.buffer, bytes: this.filled }, [
      block.buffer,
    ]);
    this.inFlight += this.filled;
    this.block = undefined;
    this.filled = 0;
  }

  finish() {
    if (this.filled > 0) this.send();
    this.worker.postMessage({ kind: 'end' });
    const trailer = this.done.then((d) => d.trailer);
    const status = this.done.then((d) => {
      if (!d.status.ok) throw new OperationError(d.status.message);
      return d.status.value;
    });
    trailer.catch(() => {});
    status.catch(() => {});
    return { trailer, status };
  }

  close(): void {
    this.worker.removeAllListeners('exit');
    void this.worker.terminate();
  }
}

/**
 * Where the worker's code is: beside this module in src/ (run through tsx), or beside the
 * bundle's chunks (scripts/bundle-config.mjs: dist/ for the action, dist/cli-chunks/ for
 * the CLI).
 */
function workerFile(): URL | undefined {
  const candidates = [
    new URL('./snapshot-checks-worker.ts', import.meta.url),
    new URL('./snapshot-checks-worker.js', import.meta.url),
    new URL('./cli-chunks/snapshot-checks-worker.js', import.meta.url),
  ];
  return candidates.find((url) => url.protocol === 'file:' && existsSync(fileURLToPath(url)));
}

/**
 * The checks of one streamed snapshot (`name` for errors), on a worker thread unless
 * `worker` is false; inline also where no worker file is found, or with
 * KUBE_RESCUE_INLINE_CHECKS=1 (to compare the two).
 */
export function startSnapshotChecks(name: string, opts: { worker?: boolean } = {}): SnapshotChecks {
  const wanted = opts.worker !== false && !process.env.KUBE_RESCUE_INLINE_CHECKS;
  const file = wanted ? workerFile() : undefined;
  if (!file) return new InlineChecks(name);
  if (!file.pathname.endsWith('.ts')) return new WorkerChecks(new Worker(file), name);
  // From src/ (tests, tsx): the worker's TypeScript gets tsx's loader in its own thread.
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file.href)}); })`;
  return new WorkerChecks(new Worker(boot, { eval: true }), name);
}
