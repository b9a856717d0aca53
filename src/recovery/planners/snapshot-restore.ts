import { InputError } from '../../errors.js';
import type { Plan, PlanSource, SnapshotOrigin } from '../plan-types.js';
import { chooseRevisionBump } from '../revision-bump.js';
import { keptCopyOf } from '../stamp.js';
import { clusterString, draft, type PlanDraft } from './steps.js';

/**
 * What quorum loss and total loss share: every member rebuilt from one snapshot (etcd's
 * disaster recovery, OpenShift's cluster-restore.sh), either all together (`parallel`) or
 * one restored member that the others rejoin one at a time (`grow`, Kubespray's way).
 */

export interface SnapshotChoice {
  source: PlanSource;
  origin: SnapshotOrigin;
  /** The node restored first: the survivor the snapshot came from, or the first etcd host. */
  first: string;
}

/** Where a snapshot is staged on the nodes. */
// The executor makes the XXXXXX directory with `mktemp -d` (0700) on each node.
export const stagePathOf = (d: PlanDraft): string =>
  `${d.staging}/kube-rescue-${d.ts}.XXXXXX/etcd.db`;

/**
 * Whether every node that restores offers --bump-revision. Probes without per-node tools
 * (older plans, tests) fall back to the cluster-wide answer. When they cannot, the plan says
 * why (amount 0), and a `--bump-revision` the user asked for is refused.
 */
export function bumpAbility(d: PlanDraft): { bump: boolean; revisionBump?: Plan['revisionBump'] } {
  const { inventory, stateOf, state, options } = d;
  const cannotBump = inventory.etcd.filter(
    (e) => !(stateOf.get(e.host)?.tools?.bumpRevision ?? state.toolsBumpRevision),
  );
  if (cannotBump.length === 0) return { bump: true };
  const tools = stateOf.get(cannotBump[0]!.host)?.tools;
  const version = tools
    ? `${tools.snapshotTool} ${tools.snapshotToolVersion} on ${cannotBump.map((e) => e.host).join(', ')}`
    : state.toolsVersion;
  if (options.bumpRevision !== undefined) {
    throw new InputError(
      `--bump-revision ${options.bumpRevision}: the etcd tools here (${version}) cannot bump the revision — --bump-revision/--mark-compacted came with etcdutl in etcd 3.5. ` +
        'Leave --bump-revision out to restore without a bump, or install etcd 3.5+ tools (etcd, etcdutl) on the etcd nodes.',
    );
  }
  const reason =
    `etcd tools ${version} cannot --bump-revision/--mark-compacted (they came in 3.5): the revision is not bumped, ` +
    `so Kubernetes watchers and caches may keep serving objects newer than the snapshot until they relist; the plan restarts the control plane for that (etcd#16028).`;
  d.warnings.push(reason);
  return { bump: false, revisionBump: { amount: 0, markCompacted: false, reason } };
}

/** The bump for a snapshot of `choice`: above every revision the running members reported. */
export function bumpFor(d: PlanDraft, choice: SnapshotChoice): NonNullable<Plan['revisionBump']> {
  const { inventory, stateOf, backup, options } = d;
  const seen = Math.max(
    ...inventory.etcd.map((e) => stateOf.get(e.host)?.revision ?? Number.NEGATIVE_INFINITY),
  );
  const { source } = choice;
  const snapshotRevision =
    source.kind === 'backup' ? source.revision : stateOf.get(choice.first)?.revision;
  const chosen = chooseRevisionBump(
    Number.isFinite(seen) ? seen : undefined,
    snapshotRevision,
    source.kind === 'backup' ? backup?.createdAt : undefined,
    options,
  );
  return { ...chosen, markCompacted: true };
}

/** The backup set's snapshot; verification then expects what the backup holds. */
export function backupSnapshot(d: PlanDraft, first: string): SnapshotChoice {
  const backup = d.backup!;
  d.expect.minRevision = backup.revision;
  d.expect.totalKey = backup.totalKey;
  d.expect.fingerprint = backup.fingerprint;
  d.expect.hashKV = backup.hashKV;
  return {
    source: { kind: 'backup', location: backup.location, revision: backup.revision },
    origin: { kind: 'backup', location: backup.location, object: backup.snapshotObject },
    first,
  };
}

/** Stop, certificates, data dirs aside, fetch, restore, env, start, wait — then grow, if asked. */
export function planRestoreFromSnapshot(
  d: PlanDraft,
  choice: SnapshotChoice,
  revisionBump: Plan['revisionBump'],
  strategy: 'parallel' | 'grow',
): void {
  const { inventory, stateOf, paths, ts, envFile, state } = d;
  const { origin, first } = choice;
  const stagePath = stagePathOf(d);
  const token = `${state.clusterName || 'etcd'}-restore-${ts}`.toLowerCase();
  const order = [first, ...inventory.etcd.map((e) => e.host).filter((h) => h !== first)];
  const all = order.map((h) => d.refOf(h));
  const restoreNow = strategy === 'parallel' ? order : [first];
  for (const host of order) {
    d.stopEtcd(
      host,
      'every member is rebuilt from one snapshot; nothing may write meanwhile',
      'stop',
    );
  }
  const peerWithCerts = inventory.etcd.find((e) => stateOf.get(e.host)?.etcdCertsPresent)?.host;
  // One group: every node's archive, data dir and snapshot at once. On each node its
  // move-asides come before its archive is extracted and its data dir is moved (the executor
  // runs one node's steps of a group in order), and its snapshot is uploaded beside them, in a
  // lane of its own: into a new private staging dir that none of them moves.
  for (const host of order) d.ensureEtcdCerts(host, peerWithCerts, 'prepare');
  for (const host of order) {
    d.moveAside(host, paths.dataDir, 'the old data dir is kept, never deleted', 'prepare');
  }
  for (const host of restoreNow) {
    const sameNode = origin.kind === 'node' && origin.node === host;
    if (!sameNode) {
      d.push({
        ...draft(
          'fetch-snapshot',
          host,
          { from: origin, to: stagePath },
          'the snapshot must be on the node that restores it',
          `rm ${stagePath}`,
          false,
          'prepare',
        ),
        lane: 'upload',
      });
    }
  }
  const initialClusterOf = (host: string) =>
    clusterString(strategy === 'parallel' ? all : [d.refOf(host)]);
  for (const host of restoreNow) {
    const ref = d.refOf(host);
    d.push(
      draft(
        'restore-snapshot',
        host,
        {
          snapshot: stagePath,
          dataDir: paths.dataDir,
          member: ref.name,
          peerURL: ref.peerURL,
          initialCluster: initialClusterOf(host),
          initialClusterToken: token,
          ...(revisionBump?.amount
            ? { bumpRevision: revisionBump.amount, markCompacted: true }
            : {}),
        },
        (strategy === 'parallel'
          ? 'every member from the same snapshot, with the full member list and a new cluster token (etcd disaster recovery)'
          : `${ref.name} alone from the snapshot; the others rejoin one at a time (Kubespray's way)`) +
          (revisionBump?.amount
            ? `; with ${stateOf.get(host)?.tools?.snapshotTool ?? 'etcdutl'} snapshot restore --bump-revision=${revisionBump.amount} --mark-compacted: ${revisionBump.reason}`
            : '; no revision bump (the tools cannot)'),
        `stop etcd, then mv ${paths.dataDir}.${ts} ${paths.dataDir}`,
        true,
        'restore',
      ),
    );
  }
  // Beside the restores: the env file (put back with the node's archive, or a peer's) is not
  // what etcdutl reads, and nothing reads it before etcd starts.
  for (const host of restoreNow) {
    d.push({
      ...draft(
        'write-env',
        host,
        { set: d.envFor(host, initialClusterOf(host), token), templateFrom: peerWithCerts },
        'the env file must name the restored cluster',
        `the previous ${envFile} is kept as ${keptCopyOf(envFile, paths.manifestsDir, ts)}`,
        false,
        'restore',
      ),
      lane: 'env',
    });
  }
  for (const host of restoreNow) {
    d.push(
      draft(
        'start-etcd',
        host,
        {},
        strategy === 'parallel'
          ? 'the restored members start together (each waits for the others to form a quorum)'
          : 'the single restored member starts',
        'stop etcd',
        false,
        'start',
      ),
    );
  }
  const restoredRefs = restoreNow.map((h) => d.refOf(h));
  d.push(
    draft(
      'wait-healthy',
      first,
      { members: restoredRefs, clientURLs: restoreNow.map((h) => d.clientOf(h)) },
      'the next steps need a working cluster',
      'nothing to undo',
      false,
    ),
  );
  if (strategy === 'grow') {
    const current = [...restoredRefs];
    for (const host of order.slice(1)) d.rejoin(host, first, current, token, peerWithCerts);
  }
}
