import { OperationError } from '../errors.js';
import type { Progress } from '../progress.js';
import type { Journal } from './journal.js';
import { planHash } from './journal.js';
import type { Plan, Step } from './plan.js';
import type { PlanFile } from './plan-file.js';

/**
 * Carries out the steps of a Plan. What a step *does* is the runner's business: the node
 * runner acts on the cluster, the recording runner only writes down what it would do. So a
 * dry run executes the very same plan through the very same loop, with no `if` in any step.
 */
export interface StepRunner {
  /** Carries out one step; resolves with a short note of what happened. */
  run(step: Step): Promise<string>;
  /**
   * Checks what the steps still to run will need, before the first of them runs: a refusal
   * here leaves the cluster exactly as it was (and the plan out of the journal).
   */
  prepare?(steps: readonly Step[]): Promise<void>;
}

/** The dry-run runner: records each step it is given and touches nothing. */
export class RecordingRunner implements StepRunner {
  readonly recorded: Step[] = [];
  async run(step: Step): Promise<string> {
    this.recorded.push(step);
    return `would ${step.action} on ${step.node}`;
  }
}

export interface ExecutedStep {
  id: string;
  action: Step['action'];
  node: string;
  /** `done-before`: completed by an earlier run (journal), not repeated. */
  status: 'done' | 'done-before' | 'failed' | 'not-run';
  ms: number;
  detail?: string;
  error?: string;
}

export interface Execution {
  planHash: string;
  resumed: boolean;
  steps: ExecutedStep[];
  ms: number;
}

/** A run that stopped at a failed step; `execution` says what was done up to there. */
export class RecoveryStepError extends OperationError {
  constructor(
    message: string,
    readonly execution: Execution,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface ExecuteOptions {
  progress: Progress;
  /** Without a journal nothing is remembered between runs (dry runs, tests). */
  journal?: Journal;
  /** The plan file being executed: the journal keeps it, so a resume can check it again. */
  planFile?: PlanFile;
}

/**
 * A batch's steps by node and lane, each chain in plan order; chains in the order they first
 * appear. One node's steps without a lane are one chain, its steps of a lane another.
 */
function chainsByNodeAndLane(batch: Step[]): Step[][] {
  const by = new Map<string, Step[]>();
  for (const step of batch) {
    const key = `${step.node}\u0000${step.lane ?? ''}`;
    const chain = by.get(key);
    if (chain) chain.push(step);
    else by.set(key, [step]);
  }
  return [...by.values()];
}

/** Consecutive steps of one group run together; every other step runs alone. */
function batches(steps: Step[]): Step[][] {
  const out: Step[][] = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (last && step.group !== undefined && last[0]!.group === step.group) last.push(step);
    else out.push([step]);
  }
  return out;
}

/**
 * Runs the plan in order. With a journal, steps completed by an earlier run are skipped
 * (a destructive step is never repeated) and each completion is fsync'd before the next
 * step starts. A failure stops the run with an error that names the step and how to go on.
 */
export async function executePlan(
  plan: Plan,
  runner: StepRunner,
  options: ExecuteOptions,
): Promise<Execution> {
  const t0 = Date.now();
  const { journal, progress } = options;
  const expected = planHash(plan);
  const done = journal?.completed(expected) ?? new Set<string>();
  await runner.prepare?.(plan.steps.filter((s) => !done.has(s.id)));
  const hash = journal ? await journal.begin(plan, options.planFile) : expected;
  const interrupted = new Set(journal?.interrupted(hash) ?? []);
  const resumed = done.size > 0 || interrupted.size > 0;
  if (resumed) {
    progress.info(
      `Resuming plan ${hash} from ${journal!.path}: ${done.size} of ${plan.steps.length} steps were completed by an earlier run and are not repeated.`,
    );
  }
  const results = new Map<string, ExecutedStep>(
    plan.steps.map((s) => [
      s.id,
      { id: s.id, action: s.action, node: s.node, status: 'not-run', ms: 0 },
    ]),
  );

  const runOne = async (step: Step): Promise<void> => {
    const result = results.get(step.id)!;
    if (done.has(step.id)) {
      result.status = 'done-before';
      progress.info(`${step.id}: completed by an earlier run, skipped`);
      return;
    }
    if (interrupted.has(step.id)) {
      progress.warn(
        `${step.id} was interrupted by the earlier run; running it again (each step checks what is already in place).`,
      );
    }
    await journal?.stepStarted(hash, step.id);
    const started = Date.now();
    try {
      const detail = await progress.phase(`${step.id} on ${step.node}: ${step.reason}`, () =>
        runner.run(step),
      );
      result.ms = Date.now() - started;
      result.status = 'done';
      result.detail = detail;
      await journal?.stepDone(hash, step.id, result.ms, detail);
    } catch (err) {
      result.ms = Date.now() - started;
      result.status = 'failed';
      result.error = (err as Error).message;
      await journal?.stepFailed(hash, step.id, result.ms, result.error);
      throw err;
    }
  };

  for (const batch of batches(plan.steps)) {
    // Nodes side by side; one node's steps of the batch in their order (its move-asides
    // before the extraction of its archive), a lane beside them. A chain whose step failed
    // runs no more of its steps.
    const failed: (readonly [Step, unknown])[] = [];
    await Promise.all(
      chainsByNodeAndLane(batch).map(async (chain) => {
        for (const step of chain) {
          try {
            await runOne(step);
          } catch (err) {
            failed.push([step, err] as const);
            return;
          }
        }
      }),
    );
    if (failed.length > 0) {
      const [step, reason] = failed[0]!;
      const others =
        failed.length > 1 ? ` (and ${failed.length - 1} more steps of the same group)` : '';
      const execution = {
        planHash: hash,
        resumed,
        steps: [...results.values()],
        ms: Date.now() - t0,
      };
      throw new RecoveryStepError(
        `Step ${step.id} (${step.action} on ${step.node}) failed${others}: ${(reason as Error).message}\n` +
          `Undo if needed: ${step.undo}.\n` +
          (journal
            ? `Fix the cause and run restore again: it resumes from this step (journal ${journal.path}, plan ${hash}).`
            : 'Fix the cause and run again.'),
        execution,
        { cause: reason },
      );
    }
  }
  await journal?.finish(hash);
  return { planHash: hash, resumed, steps: [...results.values()], ms: Date.now() - t0 };
}
