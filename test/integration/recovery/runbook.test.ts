import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { destroyAndReprovision } from '../../../harness/index.js';
import { DEFAULT_ETCD_VERSION } from '../../../harness/tools.js';
import { StderrProgress } from '../../../src/progress.js';
import { backUpHarnessCluster } from './harness-backup.js';
import {
  expectNothingLost,
  inventoryWithBrokenGroups,
  recoverCluster,
  type SeededCluster,
  startSeededCluster,
} from './recover.js';

// The Kubespray runbook's own example (seeds/000): [kube_control_plane] = taco-m1..m3,
// [etcd] = taco-m1..m3 + taco-w1, taco-w2. All three masters are lost with their disks and
// come back blank with the same IPs; the workers' etcd members survive without quorum (2 of 5).
let env: SeededCluster;
let backup: string;
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const MASTERS = ['taco-m1', 'taco-m2', 'taco-m3'];

beforeAll(async () => {
  // Not one of the recovery cases the version matrix covers (the cases it combines are):
  // once, on the etcd current Kubernetes runs.
  env = await startSeededCluster('runbook', progress, DEFAULT_ETCD_VERSION);
  backup = await backUpHarnessCluster(env.cluster, env.work, progress);
});

afterAll(async () => {
  await env?.stop();
});

describe('the runbook topology', () => {
  it('all masters lost: snapshot from a surviving worker member, masters from their archives, all five restored', async () => {
    for (const m of MASTERS) await destroyAndReprovision(env.cluster, m);
    const inventory = await inventoryWithBrokenGroups(env.cluster, env.work, {
      etcd: MASTERS,
      controlPlane: MASTERS,
    });
    const result = await recoverCluster(env.cluster, 'runbook', env.work, progress, {
      inventory,
      backup,
    });
    expect(result.plan.case).toBe('quorum-loss+cert-loss');
    expect(result.plan.source).toMatchObject({ kind: 'survivor' });
    expect(['taco-w1', 'taco-w2']).toContain((result.plan.source as { node: string }).node);
    await expectNothingLost(result, await env.reconnect(), env.seeded, [
      'etcd1',
      'etcd2',
      'etcd3',
      'etcd4',
      'etcd5',
    ]);
  });
});
