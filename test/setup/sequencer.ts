import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each slow integration file took in the clean-clone CI run of f18a084 (2 December,
 * two files at a time on two cores). Only the order comes from here, never a verdict: a stale
 * figure makes the run a little longer, nothing else.
 */
const SECONDS: Record<string, number> = {
  'test/integration/kubeadm/control-plane.test.ts': 993,
  'test/integration/rehearse/dress-kubeadm.test.ts': 467,
  'test/integration/recovery/stacked.test.ts': 197,
  'test/integration/rehearse/kubeadm.test.ts': 170,
  'test/integration/recovery/hostile-archive.test.ts': 143,
  'test/integration/recovery/from-backup.test.ts': 95,
  'test/integration/rehearse/dress-runbook.test.ts': 86,
  'test/integration/recovery/remove-host.test.ts': 85,
  'test/integration/action/act-rehearse.test.ts': 80,
  'test/integration/backup/backup-verify.test.ts': 66,
  'test/integration/action/act-backup-restore.test.ts': 48,
  'test/integration/recovery/runbook.test.ts': 42,
  'test/integration/recovery/plan-file.test.ts': 41,
  'test/integration/harness/faults.test.ts': 36,
  'test/integration/recovery/publish-stall.test.ts': 33,
};
/** Files not in the table took less than the last of it. */
const UNKNOWN_SECONDS = 20;

/**
 * Longest file first, within vitest's own order of projects. On a clean checkout vitest has no
 * durations and starts the largest files first, so a short file of many lines went before
 * a long one of few, and the kubeadm files, started late, made a tail of several minutes on
 * one worker while the other idled. Longest first keeps both workers busy to the end.
 */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const byProject = await super.sort(files);
    const seconds = (f: TestSpecification) =>
      SECONDS[relative(this.ctx.config.root, f.moduleId)] ?? UNKNOWN_SECONDS;
    const rank = new Map(byProject.map((f, i) => [f, i]));
    return [...byProject].sort((a, b) => {
      const group = a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder;
      if (group !== 0) return group;
      if (a.project.name !== b.project.name) return rank.get(a)! - rank.get(b)!;
      return seconds(b) - seconds(a) || rank.get(a)! - rank.get(b)!;
    });
  }
}
