import { parseSetName } from './set-name.js';

/** How many sets to keep. Unset counts keep nothing by that rule; no rule at all keeps all. */
export interface RetentionPolicy {
  /** The newest N sets. */
  keep?: number;
  /** The newest set of each of the last N hours (UTC) that have one. */
  keepHourly?: number;
  keepDaily?: number;
  /** ISO weeks. */
  keepWeekly?: number;
}

export interface RetentionCandidate {
  name: string;
  /** The set carries a kube-rescue manifest (read and parsed). */
  ours: boolean;
  /** Its manifest validated and its checks passed when it was written. */
  verified: boolean;
}

export interface RetentionDecision {
  /** Sets to keep, each with why (`keep 3`, `daily 2026-11-21`, `newest verified`). */
  keep: { name: string; reasons: string[] }[];
  /** Sets to remove, oldest first. */
  remove: string[];
  /** Sets that are not ours (other names, other clusters, no manifest): never touched. */
  untouched: string[];
}

export function hasRetention(p: RetentionPolicy): boolean {
  return Boolean(p.keep || p.keepHourly || p.keepDaily || p.keepWeekly);
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

const BUCKETS: { rule: keyof RetentionPolicy; label: string; of: (d: Date) => string }[] = [
  { rule: 'keepHourly', label: 'hourly', of: (d) => d.toISOString().slice(0, 13) },
  { rule: 'keepDaily', label: 'daily', of: (d) => d.toISOString().slice(0, 10) },
  { rule: 'keepWeekly', label: 'weekly', of: isoWeek },
];

/**
 * Which sets of `cluster` to remove under `policy`. Pure: decides from names and flags only.
 * Only sets named `<cluster>-<yyyymmddThhmmssZ>` that carry our manifest are candidates;
 * the newest verified set is always kept, whatever the policy says.
 */
export function planRetention(
  sets: readonly RetentionCandidate[],
  policy: RetentionPolicy,
  cluster: string,
): RetentionDecision {
  const untouched: string[] = [];
  const ours: { name: string; created: Date; verified: boolean }[] = [];
  for (const s of sets) {
    const parsed = parseSetName(s.name);
    if (!parsed || parsed.cluster !== cluster || !s.ours) untouched.push(s.name);
    else ours.push({ name: s.name, created: parsed.created, verified: s.verified });
  }
  // Newest first for the rules.
  ours.sort((a, b) => b.created.getTime() - a.created.getTime() || b.name.localeCompare(a.name));
  const reasons = new Map<string, string[]>();
  const mark = (name: string, why: string) =>
    reasons.set(name, [...(reasons.get(name) ?? []), why]);

  if (!hasRetention(policy)) {
    for (const s of ours) mark(s.name, 'no retention policy');
  } else {
    if (policy.keep)
      for (const s of ours.slice(0, policy.keep)) mark(s.name, `keep ${policy.keep}`);
    for (const { rule, label, of } of BUCKETS) {
      const n = policy[rule];
      if (!n) continue;
      const seen = new Set<string>();
      for (const s of ours) {
        const bucket = of(s.created);
        if (seen.has(bucket)) continue;
        if (seen.size >= n) break;
        seen.add(bucket);
        mark(s.name, `${label} ${bucket}`);
      }
    }
  }
  const newestVerified = ours.find((s) => s.verified);
  if (newestVerified) mark(newestVerified.name, 'newest verified');

  const keep = ours
    .filter((s) => reasons.has(s.name))
    .map((s) => ({ name: s.name, reasons: reasons.get(s.name)! }));
  const remove = ours
    .filter((s) => !reasons.has(s.name))
    .map((s) => s.name)
    .reverse();
  return { keep, remove, untouched };
}
