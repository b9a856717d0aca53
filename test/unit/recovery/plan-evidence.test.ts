import { describe, expect, it } from 'vitest';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { buildPlan, type ClusterState, type PlanInventory } from '../../../src/recovery/plan.js';
import { renderPlanMarkdown } from '../../../src/report/plan.js';
import { planOptionsAt } from './fixtures.js';

// Issue 15: the probe decides losses from evidence; the plan keeps that evidence per host.

const hosts = ['node1', 'node2', 'node3'];
const inventory: PlanInventory = {
  source: 'hosts.ini',
  etcd: hosts.map((host, i) => ({ host, memberName: `etcd${i + 1}`, address: `10.0.0.${i + 1}` })),
  controlPlane: [],
};

function probed(node3: Partial<ClusterState['etcd'][number]>): ClusterState {
  return {
    clusterName: 'cluster.local',
    layout: 'kubespray',
    paths: kubesprayLayout(),
    toolsVersion: '3.5.12',
    toolsBumpRevision: true,
    members: hosts.map((_h, i) => ({
      id: `${i + 1}aa`,
      name: `etcd${i + 1}`,
      peerURLs: [`https://10.0.0.${i + 1}:2380`],
    })),
    quorum: true,
    etcd: hosts.map((host, i) => ({
      host,
      memberName: `etcd${i + 1}`,
      address: `10.0.0.${i + 1}`,
      reachable: true,
      etcdRunning: true,
      healthy: true,
      raftIndex: 10,
      etcdCertsPresent: true,
      ...(host === 'node3' ? node3 : {}),
    })),
    controlPlane: [],
  };
}

describe('the plan records why each member was judged broken', () => {
  it("a definite loss is named in the probe's words, in the plan and in its rendering", () => {
    const lost = 'no etcd process listens on client port 2379; data dir /var/lib/etcd is empty';
    const plan = buildPlan(
      inventory,
      probed({
        etcdRunning: false,
        healthy: false,
        raftIndex: undefined,
        lost,
        errors: [`node3: ${lost}`],
      }),
      undefined,
      planOptionsAt(new Date('2026-12-01T12:00:00Z')),
    );
    expect(plan.case).toBe('member-loss');
    expect(plan.brokenWhy).toEqual({ node3: lost });
    expect(renderPlanMarkdown(plan)).toContain(`  - node3: ${lost}`);
  });

  it('a member that runs but is unhealthy is named with what the probe saw', () => {
    const plan = buildPlan(
      inventory,
      probed({
        healthy: false,
        errors: ['endpoint https://10.0.0.3:2379 unhealthy: context deadline exceeded'],
      }),
      undefined,
      planOptionsAt(new Date('2026-12-01T12:00:00Z')),
    );
    expect(plan.brokenWhy).toEqual({
      node3: 'endpoint https://10.0.0.3:2379 unhealthy: context deadline exceeded',
    });
  });

  it('without anything from the probe the plan has no such field', () => {
    const plan = buildPlan(
      inventory,
      probed({ etcdRunning: false, healthy: false }),
      undefined,
      planOptionsAt(new Date('2026-12-01T12:00:00Z')),
    );
    expect(plan).not.toHaveProperty('brokenWhy');
  });
});
