#!/usr/bin/env node
import {
  checkObjectName,
  compareSetNames,
  parseS3Url,
  parseSetName
} from "./chunk-XLKS4FDF.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/version.ts
var VERSION = "0.1.0";

// src/backup/manifest.ts
import { createHash } from "node:crypto";

// src/canonical-json.ts
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

// src/backup/manifest.ts
var MANIFEST_FORMAT_VERSION = 1;
var MANIFEST_KIND = "kube-rescue-backup";
function digestOf(manifest) {
  return `sha256:${createHash("sha256").update(canonicalJson(manifest)).digest("hex")}`;
}
function buildManifest(content) {
  const body = {
    kind: MANIFEST_KIND,
    formatVersion: MANIFEST_FORMAT_VERSION,
    tool: { name: "kube-rescue", version: VERSION },
    ...content
  };
  return { ...body, digest: digestOf(body) };
}
function serializeManifest(manifest) {
  return `${JSON.stringify(manifest, null, 2)}
`;
}
var isString = (v) => typeof v === "string";
var isNonNegInt = (v) => Number.isSafeInteger(v) && v >= 0;
var isHex64 = (v) => typeof v === "string" && /^[0-9a-f]{64}$/.test(v);
var isStringArray = (v) => Array.isArray(v) && v.every(isString);
var isArchivedPath = (v) => typeof v === "string" && v.startsWith("/") && !v.split("/").includes("..") && ![...v].some((c) => c.charCodeAt(0) < 32);
var ManifestShape = class {
  constructor(where) {
    this.where = where;
  }
  where;
  fail(path, expected, actual) {
    throw new InputError(
      `${this.where}: field '${path}' should be ${expected}, found ${JSON.stringify(actual) ?? "nothing"}. The manifest is damaged or was not written by kube-rescue.`
    );
  }
  field(obj, path, check, expected) {
    const value = at(obj, path);
    if (!check(value)) this.fail(path, expected, value);
  }
};
function at(obj, path) {
  return path.split(".").reduce(
    (o, k) => o !== null && typeof o === "object" ? o[k] : void 0,
    obj
  );
}
function parseManifest(text, where) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${where} is not valid JSON (${err.message}).`);
  }
  const shape = new ManifestShape(where);
  if (raw === null || typeof raw !== "object" || at(raw, "kind") !== MANIFEST_KIND) {
    throw new InputError(
      `${where} is not a kube-rescue backup manifest (no "kind": "${MANIFEST_KIND}").`
    );
  }
  const version = at(raw, "formatVersion");
  if (version !== MANIFEST_FORMAT_VERSION) {
    const newer = typeof version === "number" && version > MANIFEST_FORMAT_VERSION;
    throw new InputError(
      `${where} has format version ${JSON.stringify(version)}; kube-rescue ${VERSION} reads version ${MANIFEST_FORMAT_VERSION} only.${newer ? " It was written by a newer kube-rescue: upgrade to read it." : ""}`
    );
  }
  const checks = [
    ["created", (v) => isString(v) && !Number.isNaN(Date.parse(v)), "an ISO date"],
    ["cluster", isString, "a string"],
    ["setName", isString, "a string"],
    ["etcd.version", isString, "a string"],
    ["etcd.snapshotMember", isString, "a string"],
    ["snapshot.revision", isNonNegInt, "a whole number"],
    ["snapshot.totalKey", isNonNegInt, "a whole number"],
    ["snapshot.hash", isNonNegInt, "a whole number"],
    ["snapshot.size", isNonNegInt, "a whole number"],
    ["kubernetes.nodes", isStringArray, "a list of node names"],
    ["kubernetes.paths", isStringArray, "a list of paths"],
    ["digest", (v) => isString(v) && /^sha256:[0-9a-f]{64}$/.test(v), "'sha256:<hex>'"]
  ];
  for (const [path, check, expected] of checks) shape.field(raw, path, check, expected);
  const members = at(raw, "etcd.members");
  if (!Array.isArray(members)) shape.fail("etcd.members", "a list", members);
  members.forEach((m, i) => {
    for (const k of ["id", "name"])
      if (!isString(at(m, k))) shape.fail(`etcd.members[${i}].${k}`, "a string", at(m, k));
    for (const k of ["peerURLs", "clientURLs"])
      if (!isStringArray(at(m, k)))
        shape.fail(`etcd.members[${i}].${k}`, "a list of URLs", at(m, k));
  });
  if (!["kubespray", "kubeadm", "unknown"].includes(at(raw, "kubernetes.flavor")))
    shape.fail("kubernetes.flavor", "kubespray, kubeadm or unknown", at(raw, "kubernetes.flavor"));
  at(raw, "kubernetes.paths").forEach((p, i) => {
    if (!isArchivedPath(p)) shape.fail(`kubernetes.paths[${i}]`, "an absolute path without ..", p);
  });
  const fp = at(raw, "fingerprint");
  if (fp !== null) {
    if (!isNonNegInt(at(fp, "revision")) || !isNonNegInt(at(fp, "count")) || !isHex64(at(fp, "sha256"))) {
      shape.fail("fingerprint", "{revision, count, sha256} or null", fp);
    }
  }
  const hk = at(raw, "hashKV");
  if (hk !== void 0 && hk !== null) {
    if (!isNonNegInt(at(hk, "revision")) || !Number.isSafeInteger(at(hk, "compactRevision")) || !isNonNegInt(at(hk, "hash")) || !isNonNegInt(at(hk, "count"))) {
      shape.fail("hashKV", "{revision, compactRevision, hash, count} or null", hk);
    }
  }
  const objects = at(raw, "objects");
  if (!Array.isArray(objects) || objects.length === 0)
    shape.fail("objects", "a non-empty list", objects);
  objects.forEach((o, i) => {
    const p = `objects[${i}]`;
    if (!isString(at(o, "name")) || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(at(o, "name")))
      shape.fail(`${p}.name`, "a file name (letters, digits, . _ -)", at(o, "name"));
    const node = at(o, "node");
    if (at(o, "kind") === "node-files" ? !isString(node) : node !== void 0 && !isString(node))
      shape.fail(`${p}.node`, "the name of the node the archive came from", node);
    for (const k of ["bytes", "plaintextBytes"])
      if (!isNonNegInt(at(o, k))) shape.fail(`${p}.${k}`, "a whole number", at(o, k));
    for (const k of ["sha256", "plaintextSha256"])
      if (!isHex64(at(o, k))) shape.fail(`${p}.${k}`, "64 hex digits", at(o, k));
    if (!["gzip", "zstd", "none"].includes(at(o, "compression")))
      shape.fail(`${p}.compression`, "gzip, zstd or none", at(o, "compression"));
    if (!["etcd-snapshot", "node-files"].includes(at(o, "kind")))
      shape.fail(`${p}.kind`, "etcd-snapshot or node-files", at(o, "kind"));
    const enc = at(o, "encryption");
    if (enc !== null && (at(enc, "scheme") !== "age" || !isStringArray(at(enc, "recipients")))) {
      shape.fail(`${p}.encryption`, "null or {scheme: 'age', recipients: [...]}", enc);
    }
  });
  if (objects.filter((o) => at(o, "kind") === "etcd-snapshot").length !== 1) {
    shape.fail(
      "objects",
      "a list with exactly one etcd-snapshot",
      objects.map((o) => at(o, "name"))
    );
  }
  const manifest = raw;
  const { digest, ...body } = manifest;
  const actual = digestOf(body);
  if (actual !== digest) {
    throw new OperationError(
      `${where} was edited after the backup wrote it: its digest is ${digest} but its content hashes to ${actual}. Do not trust this set; use another one.`
    );
  }
  return { ...manifest, hashKV: manifest.hashKV ?? null };
}
function snapshotObject(manifest) {
  return manifest.objects.find((o) => o.kind === "etcd-snapshot");
}

// src/durable-file.ts
import { randomBytes } from "node:crypto";
import { createWriteStream, fdatasync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
async function writeFileDurably(path, text, mode = 384) {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    const fh = await open(tmp, "wx", mode);
    try {
      await fh.writeFile(text);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
var FILE_WRITE_BUFFER_BYTES = 4 * 1024 * 1024;
function privateFileStream(path) {
  return createWriteStream(path, { mode: 384, highWaterMark: FILE_WRITE_BUFFER_BYTES });
}
var WRITE_BACK_BYTES = 32 * 1024 * 1024;
var WRITE_BACK_POLL_MS = 200;
var datasync = promisify(fdatasync);
function keepWritingBack(fd, stream, opts = {}) {
  const every = opts.everyBytes ?? WRITE_BACK_BYTES;
  let synced = 0;
  let inFlight;
  let failure;
  const timer = setInterval(() => {
    if (inFlight || failure || stream.bytesWritten - synced < every) return;
    const upTo = stream.bytesWritten;
    inFlight = datasync(fd).then(
      () => {
        synced = upTo;
        inFlight = void 0;
      },
      (err) => {
        failure = err;
        inFlight = void 0;
      }
    );
  }, opts.pollMs ?? WRITE_BACK_POLL_MS);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await inFlight;
      if (failure) throw failure;
    },
    get syncedBytes() {
      return synced;
    }
  };
}

// src/stores/open.ts
import { basename as basename3, dirname as dirname3, resolve as resolve2 } from "node:path";

// src/stores/artifact.ts
import { mkdtemp, readdir as readdir2, readFile as readFile2, rm as rm3, stat as stat2, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename as basename2, dirname as dirname2, join as join3 } from "node:path";

// src/stores/artifact-runs.ts
var TOKEN_INPUT = "github-token";
function crossRunNeedsToken(what) {
  return new InputError(
    `To ${what}, kube-rescue must look at artifacts of earlier workflow runs, which needs a GitHub token, and input '${TOKEN_INPUT}' is empty. Leave it at its default (\${{ github.token }}) and give the job 'permissions: actions: read' ('actions: write' where retention prunes).`
  );
}
function tokenRefused(status, detail, what, access) {
  const where = `${access.owner}/${access.repo}`;
  if (status === 401) {
    return new InputError(
      `GitHub refused the token of input '${TOKEN_INPUT}' (401 ${detail}) to ${what} in ${where}. Pass a valid token: the default \${{ github.token }}, or a secret holding one.`
    );
  }
  if (status === 403 || status === 404) {
    return new InputError(
      `The token of input '${TOKEN_INPUT}' may not ${what} in ${where} (${status} ${detail}). Give the job 'permissions: actions: read' ('actions: write' to prune old sets), or pass a token that has it.`
    );
  }
  return new OperationError(`GitHub's API answered ${status} ${detail} to ${what} in ${where}.`);
}
function statusOf(err) {
  const status = err?.status;
  return typeof status === "number" ? status : void 0;
}
function crossRunAccessFrom(token, env = process.env) {
  if (!token) return void 0;
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo || rest.length > 0) {
    throw new InputError(
      `GITHUB_REPOSITORY is '${env.GITHUB_REPOSITORY ?? ""}', not owner/name: artifacts of earlier runs can be found only inside a GitHub Actions job.`
    );
  }
  const runId = Number(env.GITHUB_RUN_ID);
  return { token, owner, repo, ...Number.isSafeInteger(runId) && runId > 0 ? { runId } : {} };
}
async function listRepositoryArtifacts(access, name) {
  const api = process.env.GITHUB_API_URL || "https://api.github.com";
  const what = name ? `find the artifact ${name}` : "list the artifacts";
  const out = [];
  for (let page = 1; ; page++) {
    const url = new URL(
      `${api.replace(/\/+$/, "")}/repos/${encodeURIComponent(access.owner)}/${encodeURIComponent(access.repo)}/actions/artifacts`
    );
    url.searchParams.set("per_page", "100");
    url.searchParams.set("page", String(page));
    if (name) url.searchParams.set("name", name);
    let res;
    try {
      res = await fetch(url, {
        headers: {
          accept: "application/vnd.github+json",
          authorization: `Bearer ${access.token}`,
          "x-github-api-version": "2022-11-28"
        }
      });
    } catch (err) {
      throw new OperationError(
        `Cannot reach GitHub's API at ${api} to ${what} of ${access.owner}/${access.repo}: ${err.message}.`,
        { cause: err }
      );
    }
    if (!res.ok) {
      const detail = await res.json().then((b) => b.message ?? res.statusText).catch(() => res.statusText);
      throw tokenRefused(res.status, detail, what, access);
    }
    const body = await res.json();
    for (const a of body.artifacts) {
      const run = a.workflow_run;
      if (a.expired || !run?.id) continue;
      if (run.head_repository_id !== void 0 && run.head_repository_id !== run.repository_id)
        continue;
      out.push({ id: a.id, name: a.name, runId: run.id });
    }
    if (body.artifacts.length < 100 || page * 100 >= body.total_count) break;
  }
  return out.sort((a, b) => b.id - a.id);
}

// src/stores/local.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { once } from "node:events";
import { close, createWriteStream as createWriteStream2, fchmod, fsync, open as openFd, write, writev } from "node:fs";
import { mkdir, open as open2, readdir, readFile, rename as rename2, rm as rm2, stat } from "node:fs/promises";
import { join as join2, resolve } from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify as promisify2 } from "node:util";
var openFile = promisify2(openFd);
var fsyncFile = promisify2(fsync);
var fchmodFile = promisify2(fchmod);
var closeFile = promisify2(close);
var MANIFEST = "manifest.json";
var errno = (err) => err.code ?? err.message;
var LocalStore = class {
  location;
  constructor(dir) {
    this.location = resolve(dir);
  }
  async begin(setName) {
    checkObjectName(setName);
    try {
      await mkdir(this.location, { recursive: true, mode: 448 });
    } catch (err) {
      throw new OperationError(
        `Cannot create the backup directory ${this.location}: ${errno(err)}.`
      );
    }
    const final = join2(this.location, setName);
    if (await exists(final)) {
      throw new OperationError(`A backup set ${final} already exists; refusing to overwrite it.`);
    }
    const partial = join2(this.location, `.${setName}.partial-${randomBytes2(4).toString("hex")}`);
    try {
      await mkdir(partial, { mode: 448 });
    } catch (err) {
      throw new OperationError(
        `Cannot write to the backup directory ${this.location}: ${errno(err)}.`
      );
    }
    return {
      write: async (object, data, options) => {
        const path = join2(partial, checkObjectName(object));
        const mode = options?.mode ?? 384;
        const fd = await openFile(path, "wx", mode);
        try {
          const file = createWriteStream2("", {
            fd,
            autoClose: false,
            highWaterMark: FILE_WRITE_BUFFER_BYTES,
            // A destroyed stream closes its descriptor even without autoClose; this one never
            // does, so the close below is the only one (no double close, no reused number).
            fs: { write, writev, close: (_fd, cb) => cb(null) }
          });
          const writtenBack = keepWritingBack(fd, file);
          await pipeline(data, file).catch(async (err) => {
            await writtenBack.stop().catch(() => {
            });
            if (!file.closed) await once(file, "close").catch(() => {
            });
            throw err;
          });
          await writtenBack.stop();
          await fsyncFile(fd);
          await fchmodFile(fd, mode);
          return file.bytesWritten;
        } finally {
          await closeFile(fd);
        }
      },
      commit: async () => {
        if (await exists(final)) {
          throw new OperationError(
            `A backup set ${final} appeared while writing; kept ours at ${partial}.`
          );
        }
        await rename2(partial, final);
      },
      abort: async () => {
        await rm2(partial, { recursive: true, force: true });
      }
    };
  }
  async list() {
    let entries;
    try {
      entries = await readdir(this.location, { withFileTypes: true });
    } catch (err) {
      if (errno(err) === "ENOENT") {
        throw new InputError(`Backup directory ${this.location} does not exist.`);
      }
      throw new OperationError(`Cannot read the backup directory ${this.location}: ${errno(err)}.`);
    }
    const sets = [];
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith(".")) continue;
      if (await exists(join2(this.location, e.name, MANIFEST))) sets.push(e.name);
    }
    return sets.sort(compareSetNames);
  }
  async read(setName, object, options) {
    const path = join2(this.location, checkObjectName(setName), checkObjectName(object));
    const fh = await open2(path, "r").catch((err) => {
      throw new OperationError(
        errno(err) === "ENOENT" ? `Object ${object} is missing from the backup set ${join2(this.location, setName)}.` : `Cannot read ${path}: ${errno(err)}.`
      );
    });
    const first = options?.firstBytes;
    return fh.createReadStream({
      highWaterMark: first ? Math.min(first, 256 * 1024) : 256 * 1024,
      ...first ? { start: 0, end: first - 1 } : {}
    });
  }
  async stat(setName, object) {
    const path = join2(this.location, checkObjectName(setName), checkObjectName(object));
    try {
      const s = await stat(path);
      return s.isFile() ? { bytes: s.size } : null;
    } catch (err) {
      if (errno(err) === "ENOENT") return null;
      throw new OperationError(`Cannot read ${path}: ${errno(err)}.`);
    }
  }
  async objects(setName) {
    const dir = join2(this.location, checkObjectName(setName));
    const names = await readdir(dir).catch((err) => {
      throw new OperationError(`Cannot read the backup set ${dir}: ${errno(err)}.`);
    });
    const out = [];
    for (const name of names.sort()) {
      const s = await stat(join2(dir, name));
      if (s.isFile()) out.push({ name, bytes: s.size });
    }
    return out;
  }
  async remove(setName) {
    await rm2(join2(this.location, checkObjectName(setName)), { recursive: true, force: true });
  }
  urlOf(setName) {
    return join2(this.location, setName);
  }
  async readSidecar(name) {
    const path = join2(this.location, checkObjectName(name));
    try {
      return await readFile(path, "utf8");
    } catch (err) {
      if (errno(err) === "ENOENT") return null;
      throw new OperationError(`Cannot read ${path}: ${errno(err)}.`);
    }
  }
  /** A crash leaves the old text or the new, never a part. */
  async writeSidecar(name, text) {
    const path = join2(this.location, checkObjectName(name));
    try {
      await mkdir(this.location, { recursive: true, mode: 448 });
      await writeFileDurably(path, text, 384);
    } catch (err) {
      throw new OperationError(`Cannot write ${path}: ${errno(err)}.`);
    }
  }
  sidecarUrl(name) {
    return join2(this.location, name);
  }
};
async function exists(path) {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

// src/stores/artifact.ts
var ARTIFACT_SCHEME = "artifact://";
var ArtifactStore = class {
  constructor(client, stagingRoot = process.env.RUNNER_TEMP ?? tmpdir(), retentionDays, crossRun) {
    this.client = client;
    this.stagingRoot = stagingRoot;
    this.retentionDays = retentionDays;
    this.crossRun = crossRun;
  }
  client;
  stagingRoot;
  retentionDays;
  crossRun;
  location = ARTIFACT_SCHEME;
  async begin(setName) {
    checkObjectName(setName);
    const staging = await mkdtemp(join3(this.stagingRoot, "kube-rescue-artifact-"));
    const local = new LocalStore(staging);
    const pending = await local.begin(setName);
    return {
      write: (object, data, options) => pending.write(object, data, options),
      commit: async () => {
        await pending.commit();
        const dir = join3(staging, setName);
        const files = (await readdir2(dir)).sort().map((f) => join3(dir, f));
        try {
          await this.client.uploadArtifact(setName, files, dir, {
            compressionLevel: 0,
            ...this.retentionDays ? { retentionDays: this.retentionDays } : {}
          });
        } catch (err) {
          throw new OperationError(
            `Uploading the backup set ${setName} as a workflow artifact failed: ${err.message}.`,
            { cause: err }
          );
        } finally {
          await rm3(staging, { recursive: true, force: true });
        }
      },
      abort: async () => {
        await rm3(staging, { recursive: true, force: true });
      }
    };
  }
  /**
   * Set names only (`<cluster>-<timestamp>`): plan files, reports and journals are artifacts
   * too, and reading each would download it. With a token: every run of the repository (see
   * artifact-runs.ts), and this run's own through the job's artifact service; without one,
   * refused, since a list of this run alone would hide every earlier set.
   */
  async list() {
    if (!this.crossRun) throw crossRunNeedsToken("list the backup sets kept as artifacts");
    const names = new Set(
      (await listRepositoryArtifacts(this.crossRun)).map((a) => a.name).filter(parseSetName)
    );
    const { artifacts } = await this.client.listArtifacts({ latest: true });
    for (const a of artifacts) if (parseSetName(a.name)) names.add(a.name);
    return [...names].sort(compareSetNames);
  }
  /** `findBy` for an artifact of another run. */
  findBy(runId) {
    const { token, owner, repo } = this.crossRun;
    return {
      findBy: { token, workflowRunId: runId, repositoryOwner: owner, repositoryName: repo }
    };
  }
  /**
   * The newest artifact of that name: among every run of the repository with a token, else
   * (or when the REST list does not show it yet) in this run. Null when there is none.
   */
  async locate(name) {
    if (this.crossRun) {
      const [newest] = await listRepositoryArtifacts(this.crossRun, name);
      if (newest) return { id: newest.id, runId: newest.runId };
    }
    try {
      const { artifact } = await this.client.getArtifact(name);
      return { id: artifact.id };
    } catch (err) {
      if (err.name === "ArtifactNotFoundError") return null;
      throw new OperationError(
        `Looking up the workflow artifact ${name} failed: ${err.message}.`,
        { cause: err }
      );
    }
  }
  /** Downloads one located artifact into a new private directory. */
  async fetchArtifact(name, found) {
    const path = await mkdtemp(join3(this.stagingRoot, "kube-rescue-download-"));
    try {
      if (found.runId === void 0) {
        await this.client.downloadArtifact(found.id, { path });
      } else {
        const by = this.findBy(found.runId);
        const { artifact } = await this.client.getArtifact(name, by);
        await this.client.downloadArtifact(artifact.id, { path, ...by });
      }
      return path;
    } catch (err) {
      await rm3(path, { recursive: true, force: true });
      throw this.failure(err, `download the artifact ${name}`);
    }
  }
  /** A failed call of the client, in terms of the token input where GitHub refused it. */
  failure(err, what) {
    const status = statusOf(err);
    if (this.crossRun && status !== void 0 && [401, 403, 404].includes(status))
      return tokenRefused(status, err.message, what, this.crossRun);
    if (err instanceof InputError || err instanceof OperationError) return err;
    return new OperationError(`Could not ${what}: ${err.message}.`, { cause: err });
  }
  /** Downloads the set's artifact once per store instance; reads come from the copy. */
  downloaded = /* @__PURE__ */ new Map();
  download(setName) {
    let dir = this.downloaded.get(setName);
    if (!dir) {
      dir = (async () => {
        const found = await this.locate(setName);
        if (!found) {
          if (!this.crossRun)
            throw crossRunNeedsToken(
              `find the backup set ${setName}, which is not an artifact of this run`
            );
          throw new InputError(
            `No workflow artifact named ${setName} in ${this.crossRun.owner}/${this.crossRun.repo}: it was never uploaded, has expired, or was pruned. 'command: list' with 'destination: artifact://' shows the sets there are.`
          );
        }
        return this.fetchArtifact(setName, found);
      })();
      dir.catch(() => this.downloaded.delete(setName));
      this.downloaded.set(setName, dir);
    }
    return dir;
  }
  async read(setName, object, options) {
    const dir = await this.download(setName);
    return new LocalStore(dirname2(dir)).read(basename2(dir), checkObjectName(object), options);
  }
  async stat(setName, object) {
    const dir = await this.download(setName);
    return new LocalStore(dirname2(dir)).stat(basename2(dir), checkObjectName(object));
  }
  async objects(setName) {
    const dir = await this.download(setName);
    const out = [];
    for (const name of (await readdir2(dir)).sort()) {
      out.push({ name, bytes: (await stat2(join3(dir, name))).size });
    }
    return out;
  }
  /** Retention: deletes the set's artifact in the run that holds it (`actions: write`). */
  async remove(setName) {
    const found = await this.locate(setName);
    if (!found) return;
    try {
      if (found.runId === void 0) await this.client.deleteArtifact(setName);
      else await this.client.deleteArtifact(setName, this.findBy(found.runId));
    } catch (err) {
      throw this.failure(err, `delete the artifact ${setName}`);
    }
  }
  urlOf(setName) {
    return `${ARTIFACT_SCHEME}${setName}`;
  }
  /**
   * An artifact of its own, holding one file of that name: the newest of that name, of any run
   * with a token (a restore re-run as a new workflow run finds the journal of the last one).
   * Only "no such artifact" reads as absent; any other failure is said, since a journal taken
   * for absent would start a half-finished restore afresh.
   */
  async readSidecar(name) {
    checkObjectName(name);
    const found = await this.locate(name);
    if (!found) return null;
    const path = await this.fetchArtifact(name, found);
    try {
      return await readFile2(join3(path, name), "utf8");
    } finally {
      await rm3(path, { recursive: true, force: true });
    }
  }
  /**
   * Artifact names are unique within a run: this run's old copy is deleted, then the new one
   * uploaded (a runner lost between the two loses the journal; the next run then resumes
   * nothing, which the restore's log says). A copy in an earlier run is left there: the new
   * one is newer, and reads take the newest.
   */
  async writeSidecar(name, text) {
    checkObjectName(name);
    const staging = await mkdtemp(join3(this.stagingRoot, "kube-rescue-artifact-"));
    try {
      const file = join3(staging, name);
      await writeFile(file, text, { mode: 384 });
      await this.client.deleteArtifact(name).catch(() => void 0);
      await this.client.uploadArtifact(name, [file], staging, {
        ...this.retentionDays ? { retentionDays: this.retentionDays } : {}
      });
    } catch (err) {
      throw new OperationError(
        `Uploading ${name} as a workflow artifact failed: ${err.message}.`,
        { cause: err }
      );
    } finally {
      await rm3(staging, { recursive: true, force: true });
    }
  }
  sidecarUrl(name) {
    return `${ARTIFACT_SCHEME}${name}`;
  }
};
var githubToken;
async function openArtifactStore() {
  const client = await defaultArtifactClient();
  return new ArtifactStore(client, void 0, void 0, crossRunAccessFrom(githubToken));
}
async function defaultArtifactClient() {
  if (!process.env.ACTIONS_RUNTIME_TOKEN) {
    throw new InputError(
      "artifact:// destinations work only inside a GitHub Actions job (the artifact service is not reachable elsewhere). Use a directory or s3:// URL here."
    );
  }
  const { DefaultArtifactClient } = await import("@actions/artifact");
  return new DefaultArtifactClient();
}

// src/stores/open.ts
async function s3Store() {
  return (await import("./s3-L4ANFBCS.js")).S3Store;
}
async function openStore(dest, s3 = {}) {
  if (dest.startsWith("s3://")) return new (await s3Store())(parseS3Url(dest), s3);
  if (dest.startsWith(ARTIFACT_SCHEME)) return openArtifactStore();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dest)) {
    throw new InputError(
      `Destination '${dest}': unknown scheme. Use a directory path, s3://bucket/prefix or artifact://.`
    );
  }
  if (dest.trim() === "")
    throw new InputError("The destination is empty: give a directory or s3:// URL.");
  return new LocalStore(dest);
}
async function openSet(backup, s3 = {}) {
  const trimmed = backup.replace(/\/+$/, "");
  if (trimmed.startsWith("s3://")) {
    const { bucket, prefix } = parseS3Url(trimmed);
    const cut = prefix.lastIndexOf("/");
    const setName = prefix.slice(cut + 1);
    if (!setName) throw new InputError(`'${backup}' names a bucket, not a backup set inside it.`);
    const parent = cut < 0 ? "" : prefix.slice(0, cut);
    return {
      store: new (await s3Store())({ bucket, prefix: parent }, s3),
      setName
    };
  }
  if (trimmed.startsWith(ARTIFACT_SCHEME)) {
    const setName = trimmed.slice(ARTIFACT_SCHEME.length);
    if (!setName) throw new InputError(`'${backup}' names no artifact; use artifact://<set-name>.`);
    return { store: await openArtifactStore(), setName };
  }
  const abs = resolve2(trimmed);
  return { store: new LocalStore(dirname3(abs)), setName: basename3(abs) };
}

export {
  canonicalJson,
  VERSION,
  buildManifest,
  serializeManifest,
  parseManifest,
  snapshotObject,
  writeFileDurably,
  privateFileStream,
  openStore,
  openSet
};
//# sourceMappingURL=chunk-JN7VJA7J.js.map
