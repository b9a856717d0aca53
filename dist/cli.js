#!/usr/bin/env node
import {
  FINGERPRINT_MODES,
  backup,
  inventoryRecover,
  renderExecutionMarkdown,
  renderPlanHash,
  renderPlanMarkdown,
  renderVerificationMarkdown,
  restore
} from "./cli-chunks/chunk-FP6AHCZU.js";
import {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  REHEARSAL_PROVIDERS,
  SCENARIOS,
  parseEtcdVersion
} from "./cli-chunks/chunk-V46ZLIDJ.js";
import {
  BackupSource,
  EtcdCtl,
  LocalTransport,
  MANIFEST_SIGNATURE,
  SnapshotKeyspace,
  SnapshotStatusReader,
  VERSION,
  checkPlanObjects,
  checkSetSignature,
  checkSignature,
  clusterNameOf,
  compareHashKV,
  connectEtcdClient,
  defaultToolCommands,
  describeSignature,
  fingerprintWithClient,
  hashKVViaEtcdCtl,
  loadIdentityFiles,
  loadInventory,
  openSet,
  openStore,
  parseIdentities,
  parseManifest,
  parseSemVer,
  plan,
  readObject,
  reportSignature,
  requireOwnName,
  requireSignedManifest
} from "./cli-chunks/chunk-334KHHI3.js";
import "./cli-chunks/chunk-XLKS4FDF.js";
import {
  StderrProgress
} from "./cli-chunks/chunk-VOQQFXH7.js";
import {
  InputError,
  KubeRescueError,
  OperationError,
  __callDispose,
  __using,
  exitCodeOf
} from "./cli-chunks/chunk-BCQJ3TK4.js";

// src/cli.ts
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";

// src/commands/list.ts
import { text } from "node:stream/consumers";
async function list(dest, ctx, s3 = {}) {
  const store = await openStore(dest, s3);
  const out = [];
  for (const name of await store.list()) {
    const url = store.urlOf(name);
    try {
      const m = parseManifest(
        await text(await store.read(name, "manifest.json")),
        `${url}/manifest.json`
      );
      out.push({
        name,
        url,
        created: m.created,
        revision: m.snapshot.revision,
        bytes: m.objects.reduce((sum, o) => sum + o.bytes, 0),
        encrypted: m.objects.some((o) => o.encryption)
      });
    } catch (err) {
      ctx.progress.warn(`Skipping ${url}: ${err.message}`);
    }
  }
  return out;
}

// src/commands/rehearse.ts
import { writeFile } from "node:fs/promises";

// src/report/rehearsal.ts
var cell = (v) => v === void 0 ? "\u2013" : String(v);
function bumpCell(b) {
  if (!b) return "\u2013";
  if (b.restores === 0) return "no snapshot restored";
  if (b.bumped) {
    return `+${b.by?.toLocaleString("en-US")}${b.markCompacted ? ", marked compacted" : ""}`;
  }
  return "not bumped";
}
function kubernetesCells(s, hasApi) {
  if (!hasApi) return ["n/a", "n/a", "n/a", "n/a"];
  const k = s.kubernetes;
  if (!k) return ["\u2013", "\u2013", "\u2013", "\u2013"];
  const mark = (ok) => ok ? "" : "\u274C ";
  return [
    `${mark(k.objectsLost === 0 && k.objectsExtra === 0)}${k.objectsVerified} / ${k.objectsLost}${k.objectsExtra ? ` (+${k.objectsExtra} extra)` : ""}`,
    k.readyz === "ok" ? "ok" : "\u274C failed",
    `${mark(k.nodesReady === k.nodesExpected)}${k.nodesReady}/${k.nodesExpected}`,
    `${mark(k.watchPassed)}${k.watch}`
  ];
}
function renderRehearsalMarkdown(report) {
  const hasApi = report.provider !== "local";
  const rows = report.scenarios.map(
    (s) => `| ${s.scenario} | ${s.result === "passed" ? "\u2705 passed" : "\u274C failed"} | ${cell(s.rtoSeconds)}${s.rtoSeconds === void 0 ? "" : " s"} | ${cell(s.keysAtBackup)} | ${cell(s.keysAfterRestore)} | ${cell(s.keysLost)} | ${s.writesLost === void 0 ? "\u2013" : `${s.writesLost} of ${s.writesAfterBackup}`} | ${cell(s.planCase)} | ${bumpCell(s.revisionBump)} | ${kubernetesCells(s, hasApi).join(" | ")} |`
  );
  const skipped = report.scenarios.filter((s) => s.revisionBump?.skipped).map((s) => `- **${s.scenario}**: revision not bumped: ${s.revisionBump.skipped}`);
  const versions = [
    ...new Set(report.scenarios.map((s) => s.etcdServerVersion).filter(Boolean))
  ].join(", ");
  const budget = report.scenarios.filter((s) => s.startupSeconds !== void 0).map(
    (s) => `- **${s.scenario}**: cluster started in ${s.startupSeconds} s${s.peakMemoryMiB ? `, peak memory of its nodes ${s.peakMemoryMiB} MiB` : ""}, scenario ${s.durationSeconds} s in all`
  );
  const failures = report.scenarios.filter((s) => s.result === "failed").map((s) => `- **${s.scenario}**: ${s.error ?? "failed"}`);
  return [
    `Rehearsal on the \`${report.provider}\` provider, ${report.provider === "kind" ? "the etcd of kind's node image" : report.provider === "kubeadm" ? `etcd ${report.etcdVersion} in kubeadm's static pods` : `etcd ${report.etcdVersion}`}${versions ? ` (members ran ${versions})` : ""}, ${report.keys} keys seeded, started ${report.startedAt}: ${report.ok ? "every scenario recovered." : "SOME SCENARIOS FAILED."}`,
    "",
    "| scenario | result | RTO | keys at backup | keys after restore | backup keys lost | writes after backup lost (RPO) | plan | revision bump | k8s objects verified / lost | readyz | nodes Ready | watch |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    ...hasApi ? [
      "",
      "Keys are the harness's own under `/registry/kube-rescue/` (Kubernetes rewrites its own keys all the time); Kubernetes objects are checked through the API: made before the backup, changed after it, read back after the restore (changes after the backup kept where a node kept its data, undone after a total loss), `/readyz`, every node Ready, and a watch held open across the fault."
    ] : [],
    ...budget.length ? ["", ...budget] : [],
    ...skipped.length ? ["", ...skipped] : [],
    ...failures.length ? ["", ...failures] : [],
    ""
  ].join("\n");
}

// src/commands/rehearse.ts
var RehearsalFailedError = class extends OperationError {
  constructor(result) {
    const failed = result.scenarios.filter((s) => s.result === "failed");
    super(
      `Rehearsal failed: ${failed.map((s) => `${s.scenario} (${s.error ?? "failed"})`).join("; ")}`
    );
    this.result = result;
  }
  result;
};
async function preflight(provider) {
  if (provider === "kubeadm") {
    const { builtKubernetesTools } = await import("./cli-chunks/kubernetes-tools-WOJIUV2W.js");
    await builtKubernetesTools().catch((e) => {
      throw new InputError(e.message);
    });
  }
  if (provider === "kind") {
    const { kindAvailability } = await import("./cli-chunks/kind-provider-SCLMYU6N.js");
    const kind = await kindAvailability();
    if (!kind.available) {
      throw new InputError(
        `The kind provider cannot run here: ${kind.reason}. Install kind and a Docker engine (on GitHub runners: helm/kind-action), or use --provider local.`
      );
    }
  }
}
async function rehearse(opts, ctx) {
  const { runScenario, scenariosFor, scenarioTopology } = await import("./cli-chunks/rehearsal-BUBUZKUI.js");
  const scenarios = opts.scenarios ?? scenariosFor(opts.provider);
  if (scenarios.length === 0) {
    throw new InputError(`No scenario chosen. Expected some of: ${SCENARIOS.join(", ")}.`);
  }
  const cannot = scenarios.filter((s) => scenarioTopology(s, opts.provider) === void 0);
  if (cannot.length > 0) {
    throw new InputError(
      `The ${opts.provider} provider cannot run ${cannot.join(", ")}: it puts etcd on worker nodes, and kubeadm runs etcd only on control-plane nodes. Run it with --provider local, or choose from: ${scenariosFor(opts.provider).join(", ")}.`
    );
  }
  const etcdVersion = parseEtcdVersion(opts.etcdVersion);
  if (opts.provider === "kubeadm" && etcdVersion !== "3.6") {
    throw new InputError(
      `The kubeadm provider runs etcd 3.6 (its control-plane image, built from tools/etcd-3.6); --etcd-version ${etcdVersion} applies to the local provider only.`
    );
  }
  await preflight(opts.provider);
  const report = {
    tool: "kube-rescue",
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    provider: opts.provider,
    etcdVersion,
    keys: opts.keys,
    ok: false,
    scenarios: []
  };
  for (const [i, name] of scenarios.entries()) {
    ctx.progress.info(`Scenario ${i + 1}/${scenarios.length}: ${name}`);
    const r = await runScenario(name, {
      provider: opts.provider,
      etcdVersion,
      keys: opts.keys,
      progress: ctx.progress
    });
    ctx.progress.info(
      `Scenario ${name}: ${r.result}${r.rtoSeconds === void 0 ? "" : `, RTO ${r.rtoSeconds} s`}${r.error ? ` \u2014 ${r.error}` : ""}`
    );
    report.scenarios.push(r);
  }
  report.ok = report.scenarios.every((s) => s.result === "passed");
  if (opts.report) {
    await writeFile(opts.report, `${JSON.stringify(report, null, 2)}
`);
    ctx.progress.info(`Wrote the JSON report to ${opts.report}`);
  }
  if (!report.ok) throw new RehearsalFailedError(report);
  return report;
}

// src/commands/rehearse-inventory.ts
import { writeFile as writeFile2 } from "node:fs/promises";
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
function replicaEtcdVersion(flag, backup2) {
  const fromBackup = backup2 ? minorOf(backup2.manifest.etcd.version) : void 0;
  if (flag && !REPLICA_ETCD_VERSIONS.includes(flag)) {
    throw new InputError(
      `--etcd-version ${flag}: expected one of ${REPLICA_ETCD_VERSIONS.join(", ")}.`
    );
  }
  if (fromBackup && flag && fromBackup !== flag) {
    throw new InputError(
      `--etcd-version ${flag}, but the backup ${backup2.location} was taken from etcd ${backup2.manifest.etcd.version}: the replica runs the backup's etcd. Drop --etcd-version.`
    );
  }
  const v = fromBackup ?? flag ?? DEFAULT_REPLICA_ETCD;
  if (!REPLICA_ETCD_VERSIONS.includes(v)) {
    throw new InputError(
      `The backup ${backup2?.location} was taken from etcd ${backup2?.manifest.etcd.version}; the replica can run etcd ${REPLICA_ETCD_VERSIONS.join(", ")} only.`
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
  return "kubespray";
}
function requireReplicableLayout(opts, inventory, backup2) {
  const flavor = backup2?.manifest.kubernetes.flavor;
  const layout = flavor === "kubeadm" || flavor === "kubespray" ? flavor : opts.layout && opts.layout !== "auto" ? opts.layout : inventoryLayout(inventory);
  if (layout !== "kubespray") {
    throw new InputError(
      `${opts.inventory}: this cluster runs etcd in the kubeadm layout (${flavor === "kubeadm" ? `the backup ${backup2.location} says so` : opts.layout === "kubeadm" ? "--layout kubeadm" : "etcd_deployment_type: kubeadm in the inventory"}). The dress rehearsal replicates the Kubespray layout (etcd as a host service) only, so far: a kubeadm replica needs the kubeadm provider to recover, which is not on main yet. Nothing was started.`
    );
  }
}
function requireSameCluster(inventory, backup2) {
  const m = backup2.manifest;
  const name = clusterNameOf(inventory);
  if (m.cluster !== name) {
    throw new InputError(
      `The backup ${backup2.location} is of cluster '${m.cluster}', but ${inventory.source} names cluster '${name}' (cluster_name). Rehearse with a backup of this cluster. Nothing was started.`
    );
  }
  const members = inventory.etcdMembers().map((x) => x.memberName);
  const strangers = m.etcd.members.map((x) => x.name).filter((n) => !members.includes(n));
  if (strangers.length > 0) {
    throw new InputError(
      `The backup ${backup2.location} has etcd members ${strangers.join(", ")} that ${inventory.source} does not (its members: ${members.join(", ")}): it is a backup of another cluster, or etcd_member_name differs. Nothing was started.`
    );
  }
  const cp = inventory.controlPlane();
  const unknownNodes = m.kubernetes.nodes.filter((n) => !cp.includes(n));
  if (unknownNodes.length > 0) {
    throw new InputError(
      `The backup ${backup2.location} holds the files of control-plane nodes ${unknownNodes.join(", ")}, which are not in ${inventory.source}'s [kube_control_plane] (${cp.join(", ")}): a backup of another cluster. Nothing was started.`
    );
  }
}
async function requireIdentity(backup2, identityFiles) {
  const encrypted = backup2.manifest.objects.filter((o) => o.encryption !== null);
  if (encrypted.length === 0) return;
  if (identityFiles.length === 0) {
    throw new InputError(
      `The backup ${backup2.location} is encrypted (${encrypted.map((o) => o.name).join(", ")}): pass the age identity that opens it with --identity FILE. Nothing was started.`
    );
  }
  const readsAll = {
    steps: backup2.manifest.objects.map((o) => ({
      action: "fetch-snapshot",
      params: { from: { kind: "backup", location: backup2.location, object: o.name } }
    }))
  };
  await checkPlanObjects(readsAll, backup2);
}
async function maskIdentities(identityFiles, ctx) {
  const { readFile: readFile2 } = await import("node:fs/promises");
  for (const f of identityFiles) {
    const text3 = await readFile2(f, "utf8").catch(() => "");
    for (const line of text3.split("\n")) {
      const key = line.trim();
      if (key.startsWith("AGE-SECRET-KEY-")) ctx.progress.secret(key);
    }
    if (text3) parseIdentities(text3, `--identity ${f}`);
  }
}
async function rehearseInventory(opts, ctx) {
  const inventory = await loadInventory(opts.inventory);
  if (inventory.etcdMembers().length === 0) {
    throw new InputError(`${opts.inventory} has no hosts in [etcd]: there is no etcd to rehearse.`);
  }
  const replica = await import("./cli-chunks/replica-3T7OMHS3.js");
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
  let backup2;
  if (opts.backup) {
    const signed = await ctx.progress.phase(
      "Check the backup signature",
      () => checkSignature(opts.backup, { trustedSigners: opts.trustedSigners })
    );
    if (signed) reportSignature(signed.check, ctx);
    backup2 = await BackupSource.open(opts.backup, opts.identityFiles);
    requireSignedManifest(signed, backup2, { trustedSigners: opts.trustedSigners });
  } else if (opts.trustedSigners) {
    throw new InputError(
      "--trusted-signers checks the signature of a backup set: give the set with --backup."
    );
  }
  requireReplicableLayout(opts, inventory, backup2);
  if (backup2) {
    requireSameCluster(inventory, backup2);
    await requireIdentity(backup2, opts.identityFiles);
  }
  const etcdVersion = replicaEtcdVersion(opts.etcdVersion, backup2);
  const valueBytes = opts.sizeMb !== void 0 ? 1024 : 512;
  const keys = opts.sizeMb !== void 0 ? Math.ceil(opts.sizeMb * 1024 * 1024 / valueBytes) : opts.keys ?? 2e3;
  const dataMb = backup2 ? backup2.manifest.snapshot.size / (1024 * 1024) : keys * valueBytes / (1024 * 1024);
  const topology = replica.replicaTopology(inventory);
  const etcdMembers = topology.nodes.filter((n) => n.roles.includes("etcd")).length;
  const available = await replica.availableMemoryMb();
  const capacity = replica.replicaCapacity({ availableMb: available, dataMb, etcdMembers });
  if (topology.nodes.length > capacity) {
    throw new InputError(
      `${opts.inventory} has ${topology.nodes.length} nodes; this machine can hold ${capacity} replica nodes (${available} MiB available, ${replica.RUNNER_RESERVE_MB} MiB kept for the runner, ${Math.ceil(dataMb)} MiB of data on each of ${etcdMembers} etcd members, ${replica.REPLICA_NODE_FOOTPRINT_MB} MiB a node). Rehearse on a larger machine. Nothing was started.`
    );
  }
  const { dressPreflight } = await import("./cli-chunks/dress-preflight-4APTSTZT.js");
  await ctx.progress.phase(
    "Plan the rehearsal before starting anything",
    () => dressPreflight({
      inventory,
      failure,
      etcdVersion,
      backup: backup2,
      strategy: opts.strategy ?? "parallel"
    })
  );
  ctx.progress.info(
    `Dress rehearsal of ${opts.inventory}: ${topology.nodes.length} nodes (room for ${capacity}), etcd ${etcdVersion}, ${backup2 ? `data from ${backup2.location}` : `${keys} generated keys`}; broken etcd: ${failure.brokenEtcd.join(", ") || "none"}, broken control plane: ${failure.brokenControlPlane.join(", ") || "none"}${failure.removeHosts.length ? `, gone for good: ${failure.removeHosts.join(", ")}` : ""}.`
  );
  const { runDressRehearsal } = await import("./cli-chunks/dress-rehearsal-HLEKKSU7.js");
  const report = await runDressRehearsal({
    inventory,
    topology,
    failure,
    etcdVersion,
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
    await writeFile2(opts.report, `${JSON.stringify(report, null, 2)}
`);
    ctx.progress.info(`Wrote the JSON report to ${opts.report}`);
  }
  if (!report.ok) throw new DressRehearsalFailedError(report);
  return report;
}

// src/commands/verify.ts
import { isDeepStrictEqual } from "node:util";

// src/backup/verify-set.ts
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp as mkdtemp2, rm } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2, resolve } from "node:path";
import { text as text2 } from "node:stream/consumers";

// src/etcd/local-cluster.ts
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, open, readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function freePort() {
  return new Promise((resolve2, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(
        () => typeof addr === "object" && addr ? resolve2(addr.port) : reject(new Error("no port"))
      );
    });
  });
}
var live = /* @__PURE__ */ new Set();
var exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const c of live) c.kill("SIGKILL");
  });
}
var LocalEtcdCluster = class _LocalEtcdCluster {
  constructor(dir, opts, token) {
    this.dir = dir;
    this.opts = opts;
    this.token = token;
  }
  dir;
  opts;
  token;
  members = [];
  running = /* @__PURE__ */ new Map();
  /** Starts every member at once (they need each other for a quorum) and waits until all are healthy. */
  static async start(opts = {}) {
    const names = opts.names ?? Array.from({ length: opts.size ?? 1 }, (_, i) => `etcd${i + 1}`);
    if (names.length === 0) throw new InputError("A local etcd cluster needs at least one member.");
    const dir = opts.dir ?? await mkdtemp(join(tmpdir(), "kube-rescue-etcd-"));
    await mkdir(dir, { recursive: true, mode: 448 });
    const cluster = new _LocalEtcdCluster(dir, opts, opts.token ?? `kube-rescue-${Date.now()}`);
    for (const name of names) cluster.members.push(await cluster.describe(name));
    try {
      await Promise.all(
        cluster.members.map((m) => cluster.spawnMember(m, "new", cluster.initialCluster()))
      );
      await Promise.all(cluster.members.map((m) => cluster.waitHealthy(m)));
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }
  async describe(name) {
    const scheme = this.opts.tls ? "https" : "http";
    const ports = this.opts.ports?.[name] ?? { client: await freePort(), peer: await freePort() };
    return {
      name,
      clientUrl: `${scheme}://127.0.0.1:${ports.client}`,
      peerUrl: `${scheme}://127.0.0.1:${ports.peer}`,
      dataDir: this.opts.dataDirs?.[name] ?? join(this.dir, `${name}.etcd`),
      logFile: join(this.dir, `${name}.log`)
    };
  }
  /** `name=peerUrl,...` of the given members (default all). */
  initialCluster(members = this.members) {
    return members.map((m) => `${m.name}=${m.peerUrl}`).join(",");
  }
  get endpoints() {
    return this.members.map((m) => m.clientUrl);
  }
  member(name) {
    const m = this.members.find((x) => x.name === name);
    if (!m)
      throw new InputError(
        `No member "${name}" in this local etcd cluster (members: ${this.members.map((x) => x.name).join(", ")}).`
      );
    return m;
  }
  isRunning(name) {
    return this.running.has(name);
  }
  async spawnMember(m, state, initialCluster) {
    const tls = this.opts.tls;
    const args = [
      `--name=${m.name}`,
      `--data-dir=${m.dataDir}`,
      `--listen-client-urls=${m.clientUrl}`,
      `--advertise-client-urls=${m.clientUrl}`,
      `--listen-peer-urls=${m.peerUrl}`,
      `--initial-advertise-peer-urls=${m.peerUrl}`,
      `--initial-cluster=${initialCluster}`,
      `--initial-cluster-state=${state}`,
      `--initial-cluster-token=${this.token}`,
      // Loopback only: short raft timers make elections after a kill quick.
      "--heartbeat-interval=50",
      "--election-timeout=500"
    ];
    if (tls) {
      const c = tls.member(m.name);
      args.push(
        `--cert-file=${c.cert}`,
        `--key-file=${c.key}`,
        `--trusted-ca-file=${tls.cacert}`,
        "--client-cert-auth",
        `--peer-cert-file=${c.cert}`,
        `--peer-key-file=${c.key}`,
        `--peer-trusted-ca-file=${tls.cacert}`,
        "--peer-client-cert-auth"
      );
    }
    const log = await open(m.logFile, "a");
    const child = spawn(this.opts.etcdBinary ?? "etcd", args, {
      stdio: ["ignore", log.fd, log.fd]
    });
    await new Promise((resolve2, reject) => {
      child.once("spawn", resolve2);
      child.once(
        "error",
        (err) => reject(
          err.code === "ENOENT" ? new OperationError(
            `etcd is not installed on this machine (no "${this.opts.etcdBinary ?? "etcd"}" on PATH). Debian: apt-get install etcd-server.`
          ) : err
        )
      );
    }).finally(() => log.close());
    live.add(child);
    installExitHook();
    const exited = new Promise((resolve2) => child.once("exit", () => resolve2()));
    exited.then(() => {
      live.delete(child);
      if (this.running.get(m.name)?.child === child) this.running.delete(m.name);
    });
    this.running.set(m.name, { child, exited });
  }
  /** Resolves when `/health` of the member says true; fails with its log tail otherwise. */
  async waitHealthy(m, timeoutMs = this.opts.startTimeoutMs ?? 3e4) {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < deadline) {
      if (!this.running.has(m.name)) break;
      try {
        const body = await this.get(m, "/health");
        if (/"health"\s*:\s*"true"/.test(body)) return;
        last = body;
      } catch (err) {
        last = err.message;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const logTail = (await readFile(m.logFile, "utf8").catch(() => "")).split("\n").slice(-15).join("\n");
    throw new OperationError(
      `Local etcd member ${m.name} (${m.clientUrl}) ${this.running.has(m.name) ? `was not healthy within ${timeoutMs / 1e3} s (${last})` : "exited"}; data dir ${m.dataDir}. Last lines of ${m.logFile}:
${logTail}`
    );
  }
  /** An HTTP GET against a member's client URL (with its own cert as client cert under TLS). */
  async get(m, path) {
    const url = new URL(path, m.clientUrl);
    const tls = this.opts.tls;
    const opts = tls ? {
      // SNI may not be an IP (RFC 6066); the member certs are valid for localhost too.
      servername: "localhost",
      ca: await readFile(tls.cacert),
      cert: await readFile(tls.member(m.name).cert),
      key: await readFile(tls.member(m.name).key)
    } : {};
    return new Promise((resolve2, reject) => {
      const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(
        url,
        { ...opts, timeout: 2e3 },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve2(Buffer.concat(chunks).toString("utf8")));
          res.on("error", reject);
        }
      );
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", reject);
      req.end();
    });
  }
  /** Waits until the cluster version is decided (a member add before that kills the new member). */
  async waitForClusterVersion(timeoutMs = 3e4) {
    const deadline = Date.now() + timeoutMs;
    for (; ; ) {
      for (const m of this.members.filter((x) => this.running.has(x.name))) {
        const body = await this.get(m, "/version").catch(() => "");
        const v = /"etcdcluster"\s*:\s*"(\d+\.\d+\.\d+)"/.exec(body)?.[1];
        if (v) return v;
      }
      if (Date.now() > deadline)
        throw new OperationError(
          `The local etcd cluster in ${this.dir} did not decide a cluster version within ${timeoutMs / 1e3} s.`
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  /** Sends `signal` and waits for the process to exit (SIGKILL after `graceMs`). */
  async kill(name, signal = "SIGKILL", graceMs = 1e4) {
    const r = this.running.get(name);
    if (!r) return;
    r.child.kill(signal);
    const timer = setTimeout(() => r.child.kill("SIGKILL"), graceMs);
    await r.exited;
    clearTimeout(timer);
  }
  /** Restarts a stopped member on its own data dir. */
  async restart(name) {
    const m = this.member(name);
    if (this.running.has(name)) return;
    await this.spawnMember(m, "existing", this.initialCluster());
    await this.waitHealthy(m);
  }
  /** Ports and dirs for a member about to be added with `member add` (not started yet). */
  async prepareJoin(name) {
    if (this.members.some((m2) => m2.name === name))
      throw new InputError(`Member ${name} already exists in this local cluster.`);
    const m = await this.describe(name);
    this.members.push(m);
    return m;
  }
  /** Starts a prepared member with the ETCD_INITIAL_CLUSTER `member add` printed. */
  async startJoined(name, initialCluster) {
    const m = this.member(name);
    await this.spawnMember(m, "existing", initialCluster);
    await this.waitHealthy(m);
  }
  /** Forgets a member that was removed from the cluster (its process must be stopped first). */
  forget(name) {
    if (this.running.has(name)) throw new InputError(`Stop member ${name} before forgetting it.`);
    const i = this.members.findIndex((m) => m.name === name);
    if (i >= 0) this.members.splice(i, 1);
  }
  /** SIGTERM every member and wait for all to exit. */
  async stop() {
    await Promise.all([...this.running.keys()].map((n) => this.kill(n, "SIGTERM")));
  }
  async [Symbol.asyncDispose]() {
    await this.stop();
  }
};

// src/backup/verify-set.ts
var compare = (name, expected, actual) => ({
  name,
  ok: String(expected) === String(actual),
  expected: String(expected),
  actual: String(actual)
});
async function totalKeyCheck(expected, toolCount, snapshotFile) {
  const name = "snapshot totalKey";
  if (expected === toolCount) return compare(name, expected, toolCount);
  const counts = await snapshotKeyCounts(snapshotFile);
  return totalKeyVerdict(expected, toolCount, counts);
}
function totalKeyVerdict(expected, toolCount, file) {
  const meaning = expected === file.liveKeys ? "live keys, as etcdutl 3.6+ counts" : expected === file.storedRevisions ? "stored key revisions, as etcdctl 3.4 and etcdutl 3.5 count" : void 0;
  return {
    name: "snapshot totalKey",
    ok: meaning !== void 0,
    expected: String(expected),
    actual: String(toolCount),
    detail: meaning ? `this machine's tool counts ${toolCount}; the manifest's ${expected} is the file's ${meaning}` : `the file holds ${file.liveKeys} live keys and ${file.storedRevisions} stored key revisions; this machine's tool counts ${toolCount}`
  };
}
async function snapshotKeyCounts(file) {
  var _stack = [];
  try {
    const reader = new SnapshotStatusReader(file);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      reader.update(chunk);
    }
    const storedRevisions = reader.finish().totalKey;
    const snap = __using(_stack, await SnapshotKeyspace.open(file), true);
    let liveKeys = 0;
    for await (const _2 of snap.pairs()) liveKeys++;
    return { storedRevisions, liveKeys };
  } catch (_) {
    var _error = _, _hasError = true;
  } finally {
    var _promise = __callDispose(_stack, _error, _hasError);
    _promise && await _promise;
  }
}
async function verifySet(store, setName, opts) {
  const checks = [];
  const where = `${store.urlOf(setName)}/manifest.json`;
  let manifest;
  try {
    manifest = parseManifest(await text2(await store.read(setName, "manifest.json")), where);
    checks.push({ name: "manifest", ok: true, detail: manifest.digest });
  } catch (err) {
    if (err instanceof InputError) throw err;
    const digest = /its digest is (\S+) but its content hashes to (\S+?)\./.exec(
      err.message
    );
    checks.push({
      name: "manifest",
      ok: false,
      ...digest ? { expected: digest[1], actual: digest[2] } : {},
      detail: err.message
    });
    return { checks, ok: false };
  }
  const encrypted = manifest.objects.filter((o) => o.encryption);
  if (encrypted.length > 0 && opts.identities.length === 0) {
    const to = [...new Set(encrypted.flatMap((o) => o.encryption.recipients))].join(", ");
    throw new InputError(
      `${store.urlOf(setName)} is encrypted to ${to}: pass the matching age identity file with --identity.`
    );
  }
  const ctl = offlineEtcdCtl(opts.etcdBinDir);
  if (opts.deep) await requireSameEtcdMinor(ctl, manifest, opts.etcdBinDir);
  const work = await mkdtemp2(join2(opts.workDir ?? tmpdir2(), "kube-rescue-verify-"));
  try {
    let snapshotFile;
    for (const object of manifest.objects) {
      const isSnapshot = object.kind === "etcd-snapshot";
      const file = isSnapshot ? join2(work, "etcd.db") : void 0;
      const ok = await opts.progress.phase(
        `Check ${object.name}`,
        () => checkObject(store, setName, object, opts.identities, checks, file)
      );
      if (ok && file) snapshotFile = file;
    }
    if (snapshotFile) {
      await opts.progress.phase("Check snapshot status", async () => {
        const status = await ctl.snapshotStatus(snapshotFile);
        checks.push(compare("snapshot revision", manifest.snapshot.revision, status.revision));
        checks.push(
          await totalKeyCheck(manifest.snapshot.totalKey, status.totalKey, snapshotFile)
        );
        checks.push(compare("snapshot hash", manifest.snapshot.hash, status.hash));
      });
      if (opts.deep && checks.every((c) => c.ok)) {
        await opts.progress.phase(
          "Restore into a throw-away etcd and compare the keyspace",
          () => deepCheck(ctl, snapshotFile, work, manifest, checks)
        );
      }
    } else if (opts.deep) {
      checks.push({
        name: "deep restore",
        ok: false,
        detail: "skipped: the snapshot did not pass its checks"
      });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { manifest, checks, ok: checks.every((c) => c.ok) };
}
async function checkObject(store, setName, object, identities, checks, file) {
  const isSnapshot = object.kind === "etcd-snapshot";
  try {
    const source = await store.read(setName, object.name);
    const back = await readObject(source, object, {
      identities,
      where: `${store.urlOf(setName)}/${object.name}`,
      ...isSnapshot ? { snapshotTrailer: object.name } : {},
      sink: file ? createWriteStream(file, { mode: 384 }) : void 0
    });
    const results = [
      compare(`${object.name} stored bytes`, object.bytes, back.bytes),
      compare(`${object.name} stored sha256`, object.sha256, back.sha256),
      compare(`${object.name} plaintext bytes`, object.plaintextBytes, back.plaintextBytes),
      compare(`${object.name} plaintext sha256`, object.plaintextSha256, back.plaintextSha256)
    ];
    if (back.trailer) {
      const r = back.trailer;
      results.push({
        name: `${object.name} etcd sha256 trailer`,
        ok: r.ok,
        expected: r.expected,
        actual: r.actual,
        ...r.detail ? { detail: r.detail } : {}
      });
    }
    checks.push(...results);
    return results.every((c) => c.ok);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (!(err instanceof KubeRescueError) && !isStreamDamage(err)) throw err;
    checks.push({
      name: object.name,
      ok: false,
      expected: `sha256 ${object.sha256}, ${object.bytes} bytes`,
      detail: err.message
    });
    return false;
  }
}
function isStreamDamage(err) {
  const code = err.code ?? "";
  return code.startsWith("Z_") || code === "ERR_STREAM_PREMATURE_CLOSE";
}
function offlineEtcdCtl(binDir) {
  return new EtcdCtl(new LocalTransport(), {
    endpoints: ["http://127.0.0.1:2379"],
    commands: toolCommandsIn(binDir)
  });
}
function toolCommandsIn(binDir) {
  if (!binDir) return defaultToolCommands;
  const dir = resolve(binDir);
  return {
    etcd: [join2(dir, "etcd")],
    etcdctl: [join2(dir, "etcdctl")],
    etcdutl: [join2(dir, "etcdutl")]
  };
}
async function requireSameEtcdMinor(ctl, manifest, binDir) {
  const backedUp = parseSemVer(manifest.etcd.version);
  if (!backedUp) return;
  const where = binDir ? `in ${resolve(binDir)}` : "on PATH";
  const minor = `${backedUp.major}.${backedUp.minor}`;
  const howToGet = minor === "3.4" ? "Debian's etcd-server and etcd-client packages are 3.4" : `in a kube-rescue checkout, \`bash scripts/build-tools.sh etcd-${minor}\` builds them into ~/.cache/kube-rescue/tools/etcd-${minor}/bin`;
  const fix = `Pass --etcd-bin-dir DIR with etcd, etcdctl${minor === "3.4" ? "" : " and etcdutl"} ${minor}.x (${howToGet}).`;
  const tools = await ctl.etcdTools().catch((err) => {
    throw new InputError(
      `verify --deep needs etcd and its tools ${where} to restore the snapshot of etcd ${manifest.etcd.version}: ${err.message} ${fix}`
    );
  });
  const found = tools.server;
  if (!found) {
    throw new InputError(
      `verify --deep needs an etcd server ${where} to start on the restored snapshot (etcd ${manifest.etcd.version}), and found none. ${fix}`
    );
  }
  if (found.major !== backedUp.major || found.minor !== backedUp.minor) {
    throw new InputError(
      `The backup was taken from etcd ${manifest.etcd.version}, but the etcd ${where} is ${found.raw}: verify --deep restores with the backup's own minor. ${fix}`
    );
  }
}
async function deepCheck(ctl, snapshot, work, manifest, checks) {
  const ports = { client: await freePort(), peer: await freePort() };
  const name = "kube-rescue-verify";
  const peerUrl = `http://127.0.0.1:${ports.peer}`;
  const dataDir = join2(work, "restored.etcd");
  await ctl.snapshotRestore({
    snapshot,
    dataDir,
    name,
    initialCluster: `${name}=${peerUrl}`,
    initialClusterToken: `${name}-${Date.now()}`,
    initialAdvertisePeerUrls: [peerUrl]
  });
  const cluster = await LocalEtcdCluster.start({
    names: [name],
    dir: work,
    dataDirs: { [name]: dataDir },
    ports: { [name]: ports },
    etcdBinary: ctl.options.commands?.etcd[0]
  });
  const restored = ctl.withEndpoints(cluster.endpoints);
  try {
    const expected = manifest.hashKV;
    if (expected) {
      checks.push(...hashKVChecks(expected, await hashKVViaEtcdCtl(restored, expected.revision)));
    }
    if (manifest.fingerprint) {
      const client = await connectEtcdClient({ endpoints: cluster.endpoints });
      const fp = await fingerprintWithClient(client, {}, "the restored etcd").finally(
        () => client.close()
      );
      checks.push(compare("restored key count", manifest.fingerprint.count, fp.count));
      checks.push(compare("restored keyspace sha256", manifest.fingerprint.sha256, fp.sha256));
    }
    if (!expected && !manifest.fingerprint) {
      const { count } = await restored.keyCount();
      checks.push({
        name: "restored keyspace",
        ok: true,
        actual: `${count} keys`,
        detail: "the manifest has no key hash or fingerprint to compare with; the snapshot restored and etcd served it"
      });
    }
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    checks.push({ name: "restored keyspace", ok: false, detail: err.message });
  } finally {
    await cluster.stop();
  }
}
function hashKVChecks(expected, actual) {
  const name = "restored key hash (etcd HashKV)";
  const counted = compare("restored key count", expected.count, actual.count);
  const c = compareHashKV(expected, actual);
  const hashes = { expected: String(expected.hash), actual: String(actual.hash) };
  if (c.result === "same") return [counted, { name, ok: true, ...hashes }];
  if (c.result === "different") {
    const detail = `at revision ${expected.revision} the restored keys, or their history, differ from what the member held when it was backed up`;
    return [counted, { name, ok: false, ...hashes, detail }];
  }
  return [counted, { name, ok: true, ...hashes, detail: `not compared: ${c.detail}` }];
}

// src/commands/verify.ts
var VerifyFailedError = class extends OperationError {
  constructor(result) {
    const failed = result.checks.filter((c) => !c.ok).map(
      (c) => `- ${c.name}: ${c.expected !== void 0 ? `expected ${c.expected}, got ${c.actual ?? "nothing"}` : ""}${c.detail ? `${c.expected !== void 0 ? ". " : ""}${c.detail}` : ""}`
    );
    super(`Backup ${result.backup} failed verification:
${failed.join("\n")}`);
    this.result = result;
  }
  result;
};
async function verify(opts, ctx) {
  const identities = await loadIdentityFiles(opts.identityFiles);
  const { store, setName } = await openSet(opts.backup, opts.s3);
  const { check, manifest: signed } = await checkSetSignature(store, setName, opts.trustedSigners);
  const signatureCheck = {
    name: MANIFEST_SIGNATURE,
    ok: check.status !== "invalid",
    detail: describeSignature(check)
  };
  const v = await verifySet(store, setName, {
    identities,
    deep: opts.deep,
    etcdBinDir: opts.etcdBinDir,
    progress: ctx.progress,
    workDir: ctx.workDir
  });
  if (check.status === "trusted" && v.manifest && !isDeepStrictEqual(parseManifest(signed.toString("utf8"), signatureCheck.name), v.manifest)) {
    signatureCheck.ok = false;
    signatureCheck.detail = "manifest.json changed while the set was verified; verify again";
  }
  if (check.status === "trusted" && v.manifest) {
    requireOwnName(v.manifest.setName, setName, store.urlOf(setName));
  }
  const result = {
    backup: store.urlOf(setName),
    ok: v.ok && signatureCheck.ok,
    ..."signer" in check ? { signer: check.signer } : {},
    checks: [signatureCheck, ...v.checks]
  };
  if (!result.ok) throw new VerifyFailedError(result);
  return result;
}

// src/node-warnings.ts
var HARMLESS = /* @__PURE__ */ new Set(["DEP0123"]);
function dropHarmlessWarnings() {
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (warning.code && HARMLESS.has(warning.code)) return;
    const code = warning.code ? `[${warning.code}] ` : "";
    process.stderr.write(`(node:${process.pid}) ${code}${warning.name}: ${warning.message}
`);
  });
}

// src/report/backup.ts
var cell2 = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
function table(head, rows) {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell2).join(" | ")} |`)
  ].join("\n");
}
function formatBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
function renderBackupMarkdown(r) {
  return [
    `Backup set **${r.backupPath}** (etcd revision ${r.snapshotRevision}, snapshot sha256 \`${r.snapshotSha256}\`)`,
    "",
    table(
      ["object", "size"],
      r.objects.map((o) => [o.name, formatBytes(o.bytes)])
    ),
    r.removedByRetention.length ? `
Removed by retention: ${r.removedByRetention.join(", ")}` : "",
    r.signedBy ? `
Signed (manifest.json.sig) with ${r.signedBy.keyType} key ${r.signedBy.fingerprint}.` : "",
    ""
  ].join("\n");
}
function renderListMarkdown(sets) {
  if (sets.length === 0) return "No complete backup sets here.\n";
  return `${table(
    ["set", "created", "revision", "size", "encryption"],
    sets.map((s) => [
      s.url,
      s.created,
      String(s.revision),
      formatBytes(s.bytes),
      s.encrypted ? "age" : "none"
    ])
  )}
`;
}
function renderVerifyMarkdown(r) {
  return [
    `${r.ok ? "\u2714" : "\u2716"} ${r.backup}: ${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks passed`,
    "",
    table(
      ["check", "ok", "expected", "actual", "detail"],
      r.checks.map((c) => [
        c.name,
        c.ok ? "yes" : "**NO**",
        c.expected ?? "",
        c.actual ?? "",
        c.detail ?? ""
      ])
    ),
    ""
  ].join("\n");
}

// src/report/dress-rehearsal.ts
var cell3 = (v) => v === void 0 ? "\u2013" : String(v);
function size(bytes) {
  if (bytes === void 0) return "\u2013";
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
function nodeCell(n) {
  const roles = n.roles.map(
    (r) => r === "control-plane" ? "cp" : r === "etcd" ? n.etcdMemberName : r
  );
  return `${n.name} (${roles.join(", ")})`;
}
function renderDressRehearsalMarkdown(r) {
  const f = r.failure;
  const failure = [
    f.brokenEtcd.length ? `etcd lost on ${f.brokenEtcd.join(", ")}` : "",
    f.brokenControlPlane.length ? `control plane lost on ${f.brokenControlPlane.join(", ")}` : "",
    f.removeHosts.length ? `gone for good: ${f.removeHosts.join(", ")}` : ""
  ].filter(Boolean).join("; ");
  const data = r.data.source === "backup" ? `${cell3(r.data.keys)} keys, ${size(r.data.bytes)} snapshot (from the backup)` : `${cell3(r.data.keys)} keys, ${size(r.data.bytes)} generated`;
  const match = r.planMatch ? r.planMatch.match ? `\u2705 same ${r.planMatch.steps} steps` : `\u274C ${r.planMatch.differences.length} differences` : "\u2013";
  const keys = r.keysVerified === void 0 ? "\u2013" : `${r.keysVerified - (r.keysLost ?? 0)} of ${r.keysVerified}`;
  const rpo = r.writesLost === void 0 ? "\u2013" : `${r.writesLost} of ${r.writesAfterBackup} writes after the backup lost`;
  const lines = [
    `Dress rehearsal of \`${r.inventory}\` (cluster ${r.cluster}) on a replica on the \`${r.provider}\` provider, etcd ${r.etcdVersion}${r.etcdServerVersion ? ` (members ran ${r.etcdServerVersion})` : ""}, started ${r.startedAt}: ${r.ok ? "the plan production would get recovered the replica." : "FAILED."}`,
    "",
    "| topology | failure | data | plan | plan match | RTO | keys verified | RPO |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    `| ${r.topology.nodes.map(nodeCell).join(" \xB7 ")} | ${failure || "\u2013"} | ${data} | ${cell3(r.replicaPlan?.case)} | ${match} | ${r.rtoSeconds === void 0 ? "\u2013" : `${r.rtoSeconds} s`} | ${keys} | ${rpo} |`
  ];
  if (r.bringUp) {
    lines.push(
      "",
      `The replica was first brought to the backup's state by kube-rescue restore (${r.bringUp.plan}, ${r.bringUp.rtoSeconds} s); keyspace check ${r.bringUp.keyspaceStatus ?? "not run"}: ${r.bringUp.keyspace ?? "\u2013"}.`
    );
  }
  if (r.pki) {
    const p = r.pki;
    lines.push(
      "",
      `The backup's node archives were unpacked where the layout puts them (${p.unpacked.map((u) => `${u.node}: ${u.entries} entries`).join(", ")}); ` + (p.source === "backup" ? `the replica's etcd ran on the backup's CA (sha256 fingerprint ${p.caFingerprint}, from ${p.caNode}'s archive), with its member, admin and node certificates reissued for the replica's addresses (production's name production's addresses).` : `the replica kept its own etcd PKI: ${p.reason}.`)
    );
  }
  if (r.productionPlan && r.replicaPlan) {
    const p = r.productionPlan;
    const q = r.replicaPlan;
    const n = Math.max(p.steps.length, q.steps.length);
    lines.push(
      "",
      "| # | production would run | the replica ran |",
      "| --- | --- | --- |",
      `| case | ${p.case} | ${q.case} |`,
      `| strategy | ${p.strategy} | ${q.strategy} |`,
      `| snapshot source | ${p.source} | ${q.source} |`
    );
    for (let i = 0; i < n; i++) {
      lines.push(`| ${i + 1} | ${p.steps[i] ?? "\u2013"} | ${q.steps[i] ?? "\u2013"} |`);
    }
  }
  if (r.planMatch && !r.planMatch.match) {
    lines.push("", ...r.planMatch.differences.map((d) => `- ${d}`));
  }
  if (r.error) lines.push("", `**Failed:** ${r.error}`);
  lines.push("");
  return lines.join("\n");
}

// src/report/render.ts
function renderHuman(command, result) {
  const renderer = renderers[command];
  if (renderer) return renderer(result);
  return `${JSON.stringify(result, null, 2)}
`;
}
var renderers = {
  inventory: (result) => {
    const r = result;
    return r.output === void 0 ? r.text : `wrote ${r.output}
`;
  },
  backup: (result) => renderBackupMarkdown(result),
  list: (result) => renderListMarkdown(result),
  verify: (result) => renderVerifyMarkdown(result),
  rehearse: (result) => result.kind === "dress-rehearsal" ? renderDressRehearsalMarkdown(result) : renderRehearsalMarkdown(result),
  plan: (result) => {
    const { plan: plan2, preflight: preflight2, planSha256, planFilePath } = result;
    const hash = renderPlanHash(planSha256, planFilePath);
    if (!preflight2) return `${renderPlanMarkdown(plan2)}${hash}`;
    const objects = preflight2.objects.map(
      (o) => `- ${o.name}: present, ${o.bytes} bytes${o.encrypted ? ", opens with the identity given" : ""}`
    );
    return `${renderPlanMarkdown(plan2)}
Backup checked before any change: ${preflight2.signatureText}.
${objects.join("\n")}${objects.length ? "\n" : ""}${hash}`;
  },
  restore: (result) => {
    const r = result;
    return [
      r.planSha256 ? `Plan file sha256 \`${r.planSha256}\` (the plan that ran).
` : "",
      renderExecutionMarkdown(r.execution),
      r.verification ? renderVerificationMarkdown(r.verification) : "",
      `Recovered in ${r.rtoSeconds.toFixed(1)} s (RTO, measured from the start of the command).
`
    ].join("\n");
  }
};

// src/cli.ts
var csv = (value, previous = []) => [
  ...previous,
  ...value.split(",").map((s) => s.trim()).filter(Boolean)
];
function positiveInt(value) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number \u2265 1, got '${value}'.`);
  }
  return n;
}
var TRUSTED_SIGNERS_HELP = "allowed_signers file (ssh-keygen's format: '<principal> ssh-ed25519 AAAA\u2026' per line): refuse a set not signed by one of them";
function addAccessFlags(cmd) {
  return cmd.addOption(
    new Option("--transport <kind>", "how to reach nodes").choices(["ssh", "local", "docker"]).default("ssh")
  ).option("--ssh-user <user>", "SSH user (default: ansible_user from the inventory, else root)").option("--ssh-key <file>", "private key file for SSH").option("--known-hosts <file>", "known_hosts file to check host keys against", void 0).option("--insecure-skip-host-key-check", "do not check SSH host keys (not recommended)").option("--jump-host <user@host:port>", "reach nodes through this SSH jump host").option("--etcd-endpoints <urls>", "comma-separated etcd client URLs", csv).option("--etcd-cacert <file>", "etcd CA certificate (overrides the layout)").option("--etcd-cert <file>", "etcd client certificate (overrides the layout)").option("--etcd-key <file>", "etcd client key (overrides the layout)").addOption(
    new Option("--layout <layout>", "cluster layout on the nodes").choices(["auto", "kubespray", "kubeadm"]).default("auto")
  );
}
function addS3Flags(cmd) {
  return cmd.option("--s3-endpoint <url>", "S3 endpoint (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL)").option("--s3-region <region>", "S3 region (default: AWS_REGION / AWS_DEFAULT_REGION)").option(
    "--s3-force-path-style",
    "address the bucket in the path, not the host name (default: on with an endpoint)"
  ).option("--no-s3-force-path-style", "address the bucket as a host name even with an endpoint");
}
function s3From(flags) {
  return {
    endpoint: flags.s3Endpoint,
    region: flags.s3Region,
    ...flags.s3ForcePathStyle !== void 0 ? { forcePathStyle: flags.s3ForcePathStyle } : {}
  };
}
function accessFrom(flags) {
  return {
    transport: flags.transport,
    sshUser: flags.sshUser,
    sshKeyFile: flags.sshKey,
    knownHosts: flags.knownHosts,
    insecureSkipHostKeyCheck: flags.insecureSkipHostKeyCheck,
    jumpHost: flags.jumpHost,
    etcdEndpoints: flags.etcdEndpoints,
    etcdCacert: flags.etcdCacert,
    etcdCert: flags.etcdCert,
    etcdKey: flags.etcdKey,
    layout: flags.layout
  };
}
function planOptionsFrom(o) {
  return {
    inventory: o.inventory,
    access: accessFrom(o),
    backup: o.backup,
    identityFiles: o.identity ?? [],
    trustedSigners: o.trustedSigners,
    strategy: o.strategy,
    force: Boolean(o.force),
    preferBackupSnapshot: Boolean(o.preferBackupSnapshot),
    removeHosts: o.removeHost ?? [],
    s3: s3From(o),
    ...o.bumpRevision !== void 0 ? { bumpRevision: o.bumpRevision } : {}
  };
}
async function run(program, name, work) {
  const flags = program.opts();
  const ctx = {
    progress: new StderrProgress({ verbose: flags.verbose, quiet: flags.quiet })
  };
  const print = (result) => process.stdout.write(
    flags.json ? `${JSON.stringify(result, null, 2)}
` : renderHuman(name, result)
  );
  try {
    print(await work(ctx));
  } catch (err) {
    if (err instanceof OperationError && "result" in err) print(err.result);
    throw err;
  }
}
function buildProgram() {
  const program = new Command("kube-rescue").description(
    "Back up, recover and rehearse the recovery of a Kubernetes control plane (etcd + certificates)."
  ).version(VERSION).option("--json", "print the result as one JSON object on stdout").option("-v, --verbose", "show debug progress on stderr").option("-q, --quiet", "show only warnings on stderr").showHelpAfterError("(run with --help for usage)").exitOverride().addHelpText(
    "after",
    `
Exit codes: 0 ok, 1 the operation failed, 2 bad input or usage.
Progress goes to stderr; results to stdout (--json: one JSON object).

Examples:
  kube-rescue backup -i inventory/hosts.ini --dest /backups --encrypt-to age1...
  kube-rescue plan -i inventory/hosts.ini --backup /backups/mycluster-20261122T010000Z
  kube-rescue inventory recover -i hosts.ini --broken-etcd node1 --broken-control-plane node1
  kube-rescue rehearse --scenario member-loss
  kube-rescue rehearse -i hosts.ini --backup /backups/mycluster-20261122T010000Z --identity key.txt`
  );
  addS3Flags(
    addAccessFlags(
      program.command("backup").description("Save an etcd snapshot and the control-plane certificates as one backup set.").option("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").requiredOption("--dest <dir|s3://bucket/prefix>", "where to store the backup set").option("--encrypt-to <recipient>", "age recipient (repeatable or comma-separated)", csv).option(
        "--sign-key <file>",
        "SSH private key: sign the set (manifest.json.sig, ssh-keygen -Y sign, namespace kube-rescue-backup)"
      ).addOption(
        new Option("--compress <algo>", "compression").choices(["gzip", "zstd", "none"]).default("gzip")
      ).option("--keep <n>", "keep the newest N backup sets written by kube-rescue", positiveInt).option("--keep-hourly <n>", "also keep one set per hour for N hours", positiveInt).option("--keep-daily <n>", "also keep one set per day for N days", positiveInt).option("--keep-weekly <n>", "also keep one set per week for N weeks", positiveInt).option("--etcd-only", "skip the certificate/manifest archives").option(
        "--cluster-name <name>",
        "name of the cluster in the set name (default: from the inventory)"
      ).addOption(
        new Option(
          "--fingerprint <mode>",
          "keyspace check recorded for verify --deep and restores: hash = etcd's own HashKV + key count, computed by the member (cheap); full = also a sha256 of every key and value, read back from etcd (a second full read; still compares after a revision bump); none"
        ).choices(FINGERPRINT_MODES).default("hash")
      ).option("--no-fingerprint", "same as --fingerprint none")
    )
  ).action(async (o) => {
    await run(
      program,
      "backup",
      (ctx) => backup(
        {
          inventory: o.inventory,
          access: accessFrom(o),
          dest: o.dest,
          encryptTo: o.encryptTo ?? [],
          compress: o.compress,
          keep: o.keep,
          keepHourly: o.keepHourly,
          keepDaily: o.keepDaily,
          keepWeekly: o.keepWeekly,
          etcdOnly: Boolean(o.etcdOnly),
          clusterName: o.clusterName,
          s3: s3From(o),
          fingerprint: o.fingerprint === false ? "none" : o.fingerprint,
          signKey: o.signKey
        },
        ctx
      )
    );
  });
  addS3Flags(
    program.command("list").description("List the complete backup sets at a destination.").argument("<dest>", "directory or s3://bucket/prefix")
  ).action(async (dest, o) => {
    await run(program, "list", (ctx) => list(dest, ctx, s3From(o)));
  });
  addS3Flags(
    program.command("verify").description("Check a backup set: hashes, decryption, the snapshot trailer and status.").argument("<backup>", "backup set: directory path or URL").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
      ...p,
      v
    ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).option("--deep", "also restore into a throw-away etcd and compare every key").option(
      "--etcd-bin-dir <dir>",
      "directory with etcd, etcdctl and etcdutl for the snapshot checks (default: those on PATH); --deep needs the backup's etcd minor and refuses another"
    )
  ).action(async (b, o) => {
    await run(
      program,
      "verify",
      (ctx) => verify(
        {
          backup: b,
          identityFiles: o.identity ?? [],
          trustedSigners: o.trustedSigners,
          deep: Boolean(o.deep),
          etcdBinDir: o.etcdBinDir,
          s3: s3From(o)
        },
        ctx
      )
    );
  });
  const planFlags = (cmd) => addAccessFlags(
    addS3Flags(cmd).requiredOption("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").option("--backup <backup>", "backup set to restore from (directory path or URL)").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
      ...p,
      v
    ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).addOption(
      new Option(
        "--strategy <s>",
        "quorum-loss recovery: all members at once, or one then grow"
      ).choices(["parallel", "grow"]).default("parallel")
    ).option("--force", "allow restoring over a healthy quorum or from another cluster/version").option(
      "--prefer-backup-snapshot",
      "restore the backup's snapshot even where a surviving member has newer data (loses the writes since)"
    ).option(
      "--remove-host <host>",
      "a host that will not return: its etcd member is removed or left out, its Node deleted (repeatable)",
      csv
    ).option(
      "--bump-revision <n>",
      "raise the revision of a snapshot restore by N instead of the planned amount (etcd 3.5+; refused on 3.4)",
      positiveInt
    )
  );
  planFlags(
    program.command("plan").description("Probe the cluster and print the recovery plan. Changes nothing.").option("--out <file>", "also write the plan file (canonical JSON) for restore --plan")
  ).action(async (o) => {
    await run(program, "plan", (ctx) => plan({ ...planOptionsFrom(o), out: o.out }, ctx));
  });
  planFlags(
    program.command("restore").description("Execute the recovery plan. Resumable: a re-run continues where it stopped.").option("--yes", "really change the cluster (required)").option("--journal <file>", "journal of completed steps (default: beside the inventory)").option(
      "--journal-store <where>",
      "keep the journal in a store: 'backup' (beside the backup set) or a directory / s3:// URL"
    ).option("--plan <file>", "execute exactly this plan file ('plan --out'), after a re-probe").option("--plan-sha256 <hex>", "refuse a plan file whose sha256 is not this one").option("--dry-run", "walk the whole plan without touching any node (no --yes needed)")
  ).action(async (o) => {
    await run(
      program,
      "restore",
      (ctx) => restore(
        {
          ...planOptionsFrom(o),
          yes: Boolean(o.yes),
          journal: o.journal,
          journalStore: o.journalStore,
          planFile: o.plan,
          planSha256: o.planSha256,
          dryRun: Boolean(o.dryRun)
        },
        ctx
      )
    );
  });
  program.command("inventory").description("Work with Kubespray inventories.").command("recover").description(
    "Write the recovery inventory Kubespray's recover-control-plane.yml needs: a healthy host first, broken hosts copied into broken_etcd / broken_kube_control_plane."
  ).requiredOption("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").option("--broken-etcd <hosts>", "comma-separated broken etcd hosts", csv).option("--broken-control-plane <hosts>", "comma-separated broken control-plane hosts", csv).option(
    "-e, --extra-vars <@file>",
    "extra vars file, as ansible -e @file (repeatable)",
    (v, p = []) => [...p, v.replace(/^@/, "")]
  ).option("-o, --output <file>", "write here instead of stdout").action(async (o) => {
    await run(
      program,
      "inventory",
      (ctx) => inventoryRecover(
        {
          inventory: o.inventory,
          brokenEtcd: o.brokenEtcd ?? [],
          brokenControlPlane: o.brokenControlPlane ?? [],
          extraVars: o.extraVars ?? [],
          output: o.output
        },
        ctx
      )
    );
  });
  program.command("rehearse").description(
    "Start a throw-away cluster, back it up, break it, recover it with kube-rescue, and prove nothing was lost."
  ).addOption(
    new Option(
      "--provider <p>",
      "where the cluster runs: local (Kubespray-like hosts), kubeadm (a real control plane built here), kind"
    ).choices([...REHEARSAL_PROVIDERS]).default("local")
  ).addOption(
    new Option(
      "--etcd-version <minor>",
      "etcd of the throw-away cluster (local provider): 3.4 is Debian's, 3.5 and 3.6 are built by scripts/build-tools.sh"
    ).choices([...ETCD_VERSIONS]).default(DEFAULT_ETCD_VERSION)
  ).addOption(
    new Option(
      "--scenario <name...>",
      "scenarios to run (default: every one the provider can run)"
    ).choices([...SCENARIOS])
  ).option("--report <file>", "write the JSON report here").option("--keys <n>", "keys to seed before the backup", positiveInt, 2e3).option("-i, --inventory <file>", "dress rehearsal: replicate this Kubespray inventory").option("--backup <backup>", "dress rehearsal: bring the replica to this backup set's state").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
    ...p,
    v
  ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).option(
    "--broken-etcd <hosts>",
    "dress rehearsal: etcd hosts that are lost (default: [broken_etcd])",
    csv
  ).option(
    "--broken-control-plane <hosts>",
    "dress rehearsal: control-plane hosts that are lost (default: [broken_kube_control_plane])",
    csv
  ).option(
    "--remove-host <host>",
    "dress rehearsal: a host that will not return (repeatable)",
    csv
  ).option("--size-mb <n>", "dress rehearsal without --backup: MiB of generated data", positiveInt).addOption(
    new Option("--layout <l>", "dress rehearsal: cluster layout").choices([
      "auto",
      "kubespray",
      "kubeadm"
    ])
  ).addOption(
    new Option("--strategy <s>", "quorum-loss recovery: all members at once, or one then grow").choices(["parallel", "grow"]).default("parallel")
  ).action(async (o, cmd) => {
    const given = (name) => cmd.getOptionValueSource(name) !== "default";
    if (o.inventory) {
      if (o.scenario || given("provider")) {
        throw new InputError(
          "--scenario and --provider are for the fixed rehearsals; with -i the dress rehearsal replicates the inventory on the local provider."
        );
      }
      await run(
        program,
        "rehearse",
        (ctx) => rehearseInventory(
          {
            inventory: o.inventory,
            backup: o.backup,
            identityFiles: o.identity ?? [],
            trustedSigners: o.trustedSigners,
            brokenEtcd: o.brokenEtcd,
            brokenControlPlane: o.brokenControlPlane,
            removeHosts: o.removeHost,
            ...given("keys") ? { keys: o.keys } : {},
            sizeMb: o.sizeMb,
            ...given("etcdVersion") ? { etcdVersion: o.etcdVersion } : {},
            layout: o.layout,
            strategy: o.strategy,
            report: o.report
          },
          ctx
        )
      );
      return;
    }
    if (o.backup || o.brokenEtcd || o.brokenControlPlane || o.removeHost || o.sizeMb) {
      throw new InputError(
        "--backup, --broken-etcd, --broken-control-plane, --remove-host and --size-mb belong to the dress rehearsal: give the inventory with -i."
      );
    }
    await run(
      program,
      "rehearse",
      (ctx) => rehearse(
        {
          provider: o.provider,
          etcdVersion: o.etcdVersion,
          scenarios: o.scenario,
          report: o.report,
          keys: o.keys
        },
        ctx
      )
    );
  });
  return program;
}
async function main(argv) {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`kube-rescue: ${message}
`);
    if (!(err instanceof InputError) && process.env.KUBE_RESCUE_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}
`);
    }
    return exitCodeOf(err);
  }
}
dropHarmlessWarnings();
process.stdout.on("error", (err) => {
  if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw err;
});
main(process.argv).then((code) => {
  process.exitCode = code;
});
export {
  buildProgram,
  main
};
//# sourceMappingURL=cli.js.map
