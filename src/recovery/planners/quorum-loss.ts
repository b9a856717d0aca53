import type { PlanInventory } from '../plan-types.js';
import {
  backupSnapshot,
  bumpAbility,
  bumpFor,
  planRestoreFromSnapshot,
  type SnapshotChoice,
  stagePathOf,
} from './snapshot-restore.js';
import { draft, type PlanDraft } from './steps.js';

/**
 * Quorum loss (Kubespray: quorum lost → restore from a snapshot, then grow back): members
 * still hold data but cannot form a quorum. The survivor with the highest raft index gives
 * the snapshot (or the backup's, when `--prefer-backup-snapshot` asks for it).
 */
export function planQuorumLoss(
  d: PlanDraft,
  survivors: PlanInventory['etcd'],
): { choice: SnapshotChoice; revisionBump: ReturnType<typeof bumpFor> | undefined } {
  const ability = bumpAbility(d);
  let choice: SnapshotChoice;
  if (d.backup && d.options.preferBackupSnapshot) {
    choice = backupSnapshot(d, survivors[0]!.host);
    d.warnings.push(
      `${survivors.map((s) => s.host).join(', ')} still hold data, but the backup's snapshot was asked for: writes after revision ${d.backup.revision} are lost.`,
    );
  } else {
    choice = survivorSnapshot(d, survivors);
  }
  const revisionBump = ability.bump ? bumpFor(d, choice) : ability.revisionBump;
  planRestoreFromSnapshot(d, choice, revisionBump, d.options.strategy);
  return { choice, revisionBump };
}

/** `snapshot save` on the survivor with the highest raft index. */
function survivorSnapshot(d: PlanDraft, survivors: PlanInventory['etcd']): SnapshotChoice {
  const best = [...survivors].sort(
    (a, b) => (d.stateOf.get(b.host)!.raftIndex ?? 0) - (d.stateOf.get(a.host)!.raftIndex ?? 0),
  )[0]!;
  const bs = d.stateOf.get(best.host)!;
  const stagePath = stagePathOf(d);
  d.push(
    draft(
      'snapshot-save',
      best.host,
      { endpoint: d.clientOf(best.host), path: stagePath },
      `${best.host} has the highest raft index (${bs.raftIndex}) of the survivors`,
      `rm ${stagePath} on ${best.host} when the recovery is done`,
      false,
    ),
  );
  return {
    source: {
      kind: 'survivor',
      node: best.host,
      member: best.memberName,
      raftIndex: bs.raftIndex ?? 0,
    },
    origin: { kind: 'node', node: best.host, path: stagePath },
    first: best.host,
  };
}
