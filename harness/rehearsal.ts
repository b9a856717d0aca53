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
import {
  REHEARSAL_PROVIDERS,
  type RehearsalProvider,
  SCENARIOS,
  type ScenarioName,
} from '../src/commands/rehearse-choices.js';
import { type RestoreResult, restore } from '../src/commands/restore.js';
import type { Progress } from '../src/progress.js';
import type { Plan } from '../src/recovery/plan.js';
import { HARNESS_PROBE_TIMEOUT_MS, nodeAccessOf, type StartedCluster } from './cluster.js';
import { sampleRunMemory } from './cluster-memory.js';
import {
  HARNESS_KEY_ROOT,
  openEtcdClient,
  SEED_ROOT_BESIDE_AN_API,
  seedKeys,
  startBackgroundWriter,
} from './data.js';
import { deleteCerts, destroyAndReprovision, stopNode } from './faults.js';
import { clusterProvider } from './index.js';
import { type KubernetesCheckReport, KubernetesProof } from './k8s-checks.js';
import { lastWriteIn, restoreLosses } from './restore-losses.js';
import type { EtcdVersion } from './tools.js';
import { type TopologyName, topology as topologyByName } from './topology.js';

// Defined in src/ so that the CLI and the action know them without loading the harness.
export { REHEARSAL_PROVIDERS, type RehearsalProvider, SCENARIOS, type ScenarioName };

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

/**
 * The topology a scenario runs on with a provider: kubeadm adds a worker to the stacked
 * control plane (issue 13's 3+1); undefined where the provider cannot build it (kubeadm and
 * kind run etcd only on control-plane nodes, so not the runbook's etcd-on-workers).
 */
export function scenarioTopology(
  name: ScenarioName,
  provider: RehearsalProvider,
): TopologyName | undefined {
  const t = scenarios[name].topology;
  if (provider === 'local') return t;
  const etcdOnWorker = topologyByName(t).nodes.some(
    (n) => n.roles.includes('etcd') && !n.roles.includes('control-plane'),
  );
  if (etcdOnWorker) return undefined;
  return provider === 'kubeadm' && t === 'stacked3' ? 'stacked3-worker' : t;
}

/** The scenarios a provider can run, in SCENARIOS order: the default of `rehearse`. */
export function scenariosFor(provider: RehearsalProvider): ScenarioName[] {
  return SCENARIOS.filter((s) => scenarioTopology(s, provider) !== undefined);
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
  provider: RehearsalProvider;
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
  /** The Kubernetes-level checks, where the provider has an API (kubeadm, kind). */
  kubernetes?: KubernetesCheckReport;
  startupSeconds?: number;
  /**
   * Peak memory of the cluster's node containers (Docker's usage less page cache, summed over
   * the nodes), sampled every 5 s from the end of the start to the teardown.
   */
  peakMemoryMiB?: number;
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
  provider: RehearsalProvider;
  /** The etcd minor asked for (the local provider's node image; kind's image decides its own). */
  etcdVersion: EtcdVersion;
  keys: number;
  ok: boolean;
  scenarios: ScenarioReport[];
}

/**
 * key → sha256(value) for every key under `prefix`, at one revision (the backup's) or the
 * current one. Beside an API server only the harness's own keys: Kubernetes rewrites its
 * own (leases, events, status) all the time; its objects are checked through the API.
 */
export async function keyDigests(
  client: Etcd3,
  prefix: string,
  revision?: number,
): Promise<Map<string, string>> {
  let q = client.getAll().prefix(prefix);
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
  provider: RehearsalProvider;
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
  const topology = scenarioTopology(name, opts.provider);
  const report: ScenarioReport = {
    scenario: name,
    result: 'failed',
    provider: opts.provider,
    topology: topology ?? scenario.topology,
    fault: scenario.fault,
    durationSeconds: 0,
  };
  if (!topology) {
    report.error = `the ${opts.provider} provider cannot build the ${scenario.topology} topology (etcd on workers); run this scenario with --provider local.`;
    return report;
  }
  const { progress } = opts;
  const ctx: CommandContext = { progress };
  let cluster: StartedCluster | undefined;
  let proof: KubernetesProof | undefined;
  let memory: ReturnType<typeof sampleRunMemory> | undefined;
  let writerLast = -1;
  let writerPrefix = '';
  try {
    cluster = await progress.phase(`[${name}] start a ${topology} cluster`, () =>
      clusterProvider(opts.provider).start(topology, {
        progress,
        etcdVersion: opts.etcdVersion,
      }),
    );
    const c = cluster;
    report.startupSeconds = Number(c.startupSeconds.toFixed(1));
    memory = sampleRunMemory(c.runId);
    const access = nodeAccessOf(c);
    const api = c.kubernetes;
    const keyPrefix = api ? HARNESS_KEY_ROOT : '';
    if (api) {
      proof = await progress.phase(
        `[${name}] create namespaces, Deployments, ConfigMaps, Secrets, a CRD and its resources through the API; open a watch`,
        () => KubernetesProof.prepare(api, c.runId, progress),
      );
    }

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
        seedKeys(seedClient, {
          keys: opts.keys,
          valueBytes: 512,
          seed: name,
          root: api ? SEED_ROOT_BESIDE_AN_API : undefined,
        }),
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
      atBackup = await keyDigests(seedClient, keyPrefix, b.snapshotRevision);
      report.keysAtBackup = atBackup.size;
      writerLastAtBackup = lastWriteIn(atBackup.keys(), writerPrefix);
      // Keep writing after the backup, as a live cluster does, until the fault.
      await new Promise((r) => setTimeout(r, 1500));
      if (proof) {
        const p = proof;
        await progress.phase(`[${name}] change Kubernetes objects after the backup`, () =>
          p.changeAfterBackup(),
        );
      }
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
            probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS,
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
          const now = await keyDigests(client, keyPrefix);
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
    if (proof) {
      const p = proof;
      report.kubernetes = await progress.phase(
        `[${name}] check through the API: objects, /readyz, nodes Ready, the watch`,
        () =>
          p.verify({
            afterBackup: scenario.mayLoseWritesAfterBackup ? 'lost' : 'kept',
            expectedNodes: c.nodes.filter((n) => !removeHosts.includes(n.name)).map((n) => n.name),
            goneNodes: removeHosts,
            revisionBump: report.revisionBump,
          }),
      );
    }
    const failedChecks = (report.verification ?? []).filter((v) => v.status === 'failed');
    if (report.keysLost !== 0) {
      report.error = `${report.keysLost} keys of the backup's revision ${report.backupRevision} are missing or changed after the restore.`;
    } else if (!scenario.mayLoseWritesAfterBackup && report.writesLost !== 0) {
      report.error = `${report.writesLost} of ${report.writesAfterBackup} writes acknowledged after the backup are gone, though a node still held them: the recovery threw away data it did not have to.`;
    } else if (!restored.verification) {
      report.error = 'the restore returned without verifying the cluster.';
    } else if (failedChecks.length > 0) {
      report.error = `verification failed: ${failedChecks.map((v) => v.name).join(', ')}`;
    } else if (report.kubernetes && report.kubernetes.problems.length > 0) {
      report.error = `Kubernetes checks failed: ${report.kubernetes.problems.join('; ')}`;
    } else {
      report.result = 'passed';
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    progress.warn(`[${name}] failed: ${report.error}`);
  } finally {
    await proof?.stop();
    const peak = await memory?.stop();
    if (peak) report.peakMemoryMiB = Math.round(peak / 1024 ** 2);
    if (cluster) await progress.phase(`[${name}] tear down`, () => cluster!.stop());
    report.durationSeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
  }
  return report;
}
