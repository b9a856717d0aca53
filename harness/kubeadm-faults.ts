import type { StartedCluster } from './cluster.js';
import type { FaultRecord } from './faults.js';

/**
 * Faults of a kubeadm node, where etcd is a static pod the kubelet runs from
 * /etc/kubernetes/manifests/etcd.yaml (no etcd service to stop). The harness moves the
 * manifest to a place of its own to stop the pod, never to kube-rescue's parked path.
 */
const MANIFEST = '/etc/kubernetes/manifests/etcd.yaml';
const HARNESS_PARKED = '/root/etcd.yaml.harness-stopped';

/** Waits until crictl shows no running etcd container (the kubelet stopped the pod). */
const WAIT_ETCD_GONE = [
  'for i in $(seq 1 120); do crictl ps -q --name "^etcd$" | grep -q . || break; sleep 1; done',
  'if crictl ps -q --name "^etcd$" | grep -q .; then echo "etcd still runs after 120 s" >&2; exit 1; fi',
].join('\n');

/**
 * The member's disk is lost under a running kubelet: the pod is stopped, /var/lib/etcd
 * emptied, and the manifest put back, so the kubelet keeps restarting etcd on an empty dir
 * (it crash-loops there, as on a node whose data disk was replaced).
 */
export async function wipeStaticPodEtcdData(
  cluster: StartedCluster,
  node: string,
): Promise<FaultRecord> {
  await cluster
    .node(node)
    .sh(
      [
        'set -e',
        `mv ${MANIFEST} ${HARNESS_PARKED}`,
        WAIT_ETCD_GONE,
        'find /var/lib/etcd -mindepth 1 -maxdepth 1 -exec rm -rf {} +',
        `mv ${HARNESS_PARKED} ${MANIFEST}`,
      ].join('\n'),
      { timeoutMs: 180_000 },
    );
  return {
    fault: 'wipe-etcd-data',
    node,
    detail: 'etcd pod stopped, /var/lib/etcd emptied, manifest back (etcd crash-loops)',
  };
}

/** Every certificate and key of the node (/etc/kubernetes/pki, etcd's included) deleted. */
export async function deleteKubeadmCerts(
  cluster: StartedCluster,
  node: string,
): Promise<FaultRecord> {
  await cluster.node(node).sh('rm -rf /etc/kubernetes/pki');
  return { fault: 'delete-certs', node, detail: 'removed /etc/kubernetes/pki' };
}

/**
 * A re-provisioned control-plane node, as kind's blank node: no static-pod manifests, no
 * etcd data, no PKI, no kubeconfigs of the control plane; containerd, the kubelet and its
 * own client certificate stay (a node image with the packages installed).
 */
export function blankKubeadmNodeScript(): string {
  return [
    'set -e',
    'rm -f /etc/kubernetes/manifests/*.yaml',
    WAIT_ETCD_GONE,
    'rm -rf /var/lib/etcd/* /etc/kubernetes/pki',
    'rm -f /etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf',
  ].join('\n');
}
