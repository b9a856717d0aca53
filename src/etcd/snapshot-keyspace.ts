import { hash } from 'node:crypto';
import { readSync } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { OperationError } from '../errors.js';
import { crc32c } from './crc32c.js';
import { etcdctlTakes } from './etcdctl.js';
import { fingerprintOfPairs, type KeyspaceFingerprint, type KeyValuePair } from './fingerprint.js';
import { decodeKeyValue } from './protobuf.js';

/**
 * The live keyspace inside an etcd snapshot file, read by our own code: the expected content
 * of a restore, straight from the file that was restored, whatever revision the restored
 * cluster ends up at (a revision bump rewrites revisions, not keys and values).
 *
 * An etcd snapshot is a bbolt database (then a 32-byte sha256 trailer, ignored here). bbolt
 * keeps two meta pages (0 and 1; the valid one with the higher txid is current), whose root
 * bucket holds etcd's buckets; bucket "key" maps a revision (8-byte big-endian main revision,
 * '_', 8-byte sub revision, and a trailing 't' for a delete) to an mvccpb.KeyValue protobuf.
 * The live keyspace is, per user key, the entry with the highest revision unless that entry
 * is a delete.
 *
 * Memory: pass 1 walks the "key" bucket in revision order and keeps, per live key, the key
 * bytes and where its latest entry sits (page id, element) — never a value; pass 2 sorts the
 * keys and reads each value back from its page (through a small page cache). So memory grows
 * with the number and length of the keys (~100 bytes per Kubernetes object), not with the
 * values, which are most of a snapshot's bytes. The file is read with positional reads, never
 * loaded whole.
 *
 * Opened `withDigests`, pass 1 also keeps each live key's sha256 of its value, so the values can
 * be compared (`digestOf`) without pass 2, whose reads follow key order and so jump about the
 * file (a syscall per key, most of that pass's time): memory still grows with the keys alone
 * (32 bytes more each).
 */

const MAGIC = 0xed0cdaed;
const BRANCH_PAGE = 0x01;
const LEAF_PAGE = 0x02;
const META_PAGE = 0x04;
const BUCKET_LEAF = 0x01;
const PAGE_HEADER = 16;
const ELEMENT = 16;
/** The name of etcd's bucket of revisions, where its HashKV starts. */
const KEY_BUCKET = Buffer.from('key');
/** Page 0 is always a meta page, so 0 can name "the inline page of the bucket". */
const INLINE = 0;

interface Page {
  id: number;
  flags: number;
  count: number;
  buf: Buffer;
}

interface Meta {
  pageSize: number;
  root: number;
  txid: bigint;
}

/** FNV-1a 64 over the meta fields, as bbolt checks a meta page. */
function fnv64a(bytes: Buffer): bigint {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h;
}

function parseMeta(buf: Buffer): Meta | undefined {
  if (buf.length < PAGE_HEADER + 64) return undefined;
  const flags = buf.readUInt16LE(8);
  const m = buf.subarray(PAGE_HEADER);
  if (!(flags & META_PAGE) || m.readUInt32LE(0) !== MAGIC || m.readUInt32LE(4) !== 2)
    return undefined;
  if (fnv64a(m.subarray(0, 56)) !== m.readBigUInt64LE(56)) return undefined;
  return {
    pageSize: m.readUInt32LE(8),
    root: Number(m.readBigUInt64LE(16)),
    txid: m.readBigUInt64LE(48),
  };
}

function pageOf(buf: Buffer, id: number): Page {
  return { id, flags: buf.readUInt16LE(8), count: buf.readUInt16LE(10), buf };
}

export class SnapshotKeyspace implements AsyncDisposable {
  /** The snapshot's revision: the highest main revision in its "key" bucket (as `snapshot status`). */
  revision = 0;
  private inline: Buffer | undefined;
  private indexed:
    | { keys: string[]; latest: Map<string, number>; sizes: Map<string, number> }
    | undefined;
  private readonly cache = new Map<number, Page>();
  /** Per live key (latin1), sha256 of its value (32 chars, 'binary'): only when opened `withDigests`. */
  private digests: Map<string, string> | undefined;
  /** restoredHashKV's answers, by question. */
  private readonly hashKVs = new Map<string, number>();

  private constructor(
    private readonly fh: FileHandle,
    private readonly path: string,
    private readonly meta: Meta,
  ) {}

  static async open(
    path: string,
    options: { withDigests?: boolean } = {},
  ): Promise<SnapshotKeyspace> {
    const fh = await open(path, 'r');
    try {
      const head = Buffer.alloc(4096);
      await fh.read(head, 0, head.length, 0);
      const first = parseMeta(head);
      const pageSize = first?.pageSize ?? 4096;
      const second = Buffer.alloc(PAGE_HEADER + 64);
      await fh.read(second, 0, second.length, pageSize);
      const metas = [first, parseMeta(second)].filter((m): m is Meta => m !== undefined);
      if (metas.length === 0) {
        throw new OperationError(
          `${path} is not an etcd snapshot: neither bbolt meta page is valid. Check the file (kube-rescue verify).`,
        );
      }
      const meta = metas.sort((a, b) => (b.txid > a.txid ? 1 : -1))[0]!;
      const snap = new SnapshotKeyspace(fh, path, meta);
      if (options.withDigests) snap.digests = new Map();
      return snap;
    } catch (err) {
      await fh.close();
      throw err;
    }
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.fh.close();
  }

  /**
   * One page, read synchronously: a positional read of a page the OS already caches costs a
   * few microseconds, a promise through the threadpool tens of them — and the second pass reads
   * about one page per key (200,000 keys: 13 CPU-s with promises).
   */
  private page(id: number): Page {
    if (id === INLINE) return pageOf(this.inline!, INLINE);
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const size = this.meta.pageSize;
    let buf = Buffer.alloc(size);
    const bytesRead = readSync(this.fh.fd, buf, 0, size, id * size);
    if (bytesRead < PAGE_HEADER) throw this.damaged(`page ${id} lies beyond the end of the file`);
    const overflow = buf.readUInt32LE(12);
    if (overflow > 0) {
      buf = Buffer.allocUnsafe(size * (overflow + 1));
      const whole = readSync(this.fh.fd, buf, 0, buf.length, id * size);
      if (whole < buf.length) throw this.damaged(`page ${id} runs beyond the end of the file`);
    }
    const page = pageOf(buf, id);
    this.cache.set(id, page);
    if (this.cache.size > 256) this.cache.delete(this.cache.keys().next().value!);
    return page;
  }

  private damaged(what: string): OperationError {
    return new OperationError(
      `${this.path}: cannot read the etcd snapshot (${what}). Check the file (kube-rescue verify).`,
    );
  }

  private leaf(p: Page, i: number): { flags: number; key: Buffer; value: Buffer } {
    const at = PAGE_HEADER + i * ELEMENT;
    const flags = p.buf.readUInt32LE(at);
    const pos = p.buf.readUInt32LE(at + 4);
    const ksize = p.buf.readUInt32LE(at + 8);
    const vsize = p.buf.readUInt32LE(at + 12);
    const k = at + pos;
    return {
      flags,
      key: p.buf.subarray(k, k + ksize),
      value: p.buf.subarray(k + ksize, k + ksize + vsize),
    };
  }

  /** Every leaf element of the tree under page `id`, in key order, with where it sits. */
  private *walk(
    id: number,
  ): Generator<{ page: number; index: number; flags: number; key: Buffer; value: Buffer }> {
    const p = this.page(id);
    if (p.flags & LEAF_PAGE) {
      for (let i = 0; i < p.count; i++) yield { page: id, index: i, ...this.leaf(p, i) };
      return;
    }
    if (!(p.flags & BRANCH_PAGE)) throw this.damaged(`page ${id} is neither branch nor leaf`);
    for (let i = 0; i < p.count; i++) {
      const at = PAGE_HEADER + i * ELEMENT;
      yield* this.walk(Number(p.buf.readBigUInt64LE(at + 8)));
    }
  }

  /** The root page of etcd's "key" bucket (its inline page, for a tiny snapshot). */
  private keyBucket(): number {
    for (const e of this.walk(this.meta.root)) {
      if (!(e.flags & BUCKET_LEAF) || e.key.toString('latin1') !== 'key') continue;
      const root = Number(e.value.readBigUInt64LE(0));
      if (root !== 0) return root;
      this.inline = Buffer.from(e.value.subarray(16));
      return INLINE;
    }
    throw this.damaged('it has no "key" bucket');
  }

  /**
   * Pass 1, once: per live key (latin1, so that string order is byte order) where its latest
   * entry sits and how many bytes that entry takes, and the keys sorted. Sets `revision`.
   */
  private index(): { keys: string[]; latest: Map<string, number>; sizes: Map<string, number> } {
    if (this.indexed) return this.indexed;
    const bucket = this.keyBucket();
    const latest = new Map<string, number>();
    const sizes = new Map<string, number>();
    for (const e of this.walk(bucket)) {
      if (e.key.length < 17) throw this.damaged(`a revision key of ${e.key.length} bytes`);
      const main = Number(e.key.readBigUInt64BE(0));
      if (main > this.revision) this.revision = main;
      const { key, value } = decodeKeyValue(e.value);
      // `etcdutl snapshot restore --bump-revision` records the bumped revision as an entry with
      // an empty value (no KeyValue at all): it moves the revision, it is no key. etcd refuses
      // empty keys, so an entry without one is never part of the keyspace.
      if (key.length === 0) continue;
      const name = key.toString('latin1');
      if (e.key.length > 17 && e.key[17] === 0x74) {
        latest.delete(name);
        sizes.delete(name);
        this.digests?.delete(name);
      } else {
        latest.set(name, e.page * 65536 + e.index);
        sizes.set(name, e.value.length);
        this.digests?.set(name, hash('sha256', value, 'binary'));
      }
    }
    this.indexed = { keys: [...latest.keys()].sort(), latest, sizes };
    return this.indexed;
  }

  /**
   * etcd's HashKV (`Maintenance.HashKV`) at `revision` of a member restored from this file, as
   * the member computes it from its backend: a crc32c over the bucket's name, then each stored
   * entry's revision key and raw KeyValue in revision order, up to `revision`; an entry at or
   * below the member's `compactRevision` counts only if it is kept (a live key's latest entry),
   * unless nothing is kept at all. `bumpedTo` (the restore's `--bump-revision` target: snapshot
   * revision + bump) adds the entry etcdutl writes there, an empty value under that revision
   * key, which the member keeps as well; `--mark-compacted` makes that revision its
   * compaction. Checked against HashKV of etcd 3.4, 3.5 and 3.6 members restored with and
   * without a bump, over compacted history, overwrites and deletes
   * (test/integration/etcd/snapshot-keyspace.test.ts). A second walk over the key bucket after
   * pass 1 (20,000 keys: ~50 ms, 200,000: ~0.4 s), once per question: the answer is kept.
   */
  restoredHashKV(o: { revision: number; compactRevision: number; bumpedTo?: number }): number {
    const asked = `${o.revision}/${o.compactRevision}/${o.bumpedTo ?? ''}`;
    const known = this.hashKVs.get(asked);
    if (known !== undefined) return known;
    const { latest } = this.index();
    const kept = new Set(latest.values());
    const keepsNone = kept.size === 0 && o.bumpedTo === undefined;
    let crc = crc32c(0, KEY_BUCKET);
    for (const e of this.walk(this.keyBucket())) {
      const main = Number(e.key.readBigUInt64BE(0));
      if (main > o.revision) continue;
      if (main <= o.compactRevision && !keepsNone && !kept.has(e.page * 65536 + e.index)) continue;
      crc = crc32c(crc, e.key);
      crc = crc32c(crc, e.value);
    }
    if (o.bumpedTo !== undefined && o.bumpedTo <= o.revision) {
      const rev = Buffer.alloc(17);
      rev.writeBigUInt64BE(BigInt(o.bumpedTo), 0);
      rev[8] = 0x5f;
      crc = crc32c(crc, rev);
    }
    this.hashKVs.set(asked, crc);
    return crc;
  }

  /**
   * Every live key in ascending key order (bytewise, as etcd orders keys; latin1 strings, so
   * string order is byte order), after pass 1. Sets `revision`.
   */
  keys(): readonly string[] {
    return this.index().keys;
  }

  /**
   * sha256 ('binary', 32 chars) of the value of live key `name` (latin1), undefined for no such key; only
   * for a snapshot opened `withDigests`.
   */
  digestOf(name: string): string | undefined {
    if (!this.digests) throw new Error('SnapshotKeyspace.digestOf: open the file withDigests');
    this.index();
    return this.digests.get(name);
  }

  /**
   * Every live key/value pair in ascending key order (bytewise, as etcd orders keys), read in
   * two passes as the module comment explains. Sets `revision` during the first pass.
   */
  async *pairs(): AsyncGenerator<KeyValuePair> {
    const { keys, latest } = this.index();
    for (const name of keys) {
      const where = latest.get(name)!;
      const p = this.page(Math.floor(where / 65536));
      const kv = decodeKeyValue(this.leaf(p, where % 65536).value);
      if (kv.key.toString('latin1') !== name) throw this.damaged(`page ${p.id} changed under us`);
      // Copied: the page buffer may leave the cache while the caller still holds the pair.
      yield { key: Buffer.from(kv.key), value: Buffer.from(kv.value) };
    }
  }

  /**
   * The live keyspace cut into consecutive ranges of at most `maxKeys` keys and about
   * `maxBytes` of stored entries each, in key order: where each starts (the first at the empty
   * key, so that together they cover every key there could be) and how many keys it holds —
   * what rangedPairs reads a cluster by, several ranges at once. A range starts only at a key
   * etcdctl can be given (UTF-8, no NUL); past others it grows.
   *
   * `inRoundsOf` (the reader's concurrency) evens them out: about as many ranges as fill
   * whole rounds of that many reads, each of the same number of keys, so no round is one short
   * range on its own. Measured on a harness stacked3 cluster, 20,000 keys of 512 B: 3 ranges of
   * 6,667 keys, 3 at once, took 550–600 ms; 5 of 5,000 (two rounds), 650–1,090 ms.
   */
  ranges(
    maxKeys: number,
    maxBytes: number,
    options: { inRoundsOf?: number } = {},
  ): { from: Buffer; keys: number }[] {
    const { keys, sizes } = this.index();
    const round = options.inRoundsOf ?? 1;
    const count = round * Math.max(1, Math.ceil(keys.length / (round * maxKeys)));
    const perRange = Math.min(maxKeys, Math.max(1, Math.ceil(keys.length / count)));
    const out: { from: Buffer; keys: number }[] = [{ from: Buffer.alloc(0), keys: 0 }];
    let bytes = 0;
    for (const name of keys) {
      const size = sizes.get(name)!;
      const range = out[out.length - 1]!;
      if (
        range.keys > 0 &&
        (range.keys >= perRange || bytes + size > maxBytes) &&
        etcdctlTakes(Buffer.from(name, 'latin1'))
      ) {
        out.push({ from: Buffer.from(name, 'latin1'), keys: 1 });
        bytes = size;
      } else {
        range.keys++;
        bytes += size;
      }
    }
    return out;
  }
}

export async function fingerprintSnapshotFile(path: string): Promise<KeyspaceFingerprint> {
  await using snap = await SnapshotKeyspace.open(path);
  // Awaited here: the file must stay open until the last page is read.
  return await fingerprintOfPairs(snap.pairs(), () => snap.revision);
}
