import { kubeadmLayout, kubesprayLayout } from '../../../src/etcd/layout.js';
import { buildPlan, type Plan, type PlanOptions } from '../../../src/recovery/plan.js';

/** A member-loss plan (node2 blank), built the way `restore` builds it. */
export function memberLossPlan(now = new Date('2026-11-22T01:00:00Z')): Plan {
  const hosts = ['node1', 'node2', 'node3'];
  const inventory = {
    source: 'hosts.ini',
    etcd: hosts.map((host, i) => ({
      host,
      memberName: `etcd${i + 1}`,
      address: `10.0.0.${i + 1}`,
    })),
    controlPlane: [],
    brokenEtcd: ['node2'],
    brokenControlPlane: [],
  };
  return buildPlan(
    inventory,
    {
      clusterName: 'cluster.local',
      layout: 'kubespray',
      paths: kubesprayLayout(),
      toolsVersion: '3.4.23',
      toolsBumpRevision: false,
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
        etcdRunning: host !== 'node2',
        healthy: host !== 'node2',
        raftIndex: host !== 'node2' ? 10 : undefined,
        etcdCertsPresent: true,
      })),
      controlPlane: [],
    },
    undefined,
    { strategy: 'parallel', force: false, now, haveIdentity: false },
  );
}

/** A kubeadm stacked cluster whose node3 will not return, planned as `restore` plans it. */
export function removalPlan(now = new Date('2026-11-22T01:00:00Z')): Plan {
  const hosts = ['node1', 'node2', 'node3'];
  return buildPlan(
    {
      source: 'hosts.ini',
      etcd: hosts.map((host, i) => ({ host, memberName: host, address: `10.0.0.${i + 1}` })),
      controlPlane: hosts,
    },
    {
      clusterName: 'kind',
      layout: 'kubeadm',
      paths: kubeadmLayout(),
      toolsVersion: '3.5.12',
      toolsBumpRevision: true,
      members: hosts.map((h, i) => ({
        id: `${i + 1}aa`,
        name: h,
        peerURLs: [`https://10.0.0.${i + 1}:2380`],
      })),
      quorum: true,
      etcd: hosts.map((host, i) => ({
        host,
        memberName: host,
        address: `10.0.0.${i + 1}`,
        reachable: host !== 'node3',
        etcdRunning: host !== 'node3',
        healthy: host !== 'node3',
        etcdCertsPresent: host !== 'node3',
      })),
      controlPlane: hosts.map((host) => ({
        host,
        reachable: host !== 'node3',
        certsPresent: host !== 'node3',
      })),
    },
    undefined,
    {
      strategy: 'parallel',
      force: false,
      now,
      haveIdentity: false,
      removeHosts: ['node3'],
    },
  );
}

/** Plan options as `plan`/`restore` pass them, at a fixed clock. */
export function planOptionsAt(now: Date, o: Partial<PlanOptions> = {}): PlanOptions {
  return { strategy: 'parallel', force: false, now, haveIdentity: false, ...o };
}
