#!/usr/bin/env node
import {
  SnapshotStatusReader
} from "./chunk-EZU5HCA3.js";
import {
  SnapshotTrailerReader
} from "./chunk-U3FYCLYN.js";
import "./chunk-BCQJ3TK4.js";

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
