import { describe, expect, it } from 'vitest';
import { openEtcdClient, stopNode, wipeEtcdData } from '../../../harness/index.js';
import { InputError } from '../../../src/errors.js';
import { StderrProgress } from '../../../src/progress.js';
import type { Plan } from '../../../src/recovery/plan.js';
import { ETCD_MATRIX } from '../../support/etcd-matrix.js';
import { kubeRescue } from './cli.js';
import {
  expectNothingLost,
  expectRevisionBumpPlanned,
  recoverCluster,
  seededClusterPerSuite,
} from './recover.js';

// A host that will not return: its container is stopped for good, and the operator says so
// with --remove-host. The cluster shrinks to the members that stay, losing no key.
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });

describe('--remove-host on the CLI', () => {
  it('plan --remove-host with a host the inventory does not have: exit 2, host and file named', async () => {
    // A sample inventory: refused before any of its addresses would be contacted.
    const inventory = 'test/fixtures/inventory/runbook-hosts.ini';
    const r = await kubeRescue(['plan', '-i', inventory, '--remove-host', 'nosuch']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`there is no host 'nosuch' in ${inventory}`);
  });
});

describe.each(ETCD_MATRIX)(
  'a stacked 3-node cluster on etcd %s that loses node3 for good',
  (version) => {
    const cluster = seededClusterPerSuite('stacked3', progress, version);
    const restoredPlans: Plan[] = [];
    it('is refused without --remove-host, and shrinks to 2 healthy members with it, zero keys lost', async () => {
      const env = cluster.env;
      await stopNode(env.cluster, 'node3');
      const inventory = env.cluster.inventoryPath;

      const refused = recoverCluster(env.cluster, `no-remove-host-${version}`, env.work, progress, {
        inventory,
      });
      await expect(refused).rejects.toBeInstanceOf(InputError);
      await expect(refused).rejects.toThrow(
        /does not answer[\s\S]*node3: Node node3 is unreachable[\s\S]*--remove-host node3/,
      );

      const result = await recoverCluster(
        env.cluster,
        `remove-node3-${version}`,
        env.work,
        progress,
        {
          inventory,
          removeHosts: ['node3'],
        },
      );
      expect(result.plan.case).toBe('host-removal');
      expect(result.plan.steps.map((s) => `${s.action} ${s.node}`)).toEqual([
        'member-remove node1',
        'verify node1',
      ]);
      expect(result.execution.steps.map((s) => s.status)).toEqual(['done', 'done']);
      // No kubectl on the harness's Kubespray nodes: the plan tells the operator to delete the Node.
      expect(result.plan.warnings.join('\n')).toMatch(/kubectl delete node node3/);
      expect(result.verification?.checks.find((c) => c.name === 'member count')).toMatchObject({
        status: 'passed',
        actual: 'etcd1,etcd2',
      });

      // The old client still lists node3's endpoint; ask only the members that stay.
      const gone = `https://${env.cluster.node('node3').ip}:2379`;
      env.client.close();
      env.client = await openEtcdClient(
        env.cluster.etcdEndpoints.filter((e) => e !== gone),
        env.cluster.tls,
      );
      await expectNothingLost(result, env.client, env.seeded, ['etcd1', 'etcd2']);
    });

    it('then quorum lost too (etcd data of node2 wiped): restored from the survivor without node3, zero keys lost', async () => {
      const env = cluster.env;
      await wipeEtcdData(env.cluster, 'node2');
      const result = await recoverCluster(
        env.cluster,
        `remove-node3-quorum-${version}`,
        env.work,
        progress,
        {
          inventory: env.cluster.inventoryPath,
          removeHosts: ['node3'],
        },
      );
      expect(result.plan.case).toBe('quorum-loss+host-removal');
      expect(result.plan.source).toMatchObject({ kind: 'survivor', node: 'node1' });
      expect(result.plan.steps.filter((s) => s.node === 'node3')).toEqual([]);
      for (const s of result.plan.steps.filter((st) => st.action === 'restore-snapshot')) {
        expect((s.params as { initialCluster: string }).initialCluster).not.toContain('etcd3');
      }
      restoredPlans.push(result.plan);
      await expectNothingLost(result, env.client, env.seeded, ['etcd1', 'etcd2']);
    });

    it('the quorum-loss plan without node3 bumps the revision on 3.5+ (3.4: says why not)', () => {
      expectRevisionBumpPlanned(restoredPlans, version);
    });
  },
);
