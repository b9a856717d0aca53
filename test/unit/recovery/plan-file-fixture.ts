import { kubesprayLayout, type LayoutPaths } from '../../../src/etcd/layout.js';
import type { EtcdNodeHealth } from '../../../src/recovery/health.js';
import { buildPlan, type PlanInventory } from '../../../src/recovery/plan.js';
import {
  makePlanFile,
  type PlanFile,
  type RecordedState,
} from '../../../src/recovery/plan-file.js';

const HOSTS = ['node1', 'node2', 'node3'];

/** The paths as the probe reports them: plain data, not the Layout object. */
function pathsOf(l: LayoutPaths): LayoutPaths {
  return {
    etcdCertDir: l.etcdCertDir,
    dataDir: l.dataDir,
    kubernetesCertDirs: [...l.kubernetesCertDirs],
    manifestsDir: l.manifestsDir,
    ...(l.envFile ? { envFile: l.envFile } : {}),
  };
}

export const inventory: PlanInventory = {
  source: '/work/inventory/hosts.ini',
  etcd: HOSTS.map((host, i) => ({ host, memberName: `etcd${i + 1}`, address: `10.0.0.${i + 1}` })),
  controlPlane: HOSTS,
  hosts: HOSTS,
  nodeNames: Object.fromEntries(HOSTS.map((h) => [h, h])),
};

function etcdHost(host: string, i: number, broken: boolean): EtcdNodeHealth {
  return {
    host,
    memberName: `etcd${i + 1}`,
    address: `10.0.0.${i + 1}`,
    clientUrl: `https://10.0.0.${i + 1}:2379`,
    peerUrl: `https://10.0.0.${i + 1}:2380`,
    reachable: true,
    etcdRunning: !broken,
    healthy: !broken,
    isMember: true,
    memberId: `${i + 1}aa`,
    ...(broken
      ? { dataDir: 'empty' as const, lost: 'no etcd process; its data dir is empty' }
      : {}),
    ...(broken ? {} : { dataDir: 'present' as const, raftIndex: 100 + i, revision: 50 }),
    tools: {
      server: '3.6.16',
      snapshotTool: 'etcdutl',
      snapshotToolVersion: '3.6.16',
      bumpRevision: true,
      from: '/usr/local/bin/etcdutl version',
    },
    etcdCertsPresent: true,
    errors: [],
  };
}

/** What the probe sees of a stacked 3-node cluster whose hosts in `broken` lost their data. */
export function probed(broken: string[] = ['node3']): RecordedState {
  const etcd = HOSTS.map((h, i) => etcdHost(h, i, broken.includes(h)));
  const healthy = etcd.filter((e) => e.healthy).length;
  return {
    probedAt: '2026-11-22T01:00:00.000Z',
    layout: 'kubespray',
    layoutDetected: true,
    paths: pathsOf(kubesprayLayout()),
    clusterId: 'c0ffee',
    serverVersion: '3.6.16',
    toolsVersion: '3.6.16',
    toolsBumpRevision: true,
    members: HOSTS.map((h, i) => ({
      id: `${i + 1}aa`,
      name: `etcd${i + 1}`,
      peerURLs: [`https://10.0.0.${i + 1}:2380`],
      clientURLs: broken.includes(h) ? [] : [`https://10.0.0.${i + 1}:2379`],
      isLearner: false,
    })),
    voters: 3,
    healthyVoters: healthy,
    quorum: healthy >= 2,
    unknownMembers: [],
    etcd,
    controlPlane: HOSTS.map((host) => ({
      host,
      reachable: true,
      certsPresent: true,
      missingCertDirs: [],
      errors: [],
    })),
    clusterName: 'cluster.local',
    kubectlOn: [],
  };
}

/** The plan file `plan --out` writes for member loss on node3 (no backup set). */
export function memberLossPlanFile(): PlanFile {
  const state = probed(['node3']);
  const options = {
    strategy: 'parallel' as const,
    force: false,
    haveIdentity: false,
    preferBackupSnapshot: false,
    removeHosts: [],
  };
  const now = '2026-11-22T01:00:00.000Z';
  const plan = buildPlan(inventory, state, undefined, { ...options, now: new Date(now) });
  return makePlanFile({ inventory, state, options: { ...options, now }, plan });
}
