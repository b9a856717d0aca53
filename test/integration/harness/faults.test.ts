import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docker } from '../../../harness/docker-cli.js';
import {
  corruptDb,
  deleteCerts,
  destroyAndReprovision,
  disconnectNode,
  endpointHealth,
  killEtcd,
  LocalClusterProvider,
  reconnectNode,
  type StartedCluster,
  startNode,
  stopNode,
  waitForEtcdHealthy,
  wipeEtcdData,
} from '../../../harness/index.js';
import { StderrProgress } from '../../../src/progress.js';

// One cluster for the whole file. Faults that the cluster heals from come first; the ones
// that break it for good come last, each on its own node.
let cluster: StartedCluster;
const endpointOf = (node: string) => `https://${cluster.node(node).ip}:2379`;
const healthOf = (node: string) => endpointHealth(endpointOf(node), cluster.tls, 2);

async function containerState(name: string): Promise<{ id: string; running: boolean; ip: string }> {
  const r = await docker([
    'inspect',
    '--format',
    '{{.Id}} {{.State.Running}} {{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}',
    cluster.node(name).containerName,
  ]);
  const [id, running, ip] = r.stdout.trim().split(' ');
  return { id, running: running === 'true', ip: ip ?? '' };
}

/**
 * The node still serves quorum reads. If the broken node was the leader, the others first
 * need an election (Kubespray's election timeout is 5 s), so this waits a bounded time.
 */
const keepsQuorum = (node: string) =>
  waitForEtcdHealthy([endpointOf(node)], cluster.tls, { timeoutMs: 20_000 });

beforeAll(async () => {
  cluster = await new LocalClusterProvider().start('stacked3', { progress: new StderrProgress() });
  console.log(
    `harness: fault cluster ${cluster.name} healthy in ${cluster.startupSeconds.toFixed(1)} s`,
  );
});

afterAll(async () => {
  await cluster?.stop();
});

describe('faults on a local cluster', () => {
  it('kill -9 etcd: the endpoint goes unhealthy, then systemd restarts it as Kubespray configures', async () => {
    const pidOf = async () =>
      (await cluster.node('node3').sh('systemctl show -p MainPID --value etcd')).stdout.trim();
    const before = await pidOf();
    const record = await killEtcd(cluster, 'node3');
    expect(record.detail).toContain(before);
    expect((await healthOf('node3')).healthy).toBe(false);
    await keepsQuorum('node1');
    await waitForEtcdHealthy([endpointOf('node3')], cluster.tls, { timeoutMs: 40_000 });
    expect(await pidOf()).not.toBe(before);
  });

  it('disconnect: the node keeps running but is unreachable; reconnect brings it back on its IP', async () => {
    await disconnectNode(cluster, 'node3');
    expect((await containerState('node3')).running).toBe(true);
    expect((await healthOf('node3')).healthy).toBe(false);
    await keepsQuorum('node2');
    await reconnectNode(cluster, 'node3');
    expect((await containerState('node3')).ip).toBe(cluster.node('node3').ip);
    await waitForEtcdHealthy(cluster.etcdEndpoints, cluster.tls, { timeoutMs: 40_000 });
  });

  it('stop node: the container is down and the rest keep quorum; start brings it back', async () => {
    await stopNode(cluster, 'node2');
    expect((await containerState('node2')).running).toBe(false);
    expect((await healthOf('node2')).healthy).toBe(false);
    await keepsQuorum('node1');
    await startNode(cluster, 'node2');
    expect((await containerState('node2')).ip).toBe(cluster.node('node2').ip);
    await waitForEtcdHealthy(cluster.etcdEndpoints, cluster.tls, { timeoutMs: 40_000 });
  });

  it('corrupt db: etcd on that node cannot open its data and stays down', async () => {
    await corruptDb(cluster, 'node2');
    await new Promise((r) => setTimeout(r, 3000));
    expect((await healthOf('node2')).healthy).toBe(false);
    // 3.5+ logs every environment variable and a stack trace first: read more than the tail.
    const journal = await cluster.node('node2').sh('journalctl -u etcd --no-pager -n 400', {
      allowFailure: true,
    });
    // 3.4: "cannot open database at <db> (invalid database)"; 3.5: "failed to open database",
    // "path":"<db>","error":"invalid database"; 3.6: "failed to map db file (<db>): invalid database".
    expect(journal.stdout).toMatch(/\/var\/lib\/etcd\/member\/snap\/db[^\n]*invalid database/);
    await keepsQuorum('node1');
  });

  it('wipe data: etcd is stopped and /var/lib/etcd is empty', async () => {
    await wipeEtcdData(cluster, 'node3');
    const r = await cluster
      .node('node3')
      .sh('ls -A /var/lib/etcd | wc -l; systemctl is-active etcd || true');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['0', 'inactive']);
  });

  it('delete certs: the etcd and Kubernetes cert dirs are gone, the pki link dangles', async () => {
    await deleteCerts(cluster, 'node1');
    const r = await cluster
      .node('node1')
      .sh(
        'for p in /etc/ssl/etcd/ssl /etc/kubernetes/ssl /etc/kubernetes/pki; do test -e $p && echo "$p present" || echo "$p absent"; done; readlink /etc/kubernetes/pki',
      );
    expect(r.stdout).toBe(
      '/etc/ssl/etcd/ssl absent\n/etc/kubernetes/ssl absent\n/etc/kubernetes/pki absent\n/etc/kubernetes/ssl\n',
    );
  });

  it('destroy + re-provision: a blank node with the same IP and hostname answers SSH', async () => {
    const before = await containerState('node1');
    await destroyAndReprovision(cluster, 'node1');
    const after = await containerState('node1');
    expect(after.id).not.toBe(before.id);
    expect(after.ip).toBe(cluster.node('node1').ip);
    // Over real SSH, with the new host key the harness put in known_hosts.
    const t = await cluster.node('node1').transport('ssh');
    try {
      const r = await t.script(
        'hostname; ls -A /var/lib/etcd | wc -l; test -e /etc/ssl/etcd && echo certs || echo no-certs; ' +
          'test -e /etc/etcd.env && echo env || echo no-env; systemctl is-active etcd || true; ' +
          '/usr/local/bin/etcd --version | head -1',
      );
      const lines = r.stdout.trim().split('\n');
      expect(lines.slice(0, 5)).toEqual(['node1', '0', 'no-certs', 'no-env', 'inactive']);
      expect(lines[5]).toMatch(/^etcd Version: 3\./);
    } finally {
      await t.close();
    }
  });
});
