import type { Progress } from '../src/progress.js';
import {
  type AfterBackupRule,
  changeAfterBackup,
  changedAfterBackup,
  checkNodesReady,
  checkReadyz,
  compareObjects,
  createRehearsalObjects,
  expectedAfterRestore,
  type KubernetesApi,
  kubectl,
  type ObjectSet,
  objectProblems,
  type RehearsalObjects,
  readObjects,
} from './k8s-objects.js';
import {
  cacheDifference,
  judgeWatch,
  listedConfigMaps,
  type ObjectWatch,
  startObjectWatch,
} from './k8s-watch.js';

/** What the Kubernetes-level checks found after a restore; the rehearsal table shows it. */
export interface KubernetesCheckReport {
  /** The rehearsal's objects when the backup was taken. */
  objectsAtBackup: number;
  /** Objects created, changed or deleted after the backup, before the fault. */
  changedAfterBackup: number;
  /** Whether those changes must survive (`kept`) or be undone by the restore (`lost`). */
  afterBackup: AfterBackupRule;
  /** Objects that read back as expected / expected ones missing or changed / unexpected ones there. */
  objectsVerified: number;
  objectsLost: number;
  objectsExtra: number;
  readyz: 'ok' | 'failed';
  nodesReady: number;
  nodesExpected: number;
  watch: 'relisted' | 'resumed' | 'stale';
  watchPassed: boolean;
  watchDetail: string;
  /** Everything that is not as it should be, one line each; empty when every check passed. */
  problems: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits (bounded) until the watch's cache equals a fresh list; returns the last difference. */
async function watchCaughtUp(
  api: KubernetesApi,
  watch: ObjectWatch,
  namespace: string,
  must: (cache: ObjectWatch['cache']) => boolean,
  timeoutMs: number,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let diff: string[] = [];
  for (;;) {
    const truth = await listedConfigMaps(api, namespace).catch(() => undefined);
    if (truth) {
      diff = cacheDifference(watch.cache, truth);
      if (diff.length === 0 && must(watch.cache)) return [];
    }
    if (Date.now() > deadline) return diff.length ? diff : ['the watch did not receive the change'];
    await sleep(1000);
  }
}

/**
 * The Kubernetes half of a rehearsal: objects made and recorded before the backup, changes
 * after it, a watch held open across the fault, and after the restore the proof that the
 * API holds what the scenario's RPO rule says, `/readyz` is ok and every node is Ready.
 */
export class KubernetesProof {
  private beforeFault?: ObjectSet;
  /** ConfigMaps made after a restore, one per verify(): each must reach the watch anew. */
  private markers = 0;
  private constructor(
    private readonly api: KubernetesApi,
    readonly objects: RehearsalObjects,
    private readonly atBackup: ObjectSet,
    private readonly watch: ObjectWatch,
    private readonly progress: Progress,
  ) {}

  /** Before the backup: creates the objects, records them and opens the watch. */
  static async prepare(
    api: KubernetesApi,
    runId: string,
    progress: Progress,
  ): Promise<KubernetesProof> {
    const objects = await createRehearsalObjects(api, runId);
    const watch = await startObjectWatch(api, objects.watchedNamespace);
    const atBackup = await readObjects(api, runId);
    progress.debug(
      `recorded ${atBackup.size} Kubernetes objects: ${[...atBackup.keys()].join(', ')}`,
    );
    return new KubernetesProof(api, objects, atBackup, watch, progress);
  }

  get recorded(): number {
    return this.atBackup.size;
  }

  /** After the backup, before the fault: the changes a live cluster makes, seen by the watch. */
  async changeAfterBackup(): Promise<void> {
    await changeAfterBackup(this.api, this.objects);
    this.beforeFault = await readObjects(this.api, this.objects.runId);
    const diff = await watchCaughtUp(
      this.api,
      this.watch,
      this.objects.watchedNamespace,
      (c) => c.has('made-after-backup'),
      30_000,
    );
    if (diff.length)
      this.progress.warn(`the watch did not see the changes after the backup: ${diff.join('; ')}`);
  }

  /** After the restore: every check, never throwing for a check that fails (it is a problem). */
  async verify(opts: {
    afterBackup: AfterBackupRule;
    expectedNodes: readonly string[];
    goneNodes: readonly string[];
    revisionBump?: { restores: number; bumped: boolean };
    /** How long nodes may take to be Ready (after a restore kubelets need minutes). */
    nodesTimeoutMs?: number;
  }): Promise<KubernetesCheckReport> {
    const problems: string[] = [];
    const readyz = await checkReadyz(this.api);
    if (readyz) problems.push(readyz);
    const nodes = await checkNodesReady(
      this.api,
      opts.expectedNodes,
      opts.goneNodes,
      opts.nodesTimeoutMs,
    );
    problems.push(...nodes.problems.map((p) => `node ${p}`));

    const beforeFault = this.beforeFault ?? this.atBackup;
    const expected = expectedAfterRestore(this.atBackup, beforeFault, opts.afterBackup);
    const now = await readObjects(this.api, this.objects.runId).catch((e: Error) => {
      problems.push(`the objects could not be read back: ${e.message}`);
      return new Map();
    });
    const cmp = compareObjects(expected, now);
    problems.push(...objectProblems(cmp, opts.afterBackup));

    // A change after the restore: the watch must deliver it (so it has reconnected), and
    // then hold nothing the API lacks.
    const ns = this.objects.watchedNamespace;
    const markerName = `made-after-restore-${++this.markers}`;
    const marker = await kubectl(
      this.api,
      ['create', 'configmap', markerName, '-n', ns, '--from-literal', 'at=after-restore'],
      { allowFailure: true },
    );
    if (marker.code !== 0) {
      problems.push(`the watch check could not create its ConfigMap: ${marker.stderr.trim()}`);
    }
    await watchCaughtUp(this.api, this.watch, ns, (c) => c.has(markerName), 90_000);
    const truth = await listedConfigMaps(this.api, ns).catch(() => new Map());
    const verdict = judgeWatch(
      this.watch.log,
      this.watch.cache,
      truth,
      opts.revisionBump ?? { restores: 0, bumped: false },
    );
    if (!verdict.passed) problems.push(verdict.detail);
    this.progress.debug(
      `watch: ${verdict.detail}; ${this.watch.log.events} events, ${this.watch.log.errorCount} errors (${this.watch.log.errors.slice(0, 3).join(' | ')})`,
    );
    return {
      objectsAtBackup: this.atBackup.size,
      changedAfterBackup: changedAfterBackup(this.atBackup, beforeFault).length,
      afterBackup: opts.afterBackup,
      objectsVerified: cmp.verified.length,
      objectsLost: cmp.missing.length + cmp.changed.length,
      objectsExtra: cmp.extra.length,
      readyz: readyz ? 'failed' : 'ok',
      nodesReady: nodes.ready,
      nodesExpected: nodes.expected,
      watch: verdict.outcome,
      watchPassed: verdict.passed,
      watchDetail: verdict.detail,
      problems,
    };
  }

  async stop(): Promise<void> {
    await this.watch.stop();
  }
}
