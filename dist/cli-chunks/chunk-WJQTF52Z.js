#!/usr/bin/env node
import {
  InputError
} from "./chunk-BCQJ3TK4.js";

// harness/replica.ts
import { readFile } from "node:fs/promises";
var WORKER_GROUPS = ["kube_node", "kube-node"];
function replicaTopology(inventory) {
  const etcd = inventory.etcdMembers();
  const controlPlane = inventory.controlPlane();
  const workers = WORKER_GROUPS.flatMap((g) => inventory.groups.get(g) ?? []);
  const names = [.../* @__PURE__ */ new Set([...etcd.map((m) => m.host), ...controlPlane, ...workers])];
  const nodes = names.map((name) => {
    const roles = [];
    if (controlPlane.includes(name)) roles.push("control-plane");
    if (etcd.some((m) => m.host === name)) roles.push("etcd");
    if (workers.includes(name) && !controlPlane.includes(name)) roles.push("worker");
    const member = etcd.find((m) => m.host === name)?.memberName;
    return { name, roles, ...member ? { etcdMemberName: member } : {} };
  });
  return { name: "replica", nodes };
}
function statedFailure(inventory, flags) {
  const pick = (flag, group) => flag && flag.length > 0 ? [...new Set(flag)] : group();
  const failure = {
    brokenEtcd: pick(flags.brokenEtcd, () => inventory.brokenEtcd()),
    brokenControlPlane: pick(flags.brokenControlPlane, () => inventory.brokenControlPlane()),
    removeHosts: [...new Set(flags.removeHosts ?? [])]
  };
  const etcd = inventory.etcdMembers().map((m) => m.host);
  const cp = inventory.controlPlane();
  const check = (hosts, allowed, what, flag) => {
    for (const h of hosts) {
      if (!allowed.includes(h)) {
        throw new InputError(
          `${inventory.source}: ${flag} names '${h}', which is not ${what} of this inventory (${allowed.join(", ") || "none"}).`
        );
      }
    }
  };
  check(failure.brokenEtcd, etcd, "an etcd member", "the broken etcd hosts (--broken-etcd)");
  check(
    failure.brokenControlPlane,
    cp,
    "a control-plane host",
    "the broken control-plane hosts (--broken-control-plane)"
  );
  check(
    failure.removeHosts,
    [.../* @__PURE__ */ new Set([...etcd, ...cp])],
    "an etcd or control-plane host",
    "--remove-host"
  );
  if (failure.brokenEtcd.length + failure.brokenControlPlane.length + failure.removeHosts.length === 0) {
    throw new InputError(
      `${inventory.source}: no failure to rehearse. Name the broken hosts with --broken-etcd / --broken-control-plane (or --remove-host), or put them in the inventory's [broken_etcd] / [broken_kube_control_plane] groups.`
    );
  }
  return failure;
}
function renderReplicaInventory(inventory, topology, ipOf, clusterName, failure, header) {
  const lines = [`# ${header}`, "[all]"];
  for (const n of topology.nodes) {
    const override = inventory.hosts.get(n.name)?.vars.kube_override_hostname;
    const vars = [
      `ansible_host=${ipOf(n.name)}`,
      `ip=${ipOf(n.name)}`,
      ...n.etcdMemberName ? [`etcd_member_name=${n.etcdMemberName}`] : [],
      ...typeof override === "string" && override ? [`kube_override_hostname=${override}`] : []
    ];
    lines.push(`${n.name} ${vars.join(" ")}`);
  }
  lines.push("", "[all:vars]", "ansible_user=root", `cluster_name=${clusterName}`);
  const replicated = new Set(topology.nodes.map((n) => n.name));
  const skip = /* @__PURE__ */ new Set(["all", "ungrouped", "broken_etcd", "broken_kube_control_plane"]);
  for (const [group, hosts] of inventory.groups) {
    if (skip.has(group) || group.startsWith("broken_")) continue;
    const kept = hosts.filter((h) => replicated.has(h));
    if (kept.length === 0) continue;
    const ordered = group === "etcd" ? inventory.etcdMembers().map((m) => m.host).filter((h) => replicated.has(h)) : kept;
    lines.push("", `[${group}]`, ...ordered);
  }
  if (failure) {
    lines.push("", "[broken_etcd]", ...failure.brokenEtcd);
    lines.push("", "[broken_kube_control_plane]", ...failure.brokenControlPlane);
  }
  lines.push("");
  return lines.join("\n");
}
var escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
function mapToProduction(value, map) {
  return JSON.parse(swapAddresses(JSON.stringify(value), map, "replica", "production"));
}
function mapToReplica(text, map) {
  return swapAddresses(text, map, "production", "replica");
}
function swapAddresses(text, map, from, to) {
  const byAddress = new Map([...map.hosts.values()].map((h) => [h[from], h[to]]));
  const alternatives = [...byAddress.keys()].sort((a, b) => b.length - a.length).map(escapeRe);
  if (alternatives.length === 0) return text;
  const re = new RegExp(
    `(?<![0-9A-Za-z.:-])(${alternatives.join("|")})(?![0-9A-Za-z-]|\\.[0-9])`,
    "g"
  );
  return text.replace(re, (a) => byAddress.get(a) ?? a);
}
var REPLICA_NODE_FOOTPRINT_MB = 160;
var KUBEADM_REPLICA_NODE_FOOTPRINT_MB = 640;
function replicaNodeFootprintMb(layout) {
  return layout === "kubeadm" ? KUBEADM_REPLICA_NODE_FOOTPRINT_MB : REPLICA_NODE_FOOTPRINT_MB;
}
var RUNNER_RESERVE_MB = 1024;
async function availableMemoryMb() {
  const text = await readFile("/proc/meminfo", "utf8");
  const kb = /^MemAvailable:\s+(\d+)\s+kB/m.exec(text)?.[1];
  if (!kb) throw new InputError("Cannot read MemAvailable from /proc/meminfo on this machine.");
  return Math.floor(Number(kb) / 1024);
}
function replicaCapacity(opts) {
  const per = opts.footprintMb ?? REPLICA_NODE_FOOTPRINT_MB;
  const forNodes = opts.availableMb - RUNNER_RESERVE_MB - opts.dataMb * opts.etcdMembers;
  return Math.max(0, Math.min(244, Math.floor(forNodes / per)));
}

export {
  replicaTopology,
  statedFailure,
  renderReplicaInventory,
  mapToProduction,
  mapToReplica,
  REPLICA_NODE_FOOTPRINT_MB,
  KUBEADM_REPLICA_NODE_FOOTPRINT_MB,
  replicaNodeFootprintMb,
  RUNNER_RESERVE_MB,
  availableMemoryMb,
  replicaCapacity
};
//# sourceMappingURL=chunk-WJQTF52Z.js.map
