import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clusterHealth,
  type KubeadmCluster,
  KubeadmClusterProvider,
} from '../../../harness/index.js';
import { kubeadmNodesMemoryBytes } from '../../../harness/kubeadm-provider.js';
import { kubeadmLayout } from '../../../src/etcd/layout.js';
import { StderrProgress } from '../../../src/progress.js';
import { kubernetesMissing } from './fixtures/kubernetes.js';

// Kubernetes is built only when asked (scripts/build-tools.sh kubernetes cri-tools etcd-3.6):
// without it this file skips and says which command builds it.
const missing = await kubernetesMissing('kubeadm provider tests');

let cluster: KubeadmCluster;
let peakBytes = 0;

describe.skipIf(missing !== undefined)(
  'a kubeadm cluster (3 stacked control-plane nodes, 1 worker)',
  () => {
    beforeAll(async () => {
      const sampler = setInterval(() => {
        void kubeadmNodesMemoryBytes().then((b) => {
          peakBytes = Math.max(peakBytes, b);
        });
      }, 5000);
      try {
        cluster = await new KubeadmClusterProvider().start('stacked3-worker', {
          progress: new StderrProgress({ verbose: process.env.KUBE_RESCUE_VERBOSE === '1' }),
        });
        // A little longer: the controllers and the kubelets settle after Ready.
        for (let i = 0; i < 4; i++) {
          peakBytes = Math.max(peakBytes, await kubeadmNodesMemoryBytes());
          await new Promise((r) => setTimeout(r, 5000));
        }
      } finally {
        clearInterval(sampler);
      }
      console.log(
        `harness: kubeadm cluster ${cluster.name} ready in ${cluster.startupSeconds.toFixed(1)} s; peak memory of its 4 nodes ${(peakBytes / 1024 ** 3).toFixed(2)} GiB (docker stats)`,
      );
    }, 40 * 60_000);

    afterAll(async () => {
      await cluster?.stop();
    });

    it('serves /readyz with ok', async () => {
      const r = await cluster.kubectl(['get', '--raw', '/readyz']);
      expect(r.stdout.trim()).toBe('ok');
    });

    it('has every node registered and Ready', async () => {
      const list = JSON.parse((await cluster.kubectl(['get', 'nodes', '-o', 'json'])).stdout) as {
        items: {
          metadata: { name: string };
          status: { conditions: { type: string; status: string }[] };
        }[];
      };
      const ready = Object.fromEntries(
        list.items.map((n) => [
          n.metadata.name,
          n.status.conditions.find((c) => c.type === 'Ready')?.status,
        ]),
      );
      expect(ready).toEqual(Object.fromEntries(cluster.nodes.map((n) => [n.name, 'True'])));
    });

    it('runs etcd as a static pod on every control-plane node and nowhere else', async () => {
      for (const n of cluster.nodes) {
        const r = await n.sh("crictl ps --name '^etcd$' --state Running -q");
        const running = r.stdout.trim().split('\n').filter(Boolean).length;
        expect({ node: n.name, running }).toEqual({
          node: n.name,
          running: n.roles.includes('control-plane') ? 1 : 0,
        });
      }
    });

    it('has no etcd tools on the nodes themselves, as on a kubeadm host', async () => {
      const r = await cluster.nodes[0].sh('command -v etcdctl etcdutl etcd || true');
      expect(r.stdout.trim()).toBe('');
    });

    // The first step of the static-pod flow, with the layout the recovery code uses: etcd is
    // stopped by moving its manifest out, and started by moving it back.
    it("stops and starts a control-plane node's etcd through kubeadm's static-pod manifest", async () => {
      const node = cluster.nodes[1];
      const layout = kubeadmLayout();
      const transport = await node.transport();
      const runningEtcd = async () =>
        (await node.sh("crictl ps --name '^etcd$' --state Running -q")).stdout.trim();

      // etcdctl comes from the etcd image of the manifest (ctr run): the node has none of its own.
      const tools = await layout.toolCommands(transport);
      expect(tools.etcdctl.slice(0, 2)).toEqual(['sh', '-c']);
      expect(tools.etcdctl[2]).toContain('ctr -n k8s.io run --rm --net-host');
      expect(tools.etcdctl[3]).toMatch(/\/etcd:3\.6\.\d+-0$/);
      const version = await transport.exec([...tools.etcdctl, 'version']);
      expect(version.stdout).toMatch(/etcdctl version: 3\.6\./);

      expect(await layout.stopEtcd(transport, { timeoutMs: 120_000 })).toMatch(
        /moved to \/etc\/kubernetes\/etcd\.yaml\.kube-rescue-stopped; crictl shows no etcd container/,
      );
      expect(await runningEtcd()).toBe('');
      // With etcd stopped, etcdutl of the same image still runs (what an offline restore needs).
      const etcdutl = await transport.exec([...tools.etcdutl, 'version']);
      expect(etcdutl.stdout).toMatch(/etcdutl version: 3\.6\./);
      // A second stop moves nothing and still confirms it.
      expect(await layout.stopEtcd(transport, { timeoutMs: 60_000 })).toMatch(
        /parked at .* already/,
      );
      const stopped = await clusterHealth(cluster.etcdEndpoints, cluster.tls);
      expect(stopped.filter((h) => h.healthy).length).toBe(2);

      await layout.startEtcd(transport, { timeoutMs: 180_000 });
      expect(await runningEtcd()).not.toBe('');
      const deadline = Date.now() + 120_000;
      let healthy = 0;
      while (Date.now() < deadline) {
        const health = await clusterHealth(cluster.etcdEndpoints, cluster.tls);
        healthy = health.filter((h) => h.healthy).length;
        if (healthy === 3) break;
        await new Promise((r) => setTimeout(r, 2000));
      }
      expect(healthy).toBe(3);
    }, 600_000);
  },
);
