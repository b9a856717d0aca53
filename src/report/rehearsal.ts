import type { KubernetesCheckReport } from '../../harness/k8s-checks.js';
import type { RehearsalReport, RevisionBump, ScenarioReport } from '../../harness/rehearsal.js';

const cell = (v: number | string | undefined) => (v === undefined ? '–' : String(v));

/** The revision-bump cell: by how much, or that it was skipped (the reason goes below the table). */
function bumpCell(b: RevisionBump | undefined): string {
  if (!b) return '–';
  if (b.restores === 0) return 'no snapshot restored';
  if (b.bumped) {
    return `+${b.by?.toLocaleString('en-US')}${b.markCompacted ? ', marked compacted' : ''}`;
  }
  return 'not bumped';
}

/**
 * The Kubernetes checks' cells: objects verified / lost (and extra), /readyz, nodes Ready,
 * the watch. `n/a` where the provider has no API server (local); `–` where a scenario
 * failed before they ran.
 */
function kubernetesCells(s: ScenarioReport, hasApi: boolean): string[] {
  if (!hasApi) return ['n/a', 'n/a', 'n/a', 'n/a'];
  const k: KubernetesCheckReport | undefined = s.kubernetes;
  if (!k) return ['–', '–', '–', '–'];
  const mark = (ok: boolean) => (ok ? '' : '❌ ');
  return [
    `${mark(k.objectsLost === 0 && k.objectsExtra === 0)}${k.objectsVerified} / ${k.objectsLost}${k.objectsExtra ? ` (+${k.objectsExtra} extra)` : ''}`,
    k.readyz === 'ok' ? 'ok' : '❌ failed',
    `${mark(k.nodesReady === k.nodesExpected)}${k.nodesReady}/${k.nodesExpected}`,
    `${mark(k.watchPassed)}${k.watch}`,
  ];
}

/** The rehearsal's results table, in Markdown (job summary; readable in a terminal too). */
export function renderRehearsalMarkdown(report: RehearsalReport): string {
  const hasApi = report.provider !== 'local';
  const rows = report.scenarios.map(
    (s) =>
      `| ${s.scenario} | ${s.result === 'passed' ? '✅ passed' : '❌ failed'} | ${cell(s.rtoSeconds)}${s.rtoSeconds === undefined ? '' : ' s'} | ${cell(s.keysAtBackup)} | ${cell(s.keysAfterRestore)} | ${cell(s.keysLost)} | ${s.writesLost === undefined ? '–' : `${s.writesLost} of ${s.writesAfterBackup}`} | ${cell(s.planCase)} | ${bumpCell(s.revisionBump)} | ${kubernetesCells(s, hasApi).join(' | ')} |`,
  );
  const skipped = report.scenarios
    .filter((s) => s.revisionBump?.skipped)
    .map((s) => `- **${s.scenario}**: revision not bumped: ${s.revisionBump!.skipped}`);
  const versions = [
    ...new Set(report.scenarios.map((s) => s.etcdServerVersion).filter(Boolean)),
  ].join(', ');
  const budget = report.scenarios
    .filter((s) => s.startupSeconds !== undefined)
    .map(
      (s) =>
        `- **${s.scenario}**: cluster started in ${s.startupSeconds} s${s.peakMemoryMiB ? `, peak memory of its nodes ${s.peakMemoryMiB} MiB` : ''}, scenario ${s.durationSeconds} s in all`,
    );
  const failures = report.scenarios
    .filter((s) => s.result === 'failed')
    .map((s) => `- **${s.scenario}**: ${s.error ?? 'failed'}`);
  return [
    `Rehearsal on the \`${report.provider}\` provider, ${report.provider === 'kind' ? "the etcd of kind's node image" : report.provider === 'kubeadm' ? `etcd ${report.etcdVersion} in kubeadm's static pods` : `etcd ${report.etcdVersion}`}${versions ? ` (members ran ${versions})` : ''}, ${report.keys} keys seeded, started ${report.startedAt}: ${report.ok ? 'every scenario recovered.' : 'SOME SCENARIOS FAILED.'}`,
    '',
    '| scenario | result | RTO | keys at backup | keys after restore | backup keys lost | writes after backup lost (RPO) | plan | revision bump | k8s objects verified / lost | readyz | nodes Ready | watch |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(hasApi
      ? [
          '',
          "Keys are the harness's own under `/registry/kube-rescue/` (Kubernetes rewrites its own keys all the time); Kubernetes objects are checked through the API: made before the backup, changed after it, read back after the restore (changes after the backup kept where a node kept its data, undone after a total loss), `/readyz`, every node Ready, and a watch held open across the fault.",
        ]
      : []),
    ...(budget.length ? ['', ...budget] : []),
    ...(skipped.length ? ['', ...skipped] : []),
    ...(failures.length ? ['', ...failures] : []),
    '',
  ].join('\n');
}
