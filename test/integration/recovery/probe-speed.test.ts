import { loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HARNESS_PROBE_TIMEOUT_MS,
  LocalClusterProvider,
  nodeAccessOf,
  type StartedCluster,
  wipeEtcdData,
} from '../../../harness/index.js';
import { plan } from '../../../src/commands/plan.js';
import { StderrProgress } from '../../../src/progress.js';

// Issue 15: how long `plan` takes to decide, as an operator runs it (SSH with the harness
// key), on a healthy cluster, after one member's loss and after the loss of quorum. The
// figures are printed with the machine's load: a loaded machine slows every exec.

let cluster: StartedCluster;
// KUBE_RESCUE_VERBOSE=1 also prints the probe's own timings (per host: connected, layout,
// tools, facts, status; then the health judgement).
const progress = new StderrProgress({
  quiet: !process.env.KUBE_RESCUE_VERBOSE,
  verbose: Boolean(process.env.KUBE_RESCUE_VERBOSE),
});

beforeAll(async () => {
  cluster = await new LocalClusterProvider().start('stacked3', { progress });
});

afterAll(async () => {
  await cluster?.stop();
});

async function timedPlan(name: string) {
  const load = loadavg()[0]!.toFixed(1);
  const t0 = performance.now();
  const result = await plan(
    {
      inventory: cluster.inventoryPath,
      access: nodeAccessOf(cluster),
      identityFiles: [],
      strategy: 'parallel',
      force: false,
      probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS,
    },
    { progress },
  );
  const s = (performance.now() - t0) / 1000;
  console.log(
    `probe-speed ${name}: plan (probe and decision) ${s.toFixed(2)} s, case ${result.plan.case}, 1-min load ${load}`,
  );
  return { ...result, seconds: s };
}

describe('how long the probe takes to decide', () => {
  it('healthy, one member lost, quorum lost: each case decided (and timed)', async () => {
    const healthy = await timedPlan('healthy');
    expect(healthy.plan.case).toBe('healthy');

    await wipeEtcdData(cluster, 'node3');
    const member = await timedPlan('member loss (node3 stopped, data dir emptied)');
    expect(member.plan.case).toBe('member-loss');
    expect(member.plan.brokenEtcd).toEqual(['node3']);

    await wipeEtcdData(cluster, 'node2');
    const quorum = await timedPlan('quorum loss (node2, node3 stopped and emptied)');
    expect(quorum.plan.case).toBe('quorum-loss');
    expect(quorum.plan.source).toMatchObject({ kind: 'survivor', node: 'node1' });
    // Decided from evidence, and the plan still says why each member was judged broken.
    for (const host of ['node2', 'node3']) {
      expect(quorum.plan.brokenWhy?.[host], host).toMatch(
        /no etcd process listens on client port 2379; data dir \/var\/lib\/etcd is empty/,
      );
    }
  });
});
