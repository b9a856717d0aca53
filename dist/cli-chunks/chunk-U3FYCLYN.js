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

// src/etcd/crc32c.ts
var POLY = 2197175160;
var TABLE = (() => {
  const t = new Uint32Array(16 * 256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? c >>> 1 ^ POLY : c >>> 1;
    t[i] = c >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let s = 1; s < 16; s++)
      t[s * 256 + i] = t[(s - 1) * 256 + i] >>> 8 ^ t[t[(s - 1) * 256 + i] & 255];
  }
  return t;
})();
var LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
function crc32c(crc, buf, start = 0, end = buf.length) {
  const t = TABLE;
  let c = ~crc >>> 0;
  let i = start;
  if (LITTLE_ENDIAN && end - start >= 64) {
    while (buf.byteOffset + i & 3) c = t[(c ^ buf[i++]) & 255] ^ c >>> 8;
    const n = end - i >>> 4 << 2;
    const w = new Uint32Array(buf.buffer, buf.byteOffset + i, n);
    for (let k = 0; k < n; k += 4) {
      const a = w[k] ^ c;
      const b = w[k + 1];
      const d = w[k + 2];
      const e = w[k + 3];
      c = t[3840 + (a & 255)] ^ t[3584 + (a >>> 8 & 255)] ^ t[3328 + (a >>> 16 & 255)] ^ t[3072 + (a >>> 24)] ^ t[2816 + (b & 255)] ^ t[2560 + (b >>> 8 & 255)] ^ t[2304 + (b >>> 16 & 255)] ^ t[2048 + (b >>> 24)] ^ t[1792 + (d & 255)] ^ t[1536 + (d >>> 8 & 255)] ^ t[1280 + (d >>> 16 & 255)] ^ t[1024 + (d >>> 24)] ^ t[768 + (e & 255)] ^ t[512 + (e >>> 8 & 255)] ^ t[256 + (e >>> 16 & 255)] ^ t[e >>> 24];
    }
    i += n * 4;
  }
  for (; i < end; i++) c = t[(c ^ buf[i]) & 255] ^ c >>> 8;
  return ~c >>> 0;
}
function multModP(a, b) {
  let m = 2147483648;
  let p = 0;
  for (; ; ) {
    if (a & m) {
      p = (p ^ b) >>> 0;
      if ((a & m - 1) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1 ^ POLY) >>> 0 : b >>> 1;
  }
  return p >>> 0;
}
var X2N = (() => {
  const t = new Uint32Array(32);
  let p = 1073741824;
  t[0] = p;
  for (let n = 1; n < 32; n++) {
    p = multModP(p, p);
    t[n] = p;
  }
  return t;
})();
function shiftOf(bytes) {
  let p = 2147483648;
  let k = 3;
  let n = bytes;
  while (n > 0) {
    if (n % 2 === 1) p = multModP(X2N[k & 31], p);
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}
function crc32cCombine(crcA, crcB, lengthB) {
  if (lengthB === 0) return crcA;
  return (multModP(shiftOf(lengthB), crcA) ^ crcB) >>> 0;
}

export {
  SnapshotTrailerReader,
  crc32c,
  crc32cCombine
};
//# sourceMappingURL=chunk-U3FYCLYN.js.map
