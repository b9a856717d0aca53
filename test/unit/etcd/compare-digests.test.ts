import { hash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  compareKeyspaces,
  compareWithDigests,
  type KeyspaceDigests,
  type KeyValuePair,
} from '../../../src/etcd/fingerprint.js';

const pair = (key: string | Buffer, value: string): KeyValuePair => ({
  key: Buffer.isBuffer(key) ? key : Buffer.from(key),
  value: Buffer.from(value),
});

/** What a snapshot opened withDigests offers: its keys in byte order, a digest per value. */
function digestsOf(pairs: KeyValuePair[]): KeyspaceDigests {
  const byName = new Map(
    pairs.map((p) => [p.key.toString('latin1'), hash('sha256', p.value, 'binary')]),
  );
  const keys = [...byName.keys()].sort();
  return { keys: () => keys, digestOf: (name) => byName.get(name) };
}

async function* each(pairs: KeyValuePair[]): AsyncGenerator<KeyValuePair> {
  yield* pairs;
}

const sorted = (pairs: KeyValuePair[]) => [...pairs].sort((a, b) => Buffer.compare(a.key, b.key));

describe('compareWithDigests: the keyspace check against a snapshot index', () => {
  const snapshot = sorted([
    pair('/registry/a', '1'),
    pair('/registry/b', '2'),
    // Not UTF-8, and above every ASCII key: byte order, not string order of UTF-8 text.
    pair(Buffer.from([0x2f, 0xff, 0x00]), 'binary'),
    pair('/registry/c', '3'),
  ]);

  it('finds equal keyspaces equal, with the fingerprint compareKeyspaces gives both sides', async () => {
    const byDigest = await compareWithDigests(digestsOf(snapshot), each(snapshot));
    const byValue = await compareKeyspaces(each(snapshot), each(snapshot));
    expect(byDigest).toEqual(byValue);
    expect(byDigest.differences).toBe(0);
    expect(byDigest.expected.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('counts and names what is missing, unexpected or has another value, as compareKeyspaces does', async () => {
    const cluster = sorted([
      pair('/registry/a', '1'),
      pair('/registry/b', 'changed'),
      pair('/registry/bb', 'new'),
      pair(Buffer.from([0x2f, 0xff, 0x00]), 'binary'),
      // /registry/c is gone.
    ]);
    const byDigest = await compareWithDigests(digestsOf(snapshot), each(cluster));
    const byValue = await compareKeyspaces(each(snapshot), each(cluster));
    expect(byDigest.differences).toBe(3);
    expect(byDigest.examples.sort()).toEqual(byValue.examples.sort());
    expect(byDigest.examples.sort()).toEqual([
      'missing: /registry/c',
      'unexpected: /registry/bb',
      'value differs: /registry/b',
    ]);
    expect(byDigest.actual).toEqual(byValue.actual);
    expect(byDigest.expected).toEqual({ count: 4, sha256: '' });
  });

  it('names every expected key when the cluster is empty, and every key when the snapshot is', async () => {
    const none = await compareWithDigests(digestsOf(snapshot), each([]));
    expect(none.differences).toBe(4);
    expect(none.examples.every((e) => e.startsWith('missing: '))).toBe(true);
    const extra = await compareWithDigests(digestsOf([]), each(snapshot));
    expect(extra.differences).toBe(4);
    expect(extra.examples.every((e) => e.startsWith('unexpected: '))).toBe(true);
  });
});
