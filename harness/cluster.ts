import type { NodeAccess } from '../src/nodes/access.js';
import type { Transport } from '../src/nodes/transport.js';
import type { Progress } from '../src/progress.js';
import type { DockerResult } from './docker-cli.js';
import type { KubernetesApi } from './k8s-objects.js';
import type { EtcdVersion } from './tools.js';
import type { NodeRole, Topology, TopologyName } from './topology.js';

/** One node of a started cluster. */
export interface ClusterNode {
  /** Inventory hostname = the container's hostname. */
  readonly name: string;
  readonly ip: string;
  readonly roles: readonly NodeRole[];
  /** Kubespray's member name (`etcd<N>`), for members of [etcd]. */
  readonly etcdMemberName?: string;
  readonly containerName: string;
  /** How recovery code reaches this node: `docker exec` (default) or SSH with the harness key. */
  transport(kind?: 'docker' | 'ssh'): Promise<Transport>;
  /** The harness's own back door (`docker exec … sh -c`), for setting up and breaking nodes. */
  sh(
    script: string,
    options?: { allowFailure?: boolean; timeoutMs?: number },
  ): Promise<DockerResult>;
}

/** Paths on the host from which the runner reaches etcd over TLS. */
export interface EtcdClientTls {
  cacert: string;
  cert: string;
  key: string;
}

/** Container-level operations the faults are built from; one provider implements them. */
export interface NodeControl {
  /** `docker stop` (systemd shuts down; etcd gets SIGTERM). */
  stopNode(name: string): Promise<void>;
  /** `docker start` a stopped node; it boots with the same disk and address. */
  startNode(name: string): Promise<void>;
  /**
   * A blank node with the same IP and hostname: local replaces the container; kind (which
   * cannot add nodes later) empties its node of etcd data, PKI, manifests and kubeconfigs.
   */
  replaceWithBlankNode(name: string): Promise<void>;
  disconnectNode(name: string): Promise<void>;
  reconnectNode(name: string): Promise<void>;
}

export interface StartedCluster extends NodeControl, AsyncDisposable {
  /** Cluster (and docker network) name: `kube-rescue-<run id>`. */
  readonly name: string;
  readonly runId: string;
  readonly provider: 'local' | 'kind' | 'kubeadm';
  /** Where etcd, its certs and the control-plane files live on the nodes. */
  readonly layout: 'kubespray' | 'kubeadm';
  readonly topology: Topology;
  /** The etcd minor the members run; kind's node image decides it, so it is unknown there. */
  readonly etcdVersion?: EtcdVersion;
  readonly nodes: readonly ClusterNode[];
  node(name: string): ClusterNode;
  /** Kubespray hosts.ini describing this cluster (temp dir of the run). */
  readonly inventoryPath: string;
  /** The run's ed25519 private key (0600), authorized for root on every node. */
  readonly sshKeyPath: string;
  /** known_hosts with every node's host key, by IP and by name. */
  readonly knownHostsPath: string;
  /** `https://<ip>:2379` of every etcd member, in [etcd] order. */
  readonly etcdEndpoints: readonly string[];
  readonly tls: EtcdClientTls;
  /** The run's temp dir; removed by stop(). */
  readonly workDir: string;
  /** Seconds from start() to a healthy cluster. */
  readonly startupSeconds: number;
  /**
   * kubectl with admin credentials, where a Kubernetes API runs (kubeadm, kind): what the
   * rehearsal's Kubernetes-level checks (k8s-checks.ts) use. Undefined on `local`.
   */
  readonly kubernetes?: KubernetesApi;
  /** Removes every container, the network and the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartClusterOptions {
  progress?: Progress;
  /** etcd minor of the members (local provider); DEFAULT_ETCD_VERSION (3.6) when not given. */
  etcdVersion?: EtcdVersion;
  /**
   * kubeadm: what the nodes are called (hostname, Kubernetes Node, etcd member). `container`
   * (default): the run-prefixed container name, so `--transport docker` reaches a node by it;
   * `topology`: the topology's own names, as a replica of a user's inventory needs them (the
   * containers stay run-prefixed: reach the nodes through `ClusterNode.containerName`).
   */
  nodeNames?: 'container' | 'topology';
}

/** Throw-away clusters of real nodes; the testcontainers module shape for a whole cluster. */
export interface ClusterProvider {
  readonly name: 'local' | 'kind' | 'kubeadm';
  start(topology: Topology | TopologyName, options?: StartClusterOptions): Promise<StartedCluster>;
}

/**
 * `--probe-timeout` of the harness's plans and restores: its nodes are containers on this
 * machine, sharing its cores with the cluster's own start (and, under the tests, with two more
 * test files and their clusters). A probe of one such node once took over 20 s, the default,
 * and the plan was refused as uncertain (CI, 7 December). A bound for a loaded machine: what
 * the probe concludes from an answer does not change with it.
 */
export const HARNESS_PROBE_TIMEOUT_MS = 60_000;

/**
 * The common node-access flags that reach this cluster, as a user would pass them to
 * `kube-rescue backup|plan|restore -i <inventoryPath>`: SSH as root with the run's key and
 * known_hosts (docker exec for kind and kubeadm, whose nodes have no sshd). etcd is driven on the nodes
 * with the certificates the layout puts there, as in production; `cluster.tls` is for the
 * harness's own client on the host.
 */
export function nodeAccessOf(cluster: StartedCluster): NodeAccess {
  if (cluster.provider !== 'local') return { transport: 'docker', layout: cluster.layout };
  return {
    transport: 'ssh',
    sshUser: 'root',
    sshKeyFile: cluster.sshKeyPath,
    knownHosts: cluster.knownHostsPath,
    layout: cluster.layout,
  };
}
