import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { silentProgress } from '../../../src/progress.js';
import {
  executePlan,
  RecordingRunner,
  RecoveryStepError,
  type StepRunner,
} from '../../../src/recovery/execute.js';
import { Journal, planHash } from '../../../src/recovery/journal.js';
import type { Plan, Step } from '../../../src/recovery/plan.js';
import { CrashingRunner } from './crashing-runner.js';
import { memberLossPlan, removalPlan } from './fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kr-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('journal and resume', () => {
  it('a re-run after a failure resumes at the failed step and never repeats a completed one', async () => {
    const plan = memberLossPlan();
    const path = join(dir, 'restore.journal');
    const failAt = plan.steps.find((s) => s.action === 'member-add')!.id;
    const runner = new CrashingRunner(failAt);

    const first = executePlan(plan, runner, {
      progress: silentProgress,
      journal: await Journal.open(path),
    });
    await expect(first).rejects.toThrow(
      new RegExp(`Step ${failAt} .*connection reset.*resumes from this step`, 's'),
    );
    const firstRun = [...runner.ran];
    expect(firstRun.length).toBeGreaterThan(0);
    expect(firstRun.some((id) => id.includes('member-remove'))).toBe(true);

    // A new process: a fresh Journal read from disk, the same plan object taken from it.
    const journal = await Journal.open(path);
    const pending = journal.unfinished();
    expect(pending?.hash).toBe(planHash(plan));
    runner.ran.length = 0;
    const second = await executePlan(pending!.plan, runner, { progress: silentProgress, journal });
    expect(second.resumed).toBe(true);
    expect(runner.ran[0]).toBe(failAt);
    expect(runner.ran.filter((id) => firstRun.includes(id))).toEqual([]);
    expect([...firstRun, ...runner.ran]).toEqual(plan.steps.map((s) => s.id));
    expect(second.steps.filter((s) => s.status === 'done-before').map((s) => s.id)).toEqual(
      firstRun,
    );

    // Finished: nothing left to resume, and a third run would start a new plan.
    expect((await Journal.open(path)).unfinished()).toBeUndefined();
  });

  it('the failed run reports what it completed before the failure', async () => {
    const plan = memberLossPlan();
    const failAt = plan.steps[2]!.id;
    const err = await executePlan(plan, new CrashingRunner(failAt), {
      progress: silentProgress,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(RecoveryStepError);
    const statuses = (err as RecoveryStepError).execution.steps.map((s) => s.status);
    expect(statuses.slice(0, 3)).toEqual(['done', 'done', 'failed']);
    expect(statuses.slice(3).every((s) => s === 'not-run')).toBe(true);
  });

  it('every completion is on disk as a JSON line keyed by the plan hash', async () => {
    const plan = memberLossPlan();
    const path = join(dir, 'j');
    await executePlan(plan, new CrashingRunner(), {
      progress: silentProgress,
      journal: await Journal.open(path),
    });
    const lines = (await readFile(path, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'plan', hash: planHash(plan) });
    expect(lines.filter((l) => l.type === 'step-done').map((l) => l.step)).toEqual(
      plan.steps.map((s) => s.id),
    );
    expect(lines.at(-1)).toMatchObject({ type: 'finished' });
  });

  it('a torn last line (crash while writing) is ignored; damage elsewhere is an input error', async () => {
    const plan = memberLossPlan();
    const path = join(dir, 'j');
    const journal = await Journal.open(path);
    const hash = await journal.begin(plan);
    await journal.stepStarted(hash, plan.steps[0]!.id);
    await journal.stepDone(hash, plan.steps[0]!.id, 5);
    const text = await readFile(path, 'utf8');
    await writeFile(path, `${text}{"type":"step-do`);
    const reread = await Journal.open(path);
    expect(reread.completed(hash)).toEqual(new Set([plan.steps[0]!.id]));
    await writeFile(path, `garbage\n${text}`);
    await expect(Journal.open(path)).rejects.toBeInstanceOf(InputError);
  });

  it('a host removal resumes like any plan: member-remove and delete-node never run twice', async () => {
    const plan = removalPlan();
    expect(plan.steps.map((s) => s.action)).toEqual(['member-remove', 'delete-node', 'verify']);
    const path = join(dir, 'removal.journal');
    const failAt = plan.steps.find((s) => s.action === 'verify')!.id;
    const runner = new CrashingRunner(failAt);
    await expect(
      executePlan(plan, runner, { progress: silentProgress, journal: await Journal.open(path) }),
    ).rejects.toBeInstanceOf(RecoveryStepError);
    expect(runner.ran).toEqual(plan.steps.slice(0, 2).map((s) => s.id));

    runner.ran.length = 0;
    const journal = await Journal.open(path);
    const second = await executePlan(journal.unfinished()!.plan, runner, {
      progress: silentProgress,
      journal,
    });
    expect(runner.ran).toEqual([failAt]);
    expect(second.steps.map((s) => s.status)).toEqual(['done-before', 'done-before', 'done']);
  });

  it("a runner's prepare sees only the steps still to run, and its refusal runs none and journals nothing", async () => {
    const plan = memberLossPlan();
    const path = join(dir, 'restore.journal');
    const failAt = plan.steps.find((s) => s.action === 'member-add')!.id;
    await executePlan(plan, new CrashingRunner(failAt), {
      progress: silentProgress,
      journal: await Journal.open(path),
    }).catch(() => {});
    const seen: string[][] = [];
    const refusing = new (class extends CrashingRunner {
      async prepare(steps: readonly Step[]) {
        seen.push(steps.map((s) => s.id));
        throw new InputError('node1-pki.tar: member "etc/cron.d/x" is outside the paths');
      }
    })();
    const before = await readFile(path, 'utf8');
    const err = await executePlan(plan, refusing, {
      progress: silentProgress,
      journal: await Journal.open(path),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(refusing.ran).toEqual([]);
    expect(seen[0]![0]).toBe(failAt);
    expect(seen[0]).toEqual(
      plan.steps.slice(plan.steps.findIndex((s) => s.id === failAt)).map((s) => s.id),
    );
    expect(await readFile(path, 'utf8')).toBe(before);

    const fresh = join(dir, 'fresh.journal');
    await executePlan(plan, refusing, {
      progress: silentProgress,
      journal: await Journal.open(fresh),
    }).catch(() => {});
    expect(seen[1]).toHaveLength(plan.steps.length);
    expect((await Journal.open(fresh)).unfinished()).toBeUndefined();
  });

  it('a different plan hashes differently', () => {
    expect(planHash(memberLossPlan())).not.toBe(
      planHash(memberLossPlan(new Date('2026-11-23T00:00:00Z'))),
    );
  });
});

describe('dry run', () => {
  it('the recording runner goes through the same plan, step by step, and touches nothing', async () => {
    const plan = memberLossPlan();
    const runner = new RecordingRunner();
    const run = await executePlan(plan, runner, { progress: silentProgress });
    expect(runner.recorded).toEqual(plan.steps);
    expect(run.steps.every((s) => s.status === 'done' && s.detail?.startsWith('would '))).toBe(
      true,
    );
  });

  it("steps of one group run concurrently across nodes, one node's in order, the next batch only after all of them", async () => {
    const plan = memberLossPlan();
    const grouped: Plan = {
      ...plan,
      steps: plan.steps.slice(0, 3).map((s) => ({ ...s, group: 'g' }) as Step),
    };
    const events: string[] = [];
    const runner: StepRunner = {
      async run(step) {
        events.push(`start ${step.id}`);
        await new Promise((r) => setTimeout(r, 20));
        events.push(`end ${step.id}`);
        return 'ok';
      },
    };
    await executePlan(grouped, runner, { progress: silentProgress });
    const [a, b, c] = grouped.steps;
    // a and c run on node1, b on node2: a and b start together, c only after a has ended.
    expect([a!.node, b!.node, c!.node]).toEqual(['node1', 'node2', 'node1']);
    expect(events.slice(0, 2).sort()).toEqual([`start ${a!.id}`, `start ${b!.id}`].sort());
    expect(events.indexOf(`start ${c!.id}`)).toBeGreaterThan(events.indexOf(`end ${a!.id}`));
    // The step after the group starts only when every step of it has ended.
    expect(events.at(-1)).toMatch(/^end /);
  });

  it("a step with a lane runs beside its node's other steps of the group, after that lane's earlier ones", async () => {
    const plan = memberLossPlan();
    // node1, node2, node1 in the fixture; the third and a fourth of node1 get the lane.
    const [s0, s1, s2] = plan.steps;
    const grouped: Plan = {
      ...plan,
      steps: [
        { ...s0!, group: 'g' },
        { ...s1!, group: 'g' },
        { ...s2!, group: 'g', lane: 'upload' },
        { ...s2!, id: `${s2!.id}-again`, group: 'g', lane: 'upload' },
      ] as Step[],
    };
    const [a, b, c, d] = grouped.steps;
    expect([a!.node, b!.node, c!.node, d!.node]).toEqual(['node1', 'node2', 'node1', 'node1']);
    const events: string[] = [];
    const runner: StepRunner = {
      async run(step) {
        events.push(`start ${step.id}`);
        await new Promise((r) => setTimeout(r, 30));
        events.push(`end ${step.id}`);
        return 'ok';
      },
    };
    await executePlan(grouped, runner, { progress: silentProgress });
    // a (node1), b (node2) and c (node1's lane) start together; d waits for c, not for a.
    expect(events.slice(0, 3).sort()).toEqual(
      [`start ${a!.id}`, `start ${b!.id}`, `start ${c!.id}`].sort(),
    );
    expect(events.indexOf(`start ${d!.id}`)).toBeGreaterThan(events.indexOf(`end ${c!.id}`));
    expect(events.at(-1)).toBe(`end ${d!.id}`);
  });

  it("a failed step ends its node's part of the group; the other nodes finish theirs, and the run stops", async () => {
    const plan = memberLossPlan();
    const grouped: Plan = {
      ...plan,
      steps: plan.steps.slice(0, 4).map((s) => ({ ...s, group: 'g' }) as Step),
    };
    const ran: string[] = [];
    // node1, node2, node1, …: the first step fails, so node1's third step never runs.
    const failing = grouped.steps[0]!;
    const runner: StepRunner = {
      async run(step) {
        ran.push(step.id);
        await new Promise((r) => setTimeout(r, 10));
        if (step.id === failing.id) throw new Error('boom');
        return 'ok';
      },
    };
    const err = await executePlan(grouped, runner, { progress: silentProgress }).catch((e) => e);
    expect(err).toBeInstanceOf(RecoveryStepError);
    expect((err as Error).message).toContain(`Step ${failing.id}`);
    const status = new Map((err as RecoveryStepError).execution.steps.map((s) => [s.id, s.status]));
    expect(status.get(grouped.steps[1]!.id)).toBe('done');
    expect(status.get(failing.id)).toBe('failed');
    expect(grouped.steps[2]!.node).toBe(failing.node);
    // Later steps of the failed node's part did not run.
    for (const s of grouped.steps.slice(1).filter((x) => x.node === failing.node)) {
      expect(ran).not.toContain(s.id);
      expect(status.get(s.id)).toBe('not-run');
    }
  });
});
