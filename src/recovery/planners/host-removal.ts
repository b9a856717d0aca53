import { InputError } from '../../errors.js';
import { ADMIN_KUBECONFIG } from '../../etcd/layout.js';
import { peerURLOf } from '../../etcd/urls.js';
import type { ClusterState, PlanInventory, PlanOptions, StepParams } from '../plan-types.js';
import { draft, type PlanDraft } from './steps.js';

/**
 * Host removal (`--remove-host`): hosts the user says will not return. The inventory is
 * planned without them; a member still listed leaves first (while the cluster works), and
 * their Node objects go last.
 */

/** A host that will not return, as the plan handles it. */
export interface Removal {
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

 */
export function withoutRemovedHosts(
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

/**
 * Before anything else, a member that will not return leaves the member list (only a working
 * cluster can remove it), so that every later step sees the cluster as it will be. Returns
 * those that leave; every removed etcd host gets a warning that says what became of it.
 */
export function planLeavingMembers(
  d: PlanDraft,
  given: PlanInventory,
  removals: Removal[],
  c: { working: boolean; control: string | undefined; restoresSnapshot: boolean },
): Removal[] {
  const leaving = removals.filter((r) => r.listed && c.working);
  for (const r of leaving) {
    d.push(
      draft(
        'member-remove',
        c.control!,
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
    const how = leaving.includes(r)
      ? `leaves the member list (removed from ${c.control})`
      : c.restoresSnapshot
        ? 'is left out of the restored cluster (--initial-cluster)'
        : r.listed
          ? 'stays in the member list: no healthy member can remove it now'
          : 'is not in the member list: nothing to remove';
    d.warnings.push(
      `${r.host} (${member.memberName}) will not return: it ${how}. Nothing runs on ${r.host}; its data dir ${d.paths.dataDir} there is left as it was — ` +
        `should the host come back, move that dir aside before its etcd starts (the cluster refuses a removed member).`,
    );
  }
  return leaving;
}

/**
 * `kubectl delete node` for each removed host that is a Kubernetes node, on a control-plane
 * node that can reach the API: kubeadm always has one; on Kubespray only where the probe
 * found kubectl and the admin kubeconfig, else the operator is told to do it.
 */
export function planNodeDeletions(d: PlanDraft, removals: Removal[], anchor: string): void {
  const nodes = removals.filter((r) => r.nodeName);
  if (nodes.length === 0) return;
  const { inventory, state } = d;
  const candidates = [
    ...inventory.controlPlane.filter((h) => h === anchor),
    ...inventory.controlPlane.filter((h) => h !== anchor),
  ];
  const withKubectl = candidates.find((h) => state.kubectlOn?.includes(h));
  const runner = withKubectl ?? (state.layout === 'kubeadm' ? candidates[0] : undefined);
  for (const r of nodes) {
    if (!runner) {
      d.warnings.push(
        `${r.host} will not return, but no control-plane node left here has kubectl with ${ADMIN_KUBECONFIG}: ` +
          `delete its Node yourself once the API answers ('kubectl delete node ${r.nodeName}', or Kubespray's remove-node.yml -e node=${r.host} -e reset_nodes=false).`,
      );
      continue;
    }
    const params: StepParams['delete-node'] = {
      nodeName: r.nodeName!,
      host: r.host,
      kubeconfig: ADMIN_KUBECONFIG,
    };
    d.push(
      draft(
        'delete-node',
        runner,
        params,
        `${r.host} will not return: its Node object goes, so nothing waits for it or schedules onto it`,
        'the kubelet re-registers the Node when the host returns; nothing was moved on a node',
        true,
      ),
    );
  }
}
