/**
 * A rehearsal: start a throw-away cluster, seed it, back it up with the real backup code,
 * keep writing, break it the way production breaks, recover it with the real recovery code,
 * and measure what came back. `kube-rescue rehearse` runs these; so do the tests.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { generateIdentity } from '../src/backup/age.js';
import { backup } from '../src/commands/backup.js';
import type { CommandContext } from '../src/commands/context.js';
import { inventoryRecover } from '../src/commands/inventory.js';
import { SCENARIOS, type ScenarioName } from '../src/commands/rehearse-choices.js';
import { type RestoreResult, restore } from '../src/commands/restore.js';
import type { Progress } from '../src/progress.js';
import type { Plan } from '../src/recovery/plan.js';
import { nodeAccessOf, type StartedCluster } from './cluster.js';
import { openEtcdClient, seedKeys, startBackgroundWriter } from './data.js';
import { deleteCerts, destroyAndReprovision, stopNode } from './faults.js';
import { clusterProvider } from './index.js';
import { lastWriteIn, restoreLosses } from './restore-losses.js';
import type { EtcdVersion } from './tools.js';
import type { TopologyName } from './topology.js';

// Defined in src/ so that the CLI and the action know them without loading the harness.
export { SCENARIOS, type ScenarioName };

interface Scenario {
  topology: TopologyName;
  /** What breaks, as the report says it. */
  fault: string;
  /**
   * Whether writes acknowledged after the backup may be lost: only when no node keeps its
   * data. Everywhere else the data is still on a node, and losing it is a failed recovery.
   */
  mayLoseWritesAfterBackup: boolean;
  /** Breaks the cluster; returns the inventory recovery should use. */
  inject(cluster: StartedCluster, ctx: CommandContext): Promise<string>;
  /** Hosts the operator declares gone for good (`restore --remove-host`). */
  removeHosts?(cluster: StartedCluster): string[];
}

const etcdHosts = (c: StartedCluster) => c.nodes.filter((n) => n.roles.includes('etcd'));
const controlPlaneHosts = (c: StartedCluster) =>
  c.nodes.filter((n) => n.roles.includes('control-plane'));

async function reprovision(cluster: StartedCluster, names: string[]): Promise<void> {
  for (const name of names) await destroyAndReprovision(cluster, name);
}

const scenarios: Record<ScenarioName, Scenario> = {
  'member-loss': {
    topology: 'stacked3',
    mayLoseWritesAfterBackup: false,
    fault: '1 of 3 members lost: node re-provisioned blank (same IP, no etcd data, no certs)',
    async inject(cluster) {
      await reprovision(cluster, [etcdHosts(cluster).at(-1)!.name]);
      return cluster.inventoryPath;
    },
  },
  'quorum-loss': {
    topology: 'stacked3',
    mayLoseWritesAfterBackup: false,
    fault: '2 of 3 members lost: nodes re-provisioned blank; data only on the survivor',
    async inject(cluster) {
      await reprovision(
        cluster,
        etcdHosts(cluster)
          .slice(1)
          .map((n) => n.name),
      );
      return cluster.inventoryPath;
    },
  },
  'total-loss': {
    topology: 'stacked3',
    mayLoseWritesAfterBackup: true,
    fault: 'all 3 nodes lost: every etcd data dir and every certificate',
    async inject(cluster) {
      await reprovision(
        cluster,
        cluster.nodes.map((n) => n.name),
      );
      return cluster.inventoryPath;
    },
  },
  'cert-loss': {
    topology: 'stacked3',
    mayLoseWritesAfterBackup: false,
    fault: 'the certificate and key directories of every control-plane node deleted',
    async inject(cluster) {
      for (const n of controlPlaneHosts(cluster)) await deleteCerts(cluster, n.name);
      return cluster.inventoryPath;
    },
  },
  'runbook-example': {
    topology: 'runbook',
    mayLoseWritesAfterBackup: false,
    fault:
      "the Kubespray runbook's example: etcd on m1 m2 m3 w1 w2, all three masters lost; recovery inventory from `inventory recover`",
    async inject(cluster, ctx) {
      const masters = controlPlaneHosts(cluster).map((n) => n.name);
      await reprovision(cluster, masters);
      const out = join(cluster.workDir, 'recovery-hosts.ini');
      await inventoryRecover(
        {
          inventory: cluster.inventoryPath,
          brokenEtcd: masters,
          brokenControlPlane: masters,
          extraVars: [],
          output: out,
        },
        ctx,
      );
      return out;
    },
  },
  'host-removal': {
    topology: 'stacked3',
    mayLoseWritesAfterBackup: false,
    fault:
      '1 of 3 nodes gone for good (stopped, never re-provisioned); `restore --remove-host` shrinks the cluster to 2 members (and deletes its Node where a Kubernetes API runs)',
    removeHosts: (cluster) => [etcdHosts(cluster).at(-1)!.name],
    async inject(cluster) {
      await stopNode(cluster, etcdHosts(cluster).at(-1)!.name);
      return cluster.inventoryPath;
    },
  },
};

export interface ScenarioReport {
  scenario: ScenarioName;
  result: 'passed' | 'failed';
  /** Why it failed, in a person's words. */
  error?: string;
  provider: 'local' | 'kind';
  topology: TopologyName;
  fault: string;
  /** Seconds from the start of `restore` to a verified cluster. */
  rtoSeconds?: number;
  /** Keys in the snapshot's revision (the backup). */
  keysAtBackup?: number;
  /** Keys after the restore. */
  keysAfterRestore?: number;
  /** Keys of the backup's revision that are missing or changed after the restore (must be 0). */
  keysLost?: number;
  /** Writes acknowledged after the backup, up to the fault. */
  writesAfterBackup?: number;
  /** Of those, how many are gone after the restore: the recovery point, in writes. */
  writesLost?: number;
  backupRevision?: number;
  backupPath?: string;
  planCase?: string;
  planSteps?: number;
  /** The etcd server version the members ran (`3.6.16`), as etcd reports it. */
  etcdServerVersion?: string;
  /** Whether the snapshot restores of the executed plan bumped the revision, and by how much. */
  revisionBump?: RevisionBump;
  verification?: { name: string; status: 'passed' | 'failed' | 'skipped'; detail: string }[];
  startupSeconds?: number;
  durationSeconds: number;
}

/** The revision bump of a plan's snapshot restores, as the plan wrote it. */
export interface RevisionBump {
  /** `restore-snapshot` steps in the plan; 0 when the case restores no snapshot. */
  restores: number;
  /** Every restore bumps (3.5+). */
  bumped: boolean;
  /** The amount the revision is raised by (etcd's and OpenShift's 1,000,000,000). */
  by?: number;
  markCompacted?: boolean;
  /** Why not, in the plan's own words, when a restore does not bump. */
  skipped?: string;
}

/**
 * Reads the bump from the plan that ran: the `restore-snapshot` steps' bumpRevision and
 * markCompacted, and the plan's warning that says why when it was skipped (3.4's tools).
 */
export function revisionBumpOf(plan: Pick<Plan, 'steps' | 'warnings'>): RevisionBump {
  const restores = plan.steps.flatMap((s) => (s.action === 'restore-snapshot' ? [s.params] : []));
  if (restores.length === 0) return { restores: 0, bumped: false };
  const amounts = [...new Set(restores.map((p) => p.bumpRevision ?? 0))];
  const bumped = restores.every((p) => (p.bumpRevision ?? 0) > 0);
  if (bumped) {
    return {
      restores: restores.length,
      bumped,
      by: Math.min(...amounts),
      markCompacted: restores.every((p) => p.markCompacted === true),
    };
  }
  const note = plan.warnings.find((w) => /bump-revision|revision is not bumped/i.test(w));
  return {
    restores: restores.length,
    bumped: false,
    skipped:
      note ??
      `${restores.filter((p) => !p.bumpRevision).length} of ${restores.length} snapshot restores planned without --bump-revision, and the plan gives no reason`,
  };
}

export interface RehearsalReport {
  tool: 'kube-rescue';
  startedAt: string;
  provider: 'local' | 'kind';
  /** The etcd minor asked for (the local provider's node image; kind's image decides its own). */
  etcdVersion: EtcdVersion;
  keys: number;
  ok: boolean;
  scenarios: ScenarioReport[];
}

/** key → sha256(value) for every key, at one revision (the backup's) or the current one. */
export async function keyDigests(client: Etcd3, revision?: number): Promise<Map<string, string>> {
  let q = client.getAll().prefix('');
  if (revision) q = q.revision(revision);
  const kvs = await q.buffers();
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(kvs)) {
    out.set(k, createHash('sha256').update(v).digest('hex'));
  }
  return out;
}

async function withClient<T>(
  cluster: StartedCluster,
  work: (c: Etcd3) => Promise<T>,
  without: readonly string[] = [],
): Promise<T> {
  // Not the endpoints of hosts that were removed for good: they will never answer again.
  const gone = cluster.nodes.filter((n) => without.includes(n.name)).map((n) => n.ip);
  const endpoints = cluster.etcdEndpoints.filter(
    (e) => !gone.some((ip) => new URL(e).hostname === ip),
  );
  const client = await openEtcdClient(endpoints, cluster.tls);
  try {
    return await work(client);
  } finally {
    client.close();
  }
}

export interface RunScenarioOptions {
  provider: 'local' | 'kind';
  etcdVersion: EtcdVersion;
  keys: number;
  progress: Progress;
}

/** One scenario, start to teardown. Never throws: a failure is a result. */
export async function runScenario(
  name: ScenarioName,
  opts: RunScenarioOptions,
): Promise<ScenarioReport> {
  const t0 = Date.now();
  const scenario = scenarios[name];
  const report: ScenarioReport = {
    scenario: name,
    result: 'failed',
    provider: opts.provider,
    topology: scenario.topology,
    fault: scenario.fault,
    durationSeconds: 0,
  };
  const { progress } = opts;
  const ctx: CommandContext = { progress };
  let cluster: StartedCluster | undefined;
  let writerLast = -1;
  let writerPrefix = '';
  try {
    cluster = await progress.phase(`[${name}] start a ${scenario.topology} cluster`, () =>
      clusterProvider(opts.provider).start(scenario.topology, {
        progress,
        etcdVersion: opts.etcdVersion,
      }),
    );
    const c = cluster;
    report.startupSeconds = c.startupSeconds;
    const access = nodeAccessOf(c);

    // An age identity of the run's own: the backup is encrypted as in production.
    const { secret, identity } = generateIdentity();
    progress.secret(secret);
    const keysDir = join(c.workDir, 'rehearsal');
    await mkdir(keysDir, { recursive: true, mode: 0o700 });
    const identityFile = join(keysDir, 'age-identity');
    await writeFile(identityFile, `${secret}\n`, { mode: 0o600 });

    const seedClient = await openEtcdClient(c.etcdEndpoints, c.tls);
    let writer: ReturnType<typeof startBackgroundWriter> | undefined;
    let atBackup: Map<string, string>;
    let writerLastAtBackup: number;
    try {
      await progress.phase(`[${name}] seed ${opts.keys} keys`, () =>
        seedKeys(seedClient, { keys: opts.keys, valueBytes: 512, seed: name }),
      );
      report.etcdServerVersion = (await seedClient.maintenance.status()).version;
      writer = startBackgroundWriter(seedClient, { intervalMs: 20 });
      writerPrefix = writer.prefix;
      const b = await progress.phase(`[${name}] back up with kube-rescue backup`, () =>
        backup(
          {
            inventory: c.inventoryPath,
            access,
            dest: join(c.workDir, 'backups'),
            encryptTo: [identity.recipient.text],
            compress: 'gzip',
            etcdOnly: false,
          },
          ctx,
        ),
      );
      report.backupRevision = b.snapshotRevision;
      report.backupPath = b.backupPath;
      atBackup = await keyDigests(seedClient, b.snapshotRevision);
      report.keysAtBackup = atBackup.size;
      writerLastAtBackup = lastWriteIn(atBackup.keys(), writerPrefix);
      // Keep writing after the backup, as a live cluster does, until the fault.
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      const w = await writer?.stop();
      seedClient.close();
      if (w) writerLast = w.lastAcknowledged;
    }

    const inventory = await progress.phase(`[${name}] inject the fault: ${scenario.fault}`, () =>
      scenario.inject(c, ctx),
    );
    const removeHosts = scenario.removeHosts?.(c) ?? [];

    const restored: RestoreResult = await progress.phase(
      `[${name}] recover with kube-rescue restore`,
      () =>
        restore(
          {
            inventory,
            access,
            backup: report.backupPath,
            identityFiles: [identityFile],
            strategy: 'parallel',
            force: false,
            yes: true,
            journal: join(keysDir, 'restore.journal'),
            removeHosts,
          },
          ctx,
        ),
    );
    report.rtoSeconds = Number(restored.rtoSeconds.toFixed(1));
    report.planCase = restored.plan.case;
    report.planSteps = restored.plan.steps.length;
    report.revisionBump = revisionBumpOf(restored.plan);
    report.verification = restored.verification?.checks.map((ch) => ({
      name: ch.name,
      status: ch.status,
      detail: ch.detail,
    }));

    await progress.phase(`[${name}] compare the keyspace with the backup`, () =>
      withClient(
        c,
        async (client) => {
          const now = await keyDigests(client);
          report.keysAfterRestore = now.size;
          const losses = restoreLosses(atBackup, now, {
            prefix: writerPrefix,
            lastAtBackup: writerLastAtBackup,
            last: writerLast,
          });
          report.keysLost = losses.keysLost;
          report.writesAfterBackup = losses.writesAfterBackup;
          report.writesLost = losses.writesLost;
        },
        removeHosts,
      ),
    );
    const failedChecks = (report.verification ?? []).filter((v) => v.status === 'failed');
    if (report.keysLost !== 0) {
      report.error = `${report.keysLost} keys of the backup's revision ${report.backupRevision} are missing or changed after the restore.`;
    } else if (!scenario.mayLoseWritesAfterBackup && report.writesLost !== 0) {
      report.error = `${report.writesLost} of ${report.writesAfterBackup} writes acknowledged after the backup are gone, though a node still held them: the recovery threw away data it did not have to.`;
    } else if (!restored.verification) {
      report.error = 'the restore returned without verifying the cluster.';
    } else if (failedChecks.length > 0) {
      report.error = `verification failed: ${failedChecks.map((v) => v.name).join(', ')}`;
    } else {
      report.result = 'passed';
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    progress.warn(`[${name}] failed: ${report.error}`);
  } finally {
    if (cluster) await progress.phase(`[${name}] tear down`, () => cluster!.stop());
    report.durationSeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
  }
  return report;
}
