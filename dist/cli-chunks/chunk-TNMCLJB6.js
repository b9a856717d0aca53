#!/usr/bin/env node
import {
  checkAgeHeader,
  checkSetSignature
} from "./chunk-K5JV7D7L.js";
import {
  crc32c
} from "./chunk-U3FYCLYN.js";
import {
  decodeKeyValue,
  etcdctlTakes
} from "./chunk-U6HZZ6QY.js";
import {
  openSet,
  parseManifest
} from "./chunk-JN7VJA7J.js";
import {
  InputError,
  KubeRescueError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// src/recovery/preflight.ts
import { isDeepStrictEqual } from "node:util";
var HEADER_BYTES = 64 * 1024;
function objectsNeeded(plan) {
  const names = [];
  for (const s of plan.steps) {
    const from = s.action === "fetch-snapshot" || s.action === "restore-certs" ? s.params.from : void 0;
    if (from?.kind === "backup" && !names.includes(from.object)) names.push(from.object);
  }
  return names;
}
async function checkSignature(location, opts) {
  if (!location) {
    if (!opts.trustedSigners) return void 0;
    throw new InputError(
      "--trusted-signers checks the signature of a backup set: give the set with --backup."
    );
  }
  const { store, setName } = await openSet(location, opts.s3);
  if (!await store.stat(setName, "manifest.json")) {
    throw new InputError(
      `Cannot read the backup set ${location}: ${store.urlOf(setName)}/manifest.json does not exist. Give the path or URL of one set, as 'kube-rescue list' shows it.`
    );
  }
  const { check, manifest } = await checkSetSignature(store, setName, opts.trustedSigners);
  return { check, bytes: manifest };
}
function requireSignedManifest(signed, backup, opts) {
  if (!opts.trustedSigners || !signed || !backup) return;
  const where = `${backup.location}/manifest.json`;
  if (!isDeepStrictEqual(parseManifest(signed.bytes.toString("utf8"), where), backup.manifest)) {
    throw new InputError(
      `${where} changed between checking its signature and reading it for the plan. Nothing was changed; make sure nothing writes to the set, then plan again.`
    );
  }
  requireOwnName(backup.manifest.setName, backup.storeAccess().setName, where);
}
function requireOwnName(signedName, storedName, where) {
  if (signedName !== storedName) {
    throw new InputError(
      `${where}: the signed manifest is of set ${signedName}, but it is stored as ${storedName}: a signed set copied under another name (an older backup replayed?). Nothing was changed; restore ${signedName} by its own name if that is the one you want.`
    );
  }
}
async function checkPlanObjects(plan, backup) {
  const needed = objectsNeeded(plan);
  if (!backup) {
    if (needed.length > 0) {
      throw new InputError(
        `The plan reads ${needed.join(", ")} from a backup set, but none was given: pass --backup.`
      );
    }
    return [];
  }
  const { store, setName, identities } = backup.storeAccess();
  const where = backup.location;
  const problems = [];
  const found = [];
  for (const name of needed) {
    const object = backup.manifest.objects.find((o) => o.name === name);
    if (!object) {
      problems.push(`${name}: the plan reads it, but the manifest does not list it`);
      continue;
    }
    const stat = await store.stat(setName, name);
    if (!stat) {
      problems.push(`${name}: missing from the store (the manifest lists ${object.bytes} bytes)`);
    } else if (stat.bytes !== object.bytes) {
      problems.push(
        `${name}: ${stat.bytes} bytes in the store, but the manifest says ${object.bytes} (${stat.bytes < object.bytes ? "truncated" : "altered"})`
      );
    } else {
      found.push(object);
    }
  }
  const encrypted = found.filter((o) => o.encryption);
  if (encrypted.length > 0 && identities.length === 0) {
    const to = [...new Set(encrypted.flatMap((o) => o.encryption?.recipients ?? []))];
    problems.push(
      `${encrypted.map((o) => o.name).join(", ")} ${encrypted.length === 1 ? "is" : "are"} encrypted to ${to.join(", ")}, and no identity was given: pass the matching age identity file with --identity`
    );
  } else {
    for (const object of encrypted) {
      try {
        const head = await store.read(setName, object.name, { firstBytes: HEADER_BYTES });
        await checkAgeHeader(head, identities, object.name);
      } catch (err) {
        if (!(err instanceof KubeRescueError)) throw err;
        problems.push(err.message.replace(/\.$/, ""));
      }
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      `The backup ${where} cannot be used for this plan; refusing before any change to the cluster:
${problems.map((p) => `- ${p}`).join(
        "\n"
      )}
Nothing was changed. Check the set with 'kube-rescue verify', give the right --identity, or pick another set ('kube-rescue list').`
    );
  }
  return found.map((o) => ({ name: o.name, bytes: o.bytes, encrypted: o.encryption !== null }));
}

// src/etcd/snapshot-keyspace.ts
import { hash } from "node:crypto";
import { readSync } from "node:fs";
import { open } from "node:fs/promises";
var MAGIC = 3977042669;
var BRANCH_PAGE = 1;
var LEAF_PAGE = 2;
var META_PAGE = 4;
var BUCKET_LEAF = 1;
var PAGE_HEADER = 16;
var ELEMENT = 16;
var KEY_BUCKET = Buffer.from("key");
var INLINE = 0;
function fnv64a(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = h * 0x100000001b3n & 0xffffffffffffffffn;
  }
  return h;
}
function parseMeta(buf) {
  if (buf.length < PAGE_HEADER + 64) return void 0;
  const flags = buf.readUInt16LE(8);
  const m = buf.subarray(PAGE_HEADER);
  if (!(flags & META_PAGE) || m.readUInt32LE(0) !== MAGIC || m.readUInt32LE(4) !== 2)
    return void 0;
  if (fnv64a(m.subarray(0, 56)) !== m.readBigUInt64LE(56)) return void 0;
  return {
    pageSize: m.readUInt32LE(8),
    root: Number(m.readBigUInt64LE(16)),
    txid: m.readBigUInt64LE(48)
  };
}
function pageOf(buf, id) {
  return { id, flags: buf.readUInt16LE(8), count: buf.readUInt16LE(10), buf };
}
var SnapshotKeyspace = class _SnapshotKeyspace {
  constructor(fh, path, meta) {
    this.fh = fh;
    this.path = path;
    this.meta = meta;
  }
  fh;
  path;
  meta;
  /** The snapshot's revision: the highest main revision in its "key" bucket (as `snapshot status`). */
  revision = 0;
  inline;
  indexed;
  cache = /* @__PURE__ */ new Map();
  /** Per live key (latin1), sha256 of its value (32 chars, 'binary'): only when opened `withDigests`. */
  digests;
  /** restoredHashKV's answers, by question. */
  hashKVs = /* @__PURE__ */ new Map();
  static async open(path, options = {}) {
    const fh = await open(path, "r");
    try {
      const head = Buffer.alloc(4096);
      await fh.read(head, 0, head.length, 0);
      const first = parseMeta(head);
      const pageSize = first?.pageSize ?? 4096;
      const second = Buffer.alloc(PAGE_HEADER + 64);
      await fh.read(second, 0, second.length, pageSize);
      const metas = [first, parseMeta(second)].filter((m) => m !== void 0);
      if (metas.length === 0) {
        throw new OperationError(
          `${path} is not an etcd snapshot: neither bbolt meta page is valid. Check the file (kube-rescue verify).`
        );
      }
      const meta = metas.sort((a, b) => b.txid > a.txid ? 1 : -1)[0];
      const snap = new _SnapshotKeyspace(fh, path, meta);
      if (options.withDigests) snap.digests = /* @__PURE__ */ new Map();
      return snap;
    } catch (err) {
      await fh.close();
      throw err;
    }
  }
  async [Symbol.asyncDispose]() {
    await this.fh.close();
  }
  /**
   * One page, read synchronously: a positional read of a page the OS already caches costs a
   * few microseconds, a promise through the threadpool tens of them — and the second pass reads
   * about one page per key (200,000 keys: 13 CPU-s with promises).
   */
  page(id) {
    if (id === INLINE) return pageOf(this.inline, INLINE);
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const size = this.meta.pageSize;
    let buf = Buffer.alloc(size);
    const bytesRead = readSync(this.fh.fd, buf, 0, size, id * size);
    if (bytesRead < PAGE_HEADER) throw this.damaged(`page ${id} lies beyond the end of the file`);
    const overflow = buf.readUInt32LE(12);
    if (overflow > 0) {
      buf = Buffer.allocUnsafe(size * (overflow + 1));
      const whole = readSync(this.fh.fd, buf, 0, buf.length, id * size);
      if (whole < buf.length) throw this.damaged(`page ${id} runs beyond the end of the file`);
    }
    const page = pageOf(buf, id);
    this.cache.set(id, page);
    if (this.cache.size > 256) this.cache.delete(this.cache.keys().next().value);
    return page;
  }
  damaged(what) {
    return new OperationError(
      `${this.path}: cannot read the etcd snapshot (${what}). Check the file (kube-rescue verify).`
    );
  }
  leaf(p, i) {
    const at = PAGE_HEADER + i * ELEMENT;
    const flags = p.buf.readUInt32LE(at);
    const pos = p.buf.readUInt32LE(at + 4);
    const ksize = p.buf.readUInt32LE(at + 8);
    const vsize = p.buf.readUInt32LE(at + 12);
    const k = at + pos;
    return {
      flags,
      key: p.buf.subarray(k, k + ksize),
      value: p.buf.subarray(k + ksize, k + ksize + vsize)
    };
  }
  /** Every leaf element of the tree under page `id`, in key order, with where it sits. */
  *walk(id) {
    const p = this.page(id);
    if (p.flags & LEAF_PAGE) {
      for (let i = 0; i < p.count; i++) yield { page: id, index: i, ...this.leaf(p, i) };
      return;
    }
    if (!(p.flags & BRANCH_PAGE)) throw this.damaged(`page ${id} is neither branch nor leaf`);
    for (let i = 0; i < p.count; i++) {
      const at = PAGE_HEADER + i * ELEMENT;
      yield* this.walk(Number(p.buf.readBigUInt64LE(at + 8)));
    }
  }
  /** The root page of etcd's "key" bucket (its inline page, for a tiny snapshot). */
  keyBucket() {
    for (const e of this.walk(this.meta.root)) {
      if (!(e.flags & BUCKET_LEAF) || e.key.toString("latin1") !== "key") continue;
      const root = Number(e.value.readBigUInt64LE(0));
      if (root !== 0) return root;
      this.inline = Buffer.from(e.value.subarray(16));
      return INLINE;
    }
    throw this.damaged('it has no "key" bucket');
  }
  /**
   * Pass 1, once: per live key (latin1, so that string order is byte order) where its latest
   * entry sits and how many bytes that entry takes, and the keys sorted. Sets `revision`.
   */
  index() {
    if (this.indexed) return this.indexed;
    const bucket = this.keyBucket();
    const latest = /* @__PURE__ */ new Map();
    const sizes = /* @__PURE__ */ new Map();
    for (const e of this.walk(bucket)) {
      if (e.key.length < 17) throw this.damaged(`a revision key of ${e.key.length} bytes`);
      const main = Number(e.key.readBigUInt64BE(0));
      if (main > this.revision) this.revision = main;
      const { key, value } = decodeKeyValue(e.value);
      if (key.length === 0) continue;
      const name = key.toString("latin1");
      if (e.key.length > 17 && e.key[17] === 116) {
        latest.delete(name);
        sizes.delete(name);
        this.digests?.delete(name);
      } else {
        latest.set(name, e.page * 65536 + e.index);
        sizes.set(name, e.value.length);
        this.digests?.set(name, hash("sha256", value, "binary"));
      }
    }
    this.indexed = { keys: [...latest.keys()].sort(), latest, sizes };
    return this.indexed;
  }
  /**
   * etcd's HashKV (`Maintenance.HashKV`) at `revision` of a member restored from this file, as
   * the member computes it from its backend: a crc32c over the bucket's name, then each stored
   * entry's revision key and raw KeyValue in revision order, up to `revision`; an entry at or
   * below the member's `compactRevision` counts only if it is kept (a live key's latest entry),
   * unless nothing is kept at all. `bumpedTo` (the restore's `--bump-revision` target: snapshot
   * revision + bump) adds the entry etcdutl writes there, an empty value under that revision
   * key, which the member keeps as well; `--mark-compacted` makes that revision its
   * compaction. Checked against HashKV of etcd 3.4, 3.5 and 3.6 members restored with and
   * without a bump, over compacted history, overwrites and deletes
   * (test/integration/etcd/snapshot-keyspace.test.ts). A second walk over the key bucket after
   * pass 1 (20,000 keys: ~50 ms, 200,000: ~0.4 s), once per question: the answer is kept.
   */
  restoredHashKV(o) {
    const asked = `${o.revision}/${o.compactRevision}/${o.bumpedTo ?? ""}`;
    const known = this.hashKVs.get(asked);
    if (known !== void 0) return known;
    const { latest } = this.index();
    const kept = new Set(latest.values());
    const keepsNone = kept.size === 0 && o.bumpedTo === void 0;
    let crc = crc32c(0, KEY_BUCKET);
    for (const e of this.walk(this.keyBucket())) {
      const main = Number(e.key.readBigUInt64BE(0));
      if (main > o.revision) continue;
      if (main <= o.compactRevision && !keepsNone && !kept.has(e.page * 65536 + e.index)) continue;
      crc = crc32c(crc, e.key);
      crc = crc32c(crc, e.value);
    }
    if (o.bumpedTo !== void 0 && o.bumpedTo <= o.revision) {
      const rev = Buffer.alloc(17);
      rev.writeBigUInt64BE(BigInt(o.bumpedTo), 0);
      rev[8] = 95;
      crc = crc32c(crc, rev);
    }
    this.hashKVs.set(asked, crc);
    return crc;
  }
  /**
   * Every live key in ascending key order (bytewise, as etcd orders keys; latin1 strings, so
   * string order is byte order), after pass 1. Sets `revision`.
   */
  keys() {
    return this.index().keys;
  }
  /**
   * sha256 ('binary', 32 chars) of the value of live key `name` (latin1), undefined for no such key; only
   * for a snapshot opened `withDigests`.
   */
  digestOf(name) {
    if (!this.digests) throw new Error("SnapshotKeyspace.digestOf: open the file withDigests");
    this.index();
    return this.digests.get(name);
  }
  /**
   * Every live key/value pair in ascending key order (bytewise, as etcd orders keys), read in
   * two passes as the module comment explains. Sets `revision` during the first pass.
   */
  async *pairs() {
    const { keys, latest } = this.index();
    for (const name of keys) {
      const where = latest.get(name);
      const p = this.page(Math.floor(where / 65536));
      const kv = decodeKeyValue(this.leaf(p, where % 65536).value);
      if (kv.key.toString("latin1") !== name) throw this.damaged(`page ${p.id} changed under us`);
      yield { key: Buffer.from(kv.key), value: Buffer.from(kv.value) };
    }
  }
  /**
   * The live keyspace cut into consecutive ranges of at most `maxKeys` keys and about
   * `maxBytes` of stored entries each, in key order: where each starts (the first at the empty
   * key, so that together they cover every key there could be) and how many keys it holds —
   * what rangedPairs reads a cluster by, several ranges at once. A range starts only at a key
   * etcdctl can be given (UTF-8, no NUL); past others it grows.
   *
   * `inRoundsOf` (the reader's concurrency) evens them out: about as many ranges as fill
   * whole rounds of that many reads, each of the same number of keys, so no round is one short
   * range on its own. Measured on a harness stacked3 cluster, 20,000 keys of 512 B: 3 ranges of
   * 6,667 keys, 3 at once, took 550–600 ms; 5 of 5,000 (two rounds), 650–1,090 ms.
   */
  ranges(maxKeys, maxBytes, options = {}) {
    const { keys, sizes } = this.index();
    const round = options.inRoundsOf ?? 1;
    const count = round * Math.max(1, Math.ceil(keys.length / (round * maxKeys)));
    const perRange = Math.min(maxKeys, Math.max(1, Math.ceil(keys.length / count)));
    const out = [{ from: Buffer.alloc(0), keys: 0 }];
    let bytes = 0;
    for (const name of keys) {
      const size = sizes.get(name);
      const range = out[out.length - 1];
      if (range.keys > 0 && (range.keys >= perRange || bytes + size > maxBytes) && etcdctlTakes(Buffer.from(name, "latin1"))) {
        out.push({ from: Buffer.from(name, "latin1"), keys: 1 });
        bytes = size;
      } else {
        range.keys++;
        bytes += size;
      }
    }
    return out;
  }
};

export {
  SnapshotKeyspace,
  objectsNeeded,
  checkSignature,
  requireSignedManifest,
  requireOwnName,
  checkPlanObjects
};
//# sourceMappingURL=chunk-TNMCLJB6.js.map
