import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { EtcdCtl } from '../etcd/etcdctl.js';
import { layoutByName } from '../etcd/layout.js';
import { loadInventory } from '../inventory/index.js';
import type { Inventory } from '../inventory/types.js';
import { BackupSource } from '../recovery/backup-source.js';
import { type Execution, executePlan, RecordingRunner } from '../recovery/execute.js';
import { Journal, type JournalStore, planHash } from '../recovery/journal.js';
import { NodeStepRunner } from '../recovery/node-steps.js';
import { openNodeTransports } from '../recovery/node-transports.js';
import type { Plan } from '../recovery/plan.js';
import {
  clusterChanges,
  inventoryChanges,
  type PlanFile,
  parsePlanFile,
  planFileSha256,
  replan,
  sha256Hex,
} from '../recovery/plan-file.js';
import { checkPlanObjects, checkSignature, requireSignedManifest } from '../recovery/preflight.js';
import { clientTls, probeCluster, type TransportSource } from '../recovery/probe.js';
import { type Verification, verifyRecovery } from '../recovery/verify.js';
import { renderPlanMarkdown } from '../report/plan.js';
import { openSet, openStore } from '../stores/open.js';
import type { CommandContext } from './context.js';
import { type PlanOptions, planInventoryOf, preparePlan, reportSignature } from './plan.js';

export interface RestoreOptions extends PlanOptions {
  yes: boolean;
  /** The journal's local file (default: beside the inventory). */
  journal?: string;
  /**
   * Keep the journal in a store instead of a local file: `backup` = beside the backup set the
   * plan reads, in its store; else a store location (directory, s3://…, artifact://).
   */
  journalStore?: string;
  /** `restore --plan FILE`: execute exactly this plan file (after a re-probe). */
  planFile?: string;
  /** The sha256 the plan file must have (the `plan` job's output), when given. */
  planSha256?: string;
  /** Run the plan through the recording runner: everything but touching the cluster. */
  dryRun?: boolean;
  /**
   * The keyspace check reads the restored snapshot on its node (a throw-away etcd there)
   * rather than from a copy on this machine (the dress rehearsal's rule for the user's data).
   */
  keyspaceOnNode?: boolean;
}

export interface RestoreResult {
  plan: Plan;
  /** sha256 of the plan file this run executed (as `plan` showed it). */
  planSha256?: string;
  execution: Execution;
  verification?: Verification;
  /** Seconds from the start of the command to a verified cluster (the measured RTO). */
  rtoSeconds: number;
  journal?: string;
}

/** Where the journal lives unless --journal says otherwise: beside the inventory. */
export function defaultJournalPath(inventory: string): string {
  return join(dirname(inventory), '.kube-rescue-restore.journal');
}

/** The journal object's name beside a set (or in a store given for it). */
export const JOURNAL_SUFFIX = '.restore-journal.jsonl';

/** The backup a plan reads from, so a resumed run finds it without --backup. */
function backupLocationOf(plan: Plan): string | undefined {
  if (plan.source.kind === 'backup') return plan.source.location;
  for (const s of plan.steps) {
    if (s.action === 'restore-certs' && s.params.from.kind === 'backup') {
      return s.params.from.location;
    }
  }
  return undefined;
}

/** A plan file read from disk: parsed, checked, and its sha256 compared when one was given. */
async function readPlanFile(
  path: string,
  expected: string | undefined,
): Promise<{ file: PlanFile; sha256: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError(`Cannot read the plan file ${path}: ${(err as Error).message}.`);
  }
  const sha256 = sha256Hex(text);
  if (expected && expected.toLowerCase() !== sha256) {
    throw new InputError(
      `The plan file ${path} has sha256 ${sha256}, not the ${expected} that was approved: it is not the plan the reviewer read. Run plan again.`,
    );
  }
  const file = parsePlanFile(text, path);
  // Canonical JSON is the only form plan writes: another form hashes differently from the summary.
  if (planFileSha256(file) !== sha256) {
    throw new InputError(
      `The plan file ${path} is not in the canonical form 'kube-rescue plan --out' writes (its sha256 would differ from the one shown). Run plan again.`,
    );
  }
  return { file, sha256 };
}

/** The store object a journal lives in, through the store's sidecar methods. */
async function journalStoreFor(
  opts: RestoreOptions,
  backupLocation: string | undefined,
  ctx: CommandContext,
): Promise<JournalStore | undefined> {
  if (!opts.journalStore) return undefined;
  let store: Awaited<ReturnType<typeof openStore>>;
  let name: string;
  if (opts.journalStore === 'backup') {
    if (!backupLocation) {
      ctx.progress.warn(
        'The plan reads no backup set, so its journal cannot be kept beside one: it stays on this machine' +
          `${opts.journal ? ` (${opts.journal})` : ''}, and a run on another machine cannot resume from it.`,
      );
      return undefined;
    }
    const set = await openSet(backupLocation, opts.s3);
    store = set.store;
    name = `${set.setName}${JOURNAL_SUFFIX}`;
  } else {
    store = await openStore(opts.journalStore, opts.s3);
    name = `kube-rescue${JOURNAL_SUFFIX}`;
  }
  const { readSidecar, writeSidecar, sidecarUrl } = store;
  if (!readSidecar || !writeSidecar) {
    throw new InputError(`The store ${store.location} cannot keep a journal beside its sets.`);
  }
  return {
    where: sidecarUrl?.call(store, name) ?? `${store.location}/${name}`,
    load: () => readSidecar.call(store, name),
    save: (text) => writeSidecar.call(store, name, text),
  };
}

interface CheckedPlanFile {
  inventory: Inventory;
  backup?: BackupSource;
}

/**
 * Everything about a plan file that does not need the nodes: the inventory says what the plan
 * assumed, the backup set still has the manifest digest it recorded (and its signature), and
 * the plan is the one our planner builds from what it records. Nothing is contacted.
 */
async function checkPlanFile(
  file: PlanFile,
  where: string,
  opts: RestoreOptions,
  ctx: CommandContext,
): Promise<CheckedPlanFile> {
  const inventory = await loadInventory(opts.inventory);
  const changed = inventoryChanges(file.inventory, planInventoryOf(inventory));
  if (changed.length > 0) {
    throw new InputError(
      `The inventory ${opts.inventory} is not the one the plan ${where} was made from: ${changed.join('; ')}. Run plan again with this inventory.`,
    );
  }
  const location = file.backup?.location;
  if (opts.backup && opts.backup !== location) {
    throw new InputError(
      `--backup ${opts.backup} is not the backup set the plan ${where} reads (${location ?? 'none'}). Drop --backup, or run plan again with it.`,
    );
  }
  const trust = { trustedSigners: opts.trustedSigners, s3: opts.s3 };
  const signed = await checkSignature(location, trust);
  if (signed) reportSignature(signed.check, ctx);
  const backup = location
    ? await BackupSource.open(location, opts.identityFiles, opts.s3)
    : undefined;
  requireSignedManifest(signed, backup, trust);
  if (backup && backup.manifestSha256 !== file.backup?.manifestSha256) {
    throw new InputError(
      `The backup set ${location} changed since the plan ${where} was made: its manifest.json has sha256 ${backup.manifestSha256}, the plan recorded ${file.backup?.manifestSha256}. Run plan again.`,
    );
  }
  replan(file, backup?.summary(), where);
  return { inventory, backup };
}

/**
 * A journal read back from a store is untrusted input like the sets beside it: whoever can write
 * the store could plant an unfinished plan — one the planner would make for a state the cluster
 * is not in — and a plain `restore --yes` would resume it without a fresh probe. So such a plan
 * runs only when the operator names it: `--plan-sha256` equal to the sha256 of the plan file the
 * journal holds, which the run that began it printed ("Executing plan file sha256 …"). The
 * refusal shows the plan and its hash, and nothing has been changed yet.
 */
function requireNamedResume(
  file: PlanFile,
  where: string,
  opts: RestoreOptions,
  ctx: CommandContext,
): void {
  const sha = planFileSha256(file);
  if (opts.planSha256 === sha) return;
  for (const line of renderPlanMarkdown(file.plan).split('\n')) ctx.progress.info(line);
  throw new InputError(
    `The journal ${where} (in a store) holds an unfinished plan, shown above, whose plan file has sha256 ${sha}` +
      (opts.planSha256 ? `, not the ${opts.planSha256} given with --plan-sha256` : '') +
      '. A plan read back from a store is resumed only when you name it: if it is the restore you began ' +
      `(its first run printed "Executing plan file sha256 ${sha}"), run restore again with --plan-sha256 ${sha}; ` +
      `if not, move ${where} aside in the store and plan afresh. Nothing was changed.`,
  );
}

/**
 * `kube-rescue restore`: the plan `plan` prints (or the plan file it wrote), executed. A journal
 * records every completed step; after a crash the same command resumes that same plan.
 */
export async function restore(opts: RestoreOptions, ctx: CommandContext): Promise<RestoreResult> {
  const t0 = Date.now();
  if (!opts.yes && !opts.dryRun) {
    throw new InputError(
      "restore changes the cluster: read the plan ('kube-rescue plan ...'), then run restore again with --yes.",
    );
  }
  // A plan file is refused for its form before anything else is read.
  const given = opts.planFile ? await readPlanFile(opts.planFile, opts.planSha256) : undefined;
  const remote = opts.dryRun
    ? undefined
    : await journalStoreFor(opts, given?.file.backup?.location ?? opts.backup, ctx);
  const journalPath = opts.journal ?? defaultJournalPath(opts.inventory);
  const journal = opts.dryRun
    ? undefined
    : remote
      ? await Journal.openIn(remote)
      : await Journal.open(journalPath);
  const pending = journal?.unfinished();

  let plan: Plan;
  let planFile: PlanFile | undefined;
  let backup: BackupSource | undefined;
  let transports: { transportFor: TransportSource; close(): Promise<void> };
  const transportsOf = (inventory: Inventory) =>
    opts.transportFor
      ? { transportFor: opts.transportFor, close: async () => {} }
      : openNodeTransports(inventory, opts.access);

  if (given) {
    planFile = given.file;
    plan = planFile.plan;
    const hash = planHash(plan);
    if (pending && pending.hash !== hash) {
      throw new InputError(
        `The journal ${journal!.path} holds plan ${pending.hash} (${pending.plan.case}, planned ${pending.plan.createdAt}), which did not finish; the plan file ${opts.planFile} is plan ${hash}. ` +
          'Finish the journal’s plan first (restore with its plan file), or move the journal aside if that plan is abandoned.',
      );
    }
    const checked = await checkPlanFile(planFile, opts.planFile!, opts, ctx);
    backup = checked.backup;
    transports = transportsOf(checked.inventory);
    try {
      if (pending) {
        ctx.progress.info(
          `The journal ${journal!.path} shows plan ${hash} begun and not finished: resuming it (no re-probe of a half-restored cluster).`,
        );
      } else {
        // The approved plan runs only on the cluster it was made for.
        const health = await ctx.progress.phase('Re-probe the cluster the plan was made for', () =>
          probeCluster(checked.inventory, transports.transportFor, opts.access, {
            progress: ctx.progress,
            goneHosts: planFile!.options.removeHosts ?? [],
            ...(opts.probeTimeoutMs !== undefined ? { timeoutMs: opts.probeTimeoutMs } : {}),
          }),
        );
        const changes = clusterChanges(planFile.state, health);
        if (changes.length > 0) {
          throw new InputError(
            `the cluster changed since the plan was made: ${changes.join('; ')}; run plan again.`,
          );
        }
      }
      await checkPlanObjects(plan, backup);
    } catch (err) {
      await transports.close();
      throw err;
    }
  } else if (pending) {
    plan = pending.plan;
    ctx.progress.info(
      `The journal ${journal!.path} holds plan ${pending.hash} (${plan.case}, planned ${plan.createdAt}) that did not finish: resuming it instead of probing a half-restored cluster. Move the journal aside to plan afresh.`,
    );
    if (pending.planFile) {
      if (journal!.inStore) requireNamedResume(pending.planFile, journal!.path, opts, ctx);
      planFile = pending.planFile;
      const checked = await checkPlanFile(planFile, journal!.path, opts, ctx);
      backup = checked.backup;
      await checkPlanObjects(plan, backup);
      transports = transportsOf(checked.inventory);
    } else {
      if (journal!.inStore) {
        throw new InputError(
          `The journal ${journal!.path} holds plan ${pending.hash} without the plan file it ran: a plan read back from a store is run only when it can be checked. Move the journal aside and run plan again.`,
        );
      }
      const location = opts.backup ?? backupLocationOf(plan);
      // A resumed plan reads the same set: the same checks before its next step.
      const trust = { trustedSigners: opts.trustedSigners, s3: opts.s3 };
      const signed = await checkSignature(location, trust);
      if (signed) reportSignature(signed.check, ctx);
      backup = location
        ? await BackupSource.open(location, opts.identityFiles, opts.s3)
        : undefined;
      requireSignedManifest(signed, backup, trust);
      await checkPlanObjects(plan, backup);
      transports = transportsOf(await loadInventory(opts.inventory));
    }
  } else {
    const prepared = await preparePlan(opts, ctx);
    plan = prepared.plan;
    planFile = prepared.planFile;
    backup = prepared.backup;
    transports = prepared;
  }
  const planSha256 = planFile ? planFileSha256(planFile) : undefined;
  if (planSha256) ctx.progress.info(`Executing plan file sha256 ${planSha256}.`);

  try {
    for (const line of renderPlanMarkdown(plan).split('\n')) ctx.progress.info(line);
    const layout = layoutByName(plan.layout, plan.paths);
    const anchor = plan.steps.find((s) => s.action === 'verify')!.node;
    const runner = opts.dryRun
      ? new RecordingRunner()
      : new NodeStepRunner({
          plan,
          transportFor: transports.transportFor,
          layout,
          access: opts.access,
          backup,
          progress: ctx.progress,
          prefetchSnapshot: !opts.keyspaceOnNode,
          verify: async (observed) => {
            const t = await transports.transportFor(anchor);
            const cluster = new EtcdCtl(t, {
              endpoints: plan.members.map((m) => m.clientURL),
              tls: clientTls(opts.access, layout, anchor),
              progress: ctx.progress,
              commands: await layout.toolCommands(t),
            });
            return verifyRecovery({
              plan,
              cluster,
              layout,
              transportFor: async (h) => transports.transportFor(h),
              observed,
              keyspaceOnNode: opts.keyspaceOnNode,
              debug: (m) => ctx.progress.debug(m),
            });
          },
        });
    const execution = await executePlan(plan, runner, {
      progress: ctx.progress,
      journal,
      ...(planFile ? { planFile } : {}),
    }).finally(async () => {
      // A copy made for a verification that did not use it (a failed run): removed now.
      if (runner instanceof NodeStepRunner) await runner.discardPrefetched();
    });
    const verification =
      runner instanceof NodeStepRunner ? runner.observed.verification : undefined;
    return {
      plan,
      ...(planSha256 ? { planSha256 } : {}),
      execution,
      verification,
      rtoSeconds: (Date.now() - t0) / 1000,
      journal: journal?.path,
    };
  } finally {
    await transports.close();
  }
}
