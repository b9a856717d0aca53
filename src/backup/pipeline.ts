import { createHash, type Hash } from 'node:crypto';
import { pipeline, type Readable, Transform, type TransformCallback, Writable } from 'node:stream';
import { OperationError } from '../errors.js';
import type { TrailerResult } from '../etcd/snapshot-checks.js';
import { type SnapshotTrailerCheck, SnapshotTrailerReader } from '../etcd/snapshot-file.js';
import type { PendingSet } from '../stores/store.js';
import {
  type AgeIdentity,
  type AgeRecipient,
  createAgeDecryptStream,
  createAgeEncryptStream,
} from './age.js';
import {
  type Compression,
  compressionSuffix,
  createCompressor,
  createDecompressor,
} from './compression.js';

/** How an object was encrypted: recipients are public keys, safe to record in a manifest. */
export interface ObjectEncryption {
  scheme: 'age';
  recipients: string[];
}

/** One object of a backup set as the manifest records it. */
export interface StoredObject {
  name: string;
  /** What the object holds: the etcd snapshot, or one node's certificate/manifest archive. */
  kind: 'etcd-snapshot' | 'node-files';
  /** Node the archive came from (node-files only). */
  node?: string;
  /** Bytes as stored (after compression and encryption). */
  bytes: number;
  sha256: string;
  plaintextBytes: number;
  plaintextSha256: string;
  compression: Compression;
  encryption: ObjectEncryption | null;
}

/**
 * A check over the plaintext as it streams past (e.g. etcd's sha256 trailer). `finish`
 * throws when the content is bad, which fails the object before the set can be committed.
 */
export interface PlaintextCheck {
  /** May return a promise to hold the stream back (backpressure). */
  update(chunk: Buffer): void | Promise<void>;
  finish(): void | Promise<void>;
}

/**
 * A pass-through stage that hashes and counts what flows through it. Given `snapshotTrailer`
 * (the snapshot's name for errors), the same sha256 also checks etcd's trailer — one hash of
 * the plaintext, not two; a bad trailer fails the stream unless `failOnBadTrailer` is false
 * (verify, which reports it from `trailerCheck()`).
 */
export class HashingStage extends Transform {
  private readonly hash?: Hash;
  private readonly trailer?: SnapshotTrailerReader;
  private trailerResult?: SnapshotTrailerCheck;
  bytes = 0;
  private digest?: string;
  constructor(
    private readonly checks: readonly PlaintextCheck[] = [],
    private readonly opts: {
      snapshotTrailer?: string;
      failOnBadTrailer?: boolean;
      /** The trailer check of these very bytes, computed elsewhere (a worker thread). */
      trailerFrom?: () => Promise<TrailerResult>;
    } = {},
  ) {
    // Large buffers: one snapshot chunk per call keeps the per-chunk overhead off the hot path.
    super({ highWaterMark: 256 * 1024 });
    // With trailerFrom nothing is hashed here: the bytes are checked where it computes them.
    if (opts.trailerFrom) return;
    if (opts.snapshotTrailer !== undefined) {
      this.trailer = new SnapshotTrailerReader(opts.snapshotTrailer);
    } else {
      this.hash = createHash('sha256');
    }
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    if (this.trailer) this.trailer.update(chunk);
    else this.hash?.update(chunk);
    this.bytes += chunk.length;
    if (this.checks.length === 0) {
      cb(null, chunk);
      return;
    }
    Promise.all(this.checks.map((c) => c.update(chunk))).then(
      () => cb(null, chunk),
      (err: Error) => cb(err),
    );
  }
  override _flush(cb: TransformCallback): void {
    Promise.all(this.checks.map((c) => c.finish()))
      .then(() => this.opts.trailerFrom?.())
      .then(
        (external) => {
          if (!this.trailer && !external) {
            this.digest = this.hash!.digest('hex');
            cb();
            return;
          }
          const { fileSha256, ...check } = external ?? this.trailer!.finish();
          this.digest = fileSha256;
          this.trailerResult = check;
          if (!check.ok && this.opts.failOnBadTrailer !== false) {
            cb(
              new OperationError(
                check.detail ?? `${this.opts.snapshotTrailer}: bad sha256 trailer.`,
              ),
            );
            return;
          }
          cb();
        },
        (err: Error) => cb(err),
      );
  }
  /** The hex sha256 of everything that passed; only after the stream ended. */
  sha256(): string {
    if (this.digest === undefined) throw new Error('HashingStage.sha256() before the end');
    return this.digest;
  }
  /** etcd's trailer check (with `snapshotTrailer`); only after the stream ended. */
  trailerCheck(): SnapshotTrailerCheck {
    if (!this.trailerResult) throw new Error('HashingStage.trailerCheck() without a trailer');
    return this.trailerResult;
  }
}

export interface StoreObjectOptions {
  /** Name without compression/encryption suffixes, e.g. `etcd.db` or `cp1-pki.tar`. */
  base: string;
  kind: StoredObject['kind'];
  node?: string;
  compression: Compression;
  recipients: readonly AgeRecipient[];
  /** File mode in stores that have modes (0o600 for anything holding keys). */
  mode?: number;
  checks?: readonly PlaintextCheck[];
  /** The object is an etcd snapshot: check its sha256 trailer (named so in errors). */
  snapshotTrailer?: string;
  /** That check and the plaintext sha256, computed from the same bytes elsewhere. */
  trailerFrom?: () => Promise<TrailerResult>;
}

/** The stored name of an object: base + `.gz`/`.zst` + `.age`. */
export function storedName(base: string, compression: Compression, encrypted: boolean): string {
  return `${base}${compressionSuffix(compression)}${encrypted ? '.age' : ''}`;
}

/**
 * Streams `source` into the pending set in one pass: sha256 of the plaintext → compression
 * (zlib works in the threadpool, so it overlaps with hashing and encryption on the main
 * thread) → age → sha256 of the stored bytes → store. Backpressure bounds memory.
 */
export async function storeObject(
  source: Readable,
  pending: PendingSet,
  opts: StoreObjectOptions,
): Promise<StoredObject> {
  const encrypted = opts.recipients.length > 0;
  const name = storedName(opts.base, opts.compression, encrypted);
  const plain = new HashingStage(opts.checks, {
    snapshotTrailer: opts.snapshotTrailer,
    trailerFrom: opts.trailerFrom,
  });
  const stages: NodeJS.ReadWriteStream[] = [plain];
  const compressor = createCompressor(opts.compression);
  if (compressor) stages.push(compressor);
  if (encrypted) stages.push(createAgeEncryptStream(opts.recipients));
  // Stored bytes are the plaintext when nothing transforms them: hash them once.
  const stored = stages.length > 1 ? new HashingStage() : plain;
  if (stored !== plain) stages.push(stored);
  const flowed = new Promise<void>((resolve, reject) => {
    pipeline([source, ...stages] as unknown as [Readable, Transform], (err) =>
      err ? reject(err) : resolve(),
    );
  });
  // The store consumes the last stage; a failure anywhere destroys the whole chain.
  const [written] = await Promise.all([pending.write(name, stored, { mode: opts.mode }), flowed]);
  if (written !== stored.bytes) {
    throw new Error(
      `store wrote ${written} bytes of ${name}, the pipeline produced ${stored.bytes}`,
    );
  }
  return {
    name,
    kind: opts.kind,
    ...(opts.node ? { node: opts.node } : {}),
    bytes: stored.bytes,
    sha256: stored.sha256(),
    plaintextBytes: plain.bytes,
    plaintextSha256: plain.sha256(),
    compression: opts.compression,
    encryption: encrypted
      ? { scheme: 'age', recipients: opts.recipients.map((r) => r.text) }
      : null,
  };
}

export interface ReadBackResult {
  bytes: number;
  sha256: string;
  plaintextBytes: number;
  plaintextSha256: string;
  /** etcd's trailer check, when `snapshotTrailer` was given. */
  trailer?: SnapshotTrailerCheck;
}

/**
 * Reads a stored object back in one pass: sha256 of stored bytes → age decryption →
 * decompression → sha256 of the plaintext (+ checks) → `sink` (a file for restore or
 * --deep, nothing for a plain verify). `where` names the object in errors.
 */
export async function readObject(
  source: Readable,
  object: Pick<StoredObject, 'compression' | 'encryption'>,
  opts: {
    identities: readonly AgeIdentity[];
    where: string;
    checks?: readonly PlaintextCheck[];
    /** Check etcd's trailer on the same plaintext hash; reported, never thrown. */
    snapshotTrailer?: string;
    sink?: Writable;
  },
): Promise<ReadBackResult> {
  const plain = new HashingStage(opts.checks, {
    snapshotTrailer: opts.snapshotTrailer,
    failOnBadTrailer: false,
  });
  const decompressor = createDecompressor(object.compression, opts.where);
  // Neither encrypted nor compressed: the stored bytes are the plaintext, hashed once for both.
  const stored = object.encryption || decompressor ? new HashingStage() : plain;
  const stages: NodeJS.ReadWriteStream[] = stored === plain ? [] : [stored];
  if (object.encryption) stages.push(createAgeDecryptStream(opts.identities, opts.where));
  if (decompressor) stages.push(decompressor);
  stages.push(plain);
  const sink =
    opts.sink ??
    new Writable({
      write: (_chunk, _enc, cb) => cb(),
    });
  await new Promise<void>((resolve, reject) => {
    pipeline([source, ...stages, sink] as unknown as [Readable, Writable], (err) =>
      err ? reject(err) : resolve(),
    );
  });
  return {
    bytes: stored.bytes,
    sha256: stored.sha256(),
    plaintextBytes: plain.bytes,
    plaintextSha256: plain.sha256(),
    ...(opts.snapshotTrailer !== undefined ? { trailer: plain.trailerCheck() } : {}),
  };
}
