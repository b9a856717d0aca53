import { controlPlaneNodes, etcdNodes, kubeNodes, type Topology } from './topology.js';

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
  for (const n of t.nodes) lines.push(`${n.name} ansible_host=${ipOf(n.name)} ip=${ipOf(n.name)}`);
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
