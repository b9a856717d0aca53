/**
 * The dress rehearsal: a throw-away replica of the user's inventory (harness/replica.ts) on
 * the local provider (Kubespray layout) or the kubeadm provider (kubeadm layout), brought to the user's backed-up state with the real restore code, backed
 * up with the real backup code, broken as production is broken, planned and recovered with the
 * real recovery code; the plan production would get is built beside it and compared.
 * The input checks (inventory, backup, identity, capacity) happen before this is called, in
 * src/commands/rehearse-inventory.ts: nothing here runs on bad input.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateIdentity } from '../src/backup/age.js';
import { backup } from '../src/commands/backup.js';
import type { CommandContext } from '../src/commands/context.js';
import { clusterNameOf, type PlanResult, plan, planInventoryOf } from '../src/commands/plan.js';
import { type RestoreResult, restore } from '../src/commands/restore.js';
import type { LayoutName } from '../src/etcd/layout.js';
import { loadInventory } from '../src/inventory/index.js';
import type { Inventory } from '../src/inventory/types.js';
import { connectNode, NodePool, type NodeTarget } from '../src/nodes/connect.js';
import { DockerTransport } from '../src/nodes/docker.js';
import type { Transport } from '../src/nodes/transport.js';
import type { Progress } from '../src/progress.js';
import { BackupSource } from '../src/recovery/backup-source.js';
import { type BackupSummary, buildPlan, type Plan } from '../src/recovery/plan.js';
import { HARNESS_PROBE_TIMEOUT_MS, nodeAccessOf, type StartedCluster } from './cluster.js';
import {
  HARNESS_KEY_ROOT,
  openEtcdClient,
  SEED_ROOT_BESIDE_AN_API,
  seedKeys,
  startBackgroundWriter,
} from './data.js';
import { deleteCerts, destroyAndReprovision, stopNode, wipeEtcdData } from './faults.js';
import { type KubernetesCheckReport, KubernetesProof } from './k8s-checks.js';
import { KubeadmClusterProvider } from './kubeadm-provider.js';
import { KUBESPRAY_PATHS } from './kubespray-node.js';
import { LocalClusterProvider } from './local-provider.js';
import { comparePlans, type PlanComparison, stepSignature } from './plan-match.js';
import { keyDigests, revisionBumpOf } from './rehearsal.js';
import {
  type AddressMap,
  mapToProduction,
  renderReplicaInventory,
  type StatedFailure,
} from './replica.js';
import {
  type KubeadmCaSeed,
  keepKubeadmReplicaPki,
  seedKubeadmCa,
  verifyKubeadmBackupPki,
} from './replica-kubeadm-pki.js';
import {
  adoptBackupPki,
  backupAddressMap,
  type ReplicaPki,
  unpackArchives,
} from './replica-pki.js';
import { lastWriteIn, restoreLosses } from './restore-losses.js';
import type { EtcdVersion } from './tools.js';
import { controlPlaneNodes, type Topology } from './topology.js';

export interface DressRehearsalInput {
  /** The production inventory, loaded and checked. */
  inventory: Inventory;
  topology: Topology;
  failure: StatedFailure;
  etcdVersion: EtcdVersion;
  /** `kubespray`: a replica on the local provider; `kubeadm`: on the kubeadm provider. */
  layout: LayoutName;
  /** The user's backup set, already checked (signature, identity, cluster) by the command. */
  backup?: { location: string; identityFiles: string[]; trustedSigners?: string };
  /** Generated data when there is no backup. */
  keys: number;
  valueBytes: number;
  strategy: 'parallel' | 'grow';
  progress: Progress;
  /** Called for every node connection the recovery code opens (tests record the targets). */
  onConnect?: (target: NodeTarget) => void;
}

export interface DressNode {
  name: string;
  roles: string[];
  etcdMemberName?: string;
  /** The replica's address (production's is never contacted). */
  replicaAddress: string;
  productionAddress: string;
}

/** A plan, reduced to what the report shows of it. */
export interface PlanOutline {
  case: string;
  strategy: Plan['strategy'];
  source: string;
  steps: string[];
}

export interface DressRehearsalReport {
  tool: 'kube-rescue';
  kind: 'dress-rehearsal';
  startedAt: string;
  inventory: string;
  cluster: string;
  provider: 'local' | 'kubeadm';
  layout: LayoutName;
  etcdVersion: EtcdVersion;
  etcdServerVersion?: string;
  topology: { nodes: DressNode[]; groups: Record<string, string[]> };
  failure: StatedFailure;
  data: {
    source: 'backup' | 'generated';
    backup?: string;
    /** Keys the replica held when its own backup was taken. */
    keys?: number;
    /** The snapshot's size (backup) or the generated values' bytes. */
    bytes?: number;
  };
  /** The backup's node archives on the replica and the etcd PKI it runs on (with --backup). */
  pki?: ReplicaPki;
  /** Bringing the replica to the backed-up state (with --backup): the real restore, verified. */
  bringUp?: { rtoSeconds: number; plan: string; keyspace?: string; keyspaceStatus?: string };
  productionPlan?: PlanOutline;
  replicaPlan?: PlanOutline;
  planMatch?: PlanComparison;
  /** Seconds of the replica's `restore` of the failure, start to verified cluster. */
  rtoSeconds?: number;
  /**
   * Keys compared, one by one, after the recovery with those at the replica's backup: every
   * key, or beside an API server (kubeadm) those under `keysCompared` only — Kubernetes
   * rewrites its own (leases, events, status) all the time; its objects are checked through
   * the API instead (`kubernetes`).
   */
  keysVerified?: number;
  /** The key prefix keysVerified counts ('' = every key). */
  keysCompared?: string;
  keysLost?: number;
  writesAfterBackup?: number;
  /** Of those, how many are gone after the restore: the recovery point, in writes. */
  writesLost?: number;
  verification?: { name: string; status: string; detail: string }[];
  /** Where a Kubernetes API runs (kubeadm): the objects, /readyz, nodes Ready, the watch. */
  kubernetes?: KubernetesCheckReport;
  /** What this rehearsal does differently from the Kubespray one, in a person's words. */
  notes?: string[];
  startupSeconds?: number;
  durationSeconds: number;
  ok: boolean;
  error?: string;
}

function outline(p: Plan, backupLabel: (location: string) => string): PlanOutline {
  const s = p.source;
  return {
    case: p.case,
    strategy: p.strategy,
    source:
      s.kind === 'survivor'
        ? `survivor ${s.node} (${s.member})`
        : s.kind === 'backup'
          ? `${backupLabel(s.location)} at revision ${s.revision}`
          : 'none',
    steps: p.steps.map((st) => stepSignature(st, backupLabel)),
  };
}

/** Production loses a host the way the runbook describes: re-provisioned blank, same address. */
async function injectFailure(cluster: StartedCluster, failure: StatedFailure): Promise<void> {
  for (const host of failure.brokenEtcd) await destroyAndReprovision(cluster, host);
  for (const host of failure.brokenControlPlane) {
    if (failure.brokenEtcd.includes(host)) continue;
    // Its etcd member is not said to be broken: only the Kubernetes certificates are lost
    // (on kubeadm those are /etc/kubernetes/pki, etcd's own inside it).
    if (cluster.layout === 'kubeadm') await deleteCerts(cluster, host);
    else await cluster.node(host).sh(`rm -rf ${KUBESPRAY_PATHS.kubeCertDir}`);
  }
  for (const host of failure.removeHosts) await stopNode(cluster, host);
}

/** A transport source over the replica inventory that tells `onConnect` every target. */
function recordingTransports(
  inventory: Inventory,
  cluster: StartedCluster,
  onConnect: ((t: NodeTarget) => void) | undefined,
): { transportFor: (host: string) => Transport; close(): Promise<void> } {
  const pool = new NodePool(nodeAccessOf(cluster), (target, access) => {
    onConnect?.(target);
    // A kubeadm replica's nodes carry the user's host names; their containers are the run's.
    if (access.transport === 'docker') {
      return new DockerTransport(target.name, {
        container: cluster.node(target.name).containerName,
      });
    }
    return connectNode(target, access);
  });
  return {
    transportFor: (host) =>
      pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }),
    close: () => pool.closeAll(),
  };
}

/** One dress rehearsal, start to teardown. Never throws once the cluster starts: a failure is a result. */
export async function runDressRehearsal(input: DressRehearsalInput): Promise<DressRehearsalReport> {
  const t0 = Date.now();
  const { inventory, failure, progress } = input;
  const clusterName = clusterNameOf(inventory);
  const report: DressRehearsalReport = {
    tool: 'kube-rescue',
    kind: 'dress-rehearsal',
    startedAt: new Date().toISOString(),
    inventory: inventory.source,
    cluster: clusterName,
    provider: input.layout === 'kubeadm' ? 'kubeadm' : 'local',
    layout: input.layout,
    etcdVersion: input.etcdVersion,
    topology: {
      nodes: input.topology.nodes.map((n) => ({
        name: n.name,
        roles: [...n.roles],
        ...(n.etcdMemberName ? { etcdMemberName: n.etcdMemberName } : {}),
        replicaAddress: '',
        productionAddress: inventory.addressOf(n.name),
      })),
      groups: Object.fromEntries(
        [...inventory.groups].filter(([g]) => g !== 'all' && g !== 'ungrouped'),
      ),
    },
    failure,
    data: input.backup
      ? { source: 'backup', backup: input.backup.location }
      : { source: 'generated' },
    durationSeconds: 0,
    ok: false,
  };
  const ctx: CommandContext = { progress };
  let cluster: StartedCluster | undefined;
  /** kubeadm with --backup: the backup's CA files, placed before kubeadm init (or why not). */
  let caSeed: KubeadmCaSeed | undefined;
  const b = input.backup;
  try {
    cluster =
      input.layout === 'kubeadm'
        ? await new KubeadmClusterProvider().start(input.topology, {
            progress,
            nodeNames: 'topology',
            preseedPki: b
              ? async (first) => {
                  const t = new DockerTransport(first.name, { container: first.containerName });
                  try {
                    caSeed = await seedKubeadmCa({
                      backup: await BackupSource.open(b.location, b.identityFiles),
                      node: first.name,
                      t,
                      controlPlane: controlPlaneNodes(input.topology).map((n) => n.name),
                    });
                  } finally {
                    await t.close();
                  }
                  progress.info(
                    caSeed.source === 'backup'
                      ? `${first.name}: the backup's CA files from ${caSeed.object} placed before kubeadm init: ${caSeed.placed.join(', ')}`
                      : `The replica keeps its own kubeadm PKI: ${caSeed.reason}`,
                  );
                }
              : undefined,
          })
        : await new LocalClusterProvider().start(input.topology, {
            progress,
            etcdVersion: input.etcdVersion,
          });
    const c = cluster;
    report.startupSeconds = Number(c.startupSeconds.toFixed(1));
    const access = nodeAccessOf(c);
    const ipOf = (h: string) => c.node(h).ip;
    for (const n of report.topology.nodes) n.replicaAddress = ipOf(n.name);
    const map: AddressMap = {
      hosts: new Map(
        report.topology.nodes.map((n) => [
          n.name,
          { replica: n.replicaAddress, production: n.productionAddress },
        ]),
      ),
    };
    const work = join(c.workDir, 'dress-rehearsal');
    await mkdir(work, { recursive: true, mode: 0o700 });
    const header = `replica of ${inventory.source} in harness cluster ${c.name}`;
    const healthyPath = join(work, 'replica-hosts.ini');
    await writeFile(
      healthyPath,
      renderReplicaInventory(inventory, input.topology, ipOf, clusterName, undefined, header),
    );
    const brokenPath = join(work, 'replica-recovery-hosts.ini');
    await writeFile(
      brokenPath,
      renderReplicaInventory(inventory, input.topology, ipOf, clusterName, failure, header),
    );
    const healthy = await loadInventory(healthyPath);
    const transports = recordingTransports(healthy, c, input.onConnect);
    try {
      await rehearseOn(c, input, report, {
        access,
        map,
        work,
        healthyPath,
        brokenPath,
        transportFor: transports.transportFor,
        ctx,
        caSeed,
      });
    } finally {
      await transports.close();
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    progress.warn(`dress rehearsal failed: ${report.error}`);
  } finally {
    if (cluster) await progress.phase('Tear down the replica', () => cluster!.stop());
    report.durationSeconds = Number(((Date.now() - t0) / 1000).toFixed(1));
  }
  return report;
}

interface RunContext {
  access: ReturnType<typeof nodeAccessOf>;
  map: AddressMap;
  work: string;
  healthyPath: string;
  brokenPath: string;
  transportFor: (host: string) => Transport;
  ctx: CommandContext;
  caSeed?: KubeadmCaSeed;
}

async function rehearseOn(
  c: StartedCluster,
  input: DressRehearsalInput,
  report: DressRehearsalReport,
  r: RunContext,
): Promise<void> {
  const { progress } = input;
  const { access, ctx, transportFor } = r;
  const etcdHosts = c.nodes.filter((n) => n.roles.includes('etcd')).map((n) => n.name);
  /** How this run's own client reaches the members (changed when they move to the backup's CA). */
  let tls = c.tls;
  const kubeadm = c.layout === 'kubeadm';
  // Beside an API server only the harness's own keys are compared one by one: Kubernetes
  // rewrites its own all the time; its objects are checked through the API instead.
  const keyPrefix = kubeadm ? HARNESS_KEY_ROOT : '';
  // The keyspace check on the node serves the snapshot with the host's etcd binary, which a
  // kubeadm node does not have: there the restore reads it from a private temp dir here.
  const keyspaceOnNode = !kubeadm;
  if (kubeadm) {
    report.notes = [
      `keys compared one by one under ${HARNESS_KEY_ROOT}/ only (Kubernetes rewrites its own keys all the time); Kubernetes objects, /readyz, nodes Ready and a watch are checked through the replica's API`,
      "the restores' keyspace checks copy each restored snapshot into a private temp dir on this machine (0600, removed at once): the check on the node needs a host etcd binary, which kubeadm nodes lack",
    ];
  }

  // 1. The data: the user's snapshot, restored into the replica by the real restore code
  //    (hashes and signature checked on the way, every key compared after), or generated keys.
  if (input.backup) {
    const b = input.backup;
    await progress.phase('Empty the replica so that it takes the backup', async () => {
      for (const h of etcdHosts) await wipeEtcdData(c, h);
    });
    // The node archives, where the layout puts them; the replica onto the backup's etcd CA.
    const source = await BackupSource.open(b.location, b.identityFiles);
    const archives = source.summary().certArchives;
    const archiveHosts = c.nodes
      .filter((n) => n.roles.includes('control-plane') && archives[n.name])
      .map((n) => n.name);
    if (kubeadm) {
      // The CAs were placed before kubeadm init (runDressRehearsal); they are checked after the bring-up.
      report.notes?.push(
        r.caSeed?.source === 'backup'
          ? "the recovery's certificate restores come from the replica's own backup, taken after the bring-up: the CAs and service-account key pair in it are the backup's, every other certificate and kubeconfig the replica's own (kubeadm issued them for the replica's addresses from the backup's CAs)"
          : "the recovery's certificate restores come from the replica's own backup, taken after the bring-up: every certificate, key and kubeconfig in it is the replica's own",
      );
      if (r.caSeed?.source === 'replica') {
        report.pki = await keepKubeadmReplicaPki({
          reason: r.caSeed.reason,
          etcdHosts,
          transportFor,
        });
      }
    } else if (archiveHosts.length > 0) {
      const { files, unpacked } = await progress.phase(
        `Unpack the backup's node archives on ${archiveHosts.join(', ')}`,
        () =>
          unpackArchives({
            backup: source,
            hosts: archiveHosts,
            transportFor,
            access,
            progress,
            clusterName: report.cluster,
          }),
      );
      const pki = await progress.phase("Run the replica's etcd on the backup's CA", () =>
        adoptBackupPki({
          inventory: input.inventory,
          topology: input.topology,
          ipOf: (h) => c.node(h).ip,
          map: backupAddressMap(input.inventory, source, r.map),
          unpacked,
          files,
          transportFor,
          harnessCa: c.tls.cacert,
          progress,
        }),
      );
      report.pki = pki;
      progress.info(
        pki.source === 'backup'
          ? `The replica's etcd runs on the backup's CA (sha256 ${pki.caFingerprint}, from ${pki.caNode}'s archive); reissued: ${pki.reissued.join('; ')}`
          : `The replica keeps its own etcd PKI: ${pki.reason}`,
      );
      if (pki.source === 'backup') {
        // This run's client: the backup's CA (a public certificate) to check the members,
        // the harness's client certificate to present (trusted through the client-CA bundle).
        const caFile = join(r.work, 'backup-etcd-ca.pem');
        await writeFile(caFile, pki.caCert, { mode: 0o644 });
        tls = { ...c.tls, cacert: caFile };
      }
    }
    const up = await progress.phase(`Restore ${b.location} into the replica`, () =>
      restore(
        {
          inventory: r.healthyPath,
          access,
          backup: b.location,
          identityFiles: b.identityFiles,
          trustedSigners: b.trustedSigners,
          strategy: input.strategy,
          force: false,
          yes: true,
          journal: join(r.work, 'bring-up.journal'),
          transportFor,
          probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS,
          // The restored snapshot is read on its node: none of the user's data lands here
          // (Kubespray layout; see keyspaceOnNode above).
          keyspaceOnNode,
        },
        ctx,
      ),
    );
    const keyspace = up.verification?.checks.find((ch) => ch.name === 'keyspace');
    report.bringUp = {
      rtoSeconds: Number(up.rtoSeconds.toFixed(1)),
      plan: up.plan.case,
      keyspace: keyspace?.detail,
      keyspaceStatus: keyspace?.status,
    };
    const failed = up.verification?.checks.filter((ch) => ch.status === 'failed') ?? [];
    if (keyspace?.status !== 'passed') {
      throw new Error(
        `the backup's keys were not compared in the replica (keyspace check ${keyspace?.status ?? 'absent'}: ${keyspace?.detail ?? 'no verification'}); the rehearsal would not run on the backup's data.`,
      );
    }
    if (!up.verification || failed.length > 0) {
      throw new Error(
        `the backup could not be brought into the replica: verification ${failed.map((f) => `${f.name} (${f.detail})`).join(', ') || 'did not run'}`,
      );
    }
    report.data.bytes = source.manifest.snapshot.size;
    if (r.caSeed?.source === 'backup') {
      const seed = r.caSeed;
      report.pki = await progress.phase(
        "Check that the replica runs on the backup's CAs and service-account key",
        () =>
          verifyKubeadmBackupPki({
            seed,
            controlPlane: c.nodes
              .filter((n) => n.roles.includes('control-plane'))
              .map((n) => n.name),
            etcdHosts,
            ipOf: (h) => c.node(h).ip,
            transportFor,
            api: c.kubernetes!,
          }),
      );
      progress.info(
        `The replica runs on the backup's CAs (cluster CA sha256 ${report.pki.kubeadm?.clusterCaFingerprint}, etcd CA sha256 ${report.pki.caFingerprint}, from ${seed.object})`,
      );
    }
  } else {
    const client = await openEtcdClient(c.etcdEndpoints, tls);
    try {
      const seeded = await progress.phase(`Seed ${input.keys} keys`, () =>
        seedKeys(client, {
          keys: input.keys,
          valueBytes: input.valueBytes,
          seed: 'dress',
          root: kubeadm ? SEED_ROOT_BESIDE_AN_API : undefined,
        }),
      );
      report.data.bytes = seeded.bytes;
    } finally {
      client.close();
    }
  }

  // Where an API runs: objects made and recorded through it, a watch held open from here on.
  const api = c.kubernetes;
  let proof: KubernetesProof | undefined;
  if (api) {
    proof = await progress.phase(
      'Create namespaces, Deployments, ConfigMaps, Secrets, a CRD and its resources through the API; open a watch',
      () => KubernetesProof.prepare(api, c.runId, progress),
    );
  }
  try {
    await backUpBreakRecover(c, input, report, r, { tls, keyPrefix, keyspaceOnNode, proof });
  } finally {
    await proof?.stop();
  }
}

async function backUpBreakRecover(
  c: StartedCluster,
  input: DressRehearsalInput,
  report: DressRehearsalReport,
  r: RunContext,
  o: {
    tls: StartedCluster['tls'];
    keyPrefix: string;
    keyspaceOnNode: boolean;
    proof: KubernetesProof | undefined;
  },
): Promise<void> {
  const { progress } = input;
  const { access, ctx, transportFor } = r;
  const { tls, keyPrefix, proof } = o;
  // 2. The replica's own backup (its certificates name its own addresses), encrypted to a key
  //    of this run that exists only in the run's private dir, removed with the cluster.
  const { secret, identity } = generateIdentity();
  progress.secret(secret);
  const identityFile = join(r.work, 'age-identity');
  await writeFile(identityFile, `${secret}\n`, { mode: 0o600 });
  const client = await openEtcdClient(c.etcdEndpoints, tls);
  let atBackup: Map<string, string>;
  let writerPrefix: string;
  let writerLastAtBackup: number;
  let writerLast = -1;
  let replicaBackup: string;
  const writer = startBackgroundWriter(client, { intervalMs: 20 });
  try {
    report.etcdServerVersion = (await client.maintenance.status()).version;
    writerPrefix = writer.prefix;
    const b = await progress.phase('Back up the replica with kube-rescue backup', () =>
      backup(
        {
          inventory: r.healthyPath,
          access,
          dest: join(r.work, 'backups'),
          encryptTo: [identity.recipient.text],
          compress: 'gzip',
          etcdOnly: false,
          transportFor,
        },
        ctx,
      ),
    );
    replicaBackup = b.backupPath;
    const all = await keyDigests(client, '', b.snapshotRevision);
    report.data.keys = all.size;
    atBackup = new Map([...all].filter(([k]) => k.startsWith(keyPrefix)));
    report.keysCompared = keyPrefix;
    writerLastAtBackup = lastWriteIn(atBackup.keys(), writerPrefix);
    // Production keeps writing after its last backup, until it breaks.
    await new Promise((res) => setTimeout(res, 1500));
    if (proof) {
      await progress.phase('Change Kubernetes objects after the backup', () =>
        proof.changeAfterBackup(),
      );
    }
  } finally {
    const w = await writer.stop();
    client.close();
    writerLast = w.lastAcknowledged;
  }

  // 3. The failure, then the plan of the replica and the plan production would get.
  await progress.phase(
    `Break the replica: etcd lost on ${input.failure.brokenEtcd.join(', ') || 'none'}, control plane lost on ${input.failure.brokenControlPlane.join(', ') || 'none'}${input.failure.removeHosts.length ? `, gone for good: ${input.failure.removeHosts.join(', ')}` : ''}`,
    () => injectFailure(c, input.failure),
  );
  const planOpts = {
    inventory: r.brokenPath,
    access,
    backup: replicaBackup,
    identityFiles: [identityFile],
    strategy: input.strategy,
    force: false,
    removeHosts: input.failure.removeHosts,
    transportFor,
    probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS,
  };
  const planned: PlanResult = await progress.phase('Plan the recovery of the replica', () =>
    plan(planOpts, ctx),
  );
  const production = await productionPlan(input, planned, replicaBackup, identityFile, r.map);
  const sameSet = [replicaBackup, ...(input.backup ? [input.backup.location] : [])];
  const label = (loc: string) => (sameSet.includes(loc) ? 'the backup' : `backup ${loc}`);

  // 4. The recovery itself, timed: the same restore production would run.
  const restored: RestoreResult = await progress.phase(
    'Recover the replica with kube-rescue restore',
    () =>
      restore(
        {
          ...planOpts,
          yes: true,
          journal: join(r.work, 'restore.journal'),
          keyspaceOnNode: o.keyspaceOnNode,
        },
        ctx,
      ),
  );
  report.replicaPlan = outline(restored.plan, label);
  report.productionPlan = outline(production, label);
  report.planMatch = comparePlans(production, restored.plan, { sameSet });
  report.rtoSeconds = Number(restored.rtoSeconds.toFixed(1));
  report.verification = restored.verification?.checks.map((ch) => ({
    name: ch.name,
    status: ch.status,
    detail: ch.detail,
  }));

  // 5. Every key of the replica's backup, and the writes after it, against what came back.
  const gone = c.nodes.filter((n) => input.failure.removeHosts.includes(n.name)).map((n) => n.ip);
  const endpoints = c.etcdEndpoints.filter((e) => !gone.includes(new URL(e).hostname));
  const after = await openEtcdClient(endpoints, tls);
  try {
    const losses = restoreLosses(atBackup, await keyDigests(after, keyPrefix), {
      prefix: writerPrefix,
      lastAtBackup: writerLastAtBackup,
      last: writerLast,
    });
    report.keysVerified = atBackup.size;
    report.keysLost = losses.keysLost;
    report.writesAfterBackup = losses.writesAfterBackup;
    report.writesLost = losses.writesLost;
  } finally {
    after.close();
  }
  if (proof) {
    // Every etcd member blank or gone: nothing kept the writes after the backup.
    const kept = c.nodes.some(
      (n) =>
        n.roles.includes('etcd') &&
        !input.failure.brokenEtcd.includes(n.name) &&
        !input.failure.removeHosts.includes(n.name),
    );
    report.kubernetes = await progress.phase(
      'Check through the API: objects, /readyz, nodes Ready, the watch',
      () =>
        proof.verify({
          afterBackup: kept ? 'kept' : 'lost',
          expectedNodes: c.nodes
            .filter((n) => !input.failure.removeHosts.includes(n.name))
            .map((n) => n.name),
          goneNodes: input.failure.removeHosts,
          revisionBump: revisionBumpOf(restored.plan),
        }),
    );
  }
  const failedChecks = (report.verification ?? []).filter((v) => v.status === 'failed');
  if (report.keysLost !== 0) {
    report.error = `${report.keysLost} of the ${report.keysVerified} keys of the backup are missing or changed after the recovery.`;
  } else if (!restored.verification) {
    report.error = 'the restore returned without verifying the replica.';
  } else if (failedChecks.length > 0) {
    report.error = `verification failed: ${failedChecks.map((v) => v.name).join(', ')}`;
  } else if (!report.planMatch.match) {
    report.error = `the replica ran another plan than production would get: ${report.planMatch.differences.join('; ')}`;
  } else if (report.kubernetes && report.kubernetes.problems.length > 0) {
    report.error = `Kubernetes checks failed: ${report.kubernetes.problems.join('; ')}`;
  } else {
    report.ok = true;
  }
}

/**
 * The plan production gets for the same failure, without probing production: the planner (a
 * pure function) is given the production inventory with the stated broken groups, the state
 * the replica's probe saw with every replica address replaced by the production address of the
 * same host, and the user's backup (without --backup: the replica's, as a stand-in for
 * production's newest).
 */
async function productionPlan(
  input: DressRehearsalInput,
  replica: PlanResult,
  replicaBackup: string,
  replicaIdentity: string,
  map: AddressMap,
): Promise<Plan> {
  const inv = {
    ...planInventoryOf(input.inventory),
    brokenEtcd: input.failure.brokenEtcd,
    brokenControlPlane: input.failure.brokenControlPlane,
  };
  const summary: BackupSummary = input.backup
    ? (await BackupSource.open(input.backup.location, input.backup.identityFiles)).summary()
    : (await BackupSource.open(replicaBackup, [replicaIdentity])).summary();
  const health = mapToProduction(replica.health, map);
  const kubectlOn = [
    ...new Set(
      replica.plan.steps.flatMap((s) => (s.action === 'delete-node' ? [s.params.host] : [])),
    ),
  ];
  return buildPlan(
    inv,
    { ...health, clusterName: clusterNameOf(input.inventory), kubectlOn },
    summary,
    {
      strategy: input.strategy,
      force: false,
      now: new Date(replica.plan.createdAt),
      haveIdentity: input.backup ? input.backup.identityFiles.length > 0 : true,
      removeHosts: input.failure.removeHosts,
    },
  );
}
