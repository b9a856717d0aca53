import { OperationError } from '../src/errors.js';
import { kubeadmLayout } from '../src/etcd/layout.js';
import type { StartedCluster } from './cluster.js';
import { KUBESPRAY_PATHS } from './kubespray-node.js';

const KUBEADM_PKI_DIR = '/etc/kubernetes/pki';

/**
 * Ways production control planes break, one call each, on a harness cluster. Each names
 * what it did so a rehearsal report can say it.
 */
export interface FaultRecord {
  fault: string;
  node: string;
  detail: string;
}

async function etcdPid(cluster: StartedCluster, node: string): Promise<number | undefined> {
  const r = await cluster
    .node(node)
    .sh('systemctl show -p MainPID --value etcd.service', { allowFailure: true });
  const pid = Number(r.stdout.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** SIGKILL to the etcd process (systemd restarts it after Kubespray's RestartSec=10s). */
export async function killEtcd(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  const pid = await etcdPid(cluster, node);
  if (pid === undefined) {
    throw new OperationError(
      `Cannot kill etcd on node ${node}: etcd.service has no running process there. Check \`systemctl status etcd\` on ${node}.`,
    );
  }
  await cluster.node(node).sh(`kill -9 ${pid}`);
  return { fault: 'kill-etcd', node, detail: `kill -9 ${pid} (etcd)` };
}

/** The node goes down (container stop: systemd shuts down, etcd gets SIGTERM). */
export async function stopNode(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  await cluster.stopNode(node);
  return { fault: 'stop-node', node, detail: 'node powered off (container stopped)' };
}

/** Brings a stopped node back with its disk as it was. */
export async function startNode(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  await cluster.startNode(node);
  return { fault: 'start-node', node, detail: 'node powered on again' };
}

/**
 * The runbook's lost machine: the node is destroyed and a blank one takes its IP and
 * hostname (new disk: no etcd data, no certificates, etcd installed but not configured;
 * sshd up with the harness key, new host key in known_hosts).
 */
export async function destroyAndReprovision(
  cluster: StartedCluster,
  node: string,
): Promise<FaultRecord> {
  await cluster.replaceWithBlankNode(node);
  return {
    fault: 'destroy-node',
    node,
    detail: `node destroyed; blank node re-provisioned at ${cluster.node(node).ip}`,
  };
}

/**
 * Stops etcd and removes everything in /var/lib/etcd (etcd stays stopped). On kubeadm the
 * layout's own stop: the static pod's manifest parked beside the manifests dir until crictl
 * shows etcd gone (the restore puts it back).
 */
export async function wipeEtcdData(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  if (cluster.layout === 'kubeadm') {
    const layout = kubeadmLayout();
    const t = await cluster.node(node).transport();
    try {
      const stopped = await layout.stopEtcd(t);
      await t.exec(
        [
          'find',
          layout.dataDir,
          '-mindepth',
          '1',
          '-maxdepth',
          '1',
          '-exec',
          'rm',
          '-rf',
          '{}',
          '+',
        ],
        { timeoutMs: 60_000 },
      );
      return { fault: 'wipe-etcd-data', node, detail: `${stopped}; ${layout.dataDir} emptied` };
    } finally {
      await t.close();
    }
  }
  const dir = KUBESPRAY_PATHS.etcdDataDir;
  await cluster
    .node(node)
    .sh(`systemctl stop etcd.service && find ${dir} -mindepth 1 -maxdepth 1 -exec rm -rf {} +`);
  return { fault: 'wipe-etcd-data', node, detail: `etcd stopped, ${dir} emptied` };
}

/**
 * Removes the etcd and Kubernetes certificate dirs: Kubespray's two (the pki symlink is left
 * dangling), kubeadm's one (/etc/kubernetes/pki, the etcd certs included).
 */
export async function deleteCerts(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  const dirs =
    cluster.layout === 'kubeadm'
      ? [KUBEADM_PKI_DIR]
      : [KUBESPRAY_PATHS.etcdCertDir, KUBESPRAY_PATHS.kubeCertDir];
  await cluster.node(node).sh(`rm -rf ${dirs.join(' ')}`);
  return { fault: 'delete-certs', node, detail: `removed ${dirs.join(', ')}` };
}

/**
 * Overwrites both bbolt meta pages of the member's db with garbage, so etcd refuses to open
 * it; etcd is stopped first and started again, and then fails on that node.
 */
export async function corruptDb(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  const db = `${KUBESPRAY_PATHS.etcdDataDir}/member/snap/db`;
  await cluster
    .node(node)
    .sh(
      `set -e; test -f ${db}; systemctl stop etcd.service; ` +
        `head -c 16384 /dev/urandom | dd of=${db} bs=4096 conv=notrunc status=none; ` +
        'systemctl start --no-block etcd.service',
    );
  return { fault: 'corrupt-db', node, detail: `first 16 KiB of ${db} overwritten` };
}

/** Cuts the node off its network (peers and clients cannot reach it; it keeps running). */
export async function disconnectNode(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  await cluster.disconnectNode(node);
  return { fault: 'disconnect-node', node, detail: 'network cable pulled' };
}

export async function reconnectNode(cluster: StartedCluster, node: string): Promise<FaultRecord> {
  await cluster.reconnectNode(node);
  return { fault: 'reconnect-node', node, detail: `reconnected at ${cluster.node(node).ip}` };
}
