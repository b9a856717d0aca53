import { InputError } from '../../errors.js';
import type {
  BackupSummary,
  ClusterState,
  ControlPlaneHostState,
  EtcdHostState,
  PlanInventory,
  PlanOptions,
  RecoveryCase,
} from '../plan-types.js';
import type { Removal } from './host-removal.js';

/**
 * Every refusal a plan can meet before its first step: each names what is wrong, where, and
 * what to do, and is raised before anything on a node changes (exit 2).
 */

/** "3.5.12" → [3, 5]; undefined when it does not parse. */
export function minorOf(version: string | undefined): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** A host in a broken group that is not in the group it is a broken part of. */
export function refuseUnknownBrokenHosts(given: PlanInventory, source: string): void {
  for (const [group, hosts, known] of [
    ['broken_etcd', given.brokenEtcd ?? [], new Set(given.etcd.map((e) => e.host))],
    ['broken_kube_control_plane', given.brokenControlPlane ?? [], new Set(given.controlPlane)],
  ] as const) {
    for (const h of hosts) {
      if (!known.has(h)) {
        throw new InputError(
          `${source}: host '${h}' in [${group}] is not in [${group === 'broken_etcd' ? 'etcd' : 'kube_control_plane'}]. ` +
            `List only hosts of that group (check the spelling), then run again.`,
        );
      }
    }
  }
}

/** Recovery runs commands on the broken hosts: each must answer. */
export function refuseUnreachable(
  hosts: string[],
  stateOf: Map<string, EtcdHostState>,
  cpStateOf: Map<string, ControlPlaneHostState>,
): void {
  const unreachable = hosts.filter(
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
}

/**
 * A member the probe could not judge (our own tooling ran out of time on a node that is not
 * shown to be lost) is not overwritten, replaced or removed on that guess: a timeout is no
 * evidence of loss, and on a loaded machine two healthy members can look like that at once.
 */
export function refuseUncertain(
  inventory: PlanInventory,
  stateOf: Map<string, EtcdHostState>,
  c: Pick<Classified, 'brokenEtcd' | 'brokenFrom' | 'restoresSnapshot'>,
  options: PlanOptions,
): void {
  if (options.force) return;
  const { brokenEtcd, brokenFrom, restoresSnapshot } = c;
  // A snapshot restore overwrites every member; hosts [broken_etcd] names are the user's word.
  const declared = brokenFrom === 'inventory' ? brokenEtcd : [];
  const targets = restoresSnapshot ? inventory.etcd.map((e) => e.host) : brokenEtcd;
  const uncertain = targets.filter((h) => !declared.includes(h) && stateOf.get(h)?.unknown);
  if (uncertain.length === 0) return;
  const one = uncertain.length === 1;
  throw new InputError(
    `${uncertain.map((h) => `${h} ${stateOf.get(h)!.unknown}`).join(';\n')};\n` +
      `the cluster may be healthy: no answer in time is no evidence that ${one ? 'this member is' : 'these members are'} lost, ` +
      `and this plan would ${restoresSnapshot ? 'restore a snapshot over' : 'replace'} ${uncertain.join(', ')} (${brokenEtcd.length} of ${inventory.etcd.length} members judged broken). ` +
      `Nothing was changed. Run plan again (when the nodes are less loaded, or with a longer --probe-timeout), or pass --force if you know ${uncertain.join(', ')} to be lost, ` +
      `or name the broken hosts in [broken_etcd].`,
  );
}

/**
 * A member-replacement plan trusts the members that answer healthy as the cluster's data. If
 * every one of them answers at etcd's first revision (an empty store: no write ever reached
 * it), they are members etcd re-created on wiped data dirs that found each other — and the
 * member this plan would replace may hold the only copy of the cluster's data. A real cluster
 * (a Kubernetes API server writes at once) never sits at revision 1.
 */
export function refuseEmptyQuorum(
  stateOf: Map<string, EtcdHostState>,
  c: Pick<Classified, 'etcdCase' | 'brokenEtcd' | 'healthyVoters' | 'restoresSnapshot'>,
  options: PlanOptions,
): void {
  if (options.force || c.restoresSnapshot || c.brokenEtcd.length === 0) return;
  if (c.etcdCase !== 'member-loss') return;
  const revisions = c.healthyVoters.map((v) => stateOf.get(v.host)?.revision);
  if (revisions.length === 0 || !revisions.every((r) => r !== undefined && r <= 1)) return;
  // …and only where a member to be replaced still holds a data dir: a new, empty cluster that
  // lost a member (its data dir empty or gone) is replaced as any other.
  const holding = c.brokenEtcd.filter((h) => stateOf.get(h)?.dataDir === 'present');
  if (holding.length === 0) return;
  const hosts = c.healthyVoters.map((v) => v.host);
  throw new InputError(
    `${hosts.join(', ')} answer${hosts.length === 1 ? 's' : ''} healthy, but with an empty store (revision ${revisions.join(', ')}: no write ever reached ${hosts.length === 1 ? 'it' : 'them'}), ` +
      `and this plan would replace ${holding.join(', ')} from ${hosts.length === 1 ? 'it' : 'them'}, whose data dir still holds data: if that is the cluster's data, replacing ${holding.length === 1 ? 'it' : 'them'} loses it. ` +
      `A Kubernetes cluster never sits at revision 1: these look like members etcd re-created on wiped data dirs. Nothing was changed. ` +
      `Name the wiped hosts in [broken_etcd] (then the plan restores a snapshot), or pass --force if the cluster really is new and empty.`,
  );
}

export interface Classified {
  brokenFrom: 'inventory' | 'probe';
  etcdCase: RecoveryCase | undefined;
  brokenEtcd: string[];
  brokenCp: string[];
  healthyVoters: PlanInventory['etcd'];
  restoresSnapshot: boolean;
  removals: Removal[];
}

/**
 * What restoring a snapshot needs, and what a backup must be, checked in order: no snapshot
 * over a working cluster, one etcd minor on the nodes, a backup where only a backup helps, and
 * that backup of this cluster, of this etcd minor, readable with the identity given.
 */
export function refuseUnsafeRestore(
  inventory: PlanInventory,
  state: ClusterState,
  stateOf: Map<string, EtcdHostState>,
  backup: BackupSummary | undefined,
  options: PlanOptions,
  c: Classified,
): void {
  const { etcdCase, brokenEtcd, brokenCp, healthyVoters, restoresSnapshot, removals, brokenFrom } =
    c;
  if (restoresSnapshot && state.quorum && !options.force) {
    throw new InputError(
      `The cluster still has quorum (the probe found ${healthyVoters.length} healthy of ${state.members.length} members), ` +
        `but the inventory marks ${brokenEtcd.join(', ')} as broken so that no healthy member would remain: ` +
        `restoring a snapshot over a working cluster throws away every write since the snapshot. ` +
        `Remove the healthy hosts from [broken_etcd], or pass --force if that loss is intended.`,
    );
  }

  // Defence in depth: whatever decided the case, a member that answered healthy means a
  // working cluster that can replace its lost members; a snapshot would throw its writes away.
  // (Where [broken_etcd] names the broken hosts, the others are the user's word; a host named
  // there that answered healthy is refused all the same.)
  const healthy = inventory.etcd
    .filter((e) => stateOf.get(e.host)?.healthy)
    .map((e) => e.host)
    .filter((h) => brokenFrom === 'probe' || brokenEtcd.includes(h));
  if (restoresSnapshot && healthy.length > 0 && !options.force) {
    throw new InputError(
      `${healthy.join(', ')} answered healthy, yet this plan (${etcdCase}) would restore a snapshot onto ${brokenEtcd.join(', ')}: ` +
        `with a healthy member the cluster should get a member-replacement plan, and a snapshot restore would throw away every write since the snapshot. ` +
        `Nothing was changed. Run plan again, or pass --force if that loss is intended.`,
    );
  }
  // A total loss overwrites every member: each must be lost for certain, not merely silent.
  const running = inventory.etcd
    .map((e) => e.host)
    .filter((h) => {
      const s = stateOf.get(h);
      // Without its certificates a running member cannot be asked: cert-loss says so itself.
      const askable = s?.etcdRunning && s.etcdCertsPresent && !s.lost;
      return askable && !(brokenFrom === 'inventory' && brokenEtcd.includes(h));
    });
  if (etcdCase === 'total-loss' && running.length > 0 && !options.force) {
    throw new InputError(
      `etcd runs on ${running.join(', ')} but the probe got no status from ${running.length === 1 ? 'it' : 'them'}, so ${running.length === 1 ? 'it is' : 'they are'} not known to be lost: ` +
        `a total-loss plan would restore the backup over ${running.length === 1 ? 'a member' : 'members'} that may hold newer data. ` +
        `Nothing was changed. Run plan again, or pass --force if you know ${running.join(', ')} to be lost.`,
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
 * kubeadm runs etcd only as a static pod of a control-plane node, stopped and started through
 * its kubelet and confirmed with crictl: an inventory that puts etcd elsewhere, a node without
 * crictl or ctr, or a kubelet that reads its static pods from another dir than the layout's
 * manifests dir cannot be recovered that way. Refused before anything runs, naming node and path.
 */
export function refuseStaticPodMismatch(
  inventory: PlanInventory,
  state: ClusterState,
  stateOf: Map<string, EtcdHostState>,
  recovering: boolean,
): void {
  if (state.layout !== 'kubeadm') return;
  const cp = new Set(inventory.controlPlane);
  const offCp = inventory.etcd.filter((e) => !cp.has(e.host)).map((e) => e.host);
  if (offCp.length > 0) {
    throw new InputError(
      `${inventory.source}: ${offCp.map((h) => `'${h}'`).join(', ')} ${offCp.length === 1 ? 'is' : 'are'} in [etcd] but not in [kube_control_plane]: ` +
        `kubeadm runs etcd only as a static pod of a control-plane node (${state.paths.etcdManifest ?? `${state.paths.manifestsDir}/etcd.yaml`} there). ` +
        'Put every etcd host in [kube_control_plane] (or use --layout kubespray for etcd on hosts of its own), then run again.',
    );
  }
  if (!recovering) return;
  const problems: string[] = [];
  for (const e of inventory.etcd) {
    const f = stateOf.get(e.host)?.staticPod;
    if (!f) continue;
    const missing = [f.crictl ? '' : 'crictl', f.ctr ? '' : 'ctr'].filter(Boolean);
    if (missing.length > 0) {
      problems.push(
        `${e.host}: no ${missing.join(' and no ')} on its PATH — kube-rescue confirms each stop and start of the etcd static pod with crictl and runs the etcd image's etcdctl/etcdutl with ctr (containerd). Install ${missing.includes('crictl') ? 'cri-tools' : ''}${missing.length === 2 ? ' and ' : ''}${missing.includes('ctr') ? 'containerd' : ''} on ${e.host}`,
      );
    }
    if (f.kubeletStaticPodPath && f.kubeletStaticPodPath !== state.paths.manifestsDir) {
      problems.push(
        `${e.host}: its kubelet reads static pods from ${f.kubeletStaticPodPath} (staticPodPath of /var/lib/kubelet/config.yaml), not from ${state.paths.manifestsDir} where the layout keeps etcd.yaml — stopping etcd there by moving its manifest would not stop it`,
      );
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      `The static-pod flow cannot run on this kubeadm cluster; refusing before any change:\n${problems.map((p) => `- ${p}`).join('\n')}\nNothing was changed. Fix the nodes (or pass the layout's paths to match the kubelet), then run again.`,
    );
  }
}
