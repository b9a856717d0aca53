import { EtcdCtl, type EtcdTls } from '../etcd/etcdctl.js';
import type { Member } from '../etcd/etcdctl-output.js';
import { detectLayout, kubeadmLayout, type Layout, layoutByName } from '../etcd/layout.js';
import {
  defaultToolCommands,
  type EtcdToolCommands,
  type EtcdTools,
  identifyEtcdBinaries,
} from '../etcd/version.js';
import type { Inventory } from '../inventory/types.js';
import type { NodeAccess } from '../nodes/access.js';
import type { Transport } from '../nodes/transport.js';
import { type Progress, silentProgress } from '../progress.js';
import {
  type ClusterHealth,
  type ControlPlaneNodeHealth,
  type EtcdNodeHealth,
  quorumVerdict,
} from './health.js';
import { clientURLOf, peerURLOf } from './plan.js';

/** How the probe gets a node's Transport (a node pool's `get`, or a test's factory). */
export type TransportSource = (host: string) => Transport | Promise<Transport>;

export interface ProbeOptions {
  /** Bound for everything probed on one node. Default 20 s. */
  timeoutMs?: number;
  /** A fixed layout; otherwise `access.layout` (auto = detect on each node). */
  layout?: Layout;
  /** etcdctl's dial and command timeout per call: a dead or quorum-less member costs this. Default 4 s. */
  etcdTimeoutMs?: number;
  commands?: EtcdToolCommands;
  progress?: Progress;
  /**
   * Hosts the operator declared gone for good (`--remove-host`): reaching them is given 5 s,
   * not `timeoutMs`. They are still probed — one that answers healthy needs --force — but a
   * host that is really gone should not hold the whole probe for the full bound.
   */
  goneHosts?: readonly string[];
}

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

/** Whether an etcd process listens on `port` (ss from iproute2); without ss, any etcd process. */
async function etcdListening(t: Transport, port: string): Promise<boolean> {
  const script = `if command -v ss >/dev/null 2>&1; then ss -Hltnp 'sport = :${Number(port)}'; else pgrep -a -x etcd; fi`;
  const res = await t.script(script, { allowFailure: true, timeoutMs: 10_000 });
  return /etcd/.test(res.stdout);
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

interface EtcdProbe {
  health: EtcdNodeHealth;
  ctl?: EtcdCtl;
  layout?: Layout;
  clusterId?: string;
}

/**
 * Probes every etcd and control-plane host in parallel, each bounded by `timeoutMs`:
 * reachable, etcd process, endpoint health, membership (by name and peer URL), raft index,
 * certificate dirs. The quorum verdict is arithmetic on the member list: healthy voters >
 * voters / 2 — never a count of strings in command output.
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
    const work = async () => {
      const t = await transportFor(e.host);
      await t.ping({ timeoutMs: connectBound(e.host) });
      health.reachable = true;
      // From the binaries, not a member: quorum loss and total loss need it most. The host's
      // own tools, because those are what restore a snapshot while etcd is stopped (a kubeadm
      // node's etcd container is gone by then); the server version may come from the image.
      const identify = async (manifests: (string | undefined)[]) => {
        const identified = await identifyEtcdBinaries(
          t,
          options.commands ?? defaultToolCommands,
          manifests.filter((p): p is string => Boolean(p)),
        );
        if ('tools' in identified) health.tools = identified.tools;
        else health.toolsError = identified.error;
      };
      let layout: Layout;
      try {
        layout = await resolveLayout(t, access, options);
      } catch (err) {
        // A re-provisioned node has no env file or manifest to tell the layout by, but its
        // binaries are what will restore the snapshot: identify them all the same.
        const kubeadm = kubeadmLayout();
        await identify([kubeadm.etcdManifest, kubeadm.parkedEtcdManifest]).catch(() => {});
        throw err;
      }
      out.layout = layout;
      const tls = clientTls(access, layout, e.host);
      health.etcdCertsPresent = (await missingDirs(t, [layout.etcdCertDir])).length === 0;
      health.etcdRunning = await etcdListening(t, new URL(urls.client).port || '2379');
      await identify([layout.etcdManifest, layout.parkedEtcdManifest]);
      const ctl = new EtcdCtl(t, {
        endpoints: [urls.client],
        tls,
        commands: options.commands ?? (await layout.toolCommands(t)),
        dialTimeoutMs: Math.min(etcdTimeoutMs, 2000),
        commandTimeoutMs: etcdTimeoutMs,
      });
      out.ctl = ctl;
      const [h] = await ctl.endpointHealth();
      health.healthy = h?.healthy === true;
      if (!health.healthy)
        health.errors.push(`endpoint ${urls.client} unhealthy: ${h?.error ?? 'no answer'}`);
      // A member without quorum still answers status: its raft index picks the survivor.
      if (health.etcdRunning) {
        const { statuses } = await ctl.endpointStatus();
        const s = statuses[0];
        if (s) {
          health.memberId = s.memberId;
          health.raftIndex = s.raftIndex;
          health.raftTerm = s.raftTerm;
          health.revision = s.revision;
          health.isLeader = s.isLeader;
          health.serverVersion = s.version;
          out.clusterId = s.clusterId;
        }
      }
    };
    try {
      await withTimeout(work(), timeoutMs, `probing ${e.host}`);
    } catch (err) {
      health.errors.push(message(err));
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

  const [etcd, controlPlane] = await Promise.all([
    Promise.all(etcdHosts.map(probeEtcd)),
    Promise.all(inventory.controlPlane().map(probeControlPlane)),
  ]);

  // The cluster's own view: member list, and the health of every voter's client URLs.
  let members: Member[] = [];
  let healthyUrls = new Set<string>();
  let tools: EtcdTools | undefined;
  const healthySources = etcd.filter((p) => p.health.healthy && p.ctl);
  for (const source of healthySources) {
    try {
      const ctl = source.ctl!;
      members = await withTimeout(
        ctl.memberList(),
        timeoutMs,
        `member list from ${source.health.host}`,
      );
      tools = await ctl.etcdTools();
      const voterUrls = members
        .filter((m) => !m.isLearner)
        .flatMap((m) => m.clientURLs.slice(0, 1));
      const answers = voterUrls.length
        ? await withTimeout(
            ctl.withEndpoints(voterUrls).endpointHealth(),
            timeoutMs,
            'endpoint health of all members',
          )
        : [];
      healthyUrls = new Set(answers.filter((a) => a.healthy).map((a) => a.endpoint));
      break;
    } catch (err) {
      source.health.errors.push(`could not read the cluster's member list here: ${message(err)}`);
      members = [];
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
  const clusterId = etcd.find((p) => p.clusterId)?.clusterId;
  if (clusterId) health.clusterId = clusterId;
  const serverVersion = etcd.find((p) => p.health.serverVersion)?.health.serverVersion;
  if (serverVersion) health.serverVersion = serverVersion;
  for (const n of etcd)
    if (n.health.errors.length) progress.debug(`${n.health.host}: ${n.health.errors.join('; ')}`);
  return health;
}
