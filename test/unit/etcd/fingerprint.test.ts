import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareHashKV,
  fingerprintPages,
  type PageReader,
  pagedPairs,
  rangedPairs,
} from '../../../src/etcd/fingerprint.js';

/**
 * The paging and hashing logic against an in-memory sorted keyspace that answers range
 * requests the way etcd does (keys >= from, ascending, `more`, total `count`). The same
 * function against real etcd, through etcdctl and the etcd3 client, is in the integration suite.
 */
function keyspace(entries: [string, string][]): PageReader {
  const sorted = entries
    .map(([k, v]) => ({ key: Buffer.from(k), value: Buffer.from(v) }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  return async (from, limit) => {
    const inRange = sorted.filter((kv) => Buffer.compare(kv.key, from) >= 0);
    return {
      revision: 42,
      count: inRange.length,
      more: inRange.length > limit,
      kvs: inRange.slice(0, limit),
    };
  };
}

function reference(entries: [string, string][]): string {
  const h = createHash('sha256');
  const sorted = [...entries].sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
  for (const [k, v] of sorted) {
    for (const part of [Buffer.from(k), Buffer.from(v)]) {
      const len = Buffer.alloc(4);
      len.writeUInt32BE(part.length);
      h.update(len).update(part);
    }
  }
  return h.digest('hex');
}

describe('fingerprintPages', () => {
  it('hashes length-prefixed pairs in key order, whatever the page size', async () => {
    const entryList = fc.uniqueArray(
      fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 20 })),
      {
        selector: ([k]) => k,
        maxLength: 60,
      },
    );
    await fc.assert(
      fc.asyncProperty(entryList, fc.integer({ min: 1, max: 25 }), async (entries, pageSize) => {
        const fp = await fingerprintPages(keyspace(entries), { pageSize });
        expect(fp).toEqual({ revision: 42, count: entries.length, sha256: reference(entries) });
      }),
      { numRuns: 100 },
    );
  });

  it('shrinks pages where values are large, and still reads every key once', async () => {
    const entries: [string, string][] = Array.from({ length: 40 }, (_, i) => [
      `k${String(i).padStart(2, '0')}`,
      'x'.repeat(1000),
    ]);
    const asked: number[] = [];
    const inner = keyspace(entries);
    const fp = await fingerprintPages(
      (from, limit, rev) => {
        asked.push(limit);
        return inner(from, limit, rev);
      },
      { pageSize: 30, targetPageBytes: 5000 },
    );
    expect(fp.sha256).toBe(reference(entries));
    // First page at the maximum, then about 5000 / 1003 bytes = 4 keys (+1 overlap).
    expect(asked[0]).toBe(30);
    expect(asked.slice(1).every((n) => n === 5)).toBe(true);
  });

  it('tells key/value boundaries apart ("ab"+"c" differs from "a"+"bc")', async () => {
    const a = await fingerprintPages(keyspace([['ab', 'c']]));
    const b = await fingerprintPages(keyspace([['a', 'bc']]));
    expect(a.sha256).not.toBe(b.sha256);
  });

  it("refuses to fingerprint when the pages do not add up to etcd's count", async () => {
    const read: PageReader = async () => ({
      revision: 7,
      count: 3,
      more: false,
      kvs: [{ key: Buffer.from('a'), value: Buffer.from('1') }],
    });
    await expect(fingerprintPages(read)).rejects.toThrow(/read 1 keys but etcd counted 3/);
  });
});

describe('pagedPairs reads a page ahead', () => {
  const entries: [string, string][] = Array.from({ length: 10 }, (_, i) => [`k${i}`, `v${i}`]);

  it('asks for the next page as soon as one arrives, before the caller has taken its keys', async () => {
    const log: string[] = [];
    const inner = keyspace(entries);
    const read: PageReader = (from, limit, rev) => {
      log.push(`read from ${from.toString() || '(start)'}`);
      return inner(from, limit, rev);
    };
    const at = { revision: 0 };
    for await (const kv of pagedPairs(read, { pageSize: 4 }, 'test', at)) {
      log.push(`took ${kv.key}`);
    }
    // Pages of 4, then 4 + 1 (the first key of each later page is the previous one's last).
    expect(log).toEqual([
      'read from (start)',
      'read from k3',
      ...['k0', 'k1', 'k2', 'k3'].map((k) => `took ${k}`),
      'read from k7',
      ...['k4', 'k5', 'k6', 'k7', 'k8', 'k9'].map((k) => `took ${k}`),
    ]);
    expect(at.revision).toBe(42);
  });

  it('leaves no unhandled rejection when the caller stops before the page read ahead fails', async () => {
    let calls = 0;
    const inner = keyspace(entries);
    const read: PageReader = (from, limit, rev) => {
      calls++;
      return calls === 1 ? inner(from, limit, rev) : Promise.reject(new Error('node gone'));
    };
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      for await (const kv of pagedPairs(read, { pageSize: 4 }, 'test', { revision: 0 })) {
        if (kv.key.toString() === 'k1') break;
      }
      await new Promise((r) => setTimeout(r, 20));
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    expect(calls).toBe(2);
    expect(unhandled).toEqual([]);
  });

  it('fails with the page read ahead when the caller goes on to it', async () => {
    let calls = 0;
    const inner = keyspace(entries);
    const read: PageReader = (from, limit, rev) => {
      calls++;
      return calls === 1 ? inner(from, limit, rev) : Promise.reject(new Error('node gone'));
    };
    await expect(fingerprintPages(read, { pageSize: 4 })).rejects.toThrow('node gone');
  });
});

describe('rangedPairs reads ranges side by side', () => {
  const kv = (k: string) => Buffer.from(k);
  /** Ranges cut every `every` keys of `expectedKeys` (sorted), the first from the empty key. */
  const rangesOf = (expectedKeys: string[], every: number) => {
    const sorted = [...expectedKeys].sort((a, b) => Buffer.compare(kv(a), kv(b)));
    const out: { from: Buffer; keys: number }[] = [{ from: Buffer.alloc(0), keys: 0 }];
    for (const k of sorted) {
      const last = out[out.length - 1]!;
      if (last.keys >= every) out.push({ from: kv(k), keys: 1 });
      else last.keys++;
    }
    return out;
  };
  const collect = async (it: AsyncIterable<{ key: Buffer; value: Buffer }>) => {
    const got: [string, string][] = [];
    for await (const p of it) got.push([p.key.toString(), p.value.toString()]);
    return got;
  };

  it('gives every key etcd holds once, in order, whatever keys the ranges were cut from', async () => {
    // The ranges come from one keyspace (the snapshot's), etcd holds another: keys missing,
    // keys added before, between and after the expected ones.
    const key = fc.string({ minLength: 1, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(key, { maxLength: 40 }),
        fc.uniqueArray(key, { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 4 }),
        async (expectedKeys, actualKeys, every, pageSize, concurrency) => {
          const entries = actualKeys.map((k): [string, string] => [k, `v-${k}`]);
          const got = await collect(
            rangedPairs(
              keyspace(entries),
              rangesOf(expectedKeys, every),
              { revision: 42, pageSize, concurrency },
              'test',
            ),
          );
          const want = [...entries].sort((a, b) => Buffer.compare(kv(a[0]), kv(b[0])));
          expect(got).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('asks for `concurrency` ranges before the caller takes a key, then one more per range taken', async () => {
    const entries: [string, string][] = Array.from({ length: 10 }, (_, i) => [`k${i}`, `v${i}`]);
    const log: string[] = [];
    const inner = keyspace(entries);
    const read: PageReader = (from, limit, rev) => {
      log.push(`read ${from.toString() || '(start)'} limit ${limit}`);
      return inner(from, limit, rev);
    };
    const ranges = rangesOf(
      entries.map(([k]) => k),
      3,
    );
    for await (const p of rangedPairs(read, ranges, { revision: 42, concurrency: 2 }, 'test')) {
      log.push(`took ${p.key}`);
    }
    // Ranges of 3 keys (k0-k2, k3-k5, k6-k8, k9), each asked with one key more than it holds.
    expect(log).toEqual([
      'read (start) limit 4',
      'read k3 limit 4',
      'read k6 limit 4',
      ...['k0', 'k1', 'k2'].map((k) => `took ${k}`),
      'read k9 limit 2',
      ...['k3', 'k4', 'k5', 'k6', 'k7', 'k8', 'k9'].map((k) => `took ${k}`),
    ]);
  });

  it("refuses when the ranges do not add up to etcd's count of every key", async () => {
    const entries: [string, string][] = [
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ];
    const inner = keyspace(entries);
    // A node whose answer for the second range lost its keys.
    const read: PageReader = async (from, limit, rev) => {
      const page = await inner(from, limit, rev);
      return from.toString() === 'b' ? { ...page, kvs: [], more: false } : page;
    };
    await expect(
      collect(rangedPairs(read, rangesOf(['a', 'b', 'c'], 1), { revision: 42 }, 'test')),
    ).rejects.toThrow(/gave 2 keys but etcd counted 3/);
  });

  it('refuses ranges that do not start at the empty key', async () => {
    await expect(
      collect(rangedPairs(keyspace([]), [{ from: kv('a'), keys: 1 }], { revision: 1 }, 'test')),
    ).rejects.toThrow(/first range must start at the empty key/);
  });
});

describe("compareHashKV: etcd's key hash compares only at one revision and one compaction point", () => {
  const base = { revision: 100, compactRevision: 40, hash: 12345, count: 7 };
  it.each([
    ['the same hash, count, revision and compaction', {}, 'same', undefined],
    ['another hash', { hash: 54321 }, 'different', /^hash 54321 at revision 100, expected 12345$/],
    ['another key count', { count: 8 }, 'different', /8 live keys at revision 100, expected 7/],
    [
      'another revision',
      { revision: 101, hash: 1 },
      'incomparable',
      /hashed at revision 101, the expected hash is of revision 100/,
    ],
    [
      'a compaction in between',
      { compactRevision: 90, hash: 1 },
      'incomparable',
      /compacted at revision 90 here and at 40 when the expected hash was taken/,
    ],
  ] as const)('%s', (_what, change, result, detail) => {
    const c = compareHashKV(base, { ...base, ...change });
    expect(c.result).toBe(result);
    if (detail) expect((c as { detail: string }).detail).toMatch(detail);
  });
});
