#!/usr/bin/env node
import {
  SnapshotKeyspace,
  requireOwnName
} from "./chunk-TNMCLJB6.js";
import {
  MANIFEST_SIGNATURE,
  checkSetSignature,
  compareHashKV,
  connectEtcdClient,
  describeSignature,
  fingerprintWithClient,
  hashKVViaEtcdCtl,
  loadIdentityFiles,
  readObject
} from "./chunk-K5JV7D7L.js";
import "./chunk-LAA6A62G.js";
import {
  SnapshotStatusReader
} from "./chunk-EZU5HCA3.js";
import "./chunk-U3FYCLYN.js";
import {
  EtcdCtl,
  defaultToolCommands,
  parseSemVer
} from "./chunk-U6HZZ6QY.js";
import {
  LocalTransport
} from "./chunk-AI3HM6CK.js";
import "./chunk-TOAWPYOC.js";
import "./chunk-ZZ57F2FG.js";
import {
  openSet,
  parseManifest,
  privateFileStream
} from "./chunk-JN7VJA7J.js";
import "./chunk-XLKS4FDF.js";
import {
  InputError,
  KubeRescueError,
  OperationError,
  __callDispose,
  __using
} from "./chunk-BCQJ3TK4.js";

// src/commands/verify.ts
import { isDeepStrictEqual } from "node:util";

// src/backup/verify-set.ts
import { createReadStream } from "node:fs";
import { mkdtemp as mkdtemp2, rm } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2, resolve } from "node:path";
import { text } from "node:stream/consumers";

// src/etcd/local-cluster.ts
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, open, readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
var ephemeralLow;
function lowestEphemeralPort() {
  if (ephemeralLow === void 0) {
    ephemeralLow = 32768;
    try {
      const [lo, hi] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
      if (lo && hi && lo < hi) ephemeralLow = lo;
    } catch {
    }
  }
  return ephemeralLow;
}
var handedOut = /* @__PURE__ */ new Set();
function canListen(port) {
  return new Promise((resolve2) => {
    const srv = createServer();
    srv.unref();
    srv.once("error", () => resolve2(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve2(true)));
  });
}
async function freePort() {
  const low = 1e4;
  const ephemeral = lowestEphemeralPort();
  const high = ephemeral > low + 1e3 ? ephemeral : 65535;
  for (let i = 0; i < 200; i++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (handedOut.has(port) || !await canListen(port)) continue;
    handedOut.add(port);
    return port;
  }
  throw new OperationError(
    `No free port on 127.0.0.1 between ${low} and ${high} after 200 tries: something holds most of them. Free some (ss -ltn) and run again.`
  );
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
    manifest = parseManifest(await text(await store.read(setName, "manifest.json")), where);
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
      sink: file ? privateFileStream(file) : void 0
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
export {
  VerifyFailedError,
  verify
};
//# sourceMappingURL=verify-7W65GBHQ.js.map
