import { describe, expect, it } from 'vitest';
import {
  type RehearsalReport,
  revisionBumpOf,
  type ScenarioReport,
} from '../../../harness/rehearsal.js';
import type { Step } from '../../../src/recovery/plan.js';
import { renderRehearsalMarkdown } from '../../../src/report/rehearsal.js';
import { memberLossPlan } from '../recovery/fixtures.js';

const restoreStep = (
  node: string,
  bump?: { bumpRevision: number; markCompacted: boolean },
): Step => ({
  id: `10-restore-snapshot-${node}`,
  node,
  action: 'restore-snapshot',
  params: {
    snapshot: '/var/tmp/kube-rescue.db',
    dataDir: '/var/lib/etcd',
    member: `etcd-${node}`,
    peerURL: `https://${node}:2380`,
    initialCluster: 'etcd1=https://node1:2380',
    initialClusterToken: 'cluster.local-restore',
    ...bump,
  },
  reason: 'restore the snapshot',
  undo: 'move the data dir back',
  destructive: true,
});

const SKIP_NOTE =
  'etcd tools 3.4.23 cannot --bump-revision/--mark-compacted (they came in 3.5): the revision is not bumped, so …';

describe('the revision bump in a rehearsal report', () => {
  it('is read from the restore-snapshot steps of the plan that ran, and from its note when skipped', () => {
    const bump = { bumpRevision: 1_000_000_000, markCompacted: true };
    expect(
      revisionBumpOf({
        steps: [restoreStep('node1', bump), restoreStep('node2', bump)],
        warnings: [],
      }),
    ).toEqual({ restores: 2, bumped: true, by: 1_000_000_000, markCompacted: true });
    expect(
      revisionBumpOf({ steps: [restoreStep('node1')], warnings: ['other', SKIP_NOTE] }),
    ).toEqual({ restores: 1, bumped: false, skipped: SKIP_NOTE });
    expect(
      revisionBumpOf({ steps: [restoreStep('node1'), restoreStep('node2', bump)], warnings: [] }),
    ).toMatchObject({ bumped: false, skipped: expect.stringMatching(/^1 of 2 snapshot restores/) });
    expect(revisionBumpOf(memberLossPlan())).toEqual({ restores: 0, bumped: false });
  });

  it('is a column of the table, with the etcd version in the heading and the reason for a skip below', () => {
    const scenario = (
      name: ScenarioReport['scenario'],
      extra: Partial<ScenarioReport>,
    ): ScenarioReport => ({
      scenario: name,
      result: 'passed',
      provider: 'local',
      topology: 'stacked3',
      fault: '…',
      rtoSeconds: 10,
      keysAtBackup: 2000,
      keysAfterRestore: 2050,
      keysLost: 0,
      writesAfterBackup: 50,
      writesLost: 0,
      planCase: 'quorum-loss',
      etcdServerVersion: '3.6.16',
      durationSeconds: 40,
      ...extra,
    });
    const report: RehearsalReport = {
      tool: 'kube-rescue',
      startedAt: '2026-12-01T20:00:00.000Z',
      provider: 'local',
      etcdVersion: '3.6',
      keys: 2000,
      ok: true,
      scenarios: [
        scenario('quorum-loss', {
          revisionBump: { restores: 3, bumped: true, by: 1_000_000_000, markCompacted: true },
        }),
        scenario('member-loss', {
          planCase: 'member-loss',
          revisionBump: { restores: 0, bumped: false },
        }),
        scenario('total-loss', {
          planCase: 'total-loss',
          revisionBump: { restores: 3, bumped: false, skipped: SKIP_NOTE },
        }),
      ],
    };
    const md = renderRehearsalMarkdown(report);
    expect(md).toContain(
      'Rehearsal on the `local` provider, etcd 3.6 (members ran 3.6.16), 2000 keys',
    );
    expect(md).toContain('| plan | revision bump |');
    expect(md).toContain('| quorum-loss | +1,000,000,000, marked compacted |');
    expect(md).toContain('| member-loss | no snapshot restored |');
    expect(md).toContain('| total-loss | not bumped |');
    expect(md).toContain(`- **total-loss**: revision not bumped: ${SKIP_NOTE}`);
  });
});

describe('the Kubernetes checks in the rehearsal table', () => {
  const base: ScenarioReport = {
    scenario: 'member-loss',
    result: 'passed',
    provider: 'kubeadm',
    topology: 'stacked3-worker',
    fault: '…',
    rtoSeconds: 30,
    keysAtBackup: 300,
    keysAfterRestore: 360,
    keysLost: 0,
    writesAfterBackup: 60,
    writesLost: 0,
    planCase: 'member-loss',
    revisionBump: { restores: 0, bumped: false },
    durationSeconds: 300,
  };
  const k8s = {
    objectsAtBackup: 18,
    changedAfterBackup: 5,
    afterBackup: 'kept' as const,
    objectsVerified: 17,
    objectsLost: 0,
    objectsExtra: 0,
    readyz: 'ok' as const,
    nodesReady: 4,
    nodesExpected: 4,
    watch: 'resumed' as const,
    watchPassed: true,
    watchDetail: '…',
    problems: [],
  };
  const report = (
    provider: RehearsalReport['provider'],
    scenarios: ScenarioReport[],
  ): RehearsalReport => ({
    tool: 'kube-rescue',
    startedAt: '2026-12-01T23:00:00.000Z',
    provider,
    etcdVersion: '3.6',
    keys: 300,
    ok: scenarios.every((s) => s.result === 'passed'),
    scenarios,
  });

  it('shows objects verified / lost, readyz, nodes Ready and the watch on a provider with an API', () => {
    const md = renderRehearsalMarkdown(
      report('kubeadm', [
        { ...base, kubernetes: k8s },
        {
          ...base,
          scenario: 'total-loss',
          result: 'failed',
          kubernetes: {
            ...k8s,
            afterBackup: 'lost',
            objectsVerified: 16,
            objectsLost: 1,
            objectsExtra: 2,
            nodesReady: 3,
            watch: 'stale',
            watchPassed: false,
            problems: ['x'],
          },
        },
      ]),
    );
    expect(md).toContain('| k8s objects verified / lost | readyz | nodes Ready | watch |');
    expect(md).toContain("etcd 3.6 in kubeadm's static pods");
    expect(md).toMatch(
      /\| member-loss \|[^\n]*\| no snapshot restored \| 17 \/ 0 \| ok \| 4\/4 \| resumed \|/,
    );
    expect(md).toMatch(
      /\| total-loss \|[^\n]*\| ❌ 16 \/ 1 \(\+2 extra\) \| ok \| ❌ 3\/4 \| ❌ stale \|/,
    );
  });

  it('says n/a on the local provider, which has no API server', () => {
    const md = renderRehearsalMarkdown(report('local', [{ ...base, provider: 'local' }]));
    expect(md).toMatch(/\| no snapshot restored \| n\/a \| n\/a \| n\/a \| n\/a \|/);
    expect(md).not.toContain('checked through the API');
  });
});
