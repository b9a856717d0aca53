import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { promisify } from 'node:util';
import type S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../../src/backup/age.js';
import { readObject, storeObject } from '../../../src/backup/pipeline.js';
import { backup } from '../../../src/commands/backup.js';
import { list } from '../../../src/commands/list.js';
import { verify } from '../../../src/commands/verify.js';
import { OperationError } from '../../../src/errors.js';
import { LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { silentProgress } from '../../../src/progress.js';
import { openSet } from '../../../src/stores/open.js';
import { COMPLETE_MARKER, S3Store } from '../../../src/stores/s3.js';
import { startS3rver } from './s3-server.js';

// A real S3-speaking server (s3rver) on 127.0.0.1, random port; the AWS SDK talks to it.
let dir: string;
let server: S3rver;
let endpoint: string;
const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-s3-'));
  ({ server, endpoint } = await startS3rver(dir));
});

afterAll(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const store = () =>
  new S3Store(
    { bucket: 'backups', prefix: 'prod/etcd' },
    { endpoint, credentials, region: 'us-east-1' },
  );

describe('S3Store against s3rver', () => {
  it('round trip: multipart streaming upload of a 20 MB encrypted object, listed only after the marker', async () => {
    const s3 = store();
    const id = generateIdentity();
    const plain = randomBytes(20 * 1024 * 1024);
    const set = await s3.begin('prod-20261122T000000Z');
    const obj = await storeObject(Readable.from([plain]), set, {
      base: 'etcd.db',
      kind: 'etcd-snapshot',
      compression: 'none',
      recipients: [id.identity.recipient],
    });
    await set.write('manifest.json', Readable.from([Buffer.from('{"x":1}')]));
    expect(await s3.list()).toEqual([]);
    await set.commit();
    expect(await s3.list()).toEqual(['prod-20261122T000000Z']);
    expect(await s3.objects('prod-20261122T000000Z')).toEqual([
      { name: 'etcd.db.age', bytes: obj.bytes },
      { name: 'manifest.json', bytes: 7 },
    ]);
    const back = await readObject(await s3.read('prod-20261122T000000Z', 'etcd.db.age'), obj, {
      identities: [id.identity],
      where: 'etcd.db.age',
    });
    expect(back.sha256).toBe(obj.sha256);
    expect(back.plaintextSha256).toBe(obj.plaintextSha256);
    // The same set, addressed by URL the way users pass it to verify/restore.
    const { store: viaUrl, setName } = await openSet(
      's3://backups/prod/etcd/prod-20261122T000000Z',
      { endpoint, credentials },
    );
    expect(await text(await viaUrl.read(setName, 'manifest.json'))).toBe('{"x":1}');
  });

  it('an aborted set leaves no objects and is never listed', async () => {
    const s3 = store();
    const set = await s3.begin('prod-20261122T010000Z');
    await set.write('etcd.db', Readable.from([randomBytes(1000)]));
    await set.abort();
    expect(await s3.list()).not.toContain('prod-20261122T010000Z');
    expect(await s3.objects('prod-20261122T010000Z')).toEqual([]);
  });

  it('a failing source fails the upload with its own error and the set can be aborted', async () => {
    const s3 = store();
    const set = await s3.begin('prod-20261122T020000Z');
    async function* dying() {
      yield randomBytes(9 * 1024 * 1024);
      throw new OperationError('member etcd1 died during the snapshot');
    }
    await expect(
      storeObject(Readable.from(dying()), set, {
        base: 'etcd.db',
        kind: 'etcd-snapshot',
        compression: 'gzip',
        recipients: [],
      }),
    ).rejects.toThrow(/member etcd1 died/);
    await set.abort();
    expect(await s3.objects('prod-20261122T020000Z')).toEqual([]);
  });

  it('remove deletes the marker first, then the objects', async () => {
    const s3 = store();
    const set = await s3.begin('prod-20261122T030000Z');
    await set.write('manifest.json', Readable.from([Buffer.from('{}')]));
    await set.commit();
    expect(await s3.list()).toContain('prod-20261122T030000Z');
    await s3.remove('prod-20261122T030000Z');
    expect(await s3.list()).not.toContain('prod-20261122T030000Z');
    expect(await s3.objects('prod-20261122T030000Z')).toEqual([]);
    expect(COMPLETE_MARKER).toBe('.complete');
  });

  it('stat is a HEAD request (size or null); firstBytes is a ranged GET of the head only', async () => {
    const s3 = store();
    const set = await s3.begin('prod-20261122T040000Z');
    const body = randomBytes(100_000);
    await set.write('etcd.db.age', Readable.from([body]));
    await set.commit();
    expect(await s3.stat('prod-20261122T040000Z', 'etcd.db.age')).toEqual({ bytes: 100_000 });
    expect(await s3.stat('prod-20261122T040000Z', 'node1-pki.tar.age')).toBeNull();
    const chunks: Buffer[] = [];
    for await (const c of await s3.read('prod-20261122T040000Z', 'etcd.db.age', {
      firstBytes: 300,
    }))
      chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).equals(body.subarray(0, 300))).toBe(true);
    await s3.remove('prod-20261122T040000Z');
  });

  it('a missing bucket is an operation error that says what to check', async () => {
    const s3 = new S3Store({ bucket: 'nope', prefix: '' }, { endpoint, credentials });
    await expect(s3.list()).rejects.toThrow(
      /S3 listing in s3:\/\/nope at http:\/\/127\.0\.0\.1:\d+ failed: NoSuchBucket/,
    );
  });

  it('backup → verify --deep round trip through S3, from a real etcd', async () => {
    await using cluster = await LocalEtcdCluster.start({ size: 1, dir: join(dir, 'etcd') });
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
    });
    try {
      const r = await backup(
        {
          access: { transport: 'local', layout: 'auto', etcdEndpoints: cluster.endpoints },
          dest: 's3://backups/roundtrip',
          encryptTo: [],
          compress: 'gzip',
          etcdOnly: true,
          clusterName: 'rt',
        },
        { progress: silentProgress },
      );
      expect(r.backupPath).toMatch(/^s3:\/\/backups\/roundtrip\/rt-\d{8}T\d{6}Z$/);
      const v = await verify(
        { backup: r.backupPath, identityFiles: [], deep: true },
        { progress: silentProgress },
      );
      expect(v.checks.find((c) => c.name === 'restored key hash (etcd HashKV)')?.ok).toBe(true);
      expect(v.checks.find((c) => c.name === 'restored key count')?.ok).toBe(true);
      expect(
        (await list('s3://backups/roundtrip', { progress: silentProgress })).map((s) => s.url),
      ).toEqual([r.backupPath]);
    } finally {
      process.env = saved;
    }
  });

  it('the kube-rescue CLI lists the set over S3 with endpoint and credentials from AWS_* env', async () => {
    // Asynchronous: s3rver runs in this process and must keep answering while the CLI runs.
    const { stdout: out, stderr } = await promisify(execFile)(
      'node',
      ['--import', 'tsx', 'src/cli.ts', '--json', 'list', 's3://backups/prod/etcd'],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          AWS_ENDPOINT_URL: endpoint,
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          AWS_REGION: 'us-east-1',
        },
      },
    );
    // That set's manifest is not a real one: list skips it with a warning, and says so.
    expect(JSON.parse(out)).toEqual([]);
    expect(stderr).toMatch(
      /Skipping s3:\/\/backups\/prod\/etcd\/prod-20261122T000000Z: .*manifest\.json is not a kube-rescue backup manifest/,
    );
  });
});
