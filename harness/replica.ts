/**
 * A replica of a user's inventory on the local provider: the same host names, groups,
 * `etcd_member_name`s, node count and roles, on the harness's own internal network. Pure
 * functions (what to start, how its inventory reads, how its addresses map back) and the
 * capacity check; harness/dress-rehearsal.ts runs it.
 */
import { readFile } from 'node:fs/promises';
import { InputError } from '../src/errors.js';
import type { Inventory } from '../src/inventory/types.js';
import type { NodeRole, NodeSpec, Topology } from './topology.js';

/** Groups whose hosts are Kubernetes worker nodes in Kubespray (and its legacy name). */
const WORKER_GROUPS = ['kube_node', 'kube-node'];

/** Hosts the replica starts: every etcd, control-plane and Kubernetes node of the inventory. */
export function replicaTopology(inventory: Inventory): Topology {
  const etcd = inventory.etcdMembers();
  const controlPlane = inventory.controlPlane();
  const workers = WORKER_GROUPS.flatMap((g) => inventory.groups.get(g) ?? []);
  // etcd members first, in [etcd] order, so the replica's members are numbered as production's.
  const names = [...new Set([...etcd.map((m) => m.host), ...controlPlane, ...workers])];
  const nodes: NodeSpec[] = names.map((name) => {
    const roles: NodeRole[] = [];
    if (controlPlane.includes(name)) roles.push('control-plane');
    if (etcd.some((m) => m.host === name)) roles.push('etcd');
    if (workers.includes(name) && !controlPlane.includes(name)) roles.push('worker');
    const member = etcd.find((m) => m.host === name)?.memberName;
    return { name, roles, ...(member ? { etcdMemberName: member } : {}) };
  });
  return { name: 'replica', nodes };
}

/** The failure to rehearse, as the operator states it (flags, else the inventory's groups). */
export interface StatedFailure {
  brokenEtcd: string[];
  brokenControlPlane: string[];
  removeHosts: string[];
}

/**
 * Flags win; without them the inventory's `broken_etcd` / `broken_kube_control_plane` groups
 * say what broke, as Kubespray's recover-control-plane.yml reads them. Every host named must
 * be one the replica has, in the role it is said to have lost.
 */
export function statedFailure(inventory: Inventory, flags: Partial<StatedFailure>): StatedFailure {
  const pick = (flag: string[] | undefined, group: () => string[]) =>
    flag && flag.length > 0 ? [...new Set(flag)] : group();
  const failure: StatedFailure = {
    brokenEtcd: pick(flags.brokenEtcd, () => inventory.brokenEtcd()),
    brokenControlPlane: pick(flags.brokenControlPlane, () => inventory.brokenControlPlane()),
    removeHosts: [...new Set(flags.removeHosts ?? [])],
  };
  const etcd = inventory.etcdMembers().map((m) => m.host);
  const cp = inventory.controlPlane();
  const check = (hosts: string[], allowed: string[], what: string, flag: string) => {
    for (const h of hosts) {
      if (!allowed.includes(h)) {
        throw new InputError(
          `${inventory.source}: ${flag} names '${h}', which is not ${what} of this inventory (${allowed.join(', ') || 'none'}).`,
        );
      }
    }
  };
  check(failure.brokenEtcd, etcd, 'an etcd member', 'the broken etcd hosts (--broken-etcd)');
  check(
    failure.brokenControlPlane,
    cp,
    'a control-plane host',
    'the broken control-plane hosts (--broken-control-plane)',
  );
  check(
    failure.removeHosts,
    [...new Set([...etcd, ...cp])],
    'an etcd or control-plane host',
    '--remove-host',
  );
  if (
    failure.brokenEtcd.length + failure.brokenControlPlane.length + failure.removeHosts.length ===
    0
  ) {
    throw new InputError(
      `${inventory.source}: no failure to rehearse. Name the broken hosts with --broken-etcd / --broken-control-plane (or --remove-host), or put them in the inventory's [broken_etcd] / [broken_kube_control_plane] groups.`,
    );
  }
  return failure;
}

/**
 * The replica's hosts.ini: every host with its replica address and explicit member name, the
 * inventory's groups flattened (children resolved, same order), the broken groups of the
 * stated failure (when given), and only the vars planning reads (cluster_name, kube_override_hostname).
 * Nothing of the production addresses is written.
 */
export function renderReplicaInventory(
  inventory: Inventory,
  topology: Topology,
  ipOf: (host: string) => string,
  clusterName: string,
  /** Without it, no broken groups: the replica as it was before the failure. */
  failure: StatedFailure | undefined,
  header: string,
): string {
  const lines = [`# ${header}`, '[all]'];
  for (const n of topology.nodes) {
    const override = inventory.hosts.get(n.name)?.vars.kube_override_hostname;
    const vars = [
      `ansible_host=${ipOf(n.name)}`,
      `ip=${ipOf(n.name)}`,
      ...(n.etcdMemberName ? [`etcd_member_name=${n.etcdMemberName}`] : []),
      ...(typeof override === 'string' && override ? [`kube_override_hostname=${override}`] : []),
    ];
    lines.push(`${n.name} ${vars.join(' ')}`);
  }
  lines.push('', '[all:vars]', 'ansible_user=root', `cluster_name=${clusterName}`);
  const replicated = new Set(topology.nodes.map((n) => n.name));
  const skip = new Set(['all', 'ungrouped', 'broken_etcd', 'broken_kube_control_plane']);
  for (const [group, hosts] of inventory.groups) {
    if (skip.has(group) || group.startsWith('broken_')) continue;
    const kept = hosts.filter((h) => replicated.has(h));
    if (kept.length === 0) continue;
    // [etcd] in the order the members were numbered in production.
    const ordered =
      group === 'etcd'
        ? inventory
            .etcdMembers()
            .map((m) => m.host)
            .filter((h) => replicated.has(h))
        : kept;
    lines.push('', `[${group}]`, ...ordered);
  }
  if (failure) {
    // Both groups even when empty, as the runbook asks ("leave the group in place").
    lines.push('', '[broken_etcd]', ...failure.brokenEtcd);
    lines.push('', '[broken_kube_control_plane]', ...failure.brokenControlPlane);
  }
  lines.push('');
  return lines.join('\n');
}

/** Replica address ↔ production address, per host, to carry the probe's view back. */
export interface AddressMap {
  /** host → [replica address, production address] */
  hosts: Map<string, { replica: string; production: string }>;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every replica address in a JSON-able value by the production address of the same
 * host (whole addresses only: 10.240.5.11 never matches inside 10.240.5.111).
 */
export function mapToProduction<T>(value: T, map: AddressMap): T {
  return JSON.parse(swapAddresses(JSON.stringify(value), map, 'replica', 'production')) as T;
}

/** The other way, in text (an env file from a backup's archive): production's → the replica's. */
export function mapToReplica(text: string, map: AddressMap): string {
  return swapAddresses(text, map, 'production', 'replica');
}

function swapAddresses(
  text: string,
  map: AddressMap,
  from: 'replica' | 'production',
  to: 'replica' | 'production',
): string {
  // One pass over every address, so an address mapped to is never mapped again.
  const byAddress = new Map([...map.hosts.values()].map((h) => [h[from], h[to]]));
  const alternatives = [...byAddress.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  if (alternatives.length === 0) return text;
  const re = new RegExp(
    `(?<![0-9A-Za-z.:-])(${alternatives.join('|')})(?![0-9A-Za-z-]|\\.[0-9])`,
    'g',
  );
  return text.replace(re, (a) => byAddress.get(a) ?? a);
}

/**
 * What one replica node may cost the machine. Measured here (`docker stats`, every 8 s through
 * a whole dress rehearsal of the 5-node runbook inventory, etcd 3.6, ~430 keys): at most
 * 39.6 MiB a node (systemd, sshd, etcd). 160 MiB leaves room for etcd's own growth under
 * load; the data itself is counted apart (replicaCapacity).
 */
export const REPLICA_NODE_FOOTPRINT_MB = 160;
/**
 * What one node of a kubeadm replica may cost: kubelet, containerd, the static pods (API
 * server, controller manager, scheduler, etcd on control-plane nodes). Measured here
 * (`docker stats` every 5 s through the kubeadm control-plane test file, 3 control-plane
 * nodes and a worker): 1.17–1.26 GiB for the four after start, 1.54 GiB at peak, ~394 MiB a
 * node. 640 MiB is a margin over that peak, not a benchmark.
 */
export const KUBEADM_REPLICA_NODE_FOOTPRINT_MB = 640;

/** The footprint of one replica node in the given layout (the provider that builds it). */
export function replicaNodeFootprintMb(layout: 'kubespray' | 'kubeadm'): number {
  return layout === 'kubeadm' ? KUBEADM_REPLICA_NODE_FOOTPRINT_MB : REPLICA_NODE_FOOTPRINT_MB;
}

/** Kept free for the runner itself (node, the CLI, the restore's staged snapshot copy). */
export const RUNNER_RESERVE_MB = 1024;

/** MemAvailable from /proc/meminfo, in MiB (what the kernel can give without swapping). */
export async function availableMemoryMb(): Promise<number> {
  const text = await readFile('/proc/meminfo', 'utf8');
  const kb = /^MemAvailable:\s+(\d+)\s+kB/m.exec(text)?.[1];
  if (!kb) throw new InputError('Cannot read MemAvailable from /proc/meminfo on this machine.');
  return Math.floor(Number(kb) / 1024);
}

/**
 * How many replica nodes fit: free memory minus the runner's reserve and the data the nodes
 * hold (each etcd member keeps a copy of the db), divided by the measured node footprint.
 */
export function replicaCapacity(opts: {
  availableMb: number;
  dataMb: number;
  etcdMembers: number;
  footprintMb?: number;
}): number {
  const per = opts.footprintMb ?? REPLICA_NODE_FOOTPRINT_MB;
  const forNodes = opts.availableMb - RUNNER_RESERVE_MB - opts.dataMb * opts.etcdMembers;
  // Each node is a /24 address (.11 and up): 244 at most, whatever the memory.
  return Math.max(0, Math.min(244, Math.floor(forNodes / per)));
}
