import { describe, expect, it } from 'vitest';
import {
  destroyAndReprovision,
  HARNESS_PROBE_TIMEOUT_MS,
  wipeEtcdData,
} from '../../../harness/index.js';
import type { PlanResult } from '../../../src/commands/plan.js';
import type { RestoreOptions, RestoreResult } from '../../../src/commands/restore.js';
import { StderrProgress } from '../../../src/progress.js';
import type { Plan } from '../../../src/recovery/plan.js';
import { ETCD_MATRIX, isPrimaryVersion } from '../../support/etcd-matrix.js';
import { kubeRescue } from './cli.js';
import {
  dropOnceAtStart,
  expectNothingLost,
  expectRevisionBumpPlanned,
  inventoryWithBrokenGroups,
  recoverCluster,
  seededClusterPerSuite,
} from './recover.js';

// One stacked 3-node cluster per etcd version: every case leaves it healthy, so the next
// case breaks it again. Each case proves zero keys lost: the keyspace fingerprint after the
// restore equals the one taken before the fault (no writes in between).
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const MEMBERS = ['etcd1', 'etcd2', 'etcd3'];

describe.each(ETCD_MATRIX)('etcd %s', (version) => {
  const suite = seededClusterPerSuite('stacked3', progress, version);
  const nothingLost = (result: RestoreResult) =>
    expectNothingLost(result, suite.env.client, suite.env.seeded, MEMBERS);
  const recover = (name: string, opts: Partial<RestoreOptions> & { inventory: string }) =>
    recoverCluster(suite.env.cluster, `${name}-${version}`, suite.env.work, progress, opts);

  // The commands' exit codes and the journal do not depend on the etcd version: once.
  if (isPrimaryVersion(version)) {
    describe('the plan and restore commands as an operator runs them (SSH with the harness key)', () => {
      const env = () => suite.env;
      const ssh = () => [
        '--transport',
        'ssh',
        '--ssh-key',
        env().cluster.sshKeyPath,
        '--known-hosts',
        env().cluster.knownHostsPath,
        // The nodes share this machine with other test files' clusters (see HARNESS_PROBE_TIMEOUT_MS).
        '--probe-timeout',
        String(HARNESS_PROBE_TIMEOUT_MS / 1000),
      ];

      it('plan on a healthy cluster: exit 0, one JSON object, nothing to do but verify', async () => {
        const r = await kubeRescue(['--json', 'plan', '-i', env().cluster.inventoryPath, ...ssh()]);
        expect(r.stderr).not.toMatch(/Error/);
        expect(r.code).toBe(0);
        const out = JSON.parse(r.stdout) as PlanResult;
        expect(out.plan.case).toBe('healthy');
        expect(out.plan.steps.map((s) => s.action)).toEqual(['verify']);
        expect(out.health.quorum).toBe(true);
      });

      it('an unknown host in [broken_etcd]: exit 2, the host and the file named, nothing touched', async () => {
        const inventory = await inventoryWithBrokenGroups(env().cluster, env().work, {
          etcd: ['node9'],
          controlPlane: [],
        });
        const r = await kubeRescue(['restore', '-i', inventory, '--yes', ...ssh()]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain("'node9' in [broken_etcd]");
        expect(r.stderr).toContain(inventory);
      });

      it('restore without --yes: exit 2 before any node is reached', async () => {
        const r = await kubeRescue(['restore', '-i', env().cluster.inventoryPath, ...ssh()]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/--yes/);
      });
    });
  }

  describe('recovery on a stacked 3-node Kubespray-like cluster', () => {
    const env = () => suite.env;
    const restoredPlans: Plan[] = [];
    it('case 1: one member lost its data, quorum intact → member replaced (probe decides)', async () => {
      await wipeEtcdData(env().cluster, 'node3');
      const result = await recover('member-data', { inventory: env().cluster.inventoryPath });
      expect(result.plan.case).toBe('member-loss');
      expect(result.plan.steps.map((s) => s.action)).toContain('member-add');
      await nothingLost(result);
    });

    if (isPrimaryVersion(version)) {
      it('a run that dies mid-plan resumes from its journal and never repeats a completed step', async () => {
        await wipeEtcdData(env().cluster, 'node3');
        const first = recoverCluster(
          env().cluster,
          `resume-${version}`,
          env().work,
          progress,
          { inventory: env().cluster.inventoryPath },
          // The connection to node3 drops once, exactly when etcd is to be started there.
          dropOnceAtStart(),
        );
        await expect(first).rejects.toMatchObject({ exitCode: 1 });
        await expect(first).rejects.toThrow(/start-etcd-node3.*resumes from this step/s);

        const second = await recover('resume', { inventory: env().cluster.inventoryPath });
        expect(second.execution.resumed).toBe(true);
        const status = new Map(second.execution.steps.map((s) => [s.action, s.status]));
        for (const done of ['member-remove', 'move-aside', 'member-add', 'write-env']) {
          expect(status.get(done as never), done).toBe('done-before');
        }
        expect(status.get('start-etcd')).toBe('done');
        await nothingLost(second);
      });
    }

    it('case 1: a member node destroyed and re-provisioned blank → certs and unit from a peer, rejoined', async () => {
      await destroyAndReprovision(env().cluster, 'node2');
      // The runbook's inventory: node2 in [broken_etcd]; its Kubernetes certs are not ours here.
      const inventory = await inventoryWithBrokenGroups(env().cluster, env().work, {
        etcd: ['node2'],
        controlPlane: [],
      });
      const result = await recover('member-blank', { inventory });
      expect(result.plan.case).toBe('member-loss');
      expect(
        result.plan.steps.some((s) => s.action === 'restore-certs' && s.node === 'node2'),
      ).toBe(true);
      await nothingLost(result);
    });

    it('case 2: quorum lost, data on a survivor → fresh snapshot, all members restored in parallel', async () => {
      await wipeEtcdData(env().cluster, 'node2');
      await wipeEtcdData(env().cluster, 'node3');
      // node2's Kubernetes certs went with its disk in the case before: not this case's concern.
      const inventory = await inventoryWithBrokenGroups(env().cluster, env().work, {
        etcd: ['node2', 'node3'],
        controlPlane: [],
      });
      const result = await recover('quorum-parallel', { inventory });
      restoredPlans.push(result.plan);
      expect(result.plan.case).toBe('quorum-loss');
      expect(result.plan.source).toMatchObject({ kind: 'survivor', node: 'node1' });
      await nothingLost(result);
    });

    it('case 2 with --strategy grow: one member restored, the others added back one at a time', async () => {
      await wipeEtcdData(env().cluster, 'node1');
      await wipeEtcdData(env().cluster, 'node3');
      const inventory = await inventoryWithBrokenGroups(env().cluster, env().work, {
        etcd: ['node1', 'node3'],
        controlPlane: [],
      });
      const result = await recover('quorum-grow', { inventory, strategy: 'grow' });
      restoredPlans.push(result.plan);
      expect(result.plan.strategy).toBe('grow');
      expect(result.plan.source).toMatchObject({ kind: 'survivor', node: 'node2' });
      await nothingLost(result);
    });

    it('both quorum-loss plans bump the revision of their snapshot restores on 3.5+ (3.4: say why not)', () => {
      expectRevisionBumpPlanned(restoredPlans, version);
    });
  });
});
