import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { parseInventory } from '../../../src/inventory/document.js';
import { defaultNodeAccess } from '../../../src/nodes/access.js';
import { TransportTimeoutError, UnreachableError } from '../../../src/nodes/errors.js';
import type {
  ExecOptions,
  ExecResult,
  StreamingExec,
  Transport,
} from '../../../src/nodes/transport.js';
import { type BackupSummary, buildPlan, type ClusterState } from '../../../src/recovery/plan.js';
import { probeCluster } from '../../../src/recovery/probe.js';
import { planOptionsAt } from './fixtures.js';

// The probe on a loaded machine, made deterministic: fake nodes (a mock: a cluster whose
// answers arrive late on demand cannot be had otherwise) answer the probe's commands as a
// Kubespray etcd 3.6 node does, and time out exactly where a test says. The real probe and
// the real planner run over them. Seen once under load: node3 wiped, node1 and node2 healthy
// but slower than etcdctl's 1 s status bound, and the plan was a total-loss restore of all three.

const ids: Record<string, number> = { node1: 101, node2: 102, node3: 103 };
const addr = (h: string) => `10.0.0.${h.slice(-1)}`;

interface Behaviour {
  wiped?: boolean;
  /** How many `endpoint status` calls fail as etcdctl does when its --command-timeout passes. */
  statusTimeouts?: number;
  /** How many `endpoint health` calls fail that way. */
  healthTimeouts?: number;
  /** The ping runs out of our bound (a slow SSH handshake). */
  pingTimesOut?: boolean;
  /** Connection refused. */
  refused?: boolean;
  /** The facts script runs out of our bound. */
  factsTimeOut?: boolean;
  /** The facts script answers, this late (a node under load). */
  factsDelayMs?: number;
  /** Our side has no key for it, as the SSH transport says before it connects. */
  noKey?: boolean;
}

const ok = (stdout: string): ExecResult => ({ code: 0, stdout, stderr: '' });
const deadline: ExecResult = {
  code: 1,
  stdout: '',
  stderr: '{"level":"warn","msg":"context deadline exceeded"}\nError: context deadline exceeded',
};

class FakeNode implements Transport {
  readonly kind = 'ssh' as const;
  readonly calls: string[] = [];
  constructor(
    readonly node: string,
    private readonly b: Behaviour,
    private readonly cluster: Record<string, Behaviour>,
  ) {}

  async exec(argv: readonly string[], options: ExecOptions = {}): Promise<ExecResult> {
    const line = argv.join(' ');
    this.calls.push(line);
    if (line.includes('@@kube-rescue@@')) {
      const sections = [
        ['paths', '/usr/local/bin/etcd\n/usr/local/bin/etcdctl\n/usr/local/bin/etcdutl'],
        ['etcd', 'etcd Version: 3.6.5'],
        ['etcdctl', 'etcdctl version: 3.6.5'],
        ['etcdutl', 'etcdutl version: 3.6.5'],
        ['etcdctl-restore', ''],
        ['etcdutl-restore', '--bump-revision --mark-compacted'],
      ];
      return ok(sections.map(([n, t]) => `@@kube-rescue@@${n}\n${t}\n`).join(''));
    }
    if (line.includes('data=missing')) {
      if (this.b.factsTimeOut)
        throw new TransportTimeoutError(this.node, 'command sh -c …', options.timeoutMs ?? 0);
      if (this.b.factsDelayMs) await new Promise((r) => setTimeout(r, this.b.factsDelayMs));
      return ok(this.b.wiped ? 'data=empty\n' : 'certs=yes\ndata=present\nlistening=yes\n');
    }
    if (argv[0] === 'etcdctl') return this.etcdctl(argv);
    // The client-certificate check of etcdctl's preflight: every file readable.
    if (line.includes('[ -r ')) return ok('');
    throw new Error(`fake node ${this.node}: unexpected command ${line}`);
  }

  private etcdctl(argv: readonly string[]): ExecResult {
    const args = argv.filter((a) => !a.startsWith('--'));
    const what = args.slice(1, 3).join(' ');
    const endpoint = argv.find((a) => a.startsWith('--endpoints='))!.slice('--endpoints='.length);
    if (what === 'endpoint status') {
      if ((this.b.statusTimeouts ?? 0) > 0) {
        this.b.statusTimeouts!--;
        return deadline;
      }
      return ok(
        JSON.stringify([
          {
            Endpoint: endpoint,
            Status: {
              header: { cluster_id: 7, member_id: ids[this.node], revision: 500, raft_term: 2 },
              version: '3.6.5',
              dbSize: 4096,
              leader: ids.node1,
              raftIndex: 900,
              raftTerm: 2,
              raftAppliedIndex: 900,
              errors: [],
            },
          },
        ]),
      );
    }
    if (what === 'endpoint health') {
      if ((this.b.healthTimeouts ?? 0) > 0) {
        this.b.healthTimeouts!--;
        return ok(
          JSON.stringify([{ endpoint, health: false, error: 'context deadline exceeded' }]),
        );
      }
      return ok(JSON.stringify([{ endpoint, health: true, took: '2ms' }]));
    }
    if (what === 'member list') {
      return ok(
        JSON.stringify({
          header: { cluster_id: 7 },
          members: Object.keys(ids).map((h) => ({
            ID: ids[h],
            name: `etcd${h.slice(-1)}`,
            peerURLs: [`https://${addr(h)}:2380`],
            clientURLs: this.cluster[h]?.wiped ? [] : [`https://${addr(h)}:2379`],
          })),
        }),
      );
    }
    throw new Error(`fake node ${this.node}: unexpected etcdctl ${argv.join(' ')}`);
  }

  script(script: string, options?: ExecOptions): Promise<ExecResult> {
    return this.exec(['sh', '-c', script], options);
  }
  execStream(): StreamingExec {
    throw new Error('the probe streams nothing');
  }
  readFile(): Readable {
    throw new Error('the probe reads no file');
  }
  async writeFile(): Promise<void> {
    throw new Error('the probe writes nothing');
  }
  async ping(options: { timeoutMs?: number } = {}): Promise<void> {
    if (this.b.noKey)
      throw new InputError(
        `No SSH key for node ${this.node}: give --ssh-key <file> (action input ssh-key), or run an ssh-agent.`,
      );
    if (this.b.refused)
      throw new UnreachableError(this.node, `connect ECONNREFUSED ${addr(this.node)}:22`);
    if (this.b.pingTimesOut)
      throw new TransportTimeoutError(this.node, 'the SSH handshake', options.timeoutMs ?? 0);
  }
  async close(): Promise<void> {}
}

const inventory = parseInventory(
  [
    '[etcd]',
    ...Object.keys(ids).map(
      (h) => `${h} ansible_host=${addr(h)} etcd_member_name=etcd${h.slice(-1)}`,
    ),
  ].join('\n'),
  'hosts.ini',
);

const backup: BackupSummary = {
  location: '/backups/cluster.local-20261201T120000Z',
  clusterName: 'cluster.local',
  etcdVersion: '3.6.5',
  snapshotObject: 'etcd.db',
  revision: 400,
  totalKey: 100,
  encrypted: false,
  certArchives: {},
};

async function probe(cluster: Record<string, Behaviour>, timeoutMs = 20_000) {
  const nodes = new Map(
    Object.keys(ids).map((h) => [h, new FakeNode(h, cluster[h] ?? {}, cluster)]),
  );
  const health = await probeCluster(inventory, (h) => nodes.get(h)!, defaultNodeAccess, {
    layout: kubesprayLayout(),
    etcdTimeoutMs: 4000,
    timeoutMs,
  });
  const state: ClusterState = { ...health, clusterName: 'cluster.local' };
  return { health, state, nodes };
}

const plan = (state: ClusterState, force = false) =>
  buildPlan(
    {
      source: 'hosts.ini',
      etcd: Object.keys(ids).map((h) => ({
        host: h,
        memberName: `etcd${h.slice(-1)}`,
        address: addr(h),
      })),
      controlPlane: [],
    },
    state,
    backup,
    planOptionsAt(new Date('2026-12-02T00:00:00Z'), { force }),
  );

const byHost = (health: { etcd: { host: string }[] }, h: string) =>
  health.etcd.find((e) => e.host === h) as ClusterState['etcd'][number];

describe('a slow but healthy member is never judged lost', () => {
  it('status slower than its first bound once: the recheck answers, and the plan replaces only the wiped member', async () => {
    const { health, state, nodes } = await probe({
      node1: { statusTimeouts: 1 },
      node2: { statusTimeouts: 1 },
      node3: { wiped: true },
    });
    expect(byHost(health, 'node1').healthy).toBe(true);
    expect(byHost(health, 'node2').healthy).toBe(true);
    expect(byHost(health, 'node1').unknown).toBeUndefined();
    expect(byHost(health, 'node3').lost).toBe(
      'no etcd process listens on client port 2379; data dir /var/lib/etcd is empty',
    );
    // The recheck is etcdctl with the full bound, not another 1 s.
    const statusCalls = nodes.get('node1')!.calls.filter((c) => c.includes('endpoint status'));
    expect(statusCalls).toHaveLength(2);
    expect(statusCalls[0]).toContain('--command-timeout=1s');
    expect(statusCalls[1]).toContain('--command-timeout=4s');
    const p = plan(state);
    expect(p.case).toBe('member-loss');
    expect(p.brokenEtcd).toEqual(['node3']);
    expect(p.steps.filter((s) => s.action === 'restore-snapshot')).toEqual([]);
  });

  it('status never answers on two healthy members: they are unknown, and the plan is refused, not a total loss', async () => {
    const { health, state } = await probe({
      node1: { statusTimeouts: 99 },
      node2: { statusTimeouts: 99 },
      node3: { wiped: true },
    });
    for (const h of ['node1', 'node2']) {
      const s = byHost(health, h);
      expect(s.lost).toBeUndefined();
      expect(s.healthy).toBe(false);
      expect(s.unknown).toMatch(
        new RegExp(
          `^etcd listens on https://${addr(h)}:2379 but did not answer status within 4 s, twice`,
        ),
      );
    }
    expect(() => plan(state)).toThrow(InputError);
    expect(() => plan(state)).toThrow(
      /node1 etcd listens on https:\/\/10\.0\.0\.1:2379 but did not answer status within 4 s[\s\S]*the cluster may be healthy[\s\S]*Run plan again[\s\S]*--force/,
    );
  });

  it('that refusal is the only thing between the old behaviour and a total-loss restore: with --force it plans one', async () => {
    const { state } = await probe({
      node1: { statusTimeouts: 99 },
      node2: { statusTimeouts: 99 },
      node3: { wiped: true },
    });
    // The operator's --force says they know better; it still names why each member is broken.
    const p = plan(state, true);
    expect(p.case).toBe('total-loss');
    expect(p.brokenWhy?.node1).toMatch(/did not answer status within 4 s/);
    expect(p.brokenWhy?.node3).toMatch(/data dir \/var\/lib\/etcd is empty/);
  });

  it('a ping that runs out of time is unknown; a refused connection is lost', async () => {
    const { health, state } = await probe({
      node1: { pingTimesOut: true },
      node2: {},
      node3: { refused: true },
    });
    expect(byHost(health, 'node1').lost).toBeUndefined();
    expect(byHost(health, 'node1').unknown).toMatch(
      /^did not answer within 20 s \(Node node1: the SSH handshake did not finish/,
    );
    expect(byHost(health, 'node3').lost).toMatch(
      /^host does not answer \(Node node3 is unreachable: connect ECONNREFUSED/,
    );
    expect(() => plan(state)).toThrow(
      /node1 did not answer within 20 s[\s\S]*the cluster may be healthy/,
    );
  });

  it('no SSH key for a node is our own configuration, said at once: no health, no plan, no doubt', async () => {
    const err = await probe({ node1: {}, node2: { noKey: true }, node3: { wiped: true } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^No SSH key for node node2: give --ssh-key/);
  });

  it('facts that run out of time on a node that answers: unknown, not "no etcd process"', async () => {
    const { health } = await probe({
      node1: { factsTimeOut: true },
      node2: {},
      node3: { wiped: true },
    });
    const s = byHost(health, 'node1');
    expect(s.lost).toBeUndefined();
    expect(s.etcdRunning).toBe(false);
    expect(s.unknown).toMatch(
      /^answered, but the look at its etcd process and data dir did not finish/,
    );
  });

  it('a look slower than the probe bound is unknown and the plan refused, naming --probe-timeout; a longer bound sees it healthy', async () => {
    const slow = () => ({ node1: { factsDelayMs: 400 }, node2: {}, node3: { wiped: true } });
    const short = await probe(slow(), 150);
    expect(byHost(short.health, 'node1').unknown).toBe(
      'answered, but the look at its etcd process and data dir did not finish (probing node1 did not finish within 0.15 s)',
    );
    expect(() => plan(short.state)).toThrow(
      /Run plan again \(when the nodes are less loaded, or with a longer --probe-timeout\)/,
    );
    const long = await probe(slow(), 3000);
    expect(byHost(long.health, 'node1').unknown).toBeUndefined();
    expect(byHost(long.health, 'node1').healthy).toBe(true);
    expect(plan(long.state).case).toBe('member-loss');
  });

  it('a member that names a live leader but whose health check times out twice is unknown', async () => {
    const { health, state } = await probe({
      node1: { healthTimeouts: 2 },
      node2: { healthTimeouts: 2 },
      node3: { wiped: true },
    });
    expect(byHost(health, 'node1').unknown).toMatch(
      /^names live leader 65 but did not answer healthy within 8 s, twice/,
    );
    expect(health.quorum).toBe(false);
    // Without the unknown mark these two were survivors, and the plan a quorum-loss restore.
    expect(() => plan(state)).toThrow(/node1 names live leader[\s\S]*the cluster may be healthy/);
  });

  it('one health timeout is rechecked and the member stays healthy', async () => {
    const { health, state } = await probe({
      node1: { healthTimeouts: 1 },
      node2: {},
      node3: { wiped: true },
    });
    expect(byHost(health, 'node1').healthy).toBe(true);
    expect(byHost(health, 'node1').unknown).toBeUndefined();
    expect(plan(state).case).toBe('member-loss');
  });
});
