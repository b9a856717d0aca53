import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import type { TreeMeasurement } from '../../../bench/measure-tree.js';
import {
  memberLossAnchor,
  quorumLossAnchor,
  totalLossAnchor,
} from '../../../bench/recovery-anchor.js';
import {
  type CaseResult,
  median,
  medianVerdict,
  parseCases,
  recoveryReport,
  runQualifies,
  type SideResult,
  verdictOf,
  verdictText,
} from '../../../bench/recovery-report.js';

const m = (wallS: number, cpu = 1): TreeMeasurement => ({
  wallMs: wallS * 1000,
  userS: cpu * 0.75,
  sysS: cpu * 0.25,
  peakAnonMb: 50,
  serverCpuS: 2,
});
const quiet = (wallS: number, cpu?: number): SideResult => ({
  measurement: m(wallS, cpu),
  load: { before: 0.4, after: 1.3, qualifying: true },
  checked: '3 members healthy',
});
const busy = (wallS: number): SideResult => ({
  measurement: m(wallS),
  load: { before: 6.2, after: 7, qualifying: false },
});

describe('the recovery verdict', () => {
  it('meets a goal only at or under its ratio, on wall time', () => {
    const met: CaseResult = { case: 'member', ours: quiet(2.4, 3), anchor: quiet(3.2, 1) };
    expect(verdictOf(met)).toEqual({ kind: 'met', wallRatio: 0.75, cpuRatio: 3 });
    const missed: CaseResult = { case: 'quorum', ours: quiet(6), anchor: quiet(13.9) };
    expect(verdictOf(missed).kind).toBe('not met');
    expect(verdictText(missed)).toMatch(/wall 0\.43×.*goal ≤ 0\.4×.*not met/);
    const total: CaseResult = { case: 'total', ours: quiet(6), anchor: quiet(5) };
    expect(verdictOf(total).kind).toBe('met');
  });

  it('gives no verdict from a loaded machine, even when the ratio looks good', () => {
    const r: CaseResult = { case: 'member', ours: quiet(1), anchor: busy(4) };
    const v = verdictOf(r);
    expect(v).toMatchObject({ kind: 'not qualifying', wallRatio: 0.25, load: 6.2 });
    expect(verdictText(r)).toMatch(/NOT QUALIFYING \(load 6\.20\)/);
    expect(runQualifies([r])).toBe(false);
    expect(runQualifies([{ case: 'member', ours: quiet(1), anchor: quiet(2) }])).toBe(true);
    expect(runQualifies([])).toBe(false);
  });

  it('gives no ratio when either side failed or its check after it did', () => {
    const r: CaseResult = {
      case: 'total',
      ours: { load: { before: 0.2, qualifying: true }, error: 'restore exited 1' },
      anchor: quiet(5),
    };
    expect(verdictOf(r)).toEqual({ kind: 'no verdict', why: 'ours failed: restore exited 1' });
    const lines = recoveryReport([r], 'header');
    expect(lines.join('\n')).toMatch(/failed \(restore exited 1\).*no verdict/);
  });

  it('prints both times, both CPU figures, the loads, and whether the run qualifies', () => {
    const lines = recoveryReport(
      [{ case: 'member', ours: quiet(2, 1.5), anchor: busy(4) }],
      'header line',
    );
    expect(lines[0]).toBe('header line');
    expect(lines[1]).toMatch(/^NOT QUALIFYING/);
    const row = lines.find((l) => l.startsWith('| member loss'))!;
    expect(row).toContain('2.00 s, cpu 1.50 s (+ nodes 2.00 s)');
    expect(row).toContain('4.00 s, cpu 1.00 s (+ nodes 2.00 s)');
    expect(row).toContain('0.40 → 1.30; 6.20 → 7.00');
  });

  it('judges several runs on the medians of each side, not on one election draw', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(/no values/);
    // One long start of ours (9 s) among three: the median ratio is 6/3, not 9/3 or 4/3.
    const runs: CaseResult[] = [
      { case: 'total', ours: quiet(9, 2), anchor: quiet(3, 1) },
      { case: 'total', ours: quiet(6, 2), anchor: quiet(2.5, 1) },
      { case: 'total', ours: quiet(4, 4), anchor: quiet(3, 2) },
    ];
    expect(medianVerdict(runs)).toEqual({ kind: 'not met', wallRatio: 2, cpuRatio: 2 });
    const met = runs.map((r) => ({ ...r, anchor: quiet(6) }));
    expect(medianVerdict(met).kind).toBe('met');
    // One run of one side that started loaded: the case is not qualifying, its ratio shown.
    const loaded = [...runs.slice(0, 2), { ...runs[2]!, anchor: busy(3) }];
    expect(medianVerdict(loaded)).toMatchObject({
      kind: 'not qualifying',
      wallRatio: 2,
      load: 6.2,
    });
    // A failed run is never left out to make a median.
    const failed = [
      ...runs.slice(0, 2),
      { ...runs[2]!, ours: { load: { before: 0.2, qualifying: true }, error: 'exit 1' } },
    ];
    expect(medianVerdict(failed)).toEqual({
      kind: 'no verdict',
      why: 'run 3: ours failed: exit 1',
    });
    expect(medianVerdict([])).toEqual({ kind: 'no verdict', why: 'no run' });
  });

  it('prints each run, then the median row that carries the verdict', () => {
    const lines = recoveryReport(
      [
        { case: 'total', ours: quiet(9, 2), anchor: quiet(3, 1) },
        { case: 'member', ours: quiet(1), anchor: quiet(4) },
        { case: 'total', ours: quiet(6, 2), anchor: quiet(2.5, 1) },
        { case: 'total', ours: quiet(4, 4), anchor: quiet(3, 2) },
      ],
      'header',
    );
    const rows = lines.filter((l) => l.startsWith('| '));
    expect(rows.slice(2).map((l) => l.split(' | ')[0])).toEqual([
      '| member loss (1 of 3 re-provisioned blank)',
      '| total loss (3 of 3 re-provisioned blank), from a backup, run 1',
      '| total loss (3 of 3 re-provisioned blank), from a backup, run 2',
      '| total loss (3 of 3 re-provisioned blank), from a backup, run 3',
      '| **total loss (3 of 3 re-provisioned blank), from a backup: median of 3**',
    ]);
    const medianRow = rows.at(-1)!;
    expect(medianRow).toContain('| 6.00 s, cpu 2.00 s (+ nodes 2.00 s) | 3.00 s, cpu 1.00 s');
    expect(medianRow).toMatch(/wall 2\.00×, cpu 2\.00× \(goal ≤ 1\.2×\): \*\*not met\*\*/);
    // A single run needs no median row.
    expect(rows.filter((l) => l.includes('member loss'))).toHaveLength(1);
  });

  it('takes the cases by name and refuses others', () => {
    expect(parseCases('total,member')).toEqual(['member', 'total']);
    expect(() => parseCases('member,everything')).toThrow(/not "everything"/);
  });
});

describe('the anchors', () => {
  const ctx = {
    members: [
      { host: 'node1', ip: '10.0.0.11', member: 'etcd1' },
      { host: 'node2', ip: '10.0.0.12', member: 'etcd2' },
      { host: 'node3', ip: '10.0.0.13', member: 'etcd3' },
    ],
    sshKey: '/k',
    knownHosts: '/kh',
    socketDir: '/s',
    snapshotTool: 'etcdutl' as const,
    envOf: (host: string, ic: string, state: string) => `ENV ${host} ${state} ${ic}`,
    unit: 'UNIT',
    hostTls: { cacert: '/ca', cert: '/c', key: '/k' },
  };
  /** Every step is in the script, in this order. */
  const expectInOrder = (script: string, steps: string[]) => {
    const at = steps.map((s) => {
      const i = script.indexOf(s);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    });
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  };

  it("member loss follows Kubespray's order: remove, certificates and env, add, start, wait", () => {
    const s = memberLossAnchor(ctx, 'node3');
    expectInOrder(s, [
      'endpoint health',
      'member remove',
      'tar -C / -cf -',
      'ENV node3 existing etcd1=https://10.0.0.11:2380,etcd2=https://10.0.0.12:2380,etcd3=https://10.0.0.13:2380',
      'member add etcd3 --peer-urls=https://10.0.0.13:2380',
      'systemctl start etcd',
      'retry 600 healthy',
    ]);
  });

  it('quorum loss restores one member, then grows back one at a time', () => {
    const s = quorumLossAnchor(ctx, 'node1');
    expectInOrder(s, [
      'snapshot save /tmp/snapshot.db',
      'etcdutl snapshot restore /tmp/snapshot.db --name etcd1 --initial-cluster etcd1=https://10.0.0.11:2380',
      '"etcdcluster"',
      'ENV node2 existing etcd1=https://10.0.0.11:2380,etcd2=https://10.0.0.12:2380',
      'member add etcd2',
      'ENV node3 existing etcd1=https://10.0.0.11:2380,etcd2=https://10.0.0.12:2380,etcd3=',
      'member add etcd3',
    ]);
  });

  it('are scripts bash can parse', () => {
    for (const script of [
      memberLossAnchor(ctx, 'node3'),
      quorumLossAnchor(ctx, 'node1'),
      totalLossAnchor(ctx, { snapshot: '/b/etcd.db', archiveOf: (h) => `/b/${h}-pki.tar` }),
    ]) {
      const r = spawnSync('bash', ['-n', '-c', script], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });
});
