import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  destroyAndReprovision,
  fingerprint,
  type KeyspaceFingerprint,
  LocalClusterProvider,
  openEtcdClient,
  type StartedCluster,
  seedKeys,
  wipeEtcdData,
} from '../../../harness/index.js';
import type { RestoreOptions } from '../../../src/commands/restore.js';
import { StderrProgress } from '../../../src/progress.js';
import { expectNothingLost, inventoryWithBrokenGroups, recoverCluster } from './recover.js';

// One stacked 3-node cluster for the whole file: every case leaves it healthy, so the next
// case breaks it again. Each case proves zero keys lost: the keyspace fingerprint after the
// restore equals the one taken before the fault (no writes in between).
let cluster: StartedCluster;
let client: Etcd3;
let work: string;
let seeded: KeyspaceFingerprint;
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const MEMBERS = ['etcd1', 'etcd2', 'etcd3'];

beforeAll(async () => {
  cluster = await new LocalClusterProvider().start('stacked3', { progress });
  work = await mkdtemp(join(tmpdir(), 'kr-recovery-'));
  client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
  await seedKeys(client, { keys: 2000, valueBytes: 512 });
  seeded = await fingerprint(client);
});

afterAll(async () => {
  client?.close();
  await cluster?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const recover = (name: string, opts: Partial<RestoreOptions> & { inventory: string }) =>
  recoverCluster(cluster, name, work, progress, opts);

describe('recovery on a stacked 3-node Kubespray-like cluster', () => {
  it('case 1: one member lost its data, quorum intact → member replaced (probe decides)', async () => {
    await wipeEtcdData(cluster, 'node3');
    const result = await recover('member-data', { inventory: cluster.inventoryPath });
    expect(result.plan.case).toBe('member-loss');
    expect(result.plan.steps.map((s) => s.action)).toContain('member-add');
    await expectNothingLost(result, client, seeded, MEMBERS);
  });

  it('case 1: a member node destroyed and re-provisioned blank → certs and unit from a peer, rejoined', async () => {
    await destroyAndReprovision(cluster, 'node2');
    // The runbook's inventory: node2 in [broken_etcd]; its Kubernetes certs are not ours here.
    const inventory = await inventoryWithBrokenGroups(cluster, work, {
      etcd: ['node2'],
      controlPlane: [],
    });
    const result = await recover('member-blank', { inventory });
    expect(result.plan.case).toBe('member-loss');
    expect(result.plan.steps.some((s) => s.action === 'restore-certs' && s.node === 'node2')).toBe(
      true,
    );
    await expectNothingLost(result, client, seeded, MEMBERS);
  });

  it('case 2: quorum lost, data on a survivor → fresh snapshot, all members restored in parallel', async () => {
    await wipeEtcdData(cluster, 'node2');
    await wipeEtcdData(cluster, 'node3');
    const result = await recover('quorum-parallel', { inventory: cluster.inventoryPath });
    expect(result.plan.case).toBe('quorum-loss');
    expect(result.plan.source).toMatchObject({ kind: 'survivor', node: 'node1' });
    await expectNothingLost(result, client, seeded, MEMBERS);
  });

  it('case 2 with --strategy grow: one member restored, the others added back one at a time', async () => {
    await wipeEtcdData(cluster, 'node1');
    await wipeEtcdData(cluster, 'node3');
    const result = await recover('quorum-grow', {
      inventory: cluster.inventoryPath,
      strategy: 'grow',
    });
    expect(result.plan.strategy).toBe('grow');
    expect(result.plan.source).toMatchObject({ kind: 'survivor', node: 'node2' });
    await expectNothingLost(result, client, seeded, MEMBERS);
  });
});
