import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  MANIFEST_FORMAT_VERSION,
  type ManifestContent,
  parseManifest,
  serializeManifest,
  snapshotObject,
} from '../../../src/backup/manifest.js';
import { InputError, OperationError } from '../../../src/errors.js';
import { VERSION } from '../../../src/version.js';

const HEX = (c: string) => c.repeat(64);

function sample() {
  return buildManifest(content());
}

function content(): ManifestContent {
  return {
    created: '2026-11-22T00:00:00.000Z',
    cluster: 'prod',
    setName: 'prod-20261122T000000Z',
    etcd: {
      version: '3.4.23',
      snapshotMember: 'etcd1',
      members: [
        {
          id: '8e9e05c52164694d',
          name: 'etcd1',
          peerURLs: ['https://10.0.0.1:2380'],
          clientURLs: ['https://10.0.0.1:2379'],
        },
      ],
    },
    snapshot: { revision: 42, totalKey: 40, hash: 123456, size: 20480 },
    hashKV: { revision: 42, compactRevision: -1, hash: 3735928559, count: 40 },
    fingerprint: { revision: 42, count: 40, sha256: HEX('a') },
    kubernetes: { flavor: 'kubespray', nodes: ['cp1'], paths: ['/etc/kubernetes/ssl'] },
    objects: [
      {
        name: 'etcd.db.gz.age',
        kind: 'etcd-snapshot',
        bytes: 100,
        sha256: HEX('b'),
        plaintextBytes: 20480,
        plaintextSha256: HEX('c'),
        compression: 'gzip',
        encryption: { scheme: 'age', recipients: ['age1xyz'] },
      },
      {
        name: 'cp1-pki.tar.gz.age',
        kind: 'node-files',
        node: 'cp1',
        bytes: 50,
        sha256: HEX('d'),
        plaintextBytes: 10240,
        plaintextSha256: HEX('e'),
        compression: 'gzip',
        encryption: { scheme: 'age', recipients: ['age1xyz'] },
      },
    ],
  };
}

describe('manifest', () => {
  it('round-trips and records format, tool version and the snapshot object', () => {
    const m = parseManifest(serializeManifest(sample()), 'manifest.json');
    expect(m.formatVersion).toBe(MANIFEST_FORMAT_VERSION);
    expect(m.tool.version).toBe(VERSION);
    expect(snapshotObject(m).name).toBe('etcd.db.gz.age');
    expect(m.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("records etcd's key hash, and reads a set written before it existed as having none", () => {
    expect(parseManifest(serializeManifest(sample()), 'manifest.json').hashKV).toEqual({
      revision: 42,
      compactRevision: -1,
      hash: 3735928559,
      count: 40,
    });
    const { hashKV: _absent, ...older } = content();
    const text = serializeManifest(buildManifest(older as ManifestContent));
    expect(text).not.toContain('hashKV');
    expect(parseManifest(text, 'manifest.json').hashKV).toBeNull();
  });

  it('does not depend on key order or indentation', () => {
    const m = sample();
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(m).reverse()));
    expect(() => parseManifest(reordered, 'manifest.json')).not.toThrow();
  });

  it.each([
    ['a revision', (t: string) => t.replace('"revision": 42', '"revision": 43')],
    ['an object hash', (t: string) => t.replace(HEX('b'), HEX('f'))],
    ['a recipient', (t: string) => t.replace('"age1xyz"', '"age1abc"')],
  ])('an edit of %s is an operation error naming both digests', (_what, edit) => {
    const err = (() => {
      try {
        parseManifest(edit(serializeManifest(sample())), 'set/manifest.json');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(
      /set\/manifest.json was edited after the backup wrote it: its digest is sha256:\w+ but its content hashes to sha256:\w+/,
    );
  });

  it.each([
    [
      'an unknown format version',
      (m: Record<string, unknown>) => ({ ...m, formatVersion: 2 }),
      /format version 2; kube-rescue .* reads version 1 only\. It was written by a newer kube-rescue/,
    ],
    ['not a manifest', () => ({ hello: 1 }), /is not a kube-rescue backup manifest/],
    [
      'a negative revision',
      (m: Record<string, unknown>) => ({
        ...m,
        snapshot: { ...(m.snapshot as object), revision: -1 },
      }),
      /field 'snapshot.revision' should be a whole number, found -1/,
    ],
    [
      'a bad object hash',
      (m: Record<string, unknown>) => ({
        ...m,
        objects: [{ ...(m.objects as object[])[0], sha256: 'xyz' }],
      }),
      /field 'objects\[0\].sha256' should be 64 hex digits/,
    ],
    [
      'a key hash without its compaction revision',
      (m: Record<string, unknown>) => ({
        ...m,
        hashKV: { revision: 42, hash: 1, count: 40 },
      }),
      /field 'hashKV' should be \{revision, compactRevision, hash, count\} or null/,
    ],
    [
      'no snapshot object',
      (m: Record<string, unknown>) => ({ ...m, objects: [(m.objects as object[])[1]] }),
      /exactly one etcd-snapshot/,
    ],
  ])('%s is an input error that names the field', (_what, change, message) => {
    const text = JSON.stringify(change(sample() as unknown as Record<string, unknown>));
    expect(() => parseManifest(text, 'manifest.json')).toThrow(InputError);
    expect(() => parseManifest(text, 'manifest.json')).toThrow(message);
  });

  it('invalid JSON names the file', () => {
    expect(() => parseManifest('{"kind":', 'b/manifest.json')).toThrow(
      /b\/manifest.json is not valid JSON/,
    );
  });
});
