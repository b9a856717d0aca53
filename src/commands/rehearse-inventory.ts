/**
 * `kube-rescue rehearse -i hosts.ini`: the dress rehearsal of *this* cluster's failure on a
 * throw-away replica (harness/dress-rehearsal.ts). Everything a person can get wrong is checked
 * here, before any container starts: the inventory, the failure, the layout, the backup (its
 * signature, cluster, members, identity) and whether the machine can hold the replica.
 * The harness is loaded only when the rehearsal runs.
 */
import { writeFile } from 'node:fs/promises';
import { parseIdentities } from '../backup/age.js';
import { InputError, OperationError } from '../errors.js';
import { loadInventory } from '../inventory/index.js';
import type { Inventory } from '../inventory/types.js';
import type { NodeTarget } from '../nodes/connect.js';
import { BackupSource } from '../recovery/backup-source.js';
import type { Plan } from '../recovery/plan.js';
import { checkPlanObjects, checkSignature, requireSignedManifest } from '../recovery/preflight.js';
import type { CommandContext } from './context.js';
import { clusterNameOf, reportSignature } from './plan.js';

/** The etcd minors the local provider can run (harness/tools.ts ETCD_VERSIONS). */
const REPLICA_ETCD_VERSIONS = ['3.4', '3.5', '3.6'] as const;
type ReplicaEtcdVersion = (typeof REPLICA_ETCD_VERSIONS)[number];
const DEFAULT_REPLICA_ETCD: ReplicaEtcdVersion = '3.6';

export interface DressRehearseOptions {
  inventory: string;
  backup?: string;
  identityFiles: string[];
  trustedSigners?: string;
  brokenEtcd?: string[];
  brokenControlPlane?: string[];
  removeHosts?: string[];
  /** Generated data without --backup: this many keys (default 2000) … */
  keys?: number;
  /** … or this many MiB of values (1 KiB each). */
  sizeMb?: number;
  etcdVersion?: string;
  /** `kubespray` (default) or `kubeadm`; the backup's flavor wins when it names one. */
  layout?: 'kubespray' | 'kubeadm' | 'auto';
  strategy?: 'parallel' | 'grow';
  report?: string;
  /** Every node connection the recovery code opens in the replica (tests). */
  onConnect?: (target: NodeTarget) => void;
}

/** The report of a dress rehearsal (harness/dress-rehearsal.ts), as the CLI prints it. */
export type { DressRehearsalReport } from '../../harness/dress-rehearsal.js';

import type { DressRehearsalReport } from '../../harness/dress-rehearsal.js';

/** A dress rehearsal that did not recover the replica, or ran another plan: exit 1. */
export class DressRehearsalFailedError extends OperationError {
  constructor(readonly result: DressRehearsalReport) {
    super(`Dress rehearsal failed: ${result.error ?? 'failed'}`);
  }
}

const minorOf = (v: string) => /^(\d+\.\d+)/.exec(v)?.[1];

/** The etcd of the replica: the backup's, else the flag's, else the default; never two at once. */
function replicaEtcdVersion(
  flag: string | undefined,
  backup: BackupSource | undefined,
): ReplicaEtcdVersion {
  const fromBackup = backup ? minorOf(backup.manifest.etcd.version) : undefined;
  if (flag && !REPLICA_ETCD_VERSIONS.includes(flag as ReplicaEtcdVersion)) {
    throw new InputError(
      `--etcd-version ${flag}: expected one of ${REPLICA_ETCD_VERSIONS.join(', ')}.`,
    );
  }
  if (fromBackup && flag && fromBackup !== flag) {
    throw new InputError(
      `--etcd-version ${flag}, but the backup ${backup!.location} was taken from etcd ${backup!.manifest.etcd.version}: the replica runs the backup's etcd. Drop --etcd-version.`,
    );
  }
  const v = fromBackup ?? flag ?? DEFAULT_REPLICA_ETCD;
  if (!REPLICA_ETCD_VERSIONS.includes(v as ReplicaEtcdVersion)) {
    throw new InputError(
      `The backup ${backup?.location} was taken from etcd ${backup?.manifest.etcd.version}; the replica can run etcd ${REPLICA_ETCD_VERSIONS.join(', ')} only.`,
    );
  }
  return v as ReplicaEtcdVersion;
}

/** Kubespray's `etcd_deployment_type: kubeadm` (or `etcd_kubeadm_enabled`) makes etcd a static pod. */
function inventoryLayout(inventory: Inventory): ReplicaLayout | undefined {
  for (const h of inventory.hosts.values()) {
    if (h.vars.etcd_deployment_type === 'kubeadm' || h.vars.etcd_kubeadm_enabled === true) {
      return 'kubeadm';
    }
  }
  return undefined;
}

/** The layout of the replica: Kubespray's on the local provider, kubeadm's on the kubeadm provider. */
export type ReplicaLayout = 'kubespray' | 'kubeadm';

export interface LayoutDecision {
  layout: ReplicaLayout;
  /** What decided it, in a person's words (for the log and the refusals). */
  because: string;
}

/**
 * Which layout the replica is built in: the backup's flavor when it names one (the backup is
 * what the replica must run), else `--layout`, else the inventory's `etcd_deployment_type`,
 * else Kubespray's default (etcd as a host service). A `--layout` that contradicts the
 * backup is refused rather than overridden.
 */
export function replicaLayout(
  flag: DressRehearseOptions['layout'],
  inventory: Inventory,
  backup?: Pick<BackupSource, 'location' | 'manifest'>,
): LayoutDecision {
  const flavor = backup?.manifest.kubernetes.flavor;
  const explicit = flag && flag !== 'auto' ? flag : undefined;
  if (flavor === 'kubeadm' || flavor === 'kubespray') {
    if (explicit && explicit !== flavor) {
      throw new InputError(
        `--layout ${explicit}, but the backup ${backup!.location} was taken from a ${flavor} cluster (its manifest's kubernetes.flavor): the replica runs the backup's layout. Drop --layout, or rehearse with a backup of this cluster. Nothing was started.`,
      );
    }
    return { layout: flavor, because: `the backup ${backup!.location} is of a ${flavor} cluster` };
  }
  if (explicit) return { layout: explicit, because: `--layout ${explicit}` };
  if (inventoryLayout(inventory) === 'kubeadm') {
    return {
      layout: 'kubeadm',
      because: `${inventory.source} sets etcd_deployment_type: kubeadm`,
    };
  }
  return { layout: 'kubespray', because: "Kubespray's default (etcd as a host service)" };
}

/** The etcd minor of the kubeadm replica: its control-plane image's (harness/kubeadm-image.ts). */
const KUBEADM_REPLICA_ETCD: ReplicaEtcdVersion = '3.6';

/**
 * What a kubeadm replica needs of the inventory, as kubeadm lays a cluster out: etcd only as a
 * static pod of a control-plane node, each member named after its node (kubeadm's
 * `--name=<node>`; the inventory must say so with etcd_member_name, as `plan` and `restore`
 * need it too), and the etcd the control-plane image runs.
 */
export function requireKubeadmReplica(
  inventory: Inventory,
  decided: LayoutDecision,
  etcdFlag: string | undefined,
  backup?: Pick<BackupSource, 'location' | 'manifest'>,
): void {
  const cp = inventory.controlPlane();
  const offCp = inventory
    .etcdMembers()
    .map((m) => m.host)
    .filter((h) => !cp.includes(h));
  if (offCp.length > 0) {
    throw new InputError(
      `${inventory.source}: ${offCp.join(', ')} ${offCp.length === 1 ? 'is' : 'are'} in [etcd] but not in [kube_control_plane], and the replica is built in the kubeadm layout (${decided.because}): kubeadm runs etcd only as a static pod of a control-plane node, so no kubeadm cluster has that shape. ` +
        'Put every etcd host in [kube_control_plane], or, if this cluster runs etcd as a host service, rehearse with --layout kubespray (and a backup of that flavor). Nothing was started.',
    );
  }
  const misnamed = inventory.etcdMembers().filter((m) => m.memberName !== m.host);
  if (misnamed.length > 0) {
    throw new InputError(
      `${inventory.source}: kubeadm names each etcd member after its node, but ${misnamed.map((m) => `${m.host} is member '${m.memberName}'`).join(', ')} ` +
        `(without etcd_member_name Kubespray's etcd<N> is assumed). Set etcd_member_name=<host> on each [etcd] host, e.g. '${misnamed[0]!.host} etcd_member_name=${misnamed[0]!.host}', as plan and restore need it too. Nothing was started.`,
    );
  }
  if (etcdFlag && etcdFlag !== KUBEADM_REPLICA_ETCD) {
    throw new InputError(
      `--etcd-version ${etcdFlag}: a kubeadm replica runs the etcd of its control-plane image (${KUBEADM_REPLICA_ETCD}). Drop --etcd-version. Nothing was started.`,
    );
  }
  const fromBackup = backup ? minorOf(backup.manifest.etcd.version) : undefined;
  if (fromBackup && fromBackup !== KUBEADM_REPLICA_ETCD) {
    throw new InputError(
      `The backup ${backup!.location} was taken from etcd ${backup!.manifest.etcd.version}; a kubeadm replica runs etcd ${KUBEADM_REPLICA_ETCD} (its control-plane image) only. Nothing was started.`,
    );
  }
}

/** The backup must be of the cluster the inventory names, with members the inventory has. */
function requireSameCluster(inventory: Inventory, backup: BackupSource): void {
  const m = backup.manifest;
  const name = clusterNameOf(inventory);
  if (m.cluster !== name) {
    throw new InputError(
      `The backup ${backup.location} is of cluster '${m.cluster}', but ${inventory.source} names cluster '${name}' (cluster_name). Rehearse with a backup of this cluster. Nothing was started.`,
    );
  }
  const members = inventory.etcdMembers().map((x) => x.memberName);
  const strangers = m.etcd.members.map((x) => x.name).filter((n) => !members.includes(n));
  if (strangers.length > 0) {
    throw new InputError(
      `The backup ${backup.location} has etcd members ${strangers.join(', ')} that ${inventory.source} does not (its members: ${members.join(', ')}): it is a backup of another cluster, or etcd_member_name differs. Nothing was started.`,
    );
  }
  const cp = inventory.controlPlane();
  const unknownNodes = m.kubernetes.nodes.filter((n) => !cp.includes(n));
  if (unknownNodes.length > 0) {
    throw new InputError(
      `The backup ${backup.location} holds the files of control-plane nodes ${unknownNodes.join(', ')}, which are not in ${inventory.source}'s [kube_control_plane] (${cp.join(', ')}): a backup of another cluster. Nothing was started.`,
    );
  }
}

/**
 * The identity must open every encrypted object: checked now, with the same preflight the
 * restore runs (checkPlanObjects reads each object's age header), over every object the set has.
 */
async function requireIdentity(backup: BackupSource, identityFiles: string[]): Promise<void> {
  const encrypted = backup.manifest.objects.filter((o) => o.encryption !== null);
  if (encrypted.length === 0) return;
  if (identityFiles.length === 0) {
    throw new InputError(
      `The backup ${backup.location} is encrypted (${encrypted.map((o) => o.name).join(', ')}): pass the age identity that opens it with --identity FILE. Nothing was started.`,
    );
  }
  // A plan that reads every object, for the preflight only: it is never run.
  const readsAll = {
    steps: backup.manifest.objects.map((o) => ({
      action: 'fetch-snapshot',
      params: { from: { kind: 'backup', location: backup.location, object: o.name } },
    })),
  } as unknown as Plan;
  await checkPlanObjects(readsAll, backup);
}

/** The identity's secret keys, registered for masking before anything reads them. */
async function maskIdentities(identityFiles: string[], ctx: CommandContext): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  for (const f of identityFiles) {
    const text = await readFile(f, 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      const key = line.trim();
      if (key.startsWith('AGE-SECRET-KEY-')) ctx.progress.secret(key);
    }
    // Parsing here turns a malformed file into the loader's own clear error, before any start.
    if (text) parseIdentities(text, `--identity ${f}`);
  }
}

/** `kube-rescue rehearse -i hosts.ini …`: the dress rehearsal. */
export async function rehearseInventory(
  opts: DressRehearseOptions,
  ctx: CommandContext,
): Promise<DressRehearsalReport> {
  const inventory = await loadInventory(opts.inventory);
  if (inventory.etcdMembers().length === 0) {
    throw new InputError(`${opts.inventory} has no hosts in [etcd]: there is no etcd to rehearse.`);
  }
  const replica = await import('../../harness/replica.js');
  const failure = replica.statedFailure(inventory, {
    brokenEtcd: opts.brokenEtcd,
    brokenControlPlane: opts.brokenControlPlane,
    removeHosts: opts.removeHosts,
  });
  if (opts.keys !== undefined && opts.sizeMb !== undefined) {
    throw new InputError('Give --keys or --size-mb, not both.');
  }
  if (opts.backup && (opts.keys !== undefined || opts.sizeMb !== undefined)) {
    throw new InputError(
      "--keys and --size-mb generate data for a rehearsal without a backup; with --backup the replica holds the backup's own data.",
    );
  }
  await maskIdentities(opts.identityFiles, ctx);
  let backup: BackupSource | undefined;
  if (opts.backup) {
    const signed = await ctx.progress.phase('Check the backup signature', () =>
      checkSignature(opts.backup, { trustedSigners: opts.trustedSigners }),
    );
    if (signed) reportSignature(signed.check, ctx);
    backup = await BackupSource.open(opts.backup, opts.identityFiles);
    requireSignedManifest(signed, backup, { trustedSigners: opts.trustedSigners });
  } else if (opts.trustedSigners) {
    throw new InputError(
      '--trusted-signers checks the signature of a backup set: give the set with --backup.',
    );
  }
  const decided = replicaLayout(opts.layout, inventory, backup);
  const layout = decided.layout;
  if (layout === 'kubeadm') requireKubeadmReplica(inventory, decided, opts.etcdVersion, backup);
  if (backup) {
    requireSameCluster(inventory, backup);
    await requireIdentity(backup, opts.identityFiles);
  }
  const etcdVersion =
    layout === 'kubeadm' ? KUBEADM_REPLICA_ETCD : replicaEtcdVersion(opts.etcdVersion, backup);

  const valueBytes = opts.sizeMb !== undefined ? 1024 : 512;
  const keys =
    opts.sizeMb !== undefined
      ? Math.ceil((opts.sizeMb * 1024 * 1024) / valueBytes)
      : (opts.keys ?? 2000);
  const dataMb = backup
    ? backup.manifest.snapshot.size / (1024 * 1024)
    : (keys * valueBytes) / (1024 * 1024);
  const topology = replica.replicaTopology(inventory);
  const etcdMembers = topology.nodes.filter((n) => n.roles.includes('etcd')).length;
  const available = await replica.availableMemoryMb();
  const footprintMb = replica.replicaNodeFootprintMb(layout);
  const capacity = replica.replicaCapacity({
    availableMb: available,
    dataMb,
    etcdMembers,
    footprintMb,
  });
  if (topology.nodes.length > capacity) {
    throw new InputError(
      `${opts.inventory} has ${topology.nodes.length} nodes; this machine can hold ${capacity} replica nodes ` +
        `(${available} MiB available, ${replica.RUNNER_RESERVE_MB} MiB kept for the runner, ${Math.ceil(dataMb)} MiB of data on each of ${etcdMembers} etcd members, ` +
        `${footprintMb} MiB a ${layout === 'kubeadm' ? 'kubeadm ' : ''}node). Rehearse on a larger machine. Nothing was started.`,
    );
  }
  if (layout === 'kubeadm') {
    // The kubeadm provider's programs (Kubernetes, crictl) are built apart from setup.sh:
    // without them it says which command builds them, as `rehearse --provider kubeadm` does.
    const { builtKubernetesTools } = await import('../../harness/kubernetes-tools.js');
    await builtKubernetesTools().catch((e: Error) => {
      throw new InputError(`${e.message} Nothing was started.`);
    });
  }
  // The plans the rehearsal will build, on the states the replica will be in, and every
  // object they read (present, intact, openable): a refusal of either is said now.
  const { dressPreflight } = await import('../../harness/dress-preflight.js');
  await ctx.progress.phase('Plan the rehearsal before starting anything', () =>
    dressPreflight({
      inventory,
      failure,
      etcdVersion,
      layout,
      backup,
      strategy: opts.strategy ?? 'parallel',
    }),
  );
  ctx.progress.info(
    `Dress rehearsal of ${opts.inventory}: ${topology.nodes.length} nodes (room for ${capacity}) in the ${layout} layout (${decided.because}), etcd ${etcdVersion}, ` +
      `${backup ? `data from ${backup.location}` : `${keys} generated keys`}; broken etcd: ${failure.brokenEtcd.join(', ') || 'none'}, broken control plane: ${failure.brokenControlPlane.join(', ') || 'none'}${failure.removeHosts.length ? `, gone for good: ${failure.removeHosts.join(', ')}` : ''}.`,
  );

  const { runDressRehearsal } = await import('../../harness/dress-rehearsal.js');
  const report = await runDressRehearsal({
    inventory,
    topology,
    failure,
    etcdVersion,
    layout,
    ...(opts.backup
      ? {
          backup: {
            location: opts.backup,
            identityFiles: opts.identityFiles,
            trustedSigners: opts.trustedSigners,
          },
        }
      : {}),
    keys,
    valueBytes,
    strategy: opts.strategy ?? 'parallel',
    progress: ctx.progress,
    onConnect: opts.onConnect,
  });
  if (opts.report) {
    await writeFile(opts.report, `${JSON.stringify(report, null, 2)}\n`);
    ctx.progress.info(`Wrote the JSON report to ${opts.report}`);
  }
  if (!report.ok) throw new DressRehearsalFailedError(report);
  return report;
}
