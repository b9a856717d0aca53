import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEtcdClient, SEED_ROOT_BESIDE_AN_API, seedKeys } from '../../../harness/data.js';
import { KubeadmClusterProvider } from '../../../harness/kubeadm-provider.js';
import { replicaTopology } from '../../../harness/replica.js';
import { publicKeyDigest } from '../../../harness/replica-kubeadm-pki.js';
import { generateIdentity } from '../../../src/backup/age.js';
import { backup as backUp } from '../../../src/commands/backup.js';
import { rehearseInventory } from '../../../src/commands/rehearse-inventory.js';
import { loadInventory } from '../../../src/inventory/index.js';
import type { NodeTarget } from '../../../src/nodes/connect.js';
import { DockerTransport } from '../../../src/nodes/docker.js';
import { StderrProgress } from '../../../src/progress.js';
import { renderDressRehearsalMarkdown } from '../../../src/report/dress-rehearsal.js';
import { kubernetesMissing, NOTHING_LOST_ON_KUBEADM } from '../harness/fixtures/kubernetes.js';

// The dress rehearsal of a kubeadm-style inventory (fixtures/kubeadm-hosts.ini: cp1..cp3 with
// stacked etcd, w1; addresses from 192.0.2.0/24, which nothing here may contact) on the kubeadm
// provider. Two cluster starts in all, one at a time: a kubeadm harness cluster of the same
// shape and host names, seeded, backed up by the real backup code (encrypted) and torn down;
// then the replica, started on that backup's CAs and service-account key (placed from cp1's
// archive before kubeadm init) and brought to its state by the real restore, which loses cp3 (blank
// node: no manifests, data, certificates or kubeconfigs) and is recovered by the plan
// production would get, with every Kubernetes check the provider has. Skips (and says which
// command builds it) where Kubernetes is not built.
const missing = await kubernetesMissing('kubeadm dress rehearsal');

const FIXTURE = 'test/integration/rehearse/fixtures/kubeadm-hosts.ini';
const SEEDED = 300;
let dir: string;
let backupPath: string;
let identityFile: string;
let secret: string;
let sourceEtcdCa: X509Certificate;
/** The backed-up cluster's own CAs and service-account key, read on its cp1 (public files). */
let sourceClusterCa: X509Certificate;
let sourceFrontProxyCa: X509Certificate;
let sourceSaPub: string;
/** Lines of the backed-up cluster's CA and sa private keys (kept in memory only), to grep for. */
const sourceKeyLines: string[] = [];
let sourceAddresses: string[] = [];
const started = Date.now();
const figures: string[] = [];

describe.skipIf(missing !== undefined)('dress rehearsal of a kubeadm-style inventory', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dress-kubeadm-'));
    const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
    const id = generateIdentity();
    secret = id.secret;
    identityFile = join(dir, 'backup.agekey');
    await writeFile(identityFile, `${secret}\n`, { mode: 0o600 });
    // The backed-up cluster: the inventory's shape and host names (kubeadm names its nodes and
    // members so), on the harness's own network.
    const source = await new KubeadmClusterProvider().start(
      replicaTopology(await loadInventory(FIXTURE)),
      { progress, nodeNames: 'topology' },
    );
    try {
      figures.push(`source cluster ready in ${source.startupSeconds.toFixed(1)} s`);
      const client = await openEtcdClient(source.etcdEndpoints, source.tls);
      try {
        await seedKeys(client, {
          keys: SEEDED,
          valueBytes: 512,
          seed: 'dress-kubeadm',
          root: SEED_ROOT_BESIDE_AN_API,
        });
      } finally {
        client.close();
      }
      const t0 = Date.now();
      const b = await backUp(
        {
          inventory: source.inventoryPath,
          access: { transport: 'docker', layout: 'kubeadm' },
          dest: join(dir, 'backups'),
          encryptTo: [id.identity.recipient.text],
          compress: 'gzip',
          etcdOnly: false,
          transportFor: (h) => new DockerTransport(h, { container: source.node(h).containerName }),
        },
        { progress },
      );
      figures.push(`source backup ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      backupPath = b.backupPath;
      expect(b.objects.map((o) => o.name).sort()).toEqual([
        'cp1-pki.tar.gz.age',
        'cp2-pki.tar.gz.age',
        'cp3-pki.tar.gz.age',
        'etcd.db.gz.age',
      ]);
      sourceEtcdCa = new X509Certificate(await readFile(source.tls.cacert));
      const onCp1 = async (path: string) => (await source.node('cp1').sh(`cat ${path}`)).stdout;
      sourceClusterCa = new X509Certificate(await onCp1('/etc/kubernetes/pki/ca.crt'));
      sourceFrontProxyCa = new X509Certificate(
        await onCp1('/etc/kubernetes/pki/front-proxy-ca.crt'),
      );
      sourceSaPub = await onCp1('/etc/kubernetes/pki/sa.pub');
      for (const k of ['ca.key', 'front-proxy-ca.key', 'etcd/ca.key', 'sa.key']) {
        const pem = await onCp1(`/etc/kubernetes/pki/${k}`);
        sourceKeyLines.push(...pem.split('\n').filter((l) => l.length >= 40 && !l.startsWith('-')));
      }
      expect(sourceKeyLines.length).toBeGreaterThanOrEqual(4);
      expect(sourceClusterCa.fingerprint256).not.toBe(sourceEtcdCa.fingerprint256);
      sourceAddresses = source.nodes.map((n) => n.ip);
    } finally {
      await source.stop();
    }
  }, 40 * 60_000);

  afterAll(async () => {
    console.log(
      `dress-kubeadm: ${figures.join('; ')}; file ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('replicates it on the kubeadm provider, restores the backup into it, and recovers the loss of cp3 with the plan production would get', {
    timeout: 40 * 60_000,
  }, async () => {
    const log: string[] = [];
    const progress = new StderrProgress({ verbose: true, write: (s) => log.push(s) });
    const targets: NodeTarget[] = [];
    const reportFile = join(dir, 'report.json');
    const report = await rehearseInventory(
      {
        inventory: FIXTURE,
        backup: backupPath,
        identityFiles: [identityFile],
        brokenEtcd: ['cp3'],
        brokenControlPlane: ['cp3'],
        report: reportFile,
        onConnect: (t) => targets.push(t),
      },
      { progress },
    ).catch((err: unknown) => {
      const r = (err as { result?: Parameters<typeof renderDressRehearsalMarkdown>[0] }).result;
      if (r) process.stdout.write(renderDressRehearsalMarkdown(r));
      process.stderr.write(log.join('').slice(-12000));
      throw err;
    });
    const markdown = renderDressRehearsalMarkdown(report);
    process.stdout.write(markdown);
    figures.push(
      `replica ready in ${report.startupSeconds} s, bring-up RTO ${report.bringUp?.rtoSeconds} s, RTO ${report.rtoSeconds} s, rehearsal ${report.durationSeconds} s`,
    );

    expect(report.ok, report.error).toBe(true);
    expect(report).toMatchObject({ provider: 'kubeadm', layout: 'kubeadm', etcdVersion: '3.6' });
    expect(report.topology.nodes.map((n) => [n.name, n.roles, n.etcdMemberName])).toEqual([
      ['cp1', ['control-plane', 'etcd'], 'cp1'],
      ['cp2', ['control-plane', 'etcd'], 'cp2'],
      ['cp3', ['control-plane', 'etcd'], 'cp3'],
      ['w1', ['worker'], undefined],
    ]);
    expect(report.topology.groups).toMatchObject({
      kube_control_plane: ['cp1', 'cp2', 'cp3'],
      etcd: ['cp1', 'cp2', 'cp3'],
      kube_node: ['w1'],
    });
    // The backup's data, brought in by the real restore: every key compared with the file.
    expect(report.data.source).toBe('backup');
    expect(report.bringUp?.keyspaceStatus).toBe('passed');
    expect(report.bringUp?.plan).toMatch(/total-loss/);
    // One member lost on a blank node: replaced (its certificates from the replica's backup).
    expect(report.replicaPlan?.case).toMatch(/^member-loss/);
    expect(report.planMatch).toMatchObject({ match: true, differences: [] });
    expect(report.productionPlan?.steps).toEqual(report.replicaPlan?.steps);
    expect(report.rtoSeconds).toBeGreaterThan(0);
    // The harness's keys (the backup's seeded ones among them) one by one; nothing lost.
    expect(report.keysCompared).toBe('/registry/kube-rescue');
    expect(report.keysVerified).toBeGreaterThanOrEqual(SEEDED);
    expect(report.keysLost).toBe(0);
    expect(report.writesLost).toBe(0);
    expect(report.verification?.filter((v) => v.status === 'failed')).toEqual([]);
    // Every Kubernetes check: objects, /readyz, every node Ready, the watch.
    expect(report.kubernetes).toMatchObject(NOTHING_LOST_ON_KUBEADM);

    // The replica runs on the backup's CAs: placed from cp1's archive before kubeadm init,
    // read back on every control-plane node after the bring-up; its leaf certificates are its
    // own (its etcd members serve certificates of the backup's etcd CA for the replica's
    // addresses), and its API server signs and checks tokens with the backup's sa key.
    const pki = report.pki!;
    expect(pki.source, pki.reason).toBe('backup');
    expect(pki.reason).toBeUndefined();
    expect(pki.caNode).toBe('cp1');
    expect(pki.caFingerprint).toBe(sourceEtcdCa.fingerprint256);
    expect(new X509Certificate(pki.caCert).fingerprint256).toBe(sourceEtcdCa.fingerprint256);
    expect(pki.kubeadm).toMatchObject({
      clusterCaFingerprint: sourceClusterCa.fingerprint256,
      frontProxyCaFingerprint: sourceFrontProxyCa.fingerprint256,
      serviceAccountKeySha256: publicKeyDigest(sourceSaPub),
    });
    expect(pki.kubeadm?.verified.join('\n')).toMatch(/on cp1, cp2, cp3 equal to the archive's/);
    expect(pki.kubeadm?.verified.join('\n')).toMatch(
      /\/openid\/v1\/jwks.*is the archive's sa\.pub/,
    );
    expect(pki.fromBackup.join('\n')).toMatch(
      /cp1-pki\.tar\.gz\.age: .*\/etc\/kubernetes\/pki\/ca\.key.*carried to cp2, cp3 by kubeadm join --control-plane/,
    );
    expect(pki.unpacked).toEqual([]);
    expect(Object.keys(pki.memberCerts).sort()).toEqual(['cp1', 'cp2', 'cp3']);
    for (const n of report.topology.nodes.filter((x) => x.etcdMemberName)) {
      const member = new X509Certificate(pki.memberCerts[n.name]!);
      expect(member.verify(sourceEtcdCa.publicKey)).toBe(true);
      expect(member.checkIP(n.replicaAddress)).toBe(n.replicaAddress);
      expect(member.checkIP(n.productionAddress)).toBeUndefined();
    }
    expect(markdown).toMatch(/The replica ran on the backup's CAs: the cluster CA/);
    expect(report.notes?.join('\n')).toMatch(
      /certificate restores come from the replica's own backup.*CAs and service-account key pair in it are the backup's/,
    );

    // The inventory's addresses are never contacted, nor the backed-up cluster's.
    expect(targets.length).toBeGreaterThan(0);
    const replicaAddresses = report.topology.nodes.map((n) => n.replicaAddress);
    for (const t of targets) {
      expect(t.address).not.toMatch(/^192\.0\.2\./);
      expect(replicaAddresses).toContain(t.address);
    }
    for (const a of replicaAddresses) expect(a).not.toMatch(/^192\.0\.2\./);
    expect(sourceAddresses.length).toBe(4);

    // The identity is in neither the report nor the log, nor is any CA or sa key of the backup.
    const text = `${await readFile(reportFile, 'utf8')}\n${markdown}\n${log.join('')}`;
    expect(text).not.toContain(secret.slice('AGE-SECRET-KEY-'.length));
    expect(sourceKeyLines.filter((l) => text.includes(l))).toEqual([]);
  });
});
