import { InputError } from '../errors.js';
import { EtcdCtl, type EtcdTls } from '../etcd/etcdctl.js';
import type { EndpointStatus, Member } from '../etcd/etcdctl-output.js';
import {
  detectLayout,
  KUBELET_CONFIG,
  kubeadmLayout,
  type Layout,
  layoutByName,
} from '../etcd/layout.js';
import { etcdLostLogPanic } from '../etcd/static-pod.js';
import { clientURLOf, peerURLOf } from '../etcd/urls.js';
import {
  defaultToolCommands,
  type EtcdToolCommands,
  type EtcdTools,
  etcdToolsOf,
  identifyEtcdBinaries,
} from '../etcd/version.js';
import type { Inventory } from '../inventory/types.js';
import type { NodeAccess } from '../nodes/access.js';
import { TransportTimeoutError, UnreachableError } from '../nodes/errors.js';
import type { Transport } from '../nodes/transport.js';
import { type Progress, silentProgress } from '../progress.js';
import {
  type Clock,
  definiteLoss,
  emptyKeyspaceLosses,
  LOST_DATA_EXIT,
  liveLeader,
  quorumPossible,
  watchForLeader,
} from './evidence.js';
import {
  type ClusterHealth,
  type ControlPlaneNodeHealth,
  type EtcdNodeHealth,
  quorumVerdict,
} from './health.js';

/** How the probe gets a node's Transport (a node pool's `get`, or a test's factory). */
export type TransportSource = (host: string) => Transport | Promise<Transport>;

export interface ProbeOptions {
  /** Bound for everything probed on one node (`--probe-timeout`). Default 20 s. */
  timeoutMs?: number;
  /** A fixed layout; otherwise `access.layout` (auto = detect on each node). */
  layout?: Layout;
  /**
   * Bound of the health check of a member that names a live leader (status itself gets 1 s;
   * a member that is not up is never asked). Default 4 s.
   */
  etcdTimeoutMs?: number;
  commands?: EtcdToolCommands;
  progress?: Progress;
  /**
   * Hosts the operator declared gone for good (`--remove-host`): reaching them is given 5 s,
   * not `timeoutMs`. They are still probed — one that answers healthy needs --force — but a
   * host that is really gone should not hold the whole probe for the full bound.
   */
  goneHosts?: readonly string[];
  /**
   * How long members that run without a live leader are watched for one to be elected.
   * Default 4 election timeouts + 1 s (at most 30 s); the watch ends sooner once clear.
   */
  electionBoundMs?: number;
  /** The watch's clock (tests). */
  clock?: Clock;
}

/** etcd's own --election-timeout default, when the node's configuration does not set one. */
const ETCD_DEFAULT_ELECTION_TIMEOUT_MS = 1000;

const GONE_HOST_CONNECT_MS = 5000;

class ProbeTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProbeTimeout(`${what} did not finish within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Kubespray's own vars when the inventory sets them, else its defaults (https, 2379/2380). */
export function memberUrls(
  inventory: Inventory,
  host: string,
  address: string,
): { client: string; peer: string } {
  const vars = inventory.hosts.get(host)?.vars ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
  return {
    client: str(vars.etcd_client_url) ?? clientURLOf(address),
    peer: str(vars.etcd_peer_url) ?? peerURLOf(address),
  };
}

export function clientTls(access: NodeAccess, layout: Layout, host: string): EtcdTls {
  const fromLayout = layout.clientTls(host);
  return {
    cacert: access.etcdCacert ?? fromLayout.cacert,
    cert: access.etcdCert ?? fromLayout.cert,
    key: access.etcdKey ?? fromLayout.key,
  };
}

async function resolveLayout(
  t: Transport,
  access: NodeAccess,
  options: ProbeOptions,
): Promise<Layout> {
  if (options.layout) return options.layout;
  return access.layout === 'auto' ? detectLayout(t) : layoutByName(access.layout);
}

async function missingDirs(t: Transport, dirs: string[]): Promise<string[]> {
  if (dirs.length === 0) return [];
  const res = await t.exec(
    ['sh', '-c', 'for d in "$@"; do [ -d "$d" ] || echo "$d"; done', 'sh', ...dirs],
    {
      allowFailure: true,
      timeoutMs: 10_000,
    },
  );
  return res.stdout.split('\n').filter(Boolean);
}

/** What one exec tells of an etcd node: cert dir, data dir, a listening etcd, election timeout. */
interface EtcdNodeFacts {
  certsPresent: boolean;
  dataDir: 'missing' | 'empty' | 'present';
  /** An etcd process listens on the client port (ss from iproute2); without ss, any etcd process. */
  listening: boolean;
  /** ETCD_ELECTION_TIMEOUT of the env file, or --election-timeout of the static pod. */
  electionTimeoutMs?: number;
  /** kubeadm: what the static-pod flow needs on the node. */
  staticPod?: NonNullable<EtcdNodeHealth['staticPod']>;
}

async function etcdNodeFacts(t: Transport, layout: Layout, port: string): Promise<EtcdNodeFacts> {
  const script = [
    '[ -d "$1" ] && echo certs=yes',
    // An unreadable dir (not root) is not called empty.
    'if [ ! -d "$2" ]; then echo data=missing; elif [ ! -r "$2" ] || [ -n "$(ls -A "$2")" ]; then echo data=present; else echo data=empty; fi',
    `if command -v ss >/dev/null 2>&1; then ss -Hltnp 'sport = :${Number(port)}' | grep -q etcd; else pgrep -x etcd >/dev/null; fi && echo listening=yes`,
    `[ -n "$3" ] && [ -r "$3" ] && sed -n 's/^ETCD_ELECTION_TIMEOUT=/election=/p' "$3"`,
    `[ -n "$4" ] && [ -r "$4" ] && sed -n 's/.*--election-timeout=/election=/p' "$4"`,
    // kubeadm: crictl confirms each stop and start; the kubelet says where its static pods are.
    ...(layout.name === 'kubeadm'
      ? [
          'command -v crictl >/dev/null 2>&1 && echo crictl=yes',
          'command -v ctr >/dev/null 2>&1 && echo ctr=yes',
          `[ -r ${KUBELET_CONFIG} ] && sed -n 's/^staticPodPath:[[:space:]]*/staticpods=/p' ${KUBELET_CONFIG}`,
        ]
      : []),
    'exit 0',
  ].join('\n');
  const res = await t.exec(
    [
      'sh',
      '-c',
      script,
      'sh',
      layout.etcdCertDir,
      layout.dataDir,
      layout.envFile ?? '',
      layout.etcdManifest ?? '',
    ],
    { allowFailure: true, timeoutMs: 10_000 },
  );
  const out = res.stdout;
  const data = /^data=(missing|empty|present)$/m.exec(out)?.[1] as
    | EtcdNodeFacts['dataDir']
    | undefined;
  const election = Number(/^election=["']?(\d+)/m.exec(out)?.[1]);
  const staticPods = /^staticpods=["']?([^"'\s]+)/m.exec(out)?.[1];
  return {
    certsPresent: /^certs=yes$/m.test(out),
    dataDir: data ?? 'missing',
    listening: /^listening=yes$/m.test(out),
    ...(election > 0 ? { electionTimeoutMs: election } : {}),
    ...(layout.name === 'kubeadm'
      ? {
          staticPod: {
            crictl: /^crictl=yes$/m.test(out),
            ctr: /^ctr=yes$/m.test(out),
            ...(staticPods ? { kubeletStaticPodPath: staticPods.replace(/\/+$/, '') } : {}),
          },
        }
      : {}),
  };
}

interface EtcdProbe {
  health: EtcdNodeHealth;
  ctl?: EtcdCtl;
  layout?: Layout;
  clusterId?: string;
  /** The member's own `endpoint status`, when it answered. */
  status?: EndpointStatus;
  electionTimeoutMs?: number;
}

interface JudgeOptions {
  etcdTimeoutMs: number;
  timeoutMs: number;
  electionBoundMs?: number;
  clock?: Clock;
}

/** A leader named where quorum is impossible by count gets this long to prove it (check-quorum demotes it within an election timeout). */
const DOUBTFUL_LEADER_MS = 1000;

/**
 * Health from evidence. A member that names a live leader is asked for its health at once;
 * members up without a live leader are watched (raft term and leader) only while the members
 * that run could still elect one, and only until a leader appears or no election is under way.
 */
async function judgeHealth(
  etcd: EtcdProbe[],
  inventoryVoters: number,
  o: JudgeOptions,
): Promise<void> {
  // A member lost by evidence (an empty store, a lost raft log) may still run and vote, but
  // holds none of the cluster's data: it neither counts towards a quorum nor is asked again.
  const running = etcd.filter((p) => p.health.etcdRunning && !p.health.lost).length;
  const liveIds = new Set(etcd.flatMap((p) => (p.status && p.ctl ? [p.status.memberId] : [])));
  const answered = etcd.filter((p) => p.status && p.ctl && !p.health.lost);
  const possible = quorumPossible(running, inventoryVoters);
  const ask = async (p: EtcdProbe, ms: number): Promise<string | undefined> => {
    try {
      const [h] = await withTimeout(
        p.ctl!.withTimeouts(ms).endpointHealth(),
        o.timeoutMs,
        `endpoint health of ${p.health.host}`,
      );
      if (h?.healthy === true) return undefined;
      return `endpoint ${p.health.clientUrl} unhealthy: ${h?.error ?? 'no answer'}`;
    } catch (err) {
      return message(err);
    }
  };
  /**
   * `certain`: a member that names a live leader where a quorum can form. A failed check there
   * may be only our etcdctl's timeout on a loaded node: it is asked once more with twice the
   * bound, and if that fails too the member is unknown, not lost.
   */
  const check = async (p: EtcdProbe, ms: number, certain = false) => {
    let why = await ask(p, ms);
    if (why && certain) {
      p.health.errors.push(why);
      why = await ask(p, 2 * ms);
      if (why) {
        p.health.unknown = `names live leader ${p.status?.leader ?? '?'} but did not answer healthy within ${(2 * ms) / 1000} s, twice (${why})`;
      }
    }
    p.health.healthy = why === undefined;
    if (why) p.health.errors.push(why);
  };
  const leads = (p: EtcdProbe) => liveLeader(p.status!, liveIds) !== undefined;
  // A host that answers, runs no etcd and holds no data cannot vote, partition or not. When
  // those alone leave fewer than a quorum, a leader still named is one that has not yet
  // stepped down: asking it for health would only wait for its timeout.
  const cannotVote = etcd.filter(
    (p) =>
      p.health.reachable &&
      ((!p.health.etcdRunning &&
        (p.health.dataDir === 'missing' || p.health.dataDir === 'empty')) ||
        (p.health.etcdRunning && p.health.lost !== undefined)),
  );
  const certainlyLost = !quorumPossible(inventoryVoters - cannotVote.length, inventoryVoters);
  if (certainlyLost) {
    for (const p of answered.filter(leads)) {
      p.health.errors.push(
        `${p.health.host} still names a leader, but ${cannotVote.length} of ${inventoryVoters} members hold no data (${cannotVote.map((c) => c.health.host).join(', ')}): no quorum of the cluster's data can commit`,
      );
    }
  } else {
    await Promise.all(
      answered
        .filter(leads)
        .map((p) => (possible ? check(p, o.etcdTimeoutMs, true) : check(p, DOUBTFUL_LEADER_MS))),
    );
  }
  const leaderless = answered.filter((p) => !leads(p));
  if (leaderless.length === 0) return;
  if (!possible) {
    for (const p of leaderless) {
      p.health.errors.push(
        `no leader, and only ${running} of ${inventoryVoters} members run: no election can end with one`,
      );
    }
    return;
  }
  const electionTimeoutMs = Math.max(
    ETCD_DEFAULT_ELECTION_TIMEOUT_MS,
    ...etcd.flatMap((p) => (p.electionTimeoutMs ? [p.electionTimeoutMs] : [])),
  );
  const outcome = await watchForLeader(
    async () => {
      const views = await Promise.all(
        leaderless.map(async (p) => {
          const s = (await p.ctl!.endpointStatus().catch(() => undefined))?.statuses[0];
          if (s) {
            p.status = s;
            p.health.raftIndex = s.raftIndex;
            p.health.raftTerm = s.raftTerm;
            p.health.revision = s.revision;
            p.health.isLeader = s.isLeader;
            liveIds.add(s.memberId);
          }
          return s;
        }),
      );
      return views.filter((v): v is EndpointStatus => v !== undefined);
    },
    liveIds,
    {
      electionTimeoutMs,
      boundMs: o.electionBoundMs ?? Math.min(4 * electionTimeoutMs + 1000, 30_000),
      ...(o.clock ? { clock: o.clock } : {}),
    },
  );
  if (outcome.kind === 'leader') {
    await Promise.all(leaderless.map((p) => check(p, o.etcdTimeoutMs, true)));
    return;
  }
  for (const p of leaderless) p.health.errors.push(`${p.health.host}: ${outcome.why}`);
  // A leader no inventory host stands for (a member outside it) is believed only if it serves.
  const namesOne = leaderless.filter((p) => p.status?.leader.replace(/^0+/, ''));
  await Promise.all(namesOne.map((p) => check(p, DOUBTFUL_LEADER_MS)));
}

/**
 * Probes every etcd and control-plane host in parallel, each bounded by `timeoutMs`:
 * reachable, etcd process, data dir, raft status, health, membership (by name and peer URL),
 * certificate dirs. A loss is decided from evidence (see evidence.ts): what cannot change by
 * waiting is final at once; only members up without a live leader are watched, and only
 * while they could still elect one. The quorum verdict is arithmetic on the member list:
 * healthy voters > voters / 2 — never a count of strings in command output.
 */
export async function probeCluster(
  inventory: Inventory,
  transportFor: TransportSource,
  access: NodeAccess,
  options: ProbeOptions = {},
): Promise<ClusterHealth> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const etcdTimeoutMs = options.etcdTimeoutMs ?? 4000;
  const progress = options.progress ?? silentProgress;
  const etcdHosts = inventory.etcdMembers();
  const connectBound = (host: string) =>
    options.goneHosts?.includes(host) ? Math.min(timeoutMs, GONE_HOST_CONNECT_MS) : timeoutMs;

  const probeEtcd = async (e: (typeof etcdHosts)[number]): Promise<EtcdProbe> => {
    const urls = memberUrls(inventory, e.host, e.address);
    const health: EtcdNodeHealth = {
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      clientUrl: urls.client,
      peerUrl: urls.peer,
      reachable: false,
      etcdRunning: false,
      healthy: false,
      isMember: false,
      etcdCertsPresent: false,
      errors: [],
    };
    const out: EtcdProbe = { health };
    let factsSeen = false;
    let statusWhy: string | undefined;
    const work = async () => {
      const t = await transportFor(e.host);
      const t0 = performance.now();
      const took = (what: string) =>
        progress.debug(`probe ${e.host}: ${what} after ${(performance.now() - t0).toFixed(0)} ms`);
      await t.ping({ timeoutMs: connectBound(e.host) });
      health.reachable = true;
      took('connected');
      const hostCommands = options.commands ?? defaultToolCommands;
      // The host's tools do not depend on the layout: their detection (one round trip, shared
      // with every later etcdctl on this connection) runs while the layout is found.
      const detection = etcdToolsOf(t, hostCommands);
      detection.then(
        () => took('etcd tools identified'),
        () => {},
      );
      let layout: Layout;
      try {
        layout = await resolveLayout(t, access, options);
        took(`layout ${layout.name}`);
      } catch (err) {
        // A re-provisioned node has no env file or manifest to tell the layout by, but its
        // binaries are what will restore the snapshot: identify them all the same.
        // On kubeadm, the one etcd image its containerd holds, when it has no host tools.
        const kubeadm = kubeadmLayout();
        const commands =
          options.commands ??
          (access.layout === 'kubespray'
            ? defaultToolCommands
            : await kubeadm.toolCommands(t).catch(() => defaultToolCommands));
        const identified = await identifyEtcdBinaries(
          t,
          commands,
          [kubeadm.etcdManifest, kubeadm.parkedEtcdManifest].filter((p): p is string => Boolean(p)),
          etcdToolsOf(t, commands),
        ).catch(() => undefined);
        if (identified && 'tools' in identified) health.tools = identified.tools;
        else if (identified) health.toolsError = identified.error;
        throw err;
      }
      out.layout = layout;
      const tls = clientTls(access, layout, e.host);
      const port = new URL(urls.client).port || '2379';
      // The tools that restore a snapshot while etcd is stopped: the host's on Kubespray, the
      // etcd image's on kubeadm (a container of its own, not the static pod's).
      // A node without them is still probed (facts, cert dirs): the planner refuses it by name.
      const commands =
        options.commands ??
        (await layout.toolCommands(t).catch((err: unknown) => {
          health.toolsError = `${e.host}: ${message(err)}`;
          return defaultToolCommands;
        }));
      // One detection serves both the identification and etcdctl: each is a handful of
      // processes on the node (etcdToolsOf's cache: the host's, begun above, when these are they).
      const tools = etcdToolsOf(t, commands);
      const ctlOf = async () =>
        new EtcdCtl(t, {
          endpoints: [urls.client],
          tls,
          commands,
          tools: await tools,
          // Status answers at once from a member that is up, with or without quorum.
          dialTimeoutMs: Math.min(etcdTimeoutMs, 1000),
          commandTimeoutMs: Math.min(etcdTimeoutMs, 1000),
        });
      // From the binaries, not a member: quorum loss and total loss need it most. The tools
      // that restore a snapshot while etcd is stopped (on kubeadm the etcd image's, run in a
      // container of their own); the server version may come from the manifest's image tag.
      const identify = identifyEtcdBinaries(
        t,
        commands,
        [layout.etcdManifest, layout.parkedEtcdManifest].filter((p): p is string => Boolean(p)),
        tools,
      ).then((identified) => {
        if ('tools' in identified) health.tools = identified.tools;
        else health.toolsError = identified.error;
      });
      const look = (async () => {
        const facts = await etcdNodeFacts(t, layout, port);
        factsSeen = true;
        took(
          `facts (etcd ${facts.listening ? 'listens' : 'does not listen'}, data dir ${facts.dataDir})`,
        );
        health.etcdCertsPresent = facts.certsPresent;
        health.etcdRunning = facts.listening;
        health.dataDir = facts.dataDir;
        if (facts.staticPod) health.staticPod = facts.staticPod;
        if (facts.electionTimeoutMs) out.electionTimeoutMs = facts.electionTimeoutMs;
        const lost = definiteLoss({
          reachable: true,
          etcdRunning: facts.listening,
          dataDir: facts.dataDir,
          dataDirPath: layout.dataDir,
          clientPort: port,
        });
        if (lost) {
          health.lost = lost;
          health.errors.push(`${e.host}: ${lost}`);
          return;
        }
        // A member without quorum still answers status: its raft index picks the survivor,
        // its leader and term say whether an election can still end.
        const ctl = await ctlOf();
        out.ctl = ctl;
        // Status gets 1 s first; on a loaded node our etcdctl may need longer than that, so a
        // member whose etcd listens is asked once more with the full bound before anything is
        // concluded: a timeout of our own tool is no evidence of loss.
        const status = (c: EtcdCtl) =>
          c.endpointStatus().then(
            (r) => ({ s: r.statuses[0], why: 'no status in its answer' }),
            (err: unknown) => ({ s: undefined, why: message(err) }),
          );
        let answer = await status(ctl);
        if (!answer.s) {
          health.errors.push(
            `endpoint ${urls.client} did not answer status within ${ctl.options.commandTimeoutMs! / 1000} s (${answer.why}); asking once more`,
          );
          answer = await status(ctl.withTimeouts(etcdTimeoutMs));
          if (!answer.s) statusWhy = answer.why;
        }
        took('endpoint status');
        const s = answer.s;
        if (s) {
          out.status = s;
          health.memberId = s.memberId;
          health.raftIndex = s.raftIndex;
          health.raftTerm = s.raftTerm;
          health.revision = s.revision;
          health.isLeader = s.isLeader;
          health.serverVersion = s.version;
          out.clusterId = s.clusterId;
        } else {
          health.errors.push(
            `endpoint ${urls.client} does not answer status (etcd runs on ${e.host})`,
          );
          // A static pod that crash-loops on a lost log listens between its crashes: the
          // kubelet's record of its last exit says why it does not answer.
          if (layout.name === 'kubeadm') {
            const panicked = await etcdLostLogPanic(t, LOST_DATA_EXIT).catch(() => undefined);
            if (panicked) {
              health.lost = panicked;
              health.errors.push(`${e.host}: ${panicked}`);
            }
          }
        }
      })();
      await Promise.all([identify, look]);
    };
    try {
      await withTimeout(work(), timeoutMs, `probing ${e.host}`);
    } catch (err) {
      // Our own configuration (no SSH key, an unusable one) is no fact about the node: say
      // so at once, before any plan is made, rather than count the node as doubtful.
      if (err instanceof InputError) throw err;
      health.errors.push(message(err));
      // Only a node that refused or has no route is gone; a ping or a command of ours that
      // ran out of time (a loaded node, a slow handshake) says nothing about its etcd.
      if (!health.reachable && err instanceof UnreachableError)
        health.lost = `host does not answer (${message(err)})`;
      else if (!health.reachable)
        health.unknown =
          err instanceof ProbeTimeout || err instanceof TransportTimeoutError
            ? `did not answer within ${connectBound(e.host) / 1000} s (${message(err)})`
            : `could not be probed (${message(err)})`;
      else if (
        !health.lost &&
        !factsSeen &&
        (err instanceof ProbeTimeout || err instanceof TransportTimeoutError)
      )
        health.unknown = `answered, but the look at its etcd process and data dir did not finish (${message(err)})`;
    }
    // Only where etcd was seen listening: a node with no etcd (a blank one, whose layout cannot
    // be told) has nothing to answer status, and that is evidence, not doubt.
    if (
      health.reachable &&
      health.etcdRunning === true &&
      !health.lost &&
      !health.unknown &&
      !out.status
    ) {
      health.unknown = `etcd listens on ${urls.client} but did not answer status within ${etcdTimeoutMs / 1000} s, twice (${statusWhy ?? health.errors.at(-1) ?? 'no answer'})`;
    }
    return out;
  };

  const probeControlPlane = async (host: string): Promise<ControlPlaneNodeHealth> => {
    const h: ControlPlaneNodeHealth = {
      host,
      reachable: false,
      certsPresent: false,
      missingCertDirs: [],
      errors: [],
    };
    try {
      await withTimeout(
        (async () => {
          const t = await transportFor(host);
          await t.ping({ timeoutMs: connectBound(host) });
          h.reachable = true;
          const layout = await resolveLayout(t, access, options);
          // The first dir is the real one; Kubespray's /etc/kubernetes/pki is a symlink to it.
          h.missingCertDirs = await missingDirs(t, layout.kubernetesCertDirs.slice(0, 1));
          h.certsPresent = h.missingCertDirs.length === 0;
        })(),
        timeoutMs,
        `probing ${host}`,
      );
    } catch (err) {
      h.errors.push(message(err));
    }
    return h;
  };

  progress.debug(
    `probe: ${etcdHosts.length} etcd and ${inventory.controlPlane().length} control-plane hosts, each within ${timeoutMs / 1000} s`,
  );
  const [etcd, controlPlane] = await Promise.all([
    Promise.all(etcdHosts.map(probeEtcd)),
    Promise.all(inventory.controlPlane().map(probeControlPlane)),
  ]);

  // Members that answer status with an empty store while another answers with data.
  const empty = emptyKeyspaceLosses(
    etcd.flatMap((p) =>
      p.status && !p.health.lost
        ? [
            {
              host: p.health.host,
              memberId: p.status.memberId,
              clusterId: p.status.clusterId,
              revision: p.status.revision,
              raftIndex: p.status.raftIndex,
            },
          ]
        : [],
    ),
  );
  for (const p of etcd) {
    const why = empty.get(p.health.host);
    if (!why) continue;
    p.health.lost = why;
    p.health.errors.push(`${p.health.host}: ${why}`);
  }

  const judged = performance.now();
  await judgeHealth(etcd, etcdHosts.length, {
    etcdTimeoutMs,
    timeoutMs,
    electionBoundMs: options.electionBoundMs,
    clock: options.clock,
  });
  progress.debug(`probe: health judged in ${(performance.now() - judged).toFixed(0)} ms`);

  // The cluster's own view: the member list from a healthy member. Each member's health is
  // what its own node answered; only members no inventory host stands for are asked about.
  let members: Member[] = [];
  let healthyUrls = new Set<string>();
  let tools: EtcdTools | undefined;
  const healthySources = etcd.filter((p) => p.health.healthy && p.ctl);
  const matchOf = (m: Member) =>
    etcd.find(
      (p) =>
        (m.name !== '' && m.name === p.health.memberName) || m.peerURLs.includes(p.health.peerUrl),
    );
  for (const source of healthySources) {
    try {
      const ctl = source.ctl!.withTimeouts(etcdTimeoutMs);
      members = await withTimeout(
        ctl.memberList(),
        timeoutMs,
        `member list from ${source.health.host}`,
      );
      tools = await ctl.etcdTools();
      const voters = members.filter((m) => !m.isLearner);
      healthyUrls = new Set(
        voters.flatMap((m) => (matchOf(m)?.health.healthy ? m.clientURLs : [])),
      );
      const elsewhere = voters.filter((m) => !matchOf(m)).flatMap((m) => m.clientURLs.slice(0, 1));
      const answers = elsewhere.length
        ? await withTimeout(
            ctl.withEndpoints(elsewhere).endpointHealth(),
            timeoutMs,
            'endpoint health of the members outside the inventory',
          )
        : [];
      for (const a of answers) if (a.healthy) healthyUrls.add(a.endpoint);
      break;
    } catch (err) {
      source.health.errors.push(`could not read the cluster's member list here: ${message(err)}`);
      members = [];
      healthyUrls = new Set();
    }
  }
  if (healthySources.length === 0)
    progress.warn('No etcd member answered healthy: no member list, no quorum.');
  // No healthy member to ask: the binaries on the nodes answer for the tools.
  const fromNodes = etcd.find((p) => p.health.tools)?.health.tools;

  const matched = new Set<string>();
  for (const p of etcd) {
    const m = members.find(
      (x) =>
        (x.name !== '' && x.name === p.health.memberName) || x.peerURLs.includes(p.health.peerUrl),
    );
    if (m) {
      p.health.isMember = true;
      p.health.memberId = m.id;
      p.health.isLearner = m.isLearner;
      matched.add(m.id);
    }
  }
  const verdict = quorumVerdict(members, healthyUrls, etcdHosts.length);
  const layout =
    etcd.find((p) => p.layout)?.layout ??
    options.layout ??
    layoutByName(access.layout === 'auto' ? 'kubespray' : access.layout);
  const health: ClusterHealth = {
    probedAt: new Date().toISOString(),
    layout: layout.name,
    layoutDetected:
      etcd.some((p) => p.layout) || options.layout !== undefined || access.layout !== 'auto',
    paths: {
      etcdCertDir: layout.etcdCertDir,
      dataDir: layout.dataDir,
      kubernetesCertDirs: layout.kubernetesCertDirs,
      manifestsDir: layout.manifestsDir,
      ...(layout.envFile ? { envFile: layout.envFile } : {}),
      ...(layout.etcdManifest ? { etcdManifest: layout.etcdManifest } : {}),
    },
    toolsVersion: tools
      ? (tools[tools.snapshotTool]?.raw ?? '')
      : (fromNodes?.snapshotToolVersion ?? ''),
    toolsBumpRevision: tools
      ? tools.supportsBumpRevision
      : etcd.length > 0 && etcd.every((p) => p.health.tools?.bumpRevision === true),
    members,
    ...verdict,
    unknownMembers: members.filter((m) => !matched.has(m.id)),
    etcd: etcd.map((p) => p.health),
    controlPlane,
  };
  // A member lost by evidence may answer for a cluster of its own: not this one's id.
  const clusterId =
    etcd.find((p) => p.clusterId && !p.health.lost)?.clusterId ??
    etcd.find((p) => p.clusterId)?.clusterId;
  if (clusterId) health.clusterId = clusterId;
  const serverVersion = etcd.find((p) => p.health.serverVersion)?.health.serverVersion;
  if (serverVersion) health.serverVersion = serverVersion;
  for (const n of etcd)
    if (n.health.errors.length) progress.debug(`${n.health.host}: ${n.health.errors.join('; ')}`);
  return health;
}
