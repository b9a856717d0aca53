/**
 * The dress rehearsal's checks that need the planner, run before any container starts:
 * the plans the rehearsal will build (the bring-up from the user's backup and the plan
 * production would get for the stated failure) are built now on the states the replica will
 * be in (harness/replica-state.ts), so that a refusal of either is an input error with
 * nothing started, not a failed rehearsal after the replica booted. Then every object those
 * plans read must be in the store with its manifest's size and stored sha256 (ciphertext
 * only: nothing is decrypted here), openable with the identity given.
 */
import { createHash } from 'node:crypto';
import { readArchiveHeaders } from '../src/backup/archive-members.js';
import { clusterNameOf, planInventoryOf } from '../src/commands/plan.js';
import { InputError, KubeRescueError } from '../src/errors.js';
import { kubeadmLayout, kubesprayLayout, type LayoutName } from '../src/etcd/layout.js';
import type { Inventory } from '../src/inventory/types.js';
import type { BackupSource } from '../src/recovery/backup-source.js';
import { checkNodeArchive } from '../src/recovery/node-steps.js';
import { buildPlan, type Plan, type PlanOptions } from '../src/recovery/plan.js';
import { checkPlanObjects, objectsNeeded } from '../src/recovery/preflight.js';
import type { StatedFailure } from './replica.js';
import { emptiedReplicaState, failedReplicaState, replicaBackupStandIn } from './replica-state.js';
import type { EtcdVersion } from './tools.js';

export interface DressPreflightInput {
  inventory: Inventory;
  failure: StatedFailure;
  etcdVersion: EtcdVersion;
  /** The replica's layout (the provider that builds it); Kubespray's by default. */
  layout?: LayoutName;
  backup?: BackupSource;
  strategy: 'parallel' | 'grow';
  now?: Date;
}

export interface DressPreflight {
  /** The plan production would get, as predicted before the start (the run builds it again). */
  production: Plan;
  /** The bring-up from the user's backup (with --backup). */
  bringUp?: Plan;
  /** Backup objects the rehearsal reads, each found intact in the store. */
  objects: string[];
}

/**
 * Each archive of the set must be of a control-plane host of the inventory and say so in its
 * name (`<node>-pki.tar…`, as backup names them), one per host; and every host whose
 * control-plane certificates the failure loses must have one: the plan production would get
 * restores them from it.
 */
export function requireArchives(
  inventory: Inventory,
  failure: StatedFailure,
  backup: BackupSource,
): void {
  const cp = inventory.controlPlane();
  const archives = backup.manifest.objects.filter((o) => o.kind === 'node-files');
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const o of archives) {
    const node = o.node ?? '';
    if (!cp.includes(node)) {
      problems.push(
        `${o.name} is the archive of '${node}', which is not in the inventory's [kube_control_plane] (${cp.join(', ')})`,
      );
    } else if (!o.name.startsWith(`${node}-`)) {
      problems.push(
        `${o.name} is listed as the archive of '${node}', but its name is another host's (backup names a node's archive <node>-pki.tar…)`,
      );
    } else if (seen.has(node)) {
      problems.push(`${seen.get(node)} and ${o.name} are both listed as the archive of '${node}'`);
    }
    seen.set(node, o.name);
  }
  const held = [...seen.keys()];
  const needed = failure.brokenControlPlane.filter((h) => !failure.removeHosts.includes(h));
  const missing = needed.filter((h) => !seen.has(h));
  if (missing.length > 0) {
    problems.push(
      `the failure loses the control-plane certificates of ${missing.join(', ')}, and the set has no archive of ${missing.length === 1 ? 'that host' : 'those hosts'} ` +
        `(it holds archives of ${held.join(', ') || 'no host: taken with --etcd-only?'}); the plan restores them from there`,
    );
  }
  if (problems.length > 0) {
    throw new InputError(
      `The backup ${backup.location} cannot be rehearsed with ${inventory.source}:\n${problems.map((p) => `- ${p}`).join('\n')}\n` +
        'Nothing was started. Rehearse with a set taken without --etcd-only from this cluster, or state a failure its archives cover.',
    );
  }
}

/** The planner's refusal, said as the dress rehearsal's: the same input, caught before the start. */
function planned(what: string, build: () => Plan): Plan {
  try {
    return build();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      `${what} is refused, so the rehearsal would stop there after the replica started: ${err.message.replace(/\s+$/, '')}\nNothing was started.`,
      { cause: err },
    );
  }
}

/**
 * The stored bytes of `name` against the manifest's size and sha256. Only the ciphertext is
 * read: the identity is not used, nothing of the object is decrypted on this machine.
 */
async function checkStoredBytes(backup: BackupSource, name: string): Promise<string | undefined> {
  const object = backup.manifest.objects.find((o) => o.name === name);
  if (!object) return `${name}: not in the manifest`;
  const { store, setName } = backup.storeAccess();
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of await store.read(setName, name)) {
    const b = chunk as Buffer;
    bytes += b.length;
    hash.update(b);
  }
  const sha256 = hash.digest('hex');
  if (bytes !== object.bytes || sha256 !== object.sha256) {
    return `${name}: the store holds ${bytes} bytes with sha256 ${sha256}, the manifest lists ${object.bytes} bytes with sha256 ${object.sha256} (changed or damaged since the backup)`;
  }
  return undefined;
}

export async function dressPreflight(input: DressPreflightInput): Promise<DressPreflight> {
  const { inventory, failure, etcdVersion, backup } = input;
  const layoutName = input.layout ?? 'kubespray';
  const clusterName = clusterNameOf(inventory);
  const options: PlanOptions = {
    strategy: input.strategy,
    force: false,
    now: input.now ?? new Date(),
    haveIdentity: true,
    removeHosts: failure.removeHosts,
  };
  if (backup) requireArchives(inventory, failure, backup);
  const summary = backup
    ? backup.summary()
    : replicaBackupStandIn(inventory, clusterName, etcdVersion);
  const planInventory = planInventoryOf(inventory);
  const bringUp = backup
    ? planned(`Bringing the replica to the state of ${backup.location}`, () =>
        buildPlan(
          { ...planInventory, brokenEtcd: undefined, brokenControlPlane: undefined },
          emptiedReplicaState(inventory, clusterName, etcdVersion, layoutName),
          summary,
          { ...options, removeHosts: [] },
        ),
      )
    : undefined;
  const production = planned('The plan production would get for this failure', () =>
    buildPlan(
      {
        ...planInventory,
        brokenEtcd: failure.brokenEtcd,
        brokenControlPlane: failure.brokenControlPlane,
      },
      failedReplicaState(inventory, failure, clusterName, etcdVersion, layoutName),
      summary,
      options,
    ),
  );
  if (!backup) return { production, objects: [] };

  const objects = [...new Set([...objectsNeeded(bringUp!), ...objectsNeeded(production)])];
  // Presence, sizes and the identity (age headers only), as every restore checks them.
  const readsAll = { ...production, steps: [...bringUp!.steps, ...production.steps] };
  await checkPlanObjects(readsAll, backup);
  const problems: string[] = [];
  for (const name of objects) {
    const problem = await checkStoredBytes(backup, name);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) {
    throw new InputError(
      `The backup ${backup.location} is not what its manifest lists:\n${problems.map((p) => `- ${p}`).join('\n')}\n` +
        "Nothing was started. Check the set with 'kube-rescue verify', or rehearse with another set ('kube-rescue list').",
    );
  }
  // The archives the replica unpacks (every control-plane host's): read now, in memory as
  // the restore reads them, every member checked against what it may write on its node, so
  // a hostile or damaged archive is refused before the start too.
  const layout = layoutName === 'kubeadm' ? kubeadmLayout() : kubesprayLayout();
  const cp = inventory.controlPlane();
  for (const o of backup.manifest.objects) {
    if (o.kind !== 'node-files' || !o.node || !cp.includes(o.node)) continue;
    const where = `${backup.location}/${o.name}`;
    try {
      const headers = await backup.streamTo(o.name, (plain) => readArchiveHeaders(plain, where));
      checkNodeArchive(backup, layout, o.node, headers, where);
    } catch (err) {
      if (!(err instanceof KubeRescueError)) throw err;
      throw new InputError(`${err.message.replace(/\s+$/, '')}\nNothing was started.`, {
        cause: err,
      });
    }
  }
  return { production, bringUp, objects };
}
