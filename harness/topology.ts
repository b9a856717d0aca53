import { InputError } from '../src/errors.js';

/** What a node is in the cluster; Kubespray groups follow from it. */
export type NodeRole = 'control-plane' | 'etcd' | 'worker';

export interface NodeSpec {
  /** Inventory hostname; also the container's hostname. */
  name: string;
  roles: NodeRole[];
  /** The inventory's `etcd_member_name`, when it sets one (a replica of an inventory). */
  etcdMemberName?: string;
}

/** A cluster's shape. `nodes` order is inventory order; etcd members are numbered in it. */
export interface Topology {
  /** A fixed topology's name, or `replica` for one built from a user's inventory. */
  name: TopologyName | 'replica';
  nodes: NodeSpec[];
}

export const TOPOLOGY_NAMES = ['stacked3', 'runbook', 'single', 'stacked3-worker'] as const;
export type TopologyName = (typeof TOPOLOGY_NAMES)[number];

const stacked = (name: string): NodeSpec => ({ name, roles: ['control-plane', 'etcd'] });

/**
 * `runbook` is the Kubespray recovery runbook's example: taco-m1..m3 are the control plane,
 * taco-w1/w2 are workers that are also etcd members ([etcd] = m1 m2 m3 w1 w2).
 */
export function topology(name: TopologyName): Topology {
  switch (name) {
    case 'stacked3':
      return { name, nodes: ['node1', 'node2', 'node3'].map(stacked) };
    case 'single':
      return { name, nodes: [stacked('node1')] };
    // The kubeadm provider's default: a worker beside the stacked control plane.
    case 'stacked3-worker':
      return {
        name,
        nodes: [...['node1', 'node2', 'node3'].map(stacked), { name: 'node4', roles: ['worker'] }],
      };
    case 'runbook':
      return {
        name,
        nodes: [
          stacked('taco-m1'),
          stacked('taco-m2'),
          stacked('taco-m3'),
          { name: 'taco-w1', roles: ['worker', 'etcd'] },
          { name: 'taco-w2', roles: ['worker', 'etcd'] },
        ],
      };
    default:
      throw new InputError(
        `Unknown topology "${String(name)}". Expected one of: ${TOPOLOGY_NAMES.join(', ')}.`,
      );
  }
}

export function etcdNodes(t: Topology): NodeSpec[] {
  return t.nodes.filter((n) => n.roles.includes('etcd'));
}

export function controlPlaneNodes(t: Topology): NodeSpec[] {
  return t.nodes.filter((n) => n.roles.includes('control-plane'));
}

/** The node's own `etcdMemberName`, else Kubespray's default: `etcd<N>` by position in [etcd]. */
export function etcdMemberName(t: Topology, host: string): string | undefined {
  const i = etcdNodes(t).findIndex((n) => n.name === host);
  return i < 0 ? undefined : (etcdNodes(t)[i].etcdMemberName ?? `etcd${i + 1}`);
}

/**
 * Kubespray's [kube_node]: workers, and in a stacked cluster (no workers) the control-plane
 * nodes themselves, as its sample inventory does.
 */
export function kubeNodes(t: Topology): NodeSpec[] {
  const workers = t.nodes.filter((n) => n.roles.includes('worker'));
  return workers.length > 0 ? workers : controlPlaneNodes(t);
}
