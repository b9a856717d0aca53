import { describe, expect, it } from 'vitest';
import {
  clusterHealth,
  destroyAndReprovision,
  KindClusterProvider,
  kindAvailability,
} from '../../../harness/index.js';
import { kindConfig } from '../../../harness/kind-provider.js';
import { topology } from '../../../harness/topology.js';
import { loadInventory } from '../../../src/inventory/index.js';

const availability = await kindAvailability();
const unavailableReason = availability.available ? undefined : availability.reason;
if (unavailableReason) {
  console.log(`harness: kind tests skipped: kind not available here: ${unavailableReason}`);
}

describe('kind provider', () => {
  it.skipIf(availability.available)('refuses, with the reason, where kind cannot run', async () => {
    await expect(new KindClusterProvider().start('stacked3')).rejects.toThrow(
      `kind not available here: ${unavailableReason}`,
    );
  });

  it('refuses the runbook topology: kubeadm runs etcd only on control-plane nodes', () => {
    expect(() => kindConfig(topology('runbook'))).toThrow(/taco-w1.*local provider/);
    expect(kindConfig(topology('stacked3'))).toContain('role: control-plane');
  });

  it.skipIf(!availability.available)(
    `starts a kubeadm cluster whose etcd answers over TLS and whose inventory parses${
      unavailableReason ? ` (skipped: kind not available here: ${unavailableReason})` : ''
    }`,
    async () => {
      await using cluster = await new KindClusterProvider().start('stacked3');
      console.log(`harness: kind stacked3 healthy in ${cluster.startupSeconds.toFixed(1)} s`);
      expect(cluster.layout).toBe('kubeadm');
      expect(
        (await clusterHealth(cluster.etcdEndpoints, cluster.tls)).every((h) => h.healthy),
      ).toBe(true);
      const inv = await loadInventory(cluster.inventoryPath);
      expect(inv.etcdMembers()).toHaveLength(3);
      const manifests = await cluster.nodes[0].sh('ls /etc/kubernetes/manifests');
      expect(manifests.stdout).toContain('etcd.yaml');
      const last = cluster.nodes.filter((n) => n.roles.includes('etcd')).at(-1)!;
      await destroyAndReprovision(cluster, last.name);
      const blank = await last.sh(
        'ls -A /var/lib/etcd | wc -l; ls /etc/kubernetes/manifests | wc -l; test -e /etc/kubernetes/pki && echo pki || echo no-pki',
      );
      expect(blank.stdout).toBe('0\n0\nno-pki\n');
    },
  );
});
