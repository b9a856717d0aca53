import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  SnapshotStatusReader,
  SnapshotTrailerReader
} from "./chunk-BLIDGS7V.js";
import "./chunk-ZIEKZMFP.js";
import "./chunk-DNO6I5HZ.js";

// src/etcd/snapshot-checks-worker.ts
import { parentPort } from "node:worker_threads";
var port = parentPort;
var status;
var trailer;
var failure;
var answer = (m) => port.postMessage(m);
port.on("message", (m) => {
  if (m.kind === "start") {
    status = new SnapshotStatusReader(m.name);
    trailer = new SnapshotTrailerReader(m.name);
  } else if (m.kind === "bytes") {
    const chunk = Buffer.from(m.buffer, 0, m.bytes);
    trailer.update(chunk);
    try {
      if (!failure) status.update(chunk);
    } catch (err) {
      failure = err.message;
    }
    answer({ kind: "ack", bytes: m.bytes });
  } else {
    const t = trailer.finish();
    let s;
    try {
      if (failure) throw new Error(failure);
      s = { ok: true, value: status.finish() };
    } catch (err) {
      s = { ok: false, message: err.message };
    }
    answer({ kind: "done", trailer: t, status: s });
  }
});
//# sourceMappingURL=snapshot-checks-worker.js.map
