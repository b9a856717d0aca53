import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LocalClusterProvider,
  openEtcdClient,
  type StartedCluster,
} from '../../../harness/index.js';
import { backup } from '../../../src/commands/backup.js';
import { verify } from '../../../src/commands/verify.js';
import { StderrProgress, silentProgress } from '../../../src/progress.js';
import { etcdBinDir } from '../../support/etcd-matrix.js';

// The harness's real cluster: 3 Kubespray-style nodes (systemd etcd, TLS, certs under
// /etc/ssl/etcd/ssl, /etc/kubernetes/pki → ssl), reached over real SSH with host-key checks.
let cluster: StartedCluster;
let dir: string;
let identityFile: string;
let recipient: string;

beforeAll(async () => {
  cluster = await new LocalClusterProvider().start('stacked3', { progress: new StderrProgress() });
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-harness-backup-'));
  identityFile = join(dir, 'key.txt');
  execFileSync('age-keygen', ['-o', identityFile], { stdio: 'ignore' });
  recipient = execFileSync('age-keygen', ['-y', identityFile], { encoding: 'utf8' }).trim();
  const client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
  try {
    for (let i = 0; i < 200; i++)
      await client.put(`/registry/secrets/default/s${i}`).value(`v${i}`);
  } finally {
    client.close();
  }
});

afterAll(async () => {
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('backup -i over SSH on the harness cluster', () => {
  it('backs up the snapshot and every control-plane node’s files; verify --deep proves it restores', async () => {
    const r = await backup(
      {
        inventory: cluster.inventoryPath,
        access: {
          transport: 'ssh',
          sshUser: 'root',
          sshKeyFile: cluster.sshKeyPath,
          knownHosts: cluster.knownHostsPath,
          layout: 'auto',
        },
        dest: join(dir, 'backups'),
        encryptTo: [recipient],
        compress: 'gzip',
        etcdOnly: false,
      },
      { progress: silentProgress },
    );
    expect(r.objects.map((o) => o.name).sort()).toEqual([
      'etcd.db.gz.age',
      'node1-pki.tar.gz.age',
      'node2-pki.tar.gz.age',
      'node3-pki.tar.gz.age',
    ]);
    // The archive: the CA key private, the pki symlink kept as a symlink, numeric owners.
    const tar = execFileSync(
      'sh',
      [
        '-c',
        'age -d -i "$1" "$2" | gunzip | tar -tvf -',
        'sh',
        identityFile,
        join(r.backupPath, 'node1-pki.tar.gz.age'),
      ],
      { encoding: 'utf8' },
    );
    const owner = (
      await cluster.node('node1').sh("stat -c '%u/%g' /etc/ssl/etcd/ssl/ca-key.pem")
    ).stdout.trim();
    expect(tar).toMatch(new RegExp(`^-rw------- ${owner} .* etc/ssl/etcd/ssl/ca-key\\.pem$`, 'm'));
    expect(tar).toMatch(/^lrwxrwxrwx 0\/0 .* etc\/kubernetes\/pki -> /m);
    expect(tar).toMatch(/ etc\/etcd\.env$/m);
    const v = await verify(
      {
        backup: r.backupPath,
        identityFiles: [identityFile],
        deep: true,
        // The deep restore runs etcd of the cluster's minor, as a user passes it.
        etcdBinDir: await etcdBinDir(cluster.etcdVersion!),
      },
      { progress: silentProgress },
    );
    expect(v.ok).toBe(true);
    expect(v.checks.find((c) => c.name === 'restored key count')?.ok).toBe(true);
    // etcd's HashKV, taken over SSH with the node's etcdctl, matches the throw-away restore's.
    const hash = v.checks.find((c) => c.name === 'restored key hash (etcd HashKV)');
    expect(hash).toMatchObject({ ok: true });
    expect(hash?.detail).toBeUndefined();
  });
});
