import { hasQuorum } from './health.js';

/**
 * What the probe decides from evidence instead of waiting: which facts about a member are a
 * definite loss (decided at once), whether the members that are up can form a quorum at all,
 * and — only for members up without a live leader — a bounded watch of raft term and leader
 * that stops as soon as the answer is clear. Pure over an injected clock and status source,
 * so the rules are tested without a cluster and without sleeping.
 */

/** What one look at a node found, before any etcdctl call. */
export interface NodeFacts {
  reachable: boolean;
  /** Why not, when not (the transport's words). */
  unreachableWhy?: string;
  etcdRunning: boolean;
  /** `missing`: no data dir; `empty`: the dir holds nothing (no `member/`). */
  dataDir?: 'missing' | 'empty' | 'present';
  dataDirPath?: string;
  clientPort?: string;
}

/**
 * Why this member is lost for certain, or undefined when it may be up: a host that does not
 * answer, no etcd process on the client port (with what is left of its data dir). Nothing
 * here is rechecked: none of it changes by waiting.
 */
export function definiteLoss(f: NodeFacts): string | undefined {
  if (!f.reachable)
    return `host does not answer${f.unreachableWhy ? ` (${f.unreachableWhy})` : ''}`;
  // A running etcd serves from its open files whatever the dir looks like: status decides.
  if (f.etcdRunning) return undefined;
  const why = [`no etcd process listens on client port ${f.clientPort ?? '2379'}`];
  if (f.dataDir === 'missing' || f.dataDir === 'empty') {
    why.push(`data dir ${f.dataDirPath ?? ''} is ${f.dataDir}`.replace('  ', ' '));
  }
  return why.join('; ');
}

/**
 * Whether the members still up could form a quorum of `voters`: if not, no election can end
 * with a leader and nothing is worth waiting for.
 */
export function quorumPossible(up: number, voters: number): boolean {
  return hasQuorum(up, voters);
}

/** The part of `etcdctl endpoint status` the watch reads. */
export interface RaftView {
  memberId: string;
  /** Leader as this member sees it; '0' or '' when none. */
  leader: string;
  raftTerm: number;
  raftIndex: number;
}

/**
 * A leader worth believing: not none, and one of the members that answered. A member keeps
 * naming a dead leader until its election timeout fires; that name is no evidence of quorum.
 */
export function liveLeader(view: RaftView, liveIds: ReadonlySet<string>): string | undefined {
  const l = view.leader.replace(/^0+/, '');
  return l && liveIds.has(l) ? l : undefined;
}

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

export interface LeaderWatchOptions {
  /** The cluster's election timeout (ETCD_ELECTION_TIMEOUT / --election-timeout); etcd's default 1000. */
  electionTimeoutMs: number;
  /** Never watch longer than this. */
  boundMs: number;
  /** Time between two looks. Default 200 ms. */
  pollMs?: number;
  clock?: Clock;
}

export type LeaderWatchOutcome =
  /** A live leader is seen: the caller checks health now. */
  | { kind: 'leader'; leader: string; afterMs: number; term: number }
  /** No live leader, and no term moved for twice the election timeout: no election is under way. */
  | { kind: 'no-leader'; afterMs: number; term: number; termMoved: boolean; why: string };

/**
 * Watches raft term and leader on members that are up without a live leader, until one of
 * them names a live leader, or until the answer is clear without one: no term moved for
 * longer than an election can take to start (twice the election timeout: etcd randomises it
 * in [1×, 2×)), or the bound passed with terms still moving (elections that keep failing).
 * `look` returns the views of the members that answered this time.
 */
export async function watchForLeader(
  look: () => Promise<RaftView[]>,
  liveIds: ReadonlySet<string>,
  options: LeaderWatchOptions,
): Promise<LeaderWatchOutcome> {
  const clock = options.clock ?? realClock;
  const pollMs = options.pollMs ?? 200;
  const quietMs = 2 * options.electionTimeoutMs + pollMs;
  const t0 = clock.now();
  let lastTerm = -1;
  let lastMove = t0;
  let termMoved = false;
  for (;;) {
    const views = await look();
    const now = clock.now();
    const elapsed = now - t0;
    const term = Math.max(-1, ...views.map((v) => v.raftTerm));
    for (const v of views) {
      const leader = liveLeader(v, liveIds);
      if (leader) return { kind: 'leader', leader, afterMs: elapsed, term: v.raftTerm };
    }
    if (term !== lastTerm) {
      if (lastTerm !== -1) termMoved = true;
      lastTerm = term;
      lastMove = now;
    }
    if (now - lastMove >= quietMs) {
      return {
        kind: 'no-leader',
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader, raft term ${term} unchanged for ${((now - lastMove) / 1000).toFixed(1)} s (election timeout ${options.electionTimeoutMs / 1000} s): no election is under way`,
      };
    }
    if (elapsed >= options.boundMs) {
      return {
        kind: 'no-leader',
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader within ${(options.boundMs / 1000).toFixed(1)} s${termMoved ? `, raft term still moving (now ${term}): elections keep failing` : `, raft term ${term}`}`,
      };
    }
    await clock.sleep(Math.min(pollMs, Math.max(0, options.boundMs - elapsed)));
  }
}

/** What one member's own `endpoint status` said of its data, for `emptyKeyspaceLosses`. */
export interface DataView {
  host: string;
  memberId: string;
  clusterId: string;
  revision: number;
  raftIndex: number;
}

/**
 * etcd's first revision: a keyspace no write and no snapshot ever reached. Every later state
 * of a member's store is above it, and a member's revision never goes back.
 */
export const INITIAL_REVISION = 1;

/**
 * Members whose data is gone although etcd runs and answers, told by the members' own status:
 * - an empty store of this cluster: the kubelet (or systemd) restarted etcd on a wiped data dir
 *   whose configuration joins the existing cluster, so it answers at etcd's first revision
 *   while another member answers with a later one (a member's revision never goes back);
 * - a cluster of its own: a wiped member whose configuration bootstraps a new cluster (kubeadm
 *   writes the first control-plane node's manifest so) answers for another cluster id than
 *   the cluster (the id more members answer for, then the longest raft log) with a shorter
 *   raft log, and may well be healthy there, with its own API server writing.
 * A member that is only slow answers with its own revision and cluster, or not at all: never
 * judged here. Returns host → why, in the members' own words (ids, revision, raft index).
 */
export function emptyKeyspaceLosses(views: readonly DataView[]): Map<string, string> {
  const out = new Map<string, string>();
  // Where members answer for different clusters, the cluster is the one more of them answer
  // for, then the one with the longest raft log (a new cluster's log starts again at 1).
  const byCluster = new Map<string, DataView[]>();
  for (const v of views) byCluster.set(v.clusterId, [...(byCluster.get(v.clusterId) ?? []), v]);
  const longest = (vs: DataView[]) => Math.max(...vs.map((v) => v.raftIndex));
  const [main] = [...byCluster.values()].sort(
    (a, b) => b.length - a.length || longest(b) - longest(a),
  );
  const ahead = [...(main ?? [])].sort(
    (a, b) => b.revision - a.revision || b.raftIndex - a.raftIndex,
  )[0];
  if (!ahead || ahead.revision <= INITIAL_REVISION) return out;
  const peer = `${ahead.host} (member ${ahead.memberId} of cluster ${ahead.clusterId}) is at revision ${ahead.revision}, raft index ${ahead.raftIndex}`;
  for (const v of views) {
    if (v.clusterId !== ahead.clusterId && v.raftIndex < ahead.raftIndex) {
      out.set(
        v.host,
        `etcd answers for another cluster: member ${v.memberId} of cluster ${v.clusterId} at revision ${v.revision}, raft index ${v.raftIndex}, while ${peer}; its data dir was wiped and etcd bootstrapped a new cluster of its own there`,
      );
    } else if (v.revision <= INITIAL_REVISION && v.raftIndex < ahead.raftIndex) {
      out.set(
        v.host,
        `etcd answers, but with an empty store: member ${v.memberId} is at revision ${v.revision} (etcd's first), raft index ${v.raftIndex}, while ${peer}; a member's revision never goes back, so its data dir was wiped and etcd re-created it`,
      );
    }
  }
  return out;
}

/**
 * What etcd prints, and then exits, only where a member's data is gone (so the kubelet keeps
 * restarting it): raft's panic when the leader knows the member once held entries its log no
 * longer has (a wiped dir restarted under the same member id), and the two errors of the
 * bootstrap that runs only on a data dir without a WAL, joining an existing cluster.
 */
export const LOST_DATA_EXIT =
  /tocommit\(\d+\) is out of range \[lastIndex\(\d+\)\]|error validating peerURLs[^"]*|cannot fetch cluster info from peer urls[^"]*/;
