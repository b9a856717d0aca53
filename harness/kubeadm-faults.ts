import { CONTROL_PLANE_CONTAINERS } from '../src/etcd/static-pod.js';
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
 * A re-provisioned control-plane node: the packages installed (containerd, the kubelet and its
 * kubeadm drop-in), nothing kubeadm wrote — no static-pod manifests, no etcd data, no PKI, no
 * kubeconfigs (the kubelet's too), no kubelet configuration, flags or client certificate. Its
 * kubelet is restarted as the new node's would start, and exits at once for want of them
 * (systemd restarts it every 2 s) until the restore brings them back.
 */
export function blankKubeadmNodeScript(): string {
  return [
    'set -e',
    'rm -f /etc/kubernetes/manifests/*.yaml',
    WAIT_ETCD_GONE,
    // The rest of the control plane goes too before the kubelet stops (a new node runs none).
    `for i in $(seq 1 60); do crictl ps -q --name '${CONTROL_PLANE_CONTAINERS}' | grep -q . || break; sleep 1; done`,
    'systemctl stop kubelet',
    'rm -rf /var/lib/etcd/* /etc/kubernetes/pki /var/lib/kubelet/pki',
    'rm -f /etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf /etc/kubernetes/kubelet.conf',
    'rm -f /var/lib/kubelet/config.yaml /var/lib/kubelet/kubeadm-flags.env',
    'systemctl start kubelet',
  ].join('\n');
}
