#!/usr/bin/env node
import {
  KUBEADM_KUBELET_CLIENT,
  comparedRestore,
  deleteNodeArgv,
  issueKubeletClient,
  judgeKubeletClient,
  keptCopyOf,
  localSnapshotCopy,
  readKubeletClient,
  stamp
} from "./chunk-QBYBDS7O.js";
import {
  snapshotCtl
} from "./chunk-KQACRCKW.js";
import {
  clientTls
} from "./chunk-R6PYWJMK.js";
import {
  CONTROL_PLANE_CONTAINERS,
  hasKubeletService
} from "./chunk-E33XPV3C.js";
import {
  EtcdCtl,
  parseEnvLines
} from "./chunk-U6HZZ6QY.js";
import {
  shellCommand
} from "./chunk-ZZ57F2FG.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/backup/archive-members.ts
import { posix } from "node:path";
import tarStream from "tar-stream";
var hasControl = (s) => [...s].some((c) => c.charCodeAt(0) < 32 || c === "\x7F");
var S_ISUID = 2048;
var S_ISGID = 1024;
function canonicalRoot(p) {
  if (!p.startsWith("/") || hasControl(p)) return void 0;
  const n = posix.normalize(p).replace(/\/+$/, "");
  if (n === "" || n !== p.replace(/\/+$/, "") || p.split("/").includes("..")) return void 0;
  return n;
}
var within = (path, root) => path === root || path.startsWith(`${root}/`);
function archiveRoots(manifestPaths, layoutPaths) {
  const known = new Set(layoutPaths.map(canonicalRoot).filter((p) => Boolean(p)));
  const roots = [];
  for (const p of manifestPaths) {
    const c = typeof p === "string" ? canonicalRoot(p) : void 0;
    if (c && known.has(c) && !roots.includes(c)) roots.push(c);
  }
  return roots;
}
function shown(name) {
  if (typeof name === "string") return name;
  try {
    return String(name);
  } catch {
    return `(a ${typeof name} that is no name)`;
  }
}
function checkArchiveMembers(headers, roots, where, notHeld) {
  const refuse = (name, why) => {
    throw new InputError(
      `${where}: member ${JSON.stringify(shown(name))} ${why}. The whole archive is refused and nothing of it was extracted: the backup set was altered or not written by kube-rescue. Restore from another set (check it with 'kube-rescue verify').`
    );
  };
  const allowed = roots.map((r) => canonicalRoot(r));
  if (allowed.some((r) => r === void 0)) {
    throw new InputError(
      `${where}: the allowed roots ${JSON.stringify(roots)} are not all absolute canonical paths.`
    );
  }
  const rootList = allowed;
  const inRoots = (p) => rootList.some((r) => within(p, r));
  const rootsText = rootList.length > 0 ? rootList.join(", ") : "(none)";
  const members = [];
  const typeOf = /* @__PURE__ */ new Map();
  for (const h of headers) {
    const name = h?.name;
    if (typeof name !== "string" || name === "") refuse(name, "has no name");
    const raw = name;
    if (hasControl(raw)) refuse(raw, "has a control character in its name");
    if (raw.startsWith("/"))
      refuse(raw, "is an absolute path (node archives hold names relative to /)");
    const trimmed = h.type === "directory" ? raw.replace(/\/$/, "") : raw;
    const parts = trimmed.split("/");
    if (parts.includes("..")) refuse(raw, "has a '..' component");
    if (parts.some((s) => s === "" || s === ".")) {
      refuse(raw, "is not a canonical name (empty or '.' components)");
    }
    const path = `/${trimmed}`;
    if (!inRoots(path)) {
      const listed = notHeld?.paths.find((p) => within(path, p));
      refuse(
        raw,
        listed ? `is under ${listed}, which the manifest lists but a ${notHeld.layout} node's backup never holds (it holds ${rootsText}); if the backup was taken with other paths, restore with the same --layout and path flags` : `is outside the paths the manifest lists for this node (${rootsText})`
      );
    }
    let type;
    switch (h.type === void 0 ? "file" : h.type) {
      case "file":
        type = "file";
        break;
      case "directory":
        type = "directory";
        break;
      case "symlink":
        type = "symlink";
        break;
      case "link":
        type = "hardlink";
        break;
      default:
        return refuse(
          raw,
          `is a ${typeof h.type === "string" ? h.type : "member of an unknown tar type"}: only regular files, directories and symlinks belong in a node archive`
        );
    }
    const mode = h.mode ?? 420;
    if (!Number.isSafeInteger(mode) || mode < 0 || mode > 4095) {
      refuse(raw, `has an invalid mode ${JSON.stringify(mode)}`);
    }
    if (type !== "directory" && (mode & (S_ISUID | S_ISGID)) !== 0) {
      refuse(raw, `has the setuid/setgid bit (mode ${mode.toString(8)})`);
    }
    const ids = [h.uid ?? 0, h.gid ?? 0];
    if (!ids.every((v) => Number.isSafeInteger(v) && v >= 0)) {
      refuse(raw, `has an invalid owner ${JSON.stringify(ids)}`);
    }
    const member = {
      path,
      type,
      mode,
      uid: ids[0],
      gid: ids[1]
    };
    if (type === "symlink" || type === "hardlink") {
      const link = h.linkname;
      if (typeof link !== "string" || link === "") refuse(raw, `is a ${type} with no target`);
      if (hasControl(link)) refuse(raw, "has a control character in its link target");
      if (type === "symlink") {
        const target = posix.resolve(posix.dirname(path), link);
        if (!inRoots(target)) {
          refuse(
            raw,
            `is a symlink to ${link}, outside the paths the manifest lists (${rootsText})`
          );
        }
        member.link = link;
      } else {
        const target = `/${link}`;
        if (link.startsWith("/") || link.split("/").includes("..")) {
          refuse(raw, `is a hard link to ${link}, which is not a member of this archive`);
        }
        if (typeOf.get(target) !== "file") {
          refuse(
            raw,
            `is a hard link to ${link}, which is not a file earlier in this archive`
          );
        }
        member.link = target;
      }
    }
    const seen = typeOf.get(path);
    if (seen !== void 0 && seen !== type) {
      refuse(raw, `appears twice, as a ${seen} and as a ${type}`);
    }
    typeOf.set(path, type);
    members.push(member);
  }
  for (const m of members) {
    for (let dir = posix.dirname(m.path); dir !== "/"; dir = posix.dirname(dir)) {
      if (typeOf.get(dir) === "symlink") {
        refuse(m.path.slice(1), `lies below the symlink ${dir.slice(1)} of the same archive`);
      }
    }
  }
  return {
    members,
    roots: rootList.filter((r) => members.some((m) => within(m.path, r)))
  };
}
function gnuTarNames(members) {
  return members.map(
    (m) => [...Buffer.from(m.path.slice(1), "utf8")].map(
      (b) => b === 92 ? "\\\\" : b >= 32 && b < 127 ? String.fromCharCode(b) : `\\${b.toString(8).padStart(3, "0")}`
    ).join("")
  );
}
async function readArchiveHeaders(stream, where) {
  const headers = [];
  const extract = tarStream.extract();
  extract.on("entry", (header, body, next) => {
    headers.push(header);
    body.on("end", next);
    body.resume();
  });
  await new Promise((resolve, reject) => {
    const fail = (err) => reject(
      err instanceof InputError ? err : new InputError(`${where} is not a readable tar archive (${err.message}).`, {
        cause: err
      })
    );
    extract.on("finish", resolve);
    extract.on("error", fail);
    stream.on("error", (err) => reject(err));
    stream.pipe(extract);
  });
  return headers;
}

// src/recovery/node-steps.ts
import { posix as posix2 } from "node:path";
import { PassThrough } from "node:stream";

// src/recovery/publish-stall.ts
async function watchPublishStall(probe, o) {
  const now = o.now ?? Date.now;
  const sleep2 = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
  const namedForMs = o.namedForMs ?? 500;
  const pollMs = o.pollMs ?? 250;
  let namedAt;
  let toldNoQuorum = false;
  let health;
  const others = (voters, me) => voters.filter((m) => m !== me).flatMap((m) => m.clientURLs);
  while (!o.settled()) {
    let view;
    try {
      view = await probe.ownView();
    } catch (err) {
      o.debug?.(`publish watch: ${o.member}'s peer port: ${err.message}`);
    }
    const me = view?.find((m) => m.peerURLs.includes(o.peerURL));
    if (view)
      o.debug?.(`publish watch: ${o.member} holds the name "${me?.name ?? "(not listed)"}"`);
    if (view && me && me.name === o.member) {
      namedAt ??= now();
      const voters = view.filter((m) => !m.isLearner);
      health ??= probe.healthy(others(voters, me)).then(
        (up) => up.size,
        (err) => {
          o.debug?.(`publish watch: health of the other members: ${err.message}`);
          return 0;
        }
      );
      if (now() - namedAt >= namedForMs) {
        const needed = Math.floor(voters.length / 2) + 1;
        const up = await health;
        if (o.settled()) return void 0;
        if (up >= needed) {
          const stalled = ((now() - namedAt) / 1e3).toFixed(1);
          await probe.restart();
          return `${o.member} held its own published name for ${stalled} s without serving (etcd's publish stall after a snapshot that already holds it); restarted once, with ${up} of ${voters.length} voters healthy without it`;
        }
        health = void 0;
        if (!toldNoQuorum) {
          toldNoQuorum = true;
          o.onNoQuorum?.(up, needed);
        }
      }
    } else {
      namedAt = void 0;
    }
    await sleep2(pollMs);
  }
  return void 0;
}

// src/recovery/node-steps.ts
var API_NOT_ANSWERING = /connection refused|was refused|unable to connect|i\/o timeout|TLS handshake timeout|EOF|ServiceUnavailable|currently unable to handle|etcdserver: request timed out|context deadline exceeded/i;
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
var q = (s) => shellCommand([s]);
var NodeStepRunner = class {
  constructor(deps) {
    this.deps = deps;
    this.ts = stamp(new Date(deps.plan.createdAt));
    this.byHost = new Map(deps.plan.members.map((m) => [m.host, m]));
  }
  deps;
  observed = {
    restoredFiles: [],
    stagedPath: (node, planned) => this.stagedPath(node, planned, false).catch(() => void 0)
  };
  ts;
  byHost;
  /** Private staging dirs on nodes this run knows of, by `node\0planned dir`. */
  staged = /* @__PURE__ */ new Map();
  ctls = /* @__PURE__ */ new Map();
  member(host) {
    const m = this.byHost.get(host);
    if (!m) throw new OperationError(`Node ${host} is not an etcd member of the inventory.`);
    return m;
  }
  /**
   * etcdctl on `host`, against its own member or `endpoints`. One client per node, so its tools
   * and its certificate check (a round trip each) are found once per run, not once per step or
   * per look of a watch; other endpoints get a copy of it.
   */
  async ctl(host, endpoints) {
    let base = this.ctls.get(host);
    if (!base) {
      const made = (async () => {
        const t = await this.deps.transportFor(host);
        return new EtcdCtl(t, {
          endpoints: [this.member(host).clientURL],
          tls: clientTls(this.deps.access, this.deps.layout, host),
          progress: this.deps.progress,
          // kubeadm: the etcd image's tools, in a container next to the static pod.
          commands: await this.deps.layout.toolCommands(t)
        });
      })();
      made.catch(() => this.ctls.delete(host));
      this.ctls.set(host, made);
      base = made;
    }
    const ctl = await base;
    return endpoints ? ctl.withEndpoints(endpoints) : ctl;
  }
  /**
   * Before the first step: every node archive the remaining steps extract is read from the
   * store, its hashes checked and every member checked, so a hostile archive is refused while
   * the cluster is still untouched. The step checks its own (second) read again.
   */
  async prepare(steps) {
    const snapshots = /* @__PURE__ */ new Set();
    for (const step of steps) {
      if (step.action === "fetch-snapshot" && step.params.from.kind === "backup") {
        snapshots.add(step.params.from.object);
      }
    }
    for (const object of snapshots) {
      const backup = this.requireBackup(steps.find((s) => s.action === "fetch-snapshot"));
      try {
        await backup.streamTo(object, async (plain) => {
          for await (const _ of plain) {
          }
        });
      } catch (err) {
        if (!(err instanceof OperationError)) throw err;
        throw new InputError(`${err.message} Nothing was changed: no step has run.`, {
          cause: err
        });
      }
      this.deps.progress.info(`${object}: read in full, hashes match the manifest`);
    }
    for (const step of steps) {
      if (step.action !== "restore-certs" || step.params.from.kind !== "backup") continue;
      const backup = this.requireBackup(step);
      const object = step.params.from.object;
      const where = `${backup.location}/${object}`;
      const headers = await backup.streamTo(object, (plain) => readArchiveHeaders(plain, where));
      const checked = this.checkMembers(step.node, headers, where);
      this.deps.progress.info(
        `${object}: hashes match the manifest; ${checked.members.length} members, all within ${checked.roots.join(", ")}`
      );
    }
  }
  /** Runs one step; a failure says where this run's staged files are left. */
  async run(step) {
    try {
      return await this.runStep(step);
    } catch (err) {
      if (err instanceof Error && this.staged.size > 0) {
        const where = [...this.staged.values()].map((s) => `${s.node}:${s.dir}`).join(", ");
        err.message += `
Staged files are kept on the nodes at ${where} (private, 0700); remove them once the recovery is done: they hold keys or every Secret of the cluster.`;
      }
      throw err;
    }
  }
  runStep(step) {
    switch (step.action) {
      case "snapshot-save":
        return this.snapshotSave(step);
      case "fetch-snapshot":
        return this.fetchSnapshot(step);
      case "stop-etcd":
        return this.stopEtcd(step);
      case "move-aside":
        return this.moveAside(step);
      case "member-remove":
        return this.memberRemove(step);
      case "member-add":
        return this.memberAdd(step);
      case "write-env":
        return this.writeEnv(step);
      case "restore-snapshot":
        return this.restoreSnapshot(step);
      case "restore-certs":
        return this.restoreCerts(step);
      case "kubelet-client":
        return this.kubeletClient(step);
      case "start-etcd":
        return this.startEtcd(step);
      case "wait-healthy":
        return this.waitHealthy(step);
      case "restart-control-plane":
        return this.restartControlPlane(step);
      case "delete-node":
        return this.deleteNode(step);
      case "verify":
        return this.verify();
      case "discard-staged":
        return this.discardStaged(step);
    }
  }
  async snapshotSave(step) {
    const ctl = await this.ctl(step.node);
    const path = await this.stagedPath(step.node, step.params.path, true);
    const saved = await snapshotCtl(ctl, step.params.endpoint).snapshotSave(
      step.params.endpoint,
      path
    );
    const status = await ctl.snapshotStatus(path);
    this.observed.snapshot = {
      revision: status.revision,
      totalKey: status.totalKey,
      node: step.node
    };
    return `${saved.bytes} bytes at revision ${status.revision} (${status.totalKey} keys incl. history) in ${path}`;
  }
  async fetchSnapshot(step) {
    const target = await this.deps.transportFor(step.node);
    const from = step.params.from;
    const to = await this.stagedPath(step.node, step.params.to, true);
    if (from.kind === "node") {
      const source = await this.deps.transportFor(from.node);
      const path = await this.stagedPath(from.node, from.path, false);
      await target.writeFile(to, source.readFile(path), { mode: 384 });
      return `copied ${from.node}:${path} \u2192 ${to}`;
    }
    const backup = this.requireBackup(step);
    await backup.streamTo(from.object, (plain) => target.writeFile(to, plain, { mode: 384 }));
    return `${from.object} from ${from.location} \u2192 ${to} (hashes match the manifest)`;
  }
  requireBackup(step) {
    if (!this.deps.backup) {
      throw new OperationError(
        `Step ${step.id} needs the backup set, but none was opened: run restore with --backup.`
      );
    }
    return this.deps.backup;
  }
  async stopEtcd(step) {
    const t = await this.deps.transportFor(step.node);
    return this.deps.layout.stopEtcd(t);
  }
  async startEtcd(step) {
    const t = await this.deps.transportFor(step.node);
    const timeoutMs = this.deps.healthyTimeoutMs ?? 18e4;
    const me = this.member(step.node);
    const joins = this.deps.plan.steps.some(
      (s) => s.action === "member-add" && s.params.member === me.memberName
    );
    if (this.deps.layout.name !== "kubespray" || !joins) {
      return this.deps.layout.startEtcd(t, { timeoutMs });
    }
    const ctl = await this.ctl(step.node);
    let settled = false;
    let restarted = false;
    const start = this.deps.layout.startEtcd(t, { timeoutMs }).finally(() => {
      settled = true;
    });
    const watching = watchPublishStall(
      {
        ownView: () => ctl.peerMembers(me.peerURL),
        healthy: async (urls) => {
          if (urls.length === 0) return /* @__PURE__ */ new Set();
          const health = await (await this.ctl(step.node, urls)).endpointHealth();
          return new Set(health.filter((h) => h.healthy).map((h) => h.endpoint));
        },
        restart: async () => {
          restarted = true;
          await t.exec(["systemctl", "restart", "etcd"], { timeoutMs });
        }
      },
      {
        member: me.memberName,
        peerURL: me.peerURL,
        settled: () => settled,
        debug: (m) => this.deps.progress.debug(m),
        onNoQuorum: (up, needed) => this.deps.progress.info(
          `${me.memberName} is stalled on its own publish, but only ${up} other voter(s) are healthy (${needed} needed without it): waiting for etcd's request timeout instead of restarting it`
        )
      }
    ).catch((err) => err);
    await Promise.race([start.catch(() => void 0), watching]);
    if (!restarted) return start;
    const why = await watching;
    await start.catch(() => void 0);
    if (why instanceof Error) throw why;
    this.deps.progress.info(`${step.node}: ${why}`);
    return `etcd started (systemctl start etcd); ${why}`;
  }
  /** Moves a path aside; idempotent so an interrupted run can repeat it. Never deletes. */
  async moveAside(step) {
    const t = await this.deps.transportFor(step.node);
    const { path, to, recreate } = step.params;
    const script = [
      `if [ -e ${q(path)} ] || [ -L ${q(path)} ]; then`,
      `  if [ -e ${q(to)} ] || [ -L ${q(to)} ]; then`,
      // An empty dir we recreated ourselves before a crash is not "taken".
      `    if [ ${recreate ? 1 : 0} = 1 ] && [ -d ${q(path)} ] && [ -z "$(ls -A ${q(path)})" ]; then echo already; exit 0; fi`,
      `    echo taken; exit 0`,
      "  fi",
      `  mv -- ${q(path)} ${q(to)} && echo moved`,
      `elif [ -e ${q(to)} ] || [ -L ${q(to)} ]; then echo already`,
      "else echo absent; fi",
      ...recreate ? [
        `if [ ! -e ${q(path)} ] && [ -d ${q(to)} ]; then mkdir -- ${q(path)} && chown --reference=${q(to)} ${q(path)} && chmod --reference=${q(to)} ${q(path)}; fi >&2`
      ] : []
    ].join("\n");
    const out = (await t.script(script, { timeoutMs: 6e4 })).stdout.trim();
    if (out === "taken") {
      throw new OperationError(
        `Node ${step.node}: both ${path} and ${to} exist; refusing to overwrite either. Look at both, move one away by hand, and run restore again.`
      );
    }
    return {
      moved: `${path} \u2192 ${to}`,
      already: `${path} was already moved to ${to}`,
      absent: `${path} does not exist; nothing to move`
    }[out];
  }
  async memberRemove(step) {
    const ctl = await this.ctl(step.node);
    const list = await ctl.memberList();
    const live = list.find((m) => m.id === step.params.memberId) ?? list.find((m) => m.name === step.params.member);
    if (!live) return `${step.params.member} is not a member (already removed)`;
    await ctl.memberRemove(live.id);
    return `removed ${step.params.member} (id ${live.id})`;
  }
  async memberAdd(step) {
    const ctl = await this.ctl(step.node);
    const { member, peerURL } = step.params;
    const existing = (await ctl.memberList()).find((m) => m.peerURLs.includes(peerURL));
    if (existing) return `${peerURL} is already a member (id ${existing.id}); not added twice`;
    const added = await ctl.memberAdd(member, [peerURL]);
    return `added ${member} as ${added.id ?? "new member"} after ${added.attempts} attempt(s)`;
  }
  /**
   * Sets the cluster keys of /etc/etcd.env, keeping every other line. A blank node gets the
   * file of a healthy peer with that peer's name, address and cert names replaced by its own.
   */
  async writeEnv(step) {
    const layout = this.deps.layout;
    if (!layout.envFile) return this.writeManifestFlags(step);
    const envFile = layout.envFile;
    const t = await this.deps.transportFor(step.node);
    let text = await this.readKeepingOriginal(t, step.node, envFile);
    let origin = "its own";
    if (text === void 0) {
      const peer = step.params.templateFrom;
      if (!peer || peer === step.node) {
        throw new OperationError(
          `Node ${step.node} has no ${envFile} and no healthy peer to derive it from: restore the node's archive from a backup (--backup) and run again.`
        );
      }
      const pt = await this.deps.transportFor(peer);
      text = envForAnotherMember(
        (await pt.exec(["cat", envFile], { timeoutMs: 15e3 })).stdout,
        this.member(peer),
        this.member(step.node)
      );
      origin = `${peer}'s, adapted`;
    }
    const next = setEnvKeys(text, step.params.set);
    await t.writeFile(envFile, next, { mode: 416 });
    return `${envFile} (from ${origin} file): ${Object.keys(step.params.set).join(", ")}`;
  }
  /** kubeadm: the same settings as flags of the etcd static-pod manifest (parked while stopped). */
  async writeManifestFlags(step) {
    const layout = this.deps.layout;
    const candidates = [layout.parkedEtcdManifest, layout.etcdManifest].filter(
      (p) => Boolean(p)
    );
    const t = await this.deps.transportFor(step.node);
    for (const path of candidates) {
      const current = await this.readKeepingOriginal(t, step.node, path);
      if (current === void 0) continue;
      await t.writeFile(path, setManifestFlags(current, step.params.set, path), {
        mode: 384
      });
      return `${path}: ${Object.keys(step.params.set).join(", ")} as etcd flags`;
    }
    throw new OperationError(
      `Node ${step.node}: no etcd static-pod manifest at ${candidates.join(" or ")}: restore the node's archive from a backup (--backup) and run again.`
    );
  }
  async restoreSnapshot(step) {
    const p = step.params;
    const partial = `${p.dataDir}.interrupted-${stamp(/* @__PURE__ */ new Date())}`;
    const aside = `${p.dataDir}.${this.ts}`;
    const ctl = await this.ctl(step.node);
    const r = await ctl.snapshotRestore(
      {
        snapshot: await this.stagedPath(step.node, p.snapshot, false),
        dataDir: p.dataDir,
        name: p.member,
        initialCluster: p.initialCluster,
        initialClusterToken: p.initialClusterToken,
        initialAdvertisePeerUrls: [p.peerURL],
        bumpRevision: p.bumpRevision,
        markCompacted: p.markCompacted
      },
      {
        before: [
          `if [ -e ${q(p.dataDir)} ]; then mv -- ${q(p.dataDir)} ${q(partial)} || exit $?; fi`
        ],
        after: [
          `if [ -e ${q(aside)} ]; then chown -R "$(stat -c %u:%g ${q(aside)})" ${q(p.dataDir)} || exit $?; else u=$(systemctl show -p User --value etcd 2>/dev/null || true); if [ -n "$u" ] && id -u "$u" >/dev/null 2>&1; then chown -R "$u:$(id -gn "$u")" ${q(p.dataDir)} || exit $?; fi; fi`,
          `exec chmod 700 ${q(p.dataDir)}`
        ]
      }
    );
    this.prefetch(step);
    const bump = r.bumpedBy ? `, revision bumped by ${r.bumpedBy} and compacted` : r.bumpSkipped ? " (no revision bump: the tool cannot)" : "";
    return `${p.member} restored into ${p.dataDir} with ${r.tool}${bump}`;
  }
  async restoreCerts(step) {
    const t = await this.deps.transportFor(step.node);
    const from = step.params.from;
    if (from.kind === "backup") {
      return this.restoreArchive(step, t, from.object, step.params.moveAside ?? []);
    }
    const peer = await this.deps.transportFor(from.node);
    const rel = from.paths.map((p) => p.replace(/^\/+/, ""));
    await this.moveRootsAside(t, step.node, from.paths);
    const archive = peer.execStream(["tar", "-c", "--numeric-owner", "-f", "-", "-C", "/", ...rel]);
    await Promise.all([
      t.exec(extractArgv("-", from.paths), { stdin: archive.stdout, timeoutMs: 10 * 6e4 }),
      archive.done
    ]);
    if (from.paths.some((p) => p.startsWith("/etc/systemd/"))) {
      await t.exec(["systemctl", "daemon-reload"], { timeoutMs: 6e4 });
    }
    return `${from.paths.join(", ")} copied from ${from.node} with modes and owners`;
  }
  /** Checks an archive's headers against the roots it may write (archiveRoots). */
  checkMembers(node, headers, where) {
    return checkNodeArchive(this.deps.backup, this.deps.layout, node, headers, where);
  }
  /**
   * Verify, then extract, and only what belongs: the plaintext is staged in a private dir on
   * the node while the runner hashes it and reads every tar header; only when both hashes
   * match the manifest, every member passed checkArchiveMembers and the staged copy's sha256
   * on the node is the one checked, is the copy extracted, naming the checked roots to tar.
   */
  async restoreArchive(step, t, object, moveAside) {
    const backup = this.requireBackup(step);
    const where = `${backup.location}/${object}`;
    const dir = await this.makeStaging(t, step.node, "kube-rescue-archive.");
    const key = `${step.node}\0${dir}`;
    const staged = posix2.join(dir, "archive.tar");
    let checked;
    try {
      checked = await stageCheckedArchive({
        backup,
        t,
        node: step.node,
        object,
        staged,
        check: (headers) => this.checkMembers(step.node, headers, where)
      });
    } catch (err) {
      await this.removeStaging(t, step.node, dir, key);
      throw err;
    }
    const park = this.etcdManifestParking(checked.members);
    const files = checked.members.map((m) => restoredFileOf(step.node, m));
    const put = await t.script(
      [
        // The plan's cert dirs first (kubeadm's etcd dir lies inside its pki dir), then the rest.
        ...this.asideLines([.../* @__PURE__ */ new Set([...moveAside, ...checked.roots])]),
        ...park ? [this.parkedAsideLine(park.to)] : [],
        `${shellCommand(extractArgv(staged, checked.roots, park))} || exit $?`,
        `rm -rf -- ${q(dir)} || exit $?`,
        ...files.some((f) => f.path.startsWith("/etc/systemd/")) ? ["exec systemctl daemon-reload"] : []
      ].join("\n"),
      { timeoutMs: 10 * 6e4 }
    );
    this.reportMoved(step.node, put.stdout);
    this.staged.delete(key);
    this.deps.progress.debug(`node ${step.node}: removed ${dir}`);
    this.observed.restoredFiles.push(...files);
    return `${files.length} entries of ${object} put back with their modes and owners (hashes and every member checked first)`;
  }
  /**
   * Moves each of `roots` to `<root>.<plan stamp>` unless that aside copy exists already (made
   * by a move-aside step, or by this step before an interruption): the original is saved once
   * and never overwritten by a resumed run.
   */
  async moveRootsAside(t, node, roots) {
    const lines = this.asideLines(roots);
    if (lines.length === 0) return;
    this.reportMoved(node, (await t.script(lines.join("\n"), { timeoutMs: 6e4 })).stdout);
  }
  /** Shell lines of moveRootsAside; each prints `<root> → <aside>` for what it moved. */
  asideLines(roots) {
    return roots.map((r) => {
      const to = `${r}.${this.ts}`;
      return `if { [ -e ${q(r)} ] || [ -L ${q(r)} ]; } && ! { [ -e ${q(to)} ] || [ -L ${q(to)} ]; }; then mv -- ${q(r)} ${q(to)} && echo ${q(`moved: ${r} \u2192 ${to}`)} || exit $?; fi`;
    });
  }
  /** What the aside lines printed, said to the operator. */
  reportMoved(node, stdout) {
    const moved = stdout.split("\n").filter((l) => l.startsWith("moved: ")).map((l) => l.slice("moved: ".length));
    if (moved.length) this.deps.progress.info(`Node ${node}: moved aside ${moved.join(", ")}`);
  }
  /**
   * kubeadm: the archive's etcd manifest is extracted to the parked path, not into the
   * kubelet's manifest dir, or the kubelet would start etcd before its data dir is restored;
   * the plan's start-etcd puts it in place.
   */
  etcdManifestParking(members) {
    const { name, etcdManifest, parkedEtcdManifest } = this.deps.layout;
    if (name !== "kubeadm" || !etcdManifest || !parkedEtcdManifest) return void 0;
    const held = members.some((m) => m.path === etcdManifest && m.type === "file");
    return held ? { from: etcdManifest, to: parkedEtcdManifest } : void 0;
  }
  /** A manifest parked by stop-etcd gives way to the archive's: kept at `<parked>.<stamp>`. */
  parkedAsideLine(parked) {
    const to = `${parked}.${this.ts}`;
    return `if [ -e ${q(parked)} ] && [ ! -e ${q(to)} ]; then mv -- ${q(parked)} ${q(to)} && echo ${q(`moved: ${parked} \u2192 ${to}`)} || exit $?; fi`;
  }
  /**
   * The text of a file about to be rewritten, its original copied aside (keptCopyOf) first, once:
   * never over an earlier copy. One command; undefined when the file cannot be read.
   */
  async readKeepingOriginal(t, node, path) {
    const aside = keptCopyOf(path, this.deps.layout.manifestsDir, this.ts);
    const r = await t.script(
      [
        `[ -e ${q(path)} ] || exit 1`,
        `if [ -e ${q(aside)} ] || [ -L ${q(aside)} ]; then :; else cp -p -- ${q(path)} ${q(aside)} || exit 3; fi`,
        `exec cat -- ${q(path)}`
      ].join("\n"),
      { allowFailure: true, timeoutMs: 15e3 }
    );
    if (r.code === 3) {
      throw new OperationError(
        `Node ${node}: cannot keep a copy of ${path} at ${aside} before rewriting it, so it is left as it is: ${r.stderr.trim()}`
      );
    }
    return r.code === 0 ? r.stdout : void 0;
  }
  /** A new private dir (mktemp -d, 0700) on the node, remembered for error messages. */
  async makeStaging(t, node, prefix) {
    const dir = await makePrivateDir(t, node, prefix);
    this.staged.set(`${node}\0${dir}`, { node, dir });
    return dir;
  }
  async removeStaging(t, node, dir, key) {
    await t.exec(["rm", "-rf", "--", dir], { timeoutMs: 6e4 });
    this.staged.delete(key);
    this.deps.progress.debug(`node ${node}: removed ${dir}`);
  }
  /** The early copy of the restored snapshot, if verification did not take it: removed. */
  async discardPrefetched() {
    const early = this.observed.prefetched;
    this.observed.prefetched = void 0;
    const copy = await early?.copy.catch(() => void 0);
    await copy?.[Symbol.asyncDispose]();
  }
  /** After the plan's first restore: its staged snapshot copied for verification, meanwhile. */
  prefetch(step) {
    if (!this.deps.prefetchSnapshot || this.observed.prefetched) return;
    if (comparedRestore(this.deps.plan)?.id !== step.id) return;
    const copy = (async () => {
      const t = await this.deps.transportFor(step.node);
      const remote = await this.stagedPath(step.node, step.params.snapshot, false);
      return localSnapshotCopy(
        t,
        remote,
        step.node,
        (m) => this.deps.progress.debug(m),
        step.params.markCompacted ? step.params.bumpRevision : void 0
      );
    })();
    copy.catch(() => void 0);
    this.observed.prefetched = { node: step.node, planned: step.params.snapshot, copy };
  }
  /**
   * The real path of a planned staging path `<parent>/<prefix>.XXXXXX/<file>`: the node's
   * private dir for it, found again after an interruption (a dir of that prefix owned by us
   * with mode 0700, not a symlink: in sticky /var/tmp nobody else can make or swap one) or,
   * with `create`, made by mktemp. A plan naming a fixed path is used as it is.
   */
  async stagedPath(node, planned, create) {
    const dir = privateDirOf(planned);
    if (!dir) return planned;
    const t = await this.deps.transportFor(node);
    const found = await this.findStagingDir(t, node, dir, create);
    if (!found) {
      throw new OperationError(
        `Node ${node}: no staging directory ${dir.template} (the staged snapshot is gone). Move the journal aside and run restore again to plan afresh.`
      );
    }
    return posix2.join(found, posix2.basename(planned));
  }
  async findStagingDir(t, node, dir, create) {
    const key = `${node}\0${dir.template}`;
    const known = this.staged.get(key);
    if (known) return known.dir;
    const stem = q(posix2.join(dir.parent, dir.prefix));
    const script = [
      `for d in ${stem}??????; do`,
      `  if [ -d "$d" ] && [ ! -L "$d" ] && [ "$(stat -c %u:%a -- "$d")" = "$(id -u):700" ]; then echo "$d"; exit 0; fi`,
      "done",
      create ? `mktemp -d ${stem}XXXXXX` : "echo none"
    ].join("\n");
    const out = (await t.script(script, { timeoutMs: 2e4 })).stdout.trim();
    if (out === "none") return void 0;
    if (!out.startsWith(posix2.join(dir.parent, dir.prefix)) || out.includes("\n")) {
      throw new OperationError(
        `Node ${node}: cannot make a private staging dir in ${dir.parent} (${out}).`
      );
    }
    this.staged.set(key, { node, dir: out });
    return out;
  }
  async waitHealthy(step) {
    const ctl = await this.ctl(step.node, step.params.clientURLs);
    const timeoutMs = this.deps.healthyTimeoutMs ?? 12e4;
    const t0 = Date.now();
    let last = "";
    for (; ; ) {
      try {
        const health = await ctl.endpointHealth();
        const sick = health.filter((h) => !h.healthy);
        if (sick.length === 0 && health.length >= step.params.clientURLs.length) {
          return `healthy after ${((Date.now() - t0) / 1e3).toFixed(1)} s: ${step.params.members.map((m) => m.name).join(", ")}`;
        }
        last = sick.map((h) => `${h.endpoint}: ${h.error ?? "unhealthy"}`).join("; ");
      } catch (err) {
        last = err.message;
      }
      if (Date.now() - t0 > timeoutMs) {
        throw new OperationError(
          `Node ${step.node}: ${step.params.members.map((m) => m.name).join(", ")} not healthy within ${timeoutMs / 1e3} s (${last}). Look at 'journalctl -u etcd' on the node(s).`
        );
      }
      await sleep(250);
    }
  }
  /**
   * The kubelet's client certificate after a node's archive came back: left alone where it is
   * the cluster CA's and current; otherwise signed anew with that CA on the node and the kubelet
   * restarted, so that it runs (and starts the static pods) before etcd's manifest goes back.
   */
  async kubeletClient(step) {
    const t = await this.deps.transportFor(step.node);
    const facts = await readKubeletClient(t);
    const verdict = judgeKubeletClient(facts, step.params.nodeName, /* @__PURE__ */ new Date());
    if (verdict.valid === true) return `${verdict.detail}: left as it is`;
    if (verdict.valid === void 0) return `${verdict.why}: left as it is`;
    if (!facts.kubeletConfig) {
      throw new OperationError(
        `Node ${step.node}: ${verdict.why}, and the kubelet has no ${KUBEADM_KUBELET_CLIENT.kubeletConfig} to start with (this backup set does not hold it: sets made before kube-rescue archived the kubelet's configuration do not). Nothing was changed by this step. Put the file back (kubeadm keeps it in the kubelet-config ConfigMap: 'kubeadm join phase kubelet-start' writes it), then run restore again.`
      );
    }
    const did = await issueKubeletClient(t, { nodeName: step.params.nodeName, ts: this.ts });
    if (!await hasKubeletService(t)) {
      return `${verdict.why}: ${did}; no kubelet service to restart`;
    }
    await t.exec(["systemctl", "restart", "kubelet"], { timeoutMs: 12e4 });
    return `${verdict.why}: ${did}; kubelet restarted`;
  }
  /** Restarts the kubelet, which restarts the static pods that read certificates and etcd. */
  async restartControlPlane(step) {
    const t = await this.deps.transportFor(step.node);
    if (!await hasKubeletService(t)) {
      return `no kubelet service on ${step.node}: nothing running there reads these files, so nothing to restart`;
    }
    const r = await t.script(
      [
        "systemctl stop kubelet || exit 10",
        "n=0; rc=0",
        "if command -v crictl >/dev/null 2>&1; then",
        `  ids=$(crictl ps -q --name '${CONTROL_PLANE_CONTAINERS}' --state Running) || rc=$?`,
        '  if [ "$rc" = 0 ] && [ -n "$ids" ]; then',
        "    crictl stop $ids >/dev/null || rc=$?",
        '    [ "$rc" = 0 ] && n=$(echo "$ids" | wc -l)',
        "  fi",
        "fi",
        "systemctl start kubelet || exit 11",
        'echo "stopped=$n rc=$rc"'
      ].join("\n"),
      { allowFailure: true, timeoutMs: 12e4 }
    );
    if (r.code !== 0) {
      throw new OperationError(
        `Node ${step.node}: ${r.code === 10 ? "systemctl stop kubelet" : "systemctl start kubelet"} failed (exit ${r.code}): ${r.stderr.trim().slice(-300)}`
      );
    }
    const m = /stopped=(\d+) rc=(\d+)/.exec(r.stdout);
    const n = Number(m?.[1] ?? 0);
    const rc = Number(m?.[2] ?? 0);
    const containers = rc !== 0 ? `; stopping the control-plane containers failed (exit ${rc}: ${r.stderr.trim().slice(-200)}), the kubelet restarts them when their probes fail` : n > 0 ? `; ${n} control-plane container${n === 1 ? "" : "s"} (kube-apiserver, kube-controller-manager, kube-scheduler) stopped with the kubelet, for it to start anew` : "";
    return `kubelet stopped and started again (${step.params.reason})${containers}`;
  }
  /**
   * Deletes the Node object of a host that will not return. Right after a restore the API
   * server may still be starting, so only "cannot reach the API" failures are retried.
   */
  async deleteNode(step) {
    const t = await this.deps.transportFor(step.node);
    const argv = deleteNodeArgv(step.params);
    const { nodeName } = step.params;
    const waitMs = this.deps.apiTimeoutMs ?? 18e4;
    const deadline = Date.now() + waitMs;
    for (; ; ) {
      const r = await t.exec(argv, { allowFailure: true, timeoutMs: 6e4 });
      if (r.code === 0) {
        return r.stdout.trim() || `Node ${nodeName} was already gone`;
      }
      const stderr = r.stderr.trim().split("\n").slice(-2).join("\n");
      const apiNotUp = API_NOT_ANSWERING.test(stderr);
      if (!apiNotUp || Date.now() > deadline) {
        throw new OperationError(
          `Node ${step.node}: '${argv.join(" ")}' failed (exit ${r.code})${apiNotUp ? ` for ${waitMs / 1e3} s` : ""}: ${stderr || "(no stderr)"}
Check the API server and ${step.params.kubeconfig} on ${step.node}, or delete the Node by hand (kubectl delete node ${nodeName}); then run restore again.`
        );
      }
      await sleep(3e3);
    }
  }
  async discardStaged(step) {
    const t = await this.deps.transportFor(step.node);
    const planned = step.params.path;
    const dir = privateDirOf(planned);
    if (!dir) {
      await t.exec(["rm", "-f", "--", planned], { timeoutMs: 6e4 });
      return `${planned} removed`;
    }
    const found = await this.findStagingDir(t, step.node, dir, false);
    if (!found)
      return `no staging directory ${dir.template} left on ${step.node}; nothing to remove`;
    await this.removeStaging(t, step.node, found, `${step.node}\0${dir.template}`);
    return `${found} removed`;
  }
  async verify() {
    const v = await this.deps.verify(this.observed);
    this.observed.verification = v;
    const failed = v.checks.filter((c) => c.status === "failed");
    if (failed.length > 0) {
      throw new OperationError(
        `Verification failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join("; ")}`
      );
    }
    return `${v.checks.filter((c) => c.status === "passed").length} checks passed, ${v.checks.filter((c) => c.status === "skipped").length} skipped`;
  }
};
async function makePrivateDir(t, node, prefix) {
  const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${prefix}XXXXXX"`, {
    timeoutMs: 2e4
  });
  const dir = made.stdout.trim();
  if (!dir.startsWith("/") || !posix2.basename(dir).startsWith(prefix)) {
    throw new OperationError(`Node ${node}: mktemp -d printed '${dir}', not a directory path.`);
  }
  return dir;
}
async function stageCheckedArchive(o) {
  const { backup, t, staged } = o;
  const where = `${backup.location}/${o.object}`;
  const expected = backup.manifest.objects.find((x) => x.name === o.object)?.plaintextSha256;
  const headers = await backup.streamTo(o.object, async (plain) => {
    const toNode = new PassThrough();
    const toCheck = new PassThrough();
    plain.on("error", (err) => {
      toNode.destroy(err);
      toCheck.destroy(err);
    });
    plain.pipe(toNode);
    plain.pipe(toCheck);
    const [, read] = await Promise.all([
      t.writeFile(staged, toNode, { mode: 384 }),
      readArchiveHeaders(toCheck, where)
    ]);
    return read;
  });
  const checked = o.check(headers);
  const look = await t.script(
    [
      `sha256sum -- ${q(staged)} || exit 3`,
      "echo",
      `exec env LC_ALL=C tar --quoting-style=escape -tf ${q(staged)}`
    ].join("\n"),
    { allowFailure: true, timeoutMs: 12e4 }
  );
  if (look.code === 3) {
    throw new OperationError(
      `Node ${o.node}: could not hash the staged copy of ${o.object} (${staged}): ${look.stderr.trim().slice(0, 500)}; nothing of it was extracted.`
    );
  }
  const [sumLine = "", , ...listing] = look.stdout.split("\n");
  const onNode = sumLine.trim().split(/\s+/)[0];
  if (onNode !== expected) {
    throw new OperationError(
      `Node ${o.node}: the staged copy of ${o.object} (${staged}) has sha256 ${onNode}, not the ${expected} checked while it streamed; nothing of it was extracted. Check the node's disk and run restore again.`
    );
  }
  if (look.code !== 0) {
    throw new OperationError(
      `Node ${o.node}: tar could not list the staged copy of ${o.object} (exit ${look.code}): ${look.stderr.trim().slice(0, 500)}; nothing of it was extracted.`
    );
  }
  const gnu = listing.filter((l) => l !== "").map((l) => l.replace(/\/$/, ""));
  const ours = gnuTarNames(checked.members);
  const at = gnu.findIndex((n, i) => n !== ours[i]);
  if (gnu.length !== ours.length || at >= 0) {
    const i = at >= 0 ? at : Math.min(gnu.length, ours.length);
    throw new InputError(
      `${where}: GNU tar on node ${o.node} reads the archive differently from the member check (entry ${i + 1}: tar sees ${JSON.stringify(gnu[i] ?? "nothing")}, the check saw ${JSON.stringify(ours[i] ?? "nothing")}). The whole archive is refused and nothing of it was extracted: restore from another set (check it with 'kube-rescue verify').`
    );
  }
  return checked;
}
function checkNodeArchive(backup, layout, node, headers, where) {
  const listed = backup.manifest.kubernetes.paths;
  const roots = archiveRoots(
    listed,
    layout.backupPaths(node).map((p) => p.path)
  );
  return checkArchiveMembers(headers, roots, where, {
    paths: listed.filter((p) => !roots.includes(p)),
    layout: layout.name
  });
}
var flagOf = (envKey) => `--${envKey.replace(/^ETCD_/, "").toLowerCase().replace(/_/g, "-")}`;
function setManifestFlags(manifest, set, where) {
  const lines = manifest.split("\n");
  const command = lines.findIndex((l) => /^\s*- etcd\s*$/.test(l));
  if (command < 0) {
    throw new OperationError(
      `${where} has no '- etcd' command entry: this is not a kubeadm etcd manifest kube-rescue can edit.`
    );
  }
  const indent = /^(\s*)-/.exec(lines[command])[1];
  const added = [];
  for (const [key, value] of Object.entries(set)) {
    const flag = flagOf(key);
    const at = lines.findIndex((l) => l.trimStart().startsWith(`- ${flag}=`));
    const line = `${indent}- ${flag}=${value}`;
    if (at >= 0) lines[at] = line;
    else added.push(line);
  }
  lines.splice(command + 1, 0, ...added);
  return lines.join("\n");
}
function setEnvKeys(text, set) {
  const pending = new Map(Object.entries(set));
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const out = lines.map((line) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
    if (m && pending.has(m[1])) {
      const v = pending.get(m[1]);
      pending.delete(m[1]);
      return `${m[1]}=${v}`;
    }
    return line;
  });
  for (const [k, v] of pending) out.push(`${k}=${v}`);
  return `${out.join("\n")}
`;
}
function envForAnotherMember(peerEnv, peer, self) {
  const vars = parseEnvLines(peerEnv);
  const swap = (value) => value.split(peer.address).join(self.address).replace(new RegExp(`-${escapeRegExp(peer.host)}(-key)?\\.pem`, "g"), `-${self.host}$1.pem`);
  const set = {};
  for (const [k, v] of Object.entries(vars)) {
    if (k === "ETCD_INITIAL_CLUSTER") continue;
    set[k] = k === "ETCD_NAME" ? self.memberName : swap(v);
  }
  return setEnvKeys(peerEnv, set);
}
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function privateDirOf(planned) {
  const template = posix2.dirname(planned);
  if (!template.endsWith(".XXXXXX")) return void 0;
  return {
    template,
    parent: posix2.dirname(template),
    prefix: posix2.basename(template).slice(0, -"XXXXXX".length)
  };
}
function extractArgv(file, roots, park) {
  const rel = (p) => p.replace(/^\/+/, "");
  if (park && /[,&\\\n]/.test(park.from + park.to)) {
    throw new OperationError(
      `Cannot park ${park.from} at ${park.to} while extracting: a path with ',', '&' or '\\' cannot go into tar's --transform. Use a layout without them.`
    );
  }
  const transform = park ? [`--transform=s,^${rel(park.from).replace(/[.[\]*^$]/g, "\\$&")}$,${rel(park.to)},rSH`] : [];
  return [
    "tar",
    "-x",
    "-p",
    "--same-owner",
    "--numeric-owner",
    "--no-overwrite-dir",
    "--no-wildcards",
    ...transform,
    "-f",
    file,
    "-C",
    "/",
    "--",
    ...roots.map((r) => r.replace(/^\/+/, ""))
  ];
}
function restoredFileOf(node, m) {
  return {
    node,
    path: m.path,
    mode: m.mode,
    uid: m.uid,
    gid: m.gid,
    type: m.type === "hardlink" ? "file" : m.type
  };
}

export {
  readArchiveHeaders,
  NodeStepRunner,
  makePrivateDir,
  stageCheckedArchive,
  checkNodeArchive
};
//# sourceMappingURL=chunk-AVFVC57H.js.map
