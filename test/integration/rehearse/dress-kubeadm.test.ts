import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEtcdClient, SEED_ROOT_BESIDE_AN_API, seedKeys } from '../../../harness/data.js';
import { KubeadmClusterProvider } from '../../../harness/kubeadm-provider.js';
import { replicaTopology } from '../../../harness/replica.js';
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
// then the replica, brought to that backup's state by the real restore, which loses cp3 (blank
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

    // The replica keeps its own PKI and says why: the archives hold the CA keys, but a kubeadm
    // PKI is not yet reissued for the replica's addresses.
    const pki = report.pki!;
    expect(pki.source).toBe('replica');
    expect(pki.reason).toMatch(/hold the backup's CA keys .*the replica keeps its own kubeadm PKI/);
    expect(pki.caFingerprint).not.toBe(sourceEtcdCa.fingerprint256);
    expect(Object.keys(pki.memberCerts).sort()).toEqual(['cp1', 'cp2', 'cp3']);
    expect(markdown).toMatch(/node archives were not unpacked; the replica kept its own etcd PKI/);

    // The inventory's addresses are never contacted, nor the backed-up cluster's.
    expect(targets.length).toBeGreaterThan(0);
    const replicaAddresses = report.topology.nodes.map((n) => n.replicaAddress);
    for (const t of targets) {
      expect(t.address).not.toMatch(/^192\.0\.2\./);
      expect(replicaAddresses).toContain(t.address);
    }
    for (const a of replicaAddresses) expect(a).not.toMatch(/^192\.0\.2\./);
    expect(sourceAddresses.length).toBe(4);

    // The identity is in neither the report nor the log.
    const text = `${await readFile(reportFile, 'utf8')}\n${markdown}\n${log.join('')}`;
    expect(text).not.toContain(secret.slice('AGE-SECRET-KEY-'.length));
  });
});
