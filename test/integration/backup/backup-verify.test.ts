import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EtcdVersion } from '../../../harness/tools.js';
import { writeBackupSet } from '../../../src/backup/backup-set.js';
import {
  archivePaths,
  type SnapshotSource,
  snapshotTrailerCheck,
} from '../../../src/backup/collect.js';
import { buildManifest, parseManifest, serializeManifest } from '../../../src/backup/manifest.js';
import { storeObject } from '../../../src/backup/pipeline.js';
import { type BackupOptions, backup } from '../../../src/commands/backup.js';
import { list } from '../../../src/commands/list.js';
import { VerifyFailedError, verify } from '../../../src/commands/verify.js';
import { InputError, OperationError } from '../../../src/errors.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { connectEtcdClient, hashKVViaEtcdCtl } from '../../../src/etcd/fingerprint.js';
import { LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { verifySnapshotTrailer } from '../../../src/etcd/snapshot-file.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { silentProgress } from '../../../src/progress.js';
import { LocalStore } from '../../../src/stores/local.js';
import { ETCD_MATRIX, etcdBinDir, isPrimaryVersion } from '../../support/etcd-matrix.js';
import { createEtcdPki, type EtcdPki } from '../../support/etcd-pki.js';

// A real 3-member TLS etcd on loopback; kube-rescue runs with --transport local against it.
const ctx = { progress: silentProgress };
let dir: string;
let pki: EtcdPki;
let cluster: LocalEtcdCluster;
let client: Etcd3;
let identityFile: string;
let recipient: string;
let good: string; // a verified, encrypted backup set
let binDir: string; // etcd, etcdctl (and etcdutl) of the version under test
let pathBefore: string | undefined;

function options(dest: string, extra: Partial<BackupOptions> = {}): BackupOptions {
  const admin = pki.admin('node1');
  return {
    access: {
      transport: 'local',
      layout: 'auto',
      etcdEndpoints: cluster.endpoints,
      etcdCacert: pki.ca,
      etcdCert: admin.cert,
      etcdKey: admin.key,
    },
    dest,
    encryptTo: [recipient],
    compress: 'gzip',
    etcdOnly: true,
    clusterName: 'it',
    ...extra,
  };
}

/** A copy of the good set, damaged by `damage`, in its own store directory. */
async function damagedCopy(damage: (setDir: string) => void): Promise<string> {
  const root = await mkdtemp(join(dir, 'damaged-'));
  const copy = join(root, good.split('/').pop()!);
  cpSync(good, copy, { recursive: true });
  damage(copy);
  return copy;
}

/** `3.6.16` for `3.6` (anchored unless `anchored` is false). */
const minorPattern = (version: string, anchored = true) =>
  new RegExp(`${anchored ? '^' : ''}${version.replace('.', '\\.')}\\.\\d+${anchored ? '$' : ''}`);

const snapshotFile = (setDir: string) => join(setDir, 'etcd.db.gz.age');

/**
 * The file's cluster on `version`. The runner's PATH leads with that version's etcdctl and
 * etcdutl, as on a machine that backs up such a cluster with `--transport local`.
 */
async function startFixture(version: EtcdVersion): Promise<void> {
  binDir = await etcdBinDir(version);
  pathBefore = process.env.PATH;
  process.env.PATH = `${binDir}:${pathBefore}`;
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-backup-it-'));
  pki = await createEtcdPki(join(dir, 'ssl'), ['node1', 'node2', 'node3']);
  cluster = await LocalEtcdCluster.start({
    names: ['etcd1', 'etcd2', 'etcd3'],
    dir: join(dir, 'cluster'),
    tls: { cacert: pki.ca, member: (n) => pki.member(`node${n.replace('etcd', '')}`) },
    etcdBinary: join(binDir, 'etcd'),
  });
  client = await connectEtcdClient({
    endpoints: cluster.endpoints,
    tls: { cacert: pki.ca, ...pki.admin('node1') },
  });
  for (let b = 0; b < 10; b++) {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        client.put(`/registry/pods/ns${b}/pod-${i}`).value(`${'v'.repeat(200)}${b}-${i}`),
      ),
    );
  }
  identityFile = join(dir, 'key.txt');
  execFileSync('age-keygen', ['-o', identityFile], { stdio: 'ignore' });
  recipient = execFileSync('age-keygen', ['-y', identityFile], { encoding: 'utf8' }).trim();
  const r = await backup(options(join(dir, 'backups')), ctx);
  good = r.backupPath;
}

async function stopFixture(): Promise<void> {
  client?.close();
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  process.env.PATH = pathBefore;
}

// The backup, verify and --deep paths on every etcd version; the rest (damage, bad input,
// retention) does not depend on it and runs on the first of the matrix.
describe.each(ETCD_MATRIX)('on etcd %s', (version) => {
  beforeAll(() => startFixture(version), 120_000);
  afterAll(stopFixture);

  describe('backup → verify → verify --deep on a real 3-member TLS etcd', () => {
    it('writes a complete, private, encrypted set that list shows', async () => {
      expect(good).toMatch(/\/backups\/it-\d{8}T\d{6}Z$/);
      expect((await readdir(good)).sort()).toEqual(['etcd.db.gz.age', 'manifest.json']);
      expect(statSync(good).mode & 0o777).toBe(0o700);
      expect(statSync(snapshotFile(good)).mode & 0o777).toBe(0o600);
      const manifest = JSON.parse(readFileSync(join(good, 'manifest.json'), 'utf8'));
      expect(manifest.etcd.members.map((m: { name: string }) => m.name).sort()).toEqual([
        'etcd1',
        'etcd2',
        'etcd3',
      ]);
      expect(manifest.etcd.version).toMatch(minorPattern(version));
      // The default keyspace check: etcd's own HashKV and key count, no second full read.
      expect(manifest.hashKV).toMatchObject({
        revision: manifest.snapshot.revision,
        compactRevision: -1,
        count: 1000,
      });
      expect(manifest.fingerprint).toBeNull();
      expect(manifest.objects[0].encryption.recipients).toEqual([recipient]);
      expect(JSON.stringify(manifest)).not.toContain('AGE-SECRET-KEY');
      const listed = await list(join(dir, 'backups'), ctx);
      expect(listed).toEqual([
        expect.objectContaining({
          name: good.split('/').pop(),
          revision: manifest.snapshot.revision,
          encrypted: true,
        }),
      ]);
    });

    it('the age CLI decrypts the stored snapshot, and it carries a valid etcd trailer', async () => {
      const plain = gunzipSync(
        execFileSync('age', ['-d', '-i', identityFile, snapshotFile(good)], { maxBuffer: 1 << 28 }),
      );
      const check = await verifySnapshotTrailer(Readable.from([plain]));
      expect(check.ok).toBe(true);
    });

    it("verify passes every check; --deep restores it and etcd's HashKV of the restore matches", async () => {
      const shallow = await verify(
        { backup: good, identityFiles: [identityFile], deep: false },
        ctx,
      );
      expect(shallow.ok).toBe(true);
      expect(shallow.checks.map((c) => c.name)).toContain('etcd.db.gz.age etcd sha256 trailer');
      // The restore runs etcd of the backup's minor: here the one PATH leads with.
      const deep = await verify({ backup: good, identityFiles: [identityFile], deep: true }, ctx);
      expect(deep.ok).toBe(true);
      const hash = deep.checks.find((c) => c.name === 'restored key hash (etcd HashKV)')!;
      expect(hash).toMatchObject({ ok: true });
      expect(hash.detail).toBeUndefined();
      expect(hash.actual).toBe(
        String(JSON.parse(readFileSync(join(good, 'manifest.json'), 'utf8')).hashKV.hash),
      );
      expect(deep.checks.find((c) => c.name === 'restored key count')).toMatchObject({
        ok: true,
        actual: '1000',
      });
    });

    it('--deep refuses etcd of another minor before restoring anything, and passes with --etcd-bin-dir of its own', async () => {
      const other = await etcdBinDir(version === '3.4' ? '3.6' : '3.4');
      const err = await verify(
        { backup: good, identityFiles: [identityFile], deep: true, etcdBinDir: other },
        ctx,
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(InputError);
      const message = (err as Error).message;
      expect(message).toMatch(
        new RegExp(`^The backup was taken from etcd ${minorPattern(version, false).source}, but `),
      );
      expect(message).toContain(`in ${other} is `);
      expect(message).toContain('--etcd-bin-dir');
      // Without the version's tools first on PATH: --etcd-bin-dir alone picks them.
      process.env.PATH = pathBefore;
      try {
        const ok = await verify(
          { backup: good, identityFiles: [identityFile], deep: true, etcdBinDir: binDir },
          ctx,
        );
        expect(ok.ok).toBe(true);
        expect(ok.checks.find((c) => c.name === 'restored key hash (etcd HashKV)')?.ok).toBe(true);
      } finally {
        process.env.PATH = `${binDir}:${pathBefore}`;
      }
    });

    it('--fingerprint full, taken while writes go on and after a compaction: --deep matches both checks', async () => {
      const { revision } = await client
        .put('/registry/compact-me')
        .value('1')
        .exec()
        .then((r) => ({
          revision: Number(r.header.revision),
        }));
      await client.put('/registry/compact-me').value('2');
      await client.delete().key('/registry/compact-me');
      await client.kv.compact({ revision: revision + 1, physical: true });
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) await client.put(`/registry/events/e-${written++}`).value('x'.repeat(500));
      })();
      const r = await backup(
        options(join(dir, 'full'), { fingerprint: 'full', compress: 'none', encryptTo: [] }),
        ctx,
      ).finally(async () => {
        writing = false;
        await writer;
      });
      expect(written).toBeGreaterThan(0);
      const m = JSON.parse(readFileSync(join(r.backupPath, 'manifest.json'), 'utf8'));
      expect(m.hashKV.compactRevision).toBe(revision + 1);
      expect(m.fingerprint.revision).toBe(m.snapshot.revision);
      expect(m.fingerprint.count).toBe(m.hashKV.count);
      const deep = await verify({ backup: r.backupPath, identityFiles: [], deep: true }, ctx);
      const by = Object.fromEntries(deep.checks.map((c) => [c.name, c]));
      expect(by['restored key hash (etcd HashKV)']).toMatchObject({ ok: true });
      expect(by['restored key hash (etcd HashKV)'].detail).toBeUndefined();
      expect(by['restored keyspace sha256']).toMatchObject({
        ok: true,
        actual: m.fingerprint.sha256,
      });
      expect(deep.ok).toBe(true);
    });

    it('--fingerprint none: the manifest has no keyspace check, and --deep says what it could still see', async () => {
      const r = await backup(
        options(join(dir, 'nocheck'), { fingerprint: 'none', compress: 'none', encryptTo: [] }),
        ctx,
      );
      const m = JSON.parse(readFileSync(join(r.backupPath, 'manifest.json'), 'utf8'));
      expect(m.hashKV).toBeNull();
      expect(m.fingerprint).toBeNull();
      const deep = await verify({ backup: r.backupPath, identityFiles: [], deep: true }, ctx);
      const seen = deep.checks.find((c) => c.name === 'restored keyspace')!;
      expect(seen.ok).toBe(true);
      expect(seen.actual).toMatch(/^\d+ keys$/);
      expect(Number.parseInt(seen.actual!, 10)).toBeGreaterThanOrEqual(1000);
      expect(seen.detail).toMatch(/no key hash or fingerprint to compare with/);
    });

    it("--deep fails when the restored etcd's HashKV is not the manifest's", async () => {
      const copy = await damagedCopy((set) => {
        const file = join(set, 'manifest.json');
        const m = parseManifest(readFileSync(file, 'utf8'), file);
        const { digest: _d, kind: _k, formatVersion: _f, tool: _t, ...content } = m;
        content.hashKV = { ...content.hashKV!, hash: (content.hashKV!.hash + 1) >>> 0 };
        writeFileSync(file, serializeManifest(buildManifest(content)));
      });
      const err = await verify(
        { backup: copy, identityFiles: [identityFile], deep: true },
        ctx,
      ).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(VerifyFailedError);
      const deep = (err as VerifyFailedError).result;
      const hash = deep.checks.find((c) => c.name === 'restored key hash (etcd HashKV)')!;
      expect(hash.ok).toBe(false);
      expect(hash.detail).toMatch(/^at revision \d+ the restored keys, or their history, differ/);
      expect(deep.checks.find((c) => c.name === 'restored key count')?.ok).toBe(true);
    });

    it('verify reads a snapshot that the age CLI encrypted', async () => {
      // Same set, but the snapshot object re-encrypted by `age -r`; the manifest records its new hashes.
      const copy = await damagedCopy((set) => {
        const plain = execFileSync('age', ['-d', '-i', identityFile, snapshotFile(set)], {
          maxBuffer: 1 << 28,
        });
        execFileSync('age', ['-r', recipient, '-o', `${snapshotFile(set)}.new`], { input: plain });
      });
      const m = parseManifest(readFileSync(join(copy, 'manifest.json'), 'utf8'), 'm');
      const cli = readFileSync(`${snapshotFile(copy)}.new`);
      writeFileSync(snapshotFile(copy), cli);
      rmSync(`${snapshotFile(copy)}.new`);
      const { createHash } = await import('node:crypto');
      m.objects[0] = {
        ...m.objects[0],
        bytes: cli.length,
        sha256: createHash('sha256').update(cli).digest('hex'),
      };
      const { digest: _d, kind: _k, formatVersion: _f, tool: _t, ...content } = m;
      writeFileSync(join(copy, 'manifest.json'), serializeManifest(buildManifest(content)));
      const r = await verify({ backup: copy, identityFiles: [identityFile], deep: false }, ctx);
      expect(r.ok).toBe(true);
    });

    it('a set verified with the tool of another totalKey meaning (etcdctl 3.4 vs etcdutl 3.6) still has its count checked', async () => {
      // Overwrites make the stored revisions outnumber the live keys. Earlier tests of this
      // file add keys of their own: count what is live now rather than assume the seed.
      for (let i = 0; i < 10; i++) {
        await client.put('/registry/pods/ns0/pod-0').value(`overwritten-${i}`);
      }
      const live = await client.getAll().count();
      const r = await backup(options(await mkdtemp(join(dir, 'recount-'))), ctx);
      const other = await etcdBinDir(version === '3.6' ? '3.4' : '3.6');
      const saved = process.env.PATH;
      // Only the other version's tools: this one's etcdutl would otherwise still be found.
      process.env.PATH = [other, ...(saved ?? '').split(':').filter((d) => d !== binDir)].join(':');
      try {
        const ok = await verify(
          { backup: r.backupPath, identityFiles: [identityFile], deep: false },
          ctx,
        );
        const count = ok.checks.find((c) => c.name === 'snapshot totalKey')!;
        expect(count.ok).toBe(true);
        // 3.4 and 3.5 tools count stored revisions; 3.6's the live keys: they differ here.
        expect(count.expected).not.toBe(count.actual);
        expect(count.detail).toMatch(
          /the manifest's \d+ is the file's (live keys|stored key revisions)/,
        );
        expect(ok.ok).toBe(true);
        // A count that is neither of the file's is still a failure.
        const copy = await mkdtemp(join(dir, 'recount-bad-'));
        const set = join(copy, r.backupPath.split('/').pop()!);
        cpSync(r.backupPath, set, { recursive: true });
        const m = parseManifest(readFileSync(join(set, 'manifest.json'), 'utf8'), 'm');
        const { digest: _d, kind: _k, formatVersion: _f, tool: _t, ...content } = m;
        content.snapshot = { ...content.snapshot, totalKey: content.snapshot.totalKey + 3 };
        writeFileSync(join(set, 'manifest.json'), serializeManifest(buildManifest(content)));
        const bad = await verify(
          { backup: set, identityFiles: [identityFile], deep: false },
          ctx,
        ).catch((e: unknown) => e);
        expect(bad).toBeInstanceOf(VerifyFailedError);
        const failed = (bad as VerifyFailedError).result.checks.find(
          (c) => c.name === 'snapshot totalKey',
        )!;
        expect(failed.ok).toBe(false);
        expect(failed.detail).toMatch(
          new RegExp(`the file holds ${live} live keys and \\d+ stored key revisions`),
        );
      } finally {
        process.env.PATH = saved;
      }
    });
  });

  // Damage, bad input, inventories and retention do not depend on the etcd version: once.
  if (isPrimaryVersion(version)) {
    describe('bad input: clear errors, the right exit code, nothing half-written', () => {
      const failedCheck = async (backupDir: string) => {
        const err = await verify(
          { backup: backupDir, identityFiles: [identityFile], deep: false },
          ctx,
        ).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(VerifyFailedError);
        expect((err as OperationError).exitCode).toBe(1);
        return err as VerifyFailedError;
      };

      it('a truncated snapshot object fails, naming the object', async () => {
        const copy = await damagedCopy((set) =>
          truncateSync(snapshotFile(set), statSync(snapshotFile(set)).size - 1000),
        );
        const err = await failedCheck(copy);
        expect(err.message).toMatch(/etcd\.db\.gz\.age/);
        expect(err.message).toMatch(/not a valid age file|truncated/);
      });

      it('one flipped byte fails authentication of that chunk', async () => {
        const copy = await damagedCopy((set) => {
          const b = readFileSync(snapshotFile(set));
          b[b.length - 100] ^= 0x01;
          writeFileSync(snapshotFile(set), b);
        });
        const err = await failedCheck(copy);
        expect(err.message).toMatch(
          /etcd\.db\.gz\.age: expected sha256 [0-9a-f]{64}, \d+ bytes.*fails authentication/s,
        );
      });

      it('a missing object is named', async () => {
        const copy = await damagedCopy((set) => rmSync(snapshotFile(set)));
        const err = await failedCheck(copy);
        expect(err.message).toMatch(/Object etcd\.db\.gz\.age is missing from the backup set/);
      });

      it('an edited manifest is detected: expected vs actual digest', async () => {
        const copy = await damagedCopy((set) => {
          const p = join(set, 'manifest.json');
          writeFileSync(
            p,
            readFileSync(p, 'utf8').replace(
              /"revision": (\d+)/,
              (_m, n) => `"revision": ${Number(n) + 1}`,
            ),
          );
        });
        const err = await failedCheck(copy);
        expect(err.result.checks.find((c) => c.name === 'manifest')).toMatchObject({ ok: false });
        expect(err.message).toMatch(
          /manifest: expected sha256:[0-9a-f]{64}, got sha256:[0-9a-f]{64}/,
        );
      });

      it('a wrong age identity is an input error (exit 2)', async () => {
        const other = join(dir, 'other.txt');
        execFileSync('age-keygen', ['-o', other], { stdio: 'ignore' });
        const err = await verify({ backup: good, identityFiles: [other], deep: false }, ctx).catch(
          (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(InputError);
        expect((err as Error).message).toMatch(/no identity given can decrypt/);
        const none = await verify({ backup: good, identityFiles: [], deep: false }, ctx).catch(
          (e: unknown) => e,
        );
        expect((none as Error).message).toMatch(
          /is encrypted to age1.*pass the matching age identity file with --identity/,
        );
      });

      it('an unknown format version is an input error (exit 2) saying which versions are read', async () => {
        const copy = await damagedCopy((set) => {
          const p = join(set, 'manifest.json');
          writeFileSync(
            p,
            readFileSync(p, 'utf8').replace('"formatVersion": 1', '"formatVersion": 7'),
          );
        });
        const err = await verify(
          { backup: copy, identityFiles: [identityFile], deep: false },
          ctx,
        ).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(InputError);
        expect((err as Error).message).toMatch(
          /format version 7; kube-rescue .* reads version 1 only/,
        );
      });

      it('an unreachable store fails the backup (exit 1) before any snapshot is taken', async () => {
        const saved = { ...process.env };
        Object.assign(process.env, {
          AWS_ACCESS_KEY_ID: 'k',
          AWS_SECRET_ACCESS_KEY: 's',
          AWS_ENDPOINT_URL: 'http://127.0.0.1:9',
        });
        try {
          const err = await backup(options('s3://bucket/prefix'), ctx).catch((e: unknown) => e);
          expect(err).toBeInstanceOf(OperationError);
          expect((err as Error).message).toMatch(
            /S3 listing in s3:\/\/bucket\/prefix at http:\/\/127.0.0.1:9 failed/,
          );
        } finally {
          process.env = saved;
        }
      });

      it('a snapshot whose trailer is wrong is never stored', async () => {
        const file = join(dir, 'raw.db');
        await new EtcdCtl(new LocalTransport(), {
          endpoints: [cluster.endpoints[0]],
          tls: { cacert: pki.ca, ...pki.admin('node1') },
        }).snapshotSave(cluster.endpoints[0], file);
        const b = readFileSync(file);
        b[5000] ^= 0xff;
        const store = new LocalStore(join(dir, 'trailer-store'));
        const set = await store.begin('it-20260101T000000Z');
        await expect(
          storeObject(Readable.from([b]), set, {
            base: 'etcd.db',
            kind: 'etcd-snapshot',
            compression: 'none',
            recipients: [],
            checks: [snapshotTrailerCheck('raw.db')],
          }),
        ).rejects.toThrow(/raw\.db is corrupt: its trailer says sha256/);
        await set.abort();
        expect(await store.list()).toEqual([]);
      });

      const bareSources = {
        cluster: 'it',
        flavor: 'unknown' as const,
        etcdVersion: '3.4.23',
        members: [],
        nodes: [],
      };

      /**
       * With etcd1 killed: listed before etcd2 it is skipped for it; alone it fails the backup
       * with every attempt named, leaving no set, no partial set and no temp dir in `tempRoot`.
       */
      async function deadMemberRounds(
        store: LocalStore,
        source: (i: number) => SnapshotSource,
        tempRoot: string,
      ): Promise<void> {
        await cluster.kill('etcd1');
        try {
          const { manifest } = await writeBackupSet(
            store,
            { ...bareSources, snapshotSources: [source(0), source(1)] },
            {
              compression: 'gzip',
              recipients: [],
              progress: silentProgress,
              now: new Date(Date.now() + 2000),
            },
          );
          expect(manifest.etcd.snapshotMember).toBe('etcd2');
          const before = await store.list();
          const err = await writeBackupSet(
            store,
            { ...bareSources, snapshotSources: [source(0)] },
            {
              compression: 'gzip',
              recipients: [],
              progress: silentProgress,
              now: new Date(Date.now() + 4000),
            },
          ).catch((e: unknown) => e);
          expect(err).toBeInstanceOf(OperationError);
          expect((err as Error).message).toMatch(
            /Could not take an etcd snapshot from any of 1 healthy member\(s\):\n- etcd1: /,
          );
          expect(await store.list()).toEqual(before);
          expect((await readdir(store.location)).filter((n) => n.startsWith('.'))).toEqual([]);
          expect(
            (await readdir(tempRoot)).filter((n) => n.startsWith('kube-rescue-snapshot.')),
          ).toEqual([]);
        } finally {
          await cluster.restart('etcd1');
        }
      }

      it('a member that dies is skipped for the next healthy one; when all die, the backup fails cleanly', async () => {
        const admin = pki.admin('node1');
        const ctl = new EtcdCtl(new LocalTransport('node1'), {
          endpoints: cluster.endpoints,
          tls: { cacert: pki.ca, ...admin },
          dialTimeoutMs: 2000,
          commandTimeoutMs: 3000,
        });
        const source = (i: number): SnapshotSource => ({
          member: cluster.members[i].name,
          node: 'node1',
          endpoint: cluster.members[i].clientUrl,
          ctl: ctl.withEndpoints([cluster.members[i].clientUrl]),
        });
        await deadMemberRounds(new LocalStore(join(dir, 'dying')), source, '/var/tmp');
      });

      it('streamed from the members themselves: a dead one is skipped, and when all fail nothing is left', async () => {
        const admin = pki.admin('node1');
        const ctl = new EtcdCtl(new LocalTransport('node1'), {
          endpoints: cluster.endpoints,
          tls: { cacert: pki.ca, ...admin },
        });
        const source = (i: number): SnapshotSource => ({
          member: cluster.members[i].name,
          node: 'node1',
          endpoint: cluster.members[i].clientUrl,
          ctl: ctl.withEndpoints([cluster.members[i].clientUrl]),
          direct: { endpoints: [cluster.members[i].clientUrl], tls: { cacert: pki.ca, ...admin } },
        });
        const store = new LocalStore(join(dir, 'streamed'));
        const { manifest } = await writeBackupSet(
          store,
          { ...bareSources, snapshotSources: [source(1)] },
          { compression: 'none', recipients: [], progress: silentProgress },
        );
        const [snap] = manifest.objects;
        const stored = readFileSync(join(store.location, manifest.setName, snap.name));
        // The streamed bytes are a whole snapshot: etcd's own trailer holds, and the status
        // computed as they streamed is the one the real tool gives of the stored file.
        expect((await verifySnapshotTrailer(Readable.from([stored]))).ok).toBe(true);
        expect(snap.plaintextSha256).toBe(createHash('sha256').update(stored).digest('hex'));
        expect(manifest.snapshot.revision).toBeGreaterThan(0);
        const tool = await ctl.snapshotStatus(join(store.location, manifest.setName, snap.name));
        expect(manifest.snapshot).toEqual({
          revision: tool.revision,
          totalKey: tool.totalKey,
          hash: tool.hash,
          size: tool.totalSize,
        });
        await deadMemberRounds(store, source, process.env.TMPDIR || '/var/tmp');
      });

      it('streamed: HashKV is asked as the stream begins, and again at the snapshot revision when that one failed', async () => {
        const admin = pki.admin('node1');
        const tls = { cacert: pki.ca, ...admin };
        const ctl = new EtcdCtl(new LocalTransport('node1'), { endpoints: cluster.endpoints, tls });
        const url = cluster.members[1].clientUrl;
        const source: SnapshotSource = {
          member: cluster.members[1].name,
          node: 'node1',
          endpoint: url,
          ctl: ctl.withEndpoints([url]),
          direct: { endpoints: [url], tls },
        };
        const store = new LocalStore(join(dir, 'early-hashkv'));
        for (const failFirst of [false, true]) {
          const asked: number[] = [];
          const { manifest } = await writeBackupSet(
            store,
            {
              ...bareSources,
              snapshotSources: [source],
              hashKV: (revision, member) => {
                asked.push(revision);
                if (failFirst && asked.length === 1)
                  return Promise.reject(new Error('early failed'));
                return hashKVViaEtcdCtl(member.ctl, revision);
              },
            },
            {
              compression: 'none',
              recipients: [],
              progress: silentProgress,
              now: new Date(Date.now() + (failFirst ? 8000 : 6000)),
            },
          );
          const revision = manifest.snapshot.revision;
          // Nothing wrote between the revision read and the snapshot: the early answer is used.
          expect(asked).toEqual(failFirst ? [revision, revision] : [revision]);
          expect(manifest.hashKV).toEqual(await hashKVViaEtcdCtl(source.ctl, revision));
        }
      });

      it('the CLI exits 1 for a damaged set and 2 for bad input', () => {
        const cli = (...args: string[]) =>
          spawnSync('node', ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });
        const missing = cli(
          'verify',
          '/nonexistent/it-20260101T000000Z',
          '--identity',
          identityFile,
        );
        expect(missing.status).toBe(1);
        expect(missing.stderr).toMatch(/manifest\.json is missing/);
        const badFlag = cli('verify', good, '--identity', join(dir, 'no-such-key.txt'));
        expect(badFlag.status).toBe(2);
        expect(badFlag.stderr).toMatch(
          /--identity .*no-such-key\.txt: cannot read the file \(ENOENT\)/,
        );
      });
    });

    describe('signed backup sets (ssh-keygen -Y)', () => {
      let signed: string;
      let trusted: string;
      let fingerprint: string;
      const cli = (...args: string[]) =>
        spawnSync('node', ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

      beforeAll(async () => {
        const key = join(dir, 'signing-key');
        execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ci', '-f', key]);
        fingerprint = execFileSync('ssh-keygen', ['-l', '-f', `${key}.pub`], {
          encoding: 'utf8',
        }).split(' ')[1];
        trusted = join(dir, 'allowed_signers');
        const pub = readFileSync(`${key}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
        writeFileSync(trusted, `backup@ci ${pub}\n`);
        const r = await backup(options(join(dir, 'signed'), { signKey: key }), ctx);
        expect(r.signedBy).toEqual({ keyType: 'ED25519', fingerprint });
        signed = r.backupPath;
      });

      it('backup --sign-key writes manifest.json.sig (0600); verify reports the trusted signer', async () => {
        expect((await readdir(signed)).sort()).toEqual([
          'etcd.db.gz.age',
          'manifest.json',
          'manifest.json.sig',
        ]);
        expect(statSync(join(signed, 'manifest.json.sig')).mode & 0o777).toBe(0o600);
        const r = await verify(
          { backup: signed, identityFiles: [identityFile], trustedSigners: trusted, deep: false },
          ctx,
        );
        expect(r.ok).toBe(true);
        expect(r.signer).toEqual({ principal: 'backup@ci', keyType: 'ED25519', fingerprint });
        expect(r.checks[0]).toMatchObject({ name: 'manifest.json.sig', ok: true });
        expect(r.checks[0].detail).toContain(`signed by backup@ci (ED25519 key ${fingerprint})`);
      });

      it('verify without trusted signers says the set is unsigned, or whose key signed it', async () => {
        const unsigned = await verify(
          { backup: good, identityFiles: [identityFile], deep: false },
          ctx,
        );
        expect(unsigned.checks[0]).toMatchObject({ name: 'manifest.json.sig', ok: true });
        expect(unsigned.checks[0].detail).toMatch(
          /^not signed: the set is trusted as the store holds it/,
        );
        const r = await verify({ backup: signed, identityFiles: [identityFile], deep: false }, ctx);
        expect(r.signer).toEqual({ keyType: 'ED25519', fingerprint });
      });

      it('the CLI refuses, exit 2, an unsigned set and a manifest edited after signing', () => {
        const unsigned = cli(
          'verify',
          good,
          '--identity',
          identityFile,
          '--trusted-signers',
          trusted,
        );
        expect(unsigned.status).toBe(2);
        expect(unsigned.stderr).toMatch(/the set is not signed \(no manifest\.json\.sig\)/);

        const root = join(dir, 'edited-signed');
        const copy = join(root, signed.split('/').pop()!);
        cpSync(signed, copy, { recursive: true });
        const m = join(copy, 'manifest.json');
        const text = readFileSync(m, 'utf8');
        writeFileSync(m, text.replace('"cluster": "it"', '"cluster": "it2"'));
        expect(readFileSync(m, 'utf8')).not.toBe(text);
        const edited = cli(
          'verify',
          copy,
          '--identity',
          identityFile,
          '--trusted-signers',
          trusted,
        );
        expect(edited.status).toBe(2);
        expect(edited.stderr).toMatch(
          /the signature by backup@ci does not verify over this manifest/,
        );

        // A genuine signed set copied under a newer name: the signature holds, the name does not.
        const replay = join(dir, 'replayed', 'it-20990101T000000Z');
        cpSync(signed, replay, { recursive: true });
        const replayed = cli(
          'verify',
          replay,
          '--identity',
          identityFile,
          '--trusted-signers',
          trusted,
        );
        expect(replayed.status).toBe(2);
        expect(replayed.stderr).toMatch(
          /the signed manifest is of set it-\d{8}T\d{6}Z, but it is stored as it-20990101T000000Z/,
        );

        const human = cli(
          'verify',
          signed,
          '--identity',
          identityFile,
          '--trusted-signers',
          trusted,
        );
        expect(human.status).toBe(0);
        expect(human.stdout).toContain(`signed by backup@ci (ED25519 key ${fingerprint})`);
      });

      it('the CLI backup --sign-key signs; an unusable key fails with exit 2 before any snapshot', () => {
        const admin = pki.admin('node1');
        const base = [
          'backup',
          '--transport',
          'local',
          '--etcd-endpoints',
          cluster.endpoints.join(','),
          '--etcd-cacert',
          pki.ca,
          '--etcd-cert',
          admin.cert,
          '--etcd-key',
          admin.key,
          '--etcd-only',
          '--cluster-name',
          'itcli',
        ];
        const dest = join(dir, 'cli-signed');
        const r = cli('--json', ...base, '--dest', dest, '--sign-key', join(dir, 'signing-key'));
        expect(r.status, r.stderr).toBe(0);
        const out = JSON.parse(r.stdout) as { backupPath: string; signedBy: unknown };
        expect(out.signedBy).toEqual({ keyType: 'ED25519', fingerprint });
        const v = cli('verify', out.backupPath, '--trusted-signers', trusted);
        expect(v.status, v.stderr).toBe(0);

        const notAKey = join(dir, 'not-a-key');
        writeFileSync(notAKey, 'hello\n');
        const bad = cli(...base, '--dest', join(dir, 'cli-bad'), '--sign-key', notAKey);
        expect(bad.status).toBe(2);
        expect(bad.stderr).toMatch(/--sign-key .*not-a-key: not an SSH private key/);
        expect(existsSync(join(dir, 'cli-bad'))).toBe(false);
      });
    });

    describe('backup -i (from an inventory)', () => {
      it('probes the members the inventory names and snapshots a healthy one', async () => {
        // Hosts reached with --transport local: each "node" is this machine, etcd is the loopback cluster.
        const ini = join(dir, 'hosts.ini');
        const lines = cluster.members.map(
          (m, i) =>
            `node${i + 1} ansible_host=127.0.0.1 etcd_member_name=${m.name} etcd_client_url=${m.clientUrl} etcd_peer_url=${m.peerUrl}`,
        );
        writeFileSync(
          ini,
          `[all]\n${lines.join('\n')}\n\n[all:vars]\ncluster_name=inv.example\n\n[etcd]\nnode1\nnode2\nnode3\n\n[kube_control_plane]\nnode1\n`,
        );
        const admin = pki.admin('node1');
        const r = await backup(
          {
            inventory: ini,
            access: {
              transport: 'local',
              layout: 'kubespray',
              etcdCacert: pki.ca,
              etcdCert: admin.cert,
              etcdKey: admin.key,
            },
            dest: join(dir, 'inv-backups'),
            encryptTo: [],
            compress: 'gzip',
            etcdOnly: true,
          },
          ctx,
        );
        expect(r.backupPath).toMatch(/inv-backups\/inv\.example-\d{8}T\d{6}Z$/);
        const manifest = JSON.parse(readFileSync(join(r.backupPath, 'manifest.json'), 'utf8'));
        expect(['etcd1', 'etcd2', 'etcd3']).toContain(manifest.etcd.snapshotMember);
        expect(manifest.kubernetes.flavor).toBe('kubespray');
        expect(
          (await verify({ backup: r.backupPath, identityFiles: [], deep: false }, ctx)).ok,
        ).toBe(true);
      });
    });

    describe('node files', () => {
      it('archives paths with modes, owners and symlinks preserved; a missing required path fails', async () => {
        const root = await mkdtemp(join(dir, 'node-'));
        await mkdir(join(root, 'ssl'), { mode: 0o700 });
        await writeFile(join(root, 'ssl', 'ca-key.pem'), 'secret', { mode: 0o600 });
        await symlink('ssl', join(root, 'pki'));
        const store = new LocalStore(join(dir, 'archives'));
        const set = await store.begin('it-20260101T000001Z');
        const exec = archivePaths(new LocalTransport(), [join(root, 'ssl'), join(root, 'pki')]);
        const obj = await storeObject(exec.stdout, set, {
          base: 'n1-pki.tar',
          kind: 'node-files',
          compression: 'none',
          recipients: [],
          mode: 0o600,
        });
        await exec.done;
        await set.commit();
        const listing = execFileSync(
          'tar',
          ['-tvf', join(store.location, 'it-20260101T000001Z', obj.name)],
          { encoding: 'utf8' },
        );
        expect(listing).toMatch(/^-rw------- 0\/0 .*\/ssl\/ca-key\.pem$/m);
        expect(listing).toMatch(/^drwx------ 0\/0 .*\/ssl\/$/m);
        expect(listing).toMatch(/^lrwxrwxrwx 0\/0 .*\/pki -> ssl$/m);

        const missing = await writeBackupSet(
          new LocalStore(join(dir, 'never')),
          {
            cluster: 'it',
            flavor: 'kubespray',
            etcdVersion: '3.4.23',
            members: [],
            snapshotSources: [],
            nodes: [
              {
                node: 'n1',
                transport: new LocalTransport('n1'),
                paths: [{ path: join(root, 'nope'), required: true }],
              },
            ],
          },
          { compression: 'gzip', recipients: [], progress: silentProgress },
        ).catch((e: unknown) => e);
        expect((missing as Error).message).toMatch(/Node n1: .*\/nope missing\. .*--etcd-only/);
      });
    });

    describe('retention after a backup', () => {
      it('--keep 1 removes the older set of this cluster and leaves other sets alone', async () => {
        const dest = join(dir, 'retention');
        await mkdir(join(dest, 'notes-by-hand'), { recursive: true });
        await writeFile(join(dest, 'notes-by-hand', 'manifest.json'), '{}');
        const first = await backup(options(dest, { fingerprint: 'none' }), ctx);
        await new Promise((r) => setTimeout(r, 1100)); // set names have one-second resolution
        const second = await backup(options(dest, { keep: 1, fingerprint: 'none' }), ctx);
        expect(second.removedByRetention).toEqual([first.backupPath.split('/').pop()]);
        expect((await readdir(dest)).sort()).toEqual(
          [second.backupPath.split('/').pop(), 'notes-by-hand'].sort(),
        );
      });
    });
  }
});
