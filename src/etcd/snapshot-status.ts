import { OperationError } from '../errors.js';
import { crc32c, crc32cCombine } from './crc32c.js';
import type { SnapshotStatus } from './etcdctl-output.js';

/**
 * `etcdctl|etcdutl snapshot status` computed from the snapshot as it streams past, so the
 * backup needs no file of its own to run the tool on (the snapshot is written once, to the
 * store). What etcd's status does (etcdutl/snapshot/v3_snapshot.go, the same in 3.4–3.6):
 * open the bbolt db, run bbolt's `tx.Check()`, then walk every top-level bucket in key order
 * and feed the bucket's name and each of its keys and values to one CRC-32C; `revision` is
 * the main revision of the last key of the `key` bucket, `totalKey` counts the keys of all
 * buckets, `totalSize` is the db's size (high-water mark × page size).
 *
 * A snapshot is a bbolt file written page by page in page order (meta 0, meta 1, then pages
 * 2 … pgid-1; etcd's sha256 trailer follows), but the tree's pages lie anywhere in it. So
 * each leaf's keys and values are hashed as its page goes by, and only a summary is kept per
 * page (type, span, CRC, length, key count, last key's revision: 25 bytes a page, ~0.6 % of
 * the db: ~4 MB for 600 MB, ~50 MB for 8 GiB — the one part of memory that grows with it); at
 * the end the tree is walked from the meta page in key order and the leaf CRCs are
 * joined with crc32cCombine — the same CRC as hashing the bytes in that order. Pages are
 * held only while one spans several (an overflowing leaf), never the db.
 *
 * The walk makes the checks bbolt's tx.Check makes in etcd 3.4 (bbolt 1.3.6): every page the
 * tree reaches lies below the high-water mark, is a branch or leaf page (here also: its
 * header names its own id) and is reached once; with a stored freelist, no reachable page is
 * free, no page is freed twice, and every page is reachable or free. Keys within each page
 * must ascend (bbolt 1.3.7+ also compares them with their parent's keys; `verify` runs the
 * real tool, with its full check, on the restored file and compares all three values).
 */

const PAGE_HEADER = 16;
const BRANCH_PAGE = 0x01;
const LEAF_PAGE = 0x02;
const FREELIST_PAGE = 0x10;
const BUCKET_LEAF_FLAG = 0x01;
const META_BYTES = 64;
/** bbolt's magic and data-file version, in every meta page. */
const MAGIC = 0xed0cdaed;
const VERSION = 2;
/** A leaf spanning more than this is not held for hashing: etcd's values are ≤ 1.5 MiB. */
const MAX_PAGE_BYTES = 128 * 1024 * 1024;

const KIND_NONE = 0;
const KIND_LEAF = 1;
const KIND_BRANCH = 2;
const KIND_FREELIST = 3;
const KIND_BAD = 4;

interface Meta {
  pageSize: number;
  root: number;
  /** Undefined when etcd did not store a freelist (NoFreelistSync, Linux's default). */
  freelist?: number;
  pgid: number;
  txid: bigint;
  valid: boolean;
}

/** A bucket met in a leaf: its name, and its root page, or its inline page when root is 0. */
interface BucketRef {
  name: Buffer;
  root: number;
  inline?: Buffer;
}

interface LeafSummary {
  crc: number;
  bytes: number;
  count: number;
  /** Main revision of the last key (its first 8 bytes, big-endian); NaN when shorter. */
  lastRevision: number;
  buckets: BucketRef[];
}

const u64 = (b: Buffer, at: number): number =>
  b.readUInt32LE(at + 4) * 2 ** 32 + b.readUInt32LE(at);

function fnv64a(b: Buffer): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of b) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h;
}

function parseMeta(page: Buffer): Meta {
  const m = page.subarray(PAGE_HEADER, PAGE_HEADER + META_BYTES);
  const checksum = m.readBigUInt64LE(56);
  const freelist = m.readBigUInt64LE(32);
  return {
    pageSize: m.readUInt32LE(8),
    root: u64(m, 16),
    freelist: freelist === 0xffffffffffffffffn ? undefined : Number(freelist),
    pgid: u64(m, 40),
    txid: m.readBigUInt64LE(48),
    // bbolt 1.3's validate(): magic, version, and the checksum unless it is 0.
    valid:
      m.readUInt32LE(0) === MAGIC &&
      m.readUInt32LE(4) === VERSION &&
      (checksum === 0n || checksum === fnv64a(m.subarray(0, 56))),
  };
}

/**
 * One leaf page (or an inline bucket's page) in `page`, as etcd's status hashes it: each
 * key, then its value unless the element is a nested bucket (bbolt's ForEach gives those a
 * nil value). A string says what is wrong with the page.
 */
function summarizeLeaf(page: Buffer): LeafSummary | string {
  const count = page.readUInt16LE(10);
  if (PAGE_HEADER + count * 16 > page.length) return `${count} elements do not fit the page`;
  let crc = 0;
  let bytes = 0;
  // bbolt writes each element's key and value right after the previous one's: such runs are
  // hashed in one call (the same CRC as element by element).
  let runStart = 0;
  let runEnd = 0;
  let prevStart = -1;
  let prevEnd = -1;
  let lastRevision = Number.NaN;
  const buckets: BucketRef[] = [];
  for (let i = 0; i < count; i++) {
    const at = PAGE_HEADER + i * 16;
    const flags = page.readUInt32LE(at);
    const kStart = at + page.readUInt32LE(at + 4);
    const kEnd = kStart + page.readUInt32LE(at + 8);
    const vEnd = kEnd + page.readUInt32LE(at + 12);
    if (vEnd > page.length) return `element ${i} lies beyond the page`;
    // Keys ascend strictly: this key sorts after the previous one.
    if (prevStart >= 0 && page.compare(page, prevStart, prevEnd, kStart, kEnd) !== 1) {
      return `key order violation at element ${i}`;
    }
    prevStart = kStart;
    prevEnd = kEnd;
    const hashedEnd = flags & BUCKET_LEAF_FLAG ? kEnd : vEnd;
    if (flags & BUCKET_LEAF_FLAG) {
      if (vEnd - kEnd < 16) return `bucket ${i} has no bucket header`;
      const root = u64(page, kEnd);
      buckets.push({
        name: Buffer.from(page.subarray(kStart, kEnd)),
        root,
        ...(root === 0 ? { inline: Buffer.from(page.subarray(kEnd + 16, vEnd)) } : {}),
      });
    }
    if (kStart !== runEnd || runEnd === runStart) {
      if (runEnd > runStart) crc = crc32c(crc, page, runStart, runEnd);
      runStart = kStart;
    }
    runEnd = hashedEnd;
    bytes += hashedEnd - kStart;
    // A nested bucket's value is not hashed: the run cannot go on through it.
    if (hashedEnd !== vEnd) {
      crc = crc32c(crc, page, runStart, runEnd);
      runStart = runEnd = vEnd;
    }
    if (i === count - 1 && kEnd - kStart >= 8) {
      lastRevision = page.readUInt32BE(kStart) * 2 ** 32 + page.readUInt32BE(kStart + 4);
    }
  }
  if (runEnd > runStart) crc = crc32c(crc, page, runStart, runEnd);
  return { crc, bytes, count, lastRevision, buckets };
}

function branchChildren(page: Buffer): number[] | string {
  const count = page.readUInt16LE(10);
  if (PAGE_HEADER + count * 16 > page.length) return `${count} elements do not fit the page`;
  const children: number[] = [];
  let previous: Buffer | undefined;
  for (let i = 0; i < count; i++) {
    const at = PAGE_HEADER + i * 16;
    const kStart = at + page.readUInt32LE(at);
    const kEnd = kStart + page.readUInt32LE(at + 4);
    if (kEnd > page.length) return `element ${i} lies beyond the page`;
    const key = page.subarray(kStart, kEnd);
    if (previous && Buffer.compare(previous, key) >= 0)
      return `key order violation at element ${i}`;
    previous = Buffer.from(key);
    children.push(u64(page, at + 8));
  }
  return children;
}

function freelistIds(page: Buffer): number[] | string {
  let count = page.readUInt16LE(10);
  let at = PAGE_HEADER;
  if (count === 0xffff) {
    count = u64(page, at);
    at += 8;
  }
  if (at + count * 8 > page.length) return `${count} free ids do not fit the page`;
  return Array.from({ length: count }, (_, i) => u64(page, at + i * 8));
}

/** A page still arriving: one whose overflow spans further pages. */
interface OpenPage {
  id: number;
  parts: Buffer[];
  remaining: number;
}

export class SnapshotStatusReader {
  private bytes = 0;
  private pageSize = 0;
  private head: Buffer[] = [];
  private headBytes = 0;
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private nextPage = 0;
  private readonly metas: Meta[] = [];
  private meta?: Meta;
  private open: OpenPage[] = [];
  // Per page id, once the meta page has given the high-water mark.
  private kind = new Uint8Array(0);
  private overflow = new Uint32Array(0);
  private crc = new Uint32Array(0);
  private hashed = new Uint32Array(0);
  private count = new Uint32Array(0);
  private lastRevision = new Float64Array(0);
  private readonly buckets = new Map<number, BucketRef[]>();
  private readonly children = new Map<number, number[]>();
  private readonly free = new Map<number, number[]>();
  private readonly bad = new Map<number, string>();
  /** Why the bytes are not a bbolt db at all, once that is known. */
  private fail?: string;

  constructor(private readonly name = 'snapshot') {}

  update(chunk: Buffer): void {
    this.bytes += chunk.length;
    let off = 0;
    if (this.pageSize === 0) {
      // The page size is in meta 0 (bytes 24–27): gather that much first.
      const n = Math.min(chunk.length, PAGE_HEADER + META_BYTES - this.headBytes);
      this.head.push(chunk.subarray(0, n));
      this.headBytes += n;
      off = n;
      if (this.headBytes < PAGE_HEADER + META_BYTES) return;
      const head = Buffer.concat(this.head);
      this.head = [];
      const size = head.readUInt32LE(PAGE_HEADER + 8);
      if (size < 1024 || size > 65536 || (size & (size - 1)) !== 0) {
        this.fail = `its first meta page gives a page size of ${size}: not a bbolt database`;
        this.pageSize = -1;
        return;
      }
      this.pageSize = size;
      this.partial = [head];
      this.partialBytes = head.length;
    }
    if (this.pageSize < 0) return;
    const size = this.pageSize;
    while (off < chunk.length) {
      if (this.partialBytes === 0 && chunk.length - off >= size) {
        const span = this.open.length === 0 ? this.wholeSpanAt(chunk, off) : 0;
        if (span > 0) {
          this.nextPage += span / size;
          off += span;
          continue;
        }
        this.onPage(chunk.subarray(off, off + size));
        off += size;
        continue;
      }
      const n = Math.min(size - this.partialBytes, chunk.length - off);
      this.partial.push(chunk.subarray(off, off + n));
      this.partialBytes += n;
      off += n;
      if (this.partialBytes === size) {
        const page = Buffer.concat(this.partial);
        this.partial = [];
        this.partialBytes = 0;
        this.onPage(page);
      }
    }
  }

  /**
   * A leaf or branch spanning several pages that lies whole in `chunk` at `off` (most of a
   * db of large values: a 16 KiB object is a 5-page leaf) is summarized where it lies, not
   * gathered page by page into a copy. Returns the bytes taken, 0 to go page by page.
   */
  private wholeSpanAt(chunk: Buffer, off: number): number {
    const meta = this.meta;
    const id = this.nextPage;
    if (!meta || id < 2 || id >= meta.pgid) return 0;
    const flags = chunk.readUInt16LE(off + 8);
    const overflow = chunk.readUInt32LE(off + 12);
    const span = (overflow + 1) * this.pageSize;
    if (
      overflow === 0 ||
      (flags & (BRANCH_PAGE | LEAF_PAGE)) === 0 ||
      u64(chunk, off) !== id ||
      id + overflow >= meta.pgid ||
      span > MAX_PAGE_BYTES ||
      off + span > chunk.length
    ) {
      return 0;
    }
    this.overflow[id] = overflow;
    this.summarize(id, chunk.subarray(off, off + span));
    return span;
  }

  private onPage(page: Buffer): void {
    const id = this.nextPage++;
    if (id < 2) {
      this.metas.push(parseMeta(page));
      if (id === 1) this.chooseMeta();
      return;
    }
    const meta = this.meta;
    // Past the high-water mark only etcd's trailer follows; a whole page there is wrong.
    if (!meta || id >= meta.pgid) return;
    if (this.open.length > 0) {
      for (const o of this.open) {
        o.parts.push(page);
        o.remaining--;
      }
      const done = this.open.filter((o) => o.remaining === 0);
      if (done.length > 0) {
        this.open = this.open.filter((o) => o.remaining > 0);
        for (const o of done) this.summarize(o.id, Buffer.concat(o.parts));
      }
    }
    const flags = page.readUInt16LE(8);
    const isTree = (flags & (BRANCH_PAGE | LEAF_PAGE)) !== 0;
    const isFreelist = id === meta.freelist && (flags & FREELIST_PAGE) !== 0;
    // A page of the tree (or a freed one: there is no telling yet) names its own id.
    if ((!isTree && !isFreelist) || u64(page, 0) !== id) return;
    const overflow = page.readUInt32LE(12);
    this.overflow[id] = overflow;
    if (id + overflow >= meta.pgid) {
      this.markBad(id, `it spans ${overflow + 1} pages, past the high-water mark ${meta.pgid}`);
    } else if ((overflow + 1) * this.pageSize > MAX_PAGE_BYTES) {
      this.markBad(id, `it spans ${overflow + 1} pages, more than kube-rescue reads in one piece`);
    } else if (overflow === 0) {
      this.summarize(id, page);
    } else {
      this.open.push({ id, parts: [page], remaining: overflow });
    }
  }

  private chooseMeta(): void {
    // bbolt's db.meta(): the valid one of the higher transaction id.
    const [a, b] = [...this.metas].sort((x, y) => (y.txid > x.txid ? 1 : y.txid < x.txid ? -1 : 0));
    const meta = a.valid ? a : b.valid ? b : undefined;
    if (!meta) {
      this.fail =
        'neither meta page is valid (magic, version, checksum): not a bbolt database, or a damaged one';
      return;
    }
    if (meta.pageSize !== this.pageSize) {
      this.fail = `its meta pages disagree on the page size (${meta.pageSize}, ${this.pageSize})`;
      return;
    }
    this.meta = meta;
    const pages = meta.pgid;
    this.kind = new Uint8Array(pages);
    this.overflow = new Uint32Array(pages);
    this.crc = new Uint32Array(pages);
    this.hashed = new Uint32Array(pages);
    this.count = new Uint32Array(pages);
    this.lastRevision = new Float64Array(pages);
  }

  private markBad(id: number, why: string): void {
    this.kind[id] = KIND_BAD;
    this.bad.set(id, why);
  }

  private summarize(id: number, page: Buffer): void {
    const flags = page.readUInt16LE(8);
    if (flags & LEAF_PAGE) {
      const s = summarizeLeaf(page);
      if (typeof s === 'string') {
        this.markBad(id, s);
        return;
      }
      this.kind[id] = KIND_LEAF;
      this.crc[id] = s.crc;
      this.hashed[id] = s.bytes;
      this.count[id] = s.count;
      this.lastRevision[id] = s.lastRevision;
      if (s.buckets.length > 0) this.buckets.set(id, s.buckets);
    } else if (flags & BRANCH_PAGE) {
      const c = branchChildren(page);
      if (typeof c === 'string') {
        this.markBad(id, c);
        return;
      }
      this.kind[id] = KIND_BRANCH;
      this.children.set(id, c);
    } else {
      const ids = freelistIds(page);
      if (typeof ids === 'string') {
        this.markBad(id, ids);
        return;
      }
      this.kind[id] = KIND_FREELIST;
      this.free.set(id, ids);
    }
  }

  /** The status `snapshot status` gives for these bytes; throws when the db is damaged. */
  finish(): SnapshotStatus {
    const problem = (what: string) =>
      new OperationError(
        `${this.name} fails the snapshot status check: ${what}. Do not trust this snapshot; take another.`,
      );
    if (this.fail) throw problem(this.fail);
    const meta = this.meta;
    if (!meta) throw problem(`it ends after ${this.bytes} bytes, before its meta pages`);
    const totalSize = meta.pgid * this.pageSize;
    if (this.bytes !== totalSize + 32) {
      throw problem(
        `it is ${this.bytes} bytes, but its meta page gives ${meta.pgid} pages of ${this.pageSize} bytes (${totalSize}) plus the 32-byte sha256 trailer`,
      );
    }
    const errors: string[] = [];
    const reachable = new Uint8Array(meta.pgid);
    reachable[0] = 1;
    reachable[1] = 1;
    const freed = new Uint8Array(meta.pgid);
    if (meta.freelist !== undefined) {
      const ids =
        this.kind[meta.freelist] === KIND_FREELIST ? this.free.get(meta.freelist) : undefined;
      if (!ids) throw problem(`page ${meta.freelist}, its freelist, is not a freelist page`);
      for (let i = 0; i <= this.overflow[meta.freelist]; i++) reachable[meta.freelist + i] = 1;
      for (const id of ids) {
        if (id >= meta.pgid) errors.push(`page ${id}: freed, but out of bounds`);
        else if (freed[id]) errors.push(`page ${id}: already freed`);
        else freed[id] = 1;
      }
    }
    const visit = (id: number, onLeaf: (id: number) => void): void => {
      if (id < 2 || id >= meta.pgid) {
        errors.push(`page ${id}: out of bounds: ${meta.pgid}`);
        return;
      }
      for (let i = 0; i <= this.overflow[id]; i++) {
        if (reachable[id + i]) errors.push(`page ${id + i}: multiple references`);
        reachable[id + i] = 1;
      }
      if (freed[id]) errors.push(`page ${id}: reachable freed`);
      const kind = this.kind[id];
      if (kind === KIND_BRANCH) {
        for (const child of this.children.get(id)!) visit(child, onLeaf);
      } else if (kind === KIND_LEAF) {
        onLeaf(id);
      } else {
        errors.push(
          `page ${id}: ${kind === KIND_BAD ? this.bad.get(id) : kind === KIND_NONE ? 'invalid type, or not the page its parent names' : 'invalid type: freelist'}`,
        );
      }
    };
    // The pages of a bucket below a top-level one: checked, not hashed (etcd has none).
    const checkNested = (ref: BucketRef): void => {
      if (ref.root !== 0) {
        visit(ref.root, (leaf) => {
          for (const r of this.buckets.get(leaf) ?? []) checkNested(r);
        });
        return;
      }
      const inline = summarizeLeaf(ref.inline!);
      if (typeof inline === 'string') errors.push(`inline bucket ${ref.name}: ${inline}`);
      else for (const r of inline.buckets) checkNested(r);
    };
    let hash = 0;
    let totalKey = 0;
    let revision = 0;
    const hashBucket = (ref: BucketRef): void => {
      hash = crc32c(hash, ref.name);
      const isKeyBucket = ref.name.toString('latin1') === 'key';
      const take = (s: Pick<LeafSummary, 'crc' | 'bytes' | 'count' | 'lastRevision'>) => {
        hash = crc32cCombine(hash, s.crc, s.bytes);
        totalKey += s.count;
        if (isKeyBucket && s.count > 0) revision = s.lastRevision;
      };
      if (ref.root === 0) {
        const inline = summarizeLeaf(ref.inline!);
        if (typeof inline === 'string') {
          errors.push(`inline bucket ${ref.name}: ${inline}`);
          return;
        }
        take(inline);
        for (const r of inline.buckets) checkNested(r);
        return;
      }
      visit(ref.root, (leaf) => {
        take({
          crc: this.crc[leaf],
          bytes: this.hashed[leaf],
          count: this.count[leaf],
          lastRevision: this.lastRevision[leaf],
        });
        for (const r of this.buckets.get(leaf) ?? []) checkNested(r);
      });
    };
    visit(meta.root, (leaf) => {
      const refs = this.buckets.get(leaf) ?? [];
      if (refs.length !== this.count[leaf]) {
        errors.push(`page ${leaf}: a top-level key that is not a bucket`);
      }
      for (const ref of refs) hashBucket(ref);
    });
    if (meta.freelist !== undefined) {
      for (let id = 0; id < meta.pgid && errors.length < 20; id++) {
        if (!reachable[id] && !freed[id]) errors.push(`page ${id}: unreachable unfreed`);
      }
    }
    if (Number.isNaN(revision)) errors.push('the last key of the key bucket is not a revision');
    if (errors.length > 0) {
      throw problem(
        `${errors.length} error(s) in its bbolt structure: ${errors.slice(0, 5).join('; ')}`,
      );
    }
    return { hash, revision, totalKey, totalSize };
  }
}
