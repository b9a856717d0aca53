import { InputError } from '../errors.js';
import type { PlanOptions } from './plan-types.js';

/**
 * The default revision bump. etcd's recovery guide asks for a bump larger than every revision
 * clients may have seen since the snapshot, and gives 1,000,000,000 as the amount for a
 * week-old snapshot at 1,500 writes/s; OpenShift's cluster-restore.sh bumps by the same.
 */
export const BUMP_REVISION = 1_000_000_000;

/** The write rate etcd's guide assumes when it sizes the bump (1e9 ≈ a week at this rate). */
export const ASSUMED_WRITES_PER_SECOND = 1500;

/**
 * How much a snapshot restore raises the revision, and why: the known gap (revisions running
 * members handed out beyond the snapshot, doubled for what went unseen), the backup's age at
 * etcd's assumed write rate, or etcd's and OpenShift's 1e9, whichever is largest, in whole
 * billions; the user's own `--bump-revision` wins but must clear the known gap.
 */
export function chooseRevisionBump(
  seenRevision: number | undefined,
  snapshotRevision: number | undefined,
  backupCreatedAt: string | undefined,
  options: Pick<PlanOptions, 'bumpRevision' | 'now'>,
): { amount: number; reason: string } {
  const gap =
    seenRevision !== undefined && snapshotRevision !== undefined
      ? Math.max(0, seenRevision - snapshotRevision)
      : undefined;
  const what =
    'so that the restored revision is above every revision the old cluster handed out, and --mark-compacted makes a watch from before the restore fail with "compacted" (clients relist) instead of silently resuming';
  if (options.bumpRevision !== undefined) {
    if (gap !== undefined && options.bumpRevision <= gap) {
      throw new InputError(
        `--bump-revision ${options.bumpRevision} is not above the ${gap} revisions the running members handed out after the snapshot (revision ${snapshotRevision} → ${seenRevision}): ` +
          `revisions would repeat for clients. Pass more than ${gap}, or leave --bump-revision out (default ${BUMP_REVISION.toLocaleString('en-US')}).`,
      );
    }
    return {
      amount: options.bumpRevision,
      reason: `--bump-revision ${options.bumpRevision} as asked, ${what}`,
    };
  }
  const ageSeconds = backupCreatedAt
    ? Math.max(0, (options.now.getTime() - Date.parse(backupCreatedAt)) / 1000)
    : undefined;
  const byAge = ageSeconds !== undefined ? ageSeconds * ASSUMED_WRITES_PER_SECOND : 0;
  const byGap = gap !== undefined ? gap * 2 : 0;
  const needed = Math.max(BUMP_REVISION, byAge, byGap);
  const amount = Math.ceil(needed / BUMP_REVISION) * BUMP_REVISION;
  const why =
    amount === BUMP_REVISION
      ? `${BUMP_REVISION.toLocaleString('en-US')} (etcd's recovery guide: more than the writes since the snapshot — 1e9 covers a week at ${ASSUMED_WRITES_PER_SECOND} writes/s; OpenShift's cluster-restore.sh bumps by the same)`
      : byAge >= byGap
        ? `${amount.toLocaleString('en-US')}: the backup is ${Math.round(ageSeconds! / 86400)} days old, and at etcd's assumed ${ASSUMED_WRITES_PER_SECOND} writes/s that is more than the default 1e9 covers`
        : `${amount.toLocaleString('en-US')}: running members handed out ${gap} revisions after the snapshot, doubled for what went unseen`;
  return { amount, reason: `bump by ${why}, ${what}` };
}
