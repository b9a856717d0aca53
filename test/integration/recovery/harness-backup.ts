import type { StartedCluster } from '../../../harness/index.js';
import type { AgeRecipient } from '../../../src/backup/age.js';
import { writeBackupSet } from '../../../src/backup/backup-set.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import type { Member } from '../../../src/etcd/etcdctl-output.js';
import { fingerprintEndpoints, hashKVViaEtcdCtl } from '../../../src/etcd/fingerprint.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { DockerTransport } from '../../../src/nodes/docker.js';
import type { Progress } from '../../../src/progress.js';
import { LocalStore } from '../../../src/stores/local.js';

/**
 * A backup set of a harness cluster, written by the real backup pipeline (snapshot on a
 * member, every control-plane node's files as tar, manifest with etcd's key hash and the full
 * fingerprint), into `dir`.
 * `backup -i` over the nodes is still being built in its own issue; this assembles the same
 * sources from the harness's nodes so the recovery cases can restore from a real set.
 */
export async function backUpHarnessCluster(
  cluster: StartedCluster,
  dir: string,
  progress: Progress,
  recipients: readonly AgeRecipient[] = [],
  /** SSH private key: the set is signed with it (`backup --sign-key`). */
  signKeyFile?: string,
): Promise<string> {
  const layout = kubesprayLayout();
  const transportOf = (name: string) =>
    new DockerTransport(name, { container: cluster.node(name).containerName });
  const etcdNodes = cluster.nodes.filter((n) => n.etcdMemberName);
  const endpointOf = (ip: string) => `https://${ip}:2379`;
  const first = etcdNodes[0]!;
  const firstCtl = new EtcdCtl(transportOf(first.name), {
    endpoints: [endpointOf(first.ip)],
    tls: layout.clientTls(first.name),
  });
  const members: Member[] = await firstCtl.memberList();
  const { statuses } = await firstCtl
    .withEndpoints(etcdNodes.map((n) => endpointOf(n.ip)))
    .endpointStatus();
  const store = new LocalStore(dir);
  const { setName } = await writeBackupSet(
    store,
    {
      cluster: 'cluster.local',
      flavor: 'kubespray',
      etcdVersion: statuses[0]?.version ?? 'unknown',
      members,
      snapshotSources: etcdNodes.map((n) => ({
        member: n.etcdMemberName!,
        node: n.name,
        endpoint: endpointOf(n.ip),
        ctl: new EtcdCtl(transportOf(n.name), {
          endpoints: [endpointOf(n.ip)],
          tls: layout.clientTls(n.name),
        }),
      })),
      nodes: cluster.nodes
        .filter((n) => n.roles.includes('control-plane'))
        .map((n) => ({
          node: n.name,
          transport: transportOf(n.name),
          paths: layout.backupPaths(n.name),
        })),
      hashKV: (revision, member) => hashKVViaEtcdCtl(member.ctl, revision),
      fingerprint: (revision) =>
        fingerprintEndpoints(
          { endpoints: [...cluster.etcdEndpoints], tls: cluster.tls },
          { revision },
        ),
    },
    { compression: 'gzip', recipients, progress, signKeyFile },
  );
  return store.urlOf(setName);
}
