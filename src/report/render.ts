import type { DressRehearsalReport } from '../../harness/dress-rehearsal.js';
import type { RehearsalReport } from '../../harness/rehearsal.js';
import type { BackupResult } from '../commands/backup.js';
import type { ListedSet } from '../commands/list.js';
import type { PlanResult } from '../commands/plan.js';
import type { RestoreResult } from '../commands/restore.js';
import type { VerifyResult } from '../commands/verify.js';
import { renderBackupMarkdown, renderListMarkdown, renderVerifyMarkdown } from './backup.js';
import { renderDressRehearsalMarkdown } from './dress-rehearsal.js';
import {
  renderExecutionMarkdown,
  renderPlanHash,
  renderPlanMarkdown,
  renderVerificationMarkdown,
} from './plan.js';
import { renderRehearsalMarkdown } from './rehearsal.js';

/** Human output for the CLI's stdout; each command's result gets a readable form. */
export function renderHuman(command: string, result: unknown): string {
  const renderer = renderers[command];
  if (renderer) return renderer(result);
  return `${JSON.stringify(result, null, 2)}\n`;
}

/** Command name → how its result reads for people. Commands without one print JSON. */
const renderers: Record<string, (result: unknown) => string> = {
  inventory: (result) => {
    const r = result as { output?: string; text: string };
    return r.output === undefined ? r.text : `wrote ${r.output}\n`;
  },
  backup: (result) => renderBackupMarkdown(result as BackupResult),
  list: (result) => renderListMarkdown(result as ListedSet[]),
  verify: (result) => renderVerifyMarkdown(result as VerifyResult),
  rehearse: (result) =>
    (result as { kind?: string }).kind === 'dress-rehearsal'
      ? renderDressRehearsalMarkdown(result as DressRehearsalReport)
      : renderRehearsalMarkdown(result as RehearsalReport),
  plan: (result) => {
    const { plan, preflight, planSha256, planFilePath } = result as PlanResult;
    const hash = renderPlanHash(planSha256, planFilePath);
    if (!preflight) return `${renderPlanMarkdown(plan)}${hash}`;
    const objects = preflight.objects.map(
      (o) =>
        `- ${o.name}: present, ${o.bytes} bytes${o.encrypted ? ', opens with the identity given' : ''}`,
    );
    return `${renderPlanMarkdown(plan)}\nBackup checked before any change: ${preflight.signatureText}.\n${objects.join('\n')}${objects.length ? '\n' : ''}${hash}`;
  },
  restore: (result) => {
    const r = result as RestoreResult;
    return [
      r.planSha256 ? `Plan file sha256 \`${r.planSha256}\` (the plan that ran).\n` : '',
      renderExecutionMarkdown(r.execution),
      r.verification ? renderVerificationMarkdown(r.verification) : '',
      `Recovered in ${r.rtoSeconds.toFixed(1)} s (RTO, measured from the start of the command).\n`,
    ].join('\n');
  },
};
