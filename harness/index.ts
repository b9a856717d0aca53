/**
 * The rehearsal harness: throw-away clusters of real nodes, data to put in them, and real
 * ways to break them. What `kube-rescue rehearse` and the integration tests stand on.
 *
 *   const cluster = await clusterProvider('local').start('stacked3', { progress, etcdVersion: '3.5' });
 *   await using _ = cluster;                       // or try/finally cluster.stop()
 *   cluster.nodes          // [{ name, ip, roles, etcdMemberName, containerName, transport(), sh() }]
 *   cluster.inventoryPath  // Kubespray hosts.ini; sshKeyPath / knownHostsPath for SSH as root
 *   cluster.etcdEndpoints  // https://<ip>:2379 …; cluster.tls = { cacert, cert, key } on the host
 *   nodeAccessOf(cluster)  // the NodeAccess (transport, key, known_hosts, layout) commands take
 *
 *   const etcd = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
 *   await seedKeys(etcd, { keys: 10_000, valueBytes: 1024 });
 *   const before = await fingerprint(etcd);          // { revision, count, sha256 }
 *   const writer = startBackgroundWriter(etcd);     // writer.stop() → { lastAcknowledged, … }
 *
 *   await killEtcd(cluster, 'node1');               // and stopNode/startNode, destroyAndReprovision,
 *   await wipeEtcdData(cluster, 'node2');           // deleteCerts, corruptDb,
 *   await disconnectNode(cluster, 'node3');         // reconnectNode
 *
 * Topologies: `stacked3` (node1..3, control plane + etcd), `runbook` (taco-m1..m3 control
 * plane, taco-w1/w2 workers, [etcd] = m1 m2 m3 w1 w2), `single` (node1).
 * etcd versions: 3.4 (Debian's), 3.5 and 3.6 (built by scripts/build-tools.sh, installed in
 * /usr/local/bin); the local provider's default is 3.6. cluster.etcdVersion says which runs.
 * Providers: `local` (systemd containers from a Debian image built here, Kubespray layout),
 * `kubeadm` (a real control plane: Kubernetes built from tools/kubernetes, kubeadm layout) and
 * `kind` (kubeadm layout; only where the kind CLI and its node image exist).
 */
import { InputError } from '../src/errors.js';
import type { ClusterProvider } from './cluster.js';

export { HARNESS_PROBE_TIMEOUT_MS, nodeAccessOf } from './cluster.js';

import { KindClusterProvider } from './kind-provider.js';
import { KubeadmClusterProvider } from './kubeadm-provider.js';
import { LocalClusterProvider } from './local-provider.js';

export type {
  ClusterNode,
  ClusterProvider,
  EtcdClientTls,
  NodeControl,
  StartClusterOptions,
  StartedCluster,
} from './cluster.js';
export {
  type BackgroundWriter,
  fingerprint,
  type KeyspaceFingerprint,
  openEtcdClient,
  readSentinel,
  registryKey,
  SENTINEL_KEY,
  type SeedOptions,
  type SeedResult,
  sameKeyspace,
  seedKeys,
  startBackgroundWriter,
  type WriterReport,
  writerKey,
  writerNumbersPresent,
} from './data.js';
export {
  clusterHealth,
  type EndpointHealth,
  endpointHealth,
  waitForEtcdHealthy,
} from './etcd-health.js';
export {
  corruptDb,
  deleteCerts,
  destroyAndReprovision,
  disconnectNode,
  type FaultRecord,
  killEtcd,
  reconnectNode,
  startNode,
  stopNode,
  wipeEtcdData,
} from './faults.js';
export { ensureNodeImage, etcdNodeImageTag, nodeImageTag } from './image.js';
export { type KindAvailability, KindClusterProvider, kindAvailability } from './kind-provider.js';
export { KubeadmCluster, KubeadmClusterProvider } from './kubeadm-provider.js';
export {
  BUILD_KUBEADM_TOOLS,
  builtKubernetesTools,
  KUBERNETES_VERSION,
} from './kubernetes-tools.js';
export { KUBESPRAY_PATHS } from './kubespray-node.js';
export { LocalClusterProvider } from './local-provider.js';
export {
  builtEtcdTools,
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  type EtcdTools,
  type EtcdVersion,
  parseEtcdVersion,
} from './tools.js';
export {
  type NodeRole,
  type NodeSpec,
  TOPOLOGY_NAMES,
  type Topology,
  type TopologyName,
  topology,
} from './topology.js';

export function clusterProvider(name: 'local' | 'kind' | 'kubeadm'): ClusterProvider {
  if (name === 'local') return new LocalClusterProvider();
  if (name === 'kind') return new KindClusterProvider();
  if (name === 'kubeadm') return new KubeadmClusterProvider();
  throw new InputError(
    `Unknown cluster provider "${String(name)}". Expected local, kind or kubeadm.`,
  );
}
