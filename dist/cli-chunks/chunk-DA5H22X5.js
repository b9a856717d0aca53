#!/usr/bin/env node
import {
  SNAPSHOT_COMMAND_TIMEOUT_MS,
  archivePaths,
  discardSnapshot,
  existingPaths,
  readSnapshot,
  snapshotCtl,
  streamSnapshot,
  takeSnapshot
} from "./chunk-KQACRCKW.js";
import {
  detectLayout,
  layoutByName
} from "./chunk-E33XPV3C.js";
import {
  MANIFEST_SIGNATURE,
  checkManifestSignature,
  fingerprintEndpoints,
  fingerprintViaEtcdCtl,
  hashKVOfMember,
  hashKVViaEtcdCtl,
  parseRecipient,
  preloadEtcdClient,
  requireCompression,
  signManifest,
  storeObject
} from "./chunk-K5JV7D7L.js";
import {
  EtcdCtl
} from "./chunk-U6HZZ6QY.js";
import {
  LocalTransport
} from "./chunk-AI3HM6CK.js";
import {
  buildManifest,
  openStore,
  parseManifest,
  serializeManifest
} from "./chunk-JN7VJA7J.js";
import {
  checkClusterName,
  formatSetName,
  parseSetName
} from "./chunk-XLKS4FDF.js";
import {
  InputError,
  OperationError,
  __callDispose,
  __using
} from "./chunk-BCQJ3TK4.js";

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
  const { probeCluster } = await import("./probe-TCXNJHVV.js");
  const health = await probeCluster(inventory, transportFor, opts.access, {
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
    const inventory = opts.inventory ? await (await import("./inventory-GIOK2EAD.js")).loadInventory(opts.inventory) : void 0;
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
    const pool = __using(_stack, inventory ? new (await import("./connect-FUILXC4C.js")).NodePool(opts.access) : void 0, true);
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

export {
  FINGERPRINT_MODES,
  backup
};
//# sourceMappingURL=chunk-DA5H22X5.js.map
