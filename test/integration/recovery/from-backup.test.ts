import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deleteCerts, destroyAndReprovision, fingerprint } from '../../../harness/index.js';
import { generateIdentity } from '../../../src/backup/age.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { DockerTransport } from '../../../src/nodes/docker.js';
import { StderrProgress } from '../../../src/progress.js';
import type { Plan } from '../../../src/recovery/plan.js';
import { verifyRecovery } from '../../../src/recovery/verify.js';
import { ETCD_MATRIX } from '../../support/etcd-matrix.js';
import { backUpHarnessCluster } from './harness-backup.js';
import {
  expectNothingLost,
  expectRevisionBumpPlanned,
  inventoryWithBrokenGroups,
  recoverCluster,
  type SeededCluster,
  seededClusterPerSuite,
} from './recover.js';

// Cases that need a backup set, on one stacked 3-node cluster per etcd version: certificates
// lost (the cluster stays up), then everything lost. The backup is taken once, after seeding,
// and encrypted with age, so every restore also decrypts; nothing is written after it, so
// zero keys lost means the fingerprint of the backup comes back.
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const MEMBERS = ['etcd1', 'etcd2', 'etcd3'];

describe.each(ETCD_MATRIX)('recovery from a backup set on etcd %s', (version) => {
  let backup: string;
  let identityFile: string;
  let lastPlan: Plan | undefined;
  const suite = seededClusterPerSuite('stacked3', progress, version, async (env) => {
    const { secret, identity } = generateIdentity();
    identityFile = join(env.work, 'backup.agekey');
    await writeFile(identityFile, `${secret}\n`, { mode: 0o600 });
    backup = await backUpHarnessCluster(env.cluster, env.work, progress, [identity.recipient]);
  });

  /** What verifyRecovery needs, as the restore gives it: etcdctl on node1 to every member. */
  function verifierOnNode1(env: SeededCluster) {
    const layout = kubesprayLayout();
    const t = new DockerTransport('node1', { container: env.cluster.node('node1').containerName });
    const cluster = new EtcdCtl(t, {
      endpoints: [...env.cluster.etcdEndpoints],
      tls: layout.clientTls('node1'),
    });
    return { layout, t, cluster };
  }

  const env = () => suite.env;
  it('an encrypted backup without --identity: refused with exit 2 before anything is touched', async () => {
    const attempt = recoverCluster(env().cluster, `no-identity-${version}`, env().work, progress, {
      inventory: env().cluster.inventoryPath,
      backup,
    });
    await expect(attempt).rejects.toMatchObject({ exitCode: 2 });
    await expect(attempt).rejects.toThrow(/encrypted with age: pass --identity/);
    const after = await fingerprint(env().client);
    expect(after).toEqual({ ...env().seeded, revision: after.revision });
  });

  it('case 4: control-plane certificates lost on a node → its archive back, modes and owners as saved', async () => {
    const keyBefore = await env()
      .cluster.node('node1')
      .sh('stat -c "%a %U:%G" /etc/ssl/etcd/ssl/member-node1-key.pem /etc/kubernetes/ssl/ca.key');
    await deleteCerts(env().cluster, 'node1');
    const inventory = await inventoryWithBrokenGroups(env().cluster, env().work, {
      etcd: [],
      controlPlane: ['node1'],
    });
    const result = await recoverCluster(
      env().cluster,
      `cert-loss-${version}`,
      env().work,
      progress,
      {
        inventory,
        backup,
        identityFiles: [identityFile],
      },
    );
    expect(result.plan.case).toBe('cert-loss');
    const certs = result.verification?.checks.find((c) => c.name === 'certificates');
    expect(certs?.status).toBe('passed');
    const keyAfter = await env()
      .cluster.node('node1')
      .sh('stat -c "%a %U:%G" /etc/ssl/etcd/ssl/member-node1-key.pem /etc/kubernetes/ssl/ca.key');
    expect(keyAfter.stdout).toBe(keyBefore.stdout);
    // What was left (the dangling pki link) was moved aside, not deleted.
    const aside = await env().cluster.node('node1').sh('ls -d /etc/kubernetes/pki.*');
    expect(aside.stdout.trim().split('\n')).toHaveLength(1);
    await expectNothingLost(result, env().client, env().seeded, MEMBERS);
  });

  it('case 3: every node destroyed and re-provisioned blank → snapshot and archives from the backup', async () => {
    for (const n of ['node1', 'node2', 'node3']) await destroyAndReprovision(env().cluster, n);
    const result = await recoverCluster(
      env().cluster,
      `total-loss-${version}`,
      env().work,
      progress,
      {
        inventory: env().cluster.inventoryPath,
        backup,
        identityFiles: [identityFile],
      },
    );
    expect(result.plan.cases).toContain('total-loss');
    lastPlan = result.plan;
    expect(result.plan.source).toMatchObject({ kind: 'backup' });
    const keyspace = result.verification?.checks.find((c) => c.name === 'keyspace');
    expect(keyspace?.status).toBe('passed');
    await expectNothingLost(result, await env().reconnect(), env().seeded, MEMBERS);
  });
  it('the total-loss plan bumps the revision of its snapshot restores on 3.5+ (3.4: says why not)', () => {
    expectRevisionBumpPlanned(lastPlan ? [lastPlan] : [], version);
  });

  it('verification fails, check by check, when the cluster is not what the plan expects', async () => {
    const { layout, t, cluster } = verifierOnNode1(env());
    const plan = lastPlan!;
    const wrong = {
      ...plan,
      expect: {
        ...plan.expect,
        members: [...plan.expect.members, 'etcd4'],
        fingerprint: { ...plan.expect.fingerprint!, sha256: '0'.repeat(64) },
      },
    };
    const v = await verifyRecovery({
      plan: wrong,
      cluster,
      layout,
      transportFor: async () => t,
      observed: { restoredFiles: [] },
    });
    expect(v.ok).toBe(false);
    const status = Object.fromEntries(v.checks.map((c) => [c.name, c.status]));
    expect(status).toMatchObject({
      'members healthy': 'passed',
      'member count': 'failed',
      keyspace: 'failed',
    });
    await t.close();
  });

  it("without the full fingerprint or the staged file, the backup's HashKV (3.4) or key count (bumped) must match", async () => {
    const { layout, t, cluster } = verifierOnNode1(env());
    const plan = lastPlan!;
    const hashKV = plan.expect.hashKV!;
    expect(hashKV.count).toBe(env().seeded.count);
    const keyspaceWith = async (expected: typeof hashKV) => {
      const v = await verifyRecovery({
        plan: { ...plan, expect: { ...plan.expect, fingerprint: undefined, hashKV: expected } },
        cluster,
        layout,
        transportFor: async () => t,
        observed: { restoredFiles: [] },
      });
      return v.checks.find((c) => c.name === 'keyspace')!;
    };
    const same = await keyspaceWith(hashKV);
    expect(same.status).toBe('passed');
    if (version === '3.4') {
      expect(same.detail).toMatch(/every member's HashKV at revision \d+ equals the backup's/);
      const wrong = await keyspaceWith({ ...hashKV, hash: (hashKV.hash + 1) >>> 0 });
      expect(wrong.status).toBe('failed');
      expect(wrong.detail).toMatch(/differs from the backup's on https:\/\/.*2379/);
    } else {
      // The restore bumped the revision: the history up to it is compacted, so this fallback
      // (used only once the staged snapshot is gone) can compare the count, and says so.
      expect(same.detail).toMatch(/not comparable after a revision bump/);
    }
    const fewer = await keyspaceWith({ ...hashKV, count: hashKV.count + 1 });
    expect(fewer.status).toBe('failed');
    await t.close();
  });
});
