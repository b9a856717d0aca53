import type { Plan, Step } from '../src/recovery/plan.js';

/** Whether two plans are the same recovery, step for step, and where they are not. */
export interface PlanComparison {
  match: boolean;
  /** Every difference, in a person's words (empty when they match). */
  differences: string[];
  /** Steps compared (the longer plan's count). */
  steps: number;
}

/**
 * What a step is, addresses and paths aside: host, action, the member it acts on and where
 * its snapshot or certificates come from. Addresses differ between production and the replica
 * by construction; staging paths and timestamps differ by run.
 */
export function stepSignature(s: Step, backupLabel: (location: string) => string): string {
  const base = `${s.node}: ${s.action}`;
  switch (s.action) {
    case 'member-remove':
    case 'member-add':
    case 'restore-snapshot':
      return `${base} ${s.params.member}`;
    case 'fetch-snapshot': {
      const f = s.params.from;
      return `${base} from ${f.kind === 'node' ? `node ${f.node}` : `${backupLabel(f.location)}: ${f.object.replace(/\..*$/, '')}`}`;
    }
    case 'restore-certs': {
      const f = s.params.from;
      return `${base} from ${f.kind === 'peer' ? `peer ${f.node}` : `${backupLabel(f.location)}: ${f.object.replace(/\..*$/, '')}`}`;
    }
    case 'delete-node':
      return `${base} ${s.params.nodeName}`;
    case 'verify':
      return `${base} ${s.params.expectMembers} members`;
    default:
      return base;
  }
}

function sourceOf(p: Plan, backupLabel: (location: string) => string): string {
  const s = p.source;
  if (s.kind === 'survivor') return `survivor ${s.node} (${s.member})`;
  if (s.kind === 'backup') return backupLabel(s.location);
  return 'none';
}

/**
 * Compares the plan production would get with the one the replica ran: case, strategy,
 * snapshot source and every step's signature in order. `sameSet` lists the backup locations
 * that stand for one set (the user's and the replica's own copy of it): all read "the backup".
 */
export function comparePlans(
  production: Plan,
  replica: Plan,
  opts: { sameSet: readonly string[] },
): PlanComparison {
  const differences: string[] = [];
  const label = (loc: string) => (opts.sameSet.includes(loc) ? 'the backup' : `backup ${loc}`);
  if (production.case !== replica.case) {
    differences.push(`case: production ${production.case}, replica ${replica.case}`);
  }
  if (production.strategy !== replica.strategy) {
    differences.push(`strategy: production ${production.strategy}, replica ${replica.strategy}`);
  }
  const ps = sourceOf(production, label);
  const rs = sourceOf(replica, label);
  if (ps !== rs) differences.push(`snapshot source: production ${ps}, replica ${rs}`);
  const n = Math.max(production.steps.length, replica.steps.length);
  for (let i = 0; i < n; i++) {
    const a = production.steps[i] ? stepSignature(production.steps[i], label) : 'no step';
    const b = replica.steps[i] ? stepSignature(replica.steps[i], label) : 'no step';
    if (a !== b) differences.push(`step ${i + 1}: production ${a}, replica ${b}`);
  }
  return { match: differences.length === 0, differences, steps: n };
}
