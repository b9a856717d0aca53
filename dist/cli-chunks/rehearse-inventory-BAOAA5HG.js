#!/usr/bin/env node
import {
  BackupSource,
  clusterNameOf,
  reportSignature
} from "./chunk-QBYBDS7O.js";
import "./chunk-R6PYWJMK.js";
import "./chunk-E33XPV3C.js";
import {
  loadInventory
} from "./chunk-ZSEXTH5J.js";
import "./chunk-YEEMT7QD.js";
import "./chunk-BKMBJ7X7.js";
import {
  checkPlanObjects,
  checkSignature,
  requireSignedManifest
} from "./chunk-TNMCLJB6.js";
import {
  parseIdentities
} from "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import "./chunk-U3FYCLYN.js";
import "./chunk-U6HZZ6QY.js";
import "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
import "./chunk-ZZ57F2FG.js";
import "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/commands/rehearse-inventory.ts
import { writeFile } from "node:fs/promises";
var REPLICA_ETCD_VERSIONS = ["3.4", "3.5", "3.6"];
var DEFAULT_REPLICA_ETCD = "3.6";
var DressRehearsalFailedError = class extends OperationError {
  constructor(result) {
    super(`Dress rehearsal failed: ${result.error ?? "failed"}`);
    this.result = result;
  }
  result;
};
var minorOf = (v) => /^(\d+\.\d+)/.exec(v)?.[1];
function replicaEtcdVersion(flag, backup) {
  const fromBackup = backup ? minorOf(backup.manifest.etcd.version) : void 0;
  if (flag && !REPLICA_ETCD_VERSIONS.includes(flag)) {
    throw new InputError(
      `--etcd-version ${flag}: expected one of ${REPLICA_ETCD_VERSIONS.join(", ")}.`
    );
  }
  if (fromBackup && flag && fromBackup !== flag) {
    throw new InputError(
      `--etcd-version ${flag}, but the backup ${backup.location} was taken from etcd ${backup.manifest.etcd.version}: the replica runs the backup's etcd. Drop --etcd-version.`
    );
  }
  const v = fromBackup ?? flag ?? DEFAULT_REPLICA_ETCD;
  if (!REPLICA_ETCD_VERSIONS.includes(v)) {
    throw new InputError(
      `The backup ${backup?.location} was taken from etcd ${backup?.manifest.etcd.version}; the replica can run etcd ${REPLICA_ETCD_VERSIONS.join(", ")} only.`
    );
  }
  return v;
}
function inventoryLayout(inventory) {
  for (const h of inventory.hosts.values()) {
    if (h.vars.etcd_deployment_type === "kubeadm" || h.vars.etcd_kubeadm_enabled === true) {
      return "kubeadm";
    }
  }
  return void 0;
}
function replicaLayout(flag, inventory, backup) {
  const flavor = backup?.manifest.kubernetes.flavor;
  const explicit = flag && flag !== "auto" ? flag : void 0;
  if (flavor === "kubeadm" || flavor === "kubespray") {
    if (explicit && explicit !== flavor) {
      throw new InputError(
        `--layout ${explicit}, but the backup ${backup.location} was taken from a ${flavor} cluster (its manifest's kubernetes.flavor): the replica runs the backup's layout. Drop --layout, or rehearse with a backup of this cluster. Nothing was started.`
      );
    }
    return { layout: flavor, because: `the backup ${backup.location} is of a ${flavor} cluster` };
  }
  if (explicit) return { layout: explicit, because: `--layout ${explicit}` };
  if (inventoryLayout(inventory) === "kubeadm") {
    return {
      layout: "kubeadm",
      because: `${inventory.source} sets etcd_deployment_type: kubeadm`
    };
  }
  return { layout: "kubespray", because: "Kubespray's default (etcd as a host service)" };
}
var KUBEADM_REPLICA_ETCD = "3.6";
function requireKubeadmReplica(inventory, decided, etcdFlag, backup) {
  const cp = inventory.controlPlane();
  const offCp = inventory.etcdMembers().map((m) => m.host).filter((h) => !cp.includes(h));
  if (offCp.length > 0) {
    throw new InputError(
      `${inventory.source}: ${offCp.join(", ")} ${offCp.length === 1 ? "is" : "are"} in [etcd] but not in [kube_control_plane], and the replica is built in the kubeadm layout (${decided.because}): kubeadm runs etcd only as a static pod of a control-plane node, so no kubeadm cluster has that shape. Put every etcd host in [kube_control_plane], or, if this cluster runs etcd as a host service, rehearse with --layout kubespray (and a backup of that flavor). Nothing was started.`
    );
  }
  const misnamed = inventory.etcdMembers().filter((m) => m.memberName !== m.host);
  if (misnamed.length > 0) {
    throw new InputError(
      `${inventory.source}: kubeadm names each etcd member after its node, but ${misnamed.map((m) => `${m.host} is member '${m.memberName}'`).join(", ")} (without etcd_member_name Kubespray's etcd<N> is assumed). Set etcd_member_name=<host> on each [etcd] host, e.g. '${misnamed[0].host} etcd_member_name=${misnamed[0].host}', as plan and restore need it too. Nothing was started.`
    );
  }
  if (etcdFlag && etcdFlag !== KUBEADM_REPLICA_ETCD) {
    throw new InputError(
      `--etcd-version ${etcdFlag}: a kubeadm replica runs the etcd of its control-plane image (${KUBEADM_REPLICA_ETCD}). Drop --etcd-version. Nothing was started.`
    );
  }
  const fromBackup = backup ? minorOf(backup.manifest.etcd.version) : void 0;
  if (fromBackup && fromBackup !== KUBEADM_REPLICA_ETCD) {
    throw new InputError(
      `The backup ${backup.location} was taken from etcd ${backup.manifest.etcd.version}; a kubeadm replica runs etcd ${KUBEADM_REPLICA_ETCD} (its control-plane image) only. Nothing was started.`
    );
  }
}
function requireSameCluster(inventory, backup) {
  const m = backup.manifest;
  const name = clusterNameOf(inventory);
  if (m.cluster !== name) {
    throw new InputError(
      `The backup ${backup.location} is of cluster '${m.cluster}', but ${inventory.source} names cluster '${name}' (cluster_name). Rehearse with a backup of this cluster. Nothing was started.`
    );
  }
  const members = inventory.etcdMembers().map((x) => x.memberName);
  const strangers = m.etcd.members.map((x) => x.name).filter((n) => !members.includes(n));
  if (strangers.length > 0) {
    throw new InputError(
      `The backup ${backup.location} has etcd members ${strangers.join(", ")} that ${inventory.source} does not (its members: ${members.join(", ")}): it is a backup of another cluster, or etcd_member_name differs. Nothing was started.`
    );
  }
  const cp = inventory.controlPlane();
  const unknownNodes = m.kubernetes.nodes.filter((n) => !cp.includes(n));
  if (unknownNodes.length > 0) {
    throw new InputError(
      `The backup ${backup.location} holds the files of control-plane nodes ${unknownNodes.join(", ")}, which are not in ${inventory.source}'s [kube_control_plane] (${cp.join(", ")}): a backup of another cluster. Nothing was started.`
    );
  }
}
async function requireIdentity(backup, identityFiles) {
  const encrypted = backup.manifest.objects.filter((o) => o.encryption !== null);
  if (encrypted.length === 0) return;
  if (identityFiles.length === 0) {
    throw new InputError(
      `The backup ${backup.location} is encrypted (${encrypted.map((o) => o.name).join(", ")}): pass the age identity that opens it with --identity FILE. Nothing was started.`
    );
  }
  const readsAll = {
    steps: backup.manifest.objects.map((o) => ({
      action: "fetch-snapshot",
      params: { from: { kind: "backup", location: backup.location, object: o.name } }
    }))
  };
  await checkPlanObjects(readsAll, backup);
}
async function maskIdentities(identityFiles, ctx) {
  const { readFile } = await import("node:fs/promises");
  for (const f of identityFiles) {
    const text = await readFile(f, "utf8").catch(() => "");
    for (const line of text.split("\n")) {
      const key = line.trim();
      if (key.startsWith("AGE-SECRET-KEY-")) ctx.progress.secret(key);
    }
    if (text) parseIdentities(text, `--identity ${f}`);
  }
}
async function rehearseInventory(opts, ctx) {
  const inventory = await loadInventory(opts.inventory);
  if (inventory.etcdMembers().length === 0) {
    throw new InputError(`${opts.inventory} has no hosts in [etcd]: there is no etcd to rehearse.`);
  }
  const replica = await import("./replica-SKYLPK4Z.js");
  const failure = replica.statedFailure(inventory, {
    brokenEtcd: opts.brokenEtcd,
    brokenControlPlane: opts.brokenControlPlane,
    removeHosts: opts.removeHosts
  });
  if (opts.keys !== void 0 && opts.sizeMb !== void 0) {
    throw new InputError("Give --keys or --size-mb, not both.");
  }
  if (opts.backup && (opts.keys !== void 0 || opts.sizeMb !== void 0)) {
    throw new InputError(
      "--keys and --size-mb generate data for a rehearsal without a backup; with --backup the replica holds the backup's own data."
    );
  }
  await maskIdentities(opts.identityFiles, ctx);
  let backup;
  if (opts.backup) {
    const signed = await ctx.progress.phase(
      "Check the backup signature",
      () => checkSignature(opts.backup, { trustedSigners: opts.trustedSigners })
    );
    if (signed) reportSignature(signed.check, ctx);
    backup = await BackupSource.open(opts.backup, opts.identityFiles);
    requireSignedManifest(signed, backup, { trustedSigners: opts.trustedSigners });
  } else if (opts.trustedSigners) {
    throw new InputError(
      "--trusted-signers checks the signature of a backup set: give the set with --backup."
    );
  }
  const decided = replicaLayout(opts.layout, inventory, backup);
  const layout = decided.layout;
  if (layout === "kubeadm") requireKubeadmReplica(inventory, decided, opts.etcdVersion, backup);
  if (backup) {
    requireSameCluster(inventory, backup);
    await requireIdentity(backup, opts.identityFiles);
  }
  const etcdVersion = layout === "kubeadm" ? KUBEADM_REPLICA_ETCD : replicaEtcdVersion(opts.etcdVersion, backup);
  const valueBytes = opts.sizeMb !== void 0 ? 1024 : 512;
  const keys = opts.sizeMb !== void 0 ? Math.ceil(opts.sizeMb * 1024 * 1024 / valueBytes) : opts.keys ?? 2e3;
  const dataMb = backup ? backup.manifest.snapshot.size / (1024 * 1024) : keys * valueBytes / (1024 * 1024);
  const topology = replica.replicaTopology(inventory);
  const etcdMembers = topology.nodes.filter((n) => n.roles.includes("etcd")).length;
  const available = await replica.availableMemoryMb();
  const footprintMb = replica.replicaNodeFootprintMb(layout);
  const capacity = replica.replicaCapacity({
    availableMb: available,
    dataMb,
    etcdMembers,
    footprintMb
  });
  if (topology.nodes.length > capacity) {
    throw new InputError(
      `${opts.inventory} has ${topology.nodes.length} nodes; this machine can hold ${capacity} replica nodes (${available} MiB available, ${replica.RUNNER_RESERVE_MB} MiB kept for the runner, ${Math.ceil(dataMb)} MiB of data on each of ${etcdMembers} etcd members, ${footprintMb} MiB a ${layout === "kubeadm" ? "kubeadm " : ""}node). Rehearse on a larger machine. Nothing was started.`
    );
  }
  if (layout === "kubeadm") {
    const { builtKubernetesTools } = await import("./kubernetes-tools-WOJIUV2W.js");
    await builtKubernetesTools().catch((e) => {
      throw new InputError(`${e.message} Nothing was started.`);
    });
  }
  const { dressPreflight } = await import("./dress-preflight-L44QIIAH.js");
  await ctx.progress.phase(
    "Plan the rehearsal before starting anything",
    () => dressPreflight({
      inventory,
      failure,
      etcdVersion,
      layout,
      backup,
      strategy: opts.strategy ?? "parallel"
    })
  );
  ctx.progress.info(
    `Dress rehearsal of ${opts.inventory}: ${topology.nodes.length} nodes (room for ${capacity}) in the ${layout} layout (${decided.because}), etcd ${etcdVersion}, ${backup ? `data from ${backup.location}` : `${keys} generated keys`}; broken etcd: ${failure.brokenEtcd.join(", ") || "none"}, broken control plane: ${failure.brokenControlPlane.join(", ") || "none"}${failure.removeHosts.length ? `, gone for good: ${failure.removeHosts.join(", ")}` : ""}.`
  );
  const { runDressRehearsal } = await import("./dress-rehearsal-35D2NC7S.js");
  const report = await runDressRehearsal({
    inventory,
    topology,
    failure,
    etcdVersion,
    layout,
    ...opts.backup ? {
      backup: {
        location: opts.backup,
        identityFiles: opts.identityFiles,
        trustedSigners: opts.trustedSigners
      }
    } : {},
    keys,
    valueBytes,
    strategy: opts.strategy ?? "parallel",
    progress: ctx.progress,
    onConnect: opts.onConnect
  });
  if (opts.report) {
    await writeFile(opts.report, `${JSON.stringify(report, null, 2)}
`);
    ctx.progress.info(`Wrote the JSON report to ${opts.report}`);
  }
  if (!report.ok) throw new DressRehearsalFailedError(report);
  return report;
}
export {
  DressRehearsalFailedError,
  rehearseInventory,
  replicaLayout,
  requireKubeadmReplica
};
//# sourceMappingURL=rehearse-inventory-BAOAA5HG.js.map
