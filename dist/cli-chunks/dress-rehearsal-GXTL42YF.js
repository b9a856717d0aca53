#!/usr/bin/env node
import {
  destroyAndReprovision,
  keyDigests,
  lastWriteIn,
  nodeAccessOf,
  openEtcdClient,
  restoreLosses,
  seedKeys,
  startBackgroundWriter,
  stopNode,
  wipeEtcdData
} from "./chunk-CQT6OULC.js";
import {
  BackupSource,
  NodePool,
  backup,
  buildPlan,
  clusterNameOf,
  connectNode,
  generateIdentity,
  loadInventory,
  plan,
  planInventoryOf,
  restore
} from "./chunk-M6XLPVTQ.js";
import "./chunk-XLKS4FDF.js";
import "./chunk-OA4YAPLV.js";
import {
  KUBESPRAY_PATHS,
  LocalClusterProvider
} from "./chunk-6LBDIUJR.js";
import "./chunk-RH6OFGSW.js";
import {
  mapToProduction,
  renderReplicaInventory
} from "./chunk-33YFNZX7.js";
import "./chunk-BCQJ3TK4.js";

// harness/dress-rehearsal.ts
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";

// harness/plan-match.ts
function stepSignature(s, backupLabel) {
  const base = `${s.node}: ${s.action}`;
  switch (s.action) {
    case "member-remove":
    case "member-add":
    case "restore-snapshot":
      return `${base} ${s.params.member}`;
    case "fetch-snapshot": {
      const f = s.params.from;
      return `${base} from ${f.kind === "node" ? `node ${f.node}` : `${backupLabel(f.location)}: ${f.object.replace(/\..*$/, "")}`}`;
    }
    case "restore-certs": {
      const f = s.params.from;
      return `${base} from ${f.kind === "peer" ? `peer ${f.node}` : `${backupLabel(f.location)}: ${f.object.replace(/\..*$/, "")}`}`;
    }
    case "delete-node":
      return `${base} ${s.params.nodeName}`;
    case "verify":
      return `${base} ${s.params.expectMembers} members`;
    default:
      return base;
  }
}
function sourceOf(p, backupLabel) {
  const s = p.source;
  if (s.kind === "survivor") return `survivor ${s.node} (${s.member})`;
  if (s.kind === "backup") return backupLabel(s.location);
  return "none";
}
function comparePlans(production, replica, opts) {
  const differences = [];
  const label = (loc) => opts.sameSet.includes(loc) ? "the backup" : `backup ${loc}`;
  if (production.case !== replica.case) {
    differences.push(`case: production ${production.case}, replica ${replica.case}`);
  }
  if (production.strategy !== replica.strategy) {
    differences.push(`strategy: production ${production.strategy}, replica ${replica.strategy}`);
  }
  const ps = sourceOf(production, label);
  const rs = sourceOf(replica, label);
  if (ps !== rs) differences.push(`snapshot source: production ${ps}, replica ${rs}`);
  const n = Math.max(production.steps.length, replica.steps.length);
  for (let i = 0; i < n; i++) {
    const a = production.steps[i] ? stepSignature(production.steps[i], label) : "no step";
    const b = replica.steps[i] ? stepSignature(replica.steps[i], label) : "no step";
    if (a !== b) differences.push(`step ${i + 1}: production ${a}, replica ${b}`);
  }
  return { match: differences.length === 0, differences, steps: n };
}

// harness/dress-rehearsal.ts
function outline(p, backupLabel) {
  const s = p.source;
  return {
    case: p.case,
    strategy: p.strategy,
    source: s.kind === "survivor" ? `survivor ${s.node} (${s.member})` : s.kind === "backup" ? `${backupLabel(s.location)} at revision ${s.revision}` : "none",
    steps: p.steps.map((st) => stepSignature(st, backupLabel))
  };
}
async function injectFailure(cluster, failure) {
  for (const host of failure.brokenEtcd) await destroyAndReprovision(cluster, host);
  for (const host of failure.brokenControlPlane) {
    if (failure.brokenEtcd.includes(host)) continue;
    await cluster.node(host).sh(`rm -rf ${KUBESPRAY_PATHS.kubeCertDir}`);
  }
  for (const host of failure.removeHosts) await stopNode(cluster, host);
}
function recordingTransports(inventory, cluster, onConnect) {
  const pool = new NodePool(nodeAccessOf(cluster), (target, access) => {
    onConnect?.(target);
    return connectNode(target, access);
  });
  return {
    transportFor: (host) => pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }),
    close: () => pool.closeAll()
  };
}
async function runDressRehearsal(input) {
  const t0 = Date.now();
  const { inventory, failure, progress } = input;
  const clusterName = clusterNameOf(inventory);
  const report = {
    tool: "kube-rescue",
    kind: "dress-rehearsal",
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    inventory: inventory.source,
    cluster: clusterName,
    provider: "local",
    layout: "kubespray",
    etcdVersion: input.etcdVersion,
    topology: {
      nodes: input.topology.nodes.map((n) => ({
        name: n.name,
        roles: [...n.roles],
        ...n.etcdMemberName ? { etcdMemberName: n.etcdMemberName } : {},
        replicaAddress: "",
        productionAddress: inventory.addressOf(n.name)
      })),
      groups: Object.fromEntries(
        [...inventory.groups].filter(([g]) => g !== "all" && g !== "ungrouped")
      )
    },
    failure,
    data: input.backup ? { source: "backup", backup: input.backup.location } : { source: "generated" },
    durationSeconds: 0,
    ok: false
  };
  const ctx = { progress };
  let cluster;
  try {
    cluster = await new LocalClusterProvider().start(input.topology, {
      progress,
      etcdVersion: input.etcdVersion
    });
    const c = cluster;
    report.startupSeconds = Number(c.startupSeconds.toFixed(1));
    const access = nodeAccessOf(c);
    const ipOf = (h) => c.node(h).ip;
    for (const n of report.topology.nodes) n.replicaAddress = ipOf(n.name);
    const map = {
      hosts: new Map(
        report.topology.nodes.map((n) => [
          n.name,
          { replica: n.replicaAddress, production: n.productionAddress }
        ])
      )
    };
    const work = join(c.workDir, "dress-rehearsal");
    await mkdir(work, { recursive: true, mode: 448 });
    const header = `replica of ${inventory.source} in harness cluster ${c.name}`;
    const healthyPath = join(work, "replica-hosts.ini");
    await writeFile(
      healthyPath,
      renderReplicaInventory(inventory, input.topology, ipOf, clusterName, void 0, header)
    );
    const brokenPath = join(work, "replica-recovery-hosts.ini");
    await writeFile(
      brokenPath,
      renderReplicaInventory(inventory, input.topology, ipOf, clusterName, failure, header)
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
        ctx
      });
    } finally {
      await transports.close();
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    progress.warn(`dress rehearsal failed: ${report.error}`);
  } finally {
    if (cluster) await progress.phase("Tear down the replica", () => cluster.stop());
    report.durationSeconds = Number(((Date.now() - t0) / 1e3).toFixed(1));
  }
  return report;
}
async function rehearseOn(c, input, report, r) {
  const { progress } = input;
  const { access, ctx, transportFor } = r;
  const etcdHosts = c.nodes.filter((n) => n.roles.includes("etcd")).map((n) => n.name);
  if (input.backup) {
    const b = input.backup;
    await progress.phase("Empty the replica so that it takes the backup", async () => {
      for (const h of etcdHosts) await wipeEtcdData(c, h);
    });
    const up = await progress.phase(
      `Restore ${b.location} into the replica`,
      () => restore(
        {
          inventory: r.healthyPath,
          access,
          backup: b.location,
          identityFiles: b.identityFiles,
          trustedSigners: b.trustedSigners,
          strategy: input.strategy,
          force: false,
          yes: true,
          journal: join(r.work, "bring-up.journal"),
          transportFor
        },
        ctx
      )
    );
    const keyspace = up.verification?.checks.find((ch) => ch.name === "keyspace");
    report.bringUp = {
      rtoSeconds: Number(up.rtoSeconds.toFixed(1)),
      plan: up.plan.case,
      keyspace: keyspace?.detail,
      keyspaceStatus: keyspace?.status
    };
    const failed = up.verification?.checks.filter((ch) => ch.status === "failed") ?? [];
    if (keyspace?.status !== "passed") {
      throw new Error(
        `the backup's keys were not compared in the replica (keyspace check ${keyspace?.status ?? "absent"}: ${keyspace?.detail ?? "no verification"}); the rehearsal would not run on the backup's data.`
      );
    }
    if (!up.verification || failed.length > 0) {
      throw new Error(
        `the backup could not be brought into the replica: verification ${failed.map((f) => `${f.name} (${f.detail})`).join(", ") || "did not run"}`
      );
    }
    const source = await BackupSource.open(b.location, b.identityFiles);
    report.data.bytes = source.manifest.snapshot.size;
  } else {
    const client2 = await openEtcdClient(c.etcdEndpoints, c.tls);
    try {
      const seeded = await progress.phase(
        `Seed ${input.keys} keys`,
        () => seedKeys(client2, { keys: input.keys, valueBytes: input.valueBytes, seed: "dress" })
      );
      report.data.bytes = seeded.bytes;
    } finally {
      client2.close();
    }
  }
  const { secret, identity } = generateIdentity();
  progress.secret(secret);
  const identityFile = join(r.work, "age-identity");
  await writeFile(identityFile, `${secret}
`, { mode: 384 });
  const client = await openEtcdClient(c.etcdEndpoints, c.tls);
  let atBackup;
  let writerPrefix;
  let writerLastAtBackup;
  let writerLast = -1;
  let replicaBackup;
  const writer = startBackgroundWriter(client, { intervalMs: 20 });
  try {
    report.etcdServerVersion = (await client.maintenance.status()).version;
    writerPrefix = writer.prefix;
    const b = await progress.phase(
      "Back up the replica with kube-rescue backup",
      () => backup(
        {
          inventory: r.healthyPath,
          access,
          dest: join(r.work, "backups"),
          encryptTo: [identity.recipient.text],
          compress: "gzip",
          etcdOnly: false
        },
        ctx
      )
    );
    replicaBackup = b.backupPath;
    atBackup = await keyDigests(client, "", b.snapshotRevision);
    report.data.keys = atBackup.size;
    writerLastAtBackup = lastWriteIn(atBackup.keys(), writerPrefix);
    await new Promise((res) => setTimeout(res, 1500));
  } finally {
    const w = await writer.stop();
    client.close();
    writerLast = w.lastAcknowledged;
  }
  await progress.phase(
    `Break the replica: etcd lost on ${input.failure.brokenEtcd.join(", ") || "none"}, control plane lost on ${input.failure.brokenControlPlane.join(", ") || "none"}${input.failure.removeHosts.length ? `, gone for good: ${input.failure.removeHosts.join(", ")}` : ""}`,
    () => injectFailure(c, input.failure)
  );
  const planOpts = {
    inventory: r.brokenPath,
    access,
    backup: replicaBackup,
    identityFiles: [identityFile],
    strategy: input.strategy,
    force: false,
    removeHosts: input.failure.removeHosts,
    transportFor
  };
  const planned = await progress.phase(
    "Plan the recovery of the replica",
    () => plan(planOpts, ctx)
  );
  const production = await productionPlan(input, planned, replicaBackup, identityFile, r.map);
  const sameSet = [replicaBackup, ...input.backup ? [input.backup.location] : []];
  const label = (loc) => sameSet.includes(loc) ? "the backup" : `backup ${loc}`;
  const restored = await progress.phase(
    "Recover the replica with kube-rescue restore",
    () => restore({ ...planOpts, yes: true, journal: join(r.work, "restore.journal") }, ctx)
  );
  report.replicaPlan = outline(restored.plan, label);
  report.productionPlan = outline(production, label);
  report.planMatch = comparePlans(production, restored.plan, { sameSet });
  report.rtoSeconds = Number(restored.rtoSeconds.toFixed(1));
  report.verification = restored.verification?.checks.map((ch) => ({
    name: ch.name,
    status: ch.status,
    detail: ch.detail
  }));
  const gone = c.nodes.filter((n) => input.failure.removeHosts.includes(n.name)).map((n) => n.ip);
  const endpoints = c.etcdEndpoints.filter((e) => !gone.includes(new URL(e).hostname));
  const after = await openEtcdClient(endpoints, c.tls);
  try {
    const losses = restoreLosses(atBackup, await keyDigests(after, ""), {
      prefix: writerPrefix,
      lastAtBackup: writerLastAtBackup,
      last: writerLast
    });
    report.keysVerified = atBackup.size;
    report.keysLost = losses.keysLost;
    report.writesAfterBackup = losses.writesAfterBackup;
    report.writesLost = losses.writesLost;
  } finally {
    after.close();
  }
  const failedChecks = (report.verification ?? []).filter((v) => v.status === "failed");
  if (report.keysLost !== 0) {
    report.error = `${report.keysLost} of the ${report.keysVerified} keys of the backup are missing or changed after the recovery.`;
  } else if (!restored.verification) {
    report.error = "the restore returned without verifying the replica.";
  } else if (failedChecks.length > 0) {
    report.error = `verification failed: ${failedChecks.map((v) => v.name).join(", ")}`;
  } else if (!report.planMatch.match) {
    report.error = `the replica ran another plan than production would get: ${report.planMatch.differences.join("; ")}`;
  } else {
    report.ok = true;
  }
}
async function productionPlan(input, replica, replicaBackup, replicaIdentity, map) {
  const inv = {
    ...planInventoryOf(input.inventory),
    brokenEtcd: input.failure.brokenEtcd,
    brokenControlPlane: input.failure.brokenControlPlane
  };
  const summary = input.backup ? (await BackupSource.open(input.backup.location, input.backup.identityFiles)).summary() : (await BackupSource.open(replicaBackup, [replicaIdentity])).summary();
  const health = mapToProduction(replica.health, map);
  const kubectlOn = [
    ...new Set(
      replica.plan.steps.flatMap((s) => s.action === "delete-node" ? [s.params.host] : [])
    )
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
      removeHosts: input.failure.removeHosts
    }
  );
}
export {
  runDressRehearsal
};
//# sourceMappingURL=dress-rehearsal-GXTL42YF.js.map
