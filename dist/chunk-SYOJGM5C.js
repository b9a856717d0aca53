import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  BackupSource,
  MANIFEST_SIGNATURE,
  NodeStepRunner,
  SNAPSHOT_COMMAND_TIMEOUT_MS,
  archivePaths,
  buildManifest,
  canonicalJson,
  checkManifestSignature,
  checkPlanObjects,
  checkSignature,
  clusterChanges,
  discardSnapshot,
  existingPaths,
  fingerprintEndpoints,
  fingerprintViaEtcdCtl,
  hashKVOfMember,
  hashKVViaEtcdCtl,
  inventoryChanges,
  openNodeTransports,
  openSet,
  openStore,
  parseManifest,
  parsePlanFile,
  parseRecipient,
  planFileSha256,
  planInventoryOf,
  preloadEtcdClient,
  preparePlan,
  readSnapshot,
  replan,
  reportSignature,
  requireCompression,
  requireSignedManifest,
  serializeManifest,
  sha256Hex,
  signManifest,
  snapshotCtl,
  storeObject,
  streamSnapshot,
  takeSnapshot,
  verifyRecovery
} from "./chunk-2NC5A4CN.js";
import {
  EtcdCtl,
  clientTls,
  detectLayout,
  layoutByName,
  probeCluster
} from "./chunk-5SPYDBEF.js";
import {
  loadInventory,
  recoveryRewrite
} from "./chunk-MEJURZJQ.js";
import {
  LocalTransport
} from "./chunk-GYZZWE6L.js";
import {
  checkClusterName,
  formatSetName,
  parseSetName
} from "./chunk-BY6X66LN.js";
import {
  InputError,
  OperationError
} from "./chunk-ZIEKZMFP.js";
import {
  __callDispose,
  __using
} from "./chunk-DNO6I5HZ.js";

// src/commands/backup.ts
import { hostname } from "node:os";

// src/backup/backup-set.ts
import { Readable } from "node:stream";
async function storeFromNode(exec, pending, opts) {
  const done = exec.done;
  done.catch(() => {
  });
  const stored = await storeObject(exec.stdout, pending, opts);
  await done;
  return stored;
}
function snapshotObject(opts, source) {
  return {
    base: "etcd.db",
    kind: "etcd-snapshot",
    compression: opts.compression,
    recipients: opts.recipients,
    mode: 384,
    snapshotTrailer: `snapshot from member ${source.member}`
  };
}
async function snapshotViaNode(sources, pending, opts) {
  const t = await takeSnapshot(sources, opts.progress);
  try {
    const stored = await storeFromNode(readSnapshot(t), pending, snapshotObject(opts, t.source));
    if (stored.plaintextBytes !== t.bytes) {
      throw new OperationError(
        `The snapshot from member ${t.source.member} is ${t.bytes} bytes on node ${t.source.node}, but ${stored.plaintextBytes} bytes arrived. Nothing was committed; retry.`
      );
    }
    return { source: t.source, stored, status: t.status, discard: () => discardSnapshot(t) };
  } catch (err) {
    await discardSnapshot(t);
    throw err;
  }
}
async function snapshotStreamed(sources, store, setName, pending, opts, started) {
  const failed = [];
  for (const source of sources) {
    if (failed.length > 0) {
      await pending.set.abort();
      pending.set = await store.begin(setName);
    }
    let streamed;
    try {
      streamed = await streamSnapshot(source, opts.progress, {
        checksOnWorker: opts.compression === "none"
      });
      if (streamed.startRevision !== void 0) started(streamed.startRevision, source);
      const stored = await storeObject(streamed.stream, pending.set, {
        ...snapshotObject(opts, source),
        trailerFrom: streamed.trailer
      });
      const announced = streamed.announcedBytes();
      if (announced !== stored.plaintextBytes) {
        throw new OperationError(
          `Member ${source.member} announced a ${announced ?? "unknown"}-byte snapshot, but ${stored.plaintextBytes} bytes arrived.`
        );
      }
      return { source, stored, status: streamed.status, discard: streamed.discard };
    } catch (err) {
      await streamed?.discard();
      const error = err instanceof Error ? err.message : String(err);
      failed.push({ member: source.member, error });
      opts.progress.warn(
        `Snapshot from member ${source.member} failed; trying the next healthy member. ${error}`
      );
    }
  }
  throw new OperationError(
    `Could not take an etcd snapshot from any of ${sources.length} healthy member(s):
${failed.map((a) => `- ${a.member}: ${a.error}`).join("\n")}
Nothing was stored. Check the members' health and retry.`
  );
}
async function writeBackupSet(store, sources, opts) {
  const { progress } = opts;
  requireCompression(opts.compression);
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const setName = formatSetName(sources.cluster, now);
  const archives = [];
  for (const n of sources.nodes) {
    const found = await existingPaths(n.transport, n.paths);
    if (found.missingRequired.length > 0) {
      throw new OperationError(
        `Node ${n.node}: ${found.missingRequired.join(", ")} missing. These certificates/keys are part of the backup; check --layout (kubespray|kubeadm) for this node, or pass --etcd-only to back up the snapshot alone.`
      );
    }
    for (const p of found.missingOptional) progress.debug(`node ${n.node}: optional ${p} absent`);
    archives.push({ node: n.node, transport: n.transport, paths: found.present });
  }
  const pending = { set: await store.begin(setName) };
  let snapshot;
  try {
    const direct = sources.snapshotSources.every((s) => s.direct);
    const early = {};
    const started = (revision, member) => {
      if (!sources.hashKV) return;
      early.hashKV = sources.hashKV(revision, member);
      early.hashKV.catch(() => {
      });
      Object.assign(early, { member, revision });
    };
    snapshot = await progress.phase(
      `Store the etcd snapshot in ${store.urlOf(setName)}`,
      () => direct && sources.snapshotSources.length > 0 ? snapshotStreamed(sources.snapshotSources, store, setName, pending, opts, started) : snapshotViaNode(sources.snapshotSources, pending.set, opts)
    );
    const t = snapshot;
    const p = pending.set;
    const atRevision = (read, ahead) => {
      const value = read ? t.status.then(
        (status2) => ahead?.hashKV && ahead.member === t.source && ahead.revision === status2.revision ? ahead.hashKV.catch(() => read(status2.revision, t.source)) : read(status2.revision, t.source)
      ) : Promise.resolve(null);
      value.catch(() => {
      });
      return value;
    };
    const hashKV = atRevision(sources.hashKV, early);
    const fingerprint = atRevision(sources.fingerprint);
    const objects = [t.stored];
    for (const a of archives) {
      await progress.phase(`Archive ${a.paths.length} path(s) from node ${a.node}`, async () => {
        objects.push(
          await storeFromNode(archivePaths(a.transport, a.paths), p, {
            base: `${a.node}-pki.tar`,
            kind: "node-files",
            node: a.node,
            compression: opts.compression,
            recipients: opts.recipients,
            mode: 384
          })
        );
      });
    }
    const status = await t.status.catch((err) => {
      throw new OperationError(
        `snapshot status of the snapshot from member ${t.source.member} failed on node ${t.source.node}: ${err.message}. Nothing was committed; retry.`,
        { cause: err }
      );
    });
    const [hk, fp] = await Promise.all([hashKV, fingerprint]).catch((err) => {
      throw new OperationError(
        `Reading the keyspace check at revision ${status.revision} failed: ${err.message}. Nothing was committed; retry.`,
        { cause: err }
      );
    });
    const manifest = buildManifest({
      created: now.toISOString(),
      cluster: sources.cluster,
      setName,
      etcd: {
        version: sources.etcdVersion,
        members: sources.members.map((m) => ({
          id: m.id,
          name: m.name,
          peerURLs: m.peerURLs,
          clientURLs: m.clientURLs
        })),
        snapshotMember: t.source.member
      },
      snapshot: {
        revision: status.revision,
        totalKey: status.totalKey,
        hash: status.hash,
        size: status.totalSize
      },
      hashKV: hk,
      fingerprint: fp,
      kubernetes: {
        flavor: sources.flavor,
        nodes: archives.map((a) => a.node),
        paths: [...new Set(archives.flatMap((a) => a.paths))]
      },
      objects
    });
    const manifestBytes = Buffer.from(serializeManifest(manifest));
    if (opts.signKeyFile) {
      const signature = await signManifest(manifestBytes, opts.signKeyFile);
      await p.write(MANIFEST_SIGNATURE, Readable.from([signature]), { mode: 384 });
    }
    await p.write("manifest.json", Readable.from([manifestBytes]), { mode: 384 });
    await p.commit();
    return { setName, manifest };
  } catch (err) {
    await pending.set.abort().catch((abortErr) => {
      progress.warn(`Could not clean up the unfinished set ${setName}: ${abortErr.message}`);
    });
    throw err;
  } finally {
    await snapshot?.discard();
  }
}

// src/backup/prune.ts
import { text } from "node:stream/consumers";

// src/stores/retention.ts
function hasRetention(p) {
  return Boolean(p.keep || p.keepHourly || p.keepDaily || p.keepWeekly);
}
function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 864e5 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
var BUCKETS = [
  { rule: "keepHourly", label: "hourly", of: (d) => d.toISOString().slice(0, 13) },
  { rule: "keepDaily", label: "daily", of: (d) => d.toISOString().slice(0, 10) },
  { rule: "keepWeekly", label: "weekly", of: isoWeek }
];
function planRetention(sets, policy, cluster) {
  const untouched = [];
  const ours = [];
  for (const s of sets) {
    const parsed = parseSetName(s.name);
    if (!parsed || parsed.cluster !== cluster || !s.ours) untouched.push(s.name);
    else ours.push({ name: s.name, created: parsed.created, verified: s.verified });
  }
  ours.sort((a, b) => b.created.getTime() - a.created.getTime() || b.name.localeCompare(a.name));
  const reasons = /* @__PURE__ */ new Map();
  const mark = (name, why) => reasons.set(name, [...reasons.get(name) ?? [], why]);
  if (!hasRetention(policy)) {
    for (const s of ours) mark(s.name, "no retention policy");
  } else {
    if (policy.keep)
      for (const s of ours.slice(0, policy.keep)) mark(s.name, `keep ${policy.keep}`);
    for (const { rule, label, of } of BUCKETS) {
      const n = policy[rule];
      if (!n) continue;
      const seen = /* @__PURE__ */ new Set();
      for (const s of ours) {
        const bucket = of(s.created);
        if (seen.has(bucket)) continue;
        if (seen.size >= n) break;
        seen.add(bucket);
        mark(s.name, `${label} ${bucket}`);
      }
    }
  }
  const newestVerified = ours.find((s) => s.verified);
  if (newestVerified) mark(newestVerified.name, "newest verified");
  const keep = ours.filter((s) => reasons.has(s.name)).map((s) => ({ name: s.name, reasons: reasons.get(s.name) }));
  const remove = ours.filter((s) => !reasons.has(s.name)).map((s) => s.name).reverse();
  return { keep, remove, untouched };
}

// src/backup/prune.ts
async function pruneSets(store, cluster, policy, progress) {
  const candidates = [];
  for (const name of await store.list()) {
    const parsed = parseSetName(name);
    let ours = false;
    if (parsed?.cluster === cluster) {
      try {
        parseManifest(
          await text(await store.read(name, "manifest.json")),
          `${store.urlOf(name)}/manifest.json`
        );
        ours = true;
      } catch (err) {
        progress.warn(`Retention leaves ${store.urlOf(name)} alone: ${err.message}`);
      }
    }
    candidates.push({ name, ours, verified: ours });
  }
  const decision = planRetention(candidates, policy, cluster);
  for (const name of decision.remove) {
    progress.info(`Retention: removing ${store.urlOf(name)}`);
    await store.remove(name);
  }
  return decision;
}

// src/commands/backup.ts
var FINGERPRINT_MODES = ["hash", "full", "none"];
function keyspaceChecks(mode, full) {
  if (mode === "none") return {};
  return {
    // Over gRPC where this machine reaches the member, else etcdctl on its node.
    hashKV: (revision, member) => member.direct ? hashKVOfMember(member.direct, member.endpoint, revision) : hashKVViaEtcdCtl(member.ctl, revision),
    ...mode === "full" ? { fingerprint: full } : {}
  };
}
var DEFAULT_CLUSTER = "cluster.local";
function tlsFromFlags(access) {
  const given = [access.etcdCacert, access.etcdCert, access.etcdKey].filter(Boolean).length;
  if (given === 0) return void 0;
  if (given !== 3) {
    throw new InputError(
      "--etcd-cacert, --etcd-cert and --etcd-key go together: give all three, or none to use the layout."
    );
  }
  return { cacert: access.etcdCacert, cert: access.etcdCert, key: access.etcdKey };
}
async function layoutOf(access, transport) {
  if (access.layout !== "auto") return layoutByName(access.layout);
  try {
    return await detectLayout(transport);
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    throw new OperationError(
      `${err.message} To back up the etcd snapshot alone from this machine, pass --etcd-only.`,
      { cause: err }
    );
  }
}
async function localSources(opts, cluster) {
  const { access } = opts;
  if (access.transport !== "local") {
    throw new InputError(
      `Without an inventory (-i) there are no nodes to reach over ${access.transport}: pass -i hosts.ini, or --transport local --etcd-endpoints URL,... when this machine is the node or reaches etcd.`
    );
  }
  const endpoints = access.etcdEndpoints ?? [];
  if (endpoints.length === 0) {
    throw new InputError(
      "Without an inventory, --etcd-endpoints is required (e.g. --etcd-endpoints https://127.0.0.1:2379)."
    );
  }
  if (opts.fingerprint === "full") preloadEtcdClient();
  const local = new LocalTransport(hostname());
  let layout;
  let tls = tlsFromFlags(access);
  if (!opts.etcdOnly || !tls && endpoints.some((e) => e.startsWith("https:"))) {
    layout = await layoutOf(access, local);
  }
  if (!tls && endpoints.some((e) => e.startsWith("https:"))) {
    if (layout?.name !== "kubeadm") {
      throw new InputError(
        "The etcd endpoints use https: pass --etcd-cacert, --etcd-cert and --etcd-key (a client certificate etcd trusts)."
      );
    }
    tls = layout.clientTls(local.node);
  }
  const ctl = new EtcdCtl(local, { endpoints, tls });
  const health = await ctl.endpointHealth();
  const healthy = endpoints.filter((e) => health.some((h) => h.endpoint === e && h.healthy));
  if (healthy.length === 0) {
    const why = health.map((h) => `${h.endpoint}: ${h.error ?? "unhealthy"}`).join("; ");
    throw new OperationError(`No etcd endpoint is healthy (${why}). Nothing was stored.`);
  }
  const live = ctl.withEndpoints(healthy);
  const [{ statuses }, members] = await Promise.all([live.endpointStatus(), live.memberList()]);
  const memberOf = (endpoint) => members.find(
    (m) => m.clientURLs.some((u) => u.replace(/\/$/, "") === endpoint.replace(/\/$/, ""))
  )?.name ?? endpoint;
  const ordered = [...healthy].sort(
    (a, b) => Number(statuses.find((s) => s.endpoint === a)?.isLeader ?? false) - Number(statuses.find((s) => s.endpoint === b)?.isLeader ?? false)
  );
  const snapshotSources = ordered.map((endpoint) => ({
    member: memberOf(endpoint),
    node: local.node,
    endpoint,
    ctl: snapshotCtl(ctl, endpoint),
    // This machine reaches the endpoint: the snapshot streams from it, no file saved first.
    direct: { endpoints: [endpoint], tls }
  }));
  return {
    cluster,
    flavor: layout?.name ?? "unknown",
    etcdVersion: statuses[0]?.version ?? "unknown",
    members,
    snapshotSources,
    nodes: opts.etcdOnly || !layout ? [] : [{ node: local.node, transport: local, paths: layout.backupPaths(local.node) }],
    ...keyspaceChecks(
      opts.fingerprint,
      (revision) => (
        // Pages are held whole in memory, so they stay near 3 MiB (the first, of unknown sizes,
        // is 16 keys); but every page of etcd 3.4 walks the rest of the range to count it, so
        // where objects are small, pages of up to 1000 keys cost etcd far less.
        fingerprintEndpoints(
          { endpoints: healthy, tls },
          { revision, pageSize: 1e3, firstPageSize: 16, targetPageBytes: 3 * 1024 * 1024 }
        )
      )
    )
  };
}
async function inventorySources(opts, inventory, pool, cluster, ctx) {
  const transportFor = opts.transportFor ?? ((host) => pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }));
  const { probeCluster: probeCluster2 } = await import("./probe-EZ5YDTUT.js");
  const health = await probeCluster2(inventory, transportFor, opts.access, {
    progress: ctx.progress
  });
  const layout = layoutByName(health.layout, health.paths);
  const flagTls = tlsFromFlags(opts.access);
  const healthy = health.etcd.filter((e) => e.healthy).sort((a, b) => Number(a.isLeader ?? false) - Number(b.isLeader ?? false));
  const snapshotSources = await Promise.all(
    healthy.map(async (e) => {
      const t = transportFor(e.host);
      return {
        member: e.memberName,
        node: e.host,
        endpoint: e.clientUrl,
        ctl: new EtcdCtl(t, {
          endpoints: [e.clientUrl],
          tls: flagTls ?? layout.clientTls(e.host),
          progress: ctx.progress,
          commandTimeoutMs: SNAPSHOT_COMMAND_TIMEOUT_MS,
          // kubeadm: etcdctl of the static pod's image, in a container that writes the
          // snapshot into the node's own temp dir, where the transport reads it.
          commands: await layout.toolCommands(t)
        })
      };
    })
  );
  if (snapshotSources.length === 0) {
    const why = health.etcd.map((e) => `${e.host}: ${e.errors.join("; ") || "unhealthy"}`);
    throw new OperationError(
      `No etcd member of ${inventory.source} is healthy, so there is nothing consistent to back up:
${why.join("\n")}`
    );
  }
  const first = snapshotSources[0];
  return {
    cluster,
    flavor: health.layoutDetected ? layout.name : "unknown",
    etcdVersion: health.serverVersion ?? "unknown",
    members: health.members,
    snapshotSources,
    nodes: opts.etcdOnly ? [] : inventory.controlPlane().map((host) => ({
      node: host,
      transport: transportFor(host),
      paths: layout.backupPaths(host)
    })),
    ...keyspaceChecks(
      opts.fingerprint,
      (revision) => fingerprintViaEtcdCtl(first.ctl, { revision })
    )
  };
}
function clusterNameOf(inventory) {
  for (const host of inventory?.hosts.values() ?? []) {
    const name = host.vars.cluster_name;
    if (typeof name === "string" && name) return name;
  }
  return void 0;
}
async function backup(opts, ctx) {
  var _stack = [];
  try {
    const { progress } = ctx;
    requireCompression(opts.compress);
    const recipients = opts.encryptTo.map((r) => parseRecipient(r));
    const inventory = opts.inventory ? await (await import("./inventory-2QZESDCT.js")).loadInventory(opts.inventory) : void 0;
    const cluster = checkClusterName(
      opts.clusterName ?? clusterNameOf(inventory) ?? DEFAULT_CLUSTER,
      opts.clusterName ? "--cluster-name" : `cluster_name in ${opts.inventory ?? "the default"}`
    );
    const signedBy = opts.signKey ? await signingKeyOf(opts.signKey) : void 0;
    const store = await openStore(opts.dest, opts.s3);
    const policy = {
      keep: opts.keep,
      keepHourly: opts.keepHourly,
      keepDaily: opts.keepDaily,
      keepWeekly: opts.keepWeekly
    };
    const pool = __using(_stack, inventory ? new (await import("./connect-IHRPCM7W.js")).NodePool(opts.access) : void 0, true);
    const sources = await progress.phase(
      "Probe etcd",
      () => inventory && pool ? inventorySources(opts, inventory, pool, cluster, ctx) : localSources(opts, cluster)
    );
    const { setName, manifest } = await writeBackupSet(store, sources, {
      compression: opts.compress,
      recipients,
      progress,
      signKeyFile: opts.signKey
    });
    const snapshot = manifest.objects.find((o) => o.kind === "etcd-snapshot");
    progress.info(
      `Backup set ${store.urlOf(setName)} written: revision ${manifest.snapshot.revision}, ${manifest.objects.length} object(s).`
    );
    const removed = hasRetention(policy) ? (await progress.phase("Apply retention", () => pruneSets(store, cluster, policy, progress))).remove : [];
    return {
      backupPath: store.urlOf(setName),
      snapshotRevision: manifest.snapshot.revision,
      snapshotSha256: snapshot.plaintextSha256,
      objects: manifest.objects.map((o) => ({ name: o.name, bytes: o.bytes })),
      removedByRetention: removed,
      ...signedBy ? { signedBy } : {}
    };
  } catch (_) {
    var _error = _, _hasError = true;
  } finally {
    var _promise = __callDispose(_stack, _error, _hasError);
    _promise && await _promise;
  }
}
async function signingKeyOf(keyFile) {
  const probe = Buffer.from("kube-rescue signing-key probe\n");
  const check = await checkManifestSignature(
    probe,
    await signManifest(probe, keyFile),
    void 0,
    `--sign-key ${keyFile}`
  );
  if (check.status !== "unchecked") {
    throw new InputError(`--sign-key ${keyFile}: a signature made with this key does not verify.`);
  }
  return check.signer;
}

// src/commands/inventory.ts
import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
async function writeAtomically(path, text2, mode) {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text2, { mode, flag: "wx" });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    const code = err.code ?? "";
    const message = `cannot write the recovery inventory to ${path}: ${err.message}`;
    if (["ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EROFS"].includes(code)) {
      throw new InputError(`${message}. Check the -o path.`, { cause: err });
    }
    throw new OperationError(message, { cause: err });
  }
}
async function inventoryRecover(opts, ctx) {
  const inventory = await loadInventory(opts.inventory, { extraVars: opts.extraVars });
  const snapshot = inventory.extraVars.etcd_snapshot;
  const text2 = recoveryRewrite(inventory, {
    brokenEtcd: opts.brokenEtcd,
    brokenControlPlane: opts.brokenControlPlane,
    etcdSnapshot: typeof snapshot === "string" && snapshot !== "" ? snapshot : void 0
  });
  if (opts.output === void 0) return { text: text2 };
  const mode = (await stat(opts.inventory)).mode & 438;
  await writeAtomically(opts.output, text2, mode);
  ctx.progress.info(`wrote the recovery inventory to ${opts.output}`);
  return { output: opts.output, text: text2 };
}

// src/commands/restore.ts
import { readFile as readFile2 } from "node:fs/promises";
import { dirname as dirname3, join as join2 } from "node:path";

// src/recovery/journal.ts
import { createHash } from "node:crypto";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname as dirname2 } from "node:path";
function planHash(plan) {
  return createHash("sha256").update(canonicalJson(plan)).digest("hex").slice(0, 16);
}
var FIELDS = {
  plan: {
    hash: "string",
    at: "string",
    plan: "object",
    planSha256: "string?",
    planFile: "object?"
  },
  "step-started": { hash: "string", at: "string", step: "string" },
  "step-done": { hash: "string", at: "string", step: "string", ms: "number", detail: "string?" },
  "step-failed": { hash: "string", at: "string", step: "string", ms: "number", error: "string" },
  finished: { hash: "string", at: "string" }
};
function typeOf(v) {
  return v === null ? "null" : Array.isArray(v) ? "array" : typeof v;
}
function entryProblem(e, plans) {
  if (typeOf(e) !== "object") return "it is not a JSON object";
  const o = e;
  const fields = Object.hasOwn(FIELDS, String(o.type)) ? FIELDS[o.type] : void 0;
  if (!fields) return `its type ${JSON.stringify(o.type)} is not one kube-rescue writes`;
  for (const key of Object.keys(o)) {
    if (key !== "type" && !(key in fields)) return `it has an unknown field '${key}'`;
  }
  for (const [key, want] of Object.entries(fields)) {
    const optional = want.endsWith("?");
    if (o[key] === void 0 && optional) continue;
    if (typeOf(o[key]) !== want.replace("?", ""))
      return `its field '${key}' is not a ${want.replace("?", "")}`;
  }
  const hash = o.hash;
  if (o.type === "plan") {
    const plan2 = o.plan;
    if (!Array.isArray(plan2.steps)) return "its plan has no steps";
    if (planHash(plan2) !== hash) {
      return `its plan hashes to ${planHash(plan2)}, not to the ${hash} it is filed under: the plan was edited`;
    }
    if (o.planFile !== void 0) {
      const file = o.planFile;
      if (canonicalJson(file.plan) !== canonicalJson(plan2))
        return "its plan file holds another plan";
      if (planFileSha256(file) !== o.planSha256) {
        return `its plan file hashes to ${planFileSha256(file)}, not to the ${String(o.planSha256)} recorded`;
      }
    }
    plans.set(hash, plan2);
    return void 0;
  }
  const plan = plans.get(hash);
  if (!plan) return `it belongs to plan ${hash}, which the journal never began`;
  if ("step" in o && !plan.steps.some((s) => s.id === o.step)) {
    return `plan ${hash} has no step ${JSON.stringify(o.step)}`;
  }
  return void 0;
}
function parseJournal(text2, where, tornTailAllowed) {
  const lines = text2.split("\n").filter((l) => l.trim() !== "");
  const entries = [];
  const plans = /* @__PURE__ */ new Map();
  for (const [i, line] of lines.entries()) {
    let parsed;
    try {
      parsed = JSON.parse(line);
    } catch {
      if (tornTailAllowed && i === lines.length - 1) break;
      throw new InputError(
        `Journal ${where}, line ${i + 1} is not JSON: it was edited or damaged. Move it aside to start a fresh plan.`
      );
    }
    const problem = entryProblem(parsed, plans);
    if (problem) {
      throw new InputError(
        `Journal ${where}, line ${i + 1} is not a journal entry: ${problem}. It was edited or damaged; move it aside to start a fresh plan.`
      );
    }
    entries.push(parsed);
  }
  return entries;
}
var Journal = class _Journal {
  constructor(path, entries, remote) {
    this.path = path;
    this.entries = entries;
    this.remote = remote;
  }
  path;
  entries;
  remote;
  /** Reads the journal at `path` (absent = empty). A torn last line from a crash is ignored. */
  static async open(path) {
    let text2 = "";
    try {
      text2 = await readFile(path, "utf8");
    } catch (err) {
      if (err.code !== "ENOENT") {
        throw new InputError(`Cannot read the journal ${path}: ${err.message}`);
      }
    }
    return new _Journal(path, parseJournal(text2, path, true));
  }
  /** Reads the journal kept in a store (absent = empty), checked like any input from there. */
  static async openIn(store) {
    let text2;
    try {
      text2 = await store.load();
    } catch (err) {
      const Failure = err instanceof InputError ? InputError : OperationError;
      throw new Failure(
        `Cannot read the journal ${store.where}: ${err.message}. A restore needs it to know what an earlier run did.`,
        { cause: err }
      );
    }
    return new _Journal(store.where, parseJournal(text2 ?? "", store.where, false), store);
  }
  /** Whether it came from a store (then a resumed plan must carry its plan file). */
  get inStore() {
    return this.remote !== void 0;
  }
  /** The last plan that was begun and never finished: the one a re-run must resume. */
  unfinished() {
    const last = this.entries.findLast((e) => e.type === "plan");
    if (last?.type !== "plan") return void 0;
    if (this.entries.some((e) => e.type === "finished" && e.hash === last.hash)) return void 0;
    return {
      hash: last.hash,
      plan: last.plan,
      ...last.planFile ? { planFile: last.planFile, planSha256: last.planSha256 } : {}
    };
  }
  completed(hash) {
    return new Set(
      this.entries.flatMap((e) => e.type === "step-done" && e.hash === hash ? [e.step] : [])
    );
  }
  /** Steps that started but never completed: a crash hit them midway. */
  interrupted(hash) {
    const done = this.completed(hash);
    return [
      ...new Set(
        this.entries.flatMap(
          (e) => e.type === "step-started" && e.hash === hash && !done.has(e.step) ? [e.step] : []
        )
      )
    ];
  }
  /** Records the start of `plan` (with the plan file it came from), unless resuming it. */
  async begin(plan, planFile) {
    const hash = planHash(plan);
    const current = this.unfinished();
    if (current?.hash === hash) return hash;
    await this.append({
      type: "plan",
      hash,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      plan,
      ...planFile ? { planSha256: planFileSha256(planFile), planFile } : {}
    });
    return hash;
  }
  stepStarted(hash, step) {
    return this.append({ type: "step-started", hash, at: (/* @__PURE__ */ new Date()).toISOString(), step });
  }
  stepDone(hash, step, ms, detail) {
    return this.append({ type: "step-done", hash, at: (/* @__PURE__ */ new Date()).toISOString(), step, ms, detail });
  }
  stepFailed(hash, step, ms, error) {
    return this.append({
      type: "step-failed",
      hash,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      step,
      ms,
      error
    });
  }
  finish(hash) {
    return this.append({ type: "finished", hash, at: (/* @__PURE__ */ new Date()).toISOString() });
  }
  /** Appends one line and fsyncs it: once this resolves, a crash cannot lose the record. */
  async append(entry) {
    if (this.remote) {
      const text2 = [...this.entries, entry].map((e) => `${JSON.stringify(e)}
`).join("");
      try {
        await this.remote.save(text2);
      } catch (err) {
        throw new OperationError(
          `Cannot write the journal ${this.path}: ${err.message}. Without it a re-run could repeat steps; fix the store and run again.`,
          { cause: err }
        );
      }
      this.entries.push(entry);
      return;
    }
    try {
      await mkdir(dirname2(this.path), { recursive: true, mode: 448 });
      const fh = await open(this.path, "a", 384);
      try {
        await fh.write(`${JSON.stringify(entry)}
`);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw new OperationError(
        `Cannot write the journal ${this.path}: ${err.message}. Without it a re-run could repeat steps; fix the path (--journal) and run again.`,
        { cause: err }
      );
    }
    this.entries.push(entry);
  }
};

// src/recovery/execute.ts
var RecordingRunner = class {
  recorded = [];
  async run(step) {
    this.recorded.push(step);
    return `would ${step.action} on ${step.node}`;
  }
};
var RecoveryStepError = class extends OperationError {
  constructor(message, execution, options) {
    super(message, options);
    this.execution = execution;
  }
  execution;
};
function chainsByNodeAndLane(batch) {
  const by = /* @__PURE__ */ new Map();
  for (const step of batch) {
    const key = `${step.node}\0${step.lane ?? ""}`;
    const chain = by.get(key);
    if (chain) chain.push(step);
    else by.set(key, [step]);
  }
  return [...by.values()];
}
function batches(steps) {
  const out = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (last && step.group !== void 0 && last[0].group === step.group) last.push(step);
    else out.push([step]);
  }
  return out;
}
async function executePlan(plan, runner, options) {
  const t0 = Date.now();
  const { journal, progress } = options;
  const expected = planHash(plan);
  const done = journal?.completed(expected) ?? /* @__PURE__ */ new Set();
  await runner.prepare?.(plan.steps.filter((s) => !done.has(s.id)));
  const hash = journal ? await journal.begin(plan, options.planFile) : expected;
  const interrupted = new Set(journal?.interrupted(hash) ?? []);
  const resumed = done.size > 0 || interrupted.size > 0;
  if (resumed) {
    progress.info(
      `Resuming plan ${hash} from ${journal.path}: ${done.size} of ${plan.steps.length} steps were completed by an earlier run and are not repeated.`
    );
  }
  const results = new Map(
    plan.steps.map((s) => [
      s.id,
      { id: s.id, action: s.action, node: s.node, status: "not-run", ms: 0 }
    ])
  );
  const runOne = async (step) => {
    const result = results.get(step.id);
    if (done.has(step.id)) {
      result.status = "done-before";
      progress.info(`${step.id}: completed by an earlier run, skipped`);
      return;
    }
    if (interrupted.has(step.id)) {
      progress.warn(
        `${step.id} was interrupted by the earlier run; running it again (each step checks what is already in place).`
      );
    }
    await journal?.stepStarted(hash, step.id);
    const started = Date.now();
    try {
      const detail = await progress.phase(
        `${step.id} on ${step.node}: ${step.reason}`,
        () => runner.run(step)
      );
      result.ms = Date.now() - started;
      result.status = "done";
      result.detail = detail;
      await journal?.stepDone(hash, step.id, result.ms, detail);
    } catch (err) {
      result.ms = Date.now() - started;
      result.status = "failed";
      result.error = err.message;
      await journal?.stepFailed(hash, step.id, result.ms, result.error);
      throw err;
    }
  };
  for (const batch of batches(plan.steps)) {
    const failed = [];
    await Promise.all(
      chainsByNodeAndLane(batch).map(async (chain) => {
        for (const step of chain) {
          try {
            await runOne(step);
          } catch (err) {
            failed.push([step, err]);
            return;
          }
        }
      })
    );
    if (failed.length > 0) {
      const [step, reason] = failed[0];
      const others = failed.length > 1 ? ` (and ${failed.length - 1} more steps of the same group)` : "";
      const execution = {
        planHash: hash,
        resumed,
        steps: [...results.values()],
        ms: Date.now() - t0
      };
      throw new RecoveryStepError(
        `Step ${step.id} (${step.action} on ${step.node}) failed${others}: ${reason.message}
Undo if needed: ${step.undo}.
` + (journal ? `Fix the cause and run restore again: it resumes from this step (journal ${journal.path}, plan ${hash}).` : "Fix the cause and run again."),
        execution,
        { cause: reason }
      );
    }
  }
  await journal?.finish(hash);
  return { planHash: hash, resumed, steps: [...results.values()], ms: Date.now() - t0 };
}

// src/report/plan.ts
var cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
function paramsText(step) {
  const p = step.params;
  const parts = [];
  for (const [k, v] of Object.entries(p)) {
    if (v === void 0) continue;
    if (k === "set" && v && typeof v === "object") {
      parts.push(
        Object.entries(v).map(([ek, ev]) => `${ek}=${ev}`).join(" ")
      );
    } else if (Array.isArray(v)) {
      parts.push(
        `${k}: ${v.map((x) => x && typeof x === "object" && "name" in x ? String(x.name) : String(x)).join(", ")}`
      );
    } else if (v && typeof v === "object") {
      const o = v;
      parts.push(
        `${k}: ${o.kind === "node" ? `${o.node}:${o.path}` : o.kind === "peer" ? `peer ${o.node}` : o.kind === "backup" ? String(o.object) : JSON.stringify(v)}`
      );
    } else {
      parts.push(`${k}: ${String(v)}`);
    }
  }
  return parts.join(", ");
}
function sourceText(plan) {
  const s = plan.source;
  if (s.kind === "survivor") {
    return `fresh snapshot from survivor ${s.node} (${s.member}, raft index ${s.raftIndex})`;
  }
  if (s.kind === "backup") return `backup set ${s.location} (revision ${s.revision})`;
  return "none (no snapshot is restored)";
}
function renderPlanMarkdown(plan) {
  const lines = [
    `### Recovery plan for \`${plan.cluster}\`: ${plan.case}`,
    "",
    `- Strategy: **${plan.strategy}**; snapshot source: ${sourceText(plan)}`,
    `- Broken etcd members: ${plan.brokenEtcd.join(", ") || "none"}; broken control-plane nodes: ${plan.brokenControlPlane.join(", ") || "none"} (from the ${plan.brokenFrom})`,
    ...Object.entries(plan.brokenWhy ?? {}).map(([host, why]) => `  - ${host}: ${why}`),
    ...plan.removedHosts?.length ? [`- Removed for good (not re-added): ${plan.removedHosts.join(", ")}`] : [],
    `- Layout: ${plan.layout}; planned ${plan.createdAt}`,
    ""
  ];
  if (plan.warnings.length > 0) {
    lines.push(...plan.warnings.map((w) => `> \u26A0\uFE0F ${w}`), "");
  }
  lines.push(
    "| Step | Node | Action | Parameters | Why | Undo |",
    "|---|---|---|---|---|---|",
    ...plan.steps.map(
      (s) => `| ${s.id}${s.group ? ` \u21C9${s.group}` : ""}${s.lane ? ` \u2225${s.lane}` : ""} | ${s.node} | ${s.destructive ? "**" : ""}${s.action}${s.destructive ? "**" : ""} | ${cell(paramsText(s))} | ${cell(s.reason)} | ${cell(s.undo)} |`
    ),
    "",
    "**Bold** actions change data or membership (what they replace is moved aside, never deleted); no completed step runs again on resume; \u21C9 marks steps that run together, \u2225 a step that runs beside its node\u2019s other steps of the group.",
    ""
  );
  return lines.join("\n");
}
function renderPlanHash(sha256, path) {
  if (!sha256) return "";
  return `
Plan file sha256 \`${sha256}\`${path ? `, written to \`${path}\`` : ""}: restore --plan runs exactly this plan.
`;
}
function renderExecutionMarkdown(execution) {
  const lines = [
    `### Executed plan ${execution.planHash}${execution.resumed ? " (resumed)" : ""} in ${(execution.ms / 1e3).toFixed(1)} s`,
    "",
    "| Step | Node | Status | Time | Detail |",
    "|---|---|---|---|---|",
    ...execution.steps.map(
      (s) => `| ${s.id} | ${s.node} | ${s.status} | ${(s.ms / 1e3).toFixed(1)} s | ${cell(s.error ?? s.detail ?? "")} |`
    ),
    ""
  ];
  return lines.join("\n");
}
function renderVerificationMarkdown(v) {
  const mark = { passed: "\u2705", failed: "\u274C", skipped: "\u2796" };
  return [
    `### Verification: ${v.ok ? "passed" : "FAILED"}`,
    "",
    "| Check | Result | Expected | Actual | Detail |",
    "|---|---|---|---|---|",
    ...v.checks.map(
      (c) => `| ${c.name} | ${mark[c.status]} ${c.status} | ${cell(c.expected ?? "")} | ${cell(c.actual ?? "")} | ${cell(c.detail)} |`
    ),
    ""
  ].join("\n");
}

// src/commands/restore.ts
function defaultJournalPath(inventory) {
  return join2(dirname3(inventory), ".kube-rescue-restore.journal");
}
var JOURNAL_SUFFIX = ".restore-journal.jsonl";
function backupLocationOf(plan) {
  if (plan.source.kind === "backup") return plan.source.location;
  for (const s of plan.steps) {
    if (s.action === "restore-certs" && s.params.from.kind === "backup") {
      return s.params.from.location;
    }
  }
  return void 0;
}
async function readPlanFile(path, expected) {
  let text2;
  try {
    text2 = await readFile2(path, "utf8");
  } catch (err) {
    throw new InputError(`Cannot read the plan file ${path}: ${err.message}.`);
  }
  const sha256 = sha256Hex(text2);
  if (expected && expected.toLowerCase() !== sha256) {
    throw new InputError(
      `The plan file ${path} has sha256 ${sha256}, not the ${expected} that was approved: it is not the plan the reviewer read. Run plan again.`
    );
  }
  const file = parsePlanFile(text2, path);
  if (planFileSha256(file) !== sha256) {
    throw new InputError(
      `The plan file ${path} is not in the canonical form 'kube-rescue plan --out' writes (its sha256 would differ from the one shown). Run plan again.`
    );
  }
  return { file, sha256 };
}
async function journalStoreFor(opts, backupLocation, ctx) {
  if (!opts.journalStore) return void 0;
  let store;
  let name;
  if (opts.journalStore === "backup") {
    if (!backupLocation) {
      ctx.progress.warn(
        `The plan reads no backup set, so its journal cannot be kept beside one: it stays on this machine${opts.journal ? ` (${opts.journal})` : ""}, and a run on another machine cannot resume from it.`
      );
      return void 0;
    }
    const set = await openSet(backupLocation, opts.s3);
    store = set.store;
    name = `${set.setName}${JOURNAL_SUFFIX}`;
  } else {
    store = await openStore(opts.journalStore, opts.s3);
    name = `kube-rescue${JOURNAL_SUFFIX}`;
  }
  const { readSidecar, writeSidecar, sidecarUrl } = store;
  if (!readSidecar || !writeSidecar) {
    throw new InputError(`The store ${store.location} cannot keep a journal beside its sets.`);
  }
  return {
    where: sidecarUrl?.call(store, name) ?? `${store.location}/${name}`,
    load: () => readSidecar.call(store, name),
    save: (text2) => writeSidecar.call(store, name, text2)
  };
}
async function checkPlanFile(file, where, opts, ctx) {
  const inventory = await loadInventory(opts.inventory);
  const changed = inventoryChanges(file.inventory, planInventoryOf(inventory));
  if (changed.length > 0) {
    throw new InputError(
      `The inventory ${opts.inventory} is not the one the plan ${where} was made from: ${changed.join("; ")}. Run plan again with this inventory.`
    );
  }
  const location = file.backup?.location;
  if (opts.backup && opts.backup !== location) {
    throw new InputError(
      `--backup ${opts.backup} is not the backup set the plan ${where} reads (${location ?? "none"}). Drop --backup, or run plan again with it.`
    );
  }
  const trust = { trustedSigners: opts.trustedSigners, s3: opts.s3 };
  const signed = await checkSignature(location, trust);
  if (signed) reportSignature(signed.check, ctx);
  const backup2 = location ? await BackupSource.open(location, opts.identityFiles, opts.s3) : void 0;
  requireSignedManifest(signed, backup2, trust);
  if (backup2 && backup2.manifestSha256 !== file.backup?.manifestSha256) {
    throw new InputError(
      `The backup set ${location} changed since the plan ${where} was made: its manifest.json has sha256 ${backup2.manifestSha256}, the plan recorded ${file.backup?.manifestSha256}. Run plan again.`
    );
  }
  replan(file, backup2?.summary(), where);
  return { inventory, backup: backup2 };
}
function requireNamedResume(file, where, opts, ctx) {
  const sha = planFileSha256(file);
  if (opts.planSha256 === sha) return;
  for (const line of renderPlanMarkdown(file.plan).split("\n")) ctx.progress.info(line);
  throw new InputError(
    `The journal ${where} (in a store) holds an unfinished plan, shown above, whose plan file has sha256 ${sha}` + (opts.planSha256 ? `, not the ${opts.planSha256} given with --plan-sha256` : "") + `. A plan read back from a store is resumed only when you name it: if it is the restore you began (its first run printed "Executing plan file sha256 ${sha}"), run restore again with --plan-sha256 ${sha}; if not, move ${where} aside in the store and plan afresh. Nothing was changed.`
  );
}
async function restore(opts, ctx) {
  const t0 = Date.now();
  if (!opts.yes && !opts.dryRun) {
    throw new InputError(
      "restore changes the cluster: read the plan ('kube-rescue plan ...'), then run restore again with --yes."
    );
  }
  const given = opts.planFile ? await readPlanFile(opts.planFile, opts.planSha256) : void 0;
  const remote = opts.dryRun ? void 0 : await journalStoreFor(opts, given?.file.backup?.location ?? opts.backup, ctx);
  const journalPath = opts.journal ?? defaultJournalPath(opts.inventory);
  const journal = opts.dryRun ? void 0 : remote ? await Journal.openIn(remote) : await Journal.open(journalPath);
  const pending = journal?.unfinished();
  let plan;
  let planFile;
  let backup2;
  let transports;
  const transportsOf = (inventory) => opts.transportFor ? { transportFor: opts.transportFor, close: async () => {
  } } : openNodeTransports(inventory, opts.access);
  if (given) {
    planFile = given.file;
    plan = planFile.plan;
    const hash = planHash(plan);
    if (pending && pending.hash !== hash) {
      throw new InputError(
        `The journal ${journal.path} holds plan ${pending.hash} (${pending.plan.case}, planned ${pending.plan.createdAt}), which did not finish; the plan file ${opts.planFile} is plan ${hash}. Finish the journal\u2019s plan first (restore with its plan file), or move the journal aside if that plan is abandoned.`
      );
    }
    const checked = await checkPlanFile(planFile, opts.planFile, opts, ctx);
    backup2 = checked.backup;
    transports = transportsOf(checked.inventory);
    try {
      if (pending) {
        ctx.progress.info(
          `The journal ${journal.path} shows plan ${hash} begun and not finished: resuming it (no re-probe of a half-restored cluster).`
        );
      } else {
        const health = await ctx.progress.phase(
          "Re-probe the cluster the plan was made for",
          () => probeCluster(checked.inventory, transports.transportFor, opts.access, {
            progress: ctx.progress,
            goneHosts: planFile.options.removeHosts ?? [],
            ...opts.probeTimeoutMs !== void 0 ? { timeoutMs: opts.probeTimeoutMs } : {}
          })
        );
        const changes = clusterChanges(planFile.state, health);
        if (changes.length > 0) {
          throw new InputError(
            `the cluster changed since the plan was made: ${changes.join("; ")}; run plan again.`
          );
        }
      }
      await checkPlanObjects(plan, backup2);
    } catch (err) {
      await transports.close();
      throw err;
    }
  } else if (pending) {
    plan = pending.plan;
    ctx.progress.info(
      `The journal ${journal.path} holds plan ${pending.hash} (${plan.case}, planned ${plan.createdAt}) that did not finish: resuming it instead of probing a half-restored cluster. Move the journal aside to plan afresh.`
    );
    if (pending.planFile) {
      if (journal.inStore) requireNamedResume(pending.planFile, journal.path, opts, ctx);
      planFile = pending.planFile;
      const checked = await checkPlanFile(planFile, journal.path, opts, ctx);
      backup2 = checked.backup;
      await checkPlanObjects(plan, backup2);
      transports = transportsOf(checked.inventory);
    } else {
      if (journal.inStore) {
        throw new InputError(
          `The journal ${journal.path} holds plan ${pending.hash} without the plan file it ran: a plan read back from a store is run only when it can be checked. Move the journal aside and run plan again.`
        );
      }
      const location = opts.backup ?? backupLocationOf(plan);
      const trust = { trustedSigners: opts.trustedSigners, s3: opts.s3 };
      const signed = await checkSignature(location, trust);
      if (signed) reportSignature(signed.check, ctx);
      backup2 = location ? await BackupSource.open(location, opts.identityFiles, opts.s3) : void 0;
      requireSignedManifest(signed, backup2, trust);
      await checkPlanObjects(plan, backup2);
      transports = transportsOf(await loadInventory(opts.inventory));
    }
  } else {
    const prepared = await preparePlan(opts, ctx);
    plan = prepared.plan;
    planFile = prepared.planFile;
    backup2 = prepared.backup;
    transports = prepared;
  }
  const planSha256 = planFile ? planFileSha256(planFile) : void 0;
  if (planSha256) ctx.progress.info(`Executing plan file sha256 ${planSha256}.`);
  try {
    for (const line of renderPlanMarkdown(plan).split("\n")) ctx.progress.info(line);
    const layout = layoutByName(plan.layout, plan.paths);
    const anchor = plan.steps.find((s) => s.action === "verify").node;
    const runner = opts.dryRun ? new RecordingRunner() : new NodeStepRunner({
      plan,
      transportFor: transports.transportFor,
      layout,
      access: opts.access,
      backup: backup2,
      progress: ctx.progress,
      prefetchSnapshot: !opts.keyspaceOnNode,
      verify: async (observed) => {
        const t = await transports.transportFor(anchor);
        const cluster = new EtcdCtl(t, {
          endpoints: plan.members.map((m) => m.clientURL),
          tls: clientTls(opts.access, layout, anchor),
          progress: ctx.progress,
          commands: await layout.toolCommands(t)
        });
        return verifyRecovery({
          plan,
          cluster,
          layout,
          transportFor: async (h) => transports.transportFor(h),
          observed,
          keyspaceOnNode: opts.keyspaceOnNode,
          debug: (m) => ctx.progress.debug(m)
        });
      }
    });
    const execution = await executePlan(plan, runner, {
      progress: ctx.progress,
      journal,
      ...planFile ? { planFile } : {}
    }).finally(async () => {
      if (runner instanceof NodeStepRunner) await runner.discardPrefetched();
    });
    const verification = runner instanceof NodeStepRunner ? runner.observed.verification : void 0;
    return {
      plan,
      ...planSha256 ? { planSha256 } : {},
      execution,
      verification,
      rtoSeconds: (Date.now() - t0) / 1e3,
      journal: journal?.path
    };
  } finally {
    await transports.close();
  }
}

export {
  FINGERPRINT_MODES,
  backup,
  inventoryRecover,
  renderPlanMarkdown,
  renderPlanHash,
  renderExecutionMarkdown,
  renderVerificationMarkdown,
  defaultJournalPath,
  restore
};
//# sourceMappingURL=chunk-SYOJGM5C.js.map
