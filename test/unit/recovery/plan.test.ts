import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { kubeadmLayout, kubesprayLayout } from '../../../src/etcd/layout.js';
import {
  type BackupSummary,
  buildPlan,
  type ClusterState,
  deleteNodeArgv,
  type EtcdHostState,
  keptCopyOf,
  type PlanInventory,
  type PlanOptions,
} from '../../../src/recovery/plan.js';

const NOW = new Date('2026-11-22T01:02:03.456Z');
const TS = '20261122T010203Z';

function inventoryOf(
  hosts: string[],
  controlPlane: string[],
  broken?: { etcd?: string[]; cp?: string[] },
): PlanInventory {
  return {
    source: 'hosts.ini',
    etcd: hosts.map((host, i) => ({
      host,
      memberName: `etcd${i + 1}`,
      address: `10.0.0.${i + 1}`,
    })),
    controlPlane,
    brokenEtcd: broken?.etcd,
    brokenControlPlane: broken?.cp,
  };
}

const STACKED = ['node1', 'node2', 'node3'];
const RUNBOOK = ['taco-m1', 'taco-m2', 'taco-m3', 'taco-w1', 'taco-w2'];
const RUNBOOK_CP = ['taco-m1', 'taco-m2', 'taco-m3'];

/** `certs-gone`: every cert dir deleted while etcd keeps running on intact data (what the probe sees then). */
/** `gone`: the host does not answer at all (powered off, deleted). */
type HostFault = 'down' | 'blank' | 'running-no-quorum' | 'no-certs' | 'certs-gone' | 'gone';

/** A probe result: every host healthy except the listed faults. */
function stateOf(
  inv: PlanInventory,
  faults: Record<string, HostFault> = {},
  extra: Partial<ClusterState> = {},
): ClusterState {
  const etcd: EtcdHostState[] = inv.etcd.map((e, i) => {
    const f = faults[e.host];
    return {
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      reachable: f !== 'gone',
      etcdRunning:
        f === undefined || f === 'running-no-quorum' || f === 'no-certs' || f === 'certs-gone',
      healthy: f === undefined || f === 'no-certs',
      memberId: `${(i + 1).toString(16)}aa`,
      raftIndex: f === undefined || f === 'running-no-quorum' ? 100 + i : undefined,
      etcdCertsPresent: f !== 'blank' && f !== 'certs-gone' && f !== 'gone',
    };
  });
  const healthy = etcd.filter((e) => e.healthy).length;
  return {
    clusterName: 'cluster.local',
    layout: 'kubespray',
    paths: kubesprayLayout(),
    serverVersion: '3.4.23',
    toolsVersion: '3.4.23',
    toolsBumpRevision: false,
    // Without a healthy member nobody answers the member list.
    members: (healthy === 0 ? [] : inv.etcd).map((e, i) => ({
      id: `${(i + 1).toString(16)}aa`,
      name: e.memberName,
      peerURLs: [`https://${e.address}:2380`],
    })),
    quorum: healthy > inv.etcd.length / 2,
    etcd,
    controlPlane: inv.controlPlane.map((h) => ({
      host: h,
      reachable: faults[h] !== 'gone',
      certsPresent: !['blank', 'no-certs', 'certs-gone', 'gone'].includes(faults[h] ?? ''),
    })),
    ...extra,
  };
}

function backupOf(hosts: string[], extra: Partial<BackupSummary> = {}): BackupSummary {
  return {
    location: '/backups/cluster.local-20261121T230000Z',
    clusterName: 'cluster.local',
    etcdVersion: '3.4.23',
    snapshotObject: 'etcd.db.gz',
    revision: 5000,
    totalKey: 1200,
    encrypted: false,
    certArchives: Object.fromEntries(hosts.map((h) => [h, `${h}-pki.tar.gz`])),
    ...extra,
  };
}

const opts = (o: Partial<PlanOptions> = {}): PlanOptions => ({
  strategy: 'parallel',
  force: false,
  now: NOW,
  haveIdentity: false,
  ...o,
});

/**
 * A node's archive: one step that moves its etcd cert dir, /etc/kubernetes/ssl and the pki
 * link aside (and every other path the archive holds), then extracts it.
 */
const archive = (n: string) => [`restore-certs ${n}`];

const shape = (p: ReturnType<typeof buildPlan>) => p.steps.map((s) => `${s.action} ${s.node}`);

interface Row {
  name: string;
  inventory: PlanInventory;
  faults?: Record<string, HostFault>;
  backup?: boolean;
  options?: Partial<PlanOptions>;
  state?: Partial<ClusterState>;
  case: string;
  strategy: string;
  steps: string[];
}

const stacked = (b?: { etcd?: string[]; cp?: string[] }) => inventoryOf(STACKED, STACKED, b);

/** Builds the row's plan and checks its case, strategy and steps. */
function planOfRow(row: Row): ReturnType<typeof buildPlan> {
  const state = stateOf(row.inventory, row.faults, row.state);
  const backup = row.backup ? backupOf(row.inventory.controlPlane) : undefined;
  const plan = buildPlan(row.inventory, state, backup, opts(row.options));
  expect(plan.case).toBe(row.case);
  expect(plan.strategy).toBe(row.strategy);
  expect(shape(plan)).toEqual(row.steps);
  return plan;
}

const table: Row[] = [
  {
    name: 'all healthy: only verification',
    inventory: stacked(),
    case: 'healthy',
    strategy: 'none',
    steps: ['verify node1'],
  },
  {
    name: 'one member lost with its disk (probe decides), quorum intact',
    inventory: stacked(),
    faults: { node2: 'blank' },
    backup: true,
    case: 'member-loss+cert-loss',
    strategy: 'member-replace',
    steps: [
      'member-remove node1',
      ...archive('node2'),
      'move-aside node2',
      'member-add node1',
      'write-env node2',
      'start-etcd node2',
      'wait-healthy node2',
      'restart-control-plane node2',
      'verify node1',
    ],
  },
  {
    name: 'one member lost, etcd data only, certs still there (no backup needed)',
    inventory: stacked({ etcd: ['node3'], cp: [] }),
    faults: { node3: 'running-no-quorum' },
    case: 'member-loss',
    strategy: 'member-replace',
    steps: [
      'member-remove node1',
      'stop-etcd node3',
      'move-aside node3',
      'member-add node1',
      'write-env node3',
      'start-etcd node3',
      'wait-healthy node3',
      'verify node1',
    ],
  },
  {
    name: 'quorum lost, data on a survivor: snapshot from it, all members in parallel',
    inventory: stacked({ etcd: ['node2', 'node3'], cp: [] }),
    faults: { node2: 'down', node3: 'down', node1: 'running-no-quorum' },
    case: 'quorum-loss',
    strategy: 'parallel',
    steps: [
      'snapshot-save node1',
      'stop-etcd node1',
      'move-aside node1',
      'move-aside node2',
      'move-aside node3',
      'fetch-snapshot node2',
      'fetch-snapshot node3',
      'restore-snapshot node1',
      'restore-snapshot node2',
      'restore-snapshot node3',
      'write-env node1',
      'write-env node2',
      'write-env node3',
      'start-etcd node1',
      'start-etcd node2',
      'start-etcd node3',
      'wait-healthy node1',
      'restart-control-plane node1',
      'restart-control-plane node2',
      'restart-control-plane node3',
      'verify node1',
      ...STACKED.map((n) => `discard-staged ${n}`),
    ],
  },
  {
    name: 'quorum lost, --strategy grow: restore one, add the others one at a time',
    inventory: stacked({ etcd: ['node2', 'node3'], cp: [] }),
    faults: { node2: 'down', node3: 'down', node1: 'running-no-quorum' },
    options: { strategy: 'grow' },
    case: 'quorum-loss',
    strategy: 'grow',
    steps: [
      'snapshot-save node1',
      'stop-etcd node1',
      'move-aside node1',
      'move-aside node2',
      'move-aside node3',
      'restore-snapshot node1',
      'write-env node1',
      'start-etcd node1',
      'wait-healthy node1',
      'member-add node1',
      'write-env node2',
      'start-etcd node2',
      'wait-healthy node2',
      'member-add node1',
      'write-env node3',
      'start-etcd node3',
      'wait-healthy node3',
      'restart-control-plane node1',
      'restart-control-plane node2',
      'restart-control-plane node3',
      'verify node1',
      'discard-staged node1',
    ],
  },
  {
    name: 'everything lost: snapshot and every archive from the backup set',
    inventory: stacked(),
    faults: { node1: 'blank', node2: 'blank', node3: 'blank' },
    backup: true,
    state: { quorum: false, members: [] },
    case: 'total-loss+cert-loss',
    strategy: 'parallel',
    steps: [
      ...STACKED.flatMap((n) => archive(n)),
      ...STACKED.map((n) => `move-aside ${n}`),
      ...STACKED.map((n) => `fetch-snapshot ${n}`),
      ...STACKED.map((n) => `restore-snapshot ${n}`),
      ...STACKED.map((n) => `write-env ${n}`),
      ...STACKED.map((n) => `start-etcd ${n}`),
      'wait-healthy node1',
      ...STACKED.map((n) => `restart-control-plane ${n}`),
      'verify node1',
      ...STACKED.map((n) => `discard-staged ${n}`),
    ],
  },
  {
    name: 'control-plane certificates lost on all masters (the runbook case), etcd fine',
    inventory: stacked({ etcd: [], cp: STACKED }),
    backup: true,
    case: 'cert-loss',
    strategy: 'certs-only',
    steps: [
      ...STACKED.flatMap((n) => archive(n)),
      ...STACKED.map((n) => `restart-control-plane ${n}`),
      'verify node1',
    ],
  },
  {
    name: 'every cert dir deleted while etcd runs on intact data (probe decides): all certificates back, then one restart at a time, no snapshot',
    inventory: stacked(),
    faults: { node1: 'certs-gone', node2: 'certs-gone', node3: 'certs-gone' },
    backup: true,
    case: 'cert-loss',
    strategy: 'certs-only',
    steps: [
      ...STACKED.flatMap((n) => archive(n)),
      ...STACKED.flatMap((n) => [`stop-etcd ${n}`, `start-etcd ${n}`, `wait-healthy ${n}`]),
      ...STACKED.map((n) => `restart-control-plane ${n}`),
      'verify node1',
    ],
  },
  {
    name: "runbook topology: the three masters' etcd members lost, workers keep the data",
    inventory: inventoryOf(RUNBOOK, RUNBOOK_CP, { etcd: RUNBOOK_CP, cp: RUNBOOK_CP }),
    faults: { 'taco-m1': 'blank', 'taco-m2': 'blank', 'taco-m3': 'blank' },
    backup: true,
    case: 'quorum-loss+cert-loss',
    strategy: 'parallel',
    steps: [
      'snapshot-save taco-w2',
      'stop-etcd taco-w2',
      'stop-etcd taco-w1',
      ...RUNBOOK_CP.flatMap((n) => archive(n)),
      ...['taco-w2', ...RUNBOOK_CP, 'taco-w1'].map((n) => `move-aside ${n}`),
      ...[...RUNBOOK_CP, 'taco-w1'].map((n) => `fetch-snapshot ${n}`),
      ...['taco-w2', ...RUNBOOK_CP, 'taco-w1'].map((n) => `restore-snapshot ${n}`),
      ...['taco-w2', ...RUNBOOK_CP, 'taco-w1'].map((n) => `write-env ${n}`),
      ...['taco-w2', ...RUNBOOK_CP, 'taco-w1'].map((n) => `start-etcd ${n}`),
      'wait-healthy taco-w2',
      ...RUNBOOK_CP.map((n) => `restart-control-plane ${n}`),
      'verify taco-w2',
      ...['taco-w2', ...RUNBOOK_CP, 'taco-w1'].map((n) => `discard-staged ${n}`),
    ],
  },
];

describe('buildPlan: health states → plans', () => {
  for (const row of table) {
    it(row.name, () => {
      const plan = planOfRow(row);
      expect(new Set(plan.steps.map((s) => s.id)).size).toBe(plan.steps.length);
      // After a snapshot restore every node's control plane restarts at once, one step after
      // another in the plan (the executor runs consecutive steps of a group together);
      // otherwise (certificates back, a member replaced) one node after another.
      const restores = plan.steps.some((s) => s.action === 'restore-snapshot');
      const restarts = plan.steps.flatMap((s, i) =>
        s.action === 'restart-control-plane' ? [i] : [],
      );
      for (const i of restarts) {
        expect(plan.steps[i]!.group, plan.steps[i]!.id).toBe(restores ? 'restart' : undefined);
      }
      if (restores && restarts.length > 0) {
        expect(restarts.at(-1)! - restarts[0]!, 'restarts side by side').toBe(restarts.length - 1);
      }
      // Steps that run together run on different nodes, or one node's in order (the executor
      // keeps each node's steps of a group in sequence, lane by lane): a node's archive is put
      // back only after its own move-asides. None of them reads another node's files, which a
      // step of that node in the same group may be replacing: a grouped restore-certs reads the
      // backup, never a peer.
      for (const g of new Set(plan.steps.map((s) => s.group).filter(Boolean))) {
        const grouped = plan.steps.filter((s) => s.group === g);
        for (const node of new Set(grouped.map((s) => s.node))) {
          const mine = grouped.filter((s) => s.node === node && !s.lane).map((s) => s.action);
          if (mine.length > 1) {
            const certs = mine.indexOf('restore-certs');
            const before = certs === -1 ? mine : mine.slice(0, certs);
            // The archive's step moves the cert dirs aside itself: before it, nothing of its node.
            if (certs === -1)
              expect(new Set(before), `group ${g} on ${node}`).toEqual(new Set(['move-aside']));
            else expect(before, `group ${g} on ${node}`).toEqual([]);
            // After the archive, only the data dir is moved aside (kubeadm: its kubelet client).
            for (const s of grouped.filter((s) => s.node === node && !s.lane).slice(certs + 1)) {
              if (certs === -1) break;
              if (s.action === 'move-aside') {
                expect(s.params.path, `group ${g}: ${s.id}`).toBe('/var/lib/etcd');
              } else expect(s.action, `group ${g}: ${s.id}`).toBe('kubelet-client');
            }
          }
        }
        for (const s of grouped) {
          if (s.action === 'restore-certs') {
            expect(s.params.from.kind, `group ${g}: ${s.id}`).toBe('backup');
            expect(s.params.moveAside, `group ${g}: ${s.id}`).toEqual([
              plan.paths.etcdCertDir,
              ...plan.paths.kubernetesCertDirs,
            ]);
          }
          // Beside the others only what none of them moves or reads: an upload into a new
          // staging dir, or the env file (not what a restore reads).
          if (s.lane) {
            expect([s.action, s.lane], `group ${g}: ${s.id}`).toEqual(
              s.action === 'write-env' ? ['write-env', 'env'] : ['fetch-snapshot', 'upload'],
            );
            if (s.action === 'fetch-snapshot') expect(s.params.to).toMatch(/\.XXXXXX\/etcd\.db$/);
            if (s.action === 'write-env') expect(g).toBe('restore');
          }
        }
      }
    });
  }
});

describe('buildPlan: parameters that matter', () => {
  it('member replacement writes state existing and the member list of that moment', () => {
    const inv = stacked({ etcd: ['node2'], cp: [] });
    const plan = buildPlan(inv, stateOf(inv, { node2: 'down' }), undefined, opts());
    const remove = plan.steps.find((s) => s.action === 'member-remove')!;
    expect(remove.params).toEqual({ member: 'etcd2', memberId: '2aa' });
    expect(remove.id).toBe('01-member-remove-node1');
    const env = plan.steps.find((s) => s.action === 'write-env')!;
    expect(env.params).toMatchObject({
      set: {
        ETCD_NAME: 'etcd2',
        ETCD_INITIAL_CLUSTER_STATE: 'existing',
        ETCD_INITIAL_CLUSTER:
          'etcd1=https://10.0.0.1:2380,etcd3=https://10.0.0.3:2380,etcd2=https://10.0.0.2:2380',
      },
    });
    const aside = plan.steps.find((s) => s.action === 'move-aside')!;
    expect(aside.params).toEqual({
      path: '/var/lib/etcd',
      to: `/var/lib/etcd.${TS}`,
      recreate: true,
    });
    expect(aside.destructive).toBe(true);
  });

  it('two lost members are replaced one after the other; the list names the one not yet back', () => {
    const inv = inventoryOf(RUNBOOK, RUNBOOK_CP, { etcd: ['taco-w1', 'taco-w2'], cp: [] });
    const plan = buildPlan(
      inv,
      stateOf(inv, { 'taco-w1': 'down', 'taco-w2': 'down' }),
      undefined,
      opts(),
    );
    const lists = plan.steps
      .filter((s) => s.action === 'write-env')
      .map((s) => (s.params as { set: Record<string, string> }).set.ETCD_INITIAL_CLUSTER!);
    // etcd refuses to start a joining member whose list differs in size from the cluster's.
    const names = (l: string) => l.split(',').map((p) => p.split('=')[0]);
    expect(names(lists[0]!)).toEqual(['etcd1', 'etcd2', 'etcd3', 'etcd5', 'etcd4']);
    expect(names(lists[1]!)).toEqual(['etcd1', 'etcd2', 'etcd3', 'etcd4', 'etcd5']);
  });

  it('parallel restore: full initial cluster, one new token, same snapshot on every member', () => {
    const inv = stacked({ etcd: ['node2', 'node3'], cp: [] });
    const plan = buildPlan(
      inv,
      stateOf(inv, { node1: 'running-no-quorum', node2: 'down', node3: 'down' }),
      undefined,
      opts(),
    );
    expect(plan.source).toEqual({
      kind: 'survivor',
      node: 'node1',
      member: 'etcd1',
      raftIndex: 100,
    });
    const restores = plan.steps.filter((s) => s.action === 'restore-snapshot');
    const tokens = new Set(
      restores.map((s) => (s.params as { initialClusterToken: string }).initialClusterToken),
    );
    expect(tokens).toEqual(new Set([`cluster.local-restore-${TS.toLowerCase()}`]));
    for (const r of restores) {
      expect(r.params).toMatchObject({
        snapshot: `/var/tmp/kube-rescue-${TS}.XXXXXX/etcd.db`,
        initialCluster:
          'etcd1=https://10.0.0.1:2380,etcd2=https://10.0.0.2:2380,etcd3=https://10.0.0.3:2380',
      });
      expect(r.group).toBe('restore');
    }
    expect(
      plan.steps.filter((s) => s.action === 'start-etcd').every((s) => s.group === 'start'),
    ).toBe(true);
  });

  it('the probe alone decides: a member unhealthy only for want of quorum is the survivor', () => {
    const inv = stacked();
    const plan = buildPlan(
      inv,
      stateOf(inv, { node1: 'running-no-quorum', node2: 'down', node3: 'down' }),
      undefined,
      opts(),
    );
    expect(plan.brokenFrom).toBe('probe');
    expect(plan.case).toBe('quorum-loss');
    expect(plan.source).toMatchObject({ kind: 'survivor', node: 'node1' });
  });

  it('picks the survivor with the highest raft index', () => {
    const inv = inventoryOf(RUNBOOK, RUNBOOK_CP, {
      etcd: ['taco-m1', 'taco-m2', 'taco-m3'],
      cp: [],
    });
    const state = stateOf(inv, {
      'taco-m1': 'down',
      'taco-m2': 'down',
      'taco-m3': 'down',
      'taco-w1': 'running-no-quorum',
      'taco-w2': 'running-no-quorum',
    });
    const plan = buildPlan(inv, state, undefined, opts());
    expect(plan.source).toMatchObject({ kind: 'survivor', node: 'taco-w2', raftIndex: 104 });
  });

  it('3.4 tools: no revision bump, and the plan says why', () => {
    const inv = stacked({ etcd: ['node2', 'node3'], cp: [] });
    const state = stateOf(inv, { node1: 'running-no-quorum', node2: 'down', node3: 'down' });
    const plan = buildPlan(inv, state, undefined, opts());
    const r = plan.steps.find((s) => s.action === 'restore-snapshot')!;
    expect(r.params).not.toHaveProperty('bumpRevision');
    expect(plan.warnings.join('\n')).toMatch(/cannot --bump-revision.*3\.5/);
  });

  it('3.5 tools: bump revision and mark compacted', () => {
    const inv = stacked({ etcd: ['node2', 'node3'], cp: [] });
    const state = stateOf(
      inv,
      { node1: 'running-no-quorum', node2: 'down', node3: 'down' },
      { toolsVersion: '3.5.12', serverVersion: '3.5.12', toolsBumpRevision: true },
    );
    const plan = buildPlan(inv, state, undefined, opts());
    const r = plan.steps.find((s) => s.action === 'restore-snapshot')!;
    expect(r.params).toMatchObject({ bumpRevision: 1_000_000_000, markCompacted: true });
    expect(plan.warnings).toEqual([]);
  });

  it('restoring from a backup expects its revision and key count afterwards', () => {
    const inv = stacked();
    const state = stateOf(
      inv,
      { node1: 'blank', node2: 'blank', node3: 'blank' },
      { quorum: false, members: [] },
    );
    const plan = buildPlan(inv, state, backupOf(STACKED), opts());
    expect(plan.expect).toMatchObject({ minRevision: 5000, totalKey: 1200 });
    expect(plan.steps.find((s) => s.action === 'fetch-snapshot')!.params).toMatchObject({
      from: { kind: 'backup', object: 'etcd.db.gz' },
    });
  });

  it('the same inputs give the same plan (pure)', () => {
    const inv = stacked({ etcd: ['node2'], cp: [] });
    const a = buildPlan(inv, stateOf(inv, { node2: 'down' }), undefined, opts());
    const b = buildPlan(inv, stateOf(inv, { node2: 'down' }), undefined, opts());
    expect(a).toEqual(b);
  });
});

function refuses(f: () => unknown, pattern: RegExp): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).exitCode).toBe(2);
  expect((err as Error).message).toMatch(pattern);
}

describe('kept copies of files rewritten in place', () => {
  it('beside the file, except a static-pod manifest: beside the manifests dir, where the kubelet does not run it', () => {
    const m = '/etc/kubernetes/manifests';
    expect(keptCopyOf('/etc/etcd.env', m, TS)).toBe(`/etc/etcd.env.${TS}`);
    expect(keptCopyOf(`${m}/etcd.yaml`, m, TS)).toBe(`/etc/kubernetes/etcd.yaml.${TS}`);
    expect(keptCopyOf('/etc/kubernetes/etcd.yaml.kube-rescue-stopped', m, TS)).toBe(
      `/etc/kubernetes/etcd.yaml.kube-rescue-stopped.${TS}`,
    );
  });
});

describe('buildPlan: refusals (InputError, exit 2)', () => {
  it('an unknown host in [broken_etcd]', () => {
    const inv = stacked({ etcd: ['node9'] });
    refuses(() => buildPlan(inv, stateOf(inv), undefined, opts()), /'node9' in \[broken_etcd\]/);
  });

  it('everything lost and no backup', () => {
    const inv = stacked({ etcd: STACKED, cp: [] });
    const state = stateOf(inv, { node1: 'down', node2: 'down', node3: 'down' });
    refuses(() => buildPlan(inv, state, undefined, opts()), /pass --backup/);
  });

  it('certificates lost and no backup', () => {
    const inv = stacked({ etcd: [], cp: ['node1'] });
    refuses(() => buildPlan(inv, stateOf(inv), undefined, opts()), /only a backup set has them/);
  });

  it('a backup of another cluster, unless --force', () => {
    const inv = stacked({ etcd: [], cp: ['node1'] });
    const other = backupOf(STACKED, { clusterName: 'prod-eu' });
    refuses(() => buildPlan(inv, stateOf(inv), other, opts()), /cluster 'prod-eu'/);
    expect(buildPlan(inv, stateOf(inv), other, opts({ force: true })).case).toBe('cert-loss');
  });

  it('a backup of another etcd minor version for a snapshot restore, unless --force', () => {
    const inv = stacked();
    const state = stateOf(
      inv,
      { node1: 'blank', node2: 'blank', node3: 'blank' },
      { quorum: false, members: [] },
    );
    const old = backupOf(STACKED, { etcdVersion: '3.3.27' });
    refuses(() => buildPlan(inv, state, old, opts()), /etcd 3\.3\.27/);
    expect(buildPlan(inv, state, old, opts({ force: true })).case).toContain('total-loss');
  });

  it('a snapshot restore over a cluster that still has quorum, unless --force', () => {
    const inv = stacked({ etcd: STACKED, cp: [] });
    const state = stateOf(inv);
    refuses(() => buildPlan(inv, state, backupOf(STACKED), opts()), /still has quorum/);
    expect(buildPlan(inv, state, backupOf(STACKED), opts({ force: true })).case).toBe('total-loss');
  });

  it('an encrypted backup without an identity', () => {
    const inv = stacked({ etcd: [], cp: ['node1'] });
    const sealed = backupOf(STACKED, { encrypted: true });
    refuses(() => buildPlan(inv, stateOf(inv), sealed, opts()), /--identity/);
    expect(buildPlan(inv, stateOf(inv), sealed, opts({ haveIdentity: true })).case).toBe(
      'cert-loss',
    );
  });

  it('certificates gone where etcd runs while other members look lost: certificates first', () => {
    const inv = stacked();
    const state = stateOf(inv, { node1: 'certs-gone', node2: 'certs-gone', node3: 'blank' });
    expect(() => buildPlan(inv, state, backupOf(STACKED), opts())).toThrow(
      /etcd runs on node1, node2 but its certificates are gone there.*Restore the certificates first/s,
    );
  });

  it('a broken host that does not answer', () => {
    const inv = stacked({ etcd: ['node2'], cp: [] });
    const state = stateOf(inv, { node2: 'down' });
    state.etcd[1]!.reachable = false;
    refuses(() => buildPlan(inv, state, undefined, opts()), /re-provision them/);
  });
});

describe('buildPlan: hosts that will not return (--remove-host)', () => {
  const removing = (hosts: string[], o: Partial<PlanOptions> = {}) =>
    opts({ removeHosts: hosts, ...o });
  const untouched = (plan: ReturnType<typeof buildPlan>, host: string) =>
    expect(plan.steps.filter((s) => s.node === host).map((s) => s.id)).toEqual([]);

  const table: Row[] = [
    {
      name: 'quorum intact: the member is removed first, nothing else happens to it',
      inventory: stacked(),
      faults: { node3: 'gone' },
      options: { removeHosts: ['node3'] },
      case: 'host-removal',
      strategy: 'member-remove',
      steps: ['member-remove node1', 'verify node1'],
    },
    {
      name: 'quorum intact, kubectl on a control-plane node: its Node is deleted before verification',
      inventory: stacked(),
      faults: { node3: 'gone' },
      options: { removeHosts: ['node3'] },
      state: { kubectlOn: ['node2'] },
      case: 'host-removal',
      strategy: 'member-remove',
      steps: ['member-remove node1', 'delete-node node2', 'verify node1'],
    },
    {
      name: 'kubeadm layout: the Node is deleted from a healthy control-plane node',
      inventory: stacked(),
      faults: { node3: 'gone' },
      options: { removeHosts: ['node3'] },
      state: { layout: 'kubeadm', paths: kubeadmLayout() },
      case: 'host-removal',
      strategy: 'member-remove',
      steps: ['member-remove node1', 'delete-node node1', 'verify node1'],
    },
    {
      name: 'one member gone for good, another re-provisioned blank: remove, then replace with a shorter list',
      inventory: inventoryOf(RUNBOOK, RUNBOOK_CP),
      faults: { 'taco-w2': 'gone', 'taco-w1': 'down' },
      options: { removeHosts: ['taco-w2'] },
      case: 'member-loss+host-removal',
      strategy: 'member-replace',
      steps: [
        'member-remove taco-m1',
        'member-remove taco-m1',
        'move-aside taco-w1',
        'member-add taco-m1',
        'write-env taco-w1',
        'start-etcd taco-w1',
        'wait-healthy taco-w1',
        'verify taco-m1',
      ],
    },
    {
      name: 'quorum lost: the gone host is left out of the restored cluster',
      inventory: stacked(),
      faults: { node1: 'running-no-quorum', node2: 'gone', node3: 'down' },
      options: { removeHosts: ['node2'] },
      case: 'quorum-loss+host-removal',
      strategy: 'parallel',
      steps: [
        'snapshot-save node1',
        'stop-etcd node1',
        'move-aside node1',
        'move-aside node3',
        'fetch-snapshot node3',
        'restore-snapshot node1',
        'restore-snapshot node3',
        'write-env node1',
        'write-env node3',
        'start-etcd node1',
        'start-etcd node3',
        'wait-healthy node1',
        'restart-control-plane node1',
        'restart-control-plane node3',
        'verify node1',
        'discard-staged node1',
        'discard-staged node3',
      ],
    },
    {
      name: 'everything lost: the backup is restored to the hosts that stay, kubeadm deletes the Node',
      inventory: stacked(),
      faults: { node1: 'blank', node2: 'blank', node3: 'gone' },
      backup: true,
      options: { removeHosts: ['node3'] },
      state: { quorum: false, members: [], layout: 'kubeadm', paths: kubeadmLayout() },
      case: 'total-loss+cert-loss+host-removal',
      strategy: 'parallel',
      steps: [
        // kubeadm stops even a blank node's etcd (issue 13): its kubelet would run whatever
        // manifest appears, and the stop of a node without one is nothing to move.
        ...['node1', 'node2'].map((n) => `stop-etcd ${n}`),
        ...['node1', 'node2'].flatMap((n) => [`restore-certs ${n}`, `kubelet-client ${n}`]),
        ...['node1', 'node2'].map((n) => `move-aside ${n}`),
        ...['node1', 'node2'].map((n) => `fetch-snapshot ${n}`),
        ...['node1', 'node2'].map((n) => `restore-snapshot ${n}`),
        ...['node1', 'node2'].map((n) => `write-env ${n}`),
        ...['node1', 'node2'].map((n) => `start-etcd ${n}`),
        'wait-healthy node1',
        ...['node1', 'node2'].map((n) => `restart-control-plane ${n}`),
        'delete-node node1',
        'verify node1',
        ...['node1', 'node2'].map((n) => `discard-staged ${n}`),
      ],
    },
  ];

  for (const row of table) {
    it(row.name, () => {
      const plan = planOfRow(row);
      for (const gone of row.options!.removeHosts!) untouched(plan, gone);
      expect(plan.removedHosts).toEqual(row.options!.removeHosts);
    });
  }

  it('quorum intact: member-remove is step 01 with the listed id; expectations shrink; the plan says the data dir stays', () => {
    const inv = stacked();
    const plan = buildPlan(inv, stateOf(inv, { node3: 'gone' }), undefined, removing(['node3']));
    const first = plan.steps[0]!;
    expect(first).toMatchObject({
      id: '01-member-remove-node1',
      action: 'member-remove',
      params: { member: 'etcd3', memberId: '3aa' },
      destructive: true,
    });
    expect(first.undo).toMatch(/member add etcd3 --peer-urls=https:\/\/10\.0\.0\.3:2380/);
    expect(plan.expect.members).toEqual(['etcd1', 'etcd2']);
    expect(plan.steps.at(-1)).toMatchObject({ action: 'verify', params: { expectMembers: 2 } });
    expect(plan.members.map((m) => m.host)).toEqual(['node1', 'node2']);
    expect(plan.steps.some((s) => s.action === 'member-add')).toBe(false);
    expect(plan.warnings.join('\n')).toMatch(
      /node3 \(etcd3\) will not return: it leaves the member list.*data dir \/var\/lib\/etcd there is left as it was/,
    );
  });

  it('Kubespray without kubectl on the control plane: a warning says to delete the Node by hand', () => {
    const inv = stacked();
    const plan = buildPlan(inv, stateOf(inv, { node3: 'gone' }), undefined, removing(['node3']));
    expect(plan.steps.some((s) => s.action === 'delete-node')).toBe(false);
    expect(plan.warnings.join('\n')).toMatch(
      /no control-plane node left here has kubectl with \/etc\/kubernetes\/admin\.conf.*kubectl delete node node3.*remove-node\.yml/,
    );
  });

  it("delete-node uses the Kubernetes node name (kube_override_hostname) and kubectl's own idempotence", () => {
    const inv = { ...stacked(), nodeNames: { node1: 'node1', node2: 'node2', node3: 'k8s-c' } };
    const state = stateOf(inv, { node3: 'gone' }, { layout: 'kubeadm', paths: kubeadmLayout() });
    const plan = buildPlan(inv, state, undefined, removing(['node3']));
    const del = plan.steps.find((s) => s.action === 'delete-node')!;
    expect(del.params).toEqual({
      nodeName: 'k8s-c',
      host: 'node3',
      kubeconfig: '/etc/kubernetes/admin.conf',
    });
    expect(deleteNodeArgv(del.params as Parameters<typeof deleteNodeArgv>[0])).toEqual([
      'kubectl',
      '--kubeconfig=/etc/kubernetes/admin.conf',
      'delete',
      'node',
      'k8s-c',
      '--ignore-not-found',
    ]);
    expect(del.undo).toBe(
      'the kubelet re-registers the Node when the host returns; nothing was moved on a node',
    );
  });

  it('quorum lost: the gone member is in no --initial-cluster and no env file', () => {
    const inv = stacked();
    const state = stateOf(inv, { node1: 'running-no-quorum', node2: 'gone', node3: 'down' });
    const plan = buildPlan(inv, state, undefined, removing(['node2']));
    const lists = [
      ...plan.steps
        .filter((s) => s.action === 'restore-snapshot')
        .map((s) => (s.params as { initialCluster: string }).initialCluster),
      ...plan.steps
        .filter((s) => s.action === 'write-env')
        .map((s) => (s.params as { set: Record<string, string> }).set.ETCD_INITIAL_CLUSTER),
    ];
    expect(lists).toHaveLength(4);
    for (const l of lists) {
      expect(l).toBe('etcd1=https://10.0.0.1:2380,etcd3=https://10.0.0.3:2380');
    }
    expect(plan.expect.members).toEqual(['etcd1', 'etcd3']);
    expect(plan.warnings.join('\n')).toMatch(/node2 \(etcd2\).*left out of the restored cluster/);
  });

  it('without --remove-host the same state is refused, and the message names the flag', () => {
    const inv = stacked();
    refuses(
      () => buildPlan(inv, stateOf(inv, { node3: 'gone' }), undefined, opts()),
      /does not answer[\s\S]*--remove-host node3/,
    );
  });

  it('a host that is not in the inventory', () => {
    const inv = stacked();
    refuses(
      () => buildPlan(inv, stateOf(inv), undefined, removing(['nosuch'])),
      /--remove-host nosuch: there is no host 'nosuch' in hosts\.ini/,
    );
  });

  it('a worker: recovery removes only etcd and control-plane hosts', () => {
    const inv = { ...stacked(), hosts: [...STACKED, 'worker1'] };
    refuses(
      () => buildPlan(inv, stateOf(inv), undefined, removing(['worker1'])),
      /'worker1' of hosts\.ini is in neither \[etcd\] nor \[kube_control_plane\].*kubectl delete node worker1/,
    );
  });

  it('every etcd member', () => {
    const inv = stacked();
    const state = stateOf(inv, { node1: 'gone', node2: 'gone', node3: 'gone' });
    refuses(
      () => buildPlan(inv, state, backupOf(STACKED), removing(STACKED)),
      /every etcd member of hosts\.ini.*Keep at least one etcd host/,
    );
  });

  it('every control-plane host', () => {
    const inv = inventoryOf(RUNBOOK, RUNBOOK_CP);
    const faults = { 'taco-m1': 'gone', 'taco-m2': 'gone', 'taco-m3': 'gone' } as const;
    refuses(
      () => buildPlan(inv, stateOf(inv, faults), backupOf(RUNBOOK_CP), removing(RUNBOOK_CP)),
      /every control-plane host.*no API server would be left/,
    );
  });

  it('the only member with data, and no backup: nothing left to restore from', () => {
    const inv = stacked();
    const state = stateOf(inv, { node1: 'running-no-quorum', node2: 'gone', node3: 'down' });
    refuses(
      () => buildPlan(inv, state, undefined, removing(['node1', 'node2'], { force: true })),
      /No etcd member has data left \(node3 is broken or unreachable, and node1, node2 will not return\).*pass --backup/,
    );
  });

  it('a healthy host needs --force (it would shrink a working cluster)', () => {
    const inv = stacked();
    refuses(
      () => buildPlan(inv, stateOf(inv), undefined, removing(['node3'])),
      /--remove-host node3: the probe finds this host healthy.*shrink a working cluster.*--force/,
    );
    const plan = buildPlan(inv, stateOf(inv), undefined, removing(['node3'], { force: true }));
    expect(shape(plan)).toEqual(['member-remove node1', 'verify node1']);
  });
});

describe('buildPlan on kubeadm: the static-pod flow (issue 13)', () => {
  const kubeadm = (s: ClusterState): ClusterState => ({
    ...s,
    layout: 'kubeadm',
    paths: kubeadmLayout(),
    etcd: s.etcd.map((e) => ({
      ...e,
      staticPod: { crictl: true, ctr: true, kubeletStaticPodPath: '/etc/kubernetes/manifests' },
    })),
  });
  /** kubeadm's archive: etcd cert dir and /etc/kubernetes/pki moved aside, then extracted. */
  // The archive, then the kubelet's client certificate it does not hold (checked, made where
  // it must be), both before etcd starts there: the kubelet runs the static pods.
  const kArchive = (n: string) => [`restore-certs ${n}`, `kubelet-client ${n}`];

  it('member loss: even an etcd that is not running is stopped first (the kubelet would restart it), and its API server restarted after', () => {
    const inv = stacked();
    const plan = buildPlan(inv, kubeadm(stateOf(inv, { node3: 'down' })), undefined, opts());
    expect(shape(plan)).toEqual([
      'member-remove node1',
      'stop-etcd node3',
      'move-aside node3',
      'member-add node1',
      'write-env node3',
      'start-etcd node3',
      'wait-healthy node3',
      'restart-control-plane node3',
      'verify node1',
    ]);
    // kubeadm's API server reads only its own node's etcd: it may sit in crash-loop back-off.
    const restart = plan.steps.find((s) => s.action === 'restart-control-plane');
    expect(restart?.params).toEqual({
      reason:
        'its etcd member was replaced; the API server reads only that member and may be in back-off',
    });
  });

  it('member loss on Kubespray restarts no API server: it reads every member and rides out one', () => {
    const inv = stacked();
    const plan = buildPlan(inv, stateOf(inv, { node3: 'down' }), undefined, opts());
    expect(plan.case).toBe('member-loss');
    expect(plan.steps.filter((s) => s.action === 'restart-control-plane')).toEqual([]);
  });

  it('certificates lost on a running member: stop, its archive, start, wait — never the archive while etcd runs', () => {
    const inv = stacked();
    const plan = buildPlan(
      inv,
      kubeadm(stateOf(inv, { node1: 'certs-gone' })),
      backupOf(STACKED),
      opts(),
    );
    expect(plan.case).toBe('cert-loss');
    expect(shape(plan)).toEqual([
      'stop-etcd node1',
      ...kArchive('node1'),
      'start-etcd node1',
      'wait-healthy node1',
      'restart-control-plane node1',
      'verify node2',
    ]);
  });

  it('quorum loss with a lost control plane: its archive goes back while etcd is stopped, before the start', () => {
    const inv = stacked({ etcd: ['node2', 'node3'], cp: ['node2'] });
    const plan = buildPlan(
      inv,
      kubeadm(stateOf(inv, { node1: 'running-no-quorum', node2: 'down', node3: 'down' })),
      backupOf(STACKED),
      opts(),
    );
    const steps = shape(plan);
    expect(steps.indexOf('restore-certs node2')).toBeGreaterThan(steps.indexOf('stop-etcd node2'));
    expect(steps.indexOf('restore-certs node2')).toBeLessThan(steps.indexOf('start-etcd node2'));
    expect(steps.filter((s) => s === 'restore-certs node2')).toHaveLength(1);
    // The kubelet's client certificate right after the archive, before etcd starts there;
    // only on the host whose archive came back, under its Kubernetes node name.
    expect(steps.indexOf('kubelet-client node2')).toBe(steps.indexOf('restore-certs node2') + 1);
    expect(steps.filter((s) => s.startsWith('kubelet-client'))).toEqual(['kubelet-client node2']);
    const step = plan.steps.find((s) => s.action === 'kubelet-client')!;
    expect(step.params).toEqual({ nodeName: 'node2' });
    expect(step.undo).toMatch(/kubelet\.conf\.\d{8}T\d{6}Z-client .*kubelet-client-current\.pem/);
  });

  it('a blank member without a backup: refused — kubeadm certificates name their node and cannot come from a peer', () => {
    const inv = stacked({ etcd: ['node3'], cp: [] });
    refuses(
      () => buildPlan(inv, kubeadm(stateOf(inv, { node3: 'blank' })), undefined, opts()),
      /etcd certificates are missing on 'node3'.*on kubeadm every member has server and peer certificates of its own.*--backup/,
    );
  });

  it('etcd on a worker of a kubeadm inventory: refused, the host named', () => {
    const inv = inventoryOf(STACKED, ['node1', 'node2']);
    refuses(
      () => buildPlan(inv, kubeadm(stateOf(inv)), undefined, opts()),
      /hosts\.ini: 'node3' is in \[etcd\] but not in \[kube_control_plane\]: kubeadm runs etcd only as a static pod/,
    );
  });

  it('a node without crictl, or a kubelet reading static pods elsewhere: refused with node and path', () => {
    const inv = stacked();
    const base = kubeadm(stateOf(inv, { node3: 'down' }));
    const state = {
      ...base,
      etcd: base.etcd.map((e) =>
        e.host === 'node2'
          ? { ...e, staticPod: { crictl: false, ctr: true } }
          : e.host === 'node3'
            ? {
                ...e,
                staticPod: { crictl: true, ctr: true, kubeletStaticPodPath: '/etc/kubelet.d' },
              }
            : e,
      ),
    };
    refuses(
      () => buildPlan(inv, state, undefined, opts()),
      /node2: no crictl on its PATH[\s\S]*node3: its kubelet reads static pods from \/etc\/kubelet\.d .*not from \/etc\/kubernetes\/manifests/,
    );
  });
});
