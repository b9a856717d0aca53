import { readFile } from 'node:fs/promises';
import { type ClientHttp2Session, type ClientHttp2Stream, connect, constants } from 'node:http2';
import { OperationError } from '../errors.js';
import type { DirectEtcdAccess, EtcdHashKV } from './fingerprint.js';

/**
 * The few etcd gRPC calls a backup makes (Maintenance.Snapshot, Maintenance.HashKV, a
 * count-only KV.Range), spoken directly over Node's HTTP/2: gRPC's framing (a 5-byte prefix
 * per message, the status in the trailers) and the handful of protobuf fields these calls
 * use. Why not the npm `etcd3` client (grpc-js + protobufjs) that the rest uses: the snapshot
 * is ~18,000 messages of 32 KiB per 600 MB, and that client turns each into an object with
 * every field defaulted and every 64-bit integer made a string, on top of grpc-js's own
 * per-message work, and loads grpc-js and parses etcd's .proto at start; and its HTTP/2
 * windows are 64 KiB, so etcd stops after every two messages to wait for a WINDOW_UPDATE.
 * Here etcd may send `WINDOW_BYTES` ahead; backpressure still holds, since a stream not read
 * sends no WINDOW_UPDATE, which bounds what is buffered to that window.
 */

/**
 * Flow-control window of the connection and of each stream. Measured on a 250 MB snapshot
 * (etcd's CPU while sending it; peak anonymous memory of the CLI): 64 KiB (grpc-js) 1.9 s;
 * 1 MiB 1.1-1.3 s, 72 MB; 4 MiB 1.0 s (as for etcdctl), 89 MB; 8 MiB 1.0 s, 115 MB; 16 MiB
 * 1.0 s, 163 MB — what is in flight is held several times over (read buffers, their slices).
 */
export const WINDOW_BYTES = 4 * 1024 * 1024;

/** The largest message accepted (grpc-js's limit as the rest of kube-rescue sets it). */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;

export interface WireTls {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** gRPC status codes that say something to a person (the rest are shown by number). */
const STATUS_NAMES: Record<number, string> = {
  1: 'CANCELLED',
  2: 'UNKNOWN',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  11: 'OUT_OF_RANGE',
  12: 'UNIMPLEMENTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};

/** A call etcd answered with a non-zero gRPC status. */
export class GrpcStatusError extends OperationError {
  constructor(
    readonly endpoint: string,
    readonly method: string,
    readonly code: number,
    readonly details: string,
  ) {
    super(
      `etcd at ${endpoint} refused ${method}: ${STATUS_NAMES[code] ?? `status ${code}`}${details ? `: ${details}` : ''}`,
    );
  }
}

/** One HTTP/2 connection to one etcd member; the caller closes it. */
export class EtcdWire {
  private constructor(
    readonly endpoint: string,
    private readonly session: ClientHttp2Session,
  ) {}

  static connect(
    endpoint: string,
    opts: { tls?: WireTls; dialTimeoutMs?: number } = {},
  ): Promise<EtcdWire> {
    const url = endpoint.replace(/\/$/, '');
    if (url.startsWith('https:') && !opts.tls) {
      return Promise.reject(
        new OperationError(`${endpoint} is https: a client certificate is needed to reach it.`),
      );
    }
    const session = connect(url, {
      settings: { initialWindowSize: WINDOW_BYTES },
      ...(opts.tls ? { ca: opts.tls.ca, cert: opts.tls.cert, key: opts.tls.key } : {}),
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        session.destroy();
        reject(
          new OperationError(`No answer from etcd at ${endpoint} within ${opts.dialTimeoutMs}ms.`),
        );
      }, opts.dialTimeoutMs ?? 5000);
      session.once('connect', () => {
        clearTimeout(timer);
        session.off('error', failed);
        // Errors of a session in use reach the calls on it; this keeps one from being thrown.
        session.on('error', () => {});
        session.setLocalWindowSize(WINDOW_BYTES);
        resolve(new EtcdWire(endpoint, session));
      });
      const failed = (err: Error) => {
        clearTimeout(timer);
        session.destroy();
        reject(new OperationError(`Cannot reach etcd at ${endpoint}: ${err.message}`));
      };
      session.once('error', failed);
    });
  }

  close(): void {
    this.session.close();
  }

  /** A call with one request message: the messages of the answer, as they arrive. */
  async *call(method: string, request: Buffer): AsyncGenerator<Buffer> {
    const stream = this.session.request({
      ':method': 'POST',
      ':path': method,
      'content-type': 'application/grpc',
      te: 'trailers',
    });
    const frame = Buffer.alloc(5 + request.length);
    frame.writeUInt32BE(request.length, 1);
    request.copy(frame, 5);
    stream.end(frame);
    const status = callStatus(stream);
    const messages = new MessageReader(this.endpoint, method);
    let ended = false;
    try {
      for await (const chunk of piecesOf(stream)) {
        for (const m of messages.push(chunk)) yield m;
      }
      ended = true;
    } catch (err) {
      const refused = await Promise.race([status, Promise.resolve(undefined)]);
      if (refused?.code)
        throw new GrpcStatusError(this.endpoint, method, refused.code, refused.details);
      throw new OperationError(
        `The ${method} call to etcd at ${this.endpoint} failed: ${(err as Error).message}`,
        { cause: err },
      );
    } finally {
      // Stopped early (the consumer failed): etcd stops sending.
      if (!ended && !stream.closed) stream.close(constants.NGHTTP2_CANCEL);
    }
    const { code, details } = await status;
    if (code !== 0) throw new GrpcStatusError(this.endpoint, method, code, details);
    messages.end();
  }

  /** A call with one answer message. */
  async unary(method: string, request: Buffer): Promise<Buffer> {
    let answer: Buffer | undefined;
    for await (const m of this.call(method, request)) answer ??= m;
    if (!answer) {
      throw new OperationError(`etcd at ${this.endpoint} answered ${method} with no message.`);
    }
    return answer;
  }
}

/**
 * The stream's data piece by piece, as HTTP/2 delivered it, holding etcd back (no reads,
 * so no WINDOW_UPDATE) while `QUEUED_PIECES` wait. (A stream's own async iterator reads
 * all that is buffered at once, which joins the pieces into one more copy.)
 */
async function* piecesOf(stream: ClientHttp2Stream): AsyncGenerator<Buffer> {
  const queue: Buffer[] = [];
  let ended = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  const onData = (piece: Buffer) => {
    queue.push(piece);
    if (queue.length >= QUEUED_PIECES) stream.pause();
    notify();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (err: Error) => {
    failure = err;
    notify();
  };
  stream.on('data', onData);
  stream.on('end', onEnd);
  stream.on('close', onEnd);
  stream.on('error', onError);
  try {
    for (;;) {
      if (failure) throw failure;
      const piece = queue.shift();
      if (piece) {
        if (queue.length < QUEUED_PIECES / 2 && stream.isPaused()) stream.resume();
        yield piece;
      } else if (ended) {
        return;
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    }
  } finally {
    stream.off('data', onData);
    stream.off('end', onEnd);
    stream.off('close', onEnd);
    stream.off('error', onError);
  }
}

/** Pieces of data (≤ 16 KiB each: HTTP/2 frames) read ahead of the consumer. */
const QUEUED_PIECES = 64;

/**
 * The call's gRPC status: from the trailers, or from the headers of a trailers-only answer
 * (an immediate refusal). A stream that closes without either (reset) is an error.
 */
function callStatus(stream: ClientHttp2Stream): Promise<{ code: number; details: string }> {
  return new Promise((resolve) => {
    const from = (h: Record<string, unknown>) => {
      const code = h['grpc-status'];
      if (code === undefined) return false;
      const raw = String(h['grpc-message'] ?? '');
      let details = raw;
      try {
        details = decodeURIComponent(raw);
      } catch {
        // Not percent-encoded as it should be: shown as sent.
      }
      resolve({ code: Number(code), details });
      return true;
    };
    stream.once('response', (headers) => {
      const http = headers[':status'];
      if (from(headers)) return;
      if (http !== 200) resolve({ code: 2, details: `HTTP status ${http}` });
    });
    stream.once('trailers', (trailers) => from(trailers));
    stream.once('close', () =>
      resolve({
        code: 2,
        details: `the stream was closed without a gRPC status (HTTP/2 code ${stream.rstCode})`,
      }),
    );
  });
}

/**
 * Cuts the HTTP/2 data of a call into its gRPC messages. A message that lies whole in one
 * piece of data is passed on as a view of it; one spread over pieces is gathered (one copy).
 */
export class MessageReader {
  private head = Buffer.alloc(0);
  private body?: Buffer;
  private filled = 0;

  constructor(
    private readonly endpoint: string,
    private readonly method: string,
  ) {}

  *push(chunk: Buffer): Generator<Buffer> {
    let at = 0;
    while (at < chunk.length) {
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, chunk.length - at);
        chunk.copy(this.body, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === this.body.length) {
          const m = this.body;
          this.body = undefined;
          yield m;
        }
        continue;
      }
      if (this.head.length === 0 && chunk.length - at >= 5) {
        const length = this.prefix(chunk, at);
        at += 5;
        if (chunk.length - at >= length) {
          yield chunk.subarray(at, at + length);
          at += length;
        } else {
          this.body = Buffer.allocUnsafe(length);
          this.filled = 0;
        }
        continue;
      }
      // A prefix cut between two pieces of data: gathered (at most 5 bytes).
      const take = Math.min(5 - this.head.length, chunk.length - at);
      this.head = Buffer.concat([this.head, chunk.subarray(at, at + take)]);
      at += take;
      if (this.head.length < 5) continue;
      const length = this.prefix(this.head, 0);
      this.head = Buffer.alloc(0);
      if (length === 0) {
        yield Buffer.alloc(0);
      } else {
        this.body = Buffer.allocUnsafe(length);
        this.filled = 0;
      }
    }
  }

  private prefix(b: Buffer, at: number): number {
    if (b[at] !== 0) {
      throw new OperationError(
        `etcd at ${this.endpoint} sent a compressed ${this.method} message, which was not asked for.`,
      );
    }
    const length = b.readUInt32BE(at + 1);
    if (length > MAX_MESSAGE_BYTES) {
      throw new OperationError(
        `etcd at ${this.endpoint} announced a ${length}-byte ${this.method} message, more than the ${MAX_MESSAGE_BYTES} accepted.`,
      );
    }
    return length;
  }

  end(): void {
    if (this.body || this.head.length > 0) {
      throw new OperationError(
        `The ${this.method} answer of etcd at ${this.endpoint} ended inside a message.`,
      );
    }
  }
}

// --- the protobuf fields of these calls ----------------------------------------------------

/** A protobuf field: varints as numbers (exact up to 2^53), length-delimited as views. */
export type Field = { no: number; varint: number } | { no: number; bytes: Buffer };

/** The fields of one protobuf message, in order; fixed-size fields are skipped. */
export function* fieldsOf(b: Buffer): Generator<Field> {
  let at = 0;
  const varint = (): number => {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 7; i++) {
      if (at >= b.length) throw new OperationError('etcd sent a truncated protobuf message.');
      const byte = b[at++];
      v += (byte & 0x7f) * scale;
      if (byte < 0x80) return v;
      scale *= 128;
    }
    // Past 49 bits: exactly, as int64 (a negative int64, e.g. compact_revision -1, is 10 bytes).
    let big = BigInt(v);
    let shift = 49n;
    for (let i = 7; i < 10; i++) {
      if (at >= b.length) throw new OperationError('etcd sent a truncated protobuf message.');
      const byte = b[at++];
      big |= BigInt(byte & 0x7f) << shift;
      if (byte < 0x80) return Number(BigInt.asIntN(64, big));
      shift += 7n;
    }
    throw new OperationError('etcd sent a protobuf varint longer than 10 bytes.');
  };
  while (at < b.length) {
    const tag = varint();
    const no = Math.floor(tag / 8);
    switch (tag & 7) {
      case 0:
        yield { no, varint: varint() };
        break;
      case 1:
        at += 8;
        break;
      case 2: {
        const n = varint();
        if (at + n > b.length) throw new OperationError('etcd sent a truncated protobuf field.');
        yield { no, bytes: b.subarray(at, at + n) };
        at += n;
        break;
      }
      case 5:
        at += 4;
        break;
      default:
        throw new OperationError(`etcd sent a protobuf field of wire type ${tag & 7}.`);
    }
  }
}

/** Encodes a message of varint and bytes fields (in the order given; zeros are left out). */
export function encodeFields(fields: readonly Field[]): Buffer {
  const out: number[] = [];
  const varint = (v: number) => {
    while (v >= 0x80) {
      out.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  for (const f of fields) {
    if ('varint' in f) {
      if (f.varint === 0) continue;
      varint(f.no * 8);
      varint(f.varint);
    } else {
      varint(f.no * 8 + 2);
      varint(f.bytes.length);
      out.push(...f.bytes);
    }
  }
  return Buffer.from(out);
}

/** `header.revision` (ResponseHeader field 3) of an answer whose field 1 is its header. */
export function headerRevision(message: Buffer): number | undefined {
  for (const f of fieldsOf(message)) {
    if (f.no === 1 && 'bytes' in f) {
      for (const h of fieldsOf(f.bytes)) if (h.no === 3 && 'varint' in h) return h.varint;
    }
  }
  return undefined;
}

// --- etcd's calls --------------------------------------------------------------------------

/** One message of Maintenance.Snapshot: a piece of the db, and how many bytes follow it. */
export interface SnapshotMessage {
  remainingBytes: number;
  blob: Buffer;
}

const EMPTY = Buffer.alloc(0);

/** The messages of `Maintenance.Snapshot` (SnapshotResponse: remaining_bytes 2, blob 3). */
export async function* snapshotMessages(wire: EtcdWire): AsyncGenerator<SnapshotMessage> {
  for await (const m of wire.call('/etcdserverpb.Maintenance/Snapshot', EMPTY)) {
    let remainingBytes = 0;
    let blob: Buffer = EMPTY;
    for (const f of fieldsOf(m)) {
      if (f.no === 2 && 'varint' in f) remainingBytes = f.varint;
      else if (f.no === 3 && 'bytes' in f) blob = f.bytes;
    }
    yield { remainingBytes, blob };
  }
}

/**
 * Live keys at `revision` (0: now) and the revision the member answered at: a count-only
 * range over every key (key "\0", range_end "\0"), as `etcdctl get "" --prefix --count-only`.
 */
export async function countKeys(
  wire: EtcdWire,
  revision = 0,
): Promise<{ count: number; revision: number }> {
  const all = Buffer.from([0]);
  const answer = await wire.unary(
    '/etcdserverpb.KV/Range',
    encodeFields([
      { no: 1, bytes: all },
      { no: 2, bytes: all },
      { no: 4, varint: revision },
      { no: 9, varint: 1 },
    ]),
  );
  let count = 0;
  for (const f of fieldsOf(answer)) if (f.no === 4 && 'varint' in f) count = f.varint;
  const at = headerRevision(answer);
  if (at === undefined) {
    throw new OperationError(`etcd at ${wire.endpoint} answered a range without its revision.`);
  }
  return { count, revision: at };
}

/**
 * `Maintenance.HashKV` at `revision`: etcd's crc32c of its key history up to there, and its
 * compacted revision when it hashed (-1: never compacted).
 */
export async function hashKVAt(
  wire: EtcdWire,
  revision: number,
): Promise<{ hash: number; compactRevision: number }> {
  const answer = await wire.unary(
    '/etcdserverpb.Maintenance/HashKV',
    encodeFields([{ no: 1, varint: revision }]),
  );
  let hash = 0;
  let compactRevision = 0;
  for (const f of fieldsOf(answer)) {
    if (f.no === 2 && 'varint' in f) hash = f.varint;
    else if (f.no === 3 && 'varint' in f) compactRevision = f.varint;
  }
  return { hash, compactRevision };
}

/** The client TLS files of `DirectEtcdAccess`, read; an unreadable one is named. */
export async function readClientTls(
  tls: NonNullable<DirectEtcdAccess['tls']>,
): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }> {
  const [ca, cert, key] = await Promise.all(
    [tls.cacert, tls.cert, tls.key].map((f) =>
      readFile(f).catch((err: Error) => {
        throw new OperationError(
          `Cannot read etcd TLS file ${f}: ${err.message}. Pass --etcd-cacert/--etcd-cert/--etcd-key with readable files.`,
        );
      }),
    ),
  );
  return { ca, cert, key };
}

/** A connection to `endpoint` with the client TLS files of `access`; the caller closes it. */
export async function connectMember(access: DirectEtcdAccess, endpoint: string): Promise<EtcdWire> {
  const tls = access.tls ? await readClientTls(access.tls) : undefined;
  return EtcdWire.connect(endpoint, { tls, dialTimeoutMs: 5000 });
}

/** `EtcdHashKV` of the member at `endpoint` at `revision`: its HashKV and its key count. */
export async function hashKVOfMember(
  access: DirectEtcdAccess,
  endpoint: string,
  revision: number,
): Promise<EtcdHashKV> {
  const wire = await connectMember(access, endpoint);
  try {
    const [{ hash, compactRevision }, { count }] = await Promise.all([
      hashKVAt(wire, revision),
      countKeys(wire, revision),
    ]);
    return { revision, compactRevision, hash, count };
  } finally {
    wire.close();
  }
}
