import { isIP } from 'node:net';
import { describeSignature, type SignatureCheck } from '../backup/signature.js';
import { writeFileDurably } from '../durable-file.js';
import { InputError, OperationError } from '../errors.js';
import { loadInventory } from '../inventory/index.js';
import type { Inventory } from '../inventory/types.js';
import type { NodeAccess } from '../nodes/access.js';
import { BackupSource } from '../recovery/backup-source.js';
import type { ClusterHealth } from '../recovery/health.js';
import { openNodeTransports } from '../recovery/node-transports.js';
import { buildPlan, checkRemovableHosts, type Plan, type PlanInventory } from '../recovery/plan.js';
import {
  makePlanFile,
  type PlanFile,
  planFileSha256,
  planFileText,
} from '../recovery/plan-file.js';
import {
  checkPlanObjects,
  checkSignature,
  type PreflightResult,
  requireSignedManifest,
} from '../recovery/preflight.js';
import { probeCluster, type TransportSource } from '../recovery/probe.js';
import { hasKubectlAdmin } from '../recovery/verify.js';
import type { S3Settings } from '../stores/s3-location.js';
import type { CommandContext } from './context.js';

export interface PlanOptions {
  inventory: string;
  access: NodeAccess;
  backup?: string;
  identityFiles: string[];
  /** An allowed_signers file (`--trusted-signers`): the backup must be signed by one of them. */
  trustedSigners?: string;
  strategy: 'parallel' | 'grow';
  force: boolean;
  /** Restore the backup's snapshot even when a surviving member has fresher data. */
  preferBackupSnapshot?: boolean;
  /** `--bump-revision N` (issue 12). */
  bumpRevision?: number;
  /** Hosts that will not return: the cluster shrinks without them (`--remove-host`). */
  removeHosts?: string[];
  /**
   * `--probe-timeout`: how long the probe gives each node before it counts as unanswered
   * (probe.ts's default, 20 s, when unset). A node that does not answer in time is doubt, never
   * a loss: a plan over it is refused, so a loaded cluster may need more time, not --force.
   */
  probeTimeoutMs?: number;
  /** Where an s3:// backup set is read from. */
  s3?: S3Settings;
  /** How to reach nodes; default from `access` (SSH, docker exec or local). For the harness. */
  transportFor?: TransportSource;
  /** The run's clock (tests pin it). */
  now?: Date;
  /** `plan --out FILE`: write the plan file there (canonical JSON) for `restore --plan`. */
  out?: string;
}

export interface PlanResult {
  plan: Plan;
  health: ClusterHealth;
  /** sha256 of the plan file (canonical JSON): the same whether or not it was written. */
  planSha256: string;
  /** Where `--out` wrote the plan file. */
  planFilePath?: string;
  /** What was checked of the backup before any change (absent without --backup). */
  preflight?: PreflightResult;
}

/** Kubespray's `cluster_name` (group_vars k8s_cluster), `cluster.local` by default. */
export function clusterNameOf(inventory: Inventory): string {
  for (const h of inventory.hosts.values()) {
    const v = h.vars.cluster_name;
    if (typeof v === 'string' && v) return v;
  }
  return 'cluster.local';
}

/** Groups whose hosts are Kubernetes nodes (Kubespray's k8s_cluster, also its legacy names). */
const NODE_GROUPS = ['k8s_cluster', 'k8s-cluster', 'kube_node', 'kube-node'];

/** Kubernetes node names, as Kubespray registers them: `kube_override_hostname` or the host's name. */
export function kubernetesNodeNames(inventory: Inventory): Record<string, string> {
  const hosts = new Set([
    ...inventory.controlPlane(),
    ...NODE_GROUPS.flatMap((g) => inventory.groups.get(g) ?? []),
  ]);
  return Object.fromEntries(
    [...hosts].map((h) => {
      const override = inventory.hosts.get(h)?.vars.kube_override_hostname;
      return [h, typeof override === 'string' && override ? override : h];
    }),
  );
}

/** Each Kubernetes node's addresses as the inventory gives them: access_ip, ip, ansible_host. */
export function kubernetesNodeAddresses(inventory: Inventory): Record<string, string[]> {
  return Object.fromEntries(
    Object.keys(kubernetesNodeNames(inventory)).map((h) => {
      const vars = inventory.hosts.get(h)?.vars ?? {};
      const given = [vars.access_ip, vars.ip, vars.ansible_host].filter(
        (v): v is string => typeof v === 'string' && isIP(v) !== 0,
      );
      return [h, [...new Set(given)]];
    }),
  );
}

/** The inventory facts planning uses; a broken group counts only when the inventory has it. */
export function planInventoryOf(inventory: Inventory): PlanInventory {
  const cpGroup = [...inventory.groups.keys()].find((g) => g.startsWith('broken_kube'));
  return {
    hosts: [...inventory.hosts.keys()],
    nodeNames: kubernetesNodeNames(inventory),
    nodeAddresses: kubernetesNodeAddresses(inventory),
    source: inventory.source,
    etcd: inventory.etcdMembers().map((m) => ({
      host: m.host,
      memberName: m.memberName,
      address: m.address,
    })),
    controlPlane: inventory.controlPlane(),
    brokenEtcd: inventory.groups.has('broken_etcd') ? inventory.brokenEtcd() : undefined,
    brokenControlPlane: cpGroup ? inventory.brokenControlPlane() : undefined,
  };
}

/** Everything a recovery command holds while it runs; `close` releases the connections. */
export interface PreparedRecovery extends PlanResult {
  planFile: PlanFile;
  inventory: Inventory;
  backup?: BackupSource;
  transportFor: TransportSource;
  close(): Promise<void>;
}

/** Loads the inventory and the backup, probes the cluster, builds the plan. Changes nothing. */
export async function preparePlan(
  opts: PlanOptions,
  ctx: CommandContext,
): Promise<PreparedRecovery> {
  const inventory = await loadInventory(opts.inventory);
  if (inventory.etcdMembers().length === 0) {
    throw new InputError(
      `${opts.inventory} has no hosts in [etcd]: recovery needs the etcd members of the cluster.`,
    );
  }
  const planInventory = planInventoryOf(inventory);
  const removeHosts = [...new Set(opts.removeHosts ?? [])];
  // A misspelt host is refused before any node is contacted.
  checkRemovableHosts(planInventory, removeHosts);
  // Signature first: a set refused by it is refused before its manifest is parsed and
  // before any node is contacted.
  const signed =
    opts.backup || opts.trustedSigners
      ? await ctx.progress.phase('Check the backup signature', () =>
          checkSignature(opts.backup, { trustedSigners: opts.trustedSigners, s3: opts.s3 }),
        )
      : undefined;
  if (signed) reportSignature(signed.check, ctx);
  const backup = opts.backup
    ? await ctx.progress.phase(`Read backup set ${opts.backup}`, () =>
        BackupSource.open(opts.backup!, opts.identityFiles, opts.s3),
      )
    : undefined;
  requireSignedManifest(signed, backup, { trustedSigners: opts.trustedSigners });
  const transports = opts.transportFor
    ? { transportFor: opts.transportFor, close: async () => {} }
    : openNodeTransports(inventory, opts.access);
  try {
    // The probe itself waits for a leader election, and only while one could still end.
    const health = await ctx.progress.phase('Probe the cluster', () =>
      probeCluster(inventory, transports.transportFor, opts.access, {
        progress: ctx.progress,
        goneHosts: removeHosts,
        ...(opts.probeTimeoutMs !== undefined ? { timeoutMs: opts.probeTimeoutMs } : {}),
      }),
    );
    // Only a plan that deletes Nodes needs to know where kubectl can reach the API.
    const kubectlOn =
      removeHosts.length > 0
        ? await ctx.progress.phase('Look for kubectl on the control plane', () =>
            controlPlaneWithKubectl(inventory, health, removeHosts, transports.transportFor),
          )
        : [];
    const state = { ...health, clusterName: clusterNameOf(inventory), kubectlOn };
    const options = {
      strategy: opts.strategy,
      force: opts.force,
      now: opts.now ?? new Date(),
      haveIdentity: opts.identityFiles.length > 0,
      preferBackupSnapshot: opts.preferBackupSnapshot,
      removeHosts,
      ...(opts.bumpRevision !== undefined ? { bumpRevision: opts.bumpRevision } : {}),
    };
    const plan = buildPlan(planInventory, state, backup?.summary(), options);
    // Everything the plan was made from, so `restore --plan` can check it is still so.
    const planFile = makePlanFile({
      inventory: planInventory,
      state,
      options: { ...options, now: options.now.toISOString() },
      ...(backup
        ? { backup: { location: backup.location, manifestSha256: backup.manifestSha256 } }
        : {}),
      plan,
    });
    // Every object the plan reads, with its size and identity, before the first step.
    const objects = await ctx.progress.phase('Check the backup objects the plan reads', () =>
      checkPlanObjects(plan, backup),
    );
    const preflight = signed
      ? { signature: signed.check, signatureText: describeSignature(signed.check), objects }
      : undefined;
    for (const o of objects) {
      ctx.progress.info(
        `${o.name}: present, ${o.bytes} bytes as the manifest says${o.encrypted ? ', the identity given opens it' : ''}.`,
      );
    }
    return {
      plan,
      health,
      planFile,
      planSha256: planFileSha256(planFile),
      inventory,
      backup,
      preflight,
      ...transports,
    };
  } catch (err) {
    await transports.close();
    throw err;
  }
}

/** The signature's verdict on stderr; a broken signature nobody required is a warning. */
export function reportSignature(check: SignatureCheck, ctx: CommandContext): void {
  const line = `Backup signature: ${describeSignature(check)}.`;
  if (check.status === 'invalid') ctx.progress.warn(line);
  else ctx.progress.info(line);
}

/** Control-plane hosts that stay, answer, and have kubectl with the admin kubeconfig. */
async function controlPlaneWithKubectl(
  inventory: Inventory,
  health: ClusterHealth,
  removeHosts: string[],
  transportFor: TransportSource,
): Promise<string[]> {
  const hosts = inventory
    .controlPlane()
    .filter(
      (h) => !removeHosts.includes(h) && health.controlPlane.find((c) => c.host === h)?.reachable,
    );
  const found = await Promise.all(
    hosts.map(async (h) => {
      try {
        return (await hasKubectlAdmin(await transportFor(h))) ? [h] : [];
      } catch {
        // A node that stops answering now simply has no kubectl to offer.
        return [];
      }
    }),
  );
  return found.flat();
}

/** Writes the plan file whole or not at all. */
export async function writePlanFile(path: string, file: PlanFile): Promise<void> {
  try {
    await writeFileDurably(path, planFileText(file));
  } catch (err) {
    throw new OperationError(`Cannot write the plan file ${path}: ${(err as Error).message}.`, {
      cause: err,
    });
  }
}

/** `kube-rescue plan`: probe and print the plan. Changes nothing. */
export async function plan(opts: PlanOptions, ctx: CommandContext): Promise<PlanResult> {
  const prepared = await preparePlan(opts, ctx);
  await prepared.close();
  if (opts.out) {
    await writePlanFile(opts.out, prepared.planFile);
    ctx.progress.info(`Plan file ${opts.out} written, sha256 ${prepared.planSha256}.`);
  }
  return {
    plan: prepared.plan,
    health: prepared.health,
    planSha256: prepared.planSha256,
    ...(opts.out ? { planFilePath: opts.out } : {}),
    ...(prepared.preflight ? { preflight: prepared.preflight } : {}),
  };
}
