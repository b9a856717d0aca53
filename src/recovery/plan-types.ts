import type { EtcdHashKV, KeyspaceFingerprint } from '../etcd/fingerprint.js';
import type { LayoutName, LayoutPaths } from '../etcd/layout.js';
import type { NodeEtcdTools } from '../etcd/version.js';
import type { StaticPodFacts } from './health.js';

/**
 * A recovery Plan is plain data: ordered steps, each with the node it runs on, what it
 * does, why, and how it is undone. `plan` prints it; `restore` executes the same object.
 * These are its types and what the planner reads (the probe's state, the inventory, the
 * backup); the planner itself is `buildPlan` in plan.ts.
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
  | 'kubelet-client'
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
  /**
   * `moveAside`: the certificate dirs moved to `<dir>.<plan stamp>` in the same command,
   * before the archive is extracted, with every path the archive holds (a backup's archive).
   */
  'restore-certs': { from: CertOrigin; moveAside?: string[] };
  /**
   * kubeadm: after a node's archive is back, the kubelet's client certificate checked (the
   * archive does not hold it) and, where it is missing, expired or not the cluster CA's, signed
   * anew with that CA on the node, as kubeadm init does. `nodeName` is its Kubernetes name.
   */
  'kubelet-client': { nodeName: string };
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
  /**
   * Consecutive steps with the same group run concurrently across nodes (e.g. start all members
   * together); steps of the group on one node run in their order, lane by lane.
   */
  group?: string;
  /**
   * Within its group, a step with a lane runs beside its node's steps of other lanes (and of
   * none), after its node's earlier steps of the same lane: a snapshot uploaded to a node while
   * that node's certificates are put back. It never touches what those other steps move.
   */
  lane?: string;
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
  /**
   * Why each broken etcd host was judged broken, in the probe's words (host does not answer, no
   * etcd process and what is left of its data dir, no leader after the watch, unhealthy…);
   * absent when the probe said nothing about any of them.
   */
  brokenWhy?: Record<string, string>;
  steps: Step[];
  warnings: string[];
  /**
   * The revision bump of a snapshot restore and why that amount (absent when nothing is
   * restored); amount 0 with the reason when the nodes' tools cannot bump (etcd 3.4).
   */
  revisionBump?: { amount: number; markCompacted: boolean; reason: string };
  /**
   * The Kubernetes nodes of the inventory (less hosts that will not return) whose pending
   * kubelet CSRs verification may approve: each CSR must name one of them, and only it.
   */
  kubeletNodes?: { nodeName: string; addresses: string[] }[];
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
  /** kubeadm: crictl/ctr on the node and the kubelet's static-pod dir, as the probe found them. */
  staticPod?: StaticPodFacts;
  etcdCertsPresent: boolean;
  /** What its data dir holds, as the probe found it (absent when the node was not reached). */
  dataDir?: 'missing' | 'empty' | 'present';
  /** Why the probe found it lost for certain (no etcd process, host gone…), when it did. */
  lost?: string;
  /**
   * Why the probe could not tell whether it is up (our tooling's timeout on a node not shown to
   * be lost): no destructive plan overwrites or removes it without --force.
   */
  unknown?: string;
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
  /** Each such host's addresses as the inventory gives them (access_ip, ip, ansible_host). */
  nodeAddresses?: Record<string, string[]>;
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
