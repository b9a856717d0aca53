#!/usr/bin/env node

// src/etcd/snapshot-file.ts
import { createHash } from "node:crypto";
var BBOLT_MAGIC = 3977042669;
var HASH_BYTES = 32;
var MAGIC_OFFSET = 16;
var SnapshotTrailerReader = class {
  constructor(name = "snapshot") {
    this.name = name;
  }
  name;
  hash = createHash("sha256");
  head = Buffer.alloc(0);
  pending = Buffer.alloc(0);
  // the last ≤32 bytes seen: possibly the trailer
  bytes = 0;
  update(chunk) {
    this.bytes += chunk.length;
    if (this.head.length < MAGIC_OFFSET + 4) {
      this.head = Buffer.concat([
        this.head,
        chunk.subarray(0, MAGIC_OFFSET + 4 - this.head.length)
      ]);
    }
    if (chunk.length >= HASH_BYTES) {
      this.hash.update(this.pending);
      this.hash.update(chunk.subarray(0, chunk.length - HASH_BYTES));
      this.pending = Buffer.from(chunk.subarray(chunk.length - HASH_BYTES));
    } else {
      const joined = Buffer.concat([this.pending, chunk]);
      const cut = Math.max(0, joined.length - HASH_BYTES);
      this.hash.update(joined.subarray(0, cut));
      this.pending = joined.subarray(cut);
    }
  }
  /** The check, and the sha256 of every byte seen (hex). Call once, at the end. */
  finish() {
    const actual = this.hash.copy().digest("hex");
    const fileSha256 = this.hash.update(this.pending).digest("hex");
    return { ...judgeSnapshot(this.name, this.bytes, this.head, this.pending, actual), fileSha256 };
  }
};
function judgeSnapshot(name, bytes, head, pending, actual) {
  if (bytes < MAGIC_OFFSET + 4 + HASH_BYTES) {
    return {
      ok: false,
      expected: "",
      actual,
      bytes,
      problem: "truncated",
      detail: `${name} is ${bytes} bytes: too short to hold a bbolt database and its 32-byte sha256 trailer. The file is truncated or empty; take or fetch the snapshot again.`
    };
  }
  const magic = head.readUInt32LE(MAGIC_OFFSET);
  if (magic !== BBOLT_MAGIC) {
    return {
      ok: false,
      expected: "",
      actual,
      bytes,
      problem: "not-bbolt",
      detail: `${name} is not an etcd snapshot: bytes 16-19 are 0x${magic.toString(16).padStart(8, "0")}, not the bbolt magic 0xed0cdaed. Is it still encrypted or compressed, or a different file?`
    };
  }
  const expected = pending.toString("hex");
  if (bytes % 512 !== HASH_BYTES) {
    return {
      ok: false,
      expected: "",
      actual,
      bytes,
      problem: "no-trailer",
      detail: `${name} is ${bytes} bytes, not a whole number of 512-byte blocks plus the 32-byte sha256 trailer: it is truncated, or a raw member/snap/db copied from a data dir (which has no trailer). Take a fresh snapshot with etcdctl snapshot save.`
    };
  }
  if (expected !== actual) {
    return {
      ok: false,
      expected,
      actual,
      bytes,
      problem: "mismatch",
      detail: `${name} is corrupt: its trailer says sha256 ${expected}, but the ${bytes - HASH_BYTES} bytes before it hash to ${actual}. Do not restore it; use another backup.`
    };
  }
  return { ok: true, expected, actual, bytes };
}

export {
  SnapshotTrailerReader
};
//# sourceMappingURL=chunk-UOCBBQ7X.js.map
