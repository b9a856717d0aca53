import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteCerts,
  destroyAndReprovision,
  fingerprint,
  type KeyspaceFingerprint,
  LocalClusterProvider,
  openEtcdClient,
  type StartedCluster,
  seedKeys,
} from '../../../harness/index.js';
import { StderrProgress } from '../../../src/progress.js';
import { backUpHarnessCluster } from './harness-backup.js';
import { expectNothingLost, inventoryWithBrokenGroups, recoverCluster } from './recover.js';

// Cases that need a backup set, on one stacked 3-node cluster: certificates lost (the
// cluster stays up), then everything lost. The backup is taken once, after seeding; nothing
// is written after it, so zero keys lost means the fingerprint of the backup comes back.
let cluster: StartedCluster;
let client: Etcd3;
let work: string;
let backup: string;
let seeded: KeyspaceFingerprint;
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const MEMBERS = ['etcd1', 'etcd2', 'etcd3'];

beforeAll(async () => {
  cluster = await new LocalClusterProvider().start('stacked3', { progress });
  work = await mkdtemp(join(tmpdir(), 'kr-recovery-backup-'));
  client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
  await seedKeys(client, { keys: 2000, valueBytes: 512 });
  seeded = await fingerprint(client);
  backup = await backUpHarnessCluster(cluster, work, progress);
});

afterAll(async () => {
  client?.close();
  await cluster?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('recovery from a backup set', () => {
  it('case 4: control-plane certificates lost on a node → its archive back, modes and owners as saved', async () => {
    const keyBefore = await cluster
      .node('node1')
      .sh('stat -c "%a %U:%G" /etc/ssl/etcd/ssl/member-node1-key.pem /etc/kubernetes/ssl/ca.key');
    await deleteCerts(cluster, 'node1');
    const inventory = await inventoryWithBrokenGroups(cluster, work, {
      etcd: [],
      controlPlane: ['node1'],
    });
    const result = await recoverCluster(cluster, 'cert-loss', work, progress, {
      inventory,
      backup,
    });
    expect(result.plan.case).toBe('cert-loss');
    const certs = result.verification?.checks.find((c) => c.name === 'certificates');
    expect(certs?.status).toBe('passed');
    const keyAfter = await cluster
      .node('node1')
      .sh('stat -c "%a %U:%G" /etc/ssl/etcd/ssl/member-node1-key.pem /etc/kubernetes/ssl/ca.key');
    expect(keyAfter.stdout).toBe(keyBefore.stdout);
    // What was left (the dangling pki link) was moved aside, not deleted.
    const aside = await cluster.node('node1').sh('ls -d /etc/kubernetes/pki.*');
    expect(aside.stdout.trim().split('\n')).toHaveLength(1);
    await expectNothingLost(result, client, seeded, MEMBERS);
  });

  it('case 3: every node destroyed and re-provisioned blank → snapshot and archives from the backup', async () => {
    for (const n of ['node1', 'node2', 'node3']) await destroyAndReprovision(cluster, n);
    const result = await recoverCluster(cluster, 'total-loss', work, progress, {
      inventory: cluster.inventoryPath,
      backup,
    });
    expect(result.plan.cases).toContain('total-loss');
    expect(result.plan.source).toMatchObject({ kind: 'backup' });
    const keyspace = result.verification?.checks.find((c) => c.name === 'keyspace');
    expect(keyspace?.status).toBe('passed');
    client.close();
    client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
    await expectNothingLost(result, client, seeded, MEMBERS);
  });
});
