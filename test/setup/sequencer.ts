import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Seconds each slow integration file took in the clean-clone CI run of f92a6fa (3 December,
 * three files at a time on two cores). Only the order comes from here, never a verdict: a stale
 * figure makes the run a little longer, nothing else.
 */
const SECONDS: Record<string, number> = {
  'test/integration/kubeadm/control-plane.test.ts': 1036,
  'test/integration/rehearse/dress-kubeadm.test.ts': 726,
  'test/integration/recovery/stacked.test.ts': 341,
  'test/integration/rehearse/kubeadm.test.ts': 283,
  'test/integration/recovery/hostile-archive.test.ts': 204,
  'test/integration/recovery/from-backup.test.ts': 191,
  'test/integration/rehearse/dress-runbook.test.ts': 181,
  'test/integration/recovery/remove-host.test.ts': 121,
  'test/integration/action/act-rehearse.test.ts': 88,
  'test/integration/backup/backup-verify.test.ts': 77,
  'test/integration/recovery/plan-file.test.ts': 63,
  'test/integration/action/act-backup-restore.test.ts': 53,
  'test/integration/harness/etcd-versions.test.ts': 46,
  'test/integration/rehearse/dress-generated.test.ts': 43,
  'test/integration/harness/faults.test.ts': 42,
};
/**
 * Started after every other file: the third kubeadm file. At most two kubeadm clusters run at
 * once (KUBE_RESCUE_KUBEADM_CLUSTERS in vitest.config.ts), and the two longest files are
 * kubeadm files; taken early, this one would hold a worker waiting for a place while the
 * short files queued behind it. Last, it starts once the queue is empty, by when the kubeadm
 * dress rehearsal has usually ended.
 */
const LAST = new Set(['test/integration/rehearse/kubeadm.test.ts']);
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
    const path = (f: TestSpecification) => relative(this.ctx.config.root, f.moduleId);
    const seconds = (f: TestSpecification) =>
      LAST.has(path(f)) ? -1 : (SECONDS[path(f)] ?? UNKNOWN_SECONDS);
    const rank = new Map(byProject.map((f, i) => [f, i]));
    return [...byProject].sort((a, b) => {
      const group = a.project.config.sequence.groupOrder - b.project.config.sequence.groupOrder;
      if (group !== 0) return group;
      if (a.project.name !== b.project.name) return rank.get(a)! - rank.get(b)!;
      return seconds(b) - seconds(a) || rank.get(a)! - rank.get(b)!;
    });
  }
}
