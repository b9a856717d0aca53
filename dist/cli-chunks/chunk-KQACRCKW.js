#!/usr/bin/env node
import {
  connectMember,
  countKeys,
  snapshotMessages
} from "./chunk-K5JV7D7L.js";
import {
  SnapshotStatusReader
} from "./chunk-EZU5HCA3.js";
import {
  SnapshotTrailerReader
} from "./chunk-U3FYCLYN.js";
import {
  EtcdCtl
} from "./chunk-U6HZZ6QY.js";
import {
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/backup/collect.ts
import { posix } from "node:path";
import { Readable } from "node:stream";

// src/etcd/snapshot-checks.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
var BLOCK_BYTES = 1024 * 1024;
var IN_FLIGHT_BYTES = 8 * BLOCK_BYTES;
var InlineChecks = class {
  status;
  trailer;
  constructor(name) {
    this.status = new SnapshotStatusReader(name);
    this.trailer = new SnapshotTrailerReader(name);
  }
  update(chunk) {
    this.status.update(chunk);
    this.trailer.update(chunk);
  }
  finish() {
    const trailer = Promise.resolve(this.trailer.finish());
    let status;
    try {
      status = Promise.resolve(this.status.finish());
    } catch (err) {
      status = Promise.reject(err);
    }
    status.catch(() => {
    });
    return { trailer, status };
  }
  close() {
  }
};
var WorkerChecks = class {
  constructor(worker, name) {
    this.worker = worker;
    worker.postMessage({ kind: "start", name });
    this.done = new Promise((resolve, reject) => {
      worker.on("message", (m) => {
        if (m.kind === "ack") {
          this.inFlight -= m.bytes;
          if (this.inFlight <= IN_FLIGHT_BYTES) this.wake();
        } else {
          resolve(m);
          void worker.terminate();
        }
      });
      const fail = (err) => {
        this.failure = new OperationError(`The snapshot checks' worker failed: ${err.message}`, {
          cause: err
        });
        this.wake();
        reject(this.failure);
      };
      worker.once("error", fail);
      worker.once("exit", (code) => fail(new Error(`it exited (${code}) before its answer`)));
    });
    this.done.catch(() => {
    });
  }
  worker;
  block;
  filled = 0;
  inFlight = 0;
  waiting;
  failure;
  done;
  wake() {
    this.waiting?.();
    this.waiting = void 0;
  }
  update(chunk) {
    if (this.failure) throw this.failure;
    let at = 0;
    while (at < chunk.length) {
      this.block ??= new Uint8Array(BLOCK_BYTES);
      const n = Math.min(BLOCK_BYTES - this.filled, chunk.length - at);
      this.block.set(chunk.subarray(at, at + n), this.filled);
      this.filled += n;
      at += n;
      if (this.filled === BLOCK_BYTES) this.send();
    }
    if (this.inFlight <= IN_FLIGHT_BYTES) return;
    return new Promise((resolve) => {
      this.waiting = resolve;
    }).then(() => {
      if (this.failure) throw this.failure;
    });
  }
  send() {
    const block = this.block;
    this.worker.postMessage({ kind: "bytes", buffer: block.buffer, bytes: this.filled }, [
      block.buffer
    ]);
    this.inFlight += this.filled;
    this.block = void 0;
    this.filled = 0;
  }
  finish() {
    if (this.filled > 0) this.send();
    this.worker.postMessage({ kind: "end" });
    const trailer = this.done.then((d) => d.trailer);
    const status = this.done.then((d) => {
      if (!d.status.ok) throw new OperationError(d.status.message);
      return d.status.value;
    });
    trailer.catch(() => {
    });
    status.catch(() => {
    });
    return { trailer, status };
  }
  close() {
    this.worker.removeAllListeners("exit");
    void this.worker.terminate();
  }
};
function workerFile() {
  const candidates = [
    new URL("./snapshot-checks-worker.ts", import.meta.url),
    new URL("./snapshot-checks-worker.js", import.meta.url),
    new URL("./cli-chunks/snapshot-checks-worker.js", import.meta.url)
  ];
  return candidates.find((url) => url.protocol === "file:" && existsSync(fileURLToPath(url)));
}
function startSnapshotChecks(name, opts = {}) {
  const wanted = opts.worker !== false && !process.env.KUBE_RESCUE_INLINE_CHECKS;
  const file = wanted ? workerFile() : void 0;
  if (!file) return new InlineChecks(name);
  if (!file.pathname.endsWith(".ts")) return new WorkerChecks(new Worker(file), name);
  const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(file.href)}); })`;
  return new WorkerChecks(new Worker(boot, { eval: true }), name);
}

// src/backup/collect.ts
var TEMP_PREFIX = "kube-rescue-snapshot.";
var SNAPSHOT_COMMAND_TIMEOUT_MS = 30 * 6e4;
function snapshotCtl(ctl, endpoint) {
  return new EtcdCtl(ctl.transport, {
    ...ctl.options,
    endpoints: [endpoint],
    commandTimeoutMs: SNAPSHOT_COMMAND_TIMEOUT_MS
  });
}
async function takeSnapshot(sources, progress) {
  if (sources.length === 0) {
    throw new OperationError(
      "No healthy etcd member to take a snapshot from. Check the cluster (kube-rescue plan) before backing up."
    );
  }
  const failedAttempts = [];
  for (const source of sources) {
    const t = source.ctl.transport;
    let dir;
    try {
      const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${TEMP_PREFIX}XXXXXX"`, {
        timeoutMs: 2e4
      });
      dir = made.stdout.trim();
      const path = posix.join(dir, "etcd.db");
      progress.info(
        `Saving the etcd snapshot from member ${source.member} (${source.endpoint}) on node ${source.node}`
      );
      const saved = await source.ctl.snapshotSave(source.endpoint, path);
      const status = source.ctl.snapshotStatus(path);
      status.catch(() => {
      });
      return { source, status, path, dir, bytes: saved.bytes, failedAttempts };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      failedAttempts.push({ member: source.member, error });
      progress.warn(
        `Snapshot from member ${source.member} failed; trying the next healthy member. ${error}`
      );
      if (dir) await removeTempDir(t, dir);
    }
  }
  throw new OperationError(
    `Could not take an etcd snapshot from any of ${sources.length} healthy member(s):
${failedAttempts.map((a) => `- ${a.member}: ${a.error}`).join("\n")}
Nothing was stored. Check the members' health and retry.`
  );
}
async function removeTempDir(t, dir) {
  if (!posix.basename(dir).startsWith(TEMP_PREFIX)) return;
  await t.exec(["rm", "-rf", "--", dir], { allowFailure: true, timeoutMs: 6e4 }).catch(() => {
  });
}
async function streamSnapshot(source, progress, opts = {}) {
  if (!source.direct) throw new Error(`streamSnapshot: member ${source.member} is not direct`);
  const wire = await connectMember(source.direct, source.endpoint);
  const checks = startSnapshotChecks(`the snapshot from member ${source.member}`, {
    worker: opts.checksOnWorker ?? true
  });
  const discard = async () => {
    checks.close();
    wire.close();
  };
  try {
    progress.info(`Streaming the etcd snapshot from member ${source.member} (${source.endpoint})`);
    const head = await countKeys(wire).catch(() => void 0);
    const call = snapshotMessages(wire);
    let results;
    let announced;
    let received = 0;
    let ended;
    let failed;
    const streamed = new Promise((resolve, reject) => {
      ended = resolve;
      failed = reject;
    });
    streamed.catch(() => {
    });
    async function* blobs() {
      try {
        for await (const m of call) {
          announced ??= m.remainingBytes + m.blob.length + 32;
          received += m.blob.length;
          const held = checks.update(m.blob);
          if (held) await held;
          yield m.blob;
        }
        if (announced !== void 0 && received !== announced) {
          throw new OperationError(
            `The snapshot stream from member ${source.member} (${source.endpoint}) ended after ${received} of ${announced} bytes.`
          );
        }
        results = checks.finish();
        ended();
      } catch (err) {
        failed(err);
        throw err;
      } finally {
        await call.return(void 0);
        failed(new OperationError("the snapshot stream was stopped before its end"));
      }
    }
    const status = streamed.then(async () => {
      const s = await results.status;
      if (!await countsLiveKeys(source.ctl)) return s;
      return { ...s, totalKey: (await countKeys(wire, s.revision)).count };
    });
    status.catch(() => {
    });
    return {
      source,
      stream: Readable.from(blobs(), { objectMode: true, highWaterMark: 32 }),
      status,
      announcedBytes: () => announced,
      trailer: () => streamed.then(() => results.trailer),
      ...head ? { startRevision: head.revision } : {},
      discard
    };
  } catch (err) {
    await discard();
    throw err;
  }
}
async function countsLiveKeys(ctl) {
  const tools = await ctl.etcdTools();
  const v = tools.snapshotTool === "etcdutl" ? tools.etcdutl : tools.etcdctl;
  return v !== void 0 && (v.major > 3 || v.major === 3 && v.minor >= 6);
}
function discardSnapshot(taken) {
  return removeTempDir(taken.source.ctl.transport, taken.dir);
}
function readSnapshot(taken) {
  return taken.source.ctl.transport.execStream(["cat", "--", taken.path], {
    timeoutMs: 6 * 36e5
  });
}
async function existingPaths(t, paths) {
  const res = await t.exec(
    [
      "sh",
      "-c",
      'for p in "$@"; do if [ -e "$p" ] || [ -L "$p" ]; then echo "+$p"; else echo "-$p"; fi; done',
      "kube-rescue-check",
      ...paths.map((p) => p.path)
    ],
    { timeoutMs: 2e4 }
  );
  const present = new Set(
    res.stdout.split("\n").filter((l) => l.startsWith("+")).map((l) => l.slice(1))
  );
  return {
    present: paths.filter((p) => present.has(p.path)).map((p) => p.path),
    missingRequired: paths.filter((p) => p.required && !present.has(p.path)).map((p) => p.path),
    missingOptional: paths.filter((p) => !p.required && !present.has(p.path)).map((p) => p.path)
  };
}
function archivePaths(t, paths) {
  const relative = paths.map((p) => p.replace(/^\/+/, ""));
  return t.execStream(["tar", "-cf", "-", "--numeric-owner", "-C", "/", "--", ...relative], {
    timeoutMs: 36e5
  });
}

export {
  SNAPSHOT_COMMAND_TIMEOUT_MS,
  snapshotCtl,
  takeSnapshot,
  streamSnapshot,
  discardSnapshot,
  readSnapshot,
  existingPaths,
  archivePaths
};
//# sourceMappingURL=chunk-KQACRCKW.js.map
