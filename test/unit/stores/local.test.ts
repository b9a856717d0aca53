import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { InputError, OperationError } from '../../../src/errors.js';
import { LocalStore } from '../../../src/stores/local.js';
import { openSet, openStore } from '../../../src/stores/open.js';
import { S3Store } from '../../../src/stores/s3.js';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'kube-rescue-local-')), 'backups');

describe('LocalStore', () => {
  it('a set is invisible until commit, then private (0700 dir, 0600 objects)', async () => {
    const store = new LocalStore(fresh());
    const set = await store.begin('c-20261122T000000Z');
    await set.write('etcd.db', Readable.from([Buffer.from('snapshot')]));
    await set.write('manifest.json', Readable.from([Buffer.from('{}')]));
    expect(await store.list()).toEqual([]);
    expect(readdirSync(store.location)[0]).toMatch(/^\.c-20261122T000000Z\.partial-[0-9a-f]{8}$/);
    await set.commit();
    expect(await store.list()).toEqual(['c-20261122T000000Z']);
    const dir = join(store.location, 'c-20261122T000000Z');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'etcd.db')).mode & 0o777).toBe(0o600);
    expect(await text(await store.read('c-20261122T000000Z', 'etcd.db'))).toBe('snapshot');
    expect(await store.objects('c-20261122T000000Z')).toEqual([
      { name: 'etcd.db', bytes: 8 },
      { name: 'manifest.json', bytes: 2 },
    ]);
  });

  it('abort leaves nothing behind', async () => {
    const store = new LocalStore(fresh());
    const set = await store.begin('c-20261122T000000Z');
    await set.write('etcd.db', Readable.from([Buffer.from('x')]));
    await set.abort();
    expect(readdirSync(store.location)).toEqual([]);
  });

  it('a source that fails mid-object fails the write with its error; abort leaves nothing', async () => {
    const store = new LocalStore(fresh());
    const set = await store.begin('c-20261122T000000Z');
    async function* failing(): AsyncGenerator<Buffer> {
      for (let i = 0; i < 8; i++) yield Buffer.alloc(1024 * 1024, i);
      throw new Error('the member went away');
    }
    await expect(set.write('etcd.db', Readable.from(failing()))).rejects.toThrow(
      'the member went away',
    );
    await set.abort();
    expect(readdirSync(store.location)).toEqual([]);
  });

  it('lists only directories with a manifest, oldest first', async () => {
    const root = fresh();
    for (const n of ['c-20261122T010000Z', 'c-20261122T000000Z', 'no-manifest-20261122T000000Z']) {
      mkdirSync(join(root, n), { recursive: true });
    }
    writeFileSync(join(root, 'c-20261122T010000Z', 'manifest.json'), '{}');
    writeFileSync(join(root, 'c-20261122T000000Z', 'manifest.json'), '{}');
    expect(await new LocalStore(root).list()).toEqual(['c-20261122T000000Z', 'c-20261122T010000Z']);
  });

  it('refuses to overwrite an existing set and names a missing object', async () => {
    const store = new LocalStore(fresh());
    const set = await store.begin('c-20261122T000000Z');
    await set.write('manifest.json', Readable.from([Buffer.from('{}')]));
    await set.commit();
    await expect(store.begin('c-20261122T000000Z')).rejects.toThrow(
      /already exists; refusing to overwrite/,
    );
    await expect(store.read('c-20261122T000000Z', 'etcd.db')).rejects.toThrow(OperationError);
    await expect(store.read('c-20261122T000000Z', 'etcd.db')).rejects.toThrow(
      /Object etcd.db is missing from the backup set/,
    );
  });

  it('stat gives an object size or null; read with firstBytes reads only the head', async () => {
    const store = new LocalStore(fresh());
    const set = await store.begin('c-20261122T000000Z');
    await set.write('etcd.db.age', Readable.from([Buffer.from('0123456789')]));
    await set.commit();
    expect(await store.stat('c-20261122T000000Z', 'etcd.db.age')).toEqual({ bytes: 10 });
    expect(await store.stat('c-20261122T000000Z', 'gone.tar')).toBeNull();
    const head = await store.read('c-20261122T000000Z', 'etcd.db.age', { firstBytes: 4 });
    expect(await text(head)).toBe('0123');
  });

  it('rejects object names that would escape the set', async () => {
    const set = await new LocalStore(fresh()).begin('c-20261122T000000Z');
    await expect(set.write('../evil', Readable.from([]))).rejects.toThrow(InputError);
  });
});

describe('openStore / openSet', () => {
  it('picks the store by scheme', async () => {
    expect(await openStore('/tmp/x')).toBeInstanceOf(LocalStore);
    expect(await openStore('s3://bucket/prefix')).toBeInstanceOf(S3Store);
    await expect(openStore('ftp://host/x')).rejects.toThrow(/unknown scheme/);
    await expect(openStore('s3://B')).rejects.toThrow(/is not an S3 location/);
  });

  it('splits a set URL into store and set name', async () => {
    const s3 = await openSet('s3://bucket/a/b/prod-20261122T000000Z/');
    expect(s3.setName).toBe('prod-20261122T000000Z');
    expect(s3.store.location).toBe('s3://bucket/a/b');
    const local = await openSet('/backups/prod-20261122T000000Z');
    expect(local.store.location).toBe('/backups');
    await expect(openSet('s3://bucket')).rejects.toThrow(/names a bucket, not a backup set/);
  });

  it('artifact:// outside a GitHub job is a clear input error', async () => {
    const saved = process.env.ACTIONS_RUNTIME_TOKEN;
    delete process.env.ACTIONS_RUNTIME_TOKEN;
    try {
      await expect(openStore('artifact://')).rejects.toThrow(/only inside a GitHub Actions job/);
    } finally {
      if (saved !== undefined) process.env.ACTIONS_RUNTIME_TOKEN = saved;
    }
  });
});
