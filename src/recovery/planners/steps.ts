import { InputError } from '../../errors.js';
import { KUBESPRAY_ETCD_UNIT, type LayoutPaths } from '../../etcd/layout.js';
import { clientURLOf, peerURLOf } from '../../etcd/urls.js';
import { kubeletClientUndo } from '../kubelet-client.js';
import type {
  BackupSummary,
  CertOrigin,
  ClusterState,
  EtcdHostState,
  EtcdMemberRef,
  Plan,
  PlanInventory,
  PlannedMember,
  PlanOptions,
  Step,
  StepAction,
  StepParams,
} from '../plan-types.js';
import { keptCopyOf, stamp } from '../stamp.js';

/** A node's archive in the backup set. */
type BackupCertOrigin = Extract<CertOrigin, { kind: 'backup' }>;

/** A step before it has its place in the plan (its id is its position). */
export type Draft = Omit<Step, 'id'>;

export function draft<A extends StepAction>(
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

export const clusterString = (refs: EtcdMemberRef[]): string =>
  refs.map((r) => `${r.name}=${r.peerURL}`).join(',');

/**
 * The plan being laid out: what every case planner reads (inventory, probe, backup, paths,
 * the run's stamp) and the step builders they share. Planners only append; the ids are
 * given once, when the plan is complete.
 */
export class PlanDraft {
  readonly steps: Draft[] = [];
  readonly warnings: string[] = [];
  /** What verification expects afterwards; a restore from a backup adds what the backup holds. */
  readonly expect: Plan['expect'];
  /** Only the data: the probe may hand over a whole Layout (with its functions). */
  readonly paths: LayoutPaths;
  /** What names the env a member starts with, for undo texts. */
  readonly envFile: string;
  readonly ts: string;
  readonly staging: string;
  readonly stateOf: Map<string, EtcdHostState>;
  readonly etcdHosts: Map<string, PlanInventory['etcd'][number]>;
  readonly members: PlannedMember[];
  private readonly memberOf: Map<string, PlannedMember>;
  private readonly certsRestored = new Set<string>();
  /**
   * kubeadm: control-plane hosts whose archive comes back anyway (their certificates are
   * lost); on these, etcd's certificates come from it too, while etcd is stopped.
   */
  readonly archiveHosts = new Set<string>();
  /** Kubespray runs etcd from its own unit; a blank node has only the distribution's. */
  private readonly unitFiles: string[];

  constructor(
    /** The inventory without the hosts that will not return. */
    readonly inventory: PlanInventory,
    readonly state: ClusterState,
    readonly backup: BackupSummary | undefined,
    readonly options: PlanOptions,
  ) {
    const {
      etcdCertDir,
      dataDir,
      kubernetesCertDirs,
      manifestsDir,
      envFile: env,
      etcdManifest,
    } = state.paths;
    this.paths = {
      etcdCertDir,
      dataDir,
      kubernetesCertDirs: [...kubernetesCertDirs],
      manifestsDir,
      ...(env ? { envFile: env } : {}),
      ...(etcdManifest ? { etcdManifest } : {}),
    };
    this.envFile = this.paths.envFile ?? this.paths.etcdManifest ?? 'the etcd configuration';
    this.ts = stamp(options.now);
    this.staging = options.stagingDir ?? '/var/tmp';
    this.stateOf = new Map(state.etcd.map((e) => [e.host, e]));
    this.etcdHosts = new Map(inventory.etcd.map((e) => [e.host, e]));
    this.unitFiles = state.layout === 'kubespray' ? [KUBESPRAY_ETCD_UNIT] : [];
    this.members = inventory.etcd.map((e) => ({
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      clientURL: this.stateOf.get(e.host)?.clientUrl ?? clientURLOf(e.address),
      peerURL: this.stateOf.get(e.host)?.peerUrl ?? peerURLOf(e.address),
    }));
    this.memberOf = new Map(this.members.map((m) => [m.host, m]));
    this.expect = { members: inventory.etcd.map((e) => e.memberName) };
  }

  push(...drafts: Draft[]): void {
    this.steps.push(...drafts);
  }

  refOf(host: string): EtcdMemberRef {
    const m = this.memberOf.get(host)!;
    return { name: m.memberName, peerURL: m.peerURL };
  }

  clientOf(host: string): string {
    return this.memberOf.get(host)!.clientURL;
  }

  /** The keys of the env a member starts with: its name, the member list, state existing. */
  envFor(host: string, initialCluster: string, token?: string): Record<string, string> {
    const e = this.etcdHosts.get(host)!;
    const set: Record<string, string> = {
      ETCD_NAME: e.memberName,
      ETCD_INITIAL_CLUSTER: initialCluster,
      ETCD_INITIAL_CLUSTER_STATE: 'existing',
      ETCD_INITIAL_ADVERTISE_PEER_URLS: this.memberOf.get(host)!.peerURL,
    };
    if (token) set.ETCD_INITIAL_CLUSTER_TOKEN = token;
    return set;
  }

  moveAside(host: string, path: string, why: string, group?: string): void {
    this.push(
      draft(
        'move-aside',
        host,
        {
          path,
          to: `${path}.${this.ts}`,
          ...(path === this.paths.dataDir ? { recreate: true } : {}),
        },
        why,
        `mv ${path}.${this.ts} ${path}`,
        true,
        group,
      ),
    );
  }

  /**
   * A node's archive replaces its cert dirs. One step: what is there now (the cert dirs and
   * every path the archive holds) is moved aside by the same command that then extracts the
   * checked archive, one round trip to the node instead of one per dir.
   */
  restoreArchive(host: string, origin: BackupCertOrigin, why: string, group?: string): void {
    const dirs = [this.paths.etcdCertDir, ...this.paths.kubernetesCertDirs];
    this.push(
      draft(
        'restore-certs',
        host,
        { from: origin, moveAside: dirs },
        `${why}; the node's archive brings them back with their original modes and owners, once what is there now is moved aside`,
        `mv each <dir>.${this.ts} back over <dir> (${dirs.join(', ')} and the archive's other paths)`,
        true,
        group,
      ),
    );
    if (this.kubeadm) this.kubeletClient(host, group);
  }

  /**
   * kubeadm: the archive brings kubelet.conf back, not the client certificate it names (the
   * kubelet's own, in /var/lib/kubelet/pki). Without a valid one the kubelet exits at start, and
   * no static pod runs: checked, and made where it must be, before etcd starts there.
   */
  private kubeletClient(host: string, group?: string): void {
    this.push(
      draft(
        'kubelet-client',
        host,
        { nodeName: this.inventory.nodeNames?.[host] ?? host },
        `the kubelet of ${host} must sign in to start its static pods: its client certificate is checked and, where it is missing, expired or not the cluster CA's, signed anew with that CA (as kubeadm init does)`,
        kubeletClientUndo(this.ts),
        true,
        group,
      ),
    );
  }

  /** Whether the plan restores this node's archive already. */
  hasArchive(host: string): boolean {
    return this.certsRestored.has(host);
  }

  /** Restores a node's archive from the backup once, however many cases ask for it. */
  restoreArchiveOnce(host: string, origin: BackupCertOrigin, why: string): void {
    if (this.certsRestored.has(host)) return;
    this.certsRestored.add(host);
    this.restoreArchive(host, origin, why);
  }

  /**
   * Puts back the certificates an etcd member needs before it can start. With `group`, an
   * archive from the backup is put back side by side with the other nodes' of that group (each
   * node's own move-asides first); a copy from a peer is never grouped.
   */
  ensureEtcdCerts(host: string, peer: string | undefined, group?: string): void {
    if (this.certsRestored.has(host)) return;
    const s = this.stateOf.get(host);
    if (s?.etcdCertsPresent && !this.archiveHosts.has(host)) return;
    this.certsRestored.add(host);
    const object = this.backup?.certArchives[host];
    const origin: CertOrigin | undefined =
      this.backup && object
        ? { kind: 'backup', location: this.backup.location, object }
        : peer
          ? { kind: 'peer', node: peer, paths: [this.paths.etcdCertDir, ...this.unitFiles] }
          : undefined;
    if (!origin) {
      throw new InputError(
        `etcd certificates are missing on '${host}' and neither a backup archive of that node nor a healthy peer can supply them: pass --backup DIR|URL.`,
      );
    }
    if (origin.kind === 'backup') {
      const why = s?.etcdCertsPresent
        ? `control-plane certificates of ${host} are lost`
        : `etcd certificates are missing on ${host}`;
      this.restoreArchive(host, origin, why, group);
      return;
    }
    if (this.kubeadm) {
      throw new InputError(
        `etcd certificates are missing on '${host}', and the backup set ${this.backup ? `has no archive of '${host}'` : 'was not given'}: on kubeadm every member has server and peer certificates of its own (its name and address in them), so they cannot be copied from ${origin.node}. Pass --backup with a set that holds ${host}'s archive, or make its certificates with 'kubeadm init phase certs etcd-server etcd-peer etcd-healthcheck-client' on ${host} first.`,
      );
    }
    this.warnings.push(
      `${host}: no archive of this node in the backup set; its etcd certificates and unit are copied from ${origin.node} (Kubespray puts every member's certificates on every etcd node).`,
    );
    // Never grouped: the copy reads the peer's files, which a grouped step of the peer's own
    // (its archive put back) could be replacing at that moment. In plan order, as before.
    this.moveAside(host, this.paths.etcdCertDir, 'whatever is left there is kept, never deleted');
    this.push(
      draft(
        'restore-certs',
        host,
        { from: origin },
        `etcd certificates are missing on ${host}`,
        `the replaced files were moved aside with suffix .${this.ts}; move them back`,
        true,
      ),
    );
  }

  get kubeadm(): boolean {
    return this.state.layout === 'kubeadm';
  }

  /**
   * Stops etcd on `host` before its data or certificates change. On kubeadm always (moving a
   * manifest that is not there is nothing): a kubelet restarts a crashed static pod on its own,
   * so "not running now" does not mean it stays stopped.
   */
  stopEtcd(host: string, reason: string, group?: string): void {
    if (!this.kubeadm && !this.stateOf.get(host)?.etcdRunning) return;
    this.push(draft('stop-etcd', host, {}, reason, 'start etcd again', false, group));
  }

  /** Kubespray's join: member add, env with state existing and the list of that moment, start, wait. */
  rejoin(
    host: string,
    control: string,
    current: EtcdMemberRef[],
    token: string | undefined,
    templateFrom: string | undefined,
  ): void {
    const ref = this.refOf(host);
    this.push(
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
    this.push(
      draft(
        'write-env',
        host,
        { set: this.envFor(host, clusterString(current), token), templateFrom },
        `a joining member starts with state 'existing' and the cluster's current member list`,
        `the previous ${this.envFile} is kept as ${keptCopyOf(this.envFile, this.paths.manifestsDir, this.ts)}`,
        false,
      ),
      draft('start-etcd', host, {}, `${ref.name} joins`, 'stop etcd', false),
      draft(
        'wait-healthy',
        host,
        { members: [ref], clientURLs: [this.clientOf(host)] },
        'etcd answers "unhealthy cluster" to the next member add until this one has joined',
        'nothing to undo',
        false,
      ),
    );
  }

  /** Verification on the anchor, then the staged snapshots go; ids from the final order. */
  finish(anchor: string): Step[] {
    this.push(
      draft(
        'verify',
        anchor,
        { expectMembers: this.inventory.etcd.length },
        'prove the result: members healthy, count, revision, keys, certificates',
        'nothing to undo',
        false,
      ),
    );
    // Only after verification passed: until then a re-run may need the staged snapshot.
    const staged = new Map<string, { node: string; path: string }>();
    for (const d of this.steps) {
      const path =
        d.action === 'snapshot-save'
          ? (d.params as StepParams['snapshot-save']).path
          : d.action === 'fetch-snapshot'
            ? (d.params as StepParams['fetch-snapshot']).to
            : undefined;
      if (path !== undefined) staged.set(`${d.node}\u0000${path}`, { node: d.node, path });
    }
    for (const { node, path } of staged.values()) {
      this.push(
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
    const width = Math.max(2, String(this.steps.length).length);
    return this.steps.map(
      (d, i) =>
        ({ ...d, id: `${String(i + 1).padStart(width, '0')}-${d.action}-${d.node}` }) as Step,
    );
  }
}
