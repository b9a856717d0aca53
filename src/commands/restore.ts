import { dirname, join } from 'node:path';
import { InputError } from '../errors.js';
import { EtcdCtl } from '../etcd/etcdctl.js';
import { layoutByName } from '../etcd/layout.js';
import { loadInventory } from '../inventory/index.js';
import { BackupSource } from '../recovery/backup-source.js';
import { type Execution, executePlan, RecordingRunner } from '../recovery/execute.js';
import { Journal } from '../recovery/journal.js';
import { NodeStepRunner } from '../recovery/node-steps.js';
import { openNodeTransports } from '../recovery/node-transports.js';
import type { Plan } from '../recovery/plan.js';
import { checkPlanObjects, checkSignature, requireSignedManifest } from '../recovery/preflight.js';
import { clientTls } from '../recovery/probe.js';
import { type Verification, verifyRecovery } from '../recovery/verify.js';
import { renderPlanMarkdown } from '../report/plan.js';
import type { CommandContext } from './context.js';
import { type PlanOptions, preparePlan, reportSignature } from './plan.js';

export interface RestoreOptions extends PlanOptions {
  yes: boolean;
  journal?: string;
  /** Run the plan through the recording runner: everything but touching the cluster. */
  dryRun?: boolean;
}

export interface RestoreResult {
  plan: Plan;
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

/**
 * `kube-rescue restore`: the plan `plan` prints, executed. A journal beside the inventory
 * records every completed step; after a crash the same command resumes that same plan.
 */
export async function restore(opts: RestoreOptions, ctx: CommandContext): Promise<RestoreResult> {
  const t0 = Date.now();
  if (!opts.yes && !opts.dryRun) {
    throw new InputError(
      "restore changes the cluster: read the plan ('kube-rescue plan ...'), then run restore again with --yes.",
    );
  }
  const journalPath = opts.journal ?? defaultJournalPath(opts.inventory);
  const journal = opts.dryRun ? undefined : await Journal.open(journalPath);
  const pending = journal?.unfinished();

  let plan: Plan;
  let prepared: Awaited<ReturnType<typeof preparePlan>> | undefined;
  let backup: BackupSource | undefined;
  let transports: { transportFor: PlanOptions['transportFor'] & {}; close(): Promise<void> };
  if (pending) {
    plan = pending.plan;
    ctx.progress.info(
      `The journal ${journalPath} holds plan ${pending.hash} (${plan.case}, planned ${plan.createdAt}) that did not finish: resuming it instead of probing a half-restored cluster. Move the journal aside to plan afresh.`,
    );
    const location = opts.backup ?? backupLocationOf(plan);
    // A resumed plan reads the same set: the same checks before its next step.
    const trust = { trustedSigners: opts.trustedSigners };
    const signed = await checkSignature(location, trust);
    if (signed) reportSignature(signed.check, ctx);
    backup = location ? await BackupSource.open(location, opts.identityFiles) : undefined;
    requireSignedManifest(signed, backup, trust);
    await checkPlanObjects(plan, backup);
    transports = opts.transportFor
      ? { transportFor: opts.transportFor, close: async () => {} }
      : openNodeTransports(await loadInventory(opts.inventory), opts.access);
  } else {
    prepared = await preparePlan(opts, ctx);
    plan = prepared.plan;
    backup = prepared.backup;
    transports = prepared;
  }

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
            });
          },
        });
    const execution = await executePlan(plan, runner, { progress: ctx.progress, journal });
    const verification =
      runner instanceof NodeStepRunner ? runner.observed.verification : undefined;
    return {
      plan,
      execution,
      verification,
      rtoSeconds: (Date.now() - t0) / 1000,
      journal: journal?.path,
    };
  } finally {
    await transports.close();
  }
}
