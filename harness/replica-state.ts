/**
 * What the replica's probe will see, known before the replica exists: the dress rehearsal
 * plans on these states before it starts anything, so that every refusal the planner would
 * raise on the user's input (a missing archive, a host that cannot be removed, a failure no
 * backup can repair) is raised while nothing is running. Pure functions; the addresses are
 * the production inventory's, as in the plan production would get.
 */
import { kubeadmLayout, kubesprayLayout, type LayoutName } from '../src/etcd/layout.js';
import type { Inventory } from '../src/inventory/types.js';
import type { BackupSummary, ClusterState, EtcdHostState } from '../src/recovery/plan.js';
import type { StatedFailure } from './replica.js';
import type { EtcdVersion } from './tools.js';

const memberIdOf = (i: number) => (0x1000 + i).toString(16);

function base(
  clusterName: string,
  etcdVersion: EtcdVersion,
  layout: LayoutName,
): Omit<ClusterState, 'etcd' | 'controlPlane' | 'members' | 'quorum'> {
  const paths = layout === 'kubeadm' ? kubeadmLayout() : kubesprayLayout();
  return {
    clusterName,
    layout,
    paths: {
      etcdCertDir: paths.etcdCertDir,
      dataDir: paths.dataDir,
      kubernetesCertDirs: paths.kubernetesCertDirs,
      manifestsDir: paths.manifestsDir,
      ...(paths.envFile ? { envFile: paths.envFile } : {}),
      ...(paths.etcdManifest ? { etcdManifest: paths.etcdManifest } : {}),
    },
    // The replica runs the backup's etcd minor (or the flag's) with the tools of that minor.
    toolsVersion: `${etcdVersion}.0`,
    toolsBumpRevision: etcdVersion !== '3.4',
  };
}

/** kubeadm: what the probe finds on a reachable replica node (the kubeadm node image's). */
const staticPodFacts = (layout: LayoutName) =>
  layout === 'kubeadm'
    ? {
        staticPod: {
          crictl: true,
          ctr: true,
          kubeletStaticPodPath: kubeadmLayout().manifestsDir,
        },
      }
    : {};

/**
 * The replica after `injectFailure` (harness/dress-rehearsal.ts): hosts in broken etcd are
 * blank nodes at the same address (no data, no certificates), hosts only in broken control
 * plane lost their Kubernetes certificates, removed hosts do not answer; every other member
 * runs on its data (healthy while a majority of members does).
 */
export function failedReplicaState(
  inventory: Inventory,
  failure: StatedFailure,
  clusterName: string,
  etcdVersion: EtcdVersion,
  layout: LayoutName = 'kubespray',
): ClusterState {
  const members = inventory.etcdMembers();
  // kubeadm keeps etcd's certificates inside the control plane's (/etc/kubernetes/pki).
  const certsLost = (h: string) => layout === 'kubeadm' && failure.brokenControlPlane.includes(h);
  const gone = (h: string) => failure.removeHosts.includes(h);
  const blank = (h: string) => failure.brokenEtcd.includes(h);
  const running = members.filter((m) => !gone(m.host) && !blank(m.host));
  const quorum = running.length > members.length / 2;
  const etcd: EtcdHostState[] = members.map((m, i) => {
    const common = { host: m.host, memberName: m.memberName, address: m.address };
    if (gone(m.host) || blank(m.host)) {
      // Nothing runs there and nothing of etcd is left: the probe finds it lost for certain.
      return {
        ...common,
        ...(gone(m.host) ? {} : staticPodFacts(layout)),
        reachable: !gone(m.host),
        etcdRunning: false,
        healthy: false,
        etcdCertsPresent: false,
        lost: gone(m.host)
          ? 'stopped for good (--remove-host)'
          : 're-provisioned blank at the same address',
      };
    }
    return {
      ...common,
      reachable: true,
      etcdRunning: true,
      healthy: quorum,
      ...(quorum ? { memberId: memberIdOf(i) } : {}),
      raftIndex: 1,
      revision: 1,
      ...staticPodFacts(layout),
      etcdCertsPresent: !certsLost(m.host),
    };
  });
  return {
    ...base(clusterName, etcdVersion, layout),
    ...(quorum ? { serverVersion: `${etcdVersion}.0` } : {}),
    members: quorum
      ? members.map((m, i) => ({
          id: memberIdOf(i),
          name: m.memberName,
          peerURLs: [`https://${m.address}:2380`],
        }))
      : [],
    quorum,
    etcd,
    controlPlane: inventory.controlPlane().map((host) => ({
      host,
      reachable: !gone(host),
      certsPresent: !gone(host) && !blank(host) && !failure.brokenControlPlane.includes(host),
    })),
  };
}

/**
 * The replica emptied to take the backup (`wipeEtcdData` on every member): etcd stopped and
 * its data dir empty everywhere, every certificate in place. Its restore is a total loss.
 */
export function emptiedReplicaState(
  inventory: Inventory,
  clusterName: string,
  etcdVersion: EtcdVersion,
  layout: LayoutName = 'kubespray',
): ClusterState {
  return {
    ...base(clusterName, etcdVersion, layout),
    members: [],
    quorum: false,
    etcd: inventory.etcdMembers().map((m) => ({
      host: m.host,
      memberName: m.memberName,
      address: m.address,
      reachable: true,
      etcdRunning: false,
      healthy: false,
      ...staticPodFacts(layout),
      etcdCertsPresent: true,
      lost: 'etcd stopped and its data dir emptied to take the backup',
    })),
    controlPlane: inventory
      .controlPlane()
      .map((host) => ({ host, reachable: true, certsPresent: true })),
  };
}

/**
 * Without --backup the plan production would get reads the replica's own backup: it holds the
 * snapshot and an archive of every control-plane node (kube-rescue backup without --etcd-only).
 */
export function replicaBackupStandIn(
  inventory: Inventory,
  clusterName: string,
  etcdVersion: EtcdVersion,
): BackupSummary {
  return {
    location: "the replica's own backup",
    clusterName,
    etcdVersion: `${etcdVersion}.0`,
    snapshotObject: 'etcd.db.gz.age',
    revision: 1,
    totalKey: 1,
    encrypted: true,
    certArchives: Object.fromEntries(
      inventory.controlPlane().map((h) => [h, `${h}-pki.tar.gz.age`]),
    ),
  };
}
