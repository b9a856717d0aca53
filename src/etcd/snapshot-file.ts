import { createHash } from 'node:crypto';

/**
 * Our own check of an etcd snapshot file, before anything trusts it: `snapshot save` writes
 * the bbolt database followed by the sha256 of that database (32 bytes). etcd itself knows a
 * file has the trailer when its size is a multiple of 512 plus 32; we check the same, plus
 * the bbolt magic in the meta page, then the hash — in one streaming pass.
 */

export const BBOLT_MAGIC = 0xed0cdaed;
const HASH_BYTES = 32;
/** bbolt page header (id u64, flags u16, count u16, overflow u32) precedes the meta's magic. */
const MAGIC_OFFSET = 16;

export type SnapshotProblem = 'truncated' | 'not-bbolt' | 'no-trailer' | 'mismatch';

export interface SnapshotTrailerCheck {
  ok: boolean;
  /** sha256 stored in the trailer (hex); empty when there is none. */
  expected: string;
  /** sha256 of the bytes before the trailer (hex). */
  actual: string;
  /** Size of the whole file, trailer included. */
  bytes: number;
  problem?: SnapshotProblem;
  /** What is wrong and what to do, for people. */
  detail?: string;
}

/**
 * The trailer check fed chunk by chunk, so a pipeline that already has the bytes in hand
 * checks them without a second pass. Its one sha256 also gives the hash of the whole file
 * (trailer included): the state is copied before the last 32 bytes go in.
 */
export class SnapshotTrailerReader {
  private readonly hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private pending = Buffer.alloc(0); // the last ≤32 bytes seen: possibly the trailer
  private bytes = 0;

  constructor(private readonly name = 'snapshot') {}

  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    if (this.head.length < MAGIC_OFFSET + 4) {
      this.head = Buffer.concat([
        this.head,
        chunk.subarray(0, MAGIC_OFFSET + 4 - this.head.length),
      ]);
    }
    if (chunk.length >= HASH_BYTES) {
      this.hash.update(this.pending);
      this.hash.update(chunk.subarray(0, chunk.length - HASH_BYTES));
      // A copy, so one retained 64 KiB chunk does not pin its whole backing buffer.
      this.pending = Buffer.from(chunk.subarray(chunk.length - HASH_BYTES));
    } else {
      const joined = Buffer.concat([this.pending, chunk]);
      const cut = Math.max(0, joined.length - HASH_BYTES);
      this.hash.update(joined.subarray(0, cut));
      this.pending = joined.subarray(cut);
    }
  }

  /** The check, and the sha256 of every byte seen (hex). Call once, at the end. */
  finish(): SnapshotTrailerCheck & { fileSha256: string } {
    const actual = this.hash.copy().digest('hex');
    const fileSha256 = this.hash.update(this.pending).digest('hex');
    return { ...judgeSnapshot(this.name, this.bytes, this.head, this.pending, actual), fileSha256 };
  }
}

/** Streams `source` once with constant memory and checks the sha256 trailer. */
export async function verifySnapshotTrailer(
  source: AsyncIterable<Uint8Array | string>,
  name = 'snapshot',
): Promise<SnapshotTrailerCheck> {
  const reader = new SnapshotTrailerReader(name);
  for await (const piece of source) {
    reader.update(
      typeof piece === 'string'
        ? Buffer.from(piece)
        : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength),
    );
  }
  const { fileSha256: _whole, ...check } = reader.finish();
  return check;
}

function judgeSnapshot(
  name: string,
  bytes: number,
  head: Buffer,
  pending: Buffer,
  actual: string,
): SnapshotTrailerCheck {
  if (bytes < MAGIC_OFFSET + 4 + HASH_BYTES) {
    return {
      ok: false,
      expected: '',
      actual,
      bytes,
      problem: 'truncated',
      detail: `${name} is ${bytes} bytes: too short to hold a bbolt database and its 32-byte sha256 trailer. The file is truncated or empty; take or fetch the snapshot again.`,
    };
  }
  const magic = head.readUInt32LE(MAGIC_OFFSET);
  if (magic !== BBOLT_MAGIC) {
    return {
      ok: false,
      expected: '',
      actual,
      bytes,
      problem: 'not-bbolt',
      detail: `${name} is not an etcd snapshot: bytes 16-19 are 0x${magic.toString(16).padStart(8, '0')}, not the bbolt magic 0xed0cdaed. Is it still encrypted or compressed, or a different file?`,
    };
  }
  const expected = pending.toString('hex');
  if (bytes % 512 !== HASH_BYTES) {
    return {
      ok: false,
      expected: '',
      actual,
      bytes,
      problem: 'no-trailer',
      detail: `${name} is ${bytes} bytes, not a whole number of 512-byte blocks plus the 32-byte sha256 trailer: it is truncated, or a raw member/snap/db copied from a data dir (which has no trailer). Take a fresh snapshot with etcdctl snapshot save.`,
    };
  }
  if (expected !== actual) {
    return {
      ok: false,
      expected,
      actual,
      bytes,
      problem: 'mismatch',
      detail: `${name} is corrupt: its trailer says sha256 ${expected}, but the ${bytes - HASH_BYTES} bytes before it hash to ${actual}. Do not restore it; use another backup.`,
    };
  }
  return { ok: true, expected, actual, bytes };
}
