import { describe, expect, it } from 'vitest';
import { clusterHealth, LocalClusterProvider, openEtcdClient } from '../../../harness/index.js';
import { loadInventory } from '../../../src/inventory/index.js';
import { StderrProgress } from '../../../src/progress.js';

/** Kubespray's default member names, by position in the runbook's [etcd] group. */
const RUNBOOK_MEMBERS = ['etcd1', 'etcd2', 'etcd3', 'etcd4', 'etcd5'];

describe('local cluster topologies', () => {
  it("runbook: the Kubespray runbook's example, workers taco-w1/w2 are etcd members too", async () => {
    await using cluster = await new LocalClusterProvider().start('runbook', {
      progress: new StderrProgress(),
    });
    console.log(
      `harness: runbook cluster (5 nodes) healthy in ${cluster.startupSeconds.toFixed(1)} s`,
    );
    const inv = await loadInventory(cluster.inventoryPath);
    expect(inv.controlPlane()).toEqual(['taco-m1', 'taco-m2', 'taco-m3']);
    expect(inv.groups.get('etcd')).toEqual(['taco-m1', 'taco-m2', 'taco-m3', 'taco-w1', 'taco-w2']);
    expect(inv.groups.get('kube_node')).toEqual(['taco-w1', 'taco-w2']);
    expect(inv.etcdMembers().map((m) => m.memberName)).toEqual(RUNBOOK_MEMBERS);
    expect((await clusterHealth(cluster.etcdEndpoints, cluster.tls)).every((h) => h.healthy)).toBe(
      true,
    );
    const etcd = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
    try {
      const members = (await etcd.cluster.memberList({})).members;
      expect(members.map((m) => m.name).sort()).toEqual(RUNBOOK_MEMBERS);
    } finally {
      etcd.close();
    }
    // Workers carry no control-plane files; control-plane nodes carry the static pods.
    const w1 = await cluster
      .node('taco-w1')
      .sh(
        'ls /etc/kubernetes/ssl; test -d /etc/kubernetes/manifests && echo manifests || echo none',
      );
    expect(w1.stdout).toBe('ca.crt\nnone\n');
    const m1 = await cluster.node('taco-m1').sh('ls /etc/kubernetes/manifests');
    expect(m1.stdout).toContain('kube-apiserver.yaml');
  });

  it('single: one stacked node is a healthy one-member cluster', async () => {
    await using cluster = await new LocalClusterProvider().start('single');
    expect(cluster.nodes.map((n) => [n.name, n.etcdMemberName])).toEqual([['node1', 'etcd1']]);
    expect(await clusterHealth(cluster.etcdEndpoints, cluster.tls)).toEqual([
      { endpoint: cluster.etcdEndpoints[0], healthy: true },
    ]);
  });
});
