import {
  backupSnapshot,
  bumpAbility,
  bumpFor,
  planRestoreFromSnapshot,
  type SnapshotChoice,
} from './snapshot-restore.js';
import type { PlanDraft } from './steps.js';

/**
 * Total loss: no member has data left, so every member is restored from the backup set's
 * snapshot (OpenShift's cluster-restore.sh on every node). The caller has refused the case
 * without a backup.
 */
export function planTotalLoss(d: PlanDraft): {
  choice: SnapshotChoice;
  revisionBump: ReturnType<typeof bumpFor> | undefined;
} {
  const ability = bumpAbility(d);
  const choice = backupSnapshot(d, d.inventory.etcd[0]!.host);
  const revisionBump = ability.bump ? bumpFor(d, choice) : ability.revisionBump;
  planRestoreFromSnapshot(d, choice, revisionBump, d.options.strategy);
  return { choice, revisionBump };
}
