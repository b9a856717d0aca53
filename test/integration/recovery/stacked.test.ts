import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  destroyAndReprovision,
  fingerprint,
  type KeyspaceFingerprint,
  LocalClusterProvider,
  openEtcdClient,
  type StartedCluster,
  seedKeys,
  wipeEtcdData,
} from '../../../harness/index.js';
import { type RestoreOptions, type RestoreResult, restore } from '../../../src/commands/restore.js';
import type { Transport } from '../../../src/nodes/transport.js';
import { StderrProgress } from '../../../src/progress.js';
import { DockerExecTransport } from './docker-exec-transport.js';

// One stacked 3-node cluster for the whole file: every case leaves it healthy, so the next
// case breaks it again. Each case proves zero keys lost: the keyspace fingerprint after the
// restore equals the one taken before the fault (no writes in between).
let cluster: StartedCluster;
let client: Etcd3;
let work: string;
let seeded: KeyspaceFingerprint;
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });

beforeAll(async () => {
  cluster = await new LocalClusterProvider().start('stacked3', { progress });
  work = await mkdtemp(join(tmpdir(), 'kr-recovery-'));
  client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
  await seedKeys(client, { keys: 2000, valueBytes: 512 });
  seeded = await fingerprint(client);
});

afterAll(async () => {
  client?.close();
  await cluster?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The inventory the harness wrote, plus the Kubespray recovery groups when given. */
async function inventory(broken?: { etcd: string[]; controlPlane: string[] }): Promise<string> {
  if (!broken) return cluster.inventoryPath;
  const text = await readFile(cluster.inventoryPath, 'utf8');
  const path = join(work, `hosts-${Date.now()}.ini`);
  await writeFile(
    path,
    `${text}\n[broken_etcd]\n${broken.etcd.join('\n')}\n\n[broken_kube_control_plane]\n${broken.controlPlane.join('\n')}\n`,
  );
  return path;
}

/** A fresh set of transports per recovery: a re-provisioned node is a new container. */
async function recover(
  name: string,
  opts: Partial<RestoreOptions> & { inventory: string },
): Promise<RestoreResult> {
  const open = new Map<string, Promise<Transport>>();
  const transportFor = (host: string) => {
    if (!open.has(host)) {
      const node = cluster.node(host);
      open.set(host, Promise.resolve(new DockerExecTransport(host, node.containerName)));
    }
    return open.get(host)!;
  };
  try {
    return await recoverWith(name, { transportFor, ...opts });
  } finally {
    await Promise.all([...open.values()].map(async (t) => (await t).close()));
  }
}

async function recoverWith(
  name: string,
  opts: Partial<RestoreOptions> & { inventory: string },
): Promise<RestoreResult> {
  const result = await restore(
    {
      access: { transport: 'docker', layout: 'auto' },
      identityFiles: [],
      strategy: 'parallel',
      force: false,
      yes: true,
      journal: join(work, `${name}.journal`),
      ...opts,
    },
    { progress },
  );
  console.log(
    `recovery ${name}: ${result.plan.case} (${result.plan.strategy}), ${result.plan.steps.length} steps, RTO ${result.rtoSeconds.toFixed(1)} s`,
  );
  return result;
}

async function expectNothingLost(result: RestoreResult): Promise<void> {
  expect(result.verification?.ok).toBe(true);
  const failed = result.verification?.checks.filter((c) => c.status === 'failed') ?? [];
  expect(failed).toEqual([]);
  const after = await fingerprint(client);
  expect({ count: after.count, sha256: after.sha256 }).toEqual({
    count: seeded.count,
    sha256: seeded.sha256,
  });
  const members = await client.cluster.memberList({});
  expect(members.members.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3']);
}

describe('recovery on a stacked 3-node Kubespray-like cluster', () => {
  it('case 1: one member lost its data, quorum intact → member replaced (probe decides)', async () => {
    await wipeEtcdData(cluster, 'node3');
    const result = await recover('member-data', { inventory: await inventory() });
    expect(result.plan.case).toBe('member-loss');
    expect(result.plan.steps.map((s) => s.action)).toContain('member-add');
    await expectNothingLost(result);
  });

  it('case 1: a member node destroyed and re-provisioned blank → certs and unit from a peer, rejoined', async () => {
    await destroyAndReprovision(cluster, 'node2');
    // The runbook's inventory: node2 in [broken_etcd]; its Kubernetes certs are not ours here.
    const result = await recover('member-blank', {
      inventory: await inventory({ etcd: ['node2'], controlPlane: [] }),
    });
    expect(result.plan.case).toBe('member-loss');
    expect(result.plan.steps.some((s) => s.action === 'restore-certs' && s.node === 'node2')).toBe(
      true,
    );
    await expectNothingLost(result);
  });

  it('case 2: quorum lost, data on a survivor → fresh snapshot, all members restored in parallel', async () => {
    await wipeEtcdData(cluster, 'node2');
    await wipeEtcdData(cluster, 'node3');
    const result = await recover('quorum-parallel', { inventory: await inventory() });
    expect(result.plan.case).toBe('quorum-loss');
    expect(result.plan.source).toMatchObject({ kind: 'survivor', node: 'node1' });
    await expectNothingLost(result);
  });

  it('case 2 with --strategy grow: one member restored, the others added back one at a time', async () => {
    await wipeEtcdData(cluster, 'node1');
    await wipeEtcdData(cluster, 'node3');
    const result = await recover('quorum-grow', {
      inventory: await inventory(),
      strategy: 'grow',
    });
    expect(result.plan.strategy).toBe('grow');
    expect(result.plan.source).toMatchObject({ kind: 'survivor', node: 'node2' });
    await expectNothingLost(result);
  });
});
