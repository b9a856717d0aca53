import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  fingerprint,
  HARNESS_PROBE_TIMEOUT_MS,
  type KeyspaceFingerprint,
  LocalClusterProvider,
  openEtcdClient,
  type StartedCluster,
  seedKeys,
} from '../../../harness/index.js';
import { revisionBumpOf } from '../../../harness/rehearsal.js';
import type { EtcdVersion } from '../../../harness/tools.js';
import { type RestoreOptions, type RestoreResult, restore } from '../../../src/commands/restore.js';
import { DockerTransport } from '../../../src/nodes/docker.js';
import { UnreachableError } from '../../../src/nodes/errors.js';
import type { Transport } from '../../../src/nodes/transport.js';
import type { Progress } from '../../../src/progress.js';
import { BUMP_REVISION, type Plan } from '../../../src/recovery/plan.js';

/** The harness's inventory plus Kubespray's recovery groups, written beside it in `dir`. */
export async function inventoryWithBrokenGroups(
  cluster: StartedCluster,
  dir: string,
  broken: { etcd: string[]; controlPlane: string[] },
): Promise<string> {
  const text = await readFile(cluster.inventoryPath, 'utf8');
  const path = join(dir, `hosts-${Date.now()}.ini`);
  await writeFile(
    path,
    `${text}\n[broken_etcd]\n${broken.etcd.join('\n')}\n\n[broken_kube_control_plane]\n${broken.controlPlane.join('\n')}\n`,
  );
  return path;
}

/**
 * `restore --yes` on the harness cluster through the real command. Fresh transports per
 * recovery: a re-provisioned node is a new container. Prints the measured RTO.
 */
export async function recoverCluster(
  cluster: StartedCluster,
  name: string,
  dir: string,
  progress: Progress,
  opts: Partial<RestoreOptions> & { inventory: string },
  /** Lets a test put a fault between the recovery and a node (a dropped connection). */
  wrap: (t: Transport) => Transport = (t) => t,
): Promise<RestoreResult> {
  const open = new Map<string, Transport>();
  const transportFor = async (host: string) => {
    if (!open.has(host)) {
      open.set(
        host,
        wrap(new DockerTransport(host, { container: cluster.node(host).containerName })),
      );
    }
    return open.get(host)!;
  };
  try {
    const result = await restore(
      {
        access: { transport: 'docker', layout: 'auto' },
        identityFiles: [],
        strategy: 'parallel',
        force: false,
        yes: true,
        journal: join(dir, `${name}.journal`),
        transportFor,
        probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS,
        ...opts,
      },
      { progress },
    );
    const bump = revisionBumpOf(result.plan);
    console.log(
      `recovery ${name}: ${result.plan.case} (${result.plan.strategy}), ${result.plan.steps.length} steps, RTO ${result.rtoSeconds.toFixed(1)} s, ${bump.restores === 0 ? 'no snapshot restored' : bump.bumped ? `revision bumped by ${bump.by}` : `revision not bumped: ${bump.skipped}`}`,
      `\n  ${whereTheTimeWent(result)}`,
    );
    return result;
  } finally {
    await Promise.all([...open.values()].map((t) => t.close()));
  }
}

/**
 * The steps and the verification by time taken, the slowest first: which wait a slow CI run
 * spent its minutes in (steps of one group run side by side, so their times overlap).
 */
export function whereTheTimeWent(result: RestoreResult): string {
  const steps = result.execution.steps
    .filter((s) => s.status === 'done' && s.ms >= 1000)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6)
    .map((s) => `${s.id} ${(s.ms / 1000).toFixed(1)} s`);
  const verifySeconds = result.rtoSeconds - result.execution.ms / 1000;
  return `steps ${(result.execution.ms / 1000).toFixed(1)} s (slowest: ${steps.join(', ') || 'none over 1 s'}); probe, plan and verification ${verifySeconds.toFixed(1)} s`;
}

/**
 * Drops `node`'s connection once, exactly when etcd is to be started there: a run (or a
 * runner) lost mid-plan, after the destructive steps before it completed.
 */
export function dropOnceAtStart(node = 'node3'): (t: Transport) => Transport {
  let dropped = false;
  return (t) =>
    t.node !== node
      ? t
      : Object.assign(Object.create(t) as Transport, {
          exec: (argv: readonly string[], o?: Parameters<Transport['exec']>[1]) => {
            if (!dropped && argv[0] === 'systemctl' && argv[1] === 'start') {
              dropped = true;
              return Promise.reject(new UnreachableError(node, 'connection reset (injected)'));
            }
            return t.exec(argv, o);
          },
        });
}

/** Every check of the restore's verification passed; a restored snapshot was compared with its file. */
export function expectVerified(result: RestoreResult): void {
  const failed = result.verification?.checks.filter((c) => c.status === 'failed') ?? [];
  expect(failed).toEqual([]);
  expect(result.verification?.ok).toBe(true);
  if (result.plan.steps.some((s) => s.action === 'restore-snapshot')) {
    // Every restore is compared key by key with the snapshot file it restored, not a fallback.
    const keyspace = result.verification?.checks.find((c) => c.name === 'keyspace');
    expect(keyspace?.detail, result.plan.case).toMatch(/every key and value/);
    // ... by every member's HashKV against the file's: a restore of the right file never needs
    // the key-by-key read (which would say why it ran).
    expect(keyspace?.detail, result.plan.case).toMatch(
      /its HashKV is the one computed here from the file/,
    );
  }
}

/** Verification passed, and the keyspace equals the one before the fault: zero keys lost. */
export async function expectNothingLost(
  result: RestoreResult,
  client: Etcd3,
  before: KeyspaceFingerprint,
  members: string[],
): Promise<void> {
  expectVerified(result);
  const after = await fingerprint(client);
  expect({ count: after.count, sha256: after.sha256 }).toEqual({
    count: before.count,
    sha256: before.sha256,
  });
  const list = await client.cluster.memberList({});
  expect(list.members.map((m) => m.name).sort()).toEqual([...members].sort());
}

/** A started harness cluster with seeded keys, their fingerprint, and a work dir. */
export interface SeededCluster {
  cluster: StartedCluster;
  client: Etcd3;
  work: string;
  seeded: KeyspaceFingerprint;
  /** A client on the current endpoints (after every node was replaced, the old one is stale). */
  reconnect(): Promise<Etcd3>;
  stop(): Promise<void>;
}

export async function startSeededCluster(
  topology: 'stacked3' | 'runbook',
  progress: Progress,
  etcdVersion: EtcdVersion,
): Promise<SeededCluster> {
  const cluster = await new LocalClusterProvider().start(topology, { progress, etcdVersion });
  console.log(
    `harness: ${topology} on etcd ${etcdVersion} healthy in ${cluster.startupSeconds.toFixed(1)} s`,
  );
  const work = await mkdtemp(join(tmpdir(), 'kr-recovery-'));
  const client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
  await seedKeys(client, { keys: 2000, valueBytes: 512 });
  const seeded: SeededCluster = {
    cluster,
    client,
    work,
    seeded: await fingerprint(client),
    async reconnect() {
      seeded.client.close();
      seeded.client = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
      return seeded.client;
    },
    async stop() {
      seeded.client.close();
      await cluster.stop();
      await rm(work, { recursive: true, force: true });
    },
  };
  return seeded;
}

/**
 * One seeded cluster for the enclosing describe (a file, or one etcd version of it): started
 * before its first test, stopped after its last. Read `.env` inside the tests (it is set once
 * beforeAll has run); `setup` runs once after seeding (e.g. takes the backup the cases use).
 */
export function seededClusterPerSuite(
  topology: 'stacked3' | 'runbook',
  progress: Progress,
  etcdVersion: EtcdVersion,
  setup?: (env: SeededCluster) => Promise<void>,
): { readonly env: SeededCluster } {
  let env: SeededCluster | undefined;
  beforeAll(async () => {
    env = await startSeededCluster(topology, progress, etcdVersion);
    await setup?.(env);
  });
  afterAll(async () => {
    await env?.stop();
  });
  return {
    get env() {
      if (!env) {
        throw new Error(
          `the ${topology} cluster on etcd ${etcdVersion} has not started (beforeAll failed)`,
        );
      }
      return env;
    },
  };
}

/**
 * Issue 12's bump, read from plans that restored a snapshot: on 3.5+ every restore bumps the
 * revision by BUMP_REVISION and marks it compacted; on 3.4 none does, and the plan says why.
 */
export function expectRevisionBumpPlanned(plans: readonly Plan[], version: EtcdVersion): void {
  expect(plans.length).toBeGreaterThan(0);
  for (const plan of plans) {
    const bump = revisionBumpOf(plan);
    expect(bump.restores, plan.case).toBeGreaterThan(0);
    if (version === '3.4') {
      expect(bump.bumped, plan.case).toBe(false);
      expect(bump.skipped, plan.case).toMatch(/--bump-revision/);
    } else {
      expect(bump, plan.case).toEqual({
        restores: bump.restores,
        bumped: true,
        by: BUMP_REVISION,
        markCompacted: true,
      });
    }
  }
}
