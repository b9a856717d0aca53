import { InputError } from '../errors.js';
import type { EtcdHashKV, KeyspaceFingerprint } from '../etcd/fingerprint.js';
import type { LayoutName, LayoutPaths } from '../etcd/layout.js';
import type { NodeEtcdTools } from '../etcd/version.js';

/**
 * A recovery Plan is plain data: ordered steps, each with the node it runs on, what it
 * does, why, and how it is undone. `plan` prints it; `restore` executes the same object.
 * `buildPlan` is a pure function of what the probe saw, the inventory and the backup set,
 * so every case of the runbooks is tested as a table without any cluster.
 */

export type RecoveryCase =
  | 'healthy'
  | 'member-loss'
  | 'quorum-loss'
  | 'total-loss'
  | 'cert-loss'
  /** Hosts the user said will not return (`--remove-host`): the cluster shrinks without them. */
  | 'host-removal';

export type StepAction =
  | 'snapshot-save'
  | 'fetch-snapshot'
  | 'stop-etcd'
  | 'move-aside'
  | 'member-remove'
  | 'member-add'
  | 'write-env'
  | 'restore-snapshot'
  | 'restore-certs'
  | 'start-etcd'
  | 'wait-healthy'
  | 'restart-control-plane'
  | 'delete-node'
  | 'verify'
  | 'discard-staged';

/** Where a snapshot comes from: a file on a node, or the snapshot object of the backup set. */
export type SnapshotOrigin =
  | { kind: 'node'; node: string; path: string }
  | { kind: 'backup'; location: string; object: string };

/** Where certificates come from: a node's archive in the backup set, or a healthy peer. */
export type CertOrigin =
  | { kind: 'backup'; location: string; object: string }
  | { kind: 'peer'; node: string; paths: string[] };

export interface EtcdMemberRef {
  name: string;
  peerURL: string;
}

/** Parameters per action: a closed map, so the executor handles exactly these shapes. */
export interface StepParams {
  'snapshot-save': { endpoint: string; path: string };
  'fetch-snapshot': { from: SnapshotOrigin; to: string };
  'stop-etcd': Record<string, never>;
  /** `recreate`: leave an empty dir with the old one's owner and mode (etcd cannot create /var/lib/etcd itself). */
  'move-aside': { path: string; to: string; recreate?: boolean };
  'member-remove': { member: string; memberId: string };
  'member-add': { member: string; peerURL: string };
  'write-env': {
    /** Keys of /etc/etcd.env to set; every other line of the file is kept. */
    set: Record<string, string>;
    /** When the node has no env file yet, derive it from this healthy peer's. */
    templateFrom?: string;
  };
  'restore-snapshot': {
    snapshot: string;
    dataDir: string;
    member: string;
    peerURL: string;
    initialCluster: string;
    initialClusterToken: string;
    bumpRevision?: number;
    markCompacted?: boolean;
  };
  'restore-certs': { from: CertOrigin };
  'start-etcd': Record<string, never>;
  'wait-healthy': { members: EtcdMemberRef[]; clientURLs: string[] };
  'restart-control-plane': { reason: string };
  /** `kubectl delete node` of a host that will not return, run where the API is reachable. */
  'delete-node': { nodeName: string; host: string; kubeconfig: string };
  verify: { expectMembers: number };
  /** Our own staged copy of the snapshot (it holds every Secret): not the cluster's data. */
  'discard-staged': { path: string };
}

export interface StepOf<A extends StepAction> {
  /** Stable id, e.g. "03-member-remove-etcd2": the journal keys completed work on it. */
  id: string;
  node: string;
  action: A;
  params: StepParams[A];
  reason: string;
  /** How a person undoes this step. */
  undo: string;
  /** Changes data or membership; once completed it is never run again, also on resume. */
  destructive: boolean;
  /** Consecutive steps with the same group run concurrently (e.g. start all members together). */
  group?: string;
}

export type Step = { [A in StepAction]: StepOf<A> }[StepAction];

export type PlanSource =
  | { kind: 'none' }
  | { kind: 'survivor'; node: string; member: string; raftIndex: number }
  | { kind: 'backup'; location: string; revision: number };

export interface Plan {
  cluster: string;
  /** Cases joined by '+', e.g. "member-loss+cert-loss". */
  case: string;
  cases: RecoveryCase[];
  strategy: 'member-replace' | 'member-remove' | 'parallel' | 'grow' | 'certs-only' | 'none';
  source: PlanSource;
  layout: LayoutName;
  /** Where etcd keeps its files on the nodes: the executor needs nothing but the plan. */
  paths: LayoutPaths;
  /** Every etcd member of the inventory, as the steps reach it. */
  members: PlannedMember[];
  createdAt: string;
  brokenEtcd: string[];
  brokenControlPlane: string[];
  /** Hosts that will not return (`--remove-host`): not reached, not re-added, not restored. */
  removedHosts?: string[];
  /** Where the broken hosts came from. */
  brokenFrom: 'inventory' | 'probe';
  steps: Step[];
  warnings: string[];
  /**
   * The revision bump of a snapshot restore and why that amount (absent when nothing is
   * restored); amount 0 with the reason when the nodes' tools cannot bump (etcd 3.4).
   */
  revisionBump?: { amount: number; markCompacted: boolean; reason: string };
  /** What verification expects after the plan ran. */
  expect: {
    members: string[];
    minRevision?: number;
    fingerprint?: KeyspaceFingerprint;
    hashKV?: EtcdHashKV;
    totalKey?: number;
  };
}

export interface PlannedMember {
  host: string;
  memberName: string;
  address: string;
  clientURL: string;
  peerURL: string;
}

/** The etcd binaries the probe identified on one node (from the binaries, no member needed). */
export type { NodeEtcdTools } from '../etcd/version.js';

/** What the probe saw of one etcd host, as the planner needs it. */
export interface EtcdHostState {
  host: string;
  memberName: string;
  address: string;
  reachable: boolean;
  etcdRunning: boolean;
  healthy: boolean;
  /** The member id (hex) when this host is in the cluster's member list. */
  memberId?: string;
  raftIndex?: number;
  /** The member's current revision when it answered status (with or without quorum). */
  revision?: number;
  /** The etcd binaries on this node; absent when not probed (then `toolsVersion` stands for all). */
  tools?: NodeEtcdTools;
  /** Why its etcd binaries could not be identified (node, path, what was printed). */
  toolsError?: string;
  etcdCertsPresent: boolean;
  /** What went wrong while probing it, for the refusal message. */
  errors?: string[];
  /** The member's URLs when the inventory sets them (etcd_client_url / etcd_peer_url). */
  clientUrl?: string;
  peerUrl?: string;
}

export interface ControlPlaneHostState {
  host: string;
  reachable: boolean;
  certsPresent: boolean;
  errors?: string[];
}

/** The probe's verdict, reduced to what planning depends on. */
export interface ClusterState {
  clusterName: string;
  clusterId?: string;
  layout: LayoutName;
  /** Where this cluster keeps etcd data, env and certs (detected on the nodes). */
  paths: LayoutPaths;
  /** etcd server version seen on a running member, e.g. "3.5.12". */
  serverVersion?: string;
  /** etcdctl/etcdutl version on the nodes. */
  toolsVersion: string;
  /** The nodes' restore tool offers --bump-revision/--mark-compacted. */
  toolsBumpRevision: boolean;
  /** Member list from a healthy member; empty when none answered. */
  members: { id: string; name: string; peerURLs: string[] }[];
  quorum: boolean;
  etcd: EtcdHostState[];
  controlPlane: ControlPlaneHostState[];
  /** Control-plane hosts where the probe found kubectl and a readable admin kubeconfig. */
  kubectlOn?: string[];
}

/** What the planner needs of a backup set's manifest. */
export interface BackupSummary {
  location: string;
  clusterName: string;
  clusterId?: string;
  etcdVersion: string;
  snapshotObject: string;
  revision: number;
  totalKey: number;
  /** When the backup was taken (ISO): its age bounds the writes a restore must jump over. */
  createdAt?: string;
  fingerprint?: KeyspaceFingerprint;
  hashKV?: EtcdHashKV;
  encrypted: boolean;
  /** Node name → object name of its cert/manifest archive. */
  certArchives: Record<string, string>;
}

/** Inventory facts the planner uses: the etcd group in order, control plane, broken groups. */
export interface PlanInventory {
  source: string;
  etcd: { host: string; memberName: string; address: string }[];
  controlPlane: string[];
  /** undefined when the inventory has no such group (then the probe decides). */
  brokenEtcd?: string[];
  brokenControlPlane?: string[];
  /** Every host of the inventory, whatever its groups (to tell a typo from a worker). */
  hosts?: string[];
  /**
   * Kubernetes node name of each host that is a node of the cluster: Kubespray's
   * `kube_override_hostname`, else the inventory hostname. Without it, the control-plane hosts
   * are the nodes, under their inventory names.
   */
  nodeNames?: Record<string, string>;
}

export interface PlanOptions {
  strategy: 'parallel' | 'grow';
  force: boolean;
  /** The run's clock, passed in so the plan stays a pure function (timestamps, token). */
  now: Date;
  /** Whether an age identity was given (for encrypted backup sets). */
  haveIdentity: boolean;
  /** Restore the backup's snapshot even when a survivor could give a fresher one. */
  preferBackupSnapshot?: boolean;
  /** Where snapshots are staged on nodes. */
  stagingDir?: string;
  /** Hosts that will not return (`--remove-host`): the user's explicit choice, never a probe's. */
  removeHosts?: string[];
  /** `--bump-revision N`: the amount a snapshot restore raises the revision by, instead of ours. */
  bumpRevision?: number;
}

export const KUBESPRAY_ETCD_UNIT = '/etc/systemd/system/etcd.service';

/** The kubeconfig kubeadm and Kubespray leave on every control-plane node. */
export const ADMIN_KUBECONFIG = '/etc/kubernetes/admin.conf';

/** What the `delete-node` step runs on its node (Kubespray's remove-node.yml does the same). */
export function deleteNodeArgv(params: StepParams['delete-node']): string[] {
  return [
    'kubectl',
    `--kubeconfig=${params.kubeconfig}`,
    'delete',
    'node',
    params.nodeName,
    '--ignore-not-found',
  ];
}

/**
 * The default revision bump. etcd's recovery guide asks for a bump larger than every revision
 * clients may have seen since the snapshot, and gives 1,000,000,000 as the amount for a
 * week-old snapshot at 1,500 writes/s; OpenShift's cluster-restore.sh bumps by the same.
 */
export const BUMP_REVISION = 1_000_000_000;

/** The write rate etcd's guide assumes when it sizes the bump (1e9 ≈ a week at this rate). */
export const ASSUMED_WRITES_PER_SECOND = 1500;

/**
 * How much a snapshot restore raises the revision, and why: the known gap (revisions running
 * members handed out beyond the snapshot, doubled for what went unseen), the backup's age at
 * etcd's assumed write rate, or etcd's and OpenShift's 1e9, whichever is largest, in whole
 * billions; the user's own `--bump-revision` wins but must clear the known gap.
 */
export function chooseRevisionBump(
  seenRevision: number | undefined,
  snapshotRevision: number | undefined,
  backupCreatedAt: string | undefined,
  options: Pick<PlanOptions, 'bumpRevision' | 'now'>,
): { amount: number; reason: string } {
  const gap =
    seenRevision !== undefined && snapshotRevision !== undefined
      ? Math.max(0, seenRevision - snapshotRevision)
      : undefined;
  const what =
    'so that the restored revision is above every revision the old cluster handed out, and --mark-compacted makes a watch from before the restore fail with "compacted" (clients relist) instead of silently resuming';
  if (options.bumpRevision !== undefined) {
    if (gap !== undefined && options.bumpRevision <= gap) {
      throw new InputError(
        `--bump-revision ${options.bumpRevision} is not above the ${gap} revisions the running members handed out after the snapshot (revision ${snapshotRevision} → ${seenRevision}): ` +
          `revisions would repeat for clients. Pass more than ${gap}, or leave --bump-revision out (default ${BUMP_REVISION.toLocaleString('en-US')}).`,
      );
    }
    return {
      amount: options.bumpRevision,
      reason: `--bump-revision ${options.bumpRevision} as asked, ${what}`,
    };
  }
  const ageSeconds = backupCreatedAt
    ? Math.max(0, (options.now.getTime() - Date.parse(backupCreatedAt)) / 1000)
    : undefined;
  const byAge = ageSeconds !== undefined ? ageSeconds * ASSUMED_WRITES_PER_SECOND : 0;
  const byGap = gap !== undefined ? gap * 2 : 0;
  const needed = Math.max(BUMP_REVISION, byAge, byGap);
  const amount = Math.ceil(needed / BUMP_REVISION) * BUMP_REVISION;
  const why =
    amount === BUMP_REVISION
      ? `${BUMP_REVISION.toLocaleString('en-US')} (etcd's recovery guide: more than the writes since the snapshot — 1e9 covers a week at ${ASSUMED_WRITES_PER_SECOND} writes/s; OpenShift's cluster-restore.sh bumps by the same)`
      : byAge >= byGap
        ? `${amount.toLocaleString('en-US')}: the backup is ${Math.round(ageSeconds! / 86400)} days old, and at etcd's assumed ${ASSUMED_WRITES_PER_SECOND} writes/s that is more than the default 1e9 covers`
        : `${amount.toLocaleString('en-US')}: running members handed out ${gap} revisions after the snapshot, doubled for what went unseen`;
  return { amount, reason: `bump by ${why}, ${what}` };
}

export function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Where a file rewritten in place is kept (`<path>.<stamp>`); a static-pod manifest's copy
 * goes beside the manifests dir, where the kubelet does not run it as a second pod.
 */
export function keptCopyOf(path: string, manifestsDir: string, ts: string): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash);
  const outside = dir === manifestsDir ? dir.slice(0, dir.lastIndexOf('/')) : dir;
  return `${outside}/${path.slice(slash + 1)}.${ts}`;
}

export const peerURLOf = (address: string): string => `https://${address}:2380`;
export const clientURLOf = (address: string): string => `https://${address}:2379`;

/** "3.5.12" → [3, 5]; undefined when it does not parse. */
export function minorOf(version: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

type Draft = Omit<Step, 'id'>;

function draft<A extends StepAction>(
  action: A,
  node: string,
  params: StepParams[A],
  reason: string,
  undo: string,
  destructive: boolean,
  group?: string,
): Draft {
  return { action, node, params, reason, undo, destructive, ...(group ? { group } : {}) } as Draft;
}

/** A host that will not return, as the plan handles it. */
interface Removal {
  host: string;
  /** Its entry in the running cluster's member list, when it is still there. */
  listed?: { id: string; name: string; peerURLs: string[] };
  /** Its Kubernetes node name, when it is a node of the cluster. */
  nodeName?: string;
}

/**
 * What the inventory alone says about `--remove-host`: each host is an etcd or control-plane
 * host of it, and at least one of each stays. Runs before any node is contacted.
 */
export function checkRemovableHosts(inventory: PlanInventory, removeHosts: string[]): void {
  if (removeHosts.length === 0) return;
  const etcdHosts = new Set(inventory.etcd.map((e) => e.host));
  const cpHosts = new Set(inventory.controlPlane);
  for (const h of removeHosts) {
    if (etcdHosts.has(h) || cpHosts.has(h)) continue;
    if (inventory.hosts?.includes(h)) {
      throw new InputError(
        `--remove-host ${h}: host '${h}' of ${inventory.source} is in neither [etcd] nor [kube_control_plane]; recovery removes only those. ` +
          `For a worker that will not return, run 'kubectl delete node ${inventory.nodeNames?.[h] ?? h}' yourself (or Kubespray's remove-node.yml).`,
      );
    }
    throw new InputError(
      `--remove-host ${h}: there is no host '${h}' in ${inventory.source}. ` +
        `Name hosts as the inventory does (its [etcd]: ${inventory.etcd.map((e) => e.host).join(', ') || 'none'}), then run again.`,
    );
  }
  const gone = new Set(removeHosts);
  if (inventory.etcd.every((e) => gone.has(e.host))) {
    throw new InputError(
      `--remove-host would remove every etcd member of ${inventory.source} (${removeHosts.join(', ')}): no member would be left to restore the cluster to. ` +
        'Keep at least one etcd host; to rebuild on new hosts, add them to [etcd] and restore with --backup.',
    );
  }
  if (inventory.controlPlane.length > 0 && inventory.controlPlane.every((h) => gone.has(h))) {
    throw new InputError(
      `--remove-host would remove every control-plane host of ${inventory.source} (${removeHosts.join(', ')}): no API server would be left. ` +
        'Keep at least one host of [kube_control_plane].',
    );
  }
}

/**
 * Checks the user's `--remove-host` choice against the inventory and the probe, and returns
 * the inventory without those hosts: everything after plans as if they were never listed.
 */
function withoutRemovedHosts(
  inventory: PlanInventory,
  state: ClusterState,
  options: PlanOptions,
): { inventory: PlanInventory; removals: Removal[] } {
  const removed = [...new Set(options.removeHosts ?? [])];
  if (removed.length === 0) return { inventory, removals: [] };
  checkRemovableHosts(inventory, removed);
  const gone = new Set(removed);
  const etcd = inventory.etcd.filter((e) => !gone.has(e.host));
  const controlPlane = inventory.controlPlane.filter((h) => !gone.has(h));
  const cpHosts = new Set(inventory.controlPlane);
  const healthy = removed.filter((h) => {
    const e = state.etcd.find((s) => s.host === h);
    if (e) return e.healthy;
    const c = state.controlPlane.find((s) => s.host === h);
    return Boolean(c?.reachable && c.certsPresent);
  });
  if (healthy.length > 0 && !options.force) {
    throw new InputError(
      `--remove-host ${healthy.join(', ')}: the probe finds ${healthy.length === 1 ? 'this host' : 'these hosts'} healthy, so removing ${healthy.length === 1 ? 'it' : 'them'} would shrink a working cluster ` +
        '(its etcd member leaves, its Node is deleted). Drop --remove-host for hosts that will return, or pass --force if the shrink is intended.',
    );
  }
  const removals = removed.map((host): Removal => {
    const e = inventory.etcd.find((m) => m.host === host);
    const peer = state.etcd.find((s) => s.host === host)?.peerUrl ?? (e && peerURLOf(e.address));
    const listed = e
      ? state.members.find((m) => m.name === e.memberName || (peer && m.peerURLs.includes(peer)))
      : undefined;
    const nodeName = inventory.nodeNames
      ? inventory.nodeNames[host]
      : cpHosts.has(host)
        ? host
        : undefined;
    return { host, ...(listed ? { listed } : {}), ...(nodeName ? { nodeName } : {}) };
  });
  const keep = (hosts: string[] | undefined) => hosts?.filter((h) => !gone.has(h));
  return {
    inventory: {
      ...inventory,
      etcd,
      controlPlane,
      brokenEtcd: keep(inventory.brokenEtcd),
      brokenControlPlane: keep(inventory.brokenControlPlane),
    },
    removals,
  };
}

/** Decides which hosts are broken, checks the safety rules, and lays out the steps. */
export function buildPlan(
  given: PlanInventory,
  state: ClusterState,
  backup: BackupSummary | undefined,
  options: PlanOptions,
): Plan {
  // Only the data: the probe may hand over a whole Layout (with its functions).
  const {
    etcdCertDir,
    dataDir,
    kubernetesCertDirs,
    manifestsDir,
    envFile: env,
    etcdManifest,
  } = state.paths;
  const paths: LayoutPaths = {
    etcdCertDir,
    dataDir,
    kubernetesCertDirs: [...kubernetesCertDirs],
    manifestsDir,
    ...(env ? { envFile: env } : {}),
    ...(etcdManifest ? { etcdManifest } : {}),
  };
  const envFile = paths.envFile ?? paths.etcdManifest ?? 'the etcd configuration';
  const ts = stamp(options.now);
  const staging = options.stagingDir ?? '/var/tmp';
  const warnings: string[] = [];
  const { inventory, removals } = withoutRemovedHosts(given, state, options);
  const etcdHosts = new Map(inventory.etcd.map((e) => [e.host, e]));
  const stateOf = new Map(state.etcd.map((e) => [e.host, e]));
  const cpStateOf = new Map(state.controlPlane.map((c) => [c.host, c]));

  for (const [group, hosts, known] of [
    ['broken_etcd', given.brokenEtcd ?? [], new Set(given.etcd.map((e) => e.host))],
    ['broken_kube_control_plane', given.brokenControlPlane ?? [], new Set(given.controlPlane)],
  ] as const) {
    for (const h of hosts) {
      if (!known.has(h)) {
        throw new InputError(
          `${inventory.source}: host '${h}' in [${group}] is not in [${group === 'broken_etcd' ? 'etcd' : 'kube_control_plane'}]. ` +
            `List only hosts of that group (check the spelling), then run again.`,
        );
      }
    }
  }

  const brokenFrom =
    inventory.brokenEtcd !== undefined || inventory.brokenControlPlane !== undefined
      ? 'inventory'
      : 'probe';
  // etcd still runs on a node whose certificate files are gone: its data is intact, and the
  // probe could not see its health only for want of a client certificate on that node. Its
  // certificates come back and etcd restarts; restoring a snapshot there would throw away data.
  const certsOnly =
    brokenFrom === 'probe'
      ? inventory.etcd
          .filter((e) => {
            const s = stateOf.get(e.host);
            return s?.reachable && s.etcdRunning && !s.healthy && !s.etcdCertsPresent;
          })
          .map((e) => e.host)
      : [];
  const brokenEtcd =
    inventory.brokenEtcd ??
    inventory.etcd
      .filter((e) => !stateOf.get(e.host)?.healthy && !certsOnly.includes(e.host))
      .map((e) => e.host);
  const brokenCp =
    inventory.brokenControlPlane ??
    inventory.controlPlane.filter((h) => !cpStateOf.get(h)?.certsPresent);
  const brokenSet = new Set(brokenEtcd);

  // A member the probe calls unhealthy only for want of quorum still holds data; a member
  // the inventory lists as broken does not count, whatever it holds.
  const survivors = inventory.etcd.filter((e) => {
    const s = stateOf.get(e.host);
    const declaredBroken = brokenFrom === 'inventory' && brokenSet.has(e.host);
    return !declaredBroken && s?.reachable && s.etcdRunning && s.raftIndex !== undefined;
  });
  const healthyVoters = inventory.etcd.filter(
    (e) => !brokenSet.has(e.host) && stateOf.get(e.host)?.healthy,
  );

  const cases: RecoveryCase[] = [];
  let etcdCase: RecoveryCase | undefined;
  if (brokenEtcd.length > 0) {
    if (state.quorum && healthyVoters.length > 0) etcdCase = 'member-loss';
    else if (survivors.length > 0) etcdCase = 'quorum-loss';
    else etcdCase = 'total-loss';
    cases.push(etcdCase);
  }
  if (brokenCp.length > 0 || certsOnly.length > 0) cases.push('cert-loss');
  if (removals.length > 0) cases.push('host-removal');
  if (cases.length === 0) cases.push('healthy');

  const unreachable = [...new Set([...brokenEtcd, ...brokenCp])].filter(
    (h) => (stateOf.get(h)?.reachable ?? cpStateOf.get(h)?.reachable) === false,
  );
  if (unreachable.length > 0) {
    const why = unreachable
      .map((h) => {
        const errs = stateOf.get(h)?.errors ?? cpStateOf.get(h)?.errors ?? [];
        return errs.length > 0 ? `${h}: ${errs[0]}` : h;
      })
      .join('\n  ');
    throw new InputError(
      `${unreachable.length === 1 ? 'This broken host does' : 'These broken hosts do'} not answer, and recovery must run commands on ${unreachable.length === 1 ? 'it' : 'them'}:\n  ${why}\n` +
        'Bring them back or re-provision them (same IP, same hostname, SSH key authorized), check --transport/--ssh-user/--ssh-key, then run again. ' +
        `A host that will not return: name it with --remove-host ${unreachable[0]} (action input remove-hosts), and the cluster shrinks without it.`,
    );
  }

  const restoresSnapshot = etcdCase === 'quorum-loss' || etcdCase === 'total-loss';
  if (restoresSnapshot && state.quorum && !options.force) {
    throw new InputError(
      `The cluster still has quorum (the probe found ${healthyVoters.length} healthy of ${state.members.length} members), ` +
        `but the inventory marks ${brokenEtcd.join(', ')} as broken so that no healthy member would remain: ` +
        `restoring a snapshot over a working cluster throws away every write since the snapshot. ` +
        `Remove the healthy hosts from [broken_etcd], or pass --force if that loss is intended.`,
    );
  }

  // A snapshot restore needs to know, from every node that will run etcd, which etcd it has:
  // the tool decides etcdutl or etcdctl and the bump, the server the snapshot it may serve.
  const etcdVersions = restoresSnapshot ? nodeEtcdVersions(inventory, stateOf, state) : undefined;
  if (etcdVersions && etcdVersions.minors.size > 1 && !options.force) {
    throw new InputError(
      `The etcd nodes run different etcd minor versions (${etcdVersions.list}): a snapshot is restored and then served by one etcd minor. ` +
        'Install the same etcd version on every etcd node (etcd, etcdctl, etcdutl), or pass --force if a mixed cluster is intended.',
    );
  }

  if (etcdCase === 'total-loss' && !backup) {
    throw new InputError(
      `No etcd member has data left (${inventory.etcd.map((e) => e.host).join(', ')} ${inventory.etcd.length === 1 ? 'is' : 'are all'} broken or unreachable` +
        `${removals.length > 0 ? `, and ${removals.map((r) => r.host).join(', ')} will not return` : ''}), ` +
        `so the cluster can only come back from a backup set: pass --backup DIR|URL.`,
    );
  }
  if (brokenCp.length > 0 && !backup) {
    throw new InputError(
      `Control-plane certificates must be restored on ${brokenCp.join(', ')}, and only a backup set has them: ` +
        `pass --backup DIR|URL (a backup taken with certificates, not --etcd-only).`,
    );
  }
  if (backup) {
    if (state.clusterName && backup.clusterName !== state.clusterName && !options.force) {
      throw new InputError(
        `Backup ${backup.location} is of cluster '${backup.clusterName}', but the inventory ${inventory.source} describes '${state.clusterName}'. ` +
          `Pick a backup of this cluster, or pass --force if the name changed.`,
      );
    }
    if (
      backup.clusterId &&
      state.clusterId &&
      backup.clusterId !== state.clusterId &&
      !options.force
    ) {
      throw new InputError(
        `Backup ${backup.location} comes from etcd cluster id ${backup.clusterId}, the running cluster is ${state.clusterId}. ` +
          `Pick a backup of this cluster, or pass --force.`,
      );
    }
    // With no member running (total loss) the version comes from the nodes' binaries.
    const runningVersion = state.serverVersion ?? etcdVersions?.first ?? state.toolsVersion;
    const running = minorOf(runningVersion);
    const saved = minorOf(backup.etcdVersion);
    const differs = running && saved && (running[0] !== saved[0] || running[1] !== saved[1]);
    if (restoresSnapshot && differs && !options.force) {
      throw new InputError(
        `Backup ${backup.location} was taken from etcd ${backup.etcdVersion}, the nodes run ${runningVersion}: ` +
          `a snapshot is restored with the same minor version. Restore with matching etcd tools, or pass --force.`,
      );
    }
    if (backup.encrypted && !options.haveIdentity) {
      throw new InputError(
        `Backup ${backup.location} is encrypted with age: pass --identity FILE (the age identity of one of its recipients).`,
      );
    }
  }

  const drafts: Draft[] = [];
  // Kubespray runs etcd from its own unit; a blank node has only the distribution's.
  const unitFiles = state.layout === 'kubespray' ? [KUBESPRAY_ETCD_UNIT] : [];
  const certsRestored = new Set<string>();
  const certOriginOf = (host: string): CertOrigin | undefined => {
    const object = backup?.certArchives[host];
    if (backup && object) return { kind: 'backup', location: backup.location, object };
    return undefined;
  };
  /** Puts back the certificates an etcd member needs before it can start. */
  const ensureEtcdCerts = (host: string, peer: string | undefined, group?: string) => {
    if (certsRestored.has(host)) return;
    const s = stateOf.get(host);
    if (s?.etcdCertsPresent) return;
    certsRestored.add(host);
    const origin =
      certOriginOf(host) ??
      (peer
        ? { kind: 'peer' as const, node: peer, paths: [paths.etcdCertDir, ...unitFiles] }
        : undefined);
    if (!origin) {
      throw new InputError(
        `etcd certificates are missing on '${host}' and neither a backup archive of that node nor a healthy peer can supply them: pass --backup DIR|URL.`,
      );
    }
    if (origin.kind === 'backup') {
      restoreArchive(host, origin, `etcd certificates are missing on ${host}`, group);
      return;
    }
    if (origin.kind === 'peer') {
      warnings.push(
        `${host}: no archive of this node in the backup set; its etcd certificates and unit are copied from ${origin.node} (Kubespray puts every member's certificates on every etcd node).`,
      );
    }
    moveAside(host, paths.etcdCertDir, 'whatever is left there is kept, never deleted', group);
    drafts.push(
      draft(
        'restore-certs',
        host,
        { from: origin },
        `etcd certificates are missing on ${host}`,
        `the replaced files were moved aside with suffix .${ts}; move them back`,
        true,
        group,
      ),
    );
  };
  /** A node's archive replaces its cert dirs: what is there now is moved aside first. */
  const restoreArchive = (host: string, origin: CertOrigin, why: string, group?: string) => {
    for (const dir of [paths.etcdCertDir, ...paths.kubernetesCertDirs]) {
      moveAside(host, dir, 'what is there now is kept, never deleted', group);
    }
    drafts.push(
      draft(
        'restore-certs',
        host,
        { from: origin },
        `${why}; the node's archive brings them back with their original modes and owners`,
        `mv each <dir>.${ts} back over <dir>`,
        true,
        group,
      ),
    );
  };
  const moveAside = (host: string, path: string, why: string, group?: string) =>
    drafts.push(
      draft(
        'move-aside',
        host,
        { path, to: `${path}.${ts}`, ...(path === paths.dataDir ? { recreate: true } : {}) },
        why,
        `mv ${path}.${ts} ${path}`,
        true,
        group,
      ),
    );
  const members: PlannedMember[] = inventory.etcd.map((e) => ({
    host: e.host,
    memberName: e.memberName,
    address: e.address,
    clientURL: stateOf.get(e.host)?.clientUrl ?? clientURLOf(e.address),
    peerURL: stateOf.get(e.host)?.peerUrl ?? peerURLOf(e.address),
  }));
  const memberOf = new Map(members.map((m) => [m.host, m]));
  const refOf = (host: string): EtcdMemberRef => {
    const m = memberOf.get(host)!;
    return { name: m.memberName, peerURL: m.peerURL };
  };
  const clientOf = (host: string) => memberOf.get(host)!.clientURL;
  const clusterString = (refs: EtcdMemberRef[]) =>
    refs.map((r) => `${r.name}=${r.peerURL}`).join(',');
  const envFor = (host: string, initialCluster: string, token?: string) => {
    const e = etcdHosts.get(host)!;
    const set: Record<string, string> = {
      ETCD_NAME: e.memberName,
      ETCD_INITIAL_CLUSTER: initialCluster,
      ETCD_INITIAL_CLUSTER_STATE: 'existing',
      ETCD_INITIAL_ADVERTISE_PEER_URLS: memberOf.get(host)!.peerURL,
    };
    if (token) set.ETCD_INITIAL_CLUSTER_TOKEN = token;
    return set;
  };

  /** The node that answers for the cluster afterwards (runs verification). */
  let anchor = healthyVoters[0]?.host ?? inventory.etcd[0]?.host ?? inventory.controlPlane[0]!;
  /** Kubespray's join: member add, env with state existing and the list of that moment, start, wait. */
  const rejoin = (
    host: string,
    control: string,
    current: EtcdMemberRef[],
    token: string | undefined,
    templateFrom: string | undefined,
  ) => {
    const ref = refOf(host);
    drafts.push(
      draft(
        'member-add',
        control,
        { member: ref.name, peerURL: ref.peerURL },
        `${ref.name} rejoins the cluster`,
        `etcdctl member remove <id of ${ref.name}>`,
        true,
      ),
    );
    current.push(ref);
    drafts.push(
      draft(
        'write-env',
        host,
        { set: envFor(host, clusterString(current), token), templateFrom },
        `a joining member starts with state 'existing' and the cluster's current member list`,
        `the previous ${envFile} is kept as ${keptCopyOf(envFile, paths.manifestsDir, ts)}`,
        false,
      ),
    );
    drafts.push(draft('start-etcd', host, {}, `${ref.name} joins`, 'stop etcd', false));
    drafts.push(
      draft(
        'wait-healthy',
        host,
        { members: [ref], clientURLs: [clientOf(host)] },
        'etcd answers "unhealthy cluster" to the next member add until this one has joined',
        'nothing to undo',
        false,
      ),
    );
  };
  let strategy: Plan['strategy'] = 'none';
  let source: PlanSource = { kind: 'none' };
  let revisionBump: Plan['revisionBump'];
  const expect: Plan['expect'] = { members: inventory.etcd.map((e) => e.memberName) };

  // A host that will not return leaves the member list before anything else happens, so that
  // every later step (member add, env files, verification) sees the cluster as it will be.
  const working = state.quorum && healthyVoters.length > 0;
  const membersLeaving = removals.filter((r) => r.listed && working);
  for (const r of membersLeaving) {
    drafts.push(
      draft(
        'member-remove',
        healthyVoters[0]!.host,
        { member: r.listed!.name, memberId: r.listed!.id },
        `${r.host} will not return (--remove-host): ${r.listed!.name} leaves the cluster; nothing runs on ${r.host}`,
        `etcdctl member add ${r.listed!.name} --peer-urls=${r.listed!.peerURLs[0] ?? '<its peer URL>'} once the host is back with an empty data dir`,
        true,
      ),
    );
  }
  for (const r of removals) {
    const member = given.etcd.find((e) => e.host === r.host);
    if (!member) continue;
    const how = membersLeaving.includes(r)
      ? `leaves the member list (removed from ${healthyVoters[0]!.host})`
      : restoresSnapshot
        ? 'is left out of the restored cluster (--initial-cluster)'
        : r.listed
          ? 'stays in the member list: no healthy member can remove it now'
          : 'is not in the member list: nothing to remove';
    warnings.push(
      `${r.host} (${member.memberName}) will not return: it ${how}. Nothing runs on ${r.host}; its data dir ${paths.dataDir} there is left as it was — ` +
        `should the host come back, move that dir aside before its etcd starts (the cluster refuses a removed member).`,
    );
  }

  if (etcdCase === 'member-loss') {
    strategy = 'member-replace';
    const control = healthyVoters[0]!.host;
    const current: EtcdMemberRef[] = state.members
      .filter((m) => !membersLeaving.some((r) => r.listed!.id === m.id))
      .map((m) => ({ name: m.name, peerURL: m.peerURLs[0] ?? '' }));
    for (const host of brokenEtcd) {
      const e = etcdHosts.get(host)!;
      const listed = state.members.find((m) => m.name === e.memberName);
      if (listed) {
        drafts.push(
          draft(
            'member-remove',
            control,
            { member: e.memberName, memberId: listed.id },
            `${e.memberName} (${host}) is broken; it must leave before a blank node can rejoin under its name`,
            `etcdctl member add ${e.memberName} --peer-urls=${listed.peerURLs[0] ?? peerURLOf(e.address)} (the next steps do exactly that)`,
            true,
          ),
        );
        current.splice(
          current.findIndex((r) => r.name === e.memberName),
          1,
        );
      }
      if (stateOf.get(host)?.etcdRunning) {
        drafts.push(
          draft(
            'stop-etcd',
            host,
            {},
            `a broken etcd still runs on ${host}`,
            'start etcd again',
            false,
          ),
        );
      }
      ensureEtcdCerts(host, control);
      moveAside(host, paths.dataDir, `a rejoining member must start with an empty data dir`);
      rejoin(host, control, current, undefined, control);
    }
  } else if (etcdCase === 'quorum-loss' || etcdCase === 'total-loss') {
    strategy = options.strategy;
    const token = `${state.clusterName || 'etcd'}-restore-${ts}`.toLowerCase();
    // Every node that restores must offer the bump; probes without per-node tools (older
    // plans, tests) fall back to the cluster-wide answer.
    const cannotBump = inventory.etcd.filter(
      (e) => !(stateOf.get(e.host)?.tools?.bumpRevision ?? state.toolsBumpRevision),
    );
    const bump = cannotBump.length === 0;
    if (!bump) {
      const tools = stateOf.get(cannotBump[0]!.host)?.tools;
      const version = tools
        ? `${tools.snapshotTool} ${tools.snapshotToolVersion} on ${cannotBump.map((e) => e.host).join(', ')}`
        : state.toolsVersion;
      if (options.bumpRevision !== undefined) {
        throw new InputError(
          `--bump-revision ${options.bumpRevision}: the etcd tools here (${version}) cannot bump the revision — --bump-revision/--mark-compacted came with etcdutl in etcd 3.5. ` +
            'Leave --bump-revision out to restore without a bump, or install etcd 3.5+ tools (etcd, etcdutl) on the etcd nodes.',
        );
      }
      const reason =
        `etcd tools ${version} cannot --bump-revision/--mark-compacted (they came in 3.5): the revision is not bumped, ` +
        `so Kubernetes watchers and caches may keep serving objects newer than the snapshot until they relist; the plan restarts the control plane for that (etcd#16028).`;
      warnings.push(reason);
      revisionBump = { amount: 0, markCompacted: false, reason };
    }
    // The executor makes the XXXXXX directory with `mktemp -d` (0700) on each node.
    const stagePath = `${staging}/kube-rescue-${ts}.XXXXXX/etcd.db`;
    let origin: SnapshotOrigin;
    let first: string;
    if (backup && (survivors.length === 0 || options.preferBackupSnapshot)) {
      source = { kind: 'backup', location: backup.location, revision: backup.revision };
      origin = { kind: 'backup', location: backup.location, object: backup.snapshotObject };
      first = survivors[0]?.host ?? inventory.etcd[0]!.host;
      expect.minRevision = backup.revision;
      expect.totalKey = backup.totalKey;
      expect.fingerprint = backup.fingerprint;
      expect.hashKV = backup.hashKV;
      if (survivors.length > 0) {
        warnings.push(
          `${survivors.map((s) => s.host).join(', ')} still hold data, but the backup's snapshot was asked for: writes after revision ${backup.revision} are lost.`,
        );
      }
    } else {
      const best = [...survivors].sort(
        (a, b) => (stateOf.get(b.host)!.raftIndex ?? 0) - (stateOf.get(a.host)!.raftIndex ?? 0),
      )[0]!;
      const bs = stateOf.get(best.host)!;
      source = {
        kind: 'survivor',
        node: best.host,
        member: best.memberName,
        raftIndex: bs.raftIndex ?? 0,
      };
      origin = { kind: 'node', node: best.host, path: stagePath };
      first = best.host;
      drafts.push(
        draft(
          'snapshot-save',
          best.host,
          { endpoint: clientOf(best.host), path: stagePath },
          `${best.host} has the highest raft index (${bs.raftIndex}) of the survivors`,
          `rm ${stagePath} on ${best.host} when the recovery is done`,
          false,
        ),
      );
    }
    anchor = first;
    if (bump) {
      const seen = Math.max(
        ...inventory.etcd.map((e) => stateOf.get(e.host)?.revision ?? Number.NEGATIVE_INFINITY),
      );
      const snapshotRevision =
        source.kind === 'backup' ? source.revision : stateOf.get(first)?.revision;
      const chosen = chooseRevisionBump(
        Number.isFinite(seen) ? seen : undefined,
        snapshotRevision,
        source.kind === 'backup' ? backup?.createdAt : undefined,
        options,
      );
      revisionBump = { ...chosen, markCompacted: true };
    }
    const order = [first, ...inventory.etcd.map((e) => e.host).filter((h) => h !== first)];
    const all = order.map(refOf);
    const restoreNow = strategy === 'parallel' ? order : [first];
    for (const host of order) {
      if (stateOf.get(host)?.etcdRunning) {
        drafts.push(
          draft(
            'stop-etcd',
            host,
            {},
            'every member is rebuilt from one snapshot; nothing may write meanwhile',
            'start etcd again',
            false,
            'stop',
          ),
        );
      }
    }
    const peerWithCerts = inventory.etcd.find((e) => stateOf.get(e.host)?.etcdCertsPresent)?.host;
    // One node after the other: a node's move-asides must finish before its archive is extracted.
    for (const host of order) ensureEtcdCerts(host, peerWithCerts);
    for (const host of order) {
      moveAside(host, paths.dataDir, 'the old data dir is kept, never deleted', 'aside');
    }
    for (const host of restoreNow) {
      const sameNode = origin.kind === 'node' && origin.node === host;
      if (!sameNode) {
        drafts.push(
          draft(
            'fetch-snapshot',
            host,
            { from: origin, to: stagePath },
            'the snapshot must be on the node that restores it',
            `rm ${stagePath}`,
            false,
            'fetch',
          ),
        );
      }
    }
    for (const host of restoreNow) {
      const ref = refOf(host);
      drafts.push(
        draft(
          'restore-snapshot',
          host,
          {
            snapshot: stagePath,
            dataDir: paths.dataDir,
            member: ref.name,
            peerURL: ref.peerURL,
            initialCluster: clusterString(strategy === 'parallel' ? all : [ref]),
            initialClusterToken: token,
            ...(revisionBump?.amount
              ? { bumpRevision: revisionBump.amount, markCompacted: true }
              : {}),
          },
          (strategy === 'parallel'
            ? 'every member from the same snapshot, with the full member list and a new cluster token (etcd disaster recovery)'
            : `${ref.name} alone from the snapshot; the others rejoin one at a time (Kubespray's way)`) +
            (revisionBump?.amount
              ? `; with ${stateOf.get(host)?.tools?.snapshotTool ?? 'etcdutl'} snapshot restore --bump-revision=${revisionBump.amount} --mark-compacted: ${revisionBump.reason}`
              : '; no revision bump (the tools cannot)'),
          `stop etcd, then mv ${paths.dataDir}.${ts} ${paths.dataDir}`,
          true,
          'restore',
        ),
      );
    }
    for (const host of restoreNow) {
      drafts.push(
        draft(
          'write-env',
          host,
          {
            set: envFor(host, clusterString(strategy === 'parallel' ? all : [refOf(host)]), token),
            templateFrom: peerWithCerts,
          },
          'the env file must name the restored cluster',
          `the previous ${envFile} is kept as ${keptCopyOf(envFile, paths.manifestsDir, ts)}`,
          false,
          'env',
        ),
      );
    }
    for (const host of restoreNow) {
      drafts.push(
        draft(
          'start-etcd',
          host,
          {},
          strategy === 'parallel'
            ? 'the restored members start together (each waits for the others to form a quorum)'
            : 'the single restored member starts',
          'stop etcd',
          false,
          'start',
        ),
      );
    }
    const restoredRefs = restoreNow.map(refOf);
    drafts.push(
      draft(
        'wait-healthy',
        first,
        {
          members: restoredRefs,
          clientURLs: restoreNow.map((h) => clientOf(h)),
        },
        'the next steps need a working cluster',
        'nothing to undo',
        false,
      ),
    );
    if (strategy === 'grow') {
      const current = [...restoredRefs];
      for (const host of order.slice(1)) rejoin(host, first, current, token, peerWithCerts);
    }
  }

  if (certsOnly.length > 0 && etcdCase) {
    throw new InputError(
      `etcd runs on ${certsOnly.join(', ')} but its certificates are gone there, so the probe cannot tell whether ` +
        `${brokenEtcd.join(', ')} ${brokenEtcd.length === 1 ? 'is' : 'are'} really lost. Restore the certificates first: ` +
        `put ${certsOnly.join(', ')} in [broken_kube_control_plane] with an empty [broken_etcd] ` +
        `(kube-rescue inventory recover --broken-control-plane ${certsOnly.join(',')}), restore with --backup, then plan again.`,
    );
  }
  // Certificates back everywhere first (etcd reads them from disk at every TLS handshake, so
  // no member can accept a peer before its files return), then one restart at a time so that
  // quorum never drops.
  for (const host of certsOnly) ensureEtcdCerts(host, undefined);
  for (const host of certsOnly) {
    const ref = refOf(host);
    drafts.push(
      draft(
        'stop-etcd',
        host,
        {},
        `${ref.name} must restart to read its restored certificates; its data stays as it is`,
        'start etcd again',
        false,
      ),
      draft('start-etcd', host, {}, `${ref.name} starts with its own data`, 'stop etcd', false),
      draft(
        'wait-healthy',
        host,
        { members: [ref], clientURLs: [clientOf(host)] },
        'the next member restarts only when this one is back',
        'nothing to undo',
        false,
      ),
    );
  }

  for (const host of brokenCp) {
    const object = backup?.certArchives[host];
    if (!object || !backup) {
      throw new InputError(
        `Backup ${backup?.location} has no certificate archive for control-plane node '${host}': ` +
          `take backups without --etcd-only, or remove '${host}' from [broken_kube_control_plane].`,
      );
    }
    if (certsRestored.has(host)) continue;
    certsRestored.add(host);
    restoreArchive(
      host,
      { kind: 'backup', location: backup.location, object },
      `control-plane certificates of ${host} are lost`,
    );
  }

  const restartOn = new Set<string>(brokenCp);
  if (etcdCase === 'quorum-loss' || etcdCase === 'total-loss') {
    for (const h of inventory.controlPlane) restartOn.add(h);
  }
  for (const host of inventory.controlPlane.filter((h) => restartOn.has(h))) {
    drafts.push(
      draft(
        'restart-control-plane',
        host,
        {
          reason: brokenCp.includes(host)
            ? 'its certificates were replaced'
            : 'etcd was restored; the API server must relist',
        },
        'what reads the certificates or etcd must restart to see them',
        'nothing to undo',
        false,
      ),
    );
  }

  planNodeDeletions(removals, {
    inventory,
    state,
    anchor,
    push: (host, params, reason) =>
      drafts.push(
        draft(
          'delete-node',
          host,
          params,
          reason,
          'the kubelet re-registers the Node when the host returns; nothing was moved on a node',
          true,
        ),
      ),
    warn: (w) => warnings.push(w),
  });

  drafts.push(
    draft(
      'verify',
      anchor,
      { expectMembers: inventory.etcd.length },
      'prove the result: members healthy, count, revision, keys, certificates',
      'nothing to undo',
      false,
    ),
  );
  // Only after verification passed: until then a re-run may need the staged snapshot.
  const staged = new Set(
    drafts.flatMap((d) =>
      d.action === 'snapshot-save' || d.action === 'fetch-snapshot'
        ? [
            `${d.node}\u0000${(d.params as { path?: string; to?: string }).path ?? (d.params as { to: string }).to}`,
          ]
        : [],
    ),
  );
  for (const entry of staged) {
    const [node, path] = entry.split('\u0000') as [string, string];
    drafts.push(
      draft(
        'discard-staged',
        node,
        { path },
        'the staged snapshot holds every Secret of the cluster; the restored data dirs are verified',
        'nothing to undo (the backup set or the survivor’s moved-aside data dir still has it)',
        false,
        'discard',
      ),
    );
  }

  const width = Math.max(2, String(drafts.length).length);
  const steps = drafts.map(
    (d, i) => ({ ...d, id: `${String(i + 1).padStart(width, '0')}-${d.action}-${d.node}` }) as Step,
  );

  return {
    cluster: state.clusterName,
    case: cases.join('+'),
    cases,
    strategy: etcdCase
      ? strategy
      : cases.includes('cert-loss')
        ? 'certs-only'
        : membersLeaving.length > 0
          ? 'member-remove'
          : 'none',
    source,
    layout: state.layout,
    paths,
    members,
    createdAt: options.now.toISOString(),
    brokenEtcd,
    brokenControlPlane: brokenCp,
    removedHosts: removals.map((r) => r.host),
    brokenFrom,
    steps,
    warnings,
    ...(revisionBump ? { revisionBump } : {}),
    expect,
  };
}

/**
 * The etcd version of each etcd node as the probe identified it from the node's binaries, for
 * a plan that restores a snapshot. A node whose binaries could not be identified is refused
 * here, with what the probe found, before anything is touched.
 */
function nodeEtcdVersions(
  inventory: PlanInventory,
  stateOf: Map<string, EtcdHostState>,
  state: ClusterState,
): { first?: string; minors: Set<string>; list: string } {
  const unknown = inventory.etcd.filter((e) => stateOf.get(e.host)?.toolsError);
  if (unknown.length > 0) {
    throw new InputError(
      `Cannot tell which etcd ${unknown.length === 1 ? 'this node has' : 'these nodes have'}, and a snapshot restore depends on it (etcdutl or etcdctl, revision bump, snapshot version):\n  ` +
        unknown.map((e) => stateOf.get(e.host)!.toolsError).join('\n  ') +
        "\nInstall etcd, etcdctl and etcdutl of the cluster's version on each (Kubespray puts them in /usr/local/bin), then run again. Nothing was changed.",
    );
  }
  const versions = inventory.etcd.flatMap((e) => {
    const t = stateOf.get(e.host)?.tools;
    const v = t?.server ?? t?.snapshotToolVersion;
    return v ? [{ host: e.host, v }] : [];
  });
  if (state.serverVersion) versions.push({ host: 'the running members', v: state.serverVersion });
  const minors = new Set(
    versions.flatMap(({ v }) => {
      const m = minorOf(v);
      return m ? [`${m[0]}.${m[1]}`] : [];
    }),
  );
  return {
    ...(versions[0] ? { first: versions[0].v } : {}),
    minors,
    list: versions.map(({ host, v }) => `${host}: ${v}`).join(', '),
  };
}

/**
 * `kubectl delete node` for each removed host that is a Kubernetes node, on a control-plane
 * node that can reach the API: kubeadm always has one; on Kubespray only where the probe
 * found kubectl and the admin kubeconfig, else the operator is told to do it.
 */
function planNodeDeletions(
  removals: Removal[],
  ctx: {
    inventory: PlanInventory;
    state: ClusterState;
    anchor: string;
    push: (host: string, params: StepParams['delete-node'], reason: string) => void;
    warn: (warning: string) => void;
  },
): void {
  const nodes = removals.filter((r) => r.nodeName);
  if (nodes.length === 0) return;
  const { inventory, state, anchor } = ctx;
  const candidates = [
    ...inventory.controlPlane.filter((h) => h === anchor),
    ...inventory.controlPlane.filter((h) => h !== anchor),
  ];
  const withKubectl = candidates.find((h) => state.kubectlOn?.includes(h));
  const runner = withKubectl ?? (state.layout === 'kubeadm' ? candidates[0] : undefined);
  for (const r of nodes) {
    if (!runner) {
      ctx.warn(
        `${r.host} will not return, but no control-plane node left here has kubectl with ${ADMIN_KUBECONFIG}: ` +
          `delete its Node yourself once the API answers ('kubectl delete node ${r.nodeName}', or Kubespray's remove-node.yml -e node=${r.host} -e reset_nodes=false).`,
      );
      continue;
    }
    ctx.push(
      runner,
      { nodeName: r.nodeName!, host: r.host, kubeconfig: ADMIN_KUBECONFIG },
      `${r.host} will not return: its Node object goes, so nothing waits for it or schedules onto it`,
    );
  }
}
