import { InputError } from '../../errors.js';
import { draft, type PlanDraft } from './steps.js';

/**
 * Certificate loss: control-plane nodes whose certificate dirs are gone get their node's
 * archive from the backup set; members whose etcd still runs on intact data without its
 * certificates get them back everywhere first (etcd reads them at every TLS handshake, so no
 * member can accept a peer before its files return), then restart one at a time so that
 * quorum never drops.
 */
export function planCertLoss(
  d: PlanDraft,
  c: { certsOnly: string[]; brokenCp: string[]; brokenEtcd: string[]; etcdCase: boolean },
): void {
  const { certsOnly, brokenCp, brokenEtcd } = c;
  if (certsOnly.length > 0 && c.etcdCase) {
    throw new InputError(
      `etcd runs on ${certsOnly.join(', ')} but its certificates are gone there, so the probe cannot tell whether ` +
        `${brokenEtcd.join(', ')} ${brokenEtcd.length === 1 ? 'is' : 'are'} really lost. Restore the certificates first: ` +
        `put ${certsOnly.join(', ')} in [broken_kube_control_plane] with an empty [broken_etcd] ` +
        `(kube-rescue inventory recover --broken-control-plane ${certsOnly.join(',')}), restore with --backup, then plan again.`,
    );
  }
  if (d.kubeadm) {
    planStaticPodCertLoss(d, c);
    return;
  }
  for (const host of certsOnly) d.ensureEtcdCerts(host, undefined);
  for (const host of certsOnly) {
    const ref = d.refOf(host);
    d.push(
      draft(
        'stop-etcd',
        host,
        {},
        `${ref.name} must restart to read its restored certificates; its data stays as it is`,
        'start etcd again',
        false,
      ),
      draft('start-etcd', host, {}, `${ref.name} starts with its own data`, 'stop etcd', false),
      draft(
        'wait-healthy',
        host,
        { members: [ref], clientURLs: [d.clientOf(host)] },
        'the next member restarts only when this one is back',
        'nothing to undo',
        false,
      ),
    );
  }

  const { backup } = d;
  for (const host of brokenCp) {
    const object = backup?.certArchives[host];
    if (!object || !backup) {
      throw new InputError(
        `Backup ${backup?.location} has no certificate archive for control-plane node '${host}': ` +
          `take backups without --etcd-only, or remove '${host}' from [broken_kube_control_plane].`,
      );
    }
    d.restoreArchiveOnce(
      host,
      { kind: 'backup', location: backup.location, object },
      `control-plane certificates of ${host} are lost`,
    );
  }
}

/**
 * kubeadm: a node's archive replaces its whole manifest dir, so its etcd stops while the
 * archive goes back, and starts again from the archive's manifest once every archive is
 * back (the members can only reach each other when all have their certificates again).
 * Members whose etcd the recovery of an etcd case restarts anyway had their archive
 * restored there, while etcd was stopped.
 */
function planStaticPodCertLoss(
  d: PlanDraft,
  c: { certsOnly: string[]; brokenCp: string[]; brokenEtcd: string[] },
): void {
  const { backup } = d;
  const archiveOf = (host: string) => {
    const object = backup?.certArchives[host];
    if (!object || !backup) {
      throw new InputError(
        `Backup ${backup?.location ?? '(none given)'} has no certificate archive for control-plane node '${host}': ` +
          `on kubeadm its certificates and static-pod manifests come back from that archive only. Pass --backup with a set taken without --etcd-only.`,
      );
    }
    return { kind: 'backup' as const, location: backup.location, object };
  };
  const hosts = [...new Set([...c.certsOnly, ...c.brokenCp])].filter((h) => !d.hasArchive(h));
  const members = hosts.filter((h) => d.etcdHosts.has(h));
  for (const host of members) {
    d.stopEtcd(
      host,
      `etcd of ${host} restarts on the certificates and manifest of its archive`,
      'stop',
    );
  }
  for (const host of hosts) {
    d.restoreArchiveOnce(
      host,
      archiveOf(host),
      c.certsOnly.includes(host)
        ? `etcd certificates are missing on ${host}`
        : `control-plane certificates of ${host} are lost`,
    );
  }
  for (const host of members) {
    d.push(
      draft(
        'start-etcd',
        host,
        {},
        `${d.refOf(host).name} starts with its own data and its restored certificates`,
        'stop etcd',
        false,
        'start',
      ),
    );
  }
  if (members.length > 0) {
    d.push(
      draft(
        'wait-healthy',
        members[0]!,
        { members: members.map((h) => d.refOf(h)), clientURLs: members.map((h) => d.clientOf(h)) },
        'the members that restarted must be healthy before anything else',
        'nothing to undo',
        false,
      ),
    );
  }
}

/**
 * What reads the certificates or etcd restarts: the nodes whose certificates were replaced,
 * after a snapshot restore the whole control plane (the API server must relist), and on
 * kubeadm the control-plane nodes whose member was replaced: kubeadm's API server reads only
 * its own node's etcd (`--etcd-servers=https://127.0.0.1:2379`), so it failed for as long as
 * that member was broken and then out for the repair, and its liveness probe may have left it in
 * the kubelet's crash-loop back-off (up to 5 min). Seen in CI on 7 December: the replaced
 * member healthy, its node's API server still refusing connections 3 min later, the node
 * NotReady. Kubespray's API server reads every member and rides out the loss of one.
 * After a snapshot restore the restarts are one group, run on every node at once.
 */
export function planControlPlaneRestarts(
  d: PlanDraft,
  brokenCp: string[],
  restoredSnapshot: boolean,
  replacedMembers: string[],
): void {
  const restartOn = new Set<string>(brokenCp);
  if (restoredSnapshot) for (const h of d.inventory.controlPlane) restartOn.add(h);
  const localEtcdReplaced = d.kubeadm && !restoredSnapshot ? replacedMembers : [];
  for (const h of localEtcdReplaced) restartOn.add(h);
  for (const host of d.inventory.controlPlane.filter((h) => restartOn.has(h))) {
    d.push(
      draft(
        'restart-control-plane',
        host,
        {
          reason: brokenCp.includes(host)
            ? 'its certificates were replaced'
            : restoredSnapshot
              ? 'etcd was restored; the API server must relist'
              : 'its etcd member was replaced; the API server reads only that member and may be in back-off',
        },
        'what reads the certificates or etcd must restart to see them',
        'nothing to undo',
        false,
        // After a snapshot restore every API server must relist and none serves meanwhile:
        // all nodes at once (each step only stops containers and restarts the kubelet, it
        // waits for nothing). Otherwise one node after another, as the certificates came back.
        restoredSnapshot ? 'restart' : undefined,
      ),
    );
  }
}
