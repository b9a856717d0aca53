import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { generateIdentity, parseRecipient } from '../../../src/backup/age.js';
import { requireCompression } from '../../../src/backup/compression.js';
import { type PlaintextCheck, readObject, storeObject } from '../../../src/backup/pipeline.js';
import { InputError, OperationError } from '../../../src/errors.js';
import { LocalStore } from '../../../src/stores/local.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const root = () => mkdtempSync(join(tmpdir(), 'kube-rescue-pipe-'));

/** Text that compresses like Kubernetes objects do: repetitive keys, varied values. */
function kubeLike(n: number): Buffer {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const s = `/registry/configmaps/ns-${i % 37}/cm-${i}\u0000{"data":{"v":"${randomBytes(12).toString('hex')}"}}\n`;
    parts.push(s);
    len += s.length;
  }
  return Buffer.from(parts.join('')).subarray(0, n);
}

describe('storeObject', () => {
  it('writes gzip+age in one pass; hashes match the plaintext and the stored bytes; age -d + gunzip restore it', async () => {
    const keyDir = root();
    const keyFile = join(keyDir, 'k.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
    const plain = kubeLike(1_500_000);
    const store = new LocalStore(root());
    const set = await store.begin('c1-20261122T000000Z');
    const obj = await storeObject(Readable.from([plain]), set, {
      base: 'etcd.db',
      kind: 'etcd-snapshot',
      compression: 'gzip',
      recipients: [parseRecipient(recipient)],
    });
    await set.commit();
    const path = join(store.location, 'c1-20261122T000000Z', 'etcd.db.gz.age');
    const stored = readFileSync(path);
    expect(obj.name).toBe('etcd.db.gz.age');
    expect(obj.plaintextSha256).toBe(sha(plain));
    expect(obj.plaintextBytes).toBe(plain.length);
    expect(obj.sha256).toBe(sha(stored));
    expect(obj.bytes).toBe(stored.length);
    expect(obj.bytes).toBeLessThan(plain.length);
    expect(obj.encryption).toEqual({ scheme: 'age', recipients: [recipient] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const decrypted = execFileSync('age', ['-d', '-i', keyFile, path], { maxBuffer: 1 << 26 });
    expect(gunzipSync(decrypted).equals(plain)).toBe(true);
  });

  it('reads back through readObject with the same hashes', async () => {
    const id = generateIdentity();
    const plain = randomBytes(300_000);
    const store = new LocalStore(root());
    const set = await store.begin('c1-20261122T000001Z');
    const obj = await storeObject(Readable.from([plain]), set, {
      base: 'cp1-pki.tar',
      kind: 'node-files',
      node: 'cp1',
      compression: 'gzip',
      recipients: [id.identity.recipient],
    });
    await set.commit();
    const out: Buffer[] = [];
    const back = await readObject(await store.read('c1-20261122T000001Z', obj.name), obj, {
      identities: [id.identity],
      where: obj.name,
      sink: new Writable({
        write(c, _e, cb) {
          out.push(c);
          cb();
        },
      }),
    });
    expect(back).toEqual({
      bytes: obj.bytes,
      sha256: obj.sha256,
      plaintextBytes: plain.length,
      plaintextSha256: sha(plain),
    });
    expect(Buffer.concat(out).equals(plain)).toBe(true);
  });

  it('a failing plaintext check fails the object and the set can be aborted, leaving nothing', async () => {
    const store = new LocalStore(root());
    const set = await store.begin('c1-20261122T000002Z');
    const refuse: PlaintextCheck = {
      update() {},
      finish() {
        throw new OperationError('snapshot trailer does not match');
      },
    };
    await expect(
      storeObject(Readable.from([randomBytes(200_000)]), set, {
        base: 'etcd.db',
        kind: 'etcd-snapshot',
        compression: 'none',
        recipients: [],
        checks: [refuse],
      }),
    ).rejects.toThrow(/trailer does not match/);
    await set.abort();
    expect(await store.list()).toEqual([]);
    expect(execFileSync('ls', ['-A', store.location], { encoding: 'utf8' })).toBe('');
  });

  it('a source that fails mid-stream fails the object', async () => {
    const store = new LocalStore(root());
    const set = await store.begin('c1-20261122T000003Z');
    async function* dying() {
      yield randomBytes(100_000);
      throw new Error('member died');
    }
    await expect(
      storeObject(Readable.from(dying()), set, {
        base: 'etcd.db',
        kind: 'etcd-snapshot',
        compression: 'gzip',
        recipients: [],
      }),
    ).rejects.toThrow(/member died/);
    await set.abort();
  });

  it('zstd on a runtime without it is an input error before anything is written', () => {
    if (process.versions.node.split('.')[0] === '20') {
      expect(() => requireCompression('zstd')).toThrow(InputError);
      expect(() => requireCompression('zstd')).toThrow(/no zstd in node:zlib/);
    } else {
      expect(() => requireCompression('zstd')).not.toThrow();
    }
  });
});

describe('storeObject with snapshotTrailer (one hash for the manifest and the trailer)', () => {
  /** bbolt magic at byte 16, 512-byte blocks, then the sha256 of them: etcd's snapshot shape. */
  function snapshotLike(blocks: number): Buffer {
    const db = randomBytes(blocks * 512);
    db.writeUInt32LE(0xed0cdaed, 16);
    return Buffer.concat([db, createHash('sha256').update(db).digest()]);
  }
  const split = (b: Buffer, n: number) =>
    Array.from({ length: Math.ceil(b.length / n) }, (_, i) => b.subarray(i * n, (i + 1) * n));

  it('gives the sha256 of the whole file, trailer included, whatever the chunking', async () => {
    const file = snapshotLike(300);
    for (const size of [7, 32, 33, 4096, file.length]) {
      const store = new LocalStore(root());
      const set = await store.begin('c1-20261122T000000Z');
      const obj = await storeObject(Readable.from(split(file, size)), set, {
        base: 'etcd.db',
        kind: 'etcd-snapshot',
        compression: 'none',
        recipients: [],
        snapshotTrailer: 'etcd.db',
      });
      expect(obj.plaintextSha256).toBe(sha(file));
      await set.abort();
    }
  });

  it('fails the object on a flipped byte; readObject reports the trailer without throwing', async () => {
    const file = snapshotLike(64);
    const bad = Buffer.from(file);
    bad[3000] ^= 0x01;
    const store = new LocalStore(root());
    const set = await store.begin('c1-20261122T000000Z');
    await expect(
      storeObject(Readable.from([bad]), set, {
        base: 'etcd.db',
        kind: 'etcd-snapshot',
        compression: 'gzip',
        recipients: [],
        snapshotTrailer: 'snapshot from member etcd1',
      }),
    ).rejects.toThrow(/snapshot from member etcd1 is corrupt: its trailer says sha256/);
    await set.abort();
    const back = await readObject(
      Readable.from([bad]),
      { compression: 'none', encryption: null },
      {
        identities: [],
        where: 'x',
        snapshotTrailer: 'etcd.db',
      },
    );
    expect(back.plaintextSha256).toBe(sha(bad));
    expect(back.trailer?.ok).toBe(false);
    expect(back.trailer?.problem).toBe('mismatch');
    const good = await readObject(
      Readable.from([file]),
      { compression: 'none', encryption: null },
      {
        identities: [],
        where: 'x',
        snapshotTrailer: 'etcd.db',
      },
    );
    expect(good.trailer).toMatchObject({ ok: true, bytes: file.length });
  });
});
