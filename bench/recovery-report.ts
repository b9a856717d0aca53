/**
 * The pure half of the recovery bench (bench/recovery.ts): what each case's goal is, how a
 * pair of measurements becomes a ratio and a verdict, and the printed table. A verdict of
 * "met" or "not met" needs both sides to have recovered every key and to have started below
 * the quiet load; anything else says why it is no verdict.
 */
import { cpuS, type TreeMeasurement } from './measure-tree.js';
import { type LoadRecord, QUIET_LOAD } from './quiet.js';

export const RECOVERY_CASES = ['member', 'quorum', 'total'] as const;
export type RecoveryCase = (typeof RECOVERY_CASES)[number];

export interface CaseInfo {
  title: string;
  /** What the anchor is, as the table names it. */
  anchor: string;
  /** Ours' wall time over the anchor's must be at most this. */
  goal: number;
}

export const CASES: Record<RecoveryCase, CaseInfo> = {
  member: {
    title: 'member loss (1 of 3 re-provisioned blank)',
    anchor: "Kubespray's sequence over SSH (member remove, member add, join)",
    goal: 0.8,
  },
  quorum: {
    title: 'quorum loss (2 of 3 re-provisioned blank)',
    anchor: "Kubespray's sequence over SSH (snapshot, single-member restore, grow back)",
    goal: 0.4,
  },
  total: {
    title: 'total loss (3 of 3 re-provisioned blank), from a backup',
    anchor: 'bare etcdutl/etcdctl restore and start on every member over SSH',
    goal: 1.2,
  },
};

/** `member,quorum` → the cases, in the bench's order; an unknown name is refused. */
export function parseCases(text: string): RecoveryCase[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const n of names) {
    if (!(RECOVERY_CASES as readonly string[]).includes(n)) {
      throw new Error(`--cases takes ${RECOVERY_CASES.join(', ')} (comma-separated), not "${n}".`);
    }
  }
  if (names.length === 0)
    throw new Error(`--cases needs at least one of ${RECOVERY_CASES.join(', ')}.`);
  return RECOVERY_CASES.filter((c) => names.includes(c));
}

/** One side of a case: its measurement (absent when it failed), the load around it, the check after it. */
export interface SideResult {
  measurement?: TreeMeasurement;
  load: LoadRecord;
  /** Why the recovery did not count: it failed, or the keyspace or member list was wrong after it. */
  error?: string;
  /** What the check after it found, when it passed (keys and members). */
  checked?: string;
}

export interface CaseResult {
  case: RecoveryCase;
  ours: SideResult;
  anchor: SideResult;
}

export type Verdict =
  | { kind: 'met' | 'not met'; wallRatio: number; cpuRatio: number }
  | { kind: 'not qualifying'; wallRatio: number; cpuRatio: number; load: number }
  | { kind: 'no verdict'; why: string };

/**
 * The verdict on one case. The goal is on wall time; the CPU ratio (local process trees, the
 * figure that moves least with load) is printed beside it and decides nothing.
 */
export function verdictOf(r: CaseResult): Verdict {
  const failed = (['ours', 'anchor'] as const).filter((s) => r[s].error || !r[s].measurement);
  if (failed.length > 0) {
    return {
      kind: 'no verdict',
      why: failed
        .map(
          (s) => `${s === 'ours' ? 'ours' : 'the anchor'} failed: ${r[s].error ?? 'not measured'}`,
        )
        .join('; '),
    };
  }
  const ours = r.ours.measurement!;
  const anchor = r.anchor.measurement!;
  const wallRatio = ours.wallMs / anchor.wallMs;
  const cpuRatio = cpuS(anchor) > 0 ? cpuS(ours) / cpuS(anchor) : Number.POSITIVE_INFINITY;
  const busiest = Math.max(r.ours.load.before, r.anchor.load.before);
  if (!r.ours.load.qualifying || !r.anchor.load.qualifying) {
    return { kind: 'not qualifying', wallRatio, cpuRatio, load: busiest };
  }
  return { kind: wallRatio <= CASES[r.case].goal ? 'met' : 'not met', wallRatio, cpuRatio };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The verdict on several runs of one case (`--runs N`): the median wall time of ours over the
 * median of the anchor's, as one run's verdict is. Every run of both sides must have recovered
 * every key, and every measured stretch must have begun quiet; one failed run is no verdict,
 * not a run left out, and one loaded stretch makes the whole case not qualifying.
 */
export function medianVerdict(runs: readonly CaseResult[]): Verdict {
  if (runs.length === 0) return { kind: 'no verdict', why: 'no run' };
  const failed = runs.flatMap((r, i) => {
    const v = verdictOf(r);
    return v.kind === 'no verdict' ? [`run ${i + 1}: ${v.why}`] : [];
  });
  if (failed.length > 0) return { kind: 'no verdict', why: failed.join('; ') };
  const sides = (side: 'ours' | 'anchor') => runs.map((r) => r[side].measurement!);
  const wallRatio =
    median(sides('ours').map((x) => x.wallMs)) / median(sides('anchor').map((x) => x.wallMs));
  const anchorCpu = median(sides('anchor').map(cpuS));
  const cpuRatio =
    anchorCpu > 0 ? median(sides('ours').map(cpuS)) / anchorCpu : Number.POSITIVE_INFINITY;
  if (!runQualifies(runs)) {
    const load = Math.max(...runs.flatMap((r) => [r.ours.load.before, r.anchor.load.before]));
    return { kind: 'not qualifying', wallRatio, cpuRatio, load };
  }
  return { kind: wallRatio <= CASES[runs[0]!.case].goal ? 'met' : 'not met', wallRatio, cpuRatio };
}

/** A run qualifies only when every measured stretch began below the quiet load. */
export function runQualifies(results: readonly CaseResult[]): boolean {
  return (
    results.length > 0 && results.every((r) => r.ours.load.qualifying && r.anchor.load.qualifying)
  );
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function sideCell(side: SideResult): string {
  const m = side.measurement;
  if (!m || side.error) return `failed (${side.error ?? 'not measured'})`;
  return `${s(m.wallMs)}, cpu ${cpuS(m).toFixed(2)} s (+ nodes ${m.serverCpuS.toFixed(2)} s)`;
}

function loadCell(side: SideResult): string {
  const after = side.load.after === undefined ? '' : ` → ${side.load.after.toFixed(2)}`;
  return `${side.load.before.toFixed(2)}${after}`;
}

/** The median row under a case's runs: the figures its verdict is made of. */
function medianRow(runs: readonly CaseResult[]): string {
  const c = runs[0]!.case;
  const v = medianVerdict(runs);
  const cell = (side: 'ours' | 'anchor') => {
    const ms = runs.flatMap((r) =>
      r[side].measurement && !r[side].error ? [r[side].measurement!] : [],
    );
    if (ms.length < runs.length) return `${runs.length - ms.length} of ${runs.length} failed`;
    return `${s(median(ms.map((x) => x.wallMs)))}, cpu ${median(ms.map(cpuS)).toFixed(2)} s (+ nodes ${median(ms.map((x) => x.serverCpuS)).toFixed(2)} s)`;
  };
  return `| **${CASES[c].title}: median of ${runs.length}** | ${cell('ours')} | ${cell('anchor')} | | ${verdictText(runs[0]!, v)} |`;
}

export function verdictText(r: CaseResult, v: Verdict = verdictOf(r)): string {
  const goal = `≤ ${CASES[r.case].goal}×`;
  switch (v.kind) {
    case 'no verdict':
      return `no verdict (${v.why})`;
    case 'not qualifying':
      return `wall ${v.wallRatio.toFixed(2)}×, cpu ${v.cpuRatio.toFixed(2)}× (goal ${goal}): NOT QUALIFYING (load ${v.load.toFixed(2)})`;
    default:
      return `wall ${v.wallRatio.toFixed(2)}×, cpu ${v.cpuRatio.toFixed(2)}× (goal ${goal}): **${v.kind}**`;
  }
}

/** The printed report: a header, one markdown row per case, and what the figures count. */
export function recoveryReport(results: readonly CaseResult[], header: string): string[] {
  const qualifies = runQualifies(results);
  const lines = [
    header,
    qualifies
      ? `Every measured stretch began below a 1-min load of ${QUIET_LOAD}: this run qualifies.`
      : `NOT QUALIFYING: not every measured stretch began below a 1-min load of ${QUIET_LOAD} (--allow-load), so no goal is met or missed by this run.`,
    '',
    '| case | kube-rescue restore | anchor | load (ours; anchor) | ratio (goal) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const c of RECOVERY_CASES) {
    const runs = results.filter((r) => r.case === c);
    runs.forEach((r, i) => {
      const title = runs.length > 1 ? `${CASES[c].title}, run ${i + 1}` : CASES[c].title;
      lines.push(
        `| ${title} | ${sideCell(r.ours)} | ${CASES[c].anchor}: ${sideCell(r.anchor)} | ${loadCell(r.ours)}; ${loadCell(r.anchor)} | ${verdictText(r)} |`,
      );
    });
    if (runs.length > 1) lines.push(medianRow(runs));
  }
  lines.push(
    '',
    'wall: from the start of the command to its exit (ours: probe, plan, execute, verify; the anchor: its last step and a healthy cluster). With several runs, a case is judged on the median of each side (each a median of its own; the ratio is of the medians).',
    'cpu: user + sys of the local process tree (ours: node and what it starts; the anchor: bash, ssh, curl). + nodes: CPU the node containers used meanwhile (their cgroups: etcd, etcdctl/etcdutl, sshd, systemd, tar), the same accounting for both sides.',
  );
  for (const r of results) {
    for (const side of ['ours', 'anchor'] as const) {
      if (r[side].checked) lines.push(`checked after ${side} (${r.case}): ${r[side].checked}`);
    }
  }
  return lines;
}
