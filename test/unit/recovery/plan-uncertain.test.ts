import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import {
  type BackupSummary,
  buildPlan,
  type ClusterState,
  type EtcdHostState,
  type PlanInventory,
} from '../../../src/recovery/plan.js';
import { planOptionsAt } from './fixtures.js';

// States where the probe could not tell (our tooling's timeout on a node not shown lost), and
// snapshot plans while a member answered healthy: refused before anything, unless --force.

const hosts = ['node1', 'node2', 'node3'];
const inventory: PlanInventory = {
  source: 'hosts.ini',
  etcd: hosts.map((host, i) => ({ host, memberName: `etcd${i + 1}`, address: `10.0.0.${i + 1}` })),
  controlPlane: [],
};
const backup: BackupSummary = {
  location: '/backups/cluster.local-20261201T120000Z',
  clusterName: 'cluster.local',
  etcdVersion: '3.5.12',
  snapshotObject: 'etcd.db',
  revision: 400,
  totalKey: 100,
  encrypted: false,
  certArchives: {},
};

const wiped: Partial<EtcdHostState> = {
  etcdRunning: false,
  healthy: false,
  raftIndex: undefined,
  lost: 'no etcd process listens on client port 2379; data dir /var/lib/etcd is empty',
};
const silent = (unknown: string | undefined): Partial<EtcdHostState> => ({
  healthy: false,
  raftIndex: undefined,
  ...(unknown ? { unknown } : {}),
  errors: ['endpoint https://10.0.0.1:2379 did not answer status within 1 s'],
});
const SLOW = 'etcd listens on https://10.0.0.1:2379 but did not answer status within 4 s, twice';

function state(
  per: Record<string, Partial<EtcdHostState>>,
  o: { quorum: boolean; members?: boolean },
): ClusterState {
  return {
    clusterName: 'cluster.local',
    layout: 'kubespray',
    paths: kubesprayLayout(),
    toolsVersion: '3.5.12',
    toolsBumpRevision: true,
    members:
      o.members === false
        ? []
        : hosts.map((_h, i) => ({
            id: `${i + 1}aa`,
            name: `etcd${i + 1}`,
            peerURLs: [`https://10.0.0.${i + 1}:2380`],
          })),
    quorum: o.quorum,
    etcd: hosts.map((host, i) => ({
      host,
      memberName: `etcd${i + 1}`,
      address: `10.0.0.${i + 1}`,
      reachable: true,
      etcdRunning: true,
      healthy: true,
      raftIndex: 10,
      etcdCertsPresent: true,
      tools: {
        server: '3.5.12',
        snapshotTool: 'etcdutl',
        snapshotToolVersion: '3.5.12',
        bumpRevision: true,
        from: 'etcdutl version',
      },
      ...per[host],
    })),
    controlPlane: [],
  };
}

interface Row {
  name: string;
  state: ClusterState;
  given?: Partial<PlanInventory>;
  /** What the refusal says; undefined: no refusal. */
  refused?: RegExp;
  /** The case planned with --force (or without, when not refused). */
  forced: string;
}

const rows: Row[] = [
  {
    name: 'two silent members and a wiped one: refused, not a total loss',
    state: state({ node1: silent(SLOW), node2: silent(SLOW), node3: wiped }, { quorum: false }),
    refused:
      /^node1 etcd listens[\s\S]*;\nnode2 etcd listens[\s\S]*the cluster may be healthy[\s\S]*Run plan again[\s\S]*--force/,
    forced: 'total-loss',
  },
  {
    name: 'one silent member beside a healthy one and a wiped one: refused, not a quorum loss',
    state: state({ node1: silent(SLOW), node3: wiped }, { quorum: false }),
    refused: /^node1 etcd listens[\s\S]*the cluster may be healthy/,
    forced: 'quorum-loss',
  },
  {
    name: 'a silent member while the others have quorum: not replaced on a guess',
    state: state({ node3: silent(SLOW) }, { quorum: true }),
    refused: /^node3 etcd listens[\s\S]*this plan would replace node3/,
    forced: 'member-loss',
  },
  {
    name: 'the host did not answer within the bound: refused as uncertain, before "does not answer"',
    state: state(
      {
        node2: {
          reachable: false,
          etcdRunning: false,
          healthy: false,
          raftIndex: undefined,
          unknown: 'did not answer within 20 s (the SSH handshake did not finish within 20 s)',
        },
      },
      { quorum: true },
    ),
    refused: /^node2 did not answer within 20 s[\s\S]*the cluster may be healthy/,
    // --force passes this refusal; the next one still needs the host to answer.
    forced: 'refused: This broken host does not answer',
  },
  {
    name: 'defence in depth: a member answered healthy but no member list came (no quorum verdict): no snapshot restore',
    state: state({ node2: wiped, node3: wiped }, { quorum: false, members: false }),
    refused:
      /^node1 answered healthy, yet this plan \(quorum-loss\) would restore a snapshot[\s\S]*member-replacement plan/,
    forced: 'quorum-loss',
  },
  {
    name: 'a total loss over a running member that gave no status (a state without the unknown mark): refused',
    state: state({ node1: silent(undefined), node2: wiped, node3: wiped }, { quorum: false }),
    refused: /^etcd runs on node1 but the probe got no status from it/,
    forced: 'total-loss',
  },
  {
    name: 'the inventory names only the wiped host: the silent ones are still not overwritten by a total loss',
    state: state({ node1: silent(SLOW), node2: silent(SLOW), node3: wiped }, { quorum: false }),
    given: { brokenEtcd: ['node3'] },
    refused:
      /^node1 etcd listens[\s\S]*restore a snapshot over node1, node2 \(1 of 3 members judged broken\)/,
    forced: 'total-loss',
  },
  {
    name: 'the inventory names the silent hosts broken: the user has decided, uncertainty does not refuse',
    state: state({ node1: silent(SLOW), node2: silent(SLOW), node3: wiped }, { quorum: false }),
    given: { brokenEtcd: hosts },
    forced: 'total-loss',
  },
  {
    // Seen on kubeadm (etcd 3.6): two wiped members the kubelet restarted found each other and
    // answer healthy with an empty store, while the one member with the data crash-loops.
    name: 'two members healthy with an empty store (revision 1) beside a broken one: not replaced from them',
    state: state(
      {
        node1: {
          ...silent(undefined),
          etcdRunning: false,
          dataDir: 'present',
          lost: 'no etcd process listens on client port 2379',
        },
        node2: { revision: 1, raftIndex: 8 },
        node3: { revision: 1, raftIndex: 8 },
      },
      { quorum: true },
    ),
    refused:
      /^node2, node3 answer healthy, but with an empty store \(revision 1, 1[\s\S]*would replace node1 from them, whose data dir still holds data[\s\S]*Name the wiped hosts in \[broken_etcd\][\s\S]*--force/,
    forced: 'member-loss',
  },
  {
    name: 'a new, empty cluster (revision 1) that lost a member with its data dir: replaced as before',
    state: state(
      {
        node1: { revision: 1 },
        node2: { revision: 1 },
        node3: { ...wiped, dataDir: 'empty' },
      },
      { quorum: true },
    ),
    forced: 'member-loss',
  },
  {
    name: 'a member lost beside healthy members that hold data: replaced as before',
    state: state(
      {
        node1: { revision: 5120 },
        node2: { revision: 5120 },
        node3: { ...wiped, revision: undefined },
      },
      { quorum: true },
    ),
    forced: 'member-loss',
  },
  {
    name: 'definite losses plan as before: every member wiped is a total loss',
    state: state({ node1: wiped, node2: wiped, node3: wiped }, { quorum: false }),
    forced: 'total-loss',
  },
];

const build = (row: Row, force: boolean) =>
  buildPlan(
    { ...inventory, ...row.given },
    row.state,
    backup,
    planOptionsAt(new Date('2026-12-02T00:00:00Z'), { force }),
  );

describe('uncertain members and healthy members are not overwritten on a guess', () => {
  for (const row of rows) {
    it(row.name, () => {
      if (row.refused) {
        expect(() => build(row, false)).toThrow(InputError);
        expect(() => build(row, false)).toThrow(row.refused);
      }
      if (row.forced.startsWith('refused: ')) {
        expect(() => build(row, true)).toThrow(row.forced.slice('refused: '.length));
        return;
      }
      const plan = build(row, Boolean(row.refused));
      expect(plan.case).toBe(row.forced);
    });
  }

  it('the plan forced over an unknown member still says why it was judged broken', () => {
    const plan = build(rows[0]!, true);
    expect(plan.brokenWhy).toEqual({ node1: SLOW, node2: SLOW, node3: wiped.lost });
  });
});
