import type { Execution } from '../recovery/execute.js';
import type { Plan, Step } from '../recovery/plan.js';
import type { Verification } from '../recovery/verify.js';

/** Markdown for people and the job summary: the plan, what ran, and the proof. */

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function paramsText(step: Step): string {
  const p = step.params as Record<string, unknown>;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    if (k === 'set' && v && typeof v === 'object') {
      parts.push(
        Object.entries(v as Record<string, string>)
          .map(([ek, ev]) => `${ek}=${ev}`)
          .join(' '),
      );
    } else if (Array.isArray(v)) {
      parts.push(
        `${k}: ${v.map((x) => (x && typeof x === 'object' && 'name' in x ? String(x.name) : String(x))).join(', ')}`,
      );
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      parts.push(
        `${k}: ${o.kind === 'node' ? `${o.node}:${o.path}` : o.kind === 'peer' ? `peer ${o.node}` : o.kind === 'backup' ? String(o.object) : JSON.stringify(v)}`,
      );
    } else {
      parts.push(`${k}: ${String(v)}`);
    }
  }
  return parts.join(', ');
}

function sourceText(plan: Plan): string {
  const s = plan.source;
  if (s.kind === 'survivor') {
    return `fresh snapshot from survivor ${s.node} (${s.member}, raft index ${s.raftIndex})`;
  }
  if (s.kind === 'backup') return `backup set ${s.location} (revision ${s.revision})`;
  return 'none (no snapshot is restored)';
}

export function renderPlanMarkdown(plan: Plan): string {
  const lines = [
    `### Recovery plan for \`${plan.cluster}\`: ${plan.case}`,
    '',
    `- Strategy: **${plan.strategy}**; snapshot source: ${sourceText(plan)}`,
    `- Broken etcd members: ${plan.brokenEtcd.join(', ') || 'none'}; broken control-plane nodes: ${plan.brokenControlPlane.join(', ') || 'none'} (from the ${plan.brokenFrom})`,
    ...Object.entries(plan.brokenWhy ?? {}).map(([host, why]) => `  - ${host}: ${why}`),
    ...(plan.removedHosts?.length
      ? [`- Removed for good (not re-added): ${plan.removedHosts.join(', ')}`]
      : []),
    `- Layout: ${plan.layout}; planned ${plan.createdAt}`,
    '',
  ];
  if (plan.warnings.length > 0) {
    lines.push(...plan.warnings.map((w) => `> ⚠️ ${w}`), '');
  }
  lines.push(
    '| Step | Node | Action | Parameters | Why | Undo |',
    '|---|---|---|---|---|---|',
    ...plan.steps.map(
      (s) =>
        `| ${s.id}${s.group ? ` ⇉${s.group}` : ''}${s.lane ? ` ∥${s.lane}` : ''} | ${s.node} | ${s.destructive ? '**' : ''}${s.action}${s.destructive ? '**' : ''} | ${cell(paramsText(s))} | ${cell(s.reason)} | ${cell(s.undo)} |`,
    ),
    '',
    '**Bold** actions change data or membership (what they replace is moved aside, never deleted); no completed step runs again on resume; ⇉ marks steps that run together, ∥ a step that runs beside its node’s other steps of the group.',
    '',
  );
  return lines.join('\n');
}

/** The plan file's hash as people compare it: the plan job's summary, the restore job's, sha256sum. */
export function renderPlanHash(sha256: string | undefined, path?: string): string {
  if (!sha256) return '';
  return `\nPlan file sha256 \`${sha256}\`${path ? `, written to \`${path}\`` : ''}: restore --plan runs exactly this plan.\n`;
}

export function renderExecutionMarkdown(execution: Execution): string {
  const lines = [
    `### Executed plan ${execution.planHash}${execution.resumed ? ' (resumed)' : ''} in ${(execution.ms / 1000).toFixed(1)} s`,
    '',
    '| Step | Node | Status | Time | Detail |',
    '|---|---|---|---|---|',
    ...execution.steps.map(
      (s) =>
        `| ${s.id} | ${s.node} | ${s.status} | ${(s.ms / 1000).toFixed(1)} s | ${cell(s.error ?? s.detail ?? '')} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export function renderVerificationMarkdown(v: Verification): string {
  const mark = { passed: '✅', failed: '❌', skipped: '➖' } as const;
  return [
    `### Verification: ${v.ok ? 'passed' : 'FAILED'}`,
    '',
    '| Check | Result | Expected | Actual | Detail |',
    '|---|---|---|---|---|',
    ...v.checks.map(
      (c) =>
        `| ${c.name} | ${mark[c.status]} ${c.status} | ${cell(c.expected ?? '')} | ${cell(c.actual ?? '')} | ${cell(c.detail)} |`,
    ),
    '',
  ].join('\n');
}
