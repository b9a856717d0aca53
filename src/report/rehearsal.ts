import type { RehearsalReport, RevisionBump } from '../../harness/rehearsal.js';

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

/** The rehearsal's results table, in Markdown (job summary; readable in a terminal too). */
export function renderRehearsalMarkdown(report: RehearsalReport): string {
  const rows = report.scenarios.map(
    (s) =>
      `| ${s.scenario} | ${s.result === 'passed' ? '✅ passed' : '❌ failed'} | ${cell(s.rtoSeconds)}${s.rtoSeconds === undefined ? '' : ' s'} | ${cell(s.keysAtBackup)} | ${cell(s.keysAfterRestore)} | ${cell(s.keysLost)} | ${s.writesLost === undefined ? '–' : `${s.writesLost} of ${s.writesAfterBackup}`} | ${cell(s.planCase)} | ${bumpCell(s.revisionBump)} |`,
  );
  const skipped = report.scenarios
    .filter((s) => s.revisionBump?.skipped)
    .map((s) => `- **${s.scenario}**: revision not bumped: ${s.revisionBump!.skipped}`);
  const versions = [
    ...new Set(report.scenarios.map((s) => s.etcdServerVersion).filter(Boolean)),
  ].join(', ');
  const failures = report.scenarios
    .filter((s) => s.result === 'failed')
    .map((s) => `- **${s.scenario}**: ${s.error ?? 'failed'}`);
  return [
    `Rehearsal on the \`${report.provider}\` provider, ${report.provider === 'kind' ? "the etcd of kind's node image" : `etcd ${report.etcdVersion}`}${versions ? ` (members ran ${versions})` : ''}, ${report.keys} keys seeded, started ${report.startedAt}: ${report.ok ? 'every scenario recovered.' : 'SOME SCENARIOS FAILED.'}`,
    '',
    '| scenario | result | RTO | keys at backup | keys after restore | backup keys lost | writes after backup lost (RPO) | plan | revision bump |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(skipped.length ? ['', ...skipped] : []),
    ...(failures.length ? ['', ...failures] : []),
    '',
  ].join('\n');
}
