import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { kubeadmLayout } from '../../../src/etcd/layout.js';
import { defaultToolCommands } from '../../../src/etcd/version.js';
import { parseInventory } from '../../../src/inventory/document.js';
import { defaultNodeAccess } from '../../../src/nodes/access.js';
import type {
  ExecOptions,
  ExecResult,
  StreamingExec,
  Transport,
} from '../../../src/nodes/transport.js';
import { buildPlan, type ClusterState } from '../../../src/recovery/plan.js';
import { probeCluster } from '../../../src/recovery/probe.js';
import { planOptionsAt } from './fixtures.js';

// Wiped static-pod members that the kubelet keeps running, told from slow intact ones. Fake
// kubeadm nodes (a mock: the exact moment a wiped member answers, crash-loops or is merely
// slow cannot be had on demand from a real cluster) answer as a stacked etcd 3.6 node does: the
// facts script, `etcdctl endpoint status|health` (from the etcd image, here plain argv), and
// `crictl ps -a -o json` / `crictl logs` for the kubelet's record of etcd's exits.

const ids: Record<string, number> = { cp1: 0xa1, cp2: 0xa2, cp3: 0xa3 };
const CLUSTER = 0x7c;
const addr = (h: string) => `10.1.0.${h.slice(-1)}`;

type Store =
  /** Intact: the cluster's revision and raft index. */
  | { kind: 'data'; revision: number; raftIndex: number; clusterId?: number }
  /** etcd re-created its store on a wiped dir: revision 1, raft index as given. */
  | { kind: 'empty'; raftIndex: number; clusterId?: number };

interface Member {
  store: Store;
  /** Whom this member names as leader (a host), or none. */
  leader?: string;
  /** `endpoint status` calls that time out as etcdctl does. */
  statusTimeouts?: number;
  /** `endpoint health` calls that time out. */
  healthTimeouts?: number;
  /**
   * The kubelet's etcd containers, newest first: the sandbox, the state, and what the container
   * printed last.
   */
  containers?: { sandbox: string; state: 'running' | 'exited'; log?: string }[];
}

const PANIC =
  'panic: tocommit(8812) is out of range [lastIndex(0)]. Was the raft log corrupted, truncated, or lost?';
const deadline: ExecResult = {
  code: 1,
  stdout: '',
  stderr: '{"level":"warn","msg":"context deadline exceeded"}\nError: context deadline exceeded',
};
const ok = (stdout: string): ExecResult => ({ code: 0, stdout, stderr: '' });
const TOOLS = ['etcd', 'etcdctl', 'etcdutl'];
const TOOL_SECTIONS = Object.entries({
  paths: TOOLS.map((t) => `/usr/local/bin/${t}`).join('\n'),
  ...Object.fromEntries(
    TOOLS.map((t) => [t, `${t} ${t === 'etcd' ? 'Version' : 'version'}: 3.6.16`]),
  ),
  'etcdctl-restore': '',
  'etcdutl-restore': '--bump-revision --mark-compacted',
})
  .map(([n, t]) => `@@kube-rescue@@${n}\n${t}\n`)
  .join('');
const nothing =
  <T>(what: string) =>
  (): T => {
    throw new Error(`the probe ${what} nothing`);
  };

class FakeKubeadmNode implements Transport {
  readonly kind = 'docker' as const;
  readonly calls: string[] = [];
  constructor(
    readonly node: string,
    private readonly m: Member,
  ) {}

  async exec(argv: readonly string[], _options: ExecOptions = {}): Promise<ExecResult> {
    const line = argv.join(' ');
    this.calls.push(line);
    // The identification of the etcd image's binaries: one section per probe of them.
    if (line.includes('@@kube-rescue@@')) return ok(TOOL_SECTIONS);
    if (line.includes('data=missing')) {
      // Every member listens and its dir holds what etcd wrote there (wiped or not).
      return ok(
        'certs=yes\ndata=present\nlistening=yes\ncrictl=yes\nctr=yes\nstaticpods=/etc/kubernetes/manifests\n',
      );
    }
    if (argv[0] === 'etcdctl') return this.etcdctl(argv);
    if (argv[0] === 'crictl' && argv[1] === 'ps') return this.crictlPs();
    if (argv[0] === 'crictl' && argv[1] === 'logs') {
      const id = argv.at(-1)!;
      const c = this.m.containers?.[Number(id.split('-').at(-1))];
      return { code: 0, stdout: '', stderr: c?.log ?? '' };
    }
    if (line.includes('[ -r ')) return ok('');
    throw new Error(`fake node ${this.node}: unexpected command ${line}`);
  }

  private crictlPs(): ExecResult {
    const list = this.m.containers ?? [];
    return ok(
      JSON.stringify({
        containers: list.map((c, i) => ({
          id: `${this.node}-etcd-container-${i}`,
          podSandboxId: c.sandbox,
          metadata: { name: 'etcd', attempt: list.length - 1 - i },
          state: c.state === 'running' ? 'CONTAINER_RUNNING' : 'CONTAINER_EXITED',
          // Newest first, as the kubelet's record would sort them by creation.
          createdAt: String(1_764_000_000_000_000_000n - BigInt(i) * 10_000_000_000n),
        })),
      }),
    );
  }

  /** Counts a call down: true while the member still runs out of etcdctl's bound. */
  private timesOut(what: 'statusTimeouts' | 'healthTimeouts'): boolean {
    const left = this.m[what] ?? 0;
    if (left > 0) this.m[what] = left - 1;
    return left > 0;
  }

  private etcdctl(argv: readonly string[]): ExecResult {
    const what = argv
      .filter((a) => !a.startsWith('--'))
      .slice(1, 3)
      .join(' ');
    const endpoint = argv.find((a) => a.startsWith('--endpoints='))!.slice('--endpoints='.length);
    const s = this.m.store;
    const empty = s.kind === 'empty';
    const answers: Record<string, () => ExecResult> = {
      'endpoint status': () => {
        if (this.timesOut('statusTimeouts')) return deadline;
        const header = {
          cluster_id: s.clusterId ?? CLUSTER,
          member_id: ids[this.node],
          revision: empty ? 1 : s.revision,
        };
        const leader = this.m.leader ? ids[this.m.leader] : 0;
        return ok(
          JSON.stringify([
            {
              Endpoint: endpoint,
              Status: {
                header,
                version: '3.6.16',
                dbSize: empty ? 20480 : 9_000_000,
                leader,
                raftIndex: s.raftIndex,
                raftTerm: 9,
                raftAppliedIndex: s.raftIndex,
              },
            },
          ]),
        );
      },
      'endpoint health': () =>
        ok(
          JSON.stringify([
            this.timesOut('healthTimeouts')
              ? { endpoint, health: false, error: 'context deadline exceeded' }
              : { endpoint, health: true, took: '3ms' },
          ]),
        ),
      // The membership the healthy members keep: every host, by its own id.
      'member list': () =>
        ok(
          JSON.stringify({
            header: { cluster_id: CLUSTER },
            members: hosts.map((h) => ({
              ID: ids[h],
              name: h,
              peerURLs: [`https://${addr(h)}:2380`],
              clientURLs: [`https://${addr(h)}:2379`],
            })),
          }),
        ),
    };
    const answer = answers[what];
    if (!answer) throw new Error(`fake node ${this.node}: unexpected etcdctl ${argv.join(' ')}`);
    return answer();
  }

  script = (script: string, options?: ExecOptions) => this.exec(['sh', '-c', script], options);
  execStream = nothing<StreamingExec>('streams');
  readFile = nothing<Readable>('reads');
  writeFile = nothing<Promise<void>>('writes');
  ping = async () => {};
  close = async () => {};
}

const hosts = Object.keys(ids);
const inventory = parseInventory(
  [
    '[kube_control_plane]',
    ...hosts.map((h) => `${h} ansible_host=${addr(h)}`),
    '[etcd]',
    ...hosts.map((h) => `${h} ansible_host=${addr(h)} etcd_member_name=${h}`),
  ].join('\n'),
  'hosts.ini',
);

async function probe(cluster: Record<string, Member>) {
  const nodes = new Map(hosts.map((h) => [h, new FakeKubeadmNode(h, cluster[h]!)]));
  const health = await probeCluster(inventory, (h) => nodes.get(h)!, defaultNodeAccess, {
    layout: kubeadmLayout(),
    commands: defaultToolCommands,
    etcdTimeoutMs: 4000,
    timeoutMs: 20_000,
    // etcd's 1 s default election timeout: a watch the fake ends within a few polls.
    electionBoundMs: 3000,
  });
  const state: ClusterState = { ...health, clusterName: 'kr-kubeadm' };
  return { health, state, nodes };
}

const plan = (state: ClusterState) =>
  buildPlan(
    {
      source: 'hosts.ini',
      etcd: hosts.map((h) => ({ host: h, memberName: h, address: addr(h) })),
      controlPlane: hosts,
    },
    {
      ...state,
      controlPlane: hosts.map((h) => ({
        host: h,
        reachable: true,
        certsPresent: true,
        missingCertDirs: [],
        errors: [],
      })),
    },
    undefined,
    planOptionsAt(new Date('2026-12-02T05:00:00Z')),
  );

const byHost = (health: { etcd: { host: string }[] }, h: string) =>
  health.etcd.find((e) => e.host === h) as ClusterState['etcd'][number];

const intact: Store = { kind: 'data', revision: 48_211, raftIndex: 8812 };
const running = (sandbox: string) => ({ sandbox, state: 'running' as const });

describe('wiped members the kubelet keeps running are lost by evidence; slow intact ones stay unknown', () => {
  it('two members answer with an empty store of the same cluster: quorum loss from the survivor, nothing asked of their health', async () => {
    const { health, state, nodes } = await probe({
      // The survivor names a wiped member as leader (the two empty ones elected each other)
      // and would time out on health: it must not be asked, let alone be called unknown.
      cp1: { store: intact, leader: 'cp3', healthTimeouts: 99 },
      cp2: { store: { kind: 'empty', raftIndex: 0 }, leader: 'cp3' },
      cp3: { store: { kind: 'empty', raftIndex: 2 }, leader: 'cp3' },
    });
    for (const h of ['cp2', 'cp3']) {
      const s = byHost(health, h);
      expect(s.lost).toMatch(
        new RegExp(
          `^etcd answers, but with an empty store: member ${ids[h]!.toString(16)} is at revision 1 \\(etcd's first\\), raft index \\d, while cp1 \\(member a1 of cluster 7c\\) is at revision 48211, raft index 8812`,
        ),
      );
      expect(s.healthy).toBe(false);
    }
    const survivor = byHost(health, 'cp1');
    expect(survivor.unknown).toBeUndefined();
    expect(survivor.lost).toBeUndefined();
    expect(survivor.healthy).toBe(false);
    expect(survivor.errors).toContain(
      "cp1 still names a leader, but 2 of 3 members hold no data (cp2, cp3): no quorum of the cluster's data can commit",
    );
    expect(nodes.get('cp1')!.calls.some((c) => c.includes('endpoint health'))).toBe(false);
    expect(health.quorum).toBe(false);
    const p = plan(state);
    expect(p.case).toBe('quorum-loss');
    expect(p.source).toMatchObject({ kind: 'survivor', node: 'cp1', raftIndex: 8812 });
    // Every member is restored; the survivor is broken only for want of a quorum.
    expect(p.brokenEtcd).toEqual(hosts);
    expect(p.brokenWhy?.cp2).toMatch(/empty store/);
    expect(p.brokenWhy?.cp1).toMatch(/no quorum of the cluster's data can commit/);
    expect(p.steps.filter((s) => s.action === 'restore-snapshot').map((s) => s.node)).toEqual(
      hosts,
    );
  });

  it('a wiped first node that bootstrapped a new cluster of its own (healthy there, its API server writing) is lost too', async () => {
    const { health, state } = await probe({
      cp1: {
        store: { kind: 'data', revision: 612, raftIndex: 700, clusterId: 0x99 },
        leader: 'cp1',
      },
      cp2: { store: intact, leader: 'cp2' },
      cp3: { store: intact, leader: 'cp2' },
    });
    expect(byHost(health, 'cp1').lost).toBe(
      'etcd answers for another cluster: member a1 of cluster 99 at revision 612, raft index 700, while cp2 (member a2 of cluster 7c) is at revision 48211, raft index 8812; its data dir was wiped and etcd bootstrapped a new cluster of its own there',
    );
    expect(byHost(health, 'cp2').healthy).toBe(true);
    expect(byHost(health, 'cp3').healthy).toBe(true);
    expect(plan(state).case).toBe('member-loss');
  });

  it('a member that crash-loops on a lost raft log (the kubelet saw it panic in this pod) is lost, though it listens', async () => {
    const { health, state } = await probe({
      cp1: { store: intact, leader: 'cp1' },
      cp2: {
        store: intact,
        statusTimeouts: 99,
        containers: [
          running('pod-b'),
          { sandbox: 'pod-b', state: 'exited', log: `raft2026/12/02 05:01:02 ${PANIC}` },
        ],
      },
      cp3: { store: intact, leader: 'cp1' },
    });
    const s = byHost(health, 'cp2');
    expect(s.unknown).toBeUndefined();
    expect(s.lost).toMatch(
      /^its etcd container cp2-etcd-cont \(attempt 0 of the pod that runs now\) exited saying "tocommit\(8812\) is out of range \[lastIndex\(0\)\]": etcd says so only where the member's data is gone/,
    );
    const p = plan(state);
    expect(p.case).toBe('member-loss');
    expect(p.brokenEtcd).toEqual(['cp2']);
  });

  it('a member whose dir has no WAL and cannot join (etcd exits validating its peers) is lost, and the survivor restores all', async () => {
    const exit =
      '{"level":"fatal","msg":"discovery failed","error":"error validating peerURLs {ClusterID:99 Members:[&{ID:a1}]}: member count is unequal"}';
    const { health, state } = await probe({
      // cp1 bootstrapped a cluster of its own; cp2, asking it for the cluster, cannot join.
      cp1: {
        store: { kind: 'data', revision: 700, raftIndex: 750, clusterId: 0x99 },
        leader: 'cp1',
      },
      cp2: {
        store: intact,
        statusTimeouts: 99,
        containers: [running('pod-c'), { sandbox: 'pod-c', state: 'exited', log: exit }],
      },
      cp3: { store: intact },
    });
    expect(byHost(health, 'cp2').lost).toMatch(
      /exited saying "error validating peerURLs \{ClusterID:99 Members:\[&\{ID:a1\}\]\}: member count is unequal"/,
    );
    expect(byHost(health, 'cp1').lost).toMatch(/^etcd answers for another cluster/);
    const p = plan(state);
    expect(p.case).toBe('quorum-loss');
    expect(p.source).toMatchObject({ kind: 'survivor', node: 'cp3' });
  });

  it('a member that listens but never became ready, begun without a WAL, is lost; one restarted from its WAL stays unknown', async () => {
    const fresh = '{"level":"info","msg":"starting local member","local-member-id":"a3"}';
    const restarted = '{"level":"info","msg":"restarting local member","local-member-id":"a2"}';
    const { health } = await probe({
      cp1: { store: intact, leader: 'cp1' },
      cp2: {
        store: intact,
        statusTimeouts: 99,
        containers: [{ sandbox: 'pod-r', state: 'running', log: restarted }],
      },
      cp3: {
        store: intact,
        statusTimeouts: 99,
        containers: [{ sandbox: 'pod-f', state: 'running', log: fresh }],
      },
    });
    expect(byHost(health, 'cp3').lost).toMatch(
      /^its etcd container cp3-etcd-cont began the member without a WAL \(its log says "starting local member"/,
    );
    expect(byHost(health, 'cp2').lost).toBeUndefined();
    expect(byHost(health, 'cp2').unknown).toMatch(/did not answer status within 4 s, twice/);
  });

  it('a slow intact member beside a wiped one stays unknown, and the snapshot plan is refused', async () => {
    const { health, state } = await probe({
      cp1: { store: intact, statusTimeouts: 99, containers: [running('pod-a')] },
      cp2: { store: intact, leader: 'cp2', healthTimeouts: 99 },
      cp3: { store: { kind: 'empty', raftIndex: 0 } },
    });
    expect(byHost(health, 'cp3').lost).toMatch(/empty store/);
    expect(byHost(health, 'cp1').lost).toBeUndefined();
    expect(byHost(health, 'cp1').unknown).toMatch(
      /^etcd listens on https:\/\/10\.1\.0\.1:2379 but did not answer status within 4 s, twice/,
    );
    expect(() => plan(state)).toThrow(/cp1 etcd listens on[\s\S]*the cluster may be healthy/);
  });

  it('a lost-log panic from an earlier life of the pod (another sandbox) is no evidence: the silent member stays unknown', async () => {
    const { health } = await probe({
      cp1: {
        store: intact,
        statusTimeouts: 99,
        containers: [running('pod-new'), { sandbox: 'pod-old', state: 'exited', log: PANIC }],
      },
      cp2: { store: intact, leader: 'cp2' },
      cp3: { store: intact, leader: 'cp2' },
    });
    expect(byHost(health, 'cp1').lost).toBeUndefined();
    expect(byHost(health, 'cp1').unknown).toMatch(/did not answer status within 4 s, twice/);
  });

  it('a member behind the others but past the first revision is not called empty', async () => {
    const { health, state } = await probe({
      cp1: { store: intact, leader: 'cp1' },
      cp2: { store: intact, leader: 'cp1' },
      cp3: { store: { kind: 'data', revision: 2, raftIndex: 7 }, leader: 'cp1' },
    });
    expect(byHost(health, 'cp3').lost).toBeUndefined();
    expect(byHost(health, 'cp3').healthy).toBe(true);
    expect(plan(state).case).toBe('healthy');
  });

  it('a brand-new cluster where every member is at the first revision has nothing empty by comparison', async () => {
    const fresh: Store = { kind: 'empty', raftIndex: 8 };
    const { health } = await probe({
      cp1: { store: fresh, leader: 'cp1' },
      cp2: { store: fresh, leader: 'cp1' },
      cp3: { store: fresh, leader: 'cp1' },
    });
    for (const h of hosts) expect(byHost(health, h).lost).toBeUndefined();
    expect(health.etcd.every((e) => e.healthy)).toBe(true);
  });
});
