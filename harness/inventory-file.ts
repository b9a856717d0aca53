import {
  controlPlaneNodes,
  etcdNodes,
  kubeNodes,
  type NodeRole,
  type Topology,
} from './topology.js';

/**
 * The Kubespray INI inventory (hosts.ini) matching a started cluster: hosts with
 * ansible_host/ip, then [kube_control_plane], [etcd], [kube_node], [k8s_cluster:children].
 * etcd_member_name is left to Kubespray's default (`etcd<N>` by [etcd] position), as in the
 * runbook's example inventory.
 */
export function renderKubesprayInventory(
  t: Topology,
  ipOf: (host: string) => string,
  header: string,
): string {
  const lines: string[] = [`# ${header}`, '[all]'];
  for (const n of t.nodes) {
    // Written only where the topology names the member itself (a replica of an inventory).
    const member = n.etcdMemberName ? ` etcd_member_name=${n.etcdMemberName}` : '';
    lines.push(`${n.name} ansible_host=${ipOf(n.name)} ip=${ipOf(n.name)}${member}`);
  }
  lines.push('', '[all:vars]', 'ansible_user=root');
  const group = (name: string, hosts: { name: string }[]) => {
    lines.push('', `[${name}]`, ...hosts.map((h) => h.name));
  };
  group('kube_control_plane', controlPlaneNodes(t));
  group('etcd', etcdNodes(t));
  group('kube_node', kubeNodes(t));
  lines.push('', '[k8s_cluster:children]', 'kube_control_plane', 'kube_node', '');
  return lines.join('\n');
}

/**
 * Kubespray-style groups for nodes reached with `docker exec` (kind's and the kubeadm
 * provider's: no sshd), whose container name is the inventory hostname.
 */
export function renderDockerExecInventory(
  nodes: readonly {
    name: string;
    ip: string;
    roles: readonly NodeRole[];
    etcdMemberName?: string;
  }[],
  header: string,
): string {
  const lines = [`# ${header}`, '[all]'];
  for (const n of nodes) {
    const member = n.etcdMemberName ? ` etcd_member_name=${n.etcdMemberName}` : '';
    // With ansible_connection=docker the container is the host's name (Ansible would take
    // ansible_host), so only `ip` carries the address.
    lines.push(`${n.name} ip=${n.ip} ansible_connection=docker${member}`);
  }
  const cp = nodes.filter((n) => n.roles.includes('control-plane')).map((n) => n.name);
  const workers = nodes.filter((n) => n.roles.includes('worker')).map((n) => n.name);
  lines.push('', '[kube_control_plane]', ...cp, '', '[etcd]', ...cp);
  lines.push('', '[kube_node]', ...(workers.length > 0 ? workers : cp));
  lines.push('', '[k8s_cluster:children]', 'kube_control_plane', 'kube_node', '');
  return lines.join('\n');
}
