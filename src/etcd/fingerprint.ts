import { createHash, type Hash, hash } from 'node:crypto';
import type { Etcd3, IOptions } from 'etcd3';
import { namedExports } from '../cjs-interop.js';
import { OperationError } from '../errors.js';
import type { EtcdCtl } from './etcdctl.js';
import { readClientTls, WINDOW_BYTES } from './grpc-wire.js';

/**
 * A keyspace fingerprint: at one revision, the number of keys and the sha256 over every
 * key/value pair in key order, each as a 4-byte big-endian length then the bytes (key, then
 * value). Two clusters with the same fingerprint hold the same data, whatever their
 * revisions, leases or member ids. The harness, `verify --deep` and recovery verification all
 * compare these; both ways of reading the keyspace below feed the same hasher.
 */
export interface KeyspaceFingerprint {
  revision: number;
  count: number;
  sha256: string;
}

/**
 * etcd's own hash of its key history (the `Maintenance.HashKV` call): a crc32c over every
 * stored revision of every key, from the compaction point up to `revision` — what etcd itself
 * compares between members to find a corrupt one. The member computes it in Go from its
 * backend (0.2 s for a 700 MB db here), so a backup gets its keyspace check without reading
 * the keyspace a second time; `count` (live keys at `revision`) comes from a count-only range.
 *
 * Two etcds can be compared on it only at the same revision AND the same compaction point: a
 * compaction that ran between a snapshot and the hash, or a restore that bumped the revision
 * and marked it compacted, makes the two hashes incomparable — not unequal (see
 * `compareHashKV`). The full `KeyspaceFingerprint` survives both, at the cost of a full read.
 */
export interface EtcdHashKV {
  revision: number;
  /** etcd's compacted revision when it hashed; -1 when never compacted. */
  compactRevision: number;
  /** crc32c (Castagnoli), as etcd returns it: an unsigned 32-bit integer. */
  hash: number;
  count: number;
}

/** What comparing two `EtcdHashKV`s found; `incomparable` carries why, for the report. */
export type HashKVComparison =
  | { result: 'same' }
  | { result: 'different'; detail: string }
  | { result: 'incomparable'; detail: string };

/** Compares an expected hash (a manifest's) with one read later from a restored etcd. */
export function compareHashKV(expected: EtcdHashKV, actual: EtcdHashKV): HashKVComparison {
  if (actual.revision !== expected.revision) {
    return {
      result: 'incomparable',
      detail: `hashed at revision ${actual.revision}, the expected hash is of revision ${expected.revision}`,
    };
  }
  if (actual.count !== expected.count) {
    return {
      result: 'different',
      detail: `${actual.count} live keys at revision ${actual.revision}, expected ${expected.count}`,
    };
  }
  if (actual.compactRevision !== expected.compactRevision) {
    return {
      result: 'incomparable',
      detail: `compacted at revision ${actual.compactRevision} here and at ${expected.compactRevision} when the expected hash was taken (a compaction between the snapshot and the hash); key count compared instead`,
    };
  }
  return actual.hash === expected.hash
    ? { result: 'same' }
    : {
        result: 'different',
        detail: `hash ${actual.hash} at revision ${actual.revision}, expected ${expected.hash}`,
      };
}

export interface FingerprintOptions {
  /** Read at this revision; default the current one (taken from the first page). */
  revision?: number;
  /** Most keys per request. */
  pageSize?: number;
  /**
   * Key+value bytes a page should stay near (default 16 MiB): pages shrink where objects are
   * large, so memory stays bounded whatever the keyspace holds.
   */
  targetPageBytes?: number;
  /**
   * Keys asked for in the first page, before any size is known (default `pageSize`): small,
   * so a keyspace of large objects cannot make the first page huge.
   */
  firstPageSize?: number;
}

/** One page of keys >= `from` in ascending key order, read at `revision` (0 = current). */
export type PageReader = (
  from: Buffer,
  limit: number,
  revision: number,
) => Promise<{
  revision: number;
  count: number;
  more: boolean;
  kvs: { key: Buffer; value: Buffer }[];
}>;

class PairHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly len = Buffer.alloc(4);
  count = 0;
  add(key: Buffer, value: Buffer): void {
    this.len.writeUInt32BE(key.length);
    this.hash.update(this.len);
    this.hash.update(key);
    this.len.writeUInt32BE(value.length);
    this.hash.update(this.len);
    this.hash.update(value);
    this.count++;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** One key/value pair of a keyspace, as both readers (etcd's range, a snapshot file) give it. */
export interface KeyValuePair {
  key: Buffer;
  value: Buffer;
}

/**
 * Every live key of an etcd at one revision in ascending key order, page by page. The next
 * page is asked for as soon as a page arrives, so etcd (and the node carrying its answer)
 * works on it while the caller consumes this one; memory stays bounded by two pages.
 * `at.revision` is set from the first page when not given (0 = current). Throws when keys
 * come out of order or the count etcd reported is not what was read.
 */
export async function* pagedPairs(
  read: PageReader,
  options: FingerprintOptions,
  source: string,
  at: { revision: number },
): AsyncGenerator<KeyValuePair> {
  const maxLimit = options.pageSize ?? 2000;
  const targetBytes = options.targetPageBytes ?? 16 * 1024 * 1024;
  let limit = Math.min(maxLimit, options.firstPageSize ?? maxLimit);
  at.revision = options.revision ?? 0;
  let expectedCount: number | undefined;
  let read_ = 0;
  let last: Buffer | undefined;
  let pending: ReturnType<PageReader> | undefined = read(Buffer.alloc(0), limit, at.revision);
  while (pending) {
    const page = await pending;
    pending = undefined;
    if (at.revision === 0) at.revision = page.revision;
    expectedCount ??= page.count;
    let kvs = page.kvs;
    let pageBytes = 0;
    for (const kv of kvs) pageBytes += kv.key.length + kv.value.length;
    if (kvs.length > 0) {
      const perKey = Math.max(1, pageBytes / kvs.length);
      limit = Math.max(1, Math.min(maxLimit, Math.floor(targetBytes / perKey)));
    }
    if (last && kvs.length > 0 && kvs[0].key.equals(last)) kvs = kvs.slice(1);
    if (page.more && kvs.length > 0) {
      // Ask for one more than a page: the first key is this page's last one.
      pending = read(kvs[kvs.length - 1].key, limit + 1, at.revision);
      // Awaited on the next turn; a caller that stops early must not leave it unhandled.
      pending.catch(() => undefined);
    }
    for (const kv of kvs) {
      if (last && Buffer.compare(kv.key, last) <= 0) {
        throw new OperationError(
          `${source} returned keys out of order while fingerprinting at revision ${at.revision}; refusing to produce a fingerprint.`,
        );
      }
      read_++;
      last = kv.key;
      yield kv;
    }
  }
  if (read_ !== expectedCount) {
    throw new OperationError(
      `${source}: fingerprint at revision ${at.revision} read ${read_} keys but etcd counted ${expectedCount}. Was the revision compacted meanwhile? Retry.`,
    );
  }
}

/**
 * Every live key of an etcd at one revision in ascending key order, read as ranges asked for
 * side by side (`concurrency` at a time, default 3), where pagedPairs asks one page after the
 * other. Range i holds the keys from `ranges[i].from` up to, not including, the next range's
 * `from`; the last one every key from its `from` on. The first range starts at the empty key
 * and the starts ascend, so the ranges cover every key etcd may hold. They come from the keys
 * expected (a snapshot file's, with how many keys each range should hold), which makes each
 * range one page where etcd holds what was expected; where it holds more, the range takes
 * more pages. A range is read as keys >= its start (the reader's from-key pages),
 * and a key at or past its end closes it. etcd's count of every key, from the first range,
 * must equal what all the ranges gave. Memory: `concurrency` + 1 ranges.
 */
export async function* rangedPairs(
  read: PageReader,
  ranges: readonly { from: Buffer; keys: number }[],
  options: { revision: number; pageSize?: number; concurrency?: number },
  source: string,
): AsyncGenerator<KeyValuePair> {
  if (ranges.length === 0 || ranges[0]!.from.length !== 0) {
    throw new Error('rangedPairs: the first range must start at the empty key');
  }
  const maxLimit = options.pageSize ?? 2000;
  const { revision } = options;
  let counted: number | undefined;
  const readRange = async (i: number): Promise<KeyValuePair[]> => {
    const end = ranges[i + 1]?.from;
    const within = (key: Buffer) => end === undefined || Buffer.compare(key, end) < 0;
    const kvs: KeyValuePair[] = [];
    // One more than expected, so that the first page usually shows the next range's first key.
    let page = await read(ranges[i]!.from, Math.min(maxLimit, ranges[i]!.keys) + 1, revision);
    if (i === 0) counted = page.count;
    let skip: Buffer | undefined;
    for (;;) {
      for (const kv of page.kvs) {
        if (skip?.equals(kv.key)) continue;
        if (!within(kv.key)) return kvs;
        kvs.push(kv);
      }
      const last = page.kvs[page.kvs.length - 1];
      if (!page.more || !last) return kvs;
      skip = last.key;
      page = await read(last.key, maxLimit + 1, revision);
    }
  };
  const inFlight: Promise<KeyValuePair[]>[] = [];
  let next = 0;
  const launch = () => {
    if (next >= ranges.length) return;
    const p = readRange(next++);
    // Awaited in order; a caller that stops early must not leave one unhandled.
    p.catch(() => undefined);
    inFlight.push(p);
  };
  for (let k = 0; k < (options.concurrency ?? 3); k++) launch();
  let last: Buffer | undefined;
  let read_ = 0;
  while (inFlight.length > 0) {
    const kvs = await inFlight.shift()!;
    launch();
    for (const kv of kvs) {
      if (last && Buffer.compare(kv.key, last) <= 0) {
        throw new OperationError(
          `${source} returned keys out of order while reading at revision ${revision}; refusing to compare.`,
        );
      }
      read_++;
      last = kv.key;
      yield kv;
    }
  }
  if (read_ !== counted) {
    throw new OperationError(
      `${source}: reading at revision ${revision} gave ${read_} keys but etcd counted ${counted}. Was the revision compacted meanwhile? Retry.`,
    );
  }
}

/** The fingerprint of pairs already in ascending key order (a snapshot file's, a range's). */
export async function fingerprintOfPairs(
  pairs: AsyncIterable<KeyValuePair>,
  revision: () => number,
): Promise<KeyspaceFingerprint> {
  const hasher = new PairHasher();
  for await (const kv of pairs) hasher.add(kv.key, kv.value);
  return { revision: revision(), count: hasher.count, sha256: hasher.digest() };
}

/** Pages through the whole keyspace at one revision and hashes it. */
export function fingerprintPages(
  read: PageReader,
  options: FingerprintOptions = {},
  source = 'etcd',
): Promise<KeyspaceFingerprint> {
  const at = { revision: 0 };
  return fingerprintOfPairs(pagedPairs(read, options, source, at), () => at.revision);
}

/** Fingerprint with etcdctl on a node (`get --from-key --rev --limit -w json`). */
export function fingerprintViaEtcdCtl(
  ctl: EtcdCtl,
  options: FingerprintOptions = {},
): Promise<KeyspaceFingerprint> {
  return fingerprintPages(
    (from, limit, revision) => ctl.getPage(from, limit, revision || undefined),
    { pageSize: 5000, ...options },
    `etcd via node ${ctl.node}`,
  );
}

/** Fingerprint with an npm `etcd3` client the caller owns. */
export function fingerprintWithClient(
  client: Etcd3,
  options: FingerprintOptions = {},
  source = 'etcd',
): Promise<KeyspaceFingerprint> {
  const fromKeyEnd = Buffer.from([0]); // range end "\0" = every key >= start
  return fingerprintPages(
    async (from, limit, revision) => {
      let q = client
        .getAll()
        .inRange({ start: from.length ? from : fromKeyEnd, end: fromKeyEnd })
        .limit(limit);
      if (revision) q = q.revision(revision);
      const res = await q.exec();
      return {
        revision: Number(res.header.revision),
        count: Number(res.count),
        more: res.more,
        kvs: res.kvs.map((kv) => ({ key: kv.key, value: kv.value })),
      };
    },
    options,
    source,
  );
}

/** `EtcdHashKV` at `revision` through etcdctl; `ctl` must name one endpoint (one member). */
export async function hashKVViaEtcdCtl(ctl: EtcdCtl, revision: number): Promise<EtcdHashKV> {
  const [hashes, { count }] = await Promise.all([ctl.hashKV(revision), ctl.keyCount(revision)]);
  if (hashes.length !== 1) {
    throw new OperationError(
      `etcdctl endpoint hashkv on node ${ctl.node} answered for ${hashes.length} endpoints; expected exactly one.`,
    );
  }
  const { hash, compactRevision } = hashes[0];
  return { revision, compactRevision, hash, count };
}

export interface DirectEtcdAccess {
  endpoints: string[];
  /** Paths of client TLS files on the runner. */
  tls?: { cacert: string; cert: string; key: string };
}

/**
 * Starts loading the npm `etcd3` client (grpc and its protos, ~0.3 s of CPU) without waiting:
 * a command that will stream from etcd calls this first, so the load overlaps the etcdctl
 * processes it runs meanwhile instead of following them.
 */
export function preloadEtcdClient(): void {
  import('etcd3').catch(() => {
    // connectEtcdClient imports it again and reports the failure there.
  });
}

/** An npm `etcd3` client for endpoints the runner reaches; the caller closes it. */
export async function connectEtcdClient(access: DirectEtcdAccess): Promise<Etcd3> {
  const options: IOptions = {
    hosts: access.endpoints,
    dialTimeout: 5000,
    grpcOptions: {
      // Pages of Kubernetes objects can exceed grpc's 4 MiB default.
      'grpc.max_receive_message_length': 256 * 1024 * 1024,
      // etcd may send this far ahead (grpc-js's default is 64 KiB: a stall every 2 messages).
      'grpc-node.flow_control_window': WINDOW_BYTES,
    },
  };
  if (access.tls) {
    const { ca, cert, key } = await readClientTls(access.tls);
    options.credentials = { rootCertificate: ca, certChain: cert, privateKey: key };
  }
  // Loaded here, not at the top: grpc and the protos take ~0.3 s, which commands that never
  // talk to etcd from this process should not pay at every start.
  const { Etcd3 } = namedExports(await import('etcd3'));
  return new Etcd3(options);
}

/** Fingerprint of the etcd at `endpoints`, read directly from the runner. */
export async function fingerprintEndpoints(
  access: DirectEtcdAccess,
  options: FingerprintOptions = {},
): Promise<KeyspaceFingerprint> {
  const client = await connectEtcdClient(access);
  try {
    return await fingerprintWithClient(client, options, `etcd at ${access.endpoints.join(',')}`);
  } catch (err) {
    if (err instanceof OperationError) throw err;
    throw new OperationError(
      `Could not read the keyspace of etcd at ${access.endpoints.join(', ')}: ${(err as Error).message}. Check the endpoints and TLS files.`,
      { cause: err },
    );
  } finally {
    client.close();
  }
}

/** What comparing a keyspace with the one it should equal found. */
export interface KeyspaceComparison {
  expected: { count: number; sha256: string };
  actual: { count: number; sha256: string };
  /** Keys missing, unexpected or with another value. */
  differences: number;
  /** The first few differences, for people: "missing /registry/…". */
  examples: string[];
}

/** A key as a person reads it: UTF-8 when it is, else hex. */
export function showKey(key: Buffer): string {
  if (key.length === 0) return '(the empty key)';
  const text = key.toString('utf8');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what makes a key unprintable
  return Buffer.from(text, 'utf8').equals(key) && !/[\u0000-\u001f]/.test(text)
    ? text
    : `0x${key.toString('hex')}`;
}

/** Differences counted, the first few named for people. */
class Differences {
  count = 0;
  readonly examples: string[] = [];
  constructor(private readonly maxExamples: number) {}
  readonly add = (what: string, key: Buffer): void => {
    this.count++;
    if (this.examples.length < this.maxExamples) this.examples.push(`${what} ${showKey(key)}`);
  };
}

/**
 * The keys of an expected keyspace in ascending byte order (latin1 strings) and the sha256
 * ('binary') of each one's value: a snapshot file's index opened with digests.
 */
export interface KeyspaceDigests {
  keys(): readonly string[];
  digestOf(name: string): string | undefined;
}

/**
 * compareKeyspaces against an expected keyspace known by its keys and the digests of their
 * values: every pair of `actual` is hashed and looked up, and no value of the expected side is
 * read again. With no difference both sides hold the same pairs in the same order, so the
 * expected fingerprint is the actual one; with differences it is not computed (sha256 '').
 */
export async function compareWithDigests(
  expected: KeyspaceDigests,
  actual: AsyncIterable<KeyValuePair>,
  maxExamples = 10,
): Promise<KeyspaceComparison> {
  const keys = expected.keys();
  const have = new PairHasher();
  const found = new Differences(maxExamples);
  const differ = found.add;
  let i = 0;
  for await (const kv of actual) {
    const name = kv.key.toString('latin1');
    while (i < keys.length && keys[i]! < name)
      differ('missing:', Buffer.from(keys[i++]!, 'latin1'));
    if (i < keys.length && keys[i] === name) {
      if (expected.digestOf(name) !== hash('sha256', kv.value, 'binary')) {
        differ('value differs:', kv.key);
      }
      i++;
    } else differ('unexpected:', kv.key);
    have.add(kv.key, kv.value);
  }
  while (i < keys.length) differ('missing:', Buffer.from(keys[i++]!, 'latin1'));
  const actualSide = { count: have.count, sha256: have.digest() };
  return {
    expected: { count: keys.length, sha256: found.count === 0 ? actualSide.sha256 : '' },
    actual: actualSide,
    differences: found.count,
    examples: found.examples,
  };
}

/**
 * Merges two keyspaces in ascending key order, pair by pair: memory is one pair of each side
 * (plus whatever the iterators buffer), however large the keyspaces are. Both sides are also
 * fingerprinted on the way, so the result can be set beside a manifest's fingerprint.
 */
export async function compareKeyspaces(
  expected: AsyncIterator<KeyValuePair>,
  actual: AsyncIterator<KeyValuePair>,
  maxExamples = 10,
): Promise<KeyspaceComparison> {
  const want = new PairHasher();
  const have = new PairHasher();
  const found = new Differences(maxExamples);
  const differ = found.add;
  let e = await expected.next();
  let a = await actual.next();
  while (!e.done || !a.done) {
    const order = e.done ? 1 : a.done ? -1 : Buffer.compare(e.value.key, a.value.key);
    if (order === 0) {
      if (!e.value.value.equals(a.value.value)) differ('value differs:', e.value.key);
    } else if (order < 0) differ('missing:', e.value.key);
    else differ('unexpected:', a.value.key);
    if (order <= 0) {
      want.add(e.value.key, e.value.value);
      e = await expected.next();
    }
    if (order >= 0) {
      have.add(a.value.key, a.value.value);
      a = await actual.next();
    }
  }
  return {
    expected: { count: want.count, sha256: want.digest() },
    actual: { count: have.count, sha256: have.digest() },
    differences: found.count,
    examples: found.examples,
  };
}
