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
 * What reads the certificates or etcd restarts: the nodes whose certificates were replaced,
 * and after a snapshot restore the whole control plane (the API server must relist).
 */
export function planControlPlaneRestarts(
  d: PlanDraft,
  brokenCp: string[],
  restoredSnapshot: boolean,
): void {
  const restartOn = new Set<string>(brokenCp);
  if (restoredSnapshot) for (const h of d.inventory.controlPlane) restartOn.add(h);
  for (const host of d.inventory.controlPlane.filter((h) => restartOn.has(h))) {
    d.push(
      draft(
        'restart-control-plane',
        host,
        {
          reason: brokenCp.includes(host)
            ? 'its certificates were replaced'
            : 'etcd was restored; the API server must relist',
        },
        'what reads the certificates or etcd must restart to see them',
        'nothing to undo',
        false,
      ),
    );
  }
}
