import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildManifest,
  MANIFEST_FORMAT_VERSION,
  type Manifest,
  type ManifestContent,
  parseManifest,
  serializeManifest,
  snapshotObject,
} from '../../../src/backup/manifest.js';
import { canonicalJson } from '../../../src/canonical-json.js';
import { InputError, KubeRescueError, OperationError } from '../../../src/errors.js';
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

/** Every path into the manifest (objects and arrays included), as key lists. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k])),
  ];
}
const good = sample();
const allPaths = pathsOf(good).filter((p) => p.length > 0);

/** What an attacker does after an edit: the unkeyed digest recomputed over the new content. */
function redigest(m: Record<string, unknown>): Record<string, unknown> {
  const { digest: _old, ...body } = m;
  return {
    ...body,
    digest: `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`,
  };
}

type Edit = { path: (string | number)[]; op: 'set' | 'delete'; value: unknown };
const edit: fc.Arbitrary<Edit> = fc.record({
  path: fc.constantFrom(...allPaths),
  op: fc.constantFrom('set', 'set', 'delete'),
  value: fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(
      null,
      -1,
      1.5,
      2 ** 60,
      '',
      '../../etc/passwd',
      '/etc/cron.d',
      'not-hex',
      [],
      {},
      [null],
      [1, 2],
      { scheme: 'age' },
      'x'.repeat(300),
    ),
  ),
});

function apply(base: unknown, edits: Edit[]): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  for (const e of edits) {
    let at: unknown = copy;
    for (const k of e.path.slice(0, -1)) {
      if (at === null || typeof at !== 'object') break;
      at = (at as Record<string | number, unknown>)[k];
    }
    if (at === null || typeof at !== 'object') continue;
    const last = e.path.at(-1)!;
    if (e.op === 'delete') delete (at as Record<string | number, unknown>)[last];
    else (at as Record<string | number, unknown>)[last] = structuredClone(e.value);
  }
  return copy;
}

const isStrings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;

/** Parsed: a clear error (ours, with a message), or a manifest whose every field is usable. */
function expectClearErrorOrWellFormed(text: string): void {
  let m: Manifest;
  try {
    m = parseManifest(text, 'set/manifest.json');
  } catch (err) {
    expect(err).toBeInstanceOf(KubeRescueError);
    expect((err as Error).message).toMatch(/set\/manifest\.json/);
    return;
  }
  expect(typeof m.cluster).toBe('string');
  expect(typeof m.setName).toBe('string');
  for (const member of m.etcd.members) {
    expect(typeof member.id).toBe('string');
    expect(typeof member.name).toBe('string');
    expect(isStrings(member.peerURLs)).toBe(true);
    expect(isStrings(member.clientURLs)).toBe(true);
  }
  expect(['kubespray', 'kubeadm', 'unknown']).toContain(m.kubernetes.flavor);
  expect(isStrings(m.kubernetes.nodes)).toBe(true);
  for (const p of m.kubernetes.paths) {
    expect(p.startsWith('/')).toBe(true);
    expect(p.split('/')).not.toContain('..');
  }
  expect(m.objects.filter((o) => o.kind === 'etcd-snapshot')).toHaveLength(1);
  for (const o of m.objects) {
    expect(o.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
    expect(isCount(o.bytes) && isCount(o.plaintextBytes)).toBe(true);
    expect(o.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(o.plaintextSha256).toMatch(/^[0-9a-f]{64}$/);
    if (o.node !== undefined) expect(typeof o.node).toBe('string');
    if (o.kind === 'node-files') expect(typeof o.node).toBe('string');
    if (o.encryption) expect(isStrings(o.encryption.recipients)).toBe(true);
  }
}

describe('manifest parser, generated hostile manifests', () => {
  it('a genuine manifest parses', () => {
    expect(parseManifest(JSON.stringify(good), 'set/manifest.json').objects).toHaveLength(2);
  });

  it('edits with the digest recomputed: a clear error or a manifest that is well-formed', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        expectClearErrorOrWellFormed(JSON.stringify(redigest(apply(good, edits))));
        // …and without recomputing it: the edit alone.
        expectClearErrorOrWellFormed(JSON.stringify(apply(good, edits)));
      }),
      { numRuns: 1500 },
    );
  });

  it('any JSON, any text: a clear error, never a crash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.json(),
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(redigest({ ...(good as object), etcd: v }))),
          fc
            .jsonValue()
            .map((v) =>
              JSON.stringify(
                redigest({ kind: good.kind, formatVersion: good.formatVersion, objects: v }),
              ),
            ),
        ),
        (text) => expectClearErrorOrWellFormed(text),
      ),
      { numRuns: 3000 },
    );
  });
});
