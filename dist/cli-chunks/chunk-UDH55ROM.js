#!/usr/bin/env node
import {
  DEFAULT_ETCD_VERSION,
  parseEtcdVersion
} from "./chunk-V46ZLIDJ.js";
import {
  DockerTransport,
  SshTransport
} from "./chunk-BKMBJ7X7.js";
import {
  namedExports
} from "./chunk-LAA6A62G.js";
import {
  silentProgress
} from "./chunk-ZZ57F2FG.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// harness/kind-provider.ts
import { mkdir as mkdir3, readdir as readdir3, readFile as readFile5, rm as rm5, writeFile as writeFile3 } from "node:fs/promises";
import { tmpdir as tmpdir4 } from "node:os";
import { join as join8 } from "node:path";
import { stringify as stringify2 } from "yaml";

// harness/cleanup.ts
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";

// harness/docker-cli.ts
import { spawn } from "node:child_process";
function dockerBinary() {
  return process.env.KUBE_RESCUE_DOCKER ?? "docker";
}
function docker(args, opts = {}) {
  return runCommand(dockerBinary(), args, opts);
}
function runCommand(file, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ["pipe", "pipe", "pipe"] });
    const out = [];
    const err = [];
    let timedOut = false;
    const timer = opts.timeoutMs ? setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, opts.timeoutMs) : void 0;
    const lines = (b) => {
      if (opts.onLine) {
        for (const l of b.toString("utf8").split("\n")) if (l.trim()) opts.onLine(l);
      }
    };
    child.stdout.on("data", (b) => {
      out.push(b);
      lines(b);
    });
    child.stderr.on("data", (b) => {
      err.push(b);
      lines(b);
    });
    child.on("error", (e) => {
      if (timer) clearTimeout(timer);
      reject(
        new OperationError(
          `Could not run \`${file}\`: ${e.message}. Is it installed and on PATH?`,
          { cause: e }
        )
      );
    });
    child.on("close", (code) => {
      if (timer) clearTimeout(timer);
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8")
      };
      if (timedOut) {
        reject(
          new OperationError(
            `\`${file} ${args.join(" ")}\` did not finish in ${opts.timeoutMs} ms.`
          )
        );
      } else if (result.code !== 0 && !opts.allowFailure) {
        reject(
          new OperationError(
            `\`${file} ${args.join(" ")}\` failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`
          )
        );
      } else {
        resolve(result);
      }
    });
    child.stdin.on("error", () => {
    });
    const input = opts.stdin;
    if (input === void 0) child.stdin.end();
    else if (typeof input === "string" || Buffer.isBuffer(input)) child.stdin.end(input);
    else input.pipe(child.stdin);
  });
}

// harness/cleanup.ts
var RUN_LABEL = "kube-rescue.harness";
var OWNER_LABEL = "kube-rescue.harness.owner";
var TEMP_PREFIX = "kube-rescue-cluster-";
function ownerId() {
  return `${hostname()}:${process.pid}`;
}
function runLabels(runId) {
  return { [RUN_LABEL]: runId, [OWNER_LABEL]: ownerId() };
}
function ownerIsGone(owner) {
  if (!owner) return true;
  const i = owner.lastIndexOf(":");
  const host = owner.slice(0, i);
  const pid = Number(owner.slice(i + 1));
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return err.code === "ESRCH";
  }
}
async function labelled(kind) {
  const args = kind === "container" ? [
    "ps",
    "-a",
    "--filter",
    `label=${RUN_LABEL}`,
    "--format",
    `{{.ID}} {{.Label "${OWNER_LABEL}"}}`
  ] : [
    "network",
    "ls",
    "--filter",
    `label=${RUN_LABEL}`,
    "--format",
    `{{.ID}} {{.Label "${OWNER_LABEL}"}}`
  ];
  const out = await docker(args);
  return out.stdout.split("\n").filter(Boolean).map((line) => {
    const [id, owner] = line.split(" ");
    return { id, owner: owner || void 0 };
  });
}
async function removeLeftovers(progress) {
  const containers = (await labelled("container")).filter((c) => ownerIsGone(c.owner));
  if (containers.length > 0) {
    progress.info(`removing ${containers.length} container(s) left by crashed harness runs`);
    await docker(["rm", "-f", "-v", ...containers.map((c) => c.id)], { allowFailure: true });
  }
  const networks = (await labelled("network")).filter((n) => ownerIsGone(n.owner));
  for (const n of networks) {
    await docker(["network", "rm", n.id], { allowFailure: true });
  }
  for (const entry of await readdir(tmpdir())) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    const dir = join(tmpdir(), entry);
    const owner = await readFile(join(dir, "owner"), "utf8").catch(() => void 0);
    if (owner !== void 0 && ownerIsGone(owner.trim())) {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
async function removeRun(runId) {
  const ids = (await docker(["ps", "-aq", "--filter", `label=${RUN_LABEL}=${runId}`])).stdout.split("\n").filter(Boolean);
  if (ids.length > 0) await docker(["rm", "-f", "-v", ...ids], { allowFailure: true });
  const nets = (await docker(["network", "ls", "-q", "--filter", `label=${RUN_LABEL}=${runId}`])).stdout.split("\n").filter(Boolean);
  for (const n of nets) await docker(["network", "rm", n], { allowFailure: true });
}
var liveRuns = /* @__PURE__ */ new Map();
var SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"];
function onSignal(signal) {
  void Promise.allSettled([...liveRuns.values()].map((t) => t())).finally(() => {
    removeSignalHandlers();
    process.kill(process.pid, signal);
  });
}
function removeSignalHandlers() {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}
function trackLiveRun(runId, teardown2) {
  if (liveRuns.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  liveRuns.set(runId, teardown2);
}
function untrackLiveRun(runId) {
  if (liveRuns.delete(runId) && liveRuns.size === 0) removeSignalHandlers();
}
async function newRun() {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const workDir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}${runId}-`));
  await writeFile(join(workDir, "owner"), ownerId());
  return { runId, name: `kube-rescue-${runId}`, workDir };
}

// harness/local-provider.ts
import { mkdir as mkdir2, readFile as readFile4, rm as rm4, writeFile as writeFile2 } from "node:fs/promises";
import { join as join7 } from "node:path";
import { Readable } from "node:stream";

// harness/etcd-health.ts
async function endpointHealth(endpoint, tls, timeoutSeconds = 3) {
  const r = await runCommand(
    "etcdctl",
    [
      `--endpoints=${endpoint}`,
      `--cacert=${tls.cacert}`,
      `--cert=${tls.cert}`,
      `--key=${tls.key}`,
      `--dial-timeout=${timeoutSeconds}s`,
      `--command-timeout=${timeoutSeconds}s`,
      "endpoint",
      "health"
    ],
    { allowFailure: true, timeoutMs: (timeoutSeconds + 5) * 1e3 }
  ).catch((e) => ({ code: -1, stdout: "", stderr: e.message }));
  const text = `${r.stdout}${r.stderr}`.trim();
  const healthy = r.code === 0 && /is healthy/.test(text);
  return healthy ? { endpoint, healthy } : { endpoint, healthy, error: text };
}
async function clusterHealth(endpoints, tls, timeoutSeconds = 3) {
  return Promise.all(endpoints.map((e) => endpointHealth(e, tls, timeoutSeconds)));
}
async function waitForEtcdHealthy(endpoints, tls, options = {}) {
  const deadline = Date.now() + (options.timeoutMs ?? 6e4);
  let last = [];
  while (Date.now() < deadline) {
    last = await clusterHealth(endpoints, tls, 2);
    if (last.every((h) => h.healthy)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  const bad = last.filter((h) => !h.healthy).map((h) => `${h.endpoint}: ${h.error}`).join("; ");
  throw new OperationError(
    `etcd did not become healthy in ${Math.round((options.timeoutMs ?? 6e4) / 1e3)} s: ${bad}. Look at \`journalctl -u etcd\` on those nodes.`
  );
}

// harness/image.ts
import { spawn as spawn2 } from "node:child_process";
import { createHash as createHash2 } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp as mkdtemp2, realpath, rm as rm3 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join4 } from "node:path";

// harness/image-build.ts
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open, readFile as readFile2, rm as rm2, stat } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join2 } from "node:path";
async function rootAccess(what, needs) {
  if (process.getuid?.() === 0) return (file, args) => [file, args];
  const sudo = await runCommand("sudo", ["-n", "true"], { allowFailure: true }).catch(() => ({
    code: -1
  }));
  if (sudo.code === 0) return (file, args) => ["sudo", ["-n", file, ...args]];
  throw new OperationError(
    `Building ${what} needs root (${needs}), and \`sudo -n\` is not allowed here. Run the harness as root or with passwordless sudo.`
  );
}
async function withBuildLock(key, what, progress, work, timeoutMs = 30 * 6e4) {
  const release = await holdMachineLock(key, progress, {
    waiting: (owner) => `another process (${owner}) is building ${what}; waiting for it`,
    timedOut: (owner, lock) => `Waited ${timeoutMs / 6e4} min for another process (${owner || "unknown"}) to build ${what}; remove ${lock} if no build is running.`,
    timeoutMs
  });
  try {
    return await work();
  } finally {
    await release();
  }
}
async function holdMachineLock(key, progress, opts) {
  const slots = opts.slots ?? 1;
  const locks = Array.from(
    { length: slots },
    (_, i) => join2(tmpdir2(), slots === 1 ? `kube-rescue-${key}.lock` : `kube-rescue-${key}-${i}.lock`)
  );
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (; ; ) {
    const owners = [];
    for (const lock of locks) {
      try {
        const handle = await open(lock, "wx", 420);
        await handle.writeFile(ownerId());
        await handle.close();
        return () => rm2(lock, { force: true });
      } catch (err) {
        if (err.code !== "EEXIST") throw err;
        const owner = (await readFile2(lock, "utf8").catch(() => "")).trim();
        if (owner && ownerIsGone(owner)) await rm2(lock, { force: true });
        else owners.push(owner || "unknown");
      }
    }
    if (owners.length < locks.length) continue;
    if (Date.now() > deadline) {
      throw new OperationError(opts.timedOut(owners.join(", "), locks.join(", ")));
    }
    if (!told) {
      progress.info(opts.waiting(owners.join(", ")));
      told = true;
    }
    await new Promise((r) => setTimeout(r, 2e3));
  }
}
var fileHashes = /* @__PURE__ */ new Map();
async function fileSha256(path) {
  const s = await stat(path);
  const key = `${path}\0${s.size}\0${s.mtimeMs}`;
  let hash = fileHashes.get(key);
  if (!hash) {
    hash = new Promise((resolve, reject) => {
      const h = createHash("sha256");
      createReadStream(path).on("data", (b) => h.update(b)).on("error", reject).on("end", () => resolve(h.digest("hex")));
    });
    fileHashes.set(key, hash);
  }
  return hash;
}

// harness/tools.ts
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { homedir } from "node:os";
import { join as join3 } from "node:path";
function toolModuleOf(version) {
  return `etcd-${version}`;
}
function toolsCacheDir(env = process.env) {
  const root = env.KUBE_RESCUE_CACHE || join3(env.XDG_CACHE_HOME || join3(homedir(), ".cache"), "kube-rescue");
  return join3(root, "tools");
}
async function isExecutable(path) {
  return access(path, constants.X_OK).then(
    () => true,
    () => false
  );
}
async function builtEtcdTools(version, env = process.env) {
  const module = toolModuleOf(version);
  const binDir = join3(toolsCacheDir(env), module, "bin");
  const tools = {
    version,
    binDir,
    etcd: join3(binDir, "etcd"),
    etcdctl: join3(binDir, "etcdctl"),
    etcdutl: join3(binDir, "etcdutl")
  };
  const missing = [];
  for (const name of ["etcd", "etcdctl", "etcdutl"]) {
    if (!await isExecutable(tools[name])) missing.push(name);
  }
  if (missing.length > 0) {
    throw new OperationError(
      `etcd ${version} is not built on this machine: ${missing.join(", ")} missing in ${binDir} (the Go module tools/${module}). Build it with: bash scripts/build-tools.sh ${module}  (scripts/setup.sh builds every tool module).`
    );
  }
  return tools;
}

// harness/image.ts
var NODE_IMAGE_REPOSITORY = "kube-rescue-node";
var SUITE = "bookworm";
var PACKAGES = [
  "systemd",
  "systemd-sysv",
  "dbus",
  "openssh-server",
  "etcd-server",
  "etcd-client",
  "iproute2",
  "procps",
  "ca-certificates",
  "tar",
  "gzip",
  "sudo"
];
var FINISH_SCRIPT = `set -eu
rm -f /etc/systemd/system/multi-user.target.wants/etcd.service
ln -sf /usr/bin/etcd /usr/local/bin/etcd
ln -sf /usr/bin/etcdctl /usr/local/bin/etcdctl
rm -f /etc/ssh/ssh_host_*
mkdir -p /root/.ssh && chmod 700 /root/.ssh
systemctl mask getty@tty1.service console-getty.service systemd-logind.service >/dev/null 2>&1 || true
rm -f /etc/hostname
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
`;
var RECIPE_VERSION = 1;
function nodeImageRecipeHash() {
  return createHash2("sha256").update(JSON.stringify({ RECIPE_VERSION, SUITE, variant: "minbase", PACKAGES, FINISH_SCRIPT })).digest("hex").slice(0, 12);
}
function nodeImageTag() {
  return `${NODE_IMAGE_REPOSITORY}:${nodeImageRecipeHash()}`;
}
function debianMirrorFromAptSources(root = "/etc/apt") {
  const sourcesDir = join4(root, "sources.list.d");
  const deb822 = existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((f) => f.endsWith(".sources")).sort().map((f) => readFileSync(join4(sourcesDir, f), "utf8")) : [];
  for (const text of deb822) {
    const found = mirrorFromDeb822(text);
    if (found) return found;
  }
  const listFiles = [join4(root, "sources.list")];
  if (existsSync(sourcesDir)) {
    for (const f of readdirSync(sourcesDir).sort()) {
      if (f.endsWith(".list")) listFiles.push(join4(sourcesDir, f));
    }
  }
  for (const file of listFiles) {
    if (!existsSync(file)) continue;
    const found = mirrorFromOneLineStyle(readFileSync(file, "utf8"));
    if (found) return found;
  }
  return void 0;
}
function mirrorFromDeb822(text) {
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = /* @__PURE__ */ new Map();
    for (const line of stanza.split("\n")) {
      if (line.startsWith("#")) continue;
      const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (m) fields.set(m[1].toLowerCase(), m[2].trim());
    }
    if (fields.get("enabled")?.toLowerCase() === "no") continue;
    const types = (fields.get("types") ?? "").split(/\s+/);
    const suites = (fields.get("suites") ?? "").split(/\s+/);
    const uri = (fields.get("uris") ?? "").split(/\s+/)[0];
    if (types.includes("deb") && suites.includes(SUITE) && uri) return uri;
  }
  return void 0;
}
function mirrorFromOneLineStyle(text) {
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    const m = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    if (m && m[2] === SUITE) return m[1];
  }
  return void 0;
}
async function imageExists(tag) {
  const r = await docker(["image", "inspect", "--format", "{{.Id}}", tag], { allowFailure: true });
  return r.code === 0;
}
async function ensureNodeImage(progress, etcdVersion = "3.4") {
  if (etcdVersion !== "3.4") return ensureBuiltEtcdNodeImage(progress, etcdVersion);
  const tag = nodeImageTag();
  if (await imageExists(tag)) {
    progress.debug(`node image ${tag} is already built`);
    return tag;
  }
  return withBuildLock(`node-image-${nodeImageRecipeHash()}`, tag, progress, async () => {
    if (await imageExists(tag)) return tag;
    return progress.phase(
      `Build node image ${tag} (debootstrap ${SUITE}, ~1-2 min)`,
      () => buildNodeImage(tag, progress)
    );
  });
}
var DEBOOTSTRAP_MILESTONES = /^I: (Retrieving Release|Installing core packages|Unpacking the base system|Configuring the base system|Base system installed successfully)/;
async function buildNodeImage(tag, progress) {
  const asRoot = await rootAccess(
    `the node image ${tag}`,
    "debootstrap makes device nodes and chroots"
  );
  const work = await mkdtemp2(join4(tmpdir3(), "kube-rescue-image-"));
  const rootfs = join4(work, "rootfs");
  try {
    const mirror = debianMirrorFromAptSources();
    progress.info(
      `debootstrap ${SUITE} from ${mirror ?? "debootstrap's default mirror"} into ${rootfs}`
    );
    const args = [
      "--variant=minbase",
      `--include=${PACKAGES.join(",")}`,
      SUITE,
      rootfs,
      ...mirror ? [mirror] : []
    ];
    await runCommand(...asRoot("debootstrap", args), {
      timeoutMs: 15 * 6e4,
      onLine: (line) => DEBOOTSTRAP_MILESTONES.test(line) ? progress.info(line.slice(3)) : progress.debug(line)
    });
    await runCommand(...asRoot("chroot", [rootfs, "/bin/sh", "-s"]), {
      stdin: FINISH_SCRIPT,
      timeoutMs: 12e4
    });
    progress.info(`importing ${rootfs} as ${tag}`);
    await importRootfs(asRoot, rootfs, tag);
    return tag;
  } finally {
    await runCommand(...asRoot("rm", ["-rf", "--one-file-system", work]), { allowFailure: true });
    await rm3(work, { recursive: true, force: true });
  }
}
async function importRootfs(asRoot, rootfs, tag) {
  const tar = spawn2(...asRoot("tar", ["-C", rootfs, "--numeric-owner", "-c", "."]), {
    stdio: ["ignore", "pipe", "pipe"]
  });
  const tarErr = [];
  tar.stderr.on("data", (b) => tarErr.push(b));
  const tarDone = new Promise((resolve) => tar.on("close", (c) => resolve(c ?? -1)));
  await docker(
    [
      "import",
      "--change",
      'CMD ["/sbin/init"]',
      "--change",
      "ENV container=docker",
      "--change",
      `LABEL kube-rescue.node-image=${nodeImageRecipeHash()}`,
      "-",
      tag
    ],
    { stdin: tar.stdout, timeoutMs: 3e5 }
  );
  const code = await tarDone;
  if (code !== 0) {
    await docker(["image", "rm", tag], { allowFailure: true });
    throw new OperationError(
      `tar of the node rootfs ${rootfs} failed (exit ${code}): ${Buffer.concat(tarErr).toString().trim()}`
    );
  }
}
var BUILT_ETCD_SCRIPT = `set -eu
dpkg --purge etcd-server etcd-client >/dev/null
rm -f /usr/local/bin/etcd /usr/local/bin/etcdctl /usr/local/bin/etcdutl
for b in etcd etcdctl etcdutl; do install -o root -g root -m 0755 /tmp/kube-rescue-etcd/$b /usr/local/bin/$b; done
rm -rf /tmp/kube-rescue-etcd
getent passwd etcd >/dev/null || useradd --system --no-create-home --home-dir /var/lib/etcd --shell /usr/sbin/nologin --comment "Etcd user" etcd
install -d -o etcd -g etcd -m 0700 /var/lib/etcd
test "$(/usr/local/bin/etcd --version | sed -n 's/^etcd Version: //p')" != ""
`;
var BUILT_ETCD_RECIPE_VERSION = 1;
async function builtEtcdImageRecipeHash(tools) {
  const binaries = await Promise.all(
    ["etcd", "etcdctl", "etcdutl"].map((b) => fileSha256(tools[b]))
  );
  return createHash2("sha256").update(
    JSON.stringify({
      BUILT_ETCD_RECIPE_VERSION,
      base: nodeImageRecipeHash(),
      version: tools.version,
      BUILT_ETCD_SCRIPT,
      binaries
    })
  ).digest("hex").slice(0, 12);
}
async function ensureBuiltEtcdNodeImage(progress, etcdVersion) {
  const tools = await builtEtcdTools(etcdVersion);
  const hash = await builtEtcdImageRecipeHash(tools);
  const tag = `${NODE_IMAGE_REPOSITORY}:${hash}`;
  if (await imageExists(tag)) {
    progress.debug(`node image ${tag} (etcd ${etcdVersion}) is already built`);
    return tag;
  }
  const base = await ensureNodeImage(progress, "3.4");
  return withBuildLock(`node-image-${hash}`, tag, progress, async () => {
    if (await imageExists(tag)) return tag;
    return progress.phase(
      `Build node image ${tag} (etcd ${etcdVersion} from ${tools.binDir} over ${base})`,
      () => deriveBuiltEtcdImage(base, tools, hash, tag)
    );
  });
}
async function deriveBuiltEtcdImage(base, tools, hash, tag) {
  const name = `kube-rescue-image-build-${hash}`;
  await docker(["rm", "-f", name], { allowFailure: true });
  try {
    await docker(["create", "--name", name, base, "/bin/sh", "-c", BUILT_ETCD_SCRIPT]);
    await docker(["cp", `${await realpath(tools.binDir)}/.`, `${name}:/tmp/kube-rescue-etcd`], {
      timeoutMs: 12e4
    });
    const r = await docker(["start", "-a", name], { allowFailure: true, timeoutMs: 12e4 });
    if (r.code !== 0) {
      throw new OperationError(
        `Installing etcd ${tools.version} from ${tools.binDir} into the node image failed (exit ${r.code}): ${`${r.stdout}${r.stderr}`.trim()}`
      );
    }
    await docker(
      [
        "commit",
        "--change",
        'CMD ["/sbin/init"]',
        "--change",
        `LABEL kube-rescue.node-image=${hash} kube-rescue.etcd-version=${tools.version}`,
        name,
        tag
      ],
      { timeoutMs: 3e5 }
    );
    return tag;
  } finally {
    await docker(["rm", "-f", name], { allowFailure: true });
  }
}

// harness/topology.ts
var TOPOLOGY_NAMES = ["stacked3", "runbook", "single", "stacked3-worker"];
var stacked = (name) => ({ name, roles: ["control-plane", "etcd"] });
function topology(name) {
  switch (name) {
    case "stacked3":
      return { name, nodes: ["node1", "node2", "node3"].map(stacked) };
    case "single":
      return { name, nodes: [stacked("node1")] };
    // The kubeadm provider's default: a worker beside the stacked control plane.
    case "stacked3-worker":
      return {
        name,
        nodes: [...["node1", "node2", "node3"].map(stacked), { name: "node4", roles: ["worker"] }]
      };
    case "runbook":
      return {
        name,
        nodes: [
          stacked("taco-m1"),
          stacked("taco-m2"),
          stacked("taco-m3"),
          { name: "taco-w1", roles: ["worker", "etcd"] },
          { name: "taco-w2", roles: ["worker", "etcd"] }
        ]
      };
    default:
      throw new InputError(
        `Unknown topology "${String(name)}". Expected one of: ${TOPOLOGY_NAMES.join(", ")}.`
      );
  }
}
function etcdNodes(t) {
  return t.nodes.filter((n) => n.roles.includes("etcd"));
}
function controlPlaneNodes(t) {
  return t.nodes.filter((n) => n.roles.includes("control-plane"));
}
function etcdMemberName(t, host) {
  const i = etcdNodes(t).findIndex((n) => n.name === host);
  return i < 0 ? void 0 : etcdNodes(t)[i].etcdMemberName ?? `etcd${i + 1}`;
}
function kubeNodes(t) {
  const workers = t.nodes.filter((n) => n.roles.includes("worker"));
  return workers.length > 0 ? workers : controlPlaneNodes(t);
}

// harness/inventory-file.ts
function renderKubesprayInventory(t, ipOf, header) {
  const lines = [`# ${header}`, "[all]"];
  for (const n of t.nodes) {
    const member = n.etcdMemberName ? ` etcd_member_name=${n.etcdMemberName}` : "";
    lines.push(`${n.name} ansible_host=${ipOf(n.name)} ip=${ipOf(n.name)}${member}`);
  }
  lines.push("", "[all:vars]", "ansible_user=root");
  const group = (name, hosts) => {
    lines.push("", `[${name}]`, ...hosts.map((h) => h.name));
  };
  group("kube_control_plane", controlPlaneNodes(t));
  group("etcd", etcdNodes(t));
  group("kube_node", kubeNodes(t));
  lines.push("", "[k8s_cluster:children]", "kube_control_plane", "kube_node", "");
  return lines.join("\n");
}
function renderDockerExecInventory(nodes, header) {
  const lines = [`# ${header}`, "[all]"];
  for (const n of nodes) {
    const member = n.etcdMemberName ? ` etcd_member_name=${n.etcdMemberName}` : "";
    lines.push(`${n.name} ip=${n.ip} ansible_connection=docker${member}`);
  }
  const cp = nodes.filter((n) => n.roles.includes("control-plane")).map((n) => n.name);
  const workers = nodes.filter((n) => n.roles.includes("worker")).map((n) => n.name);
  lines.push("", "[kube_control_plane]", ...cp, "", "[etcd]", ...cp);
  lines.push("", "[kube_node]", ...workers.length > 0 ? workers : cp);
  lines.push("", "[k8s_cluster:children]", "kube_control_plane", "kube_node", "");
  return lines.join("\n");
}

// harness/kubespray-node.ts
import { readdir as readdir2, readFile as readFile3 } from "node:fs/promises";
import { join as join6 } from "node:path";
import { pack } from "tar-stream";
import { stringify } from "yaml";

// harness/pki.ts
import { mkdir } from "node:fs/promises";
import { join as join5 } from "node:path";
var DAYS = "3650";
var newKeyArgs = (keyPath) => [
  "-newkey",
  "ec",
  "-pkeyopt",
  "ec_paramgen_curve:prime256v1",
  "-nodes",
  "-keyout",
  keyPath
];
async function makeCertificateAuthority(certPath, keyPath, subject) {
  await runCommand("openssl", [
    "req",
    "-x509",
    ...newKeyArgs(keyPath),
    "-out",
    certPath,
    "-days",
    DAYS,
    "-subj",
    subject,
    "-addext",
    "basicConstraints=critical,CA:TRUE",
    "-addext",
    "keyUsage=critical,keyCertSign,cRLSign,digitalSignature"
  ]);
  return { certPath, keyPath };
}
async function issueCertificate(ca, req) {
  const ext = [
    "basicConstraints=critical,CA:FALSE",
    "keyUsage=critical,digitalSignature,keyEncipherment",
    `extendedKeyUsage=${req.usage === "client" ? "clientAuth" : "serverAuth,clientAuth"}`
  ];
  if (req.sans && req.sans.length > 0) ext.push(`subjectAltName=${req.sans.join(",")}`);
  await runCommand("openssl", [
    "req",
    "-x509",
    "-CA",
    ca.certPath,
    "-CAkey",
    ca.keyPath,
    ...newKeyArgs(req.keyPath),
    "-out",
    req.certPath,
    "-days",
    DAYS,
    "-subj",
    req.subject,
    ...ext.flatMap((e) => ["-addext", e])
  ]);
}
async function makeServiceAccountKeyPair(keyPath, pubPath) {
  await runCommand("openssl", [
    "genpkey",
    "-algorithm",
    "EC",
    "-pkeyopt",
    "ec_paramgen_curve:prime256v1",
    "-out",
    keyPath
  ]);
  await runCommand("openssl", ["pkey", "-in", keyPath, "-pubout", "-out", pubPath]);
}
async function inBatches(tasks, limit = 4) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
async function makeEtcdPki(dir, etcdHosts, k8sHosts) {
  await mkdir(dir, { recursive: true, mode: 448 });
  const ca = await makeCertificateAuthority(
    join5(dir, "ca.pem"),
    join5(dir, "ca-key.pem"),
    "/CN=etcd-ca"
  );
  const sansOf = (h) => [
    `DNS:${h.name}`,
    "DNS:localhost",
    `IP:${h.ip}`,
    "IP:127.0.0.1"
  ];
  const tasks = [];
  for (const h of etcdHosts) {
    for (const kind of ["member", "admin"]) {
      tasks.push(
        () => issueCertificate(ca, {
          certPath: join5(dir, `${kind}-${h.name}.pem`),
          keyPath: join5(dir, `${kind}-${h.name}-key.pem`),
          subject: `/O=system:etcd-${kind}s/CN=etcd-${kind}-${h.name}`,
          sans: sansOf(h),
          usage: "server-and-client"
        })
      );
    }
  }
  for (const h of k8sHosts) {
    tasks.push(
      () => issueCertificate(ca, {
        certPath: join5(dir, `node-${h.name}.pem`),
        keyPath: join5(dir, `node-${h.name}-key.pem`),
        subject: `/O=system:etcd-nodes/CN=etcd-node-${h.name}`,
        sans: sansOf(h),
        usage: "server-and-client"
      })
    );
  }
  await inBatches(tasks);
  return { dir, ca };
}
async function makeKubernetesPki(dir) {
  await mkdir(dir, { recursive: true, mode: 448 });
  await mkdir(kubeconfigClientDir(dir), { recursive: true, mode: 448 });
  const ca = await makeCertificateAuthority(
    join5(dir, "ca.crt"),
    join5(dir, "ca.key"),
    "/CN=kubernetes"
  );
  const frontProxyCa = await makeCertificateAuthority(
    join5(dir, "front-proxy-ca.crt"),
    join5(dir, "front-proxy-ca.key"),
    "/CN=front-proxy-ca"
  );
  await Promise.all([
    issueCertificate(frontProxyCa, {
      certPath: join5(dir, "front-proxy-client.crt"),
      keyPath: join5(dir, "front-proxy-client.key"),
      subject: "/CN=front-proxy-client",
      usage: "client"
    }),
    issueCertificate(ca, {
      certPath: join5(dir, "apiserver-kubelet-client.crt"),
      keyPath: join5(dir, "apiserver-kubelet-client.key"),
      subject: "/O=system:masters/CN=kube-apiserver-kubelet-client",
      usage: "client"
    }),
    makeServiceAccountKeyPair(join5(dir, "sa.key"), join5(dir, "sa.pub")),
    ...KUBECONFIG_USERS.map(
      (u) => issueCertificate(ca, {
        certPath: join5(kubeconfigClientDir(dir), `${u.file}.crt`),
        keyPath: join5(kubeconfigClientDir(dir), `${u.file}.key`),
        subject: u.subject,
        usage: "client"
      })
    )
  ]);
  return { dir, ca };
}
var KUBECONFIG_USERS = [
  {
    file: "admin",
    user: "kubernetes-admin",
    subject: "/O=kubeadm:cluster-admins/CN=kubernetes-admin"
  },
  {
    file: "super-admin",
    user: "kubernetes-super-admin",
    subject: "/O=system:masters/CN=kubernetes-super-admin"
  },
  {
    file: "controller-manager",
    user: "system:kube-controller-manager",
    subject: "/CN=system:kube-controller-manager"
  },
  { file: "scheduler", user: "system:kube-scheduler", subject: "/CN=system:kube-scheduler" }
];
function kubeconfigClientDir(k8sPkiDir) {
  return `${k8sPkiDir}-kubeconfig-clients`;
}
async function issueApiserverCertificate(k8s, outDir, node) {
  await mkdir(outDir, { recursive: true, mode: 448 });
  await issueCertificate(k8s.ca, {
    certPath: join5(outDir, "apiserver.crt"),
    keyPath: join5(outDir, "apiserver.key"),
    subject: "/CN=kube-apiserver",
    sans: [
      `DNS:${node.name}`,
      "DNS:kubernetes",
      "DNS:kubernetes.default",
      "DNS:kubernetes.default.svc",
      "DNS:localhost",
      `IP:${node.ip}`,
      "IP:10.233.0.1",
      "IP:127.0.0.1"
    ],
    usage: "server-and-client"
  });
}

// harness/kubespray-node.ts
var KUBESPRAY_PATHS = {
  etcdCertDir: "/etc/ssl/etcd/ssl",
  etcdEnv: "/etc/etcd.env",
  etcdUnit: "/etc/systemd/system/etcd.service",
  etcdDataDir: "/var/lib/etcd",
  etcdBinDir: "/usr/local/bin",
  kubeCertDir: "/etc/kubernetes/ssl",
  kubePkiLink: "/etc/kubernetes/pki",
  manifestsDir: "/etc/kubernetes/manifests"
};
function renderEtcdEnv(c, host) {
  const ip = c.ipOf(host);
  const member = etcdMemberName(c.topology, host);
  const certDir = KUBESPRAY_PATHS.etcdCertDir;
  const peers = etcdNodes(c.topology).map((n) => `${etcdMemberName(c.topology, n.name)}=https://${c.ipOf(n.name)}:2380`).join(",");
  return `# Environment file for etcd (Debian etcd-server package), written by the kube-rescue harness
ETCD_DATA_DIR=${KUBESPRAY_PATHS.etcdDataDir}
ETCD_ADVERTISE_CLIENT_URLS=https://${ip}:2379
ETCD_INITIAL_ADVERTISE_PEER_URLS=https://${ip}:2380
ETCD_INITIAL_CLUSTER_STATE=new

ETCD_METRICS=basic
ETCD_LISTEN_CLIENT_URLS=https://${ip}:2379,https://127.0.0.1:2379
ETCD_ELECTION_TIMEOUT=5000
ETCD_HEARTBEAT_INTERVAL=250
ETCD_INITIAL_CLUSTER_TOKEN=k8s_etcd
ETCD_LISTEN_PEER_URLS=https://${ip}:2380
ETCD_NAME=${member}
${c.etcdVersion === "3.6" ? "" : "ETCD_PROXY=off\n"}ETCD_INITIAL_CLUSTER=${peers}
ETCD_AUTO_COMPACTION_RETENTION=8

# TLS settings
ETCD_TRUSTED_CA_FILE=${certDir}/ca.pem
ETCD_CERT_FILE=${certDir}/member-${host}.pem
ETCD_KEY_FILE=${certDir}/member-${host}-key.pem
ETCD_CLIENT_CERT_AUTH=true

ETCD_PEER_TRUSTED_CA_FILE=${certDir}/ca.pem
ETCD_PEER_CERT_FILE=${certDir}/member-${host}.pem
ETCD_PEER_KEY_FILE=${certDir}/member-${host}-key.pem
ETCD_PEER_CLIENT_CERT_AUTH=true
`;
}
function renderEtcdUnit() {
  return `[Unit]
Description=etcd
After=network.target

[Service]
Type=notify
User=etcd
EnvironmentFile=${KUBESPRAY_PATHS.etcdEnv}
ExecStart=${KUBESPRAY_PATHS.etcdBinDir}/etcd
NotifyAccess=all
Restart=always
RestartSec=10s
LimitNOFILE=40000

[Install]
WantedBy=multi-user.target
`;
}
var hostPathVolume = (name, path, type = "DirectoryOrCreate") => ({
  name,
  hostPath: { path, type }
});
function renderStaticPodManifests(c, host, kubeVersion = "v1.29.3") {
  const ip = c.ipOf(host);
  const ssl = KUBESPRAY_PATHS.kubeCertDir;
  const etcdSsl = KUBESPRAY_PATHS.etcdCertDir;
  const etcdServers = etcdNodes(c.topology).map((n) => `https://${c.ipOf(n.name)}:2379`).join(",");
  const volumes = [
    hostPathVolume("k8s-certs", ssl),
    hostPathVolume("etcd-certs-0", etcdSsl),
    hostPathVolume("ca-certs", "/etc/ssl/certs")
  ];
  const mounts = [
    { name: "k8s-certs", mountPath: ssl, readOnly: true },
    { name: "etcd-certs-0", mountPath: etcdSsl, readOnly: true },
    { name: "ca-certs", mountPath: "/etc/ssl/certs", readOnly: true }
  ];
  const pod = (component, command, extraVolumes = []) => stringify({
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: component,
      namespace: "kube-system",
      labels: { component, tier: "control-plane" }
    },
    spec: {
      hostNetwork: true,
      priorityClassName: "system-node-critical",
      containers: [
        {
          name: component,
          image: `${component}:${kubeVersion}`,
          command,
          volumeMounts: [
            ...mounts,
            ...extraVolumes.map((v) => ({
              name: v.name,
              mountPath: v.hostPath.path,
              readOnly: true
            }))
          ]
        }
      ],
      volumes: [...volumes, ...extraVolumes]
    }
  });
  return {
    "kube-apiserver.yaml": pod("kube-apiserver", [
      "kube-apiserver",
      `--advertise-address=${ip}`,
      "--allow-privileged=true",
      "--authorization-mode=Node,RBAC",
      `--client-ca-file=${ssl}/ca.crt`,
      `--etcd-cafile=${etcdSsl}/ca.pem`,
      `--etcd-certfile=${etcdSsl}/node-${host}.pem`,
      `--etcd-keyfile=${etcdSsl}/node-${host}-key.pem`,
      `--etcd-servers=${etcdServers}`,
      `--kubelet-client-certificate=${ssl}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${ssl}/apiserver-kubelet-client.key`,
      `--proxy-client-cert-file=${ssl}/front-proxy-client.crt`,
      `--proxy-client-key-file=${ssl}/front-proxy-client.key`,
      `--requestheader-client-ca-file=${ssl}/front-proxy-ca.crt`,
      "--secure-port=6443",
      `--service-account-key-file=${ssl}/sa.pub`,
      `--service-account-signing-key-file=${ssl}/sa.key`,
      "--service-cluster-ip-range=10.233.0.0/18",
      `--tls-cert-file=${ssl}/apiserver.crt`,
      `--tls-private-key-file=${ssl}/apiserver.key`
    ]),
    "kube-controller-manager.yaml": pod(
      "kube-controller-manager",
      [
        "kube-controller-manager",
        "--kubeconfig=/etc/kubernetes/controller-manager.conf",
        `--cluster-signing-cert-file=${ssl}/ca.crt`,
        `--cluster-signing-key-file=${ssl}/ca.key`,
        `--root-ca-file=${ssl}/ca.crt`,
        `--service-account-private-key-file=${ssl}/sa.key`,
        "--use-service-account-credentials=true"
      ],
      [hostPathVolume("kubeconfig", "/etc/kubernetes/controller-manager.conf", "FileOrCreate")]
    ),
    "kube-scheduler.yaml": pod(
      "kube-scheduler",
      ["kube-scheduler", "--kubeconfig=/etc/kubernetes/scheduler.conf"],
      [hostPathVolume("kubeconfig", "/etc/kubernetes/scheduler.conf", "FileOrCreate")]
    )
  };
}
async function renderKubeconfigs(k8sPki, apiserverUrl) {
  const b64 = async (path) => (await readFile3(path)).toString("base64");
  const ca = await b64(k8sPki.ca.certPath);
  const out = {};
  for (const u of KUBECONFIG_USERS) {
    const dir = kubeconfigClientDir(k8sPki.dir);
    out[`${u.file}.conf`] = stringify({
      apiVersion: "v1",
      kind: "Config",
      clusters: [
        {
          name: "cluster.local",
          cluster: { "certificate-authority-data": ca, server: apiserverUrl }
        }
      ],
      contexts: [
        { name: `${u.user}@cluster.local`, context: { cluster: "cluster.local", user: u.user } }
      ],
      "current-context": `${u.user}@cluster.local`,
      users: [
        {
          name: u.user,
          user: {
            "client-certificate-data": await b64(join6(dir, `${u.file}.crt`)),
            "client-key-data": await b64(join6(dir, `${u.file}.key`))
          }
        }
      ]
    });
  }
  return out;
}
function sshFiles(ssh) {
  return [
    { path: "/root/.ssh", type: "directory", mode: 448 },
    { path: "/root/.ssh/authorized_keys", type: "file", content: ssh.authorizedKey, mode: 384 },
    { path: "/etc/ssh/ssh_host_ed25519_key", type: "file", content: ssh.hostKey, mode: 384 },
    {
      path: "/etc/ssh/ssh_host_ed25519_key.pub",
      type: "file",
      content: ssh.hostKeyPub,
      mode: 420
    }
  ];
}
async function filesOfDir(hostDir, nodeDir, keep) {
  const out = [];
  for (const name of (await readdir2(hostDir)).sort()) {
    if (!keep(name)) continue;
    const secret = name.endsWith("-key.pem") || name.endsWith(".key");
    out.push({
      path: `${nodeDir}/${name}`,
      type: "file",
      content: await readFile3(join6(hostDir, name)),
      mode: secret ? 384 : 420
    });
  }
  return out;
}
async function kubesprayNodeFiles(c, node, etcdPki, k8sPki, apiserverCertDir) {
  const files = [];
  const isEtcd = node.roles.includes("etcd");
  const isControlPlane = node.roles.includes("control-plane");
  files.push({ path: "/etc/ssl/etcd", type: "directory", mode: 448 });
  files.push({ path: KUBESPRAY_PATHS.etcdCertDir, type: "directory", mode: 448 });
  files.push(
    ...await filesOfDir(
      etcdPki.dir,
      KUBESPRAY_PATHS.etcdCertDir,
      (f) => isEtcd ? true : f === "ca.pem" || f.startsWith(`node-${node.name}`)
    )
  );
  if (isEtcd) {
    files.push({ path: KUBESPRAY_PATHS.etcdDataDir, type: "directory", mode: 448 });
    files.push({
      path: KUBESPRAY_PATHS.etcdEnv,
      type: "file",
      content: renderEtcdEnv(c, node.name),
      mode: 416
    });
    files.push({
      path: KUBESPRAY_PATHS.etcdUnit,
      type: "file",
      content: renderEtcdUnit(),
      mode: 420
    });
  }
  files.push({ path: "/etc/kubernetes", type: "directory", mode: 493 });
  files.push({ path: KUBESPRAY_PATHS.kubeCertDir, type: "directory", mode: 493 });
  files.push({
    path: KUBESPRAY_PATHS.kubePkiLink,
    type: "symlink",
    linkTarget: KUBESPRAY_PATHS.kubeCertDir,
    mode: 511
  });
  if (isControlPlane) {
    files.push(...await filesOfDir(k8sPki.dir, KUBESPRAY_PATHS.kubeCertDir, () => true));
    if (apiserverCertDir) {
      files.push(...await filesOfDir(apiserverCertDir, KUBESPRAY_PATHS.kubeCertDir, () => true));
    }
    const kubeconfigs = await renderKubeconfigs(k8sPki, `https://${c.ipOf(node.name)}:6443`);
    for (const [name, text] of Object.entries(kubeconfigs)) {
      files.push({ path: `/etc/kubernetes/${name}`, type: "file", content: text, mode: 384 });
    }
    files.push({ path: KUBESPRAY_PATHS.manifestsDir, type: "directory", mode: 493 });
    for (const [name, text] of Object.entries(renderStaticPodManifests(c, node.name))) {
      files.push({
        path: `${KUBESPRAY_PATHS.manifestsDir}/${name}`,
        type: "file",
        content: text,
        mode: 384
      });
    }
  } else {
    files.push(
      ...await filesOfDir(k8sPki.dir, KUBESPRAY_PATHS.kubeCertDir, (f) => f === "ca.crt")
    );
  }
  return files;
}
async function nodeFilesArchive(files) {
  const tar = pack();
  const seen = /* @__PURE__ */ new Set();
  const addParents = (path) => {
    const parts = path.split("/").filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (seen.has(dir) || files.some((f) => f.path === `/${dir}`)) continue;
      seen.add(dir);
      tar.entry({ name: `${dir}/`, type: "directory", mode: 493, uid: 0, gid: 0 });
    }
  };
  for (const f of files) {
    addParents(f.path);
    const name = f.path.replace(/^\//, "");
    if (f.type === "directory") {
      seen.add(name);
      tar.entry({ name: `${name}/`, type: "directory", mode: f.mode, uid: 0, gid: 0 });
    } else if (f.type === "symlink") {
      tar.entry({ name, type: "symlink", linkname: f.linkTarget, mode: f.mode, uid: 0, gid: 0 });
    } else {
      const body = typeof f.content === "string" ? Buffer.from(f.content) : f.content ?? Buffer.alloc(0);
      tar.entry({ name, type: "file", mode: f.mode, uid: 0, gid: 0, size: body.length }, body);
    }
  }
  tar.finalize();
  const chunks = [];
  for await (const chunk of tar) chunks.push(chunk);
  return Buffer.concat(chunks);
}

// harness/network.ts
async function subnetsInUse() {
  for (let attempt = 1; ; attempt++) {
    const ids = (await docker(["network", "ls", "-q"])).stdout.split("\n").filter(Boolean);
    if (ids.length === 0) return /* @__PURE__ */ new Set();
    const out = await docker(
      ["network", "inspect", "--format", "{{range .IPAM.Config}}{{.Subnet}} {{end}}", ...ids],
      { allowFailure: true }
    );
    const gone = out.code !== 0 && /not found/i.test(out.stderr);
    if (out.code !== 0 && !gone) {
      throw new OperationError(
        `docker network inspect failed (exit ${out.code}): ${out.stderr.trim()}`
      );
    }
    if (!gone || attempt >= 5) return new Set(out.stdout.split(/\s+/).filter(Boolean));
  }
}
async function createClusterNetwork(name, labels) {
  const used = await subnetsInUse();
  const start = Math.floor(Math.random() * 250);
  let lastError = "";
  for (let k = 0; k < 250; k++) {
    const third = (start + k) % 250 + 1;
    const prefix = `10.240.${third}`;
    const subnet = `${prefix}.0/24`;
    if (used.has(subnet)) continue;
    const r = await docker(
      [
        "network",
        "create",
        "--internal",
        "--subnet",
        subnet,
        "--gateway",
        `${prefix}.1`,
        ...Object.entries(labels).flatMap(([k2, v]) => ["--label", `${k2}=${v}`]),
        name
      ],
      { allowFailure: true }
    );
    if (r.code === 0) return { name, prefix, subnet, gateway: `${prefix}.1` };
    lastError = r.stderr.trim();
    if (!/overlap|already/i.test(lastError)) break;
  }
  throw new OperationError(
    `Could not create the harness network ${name} in 10.240.0.0/16: ${lastError || "every /24 is in use"}. Remove stale networks with \`docker network ls\`.`
  );
}

// harness/node-container.ts
var loaded;
function loadTestcontainers() {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";
  loaded ??= import("testcontainers").then(namedExports);
  return loaded;
}
async function startNodeContainer(spec) {
  const tc = await loadTestcontainers();
  class NodeContainer extends tc.GenericContainer {
    constructor() {
      super(spec.image);
      this.withName(spec.containerName).withHostname(spec.hostname).withLabels(spec.labels).withNetworkMode(spec.network).withAddedCapabilities("ALL").withDroppedCapabilities("SYS_RESOURCE").withSecurityOpt("seccomp=unconfined").withTmpFs({ "/run": "rw", "/run/lock": "rw" }).withBindMounts([{ source: "/sys/fs/cgroup", target: "/sys/fs/cgroup", mode: "ro" }]).withCopyArchivesToContainer([{ tar: spec.files, target: "/" }]).withPullPolicy(localImageOnly).withExtraHosts(spec.extraHosts ?? []).withStartupTimeout(6e4);
    }
    async beforeContainerCreated() {
      this.createOpts.StopSignal = "SIGRTMIN+3";
      this.createOpts.NetworkingConfig = {
        EndpointsConfig: { [spec.network]: { IPAMConfig: { IPv4Address: spec.ip } } }
      };
      if (spec.volumes) {
        this.createOpts.Volumes = Object.fromEntries(spec.volumes.map((v) => [v, {}]));
      }
      const host = this.hostConfig;
      if (spec.devices) {
        host.Devices = spec.devices.map((d) => ({
          PathOnHost: d,
          PathInContainer: d,
          CgroupPermissions: "r"
        }));
      }
      if (spec.sysctls) host.Sysctls = spec.sysctls;
    }
  }
  const container = new NodeContainer();
  return container.start();
}
var localImageOnly = { shouldPull: () => false };

// harness/node-transport.ts
async function openNodeTransport(kind, target) {
  if (kind === "ssh") {
    return new SshTransport({
      node: target.node,
      host: target.address,
      user: "root",
      privateKeyFile: target.sshKeyPath,
      knownHostsFile: target.knownHostsPath
    });
  }
  return new DockerTransport(target.node, { container: target.containerName });
}

// harness/local-provider.ts
function containerSh(containerName, script, options = {}) {
  return docker(["exec", containerName, "sh", "-c", script], {
    allowFailure: options.allowFailure,
    timeoutMs: options.timeoutMs ?? 6e4
  });
}
async function waitForBoot(containerName, node, timeoutMs = 18e4) {
  const deadline = Date.now() + timeoutMs;
  let state = "";
  while (Date.now() < deadline) {
    const r = await containerSh(containerName, "systemctl is-system-running 2>/dev/null || true", {
      allowFailure: true
    });
    state = r.stdout.trim();
    if (state === "running" || state === "degraded") return;
    await delay(200);
  }
  throw new OperationError(
    `Node ${node} (container ${containerName}) did not finish booting in ${timeoutMs / 1e3} s (systemd state "${state}"). Look at \`docker logs ${containerName}\`.`
  );
}
async function waitForSshd(containerName, node) {
  const deadline = Date.now() + 3e4;
  while (Date.now() < deadline) {
    const r = await containerSh(containerName, "systemctl is-active ssh.service", {
      allowFailure: true
    });
    if (r.stdout.trim() === "active") return;
    await delay(200);
  }
  const log = await containerSh(containerName, "journalctl -u ssh.service --no-pager | tail -5", {
    allowFailure: true
  });
  throw new OperationError(
    `sshd on node ${node} did not become active in 30 s: ${log.stdout.trim()}`
  );
}
function delay(ms) {
  return new Promise((r) => setTimeout(r, ms));
}
async function makeSshKey(path, comment) {
  await runCommand("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path]);
  return { key: await readFile4(path), pub: (await readFile4(`${path}.pub`, "utf8")).trim() };
}
var LocalNode = class {
  constructor(name, ip, roles, etcdMemberName2, containerName, paths) {
    this.name = name;
    this.ip = ip;
    this.roles = roles;
    this.etcdMemberName = etcdMemberName2;
    this.containerName = containerName;
    this.paths = paths;
  }
  name;
  ip;
  roles;
  etcdMemberName;
  containerName;
  paths;
  transport(kind = "docker") {
    return openNodeTransport(kind, {
      node: this.name,
      containerName: this.containerName,
      address: this.ip,
      sshKeyPath: this.paths.sshKeyPath,
      knownHostsPath: this.paths.knownHostsPath
    });
  }
  sh(script, options) {
    return containerSh(this.containerName, script, options);
  }
};
var LocalCluster = class {
  constructor(run, nodes, inventoryPath, sshKeyPath, knownHostsPath, etcdEndpoints, tls, startupSeconds) {
    this.run = run;
    this.nodes = nodes;
    this.inventoryPath = inventoryPath;
    this.sshKeyPath = sshKeyPath;
    this.knownHostsPath = knownHostsPath;
    this.etcdEndpoints = etcdEndpoints;
    this.tls = tls;
    this.startupSeconds = startupSeconds;
  }
  run;
  nodes;
  inventoryPath;
  sshKeyPath;
  knownHostsPath;
  etcdEndpoints;
  tls;
  startupSeconds;
  provider = "local";
  layout = "kubespray";
  stopped = false;
  get name() {
    return this.run.name;
  }
  get runId() {
    return this.run.runId;
  }
  get topology() {
    return this.run.topology;
  }
  get etcdVersion() {
    return this.run.etcdVersion;
  }
  get workDir() {
    return this.run.workDir;
  }
  node(name) {
    const n = this.nodes.find((x) => x.name === name);
    if (!n) {
      throw new InputError(
        `Cluster ${this.name} has no node "${name}"; its nodes are ${this.nodes.map((x) => x.name).join(", ")}.`
      );
    }
    return n;
  }
  async stopNode(name) {
    await docker(["stop", "-t", "20", this.node(name).containerName]);
  }
  async startNode(name) {
    const n = this.node(name);
    await docker(["start", n.containerName]);
    await waitForBoot(n.containerName, n.name);
  }
  async replaceWithBlankNode(name) {
    const n = this.node(name);
    await docker(["rm", "-f", "-v", n.containerName]);
    const hostKey = await makeSshKey(
      join7(this.run.workDir, "ssh", `host-${name}-${Date.now()}`),
      `root@${name}`
    );
    this.run.hostKeys.set(name, hostKey);
    await startNode(this.run, { name, roles: [...n.roles] }, n.ip, [
      ...sshFiles({
        authorizedKey: this.run.clientKeyPub,
        hostKey: hostKey.key,
        hostKeyPub: hostKey.pub
      })
    ]);
    await waitForSshd(n.containerName, name);
    await writeKnownHosts(this.knownHostsPath, this.nodes, this.run.hostKeys);
    this.run.progress.info(
      `node ${name} destroyed; a blank node took ${n.ip} (new host key in known_hosts)`
    );
  }
  async disconnectNode(name) {
    await docker(["network", "disconnect", this.run.network.name, this.node(name).containerName]);
  }
  async reconnectNode(name) {
    const n = this.node(name);
    await docker(["network", "connect", "--ip", n.ip, this.run.network.name, n.containerName]);
  }
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    await teardown(this.run.runId, this.run.workDir);
  }
  async [Symbol.asyncDispose]() {
    await this.stop();
  }
};
async function teardown(runId, workDir) {
  try {
    await removeRun(runId);
    if (workDir) await rm4(workDir, { recursive: true, force: true });
  } finally {
    untrackLiveRun(runId);
  }
}
function containerNameOf(run, node) {
  return `${run.name}-${node}`;
}
async function startNode(run, spec, ip, files) {
  const containerName = containerNameOf(run, spec.name);
  await startNodeContainer({
    image: run.image,
    containerName,
    hostname: spec.name,
    network: run.network.name,
    ip,
    labels: { ...runLabels(run.runId), "kube-rescue.harness.node": spec.name },
    files: Readable.from([await nodeFilesArchive(files)])
  });
  await waitForBoot(containerName, spec.name);
}
async function writeKnownHosts(path, nodes, hostKeys) {
  const lines = nodes.map((n) => {
    const [type, key] = hostKeys.get(n.name).pub.split(" ");
    return `${n.ip},${n.name} ${type} ${key}`;
  });
  await writeFile2(path, `${lines.join("\n")}
`, { mode: 420 });
}
var START_ETCD = `set -e
chown -R etcd:etcd /etc/ssl/etcd /var/lib/etcd
systemctl daemon-reload
systemctl enable etcd.service >/dev/null 2>&1
systemctl start --no-block etcd.service`;
var LocalClusterProvider = class {
  name = "local";
  async start(which, options = {}) {
    const progress = options.progress ?? silentProgress;
    const t = typeof which === "string" ? topology(which) : which;
    const etcdVersion = parseEtcdVersion(
      options.etcdVersion ?? DEFAULT_ETCD_VERSION,
      "etcdVersion"
    );
    const t0 = Date.now();
    await removeLeftovers(progress);
    const image = await ensureNodeImage(progress, etcdVersion);
    const { runId, name, workDir } = await newRun();
    trackLiveRun(runId, () => teardown(runId, workDir));
    try {
      return await progress.phase(
        `Start cluster ${name} (${t.name}, ${t.nodes.length} nodes, etcd ${etcdVersion})`,
        () => this.startIn(t, { runId, name, image, workDir, progress, t0, etcdVersion })
      );
    } catch (err) {
      await teardown(runId, workDir).catch(
        (e) => progress.warn(`cleanup of ${name} failed: ${e.message}`)
      );
      throw err;
    }
  }
  async startIn(t, ctx) {
    const { workDir, progress } = ctx;
    const network = await createClusterNetwork(ctx.name, runLabels(ctx.runId));
    const ips = new Map(t.nodes.map((n, i) => [n.name, `${network.prefix}.${11 + i}`]));
    const addressed = {
      topology: t,
      ipOf: (h) => ips.get(h),
      etcdVersion: ctx.etcdVersion
    };
    const addressing = t.nodes.map((n) => ({ name: n.name, ip: ips.get(n.name) }));
    const etcdAddressing = addressing.filter((a) => etcdNodes(t).some((n) => n.name === a.name));
    await mkdir2(join7(workDir, "ssh"), { mode: 448 });
    const sshKeyPath = join7(workDir, "ssh", "id_ed25519");
    const [clientKey, hostKeyList, etcdPki, k8sPki] = await Promise.all([
      makeSshKey(sshKeyPath, `kube-rescue-harness-${ctx.runId}`),
      Promise.all(
        t.nodes.map((n) => makeSshKey(join7(workDir, "ssh", `host-${n.name}`), `root@${n.name}`))
      ),
      makeEtcdPki(join7(workDir, "pki", "etcd"), etcdAddressing, addressing),
      makeKubernetesPki(join7(workDir, "pki", "kubernetes"))
    ]);
    const hostKeys = new Map(t.nodes.map((n, i) => [n.name, hostKeyList[i]]));
    const run = {
      runId: ctx.runId,
      name: ctx.name,
      image: ctx.image,
      workDir,
      network,
      topology: t,
      etcdVersion: ctx.etcdVersion,
      clientKeyPub: clientKey.pub,
      hostKeys,
      progress
    };
    await Promise.all(
      t.nodes.map(async (n) => {
        const apiserverDir = n.roles.includes("control-plane") ? join7(workDir, "pki", `apiserver-${n.name}`) : void 0;
        if (apiserverDir) {
          await issueApiserverCertificate(k8sPki, apiserverDir, {
            name: n.name,
            ip: ips.get(n.name)
          });
        }
        const hk = hostKeys.get(n.name);
        const files = [
          ...await kubesprayNodeFiles(addressed, n, etcdPki, k8sPki, apiserverDir),
          ...sshFiles({ authorizedKey: clientKey.pub, hostKey: hk.key, hostKeyPub: hk.pub })
        ];
        await startNode(run, n, ips.get(n.name), files);
        progress.debug(`node ${n.name} booted at ${ips.get(n.name)}`);
      })
    );
    await Promise.all(
      etcdNodes(t).map((n) => containerSh(containerNameOf(run, n.name), START_ETCD))
    );
    const knownHostsPath = join7(workDir, "ssh", "known_hosts");
    await writeKnownHosts(knownHostsPath, addressing, hostKeys);
    const inventoryPath = join7(workDir, "hosts.ini");
    await writeFile2(
      inventoryPath,
      renderKubesprayInventory(
        t,
        addressed.ipOf,
        `Kubespray inventory of harness cluster ${ctx.name} (topology ${t.name})`
      )
    );
    const firstEtcd = etcdNodes(t)[0].name;
    const etcdDir = join7(workDir, "pki", "etcd");
    const tls = {
      cacert: join7(etcdDir, "ca.pem"),
      cert: join7(etcdDir, `admin-${firstEtcd}.pem`),
      key: join7(etcdDir, `admin-${firstEtcd}-key.pem`)
    };
    const etcdEndpoints = etcdNodes(t).map((n) => `https://${ips.get(n.name)}:2379`);
    await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 9e4 });
    const paths = { sshKeyPath, knownHostsPath };
    const nodes = t.nodes.map(
      (n) => new LocalNode(
        n.name,
        ips.get(n.name),
        n.roles,
        etcdMemberName(t, n.name),
        containerNameOf(run, n.name),
        paths
      )
    );
    const startupSeconds = (Date.now() - ctx.t0) / 1e3;
    progress.info(
      `cluster ${ctx.name} (etcd ${ctx.etcdVersion}) healthy in ${startupSeconds.toFixed(1)} s`
    );
    return new LocalCluster(
      run,
      nodes,
      inventoryPath,
      sshKeyPath,
      knownHostsPath,
      etcdEndpoints,
      tls,
      startupSeconds
    );
  }
};

// harness/docker-exec-node.ts
var DockerExecNode = class {
  constructor(name, ip, roles, etcdMemberName2, provider, containerName = name) {
    this.name = name;
    this.ip = ip;
    this.roles = roles;
    this.etcdMemberName = etcdMemberName2;
    this.provider = provider;
    this.containerName = containerName;
  }
  name;
  ip;
  roles;
  etcdMemberName;
  provider;
  containerName;
  transport(kind = "docker") {
    if (kind === "ssh") {
      throw new OperationError(
        `${this.provider} node ${this.name} has no sshd; use the docker transport for ${this.provider} clusters.`
      );
    }
    return openNodeTransport("docker", {
      node: this.name,
      containerName: this.containerName,
      address: this.ip,
      sshKeyPath: "",
      knownHostsPath: ""
    });
  }
  sh(script, options) {
    return containerSh(this.containerName, script, options);
  }
};

// harness/kind-provider.ts
function kindBinary() {
  return process.env.KUBE_RESCUE_KIND ?? "kind";
}
async function kindAvailability() {
  const v = await runCommand(kindBinary(), ["version"], {
    allowFailure: true,
    timeoutMs: 1e4
  }).catch((e) => ({ code: -1, stdout: "", stderr: e.message }));
  if (v.code !== 0) {
    return {
      available: false,
      reason: `the \`${kindBinary()}\` CLI does not run (${v.stderr.trim().split("\n")[0] || `exit ${v.code}`})`
    };
  }
  const d = await docker(["info", "--format", "{{.ServerVersion}}"], { allowFailure: true }).catch(
    (e) => ({ code: -1, stdout: "", stderr: e.message })
  );
  if (d.code !== 0) {
    return {
      available: false,
      reason: `no Docker engine answers (${d.stderr.trim().split("\n")[0]})`
    };
  }
  return { available: true, version: v.stdout.trim() };
}
function kindConfig(t) {
  for (const n of t.nodes) {
    if (n.roles.includes("etcd") && !n.roles.includes("control-plane")) {
      throw new InputError(
        `Topology ${t.name} puts etcd on worker ${n.name}; kubeadm (kind) runs etcd only on control-plane nodes. Use the local provider for this topology.`
      );
    }
  }
  return stringify2({
    kind: "Cluster",
    apiVersion: "kind.x-k8s.io/v1alpha4",
    nodes: t.nodes.map((n) => ({
      role: n.roles.includes("control-plane") ? "control-plane" : "worker"
    }))
  });
}
var KUBEADM_ETCD_PKI = "/etc/kubernetes/pki/etcd";
var KindNode = class extends DockerExecNode {
  constructor(name, ip, roles, member) {
    super(name, ip, roles, member, "kind");
  }
};
var KindCluster = class {
  constructor(name, runId, topology2, nodes, workDir, inventoryPath, etcdEndpoints, tls, startupSeconds) {
    this.name = name;
    this.runId = runId;
    this.topology = topology2;
    this.nodes = nodes;
    this.workDir = workDir;
    this.inventoryPath = inventoryPath;
    this.etcdEndpoints = etcdEndpoints;
    this.tls = tls;
    this.startupSeconds = startupSeconds;
  }
  name;
  runId;
  topology;
  nodes;
  workDir;
  inventoryPath;
  etcdEndpoints;
  tls;
  startupSeconds;
  provider = "kind";
  layout = "kubeadm";
  /** kind nodes have no sshd: there is no key and no known_hosts. */
  sshKeyPath = "";
  knownHostsPath = "";
  stopped = false;
  /**
   * kubectl of kind's node image on the first control-plane node, with its admin.conf: the
   * runner may have no kubectl, every kind node has one.
   */
  get kubernetes() {
    const first = this.nodes.find((n) => n.roles.includes("control-plane")) ?? this.nodes[0];
    return {
      kubectl: [
        dockerBinary(),
        "exec",
        first.name,
        "kubectl",
        "--kubeconfig=/etc/kubernetes/admin.conf"
      ]
    };
  }
  node(name) {
    const n = this.nodes.find((x) => x.name === name);
    if (!n) throw new InputError(`kind cluster ${this.name} has no node "${name}".`);
    return n;
  }
  async stopNode(name) {
    await docker(["stop", "-t", "20", this.node(name).name]);
  }
  async startNode(name) {
    await docker(["start", this.node(name).name]);
  }
  /**
   * kind makes nodes only at cluster creation, so the nearest thing to a new machine with the
   * same IP and hostname is this node emptied of what kubeadm put there: static pods (the
   * kubelet stops them once their manifests are gone), etcd data, PKI and kubeconfigs. The
   * kubelet's own kubeconfig stays, so restored manifests run again.
   */
  async replaceWithBlankNode(name) {
    const n = this.node(name);
    await n.sh(
      [
        "set -e",
        "rm -f /etc/kubernetes/manifests/*.yaml",
        'for i in $(seq 1 60); do crictl ps -q --name "^etcd$" | grep -q . || break; sleep 1; done',
        'if crictl ps -q --name "^etcd$" | grep -q .; then echo "etcd still runs after 60 s" >&2; exit 1; fi',
        "rm -rf /var/lib/etcd/* /etc/kubernetes/pki",
        "rm -f /etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf"
      ].join("\n"),
      { timeoutMs: 12e4 }
    );
  }
  async disconnectNode(name) {
    await docker(["network", "disconnect", "kind", this.node(name).name]);
  }
  async reconnectNode(name) {
    const n = this.node(name);
    const fixed = await docker(["network", "connect", "--ip", n.ip, "kind", n.name], {
      allowFailure: true
    });
    if (fixed.code === 0) return;
    await docker(["network", "connect", "kind", n.name]);
    const ip = (await docker(["inspect", "--format", "{{.NetworkSettings.Networks.kind.IPAddress}}", n.name])).stdout.trim();
    if (ip !== n.ip) {
      throw new OperationError(
        `kind node ${name} came back on ${ip} instead of ${n.ip} (${fixed.stderr.trim()}); its etcd peer URL no longer matches. Recreate the kind cluster.`
      );
    }
  }
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    await runCommand(kindBinary(), ["delete", "cluster", "--name", this.name], {
      allowFailure: true
    });
    await rm5(this.workDir, { recursive: true, force: true });
  }
  async [Symbol.asyncDispose]() {
    await this.stop();
  }
};
async function removeKindLeftovers(progress) {
  const clusters = (await runCommand(kindBinary(), ["get", "clusters"], { allowFailure: true })).stdout.split("\n").filter((c) => c.startsWith("kube-rescue-"));
  if (clusters.length === 0) return;
  const dirs = (await readdir3(tmpdir4())).filter((d) => d.startsWith(TEMP_PREFIX));
  for (const c of clusters) {
    const runId = c.slice("kube-rescue-".length);
    const dir = dirs.find((d) => d.startsWith(`${TEMP_PREFIX}${runId}-`));
    const owner = dir ? (await readFile5(join8(tmpdir4(), dir, "owner"), "utf8").catch(() => "")).trim() : "";
    if (ownerIsGone(owner || void 0)) {
      progress.info(`deleting kind cluster ${c} left by a crashed harness run`);
      await runCommand(kindBinary(), ["delete", "cluster", "--name", c], { allowFailure: true });
    }
  }
}
var KindClusterProvider = class {
  name = "kind";
  async start(which, options = {}) {
    const progress = options.progress ?? silentProgress;
    const t = typeof which === "string" ? topology(which) : which;
    const availability = await kindAvailability();
    if (!availability.available) {
      throw new OperationError(`kind not available here: ${availability.reason}`);
    }
    if (options.etcdVersion) {
      progress.info(
        `kind runs the etcd of its node image; the etcd version ${options.etcdVersion} asked for applies to the local provider only`
      );
    }
    const config = kindConfig(t);
    const t0 = Date.now();
    await removeKindLeftovers(progress);
    const { runId, name, workDir } = await newRun();
    try {
      const configPath = join8(workDir, "kind.yaml");
      await writeFile3(configPath, config);
      await progress.phase(
        `kind create cluster ${name} (${t.name})`,
        () => runCommand(
          kindBinary(),
          [
            "create",
            "cluster",
            "--name",
            name,
            "--config",
            configPath,
            "--kubeconfig",
            join8(workDir, "kubeconfig"),
            "--wait",
            "180s"
          ],
          { timeoutMs: 6e5 }
        )
      );
      const kindNodes = (await runCommand(kindBinary(), ["get", "nodes", "--name", name])).stdout.split("\n").filter(Boolean).sort();
      const nodes = [];
      for (const container of kindNodes) {
        const ip = (await docker([
          "inspect",
          "--format",
          "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}",
          container
        ])).stdout.trim().split(" ")[0];
        const controlPlane = container.includes("control-plane");
        const roles = controlPlane ? ["control-plane", "etcd"] : ["worker"];
        nodes.push(new KindNode(container, ip, roles, controlPlane ? container : void 0));
      }
      const controlPlanes = nodes.filter((n) => n.roles.includes("etcd"));
      if (controlPlanes.length === 0) {
        throw new OperationError(
          `kind cluster ${name} has no control-plane node (kind get nodes: ${kindNodes.join(", ")}).`
        );
      }
      const pkiDir = join8(workDir, "pki");
      await mkdir3(pkiDir, { mode: 448 });
      for (const f of ["ca.crt", "healthcheck-client.crt", "healthcheck-client.key"]) {
        await docker(["cp", `${controlPlanes[0].name}:${KUBEADM_ETCD_PKI}/${f}`, join8(pkiDir, f)]);
      }
      const tls = {
        cacert: join8(pkiDir, "ca.crt"),
        cert: join8(pkiDir, "healthcheck-client.crt"),
        key: join8(pkiDir, "healthcheck-client.key")
      };
      const etcdEndpoints = controlPlanes.map((n) => `https://${n.ip}:2379`);
      await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 12e4 });
      const kindTopology = {
        name: t.name,
        nodes: nodes.map((n) => ({ name: n.name, roles: [...n.roles] }))
      };
      const inventoryPath = join8(workDir, "hosts.ini");
      await writeFile3(inventoryPath, renderKindInventory(nodes, name));
      return new KindCluster(
        name,
        runId,
        kindTopology,
        nodes,
        workDir,
        inventoryPath,
        etcdEndpoints,
        tls,
        (Date.now() - t0) / 1e3
      );
    } catch (err) {
      await runCommand(kindBinary(), ["delete", "cluster", "--name", name], { allowFailure: true });
      await rm5(workDir, { recursive: true, force: true });
      throw err;
    }
  }
};
function renderKindInventory(nodes, name) {
  return renderDockerExecInventory(
    nodes,
    `Inventory of kind cluster ${name} (kubeadm layout; reach nodes with --transport docker)`
  );
}

export {
  dockerBinary,
  docker,
  runCommand,
  topology,
  controlPlaneNodes,
  KUBESPRAY_PATHS,
  nodeFilesArchive,
  RUN_LABEL,
  runLabels,
  removeLeftovers,
  trackLiveRun,
  newRun,
  waitForEtcdHealthy,
  rootAccess,
  withBuildLock,
  holdMachineLock,
  fileSha256,
  ensureNodeImage,
  renderDockerExecInventory,
  createClusterNetwork,
  startNodeContainer,
  containerSh,
  waitForBoot,
  delay,
  teardown,
  LocalClusterProvider,
  DockerExecNode,
  kindBinary,
  kindAvailability,
  kindConfig,
  KindClusterProvider
};
//# sourceMappingURL=chunk-UDH55ROM.js.map
