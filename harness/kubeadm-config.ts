import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { imageSettings } from './kubeadm-image.js';

/**
 * kubeadm's configuration files for a harness cluster (kubeadm.k8s.io/v1beta4), pure data:
 * `kubeadm init` on the first control-plane node, `kubeadm join` (with `--control-plane`
 * and the uploaded certificates) on the others, `kubeadm join` on workers.
 */

/** The API server name every node uses (its /etc/hosts points it at a control-plane node). */
export const API_SERVER_HOST = 'kube-rescue-api';
export const API_SERVER_PORT = 6443;
export const CRI_SOCKET = 'unix:///run/containerd/containerd.sock';
export const KUBEADM_CONFIG_PATH = '/etc/kubernetes/kubeadm.yaml';

/**
 * SystemVerification fails on this host's cgroup v1 (and on the missing kernel config in a
 * container); the kubelet is told to accept cgroup v1 (failCgroupV1: false) instead.
 */
export const IGNORED_PREFLIGHT_ERRORS = ['SystemVerification'];

/** Secrets of one cluster's bootstrap: a bootstrap token and the key of the uploaded certificates. */
export interface KubeadmJoinSecrets {
  token: string;
  certificateKey: string;
}

export function newJoinSecrets(): KubeadmJoinSecrets {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const pick = (n: number) =>
    Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join('');
  return { token: `${pick(6)}.${pick(16)}`, certificateKey: randomBytes(32).toString('hex') };
}

export interface KubeadmNodeConfig {
  name: string;
  ip: string;
  /**
   * The node container's own cgroup in the host's cgroup v1 hierarchy (`/docker/<id>`): the
   * node sees the host's hierarchy, so the kubelet must put its pods under its own container.
   */
  cgroupRoot?: string;
}

export interface KubeadmClusterConfig {
  clusterName: string;
  kubernetesVersion: string;
  etcdImageTag: string;
  controlPlane: KubeadmNodeConfig[];
  secrets: KubeadmJoinSecrets;
}

/** Generous on a loaded 2-core machine: an API server there can take minutes to come up. */
const TIMEOUTS = {
  controlPlaneComponentHealthCheck: '10m0s',
  kubeletHealthCheck: '10m0s',
  kubernetesAPICall: '5m0s',
  etcdAPICall: '5m0s',
  tlsBootstrap: '10m0s',
  discovery: '10m0s',
};

function nodeRegistration(node: KubeadmNodeConfig) {
  return {
    name: node.name,
    criSocket: CRI_SOCKET,
    // Every image is in the node's containerd already; a pull could only fail.
    imagePullPolicy: 'Never',
    ignorePreflightErrors: IGNORED_PREFLIGHT_ERRORS,
    // No default route on the internal network: say which address is the node's.
    kubeletExtraArgs: [
      { name: 'node-ip', value: node.ip },
      ...(node.cgroupRoot ? [{ name: 'cgroup-root', value: node.cgroupRoot }] : []),
    ],
  };
}

const controlPlaneEndpoint = `${API_SERVER_HOST}:${API_SERVER_PORT}`;

function clusterConfiguration(c: KubeadmClusterConfig) {
  return {
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'ClusterConfiguration',
    clusterName: c.clusterName,
    kubernetesVersion: c.kubernetesVersion,
    controlPlaneEndpoint,
    ...imageSettings(c.etcdImageTag),
    etcd: {
      local: {
        ...imageSettings(c.etcdImageTag).etcd.local,
        // The Kubespray-like nodes' values: etcd's defaults flap on a loaded 2-core machine.
        extraArgs: [
          { name: 'heartbeat-interval', value: '250' },
          { name: 'election-timeout', value: '5000' },
        ],
      },
    },
    networking: { serviceSubnet: '10.96.0.0/16', dnsDomain: 'cluster.local' },
    apiServer: { certSANs: [API_SERVER_HOST, ...c.controlPlane.map((n) => n.ip)] },
  };
}

/**
 * The kubelet on these nodes. cgroupfs, like containerd's runc: the node sees the host's cgroup
 * v1 hierarchy (not a namespaced one), where the systemd driver looks for kubepods.slice at
 * the root while the node's systemd makes it under the container's cgroup. cgroup v1 accepted
 * (the host has no v2); no disk-pressure eviction (the disk is the host's, shared).
 */
function kubeletConfiguration() {
  return {
    apiVersion: 'kubelet.config.k8s.io/v1beta1',
    kind: 'KubeletConfiguration',
    cgroupDriver: 'cgroupfs',
    failCgroupV1: false,
    failSwapOn: false,
    evictionHard: {
      'nodefs.available': '0%',
      'nodefs.inodesFree': '0%',
      'imagefs.available': '0%',
    },
    imageGCHighThresholdPercent: 100,
    // kubeadm's documented way to a signed serving certificate: each kubelet asks for one
    // (a kubernetes.io/kubelet-serving CSR) that stays Pending until someone approves it, as
    // on a real cluster where a restore must approve them (the runbook's "pending CSRs").
    serverTLSBootstrap: true,
  };
}

const documents = (...docs: object[]) => docs.map((d) => stringify(d)).join('---\n');

/** `kubeadm init --config` for the first control-plane node. */
export function renderInitConfig(c: KubeadmClusterConfig): string {
  const first = c.controlPlane[0];
  return documents(
    {
      apiVersion: 'kubeadm.k8s.io/v1beta4',
      kind: 'InitConfiguration',
      bootstrapTokens: [
        {
          token: c.secrets.token,
          ttl: '24h0m0s',
          usages: ['signing', 'authentication'],
          groups: ['system:bootstrappers:kubeadm:default-node-token'],
        },
      ],
      certificateKey: c.secrets.certificateKey,
      localAPIEndpoint: { advertiseAddress: first.ip, bindPort: API_SERVER_PORT },
      nodeRegistration: nodeRegistration(first),
      timeouts: TIMEOUTS,
    },
    clusterConfiguration(c),
    kubeletConfiguration(),
  );
}

/** `kubeadm join --config` for another control-plane node (`controlPlane` set) or a worker. */
export function renderJoinConfig(
  c: KubeadmClusterConfig,
  node: KubeadmNodeConfig,
  opts: { controlPlane: boolean; caCertHash: string },
): string {
  return documents({
    apiVersion: 'kubeadm.k8s.io/v1beta4',
    kind: 'JoinConfiguration',
    discovery: {
      bootstrapToken: {
        apiServerEndpoint: controlPlaneEndpoint,
        token: c.secrets.token,
        caCertHashes: [opts.caCertHash],
      },
    },
    ...(opts.controlPlane
      ? {
          controlPlane: {
            localAPIEndpoint: { advertiseAddress: node.ip, bindPort: API_SERVER_PORT },
            certificateKey: c.secrets.certificateKey,
          },
        }
      : {}),
    nodeRegistration: nodeRegistration(node),
    timeouts: TIMEOUTS,
  });
}

/**
 * Pod networking from Debian's CNI plugins: a bridge with host-local addresses from this
 * node's own /24, so the kubelet reports the network ready. Pods on different nodes do not
 * reach each other (no routes between the bridges); nothing the harness runs needs that.
 */
export function renderCniConfig(podSubnet: string): string {
  return `${JSON.stringify(
    {
      cniVersion: '1.0.0',
      name: 'kube-rescue',
      plugins: [
        {
          type: 'bridge',
          bridge: 'cni0',
          isGateway: true,
          ipMasq: false,
          hairpinMode: true,
          ipam: { type: 'host-local', ranges: [[{ subnet: podSubnet }]] },
        },
      ],
    },
    null,
    2,
  )}\n`;
}
