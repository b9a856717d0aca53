import type { RehearsalReport } from '../../harness/rehearsal.js';

const cell = (v: number | string | undefined) => (v === undefined ? '–' : String(v));

/** The rehearsal's results table, in Markdown (job summary; readable in a terminal too). */
export function renderRehearsalMarkdown(report: RehearsalReport): string {
  const rows = report.scenarios.map(
    (s) =>
      `| ${s.scenario} | ${s.result === 'passed' ? '✅ passed' : '❌ failed'} | ${cell(s.rtoSeconds)}${s.rtoSeconds === undefined ? '' : ' s'} | ${cell(s.keysAtBackup)} | ${cell(s.keysAfterRestore)} | ${cell(s.keysLost)} | ${s.writesLost === undefined ? '–' : `${s.writesLost} of ${s.writesAfterBackup}`} | ${cell(s.planCase)} |`,
  );
  const failures = report.scenarios
    .filter((s) => s.result === 'failed')
    .map((s) => `- **${s.scenario}**: ${s.error ?? 'failed'}`);
  return [
    `Rehearsal on the \`${report.provider}\` provider, ${report.keys} keys seeded, started ${report.startedAt}: ${report.ok ? 'every scenario recovered.' : 'SOME SCENARIOS FAILED.'}`,
    '',
    '| scenario | result | RTO | keys at backup | keys after restore | backup keys lost | writes after backup lost (RPO) | plan |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    ...(failures.length ? ['', ...failures] : []),
    '',
  ].join('\n');
}
