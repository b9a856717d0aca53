import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { kubeadmLayout, kubesprayLayout } from '../../../src/etcd/layout.js';
import {
  type BackupSummary,
  BUMP_REVISION,
  buildPlan,
  type ClusterState,
  chooseRevisionBump,
  type EtcdHostState,
  type NodeEtcdTools,
  type PlanInventory,
  type PlanOptions,
} from '../../../src/recovery/plan.js';
import { planOptionsAt } from './fixtures.js';

// Issue 12: plans that restore a snapshot, built from probes in which NO member answered
// healthy (quorum loss, total loss) — the etcd versions come from the binaries on each node.

const NOW = new Date('2026-12-01T12:00:00Z');
const HOSTS = ['node1', 'node2', 'node3'];
const inventory: PlanInventory = {
  source: 'hosts.ini',
  etcd: HOSTS.map((host, i) => ({ host, memberName: `etcd${i + 1}`, address: `10.0.0.${i + 1}` })),
  controlPlane: HOSTS,
};

const binaries = (version: string, from = '/usr/local/bin'): NodeEtcdTools =>
  version.startsWith('3.4')
    ? {
        server: version,
        snapshotTool: 'etcdctl',
        snapshotToolVersion: version,
        bumpRevision: false,
        from: `/usr/bin/etcdctl version, /usr/bin/etcd --version`,
      }
    : {
        server: version,
        snapshotTool: 'etcdutl',
        snapshotToolVersion: version,
        bumpRevision: true,
        from: `${from}/etcdutl version, ${from}/etcd --version`,
      };

type Fault = 'no-quorum' | 'blank';

/**
 * What the probe reports with no healthy member: no member list, no cluster-wide tools (they
 * used to come only from a healthy member), no server version — only each node's binaries.
 */
function noHealthyMember(
  faults: Record<string, Fault>,
  tools: Record<string, NodeEtcdTools | string>,
  extra: Partial<ClusterState> = {},
): ClusterState {
  const etcd: EtcdHostState[] = inventory.etcd.map((e, i) => {
    const t = tools[e.host];
    const running = faults[e.host] === 'no-quorum';
    return {
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      reachable: true,
      etcdRunning: running,
      healthy: false,
      ...(running ? { raftIndex: 100 + i, revision: 9000 + i } : {}),
      etcdCertsPresent: faults[e.host] !== 'blank',
      ...(typeof t === 'string' ? { toolsError: t } : t ? { tools: t } : {}),
    };
  });
  return {
    clusterName: 'cluster.local',
    layout: 'kubespray',
    paths: kubesprayLayout(),
    toolsVersion: '',
    toolsBumpRevision: false,
    members: [],
    quorum: false,
    etcd,
    controlPlane: HOSTS.map((host) => ({ host, reachable: true, certsPresent: true })),
    ...extra,
  };
}

const all = (v: string) => Object.fromEntries(HOSTS.map((h) => [h, binaries(v)]));
const quorumLost = { node1: 'no-quorum', node2: 'blank', node3: 'blank' } as const;
const totalLoss = { node1: 'blank', node2: 'blank', node3: 'blank' } as const;

/** A backup set's summary taken an hour before NOW, of etcd `etcdVersion`. */
const backup = (etcdVersion: string, extra: Partial<BackupSummary> = {}): BackupSummary => ({
  location: '/backups/cluster.local-20261201T110000Z',
  clusterName: 'cluster.local',
  etcdVersion,
  snapshotObject: 'etcd.db.zst',
  certArchives: Object.fromEntries(HOSTS.map((h) => [h, `${h}-pki.tar.zst`])),
  createdAt: '2026-12-01T11:00:00Z',
  revision: 5000,
  totalKey: 1200,
  encrypted: false,
  ...extra,
});

const opts = (o: Partial<PlanOptions> = {}) => planOptionsAt(NOW, o);

const restores = (plan: ReturnType<typeof buildPlan>) =>
  plan.steps.filter((s) => s.action === 'restore-snapshot');

function refused(f: () => unknown, message: RegExp): InputError {
  let caught: unknown;
  try {
    f();
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(InputError);
  expect((caught as InputError).exitCode).toBe(2);
  expect((caught as Error).message).toMatch(message);
  return caught as InputError;
}

describe.each([
  ['3.5', '3.5.35'],
  ['3.6', '3.6.16'],
])('no healthy member, etcd %s on the nodes', (_minor, version) => {
  it('quorum loss: the survivor snapshot is restored with etcdutl, bumped and marked compacted', () => {
    const plan = buildPlan(inventory, noHealthyMember(quorumLost, all(version)), undefined, opts());
    expect(plan.case).toBe('quorum-loss');
    expect(plan.source).toMatchObject({ kind: 'survivor', node: 'node1' });
    expect(restores(plan)).toHaveLength(3);
    for (const r of restores(plan)) {
      expect(r.params).toMatchObject({ bumpRevision: BUMP_REVISION, markCompacted: true });
      expect(r.reason).toMatch(
        /etcdutl snapshot restore --bump-revision=1000000000 --mark-compacted/,
      );
    }
    expect(plan.revisionBump).toMatchObject({ amount: BUMP_REVISION, markCompacted: true });
    expect(plan.revisionBump!.reason).toMatch(/etcd's recovery guide.*OpenShift/);
    expect(plan.warnings.join('\n')).not.toMatch(/bump/);
  });

  it('total loss: the backup of the same minor is restored with the bump', () => {
    const plan = buildPlan(
      inventory,
      noHealthyMember(totalLoss, all(version)),
      backup(version),
      opts(),
    );
    expect(plan.case).toContain('total-loss');
    expect(restores(plan)[0]!.params).toMatchObject({
      bumpRevision: BUMP_REVISION,
      markCompacted: true,
    });
  });

  it('total loss: a backup of another etcd minor is refused, unless --force', () => {
    const other = version.startsWith('3.6') ? '3.5.35' : '3.6.16';
    const state = noHealthyMember(totalLoss, all(version));
    refused(
      () => buildPlan(inventory, state, backup(other), opts()),
      new RegExp(
        `taken from etcd ${other.replace(/\./g, '\\.')}, the nodes run ${version.replace(/\./g, '\\.')}`,
      ),
    );
    expect(buildPlan(inventory, state, backup(other), opts({ force: true })).case).toContain(
      'total-loss',
    );
  });

  it('quorum loss with the backup preferred: a backup of another minor is refused too', () => {
    const other = version.startsWith('3.6') ? '3.5.35' : '3.6.16';
    const state = noHealthyMember(quorumLost, all(version));
    refused(
      () => buildPlan(inventory, state, backup(other), opts({ preferBackupSnapshot: true })),
      /a snapshot is restored with the same minor version/,
    );
  });

  it('--bump-revision N is used as asked, and said so in the plan', () => {
    const plan = buildPlan(
      inventory,
      noHealthyMember(quorumLost, all(version)),
      undefined,
      opts({ bumpRevision: 5_000_000 }),
    );
    expect(restores(plan)[0]!.params).toMatchObject({
      bumpRevision: 5_000_000,
      markCompacted: true,
    });
    expect(plan.revisionBump!.reason).toMatch(/--bump-revision 5000000 as asked/);
  });
});

describe('no healthy member, etcd 3.4 on the nodes', () => {
  it('quorum loss: restored with etcdctl and no bump, and the plan says why', () => {
    const plan = buildPlan(
      inventory,
      noHealthyMember(quorumLost, all('3.4.23')),
      undefined,
      opts(),
    );
    for (const r of restores(plan)) {
      expect(r.params).not.toHaveProperty('bumpRevision');
      expect(r.reason).toMatch(/no revision bump/);
    }
    expect(plan.revisionBump).toMatchObject({ amount: 0, markCompacted: false });
    expect(plan.revisionBump!.reason).toMatch(
      /etcdctl 3\.4\.23 on node1, node2, node3 cannot --bump-revision.*3\.5/,
    );
    expect(plan.warnings.join('\n')).toMatch(/cannot --bump-revision/);
  });

  it('total loss: a 3.5 backup is refused on 3.4 nodes (the check no longer needs a running member)', () => {
    refused(
      () =>
        buildPlan(inventory, noHealthyMember(totalLoss, all('3.4.23')), backup('3.5.35'), opts()),
      /taken from etcd 3\.5\.35, the nodes run 3\.4\.23/,
    );
  });

  it('a bump asked for on 3.4 is bad input: exit 2', () => {
    refused(
      () =>
        buildPlan(
          inventory,
          noHealthyMember(quorumLost, all('3.4.23')),
          undefined,
          opts({ bumpRevision: 1_000_000_000 }),
        ),
      /--bump-revision 1000000000: the etcd tools here \(etcdctl 3\.4\.23 on node1, node2, node3\) cannot bump the revision/,
    );
  });
});

describe('etcd binaries that cannot be trusted for a restore', () => {
  it('a node whose etcd binaries cannot be identified: refused, naming the node and the path', () => {
    const tools = {
      ...all('3.6.16'),
      node3:
        'node3: no etcd binary answers etcd --version (/usr/local/bin/etcd), so the etcd this node would run is unknown.',
    };
    const err = refused(
      () => buildPlan(inventory, noHealthyMember(quorumLost, tools), undefined, opts()),
      /Cannot tell which etcd this node has.*\n {2}node3: no etcd binary answers etcd --version \(\/usr\/local\/bin\/etcd\)/,
    );
    expect(err.message).toMatch(/Nothing was changed/);
  });

  it('nodes with different etcd minors: refused, unless --force', () => {
    const tools = { ...all('3.6.16'), node2: binaries('3.5.35') };
    const state = noHealthyMember(quorumLost, tools);
    refused(
      () => buildPlan(inventory, state, undefined, opts()),
      /different etcd minor versions \(node1: 3\.6\.16, node2: 3\.5\.35, node3: 3\.6\.16\)/,
    );
    expect(buildPlan(inventory, state, undefined, opts({ force: true })).case).toBe('quorum-loss');
  });

  it('a node that cannot bump among nodes that can: no bump is planned anywhere', () => {
    const tools = { ...all('3.5.35'), node3: { ...binaries('3.5.35'), bumpRevision: false } };
    const plan = buildPlan(inventory, noHealthyMember(quorumLost, tools), undefined, opts());
    expect(restores(plan).every((r) => r.params.bumpRevision === undefined)).toBe(true);
    expect(plan.revisionBump!.reason).toMatch(/etcdutl 3\.5\.35 on node3 cannot/);
  });

  it('kubeadm: the version read from the static pod image plans the bump', () => {
    const image: NodeEtcdTools = {
      server: '3.6.4',
      snapshotTool: 'etcdutl',
      snapshotToolVersion: '3.6.4',
      bumpRevision: true,
      from: '/usr/local/bin/etcdutl version, image registry.k8s.io/etcd:3.6.4-0 in /etc/kubernetes/manifests/etcd.yaml',
    };
    const state = noHealthyMember(totalLoss, Object.fromEntries(HOSTS.map((h) => [h, image])), {
      layout: 'kubeadm',
      paths: kubeadmLayout(),
    });
    refused(() => buildPlan(inventory, state, backup('3.5.21'), opts()), /the nodes run 3\.6\.4/);
    const plan = buildPlan(inventory, state, backup('3.6.4'), opts());
    expect(restores(plan)[0]!.params.bumpRevision).toBe(BUMP_REVISION);
  });
});

describe('how much the revision is bumped', () => {
  it("etcd's and OpenShift's 1e9 when nothing more is known", () => {
    expect(chooseRevisionBump(undefined, undefined, undefined, { now: NOW }).amount).toBe(
      BUMP_REVISION,
    );
  });

  it('more when the backup is older than 1e9 writes at 1,500/s (about a week)', () => {
    const monthOld = new Date(NOW.getTime() - 30 * 86_400_000).toISOString();
    const b = chooseRevisionBump(undefined, 5000, monthOld, { now: NOW });
    // 30 days × 86,400 s × 1,500 writes/s = 3.888e9 → whole billions above it.
    expect(b.amount).toBe(4_000_000_000);
    expect(b.reason).toMatch(/30 days old/);
    const plan = buildPlan(
      inventory,
      noHealthyMember(totalLoss, all('3.6.16')),
      backup('3.6.16', { createdAt: monthOld }),
      opts(),
    );
    expect(restores(plan)[0]!.params.bumpRevision).toBe(4_000_000_000);
  });

  it('more when running members handed out more revisions after the snapshot than 1e9 covers', () => {
    expect(chooseRevisionBump(1_600_000_000, 100, undefined, { now: NOW }).amount).toBe(
      4_000_000_000,
    );
  });

  it('a --bump-revision that does not clear the revisions already handed out is bad input', () => {
    // node1 (the survivor, revision 9000) is restored from; the backup is at 5000.
    const state = noHealthyMember(quorumLost, all('3.6.16'));
    refused(
      () =>
        buildPlan(
          inventory,
          state,
          backup('3.6.16'),
          opts({ preferBackupSnapshot: true, bumpRevision: 3000 }),
        ),
      /--bump-revision 3000 is not above the 4000 revisions the running members handed out after the snapshot \(revision 5000 → 9000\)/,
    );
    const plan = buildPlan(
      inventory,
      state,
      backup('3.6.16'),
      opts({ preferBackupSnapshot: true, bumpRevision: 4001 }),
    );
    expect(restores(plan)[0]!.params.bumpRevision).toBe(4001);
  });
});
