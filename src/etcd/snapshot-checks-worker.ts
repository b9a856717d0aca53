/**
 * The worker of src/etcd/snapshot-checks.ts: the snapshot's status and its sha256 trailer,
 * computed from the blocks the main thread sends, in order; each block is acknowledged once
 * read (the main thread's backpressure), the results are sent after the last one.
 */
import { parentPort } from 'node:worker_threads';
import type { ChecksAnswer } from './snapshot-checks.js';
import { SnapshotTrailerReader } from './snapshot-file.js';
import { SnapshotStatusReader } from './snapshot-status.js';

type Message =
  | { kind: 'start'; name: string }
  | { kind: 'bytes'; buffer: ArrayBuffer; bytes: number }
  | { kind: 'end' };

const port = parentPort!;
let status: SnapshotStatusReader | undefined;
let trailer: SnapshotTrailerReader | undefined;
let failure: string | undefined;

const answer = (m: ChecksAnswer) => port.postMessage(m);

port.on('message', (m: Message) => {
  if (m.kind === 'start') {
    status = new SnapshotStatusReader(m.name);
    trailer = new SnapshotTrailerReader(m.name);
  } else if (m.kind === 'bytes') {
    const chunk = Buffer.from(m.buffer, 0, m.bytes);
    trailer!.update(chunk);
    try {
      if (!failure) status!.update(chunk);
    } catch (err) {
      failure = (err as Error).message;
    }
    answer({ kind: 'ack', bytes: m.bytes });
  } else {
    const t = trailer!.finish();
    let s: Extract<ChecksAnswer, { kind: 'done' }>['status'];
    try {
      if (failure) throw new Error(failure);
      s = { ok: true, value: status!.finish() };
    } catch (err) {
      s = { ok: false, message: (err as Error).message };
    }
    answer({ kind: 'done', trailer: t, status: s });
  }
});
