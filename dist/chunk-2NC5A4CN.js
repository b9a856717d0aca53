import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  ADMIN_KUBECONFIG,
  CONTROL_PLANE_CONTAINERS,
  EtcdCtl,
  KUBELET_CONFIG,
  KUBESPRAY_ETCD_UNIT,
  clientTls,
  clientURLOf,
  decodeKeyValue,
  etcdctlTakes,
  hasKubeletService,
  parseEnvLines,
  peerURLOf,
  probeCluster,
  sectionLine,
  splitSections
} from "./chunk-5SPYDBEF.js";
import {
  loadInventory
} from "./chunk-MEJURZJQ.js";
import {
  NodePool
} from "./chunk-GYZZWE6L.js";
import {
  namedExports
} from "./chunk-57FMYMAD.js";
import {
  shellCommand
} from "./chunk-SNZZQUVR.js";
import {
  SnapshotStatusReader,
  SnapshotTrailerReader,
  crc32c
} from "./chunk-BLIDGS7V.js";
import {
  require_tar_stream
} from "./chunk-6GLSZ6UQ.js";
import {
  checkObjectName,
  compareSetNames,
  parseS3Url,
  parseSetName
} from "./chunk-BY6X66LN.js";
import {
  InputError,
  KubeRescueError,
  OperationError
} from "./chunk-ZIEKZMFP.js";
import {
  __callDispose,
  __toESM,
  __using
} from "./chunk-DNO6I5HZ.js";

// src/backup/age.ts
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  timingSafeEqual
} from "node:crypto";
import { readFile } from "node:fs/promises";
import { Transform } from "node:stream";
var INTRO = "age-encryption.org/v1";
var X25519_LABEL = "age-encryption.org/v1/X25519";
var AGE_CHUNK = 64 * 1024;
var TAG = 16;
var CIPHER_CHUNK = AGE_CHUNK + TAG;
var MAX_HEADER = 64 * 1024;
var PKCS8_X25519 = Buffer.from("302e020100300506032b656e04220420", "hex");
var SPKI_X25519 = Buffer.from("302a300506032b656e032100", "hex");
var CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
var GEN = [996825010, 642813549, 513874426, 1027748829, 705979059];
function polymod(values) {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = (chk & 33554431) << 5 ^ v;
    for (let i = 0; i < 5; i++) if (top >>> i & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}
function hrpExpand(hrp) {
  const out = [];
  for (const c of hrp) out.push(c.charCodeAt(0) >>> 5);
  out.push(0);
  for (const c of hrp) out.push(c.charCodeAt(0) & 31);
  return out;
}
function convertBits(data, from, to, pad) {
  let acc = 0;
  let bits = 0;
  const out = [];
  const maxv = (1 << to) - 1;
  for (const v of data) {
    acc = acc << from | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push(acc >>> bits & maxv);
    }
  }
  if (pad) {
    if (bits > 0) out.push(acc << to - bits & maxv);
  } else if (bits >= from || (acc << to - bits & maxv) !== 0) {
    throw new Error("invalid padding");
  }
  return out;
}
function bech32Decode(text) {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) {
    throw new Error("mixed case");
  }
  const s = text.toLowerCase();
  const sep = s.lastIndexOf("1");
  if (sep < 1 || sep + 7 > s.length) throw new Error("no separator or checksum");
  const hrp = s.slice(0, sep);
  const values = [];
  for (const c of s.slice(sep + 1)) {
    const v = CHARSET.indexOf(c);
    if (v < 0) throw new Error(`invalid character '${c}'`);
    values.push(v);
  }
  if (polymod([...hrpExpand(hrp), ...values]) !== 1) throw new Error("bad checksum");
  return { hrp, data: Buffer.from(convertBits(values.slice(0, -6), 5, 8, false)) };
}
function bech32Encode(hrp, data) {
  const values = convertBits(data, 8, 5, true);
  const mod = polymod([...hrpExpand(hrp), ...values, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => mod >>> 5 * (5 - i) & 31);
  return `${hrp}1${[...values, ...checksum].map((v) => CHARSET[v]).join("")}`;
}
function publicKeyObject(raw) {
  return createPublicKey({
    key: Buffer.concat([SPKI_X25519, raw]),
    format: "der",
    type: "spki"
  });
}
function rawPublicKey(key) {
  return key.export({ format: "der", type: "spki" }).subarray(SPKI_X25519.length);
}
function parseRecipient(text, where = "--encrypt-to") {
  const trimmed = text.trim();
  let decoded;
  try {
    decoded = bech32Decode(trimmed);
  } catch (err) {
    throw new InputError(
      `${where}: '${trimmed}' is not an age recipient (${err.message}). Expected an X25519 public key 'age1\u2026' as printed by 'age-keygen -y'.`
    );
  }
  if (decoded.hrp !== "age" || decoded.data.length !== 32) {
    throw new InputError(
      `${where}: '${trimmed}' is not an X25519 age recipient (prefix '${decoded.hrp}1', ${decoded.data.length} bytes). Only 'age1\u2026' recipients are supported; SSH and plugin recipients are not.`
    );
  }
  return { text: trimmed.toLowerCase(), publicKey: decoded.data };
}
function identityFromSecret(line, where) {
  let decoded;
  try {
    decoded = bech32Decode(line);
  } catch (err) {
    throw new InputError(
      `${where}: an AGE-SECRET-KEY-1 line is malformed (${err.message}). Regenerate the file with 'age-keygen -o FILE'.`
    );
  }
  if (decoded.hrp !== "age-secret-key-" || decoded.data.length !== 32) {
    throw new InputError(`${where}: an AGE-SECRET-KEY-1 line does not hold a 32-byte X25519 key.`);
  }
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_X25519, decoded.data]),
    format: "der",
    type: "pkcs8"
  });
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, recipient: { publicKey, text: bech32Encode("age", publicKey) } };
}
function parseIdentities(text, where) {
  const identities = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    if (!line.toUpperCase().startsWith("AGE-SECRET-KEY-1")) {
      throw new InputError(
        `${where}: expected only '# comments' and 'AGE-SECRET-KEY-1\u2026' lines (an age-keygen file); found a line starting '${line.slice(0, 12)}\u2026'. Plugin and SSH identities are not supported.`
      );
    }
    identities.push(identityFromSecret(line, where));
  }
  if (identities.length === 0) {
    throw new InputError(`${where}: no AGE-SECRET-KEY-1 line found. Is this an age identity file?`);
  }
  return identities;
}
async function loadIdentityFiles(paths) {
  const all = [];
  for (const p of paths) {
    let text;
    try {
      text = await readFile(p, "utf8");
    } catch (err) {
      throw new InputError(
        `--identity ${p}: cannot read the file (${err.code ?? err.message}).`
      );
    }
    all.push(...parseIdentities(text, `--identity ${p}`));
  }
  return all;
}
function generateIdentity() {
  const { privateKey } = generateKeyPairSync("x25519");
  const raw = privateKey.export({ format: "der", type: "pkcs8" }).subarray(
    PKCS8_X25519.length
  );
  const secret = bech32Encode("age-secret-key-", raw).toUpperCase();
  return { secret, identity: identityFromSecret(secret, "generated identity") };
}
function hkdf(ikm, salt, info) {
  return Buffer.from(hkdfSync("sha256", ikm, salt, info, 32));
}
function seal(key, nonce, plaintext) {
  const c = createCipheriv("chacha20-poly1305", key, nonce, { authTagLength: TAG });
  const head = c.update(plaintext);
  const tail = c.final();
  return Buffer.concat([head, tail, c.getAuthTag()]);
}
function open(key, nonce, sealed) {
  if (sealed.length < TAG) return null;
  const d = createDecipheriv("chacha20-poly1305", key, nonce, { authTagLength: TAG });
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  const head = d.update(sealed.subarray(0, sealed.length - TAG));
  try {
    return Buffer.concat([head, d.final()]);
  } catch {
    return null;
  }
}
var b64 = (b) => b.toString("base64").replace(/=+$/, "");
function unb64(s) {
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) throw new Error("invalid base64");
  const out = Buffer.from(s, "base64");
  if (b64(out) !== s) throw new Error("non-canonical base64");
  return out;
}
function wrapBody(body) {
  let out = "";
  for (let i = 0; i <= body.length; i += 64) out += `${body.slice(i, i + 64)}
`;
  return out;
}
function streamNonce(counter, last) {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}
var ByteQueue = class {
  parts = [];
  length = 0;
  push(b) {
    if (b.length === 0) return;
    this.parts.push(b);
    this.length += b.length;
  }
  take(n) {
    const first = this.parts[0];
    if (first && first.length >= n) {
      const out2 = first.subarray(0, n);
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
      this.length -= n;
      return out2;
    }
    const out = Buffer.allocUnsafe(n);
    let filled = 0;
    while (filled < n) {
      const part = this.parts[0];
      const need = n - filled;
      if (part.length <= need) {
        part.copy(out, filled);
        filled += part.length;
        this.parts.shift();
      } else {
        part.copy(out, filled, 0, need);
        this.parts[0] = part.subarray(need);
        filled += need;
      }
    }
    this.length -= n;
    return out;
  }
  takeAll() {
    return this.take(this.length);
  }
};
function header(recipients, fileKey) {
  let text = `${INTRO}
`;
  for (const r of recipients) {
    const eph = generateKeyPairSync("x25519");
    const share = rawPublicKey(eph.publicKey);
    const shared = diffieHellman({
      privateKey: eph.privateKey,
      publicKey: publicKeyObject(r.publicKey)
    });
    const wrapKey = hkdf(shared, Buffer.concat([share, r.publicKey]), X25519_LABEL);
    const body = seal(wrapKey, Buffer.alloc(12), fileKey);
    text += `-> X25519 ${b64(share)}
${wrapBody(b64(body))}`;
  }
  text += "---";
  const mac = createHmac("sha256", hkdf(fileKey, Buffer.alloc(0), "header")).update(text).digest();
  return Buffer.from(`${text} ${b64(mac)}
`, "latin1");
}
function createAgeEncryptStream(recipients) {
  if (recipients.length === 0) throw new InputError("age encryption needs at least one recipient.");
  const fileKey = randomBytes(16);
  const nonce = randomBytes(16);
  const payloadKey = hkdf(fileKey, nonce, "payload");
  const pending2 = new ByteQueue();
  let counter = 0;
  let started = false;
  const start = (t) => {
    if (!started) {
      started = true;
      t.push(Buffer.concat([header(recipients, fileKey), nonce]));
    }
  };
  return new Transform({
    transform(chunk, _enc, cb) {
      start(this);
      pending2.push(chunk);
      while (pending2.length > AGE_CHUNK) {
        this.push(seal(payloadKey, streamNonce(counter++, false), pending2.take(AGE_CHUNK)));
      }
      cb();
    },
    flush(cb) {
      start(this);
      this.push(seal(payloadKey, streamNonce(counter++, true), pending2.takeAll()));
      cb();
    }
  });
}
function corrupt(where, what) {
  return new OperationError(`${where}: not a valid age file: ${what}.`);
}
var ARGUMENT = /^[\x21-\x7e]+$/;
var BASE64_LINE = /^[A-Za-z0-9+/]*$/;
function parseHeader(text, where) {
  const lines = text.split("\n");
  if (lines[0] !== INTRO) {
    if (lines[0].startsWith("-----BEGIN AGE ENCRYPTED FILE")) {
      throw new InputError(`${where}: ASCII-armored age files are not supported; use binary age.`);
    }
    if (lines[0].startsWith("age-encryption.org/")) {
      throw corrupt(where, `unsupported version '${lines[0].slice(0, 40)}' (only v1 is known)`);
    }
    throw corrupt(where, `the first line is not '${INTRO}'`);
  }
  const stanzas = [];
  let i = 1;
  while (i < lines.length - 1 && lines[i].startsWith("->")) {
    const line = lines[i++];
    if (!line.startsWith("-> ")) throw corrupt(where, "a stanza line has no arguments");
    const args = line.slice(3).split(" ");
    if (!args.every((a) => ARGUMENT.test(a))) {
      throw corrupt(
        where,
        "a stanza argument is empty or holds a character other than printable ASCII"
      );
    }
    const [type, ...rest] = args;
    const parts = [];
    for (; ; ) {
      if (i >= lines.length - 1) throw corrupt(where, `the '${type}' stanza has no final line`);
      const body = lines[i++];
      if (body.length > 64) throw corrupt(where, "a stanza body line is longer than 64 columns");
      if (!BASE64_LINE.test(body)) {
        throw corrupt(where, `the body of a '${type}' stanza is not base64`);
      }
      parts.push(body);
      if (body.length < 64) break;
    }
    try {
      stanzas.push({ type, args: rest, body: unb64(parts.join("")) });
    } catch {
      throw corrupt(where, `the body of a '${type}' stanza is not canonical base64`);
    }
  }
  if (i !== lines.length - 1) throw corrupt(where, "a header line is neither a stanza nor the MAC");
  const macLine = lines[i];
  if (!/^--- [A-Za-z0-9+/]{43}$/.test(macLine)) {
    throw corrupt(where, "the MAC line is not '--- ' and 43 base64 characters");
  }
  let mac;
  try {
    mac = unb64(macLine.slice(4));
  } catch {
    throw corrupt(where, "the header MAC is not canonical base64");
  }
  const macInput = `${lines.slice(0, i).join("\n")}
---`;
  return { stanzas, macInput, mac };
}
function x25519Stanzas(stanzas, where) {
  return stanzas.filter((s) => s.type === "X25519").map((s) => {
    if (s.args.length !== 1) throw corrupt(where, "an X25519 stanza must have one argument");
    let share;
    try {
      share = unb64(s.args[0]);
    } catch {
      throw corrupt(where, "the share of an X25519 stanza is not canonical base64");
    }
    if (share.length !== 32)
      throw corrupt(where, "the share of an X25519 stanza is not 32 bytes");
    if (s.body.length !== 32) throw corrupt(where, "an X25519 stanza body is not 32 bytes");
    return { share, body: s.body };
  });
}
function unwrapFileKey(stanzas, identities, where) {
  if (stanzas.some((s) => s.type === "scrypt")) {
    if (stanzas.length > 1) throw corrupt(where, "a scrypt stanza must be alone in the header");
    throw new InputError(
      `${where}: the file is passphrase-encrypted (scrypt); kube-rescue reads files encrypted to age1\u2026 recipients only.`
    );
  }
  const x25519 = x25519Stanzas(stanzas, where);
  for (const s of x25519) {
    for (const id of identities) {
      let shared;
      try {
        shared = diffieHellman({ privateKey: id.privateKey, publicKey: publicKeyObject(s.share) });
      } catch {
        throw corrupt(where, "the X25519 share is a low-order point");
      }
      if (shared.every((b) => b === 0)) {
        throw corrupt(where, "the X25519 share is a low-order point");
      }
      const wrapKey = hkdf(shared, Buffer.concat([s.share, id.recipient.publicKey]), X25519_LABEL);
      const fileKey = open(wrapKey, Buffer.alloc(12), s.body);
      if (fileKey) return fileKey;
    }
  }
  const mine = identities.map((id) => id.recipient.text).join(", ") || "none given";
  throw new InputError(
    `${where}: no identity given can decrypt this file (it has ${x25519.length} X25519 recipient stanza(s); the identities given are for ${mine}). Pass the identity file of one of the recipients the backup was encrypted to with --identity.`
  );
}
function openHeader(bytes, identities, where, complete, withNonce = true) {
  const macStart = bytes.indexOf("\n---");
  const nl = macStart < 0 ? -1 : bytes.indexOf("\n", macStart + 4);
  if (nl < 0) {
    if (bytes.length > MAX_HEADER) throw corrupt(where, "no age header in the first 64 KiB");
    if (!complete) return null;
    if (bytes.length === 0) throw corrupt(where, "the file is empty");
    parseHeader(bytes.toString("latin1"), where);
    throw corrupt(where, "the file ends inside the header");
  }
  const { stanzas, macInput, mac } = parseHeader(bytes.subarray(0, nl).toString("latin1"), where);
  const fileKey = unwrapFileKey(stanzas, identities, where);
  const expected = createHmac("sha256", hkdf(fileKey, Buffer.alloc(0), "header")).update(macInput, "latin1").digest();
  if (!timingSafeEqual(mac, expected)) {
    throw corrupt(where, "the header MAC does not match (the header was altered)");
  }
  if (!withNonce) return { payloadKey: Buffer.alloc(0), end: nl + 1 };
  if (bytes.length < nl + 17) {
    if (!complete) return null;
    throw corrupt(where, "the payload nonce after the header is truncated");
  }
  const nonce = bytes.subarray(nl + 1, nl + 17);
  return { payloadKey: hkdf(fileKey, Buffer.from(nonce), "payload"), end: nl + 17 };
}
async function checkAgeHeader(source, identities, where) {
  const pending2 = new ByteQueue();
  try {
    for await (const chunk of source) {
      pending2.push(chunk);
      const bytes = pending2.takeAll();
      if (openHeader(bytes, identities, where, false, false)) return;
      pending2.push(bytes);
    }
    openHeader(pending2.takeAll(), identities, where, true, false);
  } finally {
    source.destroy();
  }
}
function createAgeDecryptStream(identities, where) {
  const pending2 = new ByteQueue();
  let payloadKey = null;
  let counter = 0;
  let done = false;
  const readHeader = (complete) => {
    const bytes = pending2.takeAll();
    const opened = openHeader(bytes, identities, where, complete);
    if (!opened) {
      pending2.push(bytes);
      return false;
    }
    payloadKey = opened.payloadKey;
    pending2.push(bytes.subarray(opened.end));
    return true;
  };
  const failed2 = (what) => corrupt(where, `payload chunk ${counter} (at plaintext offset ${counter * AGE_CHUNK}) ${what}`);
  const openFull = (sealed) => {
    const key = payloadKey;
    let plain = open(key, streamNonce(counter, false), sealed);
    if (!plain) {
      plain = open(key, streamNonce(counter, true), sealed);
      if (plain) done = true;
    }
    if (!plain) throw failed2("fails authentication: the file is truncated or altered");
    counter++;
    return plain;
  };
  const trailing = () => corrupt(
    where,
    `${pending2.length} byte(s) follow the final payload chunk (the file was altered)`
  );
  return new Transform({
    transform(chunk, _enc, cb) {
      try {
        pending2.push(chunk);
        if (!payloadKey && !readHeader(false)) return cb();
        while (!done && pending2.length >= CIPHER_CHUNK)
          this.push(openFull(pending2.take(CIPHER_CHUNK)));
        if (done && pending2.length > 0) throw trailing();
        cb();
      } catch (err) {
        cb(err);
      }
    },
    flush(cb) {
      try {
        if (!payloadKey) readHeader(true);
        if (done) {
          if (pending2.length > 0) throw trailing();
          return cb();
        }
        if (pending2.length === 0) {
          throw failed2("is missing: the file ends without a final chunk (it is truncated)");
        }
        if (pending2.length === TAG && counter > 0) {
          throw failed2("is an empty final chunk after a full one, which age never writes");
        }
        const plain = open(
          payloadKey,
          streamNonce(counter, true),
          pending2.takeAll()
        );
        if (!plain) throw failed2("fails authentication: the file is truncated or altered");
        this.push(plain);
        cb();
      } catch (err) {
        cb(err);
      }
    }
  });
}

// src/recovery/backup-source.ts
import { createHash as createHash3 } from "node:crypto";
import { PassThrough } from "node:stream";

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

// src/version.ts
var VERSION = "0.1.0";

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
  field(obj, path, check2, expected) {
    const value = at(obj, path);
    if (!check2(value)) this.fail(path, expected, value);
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
  for (const [path, check2, expected] of checks) shape.field(raw, path, check2, expected);
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

// src/backup/pipeline.ts
import { createHash as createHash2 } from "node:crypto";
import { pipeline, Transform as Transform3, Writable } from "node:stream";

// src/backup/compression.ts
import * as zlib2 from "node:zlib";

// src/backup/parallel-gzip.ts
import { availableParallelism } from "node:os";
import { Transform as Transform2 } from "node:stream";
import * as zlib from "node:zlib";
var DEFAULT_GZIP_BLOCK_BYTES = 1024 * 1024;
function defaultGzipConcurrency() {
  const poolSize = Number.parseInt(process.env.UV_THREADPOOL_SIZE ?? "", 10);
  const pool = Number.isFinite(poolSize) && poolSize > 0 ? poolSize : 4;
  return Math.max(1, Math.min(Math.max(2, availableParallelism()), pool - 1));
}
var OUTPUT_CHUNK_BYTES = 256 * 1024;
var ParallelGzip = class extends Transform2 {
  level;
  blockBytes;
  concurrency;
  /** Blocks started and not yet emitted, in input order. */
  queue = [];
  filling = [];
  fillingBytes = 0;
  membersEmitted = 0;
  /** A write or the flush waiting for a slot (or, at the end, for the queue to empty). */
  waiter;
  peakQueue = 0;
  constructor(opts = {}) {
    const blockBytes = opts.blockBytes ?? DEFAULT_GZIP_BLOCK_BYTES;
    const concurrency = opts.concurrency ?? defaultGzipConcurrency();
    if (!Number.isInteger(blockBytes) || blockBytes < 1) {
      throw new RangeError(`gzip block size must be a positive integer, got ${blockBytes}`);
    }
    if (!Number.isInteger(concurrency) || concurrency < 1) {
      throw new RangeError(`gzip concurrency must be a positive integer, got ${concurrency}`);
    }
    super({ readableHighWaterMark: blockBytes, writableHighWaterMark: blockBytes });
    this.level = opts.level ?? 1;
    this.blockBytes = blockBytes;
    this.concurrency = concurrency;
  }
  /** The most blocks ever started and not yet emitted at once (the memory bound, observable). */
  get peakBlocksInFlight() {
    return this.peakQueue;
  }
  _transform(chunk, _enc, cb) {
    this.filling.push(chunk);
    this.fillingBytes += chunk.length;
    this.startFullBlocks(cb);
  }
  _flush(cb) {
    let last = this.fillingBytes > 0 || this.membersEmitted + this.queue.length === 0;
    const finish = () => {
      if (this.destroyed) return;
      if (last && this.queue.length < this.concurrency) {
        last = false;
        this.startBlock(this.takeFilling(this.fillingBytes));
      }
      if (last || this.queue.length > 0) {
        this.waiter = finish;
        return;
      }
      cb();
    };
    finish();
  }
  _destroy(err, cb) {
    this.waiter = void 0;
    this.queue.length = 0;
    this.filling = [];
    cb(err);
  }
  /**
   * Compresses one block; overridable so tests can observe or fail single blocks through
   * the real zlib.
   */
  compressBlock(block) {
    return new Promise((resolve3, reject) => {
      zlib.gzip(
        block,
        { level: this.level, chunkSize: OUTPUT_CHUNK_BYTES },
        (err, out) => err ? reject(err) : resolve3(out)
      );
    });
  }
  /** Starts every full block there is a slot for; acknowledges the write once none waits. */
  startFullBlocks(cb) {
    while (this.fillingBytes >= this.blockBytes) {
      if (this.queue.length >= this.concurrency) {
        this.waiter = () => this.startFullBlocks(cb);
        return;
      }
      this.startBlock(this.takeFilling(this.blockBytes));
    }
    cb();
  }
  takeFilling(bytes) {
    const all = this.filling.length === 1 ? this.filling[0] : Buffer.concat(this.filling, this.fillingBytes);
    const block = all.subarray(0, bytes);
    const rest = all.subarray(bytes);
    this.filling = rest.length > 0 ? [rest] : [];
    this.fillingBytes = rest.length;
    return block;
  }
  startBlock(data) {
    const block = {};
    this.queue.push(block);
    this.peakQueue = Math.max(this.peakQueue, this.queue.length);
    this.compressBlock(data).then(
      (member) => {
        block.member = member;
        this.emitDone();
      },
      (err) => this.destroy(err)
    );
  }
  /** Pushes finished members from the head of the queue, then wakes a waiting write. */
  emitDone() {
    if (this.destroyed) return;
    while (this.queue.length > 0 && this.queue[0].member) {
      this.push(this.queue.shift().member);
      this.membersEmitted++;
    }
    const waiter = this.waiter;
    this.waiter = void 0;
    waiter?.();
  }
};
function createParallelGzip(opts = {}) {
  return new ParallelGzip(opts);
}

// src/backup/compression.ts
var zstd = zlib2;
function compressionAvailable(compression) {
  return compression !== "zstd" || typeof zstd.createZstdCompress === "function";
}
function requireCompression(compression, where = "--compress") {
  if (!compressionAvailable(compression)) {
    throw new InputError(
      `${where} zstd: this Node.js ${process.version} has no zstd in node:zlib (it arrived in Node 22.15). Use --compress gzip, or run on Node \u2265 22.15 (the action runs on node24).`
    );
  }
}
function compressionSuffix(compression) {
  return compression === "gzip" ? ".gz" : compression === "zstd" ? ".zst" : "";
}
function createCompressor(compression) {
  if (compression === "none") return null;
  requireCompression(compression);
  if (compression === "gzip") return createParallelGzip({ level: 1 });
  return zstd.createZstdCompress();
}
function createDecompressor(compression, where) {
  if (compression === "none") return null;
  requireCompression(compression, `${where} is compressed with`);
  if (compression === "gzip") return zlib2.createGunzip({ chunkSize: 64 * 1024 });
  return zstd.createZstdDecompress();
}

// src/backup/pipeline.ts
var HashingStage = class extends Transform3 {
  constructor(checks = [], opts = {}) {
    super({ highWaterMark: 256 * 1024 });
    this.checks = checks;
    this.opts = opts;
    if (opts.trailerFrom) return;
    if (opts.snapshotTrailer !== void 0) {
      this.trailer = new SnapshotTrailerReader(opts.snapshotTrailer);
    } else {
      this.hash = createHash2("sha256");
    }
  }
  checks;
  opts;
  hash;
  trailer;
  trailerResult;
  bytes = 0;
  digest;
  _transform(chunk, _enc, cb) {
    if (this.trailer) this.trailer.update(chunk);
    else this.hash?.update(chunk);
    this.bytes += chunk.length;
    if (this.checks.length === 0) {
      cb(null, chunk);
      return;
    }
    Promise.all(this.checks.map((c) => c.update(chunk))).then(
      () => cb(null, chunk),
      (err) => cb(err)
    );
  }
  _flush(cb) {
    Promise.all(this.checks.map((c) => c.finish())).then(() => this.opts.trailerFrom?.()).then(
      (external) => {
        if (!this.trailer && !external) {
          this.digest = this.hash.digest("hex");
          cb();
          return;
        }
        const { fileSha256, ...check2 } = external ?? this.trailer.finish();
        this.digest = fileSha256;
        this.trailerResult = check2;
        if (!check2.ok && this.opts.failOnBadTrailer !== false) {
          cb(
            new OperationError(
              check2.detail ?? `${this.opts.snapshotTrailer}: bad sha256 trailer.`
            )
          );
          return;
        }
        cb();
      },
      (err) => cb(err)
    );
  }
  /** The hex sha256 of everything that passed; only after the stream ended. */
  sha256() {
    if (this.digest === void 0) throw new Error("HashingStage.sha256() before the end");
    return this.digest;
  }
  /** etcd's trailer check (with `snapshotTrailer`); only after the stream ended. */
  trailerCheck() {
    if (!this.trailerResult) throw new Error("HashingStage.trailerCheck() without a trailer");
    return this.trailerResult;
  }
};
function storedName(base, compression, encrypted) {
  return `${base}${compressionSuffix(compression)}${encrypted ? ".age" : ""}`;
}
async function storeObject(source, pending2, opts) {
  const encrypted = opts.recipients.length > 0;
  const name = storedName(opts.base, opts.compression, encrypted);
  const plain = new HashingStage(opts.checks, {
    snapshotTrailer: opts.snapshotTrailer,
    trailerFrom: opts.trailerFrom
  });
  const stages = [plain];
  const compressor = createCompressor(opts.compression);
  if (compressor) stages.push(compressor);
  if (encrypted) stages.push(createAgeEncryptStream(opts.recipients));
  const stored = stages.length > 1 ? new HashingStage() : plain;
  if (stored !== plain) stages.push(stored);
  const flowed = new Promise((resolve3, reject) => {
    pipeline(
      [source, ...stages],
      (err) => err ? reject(err) : resolve3()
    );
  });
  const [written] = await Promise.all([pending2.write(name, stored, { mode: opts.mode }), flowed]);
  if (written !== stored.bytes) {
    throw new Error(
      `store wrote ${written} bytes of ${name}, the pipeline produced ${stored.bytes}`
    );
  }
  return {
    name,
    kind: opts.kind,
    ...opts.node ? { node: opts.node } : {},
    bytes: stored.bytes,
    sha256: stored.sha256(),
    plaintextBytes: plain.bytes,
    plaintextSha256: plain.sha256(),
    compression: opts.compression,
    encryption: encrypted ? { scheme: "age", recipients: opts.recipients.map((r) => r.text) } : null
  };
}
async function readObject(source, object, opts) {
  const plain = new HashingStage(opts.checks, {
    snapshotTrailer: opts.snapshotTrailer,
    failOnBadTrailer: false
  });
  const decompressor = createDecompressor(object.compression, opts.where);
  const stored = object.encryption || decompressor ? new HashingStage() : plain;
  const stages = stored === plain ? [] : [stored];
  if (object.encryption) stages.push(createAgeDecryptStream(opts.identities, opts.where));
  if (decompressor) stages.push(decompressor);
  stages.push(plain);
  const sink = opts.sink ?? new Writable({
    write: (_chunk, _enc, cb) => cb()
  });
  await new Promise((resolve3, reject) => {
    pipeline(
      [source, ...stages, sink],
      (err) => err ? reject(err) : resolve3()
    );
  });
  return {
    bytes: stored.bytes,
    sha256: stored.sha256(),
    plaintextBytes: plain.bytes,
    plaintextSha256: plain.sha256(),
    ...opts.snapshotTrailer !== void 0 ? { trailer: plain.trailerCheck() } : {}
  };
}

// src/stores/open.ts
import { basename as basename3, dirname as dirname3, resolve as resolve2 } from "node:path";

// src/stores/artifact.ts
import { mkdtemp, readdir as readdir2, readFile as readFile3, rm as rm3, stat as stat2, writeFile } from "node:fs/promises";
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
import { randomBytes as randomBytes3 } from "node:crypto";
import { once } from "node:events";
import { close, createWriteStream as createWriteStream2, fchmod, fsync, open as openFd, write, writev } from "node:fs";
import { mkdir, open as open3, readdir, readFile as readFile2, rename as rename2, rm as rm2, stat } from "node:fs/promises";
import { join as join2, resolve } from "node:path";
import { pipeline as pipeline2 } from "node:stream/promises";
import { promisify as promisify2 } from "node:util";

// src/durable-file.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { createWriteStream, fdatasync } from "node:fs";
import { open as open2, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { promisify } from "node:util";
async function writeFileDurably(path, text, mode = 384) {
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes2(4).toString("hex")}.tmp`);
  try {
    const fh = await open2(tmp, "wx", mode);
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

// src/stores/local.ts
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
    const partial = join2(this.location, `.${setName}.partial-${randomBytes3(4).toString("hex")}`);
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
          await pipeline2(data, file).catch(async (err) => {
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
    const fh = await open3(path, "r").catch((err) => {
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
      return await readFile2(path, "utf8");
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
    const pending2 = await local.begin(setName);
    return {
      write: (object, data, options) => pending2.write(object, data, options),
      commit: async () => {
        await pending2.commit();
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
      return await readFile3(join3(path, name), "utf8");
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
function useGitHubToken(token) {
  githubToken = token || void 0;
}
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
  const { DefaultArtifactClient } = await import("./artifact-STPZUTTY.js");
  return new DefaultArtifactClient();
}

// src/stores/open.ts
async function s3Store() {
  return (await import("./s3-5XCQEHSV.js")).S3Store;
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

// src/recovery/backup-source.ts
var BackupSource = class _BackupSource {
  constructor(location, manifest, store, setName, identities, manifestSha256) {
    this.location = location;
    this.manifest = manifest;
    this.store = store;
    this.setName = setName;
    this.identities = identities;
    this.manifestSha256 = manifestSha256;
  }
  location;
  manifest;
  store;
  setName;
  identities;
  manifestSha256;
  static async open(backup, identityFiles, s3) {
    const { store, setName } = await openSet(backup, s3);
    let text;
    try {
      const chunks = [];
      for await (const c of await store.read(setName, "manifest.json")) chunks.push(Buffer.from(c));
      text = Buffer.concat(chunks).toString("utf8");
    } catch (err) {
      throw new InputError(
        `Cannot read the backup set ${backup} (${store.urlOf(setName)}/manifest.json): ${err.message}. Give the path or URL of one set, as 'kube-rescue list' shows it.`,
        { cause: err }
      );
    }
    const manifest = parseManifest(text, `${backup}/manifest.json`);
    const identities = identityFiles.length > 0 ? await loadIdentityFiles(identityFiles) : [];
    const digest = createHash3("sha256").update(text).digest("hex");
    return new _BackupSource(backup, manifest, store, setName, identities, digest);
  }
  /** What the planner needs to know of this set. */
  summary() {
    const m = this.manifest;
    const snap = snapshotObject(m);
    if (!snap) {
      throw new InputError(`Backup ${this.location} has no etcd snapshot object in its manifest.`);
    }
    const certArchives = {};
    for (const o of m.objects) if (o.kind === "node-files" && o.node) certArchives[o.node] = o.name;
    return {
      location: this.location,
      clusterName: m.cluster,
      etcdVersion: m.etcd.version,
      snapshotObject: snap.name,
      revision: m.snapshot.revision,
      totalKey: m.snapshot.totalKey,
      createdAt: m.created,
      fingerprint: m.fingerprint ?? void 0,
      hashKV: m.hashKV ?? void 0,
      encrypted: m.objects.some((o) => o.encryption !== null),
      certArchives
    };
  }
  objectNamed(name) {
    const o = this.manifest.objects.find((x) => x.name === name);
    if (!o) {
      throw new InputError(`Backup ${this.location} has no object '${name}' in its manifest.`);
    }
    return o;
  }
  /**
   * Streams the plaintext of `name` into `consume` (e.g. a node's file or `tar -x`). After
   * the stream ends, stored and plaintext sha256 must equal the manifest's, or this throws.
   */
  async streamTo(name, consume) {
    const object = this.objectNamed(name);
    const where = `${this.location}/${name}`;
    const plain = new PassThrough();
    const source = await this.store.read(this.setName, name);
    const reading = readObject(source, object, { identities: this.identities, where, sink: plain });
    const [read, consumed] = await Promise.all([
      reading.catch((err) => {
        plain.destroy(err);
        throw err;
      }),
      consume(plain)
    ]);
    if (read.sha256 !== object.sha256 || read.plaintextSha256 !== object.plaintextSha256) {
      throw new OperationError(
        `${where} does not match its manifest (stored sha256 ${read.sha256}, expected ${object.sha256}; plaintext ${read.plaintextSha256}, expected ${object.plaintextSha256}). The copy on the node is not used; check the set with 'kube-rescue verify'.`
      );
    }
    return consumed;
  }
  /** The store behind this source, for the plan-time preflight (src/recovery/preflight.ts). */
  storeAccess() {
    return { store: this.store, setName: this.setName, identities: this.identities };
  }
};

// src/recovery/kubelet-client.ts
import { X509Certificate } from "node:crypto";
var KUBEADM_KUBELET_CLIENT = {
  kubeconfig: "/etc/kubernetes/kubelet.conf",
  pkiDir: "/var/lib/kubelet/pki",
  caCert: "/etc/kubernetes/pki/ca.crt",
  caKey: "/etc/kubernetes/pki/ca.key",
  adminKubeconfig: ADMIN_KUBECONFIG,
  kubeletConfig: KUBELET_CONFIG
};
async function readKubeletClient(t, paths = KUBEADM_KUBELET_CLIENT) {
  const certBlock = "sed -n '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/p'";
  const script = [
    "conf=$1 ca=$2 cakey=$3 cfg=$4 f= d=",
    `[ -r "$cfg" ] && echo config=yes`,
    `[ -r "$cakey" ] && echo cakey=yes`,
    'if [ -r "$conf" ]; then',
    "  echo kubeconfig=yes",
    `  f=$(sed -n 's/^[[:space:]]*client-certificate:[[:space:]]*//p' "$conf" | head -n 1)`,
    `  [ -n "$f" ] || d=$(sed -n 's/^[[:space:]]*client-certificate-data:[[:space:]]*//p' "$conf" | head -n 1)`,
    '  if [ -n "$f" ]; then echo "source=$f"; elif [ -n "$d" ]; then echo source=inline; fi',
    "fi",
    `if [ -r "$ca" ]; then ${sectionLine("ca")}; ${certBlock} "$ca"; fi`,
    `if [ -n "$f" ] && [ -r "$f" ]; then ${sectionLine("cert")}; ${certBlock} "$f"; fi`,
    `if [ -n "$d" ]; then ${sectionLine("cert")}; printf '%s' "$d" | base64 -d | ${certBlock}; fi`,
    "exit 0"
  ].join("\n");
  const r = await t.exec(
    ["sh", "-c", script, "sh", paths.kubeconfig, paths.caCert, paths.caKey, paths.kubeletConfig],
    // The script ends with exit 0: any other exit is a node that could not be read, never
    // taken for a missing certificate (which would replace one that may be fine).
    { timeoutMs: 15e3 }
  );
  const { head, sections } = splitSections(r.stdout);
  const section = (name) => {
    const pem = sections.get(name)?.trim();
    return pem ? `${pem}
` : void 0;
  };
  const lines = head.split("\n");
  const source = lines.find((l) => l.startsWith("source="))?.slice("source=".length);
  const certPem = section("cert");
  const caPem = section("ca");
  return {
    kubeconfig: /^kubeconfig=yes$/m.test(head),
    ...source ? { certSource: source } : {},
    ...certPem ? { certPem } : {},
    ...caPem ? { caPem } : {},
    caKey: /^cakey=yes$/m.test(head),
    kubeletConfig: /^config=yes$/m.test(head)
  };
}
function judgeKubeletClient(facts, nodeName, now, paths = KUBEADM_KUBELET_CLIENT, marginMs = 10 * 6e4) {
  if (!facts.kubeconfig) return { valid: false, why: `${paths.kubeconfig} is missing` };
  if (!facts.certSource) {
    return { valid: false, why: `${paths.kubeconfig} names no client certificate` };
  }
  if (!facts.certPem) {
    return {
      valid: false,
      why: `the client certificate ${paths.kubeconfig} names (${facts.certSource}) is missing`
    };
  }
  let cert;
  try {
    cert = new X509Certificate(facts.certPem);
  } catch (err) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) does not parse: ${err.message}`
    };
  }
  const subject = cert.subject.split("\n");
  const cn = subject.find((l) => l.startsWith("CN="))?.slice(3);
  const orgs = subject.filter((l) => l.startsWith("O=")).map((l) => l.slice(2));
  if (cn !== `system:node:${nodeName}` || !orgs.includes("system:nodes")) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) is for ${cert.subject.replace(/\n/g, ", ")}, not CN=system:node:${nodeName} in O=system:nodes`
    };
  }
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() - now.getTime() < marginMs) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) ${notAfter < now ? "expired" : "expires"} ${notAfter.toISOString()}`
    };
  }
  if (!facts.caPem) {
    return {
      valid: void 0,
      why: `no cluster CA at ${paths.caCert} to check the kubelet's client certificate against`
    };
  }
  const ca = new X509Certificate(facts.caPem);
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) was not issued by the cluster CA at ${paths.caCert} (a stale one, from before the CA was restored)`
    };
  }
  return {
    valid: true,
    detail: `the kubelet's client certificate (${facts.certSource}) is the cluster CA's, for system:node:${nodeName}, valid until ${notAfter.toISOString()}`
  };
}
async function issueKubeletClient(t, o) {
  const p = o.paths ?? KUBEADM_KUBELET_CLIENT;
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(o.nodeName)) {
    throw new OperationError(
      `Node ${t.node}: '${o.nodeName}' is not a Kubernetes node name; no kubelet certificate is made for it.`
    );
  }
  const script = [
    "set -eu",
    "umask 077",
    "name=$1 ts=$2 conf=$3 pki=$4 ca=$5 cakey=$6 admin=$7",
    `[ -r "$cakey" ] || { echo "no cluster CA key at $cakey: the kubelet's client certificate cannot be signed here" >&2; exit 3; }`,
    `command -v openssl >/dev/null 2>&1 || { echo "no openssl on the node to sign the kubelet's client certificate" >&2; exit 4; }`,
    // The API server the kubelet talks to: its own kubeconfig's, else admin.conf's.
    "server=",
    `for f in "$conf" "$admin"; do [ -r "$f" ] && server=$(sed -n 's/^[[:space:]]*server:[[:space:]]*//p' "$f" | head -n 1); [ -n "$server" ] && break; done`,
    `[ -n "$server" ] || { echo "neither $conf nor $admin names the API server" >&2; exit 5; }`,
    "d=$(mktemp -d /var/tmp/kube-rescue-kubelet.XXXXXX)",
    `trap 'rm -rf "$d"' EXIT`,
    'openssl ecparam -name prime256v1 -genkey -noout -out "$d/key.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    'openssl req -new -key "$d/key.pem" -subj "/O=system:nodes/CN=system:node:$name" -out "$d/req.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    `printf '%s\\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' 'extendedKeyUsage=clientAuth' >"$d/ext"`,
    'openssl x509 -req -in "$d/req.pem" -CA "$ca" -CAkey "$cakey" -set_serial "0x$(openssl rand -hex 16)" -days 365 -extfile "$d/ext" -out "$d/cert.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    'mkdir -p "$pki"',
    'new="$pki/kubelet-client-$ts.pem"',
    'cat "$d/cert.pem" "$d/key.pem" >"$d/pair.pem"',
    'mv "$d/pair.pem" "$new"',
    // Moved aside, never deleted, once: the link (what it names stays where it is) and the
    // kubeconfig go to <path>.<stamp>-client (restore-certs' own <path>.<stamp> is another
    // copy). A resumed run finds that copy made and replaces only what this step wrote.
    'sfx="$ts-client"',
    'aside() { if { [ -e "$1" ] || [ -L "$1" ]; } && ! { [ -e "$1.$sfx" ] || [ -L "$1.$sfx" ]; }; then mv -- "$1" "$1.$sfx"; echo "moved $1 to $1.$sfx"; fi; }',
    'cur="$pki/kubelet-client-current.pem"',
    'aside "$cur"',
    'ln -sfn "$new" "$cur"',
    'cadata=$(base64 -w0 "$ca")',
    `cat >"$d/kubelet.conf" <<EOF
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: $cadata
    server: $server
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: system:node:$name
  name: system:node:$name@kubernetes
current-context: system:node:$name@kubernetes
users:
- name: system:node:$name
  user:
    client-certificate: $cur
    client-key: $cur
EOF`,
    'aside "$conf"',
    'mv "$d/kubelet.conf" "$conf"',
    'chmod 0600 "$conf"',
    'echo "signed $new for system:node:$name (server $server)"'
  ].join("\n");
  const r = await t.exec(
    [
      "sh",
      "-c",
      script,
      "sh",
      o.nodeName,
      o.ts,
      p.kubeconfig,
      p.pkiDir,
      p.caCert,
      p.caKey,
      p.adminKubeconfig
    ],
    { allowFailure: true, timeoutMs: 6e4 }
  );
  if (r.code !== 0) {
    throw new OperationError(
      `Node ${t.node}: could not make the kubelet a client certificate (exit ${r.code}): ${r.stderr.trim().slice(0, 500)}. Make one with 'kubeadm init phase kubeconfig kubelet --node-name ${o.nodeName}' on ${t.node} (moving ${p.kubeconfig} aside first), then run restore again.`
    );
  }
  return r.stdout.split("\n").filter((l) => l.trim()).join("; ");
}
function kubeletClientUndo(ts, p = KUBEADM_KUBELET_CLIENT) {
  const cur = `${p.pkiDir}/kubelet-client-current.pem`;
  const back = (f) => `mv ${shellCommand([`${f}.${ts}-client`])} ${shellCommand([f])}`;
  return `${back(p.kubeconfig)}; ${back(cur)} (where they were moved aside), then systemctl restart kubelet`;
}

// src/recovery/stamp.ts
function stamp(now) {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}
function keptCopyOf(path, manifestsDir, ts) {
  const slash = path.lastIndexOf("/");
  const dir = path.slice(0, slash);
  const outside = dir === manifestsDir ? dir.slice(0, dir.lastIndexOf("/")) : dir;
  return `${outside}/${path.slice(slash + 1)}.${ts}`;
}

// src/recovery/planners/steps.ts
function draft(action, node, params, reason, undo, destructive, group) {
  return { action, node, params, reason, undo, destructive, ...group ? { group } : {} };
}
var clusterString = (refs) => refs.map((r) => `${r.name}=${r.peerURL}`).join(",");
var PlanDraft = class {
  constructor(inventory, state, backup, options) {
    this.inventory = inventory;
    this.state = state;
    this.backup = backup;
    this.options = options;
    const {
      etcdCertDir,
      dataDir,
      kubernetesCertDirs,
      manifestsDir,
      envFile: env,
      etcdManifest
    } = state.paths;
    this.paths = {
      etcdCertDir,
      dataDir,
      kubernetesCertDirs: [...kubernetesCertDirs],
      manifestsDir,
      ...env ? { envFile: env } : {},
      ...etcdManifest ? { etcdManifest } : {}
    };
    this.envFile = this.paths.envFile ?? this.paths.etcdManifest ?? "the etcd configuration";
    this.ts = stamp(options.now);
    this.staging = options.stagingDir ?? "/var/tmp";
    this.stateOf = new Map(state.etcd.map((e) => [e.host, e]));
    this.etcdHosts = new Map(inventory.etcd.map((e) => [e.host, e]));
    this.unitFiles = state.layout === "kubespray" ? [KUBESPRAY_ETCD_UNIT] : [];
    this.members = inventory.etcd.map((e) => ({
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      clientURL: this.stateOf.get(e.host)?.clientUrl ?? clientURLOf(e.address),
      peerURL: this.stateOf.get(e.host)?.peerUrl ?? peerURLOf(e.address)
    }));
    this.memberOf = new Map(this.members.map((m) => [m.host, m]));
    this.expect = { members: inventory.etcd.map((e) => e.memberName) };
  }
  inventory;
  state;
  backup;
  options;
  steps = [];
  warnings = [];
  /** What verification expects afterwards; a restore from a backup adds what the backup holds. */
  expect;
  /** Only the data: the probe may hand over a whole Layout (with its functions). */
  paths;
  /** What names the env a member starts with, for undo texts. */
  envFile;
  ts;
  staging;
  stateOf;
  etcdHosts;
  members;
  memberOf;
  certsRestored = /* @__PURE__ */ new Set();
  /**
   * kubeadm: control-plane hosts whose archive comes back anyway (their certificates are
   * lost); on these, etcd's certificates come from it too, while etcd is stopped.
   */
  archiveHosts = /* @__PURE__ */ new Set();
  /** Kubespray runs etcd from its own unit; a blank node has only the distribution's. */
  unitFiles;
  push(...drafts) {
    this.steps.push(...drafts);
  }
  refOf(host) {
    const m = this.memberOf.get(host);
    return { name: m.memberName, peerURL: m.peerURL };
  }
  clientOf(host) {
    return this.memberOf.get(host).clientURL;
  }
  /** The keys of the env a member starts with: its name, the member list, state existing. */
  envFor(host, initialCluster, token) {
    const e = this.etcdHosts.get(host);
    const set = {
      ETCD_NAME: e.memberName,
      ETCD_INITIAL_CLUSTER: initialCluster,
      ETCD_INITIAL_CLUSTER_STATE: "existing",
      ETCD_INITIAL_ADVERTISE_PEER_URLS: this.memberOf.get(host).peerURL
    };
    if (token) set.ETCD_INITIAL_CLUSTER_TOKEN = token;
    return set;
  }
  moveAside(host, path, why, group) {
    this.push(
      draft(
        "move-aside",
        host,
        {
          path,
          to: `${path}.${this.ts}`,
          ...path === this.paths.dataDir ? { recreate: true } : {}
        },
        why,
        `mv ${path}.${this.ts} ${path}`,
        true,
        group
      )
    );
  }
  /**
   * A node's archive replaces its cert dirs. One step: what is there now (the cert dirs and
   * every path the archive holds) is moved aside by the same command that then extracts the
   * checked archive, one round trip to the node instead of one per dir.
   */
  restoreArchive(host, origin, why, group) {
    const dirs = [this.paths.etcdCertDir, ...this.paths.kubernetesCertDirs];
    this.push(
      draft(
        "restore-certs",
        host,
        { from: origin, moveAside: dirs },
        `${why}; the node's archive brings them back with their original modes and owners, once what is there now is moved aside`,
        `mv each <dir>.${this.ts} back over <dir> (${dirs.join(", ")} and the archive's other paths)`,
        true,
        group
      )
    );
    if (this.kubeadm) this.kubeletClient(host, group);
  }
  /**
   * kubeadm: the archive brings kubelet.conf back, not the client certificate it names (the
   * kubelet's own, in /var/lib/kubelet/pki). Without a valid one the kubelet exits at start, and
   * no static pod runs: checked, and made where it must be, before etcd starts there.
   */
  kubeletClient(host, group) {
    this.push(
      draft(
        "kubelet-client",
        host,
        { nodeName: this.inventory.nodeNames?.[host] ?? host },
        `the kubelet of ${host} must sign in to start its static pods: its client certificate is checked and, where it is missing, expired or not the cluster CA's, signed anew with that CA (as kubeadm init does)`,
        kubeletClientUndo(this.ts),
        true,
        group
      )
    );
  }
  /** Whether the plan restores this node's archive already. */
  hasArchive(host) {
    return this.certsRestored.has(host);
  }
  /** Restores a node's archive from the backup once, however many cases ask for it. */
  restoreArchiveOnce(host, origin, why) {
    if (this.certsRestored.has(host)) return;
    this.certsRestored.add(host);
    this.restoreArchive(host, origin, why);
  }
  /**
   * Puts back the certificates an etcd member needs before it can start. With `group`, an
   * archive from the backup is put back side by side with the other nodes' of that group (each
   * node's own move-asides first); a copy from a peer is never grouped.
   */
  ensureEtcdCerts(host, peer, group) {
    if (this.certsRestored.has(host)) return;
    const s = this.stateOf.get(host);
    if (s?.etcdCertsPresent && !this.archiveHosts.has(host)) return;
    this.certsRestored.add(host);
    const object = this.backup?.certArchives[host];
    const origin = this.backup && object ? { kind: "backup", location: this.backup.location, object } : peer ? { kind: "peer", node: peer, paths: [this.paths.etcdCertDir, ...this.unitFiles] } : void 0;
    if (!origin) {
      throw new InputError(
        `etcd certificates are missing on '${host}' and neither a backup archive of that node nor a healthy peer can supply them: pass --backup DIR|URL.`
      );
    }
    if (origin.kind === "backup") {
      const why = s?.etcdCertsPresent ? `control-plane certificates of ${host} are lost` : `etcd certificates are missing on ${host}`;
      this.restoreArchive(host, origin, why, group);
      return;
    }
    if (this.kubeadm) {
      throw new InputError(
        `etcd certificates are missing on '${host}', and the backup set ${this.backup ? `has no archive of '${host}'` : "was not given"}: on kubeadm every member has server and peer certificates of its own (its name and address in them), so they cannot be copied from ${origin.node}. Pass --backup with a set that holds ${host}'s archive, or make its certificates with 'kubeadm init phase certs etcd-server etcd-peer etcd-healthcheck-client' on ${host} first.`
      );
    }
    this.warnings.push(
      `${host}: no archive of this node in the backup set; its etcd certificates and unit are copied from ${origin.node} (Kubespray puts every member's certificates on every etcd node).`
    );
    this.moveAside(host, this.paths.etcdCertDir, "whatever is left there is kept, never deleted");
    this.push(
      draft(
        "restore-certs",
        host,
        { from: origin },
        `etcd certificates are missing on ${host}`,
        `the replaced files were moved aside with suffix .${this.ts}; move them back`,
        true
      )
    );
  }
  get kubeadm() {
    return this.state.layout === "kubeadm";
  }
  /**
   * Stops etcd on `host` before its data or certificates change. On kubeadm always (moving a
   * manifest that is not there is nothing): a kubelet restarts a crashed static pod on its own,
   * so "not running now" does not mean it stays stopped.
   */
  stopEtcd(host, reason, group) {
    if (!this.kubeadm && !this.stateOf.get(host)?.etcdRunning) return;
    this.push(draft("stop-etcd", host, {}, reason, "start etcd again", false, group));
  }
  /** Kubespray's join: member add, env with state existing and the list of that moment, start, wait. */
  rejoin(host, control, current, token, templateFrom) {
    const ref = this.refOf(host);
    this.push(
      draft(
        "member-add",
        control,
        { member: ref.name, peerURL: ref.peerURL },
        `${ref.name} rejoins the cluster`,
        `etcdctl member remove <id of ${ref.name}>`,
        true
      )
    );
    current.push(ref);
    this.push(
      draft(
        "write-env",
        host,
        { set: this.envFor(host, clusterString(current), token), templateFrom },
        `a joining member starts with state 'existing' and the cluster's current member list`,
        `the previous ${this.envFile} is kept as ${keptCopyOf(this.envFile, this.paths.manifestsDir, this.ts)}`,
        false
      ),
      draft("start-etcd", host, {}, `${ref.name} joins`, "stop etcd", false),
      draft(
        "wait-healthy",
        host,
        { members: [ref], clientURLs: [this.clientOf(host)] },
        'etcd answers "unhealthy cluster" to the next member add until this one has joined',
        "nothing to undo",
        false
      )
    );
  }
  /** Verification on the anchor, then the staged snapshots go; ids from the final order. */
  finish(anchor) {
    this.push(
      draft(
        "verify",
        anchor,
        { expectMembers: this.inventory.etcd.length },
        "prove the result: members healthy, count, revision, keys, certificates",
        "nothing to undo",
        false
      )
    );
    const staged = /* @__PURE__ */ new Map();
    for (const d of this.steps) {
      const path = d.action === "snapshot-save" ? d.params.path : d.action === "fetch-snapshot" ? d.params.to : void 0;
      if (path !== void 0) staged.set(`${d.node}\0${path}`, { node: d.node, path });
    }
    for (const { node, path } of staged.values()) {
      this.push(
        draft(
          "discard-staged",
          node,
          { path },
          "the staged snapshot holds every Secret of the cluster; the restored data dirs are verified",
          "nothing to undo (the backup set or the survivor\u2019s moved-aside data dir still has it)",
          false,
          "discard"
        )
      );
    }
    const width = Math.max(2, String(this.steps.length).length);
    return this.steps.map(
      (d, i) => ({ ...d, id: `${String(i + 1).padStart(width, "0")}-${d.action}-${d.node}` })
    );
  }
};

// src/recovery/planners/cert-loss.ts
function planCertLoss(d, c) {
  const { certsOnly, brokenCp, brokenEtcd } = c;
  if (certsOnly.length > 0 && c.etcdCase) {
    throw new InputError(
      `etcd runs on ${certsOnly.join(", ")} but its certificates are gone there, so the probe cannot tell whether ${brokenEtcd.join(", ")} ${brokenEtcd.length === 1 ? "is" : "are"} really lost. Restore the certificates first: put ${certsOnly.join(", ")} in [broken_kube_control_plane] with an empty [broken_etcd] (kube-rescue inventory recover --broken-control-plane ${certsOnly.join(",")}), restore with --backup, then plan again.`
    );
  }
  if (d.kubeadm) {
    planStaticPodCertLoss(d, c);
    return;
  }
  for (const host of certsOnly) d.ensureEtcdCerts(host, void 0);
  for (const host of certsOnly) {
    const ref = d.refOf(host);
    d.push(
      draft(
        "stop-etcd",
        host,
        {},
        `${ref.name} must restart to read its restored certificates; its data stays as it is`,
        "start etcd again",
        false
      ),
      draft("start-etcd", host, {}, `${ref.name} starts with its own data`, "stop etcd", false),
      draft(
        "wait-healthy",
        host,
        { members: [ref], clientURLs: [d.clientOf(host)] },
        "the next member restarts only when this one is back",
        "nothing to undo",
        false
      )
    );
  }
  const { backup } = d;
  for (const host of brokenCp) {
    const object = backup?.certArchives[host];
    if (!object || !backup) {
      throw new InputError(
        `Backup ${backup?.location} has no certificate archive for control-plane node '${host}': take backups without --etcd-only, or remove '${host}' from [broken_kube_control_plane].`
      );
    }
    d.restoreArchiveOnce(
      host,
      { kind: "backup", location: backup.location, object },
      `control-plane certificates of ${host} are lost`
    );
  }
}
function planStaticPodCertLoss(d, c) {
  const { backup } = d;
  const archiveOf = (host) => {
    const object = backup?.certArchives[host];
    if (!object || !backup) {
      throw new InputError(
        `Backup ${backup?.location ?? "(none given)"} has no certificate archive for control-plane node '${host}': on kubeadm its certificates and static-pod manifests come back from that archive only. Pass --backup with a set taken without --etcd-only.`
      );
    }
    return { kind: "backup", location: backup.location, object };
  };
  const hosts = [.../* @__PURE__ */ new Set([...c.certsOnly, ...c.brokenCp])].filter((h) => !d.hasArchive(h));
  const members = hosts.filter((h) => d.etcdHosts.has(h));
  for (const host of members) {
    d.stopEtcd(
      host,
      `etcd of ${host} restarts on the certificates and manifest of its archive`,
      "stop"
    );
  }
  for (const host of hosts) {
    d.restoreArchiveOnce(
      host,
      archiveOf(host),
      c.certsOnly.includes(host) ? `etcd certificates are missing on ${host}` : `control-plane certificates of ${host} are lost`
    );
  }
  for (const host of members) {
    d.push(
      draft(
        "start-etcd",
        host,
        {},
        `${d.refOf(host).name} starts with its own data and its restored certificates`,
        "stop etcd",
        false,
        "start"
      )
    );
  }
  if (members.length > 0) {
    d.push(
      draft(
        "wait-healthy",
        members[0],
        { members: members.map((h) => d.refOf(h)), clientURLs: members.map((h) => d.clientOf(h)) },
        "the members that restarted must be healthy before anything else",
        "nothing to undo",
        false
      )
    );
  }
}
function planControlPlaneRestarts(d, brokenCp, restoredSnapshot, replacedMembers) {
  const restartOn = new Set(brokenCp);
  if (restoredSnapshot) for (const h of d.inventory.controlPlane) restartOn.add(h);
  const localEtcdReplaced = d.kubeadm && !restoredSnapshot ? replacedMembers : [];
  for (const h of localEtcdReplaced) restartOn.add(h);
  for (const host of d.inventory.controlPlane.filter((h) => restartOn.has(h))) {
    d.push(
      draft(
        "restart-control-plane",
        host,
        {
          reason: brokenCp.includes(host) ? "its certificates were replaced" : restoredSnapshot ? "etcd was restored; the API server must relist" : "its etcd member was replaced; the API server reads only that member and may be in back-off"
        },
        "what reads the certificates or etcd must restart to see them",
        "nothing to undo",
        false,
        // After a snapshot restore every API server must relist and none serves meanwhile:
        // all nodes at once (each step only stops containers and restarts the kubelet, it
        // waits for nothing). Otherwise one node after another, as the certificates came back.
        restoredSnapshot ? "restart" : void 0
      )
    );
  }
}

// src/recovery/planners/host-removal.ts
function checkRemovableHosts(inventory, removeHosts) {
  if (removeHosts.length === 0) return;
  const etcdHosts = new Set(inventory.etcd.map((e) => e.host));
  const cpHosts = new Set(inventory.controlPlane);
  for (const h of removeHosts) {
    if (etcdHosts.has(h) || cpHosts.has(h)) continue;
    if (inventory.hosts?.includes(h)) {
      throw new InputError(
        `--remove-host ${h}: host '${h}' of ${inventory.source} is in neither [etcd] nor [kube_control_plane]; recovery removes only those. For a worker that will not return, run 'kubectl delete node ${inventory.nodeNames?.[h] ?? h}' yourself (or Kubespray's remove-node.yml).`
      );
    }
    throw new InputError(
      `--remove-host ${h}: there is no host '${h}' in ${inventory.source}. Name hosts as the inventory does (its [etcd]: ${inventory.etcd.map((e) => e.host).join(", ") || "none"}), then run again.`
    );
  }
  const gone = new Set(removeHosts);
  if (inventory.etcd.every((e) => gone.has(e.host))) {
    throw new InputError(
      `--remove-host would remove every etcd member of ${inventory.source} (${removeHosts.join(", ")}): no member would be left to restore the cluster to. Keep at least one etcd host; to rebuild on new hosts, add them to [etcd] and restore with --backup.`
    );
  }
  if (inventory.controlPlane.length > 0 && inventory.controlPlane.every((h) => gone.has(h))) {
    throw new InputError(
      `--remove-host would remove every control-plane host of ${inventory.source} (${removeHosts.join(", ")}): no API server would be left. Keep at least one host of [kube_control_plane].`
    );
  }
}
function withoutRemovedHosts(inventory, state, options) {
  const removed = [...new Set(options.removeHosts ?? [])];
  if (removed.length === 0) return { inventory, removals: [] };
  checkRemovableHosts(inventory, removed);
  const gone = new Set(removed);
  const etcd = inventory.etcd.filter((e) => !gone.has(e.host));
  const controlPlane = inventory.controlPlane.filter((h) => !gone.has(h));
  const cpHosts = new Set(inventory.controlPlane);
  const healthy = removed.filter((h) => {
    const e = state.etcd.find((s) => s.host === h);
    if (e) return e.healthy;
    const c = state.controlPlane.find((s) => s.host === h);
    return Boolean(c?.reachable && c.certsPresent);
  });
  if (healthy.length > 0 && !options.force) {
    throw new InputError(
      `--remove-host ${healthy.join(", ")}: the probe finds ${healthy.length === 1 ? "this host" : "these hosts"} healthy, so removing ${healthy.length === 1 ? "it" : "them"} would shrink a working cluster (its etcd member leaves, its Node is deleted). Drop --remove-host for hosts that will return, or pass --force if the shrink is intended.`
    );
  }
  const removals = removed.map((host) => {
    const e = inventory.etcd.find((m) => m.host === host);
    const peer = state.etcd.find((s) => s.host === host)?.peerUrl ?? (e && peerURLOf(e.address));
    const listed = e ? state.members.find((m) => m.name === e.memberName || peer && m.peerURLs.includes(peer)) : void 0;
    const nodeName = inventory.nodeNames ? inventory.nodeNames[host] : cpHosts.has(host) ? host : void 0;
    return { host, ...listed ? { listed } : {}, ...nodeName ? { nodeName } : {} };
  });
  const keep = (hosts) => hosts?.filter((h) => !gone.has(h));
  return {
    inventory: {
      ...inventory,
      etcd,
      controlPlane,
      brokenEtcd: keep(inventory.brokenEtcd),
      brokenControlPlane: keep(inventory.brokenControlPlane)
    },
    removals
  };
}
function planLeavingMembers(d, given, removals, c) {
  const leaving = removals.filter((r) => r.listed && c.working);
  for (const r of leaving) {
    d.push(
      draft(
        "member-remove",
        c.control,
        { member: r.listed.name, memberId: r.listed.id },
        `${r.host} will not return (--remove-host): ${r.listed.name} leaves the cluster; nothing runs on ${r.host}`,
        `etcdctl member add ${r.listed.name} --peer-urls=${r.listed.peerURLs[0] ?? "<its peer URL>"} once the host is back with an empty data dir`,
        true
      )
    );
  }
  for (const r of removals) {
    const member = given.etcd.find((e) => e.host === r.host);
    if (!member) continue;
    const how = leaving.includes(r) ? `leaves the member list (removed from ${c.control})` : c.restoresSnapshot ? "is left out of the restored cluster (--initial-cluster)" : r.listed ? "stays in the member list: no healthy member can remove it now" : "is not in the member list: nothing to remove";
    d.warnings.push(
      `${r.host} (${member.memberName}) will not return: it ${how}. Nothing runs on ${r.host}; its data dir ${d.paths.dataDir} there is left as it was \u2014 should the host come back, move that dir aside before its etcd starts (the cluster refuses a removed member).`
    );
  }
  return leaving;
}
function planNodeDeletions(d, removals, anchor) {
  const nodes = removals.filter((r) => r.nodeName);
  if (nodes.length === 0) return;
  const { inventory, state } = d;
  const candidates = [
    ...inventory.controlPlane.filter((h) => h === anchor),
    ...inventory.controlPlane.filter((h) => h !== anchor)
  ];
  const withKubectl = candidates.find((h) => state.kubectlOn?.includes(h));
  const runner = withKubectl ?? (state.layout === "kubeadm" ? candidates[0] : void 0);
  for (const r of nodes) {
    if (!runner) {
      d.warnings.push(
        `${r.host} will not return, but no control-plane node left here has kubectl with ${ADMIN_KUBECONFIG}: delete its Node yourself once the API answers ('kubectl delete node ${r.nodeName}', or Kubespray's remove-node.yml -e node=${r.host} -e reset_nodes=false).`
      );
      continue;
    }
    const params = {
      nodeName: r.nodeName,
      host: r.host,
      kubeconfig: ADMIN_KUBECONFIG
    };
    d.push(
      draft(
        "delete-node",
        runner,
        params,
        `${r.host} will not return: its Node object goes, so nothing waits for it or schedules onto it`,
        "the kubelet re-registers the Node when the host returns; nothing was moved on a node",
        true
      )
    );
  }
}

// src/recovery/planners/member-loss.ts
function planMemberLoss(d, c) {
  const { state, stateOf, etcdHosts, paths } = d;
  const { control } = c;
  const current = state.members.filter((m) => !c.membersLeaving.some((r) => r.listed.id === m.id)).map((m) => ({ name: m.name, peerURL: m.peerURLs[0] ?? "" }));
  for (const host of c.brokenEtcd) {
    const e = etcdHosts.get(host);
    const listed = state.members.find((m) => m.name === e.memberName);
    if (listed) {
      d.push(
        draft(
          "member-remove",
          control,
          { member: e.memberName, memberId: listed.id },
          `${e.memberName} (${host}) is broken; it must leave before a blank node can rejoin under its name`,
          `etcdctl member add ${e.memberName} --peer-urls=${listed.peerURLs[0] ?? peerURLOf(e.address)} (the next steps do exactly that)`,
          true
        )
      );
      current.splice(
        current.findIndex((r) => r.name === e.memberName),
        1
      );
    }
    d.stopEtcd(
      host,
      stateOf.get(host)?.etcdRunning ? `a broken etcd still runs on ${host}` : `the kubelet would restart the broken etcd of ${host} from its manifest`
    );
    d.ensureEtcdCerts(host, control);
    d.moveAside(host, paths.dataDir, `a rejoining member must start with an empty data dir`);
    d.rejoin(host, control, current, void 0, control);
  }
}

// src/recovery/revision-bump.ts
var BUMP_REVISION = 1e9;
var ASSUMED_WRITES_PER_SECOND = 1500;
function chooseRevisionBump(seenRevision, snapshotRevision, backupCreatedAt, options) {
  const gap = seenRevision !== void 0 && snapshotRevision !== void 0 ? Math.max(0, seenRevision - snapshotRevision) : void 0;
  const what = 'so that the restored revision is above every revision the old cluster handed out, and --mark-compacted makes a watch from before the restore fail with "compacted" (clients relist) instead of silently resuming';
  if (options.bumpRevision !== void 0) {
    if (gap !== void 0 && options.bumpRevision <= gap) {
      throw new InputError(
        `--bump-revision ${options.bumpRevision} is not above the ${gap} revisions the running members handed out after the snapshot (revision ${snapshotRevision} \u2192 ${seenRevision}): revisions would repeat for clients. Pass more than ${gap}, or leave --bump-revision out (default ${BUMP_REVISION.toLocaleString("en-US")}).`
      );
    }
    return {
      amount: options.bumpRevision,
      reason: `--bump-revision ${options.bumpRevision} as asked, ${what}`
    };
  }
  const ageSeconds = backupCreatedAt ? Math.max(0, (options.now.getTime() - Date.parse(backupCreatedAt)) / 1e3) : void 0;
  const byAge = ageSeconds !== void 0 ? ageSeconds * ASSUMED_WRITES_PER_SECOND : 0;
  const byGap = gap !== void 0 ? gap * 2 : 0;
  const needed = Math.max(BUMP_REVISION, byAge, byGap);
  const amount = Math.ceil(needed / BUMP_REVISION) * BUMP_REVISION;
  const why = amount === BUMP_REVISION ? `${BUMP_REVISION.toLocaleString("en-US")} (etcd's recovery guide: more than the writes since the snapshot \u2014 1e9 covers a week at ${ASSUMED_WRITES_PER_SECOND} writes/s; OpenShift's cluster-restore.sh bumps by the same)` : byAge >= byGap ? `${amount.toLocaleString("en-US")}: the backup is ${Math.round(ageSeconds / 86400)} days old, and at etcd's assumed ${ASSUMED_WRITES_PER_SECOND} writes/s that is more than the default 1e9 covers` : `${amount.toLocaleString("en-US")}: running members handed out ${gap} revisions after the snapshot, doubled for what went unseen`;
  return { amount, reason: `bump by ${why}, ${what}` };
}

// src/recovery/planners/snapshot-restore.ts
var stagePathOf = (d) => `${d.staging}/kube-rescue-${d.ts}.XXXXXX/etcd.db`;
function bumpAbility(d) {
  const { inventory, stateOf, state, options } = d;
  const cannotBump = inventory.etcd.filter(
    (e) => !(stateOf.get(e.host)?.tools?.bumpRevision ?? state.toolsBumpRevision)
  );
  if (cannotBump.length === 0) return { bump: true };
  const tools = stateOf.get(cannotBump[0].host)?.tools;
  const version = tools ? `${tools.snapshotTool} ${tools.snapshotToolVersion} on ${cannotBump.map((e) => e.host).join(", ")}` : state.toolsVersion;
  if (options.bumpRevision !== void 0) {
    throw new InputError(
      `--bump-revision ${options.bumpRevision}: the etcd tools here (${version}) cannot bump the revision \u2014 --bump-revision/--mark-compacted came with etcdutl in etcd 3.5. Leave --bump-revision out to restore without a bump, or install etcd 3.5+ tools (etcd, etcdutl) on the etcd nodes.`
    );
  }
  const reason = `etcd tools ${version} cannot --bump-revision/--mark-compacted (they came in 3.5): the revision is not bumped, so Kubernetes watchers and caches may keep serving objects newer than the snapshot until they relist; the plan restarts the control plane for that (etcd#16028).`;
  d.warnings.push(reason);
  return { bump: false, revisionBump: { amount: 0, markCompacted: false, reason } };
}
function bumpFor(d, choice) {
  const { inventory, stateOf, backup, options } = d;
  const seen = Math.max(
    ...inventory.etcd.map((e) => stateOf.get(e.host)?.revision ?? Number.NEGATIVE_INFINITY)
  );
  const { source } = choice;
  const snapshotRevision = source.kind === "backup" ? source.revision : stateOf.get(choice.first)?.revision;
  const chosen = chooseRevisionBump(
    Number.isFinite(seen) ? seen : void 0,
    snapshotRevision,
    source.kind === "backup" ? backup?.createdAt : void 0,
    options
  );
  return { ...chosen, markCompacted: true };
}
function backupSnapshot(d, first) {
  const backup = d.backup;
  d.expect.minRevision = backup.revision;
  d.expect.totalKey = backup.totalKey;
  d.expect.fingerprint = backup.fingerprint;
  d.expect.hashKV = backup.hashKV;
  return {
    source: { kind: "backup", location: backup.location, revision: backup.revision },
    origin: { kind: "backup", location: backup.location, object: backup.snapshotObject },
    first
  };
}
function planRestoreFromSnapshot(d, choice, revisionBump, strategy) {
  const { inventory, stateOf, paths, ts, envFile, state } = d;
  const { origin, first } = choice;
  const stagePath = stagePathOf(d);
  const token = `${state.clusterName || "etcd"}-restore-${ts}`.toLowerCase();
  const order = [first, ...inventory.etcd.map((e) => e.host).filter((h) => h !== first)];
  const all = order.map((h) => d.refOf(h));
  const restoreNow = strategy === "parallel" ? order : [first];
  for (const host of order) {
    d.stopEtcd(
      host,
      "every member is rebuilt from one snapshot; nothing may write meanwhile",
      "stop"
    );
  }
  const peerWithCerts = inventory.etcd.find((e) => stateOf.get(e.host)?.etcdCertsPresent)?.host;
  for (const host of order) d.ensureEtcdCerts(host, peerWithCerts, "prepare");
  for (const host of order) {
    d.moveAside(host, paths.dataDir, "the old data dir is kept, never deleted", "prepare");
  }
  for (const host of restoreNow) {
    const sameNode = origin.kind === "node" && origin.node === host;
    if (!sameNode) {
      d.push({
        ...draft(
          "fetch-snapshot",
          host,
          { from: origin, to: stagePath },
          "the snapshot must be on the node that restores it",
          `rm ${stagePath}`,
          false,
          "prepare"
        ),
        lane: "upload"
      });
    }
  }
  const initialClusterOf = (host) => clusterString(strategy === "parallel" ? all : [d.refOf(host)]);
  for (const host of restoreNow) {
    const ref = d.refOf(host);
    d.push(
      draft(
        "restore-snapshot",
        host,
        {
          snapshot: stagePath,
          dataDir: paths.dataDir,
          member: ref.name,
          peerURL: ref.peerURL,
          initialCluster: initialClusterOf(host),
          initialClusterToken: token,
          ...revisionBump?.amount ? { bumpRevision: revisionBump.amount, markCompacted: true } : {}
        },
        (strategy === "parallel" ? "every member from the same snapshot, with the full member list and a new cluster token (etcd disaster recovery)" : `${ref.name} alone from the snapshot; the others rejoin one at a time (Kubespray's way)`) + (revisionBump?.amount ? `; with ${stateOf.get(host)?.tools?.snapshotTool ?? "etcdutl"} snapshot restore --bump-revision=${revisionBump.amount} --mark-compacted: ${revisionBump.reason}` : "; no revision bump (the tools cannot)"),
        `stop etcd, then mv ${paths.dataDir}.${ts} ${paths.dataDir}`,
        true,
        "restore"
      )
    );
  }
  for (const host of restoreNow) {
    d.push({
      ...draft(
        "write-env",
        host,
        { set: d.envFor(host, initialClusterOf(host), token), templateFrom: peerWithCerts },
        "the env file must name the restored cluster",
        `the previous ${envFile} is kept as ${keptCopyOf(envFile, paths.manifestsDir, ts)}`,
        false,
        "restore"
      ),
      lane: "env"
    });
  }
  for (const host of restoreNow) {
    d.push(
      draft(
        "start-etcd",
        host,
        {},
        strategy === "parallel" ? "the restored members start together (each waits for the others to form a quorum)" : "the single restored member starts",
        "stop etcd",
        false,
        "start"
      )
    );
  }
  const restoredRefs = restoreNow.map((h) => d.refOf(h));
  d.push(
    draft(
      "wait-healthy",
      first,
      { members: restoredRefs, clientURLs: restoreNow.map((h) => d.clientOf(h)) },
      "the next steps need a working cluster",
      "nothing to undo",
      false
    )
  );
  if (strategy === "grow") {
    const current = [...restoredRefs];
    for (const host of order.slice(1)) d.rejoin(host, first, current, token, peerWithCerts);
  }
}

// src/recovery/planners/quorum-loss.ts
function planQuorumLoss(d, survivors) {
  const ability = bumpAbility(d);
  let choice;
  if (d.backup && d.options.preferBackupSnapshot) {
    choice = backupSnapshot(d, survivors[0].host);
    d.warnings.push(
      `${survivors.map((s) => s.host).join(", ")} still hold data, but the backup's snapshot was asked for: writes after revision ${d.backup.revision} are lost.`
    );
  } else {
    choice = survivorSnapshot(d, survivors);
  }
  const revisionBump = ability.bump ? bumpFor(d, choice) : ability.revisionBump;
  planRestoreFromSnapshot(d, choice, revisionBump, d.options.strategy);
  return { choice, revisionBump };
}
function survivorSnapshot(d, survivors) {
  const best = [...survivors].sort(
    (a, b) => (d.stateOf.get(b.host).raftIndex ?? 0) - (d.stateOf.get(a.host).raftIndex ?? 0)
  )[0];
  const bs = d.stateOf.get(best.host);
  const stagePath = stagePathOf(d);
  d.push(
    draft(
      "snapshot-save",
      best.host,
      { endpoint: d.clientOf(best.host), path: stagePath },
      `${best.host} has the highest raft index (${bs.raftIndex}) of the survivors`,
      `rm ${stagePath} on ${best.host} when the recovery is done`,
      false
    )
  );
  return {
    source: {
      kind: "survivor",
      node: best.host,
      member: best.memberName,
      raftIndex: bs.raftIndex ?? 0
    },
    origin: { kind: "node", node: best.host, path: stagePath },
    first: best.host
  };
}

// src/recovery/planners/refusals.ts
function minorOf(version) {
  const m = /^v?(\d+)\.(\d+)/.exec(version ?? "");
  return m ? [Number(m[1]), Number(m[2])] : void 0;
}
function refuseUnknownBrokenHosts(given, source) {
  for (const [group, hosts, known] of [
    ["broken_etcd", given.brokenEtcd ?? [], new Set(given.etcd.map((e) => e.host))],
    ["broken_kube_control_plane", given.brokenControlPlane ?? [], new Set(given.controlPlane)]
  ]) {
    for (const h of hosts) {
      if (!known.has(h)) {
        throw new InputError(
          `${source}: host '${h}' in [${group}] is not in [${group === "broken_etcd" ? "etcd" : "kube_control_plane"}]. List only hosts of that group (check the spelling), then run again.`
        );
      }
    }
  }
}
function refuseUnreachable(hosts, stateOf, cpStateOf) {
  const unreachable = hosts.filter(
    (h) => (stateOf.get(h)?.reachable ?? cpStateOf.get(h)?.reachable) === false
  );
  if (unreachable.length > 0) {
    const why = unreachable.map((h) => {
      const errs = stateOf.get(h)?.errors ?? cpStateOf.get(h)?.errors ?? [];
      return errs.length > 0 ? `${h}: ${errs[0]}` : h;
    }).join("\n  ");
    throw new InputError(
      `${unreachable.length === 1 ? "This broken host does" : "These broken hosts do"} not answer, and recovery must run commands on ${unreachable.length === 1 ? "it" : "them"}:
  ${why}
Bring them back or re-provision them (same IP, same hostname, SSH key authorized), check --transport/--ssh-user/--ssh-key, then run again. A host that will not return: name it with --remove-host ${unreachable[0]} (action input remove-hosts), and the cluster shrinks without it.`
    );
  }
}
function refuseUncertain(inventory, stateOf, c, options) {
  if (options.force) return;
  const { brokenEtcd, brokenFrom, restoresSnapshot } = c;
  const declared = brokenFrom === "inventory" ? brokenEtcd : [];
  const targets = restoresSnapshot ? inventory.etcd.map((e) => e.host) : brokenEtcd;
  const uncertain = targets.filter((h) => !declared.includes(h) && stateOf.get(h)?.unknown);
  if (uncertain.length === 0) return;
  const one = uncertain.length === 1;
  throw new InputError(
    `${uncertain.map((h) => `${h} ${stateOf.get(h).unknown}`).join(";\n")};
the cluster may be healthy: no answer in time is no evidence that ${one ? "this member is" : "these members are"} lost, and this plan would ${restoresSnapshot ? "restore a snapshot over" : "replace"} ${uncertain.join(", ")} (${brokenEtcd.length} of ${inventory.etcd.length} members judged broken). Nothing was changed. Run plan again (when the nodes are less loaded, or with a longer --probe-timeout), or pass --force if you know ${uncertain.join(", ")} to be lost, or name the broken hosts in [broken_etcd].`
  );
}
function refuseEmptyQuorum(stateOf, c, options) {
  if (options.force || c.restoresSnapshot || c.brokenEtcd.length === 0) return;
  if (c.etcdCase !== "member-loss") return;
  const revisions = c.healthyVoters.map((v) => stateOf.get(v.host)?.revision);
  if (revisions.length === 0 || !revisions.every((r) => r !== void 0 && r <= 1)) return;
  const holding = c.brokenEtcd.filter((h) => stateOf.get(h)?.dataDir === "present");
  if (holding.length === 0) return;
  const hosts = c.healthyVoters.map((v) => v.host);
  throw new InputError(
    `${hosts.join(", ")} answer${hosts.length === 1 ? "s" : ""} healthy, but with an empty store (revision ${revisions.join(", ")}: no write ever reached ${hosts.length === 1 ? "it" : "them"}), and this plan would replace ${holding.join(", ")} from ${hosts.length === 1 ? "it" : "them"}, whose data dir still holds data: if that is the cluster's data, replacing ${holding.length === 1 ? "it" : "them"} loses it. A Kubernetes cluster never sits at revision 1: these look like members etcd re-created on wiped data dirs. Nothing was changed. Name the wiped hosts in [broken_etcd] (then the plan restores a snapshot), or pass --force if the cluster really is new and empty.`
  );
}
function refuseUnsafeRestore(inventory, state, stateOf, backup, options, c) {
  const { etcdCase, brokenEtcd, brokenCp, healthyVoters, restoresSnapshot, removals, brokenFrom } = c;
  if (restoresSnapshot && state.quorum && !options.force) {
    throw new InputError(
      `The cluster still has quorum (the probe found ${healthyVoters.length} healthy of ${state.members.length} members), but the inventory marks ${brokenEtcd.join(", ")} as broken so that no healthy member would remain: restoring a snapshot over a working cluster throws away every write since the snapshot. Remove the healthy hosts from [broken_etcd], or pass --force if that loss is intended.`
    );
  }
  const healthy = inventory.etcd.filter((e) => stateOf.get(e.host)?.healthy).map((e) => e.host).filter((h) => brokenFrom === "probe" || brokenEtcd.includes(h));
  if (restoresSnapshot && healthy.length > 0 && !options.force) {
    throw new InputError(
      `${healthy.join(", ")} answered healthy, yet this plan (${etcdCase}) would restore a snapshot onto ${brokenEtcd.join(", ")}: with a healthy member the cluster should get a member-replacement plan, and a snapshot restore would throw away every write since the snapshot. Nothing was changed. Run plan again, or pass --force if that loss is intended.`
    );
  }
  const running = inventory.etcd.map((e) => e.host).filter((h) => {
    const s = stateOf.get(h);
    const askable = s?.etcdRunning && s.etcdCertsPresent && !s.lost;
    return askable && !(brokenFrom === "inventory" && brokenEtcd.includes(h));
  });
  if (etcdCase === "total-loss" && running.length > 0 && !options.force) {
    throw new InputError(
      `etcd runs on ${running.join(", ")} but the probe got no status from ${running.length === 1 ? "it" : "them"}, so ${running.length === 1 ? "it is" : "they are"} not known to be lost: a total-loss plan would restore the backup over ${running.length === 1 ? "a member" : "members"} that may hold newer data. Nothing was changed. Run plan again, or pass --force if you know ${running.join(", ")} to be lost.`
    );
  }
  const etcdVersions = restoresSnapshot ? nodeEtcdVersions(inventory, stateOf, state) : void 0;
  if (etcdVersions && etcdVersions.minors.size > 1 && !options.force) {
    throw new InputError(
      `The etcd nodes run different etcd minor versions (${etcdVersions.list}): a snapshot is restored and then served by one etcd minor. Install the same etcd version on every etcd node (etcd, etcdctl, etcdutl), or pass --force if a mixed cluster is intended.`
    );
  }
  if (etcdCase === "total-loss" && !backup) {
    throw new InputError(
      `No etcd member has data left (${inventory.etcd.map((e) => e.host).join(", ")} ${inventory.etcd.length === 1 ? "is" : "are all"} broken or unreachable${removals.length > 0 ? `, and ${removals.map((r) => r.host).join(", ")} will not return` : ""}), so the cluster can only come back from a backup set: pass --backup DIR|URL.`
    );
  }
  if (brokenCp.length > 0 && !backup) {
    throw new InputError(
      `Control-plane certificates must be restored on ${brokenCp.join(", ")}, and only a backup set has them: pass --backup DIR|URL (a backup taken with certificates, not --etcd-only).`
    );
  }
  if (backup) {
    if (state.clusterName && backup.clusterName !== state.clusterName && !options.force) {
      throw new InputError(
        `Backup ${backup.location} is of cluster '${backup.clusterName}', but the inventory ${inventory.source} describes '${state.clusterName}'. Pick a backup of this cluster, or pass --force if the name changed.`
      );
    }
    if (backup.clusterId && state.clusterId && backup.clusterId !== state.clusterId && !options.force) {
      throw new InputError(
        `Backup ${backup.location} comes from etcd cluster id ${backup.clusterId}, the running cluster is ${state.clusterId}. Pick a backup of this cluster, or pass --force.`
      );
    }
    const runningVersion = state.serverVersion ?? etcdVersions?.first ?? state.toolsVersion;
    const running2 = minorOf(runningVersion);
    const saved = minorOf(backup.etcdVersion);
    const differs = running2 && saved && (running2[0] !== saved[0] || running2[1] !== saved[1]);
    if (restoresSnapshot && differs && !options.force) {
      throw new InputError(
        `Backup ${backup.location} was taken from etcd ${backup.etcdVersion}, the nodes run ${runningVersion}: a snapshot is restored with the same minor version. Restore with matching etcd tools, or pass --force.`
      );
    }
    if (backup.encrypted && !options.haveIdentity) {
      throw new InputError(
        `Backup ${backup.location} is encrypted with age: pass --identity FILE (the age identity of one of its recipients).`
      );
    }
  }
}
function nodeEtcdVersions(inventory, stateOf, state) {
  const unknown = inventory.etcd.filter((e) => stateOf.get(e.host)?.toolsError);
  if (unknown.length > 0) {
    throw new InputError(
      `Cannot tell which etcd ${unknown.length === 1 ? "this node has" : "these nodes have"}, and a snapshot restore depends on it (etcdutl or etcdctl, revision bump, snapshot version):
  ` + unknown.map((e) => stateOf.get(e.host).toolsError).join("\n  ") + "\nInstall etcd, etcdctl and etcdutl of the cluster's version on each (Kubespray puts them in /usr/local/bin), then run again. Nothing was changed."
    );
  }
  const versions = inventory.etcd.flatMap((e) => {
    const t = stateOf.get(e.host)?.tools;
    const v = t?.server ?? t?.snapshotToolVersion;
    return v ? [{ host: e.host, v }] : [];
  });
  if (state.serverVersion) versions.push({ host: "the running members", v: state.serverVersion });
  const minors = new Set(
    versions.flatMap(({ v }) => {
      const m = minorOf(v);
      return m ? [`${m[0]}.${m[1]}`] : [];
    })
  );
  return {
    ...versions[0] ? { first: versions[0].v } : {},
    minors,
    list: versions.map(({ host, v }) => `${host}: ${v}`).join(", ")
  };
}
function refuseStaticPodMismatch(inventory, state, stateOf, recovering) {
  if (state.layout !== "kubeadm") return;
  const cp = new Set(inventory.controlPlane);
  const offCp = inventory.etcd.filter((e) => !cp.has(e.host)).map((e) => e.host);
  if (offCp.length > 0) {
    throw new InputError(
      `${inventory.source}: ${offCp.map((h) => `'${h}'`).join(", ")} ${offCp.length === 1 ? "is" : "are"} in [etcd] but not in [kube_control_plane]: kubeadm runs etcd only as a static pod of a control-plane node (${state.paths.etcdManifest ?? `${state.paths.manifestsDir}/etcd.yaml`} there). Put every etcd host in [kube_control_plane] (or use --layout kubespray for etcd on hosts of its own), then run again.`
    );
  }
  if (!recovering) return;
  const problems = [];
  for (const e of inventory.etcd) {
    const f = stateOf.get(e.host)?.staticPod;
    if (!f) continue;
    const missing = [f.crictl ? "" : "crictl", f.ctr ? "" : "ctr"].filter(Boolean);
    if (missing.length > 0) {
      problems.push(
        `${e.host}: no ${missing.join(" and no ")} on its PATH \u2014 kube-rescue confirms each stop and start of the etcd static pod with crictl and runs the etcd image's etcdctl/etcdutl with ctr (containerd). Install ${missing.includes("crictl") ? "cri-tools" : ""}${missing.length === 2 ? " and " : ""}${missing.includes("ctr") ? "containerd" : ""} on ${e.host}`
      );
    }
    if (f.kubeletStaticPodPath && f.kubeletStaticPodPath !== state.paths.manifestsDir) {
      problems.push(
        `${e.host}: its kubelet reads static pods from ${f.kubeletStaticPodPath} (staticPodPath of /var/lib/kubelet/config.yaml), not from ${state.paths.manifestsDir} where the layout keeps etcd.yaml \u2014 stopping etcd there by moving its manifest would not stop it`
      );
    }
  }
  if (problems.length > 0) {
    throw new InputError(
      `The static-pod flow cannot run on this kubeadm cluster; refusing before any change:
${problems.map((p) => `- ${p}`).join("\n")}
Nothing was changed. Fix the nodes (or pass the layout's paths to match the kubelet), then run again.`
    );
  }
}

// src/recovery/planners/total-loss.ts
function planTotalLoss(d) {
  const ability = bumpAbility(d);
  const choice = backupSnapshot(d, d.inventory.etcd[0].host);
  const revisionBump = ability.bump ? bumpFor(d, choice) : ability.revisionBump;
  planRestoreFromSnapshot(d, choice, revisionBump, d.options.strategy);
  return { choice, revisionBump };
}

// src/recovery/plan-types.ts
function deleteNodeArgv(params) {
  return [
    "kubectl",
    `--kubeconfig=${params.kubeconfig}`,
    "delete",
    "node",
    params.nodeName,
    "--ignore-not-found"
  ];
}

// src/recovery/plan.ts
function classify(inventory, state, d, removals) {
  const { stateOf } = d;
  const cpStateOf = new Map(state.controlPlane.map((c) => [c.host, c]));
  const brokenFrom = inventory.brokenEtcd !== void 0 || inventory.brokenControlPlane !== void 0 ? "inventory" : "probe";
  const certsOnly = brokenFrom === "probe" ? inventory.etcd.filter((e) => {
    const s = stateOf.get(e.host);
    return s?.reachable && s.etcdRunning && !s.healthy && !s.etcdCertsPresent;
  }).map((e) => e.host) : [];
  const brokenEtcd = inventory.brokenEtcd ?? inventory.etcd.filter((e) => !stateOf.get(e.host)?.healthy && !certsOnly.includes(e.host)).map((e) => e.host);
  const brokenCp = inventory.brokenControlPlane ?? inventory.controlPlane.filter((h) => !cpStateOf.get(h)?.certsPresent);
  const brokenSet = new Set(brokenEtcd);
  const survivors = inventory.etcd.filter((e) => {
    const s = stateOf.get(e.host);
    const declaredBroken = brokenFrom === "inventory" && brokenSet.has(e.host);
    return !declaredBroken && s?.reachable && s.etcdRunning && s.raftIndex !== void 0 && !s.lost;
  });
  const healthyVoters = inventory.etcd.filter(
    (e) => !brokenSet.has(e.host) && stateOf.get(e.host)?.healthy
  );
  const cases = [];
  let etcdCase;
  if (brokenEtcd.length > 0) {
    if (state.quorum && healthyVoters.length > 0) etcdCase = "member-loss";
    else if (survivors.length > 0) etcdCase = "quorum-loss";
    else etcdCase = "total-loss";
    cases.push(etcdCase);
  }
  if (brokenCp.length > 0 || certsOnly.length > 0) cases.push("cert-loss");
  if (removals.length > 0) cases.push("host-removal");
  if (cases.length === 0) cases.push("healthy");
  const restoresSnapshot = etcdCase === "quorum-loss" || etcdCase === "total-loss";
  return {
    brokenFrom,
    certsOnly,
    brokenEtcd,
    brokenCp,
    survivors,
    healthyVoters,
    cases,
    etcdCase,
    restoresSnapshot,
    removals
  };
}
function buildPlan(given, state, backup, options) {
  const { inventory, removals } = withoutRemovedHosts(given, state, options);
  refuseUnknownBrokenHosts(given, inventory.source);
  const d = new PlanDraft(inventory, state, backup, options);
  const c = classify(inventory, state, d, removals);
  const { brokenEtcd, brokenCp, certsOnly, healthyVoters, survivors, etcdCase } = c;
  if (d.kubeadm) {
    for (const h of brokenCp) if (backup?.certArchives[h]) d.archiveHosts.add(h);
  }
  refuseUncertain(inventory, d.stateOf, c, options);
  refuseEmptyQuorum(d.stateOf, c, options);
  refuseUnreachable(
    [.../* @__PURE__ */ new Set([...brokenEtcd, ...brokenCp])],
    d.stateOf,
    new Map(state.controlPlane.map((s) => [s.host, s]))
  );
  refuseUnsafeRestore(inventory, state, d.stateOf, backup, options, c);
  refuseStaticPodMismatch(given, state, d.stateOf, !c.cases.includes("healthy"));
  let anchor = healthyVoters[0]?.host ?? inventory.etcd[0]?.host ?? inventory.controlPlane[0];
  const working = state.quorum && healthyVoters.length > 0;
  const membersLeaving = planLeavingMembers(d, given, removals, {
    working,
    control: healthyVoters[0]?.host,
    restoresSnapshot: c.restoresSnapshot
  });
  let strategy = "none";
  let source = { kind: "none" };
  let revisionBump;
  if (etcdCase === "member-loss") {
    strategy = "member-replace";
    planMemberLoss(d, { brokenEtcd, control: healthyVoters[0].host, membersLeaving });
  } else if (etcdCase === "quorum-loss" || etcdCase === "total-loss") {
    strategy = options.strategy;
    const restored = etcdCase === "quorum-loss" ? planQuorumLoss(d, survivors) : planTotalLoss(d);
    source = restored.choice.source;
    anchor = restored.choice.first;
    revisionBump = restored.revisionBump;
  }
  planCertLoss(d, { certsOnly, brokenCp, brokenEtcd, etcdCase: etcdCase !== void 0 });
  planControlPlaneRestarts(
    d,
    brokenCp,
    c.restoresSnapshot,
    etcdCase === "member-loss" ? brokenEtcd : []
  );
  planNodeDeletions(d, removals, anchor);
  const steps = d.finish(anchor);
  const brokenWhy = Object.fromEntries(
    brokenEtcd.flatMap((h) => {
      const s = d.stateOf.get(h);
      const why = s?.lost ?? s?.unknown ?? s?.errors?.join("; ");
      return why ? [[h, why]] : [];
    })
  );
  return {
    cluster: state.clusterName,
    case: c.cases.join("+"),
    cases: c.cases,
    strategy: etcdCase ? strategy : c.cases.includes("cert-loss") ? "certs-only" : membersLeaving.length > 0 ? "member-remove" : "none",
    source,
    layout: state.layout,
    paths: d.paths,
    members: d.members,
    createdAt: options.now.toISOString(),
    brokenEtcd,
    brokenControlPlane: brokenCp,
    removedHosts: removals.map((r) => r.host),
    brokenFrom: c.brokenFrom,
    ...Object.keys(brokenWhy).length > 0 ? { brokenWhy } : {},
    steps,
    warnings: d.warnings,
    ...revisionBump ? { revisionBump } : {},
    ...inventory.nodeNames ? {
      kubeletNodes: Object.entries(inventory.nodeNames).filter(([h]) => !removals.some((r) => r.host === h)).map(([h, nodeName]) => ({ nodeName, addresses: inventory.nodeAddresses?.[h] ?? [] }))
    } : {},
    expect: d.expect
  };
}

// src/recovery/preflight.ts
import { isDeepStrictEqual } from "node:util";

// src/backup/signature.ts
import { spawn } from "node:child_process";
import { mkdtemp as mkdtemp2, readFile as readFile4, rm as rm4, writeFile as writeFile2 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join4 } from "node:path";
var SIGNATURE_NAMESPACE = "kube-rescue-backup";
var MANIFEST_SIGNATURE = "manifest.json.sig";
function sshKeygen(args, stdin) {
  return new Promise((resolve3, reject) => {
    const child = spawn("ssh-keygen", args, {
      stdio: ["pipe", "pipe", "pipe"],
      // No agent: the key is the file given, never whatever an agent offers. A session of
      // its own has no terminal to prompt on: a passphrase-protected key fails, it never hangs.
      env: { ...process.env, SSH_AUTH_SOCK: "" },
      detached: true
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on(
      "error",
      (e) => reject(
        e.code === "ENOENT" ? new OperationError(
          "ssh-keygen is not installed: backup signatures need it (Debian/Ubuntu: apt-get install openssh-client)."
        ) : e
      )
    );
    child.on(
      "close",
      (code) => resolve3({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8")
      })
    );
    child.stdin.on("error", () => {
    });
    child.stdin.end(stdin);
  });
}
async function withPrivateDir(work) {
  const dir = await mkdtemp2(join4(tmpdir2(), "kube-rescue-sig-"));
  try {
    return await work(dir);
  } finally {
    await rm4(dir, { recursive: true, force: true });
  }
}
var oneLine = (s) => s.trim().split("\n").slice(-1)[0] ?? "";
async function signManifest(manifest, keyFile) {
  let key;
  try {
    key = await readFile4(keyFile);
  } catch (err) {
    throw new InputError(
      `--sign-key ${keyFile}: cannot read the key file (${err.code ?? err.message}).`
    );
  }
  if (!/-----BEGIN (OPENSSH|RSA|EC) PRIVATE KEY-----/.test(key.toString("latin1"))) {
    throw new InputError(
      `--sign-key ${keyFile}: not an SSH private key (expected '-----BEGIN OPENSSH PRIVATE KEY-----', as 'ssh-keygen -t ed25519' writes).`
    );
  }
  return withPrivateDir(async (dir) => {
    const copy = join4(dir, "signing-key");
    await writeFile2(
      copy,
      key.toString("latin1").endsWith("\n") ? key : Buffer.concat([key, Buffer.from("\n")]),
      {
        mode: 384
      }
    );
    key.fill(0);
    const r = await sshKeygen(["-Y", "sign", "-f", copy, "-n", SIGNATURE_NAMESPACE], manifest);
    if (r.code !== 0 || !r.stdout.includes("-----BEGIN SSH SIGNATURE-----")) {
      throw new InputError(
        `--sign-key ${keyFile}: ssh-keygen could not sign with this key (${oneLine(r.stderr).replaceAll(copy, keyFile) || `exit ${r.code}`}). Use an unencrypted SSH private key (passphrase-protected keys cannot be used unattended).`
      );
    }
    return Buffer.from(r.stdout, "utf8");
  });
}
async function checkTrustedSigners(file) {
  let text;
  try {
    text = await readFile4(file, "utf8");
  } catch (err) {
    throw new InputError(
      `--trusted-signers ${file}: cannot read the file (${err.code ?? err.message}).`
    );
  }
  const entries = text.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
  if (entries.length === 0) {
    throw new InputError(
      `--trusted-signers ${file}: no signer in it. Expected ssh's allowed_signers format, one line per signer: '<principal> <key type> <base64 key>' (e.g. 'backup@ci ssh-ed25519 AAAA\u2026').`
    );
  }
}
var GOOD = /^Good "[^"]*" signature (?:for (.+) )?with (\S+) key (SHA256:\S+)\s*$/m;
async function checkManifestSignature(manifest, signature, trustedSigners, where) {
  if (!signature) {
    if (!trustedSigners) return { status: "unsigned" };
    throw new InputError(
      `${where}: the set is not signed (no ${MANIFEST_SIGNATURE}), but --trusted-signers ${trustedSigners} requires a trusted signature. Nothing was changed. Restore only a set made by 'kube-rescue backup --sign-key' with a key listed in that file.`
    );
  }
  if (trustedSigners) await checkTrustedSigners(trustedSigners);
  return withPrivateDir(async (dir) => {
    const sigFile = join4(dir, MANIFEST_SIGNATURE);
    await writeFile2(sigFile, signature, { mode: 384 });
    const refuse = (what) => new InputError(
      `${where}: ${what}. The set is refused; nothing was changed. Check that it was written by a trusted 'kube-rescue backup --sign-key' and not altered since (by hand: ssh-keygen -Y verify -f ${trustedSigners} -I <principal> -n ${SIGNATURE_NAMESPACE} -s ${MANIFEST_SIGNATURE} < manifest.json).`
    );
    if (!trustedSigners) {
      const r2 = await sshKeygen(
        ["-Y", "check-novalidate", "-n", SIGNATURE_NAMESPACE, "-s", sigFile],
        manifest
      ).catch((err) => ({ code: 1, stdout: "", stderr: err.message }));
      const good2 = GOOD.exec(r2.stdout + r2.stderr);
      if (r2.code !== 0 || !good2) {
        return { status: "invalid", detail: oneLine(r2.stderr) || `ssh-keygen exit ${r2.code}` };
      }
      return { status: "unchecked", signer: { keyType: good2[2], fingerprint: good2[3] } };
    }
    const found = await sshKeygen(
      ["-Y", "find-principals", "-s", sigFile, "-f", trustedSigners],
      Buffer.alloc(0)
    );
    const principal = found.code === 0 ? found.stdout.split("\n")[0]?.trim() : "";
    if (!principal) {
      const why = oneLine(found.stderr);
      throw refuse(
        `the signature's key is not in --trusted-signers ${trustedSigners}${why && !/No principal matched/i.test(why) ? ` (${why})` : ""}`
      );
    }
    const r = await sshKeygen(
      [
        "-Y",
        "verify",
        "-f",
        trustedSigners,
        "-I",
        principal,
        "-n",
        SIGNATURE_NAMESPACE,
        "-s",
        sigFile
      ],
      manifest
    );
    const good = GOOD.exec(r.stdout + r.stderr);
    if (r.code !== 0 || !good) {
      throw refuse(
        `the signature by ${principal} does not verify over this manifest in namespace ${SIGNATURE_NAMESPACE} (${oneLine(r.stderr) || `ssh-keygen exit ${r.code}`}): the manifest was changed after signing, or the signature was made for something else`
      );
    }
    return {
      status: "trusted",
      signer: { principal: good[1] ?? principal, keyType: good[2], fingerprint: good[3] }
    };
  });
}
function describeSignature(check2) {
  switch (check2.status) {
    case "trusted":
      return `signed by ${check2.signer.principal} (${check2.signer.keyType} key ${check2.signer.fingerprint}), a trusted signer`;
    case "unchecked":
      return `signed with ${check2.signer.keyType} key ${check2.signer.fingerprint}; not checked against trusted signers (pass --trusted-signers to require one)`;
    case "unsigned":
      return "not signed: the set is trusted as the store holds it (pass --trusted-signers to require a signature)";
    case "invalid":
      return `the signature does not verify: ${check2.detail}`;
  }
}
var MAX_SMALL_OBJECT = 16 * 1024 * 1024;
async function readSmall(store, setName, object) {
  const size = await store.stat(setName, object);
  if (!size) return null;
  if (size.bytes > MAX_SMALL_OBJECT) {
    throw new InputError(
      `${store.urlOf(setName)}/${object} is ${size.bytes} bytes: too large for a kube-rescue ${object}. The set is not one kube-rescue wrote, or it was altered.`
    );
  }
  const chunks = [];
  for await (const c of await store.read(setName, object, { firstBytes: MAX_SMALL_OBJECT })) {
    chunks.push(Buffer.from(c));
  }
  return Buffer.concat(chunks);
}
async function checkSetSignature(store, setName, trustedSigners) {
  const where = store.urlOf(setName);
  const manifest = await readSmall(store, setName, "manifest.json");
  if (!manifest) {
    throw new OperationError(
      `Object manifest.json is missing from the backup set ${where}: it is not a complete set. 'kube-rescue list' shows the complete ones.`
    );
  }
  const signature = await readSmall(store, setName, MANIFEST_SIGNATURE);
  return {
    check: await checkManifestSignature(manifest, signature, trustedSigners, where),
    manifest
  };
}

// src/recovery/preflight.ts
var HEADER_BYTES = 64 * 1024;
function objectsNeeded(plan2) {
  const names = [];
  for (const s of plan2.steps) {
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
  const { check: check2, manifest } = await checkSetSignature(store, setName, opts.trustedSigners);
  return { check: check2, bytes: manifest };
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
function requireOwnName(signedName, storedName2, where) {
  if (signedName !== storedName2) {
    throw new InputError(
      `${where}: the signed manifest is of set ${signedName}, but it is stored as ${storedName2}: a signed set copied under another name (an older backup replayed?). Nothing was changed; restore ${signedName} by its own name if that is the one you want.`
    );
  }
}
async function checkPlanObjects(plan2, backup) {
  const needed = objectsNeeded(plan2);
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
    const stat3 = await store.stat(setName, name);
    if (!stat3) {
      problems.push(`${name}: missing from the store (the manifest lists ${object.bytes} bytes)`);
    } else if (stat3.bytes !== object.bytes) {
      problems.push(
        `${name}: ${stat3.bytes} bytes in the store, but the manifest says ${object.bytes} (${stat3.bytes < object.bytes ? "truncated" : "altered"})`
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

// src/commands/plan.ts
import { isIP as isIP3 } from "node:net";

// src/recovery/node-transports.ts
function openNodeTransports(inventory, access) {
  const pool = new NodePool(access);
  return {
    transportFor: (host) => pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }),
    close: () => pool.closeAll()
  };
}

// src/recovery/plan-file.ts
import { createHash as createHash4 } from "node:crypto";
import { isIP } from "node:net";
var PLAN_FILE_FORMAT = "kube-rescue-plan";
var PLAN_FILE_VERSION = 1;
function makePlanFile(parts) {
  return { format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, tool: VERSION, ...parts };
}
function planFileText(file) {
  return `${canonicalJson(file)}
`;
}
function sha256Hex(text) {
  return createHash4("sha256").update(text).digest("hex");
}
function planFileSha256(file) {
  return sha256Hex(planFileText(file));
}
var FILE_KEYS = {
  format: "required",
  version: "required",
  tool: "required",
  inventory: "required",
  state: "required",
  options: "required",
  backup: "optional",
  plan: "required"
};
var PLAN_KEYS = {
  cluster: "required",
  case: "required",
  cases: "required",
  strategy: "required",
  source: "required",
  layout: "required",
  paths: "required",
  members: "required",
  createdAt: "required",
  brokenEtcd: "required",
  brokenControlPlane: "required",
  removedHosts: "optional",
  brokenFrom: "required",
  brokenWhy: "optional",
  steps: "required",
  warnings: "required",
  revisionBump: "optional",
  kubeletNodes: "optional",
  expect: "required"
};
var STEP_KEYS = {
  id: "required",
  node: "required",
  action: "required",
  params: "required",
  reason: "required",
  undo: "required",
  destructive: "required",
  group: "optional",
  lane: "optional"
};
var PARAM_KEYS = {
  "snapshot-save": ["endpoint", "path"],
  "fetch-snapshot": ["from", "to"],
  "stop-etcd": [],
  "move-aside": ["path", "to", "recreate"],
  "member-remove": ["member", "memberId"],
  "member-add": ["member", "peerURL"],
  "write-env": ["set", "templateFrom"],
  "restore-snapshot": [
    "snapshot",
    "dataDir",
    "member",
    "peerURL",
    "initialCluster",
    "initialClusterToken",
    "bumpRevision",
    "markCompacted"
  ],
  "restore-certs": ["from", "moveAside"],
  "kubelet-client": ["nodeName"],
  "start-etcd": [],
  "wait-healthy": ["members", "clientURLs"],
  "restart-control-plane": ["reason"],
  "delete-node": ["nodeName", "host", "kubeconfig"],
  verify: ["expectMembers"],
  "discard-staged": ["path"]
};
var OPTION_KEYS = [
  "strategy",
  "force",
  "now",
  "haveIdentity",
  "preferBackupSnapshot",
  "stagingDir",
  "removeHosts",
  "bumpRevision"
];
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function checkKeys(where, value, shape, what) {
  if (!isObject(value)) throw new InputError(`${where}: ${what} is not a JSON object.`);
  for (const key of Object.keys(value)) {
    if (!(key in shape)) {
      throw new InputError(
        `${where}: ${what} has an unknown field '${key}': this kube-rescue (${VERSION}) writes no such field, so the file was edited or written by another version. Run plan again.`
      );
    }
  }
  for (const [key, need] of Object.entries(shape)) {
    if (need === "required" && !(key in value)) {
      throw new InputError(`${where}: ${what} lacks the field '${key}'. Run plan again.`);
    }
  }
}
function findControlCharacter(value, path) {
  if (typeof value === "string") {
    return /[\p{Cc}]/u.test(value) ? path : void 0;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findControlCharacter(v, `${path}[${i}]`);
      if (found) return found;
    }
    return void 0;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (/[\p{Cc}]/u.test(k)) return `${path} (a key)`;
      const found = findControlCharacter(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return void 0;
}
var NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$/;
var LABEL = "[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?";
var DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
var HEX = /^[0-9a-f]{1,16}$/;
var PATH = /^\/[A-Za-z0-9_.@+/-]*$/;
var VERSION_TEXT = /^[0-9A-Za-z.+-]{1,64}$/;
var isAddress = (v) => v.length <= 253 && (isIP(v) !== 0 || DNS_NAME.test(v));
function isUrl(v) {
  const m = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[^/:[\]\s]+):([0-9]{1,5})\/?$/.exec(v);
  if (!m) return false;
  const host = m[1].replace(/^\[|\]$/g, "");
  return isAddress(host) && Number(m[2]) >= 1 && Number(m[2]) <= 65535;
}
var isPath = (v) => PATH.test(v) && !v.split("/").includes("..");
function valueChecks(file) {
  const checks = [];
  const add = (value, where, form, ok) => checks.push({ value, where, form, ok });
  const name = (v, where) => add(v, where, "a name of letters, digits, '-', '_' and '.'", (s2) => NAME.test(s2));
  const hostName = (v, where) => add(v, where, "a host name or IP address", (s2) => NAME.test(s2) || isIP(s2) !== 0);
  const url = (v, where) => add(v, where, "a URL like https://10.0.0.1:2379", isUrl);
  const path = (v, where) => add(v, where, "an absolute path without '..' or shell characters", isPath);
  const s = file.state;
  for (const [k, v] of Object.entries(s.paths ?? {})) {
    for (const [i, p] of (Array.isArray(v) ? v : [v]).entries()) {
      path(p, `state.paths.${k}${Array.isArray(v) ? `[${i}]` : ""}`);
    }
  }
  for (const [k, v] of Object.entries(file.plan.paths ?? {})) {
    for (const p of Array.isArray(v) ? v : [v]) path(p, `plan.paths.${k}`);
  }
  for (const [i, e] of (s.etcd ?? []).entries()) {
    const at2 = `state.etcd[${i}]`;
    hostName(e.host, `${at2}.host`);
    name(e.memberName, `${at2}.memberName`);
    add(e.address, `${at2}.address`, "an IP address or DNS name", isAddress);
    url(e.clientUrl, `${at2}.clientUrl`);
    url(e.peerUrl, `${at2}.peerUrl`);
    if (e.memberId !== void 0)
      add(e.memberId, `${at2}.memberId`, "a hex member id", (x) => HEX.test(x));
    if (e.tools) {
      if (e.tools.server !== void 0)
        add(e.tools.server, `${at2}.tools.server`, "a version", (x) => VERSION_TEXT.test(x));
      add(
        e.tools.snapshotToolVersion,
        `${at2}.tools.snapshotToolVersion`,
        "a version",
        (x) => VERSION_TEXT.test(x)
      );
      add(
        e.tools.snapshotTool,
        `${at2}.tools.snapshotTool`,
        "etcdctl or etcdutl",
        (x) => x === "etcdctl" || x === "etcdutl"
      );
    }
  }
  for (const [i, m] of (s.members ?? []).entries()) {
    const at2 = `state.members[${i}]`;
    add(m.id, `${at2}.id`, "a hex member id", (x) => HEX.test(x));
    if (m.name !== "") name(m.name, `${at2}.name`);
    for (const [j, u] of (m.peerURLs ?? []).entries()) url(u, `${at2}.peerURLs[${j}]`);
    for (const [j, u] of (m.clientURLs ?? []).entries()) url(u, `${at2}.clientURLs[${j}]`);
  }
  for (const [i, c] of (s.controlPlane ?? []).entries())
    hostName(c.host, `state.controlPlane[${i}].host`);
  for (const [i, h] of (s.kubectlOn ?? []).entries()) hostName(h, `state.kubectlOn[${i}]`);
  if (s.serverVersion !== void 0)
    add(s.serverVersion, "state.serverVersion", "a version", (x) => VERSION_TEXT.test(x));
  if (s.clusterId !== void 0)
    add(s.clusterId, "state.clusterId", "a hex cluster id", (x) => HEX.test(x));
  add(s.clusterName, "state.clusterName", "a cluster name", (x) => x === "" || NAME.test(x));
  add(
    s.layout,
    "state.layout",
    "kubespray or kubeadm",
    (x) => x === "kubespray" || x === "kubeadm"
  );
  for (const [i, m] of (file.plan.members ?? []).entries()) {
    hostName(m.host, `plan.members[${i}].host`);
    name(m.memberName, `plan.members[${i}].memberName`);
    url(m.clientURL, `plan.members[${i}].clientURL`);
    url(m.peerURL, `plan.members[${i}].peerURL`);
  }
  for (const [i, step] of (file.plan.steps ?? []).entries()) {
    hostName(step.node, `plan.steps[${i}].node`);
    add(step.id, `plan.steps[${i}].id`, "a step id like 03-member-add-etcd3", (x) => NAME.test(x));
  }
  for (const [i, h] of (file.options.removeHosts ?? []).entries())
    hostName(h, `options.removeHosts[${i}]`);
  if (file.options.stagingDir !== void 0) path(file.options.stagingDir, "options.stagingDir");
  return checks;
}
function shown(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return JSON.stringify(text && text.length > 80 ? `${text.slice(0, 80)}\u2026` : text);
}
function parsePlanFile(text, where) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `${where} is not a plan file: it is not JSON (${err.message}).`
    );
  }
  if (!isObject(data) || data.format !== PLAN_FILE_FORMAT) {
    throw new InputError(
      `${where} is not a kube-rescue plan file (no "format": "${PLAN_FILE_FORMAT}"). Write one with 'kube-rescue plan \u2026 --out FILE'.`
    );
  }
  if (data.version !== PLAN_FILE_VERSION) {
    throw new InputError(
      `${where} is a plan file of format version ${shown(data.version)}; this kube-rescue (${VERSION}) reads version ${PLAN_FILE_VERSION}. Run plan again with the kube-rescue that restores.`
    );
  }
  checkKeys(where, data, FILE_KEYS, "the file");
  checkKeys(where, data.plan, PLAN_KEYS, "the plan");
  const plan2 = data.plan;
  if (!Array.isArray(plan2.steps) || plan2.steps.length === 0) {
    throw new InputError(`${where}: the plan has no steps. Run plan again.`);
  }
  for (const [i, step] of plan2.steps.entries()) {
    checkKeys(where, step, STEP_KEYS, `step ${i + 1}`);
    const s = step;
    const bad = findControlCharacter(s.params, `plan.steps[${i}].params`);
    if (bad) {
      throw new InputError(
        `${where}: ${bad} holds a line break or control character; no value kube-rescue plans has one. The file was edited: run plan again.`
      );
    }
    const action = s.action;
    const allowed = Object.hasOwn(PARAM_KEYS, String(action)) ? PARAM_KEYS[action] : void 0;
    if (!allowed) {
      throw new InputError(
        `${where}: step ${i + 1} (${shown(s.id)}) has the unknown action ${shown(action)}; kube-rescue plans only ${Object.keys(PARAM_KEYS).join(", ")}.`
      );
    }
    if (!isObject(s.params)) throw new InputError(`${where}: step ${i + 1} has no params object.`);
    for (const key of Object.keys(s.params)) {
      if (!allowed.includes(key)) {
        throw new InputError(
          `${where}: step ${i + 1} (${shown(s.id)}, ${action}) has the unknown parameter '${key}'. The file was edited: run plan again.`
        );
      }
    }
  }
  if (!isObject(data.options)) throw new InputError(`${where}: options is not a JSON object.`);
  for (const key of Object.keys(data.options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new InputError(`${where}: options has an unknown field '${key}'. Run plan again.`);
    }
  }
  if (data.backup !== void 0) {
    checkKeys(where, data.backup, { location: "required", manifestSha256: "required" }, "backup");
    const b = data.backup;
    if (typeof b.location !== "string" || !/^[0-9a-f]{64}$/.test(String(b.manifestSha256))) {
      throw new InputError(`${where}: backup must name a location and a 64-hex manifestSha256.`);
    }
  }
  for (const part of ["inventory", "state"]) {
    if (!isObject(data[part])) throw new InputError(`${where}: ${part} is not a JSON object.`);
  }
  const file = data;
  for (const c of valueChecks(file)) {
    if (typeof c.value !== "string" || !c.ok(c.value)) {
      throw new InputError(
        `${where}: ${c.where} is ${shown(c.value)}, which cannot reach a node: it must be ${c.form}. The file was edited: run plan again.`
      );
    }
  }
  return file;
}
function replan(file, backup, where) {
  let rebuilt;
  try {
    rebuilt = buildPlan(file.inventory, file.state, backup, {
      ...file.options,
      now: new Date(file.options.now)
    });
  } catch (err) {
    throw new InputError(
      `${where}: the plan cannot be rebuilt from what the file records (${err.message}). The file was edited or the backup set changed: run plan again.`,
      { cause: err }
    );
  }
  const want = canonicalJson(rebuilt);
  if (want !== canonicalJson(file.plan)) {
    const mine = rebuilt.steps.map((s) => s.id);
    const theirs = file.plan.steps.map((s) => s.id);
    const differing = canonicalJson(mine) !== canonicalJson(theirs) ? `its steps are ${theirs.join(", ")}; kube-rescue plans ${mine.join(", ")}` : `step ${file.plan.steps.find((s, i) => canonicalJson(s) !== canonicalJson(rebuilt.steps[i]))?.id ?? "fields"} differs`;
    throw new InputError(
      `${where}: the plan in it is not the plan kube-rescue builds from the cluster state it records (${differing}). The file was edited: run plan again.`
    );
  }
  return rebuilt;
}
function inventoryChanges(recorded, now) {
  const strip = (i) => canonicalJson({ ...i, source: void 0 });
  if (strip(recorded) === strip(now)) return [];
  const out = [];
  const fields = [
    "etcd",
    "controlPlane",
    "brokenEtcd",
    "brokenControlPlane",
    "hosts",
    "nodeNames",
    "nodeAddresses"
  ];
  for (const f of fields) {
    if (canonicalJson(recorded[f]) !== canonicalJson(now[f])) {
      out.push(
        `${f}: the plan has ${canonicalJson(recorded[f]) ?? "none"}, the inventory ${canonicalJson(now[f]) ?? "none"}`
      );
    }
  }
  return out;
}
var yesNo = (b) => b ? "yes" : "no";
function clusterChanges(planned, now) {
  const out = [];
  const nowEtcd = new Map(now.etcd.map((e) => [e.host, e]));
  for (const p of planned.etcd) {
    const n = nowEtcd.get(p.host);
    if (!n) {
      out.push(`${p.host}: an etcd host of the plan is not an etcd host of the inventory now`);
      continue;
    }
    const diffs = [];
    const cmp = (what, a, b, show = (v) => String(v ?? "none")) => {
      if (canonicalJson(a) !== canonicalJson(b))
        diffs.push(`${what} was ${show(a)}, is ${show(b)}`);
    };
    cmp("reachable", p.reachable, n.reachable, (v) => yesNo(v));
    cmp("etcd running", p.etcdRunning, n.etcdRunning, (v) => yesNo(v));
    cmp("healthy", p.healthy, n.healthy, (v) => yesNo(v));
    cmp("member id", p.memberId, n.memberId);
    cmp("data dir", p.dataDir, n.dataDir);
    cmp(
      "etcd certificates present",
      p.etcdCertsPresent,
      n.etcdCertsPresent,
      (v) => yesNo(v)
    );
    cmp("member name", p.memberName, n.memberName);
    cmp("address", p.address, n.address);
    cmp("client URL", p.clientUrl, n.clientUrl);
    cmp("peer URL", p.peerUrl, n.peerUrl);
    const tools = (e) => e.tools ? `${e.tools.snapshotTool} ${e.tools.snapshotToolVersion}, etcd ${e.tools.server ?? "?"}${e.tools.bumpRevision ? ", bumps" : ""}` : void 0;
    cmp("etcd tools", tools(p), tools(n));
    if (diffs.length > 0) out.push(`${p.host}: ${diffs.join(", ")}`);
  }
  const nowCp = new Map(now.controlPlane.map((c) => [c.host, c]));
  for (const p of planned.controlPlane) {
    const n = nowCp.get(p.host);
    if (!n) {
      out.push(`${p.host}: a control-plane host of the plan is not one of the inventory now`);
      continue;
    }
    const diffs = [];
    if (p.reachable !== n.reachable)
      diffs.push(`reachable was ${yesNo(p.reachable)}, is ${yesNo(n.reachable)}`);
    if (p.certsPresent !== n.certsPresent) {
      diffs.push(
        `control-plane certificates present was ${yesNo(p.certsPresent)}, is ${yesNo(n.certsPresent)}`
      );
    }
    if (diffs.length > 0) out.push(`${p.host} (control plane): ${diffs.join(", ")}`);
  }
  const memberText = (ms) => ms.map(
    (m) => `${m.name || "(unstarted)"} ${m.id}${m.isLearner ? " learner" : ""} ${[...m.peerURLs].sort().join(" ")}`
  ).sort().join("; ") || "none";
  const cluster = [
    ["member list", memberText(planned.members), memberText(now.members)],
    ["quorum", yesNo(planned.quorum), yesNo(now.quorum)],
    ["cluster id", planned.clusterId ?? "none", now.clusterId ?? "none"],
    ["etcd server version", planned.serverVersion ?? "none", now.serverVersion ?? "none"],
    ["etcd tools version", planned.toolsVersion, now.toolsVersion],
    ["layout", planned.layout, now.layout],
    ["paths", canonicalJson(planned.paths), canonicalJson(now.paths)]
  ];
  for (const [what, a, b] of cluster) {
    if (a !== b) out.push(`cluster: ${what} was ${a}, is ${b}`);
  }
  return out;
}

// src/recovery/verify.ts
import { rmSync } from "node:fs";
import { mkdtemp as mkdtemp3, rm as rm5 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join5 } from "node:path";
import { pipeline as pipeline3 } from "node:stream/promises";

// src/etcd/fingerprint.ts
import { createHash as createHash5, hash } from "node:crypto";

// src/etcd/grpc-wire.ts
import { readFile as readFile5 } from "node:fs/promises";
import { connect, constants } from "node:http2";
var WINDOW_BYTES = 4 * 1024 * 1024;
var MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
var STATUS_NAMES = {
  1: "CANCELLED",
  2: "UNKNOWN",
  3: "INVALID_ARGUMENT",
  4: "DEADLINE_EXCEEDED",
  5: "NOT_FOUND",
  7: "PERMISSION_DENIED",
  8: "RESOURCE_EXHAUSTED",
  9: "FAILED_PRECONDITION",
  11: "OUT_OF_RANGE",
  12: "UNIMPLEMENTED",
  13: "INTERNAL",
  14: "UNAVAILABLE",
  16: "UNAUTHENTICATED"
};
var GrpcStatusError = class extends OperationError {
  constructor(endpoint, method, code, details) {
    super(
      `etcd at ${endpoint} refused ${method}: ${STATUS_NAMES[code] ?? `status ${code}`}${details ? `: ${details}` : ""}`
    );
    this.endpoint = endpoint;
    this.method = method;
    this.code = code;
    this.details = details;
  }
  endpoint;
  method;
  code;
  details;
};
var EtcdWire = class _EtcdWire {
  constructor(endpoint, session) {
    this.endpoint = endpoint;
    this.session = session;
  }
  endpoint;
  session;
  static connect(endpoint, opts = {}) {
    const url = endpoint.replace(/\/$/, "");
    if (url.startsWith("https:") && !opts.tls) {
      return Promise.reject(
        new OperationError(`${endpoint} is https: a client certificate is needed to reach it.`)
      );
    }
    const session = connect(url, {
      settings: { initialWindowSize: WINDOW_BYTES },
      ...opts.tls ? { ca: opts.tls.ca, cert: opts.tls.cert, key: opts.tls.key } : {}
    });
    return new Promise((resolve3, reject) => {
      const timer = setTimeout(() => {
        session.destroy();
        reject(
          new OperationError(`No answer from etcd at ${endpoint} within ${opts.dialTimeoutMs}ms.`)
        );
      }, opts.dialTimeoutMs ?? 5e3);
      session.once("connect", () => {
        clearTimeout(timer);
        session.off("error", failed2);
        session.on("error", () => {
        });
        session.setLocalWindowSize(WINDOW_BYTES);
        resolve3(new _EtcdWire(endpoint, session));
      });
      const failed2 = (err) => {
        clearTimeout(timer);
        session.destroy();
        reject(new OperationError(`Cannot reach etcd at ${endpoint}: ${err.message}`));
      };
      session.once("error", failed2);
    });
  }
  close() {
    this.session.close();
  }
  /** A call with one request message: the messages of the answer, as they arrive. */
  async *call(method, request) {
    const stream = this.session.request({
      ":method": "POST",
      ":path": method,
      "content-type": "application/grpc",
      te: "trailers"
    });
    const frame = Buffer.alloc(5 + request.length);
    frame.writeUInt32BE(request.length, 1);
    request.copy(frame, 5);
    stream.end(frame);
    const status = callStatus(stream);
    const messages = new MessageReader(this.endpoint, method);
    let ended = false;
    try {
      for await (const chunk of piecesOf(stream)) {
        for (const m of messages.push(chunk)) yield m;
      }
      ended = true;
    } catch (err) {
      const refused = await Promise.race([status, Promise.resolve(void 0)]);
      if (refused?.code)
        throw new GrpcStatusError(this.endpoint, method, refused.code, refused.details);
      throw new OperationError(
        `The ${method} call to etcd at ${this.endpoint} failed: ${err.message}`,
        { cause: err }
      );
    } finally {
      if (!ended && !stream.closed) stream.close(constants.NGHTTP2_CANCEL);
    }
    const { code, details } = await status;
    if (code !== 0) throw new GrpcStatusError(this.endpoint, method, code, details);
    messages.end();
  }
  /** A call with one answer message. */
  async unary(method, request) {
    let answer;
    for await (const m of this.call(method, request)) answer ??= m;
    if (!answer) {
      throw new OperationError(`etcd at ${this.endpoint} answered ${method} with no message.`);
    }
    return answer;
  }
};
async function* piecesOf(stream) {
  const queue = [];
  let ended = false;
  let failure;
  let wake;
  const notify = () => {
    wake?.();
    wake = void 0;
  };
  const onData = (piece) => {
    queue.push(piece);
    if (queue.length >= QUEUED_PIECES) stream.pause();
    notify();
  };
  const onEnd = () => {
    ended = true;
    notify();
  };
  const onError = (err) => {
    failure = err;
    notify();
  };
  stream.on("data", onData);
  stream.on("end", onEnd);
  stream.on("close", onEnd);
  stream.on("error", onError);
  try {
    for (; ; ) {
      if (failure) throw failure;
      const piece = queue.shift();
      if (piece) {
        if (queue.length < QUEUED_PIECES / 2 && stream.isPaused()) stream.resume();
        yield piece;
      } else if (ended) {
        return;
      } else {
        await new Promise((resolve3) => {
          wake = resolve3;
        });
      }
    }
  } finally {
    stream.off("data", onData);
    stream.off("end", onEnd);
    stream.off("close", onEnd);
    stream.off("error", onError);
  }
}
var QUEUED_PIECES = 64;
function callStatus(stream) {
  return new Promise((resolve3) => {
    const from = (h) => {
      const code = h["grpc-status"];
      if (code === void 0) return false;
      const raw = String(h["grpc-message"] ?? "");
      let details = raw;
      try {
        details = decodeURIComponent(raw);
      } catch {
      }
      resolve3({ code: Number(code), details });
      return true;
    };
    stream.once("response", (headers) => {
      const http = headers[":status"];
      if (from(headers)) return;
      if (http !== 200) resolve3({ code: 2, details: `HTTP status ${http}` });
    });
    stream.once("trailers", (trailers) => from(trailers));
    stream.once(
      "close",
      () => resolve3({
        code: 2,
        details: `the stream was closed without a gRPC status (HTTP/2 code ${stream.rstCode})`
      })
    );
  });
}
var MessageReader = class {
  constructor(endpoint, method) {
    this.endpoint = endpoint;
    this.method = method;
  }
  endpoint;
  method;
  head = Buffer.alloc(0);
  body;
  filled = 0;
  *push(chunk) {
    let at2 = 0;
    while (at2 < chunk.length) {
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, chunk.length - at2);
        chunk.copy(this.body, this.filled, at2, at2 + n);
        this.filled += n;
        at2 += n;
        if (this.filled === this.body.length) {
          const m = this.body;
          this.body = void 0;
          yield m;
        }
        continue;
      }
      if (this.head.length === 0 && chunk.length - at2 >= 5) {
        const length2 = this.prefix(chunk, at2);
        at2 += 5;
        if (chunk.length - at2 >= length2) {
          yield chunk.subarray(at2, at2 + length2);
          at2 += length2;
        } else {
          this.body = Buffer.allocUnsafe(length2);
          this.filled = 0;
        }
        continue;
      }
      const take = Math.min(5 - this.head.length, chunk.length - at2);
      this.head = Buffer.concat([this.head, chunk.subarray(at2, at2 + take)]);
      at2 += take;
      if (this.head.length < 5) continue;
      const length = this.prefix(this.head, 0);
      this.head = Buffer.alloc(0);
      if (length === 0) {
        yield Buffer.alloc(0);
      } else {
        this.body = Buffer.allocUnsafe(length);
        this.filled = 0;
      }
    }
  }
  prefix(b, at2) {
    if (b[at2] !== 0) {
      throw new OperationError(
        `etcd at ${this.endpoint} sent a compressed ${this.method} message, which was not asked for.`
      );
    }
    const length = b.readUInt32BE(at2 + 1);
    if (length > MAX_MESSAGE_BYTES) {
      throw new OperationError(
        `etcd at ${this.endpoint} announced a ${length}-byte ${this.method} message, more than the ${MAX_MESSAGE_BYTES} accepted.`
      );
    }
    return length;
  }
  end() {
    if (this.body || this.head.length > 0) {
      throw new OperationError(
        `The ${this.method} answer of etcd at ${this.endpoint} ended inside a message.`
      );
    }
  }
};
function* fieldsOf(b) {
  let at2 = 0;
  const varint = () => {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 7; i++) {
      if (at2 >= b.length) throw new OperationError("etcd sent a truncated protobuf message.");
      const byte = b[at2++];
      v += (byte & 127) * scale;
      if (byte < 128) return v;
      scale *= 128;
    }
    let big = BigInt(v);
    let shift = 49n;
    for (let i = 7; i < 10; i++) {
      if (at2 >= b.length) throw new OperationError("etcd sent a truncated protobuf message.");
      const byte = b[at2++];
      big |= BigInt(byte & 127) << shift;
      if (byte < 128) return Number(BigInt.asIntN(64, big));
      shift += 7n;
    }
    throw new OperationError("etcd sent a protobuf varint longer than 10 bytes.");
  };
  while (at2 < b.length) {
    const tag = varint();
    const no = Math.floor(tag / 8);
    switch (tag & 7) {
      case 0:
        yield { no, varint: varint() };
        break;
      case 1:
        at2 += 8;
        break;
      case 2: {
        const n = varint();
        if (at2 + n > b.length) throw new OperationError("etcd sent a truncated protobuf field.");
        yield { no, bytes: b.subarray(at2, at2 + n) };
        at2 += n;
        break;
      }
      case 5:
        at2 += 4;
        break;
      default:
        throw new OperationError(`etcd sent a protobuf field of wire type ${tag & 7}.`);
    }
  }
}
function encodeFields(fields) {
  const out = [];
  const varint = (v) => {
    while (v >= 128) {
      out.push(v % 128 | 128);
      v = Math.floor(v / 128);
    }
    out.push(v);
  };
  for (const f of fields) {
    if ("varint" in f) {
      if (f.varint === 0) continue;
      varint(f.no * 8);
      varint(f.varint);
    } else {
      varint(f.no * 8 + 2);
      varint(f.bytes.length);
      out.push(...f.bytes);
    }
  }
  return Buffer.from(out);
}
function headerRevision(message) {
  for (const f of fieldsOf(message)) {
    if (f.no === 1 && "bytes" in f) {
      for (const h of fieldsOf(f.bytes)) if (h.no === 3 && "varint" in h) return h.varint;
    }
  }
  return void 0;
}
var EMPTY = Buffer.alloc(0);
async function* snapshotMessages(wire) {
  for await (const m of wire.call("/etcdserverpb.Maintenance/Snapshot", EMPTY)) {
    let remainingBytes = 0;
    let blob = EMPTY;
    for (const f of fieldsOf(m)) {
      if (f.no === 2 && "varint" in f) remainingBytes = f.varint;
      else if (f.no === 3 && "bytes" in f) blob = f.bytes;
    }
    yield { remainingBytes, blob };
  }
}
async function countKeys(wire, revision = 0) {
  const all = Buffer.from([0]);
  const answer = await wire.unary(
    "/etcdserverpb.KV/Range",
    encodeFields([
      { no: 1, bytes: all },
      { no: 2, bytes: all },
      { no: 4, varint: revision },
      { no: 9, varint: 1 }
    ])
  );
  let count = 0;
  for (const f of fieldsOf(answer)) if (f.no === 4 && "varint" in f) count = f.varint;
  const at2 = headerRevision(answer);
  if (at2 === void 0) {
    throw new OperationError(`etcd at ${wire.endpoint} answered a range without its revision.`);
  }
  return { count, revision: at2 };
}
async function hashKVAt(wire, revision) {
  const answer = await wire.unary(
    "/etcdserverpb.Maintenance/HashKV",
    encodeFields([{ no: 1, varint: revision }])
  );
  let hash3 = 0;
  let compactRevision = 0;
  for (const f of fieldsOf(answer)) {
    if (f.no === 2 && "varint" in f) hash3 = f.varint;
    else if (f.no === 3 && "varint" in f) compactRevision = f.varint;
  }
  return { hash: hash3, compactRevision };
}
async function readClientTls(tls) {
  const [ca, cert, key] = await Promise.all(
    [tls.cacert, tls.cert, tls.key].map(
      (f) => readFile5(f).catch((err) => {
        throw new OperationError(
          `Cannot read etcd TLS file ${f}: ${err.message}. Pass --etcd-cacert/--etcd-cert/--etcd-key with readable files.`
        );
      })
    )
  );
  return { ca, cert, key };
}
async function connectMember(access, endpoint) {
  const tls = access.tls ? await readClientTls(access.tls) : void 0;
  return EtcdWire.connect(endpoint, { tls, dialTimeoutMs: 5e3 });
}
async function hashKVOfMember(access, endpoint, revision) {
  const wire = await connectMember(access, endpoint);
  try {
    const [{ hash: hash3, compactRevision }, { count }] = await Promise.all([
      hashKVAt(wire, revision),
      countKeys(wire, revision)
    ]);
    return { revision, compactRevision, hash: hash3, count };
  } finally {
    wire.close();
  }
}

// src/etcd/fingerprint.ts
function compareHashKV(expected, actual) {
  if (actual.revision !== expected.revision) {
    return {
      result: "incomparable",
      detail: `hashed at revision ${actual.revision}, the expected hash is of revision ${expected.revision}`
    };
  }
  if (actual.count !== expected.count) {
    return {
      result: "different",
      detail: `${actual.count} live keys at revision ${actual.revision}, expected ${expected.count}`
    };
  }
  if (actual.compactRevision !== expected.compactRevision) {
    return {
      result: "incomparable",
      detail: `compacted at revision ${actual.compactRevision} here and at ${expected.compactRevision} when the expected hash was taken (a compaction between the snapshot and the hash); key count compared instead`
    };
  }
  return actual.hash === expected.hash ? { result: "same" } : {
    result: "different",
    detail: `hash ${actual.hash} at revision ${actual.revision}, expected ${expected.hash}`
  };
}
var PairHasher = class {
  hash = createHash5("sha256");
  len = Buffer.alloc(4);
  count = 0;
  add(key, value) {
    this.len.writeUInt32BE(key.length);
    this.hash.update(this.len);
    this.hash.update(key);
    this.len.writeUInt32BE(value.length);
    this.hash.update(this.len);
    this.hash.update(value);
    this.count++;
  }
  digest() {
    return this.hash.digest("hex");
  }
};
async function* pagedPairs(read, options, source, at2) {
  const maxLimit = options.pageSize ?? 2e3;
  const targetBytes = options.targetPageBytes ?? 16 * 1024 * 1024;
  let limit = Math.min(maxLimit, options.firstPageSize ?? maxLimit);
  at2.revision = options.revision ?? 0;
  let expectedCount;
  let read_ = 0;
  let last;
  let pending2 = read(Buffer.alloc(0), limit, at2.revision);
  while (pending2) {
    const page = await pending2;
    pending2 = void 0;
    if (at2.revision === 0) at2.revision = page.revision;
    expectedCount ??= page.count;
    let kvs = page.kvs;
    let pageBytes = 0;
    for (const kv of kvs) pageBytes += kv.key.length + kv.value.length;
    if (kvs.length > 0) {
      const perKey = Math.max(1, pageBytes / kvs.length);
      limit = Math.max(1, Math.min(maxLimit, Math.floor(targetBytes / perKey)));
    }
    if (last && kvs.length > 0 && kvs[0].key.equals(last)) kvs = kvs.slice(1);
    if (page.more && kvs.length > 0) {
      pending2 = read(kvs[kvs.length - 1].key, limit + 1, at2.revision);
      pending2.catch(() => void 0);
    }
    for (const kv of kvs) {
      if (last && Buffer.compare(kv.key, last) <= 0) {
        throw new OperationError(
          `${source} returned keys out of order while fingerprinting at revision ${at2.revision}; refusing to produce a fingerprint.`
        );
      }
      read_++;
      last = kv.key;
      yield kv;
    }
  }
  if (read_ !== expectedCount) {
    throw new OperationError(
      `${source}: fingerprint at revision ${at2.revision} read ${read_} keys but etcd counted ${expectedCount}. Was the revision compacted meanwhile? Retry.`
    );
  }
}
async function* rangedPairs(read, ranges, options, source) {
  if (ranges.length === 0 || ranges[0].from.length !== 0) {
    throw new Error("rangedPairs: the first range must start at the empty key");
  }
  const maxLimit = options.pageSize ?? 2e3;
  const { revision } = options;
  let counted;
  const readRange = async (i) => {
    const end = ranges[i + 1]?.from;
    const within2 = (key) => end === void 0 || Buffer.compare(key, end) < 0;
    const kvs = [];
    let page = await read(ranges[i].from, Math.min(maxLimit, ranges[i].keys) + 1, revision);
    if (i === 0) counted = page.count;
    let skip;
    for (; ; ) {
      for (const kv of page.kvs) {
        if (skip?.equals(kv.key)) continue;
        if (!within2(kv.key)) return kvs;
        kvs.push(kv);
      }
      const last2 = page.kvs[page.kvs.length - 1];
      if (!page.more || !last2) return kvs;
      skip = last2.key;
      page = await read(last2.key, maxLimit + 1, revision);
    }
  };
  const inFlight = [];
  let next = 0;
  const launch = () => {
    if (next >= ranges.length) return;
    const p = readRange(next++);
    p.catch(() => void 0);
    inFlight.push(p);
  };
  for (let k = 0; k < (options.concurrency ?? 3); k++) launch();
  let last;
  let read_ = 0;
  while (inFlight.length > 0) {
    const kvs = await inFlight.shift();
    launch();
    for (const kv of kvs) {
      if (last && Buffer.compare(kv.key, last) <= 0) {
        throw new OperationError(
          `${source} returned keys out of order while reading at revision ${revision}; refusing to compare.`
        );
      }
      read_++;
      last = kv.key;
      yield kv;
    }
  }
  if (read_ !== counted) {
    throw new OperationError(
      `${source}: reading at revision ${revision} gave ${read_} keys but etcd counted ${counted}. Was the revision compacted meanwhile? Retry.`
    );
  }
}
async function fingerprintOfPairs(pairs, revision) {
  const hasher = new PairHasher();
  for await (const kv of pairs) hasher.add(kv.key, kv.value);
  return { revision: revision(), count: hasher.count, sha256: hasher.digest() };
}
function fingerprintPages(read, options = {}, source = "etcd") {
  const at2 = { revision: 0 };
  return fingerprintOfPairs(pagedPairs(read, options, source, at2), () => at2.revision);
}
function fingerprintViaEtcdCtl(ctl, options = {}) {
  return fingerprintPages(
    (from, limit, revision) => ctl.getPage(from, limit, revision || void 0),
    { pageSize: 5e3, ...options },
    `etcd via node ${ctl.node}`
  );
}
function fingerprintWithClient(client, options = {}, source = "etcd") {
  const fromKeyEnd = Buffer.from([0]);
  return fingerprintPages(
    async (from, limit, revision) => {
      let q3 = client.getAll().inRange({ start: from.length ? from : fromKeyEnd, end: fromKeyEnd }).limit(limit);
      if (revision) q3 = q3.revision(revision);
      const res = await q3.exec();
      return {
        revision: Number(res.header.revision),
        count: Number(res.count),
        more: res.more,
        kvs: res.kvs.map((kv) => ({ key: kv.key, value: kv.value }))
      };
    },
    options,
    source
  );
}
async function hashKVViaEtcdCtl(ctl, revision) {
  const [hashes, { count }] = await Promise.all([ctl.hashKV(revision), ctl.keyCount(revision)]);
  if (hashes.length !== 1) {
    throw new OperationError(
      `etcdctl endpoint hashkv on node ${ctl.node} answered for ${hashes.length} endpoints; expected exactly one.`
    );
  }
  const { hash: hash3, compactRevision } = hashes[0];
  return { revision, compactRevision, hash: hash3, count };
}
function preloadEtcdClient() {
  import("./lib-AAMNLVH6.js").catch(() => {
  });
}
async function connectEtcdClient(access) {
  const options = {
    hosts: access.endpoints,
    dialTimeout: 5e3,
    grpcOptions: {
      // Pages of Kubernetes objects can exceed grpc's 4 MiB default.
      "grpc.max_receive_message_length": 256 * 1024 * 1024,
      // etcd may send this far ahead (grpc-js's default is 64 KiB: a stall every 2 messages).
      "grpc-node.flow_control_window": WINDOW_BYTES
    }
  };
  if (access.tls) {
    const { ca, cert, key } = await readClientTls(access.tls);
    options.credentials = { rootCertificate: ca, certChain: cert, privateKey: key };
  }
  const { Etcd3 } = namedExports(await import("./lib-AAMNLVH6.js"));
  return new Etcd3(options);
}
async function fingerprintEndpoints(access, options = {}) {
  const client = await connectEtcdClient(access);
  try {
    return await fingerprintWithClient(client, options, `etcd at ${access.endpoints.join(",")}`);
  } catch (err) {
    if (err instanceof OperationError) throw err;
    throw new OperationError(
      `Could not read the keyspace of etcd at ${access.endpoints.join(", ")}: ${err.message}. Check the endpoints and TLS files.`,
      { cause: err }
    );
  } finally {
    client.close();
  }
}
function showKey(key) {
  if (key.length === 0) return "(the empty key)";
  const text = key.toString("utf8");
  return Buffer.from(text, "utf8").equals(key) && !/[\u0000-\u001f]/.test(text) ? text : `0x${key.toString("hex")}`;
}
var Differences = class {
  constructor(maxExamples) {
    this.maxExamples = maxExamples;
  }
  maxExamples;
  count = 0;
  examples = [];
  add = (what, key) => {
    this.count++;
    if (this.examples.length < this.maxExamples) this.examples.push(`${what} ${showKey(key)}`);
  };
};
async function compareWithDigests(expected, actual, maxExamples = 10) {
  const keys = expected.keys();
  const have = new PairHasher();
  const found = new Differences(maxExamples);
  const differ = found.add;
  let i = 0;
  for await (const kv of actual) {
    const name = kv.key.toString("latin1");
    while (i < keys.length && keys[i] < name)
      differ("missing:", Buffer.from(keys[i++], "latin1"));
    if (i < keys.length && keys[i] === name) {
      if (expected.digestOf(name) !== hash("sha256", kv.value, "binary")) {
        differ("value differs:", kv.key);
      }
      i++;
    } else differ("unexpected:", kv.key);
    have.add(kv.key, kv.value);
  }
  while (i < keys.length) differ("missing:", Buffer.from(keys[i++], "latin1"));
  const actualSide = { count: have.count, sha256: have.digest() };
  return {
    expected: { count: keys.length, sha256: found.count === 0 ? actualSide.sha256 : "" },
    actual: actualSide,
    differences: found.count,
    examples: found.examples
  };
}
async function compareKeyspaces(expected, actual, maxExamples = 10) {
  const want = new PairHasher();
  const have = new PairHasher();
  const found = new Differences(maxExamples);
  const differ = found.add;
  let e = await expected.next();
  let a = await actual.next();
  while (!e.done || !a.done) {
    const order = e.done ? 1 : a.done ? -1 : Buffer.compare(e.value.key, a.value.key);
    if (order === 0) {
      if (!e.value.value.equals(a.value.value)) differ("value differs:", e.value.key);
    } else if (order < 0) differ("missing:", e.value.key);
    else differ("unexpected:", a.value.key);
    if (order <= 0) {
      want.add(e.value.key, e.value.value);
      e = await expected.next();
    }
    if (order >= 0) {
      have.add(a.value.key, a.value.value);
      a = await actual.next();
    }
  }
  return {
    expected: { count: want.count, sha256: want.digest() },
    actual: { count: have.count, sha256: have.digest() },
    differences: found.count,
    examples: found.examples
  };
}

// src/etcd/snapshot-keyspace.ts
import { hash as hash2 } from "node:crypto";
import { readSync } from "node:fs";
import { open as open4 } from "node:fs/promises";
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
    const fh = await open4(path, "r");
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
    const at2 = PAGE_HEADER + i * ELEMENT;
    const flags = p.buf.readUInt32LE(at2);
    const pos = p.buf.readUInt32LE(at2 + 4);
    const ksize = p.buf.readUInt32LE(at2 + 8);
    const vsize = p.buf.readUInt32LE(at2 + 12);
    const k = at2 + pos;
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
      const at2 = PAGE_HEADER + i * ELEMENT;
      yield* this.walk(Number(p.buf.readBigUInt64LE(at2 + 8)));
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
        this.digests?.set(name, hash2("sha256", value, "binary"));
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

// src/recovery/kubelet-csrs.ts
import { isIP as isIP2 } from "node:net";
var KUBELET_SERVING_SIGNER = "kubernetes.io/kubelet-serving";
var KUBELET_CLIENT_SIGNER = "kubernetes.io/kube-apiserver-client-kubelet";
var ALLOWED_USAGES = {
  [KUBELET_SERVING_SIGNER]: {
    required: "server auth",
    optional: ["digital signature", "key encipherment"]
  },
  [KUBELET_CLIENT_SIGNER]: {
    required: "client auth",
    optional: ["digital signature", "key encipherment"]
  }
};
var pending = (c) => !(c.status?.conditions ?? []).some((x) => ["Approved", "Denied", "Failed"].includes(x.type));
function decideKubeletCsrs(csrs, nodes) {
  const out = [];
  for (const c of csrs) {
    if (!pending(c)) continue;
    const signer = c.spec.signerName ?? "";
    const requestor = c.spec.username ?? "";
    const leave = (why) => out.push({ name: c.metadata.name, signer, requestor, approve: false, why });
    const usages = ALLOWED_USAGES[signer];
    if (!usages) {
      leave(`signer ${signer || "(none)"} is not a kubelet's`);
      continue;
    }
    const nodeName = /^system:node:(.+)$/.exec(requestor)?.[1];
    const node = nodes.find((n) => n.nodeName === nodeName);
    if (!nodeName) {
      leave(`requested by ${requestor || "(nobody)"}, not by a node (system:node:<name>)`);
      continue;
    }
    if (!node) {
      leave(`requested by ${requestor}, and ${nodeName} is no node of the inventory`);
      continue;
    }
    if (!(c.spec.groups ?? []).includes("system:nodes")) {
      leave(`its requestor is not in group system:nodes`);
      continue;
    }
    const given = c.spec.usages ?? [];
    const extra = given.filter((u) => u !== usages.required && !usages.optional.includes(u));
    if (!given.includes(usages.required) || extra.length > 0) {
      leave(
        `usages ${JSON.stringify(given)}: a ${signer} certificate has ${usages.required}${usages.optional.length ? ` (and optionally ${usages.optional.join(", ")})` : ""}, nothing else`
      );
      continue;
    }
    let req;
    try {
      req = parseCsrPem(Buffer.from(c.spec.request ?? "", "base64").toString("utf8"));
    } catch (err) {
      leave(`its request cannot be read: ${err.message}`);
      continue;
    }
    const cn = `system:node:${nodeName}`;
    const s = req.subject;
    if (s.commonName.length !== 1 || s.commonName[0] !== cn || s.organization.length !== 1 || s.organization[0] !== "system:nodes" || s.other.length > 0) {
      leave(
        `its subject is not exactly O=system:nodes, CN=${cn} (CN ${JSON.stringify(s.commonName)}, O ${JSON.stringify(s.organization)}${s.other.length ? `, also ${s.other.join(", ")}` : ""})`
      );
      continue;
    }
    if (req.otherNames.length > 0) {
      leave(`it asks for names a kubelet never asks for: ${req.otherNames.join(", ")}`);
      continue;
    }
    if (signer === KUBELET_CLIENT_SIGNER) {
      if (req.dnsNames.length + req.ipAddresses.length > 0) {
        leave(
          `a client certificate with subject alternative names (${[...req.dnsNames, ...req.ipAddresses].join(", ")})`
        );
        continue;
      }
    } else {
      const foreignDns = req.dnsNames.filter((d) => d !== nodeName);
      const own = new Set(node.addresses.map(canonicalIp));
      const foreignIps = req.ipAddresses.filter((ip) => !own.has(ip));
      if (req.dnsNames.length + req.ipAddresses.length === 0) {
        leave("a serving certificate that names no host (no DNS or IP SAN)");
        continue;
      }
      if (foreignDns.length + foreignIps.length > 0) {
        leave(
          `it names more than node ${nodeName}: ${[...foreignDns, ...foreignIps].join(", ")} (the node is ${[nodeName, ...node.addresses].join(", ")})`
        );
        continue;
      }
    }
    out.push({
      name: c.metadata.name,
      signer,
      requestor,
      approve: true,
      why: `node ${nodeName} asks for its own ${signer === KUBELET_SERVING_SIGNER ? `serving certificate (${[...req.dnsNames, ...req.ipAddresses].join(", ")})` : "client certificate"}`
    });
  }
  return out;
}
function tlv(buf, at2) {
  if (at2 + 2 > buf.length) throw new Error("truncated DER");
  const tag = buf[at2];
  let len = buf[at2 + 1];
  let p = at2 + 2;
  if (len & 128) {
    const n = len & 127;
    if (n === 0 || n > 4 || p + n > buf.length) throw new Error("bad DER length");
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i];
    p += n;
  }
  if (p + len > buf.length) throw new Error("truncated DER");
  return { tag, value: buf.subarray(p, p + len), end: p + len };
}
function children(value) {
  const out = [];
  for (let at2 = 0; at2 < value.length; ) {
    const t = tlv(value, at2);
    out.push(t);
    at2 = t.end;
  }
  return out;
}
function oid(value) {
  const parts = [Math.floor(value[0] / 40), value[0] % 40];
  let n = 0;
  for (const b of value.subarray(1)) {
    n = n * 128 + (b & 127);
    if (!(b & 128)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join(".");
}
var OID_CN = "2.5.4.3";
var OID_O = "2.5.4.10";
var OID_EXTENSION_REQUEST = "1.2.840.113549.1.9.14";
var OID_SAN = "2.5.29.17";
function ipText(b) {
  if (b.length === 4) return [...b].join(".");
  if (b.length === 16) {
    return Array.from({ length: 8 }, (_, i) => b.readUInt16BE(i * 2).toString(16)).join(":");
  }
  return `(an address of ${b.length} bytes)`;
}
function canonicalIp(address) {
  if (isIP2(address) !== 6) return address;
  const [head, tail] = address.toLowerCase().split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = tail === void 0 ? h : [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return groups.map((g) => Number.parseInt(g, 16).toString(16)).join(":");
}
function parseCsrPem(pem) {
  const m = /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]+?)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(
    pem
  );
  if (!m) throw new Error("not a PEM CERTIFICATE REQUEST");
  const der = Buffer.from(m[1].replace(/\s+/g, ""), "base64");
  const outer = tlv(der, 0);
  if (outer.tag !== 48) throw new Error("not a DER SEQUENCE");
  const info = children(outer.value)[0];
  if (info?.tag !== 48) throw new Error("no CertificationRequestInfo");
  const [, subject, , attributes] = children(info.value);
  if (subject?.tag !== 48) throw new Error("no subject");
  const parsed = {
    subject: { commonName: [], organization: [], other: [] },
    dnsNames: [],
    ipAddresses: [],
    otherNames: []
  };
  for (const rdn of children(subject.value)) {
    for (const atv of children(rdn.value)) {
      const [type, value] = children(atv.value);
      const id = oid(type.value);
      const text = value.value.toString("utf8");
      if (id === OID_CN) parsed.subject.commonName.push(text);
      else if (id === OID_O) parsed.subject.organization.push(text);
      else parsed.subject.other.push(`${id}=${text}`);
    }
  }
  if (attributes && attributes.tag === 160) {
    for (const attr of children(attributes.value)) {
      const [type, values] = children(attr.value);
      if (oid(type.value) !== OID_EXTENSION_REQUEST) continue;
      for (const exts of children(values.value)) {
        for (const ext of children(exts.value)) {
          const parts = children(ext.value);
          if (oid(parts[0].value) !== OID_SAN) continue;
          const names = tlv(parts.at(-1).value, 0);
          for (const gn of children(names.value)) {
            if (gn.tag === 130) parsed.dnsNames.push(gn.value.toString("ascii"));
            else if (gn.tag === 135) parsed.ipAddresses.push(ipText(gn.value));
            else parsed.otherNames.push(`a name of kind [${gn.tag & 31}]`);
          }
        }
      }
    }
  }
  return parsed;
}
async function approveKubeletCsrs(t, kubectl, nodes) {
  const list = await t.exec([...kubectl, "get", "csr", "-o", "json"], { timeoutMs: 3e4 });
  const items = JSON.parse(list.stdout).items ?? [];
  const decisions = decideKubeletCsrs(items, nodes);
  const approve = decisions.filter((d) => d.approve);
  if (approve.length > 0) {
    const r = await t.exec([...kubectl, "certificate", "approve", ...approve.map((d) => d.name)], {
      allowFailure: true,
      timeoutMs: 3e4
    });
    if (r.code !== 0 && !/already|not found/i.test(r.stderr)) {
      throw new Error(
        `kubectl certificate approve ${approve.map((d) => d.name).join(" ")} failed (exit ${r.code}): ${r.stderr.trim().slice(-300)}`
      );
    }
  }
  return { approved: approve, leftAlone: decisions.filter((d) => !d.approve) };
}

// src/recovery/snapshot-on-node.ts
import { posix } from "node:path";
var q = (s) => shellCommand([s]);
var NAME2 = "kube-rescue-verify";
async function freePorts(t) {
  const res = await t.script("ss -Hltn 2>/dev/null | awk '{print $4}' | sed 's/.*://' | sort -u", {
    allowFailure: true,
    timeoutMs: 15e3
  });
  const used = new Set(res.stdout.split("\n").filter(Boolean).map(Number));
  const free = [];
  for (let p = 42379; p < 42479 && free.length < 2; p++) if (!used.has(p)) free.push(p);
  if (free.length < 2) {
    throw new OperationError(
      `Node ${t.node}: no two free ports in 42379-42478 for the throw-away etcd of the keyspace check.`
    );
  }
  return [free[0], free[1]];
}
async function openSnapshotOnNode(t, layout, snapshot, opts = {}) {
  if (layout.name !== "kubespray") {
    throw new OperationError(
      `Node ${t.node}: the keyspace check on the node runs the host's etcd binary, which the ${layout.name} layout does not have; it is implemented for the Kubespray layout only.`
    );
  }
  const commands = await layout.toolCommands(t);
  const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${NAME2}.XXXXXX"`, {
    timeoutMs: 2e4
  });
  const dir = made.stdout.trim();
  if (!dir.startsWith("/") || !posix.basename(dir).startsWith(`${NAME2}.`)) {
    throw new OperationError(`Node ${t.node}: mktemp -d printed '${dir}', not a directory path.`);
  }
  const unit = `${NAME2}-${posix.basename(dir).slice(NAME2.length + 1).toLowerCase()}`;
  let disposed = false;
  const dispose = async () => {
    if (disposed) return;
    disposed = true;
    await t.script(
      `systemctl stop ${q(`${unit}.service`)} 2>/dev/null; systemctl reset-failed ${q(`${unit}.service`)} 2>/dev/null; rm -rf -- ${q(dir)}`,
      { allowFailure: true, timeoutMs: 12e4 }
    );
  };
  const logTail = async () => (await t.exec(["journalctl", "--no-pager", "-n", "8", "-u", `${unit}.service`], {
    allowFailure: true,
    timeoutMs: 15e3
  })).stdout.trim();
  try {
    const [client, peer] = await freePorts(t);
    const clientURL = `http://127.0.0.1:${client}`;
    const peerURL = `http://127.0.0.1:${peer}`;
    const ctl = new EtcdCtl(t, { endpoints: [clientURL], commands });
    const tools = await ctl.etcdTools();
    const dataDir = posix.join(dir, "data");
    await ctl.snapshotRestore({
      snapshot,
      dataDir,
      name: NAME2,
      initialCluster: `${NAME2}=${peerURL}`,
      initialClusterToken: NAME2,
      initialAdvertisePeerUrls: [peerURL]
    });
    const etcdBinary = tools.paths?.etcd;
    if (!etcdBinary?.startsWith("/")) {
      throw new OperationError(
        `Node ${t.node}: no etcd binary on the PATH (found '${etcdBinary ?? ""}') to serve the restored snapshot for the keyspace check.`
      );
    }
    await t.exec(
      [
        "systemd-run",
        `--unit=${unit}`,
        "--quiet",
        "--collect",
        etcdBinary,
        `--name=${NAME2}`,
        `--data-dir=${dataDir}`,
        `--listen-client-urls=${clientURL}`,
        `--advertise-client-urls=${clientURL}`,
        `--listen-peer-urls=${peerURL}`,
        `--initial-advertise-peer-urls=${peerURL}`,
        `--initial-cluster=${NAME2}=${peerURL}`
      ],
      { timeoutMs: 3e4 }
    );
    const deadline = Date.now() + (opts.timeoutMs ?? 12e4);
    let last = "";
    for (; ; ) {
      const health = await ctl.endpointHealth().catch((err) => {
        last = err.message;
        return [];
      });
      if (health.length > 0 && health.every((h) => h.healthy)) break;
      if (health.length > 0) last = health.map((h) => h.error ?? "unhealthy").join("; ");
      if (Date.now() > deadline) {
        throw new OperationError(
          `Node ${t.node}: the throw-away etcd on the restored snapshot was not healthy within ${(opts.timeoutMs ?? 12e4) / 1e3} s (${last}); its log ends: ${await logTail()}`
        );
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    const { revision } = await ctl.keyCount();
    const at2 = { revision: 0 };
    const pairs = pagedPairs(
      (from, limit, rev) => ctl.getPage(from, limit, rev || void 0).catch(async (err) => {
        err.message += `
The throw-away etcd's log ends: ${await logTail()}`;
        throw err;
      }),
      { revision, pageSize: 5e3 },
      `the throw-away etcd on node ${t.node}`,
      at2
    );
    return { revision, pairs, [Symbol.asyncDispose]: dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

// src/recovery/verify.ts
var PAGE_KEYS = 5e3;
var PAGE_BYTES = 8 * 1024 * 1024;
var RANGES_AT_ONCE = 3;
var RANGE_KEYS = 1e4;
var passed = (name, detail, expected, actual) => ({ name, status: "passed", detail, expected, actual });
var failed = (name, detail, expected, actual) => ({ name, status: "failed", detail, expected, actual });
var skipped = (name, detail) => ({ name, status: "skipped", detail });
async function check(name, work) {
  try {
    return await work();
  } catch (err) {
    return failed(name, err.message);
  }
}
async function timedCheck(debug, name, work) {
  const t0 = Date.now();
  const result = await check(name, work);
  debug?.(`verify: ${name} ${result.status} in ${Date.now() - t0} ms`);
  return result;
}
async function verifyRecovery(deps) {
  const { plan: plan2, cluster, observed } = deps;
  const timed = (name, work) => timedCheck(deps.debug, name, work);
  const etcdTouched = plan2.cases.some((c) => c !== "cert-loss");
  const etcdGroup = plan2.removedHosts?.length ? `the inventory's [etcd] without ${plan2.removedHosts.join(", ")}` : "the inventory's [etcd]";
  const healthy = timed("members healthy", async () => {
    const health = await cluster.endpointHealth();
    const sick = health.filter((h) => !h.healthy);
    return sick.length === 0 ? passed("members healthy", `${health.length} endpoints healthy`) : failed(
      "members healthy",
      sick.map((h) => `${h.endpoint}: ${h.error ?? "unhealthy"}`).join("; ")
    );
  });
  const count = timed("member count", async () => {
    const members = await cluster.memberList();
    const names = members.map((m) => m.name).sort();
    const want = [...plan2.expect.members].sort();
    const same = names.length === want.length && names.every((n, i) => n === want[i]);
    return same ? passed(
      "member count",
      `${names.length} members, as in ${etcdGroup}`,
      want.join(","),
      names.join(",")
    ) : failed(
      "member count",
      `the cluster's members differ from ${etcdGroup}`,
      want.join(","),
      names.join(",")
    );
  });
  const minRevision = plan2.expect.minRevision ?? observed.snapshot?.revision;
  const revision = timed("revision", async () => {
    if (minRevision === void 0) {
      return skipped("revision", "no snapshot was restored, so no revision to compare with");
    }
    const { statuses } = await cluster.endpointStatus();
    const revision2 = Math.max(...statuses.map((s) => s.revision));
    return revision2 >= minRevision ? passed("revision", "not behind the snapshot", `\u2265 ${minRevision}`, String(revision2)) : failed(
      "revision",
      "the cluster is behind the snapshot it was restored from",
      `\u2265 ${minRevision}`,
      String(revision2)
    );
  });
  let tell;
  const comparedAt = new Promise((resolve3) => {
    tell = resolve3;
  });
  let hashes;
  const hashKVAt2 = (at2) => {
    hashes ??= cluster.hashKV(at2);
    return hashes;
  };
  const keyspace = timed("keyspace", async () => {
    if (!etcdTouched || plan2.source.kind === "none") {
      return skipped(
        "keyspace",
        "no snapshot was restored: the keyspace is the running cluster\u2019s own"
      );
    }
    const restore = comparedRestore(plan2);
    const bump = restore?.params.bumpRevision ?? 0;
    if (restore) {
      const content = await snapshotContentCheck(deps, restore, bump, tell, hashKVAt2);
      if (content) return content.check;
    }
    if (plan2.expect.fingerprint) return fullKeyspaceCheck(cluster, plan2.expect.fingerprint, bump);
    if (plan2.expect.hashKV) return hashKVCheck(cluster, plan2.expect.hashKV, bump);
    return skipped(
      "keyspace",
      observed.snapshot ? `the staged snapshot from survivor ${observed.snapshot.node} is gone, and a survivor has no key hash to compare with; revision checked instead` : "the staged snapshot is gone, and the backup manifest has no key hash or fingerprint"
    );
  });
  void keyspace.finally(() => tell(void 0));
  const agree = comparedAt.then(
    (at2) => timed("members agree", async () => {
      if (at2 === void 0 || cluster.options.endpoints.length < 2) {
        return skipped(
          "members agree",
          at2 === void 0 ? "no keyspace compared with a restored snapshot" : "one member: nothing to compare"
        );
      }
      const hashes2 = await hashKVAt2(at2);
      const compactions = new Set(hashes2.map((h) => h.compactRevision));
      if (compactions.size > 1) {
        return skipped(
          "members agree",
          `members compacted at different revisions (${[...compactions].join(", ")}): their HashKV cannot compare`
        );
      }
      const byHash = /* @__PURE__ */ new Map();
      for (const h of hashes2) byHash.set(h.hash, [...byHash.get(h.hash) ?? [], h.endpoint]);
      const seen = [...byHash].map(([hash3, eps]) => `${eps.join(", ")}: ${hash3}`).join("; ");
      return byHash.size === 1 ? passed(
        "members agree",
        `every member's HashKV at revision ${at2} is the same (${hashes2.length} members)`
      ) : failed(
        "members agree",
        `members hold different data at revision ${at2}; the keyspace check read only one of them`,
        "one HashKV on every member",
        seen
      );
    })
  );
  const certificates = timed("certificates", async () => {
    if (observed.restoredFiles.length === 0) {
      return skipped("certificates", "no archive was restored in this run");
    }
    const wrong = await compareFiles(observed.restoredFiles, deps.transportFor);
    return wrong.length === 0 ? passed(
      "certificates",
      `${observed.restoredFiles.length} restored entries in place with their saved modes and owners`
    ) : failed(
      "certificates",
      wrong.slice(0, 10).join("; ") + (wrong.length > 10 ? `; and ${wrong.length - 10} more` : "")
    );
  });
  const [etcdChecks, apiChecks] = await Promise.all([
    Promise.all([healthy, count, revision, keyspace, agree, certificates]),
    kubernetesChecks(deps)
  ]);
  const checks = [...etcdChecks, ...apiChecks];
  return { ok: checks.every((c) => c.status !== "failed"), checks };
}
async function compareFiles(files, transportFor) {
  const wrong = [];
  const byNode = /* @__PURE__ */ new Map();
  for (const f of files) byNode.set(f.node, [...byNode.get(f.node) ?? [], f]);
  for (const [node, list] of byNode) {
    const t = await transportFor(node);
    const res = await t.exec(["stat", "-c", "%a %u %g %F", "--", ...list.map((f) => f.path)], {
      allowFailure: true,
      timeoutMs: 3e4
    });
    const lines = res.stdout.split("\n").filter(Boolean);
    if (lines.length !== list.length) {
      wrong.push(
        `${node}: ${list.length - lines.length} restored paths missing (${res.stderr.trim().split("\n")[0]})`
      );
      continue;
    }
    list.forEach((f, i) => {
      const [mode, uid, gid] = lines[i].split(" ");
      if (f.type === "symlink") return;
      if (Number.parseInt(mode, 8) !== f.mode || Number(uid) !== f.uid || Number(gid) !== f.gid) {
        wrong.push(
          `${node}:${f.path} is ${mode} ${uid}:${gid}, saved as ${f.mode.toString(8)} ${f.uid}:${f.gid}`
        );
      }
    });
  }
  return wrong;
}
async function hasKubectlAdmin(t) {
  const has = await t.script(
    `command -v kubectl >/dev/null && [ -r ${ADMIN_KUBECONFIG} ] && echo yes`,
    { allowFailure: true, timeoutMs: 15e3 }
  );
  return has.stdout.trim() === "yes";
}
async function kubernetesChecks(deps) {
  const cp = deps.plan.steps.find((s) => s.action === "restart-control-plane")?.node;
  const host = cp ?? deps.plan.steps.find((s) => s.action === "verify").node;
  const t = await deps.transportFor(host);
  const kubeconfig = ADMIN_KUBECONFIG;
  if (!await hasKubectlAdmin(t)) {
    const why = `no kubectl with ${kubeconfig} on ${host}: no Kubernetes API to ask here`;
    return [skipped("API ready", why), skipped("kubelet CSRs", why), skipped("nodes Ready", why)];
  }
  const kubectl = ["kubectl", `--kubeconfig=${kubeconfig}`];
  const t0 = Date.now();
  const ready = await timedCheck(deps.debug, "API ready", async () => {
    const deadline = Date.now() + 18e4;
    let last = "";
    for (; ; ) {
      const r = await t.exec([...kubectl, "get", "--raw=/readyz"], {
        allowFailure: true,
        timeoutMs: 3e4
      });
      if (r.code === 0 && r.stdout.trim() === "ok")
        return passed("API ready", "/readyz answered ok");
      last = (r.stdout + r.stderr).trim().slice(-300);
      const failing = (r.stdout + r.stderr).match(/\[-\][^\n\\]*/g)?.join(", ");
      deps.debug?.(
        `verify: /readyz not ok after ${Date.now() - t0} ms: ${failing ?? last.slice(-160)}`
      );
      if (Date.now() > deadline)
        return failed("API ready", `/readyz did not answer ok within 180 s: ${last}`);
      await new Promise((r2) => setTimeout(r2, 2e3));
    }
  });
  const kubeletNodes = deps.plan.kubeletNodes;
  const approved = /* @__PURE__ */ new Map();
  const leftAlone = /* @__PURE__ */ new Map();
  let csrError;
  const approveRound = async () => {
    if (!kubeletNodes || csrError) return;
    try {
      const round = await approveKubeletCsrs(t, kubectl, kubeletNodes);
      for (const d of round.approved) approved.set(d.name, d);
      for (const d of round.leftAlone) leftAlone.set(d.name, d);
    } catch (err) {
      csrError = err.message;
    }
  };
  if (ready.status === "passed") await approveRound();
  const nodes = await timedCheck(deps.debug, "nodes Ready", async () => {
    const deadline = Date.now() + 18e4;
    for (; ; ) {
      const r = await t.exec([...kubectl, "get", "nodes", "-o", "json"], { timeoutMs: 3e4 });
      const items = JSON.parse(r.stdout).items;
      const notReady = items.filter(
        (n) => !n.status.conditions.some((c) => c.type === "Ready" && c.status === "True")
      );
      if (notReady.length > 0) {
        deps.debug?.(
          `verify: not Ready after ${Date.now() - t0} ms: ${notReady.map((n) => n.metadata.name).join(", ")}`
        );
        await approveRound();
      }
      if (notReady.length === 0) return passed("nodes Ready", `${items.length} nodes Ready`);
      if (Date.now() > deadline) {
        return failed(
          "nodes Ready",
          `not Ready after 180 s: ${notReady.map(notReadyDetail).join("; ")}`
        );
      }
      await new Promise((r2) => setTimeout(r2, 3e3));
    }
  });
  if (ready.status === "passed") await approveRound();
  const say = (d) => `${d.name} (${d.requestor || "no requestor"}, ${d.signer}): ${d.why}`;
  const csrs = !kubeletNodes ? skipped(
    "kubelet CSRs",
    "the plan names no Kubernetes nodes (a plan file from before kube-rescue approved kubelet CSRs): none approved"
  ) : ready.status !== "passed" ? skipped("kubelet CSRs", "the API is not ready: no CSR looked at") : csrError ? failed("kubelet CSRs", csrError) : passed(
    "kubelet CSRs",
    [
      approved.size > 0 ? `approved ${[...approved.values()].map(say).join("; ")}` : "no pending kubelet CSR of a node of the inventory",
      ...leftAlone.size > 0 ? [
        `left alone ${[...leftAlone.values()].filter((d) => !approved.has(d.name)).map(say).join("; ")}`
      ] : []
    ].join(". "),
    void 0,
    [...approved.keys()].join(",") || void 0
  );
  return [ready, csrs, nodes];
}
function notReadyDetail(n) {
  const c = n.status.conditions.find((x) => x.type === "Ready");
  if (!c) return `${n.metadata.name} (no Ready condition)`;
  const said = [c.reason, c.message?.replace(/\s+/g, " ").slice(0, 200)].filter(Boolean).join(": ");
  return `${n.metadata.name} (Ready ${c.status}${said ? `, ${said}` : ""}${c.lastHeartbeatTime ? `, last heartbeat ${c.lastHeartbeatTime}` : ""})`;
}
async function fullKeyspaceCheck(cluster, fp, bump) {
  const now = await fingerprintViaEtcdCtl(cluster, { revision: fp.revision + bump });
  return now.count === fp.count && now.sha256 === fp.sha256 ? passed(
    "keyspace",
    `${now.count} keys, same sha256 as the snapshot`,
    `${fp.count} / ${fp.sha256.slice(0, 12)}`,
    `${now.count} / ${now.sha256.slice(0, 12)}`
  ) : failed(
    "keyspace",
    "the restored keyspace differs from the snapshot (keys lost, or written since the restore)",
    `${fp.count} keys / ${fp.sha256.slice(0, 12)}`,
    `${now.count} keys / ${now.sha256.slice(0, 12)} at revision ${now.revision}`
  );
}
async function hashKVCheck(cluster, expected, bump) {
  const { count } = await cluster.keyCount(expected.revision + bump);
  const counted = `${expected.count} keys`;
  if (count !== expected.count) {
    return failed(
      "keyspace",
      "the restored keyspace has a different number of keys than the snapshot",
      counted,
      `${count} keys at revision ${expected.revision + bump}`
    );
  }
  if (bump > 0) {
    return passed(
      "keyspace",
      `${count} keys at revision ${expected.revision + bump}; etcd's key hash is not comparable after a revision bump (it marks the history up to the new revision compacted) \u2014 back up with --fingerprint full to compare every key`,
      counted,
      `${count} keys`
    );
  }
  const hashes = await cluster.hashKV(expected.revision);
  const verdicts = hashes.map((h) => ({ h, c: compareHashKV(expected, { ...h, count }) }));
  const different = verdicts.filter((v) => v.c.result === "different");
  const want = `${counted}, HashKV ${expected.hash}`;
  if (different.length > 0) {
    return failed(
      "keyspace",
      `etcd's key hash at revision ${expected.revision} differs from the backup's on ${different.map((v) => v.h.endpoint).join(", ")}`,
      want,
      different.map((v) => `${v.h.endpoint}: ${v.h.hash}`).join("; ")
    );
  }
  const incomparable = verdicts.filter((v) => v.c.result === "incomparable");
  return passed(
    "keyspace",
    incomparable.length === 0 ? `${count} keys; every member's HashKV at revision ${expected.revision} equals the backup's` : `${count} keys; HashKV not compared on ${incomparable.map((v) => `${v.h.endpoint} (${v.c.detail})`).join(", ")}`,
    want,
    `${count} keys, HashKV ${[...new Set(hashes.map((h) => h.hash))].join("/")}`
  );
}
async function snapshotContentCheck(deps, restore, bump, tell, hashKVAt2) {
  var _stack2 = [];
  try {
    const remote = await deps.observed.stagedPath?.(restore.node, restore.params.snapshot) ?? restore.params.snapshot;
    const t = await deps.transportFor(restore.node);
    const there = async () => (await t.exec(["test", "-r", remote], { allowFailure: true, timeoutMs: 15e3 })).code === 0;
    const source = `the snapshot restored on ${restore.node} (${remote}${deps.keyspaceOnNode ? ", read on that node" : ""})`;
    if (deps.keyspaceOnNode) {
      var _stack = [];
      try {
        if (!await there()) return void 0;
        const snap2 = __using(_stack, await openSnapshotOnNode(t, deps.layout, remote), true);
        tell(snap2.revision + bump);
        return await compareWithSnapshot(deps, snap2.pairs, snap2.revision + bump, bump, source);
      } catch (_) {
        var _error = _, _hasError = true;
      } finally {
        var _promise = __callDispose(_stack, _error, _hasError);
        _promise && await _promise;
      }
    }
    const early = deps.observed.prefetched;
    const mine = early?.node === restore.node && early.planned === restore.params.snapshot;
    if (mine) deps.observed.prefetched = void 0;
    const copy = mine ? await early.copy.catch((err) => {
      deps.debug?.(`verify: keyspace: the early copy failed (${String(err)}); copying now`);
      return void 0;
    }) : void 0;
    if (!copy && !await there()) return void 0;
    const local = __using(_stack2, copy ?? await localSnapshotCopy(t, remote, restore.node, deps.debug), true);
    const { snap } = local;
    const at2 = snap.revision + bump;
    tell(at2);
    const byHash = await fileHashKVCheck(deps, snap, at2, bump, source, hashKVAt2);
    if ("check" in byHash) return byHash;
    deps.debug?.(`verify: keyspace: ${byHash.why}; comparing key by key`);
    const ranges = snap.ranges(RANGE_KEYS, PAGE_BYTES, { inRoundsOf: RANGES_AT_ONCE });
    return await compareWithSnapshot(deps, snap, at2, bump, source, ranges, byHash.why);
  } catch (_2) {
    var _error2 = _2, _hasError2 = true;
  } finally {
    var _promise2 = __callDispose(_stack2, _error2, _hasError2);
    _promise2 && await _promise2;
  }
}
async function fileHashKVCheck(deps, snap, revision, bump, source, hashKVAt2) {
  let hashes;
  try {
    hashes = await hashKVAt2(revision);
  } catch (err) {
    return { why: `the members' HashKV was not answered (${err.message})` };
  }
  if (hashes.length === 0) return { why: `no member answered its HashKV at revision ${revision}` };
  const t0 = Date.now();
  const bumpedTo = bump > 0 ? revision : void 0;
  const fileHash = (compactRevision) => snap.restoredHashKV({ revision, compactRevision, bumpedTo });
  const off = hashes.filter((h) => h.hash !== fileHash(h.compactRevision));
  deps.debug?.(`verify: keyspace: HashKV of the file computed in ${Date.now() - t0} ms`);
  if (off.length > 0) {
    return {
      why: `etcd's HashKV at revision ${revision} differs from the one computed from the file on ${off.map((h) => `${h.endpoint} (${h.hash}, the file's ${fileHash(h.compactRevision)})`).join(", ")}`
    };
  }
  const count = snap.keys().length;
  const want = `${count} keys / HashKV ${[...new Set(hashes.map((h) => fileHash(h.compactRevision)))].join("/")}`;
  const got = `HashKV ${[...new Set(hashes.map((h) => h.hash))].join("/")} on ${hashes.length} members at revision ${revision}`;
  const fp = deps.plan.expect.fingerprint;
  if (fp) {
    const file = await fingerprintOfPairs(snap.pairs(), () => snap.revision);
    const notTheFile = fileAgainstManifest(
      fp,
      file,
      source,
      `${file.count} keys / ${file.sha256.slice(0, 12)}`
    );
    if (notTheFile) return { check: notTheFile, revision };
  }
  return {
    check: passed(
      "keyspace",
      `every key and value (${count} keys) at revision ${revision} equals ${source}, on each of the ${hashes.length} member${hashes.length === 1 ? "" : "s"}: its HashKV is the one computed here from the file (keys, values and their revisions)${bump ? `, revision bumped by ${bump}` : ""}${fp ? "; the file matches the manifest fingerprint" : ""}`,
      want,
      got
    ),
    revision
  };
}
function fileAgainstManifest(fp, file, source, fileSaid) {
  if (!fp || fp.count === file.count && fp.sha256 === file.sha256) return void 0;
  return failed(
    "keyspace",
    `the cluster equals ${source}, but that file is not the keyspace the backup manifest fingerprinted`,
    `${fp.count} keys / ${fp.sha256.slice(0, 12)} (manifest)`,
    fileSaid
  );
}
function comparedRestore(plan2) {
  return plan2.steps.find(
    (st) => st.action === "restore-snapshot"
  );
}
async function localSnapshotCopy(t, remote, node, debug, markedCompactedBump) {
  const dir = await mkdtemp3(join5(tmpdir3(), "kube-rescue-verify-"));
  const atExit = () => rmSync(dir, { recursive: true, force: true });
  process.once("exit", atExit);
  const remove = async () => {
    process.removeListener("exit", atExit);
    await rm5(dir, { recursive: true, force: true });
  };
  let snap;
  try {
    const local = join5(dir, "snapshot.db");
    const t0 = Date.now();
    await pipeline3(t.readFile(remote), privateFileStream(local));
    debug?.(`verify: keyspace: ${remote} copied from ${node} in ${Date.now() - t0} ms`);
    snap = await SnapshotKeyspace.open(local, { withDigests: true });
    snap.keys();
    if (markedCompactedBump) {
      const at2 = snap.revision + markedCompactedBump;
      snap.restoredHashKV({ revision: at2, compactRevision: at2, bumpedTo: at2 });
    }
    const opened = snap;
    return {
      snap: opened,
      async [Symbol.asyncDispose]() {
        try {
          await opened[Symbol.asyncDispose]();
        } finally {
          await remove();
        }
      }
    };
  } catch (err) {
    await snap?.[Symbol.asyncDispose]().catch(() => void 0);
    await remove();
    throw err;
  }
}
async function compareWithSnapshot(deps, expected, revision, bump, source, ranges, keyByKeyBecause) {
  const { cluster, plan: plan2 } = deps;
  const at_ = (check2) => ({ check: check2, revision });
  const read = (from, limit, rev) => cluster.getPage(from, limit, rev || void 0);
  const via = `etcd via node ${cluster.node}`;
  const actual = ranges ? rangedPairs(
    read,
    ranges,
    { revision, pageSize: RANGE_KEYS, concurrency: RANGES_AT_ONCE },
    via
  ) : pagedPairs(read, { revision, pageSize: PAGE_KEYS }, via, { revision: 0 });
  const cmp = "digestOf" in expected ? await compareWithDigests(expected, actual) : await compareKeyspaces(expected, actual);
  const want = `${cmp.expected.count} keys${cmp.expected.sha256 ? ` / ${cmp.expected.sha256.slice(0, 12)}` : ""}`;
  const got = `${cmp.actual.count} keys / ${cmp.actual.sha256.slice(0, 12)} at revision ${revision}`;
  if (cmp.differences > 0) {
    return at_(
      failed(
        "keyspace",
        `${cmp.differences} key${cmp.differences === 1 ? "" : "s"} of the restored cluster differ from ${source}, e.g. ${cmp.examples.join("; ")}`,
        want,
        got
      )
    );
  }
  const fp = plan2.expect.fingerprint;
  const notTheFile = fileAgainstManifest(fp, cmp.expected, source, want);
  if (notTheFile) return at_(notTheFile);
  return at_(
    passed(
      "keyspace",
      `every key and value (${cmp.actual.count} keys) at revision ${revision} equals ${source}${bump ? `, revision bumped by ${bump}` : ""}${fp ? "; the file matches the manifest fingerprint" : ""}${keyByKeyBecause ? `; compared key by key: ${keyByKeyBecause}` : ""}`,
      want,
      got
    )
  );
}

// src/commands/plan.ts
function clusterNameOf(inventory) {
  for (const h of inventory.hosts.values()) {
    const v = h.vars.cluster_name;
    if (typeof v === "string" && v) return v;
  }
  return "cluster.local";
}
var NODE_GROUPS = ["k8s_cluster", "k8s-cluster", "kube_node", "kube-node"];
function kubernetesNodeNames(inventory) {
  const hosts = /* @__PURE__ */ new Set([
    ...inventory.controlPlane(),
    ...NODE_GROUPS.flatMap((g) => inventory.groups.get(g) ?? [])
  ]);
  return Object.fromEntries(
    [...hosts].map((h) => {
      const override = inventory.hosts.get(h)?.vars.kube_override_hostname;
      return [h, typeof override === "string" && override ? override : h];
    })
  );
}
function kubernetesNodeAddresses(inventory) {
  return Object.fromEntries(
    Object.keys(kubernetesNodeNames(inventory)).map((h) => {
      const vars = inventory.hosts.get(h)?.vars ?? {};
      const given = [vars.access_ip, vars.ip, vars.ansible_host].filter(
        (v) => typeof v === "string" && isIP3(v) !== 0
      );
      return [h, [...new Set(given)]];
    })
  );
}
function planInventoryOf(inventory) {
  const cpGroup = [...inventory.groups.keys()].find((g) => g.startsWith("broken_kube"));
  return {
    hosts: [...inventory.hosts.keys()],
    nodeNames: kubernetesNodeNames(inventory),
    nodeAddresses: kubernetesNodeAddresses(inventory),
    source: inventory.source,
    etcd: inventory.etcdMembers().map((m) => ({
      host: m.host,
      memberName: m.memberName,
      address: m.address
    })),
    controlPlane: inventory.controlPlane(),
    brokenEtcd: inventory.groups.has("broken_etcd") ? inventory.brokenEtcd() : void 0,
    brokenControlPlane: cpGroup ? inventory.brokenControlPlane() : void 0
  };
}
async function preparePlan(opts, ctx) {
  const inventory = await loadInventory(opts.inventory);
  if (inventory.etcdMembers().length === 0) {
    throw new InputError(
      `${opts.inventory} has no hosts in [etcd]: recovery needs the etcd members of the cluster.`
    );
  }
  const planInventory = planInventoryOf(inventory);
  const removeHosts = [...new Set(opts.removeHosts ?? [])];
  checkRemovableHosts(planInventory, removeHosts);
  const signed = opts.backup || opts.trustedSigners ? await ctx.progress.phase(
    "Check the backup signature",
    () => checkSignature(opts.backup, { trustedSigners: opts.trustedSigners, s3: opts.s3 })
  ) : void 0;
  if (signed) reportSignature(signed.check, ctx);
  const backup = opts.backup ? await ctx.progress.phase(
    `Read backup set ${opts.backup}`,
    () => BackupSource.open(opts.backup, opts.identityFiles, opts.s3)
  ) : void 0;
  requireSignedManifest(signed, backup, { trustedSigners: opts.trustedSigners });
  const transports = opts.transportFor ? { transportFor: opts.transportFor, close: async () => {
  } } : openNodeTransports(inventory, opts.access);
  try {
    const health = await ctx.progress.phase(
      "Probe the cluster",
      () => probeCluster(inventory, transports.transportFor, opts.access, {
        progress: ctx.progress,
        goneHosts: removeHosts,
        ...opts.probeTimeoutMs !== void 0 ? { timeoutMs: opts.probeTimeoutMs } : {}
      })
    );
    const kubectlOn = removeHosts.length > 0 ? await ctx.progress.phase(
      "Look for kubectl on the control plane",
      () => controlPlaneWithKubectl(inventory, health, removeHosts, transports.transportFor)
    ) : [];
    const state = { ...health, clusterName: clusterNameOf(inventory), kubectlOn };
    const options = {
      strategy: opts.strategy,
      force: opts.force,
      now: opts.now ?? /* @__PURE__ */ new Date(),
      haveIdentity: opts.identityFiles.length > 0,
      preferBackupSnapshot: opts.preferBackupSnapshot,
      removeHosts,
      ...opts.bumpRevision !== void 0 ? { bumpRevision: opts.bumpRevision } : {}
    };
    const plan2 = buildPlan(planInventory, state, backup?.summary(), options);
    const planFile = makePlanFile({
      inventory: planInventory,
      state,
      options: { ...options, now: options.now.toISOString() },
      ...backup ? { backup: { location: backup.location, manifestSha256: backup.manifestSha256 } } : {},
      plan: plan2
    });
    const objects = await ctx.progress.phase(
      "Check the backup objects the plan reads",
      () => checkPlanObjects(plan2, backup)
    );
    const preflight = signed ? { signature: signed.check, signatureText: describeSignature(signed.check), objects } : void 0;
    for (const o of objects) {
      ctx.progress.info(
        `${o.name}: present, ${o.bytes} bytes as the manifest says${o.encrypted ? ", the identity given opens it" : ""}.`
      );
    }
    return {
      plan: plan2,
      health,
      planFile,
      planSha256: planFileSha256(planFile),
      inventory,
      backup,
      preflight,
      ...transports
    };
  } catch (err) {
    await transports.close();
    throw err;
  }
}
function reportSignature(check2, ctx) {
  const line = `Backup signature: ${describeSignature(check2)}.`;
  if (check2.status === "invalid") ctx.progress.warn(line);
  else ctx.progress.info(line);
}
async function controlPlaneWithKubectl(inventory, health, removeHosts, transportFor) {
  const hosts = inventory.controlPlane().filter(
    (h) => !removeHosts.includes(h) && health.controlPlane.find((c) => c.host === h)?.reachable
  );
  const found = await Promise.all(
    hosts.map(async (h) => {
      try {
        return await hasKubectlAdmin(await transportFor(h)) ? [h] : [];
      } catch {
        return [];
      }
    })
  );
  return found.flat();
}
async function writePlanFile(path, file) {
  try {
    await writeFileDurably(path, planFileText(file));
  } catch (err) {
    throw new OperationError(`Cannot write the plan file ${path}: ${err.message}.`, {
      cause: err
    });
  }
}
async function plan(opts, ctx) {
  const prepared = await preparePlan(opts, ctx);
  await prepared.close();
  if (opts.out) {
    await writePlanFile(opts.out, prepared.planFile);
    ctx.progress.info(`Plan file ${opts.out} written, sha256 ${prepared.planSha256}.`);
  }
  return {
    plan: prepared.plan,
    health: prepared.health,
    planSha256: prepared.planSha256,
    ...opts.out ? { planFilePath: opts.out } : {},
    ...prepared.preflight ? { preflight: prepared.preflight } : {}
  };
}

// src/backup/archive-members.ts
var import_tar_stream = __toESM(require_tar_stream(), 1);
import { posix as posix2 } from "node:path";
var hasControl = (s) => [...s].some((c) => c.charCodeAt(0) < 32 || c === "\x7F");
var S_ISUID = 2048;
var S_ISGID = 1024;
function canonicalRoot(p) {
  if (!p.startsWith("/") || hasControl(p)) return void 0;
  const n = posix2.normalize(p).replace(/\/+$/, "");
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
function shown2(name) {
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
      `${where}: member ${JSON.stringify(shown2(name))} ${why}. The whole archive is refused and nothing of it was extracted: the backup set was altered or not written by kube-rescue. Restore from another set (check it with 'kube-rescue verify').`
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
        const target = posix2.resolve(posix2.dirname(path), link);
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
    for (let dir = posix2.dirname(m.path); dir !== "/"; dir = posix2.dirname(dir)) {
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
  const extract = import_tar_stream.default.extract();
  extract.on("entry", (header2, body, next) => {
    headers.push(header2);
    body.on("end", next);
    body.resume();
  });
  await new Promise((resolve3, reject) => {
    const fail = (err) => reject(
      err instanceof InputError ? err : new InputError(`${where} is not a readable tar archive (${err.message}).`, {
        cause: err
      })
    );
    extract.on("finish", resolve3);
    extract.on("error", fail);
    stream.on("error", (err) => reject(err));
    stream.pipe(extract);
  });
  return headers;
}

// src/recovery/node-steps.ts
import { posix as posix4 } from "node:path";
import { PassThrough as PassThrough2 } from "node:stream";

// src/backup/collect.ts
import { posix as posix3 } from "node:path";
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
    this.done = new Promise((resolve3, reject) => {
      worker.on("message", (m) => {
        if (m.kind === "ack") {
          this.inFlight -= m.bytes;
          if (this.inFlight <= IN_FLIGHT_BYTES) this.wake();
        } else {
          resolve3(m);
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
    let at2 = 0;
    while (at2 < chunk.length) {
      this.block ??= new Uint8Array(BLOCK_BYTES);
      const n = Math.min(BLOCK_BYTES - this.filled, chunk.length - at2);
      this.block.set(chunk.subarray(at2, at2 + n), this.filled);
      this.filled += n;
      at2 += n;
      if (this.filled === BLOCK_BYTES) this.send();
    }
    if (this.inFlight <= IN_FLIGHT_BYTES) return;
    return new Promise((resolve3) => {
      this.waiting = resolve3;
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
      const path = posix3.join(dir, "etcd.db");
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
  if (!posix3.basename(dir).startsWith(TEMP_PREFIX)) return;
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
    let failed2;
    const streamed = new Promise((resolve3, reject) => {
      ended = resolve3;
      failed2 = reject;
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
        failed2(err);
        throw err;
      } finally {
        await call.return(void 0);
        failed2(new OperationError("the snapshot stream was stopped before its end"));
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
var q2 = (s) => shellCommand([s]);
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
      `if [ -e ${q2(path)} ] || [ -L ${q2(path)} ]; then`,
      `  if [ -e ${q2(to)} ] || [ -L ${q2(to)} ]; then`,
      // An empty dir we recreated ourselves before a crash is not "taken".
      `    if [ ${recreate ? 1 : 0} = 1 ] && [ -d ${q2(path)} ] && [ -z "$(ls -A ${q2(path)})" ]; then echo already; exit 0; fi`,
      `    echo taken; exit 0`,
      "  fi",
      `  mv -- ${q2(path)} ${q2(to)} && echo moved`,
      `elif [ -e ${q2(to)} ] || [ -L ${q2(to)} ]; then echo already`,
      "else echo absent; fi",
      ...recreate ? [
        `if [ ! -e ${q2(path)} ] && [ -d ${q2(to)} ]; then mkdir -- ${q2(path)} && chown --reference=${q2(to)} ${q2(path)} && chmod --reference=${q2(to)} ${q2(path)}; fi >&2`
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
          `if [ -e ${q2(p.dataDir)} ]; then mv -- ${q2(p.dataDir)} ${q2(partial)} || exit $?; fi`
        ],
        after: [
          `if [ -e ${q2(aside)} ]; then chown -R "$(stat -c %u:%g ${q2(aside)})" ${q2(p.dataDir)} || exit $?; else u=$(systemctl show -p User --value etcd 2>/dev/null || true); if [ -n "$u" ] && id -u "$u" >/dev/null 2>&1; then chown -R "$u:$(id -gn "$u")" ${q2(p.dataDir)} || exit $?; fi; fi`,
          `exec chmod 700 ${q2(p.dataDir)}`
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
    const staged = posix4.join(dir, "archive.tar");
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
        `rm -rf -- ${q2(dir)} || exit $?`,
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
      return `if { [ -e ${q2(r)} ] || [ -L ${q2(r)} ]; } && ! { [ -e ${q2(to)} ] || [ -L ${q2(to)} ]; }; then mv -- ${q2(r)} ${q2(to)} && echo ${q2(`moved: ${r} \u2192 ${to}`)} || exit $?; fi`;
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
    return `if [ -e ${q2(parked)} ] && [ ! -e ${q2(to)} ]; then mv -- ${q2(parked)} ${q2(to)} && echo ${q2(`moved: ${parked} \u2192 ${to}`)} || exit $?; fi`;
  }
  /**
   * The text of a file about to be rewritten, its original copied aside (keptCopyOf) first, once:
   * never over an earlier copy. One command; undefined when the file cannot be read.
   */
  async readKeepingOriginal(t, node, path) {
    const aside = keptCopyOf(path, this.deps.layout.manifestsDir, this.ts);
    const r = await t.script(
      [
        `[ -e ${q2(path)} ] || exit 1`,
        `if [ -e ${q2(aside)} ] || [ -L ${q2(aside)} ]; then :; else cp -p -- ${q2(path)} ${q2(aside)} || exit 3; fi`,
        `exec cat -- ${q2(path)}`
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
    return posix4.join(found, posix4.basename(planned));
  }
  async findStagingDir(t, node, dir, create) {
    const key = `${node}\0${dir.template}`;
    const known = this.staged.get(key);
    if (known) return known.dir;
    const stem = q2(posix4.join(dir.parent, dir.prefix));
    const script = [
      `for d in ${stem}??????; do`,
      `  if [ -d "$d" ] && [ ! -L "$d" ] && [ "$(stat -c %u:%a -- "$d")" = "$(id -u):700" ]; then echo "$d"; exit 0; fi`,
      "done",
      create ? `mktemp -d ${stem}XXXXXX` : "echo none"
    ].join("\n");
    const out = (await t.script(script, { timeoutMs: 2e4 })).stdout.trim();
    if (out === "none") return void 0;
    if (!out.startsWith(posix4.join(dir.parent, dir.prefix)) || out.includes("\n")) {
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
    const failed2 = v.checks.filter((c) => c.status === "failed");
    if (failed2.length > 0) {
      throw new OperationError(
        `Verification failed: ${failed2.map((c) => `${c.name}: ${c.detail}`).join("; ")}`
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
  if (!dir.startsWith("/") || !posix4.basename(dir).startsWith(prefix)) {
    throw new OperationError(`Node ${node}: mktemp -d printed '${dir}', not a directory path.`);
  }
  return dir;
}
async function stageCheckedArchive(o) {
  const { backup, t, staged } = o;
  const where = `${backup.location}/${o.object}`;
  const expected = backup.manifest.objects.find((x) => x.name === o.object)?.plaintextSha256;
  const headers = await backup.streamTo(o.object, async (plain) => {
    const toNode = new PassThrough2();
    const toCheck = new PassThrough2();
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
      `sha256sum -- ${q2(staged)} || exit 3`,
      "echo",
      `exec env LC_ALL=C tar --quoting-style=escape -tf ${q2(staged)}`
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
  const at2 = gnu.findIndex((n, i) => n !== ours[i]);
  if (gnu.length !== ours.length || at2 >= 0) {
    const i = at2 >= 0 ? at2 : Math.min(gnu.length, ours.length);
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
    const at2 = lines.findIndex((l) => l.trimStart().startsWith(`- ${flag}=`));
    const line = `${indent}- ${flag}=${value}`;
    if (at2 >= 0) lines[at2] = line;
    else added.push(line);
  }
  lines.splice(command + 1, 0, ...added);
  return lines.join("\n");
}
function setEnvKeys(text, set) {
  const pending2 = new Map(Object.entries(set));
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  const out = lines.map((line) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
    if (m && pending2.has(m[1])) {
      const v = pending2.get(m[1]);
      pending2.delete(m[1]);
      return `${m[1]}=${v}`;
    }
    return line;
  });
  for (const [k, v] of pending2) out.push(`${k}=${v}`);
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
  const template = posix4.dirname(planned);
  if (!template.endsWith(".XXXXXX")) return void 0;
  return {
    template,
    parent: posix4.dirname(template),
    prefix: posix4.basename(template).slice(0, -"XXXXXX".length)
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
  parseRecipient,
  parseIdentities,
  loadIdentityFiles,
  generateIdentity,
  hashKVOfMember,
  SNAPSHOT_COMMAND_TIMEOUT_MS,
  snapshotCtl,
  takeSnapshot,
  streamSnapshot,
  discardSnapshot,
  readSnapshot,
  existingPaths,
  archivePaths,
  requireCompression,
  canonicalJson,
  buildManifest,
  serializeManifest,
  parseManifest,
  storeObject,
  readObject,
  MANIFEST_SIGNATURE,
  signManifest,
  checkManifestSignature,
  describeSignature,
  checkSetSignature,
  compareHashKV,
  fingerprintViaEtcdCtl,
  fingerprintWithClient,
  hashKVViaEtcdCtl,
  preloadEtcdClient,
  connectEtcdClient,
  fingerprintEndpoints,
  privateFileStream,
  useGitHubToken,
  openStore,
  openSet,
  BackupSource,
  openNodeTransports,
  buildPlan,
  sha256Hex,
  planFileSha256,
  parsePlanFile,
  replan,
  inventoryChanges,
  clusterChanges,
  objectsNeeded,
  checkSignature,
  requireSignedManifest,
  requireOwnName,
  checkPlanObjects,
  SnapshotKeyspace,
  verifyRecovery,
  clusterNameOf,
  planInventoryOf,
  preparePlan,
  reportSignature,
  plan,
  readArchiveHeaders,
  NodeStepRunner,
  makePrivateDir,
  stageCheckedArchive,
  checkNodeArchive
};
//# sourceMappingURL=chunk-2NC5A4CN.js.map
