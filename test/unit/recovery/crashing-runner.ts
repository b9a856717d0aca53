import { expect } from 'vitest';
import { silentProgress } from '../../../src/progress.js';
import { executePlan, type StepRunner } from '../../../src/recovery/execute.js';
import { type Journal, planHash } from '../../../src/recovery/journal.js';
import type { Step } from '../../../src/recovery/plan.js';
import type { PlanFile } from '../../../src/recovery/plan-file.js';

/** Counts every step it runs; throws once, at `failAt`, like a node dropping mid-plan. */
export class CrashingRunner implements StepRunner {
  readonly ran: string[] = [];
  constructor(private failAt?: string) {}
  async run(step: Step): Promise<string> {
    if (step.id === this.failAt) {
      this.failAt = undefined;
      throw new Error('connection reset by peer');
    }
    this.ran.push(step.id);
    return 'ok';
  }
}

/**
 * A restore lost mid-plan and resumed on the next runner: `file`'s plan runs with the journal
 * `first` opens until it crashes at its member-add step; `between` looks at what that left;
 * the journal `again` opens must hold the unfinished plan (`reopened` may look at it), and
 * resuming from it starts at the failed step, so that every step ran exactly once.
 */
export async function crashThenResume(
  file: PlanFile,
  journals: {
    first: () => Promise<Journal>;
    between?: () => Promise<void>;
    again: () => Promise<Journal>;
    reopened?: (journal: Journal) => void;
  },
): Promise<void> {
  const failAt = file.plan.steps.find((s) => s.action === 'member-add')!.id;
  const runner = new CrashingRunner(failAt);
  await expect(
    executePlan(file.plan, runner, {
      progress: silentProgress,
      journal: await journals.first(),
      planFile: file,
    }),
  ).rejects.toThrow(/resumes from this step/);
  await journals.between?.();
  const again = await journals.again();
  const pending = again.unfinished()!;
  expect(pending.hash).toBe(planHash(file.plan));
  journals.reopened?.(again);
  const before = [...runner.ran];
  runner.ran.length = 0;
  const second = await executePlan(pending.plan, runner, {
    progress: silentProgress,
    journal: again,
    planFile: pending.planFile,
  });
  expect(second.resumed).toBe(true);
  expect(runner.ran[0]).toBe(failAt);
  expect([...before, ...runner.ran]).toEqual(file.plan.steps.map((s) => s.id));
}
