import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { buildPlan, type Plan } from '../../../src/recovery/plan.js';

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
