#!/usr/bin/env node
import {
  InputError,
  KubeRescueError,
  OperationError,
  __callDispose,
  __using,
  checkClusterName,
  checkObjectName,
  compareSetNames,
  exitCodeOf,
  formatSetName,
  parseS3Url,
  parseSetName
} from "./cli-chunks/chunk-PLTQ4UXS.js";

// src/cli.ts
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";

// src/commands/backup.ts
import { hostname } from "node:os";

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
function bech32Decode(text4) {
  if (text4 !== text4.toLowerCase() && text4 !== text4.toUpperCase()) {
    throw new Error("mixed case");
  }
  const s = text4.toLowerCase();
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
function parseRecipient(text4, where = "--encrypt-to") {
  const trimmed = text4.trim();
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
function parseIdentities(text4, where) {
  const identities = [];
  for (const raw of text4.split(/\r?\n/)) {
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
    let text4;
    try {
      text4 = await readFile(p, "utf8");
    } catch (err) {
      throw new InputError(
        `--identity ${p}: cannot read the file (${err.code ?? err.message}).`
      );
    }
    all.push(...parseIdentities(text4, `--identity ${p}`));
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
  let text4 = `${INTRO}
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
    text4 += `-> X25519 ${b64(share)}
${wrapBody(b64(body))}`;
  }
  text4 += "---";
  const mac = createHmac("sha256", hkdf(fileKey, Buffer.alloc(0), "header")).update(text4).digest();
  return Buffer.from(`${text4} ${b64(mac)}
`, "latin1");
}
function createAgeEncryptStream(recipients) {
  if (recipients.length === 0) throw new InputError("age encryption needs at least one recipient.");
  const fileKey = randomBytes(16);
  const nonce = randomBytes(16);
  const payloadKey = hkdf(fileKey, nonce, "payload");
  const pending = new ByteQueue();
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
      pending.push(chunk);
      while (pending.length > AGE_CHUNK) {
        this.push(seal(payloadKey, streamNonce(counter++, false), pending.take(AGE_CHUNK)));
      }
      cb();
    },
    flush(cb) {
      start(this);
      this.push(seal(payloadKey, streamNonce(counter++, true), pending.takeAll()));
      cb();
    }
  });
}
function corrupt(where, what) {
  return new OperationError(`${where}: not a valid age file: ${what}.`);
}
var ARGUMENT = /^[\x21-\x7e]+$/;
var BASE64_LINE = /^[A-Za-z0-9+/]*$/;
function parseHeader(text4, where) {
  const lines = text4.split("\n");
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
  const pending = new ByteQueue();
  try {
    for await (const chunk of source) {
      pending.push(chunk);
      const bytes = pending.takeAll();
      if (openHeader(bytes, identities, where, false, false)) return;
      pending.push(bytes);
    }
    openHeader(pending.takeAll(), identities, where, true, false);
  } finally {
    source.destroy();
  }
}
function createAgeDecryptStream(identities, where) {
  const pending = new ByteQueue();
  let payloadKey = null;
  let counter = 0;
  let done = false;
  const readHeader = (complete) => {
    const bytes = pending.takeAll();
    const opened = openHeader(bytes, identities, where, complete);
    if (!opened) {
      pending.push(bytes);
      return false;
    }
    payloadKey = opened.payloadKey;
    pending.push(bytes.subarray(opened.end));
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
    `${pending.length} byte(s) follow the final payload chunk (the file was altered)`
  );
  return new Transform({
    transform(chunk, _enc, cb) {
      try {
        pending.push(chunk);
        if (!payloadKey && !readHeader(false)) return cb();
        while (!done && pending.length >= CIPHER_CHUNK)
          this.push(openFull(pending.take(CIPHER_CHUNK)));
        if (done && pending.length > 0) throw trailing();
        cb();
      } catch (err) {
        cb(err);
      }
    },
    flush(cb) {
      try {
        if (!payloadKey) readHeader(true);
        if (done) {
          if (pending.length > 0) throw trailing();
          return cb();
        }
        if (pending.length === 0) {
          throw failed2("is missing: the file ends without a final chunk (it is truncated)");
        }
        if (pending.length === TAG && counter > 0) {
          throw failed2("is an empty final chunk after a full one, which age never writes");
        }
        const plain = open(
          payloadKey,
          streamNonce(counter, true),
          pending.takeAll()
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

// src/backup/backup-set.ts
import { Readable as Readable2 } from "node:stream";

// src/backup/collect.ts
import { posix } from "node:path";
import { Readable } from "node:stream";

// src/progress.ts
function maskSecrets(text4, secrets) {
  let out = text4;
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join("***");
  }
  return out;
}
var StderrProgress = class {
  constructor(opts = {}) {
    this.opts = opts;
  }
  opts;
  started = Date.now();
  secrets = /* @__PURE__ */ new Set();
  emit(prefix, message2) {
    if (this.opts.quiet && prefix !== "warn") return;
    const elapsed = ((Date.now() - this.started) / 1e3).toFixed(1).padStart(6);
    const line = `[${elapsed}s] ${prefix === "info" ? "" : `${prefix}: `}${maskSecrets(message2, this.secrets)}
`;
    (this.opts.write ?? ((s) => process.stderr.write(s)))(line);
  }
  info(message2) {
    this.emit("info", message2);
  }
  warn(message2) {
    this.emit("warn", message2);
  }
  debug(message2) {
    if (this.opts.verbose) this.emit("debug", message2);
  }
  async phase(name, work) {
    const t0 = Date.now();
    this.emit("info", `\u25B6 ${name}`);
    try {
      const result = await work();
      this.emit("info", `\u2714 ${name} (${((Date.now() - t0) / 1e3).toFixed(1)}s)`);
      return result;
    } catch (err) {
      this.emit("info", `\u2716 ${name} (${((Date.now() - t0) / 1e3).toFixed(1)}s)`);
      throw err;
    }
  }
  secret(value) {
    if (value) this.secrets.add(value);
  }
};
var silentProgress = {
  info() {
  },
  warn() {
  },
  debug() {
  },
  phase: (_name, work) => work(),
  secret() {
  }
};

// src/nodes/errors.ts
var STDERR_TAIL_LINES = 12;
var NodeError = class extends OperationError {
  constructor(node, message2, options) {
    super(message2, options);
    this.node = node;
  }
  node;
};
var UnreachableError = class extends NodeError {
  constructor(node, detail, options) {
    super(node, `Node ${node} is unreachable: ${detail}`, options);
  }
};
var AuthError = class extends NodeError {
  constructor(node, detail, options) {
    super(node, `Node ${node} refused authentication: ${detail}`, options);
  }
};
var HostKeyError = class extends NodeError {
  constructor(node, detail) {
    super(node, `Node ${node}: host key check failed: ${detail}`);
  }
};
var TransportTimeoutError = class extends NodeError {
  constructor(node, what, timeoutMs, stopped = true) {
    const fate = stopped ? "it was stopped" : "it did not stop when told and may still be running there";
    super(
      node,
      `Node ${node}: ${what} did not finish within ${formatMs(timeoutMs)}; ${fate}. Check that the node is responsive, or allow more time.`
    );
    this.what = what;
    this.timeoutMs = timeoutMs;
    this.stopped = stopped;
  }
  what;
  timeoutMs;
  stopped;
};
var CommandFailedError = class extends NodeError {
  constructor(node, command, commandExitCode, stderr, mask = [], signal) {
    const tail = lastLines(maskText(stderr, mask), STDERR_TAIL_LINES);
    const how = signal ? `was killed by ${signal}` : `exited with code ${commandExitCode}`;
    const shown2 = tail ? `
Last lines of stderr:
${indent(tail)}` : "\n(stderr was empty)";
    super(node, `Node ${node}: command ${how}: ${command}${shown2}`);
    this.command = command;
    this.commandExitCode = commandExitCode;
    this.stderrTail = tail;
  }
  command;
  commandExitCode;
  /** The last lines of stderr, masked. */
  stderrTail;
};
function displayCommand(argv, mask = []) {
  const text4 = argv.map((a) => /^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)).join(" ");
  const masked = maskText(text4, mask);
  return masked.length > 600 ? `${masked.slice(0, 600)}\u2026 (${masked.length} chars)` : masked;
}
function maskText(text4, mask = []) {
  return mask.length ? maskSecrets(text4, maskVariants(mask)) : text4;
}
function maskVariants(mask) {
  const out = /* @__PURE__ */ new Set();
  for (const m of mask) {
    if (!m) continue;
    out.add(m);
    out.add(JSON.stringify(m).slice(1, -1));
  }
  return [...out].sort((a, b) => b.length - a.length);
}
function lastLines(text4, n) {
  const lines = text4.replace(/\s+$/, "").split("\n");
  return lines.slice(-n).join("\n");
}
function indent(text4) {
  return text4.split("\n").map((l) => `  ${l}`).join("\n");
}
function formatMs(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(ms % 1e3 === 0 ? 0 : 1)} s` : `${ms} ms`;
}

// src/nodes/shell-quote.ts
var PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
function shellQuote(arg) {
  if (arg.includes("\0")) {
    throw new InputError(
      "A command argument contains a NUL byte, which no process argument can carry; remove it."
    );
  }
  if (PLAIN_WORD.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
function shellCommand(argv) {
  if (argv.length === 0) throw new InputError("An empty command cannot be run on a node.");
  return argv.map(shellQuote).join(" ");
}

// src/etcd/etcdctl-output.ts
var TOKEN = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
function parseEtcdJson(text4, what) {
  const safe = text4.replace(
    TOKEN,
    (tok) => tok[0] !== '"' && /^-?\d{16,}$/.test(tok) ? `"${tok}"` : tok
  );
  try {
    return JSON.parse(safe);
  } catch (err) {
    const head = text4.trim().slice(0, 200);
    throw new OperationError(
      `Could not read the JSON output of ${what}: ${err.message}. Output began with: ${head || "(nothing)"}`,
      { cause: err }
    );
  }
}
function idToHex(id) {
  if (typeof id === "string" && /^\d+$/.test(id)) return BigInt(id).toString(16);
  if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) return id.toString(16);
  if (typeof id === "bigint") return id.toString(16);
  throw new OperationError(`Expected an etcd id (unsigned integer), got ${JSON.stringify(id)}.`);
}
function normaliseHexId(id) {
  const hex = id.trim().toLowerCase().replace(/^0x/, "");
  if (!/^[0-9a-f]{1,16}$/.test(hex)) {
    throw new OperationError(
      `"${id}" is not an etcd member id: expected up to 16 hex digits, as \`etcdctl member list\` prints them.`
    );
  }
  return BigInt(`0x${hex}`).toString(16);
}
function obj(v, what) {
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new OperationError(
      `Unexpected ${what}: expected a JSON object, got ${JSON.stringify(v)?.slice(0, 120)}.`
    );
  }
  return v;
}
function num(v, field) {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  if (v === void 0) return 0;
  throw new OperationError(`Unexpected value for ${field}: ${JSON.stringify(v)}.`);
}
function strings(v) {
  return Array.isArray(v) ? v.filter((s) => typeof s === "string") : [];
}
function array(v, what) {
  if (!Array.isArray(v)) throw new OperationError(`Unexpected ${what}: expected a JSON array.`);
  return v;
}
function parseEndpointHealth(text4) {
  const list2 = array(parseEtcdJson(text4, "etcdctl endpoint health"), "endpoint health output");
  return list2.map((e) => {
    const o = obj(e, "endpoint health entry");
    const out = {
      endpoint: String(o.endpoint ?? ""),
      healthy: o.health === true || o.health === "true"
    };
    if (typeof o.took === "string") out.took = o.took;
    if (typeof o.error === "string" && o.error) out.error = o.error;
    return out;
  });
}
function parseEndpointStatus(text4) {
  const list2 = array(parseEtcdJson(text4, "etcdctl endpoint status"), "endpoint status output");
  return list2.map((e) => {
    const o = obj(e, "endpoint status entry");
    const s = obj(o.Status, "endpoint status");
    const h = obj(s.header ?? {}, "endpoint status header");
    const memberId = idToHex(h.member_id ?? "0");
    const leader = idToHex(s.leader ?? "0");
    const out = {
      endpoint: String(o.Endpoint ?? ""),
      memberId,
      clusterId: idToHex(h.cluster_id ?? "0"),
      leader,
      isLeader: memberId === leader,
      version: String(s.version ?? ""),
      raftTerm: num(s.raftTerm, "raftTerm"),
      raftIndex: num(s.raftIndex, "raftIndex"),
      revision: num(h.revision, "revision"),
      dbSize: num(s.dbSize, "dbSize"),
      isLearner: s.isLearner === true,
      errors: strings(s.errors)
    };
    if (s.raftAppliedIndex !== void 0)
      out.raftAppliedIndex = num(s.raftAppliedIndex, "raftAppliedIndex");
    if (s.dbSizeInUse !== void 0) out.dbSizeInUse = num(s.dbSizeInUse, "dbSizeInUse");
    return out;
  });
}
function parseMember(m) {
  const o = obj(m, "member");
  return {
    id: idToHex(o.ID),
    name: typeof o.name === "string" ? o.name : "",
    peerURLs: strings(o.peerURLs),
    clientURLs: strings(o.clientURLs),
    isLearner: o.isLearner === true
  };
}
function parseMemberList(text4) {
  const o = obj(parseEtcdJson(text4, "etcdctl member list"), "member list output");
  return array(o.members ?? [], "member list").map(parseMember);
}
function parseMemberAdd(text4) {
  const id = /Member\s+([0-9a-f]+)\s+added to cluster/i.exec(text4)?.[1];
  const env = parseEnvLines(text4);
  if (!id || env.ETCD_INITIAL_CLUSTER === void 0) {
    throw new OperationError(
      `Could not read the output of etcdctl member add (expected "Member <id> added to cluster" and ETCD_INITIAL_CLUSTER=...): ${text4.trim().slice(0, 300)}`
    );
  }
  return {
    id: normaliseHexId(id),
    initialCluster: env.ETCD_INITIAL_CLUSTER,
    initialClusterState: env.ETCD_INITIAL_CLUSTER_STATE ?? "existing"
  };
}
function parseEnvLines(text4) {
  const out = {};
  for (const raw of text4.split("\n")) {
    const line = raw.trim();
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!m || line.startsWith("#")) continue;
    let value = m[2].trim();
    if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value.endsWith(value[0])) {
      value = value.slice(1, -1);
    }
    out[m[1]] = value;
  }
  return out;
}
function parseSnapshotStatus(text4) {
  const o = obj(parseEtcdJson(text4, "snapshot status"), "snapshot status output");
  const out = {
    hash: num(o.hash, "hash"),
    revision: num(o.revision, "revision"),
    totalKey: num(o.totalKey, "totalKey"),
    totalSize: num(o.totalSize, "totalSize")
  };
  if (typeof o.version === "string" && o.version) out.version = o.version;
  return out;
}
function parseEndpointHashKV(text4, revision) {
  const list2 = array(parseEtcdJson(text4, "etcdctl endpoint hashkv"), "endpoint hashkv output");
  return list2.map((e) => {
    const o = obj(e, "endpoint hashkv entry");
    const h = obj(o.HashKV, "endpoint hashkv result");
    const compact = h.compact_revision;
    return {
      endpoint: String(o.Endpoint ?? ""),
      revision,
      hash: num(h.hash, "hash"),
      // -1 (never compacted) is printed; an omitted field is proto3's zero.
      compactRevision: typeof compact === "number" ? compact : num(compact, "compact_revision")
    };
  });
}
function parseGet(text4) {
  const o = obj(parseEtcdJson(text4, "etcdctl get"), "get output");
  const h = obj(o.header ?? {}, "get header");
  const kvs = array(o.kvs ?? [], "kvs").map((kv) => {
    const k = obj(kv, "key-value");
    return {
      key: Buffer.from(String(k.key ?? ""), "base64"),
      value: Buffer.from(String(k.value ?? ""), "base64")
    };
  });
  return {
    revision: num(h.revision, "revision"),
    kvs,
    more: o.more === true,
    count: num(o.count, "count")
  };
}
function parseVersionEndpoint(text4) {
  const start = text4.indexOf("{");
  const o = obj(
    parseEtcdJson(start >= 0 ? text4.slice(start) : text4, "the /version endpoint"),
    "/version"
  );
  return { server: String(o.etcdserver ?? ""), cluster: String(o.etcdcluster ?? "") };
}

// src/etcd/version.ts
var defaultToolCommands = {
  etcd: ["etcd"],
  etcdctl: ["etcdctl"],
  etcdutl: ["etcdutl"]
};
function parseSemVer(text4) {
  const m = /(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.-]+)?/.exec(text4);
  if (!m) return void 0;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]), raw: m[0] };
}
function parseToolVersion(tool, output) {
  const label = tool === "etcd" ? /etcd Version:\s*(\S+)/i : new RegExp(`${tool} version:\\s*(\\S+)`, "i");
  const m = label.exec(output);
  return m ? parseSemVer(m[1]) : void 0;
}
function atLeast(v, major, minor) {
  if (!v) return false;
  return v.major > major || v.major === major && v.minor >= minor;
}
function chooseSnapshotTool(node, versions) {
  if (versions.etcdutl) return "etcdutl";
  if (versions.etcdctl && !atLeast(versions.etcdctl, 3, 6)) return "etcdctl";
  if (versions.etcdctl) {
    throw new OperationError(
      `Node ${node} has etcdctl ${versions.etcdctl.raw} but no etcdutl: since etcd 3.6 snapshot status/restore live only in etcdutl. Install etcdutl of the same version on ${node}.`
    );
  }
  throw new OperationError(
    `Node ${node} has neither etcdctl nor etcdutl on its PATH. Install the etcd client tools (Debian: etcd-client) or point the layout at them.`
  );
}
function helpOffersBumpRevision(help) {
  return help.includes("--bump-revision") && help.includes("--mark-compacted");
}
var SECTION = "@@kube-rescue@@";
async function detectEtcdTools(transport, commands = defaultToolCommands, options = {}) {
  const probes = [
    [
      "paths",
      `for t in ${["etcd", "etcdctl", "etcdutl"].map((k) => shellCommand([commands[k][0] ?? k])).join(" ")}; do command -v "$t" || echo; done`
    ],
    ["etcd", `${shellCommand(commands.etcd)} --version`],
    ["etcdctl", `ETCDCTL_API=3 ${shellCommand(commands.etcdctl)} version`],
    ["etcdutl", `${shellCommand(commands.etcdutl)} version`],
    ["etcdctl-restore", `ETCDCTL_API=3 ${shellCommand(commands.etcdctl)} snapshot restore --help`],
    ["etcdutl-restore", `${shellCommand(commands.etcdutl)} snapshot restore --help`]
  ];
  const script = [
    "d=$(mktemp -d) || exit 1",
    ...probes.map(([, cmd], i) => `(${cmd}) >"$d/${i}" 2>&1 &`),
    "wait",
    ...probes.map(([name], i) => `echo '${SECTION}${name}'; cat "$d/${i}"`),
    'rm -r "$d"'
  ].join("\n");
  const res = await transport.script(script, {
    timeoutMs: options.timeoutMs ?? 2e4,
    allowFailure: true
  });
  const sections = /* @__PURE__ */ new Map();
  for (const part of res.stdout.split(SECTION).slice(1)) {
    const nl = part.indexOf("\n");
    sections.set(part.slice(0, nl), part.slice(nl + 1));
  }
  const server = parseToolVersion("etcd", sections.get("etcd") ?? "");
  const etcdctl = parseToolVersion("etcdctl", sections.get("etcdctl") ?? "");
  const etcdutl = parseToolVersion("etcdutl", sections.get("etcdutl") ?? "");
  const found = (sections.get("paths") ?? "").split("\n");
  const paths = {};
  ["etcd", "etcdctl", "etcdutl"].forEach((k, i) => {
    if (commands[k].length > 1) paths[k] = shellCommand(commands[k]);
    else if (found[i]?.trim()) paths[k] = found[i].trim();
  });
  const snapshotTool = chooseSnapshotTool(transport.node, { etcdctl, etcdutl });
  const tools = {
    node: transport.node,
    commands,
    snapshotTool,
    supportsBumpRevision: helpOffersBumpRevision(sections.get(`${snapshotTool}-restore`) ?? ""),
    paths
  };
  if (server) tools.server = server;
  if (etcdctl) tools.etcdctl = etcdctl;
  if (etcdutl) tools.etcdutl = etcdutl;
  return tools;
}
function supportsBumpRevision(tools) {
  if (tools.supportsBumpRevision) return { ok: true };
  const v = tools[tools.snapshotTool];
  return {
    ok: false,
    reason: `${tools.snapshotTool} ${v?.raw ?? "(unknown version)"} on ${tools.node} does not offer --bump-revision/--mark-compacted in its restore help (newer etcd releases do) \u2014 restored without a revision bump, so clients that watched keys must relist`
  };
}
var detected = /* @__PURE__ */ new WeakMap();
function etcdToolsOf(transport, commands = defaultToolCommands) {
  let perNode = detected.get(transport);
  if (!perNode) {
    perNode = /* @__PURE__ */ new Map();
    detected.set(transport, perNode);
  }
  const key = JSON.stringify(commands);
  let found = perNode.get(key);
  if (!found) {
    found = detectEtcdTools(transport, commands);
    perNode.set(key, found);
    found.catch(() => perNode.delete(key));
  }
  return found;
}
function etcdImageVersion(image) {
  const tag = /:([^:/@\s]+)(?:@|$)/.exec(image.trim())?.[1];
  return tag ? parseSemVer(tag.replace(/^v/, "").replace(/-\d+$/, "")) : void 0;
}
function manifestEtcdImage(manifest) {
  for (const m of manifest.matchAll(/^\s*(?:-\s+)?image:\s*["']?([^"'\s]+)["']?\s*$/gm)) {
    if (/(^|\/)etcd[:@]/.test(m[1])) return m[1];
  }
  return void 0;
}
async function identifyEtcdBinaries(transport, commands = defaultToolCommands, manifests = [], detection) {
  const node = transport.node;
  let tools;
  try {
    tools = await (detection ?? detectEtcdTools(transport, commands));
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    return {
      error: `${node}: ${err.message} (looked for ${shellCommand(commands.etcdutl)} and ${shellCommand(commands.etcdctl)} on the PATH of ${node})`
    };
  }
  const toolVersion = tools[tools.snapshotTool];
  const toolPath = tools.paths?.[tools.snapshotTool] ?? shellCommand(commands[tools.snapshotTool]);
  let server = tools.server?.raw;
  let from = `${toolPath} version`;
  if (server) from += `, ${tools.paths?.etcd ?? shellCommand(commands.etcd)} --version`;
  else if (manifests.length > 0) {
    const res = await transport.exec(
      [
        "sh",
        "-c",
        'for f in "$@"; do [ -r "$f" ] && { echo "$f"; cat "$f"; exit 0; }; done; exit 0',
        "sh",
        ...manifests
      ],
      { allowFailure: true, timeoutMs: 15e3 }
    );
    const [path, ...text4] = res.stdout.split("\n");
    const image = path ? manifestEtcdImage(text4.join("\n")) : void 0;
    const v = image ? etcdImageVersion(image) : void 0;
    if (v) {
      server = v.raw;
      from += `, image ${image} in ${path}`;
    } else if (path) {
      return {
        error: `${node}: no etcd binary on the PATH, and the etcd image in ${path} (${image ?? "no image: line for etcd"}) carries no version tag. Use a tagged etcd image, or install etcd on ${node}.`
      };
    }
  }
  if (!server) {
    return {
      error: `${node}: no etcd binary answers ${shellCommand(commands.etcd)} --version (${tools.paths?.etcd ?? "not on the PATH"}${manifests.length ? `; no etcd static-pod manifest at ${manifests.join(" or ")}` : ""}), so the etcd this node would run is unknown. Install etcd of the cluster's version on ${node}.`
    };
  }
  return {
    tools: {
      server,
      snapshotTool: tools.snapshotTool,
      snapshotToolVersion: toolVersion.raw,
      bumpRevision: tools.supportsBumpRevision,
      from
    }
  };
}

// src/etcd/snapshot-tool.ts
var EtcdSnapshotTool = class {
  constructor(transport, options = {}) {
    this.transport = transport;
    this.options = options;
    this.tools = options.tools;
    this.progress = options.progress ?? silentProgress;
  }
  transport;
  options;
  tools;
  progress;
  async etcdTools() {
    this.tools ??= await etcdToolsOf(this.transport, this.options.commands ?? defaultToolCommands);
    return this.tools;
  }
  async run(args, what) {
    const tools = await this.etcdTools();
    const argv = [...tools.commands[tools.snapshotTool], ...args];
    try {
      return await this.transport.exec(argv, { env: { ETCDCTL_API: "3" }, timeoutMs: 30 * 6e4 });
    } catch (err) {
      if (!(err instanceof CommandFailedError)) throw err;
      let hint = "";
      if (/exists/i.test(err.stderrTail) && args.includes("restore")) {
        hint = " The target data dir already exists: move it aside first (never delete it), then restore.";
      } else if (/hash mismatch|invalid|bad|no such file|not a valid/i.test(err.stderrTail)) {
        hint = " Check the snapshot file itself (kube-rescue verify).";
      }
      throw new OperationError(
        `Node ${this.transport.node}: ${what} failed.${hint}
${err.message}`,
        {
          cause: err
        }
      );
    }
  }
  async status(path) {
    const res = await this.run(
      ["snapshot", "status", path, "-w", "json"],
      `snapshot status ${path}`
    );
    return parseSnapshotStatus(res.stdout);
  }
  /**
   * Restores into `dataDir`, which must not exist yet (the caller moves an old one aside).
   * A requested revision bump is applied only where the tool offers it; otherwise the
   * result says why it was skipped.
   */
  async restore(o) {
    const tools = await this.etcdTools();
    const args = [
      "snapshot",
      "restore",
      o.snapshot,
      `--data-dir=${o.dataDir}`,
      `--name=${o.name}`,
      `--initial-cluster=${o.initialCluster}`,
      `--initial-cluster-token=${o.initialClusterToken}`,
      `--initial-advertise-peer-urls=${o.initialAdvertisePeerUrls.join(",")}`
    ];
    if (o.skipHashCheck) args.push("--skip-hash-check");
    const result = {
      dataDir: o.dataDir,
      tool: tools.snapshotTool,
      bumpedBy: 0
    };
    if (o.bumpRevision && o.bumpRevision > 0) {
      const can = supportsBumpRevision(tools);
      if (can.ok) {
        args.push(`--bump-revision=${o.bumpRevision}`);
        if (o.markCompacted !== false) args.push("--mark-compacted");
        result.bumpedBy = o.bumpRevision;
      } else {
        result.bumpSkipped = can.reason;
        this.progress.warn(can.reason);
      }
    }
    await this.run(args, `snapshot restore into ${o.dataDir}`);
    return result;
  }
};

// src/etcd/etcdctl.ts
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
var EtcdCtl = class _EtcdCtl {
  constructor(transport, options) {
    this.transport = transport;
    this.options = options;
    if (options.endpoints.length === 0) {
      throw new InputError(
        `No etcd endpoint given for node ${transport.node}: pass --etcd-endpoints https://HOST:2379 or an inventory with an [etcd] group.`
      );
    }
    for (const e of options.endpoints) {
      if (!/^https?:\/\/[^/\s]+(:\d+)?\/?$/.test(e)) {
        throw new InputError(
          `"${e}" is not an etcd endpoint: expected http(s)://HOST:PORT, e.g. https://10.0.0.11:2379.`
        );
      }
    }
    this.tools = options.tools;
    this.progress = options.progress ?? silentProgress;
  }
  transport;
  options;
  tools;
  preflightDone;
  progress;
  get node() {
    return this.transport.node;
  }
  /** The node's etcd tools; detected once. Throws when etcdctl is not installed. */
  async etcdTools() {
    if (!this.tools) {
      this.tools = await etcdToolsOf(this.transport, this.options.commands ?? defaultToolCommands);
    }
    return this.tools;
  }
  /** A copy talking to other endpoints (e.g. exactly one, for snapshot save). */
  withEndpoints(endpoints) {
    const copy = new _EtcdCtl(this.transport, { ...this.options, endpoints, tools: this.tools });
    copy.preflightDone = this.preflightDone;
    return copy;
  }
  /** A copy with other etcdctl timeouts (dial at most 2 s), sharing the detected tools. */
  withTimeouts(commandTimeoutMs) {
    const copy = new _EtcdCtl(this.transport, {
      ...this.options,
      commandTimeoutMs,
      dialTimeoutMs: Math.min(commandTimeoutMs, 2e3),
      tools: this.tools
    });
    copy.preflightDone = this.preflightDone;
    return copy;
  }
  preflight() {
    this.preflightDone ??= (async () => {
      await this.etcdTools();
      const tls = this.options.tls;
      if (!tls) return;
      const files = [tls.cacert, tls.cert, tls.key];
      const check2 = files.map((f) => `[ -r ${shellCommand([f])} ] || echo ${shellCommand([f])}`).join("; ");
      const res = await this.transport.script(check2, { allowFailure: true, timeoutMs: 15e3 });
      const missing = res.stdout.split("\n").filter(Boolean);
      if (missing.length > 0) {
        throw new InputError(
          `Node ${this.node}: etcd client certificate files missing or unreadable: ${missing.join(", ")}. Check the layout (--layout kubespray|kubeadm) or pass --etcd-cacert/--etcd-cert/--etcd-key.`
        );
      }
    })();
    return this.preflightDone;
  }
  globalFlags(endpoints = this.options.endpoints) {
    const flags = [
      `--endpoints=${endpoints.join(",")}`,
      `--dial-timeout=${Math.ceil((this.options.dialTimeoutMs ?? 5e3) / 1e3)}s`,
      `--command-timeout=${Math.ceil(this.commandTimeoutMs() / 1e3)}s`
    ];
    const tls = this.options.tls;
    if (tls) flags.push(`--cacert=${tls.cacert}`, `--cert=${tls.cert}`, `--key=${tls.key}`);
    return flags;
  }
  commandTimeoutMs() {
    return this.options.commandTimeoutMs ?? 15e3;
  }
  /** Runs an etcdctl subcommand against the endpoints. */
  async run(args, what, opts = {}) {
    await this.preflight();
    const tools = await this.etcdTools();
    const argv = [...tools.commands.etcdctl, ...this.globalFlags(opts.endpoints), ...args];
    try {
      return await this.transport.exec(argv, {
        env: { ETCDCTL_API: "3" },
        timeoutMs: opts.timeoutMs ?? this.commandTimeoutMs() + 1e4,
        allowFailure: opts.allowFailure
      });
    } catch (err) {
      throw this.explain(err, what, opts.endpoints ?? this.options.endpoints);
    }
  }
  explain(err, what, endpoints) {
    if (!(err instanceof CommandFailedError)) return err;
    const tail = err.stderrTail;
    let hint = "See the etcdctl error above.";
    if (/deadline exceeded|connection refused|no route|transport: Error while dialing/i.test(tail)) {
      hint = `No etcd answered at ${endpoints.join(", ")} from node ${this.node}: check --etcd-endpoints (host and port) and that etcd runs there.`;
    } else if (/certificate|x509|tls:|bad certificate/i.test(tail)) {
      hint = "TLS failed: check that --etcd-cacert/--etcd-cert/--etcd-key (or the layout) name this cluster's CA and a client certificate it trusts.";
    }
    return new OperationError(`Node ${this.node}: ${what} failed. ${hint}
${err.message}`, {
      cause: err
    });
  }
  /** Health of every endpoint; unhealthy endpoints are results, not errors. */
  async endpointHealth() {
    const res = await this.run(["endpoint", "health", "-w", "json"], "etcdctl endpoint health", {
      allowFailure: true
    });
    if (!res.stdout.trim()) {
      throw this.explain(
        new CommandFailedError(this.node, "etcdctl endpoint health", res.code, res.stderr),
        "etcdctl endpoint health",
        this.options.endpoints
      );
    }
    return parseEndpointHealth(res.stdout);
  }
  /** Status of every endpoint that answers; the others are listed with `unreachable`. */
  async endpointStatus() {
    const res = await this.run(["endpoint", "status", "-w", "json"], "etcdctl endpoint status", {
      allowFailure: true
    });
    const statuses = res.stdout.trim() ? parseEndpointStatus(res.stdout) : [];
    const answered = new Set(statuses.map((s) => s.endpoint));
    return { statuses, unreachable: this.options.endpoints.filter((e) => !answered.has(e)) };
  }
  async memberList() {
    const res = await this.run(["member", "list", "-w", "json"], "etcdctl member list");
    return parseMemberList(res.stdout);
  }
  /**
   * The `/version` of an endpoint as seen from the node (curl, else openssl s_client — Debian's
   * ca-certificates brings openssl, so minimal nodes have it). `cluster` is "not_decided" for
   * the first seconds after a cluster starts.
   */
  async clusterVersion(endpoint) {
    const tls = this.options.tls;
    const url = `${endpoint.replace(/\/$/, "")}/version`;
    const hostPort = endpoint.replace(/^https?:\/\//, "").replace(/\/$/, "");
    const q2 = (s) => shellCommand([s]);
    const curlTls = tls ? `--cacert ${q2(tls.cacert)} --cert ${q2(tls.cert)} --key ${q2(tls.key)}` : "";
    const opensslTls = tls ? `-CAfile ${q2(tls.cacert)} -cert ${q2(tls.cert)} -key ${q2(tls.key)}` : "";
    const script = [
      "if command -v curl >/dev/null 2>&1; then",
      `  exec curl -sS --max-time 5 ${curlTls} ${q2(url)}`,
      `elif [ ${q2(endpoint.startsWith("https") ? "https" : "http")} = https ] && command -v openssl >/dev/null 2>&1; then`,
      `  printf 'GET /version HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n' ${q2(hostPort)} | timeout 5 openssl s_client -quiet -connect ${q2(hostPort)} ${opensslTls} 2>/dev/null`,
      "else",
      '  echo "neither curl nor openssl on this node" >&2; exit 127',
      "fi"
    ].join("\n");
    const res = await this.transport.script(script, { timeoutMs: 15e3, allowFailure: true });
    if (res.code !== 0 || !res.stdout.includes("{")) {
      throw new OperationError(
        `Node ${this.node}: could not read ${url} (exit ${res.code}): ${res.stderr.trim().slice(-300) || "no answer"}`
      );
    }
    return parseVersionEndpoint(res.stdout);
  }
  /** Waits until some endpoint reports a decided cluster version (x.y.z). */
  async waitForClusterVersion(timeoutMs = this.options.clusterVersionTimeoutMs ?? 3e4) {
    const deadline = Date.now() + timeoutMs;
    let last = "no endpoint answered";
    for (; ; ) {
      for (const e of this.options.endpoints) {
        try {
          const v = await this.clusterVersion(e);
          if (/^\d+\.\d+\.\d+$/.test(v.cluster)) return v.cluster;
          last = `${e} reports cluster version "${v.cluster}"`;
        } catch (err) {
          last = err.message;
        }
      }
      if (Date.now() > deadline) {
        throw new OperationError(
          `The etcd cluster version was not decided within ${timeoutMs / 1e3} s (${last}). Adding a member now would kill it ("not_decided is not in dotted-tri format"); wait until the cluster is healthy and retry.`
        );
      }
      await sleep(500);
    }
  }
  /**
   * Adds a member. Waits for the cluster version first, and retries "unhealthy cluster"
   * (the answer for a few seconds after the previous join) a bounded number of times.
   */
  async memberAdd(name, peerURLs, options = {}) {
    if (!name || peerURLs.length === 0) {
      throw new InputError("member add needs a member name and at least one peer URL.");
    }
    await this.waitForClusterVersion();
    const retry = this.options.memberAddRetry ?? { attempts: 20, delayMs: 1e3 };
    const args = ["member", "add", name, `--peer-urls=${peerURLs.join(",")}`];
    if (options.learner) args.push("--learner");
    for (let attempt = 1; ; attempt++) {
      const res = await this.run(args, `etcdctl member add ${name}`, { allowFailure: true });
      if (res.code === 0) return { ...parseMemberAdd(res.stdout), attempts: attempt };
      const unhealthy = /unhealthy cluster/i.test(res.stderr);
      if (!unhealthy || attempt >= retry.attempts) {
        const err = new CommandFailedError(
          this.node,
          `etcdctl member add ${name}`,
          res.code,
          res.stderr
        );
        if (unhealthy) {
          throw new OperationError(
            `Node ${this.node}: etcd kept answering "unhealthy cluster" to member add ${name} after ${attempt} attempts over ~${Math.round(attempt * retry.delayMs / 1e3)} s. Check that every started member is healthy (etcdctl endpoint health --cluster) and retry.`,
            { cause: err }
          );
        }
        throw this.explain(err, `etcdctl member add ${name}`, this.options.endpoints);
      }
      this.progress.debug(
        `member add ${name}: cluster not ready yet (attempt ${attempt}), retrying`
      );
      await sleep(retry.delayMs);
    }
  }
  async memberRemove(idHex) {
    const id = normaliseHexId(idHex);
    await this.run(["member", "remove", id], `etcdctl member remove ${id}`);
  }
  /** Saves a snapshot from exactly one endpoint to a file on the node (etcdctl writes it 0600). */
  async snapshotSave(endpoint, pathOnNode) {
    if (endpoint.includes(",") || !endpoint.trim()) {
      throw new InputError(
        `snapshot save needs exactly one endpoint, got "${endpoint}": etcd takes a snapshot from one selected member.`
      );
    }
    await this.run(["snapshot", "save", pathOnNode], `etcdctl snapshot save from ${endpoint}`, {
      endpoints: [endpoint],
      timeoutMs: 60 * 6e4
    });
    const stat7 = await this.transport.exec(["stat", "-c", "%s", pathOnNode]);
    return { path: pathOnNode, bytes: Number(stat7.stdout.trim()) };
  }
  /** Offline: `snapshot status` of a file on the node (etcdutl on 3.5+, etcdctl on 3.4). */
  async snapshotStatus(path) {
    return (await this.snapshotTool()).status(path);
  }
  /** Offline: restore into a data dir that must not exist yet; see EtcdSnapshotTool.restore. */
  async snapshotRestore(o) {
    return (await this.snapshotTool()).restore(o);
  }
  async snapshotTool() {
    return new EtcdSnapshotTool(this.transport, {
      tools: await this.etcdTools(),
      progress: this.progress
    });
  }
  /** Live keys in the whole keyspace, now or at `revision` (the range count; one key returned). */
  async keyCount(revision) {
    const args = ["get", "", "--prefix", "--keys-only", "--limit=1", "-w", "json"];
    if (revision) args.push(`--rev=${revision}`);
    const res = await this.run(args, "etcdctl get (key count)");
    const page = parseGet(res.stdout);
    return { count: page.count, revision: page.revision };
  }
  /**
   * etcd's key hash (`EtcdHashKV`, src/etcd/fingerprint.ts) of every endpoint at `revision`;
   * an endpoint that does not answer is an error (the caller asked for each one's hash).
   */
  async hashKV(revision) {
    const res = await this.run(
      ["endpoint", "hashkv", `--rev=${revision}`, "-w", "json"],
      "etcdctl endpoint hashkv",
      { timeoutMs: 12e4 }
    );
    return parseEndpointHashKV(res.stdout, revision);
  }
  /**
   * One page of the keyspace at `revision`: keys >= `fromKey`, ascending. etcdctl takes keys
   * as arguments, so keys must be valid UTF-8 without NUL (all Kubernetes keys are).
   */
  async getPage(fromKey, limit, revision) {
    const key = fromKey.toString("utf8");
    if (!Buffer.from(key, "utf8").equals(fromKey) || key.includes("\0")) {
      throw new OperationError(
        `Node ${this.node}: key ${JSON.stringify(key)} cannot be passed to etcdctl as an argument (not UTF-8 or contains NUL); compute the fingerprint directly against the endpoints instead.`
      );
    }
    const args = ["get", key, "--from-key", `--limit=${limit}`, "-w", "json"];
    if (revision) args.push(`--rev=${revision}`);
    const res = await this.run(args, "etcdctl get", { timeoutMs: 12e4 });
    return parseGet(res.stdout);
  }
};

// src/etcd/fingerprint.ts
import { createHash } from "node:crypto";
import { readFile as readFile2 } from "node:fs/promises";
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
  hash = createHash("sha256");
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
async function* pagedPairs(read, options, source, at3) {
  const maxLimit = options.pageSize ?? 2e3;
  const targetBytes = options.targetPageBytes ?? 16 * 1024 * 1024;
  let limit = Math.min(maxLimit, options.firstPageSize ?? maxLimit);
  at3.revision = options.revision ?? 0;
  let expectedCount;
  let read_ = 0;
  let from = Buffer.alloc(0);
  let last;
  for (; ; ) {
    const page = await read(from, last ? limit + 1 : limit, at3.revision);
    if (at3.revision === 0) at3.revision = page.revision;
    expectedCount ??= page.count;
    let kvs = page.kvs;
    let pageBytes = 0;
    for (const kv of kvs) pageBytes += kv.key.length + kv.value.length;
    if (kvs.length > 0) {
      const perKey = Math.max(1, pageBytes / kvs.length);
      limit = Math.max(1, Math.min(maxLimit, Math.floor(targetBytes / perKey)));
    }
    if (last && kvs.length > 0 && kvs[0].key.equals(last)) kvs = kvs.slice(1);
    for (const kv of kvs) {
      if (last && Buffer.compare(kv.key, last) <= 0) {
        throw new OperationError(
          `${source} returned keys out of order while fingerprinting at revision ${at3.revision}; refusing to produce a fingerprint.`
        );
      }
      read_++;
      last = kv.key;
      yield kv;
    }
    if (!page.more || kvs.length === 0) break;
    from = last;
  }
  if (read_ !== expectedCount) {
    throw new OperationError(
      `${source}: fingerprint at revision ${at3.revision} read ${read_} keys but etcd counted ${expectedCount}. Was the revision compacted meanwhile? Retry.`
    );
  }
}
async function fingerprintOfPairs(pairs, revision) {
  const hasher = new PairHasher();
  for await (const kv of pairs) hasher.add(kv.key, kv.value);
  return { revision: revision(), count: hasher.count, sha256: hasher.digest() };
}
function fingerprintPages(read, options = {}, source = "etcd") {
  const at3 = { revision: 0 };
  return fingerprintOfPairs(pagedPairs(read, options, source, at3), () => at3.revision);
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
      let q2 = client.getAll().inRange({ start: from.length ? from : fromKeyEnd, end: fromKeyEnd }).limit(limit);
      if (revision) q2 = q2.revision(revision);
      const res = await q2.exec();
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
  const { hash, compactRevision } = hashes[0];
  return { revision, compactRevision, hash, count };
}
function preloadEtcdClient() {
  import("etcd3").catch(() => {
  });
}
async function connectEtcdClient(access3) {
  const options = {
    hosts: access3.endpoints,
    dialTimeout: 5e3,
    // Pages of Kubernetes objects can exceed grpc's 4 MiB default.
    grpcOptions: { "grpc.max_receive_message_length": 256 * 1024 * 1024 }
  };
  if (access3.tls) {
    const [rootCertificate, certChain, privateKey] = await Promise.all(
      [access3.tls.cacert, access3.tls.cert, access3.tls.key].map(
        (f) => readFile2(f).catch((err) => {
          throw new OperationError(
            `Cannot read etcd TLS file ${f}: ${err.message}. Pass --etcd-cacert/--etcd-cert/--etcd-key with readable files.`
          );
        })
      )
    );
    options.credentials = { rootCertificate, certChain, privateKey };
  }
  const { Etcd3 } = await import("etcd3");
  return new Etcd3(options);
}
async function fingerprintEndpoints(access3, options = {}) {
  const client = await connectEtcdClient(access3);
  try {
    return await fingerprintWithClient(client, options, `etcd at ${access3.endpoints.join(",")}`);
  } catch (err) {
    if (err instanceof OperationError) throw err;
    throw new OperationError(
      `Could not read the keyspace of etcd at ${access3.endpoints.join(", ")}: ${err.message}. Check the endpoints and TLS files.`,
      { cause: err }
    );
  } finally {
    client.close();
  }
}
function showKey(key) {
  if (key.length === 0) return "(the empty key)";
  const text4 = key.toString("utf8");
  return Buffer.from(text4, "utf8").equals(key) && !/[\u0000-\u001f]/.test(text4) ? text4 : `0x${key.toString("hex")}`;
}
async function compareKeyspaces(expected, actual, maxExamples = 10) {
  const want = new PairHasher();
  const have = new PairHasher();
  const examples = [];
  let differences = 0;
  const differ = (what, key) => {
    differences++;
    if (examples.length < maxExamples) examples.push(`${what} ${showKey(key)}`);
  };
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
    differences,
    examples
  };
}

// src/etcd/snapshot-file.ts
import { createHash as createHash2 } from "node:crypto";
var BBOLT_MAGIC = 3977042669;
var HASH_BYTES = 32;
var MAGIC_OFFSET = 16;
var SnapshotTrailerReader = class {
  constructor(name = "snapshot") {
    this.name = name;
  }
  name;
  hash = createHash2("sha256");
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
    const fileSha2562 = this.hash.update(this.pending).digest("hex");
    return { ...judgeSnapshot(this.name, this.bytes, this.head, this.pending, actual), fileSha256: fileSha2562 };
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

// src/etcd/snapshot-status.ts
var PAGE_HEADER = 16;
var BRANCH_PAGE = 1;
var LEAF_PAGE = 2;
var FREELIST_PAGE = 16;
var BUCKET_LEAF_FLAG = 1;
var META_BYTES = 64;
var MAGIC = 3977042669;
var VERSION = 2;
var MAX_PAGE_BYTES = 128 * 1024 * 1024;
var KIND_NONE = 0;
var KIND_LEAF = 1;
var KIND_BRANCH = 2;
var KIND_FREELIST = 3;
var KIND_BAD = 4;
var u64 = (b, at3) => b.readUInt32LE(at3 + 4) * 2 ** 32 + b.readUInt32LE(at3);
function fnv64a(b) {
  let h = 0xcbf29ce484222325n;
  for (const byte of b) h = (h ^ BigInt(byte)) * 0x100000001b3n & 0xffffffffffffffffn;
  return h;
}
function parseMeta(page) {
  const m = page.subarray(PAGE_HEADER, PAGE_HEADER + META_BYTES);
  const checksum = m.readBigUInt64LE(56);
  const freelist = m.readBigUInt64LE(32);
  return {
    pageSize: m.readUInt32LE(8),
    root: u64(m, 16),
    freelist: freelist === 0xffffffffffffffffn ? void 0 : Number(freelist),
    pgid: u64(m, 40),
    txid: m.readBigUInt64LE(48),
    // bbolt 1.3's validate(): magic, version, and the checksum unless it is 0.
    valid: m.readUInt32LE(0) === MAGIC && m.readUInt32LE(4) === VERSION && (checksum === 0n || checksum === fnv64a(m.subarray(0, 56)))
  };
}
function summarizeLeaf(page) {
  const count = page.readUInt16LE(10);
  if (PAGE_HEADER + count * 16 > page.length) return `${count} elements do not fit the page`;
  let crc = 0;
  let bytes = 0;
  let runStart = 0;
  let runEnd = 0;
  let prevStart = -1;
  let prevEnd = -1;
  let lastRevision = Number.NaN;
  const buckets = [];
  for (let i = 0; i < count; i++) {
    const at3 = PAGE_HEADER + i * 16;
    const flags = page.readUInt32LE(at3);
    const kStart = at3 + page.readUInt32LE(at3 + 4);
    const kEnd = kStart + page.readUInt32LE(at3 + 8);
    const vEnd = kEnd + page.readUInt32LE(at3 + 12);
    if (vEnd > page.length) return `element ${i} lies beyond the page`;
    if (prevStart >= 0 && page.compare(page, prevStart, prevEnd, kStart, kEnd) !== 1) {
      return `key order violation at element ${i}`;
    }
    prevStart = kStart;
    prevEnd = kEnd;
    const hashedEnd = flags & BUCKET_LEAF_FLAG ? kEnd : vEnd;
    if (flags & BUCKET_LEAF_FLAG) {
      if (vEnd - kEnd < 16) return `bucket ${i} has no bucket header`;
      const root = u64(page, kEnd);
      buckets.push({
        name: Buffer.from(page.subarray(kStart, kEnd)),
        root,
        ...root === 0 ? { inline: Buffer.from(page.subarray(kEnd + 16, vEnd)) } : {}
      });
    }
    if (kStart !== runEnd || runEnd === runStart) {
      if (runEnd > runStart) crc = crc32c(crc, page, runStart, runEnd);
      runStart = kStart;
    }
    runEnd = hashedEnd;
    bytes += hashedEnd - kStart;
    if (hashedEnd !== vEnd) {
      crc = crc32c(crc, page, runStart, runEnd);
      runStart = runEnd = vEnd;
    }
    if (i === count - 1 && kEnd - kStart >= 8) {
      lastRevision = page.readUInt32BE(kStart) * 2 ** 32 + page.readUInt32BE(kStart + 4);
    }
  }
  if (runEnd > runStart) crc = crc32c(crc, page, runStart, runEnd);
  return { crc, bytes, count, lastRevision, buckets };
}
function branchChildren(page) {
  const count = page.readUInt16LE(10);
  if (PAGE_HEADER + count * 16 > page.length) return `${count} elements do not fit the page`;
  const children = [];
  let previous;
  for (let i = 0; i < count; i++) {
    const at3 = PAGE_HEADER + i * 16;
    const kStart = at3 + page.readUInt32LE(at3);
    const kEnd = kStart + page.readUInt32LE(at3 + 4);
    if (kEnd > page.length) return `element ${i} lies beyond the page`;
    const key = page.subarray(kStart, kEnd);
    if (previous && Buffer.compare(previous, key) >= 0)
      return `key order violation at element ${i}`;
    previous = Buffer.from(key);
    children.push(u64(page, at3 + 8));
  }
  return children;
}
function freelistIds(page) {
  let count = page.readUInt16LE(10);
  let at3 = PAGE_HEADER;
  if (count === 65535) {
    count = u64(page, at3);
    at3 += 8;
  }
  if (at3 + count * 8 > page.length) return `${count} free ids do not fit the page`;
  return Array.from({ length: count }, (_, i) => u64(page, at3 + i * 8));
}
var SnapshotStatusReader = class {
  constructor(name = "snapshot") {
    this.name = name;
  }
  name;
  bytes = 0;
  pageSize = 0;
  head = [];
  headBytes = 0;
  partial = [];
  partialBytes = 0;
  nextPage = 0;
  metas = [];
  meta;
  open = [];
  // Per page id, once the meta page has given the high-water mark.
  kind = new Uint8Array(0);
  overflow = new Uint32Array(0);
  crc = new Uint32Array(0);
  hashed = new Uint32Array(0);
  count = new Uint32Array(0);
  lastRevision = new Float64Array(0);
  buckets = /* @__PURE__ */ new Map();
  children = /* @__PURE__ */ new Map();
  free = /* @__PURE__ */ new Map();
  bad = /* @__PURE__ */ new Map();
  /** Why the bytes are not a bbolt db at all, once that is known. */
  fail;
  update(chunk) {
    this.bytes += chunk.length;
    let off = 0;
    if (this.pageSize === 0) {
      const n = Math.min(chunk.length, PAGE_HEADER + META_BYTES - this.headBytes);
      this.head.push(chunk.subarray(0, n));
      this.headBytes += n;
      off = n;
      if (this.headBytes < PAGE_HEADER + META_BYTES) return;
      const head = Buffer.concat(this.head);
      this.head = [];
      const size2 = head.readUInt32LE(PAGE_HEADER + 8);
      if (size2 < 1024 || size2 > 65536 || (size2 & size2 - 1) !== 0) {
        this.fail = `its first meta page gives a page size of ${size2}: not a bbolt database`;
        this.pageSize = -1;
        return;
      }
      this.pageSize = size2;
      this.partial = [head];
      this.partialBytes = head.length;
    }
    if (this.pageSize < 0) return;
    const size = this.pageSize;
    while (off < chunk.length) {
      if (this.partialBytes === 0 && chunk.length - off >= size) {
        this.onPage(chunk.subarray(off, off + size));
        off += size;
        continue;
      }
      const n = Math.min(size - this.partialBytes, chunk.length - off);
      this.partial.push(chunk.subarray(off, off + n));
      this.partialBytes += n;
      off += n;
      if (this.partialBytes === size) {
        const page = Buffer.concat(this.partial);
        this.partial = [];
        this.partialBytes = 0;
        this.onPage(page);
      }
    }
  }
  onPage(page) {
    const id = this.nextPage++;
    if (id < 2) {
      this.metas.push(parseMeta(page));
      if (id === 1) this.chooseMeta();
      return;
    }
    const meta = this.meta;
    if (!meta || id >= meta.pgid) return;
    if (this.open.length > 0) {
      for (const o of this.open) {
        o.parts.push(page);
        o.remaining--;
      }
      const done = this.open.filter((o) => o.remaining === 0);
      if (done.length > 0) {
        this.open = this.open.filter((o) => o.remaining > 0);
        for (const o of done) this.summarize(o.id, Buffer.concat(o.parts));
      }
    }
    const flags = page.readUInt16LE(8);
    const isTree = (flags & (BRANCH_PAGE | LEAF_PAGE)) !== 0;
    const isFreelist = id === meta.freelist && (flags & FREELIST_PAGE) !== 0;
    if (!isTree && !isFreelist || u64(page, 0) !== id) return;
    const overflow = page.readUInt32LE(12);
    this.overflow[id] = overflow;
    if (id + overflow >= meta.pgid) {
      this.markBad(id, `it spans ${overflow + 1} pages, past the high-water mark ${meta.pgid}`);
    } else if ((overflow + 1) * this.pageSize > MAX_PAGE_BYTES) {
      this.markBad(id, `it spans ${overflow + 1} pages, more than kube-rescue reads in one piece`);
    } else if (overflow === 0) {
      this.summarize(id, page);
    } else {
      this.open.push({ id, parts: [page], remaining: overflow });
    }
  }
  chooseMeta() {
    const [a, b] = [...this.metas].sort((x, y) => y.txid > x.txid ? 1 : y.txid < x.txid ? -1 : 0);
    const meta = a.valid ? a : b.valid ? b : void 0;
    if (!meta) {
      this.fail = "neither meta page is valid (magic, version, checksum): not a bbolt database, or a damaged one";
      return;
    }
    if (meta.pageSize !== this.pageSize) {
      this.fail = `its meta pages disagree on the page size (${meta.pageSize}, ${this.pageSize})`;
      return;
    }
    this.meta = meta;
    const pages = meta.pgid;
    this.kind = new Uint8Array(pages);
    this.overflow = new Uint32Array(pages);
    this.crc = new Uint32Array(pages);
    this.hashed = new Uint32Array(pages);
    this.count = new Uint32Array(pages);
    this.lastRevision = new Float64Array(pages);
  }
  markBad(id, why) {
    this.kind[id] = KIND_BAD;
    this.bad.set(id, why);
  }
  summarize(id, page) {
    const flags = page.readUInt16LE(8);
    if (flags & LEAF_PAGE) {
      const s = summarizeLeaf(page);
      if (typeof s === "string") {
        this.markBad(id, s);
        return;
      }
      this.kind[id] = KIND_LEAF;
      this.crc[id] = s.crc;
      this.hashed[id] = s.bytes;
      this.count[id] = s.count;
      this.lastRevision[id] = s.lastRevision;
      if (s.buckets.length > 0) this.buckets.set(id, s.buckets);
    } else if (flags & BRANCH_PAGE) {
      const c = branchChildren(page);
      if (typeof c === "string") {
        this.markBad(id, c);
        return;
      }
      this.kind[id] = KIND_BRANCH;
      this.children.set(id, c);
    } else {
      const ids = freelistIds(page);
      if (typeof ids === "string") {
        this.markBad(id, ids);
        return;
      }
      this.kind[id] = KIND_FREELIST;
      this.free.set(id, ids);
    }
  }
  /** The status `snapshot status` gives for these bytes; throws when the db is damaged. */
  finish() {
    const problem = (what) => new OperationError(
      `${this.name} fails the snapshot status check: ${what}. Do not trust this snapshot; take another.`
    );
    if (this.fail) throw problem(this.fail);
    const meta = this.meta;
    if (!meta) throw problem(`it ends after ${this.bytes} bytes, before its meta pages`);
    const totalSize = meta.pgid * this.pageSize;
    if (this.bytes !== totalSize + 32) {
      throw problem(
        `it is ${this.bytes} bytes, but its meta page gives ${meta.pgid} pages of ${this.pageSize} bytes (${totalSize}) plus the 32-byte sha256 trailer`
      );
    }
    const errors = [];
    const reachable = new Uint8Array(meta.pgid);
    reachable[0] = 1;
    reachable[1] = 1;
    const freed = new Uint8Array(meta.pgid);
    if (meta.freelist !== void 0) {
      const ids = this.kind[meta.freelist] === KIND_FREELIST ? this.free.get(meta.freelist) : void 0;
      if (!ids) throw problem(`page ${meta.freelist}, its freelist, is not a freelist page`);
      for (let i = 0; i <= this.overflow[meta.freelist]; i++) reachable[meta.freelist + i] = 1;
      for (const id of ids) {
        if (id >= meta.pgid) errors.push(`page ${id}: freed, but out of bounds`);
        else if (freed[id]) errors.push(`page ${id}: already freed`);
        else freed[id] = 1;
      }
    }
    const visit = (id, onLeaf) => {
      if (id < 2 || id >= meta.pgid) {
        errors.push(`page ${id}: out of bounds: ${meta.pgid}`);
        return;
      }
      for (let i = 0; i <= this.overflow[id]; i++) {
        if (reachable[id + i]) errors.push(`page ${id + i}: multiple references`);
        reachable[id + i] = 1;
      }
      if (freed[id]) errors.push(`page ${id}: reachable freed`);
      const kind = this.kind[id];
      if (kind === KIND_BRANCH) {
        for (const child of this.children.get(id)) visit(child, onLeaf);
      } else if (kind === KIND_LEAF) {
        onLeaf(id);
      } else {
        errors.push(
          `page ${id}: ${kind === KIND_BAD ? this.bad.get(id) : kind === KIND_NONE ? "invalid type, or not the page its parent names" : "invalid type: freelist"}`
        );
      }
    };
    const checkNested = (ref) => {
      if (ref.root !== 0) {
        visit(ref.root, (leaf) => {
          for (const r of this.buckets.get(leaf) ?? []) checkNested(r);
        });
        return;
      }
      const inline = summarizeLeaf(ref.inline);
      if (typeof inline === "string") errors.push(`inline bucket ${ref.name}: ${inline}`);
      else for (const r of inline.buckets) checkNested(r);
    };
    let hash = 0;
    let totalKey = 0;
    let revision = 0;
    const hashBucket = (ref) => {
      hash = crc32c(hash, ref.name);
      const isKeyBucket = ref.name.toString("latin1") === "key";
      const take = (s) => {
        hash = crc32cCombine(hash, s.crc, s.bytes);
        totalKey += s.count;
        if (isKeyBucket && s.count > 0) revision = s.lastRevision;
      };
      if (ref.root === 0) {
        const inline = summarizeLeaf(ref.inline);
        if (typeof inline === "string") {
          errors.push(`inline bucket ${ref.name}: ${inline}`);
          return;
        }
        take(inline);
        for (const r of inline.buckets) checkNested(r);
        return;
      }
      visit(ref.root, (leaf) => {
        take({
          crc: this.crc[leaf],
          bytes: this.hashed[leaf],
          count: this.count[leaf],
          lastRevision: this.lastRevision[leaf]
        });
        for (const r of this.buckets.get(leaf) ?? []) checkNested(r);
      });
    };
    visit(meta.root, (leaf) => {
      const refs = this.buckets.get(leaf) ?? [];
      if (refs.length !== this.count[leaf]) {
        errors.push(`page ${leaf}: a top-level key that is not a bucket`);
      }
      for (const ref of refs) hashBucket(ref);
    });
    if (meta.freelist !== void 0) {
      for (let id = 0; id < meta.pgid && errors.length < 20; id++) {
        if (!reachable[id] && !freed[id]) errors.push(`page ${id}: unreachable unfreed`);
      }
    }
    if (Number.isNaN(revision)) errors.push("the last key of the key bucket is not a revision");
    if (errors.length > 0) {
      throw problem(
        `${errors.length} error(s) in its bbolt structure: ${errors.slice(0, 5).join("; ")}`
      );
    }
    return { hash, revision, totalKey, totalSize };
  }
};

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
async function streamSnapshot(source, progress) {
  if (!source.direct) throw new Error(`streamSnapshot: member ${source.member} is not direct`);
  const client = await connectEtcdClient({ ...source.direct, endpoints: [source.endpoint] });
  const discard = async () => {
    client.close();
  };
  try {
    progress.info(`Streaming the etcd snapshot from member ${source.member} (${source.endpoint})`);
    const head = await client.kv.range({ key: Buffer.from([0]), count_only: true }).catch(() => void 0);
    const call = await client.maintenance.snapshot();
    const reader = new SnapshotStatusReader(`the snapshot from member ${source.member}`);
    let announced;
    let received = 0;
    let ended;
    let failed2;
    const streamed = new Promise((resolve4, reject) => {
      ended = resolve4;
      failed2 = reject;
    });
    streamed.catch(() => {
    });
    async function* blobs() {
      try {
        for await (const m of call) {
          announced ??= Number(m.remaining_bytes) + m.blob.length + 32;
          received += m.blob.length;
          reader.update(m.blob);
          yield m.blob;
        }
        if (announced !== void 0 && received !== announced) {
          throw new OperationError(
            `The snapshot stream from member ${source.member} (${source.endpoint}) ended after ${received} of ${announced} bytes.`
          );
        }
        ended();
      } catch (err) {
        failed2(err);
        throw err;
      } finally {
        call.destroy?.();
        failed2(new OperationError("the snapshot stream was stopped before its end"));
      }
    }
    const status = streamed.then(async () => {
      const s = reader.finish();
      if (!await countsLiveKeys(source.ctl)) return s;
      return { ...s, totalKey: (await source.ctl.keyCount(s.revision)).count };
    });
    status.catch(() => {
    });
    return {
      source,
      stream: Readable.from(blobs(), { objectMode: true, highWaterMark: 32 }),
      status,
      announcedBytes: () => announced,
      ...head ? { startRevision: Number(head.header.revision) } : {},
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
    return new Promise((resolve4, reject) => {
      zlib.gzip(
        block,
        { level: this.level, chunkSize: OUTPUT_CHUNK_BYTES },
        (err, out) => err ? reject(err) : resolve4(out)
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

// src/backup/manifest.ts
import { createHash as createHash3 } from "node:crypto";

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
var VERSION2 = "0.1.0";

// src/backup/manifest.ts
var MANIFEST_FORMAT_VERSION = 1;
var MANIFEST_KIND = "kube-rescue-backup";
function digestOf(manifest) {
  return `sha256:${createHash3("sha256").update(canonicalJson(manifest)).digest("hex")}`;
}
function buildManifest(content) {
  const body = {
    kind: MANIFEST_KIND,
    formatVersion: MANIFEST_FORMAT_VERSION,
    tool: { name: "kube-rescue", version: VERSION2 },
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
  field(obj2, path, check2, expected) {
    const value = at(obj2, path);
    if (!check2(value)) this.fail(path, expected, value);
  }
};
function at(obj2, path) {
  return path.split(".").reduce(
    (o, k) => o !== null && typeof o === "object" ? o[k] : void 0,
    obj2
  );
}
function parseManifest(text4, where) {
  let raw;
  try {
    raw = JSON.parse(text4);
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
      `${where} has format version ${JSON.stringify(version)}; kube-rescue ${VERSION2} reads version ${MANIFEST_FORMAT_VERSION} only.${newer ? " It was written by a newer kube-rescue: upgrade to read it." : ""}`
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
import { createHash as createHash4 } from "node:crypto";
import { pipeline, Transform as Transform3, Writable } from "node:stream";
var HashingStage = class extends Transform3 {
  constructor(checks = [], opts = {}) {
    super({ highWaterMark: 256 * 1024 });
    this.checks = checks;
    this.opts = opts;
    if (opts.snapshotTrailer !== void 0) {
      this.trailer = new SnapshotTrailerReader(opts.snapshotTrailer);
    } else {
      this.hash = createHash4("sha256");
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
    else this.hash.update(chunk);
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
    Promise.all(this.checks.map((c) => c.finish())).then(
      () => {
        if (!this.trailer) {
          this.digest = this.hash.digest("hex");
          cb();
          return;
        }
        const { fileSha256: fileSha2562, ...check2 } = this.trailer.finish();
        this.digest = fileSha2562;
        this.trailerResult = check2;
        if (!check2.ok && this.opts.failOnBadTrailer !== false) {
          cb(
            new OperationError(check2.detail ?? `${this.opts.snapshotTrailer}: bad sha256 trailer.`)
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
async function storeObject(source, pending, opts) {
  const encrypted = opts.recipients.length > 0;
  const name = storedName(opts.base, opts.compression, encrypted);
  const plain = new HashingStage(opts.checks, { snapshotTrailer: opts.snapshotTrailer });
  const stages = [plain];
  const compressor = createCompressor(opts.compression);
  if (compressor) stages.push(compressor);
  if (encrypted) stages.push(createAgeEncryptStream(opts.recipients));
  const stored = stages.length > 1 ? new HashingStage() : plain;
  if (stored !== plain) stages.push(stored);
  const flowed = new Promise((resolve4, reject) => {
    pipeline(
      [source, ...stages],
      (err) => err ? reject(err) : resolve4()
    );
  });
  const [written] = await Promise.all([pending.write(name, stored, { mode: opts.mode }), flowed]);
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
  const stored = new HashingStage();
  const plain = new HashingStage(opts.checks, {
    snapshotTrailer: opts.snapshotTrailer,
    failOnBadTrailer: false
  });
  const stages = [stored];
  if (object.encryption) stages.push(createAgeDecryptStream(opts.identities, opts.where));
  const decompressor = createDecompressor(object.compression, opts.where);
  if (decompressor) stages.push(decompressor);
  stages.push(plain);
  const sink = opts.sink ?? new Writable({
    write: (_chunk, _enc, cb) => cb()
  });
  await new Promise((resolve4, reject) => {
    pipeline(
      [source, ...stages, sink],
      (err) => err ? reject(err) : resolve4()
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

// src/backup/signature.ts
import { spawn } from "node:child_process";
import { mkdtemp, readFile as readFile3, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var SIGNATURE_NAMESPACE = "kube-rescue-backup";
var MANIFEST_SIGNATURE = "manifest.json.sig";
function sshKeygen(args, stdin) {
  return new Promise((resolve4, reject) => {
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
      (code) => resolve4({
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
  const dir = await mkdtemp(join(tmpdir(), "kube-rescue-sig-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
var oneLine = (s) => s.trim().split("\n").slice(-1)[0] ?? "";
async function signManifest(manifest, keyFile) {
  let key;
  try {
    key = await readFile3(keyFile);
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
    const copy = join(dir, "signing-key");
    await writeFile(
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
  let text4;
  try {
    text4 = await readFile3(file, "utf8");
  } catch (err) {
    throw new InputError(
      `--trusted-signers ${file}: cannot read the file (${err.code ?? err.message}).`
    );
  }
  const entries = text4.split("\n").filter((l) => l.trim() !== "" && !l.trim().startsWith("#"));
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
    const sigFile = join(dir, MANIFEST_SIGNATURE);
    await writeFile(sigFile, signature, { mode: 384 });
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

// src/backup/backup-set.ts
async function storeFromNode(exec, pending, opts) {
  const done = exec.done;
  done.catch(() => {
  });
  const stored = await storeObject(exec.stdout, pending, opts);
  await done;
  return stored;
}
function snapshotObject2(opts, source) {
  return {
    base: "etcd.db",
    kind: "etcd-snapshot",
    compression: opts.compression,
    recipients: opts.recipients,
    mode: 384,
    snapshotTrailer: `snapshot from member ${source.member}`
  };
}
async function snapshotViaNode(sources, pending, opts) {
  const t = await takeSnapshot(sources, opts.progress);
  try {
    const stored = await storeFromNode(readSnapshot(t), pending, snapshotObject2(opts, t.source));
    if (stored.plaintextBytes !== t.bytes) {
      throw new OperationError(
        `The snapshot from member ${t.source.member} is ${t.bytes} bytes on node ${t.source.node}, but ${stored.plaintextBytes} bytes arrived. Nothing was committed; retry.`
      );
    }
    return { source: t.source, stored, status: t.status, discard: () => discardSnapshot(t) };
  } catch (err) {
    await discardSnapshot(t);
    throw err;
  }
}
async function snapshotStreamed(sources, store, setName, pending, opts, started) {
  const failed2 = [];
  for (const source of sources) {
    if (failed2.length > 0) {
      await pending.set.abort();
      pending.set = await store.begin(setName);
    }
    let streamed;
    try {
      streamed = await streamSnapshot(source, opts.progress);
      if (streamed.startRevision !== void 0) started(streamed.startRevision, source);
      const stored = await storeObject(streamed.stream, pending.set, snapshotObject2(opts, source));
      const announced = streamed.announcedBytes();
      if (announced !== stored.plaintextBytes) {
        throw new OperationError(
          `Member ${source.member} announced a ${announced ?? "unknown"}-byte snapshot, but ${stored.plaintextBytes} bytes arrived.`
        );
      }
      return { source, stored, status: streamed.status, discard: streamed.discard };
    } catch (err) {
      await streamed?.discard();
      const error = err instanceof Error ? err.message : String(err);
      failed2.push({ member: source.member, error });
      opts.progress.warn(
        `Snapshot from member ${source.member} failed; trying the next healthy member. ${error}`
      );
    }
  }
  throw new OperationError(
    `Could not take an etcd snapshot from any of ${sources.length} healthy member(s):
${failed2.map((a) => `- ${a.member}: ${a.error}`).join("\n")}
Nothing was stored. Check the members' health and retry.`
  );
}
async function writeBackupSet(store, sources, opts) {
  const { progress } = opts;
  requireCompression(opts.compression);
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const setName = formatSetName(sources.cluster, now);
  const archives = [];
  for (const n of sources.nodes) {
    const found = await existingPaths(n.transport, n.paths);
    if (found.missingRequired.length > 0) {
      throw new OperationError(
        `Node ${n.node}: ${found.missingRequired.join(", ")} missing. These certificates/keys are part of the backup; check --layout (kubespray|kubeadm) for this node, or pass --etcd-only to back up the snapshot alone.`
      );
    }
    for (const p of found.missingOptional) progress.debug(`node ${n.node}: optional ${p} absent`);
    archives.push({ node: n.node, transport: n.transport, paths: found.present });
  }
  const pending = { set: await store.begin(setName) };
  let snapshot;
  try {
    const direct = sources.snapshotSources.every((s) => s.direct);
    const early = {};
    const started = (revision, member) => {
      if (!sources.hashKV) return;
      early.hashKV = sources.hashKV(revision, member);
      early.hashKV.catch(() => {
      });
      Object.assign(early, { member, revision });
    };
    snapshot = await progress.phase(
      `Store the etcd snapshot in ${store.urlOf(setName)}`,
      () => direct && sources.snapshotSources.length > 0 ? snapshotStreamed(sources.snapshotSources, store, setName, pending, opts, started) : snapshotViaNode(sources.snapshotSources, pending.set, opts)
    );
    const t = snapshot;
    const p = pending.set;
    const atRevision = (read, ahead) => {
      const value = read ? t.status.then(
        (status2) => ahead?.hashKV && ahead.member === t.source && ahead.revision === status2.revision ? ahead.hashKV.catch(() => read(status2.revision, t.source)) : read(status2.revision, t.source)
      ) : Promise.resolve(null);
      value.catch(() => {
      });
      return value;
    };
    const hashKV = atRevision(sources.hashKV, early);
    const fingerprint2 = atRevision(sources.fingerprint);
    const objects = [t.stored];
    for (const a of archives) {
      await progress.phase(`Archive ${a.paths.length} path(s) from node ${a.node}`, async () => {
        objects.push(
          await storeFromNode(archivePaths(a.transport, a.paths), p, {
            base: `${a.node}-pki.tar`,
            kind: "node-files",
            node: a.node,
            compression: opts.compression,
            recipients: opts.recipients,
            mode: 384
          })
        );
      });
    }
    const status = await t.status.catch((err) => {
      throw new OperationError(
        `snapshot status of the snapshot from member ${t.source.member} failed on node ${t.source.node}: ${err.message}. Nothing was committed; retry.`,
        { cause: err }
      );
    });
    const [hk, fp] = await Promise.all([hashKV, fingerprint2]).catch((err) => {
      throw new OperationError(
        `Reading the keyspace check at revision ${status.revision} failed: ${err.message}. Nothing was committed; retry.`,
        { cause: err }
      );
    });
    const manifest = buildManifest({
      created: now.toISOString(),
      cluster: sources.cluster,
      setName,
      etcd: {
        version: sources.etcdVersion,
        members: sources.members.map((m) => ({
          id: m.id,
          name: m.name,
          peerURLs: m.peerURLs,
          clientURLs: m.clientURLs
        })),
        snapshotMember: t.source.member
      },
      snapshot: {
        revision: status.revision,
        totalKey: status.totalKey,
        hash: status.hash,
        size: status.totalSize
      },
      hashKV: hk,
      fingerprint: fp,
      kubernetes: {
        flavor: sources.flavor,
        nodes: archives.map((a) => a.node),
        paths: [...new Set(archives.flatMap((a) => a.paths))]
      },
      objects
    });
    const manifestBytes = Buffer.from(serializeManifest(manifest));
    if (opts.signKeyFile) {
      const signature = await signManifest(manifestBytes, opts.signKeyFile);
      await p.write(MANIFEST_SIGNATURE, Readable2.from([signature]), { mode: 384 });
    }
    await p.write("manifest.json", Readable2.from([manifestBytes]), { mode: 384 });
    await p.commit();
    return { setName, manifest };
  } catch (err) {
    await pending.set.abort().catch((abortErr) => {
      progress.warn(`Could not clean up the unfinished set ${setName}: ${abortErr.message}`);
    });
    throw err;
  } finally {
    await snapshot?.discard();
  }
}

// src/backup/prune.ts
import { text } from "node:stream/consumers";

// src/stores/retention.ts
function hasRetention(p) {
  return Boolean(p.keep || p.keepHourly || p.keepDaily || p.keepWeekly);
}
function isoWeek(d) {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 864e5 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
var BUCKETS = [
  { rule: "keepHourly", label: "hourly", of: (d) => d.toISOString().slice(0, 13) },
  { rule: "keepDaily", label: "daily", of: (d) => d.toISOString().slice(0, 10) },
  { rule: "keepWeekly", label: "weekly", of: isoWeek }
];
function planRetention(sets, policy, cluster) {
  const untouched = [];
  const ours = [];
  for (const s of sets) {
    const parsed = parseSetName(s.name);
    if (!parsed || parsed.cluster !== cluster || !s.ours) untouched.push(s.name);
    else ours.push({ name: s.name, created: parsed.created, verified: s.verified });
  }
  ours.sort((a, b) => b.created.getTime() - a.created.getTime() || b.name.localeCompare(a.name));
  const reasons = /* @__PURE__ */ new Map();
  const mark = (name, why) => reasons.set(name, [...reasons.get(name) ?? [], why]);
  if (!hasRetention(policy)) {
    for (const s of ours) mark(s.name, "no retention policy");
  } else {
    if (policy.keep)
      for (const s of ours.slice(0, policy.keep)) mark(s.name, `keep ${policy.keep}`);
    for (const { rule, label, of } of BUCKETS) {
      const n = policy[rule];
      if (!n) continue;
      const seen = /* @__PURE__ */ new Set();
      for (const s of ours) {
        const bucket = of(s.created);
        if (seen.has(bucket)) continue;
        if (seen.size >= n) break;
        seen.add(bucket);
        mark(s.name, `${label} ${bucket}`);
      }
    }
  }
  const newestVerified = ours.find((s) => s.verified);
  if (newestVerified) mark(newestVerified.name, "newest verified");
  const keep = ours.filter((s) => reasons.has(s.name)).map((s) => ({ name: s.name, reasons: reasons.get(s.name) }));
  const remove = ours.filter((s) => !reasons.has(s.name)).map((s) => s.name).reverse();
  return { keep, remove, untouched };
}

// src/backup/prune.ts
async function pruneSets(store, cluster, policy, progress) {
  const candidates = [];
  for (const name of await store.list()) {
    const parsed = parseSetName(name);
    let ours = false;
    if (parsed?.cluster === cluster) {
      try {
        parseManifest(
          await text(await store.read(name, "manifest.json")),
          `${store.urlOf(name)}/manifest.json`
        );
        ours = true;
      } catch (err) {
        progress.warn(`Retention leaves ${store.urlOf(name)} alone: ${err.message}`);
      }
    }
    candidates.push({ name, ours, verified: ours });
  }
  const decision = planRetention(candidates, policy, cluster);
  for (const name of decision.remove) {
    progress.info(`Retention: removing ${store.urlOf(name)}`);
    await store.remove(name);
  }
  return decision;
}

// src/etcd/layout.ts
import { posix as posix2 } from "node:path";
var layoutNames = ["kubespray", "kubeadm"];
var kubeconfigs = [
  "admin.conf",
  "super-admin.conf",
  "controller-manager.conf",
  "scheduler.conf",
  "kubelet.conf"
];
async function waitForEtcdProcess(transport, running, timeoutMs, why) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const res = await transport.exec(["pgrep", "-x", "etcd"], {
      allowFailure: true,
      timeoutMs: 1e4
    });
    if (res.code === 0 === running) return;
    if (res.code > 1) {
      throw new OperationError(
        `Node ${transport.node}: pgrep failed (exit ${res.code}): ${res.stderr.trim()}. Install procps on the node.`
      );
    }
    if (Date.now() > deadline) {
      throw new OperationError(
        `Node ${transport.node}: etcd was ${running ? "still not running" : "still running"} ${timeoutMs / 1e3} s after ${why}. Look at the node (journalctl -u etcd, crictl ps) before retrying.`
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
var KUBESPRAY_ETCD_UNIT = "/etc/systemd/system/etcd.service";
var ADMIN_KUBECONFIG = "/etc/kubernetes/admin.conf";
function kubesprayLayout(overrides = {}) {
  const paths = {
    etcdCertDir: "/etc/ssl/etcd/ssl",
    dataDir: "/var/lib/etcd",
    kubernetesCertDirs: ["/etc/kubernetes/ssl", "/etc/kubernetes/pki"],
    manifestsDir: "/etc/kubernetes/manifests",
    envFile: "/etc/etcd.env",
    ...overrides
  };
  const pair = (base) => ({
    cert: posix2.join(paths.etcdCertDir, `${base}.pem`),
    key: posix2.join(paths.etcdCertDir, `${base}-key.pem`)
  });
  return {
    name: "kubespray",
    ...paths,
    clientTls: (host) => ({
      cacert: posix2.join(paths.etcdCertDir, "ca.pem"),
      ...pair(`admin-${host}`)
    }),
    memberCert: (host) => pair(`member-${host}`),
    backupPaths: () => [
      { path: paths.etcdCertDir, required: true },
      ...paths.envFile ? [{ path: paths.envFile, required: true }] : [],
      // Kubespray's own etcd unit: a re-provisioned node has only the distribution's.
      { path: KUBESPRAY_ETCD_UNIT, required: false },
      // /etc/kubernetes/pki is a symlink to ssl on Kubespray: archive the real dir once.
      ...paths.kubernetesCertDirs.map((d, i) => ({ path: d, required: i === 0 })),
      { path: paths.manifestsDir, required: false },
      ...kubeconfigs.map((c) => ({ path: posix2.join("/etc/kubernetes", c), required: false }))
    ],
    async stopEtcd(transport, options = {}) {
      await transport.exec(["systemctl", "stop", "etcd"], {
        timeoutMs: options.timeoutMs ?? 12e4
      });
      await waitForEtcdProcess(
        transport,
        false,
        options.timeoutMs ?? 6e4,
        "systemctl stop etcd"
      );
    },
    async startEtcd(transport, options = {}) {
      await transport.exec(["systemctl", "start", "etcd"], {
        timeoutMs: options.timeoutMs ?? 12e4
      });
      await waitForEtcdProcess(
        transport,
        true,
        options.timeoutMs ?? 6e4,
        "systemctl start etcd"
      );
    },
    // Kubespray installs etcd, etcdctl (and etcdutl from 3.5) on the host.
    toolCommands: async () => defaultToolCommands
  };
}
function kubeadmLayout(overrides = {}) {
  const paths = {
    etcdCertDir: "/etc/kubernetes/pki/etcd",
    dataDir: "/var/lib/etcd",
    kubernetesCertDirs: ["/etc/kubernetes/pki"],
    manifestsDir: "/etc/kubernetes/manifests",
    etcdManifest: "/etc/kubernetes/manifests/etcd.yaml",
    ...overrides
  };
  const manifest = paths.etcdManifest ?? posix2.join(paths.manifestsDir, "etcd.yaml");
  const parked = posix2.join(posix2.dirname(paths.manifestsDir), "etcd.yaml.kube-rescue-stopped");
  const file = (f) => posix2.join(paths.etcdCertDir, f);
  return {
    name: "kubeadm",
    ...paths,
    etcdManifest: manifest,
    parkedEtcdManifest: parked,
    clientTls: () => ({
      cacert: file("ca.crt"),
      cert: file("healthcheck-client.crt"),
      key: file("healthcheck-client.key")
    }),
    memberCert: () => ({ cert: file("server.crt"), key: file("server.key") }),
    backupPaths: () => [
      { path: paths.kubernetesCertDirs[0], required: true },
      { path: paths.manifestsDir, required: true },
      ...kubeconfigs.map((c) => ({ path: posix2.join("/etc/kubernetes", c), required: false }))
    ],
    async stopEtcd(transport, options = {}) {
      await transport.exec(["mv", "-n", "--", manifest, parked], { timeoutMs: 3e4 });
      await waitForEtcdProcess(
        transport,
        false,
        options.timeoutMs ?? 12e4,
        `moving ${manifest} out`
      );
    },
    async startEtcd(transport, options = {}) {
      await transport.exec(["mv", "-n", "--", parked, manifest], { timeoutMs: 3e4 });
      await waitForEtcdProcess(
        transport,
        true,
        options.timeoutMs ?? 12e4,
        `moving ${manifest} back`
      );
    },
    toolCommands: kubeadmToolCommands
  };
}
async function kubeadmToolCommands(transport) {
  const script = [
    "if command -v etcdctl >/dev/null 2>&1; then echo host",
    `elif command -v crictl >/dev/null 2>&1; then echo "crictl $(crictl ps -q --name '^etcd$' --state Running 2>/dev/null | head -n 1)"`,
    "else echo none; fi"
  ].join("\n");
  const res = await transport.script(script, { timeoutMs: 2e4 });
  const [how, id] = res.stdout.trim().split(/\s+/);
  if (how === "host") return defaultToolCommands;
  if (how === "crictl" && id) {
    const inEtcd = (tool) => ["crictl", "exec", id, tool];
    return { etcd: inEtcd("etcd"), etcdctl: inEtcd("etcdctl"), etcdutl: inEtcd("etcdutl") };
  }
  throw new OperationError(
    `Node ${transport.node}: no etcdctl on the host${how === "crictl" ? " and no running etcd container (crictl ps --name etcd)" : ", and no crictl to reach the etcd container"}. Install etcd-client on the node, or start etcd first.`
  );
}
function layoutByName(name, overrides = {}) {
  if (name === "kubespray") return kubesprayLayout(overrides);
  if (name === "kubeadm") return kubeadmLayout(overrides);
  throw new InputError(
    `Unknown cluster layout "${name}": expected one of ${layoutNames.join(", ")} (or auto to detect it on the node).`
  );
}
async function detectLayout(transport, overrides = {}) {
  const env = overrides.envFile ?? "/etc/etcd.env";
  const manifest = overrides.etcdManifest ?? "/etc/kubernetes/manifests/etcd.yaml";
  const script = `if [ -r ${shellCommand([env])} ]; then echo kubespray; cat ${shellCommand([env])}; elif [ -e ${shellCommand([manifest])} ]; then echo kubeadm; else echo none; fi`;
  const res = await transport.script(script, { timeoutMs: 2e4 });
  const [kind, ...rest] = res.stdout.split("\n");
  if (kind === "kubespray") {
    const vars = parseEnvLines(rest.join("\n"));
    const fromEnv = {};
    if (vars.ETCD_DATA_DIR) fromEnv.dataDir = vars.ETCD_DATA_DIR;
    if (vars.ETCD_TRUSTED_CA_FILE) fromEnv.etcdCertDir = posix2.dirname(vars.ETCD_TRUSTED_CA_FILE);
    return kubesprayLayout({ ...fromEnv, ...overrides });
  }
  if (kind === "kubeadm") return kubeadmLayout(overrides);
  throw new OperationError(
    `Node ${transport.node}: cannot tell how etcd is deployed: found neither ${env} (Kubespray host etcd) nor ${manifest} (kubeadm static pod). Pass --layout kubespray|kubeadm, or check that this is an etcd/control-plane node.`
  );
}

// src/inventory/document.ts
import { extname } from "node:path";
import { CST, Parser } from "yaml";

// src/inventory/ansible-values.ts
var ShellSplitError = class extends Error {
};
function shellSplit(line) {
  const words = [];
  let word = "";
  let inWord = false;
  let i = 0;
  while (i < line.length) {
    const c = line[i];
    if (c === "#") break;
    if (c === " " || c === "	" || c === "\r" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0)
        throw new ShellSplitError(`no closing quotation (') for the quote at column ${i + 1}`);
      word += line.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      for (; ; ) {
        if (i >= line.length) throw new ShellSplitError('no closing quotation (") on this line');
        const d = line[i];
        if (d === '"') break;
        if (d === "\\" && (line[i + 1] === '"' || line[i + 1] === "\\")) {
          word += line[i + 1];
          i += 2;
          continue;
        }
        word += d;
        i++;
      }
      i++;
    } else if (c === "\\") {
      if (i + 1 >= line.length)
        throw new ShellSplitError("a backslash ends the line with nothing to escape");
      word += line[i + 1];
      i += 2;
    } else {
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
var NotALiteral = class extends Error {
};
function literalEval(src) {
  let i = 0;
  const ws = () => {
    while (i < src.length && /[ \t]/.test(src[i])) i++;
    if (src[i] === "#") i = src.length;
  };
  const fail = () => {
    throw new NotALiteral();
  };
  const str2 = () => {
    let out = "";
    while (src[i] === "'" || src[i] === '"') {
      const q2 = src[i];
      const triple = src.startsWith(q2.repeat(3), i);
      const close = triple ? q2.repeat(3) : q2;
      i += close.length;
      for (; ; ) {
        if (i >= src.length) fail();
        if (src.startsWith(close, i)) break;
        const c = src[i];
        if (c === "\\") {
          const e = src[i + 1];
          const simple = {
            n: "\n",
            t: "	",
            r: "\r",
            "\\": "\\",
            "'": "'",
            '"': '"',
            "0": "\0"
          };
          if (e in simple) {
            out += simple[e];
            i += 2;
          } else if (e === "x" || e === "u") {
            const n = e === "x" ? 2 : 4;
            const hex = src.slice(i + 2, i + 2 + n);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) fail();
            out += String.fromCharCode(Number.parseInt(hex, 16));
            i += 2 + n;
          } else {
            out += c;
            i++;
          }
          continue;
        }
        if (!triple && c === "\n") fail();
        out += c;
        i++;
      }
      i += close.length;
      ws();
    }
    return out;
  };
  const seq = (close) => {
    const items = [];
    ws();
    while (src[i] !== close) {
      items.push(value());
      ws();
      if (src[i] === ",") {
        i++;
        ws();
      } else if (src[i] !== close) fail();
    }
    i++;
    return items;
  };
  const value = () => {
    ws();
    const c = src[i];
    if (c === "'" || c === '"') return str2();
    if (c === "[") {
      i++;
      return seq("]");
    }
    if (c === "(") {
      i++;
      ws();
      if (src[i] === ")") {
        i++;
        return [];
      }
      const first = value();
      ws();
      if (src[i] === ")") {
        i++;
        return first;
      }
      if (src[i] !== ",") fail();
      i++;
      return [first, ...seq(")")];
    }
    if (c === "{") {
      i++;
      const obj2 = {};
      ws();
      while (src[i] !== "}") {
        const k = value();
        ws();
        if (src[i] !== ":") fail();
        i++;
        obj2[String(k)] = value();
        ws();
        if (src[i] === ",") i++;
        else if (src[i] !== "}") fail();
        ws();
      }
      i++;
      return obj2;
    }
    const m = /^[-+]?(0[xX][0-9a-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(\d[\d_]*)?\.?\d[\d_]*([eE][-+]?\d+)?\.?|True|False|None)/.exec(
      src.slice(i)
    );
    if (!m || m[0] === "" || /^[-+]$/.test(m[0])) fail();
    i += m[0].length;
    const word = m[0];
    if (word === "True") return true;
    if (word === "False") return false;
    if (word === "None") return null;
    const sign = word.startsWith("-") ? -1 : 1;
    const body = word.replace(/^[-+]/, "").replace(/_/g, "");
    if (/^0[xXoObB]/.test(body)) return sign * Number(body.toLowerCase());
    if (/^0+[1-9]/.test(body) && !/[.eE]/.test(body)) fail();
    return sign * Number(body);
  };
  const v = value();
  ws();
  if (i < src.length) fail();
  return v;
}
function parseAnsibleValue(raw) {
  try {
    return literalEval(raw.trim());
  } catch (err) {
    if (err instanceof NotALiteral) return raw.trim();
    throw err;
  }
}

// src/inventory/host-pattern.ts
var HostPatternError = class extends Error {
};
var RANGE = /^(.*?)\[([^\]:]*):([^\]:]*)(?::([^\]]*))?\](.*)$/;
function parseHostPattern(pattern) {
  let name = pattern;
  let port;
  const bracketed = /^\[([0-9a-fA-F:.]+)\](?::(\d+))?$/.exec(pattern);
  if (bracketed) {
    name = bracketed[1];
    if (bracketed[2] !== void 0) port = portOf(bracketed[2], pattern);
  } else {
    const withPort = /^((?:[^:[\]]|\[[^\]]*\])+):(\d+)$/.exec(pattern);
    if (withPort) {
      name = withPort[1];
      port = portOf(withPort[2], pattern);
    }
  }
  return { hosts: expandRanges(name), port };
}
function portOf(text4, pattern) {
  const port = Number(text4);
  if (port < 1 || port > 65535) {
    throw new HostPatternError(`port ${text4} in '${pattern}' is not between 1 and 65535`);
  }
  return port;
}
function expandRanges(name) {
  const m = RANGE.exec(name);
  if (!m) {
    if (/[[\]]/.test(name)) {
      throw new HostPatternError(
        `'${name}' has a bracket that is not a range; a range looks like node[1:3] or node[a:c]`
      );
    }
    return [name];
  }
  const [, head, begText, endText, stepText, tail] = m;
  const step = stepText === void 0 || stepText === "" ? 1 : Number(stepText);
  if (!Number.isInteger(step) || step < 1) {
    throw new HostPatternError(`range step '${stepText}' in '${name}' is not a whole number \u2265 1`);
  }
  if (!head && !tail) throw new HostPatternError(`range '${name}' has no host name around it`);
  const items = [];
  if (/^[a-zA-Z]$/.test(begText) && /^[a-zA-Z]$/.test(endText)) {
    const b = begText.charCodeAt(0);
    const e = endText.charCodeAt(0);
    if (b > e)
      throw new HostPatternError(`range '${name}' runs backwards (${begText} > ${endText})`);
    for (let c = b; c <= e; c += step) items.push(String.fromCharCode(c));
  } else if (/^\d*$/.test(begText) && /^\d+$/.test(endText)) {
    const b = begText === "" ? 0 : Number(begText);
    const e = Number(endText);
    if (b > e) throw new HostPatternError(`range '${name}' runs backwards (${b} > ${e})`);
    if ((e - b) / step > 1e4) {
      throw new HostPatternError(`range '${name}' expands to more than 10000 hosts`);
    }
    const width = begText.startsWith("0") && begText.length > 1 ? begText.length : 0;
    for (let n = b; n <= e; n += step) items.push(String(n).padStart(width, "0"));
  } else {
    throw new HostPatternError(
      `range [${begText}:${endText}] in '${name}' must be numbers (node[1:3]) or single letters (node[a:c])`
    );
  }
  const hosts = items.flatMap((item) => expandRanges(`${head}${item}${tail}`));
  if (hosts.length > 1e4)
    throw new HostPatternError(`'${name}' expands to more than 10000 hosts`);
  return hosts;
}

// src/inventory/resolve.ts
var at2 = (w) => `${w.source}:${w.line}`;
var DeclaredInventory = class {
  constructor(source) {
    this.source = source;
  }
  source;
  groups = /* @__PURE__ */ new Map();
  hostOrder = [];
  hostVars = /* @__PURE__ */ new Map();
  /** Groups in the order Ansible creates them (a `:vars` section alone creates none). */
  definedOrder = [];
  group(name, where, defines = true) {
    let g = this.groups.get(name);
    if (!g) {
      g = { name, hosts: [], children: [], childWhere: /* @__PURE__ */ new Map(), vars: {}, where, defined: false };
      if (name === "all" || name === "ungrouped") g.defined = true;
      this.groups.set(name, g);
    }
    if (defines && !g.defined) {
      g.defined = true;
      this.definedOrder.push(name);
    }
    return g;
  }
  addHost(groupName, host, vars, where) {
    if (!this.hostVars.has(host)) {
      this.hostOrder.push(host);
      this.hostVars.set(host, {});
    }
    Object.assign(this.hostVars.get(host), vars);
    if (groupName !== void 0) {
      const g = this.group(groupName, where);
      if (!g.hosts.includes(host)) g.hosts.push(host);
    }
  }
  addChild(parent, child, where) {
    const p = this.group(parent, where);
    this.group(child, where, true);
    if (!p.children.includes(child)) {
      p.children.push(child);
      p.childWhere.set(child, where);
    }
  }
};
var CONTROL_PLANE_GROUPS = ["kube_control_plane", "kube-master", "kube_master"];
function brokenControlPlaneGroupFor(controlPlaneGroup) {
  return controlPlaneGroup === "kube-master" ? "broken_kube-master" : "broken_kube_control_plane";
}
function checkCycles(declared) {
  const state = /* @__PURE__ */ new Map();
  const path = [];
  const visit = (name) => {
    const s = state.get(name);
    if (s === "done") return;
    if (s === "visiting") {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const closing = declared.groups.get(cycle[cycle.length - 2]);
      const where = closing.childWhere.get(name);
      throw new InputError(
        `${at2(where)}: groups form a cycle through their children: ${cycle.join(" \u2192 ")} (here [${closing.name}] lists ${name} as a child). A group cannot contain itself; remove one of these children entries.`
      );
    }
    state.set(name, "visiting");
    path.push(name);
    for (const child of declared.groups.get(name)?.children ?? []) visit(child);
    path.pop();
    state.set(name, "done");
  };
  for (const name of declared.groups.keys()) visit(name);
}
var unique = (xs) => [...new Set(xs)];
function resolveInventory(declared, format, text4, layers = {}, checks = { memberNames: true }) {
  checkCycles(declared);
  for (const g of declared.groups.values()) {
    if (!g.defined && g.varsWhere) {
      throw new InputError(
        `${at2(g.varsWhere)}: vars are given for group [${g.name}], but no section or children entry defines that group. Add a [${g.name}] section (it may be empty) or fix the group name.`
      );
    }
  }
  const parents = /* @__PURE__ */ new Map();
  for (const g of declared.groups.values()) {
    for (const c of g.children) parents.set(c, [...parents.get(c) ?? [], g.name]);
  }
  const depthMemo = /* @__PURE__ */ new Map();
  const depthOf = (name) => {
    if (name === "all") return 0;
    const known = depthMemo.get(name);
    if (known !== void 0) return known;
    const ps = (parents.get(name) ?? []).filter((p) => p !== "all");
    const d = ps.length === 0 ? 1 : Math.max(...ps.map(depthOf)) + 1;
    depthMemo.set(name, d);
    return d;
  };
  const allChildren = unique([
    "ungrouped",
    ...declared.groups.get("all")?.children ?? [],
    ...declared.definedOrder.filter((g) => g !== "all" && g !== "ungrouped" && !parents.has(g))
  ]);
  const childrenOf = (name) => name === "all" ? allChildren : declared.groups.get(name)?.children ?? [];
  const inSomeGroup = /* @__PURE__ */ new Set();
  for (const g of declared.groups.values()) {
    if (g.name !== "all" && g.name !== "ungrouped") for (const h of g.hosts) inSomeGroup.add(h);
  }
  const ungrouped = declared.hostOrder.filter((h) => !inSomeGroup.has(h));
  const directHosts = (name) => name === "ungrouped" ? ungrouped : declared.groups.get(name)?.hosts ?? [];
  const hostsOf = (name) => {
    const ordered = [name, ...childrenOf(name)];
    const seen = /* @__PURE__ */ new Set();
    let level = unique(childrenOf(name));
    while (level.length > 0) {
      for (const g of level) seen.add(g);
      const next = [];
      for (const g of level) {
        for (const c of childrenOf(g)) {
          next.push(c);
          if (!seen.has(c)) ordered.push(c);
        }
      }
      level = unique(next).filter((g) => !seen.has(g));
    }
    return unique(ordered.flatMap(directHosts));
  };
  const groups = /* @__PURE__ */ new Map();
  for (const name of ["all", "ungrouped", ...declared.groups.keys()]) {
    if (!groups.has(name)) groups.set(name, hostsOf(name));
  }
  const priorityOf = (name) => {
    const p = declared.groups.get(name)?.vars.ansible_group_priority;
    return typeof p === "number" ? p : 1;
  };
  const hosts = /* @__PURE__ */ new Map();
  for (const name of declared.hostOrder) {
    const memberOf = [...groups.keys()].filter((g) => g === "all" || groups.get(g).includes(name));
    memberOf.sort(
      (a, b) => depthOf(a) - depthOf(b) || priorityOf(a) - priorityOf(b) || (a < b ? -1 : a > b ? 1 : 0)
    );
    const vars = {};
    for (const g of memberOf) {
      const { ansible_group_priority: _, ...groupVars } = declared.groups.get(g)?.vars ?? {};
      Object.assign(vars, groupVars);
    }
    for (const g of memberOf) Object.assign(vars, layers.groupVarsFiles?.get(g));
    Object.assign(
      vars,
      declared.hostVars.get(name),
      layers.hostVarsFiles?.get(name),
      layers.extraVars
    );
    hosts.set(name, { name, vars });
  }
  const inventory = new ResolvedInventory(declared.source, format, hosts, groups, text4, layers);
  if (checks.memberNames) inventory.checkEtcdMemberNames();
  return inventory;
}
var str = (v) => v === void 0 || v === null || v === "" ? void 0 : String(v);
var ResolvedInventory = class {
  constructor(source, format, hosts, groups, text4, varLayers) {
    this.source = source;
    this.format = format;
    this.hosts = hosts;
    this.groups = groups;
    this.text = text4;
    this.varLayers = varLayers;
  }
  source;
  format;
  hosts;
  groups;
  text;
  varLayers;
  get extraVars() {
    return this.varLayers.extraVars ?? {};
  }
  requireHost(host) {
    const h = this.hosts.get(host);
    if (!h) {
      throw new InputError(
        `host '${host}' is not in the inventory ${this.source} (it has: ${[...this.hosts.keys()].join(", ") || "no hosts"}).`
      );
    }
    return h;
  }
  /** Members with names, without the empty-group check: used by validation and the rewrite. */
  membersOrEmpty() {
    return (this.groups.get("etcd") ?? []).map((host, i) => {
      const vars = this.hosts.get(host).vars;
      const memberName = str(vars.etcd_member_name) ?? `etcd${i + 1}`;
      const address = str(vars.access_ip) ?? str(vars.ip) ?? str(vars.ansible_host) ?? host;
      return { host, memberName, address };
    });
  }
  checkEtcdMemberNames() {
    const byName2 = /* @__PURE__ */ new Map();
    for (const m of this.membersOrEmpty()) {
      const other = byName2.get(m.memberName);
      if (other) {
        throw new InputError(
          `${this.source}: etcd hosts '${other}' and '${m.host}' both have the etcd member name '${m.memberName}'. Each etcd member needs its own etcd_member_name (when unset, Kubespray uses etcd1\u2026etcdN by position in [etcd]); set it per host, not in group or extra vars.`
        );
      }
      byName2.set(m.memberName, m.host);
    }
  }
  etcdMembers() {
    const members = this.membersOrEmpty();
    if (members.length === 0) {
      throw new InputError(
        `${this.source}: the [etcd] group has no hosts. Kubespray needs the etcd members listed in [etcd] (directly, or through [etcd:children]).`
      );
    }
    return members;
  }
  controlPlaneGroup() {
    return CONTROL_PLANE_GROUPS.find((g) => this.groups.has(g));
  }
  controlPlane() {
    const g = this.controlPlaneGroup();
    return g ? [...this.groups.get(g)] : [];
  }
  brokenEtcd() {
    return [...this.groups.get("broken_etcd") ?? []];
  }
  brokenControlPlane() {
    const g = brokenControlPlaneGroupFor(this.controlPlaneGroup() ?? "kube_control_plane");
    return [...this.groups.get(g) ?? this.groups.get("broken_kube_control_plane") ?? []];
  }
  addressOf(host) {
    const v = this.requireHost(host).vars;
    return str(v.ansible_host) ?? str(v.access_ip) ?? str(v.ip) ?? host;
  }
  sshOf(host) {
    const v = this.requireHost(host).vars;
    const port = v.ansible_port === void 0 ? void 0 : Number(v.ansible_port);
    if (port !== void 0 && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      throw new InputError(
        `${this.source}: ansible_port of host '${host}' is '${String(v.ansible_port)}', not a port number (1\u201365535).`
      );
    }
    return { user: str(v.ansible_user), port };
  }
};

// src/inventory/ini.ts
var HEADER = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
var GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;
function parseIni(text4, source) {
  const declared = new DeclaredInventory(source);
  let group = "ungrouped";
  let type = "hosts";
  const lines = text4.split("\n").map((raw, index) => {
    const where = { source, line: index + 1 };
    const fail = (what) => {
      throw new InputError(`${source}:${index + 1}: ${what}
  ${raw.trim()}`);
    };
    const line = raw.trim();
    if (line === "") return { kind: "blank", raw };
    if (line.startsWith("#") || line.startsWith(";")) return { kind: "comment", raw };
    const m = HEADER.exec(line);
    if (m || line.startsWith("[") && line.endsWith("]")) {
      if (!m) {
        fail(
          "this is not a valid section header; expected [group], [group:children] or [group:vars]."
        );
      }
      const sectionType = m[2] ?? "hosts";
      if (!["hosts", "children", "vars"].includes(sectionType)) {
        fail(`section [${m[1]}:${m[2]}] has an unknown type '${m[2]}'; use :children or :vars.`);
      }
      group = m[1];
      type = sectionType;
      if (type === "vars") {
        const g = declared.group(group, where, false);
        g.varsWhere ??= where;
      } else {
        declared.group(group, where);
      }
      return { kind: "header", raw, group, type };
    }
    if (type === "children") {
      const m2 = GROUP_NAME.exec(line);
      if (!m2) fail(`expected one group name in [${group}:children].`);
      declared.addChild(group, m2[1], where);
      return { kind: "child", raw, group, child: m2[1] };
    }
    if (type === "vars") {
      const eq = line.indexOf("=");
      if (eq <= 0) fail(`expected key=value in [${group}:vars].`);
      const key = line.slice(0, eq).trim();
      declared.group(group, where, false).vars[key] = parseAnsibleValue(line.slice(eq + 1));
      return { kind: "var", raw, group, key };
    }
    let words;
    try {
      words = shellSplit(line);
    } catch (err) {
      if (err instanceof ShellSplitError) fail(`cannot split this host line: ${err.message}.`);
      throw err;
    }
    if (words.length === 0) return { kind: "comment", raw };
    const [pattern, ...assignments] = words;
    const vars = {};
    for (const a of assignments) {
      const eq = a.indexOf("=");
      if (eq <= 0) {
        fail(
          `expected key=value after the host name, got '${a}' (quote values that contain spaces).`
        );
      }
      vars[a.slice(0, eq)] = parseAnsibleValue(a.slice(eq + 1));
    }
    let expanded;
    try {
      expanded = parseHostPattern(pattern);
    } catch (err) {
      if (err instanceof HostPatternError) fail(`bad host name: ${err.message}.`);
      throw err;
    }
    if (expanded.port !== void 0) vars.ansible_port = expanded.port;
    for (const host of expanded.hosts) {
      declared.addHost(group, host, vars, where);
    }
    return { kind: "host", raw, group, pattern, hosts: expanded.hosts };
  });
  return { lines, declared };
}
var joinLines = (lines) => lines.map((l) => l.raw).join("\n");
var eolTail = (text4) => text4.includes("\r\n") ? "\r" : "";
function iniWord(value) {
  return /^[A-Za-z0-9_.:/@%+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'"'"'`)}'`;
}
function hostLineText(host, vars, cr) {
  return `${[host, ...Object.entries(vars).map(([k, v]) => `${k}=${iniWord(v)}`)].join(" ")}${cr}`;
}
function appendVars(raw, vars) {
  const cr = raw.endsWith("\r") ? "\r" : "";
  const body = cr ? raw.slice(0, -1) : raw;
  let end = body.length;
  let quote = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quote) {
      if (c === quote) quote = "";
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "\\") {
      i++;
    } else if (c === "#") {
      end = i;
      break;
    }
  }
  const content = body.slice(0, end).trimEnd();
  const extra = Object.entries(vars).map(([k, v]) => ` ${k}=${iniWord(v)}`).join("");
  return `${content}${extra}${body.slice(content.length)}${cr}`;
}
var isSection = (l, group, type) => l.kind === "header" && l.group === group && l.type === type;
function iniMoveHostFirst(text4, source, group, host, addVars) {
  const { lines } = parseIni(text4, source);
  const cr = eolTail(text4);
  const header2 = lines.findIndex((l) => isSection(l, group, "hosts"));
  const own = lines.findIndex(
    (l) => l.kind === "host" && l.group === group && l.hosts.length === 1 && l.hosts[0] === host
  );
  if (header2 < 0) {
    const children = lines.findIndex((l) => isSection(l, group, "children"));
    const block = [
      { kind: "header", raw: `[${group}]${cr}`, group, type: "hosts" },
      { kind: "host", raw: hostLineText(host, addVars, cr), group, pattern: host, hosts: [host] },
      { kind: "blank", raw: cr }
    ];
    if (children < 0) return appendSection(lines, block, cr);
    lines.splice(children, 0, ...block);
    return joinLines(lines);
  }
  let firstHost = header2 + 1;
  while (firstHost < lines.length && lines[firstHost].kind !== "header") {
    if (lines[firstHost].kind === "host") break;
    firstHost++;
  }
  const firstIsHost = firstHost < lines.length && lines[firstHost].kind === "host";
  const insertAt = firstIsHost ? firstHost : header2 + 1;
  if (own === insertAt) {
    lines[own] = { ...lines[own], raw: appendVars(lines[own].raw, addVars) };
    return joinLines(lines);
  }
  let moved;
  if (own >= 0) {
    const raw = appendVars(lines[own].raw, addVars);
    moved = { ...lines[own], raw: cr && !raw.endsWith(cr) ? `${raw}${cr}` : raw };
    lines.splice(own, 1);
  } else {
    moved = {
      kind: "host",
      raw: hostLineText(host, addVars, cr),
      group,
      pattern: host,
      hosts: [host]
    };
  }
  lines.splice(own >= 0 && own < insertAt ? insertAt - 1 : insertAt, 0, moved);
  return joinLines(lines);
}
function appendSection(lines, block, cr) {
  const endsWithNewline = lines.length > 0 && lines[lines.length - 1].raw === "";
  if (endsWithNewline) lines.pop();
  const last = lines[lines.length - 1];
  const needsGap = last !== void 0 && last.kind !== "blank";
  const tail = block[block.length - 1]?.kind === "blank" ? block.slice(0, -1) : block;
  const out = [...lines, ...needsGap ? [{ kind: "blank", raw: cr }] : [], ...tail];
  return `${joinLines(out)}
`;
}
function iniSetGroupHosts(text4, source, group, entries) {
  const { lines } = parseIni(text4, source);
  const cr = eolTail(text4);
  const fresh = entries.map((e) => ({
    kind: "host",
    raw: hostLineText(e.host, e.vars, cr),
    group,
    pattern: e.host,
    hosts: [e.host]
  }));
  const header2 = lines.findIndex((l) => isSection(l, group, "hosts"));
  if (header2 < 0) {
    return appendSection(
      lines,
      [{ kind: "header", raw: `[${group}]${cr}`, group, type: "hosts" }, ...fresh],
      cr
    );
  }
  const firstOld = lines.findIndex((l) => l.kind === "host" && l.group === group);
  const kept = lines.filter((l) => !(l.kind === "host" && l.group === group));
  const at3 = firstOld >= 0 && firstOld > header2 ? firstOld : header2 + 1;
  kept.splice(at3, 0, ...fresh);
  return joinLines(kept);
}
function iniSetHostVars(text4, source, host, vars) {
  const { lines } = parseIni(text4, source);
  const i = lines.findIndex(
    (l) => l.kind === "host" && l.hosts.length === 1 && l.hosts[0] === host
  );
  if (i < 0) {
    throw new InputError(
      `${source}: host '${host}' has no line of its own to set ${Object.keys(vars).join(", ")} on (is it only in a range?). Add it by hand.`
    );
  }
  lines[i] = { ...lines[i], raw: appendVars(lines[i].raw, vars) };
  return joinLines(lines);
}

// src/inventory/yaml.ts
import {
  isAlias,
  isMap,
  isScalar,
  LineCounter,
  parseDocument
} from "yaml";

// src/inventory/ansible-yaml.ts
var pyyamlBool = {
  identify: (v) => typeof v === "boolean",
  default: true,
  tag: "tag:yaml.org,2002:bool",
  test: /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  resolve: (s) => /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/.test(s)
};
var ANSIBLE_YAML = {
  merge: true,
  customTags: (tags) => [pyyamlBool, ...tags]
};

// src/inventory/yaml.ts
var keyText = (key) => typeof key.value === "string" ? key.value : key.source ?? String(key.value);
function parseYaml(text4, source) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text4, {
    ...ANSIBLE_YAML,
    lineCounter,
    uniqueKeys: true,
    prettyErrors: true
  });
  const lineOf = (node) => node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const firstError = doc.errors[0];
  if (firstError) {
    const line = firstError.linePos?.[0].line ?? 1;
    throw new InputError(
      `${source}:${line}: this is not valid YAML: ${firstError.message.split("\n")[0]}`
    );
  }
  const declared = new DeclaredInventory(source);
  const groupNodes = [];
  const resolveAlias = (node) => isAlias(node) ? node.resolve(doc) ?? null : node;
  const root = doc.contents;
  if (root === null || isScalar(root) && root.value === null) {
    return { declared, groupNodes, lineCounter };
  }
  const shape = (node, what, expected) => {
    throw new InputError(
      `${source}:${lineOf(node)}: ${what} must be ${expected}, but it is ${describe(node)}. A Kubespray hosts.yaml looks like: all: {hosts: {node1: {ansible_host: \u2026}}, children: {etcd: {hosts: {node1: }}}}.`
    );
  };
  if (!isMap(root)) shape(root, "the top level of an inventory", "a mapping of group names");
  const keyOf = (pair, what) => {
    if (!isScalar(pair.key) || pair.key.value === null || typeof pair.key.value === "object") {
      shape(pair.key, what, "a plain name");
    }
    return keyText(pair.key);
  };
  const walkGroup = (name, pair, parent) => {
    const where = { source, line: lineOf(pair.key) };
    declared.group(name, where);
    const node = pair.value;
    const entry = { name, pair, parent };
    groupNodes.push(entry);
    if (node === null || isScalar(node) && node.value === null) return;
    if (!isMap(node)) shape(node, `group '${name}'`, "a mapping with hosts, children or vars");
    entry.map = node;
    for (const item of node.items) {
      const key = keyOf(item, `a key of group '${name}'`);
      const value = item.value;
      const empty = value === null || isScalar(value) && value.value === null;
      if (key === "hosts") {
        if (empty) continue;
        if (isScalar(value) && typeof value.value === "string" && !/\s/.test(value.value)) {
          declared.addHost(name, value.value, {}, { source, line: lineOf(value) });
          continue;
        }
        if (!isMap(value)) {
          shape(value, `hosts of group '${name}'`, "a mapping with one `name:` entry per host");
        }
        entry.hosts = value;
        for (const h of value.items) {
          const pattern = keyOf(h, `a host of group '${name}'`);
          const hv = resolveAlias(h.value);
          let vars = {};
          if (hv !== null && !(isScalar(hv) && hv.value === null)) {
            if (!isMap(hv)) shape(hv, `the vars of host '${pattern}'`, "a mapping (or empty)");
            vars = hv.toJS(doc);
          }
          let hosts;
          try {
            const parsed = parseHostPattern(pattern);
            hosts = parsed.hosts;
            if (parsed.port !== void 0) vars = { ...vars, ansible_port: parsed.port };
          } catch (err) {
            if (err instanceof HostPatternError) {
              throw new InputError(
                `${source}:${lineOf(h.key)}: bad host name: ${err.message}.`
              );
            }
            throw err;
          }
          for (const host of hosts) {
            declared.addHost(name, host, vars, { source, line: lineOf(h.key) });
          }
        }
      } else if (key === "children") {
        if (empty) continue;
        if (!isMap(value)) shape(value, `children of group '${name}'`, "a mapping of group names");
        for (const c of value.items) {
          const child = keyOf(c, `a child group of '${name}'`);
          declared.addChild(name, child, { source, line: lineOf(c.key) });
          walkGroup(child, c, value);
        }
      } else if (key === "vars") {
        if (empty) continue;
        const vars = resolveAlias(value);
        if (!isMap(vars)) shape(vars, `vars of group '${name}'`, "a mapping of variable names");
        Object.assign(declared.group(name, where).vars, vars.toJS(doc));
      } else {
        throw new InputError(
          `${source}:${lineOf(item.key)}: group '${name}' has the key '${key}'; only hosts, children and vars belong there. If '${key}' is a host, put it under '${name}: {hosts: {${key}: }}'.`
        );
      }
    }
  };
  for (const pair of root.items) {
    walkGroup(keyOf(pair, "a top-level key"), pair, root);
  }
  return { declared, root, groupNodes, lineCounter };
}
function describe(node) {
  if (node === null || node === void 0) return "empty";
  if (isMap(node)) return "a mapping";
  if (isScalar(node)) return `the value '${String(node.value)}'`;
  return "a list";
}
var RESERVED = /^(true|false|yes|no|on|off|null|~|y|n)$/i;
function yamlScalar(value) {
  return /^[A-Za-z_][A-Za-z0-9_.\-/]*$/.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
}
var LineEditor = class {
  constructor(text4, lc) {
    this.lc = lc;
    this.lines = text4.split("\n");
  }
  lc;
  lines;
  /** 0-based line and column of an offset. */
  pos(offset) {
    const p = this.lc.linePos(offset);
    return { line: p.line - 1, col: p.col - 1 };
  }
  /** End (exclusive) of the block that starts at `line` with its key at `col`. */
  blockEnd(line, col) {
    let last = line;
    for (let i = line + 1; i < this.lines.length; i++) {
      const l = this.lines[i].replace(/\r$/, "");
      const trimmed = l.trimStart();
      if (trimmed === "" || trimmed.startsWith("#")) continue;
      if (l.length - trimmed.length <= col) break;
      last = i;
    }
    return last + 1;
  }
  get cr() {
    return this.lines.some((l) => l.endsWith("\r")) ? "\r" : "";
  }
  text() {
    return this.lines.join("\n");
  }
};
var keyStart = (pair) => pair.key.range[0];
function indentStep(parsed, ed) {
  for (const g of parsed.groupNodes) {
    const first = g.map?.items[0];
    if (g.map && !g.map.flow && first) {
      const step = ed.pos(keyStart(first)).col - ed.pos(keyStart(g.pair)).col;
      if (step > 0) return step;
    }
  }
  return 2;
}
function cannotEdit(source, ed, node, why) {
  throw new InputError(
    `${source}:${ed.pos(node.range[0]).line + 1}: cannot rewrite this inventory in place: ${why}. Write that part in block style (one key per line) and run again.`
  );
}
function hostEntryLines(col, step, host, vars, cr) {
  const pad = " ".repeat(col);
  return [
    `${pad}${yamlScalar(host)}:${cr}`,
    ...Object.entries(vars).map(([k, v]) => `${pad}${" ".repeat(step)}${k}: ${yamlScalar(v)}${cr}`)
  ];
}
function findHostPair(map, host) {
  const index = map?.items.findIndex((p) => isScalar(p.key) && keyText(p.key) === host) ?? -1;
  return index >= 0 ? { pair: map.items[index], index } : void 0;
}
function yamlSetHostVars(text4, source, group, host, vars) {
  const parsed = parseYaml(text4, source);
  const ed = new LineEditor(text4, parsed.lineCounter);
  const found = parsed.groupNodes.filter((g) => group === void 0 || g.name === group).map((g) => findHostPair(g.hosts, host)).find((f) => f !== void 0);
  if (!found) {
    throw new InputError(
      `${source}: host '${host}' has no entry of its own to set ${Object.keys(vars).join(", ")} on (is it only in a range?). Add it by hand.`
    );
  }
  const { pair } = found;
  const value = pair.value;
  const entries = Object.entries(vars);
  const keyPos = ed.pos(keyStart(pair));
  if (value === null || isScalar(value) && value.value === null) {
    if (value && value.range[0] !== value.range[1]) {
      const at3 = ed.pos(value.range[0]);
      const line = ed.lines[at3.line];
      ed.lines[at3.line] = line.slice(0, at3.col) + line.slice(at3.col + value.range[1] - value.range[0]);
    }
    const step = indentStep(parsed, ed);
    const add = entries.map(
      ([k, v]) => `${" ".repeat(keyPos.col + step)}${k}: ${yamlScalar(v)}${ed.cr}`
    );
    ed.lines.splice(keyPos.line + 1, 0, ...add);
    return ed.text();
  }
  if (isMap(value) && value.flow) {
    const at3 = value.range[0] + 1;
    const add = entries.map(([k, v]) => `${k}: ${yamlScalar(v)}`).join(", ");
    return `${text4.slice(0, at3)}${add}${value.items.length > 0 ? ", " : ""}${text4.slice(at3)}`;
  }
  if (isMap(value) && value.items.length > 0) {
    const first = ed.pos(keyStart(value.items[0]));
    const add = entries.map(([k, v]) => `${" ".repeat(first.col)}${k}: ${yamlScalar(v)}${ed.cr}`);
    ed.lines.splice(first.line, 0, ...add);
    return ed.text();
  }
  return cannotEdit(
    source,
    ed,
    value,
    `host '${host}' has a value that is neither empty nor a mapping`
  );
}
function yamlMoveHostFirst(text4, source, group, host, addVars) {
  let parsed = parseYaml(text4, source);
  const occurrences = () => parsed.groupNodes.filter((g2) => g2.name === group);
  const firstWithHosts = () => occurrences().find((g2) => (g2.hosts?.items.length ?? 0) > 0);
  const target = firstWithHosts();
  const own = findHostPair(target?.hosts, host);
  if (own && Object.keys(addVars).length > 0) {
    text4 = yamlSetHostVars(text4, source, group, host, addVars);
    parsed = parseYaml(text4, source);
  }
  const ed = new LineEditor(text4, parsed.lineCounter);
  const step = indentStep(parsed, ed);
  const t = firstWithHosts();
  if (own && t?.hosts) {
    const { index, pair } = findHostPair(t.hosts, host);
    if (index === 0) return text4;
    if (t.hosts.flow) cannotEdit(source, ed, t.hosts, `the hosts of [${group}] are a flow mapping`);
    const from = ed.pos(keyStart(pair));
    const to = ed.pos(keyStart(t.hosts.items[0])).line;
    const block = ed.lines.splice(from.line, ed.blockEnd(from.line, from.col) - from.line);
    ed.lines.splice(to, 0, ...block);
    return ed.text();
  }
  if (t?.hosts) {
    if (t.hosts.flow) {
      const at3 = t.hosts.range[0] + 1;
      const vars = Object.entries(addVars).map(([k, v]) => `${k}: ${yamlScalar(v)}`);
      const entry = `${yamlScalar(host)}: ${vars.length ? `{${vars.join(", ")}}` : "null"}, `;
      return `${text4.slice(0, at3)}${entry}${text4.slice(at3)}`;
    }
    const first2 = ed.pos(keyStart(t.hosts.items[0]));
    ed.lines.splice(first2.line, 0, ...hostEntryLines(first2.col, step, host, addVars, ed.cr));
    return ed.text();
  }
  const g = occurrences().find((o) => o.map && !o.map.flow && o.map.items.length > 0);
  if (!g?.map) {
    const any = occurrences()[0];
    if (!any)
      throw new InputError(`${source}: there is no group '${group}' to put '${host}' into.`);
    return cannotEdit(
      source,
      ed,
      any.pair.key,
      `group '${group}' is empty or a flow mapping`
    );
  }
  const first = ed.pos(keyStart(g.map.items[0]));
  ed.lines.splice(
    first.line,
    0,
    `${" ".repeat(first.col)}hosts:${ed.cr}`,
    ...hostEntryLines(first.col + step, step, host, addVars, ed.cr)
  );
  return ed.text();
}
function yamlSetGroupHosts(text4, source, group, entries) {
  const parsed = parseYaml(text4, source);
  const ed = new LineEditor(text4, parsed.lineCounter);
  const step = indentStep(parsed, ed);
  const block = (col) => {
    const pad = " ".repeat(col);
    return [
      `${pad}${yamlScalar(group)}:${ed.cr}`,
      `${pad}${" ".repeat(step)}hosts:${entries.length === 0 ? " {}" : ""}${ed.cr}`,
      ...entries.flatMap((e) => hostEntryLines(col + 2 * step, step, e.host, e.vars, ed.cr))
    ];
  };
  const existing = parsed.groupNodes.find((g) => g.name === group);
  if (existing) {
    if (existing.parent.flow) {
      cannotEdit(source, ed, existing.parent, `group '${group}' sits in a flow mapping`);
    }
    const at3 = ed.pos(keyStart(existing.pair));
    ed.lines.splice(at3.line, ed.blockEnd(at3.line, at3.col) - at3.line, ...block(at3.col));
    return ed.text();
  }
  const all = parsed.groupNodes.find((g) => g.name === "all" && g.parent === parsed.root);
  const children = all?.map?.items.find((p) => isScalar(p.key) && p.key.value === "children")?.value;
  const container = isMap(children) && !children.flow && children.items.length > 0 ? children : parsed.root;
  if (!container || container.items.length === 0) {
    throw new InputError(`${source}: the inventory has no groups to add [${group}] next to.`);
  }
  if (container.flow) cannotEdit(source, ed, container, "the top level is a flow mapping");
  const last = ed.pos(keyStart(container.items[container.items.length - 1]));
  const end = ed.blockEnd(last.line, last.col);
  const first = ed.pos(keyStart(container.items[0]));
  if (end === ed.lines.length && ed.lines[end - 1] !== "") ed.lines.push("");
  const insertAt = end === ed.lines.length ? end - 1 : end;
  ed.lines.splice(insertAt, 0, ...block(first.col));
  return ed.text();
}

// src/inventory/document.ts
var INI_HEADER = /^\s*\[[^\]\s]+\]\s*(#.*)?$/;
var YAML_KEY = /^[^\s#;[][^=]*:(\s|$)/;
function detectFormat(text4, source) {
  const ext = extname(source).toLowerCase();
  if (ext === ".yaml" || ext === ".yml" || ext === ".json") return "yaml";
  if (ext === ".ini" || ext === ".cfg") return "ini";
  for (const raw of text4.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    if (INI_HEADER.test(line)) return "ini";
    if (line === "---" || line.startsWith("{") || YAML_KEY.test(line)) return "yaml";
    return "ini";
  }
  return "ini";
}
function parseInventoryDocument(text4, source, format = detectFormat(text4, source)) {
  if (format === "ini") {
    const { lines, declared: declared2 } = parseIni(text4, source);
    return { format, source, lines, declared: declared2 };
  }
  const { declared } = parseYaml(text4, source);
  return { format, source, tokens: [...new Parser().parse(text4)], declared };
}
function writeInventoryDocument(doc) {
  if (doc.format === "ini") return doc.lines.map((l) => l.raw).join("\n");
  return doc.tokens.map((t) => CST.stringify(t)).join("");
}
function parseInventory(text4, source, format, layers = {}) {
  const doc = parseInventoryDocument(text4, source, format);
  return resolveInventory(doc.declared, doc.format, text4, layers);
}

// src/inventory/load.ts
import { readFile as readFile4 } from "node:fs/promises";
import { isMap as isMap2, LineCounter as LineCounter2, parseDocument as parseDocument2 } from "yaml";

// src/inventory/node-values.ts
import { isIP } from "node:net";
var LABEL = "[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?";
var DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
var NAME = {
  form: "letters, digits, '-', '_' and '.' (starting with a letter or digit)",
  ok: (v) => v.length <= 253 && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v)
};
var ADDRESS = {
  form: "an IPv4 or IPv6 address or a DNS name",
  ok: (v) => v.length <= 253 && (isIP(v) !== 0 || DNS_NAME.test(v))
};
var RULES = {
  etcd_member_name: NAME,
  kube_override_hostname: NAME,
  ansible_host: ADDRESS,
  access_ip: ADDRESS,
  ip: ADDRESS,
  ansible_port: {
    form: "a port number (1\u201365535)",
    ok: (v) => /^[0-9]{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535
  },
  ansible_user: {
    form: "a login name (letters, digits, '-', '_' and '.', not starting with '-')",
    ok: (v) => v.length <= 64 && /^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/.test(v)
  }
};
function shown(value) {
  const json = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}\u2026` : value);
  return json;
}
function whatIsWrong(value) {
  if (/[\r\n]/.test(value)) return "it contains a line break";
  if (/[\p{Cc}]/u.test(value)) return "it contains a control character";
  if (/\s/.test(value)) return "it contains white space";
  const bad = [...value].find((c) => /[`$"'\\;&|<>(){}*?!#~,=[\]]/.test(c));
  if (bad) return `it contains '${bad}'`;
  return "it is not of that form";
}
function whereSet(inventory, host, variable) {
  const layers = inventory.varLayers;
  if (layers.extraVars && variable in layers.extraVars) return "the extra-vars file (-e @file)";
  if (layers.hostVarsFiles?.get(host) && variable in layers.hostVarsFiles.get(host)) {
    return `host_vars/${host} beside ${inventory.source}`;
  }
  for (const [group, vars] of layers.groupVarsFiles ?? []) {
    if (variable in vars && (group === "all" || inventory.groups.get(group)?.includes(host))) {
      return `group_vars/${group} beside ${inventory.source}`;
    }
  }
  return inventory.source;
}
function checkNodeValues(inventory) {
  const hosts = /* @__PURE__ */ new Set([
    ...inventory.groups.get("etcd") ?? [],
    ...inventory.controlPlane(),
    ...inventory.brokenEtcd(),
    ...inventory.brokenControlPlane()
  ]);
  for (const host of hosts) {
    if (!NAME.ok(host) && isIP(host) === 0) {
      throw new InputError(
        `${inventory.source}: the host name ${shown(host)} cannot be used: ${whatIsWrong(host)}. A host name may hold ${NAME.form}, or be an IP address; it names certificate files and members on the nodes.`
      );
    }
    const vars = inventory.hosts.get(host)?.vars ?? {};
    for (const [variable, rule] of Object.entries(RULES)) {
      const raw = vars[variable];
      if (raw === void 0 || raw === null || raw === "") continue;
      const value = String(raw);
      if (typeof raw === "object" || !rule.ok(value)) {
        throw new InputError(
          `host '${host}': ${variable} is ${shown(typeof raw === "object" ? JSON.stringify(raw) : value)}, which cannot be used: ${typeof raw === "object" ? "it is not a single value" : whatIsWrong(value)}. ${variable} must be ${rule.form}. Fix it in ${whereSet(inventory, host, variable)}.`
        );
      }
    }
  }
}

// src/inventory/vars-files.ts
import { readdir, stat } from "node:fs/promises";
import { dirname, extname as extname2, join as join2 } from "node:path";
var VARS_EXTENSIONS = ["", ".yml", ".yaml", ".json"];
var byName = (a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
async function isDirectory(path) {
  return (await stat(path).catch(() => void 0))?.isDirectory() ?? false;
}
async function filesUnder(dir) {
  const entries = (await readdir(dir, { withFileTypes: true })).sort(byName);
  const files = [];
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = join2(dir, e.name);
    if (e.isDirectory()) files.push(...await filesUnder(path));
    else if (VARS_EXTENSIONS.includes(extname2(e.name))) files.push(path);
  }
  return files;
}
async function readVarsDirectory(root, readVarsFile2) {
  const result = /* @__PURE__ */ new Map();
  if (!await isDirectory(root)) return result;
  const entries = (await readdir(root, { withFileTypes: true })).sort(byName);
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const path = join2(root, e.name);
    let name = e.name;
    let files;
    if (e.isDirectory()) {
      files = await filesUnder(path);
    } else {
      const ext = extname2(e.name);
      if (!VARS_EXTENSIONS.includes(ext)) continue;
      name = e.name.slice(0, e.name.length - ext.length);
      files = [path];
    }
    const vars = result.get(name) ?? {};
    for (const file of files) Object.assign(vars, await readVarsFile2(file));
    result.set(name, vars);
  }
  return result;
}
async function readVarsDirectories(inventoryPath, readVarsFile2) {
  const dir = dirname(inventoryPath);
  return {
    groupVarsFiles: await readVarsDirectory(join2(dir, "group_vars"), readVarsFile2),
    hostVarsFiles: await readVarsDirectory(join2(dir, "host_vars"), readVarsFile2)
  };
}

// src/inventory/load.ts
async function readText(path, what) {
  try {
    return await readFile4(path, "utf8");
  } catch (err) {
    const code = err.code;
    const why = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : String(err);
    throw new InputError(`cannot read the ${what} ${path}: ${why}.`, { cause: err });
  }
}
async function readVarsFile(path, what) {
  const text4 = await readText(path, what);
  const lineCounter = new LineCounter2();
  const doc = parseDocument2(text4, { ...ANSIBLE_YAML, lineCounter, prettyErrors: true });
  const err = doc.errors[0];
  if (err) {
    throw new InputError(
      `${path}:${err.linePos?.[0].line ?? 1}: this ${what} is not valid YAML: ${err.message.split("\n")[0]}`
    );
  }
  if (doc.contents === null) return {};
  if (!isMap2(doc.contents)) {
    throw new InputError(
      `${path}: a ${what} must be a mapping of variable names (like 'etcd_retries: 10'), not a list or a single value.`
    );
  }
  return doc.toJS();
}
async function readExtraVars(file) {
  return readVarsFile(file.startsWith("@") ? file.slice(1) : file, "extra-vars file");
}
async function loadInventory(path, options = {}) {
  const text4 = await readText(path, "inventory");
  const extraVars = {};
  for (const file of options.extraVars ?? []) Object.assign(extraVars, await readExtraVars(file));
  const dirs = options.varsDirectories === false ? {} : await readVarsDirectories(path, (file) => readVarsFile(file, "vars file"));
  const inventory = parseInventory(text4, path, void 0, { ...dirs, extraVars });
  if (options.nodeValues !== false) checkNodeValues(inventory);
  return inventory;
}

// src/inventory/recovery-rewrite.ts
function unpack(input, o) {
  if (typeof input === "string") {
    return {
      text: input,
      source: o.source ?? "inventory",
      format: o.format,
      layers: { extraVars: o.extraVars }
    };
  }
  if ("declared" in input) {
    return {
      text: writeInventoryDocument(input),
      source: input.source,
      format: input.format,
      layers: { extraVars: o.extraVars }
    };
  }
  return { text: input.text, source: input.source, format: input.format, layers: input.varLayers };
}
var unique2 = (xs) => [...new Set(xs)];
var keepingOrderOf = (existing, wanted) => [
  ...existing.filter((h) => wanted.includes(h)),
  ...wanted.filter((h) => !existing.includes(h))
];
function recoveryRewrite(input, options) {
  const { text: text4, source, format: givenFormat, layers } = unpack(input, options);
  const inv = parseInventory(text4, source, givenFormat, layers);
  const format = inv.format;
  const brokenEtcd = unique2(options.brokenEtcd);
  const brokenCp = unique2(options.brokenControlPlane);
  const cpGroup = CONTROL_PLANE_GROUPS.find((g) => inv.groups.has(g));
  const cp = cpGroup ? inv.groups.get(cpGroup) : [];
  const checkHosts = (hosts, flag, group, members2) => {
    for (const h of hosts) {
      if (!inv.hosts.has(h)) {
        throw new InputError(
          `${flag} names '${h}', which is not a host in ${source} (its hosts: ${[...inv.hosts.keys()].join(", ") || "none"}). Use the inventory hostname.`
        );
      }
      if (!members2.includes(h)) {
        throw new InputError(
          `${flag} names '${h}', which is not in [${group}] of ${source} ([${group}] has: ${members2.join(", ") || "no hosts"}).`
        );
      }
    }
  };
  const members = inv.etcdMembers();
  const names = new Map(members.map((m) => [m.host, m.memberName]));
  const membersNow = (t) => {
    const doc = parseInventoryDocument(t, source, format);
    return resolveInventory(doc.declared, format, t, layers, {
      memberNames: false
    }).etcdMembers();
  };
  checkHosts(
    brokenEtcd,
    "--broken-etcd",
    "etcd",
    members.map((m) => m.host)
  );
  checkHosts(brokenCp, "--broken-control-plane", cpGroup ?? "kube_control_plane", cp);
  const healthyEtcd = members.find((m) => !brokenEtcd.includes(m.host));
  if (!healthyEtcd && !options.etcdSnapshot) {
    throw new InputError(
      `every etcd member in ${source} (${members.map((m) => m.host).join(", ")}) is listed as broken, so no member holds the data to recover from. Recovery then needs an etcd snapshot: put \`etcd_snapshot: /path/to/etcd-snapshot.db\` in an extra-vars file and pass it with -e @that-file (ansible-playbook takes the same -e etcd_snapshot=\u2026), or let \`kube-rescue restore --backup BACKUP\` restore from a kube-rescue backup.`
    );
  }
  const firstEtcd = healthyEtcd ?? members[0];
  const explicitName = inv.hosts.get(firstEtcd.host).vars.etcd_member_name;
  const etcdVars = explicitName === void 0 || explicitName === null || explicitName === "" ? { etcd_member_name: firstEtcd.memberName } : {};
  const move = format === "ini" ? iniMoveHostFirst : yamlMoveHostFirst;
  const setHosts = format === "ini" ? iniSetGroupHosts : yamlSetGroupHosts;
  const setVars = (t, host, vars) => format === "ini" ? iniSetHostVars(t, source, host, vars) : yamlSetHostVars(t, source, void 0, host, vars);
  let out = text4;
  const firstCp = cp.find((h) => !brokenCp.includes(h));
  if (cpGroup && firstCp && firstCp !== cp[0]) out = move(out, source, cpGroup, firstCp, {});
  if (firstEtcd.host !== membersNow(out)[0].host || Object.keys(etcdVars).length > 0) {
    out = move(out, source, "etcd", firstEtcd.host, etcdVars);
  }
  const shifted = new Map(membersNow(out).map((m) => [m.host, m.memberName]));
  for (const m of members) {
    if (!brokenEtcd.includes(m.host) && shifted.get(m.host) !== m.memberName) {
      out = setVars(out, m.host, { etcd_member_name: m.memberName });
    }
  }
  const brokenEtcdEntries = keepingOrderOf(
    inv.brokenEtcd(),
    members.filter((m) => brokenEtcd.includes(m.host)).map((m) => m.host)
  ).map((host) => ({ host, vars: { etcd_member_name: names.get(host) } }));
  out = setHosts(out, source, "broken_etcd", brokenEtcdEntries);
  const brokenCpGroup = brokenControlPlaneGroupFor(cpGroup ?? "kube_control_plane");
  const brokenCpEntries = keepingOrderOf(
    inv.brokenControlPlane(),
    cp.filter((h) => brokenCp.includes(h))
  ).map((host) => ({ host, vars: {} }));
  out = setHosts(out, source, brokenCpGroup, brokenCpEntries);
  checkRewrite(inv, out, {
    firstEtcd: firstEtcd.host,
    firstCp: firstCp ?? cp[0],
    cpGroup,
    brokenCpGroup,
    brokenEtcd: brokenEtcdEntries.map((e) => e.host),
    brokenCp: brokenCpEntries.map((e) => e.host)
  });
  return out;
}
function checkRewrite(before, text4, want) {
  const after = parseInventory(text4, before.source, before.format, before.varLayers);
  const problems = [];
  const names = new Map(after.etcdMembers().map((m) => [m.host, m.memberName]));
  for (const m of before.etcdMembers()) {
    const now = names.get(m.host);
    if (now !== m.memberName) {
      problems.push(
        `etcd host '${m.host}' would be member '${now ?? "(none)"}' instead of '${m.memberName}'`
      );
    }
  }
  if (names.size !== before.etcdMembers().length)
    problems.push("the set of etcd hosts would change");
  if (after.etcdMembers()[0].host !== want.firstEtcd) {
    problems.push(
      `[etcd] would start with '${after.etcdMembers()[0].host}', not '${want.firstEtcd}'`
    );
  }
  if (want.cpGroup && after.groups.get(want.cpGroup)?.[0] !== want.firstCp) {
    problems.push(`[${want.cpGroup}] would not start with '${want.firstCp}'`);
  }
  const same = (a, b) => JSON.stringify(a ?? []) === JSON.stringify(b);
  if (!same(after.groups.get("broken_etcd"), want.brokenEtcd)) {
    problems.push(
      `[broken_etcd] would hold ${JSON.stringify(after.groups.get("broken_etcd") ?? [])}`
    );
  }
  if (!same(after.groups.get(want.brokenCpGroup), want.brokenCp)) {
    problems.push(
      `[${want.brokenCpGroup}] would hold ${JSON.stringify(after.groups.get(want.brokenCpGroup) ?? [])}`
    );
  }
  if (problems.length > 0) {
    throw new InputError(
      `${before.source}: the recovery inventory cannot be written safely from this file: ${problems.join("; ")}. This comes from how the file defines these groups (for example [broken_etcd:children] or host ranges); edit it by hand as the Kubespray recovery runbook describes, or simplify those groups and run again.`
    );
  }
}

// src/nodes/docker.ts
import { execFile } from "node:child_process";

// src/nodes/command-transport.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { constants as osConstants } from "node:os";
import { posix as posix3 } from "node:path";
import { finished as finishedCallback, PassThrough, Readable as Readable3, Transform as Transform5 } from "node:stream";
import { finished, pipeline as pipeline2 } from "node:stream/promises";

// src/nodes/started-command.ts
import { spawn as spawn2 } from "node:child_process";
import { once } from "node:events";
import { Transform as Transform4 } from "node:stream";
var KILL_GRACE_MS = 2e3;
async function startChildProcess(file, args, env) {
  const child = spawn2(file, args, { env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise((resolve4) => {
    child.once("close", (code, signal) => resolve4({ code, signal }));
  });
  await once(child, "spawn");
  return {
    stdin: child.stdin,
    stdout: child.stdout,
    stderr: child.stderr,
    exited,
    kill: () => stopProcessGroup(child, exited)
  };
}
function stopProcessGroup(child, exited) {
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), KILL_GRACE_MS);
  timer.unref();
  void exited.then(() => clearTimeout(timer));
}
function reportingPid(argv) {
  return ["sh", "-c", 'echo "kube-rescue-pid $$" >&2; exec "$@"', "kube-rescue", ...argv];
}
var PID_MARKER = /^kube-rescue-pid (\d+)$/;
function stopCommand(pid, signal) {
  const script = 'kill -s "$1" -- "-$2" 2>/dev/null || kill -s "$1" "-$2" 2>/dev/null || kill -s "$1" "$2"';
  return ["sh", "-c", script, "kube-rescue-stop", signal, String(pid)];
}
function takePidMarker(stderr, onPid) {
  let head = Buffer.alloc(0);
  const strip = new Transform4({
    transform(chunk, _enc, cb) {
      if (!head) return cb(null, chunk);
      const seen = Buffer.concat([head, chunk]);
      const newline = seen.indexOf(10);
      if (newline < 0 && seen.length < 64) {
        head = seen;
        return cb();
      }
      head = void 0;
      const marker = newline < 0 ? null : PID_MARKER.exec(seen.subarray(0, newline).toString());
      if (!marker) return cb(null, seen);
      onPid(Number(marker[1]));
      cb(null, seen.subarray(newline + 1));
    },
    flush(cb) {
      cb(null, head?.length ? head : void 0);
    }
  });
  return stderr.pipe(strip);
}

// src/nodes/command-transport.ts
var STREAM_STDERR_LIMIT = 64 * 1024;
var CommandTransport = class {
  constructor(node) {
    this.node = node;
  }
  node;
  async exec(argv, options = {}) {
    const chunks = [];
    const run2 = this.run(argv, options, Number.POSITIVE_INFINITY);
    run2.stdout.on("data", (c) => chunks.push(c));
    const { code, stderr } = await run2.done;
    return { code, stdout: Buffer.concat(chunks).toString("utf8"), stderr };
  }
  script(script, options = {}) {
    return this.exec(["sh", "-c", script], options);
  }
  /**
   * stdout flows with backpressure (a paused consumer pauses the command), and it only ends
   * once the command has exited 0: a failed command errors the stream instead of ending it,
   * so a pipeline that completes means the whole output arrived.
   */
  execStream(argv, options = {}) {
    return this.run(argv, options, STREAM_STDERR_LIMIT);
  }
  readFile(path) {
    return this.execStream(["cat", "--", path]).stdout;
  }
  /**
   * Two steps so that a broken upload never replaces the file: the data lands in a temp file
   * next to the target, and only when all of it arrived (byte count checked on the node) is it
   * given its mode and owner and renamed over the target.
   */
  async writeFile(path, data, options = {}) {
    const { mode, owner } = checkWriteTarget(this.node, path, options);
    const temp = posix3.join(
      posix3.dirname(path),
      `.${posix3.basename(path)}.kube-rescue-${randomBytes2(6).toString("hex")}.tmp`
    );
    let bytes = 0;
    const counter = new Transform5({
      transform(chunk, _enc, cb) {
        bytes += chunk.length;
        cb(null, chunk);
      }
    });
    const source = typeof data === "string" || Buffer.isBuffer(data) ? Readable3.from([Buffer.from(data)]) : data;
    try {
      const upload = await Promise.allSettled([
        pipeline2(source, counter),
        this.exec(["sh", "-c", 'umask 077 && cat > "$1"', "kube-rescue-write", temp], {
          stdin: counter
        })
      ]);
      for (const step of upload.reverse()) if (step.status === "rejected") throw step.reason;
      await this.exec([
        "sh",
        "-c",
        COMMIT_SCRIPT,
        "kube-rescue-commit",
        temp,
        path,
        String(bytes),
        mode,
        owner
      ]);
    } catch (err) {
      await this.exec(["rm", "-f", "--", temp], { allowFailure: true }).catch(() => void 0);
      throw err;
    }
  }
  async ping(options = {}) {
    await this.exec(["true"], { timeoutMs: options.timeoutMs ?? 15e3 });
  }
  run(argv, options, stderrLimit) {
    const mask = options.mask ?? [];
    const shown2 = displayCommand(argv, mask);
    const stdout = new PassThrough({ highWaterMark: 64 * 1024 });
    const done = this.supervise(argv, options, shown2, stdout, stderrLimit).catch((err) => {
      if (err instanceof Error && mask.length) err.message = maskText(err.message, mask);
      throw err;
    });
    done.then(
      () => stdout.end(),
      (err) => stdout.destroy(err)
    );
    done.catch(() => void 0);
    stdout.on("error", () => void 0);
    return { stdout, done };
  }
  async supervise(argv, options, shown2, stdout, stderrLimit) {
    let command;
    try {
      command = await this.start(argv, options.env ?? {});
    } catch (err) {
      const e = err;
      if (e.code === "ENOENT" && e.syscall?.startsWith("spawn")) {
        return this.verdict(127, null, `${argv[0]}: command not found`, options, shown2);
      }
      throw err;
    }
    let stopped;
    let giveUp = () => void 0;
    const abandoned = new Promise((resolve4) => {
      giveUp = () => resolve4("abandoned");
    });
    const stop = (reason) => {
      if (stopped) return;
      stopped = reason;
      command.kill();
      setTimeout(giveUp, KILL_GRACE_MS + 1e3).unref();
    };
    const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => stop({ why: "timeout" }), options.timeoutMs);
    feedStdin(command, options.stdin, (err) => stop({ why: "stdin", err }));
    let exited = false;
    stdout.once("close", () => {
      if (!exited) stop({ why: "reader" });
    });
    command.stdout.pipe(stdout, { end: false });
    const stderr = collectTail(command.stderr, stderrLimit);
    try {
      const outcome = await Promise.race([
        Promise.all([
          command.exited,
          finished(command.stdout, { writable: false }).catch(() => void 0)
        ]),
        abandoned
      ]).catch((err) => {
        if (stopped) return "ended";
        throw err;
      });
      exited = true;
      if (outcome === "abandoned") command.stdout.unpipe(stdout);
      const confirmed = outcome !== "abandoned";
      switch (stopped?.why) {
        case "timeout":
          throw new TransportTimeoutError(
            this.node,
            `command ${shown2}`,
            options.timeoutMs,
            confirmed
          );
        case "stdin":
          throw new NodeError(
            this.node,
            `Node ${this.node}: the input for command ${shown2} failed (${maskText(errorText(stopped.err), options.mask)}); the command was stopped.`,
            { cause: stopped.err }
          );
        case "reader":
          throw new NodeError(
            this.node,
            `Node ${this.node}: the reader of command ${shown2} stopped before it finished; the command was stopped.`
          );
      }
      if (typeof outcome === "string") throw new Error(`unreachable: ${outcome} without a stop`);
      const [{ code, signal }] = outcome;
      return this.verdict(code, signal, stderr(), options, shown2);
    } finally {
      exited = true;
      clearTimeout(timer);
    }
  }
  verdict(code, signal, stderr, options, shown2) {
    const signo = signal ? osConstants.signals[signal] : void 0;
    const exitCode = code ?? 128 + (signo ?? 0);
    if (exitCode !== 0 && !options.allowFailure) {
      throw new CommandFailedError(
        this.node,
        shown2,
        exitCode,
        stderr,
        options.mask,
        signal ?? void 0
      );
    }
    return { code: exitCode, stderr };
  }
};
var COMMIT_SCRIPT = `set -eu
temp=$1 target=$2 expected=$3 mode=$4 owner=$5
got=$(wc -c < "$temp")
if [ "$got" -ne "$expected" ]; then
  echo "kube-rescue: $temp holds $got bytes, expected $expected: upload incomplete" >&2
  exit 1
fi
if [ -n "$mode" ]; then chmod "$mode" "$temp"; fi
if [ -n "$owner" ]; then chown "$owner" "$temp"; fi
mv -f "$temp" "$target"`;
function checkWriteTarget(node, path, options) {
  if (!posix3.isAbsolute(path) || path.endsWith("/")) {
    throw new InputError(`Cannot write '${path}' on node ${node}: give an absolute file path.`);
  }
  if (options.mode !== void 0 && !(Number.isInteger(options.mode) && options.mode >= 0 && options.mode <= 4095)) {
    throw new InputError(
      `Cannot write '${path}' on node ${node}: mode ${options.mode} is not a file mode (0 to 0o7777).`
    );
  }
  if (options.owner !== void 0 && !/^[A-Za-z0-9_][\w.-]*\$?(:[A-Za-z0-9_][\w.-]*\$?)?$/.test(options.owner)) {
    throw new InputError(
      `Cannot write '${path}' on node ${node}: owner '${options.owner}' is not of the form user[:group].`
    );
  }
  return {
    mode: options.mode === void 0 ? "" : options.mode.toString(8),
    owner: options.owner ?? ""
  };
}
function feedStdin(command, stdin, fail) {
  command.stdin.on("error", () => void 0);
  if (stdin === void 0) {
    command.stdin.end();
  } else if (typeof stdin === "string" || Buffer.isBuffer(stdin)) {
    command.stdin.end(stdin);
  } else {
    finishedCallback(stdin, { writable: false }, (err) => {
      if (err) fail(err);
    });
    stdin.pipe(command.stdin);
  }
}
function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}
function collectTail(stream, limit) {
  const chunks = [];
  let size = 0;
  stream.on("data", (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
    while (size - chunks[0].length >= limit && chunks.length > 1) size -= chunks.shift().length;
  });
  return () => {
    const all = Buffer.concat(chunks);
    return (all.length > limit ? all.subarray(all.length - limit) : all).toString("utf8");
  };
}

// src/nodes/docker.ts
var CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
var CONTAINER_GONE = /No such container|is not running|is paused|is restarting|Cannot connect to the Docker daemon|docker\.sock: connect: permission denied/i;
var DockerTransport = class extends CommandTransport {
  kind = "docker";
  container;
  cli;
  constructor(node, options = {}) {
    super(node);
    this.container = options.container ?? node;
    this.cli = options.dockerCli ?? "docker";
    if (!CONTAINER_NAME.test(this.container)) {
      throw new InputError(
        `'${this.container}' is not a docker container name (node ${node}); names are letters, digits, '_', '.', '-'.`
      );
    }
  }
  async close() {
  }
  async start(argv, env) {
    const envFlags = Object.keys(env).flatMap((name) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new InputError(
          `'${name}' is not a valid environment variable name (for node ${this.node}).`
        );
      }
      return ["-e", name];
    });
    let client;
    try {
      client = await startChildProcess(
        this.cli,
        ["exec", "-i", ...envFlags, this.container, ...reportingPid(argv)],
        { ...process.env, ...env }
      );
    } catch (err) {
      if (err.code === "ENOENT") {
        throw new UnreachableError(
          this.node,
          `the docker CLI ('${this.cli}') is not installed on this machine.`,
          { cause: err }
        );
      }
      throw err;
    }
    let pid;
    let stopRequested = false;
    let early = "";
    const signal = (name) => {
      if (pid === void 0) return;
      execFile(this.cli, ["exec", this.container, ...stopCommand(pid, name)], () => void 0);
    };
    const stop = () => {
      signal("TERM");
      setTimeout(() => {
        signal("KILL");
        client.kill();
      }, KILL_GRACE_MS).unref();
    };
    const stderr = takePidMarker(client.stderr, (reported) => {
      pid = reported;
      if (stopRequested) stop();
    });
    stderr.on("data", (chunk) => {
      if (pid === void 0 && early.length < 4096) early += chunk.toString();
    });
    const exited = client.exited.then((status) => {
      if (pid === void 0 && status.code !== 0 && !stopRequested) {
        throw this.dockerFailure(early.trim(), status.code);
      }
      return status;
    });
    return {
      stdin: client.stdin,
      stdout: client.stdout,
      stderr,
      exited,
      kill: () => {
        stopRequested = true;
        if (pid !== void 0) return stop();
        setTimeout(() => {
          if (pid === void 0) client.kill();
        }, KILL_GRACE_MS).unref();
      }
    };
  }
  dockerFailure(text4, code) {
    const detail = text4 || `docker exited with code ${code} and no message`;
    if (CONTAINER_GONE.test(text4)) {
      return new UnreachableError(
        this.node,
        `container ${this.container}: ${detail}. Check 'docker ps -a' and that the container runs.`
      );
    }
    return new NodeError(
      this.node,
      `Node ${this.node}: 'docker exec' into container ${this.container} failed (exit ${code}): ${detail}`
    );
  }
};

// src/nodes/local.ts
var LocalTransport = class extends CommandTransport {
  kind = "local";
  constructor(node = "localhost") {
    super(node);
  }
  start(argv, env) {
    return startChildProcess(argv[0], argv.slice(1), { ...process.env, ...env });
  }
  async close() {
  }
};

// src/nodes/ssh.ts
import { createHash as createHash5 } from "node:crypto";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join as join3 } from "node:path";
import ssh2 from "ssh2";

// src/nodes/known-hosts.ts
import { createHmac as createHmac2, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
function parseKnownHosts(text4) {
  const entries = [];
  const problems = [];
  for (const [index, raw] of text4.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const parsed = parseEntry(trimmed, index + 1);
    if (typeof parsed === "string") problems.push({ line: index + 1, reason: parsed });
    else entries.push(parsed);
  }
  return { entries, problems };
}
function parseEntry(text4, line) {
  const fields = text4.split(/\s+/);
  let marker;
  if (fields[0].startsWith("@")) {
    const m = fields.shift();
    if (m === "@revoked") marker = "revoked";
    else if (m === "@cert-authority") marker = "cert-authority";
    else return `unknown marker ${m}`;
  }
  const [hostField, keyType, keyText2] = fields;
  if (!hostField || !keyType || !keyText2) return "expected: hosts key-type base64-key [comment]";
  const key = Buffer.from(keyText2, "base64");
  if (blobKeyType(key) !== keyType) return `the key is not a valid ${keyType} public key`;
  const hosts = parseHostField(hostField);
  if (!hosts) return `unreadable hashed host ${hostField}`;
  return { marker, hosts, keyType, key, line };
}
function blobKeyType(key) {
  if (key.length < 4) return void 0;
  const len = key.readUInt32BE(0);
  if (len === 0 || len > 64 || key.length < 4 + len) return void 0;
  return key.subarray(4, 4 + len).toString("latin1");
}
function knownHostsName(host, port) {
  return port === 22 ? host : `[${host}]:${port}`;
}
function checkHostKey(entries, host, port, key, aliases = []) {
  const names = [host, ...aliases].map((h) => knownHostsName(h.toLowerCase(), port));
  const matching = entries.filter((e) => names.some((n) => entryMatches(e, n)));
  const revoked = entries.find((e) => e.marker === "revoked" && e.key.equals(key));
  if (revoked) return { ok: false, reason: "revoked", line: revoked.line };
  const plain = matching.filter((e) => e.marker === void 0);
  const same = plain.find((e) => e.key.equals(key));
  if (same) return { ok: true, line: same.line };
  if (plain.length === 0) return { ok: false, reason: "unknown" };
  return {
    ok: false,
    reason: "mismatch",
    lines: plain.map((e) => e.line),
    knownTypes: [...new Set(plain.map((e) => e.keyType))]
  };
}
function knownKeyTypes(entries, host, port, aliases = []) {
  const names = [host, ...aliases].map((h) => knownHostsName(h.toLowerCase(), port));
  const types = entries.filter((e) => e.marker === void 0 && names.some((n) => entryMatches(e, n))).map((e) => e.keyType);
  return [...new Set(types)];
}
function parseHostField(field) {
  if (field.startsWith("|1|")) {
    const [, , salt, hash] = field.split("|");
    if (!salt || !hash) return void 0;
    const s = Buffer.from(salt, "base64");
    const h = Buffer.from(hash, "base64");
    if (s.length !== 20 || h.length !== 20) return void 0;
    return { kind: "hashed", salt: s, hash: h };
  }
  return { kind: "patterns", patterns: field.toLowerCase().split(",").filter(Boolean) };
}
function entryMatches(entry, name) {
  if (entry.hosts.kind === "hashed") {
    const digest = createHmac2("sha1", entry.hosts.salt).update(name).digest();
    return timingSafeEqual2(digest, entry.hosts.hash);
  }
  let matched = false;
  for (const pattern of entry.hosts.patterns) {
    const negated = pattern.startsWith("!");
    if (globMatches(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}
function globMatches(pattern, name) {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(name);
}

// src/nodes/ssh.ts
var { Client, utils: sshUtils } = ssh2;
var MAX_CHANNELS = 4;
var SERVER_HOST_KEY_ALGORITHMS = [
  "ssh-ed25519",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "rsa-sha2-512",
  "rsa-sha2-256",
  "ssh-rsa"
];
var SshTransport = class extends CommandTransport {
  constructor(options) {
    super(options.node);
    this.options = options;
    this.port = options.port ?? 22;
    this.user = options.user ?? "root";
    this.sudo = options.sudo ?? this.user !== "root";
    this.auth = loadAuth(options);
  }
  options;
  kind = "ssh";
  port;
  user;
  sudo;
  auth;
  connection;
  clients = [];
  channels = new ChannelLimit(MAX_CHANNELS);
  async ping(options = {}) {
    await this.connect(options.timeoutMs);
    await this.exec(["true"], { timeoutMs: options.timeoutMs ?? 15e3 });
  }
  async close() {
    this.connection = void 0;
    const clients = this.clients.splice(0).reverse();
    await Promise.all(clients.map(endClient));
  }
  async start(argv, env) {
    const client = await this.connect();
    await this.channels.acquire();
    let channel;
    let exited;
    let closed = false;
    try {
      const command = this.remoteCommand(argv, await this.stageEnv(client, env));
      channel = await new Promise(
        (resolve4, reject) => client.exec(command, (err, ch) => {
          if (err) return reject(err);
          exited = new Promise((resolveExit, rejectExit) => {
            let status;
            ch.on("exit", (code, signal2) => {
              status = { code, signal: signal2 ? `SIG${signal2}` : null };
            });
            ch.once("close", () => {
              closed = true;
              this.channels.release();
              if (status) resolveExit(status);
              else
                rejectExit(
                  new UnreachableError(
                    this.node,
                    "the SSH connection closed before the command reported its exit status"
                  )
                );
            });
          });
          resolve4(ch);
        })
      );
    } catch (err) {
      this.channels.release();
      if (err instanceof NodeError || err instanceof InputError) throw err;
      throw new UnreachableError(
        this.node,
        `could not open an SSH session: ${err.message}`,
        { cause: err }
      );
    }
    let pid;
    let stopRequested = false;
    const signal = (name) => {
      if (pid !== void 0 && !closed) this.signalProcess(client, pid, name);
    };
    const stop = () => {
      signal("TERM");
      setTimeout(() => signal("KILL"), KILL_GRACE_MS).unref();
    };
    const stderr = takePidMarker(channel.stderr, (reported) => {
      pid = reported;
      if (stopRequested) stop();
    });
    return {
      stdin: channel,
      stdout: channel,
      stderr,
      exited,
      kill: () => {
        stopRequested = true;
        stop();
      }
    };
  }
  /**
   * sshd refuses "signal" requests for root sessions (they need privilege separation), so a
   * stop is a `kill` sent over a second channel to the process group the command reported.
   */
  signalProcess(client, pid, signal) {
    const kill = shellCommand([
      ...this.sudo ? ["sudo", "-n", "--"] : [],
      ...stopCommand(pid, signal)
    ]);
    client.exec(kill, (err, channel) => {
      if (err) return;
      channel.resume();
      channel.stderr.resume();
    });
  }
  /** argv as one remote shell line: `sudo -n -- sh -c '. envfile …' argv…` as needed. */
  remoteCommand(argv, envFile) {
    return shellCommand([
      ...this.sudo ? ["sudo", "-n", "--"] : [],
      ...envFile ? ["sh", "-c", SOURCE_ENV_SCRIPT, "kube-rescue-env", envFile] : [],
      ...reportingPid(argv)
    ]);
  }
  /**
   * Values never go on the remote command line, where `ps` and sudo's log would show them:
   * they travel on stdin into a 0600 file that the command's shell reads and removes.
   */
  async stageEnv(client, env) {
    const entries = Object.entries(env);
    if (entries.length === 0) return void 0;
    const lines = entries.map(([k, v]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
        throw new InputError(
          `'${k}' is not a valid environment variable name (for node ${this.node}).`
        );
      }
      return `export ${k}=${shellQuote(v)}
`;
    });
    const stage = shellCommand([
      ...this.sudo ? ["sudo", "-n", "--"] : [],
      "sh",
      "-c",
      'umask 077 && f=$(mktemp) && cat > "$f" && echo "$f"'
    ]);
    const result = await runOnChannel(client, stage, lines.join(""));
    const file = result.stdout.trim();
    if (result.code !== 0 || !file.startsWith("/")) {
      throw new NodeError(
        this.node,
        `Node ${this.node}: could not stage the command's environment in a temp file (exit ${result.code}): ${result.stderr.trim()}`
      );
    }
    return file;
  }
  connect(timeoutMs) {
    if (!this.connection) {
      const opened = this.open(timeoutMs ?? this.options.connectTimeoutMs ?? 2e4);
      this.connection = opened;
      opened.catch(() => {
        if (this.connection === opened) this.connection = void 0;
      });
    }
    return this.connection;
  }
  async open(timeoutMs) {
    const knownHosts = this.options.checkHostKey === false ? void 0 : this.loadKnownHosts();
    let sock;
    const jump = this.options.jump;
    if (jump) {
      const jumpEndpoint = { host: jump.host, port: jump.port ?? 22, user: jump.user ?? this.user };
      const jumpClient = await this.handshake(jumpEndpoint, timeoutMs, knownHosts, void 0, []);
      this.track(jumpClient);
      sock = await new Promise(
        (resolve4, reject) => jumpClient.forwardOut(
          "127.0.0.1",
          0,
          this.options.host,
          this.port,
          (err, stream) => err ? reject(
            new UnreachableError(
              this.node,
              `jump host ${jump.host}:${jumpEndpoint.port} could not reach ${this.options.host}:${this.port}: ${err.message}`,
              { cause: err }
            )
          ) : resolve4(stream)
        )
      );
    }
    const target = { host: this.options.host, port: this.port, user: this.user };
    const client = await this.handshake(target, timeoutMs, knownHosts, sock, [this.node]);
    this.track(client);
    client.on("close", () => {
      this.connection = void 0;
    });
    if (this.sudo) await this.checkSudo(client);
    return client;
  }
  track(client) {
    this.clients.push(client);
    client.once("close", () => {
      const at3 = this.clients.indexOf(client);
      if (at3 >= 0) this.clients.splice(at3, 1);
    });
  }
  handshake(endpoint, timeoutMs, knownHosts, sock, aliases) {
    const client = new Client();
    let hostKeyProblem;
    const where = `${endpoint.host}:${endpoint.port}`;
    return new Promise((resolve4, reject) => {
      let settled = false;
      client.once("ready", () => {
        settled = true;
        client.on("error", () => void 0);
        resolve4(client);
      });
      client.on("error", (err) => {
        if (settled) return;
        settled = true;
        reject(classifySshError(this.node, { ...endpoint, timeoutMs }, err, hostKeyProblem));
      });
      client.once("close", () => {
        if (settled) return;
        settled = true;
        reject(
          new UnreachableError(
            this.node,
            `${where} closed the connection during the SSH handshake.`
          )
        );
      });
      const algorithms = knownHosts ? preferredHostKeyAlgorithms(
        knownKeyTypes(knownHosts.entries, endpoint.host, endpoint.port, aliases)
      ) : void 0;
      client.connect({
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.user,
        sock,
        ...this.auth,
        readyTimeout: timeoutMs,
        keepaliveInterval: 15e3,
        keepaliveCountMax: 3,
        algorithms: algorithms ? { serverHostKey: algorithms } : void 0,
        hostVerifier: (key) => {
          if (!knownHosts) return true;
          const verdict = checkHostKey(
            knownHosts.entries,
            endpoint.host,
            endpoint.port,
            key,
            aliases
          );
          if (verdict.ok) return true;
          hostKeyProblem = describeHostKeyProblem(verdict, endpoint, key, knownHosts);
          return false;
        }
      });
    });
  }
  async checkSudo(client) {
    const result = await runOnChannel(client, "sudo -n true").catch((err) => {
      throw new UnreachableError(this.node, `could not open an SSH session: ${err.message}`);
    });
    if (result.code !== 0) {
      await endClient(client);
      throw new AuthError(
        this.node,
        `user ${this.user} cannot run 'sudo -n' (${result.stderr.trim() || `exit ${result.code}`}). Give ${this.user} password-less sudo, or connect as root.`
      );
    }
  }
  loadKnownHosts() {
    const file = this.options.knownHostsFile ?? join3(homedir(), ".ssh", "known_hosts");
    let text4 = this.options.knownHostsText ?? "";
    let fileState = "read";
    try {
      text4 += `
${readFileSync(file, "utf8")}`;
    } catch (err) {
      const code = err.code;
      if (this.options.knownHostsFile && code !== "ENOENT") {
        throw new InputError(`Cannot read known_hosts file ${file}: ${err.message}`);
      }
      fileState = "missing";
    }
    const { entries, problems } = parseKnownHosts(text4);
    return { file, fileState, entries, problems };
  }
};
function classifySshError(node, endpoint, err, hostKeyProblem) {
  const where = `${endpoint.host}:${endpoint.port}`;
  if (hostKeyProblem) return new HostKeyError(node, hostKeyProblem);
  if (err.level === "client-authentication") {
    return new AuthError(
      node,
      `${where} refused user ${endpoint.user} with the given key. Check the SSH user (--ssh-user / ansible_user) and that the key's public half is in that user's authorized_keys.`,
      { cause: err }
    );
  }
  if (err.level === "client-timeout") {
    return new TransportTimeoutError(node, `the SSH handshake with ${where}`, endpoint.timeoutMs);
  }
  const unreachable = {
    ECONNREFUSED: "connection refused (is sshd running and listening on that port?)",
    EHOSTUNREACH: "no route to host",
    ENETUNREACH: "network unreachable",
    ENOTFOUND: "host name not found",
    EAI_AGAIN: "host name could not be resolved (DNS)",
    ECONNRESET: "connection reset",
    ETIMEDOUT: "connection timed out",
    EPIPE: "connection closed"
  };
  if (err.code && unreachable[err.code]) {
    return new UnreachableError(node, `${where}: ${unreachable[err.code]}.`, { cause: err });
  }
  if (err.level === "client-dns") {
    return new UnreachableError(node, `${where}: ${err.message}`, { cause: err });
  }
  return new NodeError(
    node,
    `Node ${node}: the SSH connection to ${where} failed: ${err.message}`,
    {
      cause: err
    }
  );
}
function describeHostKeyProblem(verdict, endpoint, key, knownHosts) {
  const where = `${endpoint.host}:${endpoint.port}`;
  const fingerprint2 = `SHA256:${createHash5("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
  const source = knownHosts.fileState === "missing" ? `${knownHosts.file} (missing)` : knownHosts.file;
  const optOut = "or, knowingly, turn host-key checking off (--insecure-skip-host-key-check)";
  switch (verdict.reason) {
    case "revoked":
      return `${where} presented key ${fingerprint2}, which ${source} line ${verdict.line} marks @revoked. Refusing to connect.`;
    case "mismatch":
      return `${where} presented key ${fingerprint2}, which differs from the ${verdict.knownTypes.join("/")} key(s) in ${source} (line ${verdict.lines.join(", ")}). Someone may be intercepting the connection, or the host was reinstalled: verify the new key out of band and update ${source}.`;
    case "unknown": {
      const skipped2 = knownHosts.problems.length ? ` (${knownHosts.problems.length} unreadable line(s) ignored, first: line ${knownHosts.problems[0].line}: ${knownHosts.problems[0].reason})` : "";
      return `${where} is not in ${source}${skipped2}; it presented key ${fingerprint2}. Verify that fingerprint, add the key (ssh-keyscan -p ${endpoint.port} ${endpoint.host}), ${optOut}.`;
    }
  }
}
function preferredHostKeyAlgorithms(knownTypes) {
  if (knownTypes.length === 0) return void 0;
  const wanted = knownTypes.flatMap(
    (t) => t === "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"] : [t]
  );
  const first = SERVER_HOST_KEY_ALGORITHMS.filter((a) => wanted.includes(a));
  return [...first, ...SERVER_HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))];
}
function loadAuth(options) {
  let key = options.privateKey;
  const origin = options.privateKey ? "the SSH key input" : `key file ${options.privateKeyFile}`;
  if (key === void 0 && options.privateKeyFile) {
    try {
      key = readFileSync(options.privateKeyFile, "utf8");
    } catch (err) {
      throw new InputError(`Cannot read SSH ${origin}: ${err.message}`);
    }
  }
  if (key !== void 0) {
    const parsed = sshUtils.parseKey(key);
    if (parsed instanceof Error) {
      throw new InputError(
        `The ${origin} is not a usable private key (${parsed.message}). Give an unencrypted OpenSSH or PEM private key.`
      );
    }
    return { privateKey: key };
  }
  const agent = options.agent ?? process.env.SSH_AUTH_SOCK;
  if (agent) return { agent };
  throw new InputError(
    `No SSH key for node ${options.node}: give --ssh-key <file> (action input ssh-key), or run an ssh-agent.`
  );
}
function endClient(client) {
  return new Promise((resolve4) => {
    const timer = setTimeout(resolve4, 2e3);
    client.once("close", () => {
      clearTimeout(timer);
      resolve4();
    });
    client.end();
  });
}
var SOURCE_ENV_SCRIPT = '. "$1" && rm -f -- "$1" && shift && exec "$@"';
function runOnChannel(client, command, stdin = "") {
  return new Promise(
    (resolve4, reject) => client.exec(command, (err, channel) => {
      if (err) return reject(err);
      let stdout = "";
      let stderr = "";
      let code = null;
      channel.on("data", (d) => {
        stdout += d.toString();
      });
      channel.stderr.on("data", (d) => {
        stderr += d.toString();
      });
      channel.on("exit", (c) => {
        code = c;
      });
      channel.once("close", () => resolve4({ code, stdout, stderr }));
      channel.end(stdin);
    })
  );
}
var ChannelLimit = class {
  constructor(max) {
    this.max = max;
  }
  max;
  open = 0;
  waiting = [];
  async acquire() {
    if (this.open < this.max) {
      this.open++;
      return;
    }
    await new Promise((resolve4) => this.waiting.push(resolve4));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.open--;
  }
};

// src/nodes/connect.ts
function connectNode(target, access3) {
  switch (access3.transport) {
    case "local":
      return new LocalTransport(target.name);
    case "docker":
      return new DockerTransport(target.name);
    case "ssh":
      return new SshTransport({
        node: target.name,
        host: target.address,
        port: target.port,
        // The inventory's own user for a host wins over the common flag, as with Ansible.
        user: target.user ?? access3.sshUser ?? "root",
        privateKey: access3.sshKey,
        privateKeyFile: access3.sshKey ? void 0 : access3.sshKeyFile,
        knownHostsFile: access3.knownHosts,
        checkHostKey: !access3.insecureSkipHostKeyCheck,
        jump: access3.jumpHost ? parseJumpHost(access3.jumpHost) : void 0
      });
    default:
      throw new InputError(
        `Unknown transport '${access3.transport}': use ssh, local or docker.`
      );
  }
}
function parseJumpHost(text4) {
  const match = /^(?:([^@\s]+)@)?(\[[0-9a-fA-F:.]+\]|[^@:\s[\]]+)(?::(\d{1,5}))?$/.exec(
    text4.trim()
  );
  const port = match?.[3] === void 0 ? void 0 : Number(match[3]);
  if (!match || port !== void 0 && (port < 1 || port > 65535)) {
    throw new InputError(
      `Jump host '${text4}' is not of the form user@host:port (user and port optional, e.g. ops@bastion.example:22).`
    );
  }
  const host = match[2].startsWith("[") ? match[2].slice(1, -1) : match[2];
  return { host, user: match[1], port };
}
var NodePool = class {
  constructor(access3, connect = connectNode) {
    this.access = access3;
    this.connect = connect;
  }
  access;
  connect;
  transports = /* @__PURE__ */ new Map();
  get(target) {
    let transport = this.transports.get(target.name);
    if (!transport) {
      transport = this.connect(target, this.access);
      this.transports.set(target.name, transport);
    }
    return transport;
  }
  async closeAll() {
    const all = [...this.transports.values()];
    this.transports.clear();
    await Promise.allSettled(all.map((t) => t.close()));
  }
  async [Symbol.asyncDispose]() {
    await this.closeAll();
  }
};

// src/etcd/urls.ts
var peerURLOf = (address) => `https://${address}:2380`;
var clientURLOf = (address) => `https://${address}:2379`;

// src/recovery/health.ts
function hasQuorum(healthyVoters, voters) {
  return voters > 0 && healthyVoters > voters / 2;
}
function quorumVerdict(members, healthyClientUrls, inventoryEtcdHosts) {
  const voting = members.filter((m) => !m.isLearner);
  const voters = members.length ? voting.length : inventoryEtcdHosts;
  const healthyVoters = voting.filter(
    (m) => m.clientURLs.some((u) => healthyClientUrls.has(u))
  ).length;
  return { voters, healthyVoters, quorum: hasQuorum(healthyVoters, voters) };
}

// src/recovery/evidence.ts
function definiteLoss(f) {
  if (!f.reachable)
    return `host does not answer${f.unreachableWhy ? ` (${f.unreachableWhy})` : ""}`;
  if (f.etcdRunning) return void 0;
  const why = [`no etcd process listens on client port ${f.clientPort ?? "2379"}`];
  if (f.dataDir === "missing" || f.dataDir === "empty") {
    why.push(`data dir ${f.dataDirPath ?? ""} is ${f.dataDir}`.replace("  ", " "));
  }
  return why.join("; ");
}
function quorumPossible(up, voters) {
  return hasQuorum(up, voters);
}
function liveLeader(view, liveIds) {
  const l = view.leader.replace(/^0+/, "");
  return l && liveIds.has(l) ? l : void 0;
}
var realClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((r) => setTimeout(r, ms))
};
async function watchForLeader(look, liveIds, options) {
  const clock = options.clock ?? realClock;
  const pollMs = options.pollMs ?? 200;
  const quietMs = 2 * options.electionTimeoutMs + pollMs;
  const t0 = clock.now();
  let lastTerm = -1;
  let lastMove = t0;
  let termMoved = false;
  for (; ; ) {
    const views = await look();
    const now = clock.now();
    const elapsed = now - t0;
    const term = Math.max(-1, ...views.map((v) => v.raftTerm));
    for (const v of views) {
      const leader = liveLeader(v, liveIds);
      if (leader) return { kind: "leader", leader, afterMs: elapsed, term: v.raftTerm };
    }
    if (term !== lastTerm) {
      if (lastTerm !== -1) termMoved = true;
      lastTerm = term;
      lastMove = now;
    }
    if (now - lastMove >= quietMs) {
      return {
        kind: "no-leader",
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader, raft term ${term} unchanged for ${((now - lastMove) / 1e3).toFixed(1)} s (election timeout ${options.electionTimeoutMs / 1e3} s): no election is under way`
      };
    }
    if (elapsed >= options.boundMs) {
      return {
        kind: "no-leader",
        afterMs: elapsed,
        term,
        termMoved,
        why: `no leader within ${(options.boundMs / 1e3).toFixed(1)} s${termMoved ? `, raft term still moving (now ${term}): elections keep failing` : `, raft term ${term}`}`
      };
    }
    await clock.sleep(Math.min(pollMs, Math.max(0, options.boundMs - elapsed)));
  }
}

// src/recovery/probe.ts
var ETCD_DEFAULT_ELECTION_TIMEOUT_MS = 1e3;
var GONE_HOST_CONNECT_MS = 5e3;
var ProbeTimeout = class extends Error {
};
function withTimeout(work, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(
      () => reject(new ProbeTimeout(`${what} did not finish within ${ms / 1e3} s`)),
      ms
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
var message = (err) => err instanceof Error ? err.message : String(err);
function memberUrls(inventory, host, address) {
  const vars = inventory.hosts.get(host)?.vars ?? {};
  const str2 = (v) => typeof v === "string" && v ? v : void 0;
  return {
    client: str2(vars.etcd_client_url) ?? clientURLOf(address),
    peer: str2(vars.etcd_peer_url) ?? peerURLOf(address)
  };
}
function clientTls(access3, layout, host) {
  const fromLayout = layout.clientTls(host);
  return {
    cacert: access3.etcdCacert ?? fromLayout.cacert,
    cert: access3.etcdCert ?? fromLayout.cert,
    key: access3.etcdKey ?? fromLayout.key
  };
}
async function resolveLayout(t, access3, options) {
  if (options.layout) return options.layout;
  return access3.layout === "auto" ? detectLayout(t) : layoutByName(access3.layout);
}
async function missingDirs(t, dirs) {
  if (dirs.length === 0) return [];
  const res = await t.exec(
    ["sh", "-c", 'for d in "$@"; do [ -d "$d" ] || echo "$d"; done', "sh", ...dirs],
    {
      allowFailure: true,
      timeoutMs: 1e4
    }
  );
  return res.stdout.split("\n").filter(Boolean);
}
async function etcdNodeFacts(t, layout, port) {
  const script = [
    '[ -d "$1" ] && echo certs=yes',
    // An unreadable dir (not root) is not called empty.
    'if [ ! -d "$2" ]; then echo data=missing; elif [ ! -r "$2" ] || [ -n "$(ls -A "$2")" ]; then echo data=present; else echo data=empty; fi',
    `if command -v ss >/dev/null 2>&1; then ss -Hltnp 'sport = :${Number(port)}' | grep -q etcd; else pgrep -x etcd >/dev/null; fi && echo listening=yes`,
    `[ -n "$3" ] && [ -r "$3" ] && sed -n 's/^ETCD_ELECTION_TIMEOUT=/election=/p' "$3"`,
    `[ -n "$4" ] && [ -r "$4" ] && sed -n 's/.*--election-timeout=/election=/p' "$4"`,
    "exit 0"
  ].join("\n");
  const res = await t.exec(
    [
      "sh",
      "-c",
      script,
      "sh",
      layout.etcdCertDir,
      layout.dataDir,
      layout.envFile ?? "",
      layout.etcdManifest ?? ""
    ],
    { allowFailure: true, timeoutMs: 1e4 }
  );
  const out = res.stdout;
  const data = /^data=(missing|empty|present)$/m.exec(out)?.[1];
  const election = Number(/^election=["']?(\d+)/m.exec(out)?.[1]);
  return {
    certsPresent: /^certs=yes$/m.test(out),
    dataDir: data ?? "missing",
    listening: /^listening=yes$/m.test(out),
    ...election > 0 ? { electionTimeoutMs: election } : {}
  };
}
var DOUBTFUL_LEADER_MS = 1e3;
async function judgeHealth(etcd, inventoryVoters, o) {
  const running = etcd.filter((p) => p.health.etcdRunning).length;
  const answered = etcd.filter((p) => p.status && p.ctl);
  const liveIds = new Set(answered.map((p) => p.status.memberId));
  const possible = quorumPossible(running, inventoryVoters);
  const check2 = async (p, ms) => {
    try {
      const [h] = await withTimeout(
        p.ctl.withTimeouts(ms).endpointHealth(),
        o.timeoutMs,
        `endpoint health of ${p.health.host}`
      );
      p.health.healthy = h?.healthy === true;
      if (!p.health.healthy)
        p.health.errors.push(
          `endpoint ${p.health.clientUrl} unhealthy: ${h?.error ?? "no answer"}`
        );
    } catch (err) {
      p.health.errors.push(message(err));
    }
  };
  const leads = (p) => liveLeader(p.status, liveIds) !== void 0;
  await Promise.all(
    answered.filter(leads).map((p) => check2(p, possible ? o.etcdTimeoutMs : DOUBTFUL_LEADER_MS))
  );
  const leaderless = answered.filter((p) => !leads(p));
  if (leaderless.length === 0) return;
  if (!possible) {
    for (const p of leaderless) {
      p.health.errors.push(
        `no leader, and only ${running} of ${inventoryVoters} members run: no election can end with one`
      );
    }
    return;
  }
  const electionTimeoutMs = Math.max(
    ETCD_DEFAULT_ELECTION_TIMEOUT_MS,
    ...etcd.flatMap((p) => p.electionTimeoutMs ? [p.electionTimeoutMs] : [])
  );
  const outcome = await watchForLeader(
    async () => {
      const views = await Promise.all(
        leaderless.map(async (p) => {
          const s = (await p.ctl.endpointStatus().catch(() => void 0))?.statuses[0];
          if (s) {
            p.status = s;
            p.health.raftIndex = s.raftIndex;
            p.health.raftTerm = s.raftTerm;
            p.health.revision = s.revision;
            p.health.isLeader = s.isLeader;
            liveIds.add(s.memberId);
          }
          return s;
        })
      );
      return views.filter((v) => v !== void 0);
    },
    liveIds,
    {
      electionTimeoutMs,
      boundMs: o.electionBoundMs ?? Math.min(4 * electionTimeoutMs + 1e3, 3e4),
      ...o.clock ? { clock: o.clock } : {}
    }
  );
  if (outcome.kind === "leader") {
    await Promise.all(leaderless.map((p) => check2(p, o.etcdTimeoutMs)));
    return;
  }
  for (const p of leaderless) p.health.errors.push(`${p.health.host}: ${outcome.why}`);
  const namesOne = leaderless.filter((p) => p.status?.leader.replace(/^0+/, ""));
  await Promise.all(namesOne.map((p) => check2(p, DOUBTFUL_LEADER_MS)));
}
async function probeCluster(inventory, transportFor, access3, options = {}) {
  const timeoutMs = options.timeoutMs ?? 2e4;
  const etcdTimeoutMs = options.etcdTimeoutMs ?? 4e3;
  const progress = options.progress ?? silentProgress;
  const etcdHosts2 = inventory.etcdMembers();
  const connectBound = (host) => options.goneHosts?.includes(host) ? Math.min(timeoutMs, GONE_HOST_CONNECT_MS) : timeoutMs;
  const probeEtcd = async (e) => {
    const urls = memberUrls(inventory, e.host, e.address);
    const health2 = {
      host: e.host,
      memberName: e.memberName,
      address: e.address,
      clientUrl: urls.client,
      peerUrl: urls.peer,
      reachable: false,
      etcdRunning: false,
      healthy: false,
      isMember: false,
      etcdCertsPresent: false,
      errors: []
    };
    const out = { health: health2 };
    const work = async () => {
      const t = await transportFor(e.host);
      await t.ping({ timeoutMs: connectBound(e.host) });
      health2.reachable = true;
      let layout2;
      try {
        layout2 = await resolveLayout(t, access3, options);
      } catch (err) {
        const kubeadm = kubeadmLayout();
        const identified = await identifyEtcdBinaries(
          t,
          options.commands ?? defaultToolCommands,
          [kubeadm.etcdManifest, kubeadm.parkedEtcdManifest].filter((p) => Boolean(p))
        ).catch(() => void 0);
        if (identified && "tools" in identified) health2.tools = identified.tools;
        else if (identified) health2.toolsError = identified.error;
        throw err;
      }
      out.layout = layout2;
      const tls = clientTls(access3, layout2, e.host);
      const port = new URL(urls.client).port || "2379";
      const hostCommands = options.commands ?? defaultToolCommands;
      const commands = options.commands ?? await layout2.toolCommands(t);
      const detection = detectEtcdTools(t, hostCommands);
      const shared = JSON.stringify(commands) === JSON.stringify(hostCommands);
      const ctlOf = async () => new EtcdCtl(t, {
        endpoints: [urls.client],
        tls,
        commands,
        ...shared ? { tools: await detection } : {},
        // Status answers at once from a member that is up, with or without quorum.
        dialTimeoutMs: Math.min(etcdTimeoutMs, 1e3),
        commandTimeoutMs: Math.min(etcdTimeoutMs, 1e3)
      });
      const identify = identifyEtcdBinaries(
        t,
        hostCommands,
        [layout2.etcdManifest, layout2.parkedEtcdManifest].filter((p) => Boolean(p)),
        detection
      ).then((identified) => {
        if ("tools" in identified) health2.tools = identified.tools;
        else health2.toolsError = identified.error;
      });
      const look = (async () => {
        const facts = await etcdNodeFacts(t, layout2, port);
        health2.etcdCertsPresent = facts.certsPresent;
        health2.etcdRunning = facts.listening;
        health2.dataDir = facts.dataDir;
        if (facts.electionTimeoutMs) out.electionTimeoutMs = facts.electionTimeoutMs;
        const lost = definiteLoss({
          reachable: true,
          etcdRunning: facts.listening,
          dataDir: facts.dataDir,
          dataDirPath: layout2.dataDir,
          clientPort: port
        });
        if (lost) {
          health2.lost = lost;
          health2.errors.push(`${e.host}: ${lost}`);
          return;
        }
        const ctl = await ctlOf();
        out.ctl = ctl;
        const { statuses } = await ctl.endpointStatus();
        const s = statuses[0];
        if (s) {
          out.status = s;
          health2.memberId = s.memberId;
          health2.raftIndex = s.raftIndex;
          health2.raftTerm = s.raftTerm;
          health2.revision = s.revision;
          health2.isLeader = s.isLeader;
          health2.serverVersion = s.version;
          out.clusterId = s.clusterId;
        } else {
          health2.errors.push(
            `endpoint ${urls.client} does not answer status (etcd runs on ${e.host})`
          );
        }
      })();
      await Promise.all([identify, look]);
    };
    try {
      await withTimeout(work(), timeoutMs, `probing ${e.host}`);
    } catch (err) {
      health2.errors.push(message(err));
      if (!health2.reachable) health2.lost = `host does not answer (${message(err)})`;
    }
    return out;
  };
  const probeControlPlane = async (host) => {
    const h = {
      host,
      reachable: false,
      certsPresent: false,
      missingCertDirs: [],
      errors: []
    };
    try {
      await withTimeout(
        (async () => {
          const t = await transportFor(host);
          await t.ping({ timeoutMs: connectBound(host) });
          h.reachable = true;
          const layout2 = await resolveLayout(t, access3, options);
          h.missingCertDirs = await missingDirs(t, layout2.kubernetesCertDirs.slice(0, 1));
          h.certsPresent = h.missingCertDirs.length === 0;
        })(),
        timeoutMs,
        `probing ${host}`
      );
    } catch (err) {
      h.errors.push(message(err));
    }
    return h;
  };
  const [etcd, controlPlane] = await Promise.all([
    Promise.all(etcdHosts2.map(probeEtcd)),
    Promise.all(inventory.controlPlane().map(probeControlPlane))
  ]);
  await judgeHealth(etcd, etcdHosts2.length, {
    etcdTimeoutMs,
    timeoutMs,
    electionBoundMs: options.electionBoundMs,
    clock: options.clock
  });
  let members = [];
  let healthyUrls = /* @__PURE__ */ new Set();
  let tools;
  const healthySources = etcd.filter((p) => p.health.healthy && p.ctl);
  const matchOf = (m) => etcd.find(
    (p) => m.name !== "" && m.name === p.health.memberName || m.peerURLs.includes(p.health.peerUrl)
  );
  for (const source of healthySources) {
    try {
      const ctl = source.ctl.withTimeouts(etcdTimeoutMs);
      members = await withTimeout(
        ctl.memberList(),
        timeoutMs,
        `member list from ${source.health.host}`
      );
      tools = await ctl.etcdTools();
      const voters = members.filter((m) => !m.isLearner);
      healthyUrls = new Set(
        voters.flatMap((m) => matchOf(m)?.health.healthy ? m.clientURLs : [])
      );
      const elsewhere = voters.filter((m) => !matchOf(m)).flatMap((m) => m.clientURLs.slice(0, 1));
      const answers = elsewhere.length ? await withTimeout(
        ctl.withEndpoints(elsewhere).endpointHealth(),
        timeoutMs,
        "endpoint health of the members outside the inventory"
      ) : [];
      for (const a of answers) if (a.healthy) healthyUrls.add(a.endpoint);
      break;
    } catch (err) {
      source.health.errors.push(`could not read the cluster's member list here: ${message(err)}`);
      members = [];
      healthyUrls = /* @__PURE__ */ new Set();
    }
  }
  if (healthySources.length === 0)
    progress.warn("No etcd member answered healthy: no member list, no quorum.");
  const fromNodes = etcd.find((p) => p.health.tools)?.health.tools;
  const matched = /* @__PURE__ */ new Set();
  for (const p of etcd) {
    const m = members.find(
      (x) => x.name !== "" && x.name === p.health.memberName || x.peerURLs.includes(p.health.peerUrl)
    );
    if (m) {
      p.health.isMember = true;
      p.health.memberId = m.id;
      p.health.isLearner = m.isLearner;
      matched.add(m.id);
    }
  }
  const verdict = quorumVerdict(members, healthyUrls, etcdHosts2.length);
  const layout = etcd.find((p) => p.layout)?.layout ?? options.layout ?? layoutByName(access3.layout === "auto" ? "kubespray" : access3.layout);
  const health = {
    probedAt: (/* @__PURE__ */ new Date()).toISOString(),
    layout: layout.name,
    layoutDetected: etcd.some((p) => p.layout) || options.layout !== void 0 || access3.layout !== "auto",
    paths: {
      etcdCertDir: layout.etcdCertDir,
      dataDir: layout.dataDir,
      kubernetesCertDirs: layout.kubernetesCertDirs,
      manifestsDir: layout.manifestsDir,
      ...layout.envFile ? { envFile: layout.envFile } : {},
      ...layout.etcdManifest ? { etcdManifest: layout.etcdManifest } : {}
    },
    toolsVersion: tools ? tools[tools.snapshotTool]?.raw ?? "" : fromNodes?.snapshotToolVersion ?? "",
    toolsBumpRevision: tools ? tools.supportsBumpRevision : etcd.length > 0 && etcd.every((p) => p.health.tools?.bumpRevision === true),
    members,
    ...verdict,
    unknownMembers: members.filter((m) => !matched.has(m.id)),
    etcd: etcd.map((p) => p.health),
    controlPlane
  };
  const clusterId = etcd.find((p) => p.clusterId)?.clusterId;
  if (clusterId) health.clusterId = clusterId;
  const serverVersion = etcd.find((p) => p.health.serverVersion)?.health.serverVersion;
  if (serverVersion) health.serverVersion = serverVersion;
  for (const n of etcd)
    if (n.health.errors.length) progress.debug(`${n.health.host}: ${n.health.errors.join("; ")}`);
  return health;
}

// src/stores/open.ts
import { basename as basename2, dirname as dirname3, resolve as resolve2 } from "node:path";

// src/stores/artifact.ts
import { mkdtemp as mkdtemp2, readdir as readdir3, rm as rm3, stat as stat3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { basename, dirname as dirname2, join as join5 } from "node:path";

// src/stores/local.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { createWriteStream } from "node:fs";
import { chmod, mkdir, open as open2, readdir as readdir2, rename, rm as rm2, stat as stat2 } from "node:fs/promises";
import { join as join4, resolve } from "node:path";
import { Transform as Transform6 } from "node:stream";
import { pipeline as pipeline3 } from "node:stream/promises";
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
    const final = join4(this.location, setName);
    if (await exists(final)) {
      throw new OperationError(`A backup set ${final} already exists; refusing to overwrite it.`);
    }
    const partial = join4(this.location, `.${setName}.partial-${randomBytes3(4).toString("hex")}`);
    try {
      await mkdir(partial, { mode: 448 });
    } catch (err) {
      throw new OperationError(
        `Cannot write to the backup directory ${this.location}: ${errno(err)}.`
      );
    }
    return {
      write: async (object, data, options) => {
        const path = join4(partial, checkObjectName(object));
        const mode = options?.mode ?? 384;
        let bytes = 0;
        const counter = new Transform6({
          transform(chunk, _e, cb) {
            bytes += chunk.length;
            cb(null, chunk);
          }
        });
        await pipeline3(data, counter, createWriteStream(path, { flags: "wx", mode, flush: true }));
        await chmod(path, mode);
        return bytes;
      },
      commit: async () => {
        if (await exists(final)) {
          throw new OperationError(
            `A backup set ${final} appeared while writing; kept ours at ${partial}.`
          );
        }
        await rename(partial, final);
      },
      abort: async () => {
        await rm2(partial, { recursive: true, force: true });
      }
    };
  }
  async list() {
    let entries;
    try {
      entries = await readdir2(this.location, { withFileTypes: true });
    } catch (err) {
      if (errno(err) === "ENOENT") {
        throw new InputError(`Backup directory ${this.location} does not exist.`);
      }
      throw new OperationError(`Cannot read the backup directory ${this.location}: ${errno(err)}.`);
    }
    const sets = [];
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith(".")) continue;
      if (await exists(join4(this.location, e.name, MANIFEST))) sets.push(e.name);
    }
    return sets.sort(compareSetNames);
  }
  async read(setName, object, options) {
    const path = join4(this.location, checkObjectName(setName), checkObjectName(object));
    const fh = await open2(path, "r").catch((err) => {
      throw new OperationError(
        errno(err) === "ENOENT" ? `Object ${object} is missing from the backup set ${join4(this.location, setName)}.` : `Cannot read ${path}: ${errno(err)}.`
      );
    });
    const first = options?.firstBytes;
    return fh.createReadStream({
      highWaterMark: first ? Math.min(first, 256 * 1024) : 256 * 1024,
      ...first ? { start: 0, end: first - 1 } : {}
    });
  }
  async stat(setName, object) {
    const path = join4(this.location, checkObjectName(setName), checkObjectName(object));
    try {
      const s = await stat2(path);
      return s.isFile() ? { bytes: s.size } : null;
    } catch (err) {
      if (errno(err) === "ENOENT") return null;
      throw new OperationError(`Cannot read ${path}: ${errno(err)}.`);
    }
  }
  async objects(setName) {
    const dir = join4(this.location, checkObjectName(setName));
    const names = await readdir2(dir).catch((err) => {
      throw new OperationError(`Cannot read the backup set ${dir}: ${errno(err)}.`);
    });
    const out = [];
    for (const name of names.sort()) {
      const s = await stat2(join4(dir, name));
      if (s.isFile()) out.push({ name, bytes: s.size });
    }
    return out;
  }
  async remove(setName) {
    await rm2(join4(this.location, checkObjectName(setName)), { recursive: true, force: true });
  }
  urlOf(setName) {
    return join4(this.location, setName);
  }
};
async function exists(path) {
  try {
    await stat2(path);
    return true;
  } catch {
    return false;
  }
}

// src/stores/artifact.ts
var ARTIFACT_SCHEME = "artifact://";
var ArtifactStore = class {
  constructor(client, stagingRoot = process.env.RUNNER_TEMP ?? tmpdir2(), retentionDays) {
    this.client = client;
    this.stagingRoot = stagingRoot;
    this.retentionDays = retentionDays;
  }
  client;
  stagingRoot;
  retentionDays;
  location = ARTIFACT_SCHEME;
  async begin(setName) {
    checkObjectName(setName);
    const staging = await mkdtemp2(join5(this.stagingRoot, "kube-rescue-artifact-"));
    const local = new LocalStore(staging);
    const pending = await local.begin(setName);
    return {
      write: (object, data, options) => pending.write(object, data, options),
      commit: async () => {
        await pending.commit();
        const dir = join5(staging, setName);
        const files = (await readdir3(dir)).sort().map((f) => join5(dir, f));
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
  async list() {
    const { artifacts } = await this.client.listArtifacts({ latest: true });
    return artifacts.map((a) => a.name).sort(compareSetNames);
  }
  /** Downloads the set's artifact once per store instance; reads come from the copy. */
  downloaded = /* @__PURE__ */ new Map();
  download(setName) {
    let dir = this.downloaded.get(setName);
    if (!dir) {
      dir = (async () => {
        const { artifact } = await this.client.getArtifact(setName).catch((err) => {
          throw new OperationError(
            `No workflow artifact named ${setName} in this run's repository: ${err.message}.`
          );
        });
        const path = await mkdtemp2(join5(this.stagingRoot, "kube-rescue-download-"));
        await this.client.downloadArtifact(artifact.id, { path });
        return path;
      })();
      this.downloaded.set(setName, dir);
    }
    return dir;
  }
  async read(setName, object, options) {
    const dir = await this.download(setName);
    return new LocalStore(dirname2(dir)).read(basename(dir), checkObjectName(object), options);
  }
  async stat(setName, object) {
    const dir = await this.download(setName);
    return new LocalStore(dirname2(dir)).stat(basename(dir), checkObjectName(object));
  }
  async objects(setName) {
    const dir = await this.download(setName);
    const out = [];
    for (const name of (await readdir3(dir)).sort()) {
      out.push({ name, bytes: (await stat3(join5(dir, name))).size });
    }
    return out;
  }
  async remove(setName) {
    await this.client.deleteArtifact(setName);
  }
  urlOf(setName) {
    return `${ARTIFACT_SCHEME}${setName}`;
  }
};
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
  return (await import("./cli-chunks/s3-G5X2N2FF.js")).S3Store;
}
async function openStore(dest, s3 = {}) {
  if (dest.startsWith("s3://")) return new (await s3Store())(parseS3Url(dest), s3);
  if (dest.startsWith(ARTIFACT_SCHEME)) return new ArtifactStore(await defaultArtifactClient());
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(dest)) {
    throw new InputError(
      `Destination '${dest}': unknown scheme. Use a directory path, s3://bucket/prefix or artifact://.`
    );
  }
  if (dest.trim() === "")
    throw new InputError("The destination is empty: give a directory or s3:// URL.");
  return new LocalStore(dest);
}
async function openSet(backup2, s3 = {}) {
  const trimmed = backup2.replace(/\/+$/, "");
  if (trimmed.startsWith("s3://")) {
    const { bucket, prefix } = parseS3Url(trimmed);
    const cut = prefix.lastIndexOf("/");
    const setName = prefix.slice(cut + 1);
    if (!setName) throw new InputError(`'${backup2}' names a bucket, not a backup set inside it.`);
    const parent = cut < 0 ? "" : prefix.slice(0, cut);
    return {
      store: new (await s3Store())({ bucket, prefix: parent }, s3),
      setName
    };
  }
  if (trimmed.startsWith(ARTIFACT_SCHEME)) {
    const setName = trimmed.slice(ARTIFACT_SCHEME.length);
    if (!setName) throw new InputError(`'${backup2}' names no artifact; use artifact://<set-name>.`);
    return { store: new ArtifactStore(await defaultArtifactClient()), setName };
  }
  const abs = resolve2(trimmed);
  return { store: new LocalStore(dirname3(abs)), setName: basename2(abs) };
}

// src/commands/backup.ts
var FINGERPRINT_MODES = ["hash", "full", "none"];
function keyspaceChecks(mode, full) {
  if (mode === "none") return {};
  return {
    hashKV: (revision, member) => hashKVViaEtcdCtl(member.ctl, revision),
    ...mode === "full" ? { fingerprint: full } : {}
  };
}
var DEFAULT_CLUSTER = "cluster.local";
function tlsFromFlags(access3) {
  const given = [access3.etcdCacert, access3.etcdCert, access3.etcdKey].filter(Boolean).length;
  if (given === 0) return void 0;
  if (given !== 3) {
    throw new InputError(
      "--etcd-cacert, --etcd-cert and --etcd-key go together: give all three, or none to use the layout."
    );
  }
  return { cacert: access3.etcdCacert, cert: access3.etcdCert, key: access3.etcdKey };
}
async function layoutOf(access3, transport) {
  if (access3.layout !== "auto") return layoutByName(access3.layout);
  try {
    return await detectLayout(transport);
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    throw new OperationError(
      `${err.message} To back up the etcd snapshot alone from this machine, pass --etcd-only.`,
      { cause: err }
    );
  }
}
async function localSources(opts, cluster) {
  const { access: access3 } = opts;
  if (access3.transport !== "local") {
    throw new InputError(
      `Without an inventory (-i) there are no nodes to reach over ${access3.transport}: pass -i hosts.ini, or --transport local --etcd-endpoints URL,... when this machine is the node or reaches etcd.`
    );
  }
  const endpoints = access3.etcdEndpoints ?? [];
  if (endpoints.length === 0) {
    throw new InputError(
      "Without an inventory, --etcd-endpoints is required (e.g. --etcd-endpoints https://127.0.0.1:2379)."
    );
  }
  preloadEtcdClient();
  const local = new LocalTransport(hostname());
  let layout;
  let tls = tlsFromFlags(access3);
  if (!opts.etcdOnly || !tls && endpoints.some((e) => e.startsWith("https:"))) {
    layout = await layoutOf(access3, local);
  }
  if (!tls && endpoints.some((e) => e.startsWith("https:"))) {
    if (layout?.name !== "kubeadm") {
      throw new InputError(
        "The etcd endpoints use https: pass --etcd-cacert, --etcd-cert and --etcd-key (a client certificate etcd trusts)."
      );
    }
    tls = layout.clientTls(local.node);
  }
  const ctl = new EtcdCtl(local, { endpoints, tls });
  const health = await ctl.endpointHealth();
  const healthy = endpoints.filter((e) => health.some((h) => h.endpoint === e && h.healthy));
  if (healthy.length === 0) {
    const why = health.map((h) => `${h.endpoint}: ${h.error ?? "unhealthy"}`).join("; ");
    throw new OperationError(`No etcd endpoint is healthy (${why}). Nothing was stored.`);
  }
  const live2 = ctl.withEndpoints(healthy);
  const [{ statuses }, members] = await Promise.all([live2.endpointStatus(), live2.memberList()]);
  const memberOf = (endpoint) => members.find(
    (m) => m.clientURLs.some((u) => u.replace(/\/$/, "") === endpoint.replace(/\/$/, ""))
  )?.name ?? endpoint;
  const ordered = [...healthy].sort(
    (a, b) => Number(statuses.find((s) => s.endpoint === a)?.isLeader ?? false) - Number(statuses.find((s) => s.endpoint === b)?.isLeader ?? false)
  );
  const snapshotSources = ordered.map((endpoint) => ({
    member: memberOf(endpoint),
    node: local.node,
    endpoint,
    ctl: snapshotCtl(ctl, endpoint),
    // This machine reaches the endpoint: the snapshot streams from it, no file saved first.
    direct: { endpoints: [endpoint], tls }
  }));
  return {
    cluster,
    flavor: layout?.name ?? "unknown",
    etcdVersion: statuses[0]?.version ?? "unknown",
    members,
    snapshotSources,
    nodes: opts.etcdOnly || !layout ? [] : [{ node: local.node, transport: local, paths: layout.backupPaths(local.node) }],
    ...keyspaceChecks(
      opts.fingerprint,
      (revision) => (
        // Pages are held whole in memory, so they stay near 3 MiB (the first, of unknown sizes,
        // is 16 keys); but every page of etcd 3.4 walks the rest of the range to count it, so
        // where objects are small, pages of up to 1000 keys cost etcd far less.
        fingerprintEndpoints(
          { endpoints: healthy, tls },
          { revision, pageSize: 1e3, firstPageSize: 16, targetPageBytes: 3 * 1024 * 1024 }
        )
      )
    )
  };
}
async function inventorySources(opts, inventory, pool, cluster, ctx) {
  const transportFor = (host) => pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) });
  const health = await probeCluster(inventory, transportFor, opts.access, {
    progress: ctx.progress
  });
  const layout = layoutByName(health.layout, health.paths);
  const flagTls = tlsFromFlags(opts.access);
  const healthy = health.etcd.filter((e) => e.healthy).sort((a, b) => Number(a.isLeader ?? false) - Number(b.isLeader ?? false));
  const snapshotSources = healthy.map((e) => ({
    member: e.memberName,
    node: e.host,
    endpoint: e.clientUrl,
    ctl: new EtcdCtl(transportFor(e.host), {
      endpoints: [e.clientUrl],
      tls: flagTls ?? layout.clientTls(e.host),
      progress: ctx.progress,
      commandTimeoutMs: SNAPSHOT_COMMAND_TIMEOUT_MS
    })
  }));
  if (snapshotSources.length === 0) {
    const why = health.etcd.map((e) => `${e.host}: ${e.errors.join("; ") || "unhealthy"}`);
    throw new OperationError(
      `No etcd member of ${inventory.source} is healthy, so there is nothing consistent to back up:
${why.join("\n")}`
    );
  }
  const first = snapshotSources[0];
  return {
    cluster,
    flavor: health.layoutDetected ? layout.name : "unknown",
    etcdVersion: health.serverVersion ?? "unknown",
    members: health.members,
    snapshotSources,
    nodes: opts.etcdOnly ? [] : inventory.controlPlane().map((host) => ({
      node: host,
      transport: transportFor(host),
      paths: layout.backupPaths(host)
    })),
    ...keyspaceChecks(
      opts.fingerprint,
      (revision) => fingerprintViaEtcdCtl(first.ctl, { revision })
    )
  };
}
function clusterNameOf(inventory) {
  for (const host of inventory?.hosts.values() ?? []) {
    const name = host.vars.cluster_name;
    if (typeof name === "string" && name) return name;
  }
  return void 0;
}
async function backup(opts, ctx) {
  var _stack = [];
  try {
    const { progress } = ctx;
    requireCompression(opts.compress);
    const recipients = opts.encryptTo.map((r) => parseRecipient(r));
    const inventory = opts.inventory ? await loadInventory(opts.inventory) : void 0;
    const cluster = checkClusterName(
      opts.clusterName ?? clusterNameOf(inventory) ?? DEFAULT_CLUSTER,
      opts.clusterName ? "--cluster-name" : `cluster_name in ${opts.inventory ?? "the default"}`
    );
    const signedBy = opts.signKey ? await signingKeyOf(opts.signKey) : void 0;
    const store = await openStore(opts.dest, opts.s3);
    const policy = {
      keep: opts.keep,
      keepHourly: opts.keepHourly,
      keepDaily: opts.keepDaily,
      keepWeekly: opts.keepWeekly
    };
    const pool = __using(_stack, new NodePool(opts.access), true);
    const sources = await progress.phase(
      "Probe etcd",
      () => inventory ? inventorySources(opts, inventory, pool, cluster, ctx) : localSources(opts, cluster)
    );
    const { setName, manifest } = await writeBackupSet(store, sources, {
      compression: opts.compress,
      recipients,
      progress,
      signKeyFile: opts.signKey
    });
    const snapshot = manifest.objects.find((o) => o.kind === "etcd-snapshot");
    progress.info(
      `Backup set ${store.urlOf(setName)} written: revision ${manifest.snapshot.revision}, ${manifest.objects.length} object(s).`
    );
    const removed = hasRetention(policy) ? (await progress.phase("Apply retention", () => pruneSets(store, cluster, policy, progress))).remove : [];
    return {
      backupPath: store.urlOf(setName),
      snapshotRevision: manifest.snapshot.revision,
      snapshotSha256: snapshot.plaintextSha256,
      objects: manifest.objects.map((o) => ({ name: o.name, bytes: o.bytes })),
      removedByRetention: removed,
      ...signedBy ? { signedBy } : {}
    };
  } catch (_) {
    var _error = _, _hasError = true;
  } finally {
    var _promise = __callDispose(_stack, _error, _hasError);
    _promise && await _promise;
  }
}
async function signingKeyOf(keyFile) {
  const probe = Buffer.from("kube-rescue signing-key probe\n");
  const check2 = await checkManifestSignature(
    probe,
    await signManifest(probe, keyFile),
    void 0,
    `--sign-key ${keyFile}`
  );
  if (check2.status !== "unchecked") {
    throw new InputError(`--sign-key ${keyFile}: a signature made with this key does not verify.`);
  }
  return check2.signer;
}

// src/commands/inventory.ts
import { randomBytes as randomBytes4 } from "node:crypto";
import { rename as rename2, rm as rm4, stat as stat4, writeFile as writeFile2 } from "node:fs/promises";
import { basename as basename3, dirname as dirname4, join as join6 } from "node:path";
async function writeAtomically(path, text4, mode) {
  const temp = join6(dirname4(path), `.${basename3(path)}.${randomBytes4(4).toString("hex")}.tmp`);
  try {
    await writeFile2(temp, text4, { mode, flag: "wx" });
    await rename2(temp, path);
  } catch (err) {
    await rm4(temp, { force: true });
    const code = err.code ?? "";
    const message2 = `cannot write the recovery inventory to ${path}: ${err.message}`;
    if (["ENOENT", "ENOTDIR", "EISDIR", "EACCES", "EROFS"].includes(code)) {
      throw new InputError(`${message2}. Check the -o path.`, { cause: err });
    }
    throw new OperationError(message2, { cause: err });
  }
}
async function inventoryRecover(opts, ctx) {
  const inventory = await loadInventory(opts.inventory, { extraVars: opts.extraVars });
  const snapshot = inventory.extraVars.etcd_snapshot;
  const text4 = recoveryRewrite(inventory, {
    brokenEtcd: opts.brokenEtcd,
    brokenControlPlane: opts.brokenControlPlane,
    etcdSnapshot: typeof snapshot === "string" && snapshot !== "" ? snapshot : void 0
  });
  if (opts.output === void 0) return { text: text4 };
  const mode = (await stat4(opts.inventory)).mode & 438;
  await writeAtomically(opts.output, text4, mode);
  ctx.progress.info(`wrote the recovery inventory to ${opts.output}`);
  return { output: opts.output, text: text4 };
}

// src/commands/list.ts
import { text as text2 } from "node:stream/consumers";
async function list(dest, ctx, s3 = {}) {
  const store = await openStore(dest, s3);
  const out = [];
  for (const name of await store.list()) {
    const url = store.urlOf(name);
    try {
      const m = parseManifest(
        await text2(await store.read(name, "manifest.json")),
        `${url}/manifest.json`
      );
      out.push({
        name,
        url,
        created: m.created,
        revision: m.snapshot.revision,
        bytes: m.objects.reduce((sum, o) => sum + o.bytes, 0),
        encrypted: m.objects.some((o) => o.encryption)
      });
    } catch (err) {
      ctx.progress.warn(`Skipping ${url}: ${err.message}`);
    }
  }
  return out;
}

// src/recovery/backup-source.ts
import { PassThrough as PassThrough2 } from "node:stream";
var BackupSource = class _BackupSource {
  constructor(location, manifest, store, setName, identities) {
    this.location = location;
    this.manifest = manifest;
    this.store = store;
    this.setName = setName;
    this.identities = identities;
  }
  location;
  manifest;
  store;
  setName;
  identities;
  static async open(backup2, identityFiles) {
    const { store, setName } = await openSet(backup2);
    let text4;
    try {
      const chunks = [];
      for await (const c of await store.read(setName, "manifest.json")) chunks.push(Buffer.from(c));
      text4 = Buffer.concat(chunks).toString("utf8");
    } catch (err) {
      throw new InputError(
        `Cannot read the backup set ${backup2} (${store.urlOf(setName)}/manifest.json): ${err.message}. Give the path or URL of one set, as 'kube-rescue list' shows it.`,
        { cause: err }
      );
    }
    const manifest = parseManifest(text4, `${backup2}/manifest.json`);
    const identities = identityFiles.length > 0 ? await loadIdentityFiles(identityFiles) : [];
    return new _BackupSource(backup2, manifest, store, setName, identities);
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
    const plain = new PassThrough2();
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

// src/recovery/node-transports.ts
function openNodeTransports(inventory, access3) {
  const pool = new NodePool(access3);
  return {
    transportFor: (host) => pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }),
    close: () => pool.closeAll()
  };
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
  constructor(inventory, state, backup2, options) {
    this.inventory = inventory;
    this.state = state;
    this.backup = backup2;
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
  /** A node's archive replaces its cert dirs: what is there now is moved aside first. */
  restoreArchive(host, origin, why, group) {
    for (const dir of [this.paths.etcdCertDir, ...this.paths.kubernetesCertDirs]) {
      this.moveAside(host, dir, "what is there now is kept, never deleted", group);
    }
    this.push(
      draft(
        "restore-certs",
        host,
        { from: origin },
        `${why}; the node's archive brings them back with their original modes and owners`,
        `mv each <dir>.${this.ts} back over <dir>`,
        true,
        group
      )
    );
  }
  /** Restores a node's archive from the backup once, however many cases ask for it. */
  restoreArchiveOnce(host, origin, why) {
    if (this.certsRestored.has(host)) return;
    this.certsRestored.add(host);
    this.restoreArchive(host, origin, why);
  }
  /** Puts back the certificates an etcd member needs before it can start. */
  ensureEtcdCerts(host, peer, group) {
    if (this.certsRestored.has(host)) return;
    const s = this.stateOf.get(host);
    if (s?.etcdCertsPresent) return;
    this.certsRestored.add(host);
    const object = this.backup?.certArchives[host];
    const origin = this.backup && object ? { kind: "backup", location: this.backup.location, object } : peer ? { kind: "peer", node: peer, paths: [this.paths.etcdCertDir, ...this.unitFiles] } : void 0;
    if (!origin) {
      throw new InputError(
        `etcd certificates are missing on '${host}' and neither a backup archive of that node nor a healthy peer can supply them: pass --backup DIR|URL.`
      );
    }
    if (origin.kind === "backup") {
      this.restoreArchive(host, origin, `etcd certificates are missing on ${host}`, group);
      return;
    }
    this.warnings.push(
      `${host}: no archive of this node in the backup set; its etcd certificates and unit are copied from ${origin.node} (Kubespray puts every member's certificates on every etcd node).`
    );
    this.moveAside(
      host,
      this.paths.etcdCertDir,
      "whatever is left there is kept, never deleted",
      group
    );
    this.push(
      draft(
        "restore-certs",
        host,
        { from: origin },
        `etcd certificates are missing on ${host}`,
        `the replaced files were moved aside with suffix .${this.ts}; move them back`,
        true,
        group
      )
    );
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
  const { backup: backup2 } = d;
  for (const host of brokenCp) {
    const object = backup2?.certArchives[host];
    if (!object || !backup2) {
      throw new InputError(
        `Backup ${backup2?.location} has no certificate archive for control-plane node '${host}': take backups without --etcd-only, or remove '${host}' from [broken_kube_control_plane].`
      );
    }
    d.restoreArchiveOnce(
      host,
      { kind: "backup", location: backup2.location, object },
      `control-plane certificates of ${host} are lost`
    );
  }
}
function planControlPlaneRestarts(d, brokenCp, restoredSnapshot) {
  const restartOn = new Set(brokenCp);
  if (restoredSnapshot) for (const h of d.inventory.controlPlane) restartOn.add(h);
  for (const host of d.inventory.controlPlane.filter((h) => restartOn.has(h))) {
    d.push(
      draft(
        "restart-control-plane",
        host,
        {
          reason: brokenCp.includes(host) ? "its certificates were replaced" : "etcd was restored; the API server must relist"
        },
        "what reads the certificates or etcd must restart to see them",
        "nothing to undo",
        false
      )
    );
  }
}

// src/recovery/planners/host-removal.ts
function checkRemovableHosts(inventory, removeHosts) {
  if (removeHosts.length === 0) return;
  const etcdHosts2 = new Set(inventory.etcd.map((e) => e.host));
  const cpHosts = new Set(inventory.controlPlane);
  for (const h of removeHosts) {
    if (etcdHosts2.has(h) || cpHosts.has(h)) continue;
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
  const { state, stateOf, etcdHosts: etcdHosts2, paths } = d;
  const { control } = c;
  const current = state.members.filter((m) => !c.membersLeaving.some((r) => r.listed.id === m.id)).map((m) => ({ name: m.name, peerURL: m.peerURLs[0] ?? "" }));
  for (const host of c.brokenEtcd) {
    const e = etcdHosts2.get(host);
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
    if (stateOf.get(host)?.etcdRunning) {
      d.push(
        draft(
          "stop-etcd",
          host,
          {},
          `a broken etcd still runs on ${host}`,
          "start etcd again",
          false
        )
      );
    }
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
  const { inventory, stateOf, backup: backup2, options } = d;
  const seen = Math.max(
    ...inventory.etcd.map((e) => stateOf.get(e.host)?.revision ?? Number.NEGATIVE_INFINITY)
  );
  const { source } = choice;
  const snapshotRevision = source.kind === "backup" ? source.revision : stateOf.get(choice.first)?.revision;
  const chosen = chooseRevisionBump(
    Number.isFinite(seen) ? seen : void 0,
    snapshotRevision,
    source.kind === "backup" ? backup2?.createdAt : void 0,
    options
  );
  return { ...chosen, markCompacted: true };
}
function backupSnapshot(d, first) {
  const backup2 = d.backup;
  d.expect.minRevision = backup2.revision;
  d.expect.totalKey = backup2.totalKey;
  d.expect.fingerprint = backup2.fingerprint;
  d.expect.hashKV = backup2.hashKV;
  return {
    source: { kind: "backup", location: backup2.location, revision: backup2.revision },
    origin: { kind: "backup", location: backup2.location, object: backup2.snapshotObject },
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
    if (stateOf.get(host)?.etcdRunning) {
      d.push(
        draft(
          "stop-etcd",
          host,
          {},
          "every member is rebuilt from one snapshot; nothing may write meanwhile",
          "start etcd again",
          false,
          "stop"
        )
      );
    }
  }
  const peerWithCerts = inventory.etcd.find((e) => stateOf.get(e.host)?.etcdCertsPresent)?.host;
  for (const host of order) d.ensureEtcdCerts(host, peerWithCerts);
  for (const host of order) {
    d.moveAside(host, paths.dataDir, "the old data dir is kept, never deleted", "aside");
  }
  for (const host of restoreNow) {
    const sameNode = origin.kind === "node" && origin.node === host;
    if (!sameNode) {
      d.push(
        draft(
          "fetch-snapshot",
          host,
          { from: origin, to: stagePath },
          "the snapshot must be on the node that restores it",
          `rm ${stagePath}`,
          false,
          "fetch"
        )
      );
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
    d.push(
      draft(
        "write-env",
        host,
        { set: d.envFor(host, initialClusterOf(host), token), templateFrom: peerWithCerts },
        "the env file must name the restored cluster",
        `the previous ${envFile} is kept as ${keptCopyOf(envFile, paths.manifestsDir, ts)}`,
        false,
        "env"
      )
    );
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
function refuseUnsafeRestore(inventory, state, stateOf, backup2, options, c) {
  const { etcdCase, brokenEtcd, brokenCp, healthyVoters, restoresSnapshot, removals } = c;
  if (restoresSnapshot && state.quorum && !options.force) {
    throw new InputError(
      `The cluster still has quorum (the probe found ${healthyVoters.length} healthy of ${state.members.length} members), but the inventory marks ${brokenEtcd.join(", ")} as broken so that no healthy member would remain: restoring a snapshot over a working cluster throws away every write since the snapshot. Remove the healthy hosts from [broken_etcd], or pass --force if that loss is intended.`
    );
  }
  const etcdVersions = restoresSnapshot ? nodeEtcdVersions(inventory, stateOf, state) : void 0;
  if (etcdVersions && etcdVersions.minors.size > 1 && !options.force) {
    throw new InputError(
      `The etcd nodes run different etcd minor versions (${etcdVersions.list}): a snapshot is restored and then served by one etcd minor. Install the same etcd version on every etcd node (etcd, etcdctl, etcdutl), or pass --force if a mixed cluster is intended.`
    );
  }
  if (etcdCase === "total-loss" && !backup2) {
    throw new InputError(
      `No etcd member has data left (${inventory.etcd.map((e) => e.host).join(", ")} ${inventory.etcd.length === 1 ? "is" : "are all"} broken or unreachable${removals.length > 0 ? `, and ${removals.map((r) => r.host).join(", ")} will not return` : ""}), so the cluster can only come back from a backup set: pass --backup DIR|URL.`
    );
  }
  if (brokenCp.length > 0 && !backup2) {
    throw new InputError(
      `Control-plane certificates must be restored on ${brokenCp.join(", ")}, and only a backup set has them: pass --backup DIR|URL (a backup taken with certificates, not --etcd-only).`
    );
  }
  if (backup2) {
    if (state.clusterName && backup2.clusterName !== state.clusterName && !options.force) {
      throw new InputError(
        `Backup ${backup2.location} is of cluster '${backup2.clusterName}', but the inventory ${inventory.source} describes '${state.clusterName}'. Pick a backup of this cluster, or pass --force if the name changed.`
      );
    }
    if (backup2.clusterId && state.clusterId && backup2.clusterId !== state.clusterId && !options.force) {
      throw new InputError(
        `Backup ${backup2.location} comes from etcd cluster id ${backup2.clusterId}, the running cluster is ${state.clusterId}. Pick a backup of this cluster, or pass --force.`
      );
    }
    const runningVersion = state.serverVersion ?? etcdVersions?.first ?? state.toolsVersion;
    const running = minorOf(runningVersion);
    const saved = minorOf(backup2.etcdVersion);
    const differs = running && saved && (running[0] !== saved[0] || running[1] !== saved[1]);
    if (restoresSnapshot && differs && !options.force) {
      throw new InputError(
        `Backup ${backup2.location} was taken from etcd ${backup2.etcdVersion}, the nodes run ${runningVersion}: a snapshot is restored with the same minor version. Restore with matching etcd tools, or pass --force.`
      );
    }
    if (backup2.encrypted && !options.haveIdentity) {
      throw new InputError(
        `Backup ${backup2.location} is encrypted with age: pass --identity FILE (the age identity of one of its recipients).`
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
    return !declaredBroken && s?.reachable && s.etcdRunning && s.raftIndex !== void 0;
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
function buildPlan(given, state, backup2, options) {
  const { inventory, removals } = withoutRemovedHosts(given, state, options);
  refuseUnknownBrokenHosts(given, inventory.source);
  const d = new PlanDraft(inventory, state, backup2, options);
  const c = classify(inventory, state, d, removals);
  const { brokenEtcd, brokenCp, certsOnly, healthyVoters, survivors, etcdCase } = c;
  refuseUnreachable(
    [.../* @__PURE__ */ new Set([...brokenEtcd, ...brokenCp])],
    d.stateOf,
    new Map(state.controlPlane.map((s) => [s.host, s]))
  );
  refuseUnsafeRestore(inventory, state, d.stateOf, backup2, options, c);
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
  planControlPlaneRestarts(d, brokenCp, c.restoresSnapshot);
  planNodeDeletions(d, removals, anchor);
  const steps = d.finish(anchor);
  const brokenWhy = Object.fromEntries(
    brokenEtcd.flatMap((h) => {
      const s = d.stateOf.get(h);
      const why = s?.lost ?? s?.errors?.join("; ");
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
    expect: d.expect
  };
}

// src/recovery/preflight.ts
import { isDeepStrictEqual } from "node:util";
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
  const { store, setName } = await openSet(location);
  if (!await store.stat(setName, "manifest.json")) {
    throw new InputError(
      `Cannot read the backup set ${location}: ${store.urlOf(setName)}/manifest.json does not exist. Give the path or URL of one set, as 'kube-rescue list' shows it.`
    );
  }
  const { check: check2, manifest } = await checkSetSignature(store, setName, opts.trustedSigners);
  return { check: check2, bytes: manifest };
}
function requireSignedManifest(signed, backup2, opts) {
  if (!opts.trustedSigners || !signed || !backup2) return;
  const where = `${backup2.location}/manifest.json`;
  if (!isDeepStrictEqual(parseManifest(signed.bytes.toString("utf8"), where), backup2.manifest)) {
    throw new InputError(
      `${where} changed between checking its signature and reading it for the plan. Nothing was changed; make sure nothing writes to the set, then plan again.`
    );
  }
  requireOwnName(backup2.manifest.setName, backup2.storeAccess().setName, where);
}
function requireOwnName(signedName, storedName2, where) {
  if (signedName !== storedName2) {
    throw new InputError(
      `${where}: the signed manifest is of set ${signedName}, but it is stored as ${storedName2}: a signed set copied under another name (an older backup replayed?). Nothing was changed; restore ${signedName} by its own name if that is the one you want.`
    );
  }
}
async function checkPlanObjects(plan2, backup2) {
  const needed = objectsNeeded(plan2);
  if (!backup2) {
    if (needed.length > 0) {
      throw new InputError(
        `The plan reads ${needed.join(", ")} from a backup set, but none was given: pass --backup.`
      );
    }
    return [];
  }
  const { store, setName, identities } = backup2.storeAccess();
  const where = backup2.location;
  const problems = [];
  const found = [];
  for (const name of needed) {
    const object = backup2.manifest.objects.find((o) => o.name === name);
    if (!object) {
      problems.push(`${name}: the plan reads it, but the manifest does not list it`);
      continue;
    }
    const stat7 = await store.stat(setName, name);
    if (!stat7) {
      problems.push(`${name}: missing from the store (the manifest lists ${object.bytes} bytes)`);
    } else if (stat7.bytes !== object.bytes) {
      problems.push(
        `${name}: ${stat7.bytes} bytes in the store, but the manifest says ${object.bytes} (${stat7.bytes < object.bytes ? "truncated" : "altered"})`
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

// src/recovery/verify.ts
import { createWriteStream as createWriteStream2 } from "node:fs";
import { mkdtemp as mkdtemp3, rm as rm5 } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join7 } from "node:path";
import { pipeline as pipeline4 } from "node:stream/promises";

// src/etcd/snapshot-keyspace.ts
import { open as open3 } from "node:fs/promises";
var MAGIC2 = 3977042669;
var BRANCH_PAGE2 = 1;
var LEAF_PAGE2 = 2;
var META_PAGE = 4;
var BUCKET_LEAF = 1;
var PAGE_HEADER2 = 16;
var ELEMENT = 16;
var INLINE = 0;
function fnv64a2(bytes) {
  let h = 0xcbf29ce484222325n;
  for (const b of bytes) {
    h ^= BigInt(b);
    h = h * 0x100000001b3n & 0xffffffffffffffffn;
  }
  return h;
}
function parseMeta2(buf) {
  if (buf.length < PAGE_HEADER2 + 64) return void 0;
  const flags = buf.readUInt16LE(8);
  const m = buf.subarray(PAGE_HEADER2);
  if (!(flags & META_PAGE) || m.readUInt32LE(0) !== MAGIC2 || m.readUInt32LE(4) !== 2)
    return void 0;
  if (fnv64a2(m.subarray(0, 56)) !== m.readBigUInt64LE(56)) return void 0;
  return {
    pageSize: m.readUInt32LE(8),
    root: Number(m.readBigUInt64LE(16)),
    txid: m.readBigUInt64LE(48)
  };
}
function pageOf(buf, id) {
  return { id, flags: buf.readUInt16LE(8), count: buf.readUInt16LE(10), buf };
}
function varint(b, pos) {
  let v = 0;
  let mul = 1;
  for (let i = pos; i < b.length; i++) {
    const byte = b[i];
    v += (byte & 127) * mul;
    if (byte < 128) return [v, i + 1];
    mul *= 128;
  }
  throw new Error("truncated varint");
}
function decodeKeyValue(b) {
  let key = Buffer.alloc(0);
  let value = Buffer.alloc(0);
  let pos = 0;
  while (pos < b.length) {
    let tag;
    [tag, pos] = varint(b, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    if (wire === 0) [, pos] = varint(b, pos);
    else if (wire === 1) pos += 8;
    else if (wire === 5) pos += 4;
    else if (wire === 2) {
      let len;
      [len, pos] = varint(b, pos);
      const bytes = b.subarray(pos, pos + len);
      if (field === 1) key = bytes;
      else if (field === 5) value = bytes;
      pos += len;
    } else throw new Error(`unknown protobuf wire type ${wire}`);
  }
  return { key, value };
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
  cache = /* @__PURE__ */ new Map();
  static async open(path) {
    const fh = await open3(path, "r");
    try {
      const head = Buffer.alloc(4096);
      await fh.read(head, 0, head.length, 0);
      const first = parseMeta2(head);
      const pageSize = first?.pageSize ?? 4096;
      const second = Buffer.alloc(PAGE_HEADER2 + 64);
      await fh.read(second, 0, second.length, pageSize);
      const metas = [first, parseMeta2(second)].filter((m) => m !== void 0);
      if (metas.length === 0) {
        throw new OperationError(
          `${path} is not an etcd snapshot: neither bbolt meta page is valid. Check the file (kube-rescue verify).`
        );
      }
      const meta = metas.sort((a, b) => b.txid > a.txid ? 1 : -1)[0];
      return new _SnapshotKeyspace(fh, path, meta);
    } catch (err) {
      await fh.close();
      throw err;
    }
  }
  async [Symbol.asyncDispose]() {
    await this.fh.close();
  }
  async page(id) {
    if (id === INLINE) return pageOf(this.inline, INLINE);
    const hit = this.cache.get(id);
    if (hit) {
      this.cache.delete(id);
      this.cache.set(id, hit);
      return hit;
    }
    const size = this.meta.pageSize;
    let buf = Buffer.alloc(size);
    const { bytesRead } = await this.fh.read(buf, 0, size, id * size);
    if (bytesRead < PAGE_HEADER2) throw this.damaged(`page ${id} lies beyond the end of the file`);
    const overflow = buf.readUInt32LE(12);
    if (overflow > 0) {
      buf = Buffer.alloc(size * (overflow + 1));
      await this.fh.read(buf, 0, buf.length, id * size);
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
    const at3 = PAGE_HEADER2 + i * ELEMENT;
    const flags = p.buf.readUInt32LE(at3);
    const pos = p.buf.readUInt32LE(at3 + 4);
    const ksize = p.buf.readUInt32LE(at3 + 8);
    const vsize = p.buf.readUInt32LE(at3 + 12);
    const k = at3 + pos;
    return {
      flags,
      key: p.buf.subarray(k, k + ksize),
      value: p.buf.subarray(k + ksize, k + ksize + vsize)
    };
  }
  /** Every leaf element of the tree under page `id`, in key order, with where it sits. */
  async *walk(id) {
    const p = await this.page(id);
    if (p.flags & LEAF_PAGE2) {
      for (let i = 0; i < p.count; i++) yield { page: id, index: i, ...this.leaf(p, i) };
      return;
    }
    if (!(p.flags & BRANCH_PAGE2)) throw this.damaged(`page ${id} is neither branch nor leaf`);
    for (let i = 0; i < p.count; i++) {
      const at3 = PAGE_HEADER2 + i * ELEMENT;
      yield* this.walk(Number(p.buf.readBigUInt64LE(at3 + 8)));
    }
  }
  /** The root page of etcd's "key" bucket (its inline page, for a tiny snapshot). */
  async keyBucket() {
    for await (const e of this.walk(this.meta.root)) {
      if (!(e.flags & BUCKET_LEAF) || e.key.toString("latin1") !== "key") continue;
      const root = Number(e.value.readBigUInt64LE(0));
      if (root !== 0) return root;
      this.inline = Buffer.from(e.value.subarray(16));
      return INLINE;
    }
    throw this.damaged('it has no "key" bucket');
  }
  /**
   * Every live key/value pair in ascending key order (bytewise, as etcd orders keys), read in
   * two passes as the module comment explains. Sets `revision` during the first pass.
   */
  async *pairs() {
    const bucket = await this.keyBucket();
    const latest = /* @__PURE__ */ new Map();
    for await (const e of this.walk(bucket)) {
      if (e.key.length < 17) throw this.damaged(`a revision key of ${e.key.length} bytes`);
      const main2 = Number(e.key.readBigUInt64BE(0));
      if (main2 > this.revision) this.revision = main2;
      const { key } = decodeKeyValue(e.value);
      if (key.length === 0) continue;
      const name = key.toString("latin1");
      if (e.key.length > 17 && e.key[17] === 116) latest.delete(name);
      else latest.set(name, e.page * 65536 + e.index);
    }
    const keys = [...latest.keys()].sort();
    for (const name of keys) {
      const where = latest.get(name);
      const p = await this.page(Math.floor(where / 65536));
      const kv = decodeKeyValue(this.leaf(p, where % 65536).value);
      if (kv.key.toString("latin1") !== name) throw this.damaged(`page ${p.id} changed under us`);
      yield { key: Buffer.from(kv.key), value: Buffer.from(kv.value) };
    }
  }
};

// src/recovery/verify.ts
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
async function verifyRecovery(deps) {
  const { plan: plan2, cluster, observed } = deps;
  const checks = [];
  const etcdTouched = plan2.cases.some((c) => c !== "cert-loss");
  const etcdGroup = plan2.removedHosts?.length ? `the inventory's [etcd] without ${plan2.removedHosts.join(", ")}` : "the inventory's [etcd]";
  checks.push(
    await check("members healthy", async () => {
      const health = await cluster.endpointHealth();
      const sick = health.filter((h) => !h.healthy);
      return sick.length === 0 ? passed("members healthy", `${health.length} endpoints healthy`) : failed(
        "members healthy",
        sick.map((h) => `${h.endpoint}: ${h.error ?? "unhealthy"}`).join("; ")
      );
    })
  );
  checks.push(
    await check("member count", async () => {
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
    })
  );
  const minRevision = plan2.expect.minRevision ?? observed.snapshot?.revision;
  checks.push(
    await check("revision", async () => {
      if (minRevision === void 0) {
        return skipped("revision", "no snapshot was restored, so no revision to compare with");
      }
      const { statuses } = await cluster.endpointStatus();
      const revision = Math.max(...statuses.map((s) => s.revision));
      return revision >= minRevision ? passed("revision", "not behind the snapshot", `\u2265 ${minRevision}`, String(revision)) : failed(
        "revision",
        "the cluster is behind the snapshot it was restored from",
        `\u2265 ${minRevision}`,
        String(revision)
      );
    })
  );
  let comparedAt;
  checks.push(
    await check("keyspace", async () => {
      if (!etcdTouched || plan2.source.kind === "none") {
        return skipped(
          "keyspace",
          "no snapshot was restored: the keyspace is the running cluster\u2019s own"
        );
      }
      const restore2 = plan2.steps.find(
        (st) => st.action === "restore-snapshot"
      );
      const bump = restore2?.params.bumpRevision ?? 0;
      if (restore2) {
        const content = await snapshotContentCheck(deps, restore2, bump);
        if (content) {
          comparedAt = content.revision;
          return content.check;
        }
      }
      if (plan2.expect.fingerprint) return fullKeyspaceCheck(cluster, plan2.expect.fingerprint, bump);
      if (plan2.expect.hashKV) return hashKVCheck(cluster, plan2.expect.hashKV, bump);
      return skipped(
        "keyspace",
        observed.snapshot ? `the staged snapshot from survivor ${observed.snapshot.node} is gone, and a survivor has no key hash to compare with; revision checked instead` : "the staged snapshot is gone, and the backup manifest has no key hash or fingerprint"
      );
    })
  );
  checks.push(
    await check("members agree", async () => {
      if (comparedAt === void 0 || cluster.options.endpoints.length < 2) {
        return skipped(
          "members agree",
          comparedAt === void 0 ? "no keyspace compared with a restored snapshot" : "one member: nothing to compare"
        );
      }
      const hashes = await cluster.hashKV(comparedAt);
      const compactions = new Set(hashes.map((h) => h.compactRevision));
      if (compactions.size > 1) {
        return skipped(
          "members agree",
          `members compacted at different revisions (${[...compactions].join(", ")}): their HashKV cannot compare`
        );
      }
      const byHash = /* @__PURE__ */ new Map();
      for (const h of hashes) byHash.set(h.hash, [...byHash.get(h.hash) ?? [], h.endpoint]);
      const seen = [...byHash].map(([hash, eps]) => `${eps.join(", ")}: ${hash}`).join("; ");
      return byHash.size === 1 ? passed(
        "members agree",
        `every member's HashKV at revision ${comparedAt} is the same (${hashes.length} members)`
      ) : failed(
        "members agree",
        `members hold different data at revision ${comparedAt}; the keyspace check read only one of them`,
        "one HashKV on every member",
        seen
      );
    })
  );
  checks.push(
    await check("certificates", async () => {
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
    })
  );
  checks.push(...await kubernetesChecks(deps));
  return { ok: checks.every((c) => c.status !== "failed"), checks };
}
async function compareFiles(files, transportFor) {
  const wrong = [];
  const byNode = /* @__PURE__ */ new Map();
  for (const f of files) byNode.set(f.node, [...byNode.get(f.node) ?? [], f]);
  for (const [node, list2] of byNode) {
    const t = await transportFor(node);
    const res = await t.exec(["stat", "-c", "%a %u %g %F", "--", ...list2.map((f) => f.path)], {
      allowFailure: true,
      timeoutMs: 3e4
    });
    const lines = res.stdout.split("\n").filter(Boolean);
    if (lines.length !== list2.length) {
      wrong.push(
        `${node}: ${list2.length - lines.length} restored paths missing (${res.stderr.trim().split("\n")[0]})`
      );
      continue;
    }
    list2.forEach((f, i) => {
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
    return [skipped("API ready", why), skipped("nodes Ready", why)];
  }
  const kubectl2 = ["kubectl", `--kubeconfig=${kubeconfig}`];
  const ready = await check("API ready", async () => {
    const deadline = Date.now() + 18e4;
    let last = "";
    for (; ; ) {
      const r = await t.exec([...kubectl2, "get", "--raw=/readyz"], {
        allowFailure: true,
        timeoutMs: 3e4
      });
      if (r.code === 0 && r.stdout.trim() === "ok")
        return passed("API ready", "/readyz answered ok");
      last = (r.stdout + r.stderr).trim().slice(-300);
      if (Date.now() > deadline)
        return failed("API ready", `/readyz did not answer ok within 180 s: ${last}`);
      await new Promise((r2) => setTimeout(r2, 2e3));
    }
  });
  const nodes = await check("nodes Ready", async () => {
    const r = await t.exec([...kubectl2, "get", "nodes", "-o", "json"], { timeoutMs: 3e4 });
    const items = JSON.parse(r.stdout).items;
    const notReady = items.filter(
      (n) => !n.status.conditions.some((c) => c.type === "Ready" && c.status === "True")
    );
    return notReady.length === 0 ? passed("nodes Ready", `${items.length} nodes Ready`) : failed("nodes Ready", `not Ready: ${notReady.map((n) => n.metadata.name).join(", ")}`);
  });
  return [ready, nodes];
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
async function snapshotContentCheck(deps, restore2, bump) {
  const { cluster, plan: plan2 } = deps;
  const remote = await deps.observed.stagedPath?.(restore2.node, restore2.params.snapshot) ?? restore2.params.snapshot;
  const t = await deps.transportFor(restore2.node);
  const there = await t.exec(["test", "-r", remote], { allowFailure: true, timeoutMs: 15e3 });
  if (there.code !== 0) return void 0;
  const dir = await mkdtemp3(join7(tmpdir3(), "kube-rescue-verify-"));
  try {
    var _stack = [];
    try {
      const local = join7(dir, "snapshot.db");
      await pipeline4(t.readFile(remote), createWriteStream2(local, { mode: 384 }));
      const snap = __using(_stack, await SnapshotKeyspace.open(local), true);
      const pairs = snap.pairs();
      const first = await pairs.next();
      const expected = (async function* () {
        if (first.done) return;
        yield first.value;
        yield* pairs;
      })();
      const revision = snap.revision + bump;
      const at_ = (check2) => ({ check: check2, revision });
      const at3 = { revision: 0 };
      const actual = pagedPairs(
        (from, limit, rev) => cluster.getPage(from, limit, rev || void 0),
        { revision, pageSize: 5e3 },
        `etcd via node ${cluster.node}`,
        at3
      );
      const cmp = await compareKeyspaces(expected, actual);
      const source = `the snapshot restored on ${restore2.node} (${remote})`;
      const want = `${cmp.expected.count} keys / ${cmp.expected.sha256.slice(0, 12)}`;
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
      if (fp && (fp.count !== cmp.expected.count || fp.sha256 !== cmp.expected.sha256)) {
        return at_(
          failed(
            "keyspace",
            `the cluster equals ${source}, but that file is not the keyspace the backup manifest fingerprinted`,
            `${fp.count} keys / ${fp.sha256.slice(0, 12)} (manifest)`,
            want
          )
        );
      }
      return at_(
        passed(
          "keyspace",
          `every key and value (${cmp.actual.count} keys) at revision ${revision} equals ${source}${bump ? `, revision bumped by ${bump}` : ""}${fp ? "; the file matches the manifest fingerprint" : ""}`,
          want,
          got
        )
      );
    } catch (_) {
      var _error = _, _hasError = true;
    } finally {
      var _promise = __callDispose(_stack, _error, _hasError);
      _promise && await _promise;
    }
  } finally {
    await rm5(dir, { recursive: true, force: true });
  }
}

// src/commands/plan.ts
function clusterNameOf2(inventory) {
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
function planInventoryOf(inventory) {
  const cpGroup = [...inventory.groups.keys()].find((g) => g.startsWith("broken_kube"));
  return {
    hosts: [...inventory.hosts.keys()],
    nodeNames: kubernetesNodeNames(inventory),
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
    () => checkSignature(opts.backup, { trustedSigners: opts.trustedSigners })
  ) : void 0;
  if (signed) reportSignature(signed.check, ctx);
  const backup2 = opts.backup ? await ctx.progress.phase(
    `Read backup set ${opts.backup}`,
    () => BackupSource.open(opts.backup, opts.identityFiles)
  ) : void 0;
  requireSignedManifest(signed, backup2, { trustedSigners: opts.trustedSigners });
  const transports = opts.transportFor ? { transportFor: opts.transportFor, close: async () => {
  } } : openNodeTransports(inventory, opts.access);
  try {
    const health = await ctx.progress.phase(
      "Probe the cluster",
      () => probeCluster(inventory, transports.transportFor, opts.access, {
        progress: ctx.progress,
        goneHosts: removeHosts
      })
    );
    const kubectlOn = removeHosts.length > 0 ? await ctx.progress.phase(
      "Look for kubectl on the control plane",
      () => controlPlaneWithKubectl(inventory, health, removeHosts, transports.transportFor)
    ) : [];
    const plan2 = buildPlan(
      planInventory,
      { ...health, clusterName: clusterNameOf2(inventory), kubectlOn },
      backup2?.summary(),
      {
        strategy: opts.strategy,
        force: opts.force,
        now: opts.now ?? /* @__PURE__ */ new Date(),
        haveIdentity: opts.identityFiles.length > 0,
        preferBackupSnapshot: opts.preferBackupSnapshot,
        removeHosts,
        ...opts.bumpRevision !== void 0 ? { bumpRevision: opts.bumpRevision } : {}
      }
    );
    const objects = await ctx.progress.phase(
      "Check the backup objects the plan reads",
      () => checkPlanObjects(plan2, backup2)
    );
    const preflight2 = signed ? { signature: signed.check, signatureText: describeSignature(signed.check), objects } : void 0;
    for (const o of objects) {
      ctx.progress.info(
        `${o.name}: present, ${o.bytes} bytes as the manifest says${o.encrypted ? ", the identity given opens it" : ""}.`
      );
    }
    return { plan: plan2, health, inventory, backup: backup2, preflight: preflight2, ...transports };
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
async function plan(opts, ctx) {
  const prepared = await preparePlan(opts, ctx);
  await prepared.close();
  return {
    plan: prepared.plan,
    health: prepared.health,
    ...prepared.preflight ? { preflight: prepared.preflight } : {}
  };
}

// src/commands/rehearse.ts
import { writeFile as writeFile9 } from "node:fs/promises";

// harness/kind-provider.ts
import { mkdir as mkdir4, readdir as readdir6, readFile as readFile9, rm as rm10, writeFile as writeFile5 } from "node:fs/promises";
import { tmpdir as tmpdir7 } from "node:os";
import { join as join15 } from "node:path";
import { stringify as stringify2 } from "yaml";

// harness/cleanup.ts
import { randomBytes as randomBytes5 } from "node:crypto";
import { mkdtemp as mkdtemp4, readdir as readdir4, readFile as readFile5, rm as rm6, writeFile as writeFile3 } from "node:fs/promises";
import { hostname as hostname2, tmpdir as tmpdir4 } from "node:os";
import { join as join8 } from "node:path";

// harness/docker-cli.ts
import { spawn as spawn3 } from "node:child_process";
function dockerBinary() {
  return process.env.KUBE_RESCUE_DOCKER ?? "docker";
}
function docker(args, opts = {}) {
  return runCommand(dockerBinary(), args, opts);
}
function runCommand(file, args, opts = {}) {
  return new Promise((resolve4, reject) => {
    const child = spawn3(file, args, { stdio: ["pipe", "pipe", "pipe"] });
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
        resolve4(result);
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
var TEMP_PREFIX2 = "kube-rescue-cluster-";
function ownerId() {
  return `${hostname2()}:${process.pid}`;
}
function runLabels(runId) {
  return { [RUN_LABEL]: runId, [OWNER_LABEL]: ownerId() };
}
function ownerIsGone(owner) {
  if (!owner) return true;
  const i = owner.lastIndexOf(":");
  const host = owner.slice(0, i);
  const pid = Number(owner.slice(i + 1));
  if (host !== hostname2() || !Number.isInteger(pid) || pid <= 0) return false;
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
  for (const entry of await readdir4(tmpdir4())) {
    if (!entry.startsWith(TEMP_PREFIX2)) continue;
    const dir = join8(tmpdir4(), entry);
    const owner = await readFile5(join8(dir, "owner"), "utf8").catch(() => void 0);
    if (owner !== void 0 && ownerIsGone(owner.trim())) {
      await rm6(dir, { recursive: true, force: true });
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
  const runId = `${Date.now().toString(36)}${randomBytes5(2).toString("hex")}`;
  const workDir = await mkdtemp4(join8(tmpdir4(), `${TEMP_PREFIX2}${runId}-`));
  await writeFile3(join8(workDir, "owner"), ownerId());
  return { runId, name: `kube-rescue-${runId}`, workDir };
}

// harness/local-provider.ts
import { mkdir as mkdir3, readFile as readFile8, rm as rm9, writeFile as writeFile4 } from "node:fs/promises";
import { join as join14 } from "node:path";
import { Readable as Readable4 } from "node:stream";

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
  const text4 = `${r.stdout}${r.stderr}`.trim();
  const healthy = r.code === 0 && /is healthy/.test(text4);
  return healthy ? { endpoint, healthy } : { endpoint, healthy, error: text4 };
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
import { spawn as spawn4 } from "node:child_process";
import { createHash as createHash7 } from "node:crypto";
import { existsSync, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { mkdtemp as mkdtemp5, realpath, rm as rm8 } from "node:fs/promises";
import { tmpdir as tmpdir6 } from "node:os";
import { join as join11 } from "node:path";

// harness/image-build.ts
import { createHash as createHash6 } from "node:crypto";
import { createReadStream } from "node:fs";
import { open as open4, readFile as readFile6, rm as rm7, stat as stat5 } from "node:fs/promises";
import { tmpdir as tmpdir5 } from "node:os";
import { join as join9 } from "node:path";
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
  const lock = join9(tmpdir5(), `kube-rescue-${key}.lock`);
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (; ; ) {
    try {
      const handle = await open4(lock, "wx", 420);
      await handle.writeFile(ownerId());
      await handle.close();
      break;
    } catch (err) {
      if (err.code !== "EEXIST") throw err;
      const owner = (await readFile6(lock, "utf8").catch(() => "")).trim();
      if (owner && ownerIsGone(owner)) {
        await rm7(lock, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new OperationError(
          `Waited ${timeoutMs / 6e4} min for another process (${owner || "unknown"}) to build ${what}; remove ${lock} if no build is running.`
        );
      }
      if (!told) {
        progress.info(`another process (${owner}) is building ${what}; waiting for it`);
        told = true;
      }
      await new Promise((r) => setTimeout(r, 2e3));
    }
  }
  try {
    return await work();
  } finally {
    await rm7(lock, { force: true });
  }
}
var fileHashes = /* @__PURE__ */ new Map();
async function fileSha256(path) {
  const s = await stat5(path);
  const key = `${path}\0${s.size}\0${s.mtimeMs}`;
  let hash = fileHashes.get(key);
  if (!hash) {
    hash = new Promise((resolve4, reject) => {
      const h = createHash6("sha256");
      createReadStream(path).on("data", (b) => h.update(b)).on("error", reject).on("end", () => resolve4(h.digest("hex")));
    });
    fileHashes.set(key, hash);
  }
  return hash;
}

// harness/tools.ts
import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { homedir as homedir2 } from "node:os";
import { join as join10 } from "node:path";
var ETCD_VERSIONS = ["3.4", "3.5", "3.6"];
var DEFAULT_ETCD_VERSION = "3.6";
function parseEtcdVersion(value, where = "--etcd-version") {
  const v = value.trim().replace(/^v/, "");
  if (ETCD_VERSIONS.includes(v)) return v;
  throw new InputError(
    `Invalid ${where} "${value}". Expected one of: ${ETCD_VERSIONS.join(", ")} (an etcd minor version).`
  );
}
function toolModuleOf(version) {
  return `etcd-${version}`;
}
function toolsCacheDir(env = process.env) {
  const root = env.KUBE_RESCUE_CACHE || join10(env.XDG_CACHE_HOME || join10(homedir2(), ".cache"), "kube-rescue");
  return join10(root, "tools");
}
async function isExecutable(path) {
  return access(path, constants.X_OK).then(
    () => true,
    () => false
  );
}
async function builtEtcdTools(version, env = process.env) {
  const module = toolModuleOf(version);
  const binDir = join10(toolsCacheDir(env), module, "bin");
  const tools = {
    version,
    binDir,
    etcd: join10(binDir, "etcd"),
    etcdctl: join10(binDir, "etcdctl"),
    etcdutl: join10(binDir, "etcdutl")
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
  return createHash7("sha256").update(JSON.stringify({ RECIPE_VERSION, SUITE, variant: "minbase", PACKAGES, FINISH_SCRIPT })).digest("hex").slice(0, 12);
}
function nodeImageTag() {
  return `${NODE_IMAGE_REPOSITORY}:${nodeImageRecipeHash()}`;
}
function debianMirrorFromAptSources(root = "/etc/apt") {
  const sourcesDir = join11(root, "sources.list.d");
  const deb822 = existsSync(sourcesDir) ? readdirSync(sourcesDir).filter((f) => f.endsWith(".sources")).sort().map((f) => readFileSync2(join11(sourcesDir, f), "utf8")) : [];
  for (const text4 of deb822) {
    const found = mirrorFromDeb822(text4);
    if (found) return found;
  }
  const listFiles = [join11(root, "sources.list")];
  if (existsSync(sourcesDir)) {
    for (const f of readdirSync(sourcesDir).sort()) {
      if (f.endsWith(".list")) listFiles.push(join11(sourcesDir, f));
    }
  }
  for (const file of listFiles) {
    if (!existsSync(file)) continue;
    const found = mirrorFromOneLineStyle(readFileSync2(file, "utf8"));
    if (found) return found;
  }
  return void 0;
}
function mirrorFromDeb822(text4) {
  for (const stanza of text4.split(/\n\s*\n/)) {
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
function mirrorFromOneLineStyle(text4) {
  for (const raw of text4.split("\n")) {
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
  const work = await mkdtemp5(join11(tmpdir6(), "kube-rescue-image-"));
  const rootfs = join11(work, "rootfs");
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
    await rm8(work, { recursive: true, force: true });
  }
}
async function importRootfs(asRoot, rootfs, tag) {
  const tar = spawn4(...asRoot("tar", ["-C", rootfs, "--numeric-owner", "-c", "."]), {
    stdio: ["ignore", "pipe", "pipe"]
  });
  const tarErr = [];
  tar.stderr.on("data", (b) => tarErr.push(b));
  const tarDone = new Promise((resolve4) => tar.on("close", (c) => resolve4(c ?? -1)));
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
  return createHash7("sha256").update(
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
  return i < 0 ? void 0 : `etcd${i + 1}`;
}
function kubeNodes(t) {
  const workers = t.nodes.filter((n) => n.roles.includes("worker"));
  return workers.length > 0 ? workers : controlPlaneNodes(t);
}

// harness/inventory-file.ts
function renderKubesprayInventory(t, ipOf, header2) {
  const lines = [`# ${header2}`, "[all]"];
  for (const n of t.nodes) lines.push(`${n.name} ansible_host=${ipOf(n.name)} ip=${ipOf(n.name)}`);
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
function renderDockerExecInventory(nodes, header2) {
  const lines = [`# ${header2}`, "[all]"];
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
import { readdir as readdir5, readFile as readFile7 } from "node:fs/promises";
import { join as join13 } from "node:path";
import { pack } from "tar-stream";
import { stringify } from "yaml";

// harness/pki.ts
import { mkdir as mkdir2 } from "node:fs/promises";
import { join as join12 } from "node:path";
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
async function makeEtcdPki(dir, etcdHosts2, k8sHosts) {
  await mkdir2(dir, { recursive: true, mode: 448 });
  const ca = await makeCertificateAuthority(
    join12(dir, "ca.pem"),
    join12(dir, "ca-key.pem"),
    "/CN=etcd-ca"
  );
  const sansOf = (h) => [
    `DNS:${h.name}`,
    "DNS:localhost",
    `IP:${h.ip}`,
    "IP:127.0.0.1"
  ];
  const tasks = [];
  for (const h of etcdHosts2) {
    for (const kind of ["member", "admin"]) {
      tasks.push(
        () => issueCertificate(ca, {
          certPath: join12(dir, `${kind}-${h.name}.pem`),
          keyPath: join12(dir, `${kind}-${h.name}-key.pem`),
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
        certPath: join12(dir, `node-${h.name}.pem`),
        keyPath: join12(dir, `node-${h.name}-key.pem`),
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
  await mkdir2(dir, { recursive: true, mode: 448 });
  await mkdir2(kubeconfigClientDir(dir), { recursive: true, mode: 448 });
  const ca = await makeCertificateAuthority(
    join12(dir, "ca.crt"),
    join12(dir, "ca.key"),
    "/CN=kubernetes"
  );
  const frontProxyCa = await makeCertificateAuthority(
    join12(dir, "front-proxy-ca.crt"),
    join12(dir, "front-proxy-ca.key"),
    "/CN=front-proxy-ca"
  );
  await Promise.all([
    issueCertificate(frontProxyCa, {
      certPath: join12(dir, "front-proxy-client.crt"),
      keyPath: join12(dir, "front-proxy-client.key"),
      subject: "/CN=front-proxy-client",
      usage: "client"
    }),
    issueCertificate(ca, {
      certPath: join12(dir, "apiserver-kubelet-client.crt"),
      keyPath: join12(dir, "apiserver-kubelet-client.key"),
      subject: "/O=system:masters/CN=kube-apiserver-kubelet-client",
      usage: "client"
    }),
    makeServiceAccountKeyPair(join12(dir, "sa.key"), join12(dir, "sa.pub")),
    ...KUBECONFIG_USERS.map(
      (u) => issueCertificate(ca, {
        certPath: join12(kubeconfigClientDir(dir), `${u.file}.crt`),
        keyPath: join12(kubeconfigClientDir(dir), `${u.file}.key`),
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
  await mkdir2(outDir, { recursive: true, mode: 448 });
  await issueCertificate(k8s.ca, {
    certPath: join12(outDir, "apiserver.crt"),
    keyPath: join12(outDir, "apiserver.key"),
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
  const b642 = async (path) => (await readFile7(path)).toString("base64");
  const ca = await b642(k8sPki.ca.certPath);
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
            "client-certificate-data": await b642(join13(dir, `${u.file}.crt`)),
            "client-key-data": await b642(join13(dir, `${u.file}.key`))
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
  for (const name of (await readdir5(hostDir)).sort()) {
    if (!keep(name)) continue;
    const secret = name.endsWith("-key.pem") || name.endsWith(".key");
    out.push({
      path: `${nodeDir}/${name}`,
      type: "file",
      content: await readFile7(join13(hostDir, name)),
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
    const kubeconfigs2 = await renderKubeconfigs(k8sPki, `https://${c.ipOf(node.name)}:6443`);
    for (const [name, text4] of Object.entries(kubeconfigs2)) {
      files.push({ path: `/etc/kubernetes/${name}`, type: "file", content: text4, mode: 384 });
    }
    files.push({ path: KUBESPRAY_PATHS.manifestsDir, type: "directory", mode: 493 });
    for (const [name, text4] of Object.entries(renderStaticPodManifests(c, node.name))) {
      files.push({
        path: `${KUBESPRAY_PATHS.manifestsDir}/${name}`,
        type: "file",
        content: text4,
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
  const ids = (await docker(["network", "ls", "-q"])).stdout.split("\n").filter(Boolean);
  if (ids.length === 0) return /* @__PURE__ */ new Set();
  const out = await docker([
    "network",
    "inspect",
    "--format",
    "{{range .IPAM.Config}}{{.Subnet}} {{end}}",
    ...ids
  ]);
  return new Set(out.stdout.split(/\s+/).filter(Boolean));
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
  loaded ??= import("testcontainers");
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
async function waitForBoot(containerName, node) {
  const deadline = Date.now() + 6e4;
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
    `Node ${node} (container ${containerName}) did not finish booting in 60 s (systemd state "${state}"). Look at \`docker logs ${containerName}\`.`
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
  return { key: await readFile8(path), pub: (await readFile8(`${path}.pub`, "utf8")).trim() };
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
  constructor(run2, nodes, inventoryPath, sshKeyPath, knownHostsPath, etcdEndpoints, tls, startupSeconds) {
    this.run = run2;
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
      join14(this.run.workDir, "ssh", `host-${name}-${Date.now()}`),
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
    if (workDir) await rm9(workDir, { recursive: true, force: true });
  } finally {
    untrackLiveRun(runId);
  }
}
function containerNameOf(run2, node) {
  return `${run2.name}-${node}`;
}
async function startNode(run2, spec, ip, files) {
  const containerName = containerNameOf(run2, spec.name);
  await startNodeContainer({
    image: run2.image,
    containerName,
    hostname: spec.name,
    network: run2.network.name,
    ip,
    labels: { ...runLabels(run2.runId), "kube-rescue.harness.node": spec.name },
    files: Readable4.from([await nodeFilesArchive(files)])
  });
  await waitForBoot(containerName, spec.name);
}
async function writeKnownHosts(path, nodes, hostKeys) {
  const lines = nodes.map((n) => {
    const [type, key] = hostKeys.get(n.name).pub.split(" ");
    return `${n.ip},${n.name} ${type} ${key}`;
  });
  await writeFile4(path, `${lines.join("\n")}
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
    await mkdir3(join14(workDir, "ssh"), { mode: 448 });
    const sshKeyPath = join14(workDir, "ssh", "id_ed25519");
    const [clientKey, hostKeyList, etcdPki, k8sPki] = await Promise.all([
      makeSshKey(sshKeyPath, `kube-rescue-harness-${ctx.runId}`),
      Promise.all(
        t.nodes.map((n) => makeSshKey(join14(workDir, "ssh", `host-${n.name}`), `root@${n.name}`))
      ),
      makeEtcdPki(join14(workDir, "pki", "etcd"), etcdAddressing, addressing),
      makeKubernetesPki(join14(workDir, "pki", "kubernetes"))
    ]);
    const hostKeys = new Map(t.nodes.map((n, i) => [n.name, hostKeyList[i]]));
    const run2 = {
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
        const apiserverDir = n.roles.includes("control-plane") ? join14(workDir, "pki", `apiserver-${n.name}`) : void 0;
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
        await startNode(run2, n, ips.get(n.name), files);
        progress.debug(`node ${n.name} booted at ${ips.get(n.name)}`);
      })
    );
    await Promise.all(
      etcdNodes(t).map((n) => containerSh(containerNameOf(run2, n.name), START_ETCD))
    );
    const knownHostsPath = join14(workDir, "ssh", "known_hosts");
    await writeKnownHosts(knownHostsPath, addressing, hostKeys);
    const inventoryPath = join14(workDir, "hosts.ini");
    await writeFile4(
      inventoryPath,
      renderKubesprayInventory(
        t,
        addressed.ipOf,
        `Kubespray inventory of harness cluster ${ctx.name} (topology ${t.name})`
      )
    );
    const firstEtcd = etcdNodes(t)[0].name;
    const etcdDir = join14(workDir, "pki", "etcd");
    const tls = {
      cacert: join14(etcdDir, "ca.pem"),
      cert: join14(etcdDir, `admin-${firstEtcd}.pem`),
      key: join14(etcdDir, `admin-${firstEtcd}-key.pem`)
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
        containerNameOf(run2, n.name),
        paths
      )
    );
    const startupSeconds = (Date.now() - ctx.t0) / 1e3;
    progress.info(
      `cluster ${ctx.name} (etcd ${ctx.etcdVersion}) healthy in ${startupSeconds.toFixed(1)} s`
    );
    return new LocalCluster(
      run2,
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
  constructor(name, ip, roles, etcdMemberName2, provider) {
    this.name = name;
    this.ip = ip;
    this.roles = roles;
    this.etcdMemberName = etcdMemberName2;
    this.provider = provider;
  }
  name;
  ip;
  roles;
  etcdMemberName;
  provider;
  get containerName() {
    return this.name;
  }
  transport(kind = "docker") {
    if (kind === "ssh") {
      throw new OperationError(
        `${this.provider} node ${this.name} has no sshd; use the docker transport for ${this.provider} clusters.`
      );
    }
    return openNodeTransport("docker", {
      node: this.name,
      containerName: this.name,
      address: this.ip,
      sshKeyPath: "",
      knownHostsPath: ""
    });
  }
  sh(script, options) {
    return containerSh(this.name, script, options);
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
    await rm10(this.workDir, { recursive: true, force: true });
  }
  async [Symbol.asyncDispose]() {
    await this.stop();
  }
};
async function removeKindLeftovers(progress) {
  const clusters = (await runCommand(kindBinary(), ["get", "clusters"], { allowFailure: true })).stdout.split("\n").filter((c) => c.startsWith("kube-rescue-"));
  if (clusters.length === 0) return;
  const dirs = (await readdir6(tmpdir7())).filter((d) => d.startsWith(TEMP_PREFIX2));
  for (const c of clusters) {
    const runId = c.slice("kube-rescue-".length);
    const dir = dirs.find((d) => d.startsWith(`${TEMP_PREFIX2}${runId}-`));
    const owner = dir ? (await readFile9(join15(tmpdir7(), dir, "owner"), "utf8").catch(() => "")).trim() : "";
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
      const configPath = join15(workDir, "kind.yaml");
      await writeFile5(configPath, config);
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
            join15(workDir, "kubeconfig"),
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
      const pkiDir = join15(workDir, "pki");
      await mkdir4(pkiDir, { mode: 448 });
      for (const f of ["ca.crt", "healthcheck-client.crt", "healthcheck-client.key"]) {
        await docker(["cp", `${controlPlanes[0].name}:${KUBEADM_ETCD_PKI}/${f}`, join15(pkiDir, f)]);
      }
      const tls = {
        cacert: join15(pkiDir, "ca.crt"),
        cert: join15(pkiDir, "healthcheck-client.crt"),
        key: join15(pkiDir, "healthcheck-client.key")
      };
      const etcdEndpoints = controlPlanes.map((n) => `https://${n.ip}:2379`);
      await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 12e4 });
      const kindTopology = {
        name: t.name,
        nodes: nodes.map((n) => ({ name: n.name, roles: [...n.roles] }))
      };
      const inventoryPath = join15(workDir, "hosts.ini");
      await writeFile5(inventoryPath, renderKindInventory(nodes, name));
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
      await rm10(workDir, { recursive: true, force: true });
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

// harness/rehearsal.ts
import { createHash as createHash11 } from "node:crypto";
import { mkdir as mkdir8, writeFile as writeFile8 } from "node:fs/promises";
import { join as join20 } from "node:path";

// src/commands/restore.ts
import { dirname as dirname6, join as join16 } from "node:path";

// src/recovery/journal.ts
import { createHash as createHash8 } from "node:crypto";
import { mkdir as mkdir5, open as open5, readFile as readFile10 } from "node:fs/promises";
import { dirname as dirname5 } from "node:path";
function planHash(plan2) {
  return createHash8("sha256").update(canonicalJson(plan2)).digest("hex").slice(0, 16);
}
var Journal = class _Journal {
  constructor(path, entries) {
    this.path = path;
    this.entries = entries;
  }
  path;
  entries;
  /** Reads the journal at `path` (absent = empty). A torn last line from a crash is ignored. */
  static async open(path) {
    let text4 = "";
    try {
      text4 = await readFile10(path, "utf8");
    } catch (err) {
      if (err.code !== "ENOENT") {
        throw new InputError(`Cannot read the journal ${path}: ${err.message}`);
      }
    }
    const lines = text4.split("\n").filter((l) => l.trim() !== "");
    const entries = [];
    lines.forEach((line, i) => {
      try {
        entries.push(JSON.parse(line));
      } catch {
        if (i !== lines.length - 1) {
          throw new InputError(
            `Journal ${path}, line ${i + 1} is not JSON: it was edited or damaged. Move it aside to start a fresh plan.`
          );
        }
      }
    });
    return new _Journal(path, entries);
  }
  /** The last plan that was begun and never finished: the one a re-run must resume. */
  unfinished() {
    const last = this.entries.findLast((e) => e.type === "plan");
    if (last?.type !== "plan") return void 0;
    if (this.entries.some((e) => e.type === "finished" && e.hash === last.hash)) return void 0;
    return { hash: last.hash, plan: last.plan };
  }
  completed(hash) {
    return new Set(
      this.entries.flatMap((e) => e.type === "step-done" && e.hash === hash ? [e.step] : [])
    );
  }
  /** Steps that started but never completed: a crash hit them midway. */
  interrupted(hash) {
    const done = this.completed(hash);
    return [
      ...new Set(
        this.entries.flatMap(
          (e) => e.type === "step-started" && e.hash === hash && !done.has(e.step) ? [e.step] : []
        )
      )
    ];
  }
  async begin(plan2) {
    const hash = planHash(plan2);
    const current = this.unfinished();
    if (current?.hash === hash) return hash;
    await this.append({ type: "plan", hash, at: (/* @__PURE__ */ new Date()).toISOString(), plan: plan2 });
    return hash;
  }
  stepStarted(hash, step) {
    return this.append({ type: "step-started", hash, at: (/* @__PURE__ */ new Date()).toISOString(), step });
  }
  stepDone(hash, step, ms, detail) {
    return this.append({ type: "step-done", hash, at: (/* @__PURE__ */ new Date()).toISOString(), step, ms, detail });
  }
  stepFailed(hash, step, ms, error) {
    return this.append({
      type: "step-failed",
      hash,
      at: (/* @__PURE__ */ new Date()).toISOString(),
      step,
      ms,
      error
    });
  }
  finish(hash) {
    return this.append({ type: "finished", hash, at: (/* @__PURE__ */ new Date()).toISOString() });
  }
  /** Appends one line and fsyncs it: once this resolves, a crash cannot lose the record. */
  async append(entry) {
    try {
      await mkdir5(dirname5(this.path), { recursive: true, mode: 448 });
      const fh = await open5(this.path, "a", 384);
      try {
        await fh.write(`${JSON.stringify(entry)}
`);
        await fh.sync();
      } finally {
        await fh.close();
      }
    } catch (err) {
      throw new OperationError(
        `Cannot write the journal ${this.path}: ${err.message}. Without it a re-run could repeat steps; fix the path (--journal) and run again.`,
        { cause: err }
      );
    }
    this.entries.push(entry);
  }
};

// src/recovery/execute.ts
var RecordingRunner = class {
  recorded = [];
  async run(step) {
    this.recorded.push(step);
    return `would ${step.action} on ${step.node}`;
  }
};
var RecoveryStepError = class extends OperationError {
  constructor(message2, execution, options) {
    super(message2, options);
    this.execution = execution;
  }
  execution;
};
function batches(steps) {
  const out = [];
  for (const step of steps) {
    const last = out.at(-1);
    if (last && step.group !== void 0 && last[0].group === step.group) last.push(step);
    else out.push([step]);
  }
  return out;
}
async function executePlan(plan2, runner, options) {
  const t0 = Date.now();
  const { journal, progress } = options;
  const expected = planHash(plan2);
  const done = journal?.completed(expected) ?? /* @__PURE__ */ new Set();
  await runner.prepare?.(plan2.steps.filter((s) => !done.has(s.id)));
  const hash = journal ? await journal.begin(plan2) : expected;
  const interrupted = new Set(journal?.interrupted(hash) ?? []);
  const resumed = done.size > 0 || interrupted.size > 0;
  if (resumed) {
    progress.info(
      `Resuming plan ${hash} from ${journal.path}: ${done.size} of ${plan2.steps.length} steps were completed by an earlier run and are not repeated.`
    );
  }
  const results = new Map(
    plan2.steps.map((s) => [
      s.id,
      { id: s.id, action: s.action, node: s.node, status: "not-run", ms: 0 }
    ])
  );
  const runOne = async (step) => {
    const result = results.get(step.id);
    if (done.has(step.id)) {
      result.status = "done-before";
      progress.info(`${step.id}: completed by an earlier run, skipped`);
      return;
    }
    if (interrupted.has(step.id)) {
      progress.warn(
        `${step.id} was interrupted by the earlier run; running it again (each step checks what is already in place).`
      );
    }
    await journal?.stepStarted(hash, step.id);
    const started = Date.now();
    try {
      const detail = await progress.phase(
        `${step.id} on ${step.node}: ${step.reason}`,
        () => runner.run(step)
      );
      result.ms = Date.now() - started;
      result.status = "done";
      result.detail = detail;
      await journal?.stepDone(hash, step.id, result.ms, detail);
    } catch (err) {
      result.ms = Date.now() - started;
      result.status = "failed";
      result.error = err.message;
      await journal?.stepFailed(hash, step.id, result.ms, result.error);
      throw err;
    }
  };
  for (const batch of batches(plan2.steps)) {
    const outcomes = await Promise.allSettled(batch.map(runOne));
    const failed2 = outcomes.flatMap(
      (o, i) => o.status === "rejected" ? [[batch[i], o.reason]] : []
    );
    if (failed2.length > 0) {
      const [step, reason] = failed2[0];
      const others = failed2.length > 1 ? ` (and ${failed2.length - 1} more steps of the same group)` : "";
      const execution = {
        planHash: hash,
        resumed,
        steps: [...results.values()],
        ms: Date.now() - t0
      };
      throw new RecoveryStepError(
        `Step ${step.id} (${step.action} on ${step.node}) failed${others}: ${reason.message}
Undo if needed: ${step.undo}.
` + (journal ? `Fix the cause and run restore again: it resumes from this step (journal ${journal.path}, plan ${hash}).` : "Fix the cause and run again."),
        execution,
        { cause: reason }
      );
    }
  }
  await journal?.finish(hash);
  return { planHash: hash, resumed, steps: [...results.values()], ms: Date.now() - t0 };
}

// src/recovery/node-steps.ts
import { posix as posix5 } from "node:path";
import { PassThrough as PassThrough3 } from "node:stream";

// src/backup/archive-members.ts
import { posix as posix4 } from "node:path";
import tarStream from "tar-stream";
var hasControl = (s) => [...s].some((c) => c.charCodeAt(0) < 32 || c === "\x7F");
var S_ISUID = 2048;
var S_ISGID = 1024;
function canonicalRoot(p) {
  if (!p.startsWith("/") || hasControl(p)) return void 0;
  const n = posix4.normalize(p).replace(/\/+$/, "");
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
function checkArchiveMembers(headers, roots, where, notHeld) {
  const refuse = (name, why) => {
    throw new InputError(
      `${where}: member ${JSON.stringify(typeof name === "string" ? name : String(name))} ${why}. The whole archive is refused and nothing of it was extracted: the backup set was altered or not written by kube-rescue. Restore from another set (check it with 'kube-rescue verify').`
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
        const target = posix4.resolve(posix4.dirname(path), link);
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
    for (let dir = posix4.dirname(m.path); dir !== "/"; dir = posix4.dirname(dir)) {
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
  extract.on("entry", (header2, body, next) => {
    headers.push(header2);
    body.on("end", next);
    body.resume();
  });
  await new Promise((resolve4, reject) => {
    const fail = (err) => reject(
      err instanceof InputError ? err : new InputError(`${where} is not a readable tar archive (${err.message}).`, {
        cause: err
      })
    );
    extract.on("finish", resolve4);
    extract.on("error", fail);
    stream.on("error", (err) => reject(err));
    stream.pipe(extract);
  });
  return headers;
}

// src/recovery/node-steps.ts
var API_NOT_ANSWERING = /connection refused|was refused|unable to connect|i\/o timeout|TLS handshake timeout|EOF|ServiceUnavailable|currently unable to handle|etcdserver: request timed out|context deadline exceeded/i;
var sleep2 = (ms) => new Promise((r) => setTimeout(r, ms));
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
  member(host) {
    const m = this.byHost.get(host);
    if (!m) throw new OperationError(`Node ${host} is not an etcd member of the inventory.`);
    return m;
  }
  async ctl(host, endpoints) {
    const t = await this.deps.transportFor(host);
    return new EtcdCtl(t, {
      endpoints: endpoints ?? [this.member(host).clientURL],
      tls: clientTls(this.deps.access, this.deps.layout, host),
      progress: this.deps.progress
    });
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
      const backup2 = this.requireBackup(steps.find((s) => s.action === "fetch-snapshot"));
      try {
        await backup2.streamTo(object, async (plain) => {
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
      const backup2 = this.requireBackup(step);
      const object = step.params.from.object;
      const where = `${backup2.location}/${object}`;
      const headers = await backup2.streamTo(object, (plain) => readArchiveHeaders(plain, where));
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
    const backup2 = this.requireBackup(step);
    await backup2.streamTo(from.object, (plain) => target.writeFile(to, plain, { mode: 384 }));
    if (!this.observed.snapshot) {
      const status = await (await this.ctl(step.node)).snapshotStatus(to);
      this.observed.snapshot = {
        revision: status.revision,
        totalKey: status.totalKey,
        node: step.node
      };
    }
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
    await this.deps.layout.stopEtcd(t);
    return "etcd stopped; no etcd process left";
  }
  async startEtcd(step) {
    const t = await this.deps.transportFor(step.node);
    await this.deps.layout.startEtcd(t, { timeoutMs: this.deps.healthyTimeoutMs ?? 18e4 });
    return "etcd started";
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
    const list2 = await ctl.memberList();
    const live2 = list2.find((m) => m.id === step.params.memberId) ?? list2.find((m) => m.name === step.params.member);
    if (!live2) return `${step.params.member} is not a member (already removed)`;
    await ctl.memberRemove(live2.id);
    return `removed ${step.params.member} (id ${live2.id})`;
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
    const current = await t.exec(["cat", envFile], { allowFailure: true, timeoutMs: 15e3 });
    let text4 = current.code === 0 ? current.stdout : void 0;
    let origin = "its own";
    if (text4 === void 0) {
      const peer = step.params.templateFrom;
      if (!peer || peer === step.node) {
        throw new OperationError(
          `Node ${step.node} has no ${envFile} and no healthy peer to derive it from: restore the node's archive from a backup (--backup) and run again.`
        );
      }
      const pt = await this.deps.transportFor(peer);
      text4 = envForAnotherMember(
        (await pt.exec(["cat", envFile], { timeoutMs: 15e3 })).stdout,
        this.member(peer),
        this.member(step.node)
      );
      origin = `${peer}'s, adapted`;
    } else {
      await this.keepOriginal(t, envFile);
    }
    const next = setEnvKeys(text4, step.params.set);
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
      const current = await t.exec(["cat", path], { allowFailure: true, timeoutMs: 15e3 });
      if (current.code !== 0) continue;
      await this.keepOriginal(t, path);
      await t.writeFile(path, setManifestFlags(current.stdout, step.params.set, path), {
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
    const t = await this.deps.transportFor(step.node);
    const partial = `${p.dataDir}.interrupted-${stamp(/* @__PURE__ */ new Date())}`;
    await t.script(`if [ -e ${q(p.dataDir)} ]; then mv -- ${q(p.dataDir)} ${q(partial)}; fi`, {
      timeoutMs: 6e4
    });
    const ctl = await this.ctl(step.node);
    const r = await ctl.snapshotRestore({
      snapshot: await this.stagedPath(step.node, p.snapshot, false),
      dataDir: p.dataDir,
      name: p.member,
      initialCluster: p.initialCluster,
      initialClusterToken: p.initialClusterToken,
      initialAdvertisePeerUrls: [p.peerURL],
      bumpRevision: p.bumpRevision,
      markCompacted: p.markCompacted
    });
    const aside = `${p.dataDir}.${this.ts}`;
    await t.script(
      `if [ -e ${q(aside)} ]; then chown -R "$(stat -c %u:%g ${q(aside)})" ${q(p.dataDir)}; else u=$(systemctl show -p User --value etcd 2>/dev/null || true); if [ -n "$u" ] && id -u "$u" >/dev/null 2>&1; then chown -R "$u:$(id -gn "$u")" ${q(p.dataDir)}; fi; fi; chmod 700 ${q(p.dataDir)}`,
      { timeoutMs: 12e4 }
    );
    const bump = r.bumpedBy ? `, revision bumped by ${r.bumpedBy} and compacted` : r.bumpSkipped ? " (no revision bump: the tool cannot)" : "";
    return `${p.member} restored into ${p.dataDir} with ${r.tool}${bump}`;
  }
  async restoreCerts(step) {
    const t = await this.deps.transportFor(step.node);
    const from = step.params.from;
    if (from.kind === "backup") return this.restoreArchive(step, t, from.object);
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
    const listed = this.deps.backup.manifest.kubernetes.paths;
    const roots = archiveRoots(
      listed,
      this.deps.layout.backupPaths(node).map((p) => p.path)
    );
    return checkArchiveMembers(headers, roots, where, {
      paths: listed.filter((p) => !roots.includes(p)),
      layout: this.deps.layout.name
    });
  }
  /**
   * Verify, then extract, and only what belongs: the plaintext is staged in a private dir on
   * the node while the runner hashes it and reads every tar header; only when both hashes
   * match the manifest, every member passed checkArchiveMembers and the staged copy's sha256
   * on the node is the one checked, is the copy extracted, naming the checked roots to tar.
   */
  async restoreArchive(step, t, object) {
    const backup2 = this.requireBackup(step);
    const where = `${backup2.location}/${object}`;
    const expected = backup2.manifest.objects.find((o) => o.name === object)?.plaintextSha256;
    const dir = await this.makeStaging(t, step.node, "kube-rescue-archive.");
    const key = `${step.node}\0${dir}`;
    const staged = posix5.join(dir, "archive.tar");
    let checked;
    try {
      const headers = await backup2.streamTo(object, async (plain) => {
        const toNode = new PassThrough3();
        const toCheck = new PassThrough3();
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
      checked = this.checkMembers(step.node, headers, where);
      const sum = await t.exec(["sha256sum", "--", staged], { timeoutMs: 12e4 });
      const onNode = sum.stdout.trim().split(/\s+/)[0];
      if (onNode !== expected) {
        throw new OperationError(
          `Node ${step.node}: the staged copy of ${object} (${staged}) has sha256 ${onNode}, not the ${expected} checked while it streamed; nothing of it was extracted. Check the node's disk and run restore again.`
        );
      }
      const listed = await t.exec(
        ["env", "LC_ALL=C", "tar", "--quoting-style=escape", "-tf", staged],
        { timeoutMs: 12e4 }
      );
      const gnu = listed.stdout.split("\n").filter((l) => l !== "").map((l) => l.replace(/\/$/, ""));
      const ours = gnuTarNames(checked.members);
      const at3 = gnu.findIndex((n, i) => n !== ours[i]);
      if (gnu.length !== ours.length || at3 >= 0) {
        const i = at3 >= 0 ? at3 : Math.min(gnu.length, ours.length);
        throw new InputError(
          `${where}: GNU tar on node ${step.node} reads the archive differently from the member check (entry ${i + 1}: tar sees ${JSON.stringify(gnu[i] ?? "nothing")}, the check saw ${JSON.stringify(ours[i] ?? "nothing")}). The whole archive is refused and nothing of it was extracted: restore from another set (check it with 'kube-rescue verify').`
        );
      }
    } catch (err) {
      await this.removeStaging(t, step.node, dir, key);
      throw err;
    }
    await this.moveRootsAside(t, step.node, checked.roots);
    await t.exec(extractArgv(staged, checked.roots), { timeoutMs: 10 * 6e4 });
    await this.removeStaging(t, step.node, dir, key);
    const files = checked.members.map((m) => restoredFileOf(step.node, m));
    this.observed.restoredFiles.push(...files);
    if (files.some((f) => f.path.startsWith("/etc/systemd/"))) {
      await t.exec(["systemctl", "daemon-reload"], { timeoutMs: 6e4 });
    }
    return `${files.length} entries of ${object} put back with their modes and owners (hashes and every member checked first)`;
  }
  /**
   * Moves each of `roots` to `<root>.<plan stamp>` unless that aside copy exists already (made
   * by a move-aside step, or by this step before an interruption): the original is saved once
   * and never overwritten by a resumed run.
   */
  async moveRootsAside(t, node, roots) {
    const lines = roots.map((r) => {
      const to = `${r}.${this.ts}`;
      return `if { [ -e ${q(r)} ] || [ -L ${q(r)} ]; } && ! { [ -e ${q(to)} ] || [ -L ${q(to)} ]; }; then mv -- ${q(r)} ${q(to)} && echo ${q(`${r} \u2192 ${to}`)}; fi`;
    });
    if (lines.length === 0) return;
    const moved = (await t.script(lines.join("\n"), { timeoutMs: 6e4 })).stdout.trim();
    if (moved) this.deps.progress.info(`Node ${node}: moved aside ${moved.split("\n").join(", ")}`);
  }
  /** Copies `path` aside (keptCopyOf) before it is rewritten, once: never over an earlier copy. */
  async keepOriginal(t, path) {
    const aside = keptCopyOf(path, this.deps.layout.manifestsDir, this.ts);
    await t.script(
      `if [ -e ${q(aside)} ] || [ -L ${q(aside)} ]; then :; else cp -p -- ${q(path)} ${q(aside)}; fi`,
      { timeoutMs: 15e3 }
    );
  }
  /** A new private dir (mktemp -d, 0700) on the node, remembered for error messages. */
  async makeStaging(t, node, prefix) {
    const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${prefix}XXXXXX"`, {
      timeoutMs: 2e4
    });
    const dir = made.stdout.trim();
    if (!dir.startsWith("/") || !posix5.basename(dir).startsWith(prefix)) {
      throw new OperationError(`Node ${node}: mktemp -d printed '${dir}', not a directory path.`);
    }
    this.staged.set(`${node}\0${dir}`, { node, dir });
    return dir;
  }
  async removeStaging(t, node, dir, key) {
    await t.exec(["rm", "-rf", "--", dir], { timeoutMs: 6e4 });
    this.staged.delete(key);
    this.deps.progress.debug(`node ${node}: removed ${dir}`);
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
    return posix5.join(found, posix5.basename(planned));
  }
  async findStagingDir(t, node, dir, create) {
    const key = `${node}\0${dir.template}`;
    const known = this.staged.get(key);
    if (known) return known.dir;
    const stem = q(posix5.join(dir.parent, dir.prefix));
    const script = [
      `for d in ${stem}??????; do`,
      `  if [ -d "$d" ] && [ ! -L "$d" ] && [ "$(stat -c %u:%a -- "$d")" = "$(id -u):700" ]; then echo "$d"; exit 0; fi`,
      "done",
      create ? `mktemp -d ${stem}XXXXXX` : "echo none"
    ].join("\n");
    const out = (await t.script(script, { timeoutMs: 2e4 })).stdout.trim();
    if (out === "none") return void 0;
    if (!out.startsWith(posix5.join(dir.parent, dir.prefix)) || out.includes("\n")) {
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
      await sleep2(1e3);
    }
  }
  /** Restarts the kubelet, which restarts the static pods that read certificates and etcd. */
  async restartControlPlane(step) {
    const t = await this.deps.transportFor(step.node);
    const has = await t.exec(["systemctl", "cat", "kubelet.service"], {
      allowFailure: true,
      timeoutMs: 15e3
    });
    if (has.code !== 0) {
      return `no kubelet service on ${step.node}: nothing running there reads these files, so nothing to restart`;
    }
    await t.exec(["systemctl", "restart", "kubelet"], { timeoutMs: 12e4 });
    return `kubelet restarted (${step.params.reason})`;
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
      await sleep2(3e3);
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
var flagOf = (envKey) => `--${envKey.replace(/^ETCD_/, "").toLowerCase().replace(/_/g, "-")}`;
function setManifestFlags(manifest, set, where) {
  const lines = manifest.split("\n");
  const command = lines.findIndex((l) => /^\s*- etcd\s*$/.test(l));
  if (command < 0) {
    throw new OperationError(
      `${where} has no '- etcd' command entry: this is not a kubeadm etcd manifest kube-rescue can edit.`
    );
  }
  const indent2 = /^(\s*)-/.exec(lines[command])[1];
  const added = [];
  for (const [key, value] of Object.entries(set)) {
    const flag = flagOf(key);
    const at3 = lines.findIndex((l) => l.trimStart().startsWith(`- ${flag}=`));
    const line = `${indent2}- ${flag}=${value}`;
    if (at3 >= 0) lines[at3] = line;
    else added.push(line);
  }
  lines.splice(command + 1, 0, ...added);
  return lines.join("\n");
}
function setEnvKeys(text4, set) {
  const pending = new Map(Object.entries(set));
  const lines = text4.split("\n");
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
  const template = posix5.dirname(planned);
  if (!template.endsWith(".XXXXXX")) return void 0;
  return {
    template,
    parent: posix5.dirname(template),
    prefix: posix5.basename(template).slice(0, -"XXXXXX".length)
  };
}
function extractArgv(file, roots) {
  return [
    "tar",
    "-x",
    "-p",
    "--same-owner",
    "--numeric-owner",
    "--no-overwrite-dir",
    "--no-wildcards",
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

// src/report/plan.ts
var cell = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
function paramsText(step) {
  const p = step.params;
  const parts = [];
  for (const [k, v] of Object.entries(p)) {
    if (v === void 0) continue;
    if (k === "set" && v && typeof v === "object") {
      parts.push(
        Object.entries(v).map(([ek, ev]) => `${ek}=${ev}`).join(" ")
      );
    } else if (Array.isArray(v)) {
      parts.push(
        `${k}: ${v.map((x) => x && typeof x === "object" && "name" in x ? String(x.name) : String(x)).join(", ")}`
      );
    } else if (v && typeof v === "object") {
      const o = v;
      parts.push(
        `${k}: ${o.kind === "node" ? `${o.node}:${o.path}` : o.kind === "peer" ? `peer ${o.node}` : o.kind === "backup" ? String(o.object) : JSON.stringify(v)}`
      );
    } else {
      parts.push(`${k}: ${String(v)}`);
    }
  }
  return parts.join(", ");
}
function sourceText(plan2) {
  const s = plan2.source;
  if (s.kind === "survivor") {
    return `fresh snapshot from survivor ${s.node} (${s.member}, raft index ${s.raftIndex})`;
  }
  if (s.kind === "backup") return `backup set ${s.location} (revision ${s.revision})`;
  return "none (no snapshot is restored)";
}
function renderPlanMarkdown(plan2) {
  const lines = [
    `### Recovery plan for \`${plan2.cluster}\`: ${plan2.case}`,
    "",
    `- Strategy: **${plan2.strategy}**; snapshot source: ${sourceText(plan2)}`,
    `- Broken etcd members: ${plan2.brokenEtcd.join(", ") || "none"}; broken control-plane nodes: ${plan2.brokenControlPlane.join(", ") || "none"} (from the ${plan2.brokenFrom})`,
    ...Object.entries(plan2.brokenWhy ?? {}).map(([host, why]) => `  - ${host}: ${why}`),
    ...plan2.removedHosts?.length ? [`- Removed for good (not re-added): ${plan2.removedHosts.join(", ")}`] : [],
    `- Layout: ${plan2.layout}; planned ${plan2.createdAt}`,
    ""
  ];
  if (plan2.warnings.length > 0) {
    lines.push(...plan2.warnings.map((w) => `> \u26A0\uFE0F ${w}`), "");
  }
  lines.push(
    "| Step | Node | Action | Parameters | Why | Undo |",
    "|---|---|---|---|---|---|",
    ...plan2.steps.map(
      (s) => `| ${s.id}${s.group ? ` \u21C9${s.group}` : ""} | ${s.node} | ${s.destructive ? "**" : ""}${s.action}${s.destructive ? "**" : ""} | ${cell(paramsText(s))} | ${cell(s.reason)} | ${cell(s.undo)} |`
    ),
    "",
    "**Bold** actions change data or membership (what they replace is moved aside, never deleted); no completed step runs again on resume; \u21C9 marks steps that run together.",
    ""
  );
  return lines.join("\n");
}
function renderExecutionMarkdown(execution) {
  const lines = [
    `### Executed plan ${execution.planHash}${execution.resumed ? " (resumed)" : ""} in ${(execution.ms / 1e3).toFixed(1)} s`,
    "",
    "| Step | Node | Status | Time | Detail |",
    "|---|---|---|---|---|",
    ...execution.steps.map(
      (s) => `| ${s.id} | ${s.node} | ${s.status} | ${(s.ms / 1e3).toFixed(1)} s | ${cell(s.error ?? s.detail ?? "")} |`
    ),
    ""
  ];
  return lines.join("\n");
}
function renderVerificationMarkdown(v) {
  const mark = { passed: "\u2705", failed: "\u274C", skipped: "\u2796" };
  return [
    `### Verification: ${v.ok ? "passed" : "FAILED"}`,
    "",
    "| Check | Result | Expected | Actual | Detail |",
    "|---|---|---|---|---|",
    ...v.checks.map(
      (c) => `| ${c.name} | ${mark[c.status]} ${c.status} | ${cell(c.expected ?? "")} | ${cell(c.actual ?? "")} | ${cell(c.detail)} |`
    ),
    ""
  ].join("\n");
}

// src/commands/restore.ts
function defaultJournalPath(inventory) {
  return join16(dirname6(inventory), ".kube-rescue-restore.journal");
}
function backupLocationOf(plan2) {
  if (plan2.source.kind === "backup") return plan2.source.location;
  for (const s of plan2.steps) {
    if (s.action === "restore-certs" && s.params.from.kind === "backup") {
      return s.params.from.location;
    }
  }
  return void 0;
}
async function restore(opts, ctx) {
  const t0 = Date.now();
  if (!opts.yes && !opts.dryRun) {
    throw new InputError(
      "restore changes the cluster: read the plan ('kube-rescue plan ...'), then run restore again with --yes."
    );
  }
  const journalPath = opts.journal ?? defaultJournalPath(opts.inventory);
  const journal = opts.dryRun ? void 0 : await Journal.open(journalPath);
  const pending = journal?.unfinished();
  let plan2;
  let prepared;
  let backup2;
  let transports;
  if (pending) {
    plan2 = pending.plan;
    ctx.progress.info(
      `The journal ${journalPath} holds plan ${pending.hash} (${plan2.case}, planned ${plan2.createdAt}) that did not finish: resuming it instead of probing a half-restored cluster. Move the journal aside to plan afresh.`
    );
    const location = opts.backup ?? backupLocationOf(plan2);
    const trust = { trustedSigners: opts.trustedSigners };
    const signed = await checkSignature(location, trust);
    if (signed) reportSignature(signed.check, ctx);
    backup2 = location ? await BackupSource.open(location, opts.identityFiles) : void 0;
    requireSignedManifest(signed, backup2, trust);
    await checkPlanObjects(plan2, backup2);
    transports = opts.transportFor ? { transportFor: opts.transportFor, close: async () => {
    } } : openNodeTransports(await loadInventory(opts.inventory), opts.access);
  } else {
    prepared = await preparePlan(opts, ctx);
    plan2 = prepared.plan;
    backup2 = prepared.backup;
    transports = prepared;
  }
  try {
    for (const line of renderPlanMarkdown(plan2).split("\n")) ctx.progress.info(line);
    const layout = layoutByName(plan2.layout, plan2.paths);
    const anchor = plan2.steps.find((s) => s.action === "verify").node;
    const runner = opts.dryRun ? new RecordingRunner() : new NodeStepRunner({
      plan: plan2,
      transportFor: transports.transportFor,
      layout,
      access: opts.access,
      backup: backup2,
      progress: ctx.progress,
      verify: async (observed) => {
        const t = await transports.transportFor(anchor);
        const cluster = new EtcdCtl(t, {
          endpoints: plan2.members.map((m) => m.clientURL),
          tls: clientTls(opts.access, layout, anchor),
          progress: ctx.progress
        });
        return verifyRecovery({
          plan: plan2,
          cluster,
          layout,
          transportFor: async (h) => transports.transportFor(h),
          observed
        });
      }
    });
    const execution = await executePlan(plan2, runner, { progress: ctx.progress, journal });
    const verification = runner instanceof NodeStepRunner ? runner.observed.verification : void 0;
    return {
      plan: plan2,
      execution,
      verification,
      rtoSeconds: (Date.now() - t0) / 1e3,
      journal: journal?.path
    };
  } finally {
    await transports.close();
  }
}

// harness/cluster.ts
function nodeAccessOf(cluster) {
  if (cluster.provider !== "local") return { transport: "docker", layout: cluster.layout };
  return {
    transport: "ssh",
    sshUser: "root",
    sshKeyFile: cluster.sshKeyPath,
    knownHosts: cluster.knownHostsPath,
    layout: cluster.layout
  };
}

// harness/data.ts
import { createHash as createHash9 } from "node:crypto";
function openEtcdClient(endpoints, tls) {
  return connectEtcdClient({ endpoints: [...endpoints], tls });
}
var SENTINEL_KEY = "/registry/kube-rescue/sentinel";
var RESOURCES = ["configmaps", "secrets", "pods", "deployments", "services", "events"];
var NAMESPACES = ["default", "kube-system", "payments", "web"];
function registryKey(i) {
  const resource = RESOURCES[i % RESOURCES.length];
  const ns = NAMESPACES[Math.floor(i / RESOURCES.length) % NAMESPACES.length];
  return `/registry/${resource}/${ns}/obj-${i.toString().padStart(7, "0")}`;
}
function objectValue(i, size, seed) {
  const key = registryKey(i);
  const [, , resource, ns, name] = key.split("/");
  const head = JSON.stringify({
    kind: resource,
    apiVersion: "v1",
    metadata: {
      name,
      namespace: ns,
      uid: createHash9("sha256").update(`${seed}:${i}`).digest("hex").slice(0, 32)
    },
    data: ""
  });
  const out = Buffer.alloc(Math.max(size, head.length), 32);
  out.write(head);
  let block = createHash9("sha256").update(`${seed}:${i}:pad`).digest();
  for (let off = head.length; off < out.length; off += block.length) {
    block.copy(out, off, 0, Math.min(block.length, out.length - off));
    block = createHash9("sha256").update(block).digest();
  }
  return out;
}
async function seedKeys(client, options) {
  const size = options.valueBytes ?? 1024;
  const seed = options.seed ?? "kube-rescue";
  const batch = options.batch ?? 100;
  const concurrency = options.concurrency ?? 16;
  let bytes = 0;
  let nextBatch = 0;
  const batches2 = Math.ceil(options.keys / batch);
  const worker = async () => {
    while (nextBatch < batches2) {
      const b = nextBatch++;
      const success = [];
      for (let i = b * batch; i < Math.min(options.keys, (b + 1) * batch); i++) {
        const value = objectValue(i, size, seed);
        bytes += value.length;
        success.push({ request_put: { key: Buffer.from(registryKey(i)), value } });
      }
      await client.kv.txn({ compare: [], success, failure: [] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches2) }, worker));
  const sentinelValue = JSON.stringify({ seed, keys: options.keys, valueBytes: size });
  const put = await client.kv.put({
    key: Buffer.from(SENTINEL_KEY),
    value: Buffer.from(sentinelValue)
  });
  return {
    keys: options.keys,
    bytes,
    sentinelKey: SENTINEL_KEY,
    sentinelValue,
    revision: Number(put.header.revision)
  };
}
function writerKey(prefix, n) {
  return `${prefix}${n.toString().padStart(9, "0")}`;
}
function startBackgroundWriter(client, options = {}) {
  const prefix = options.prefix ?? "/registry/kube-rescue/rpo/";
  const interval = options.intervalMs ?? 10;
  let last = -1;
  let failures = 0;
  let firstError;
  let running = true;
  const loop = (async () => {
    let n = 0;
    while (running) {
      try {
        await client.kv.put({
          key: Buffer.from(writerKey(prefix, n)),
          value: Buffer.from(String(n))
        });
        last = n;
        n++;
        if (interval > 0) await sleep3(interval);
      } catch (err) {
        failures++;
        firstError ??= err.message;
        await sleep3(200);
      }
    }
  })();
  return {
    prefix,
    lastAcknowledged: () => last,
    async stop() {
      running = false;
      await loop;
      return { lastAcknowledged: last, failures, firstError };
    }
  };
}
function sleep3(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// harness/faults.ts
async function stopNode(cluster, node) {
  await cluster.stopNode(node);
  return { fault: "stop-node", node, detail: "node powered off (container stopped)" };
}
async function destroyAndReprovision(cluster, node) {
  await cluster.replaceWithBlankNode(node);
  return {
    fault: "destroy-node",
    node,
    detail: `node destroyed; blank node re-provisioned at ${cluster.node(node).ip}`
  };
}
async function deleteCerts(cluster, node) {
  const dirs = [KUBESPRAY_PATHS.etcdCertDir, KUBESPRAY_PATHS.kubeCertDir];
  await cluster.node(node).sh(`rm -rf ${dirs.join(" ")}`);
  return { fault: "delete-certs", node, detail: `removed ${dirs.join(", ")}` };
}

// harness/kubeadm-provider.ts
import { mkdir as mkdir7, writeFile as writeFile7 } from "node:fs/promises";
import { join as join19 } from "node:path";
import { Readable as Readable6 } from "node:stream";

// harness/kubeadm-config.ts
import { randomBytes as randomBytes6 } from "node:crypto";
import { stringify as stringify4 } from "yaml";

// harness/kubeadm-image.ts
import { spawn as spawn5 } from "node:child_process";
import { createHash as createHash10 } from "node:crypto";
import { createReadStream as createReadStream2 } from "node:fs";
import { mkdir as mkdir6, mkdtemp as mkdtemp6, rm as rm11, stat as stat6, writeFile as writeFile6 } from "node:fs/promises";
import { tmpdir as tmpdir8 } from "node:os";
import { basename as basename4, join as join17 } from "node:path";
import { Readable as Readable5 } from "node:stream";
import { pack as pack2 } from "tar-stream";
import { stringify as stringify3 } from "yaml";
var KUBEADM_NODE_IMAGE_REPOSITORY = "kube-rescue-kubeadm-node";
var IMAGE_REPOSITORY = "kube-rescue.local";
var PAUSE_VERSION = "3.10.2";
var PAUSE_IMAGE = `${IMAGE_REPOSITORY}/pause:${PAUSE_VERSION}`;
var NODE_IMAGES_DIR = "/opt/kube-rescue/images";
var NODE_ROLE_FILE = "/etc/kube-rescue/node-role";
var PACKAGES2 = [
  "containerd",
  "runc",
  "containernetworking-plugins",
  "iptables",
  "conntrack",
  "ebtables",
  "ethtool",
  "socat",
  "kmod"
];
var FINISH_SCRIPT2 = `set -eu
dpkg --purge etcd-server etcd-client >/dev/null
rm -f /usr/local/bin/etcd /usr/local/bin/etcdctl /usr/local/bin/etcdutl
systemctl disable ssh.service >/dev/null 2>&1 || true
systemctl enable containerd.service kubelet.service kube-rescue-sysctl.service kube-rescue-images.service >/dev/null 2>&1
rm -f /usr/sbin/policy-rc.d
: >/etc/resolv.conf
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
`;
var CONTAINERD_CONFIG = `version = 2
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${PAUSE_IMAGE}"
  # The node lacks CAP_SYS_RESOURCE (Docker refuses it here): never ask for a lower OOM score.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "/etc/cni/net.d"
`;
var CRICTL_CONFIG = `runtime-endpoint: unix:///run/containerd/containerd.sock
image-endpoint: unix:///run/containerd/containerd.sock
timeout: 30
`;
var SYSCTL_SCRIPT = `#!/bin/sh
set -eu
mkdir -p /run/kube-rescue-sysctl
for kv in vm/overcommit_memory=1 vm/panic_on_oom=0 kernel/panic=10 kernel/panic_on_oops=1 kernel/keys/root_maxkeys=1000000 kernel/keys/root_maxbytes=25000000; do
  key=\${kv%=*}
  file=/run/kube-rescue-sysctl/$(echo "$key" | tr / .)
  echo "\${kv#*=}" >"$file"
  mountpoint -q "/proc/sys/$key" || mount --bind "$file" "/proc/sys/$key"
done
`;
var SYSCTL_UNIT = `[Unit]
Description=The kernel tunables the kubelet expects, as this node shows them
DefaultDependencies=no
Before=containerd.service kubelet.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/kube-rescue-sysctl

[Install]
WantedBy=multi-user.target
`;
var IMAGES_SCRIPT = `#!/bin/sh
set -eu
role=$(cat ${NODE_ROLE_FILE} 2>/dev/null || echo worker)
archives=pause
[ "$role" = control-plane ] && archives="pause control-plane"
for a in $archives; do
  marker=/var/lib/containerd/kube-rescue-imported-$a-$(cat ${NODE_IMAGES_DIR}/recipe)
  [ -e "$marker" ] && continue
  ctr -n k8s.io images import ${NODE_IMAGES_DIR}/$a.tar
  touch "$marker"
done
`;
var IMAGES_UNIT = `[Unit]
Description=Import the locally made control-plane images into containerd
Requires=containerd.service
After=containerd.service
Before=kubelet.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/kube-rescue-images

[Install]
WantedBy=multi-user.target
`;
var KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Wants=network-online.target containerd.service
After=network-online.target containerd.service kube-rescue-images.service
StartLimitIntervalSec=0

[Service]
ExecStart=/usr/local/bin/kubelet
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
`;
var KUBELET_KUBEADM_DROPIN = `[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/local/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;
var RECIPE_VERSION2 = 1;
function nodeImageFiles() {
  const file = (path, content, mode = 420) => ({
    path,
    type: "file",
    content,
    mode
  });
  return [
    file("/etc/containerd/config.toml", CONTAINERD_CONFIG),
    file("/etc/crictl.yaml", CRICTL_CONFIG),
    file("/usr/local/sbin/kube-rescue-sysctl", SYSCTL_SCRIPT, 493),
    file("/etc/systemd/system/kube-rescue-sysctl.service", SYSCTL_UNIT),
    file("/usr/local/sbin/kube-rescue-images", IMAGES_SCRIPT, 493),
    file("/etc/systemd/system/kube-rescue-images.service", IMAGES_UNIT),
    file("/etc/systemd/system/kubelet.service", KUBELET_UNIT),
    file("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", KUBELET_KUBEADM_DROPIN),
    // Keeps apt's maintainer scripts from starting services inside the chroot.
    file("/usr/sbin/policy-rc.d", "#!/bin/sh\nexit 101\n", 493)
  ];
}
async function etcdImageTag(tools) {
  const out = (await runCommand(tools.etcd, ["--version"])).stdout;
  const m = /etcd Version:\s*(\d+\.\d+\.\d+)/.exec(out);
  if (!m) {
    throw new OperationError(`Cannot read the version of ${tools.etcd} from: ${out.trim()}`);
  }
  return `${m[1]}-0`;
}
function controlPlaneImages(tools, etcdTag) {
  const k8s = (name, binary) => ({
    ref: `${IMAGE_REPOSITORY}/${name}:${tools.version}`,
    binaries: [binary],
    archive: "control-plane"
  });
  return [
    k8s("kube-apiserver", tools.kubeApiserver),
    k8s("kube-controller-manager", tools.kubeControllerManager),
    k8s("kube-scheduler", tools.kubeScheduler),
    {
      ref: `${IMAGE_REPOSITORY}/etcd:${etcdTag}`,
      // etcdctl and etcdutl too: backup and restore run them in this image on a node without etcd tools.
      binaries: [tools.etcd, tools.etcdctl, tools.etcdutl],
      archive: "control-plane"
    },
    {
      ref: PAUSE_IMAGE,
      binaries: [tools.pause],
      archive: "pause",
      entrypoint: "/usr/local/bin/pause"
    }
  ];
}
function imageSettings(etcdTag) {
  return {
    imageRepository: IMAGE_REPOSITORY,
    etcd: { local: { imageRepository: IMAGE_REPOSITORY, imageTag: etcdTag } },
    dns: { disabled: true },
    proxy: { disabled: true }
  };
}
async function checkImagesAgainstKubeadm(tools, images, etcdTag, workDir) {
  const config = join17(workDir, "images.yaml");
  await writeFile6(
    config,
    stringify3({
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "ClusterConfiguration",
      kubernetesVersion: tools.version,
      ...imageSettings(etcdTag)
    })
  );
  const listed = (await runCommand(tools.kubeadm, ["config", "images", "list", "--config", config])).stdout.split("\n").map((l) => l.trim()).filter(Boolean).sort();
  const ours = images.map((i) => i.ref).sort();
  if (JSON.stringify(listed) !== JSON.stringify(ours)) {
    throw new OperationError(
      `kubeadm ${tools.version} expects the images ${listed.join(", ")}, but the harness makes ${ours.join(", ")}. Update controlPlaneImages() in harness/kubeadm-image.ts (PAUSE_VERSION, the etcd tag) to match.`
    );
  }
}
var NODE_BINARIES = ["kubeadm", "kubelet", "kubectl", "crictl"];
async function recipeHash(base, tools, images) {
  const binaries = await Promise.all(
    [...NODE_BINARIES.map((b) => tools[b]), ...images.flatMap((i) => i.binaries)].map(
      async (p) => `${basename4(p)}=${await fileSha256(p)}`
    )
  );
  return createHash10("sha256").update(
    JSON.stringify({
      RECIPE_VERSION: RECIPE_VERSION2,
      base,
      PACKAGES: PACKAGES2,
      FINISH_SCRIPT: FINISH_SCRIPT2,
      files: nodeImageFiles(),
      images: images.map((i) => [i.ref, i.archive, i.entrypoint]),
      binaries
    })
  ).digest("hex").slice(0, 12);
}
async function imageExists2(tag) {
  const r = await docker(["image", "inspect", "--format", "{{.Id}}", tag], { allowFailure: true });
  return r.code === 0;
}
async function ensureKubeadmNodeImage(tools, progress) {
  const etcdTag = await etcdImageTag(tools);
  const images = controlPlaneImages(tools, etcdTag);
  const base = await ensureNodeImage(progress);
  const hash = await recipeHash(base, tools, images);
  const tag = `${KUBEADM_NODE_IMAGE_REPOSITORY}:${hash}`;
  if (await imageExists2(tag)) {
    progress.debug(`kubeadm node image ${tag} is already built`);
    return { tag, etcdTag, images };
  }
  await withBuildLock(`kubeadm-node-image-${hash}`, tag, progress, async () => {
    if (await imageExists2(tag)) return;
    await progress.phase(
      `Build kubeadm node image ${tag} (over ${base}, ~1-2 min)`,
      () => buildKubeadmNodeImage({ base, tag, hash, tools, images, etcdTag, progress })
    );
    await removeOlderKubeadmNodeImages(tag, progress);
  });
  return { tag, etcdTag, images };
}
async function removeOlderKubeadmNodeImages(current, progress) {
  const tags = (await docker(["images", KUBEADM_NODE_IMAGE_REPOSITORY, "--format", "{{.Repository}}:{{.Tag}}"])).stdout.split("\n").filter((t) => t && t !== current);
  for (const t of tags) {
    const r = await docker(["image", "rm", t], { allowFailure: true });
    if (r.code === 0) progress.info(`removed the older kubeadm node image ${t}`);
  }
}
async function pipeCommands(from, to, what) {
  const producer = spawn5(from[0], from[1], { stdio: ["ignore", "pipe", "pipe"] });
  const errs = [];
  producer.stderr.on("data", (b) => errs.push(b));
  const produced = new Promise((resolve4) => producer.on("close", (c) => resolve4(c ?? -1)));
  const consumed = runCommand(to[0], to[1], { stdin: producer.stdout, timeoutMs: 6e5 });
  const [code] = await Promise.all([produced, consumed]);
  if (code !== 0) {
    throw new OperationError(
      `${what}: \`${from[0]} ${from[1].join(" ")}\` failed (exit ${code}): ${Buffer.concat(errs).toString().trim()}`
    );
  }
}
function imageRootfs(binaries) {
  const tar = pack2();
  const dir = (name, mode = 493) => tar.entry({ name, type: "directory", mode, uid: 0, gid: 0 });
  const text4 = (name, body) => tar.entry({ name, type: "file", mode: 420, uid: 0, gid: 0 }, body);
  void (async () => {
    try {
      for (const d of ["etc/", "tmp/", "usr/", "usr/local/", "usr/local/bin/"]) {
        dir(d, d === "tmp/" ? 1023 : 493);
      }
      text4(
        "etc/passwd",
        "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534::/:/sbin/nologin\n"
      );
      text4("etc/group", "root:x:0:\nnogroup:x:65534:\n");
      text4("etc/nsswitch.conf", "hosts: files dns\n");
      for (const b of binaries) {
        const size = (await stat6(b)).size;
        await new Promise((resolve4, reject) => {
          const entry = tar.entry(
            { name: `usr/local/bin/${basename4(b)}`, mode: 493, uid: 0, gid: 0, size },
            (err) => err ? reject(err) : resolve4()
          );
          createReadStream2(b).on("error", reject).pipe(entry);
        });
      }
      tar.finalize();
    } catch (err) {
      tar.destroy(err);
    }
  })();
  return Readable5.from(tar);
}
async function buildKubeadmNodeImage(b) {
  const { progress } = b;
  const asRoot = await rootAccess(b.tag, "apt-get in a chroot of the node's rootfs");
  const work = await mkdtemp6(join17(tmpdir8(), "kube-rescue-kubeadm-image-"));
  const rootfs = join17(work, "rootfs");
  const made = [];
  const label = `kube-rescue.kubeadm-node-image=${b.hash}`;
  try {
    await checkImagesAgainstKubeadm(b.tools, b.images, b.etcdTag, work);
    await mkdir6(rootfs);
    progress.info(`unpacking ${b.base} into ${rootfs}`);
    const cid = (await docker(["create", b.base, "/bin/true"])).stdout.trim();
    try {
      await pipeCommands(
        [dockerBinary(), ["export", cid]],
        asRoot("tar", ["-C", rootfs, "--numeric-owner", "-x"]),
        `unpacking ${b.base}`
      );
    } finally {
      await docker(["rm", "-f", cid], { allowFailure: true });
    }
    progress.info(`apt-get install ${PACKAGES2.join(" ")} (chroot)`);
    await runCommand(...asRoot("cp", ["/etc/resolv.conf", join17(rootfs, "etc/resolv.conf")]));
    await runCommand(...asRoot("tar", ["-C", rootfs, "-x"]), {
      stdin: await nodeFilesArchive(nodeImageFiles())
    });
    await runCommand(...asRoot("chroot", [rootfs, "/bin/sh", "-c", "apt-get update -qq"]), {
      timeoutMs: 3e5
    });
    await runCommand(
      ...asRoot("chroot", [
        rootfs,
        "/usr/bin/env",
        "DEBIAN_FRONTEND=noninteractive",
        "apt-get",
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        // Our containerd config.toml is in place already: keep it.
        "-o",
        "Dpkg::Options::=--force-confold",
        ...PACKAGES2
      ]),
      { timeoutMs: 6e5, onLine: (l) => progress.debug(l) }
    );
    for (const name of NODE_BINARIES) {
      await runCommand(
        ...asRoot("install", ["-m", "0755", b.tools[name], join17(rootfs, "usr/local/bin", name)])
      );
    }
    await runCommand(...asRoot("chroot", [rootfs, "/bin/sh", "-s"]), {
      stdin: FINISH_SCRIPT2,
      timeoutMs: 12e4
    });
    progress.info(`making ${b.images.map((i) => i.ref).join(", ")} from the built binaries`);
    const archives = join17(work, "images");
    await mkdir6(archives);
    for (const image of b.images) {
      await docker(
        [
          "import",
          "--change",
          "ENV PATH=/usr/local/bin:/usr/bin:/bin",
          "--change",
          `LABEL ${label}`,
          ...image.entrypoint ? ["--change", `ENTRYPOINT ["${image.entrypoint}"]`] : [],
          "-",
          image.ref
        ],
        { stdin: imageRootfs(image.binaries), timeoutMs: 3e5 }
      );
      made.push(image.ref);
    }
    for (const archive of ["pause", "control-plane"]) {
      const refs = b.images.filter((i) => i.archive === archive).map((i) => i.ref);
      await docker(["save", "-o", join17(archives, `${archive}.tar`), ...refs], {
        timeoutMs: 3e5
      });
    }
    await writeFile6(join17(archives, "recipe"), `${b.hash}
`);
    await runCommand(...asRoot("mkdir", ["-p", join17(rootfs, NODE_IMAGES_DIR)]));
    await runCommand(
      ...asRoot("cp", [
        join17(archives, "pause.tar"),
        join17(archives, "control-plane.tar"),
        join17(archives, "recipe"),
        join17(rootfs, NODE_IMAGES_DIR)
      ])
    );
    progress.info(`importing ${rootfs} as ${b.tag}`);
    await pipeCommands(
      asRoot("tar", ["-C", rootfs, "--numeric-owner", "-c", "."]),
      [
        dockerBinary(),
        [
          "import",
          "--change",
          'CMD ["/sbin/init"]',
          "--change",
          "ENV container=docker",
          "--change",
          `LABEL ${label}`,
          "-",
          b.tag
        ]
      ],
      `importing the kubeadm node rootfs as ${b.tag}`
    );
  } finally {
    if (made.length > 0) await docker(["image", "rm", ...made], { allowFailure: true });
    await runCommand(...asRoot("rm", ["-rf", "--one-file-system", work]), { allowFailure: true });
    await rm11(work, { recursive: true, force: true });
  }
}

// harness/kubeadm-config.ts
var API_SERVER_HOST = "kube-rescue-api";
var API_SERVER_PORT = 6443;
var CRI_SOCKET = "unix:///run/containerd/containerd.sock";
var KUBEADM_CONFIG_PATH = "/etc/kubernetes/kubeadm.yaml";
var IGNORED_PREFLIGHT_ERRORS = ["SystemVerification"];
function newJoinSecrets() {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const pick = (n) => Array.from(randomBytes6(n), (b) => alphabet[b % alphabet.length]).join("");
  return { token: `${pick(6)}.${pick(16)}`, certificateKey: randomBytes6(32).toString("hex") };
}
var TIMEOUTS = {
  controlPlaneComponentHealthCheck: "10m0s",
  kubeletHealthCheck: "10m0s",
  kubernetesAPICall: "5m0s",
  etcdAPICall: "5m0s",
  tlsBootstrap: "10m0s",
  discovery: "10m0s"
};
function nodeRegistration(node) {
  return {
    name: node.name,
    criSocket: CRI_SOCKET,
    // Every image is in the node's containerd already; a pull could only fail.
    imagePullPolicy: "Never",
    ignorePreflightErrors: IGNORED_PREFLIGHT_ERRORS,
    // No default route on the internal network: say which address is the node's.
    kubeletExtraArgs: [
      { name: "node-ip", value: node.ip },
      ...node.cgroupRoot ? [{ name: "cgroup-root", value: node.cgroupRoot }] : []
    ]
  };
}
var controlPlaneEndpoint = `${API_SERVER_HOST}:${API_SERVER_PORT}`;
function clusterConfiguration(c) {
  return {
    apiVersion: "kubeadm.k8s.io/v1beta4",
    kind: "ClusterConfiguration",
    clusterName: c.clusterName,
    kubernetesVersion: c.kubernetesVersion,
    controlPlaneEndpoint,
    ...imageSettings(c.etcdImageTag),
    etcd: {
      local: {
        ...imageSettings(c.etcdImageTag).etcd.local,
        // The Kubespray-like nodes' values: etcd's defaults flap on a loaded 2-core machine.
        extraArgs: [
          { name: "heartbeat-interval", value: "250" },
          { name: "election-timeout", value: "5000" }
        ]
      }
    },
    networking: { serviceSubnet: "10.96.0.0/16", dnsDomain: "cluster.local" },
    apiServer: { certSANs: [API_SERVER_HOST, ...c.controlPlane.map((n) => n.ip)] }
  };
}
function kubeletConfiguration() {
  return {
    apiVersion: "kubelet.config.k8s.io/v1beta1",
    kind: "KubeletConfiguration",
    cgroupDriver: "cgroupfs",
    failCgroupV1: false,
    failSwapOn: false,
    evictionHard: {
      "nodefs.available": "0%",
      "nodefs.inodesFree": "0%",
      "imagefs.available": "0%"
    },
    imageGCHighThresholdPercent: 100
  };
}
var documents = (...docs) => docs.map((d) => stringify4(d)).join("---\n");
function renderInitConfig(c) {
  const first = c.controlPlane[0];
  return documents(
    {
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "InitConfiguration",
      bootstrapTokens: [
        {
          token: c.secrets.token,
          ttl: "24h0m0s",
          usages: ["signing", "authentication"],
          groups: ["system:bootstrappers:kubeadm:default-node-token"]
        }
      ],
      certificateKey: c.secrets.certificateKey,
      localAPIEndpoint: { advertiseAddress: first.ip, bindPort: API_SERVER_PORT },
      nodeRegistration: nodeRegistration(first),
      timeouts: TIMEOUTS
    },
    clusterConfiguration(c),
    kubeletConfiguration()
  );
}
function renderJoinConfig(c, node, opts) {
  return documents({
    apiVersion: "kubeadm.k8s.io/v1beta4",
    kind: "JoinConfiguration",
    discovery: {
      bootstrapToken: {
        apiServerEndpoint: controlPlaneEndpoint,
        token: c.secrets.token,
        caCertHashes: [opts.caCertHash]
      }
    },
    ...opts.controlPlane ? {
      controlPlane: {
        localAPIEndpoint: { advertiseAddress: node.ip, bindPort: API_SERVER_PORT },
        certificateKey: c.secrets.certificateKey
      }
    } : {},
    nodeRegistration: nodeRegistration(node),
    timeouts: TIMEOUTS
  });
}
function renderCniConfig(podSubnet) {
  return `${JSON.stringify(
    {
      cniVersion: "1.0.0",
      name: "kube-rescue",
      plugins: [
        {
          type: "bridge",
          bridge: "cni0",
          isGateway: true,
          ipMasq: false,
          hairpinMode: true,
          ipam: { type: "host-local", ranges: [[{ subnet: podSubnet }]] }
        }
      ]
    },
    null,
    2
  )}
`;
}

// harness/kubernetes-tools.ts
import { constants as constants2 } from "node:fs";
import { access as access2 } from "node:fs/promises";
import { homedir as homedir3 } from "node:os";
import { basename as basename5, join as join18 } from "node:path";
var KUBERNETES_VERSION = "v1.37.2";
var KUBEADM_ETCD_MODULE = "etcd-3.6";
var KUBEADM_TOOL_MODULES = ["kubernetes", "cri-tools", KUBEADM_ETCD_MODULE];
var BUILD_KUBEADM_TOOLS = `bash scripts/build-tools.sh ${KUBEADM_TOOL_MODULES.join(" ")}`;
function toolsRoot(env) {
  const root = env.KUBE_RESCUE_CACHE || join18(env.XDG_CACHE_HOME || join18(homedir3(), ".cache"), "kube-rescue");
  return join18(root, "tools");
}
var toolBinDir = (module, env) => join18(toolsRoot(env), module, "bin");
var isExecutable2 = (path) => access2(path, constants2.X_OK).then(
  () => true,
  () => false
);
async function builtKubernetesTools(env = process.env) {
  const k8s = toolBinDir("kubernetes", env);
  const cri = toolBinDir("cri-tools", env);
  const etcd = toolBinDir(KUBEADM_ETCD_MODULE, env);
  const tools = {
    version: KUBERNETES_VERSION,
    kubeadm: join18(k8s, "kubeadm"),
    kubelet: join18(k8s, "kubelet"),
    kubectl: join18(k8s, "kubectl"),
    kubeApiserver: join18(k8s, "kube-apiserver"),
    kubeControllerManager: join18(k8s, "kube-controller-manager"),
    kubeScheduler: join18(k8s, "kube-scheduler"),
    pause: join18(k8s, "pause"),
    crictl: join18(cri, "crictl"),
    etcd: join18(etcd, "etcd"),
    etcdctl: join18(etcd, "etcdctl"),
    etcdutl: join18(etcd, "etcdutl")
  };
  const moduleOf = (path) => path.startsWith(k8s) ? "kubernetes" : path.startsWith(cri) ? "cri-tools" : KUBEADM_ETCD_MODULE;
  const missing = /* @__PURE__ */ new Map();
  for (const [key, path] of Object.entries(tools)) {
    if (key === "version" || await isExecutable2(path)) continue;
    const m = moduleOf(path);
    missing.set(m, [...missing.get(m) ?? [], basename5(path)]);
  }
  if (missing.size > 0) {
    const what = [...missing].map(([m, bins]) => `${m} (${bins.join(", ")})`).join("; ");
    throw new OperationError(
      `The kubeadm provider needs Kubernetes ${KUBERNETES_VERSION}, crictl and etcd 3.6 built from the Go modules under tools/; this machine lacks ${what} in ${toolsRoot(env)}. Build them with: bash scripts/build-tools.sh ${[...missing.keys()].join(" ")}  (Kubernetes takes ~20-40 min the first time on 2 cores, seconds once cached; scripts/setup.sh builds only the etcd modules unless KUBE_RESCUE_TOOLS="kubernetes cri-tools" is set).`
    );
  }
  return tools;
}

// harness/kubeadm-provider.ts
var KUBEADM_ETCD_PKI2 = "/etc/kubernetes/pki/etcd";
var KubeadmNode = class extends DockerExecNode {
  constructor(name, ip, roles) {
    super(name, ip, roles, roles.includes("etcd") ? name : void 0, "kubeadm");
  }
};
function kubectl(binary, kubeconfig, args, opts = {}) {
  return runCommand(binary, ["--kubeconfig", kubeconfig, ...args], {
    timeoutMs: opts.timeoutMs ?? 6e4,
    allowFailure: opts.allowFailure
  });
}
var KubeadmCluster = class {
  constructor(run2, topology2, nodes, inventoryPath, kubeconfigPath, kubectlPath, etcdEndpoints, tls, startupSeconds) {
    this.run = run2;
    this.topology = topology2;
    this.nodes = nodes;
    this.inventoryPath = inventoryPath;
    this.kubeconfigPath = kubeconfigPath;
    this.kubectlPath = kubectlPath;
    this.etcdEndpoints = etcdEndpoints;
    this.tls = tls;
    this.startupSeconds = startupSeconds;
  }
  run;
  topology;
  nodes;
  inventoryPath;
  kubeconfigPath;
  kubectlPath;
  etcdEndpoints;
  tls;
  startupSeconds;
  provider = "kubeadm";
  layout = "kubeadm";
  sshKeyPath = "";
  knownHostsPath = "";
  stopped = false;
  get name() {
    return this.run.name;
  }
  get runId() {
    return this.run.runId;
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
  /** `kubectl --kubeconfig <admin.conf> …` from the host; throws with kubectl's stderr. */
  kubectl(args, opts = {}) {
    return kubectl(this.kubectlPath, this.kubeconfigPath, args, opts);
  }
  async stopNode(name) {
    await docker(["stop", "-t", "20", this.node(name).name]);
  }
  async startNode(name) {
    const n = this.node(name);
    await docker(["start", n.name]);
    await waitForBoot(n.name, n.name);
  }
  async replaceWithBlankNode(name) {
    throw new OperationError(
      `replaceWithBlankNode(${name}) is not built for the kubeadm provider yet (issue 13): a blank kubeadm node must be joined again by the recovery, which is not written.`
    );
  }
  async disconnectNode(name) {
    await docker(["network", "disconnect", this.run.network.name, this.node(name).name]);
  }
  async reconnectNode(name) {
    const n = this.node(name);
    await docker(["network", "connect", "--ip", n.ip, this.run.network.name, n.name]);
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
var KUBEADM_DEFAULT_TOPOLOGY = "stacked3-worker";
function checkKubeadmTopology(t) {
  for (const n of t.nodes) {
    if (n.roles.includes("etcd") && !n.roles.includes("control-plane")) {
      throw new InputError(
        `Topology ${t.name} puts etcd on worker ${n.name}; kubeadm runs etcd only on control-plane nodes. Use the local provider for this topology.`
      );
    }
  }
  if (!t.nodes.some((n) => n.roles.includes("control-plane"))) {
    throw new InputError(`Topology ${t.name} has no control-plane node; kubeadm needs one.`);
  }
}
async function nodeStep(node, what, script, progress, timeoutMs = 15 * 6e4) {
  const r = await containerSh(node.name, script, { allowFailure: true, timeoutMs });
  const output = `${r.stdout}${r.stderr}`;
  for (const line of output.split("\n")) if (line.trim()) progress.debug(`${node.name}: ${line}`);
  if (r.code !== 0) {
    const kubelet = await containerSh(
      node.name,
      "journalctl -u kubelet --no-pager -n 15 2>/dev/null; crictl ps -a 2>/dev/null | head -20",
      { allowFailure: true }
    );
    throw new OperationError(
      `${what} on node ${node.name} failed (exit ${r.code}):
${output.trim().split("\n").slice(-25).join("\n")}
--- kubelet and containers on ${node.name}:
${kubelet.stdout.trim()}`
    );
  }
  return output;
}
async function nodeCgroupRoot(node, progress) {
  const out = await nodeStep(
    node,
    "reading the node's cgroup",
    "awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3}' /proc/1/cgroup | sed 's#/init\\.scope$##'",
    progress,
    3e4
  );
  const root = out.trim();
  if (!root.startsWith("/") || root === "/") {
    throw new OperationError(
      `Node ${node.name}: the kubeadm provider needs the host's cgroup v1 hierarchy with the node in a cgroup of its own (the memory line of /proc/1/cgroup), and found "${root}". On a cgroup v2 host use the kind provider.`
    );
  }
  return root;
}
async function writeNodeFile(node, path, content) {
  await docker(
    ["exec", "-i", node.name, "sh", "-c", `umask 077; mkdir -p "$(dirname ${path})"; cat >${path}`],
    {
      stdin: content
    }
  );
}
async function waitFor(timeoutMs, check2, describe2) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const v = await check2().catch(() => void 0);
    if (v !== void 0) return v;
    if (Date.now() > deadline) throw new OperationError(await describe2());
    await delay(2e3);
  }
}
var KubeadmClusterProvider = class {
  name = "kubeadm";
  async start(which = KUBEADM_DEFAULT_TOPOLOGY, options = {}) {
    const progress = options.progress ?? silentProgress;
    const t = typeof which === "string" ? topology(which) : which;
    checkKubeadmTopology(t);
    const tools = await builtKubernetesTools();
    const t0 = Date.now();
    await removeLeftovers(progress);
    const image = await ensureKubeadmNodeImage(tools, progress);
    const { runId, name, workDir } = await newRun();
    trackLiveRun(runId, () => teardown(runId, workDir));
    try {
      return await progress.phase(
        `Start kubeadm cluster ${name} (Kubernetes ${tools.version}, etcd ${image.etcdTag}, ${t.nodes.length} nodes)`,
        () => this.startIn(t, tools, image, { runId, name, workDir, progress, t0 })
      );
    } catch (err) {
      await teardown(runId, workDir).catch(
        (e) => progress.warn(`cleanup of ${name} failed: ${e.message}`)
      );
      throw err;
    }
  }
  async startIn(t, tools, image, ctx) {
    const { progress, name } = ctx;
    const network = await createClusterNetwork(name, runLabels(ctx.runId));
    const run2 = { ...ctx, image: image.tag, network };
    const nodes = t.nodes.map(
      (n, i) => new KubeadmNode(`${name}-${n.name}`, `${network.prefix}.${11 + i}`, [
        ...n.roles
      ])
    );
    const controlPlane = nodes.filter((n) => n.roles.includes("control-plane"));
    const workers = nodes.filter((n) => !n.roles.includes("control-plane"));
    const [first] = controlPlane;
    const config = {
      clusterName: name,
      kubernetesVersion: tools.version,
      etcdImageTag: image.etcdTag,
      controlPlane: controlPlane.map((n) => ({ name: n.name, ip: n.ip })),
      secrets: newJoinSecrets()
    };
    progress.secret(config.secrets.token);
    progress.secret(config.secrets.certificateKey);
    const cgroupRoots = /* @__PURE__ */ new Map();
    await Promise.all(
      nodes.map(async (n, i) => {
        const files = [
          { path: "/etc/kube-rescue", type: "directory", mode: 493 },
          {
            path: NODE_ROLE_FILE,
            type: "file",
            content: n.roles.includes("control-plane") ? "control-plane\n" : "worker\n",
            mode: 420
          },
          { path: "/etc/cni/net.d", type: "directory", mode: 493 },
          {
            path: "/etc/cni/net.d/10-kube-rescue.conflist",
            type: "file",
            content: renderCniConfig(`10.244.${i + 1}.0/24`),
            mode: 420
          }
        ];
        await startNodeContainer({
          image: image.tag,
          containerName: n.name,
          hostname: n.name,
          network: network.name,
          ip: n.ip,
          labels: { ...runLabels(ctx.runId), "kube-rescue.harness.node": n.name },
          files: Readable6.from([await nodeFilesArchive(files)]),
          // containerd's overlayfs cannot mount on the node's own overlay root.
          volumes: ["/var/lib/containerd"],
          devices: ["/dev/kmsg"],
          sysctls: { "net.ipv4.ip_forward": "1" },
          extraHosts: [{ host: API_SERVER_HOST, ipAddress: first.ip }]
        });
        await waitForBoot(n.name, n.name);
        await nodeStep(
          n,
          "importing the control-plane images",
          "systemctl start kube-rescue-images.service",
          progress,
          5 * 6e4
        );
        cgroupRoots.set(n.name, await nodeCgroupRoot(n, progress));
        progress.debug(`node ${n.name} booted at ${n.ip}, images imported`);
      })
    );
    const nodeConfig = (n) => ({
      name: n.name,
      ip: n.ip,
      cgroupRoot: cgroupRoots.get(n.name)
    });
    await writeNodeFile(
      first,
      KUBEADM_CONFIG_PATH,
      renderInitConfig({
        ...config,
        controlPlane: [nodeConfig(first), ...config.controlPlane.slice(1)]
      })
    );
    await progress.phase(
      `kubeadm init on ${first.name}`,
      () => nodeStep(
        first,
        "kubeadm init",
        `kubeadm init --config ${KUBEADM_CONFIG_PATH} --upload-certs 2>&1`,
        progress
      )
    );
    const caCertHash = `sha256:${(await nodeStep(
      first,
      "hashing the cluster CA",
      'openssl x509 -pubkey -noout -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der | sha256sum | cut -d" " -f1',
      progress,
      3e4
    )).trim()}`;
    const joinNode = (n, controlPlaneNode) => progress.phase(
      `kubeadm join${controlPlaneNode ? " --control-plane" : ""} on ${n.name}`,
      async () => {
        await writeNodeFile(
          n,
          KUBEADM_CONFIG_PATH,
          renderJoinConfig(config, nodeConfig(n), { controlPlane: controlPlaneNode, caCertHash })
        );
        await nodeStep(
          n,
          "kubeadm join",
          `kubeadm join --config ${KUBEADM_CONFIG_PATH} 2>&1`,
          progress
        );
      }
    );
    await Promise.all([
      (async () => {
        for (const n of controlPlane.slice(1)) await joinNode(n, true);
      })(),
      ...workers.map((n) => joinNode(n, false))
    ]);
    const kubeconfigPath = join19(ctx.workDir, "kubeconfig");
    const adminConf = await docker(["exec", first.name, "cat", "/etc/kubernetes/admin.conf"]);
    await writeFile7(
      kubeconfigPath,
      adminConf.stdout.replace(
        `https://${API_SERVER_HOST}:${API_SERVER_PORT}`,
        `https://${first.ip}:${API_SERVER_PORT}`
      ),
      { mode: 384 }
    );
    const pkiDir = join19(ctx.workDir, "pki");
    await mkdir7(pkiDir, { mode: 448 });
    for (const f of ["ca.crt", "healthcheck-client.crt", "healthcheck-client.key"]) {
      await docker(["cp", `${first.name}:${KUBEADM_ETCD_PKI2}/${f}`, join19(pkiDir, f)]);
    }
    const tls = {
      cacert: join19(pkiDir, "ca.crt"),
      cert: join19(pkiDir, "healthcheck-client.crt"),
      key: join19(pkiDir, "healthcheck-client.key")
    };
    const etcdEndpoints = controlPlane.map((n) => `https://${n.ip}:2379`);
    const namedTopology = {
      name: t.name,
      nodes: nodes.map((n) => ({ name: n.name, roles: [...n.roles] }))
    };
    const inventoryPath = join19(ctx.workDir, "hosts.ini");
    await writeFile7(
      inventoryPath,
      renderDockerExecInventory(
        nodes,
        `Inventory of kubeadm harness cluster ${name} (kubeadm layout; reach nodes with --transport docker)`
      )
    );
    const api = (args, opts) => kubectl(tools.kubectl, kubeconfigPath, args, opts);
    await progress.phase("Wait for /readyz and every node Ready", async () => {
      await waitFor(
        5 * 6e4,
        async () => {
          const r = await api(["get", "--raw", "/readyz"], { allowFailure: true });
          return r.code === 0 && r.stdout.trim() === "ok" ? true : void 0;
        },
        async () => {
          const r = await api(["get", "--raw", "/readyz?verbose"], {
            allowFailure: true
          });
          return `The API server of ${name} (${first.ip}:${API_SERVER_PORT}) did not answer /readyz with ok in 5 min: ${`${r.stdout}${r.stderr}`.trim()}`;
        }
      );
      await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 12e4 });
      await waitFor(
        5 * 6e4,
        async () => notReadyNodes(await nodeList(api), nodes).length === 0 ? true : void 0,
        async () => {
          const list2 = await nodeList(api).catch(() => ({ items: [] }));
          return `Nodes of ${name} not Ready after 5 min: ${notReadyNodes(list2, nodes).join("; ")}.`;
        }
      );
    });
    const startupSeconds = (Date.now() - ctx.t0) / 1e3;
    progress.info(`kubeadm cluster ${name} ready in ${startupSeconds.toFixed(1)} s`);
    return new KubeadmCluster(
      run2,
      namedTopology,
      nodes,
      inventoryPath,
      kubeconfigPath,
      tools.kubectl,
      etcdEndpoints,
      tls,
      startupSeconds
    );
  }
};
async function nodeList(api) {
  return JSON.parse((await api(["get", "nodes", "-o", "json"])).stdout);
}
function notReadyNodes(list2, expected) {
  return expected.flatMap((n) => {
    const item = list2.items.find((i) => i.metadata.name === n.name);
    if (!item) return [`${n.name}: not registered`];
    const ready = item.status?.conditions?.find((c) => c.type === "Ready");
    return ready?.status === "True" ? [] : [`${n.name}: ${ready?.message ?? "no Ready condition"}`];
  });
}

// harness/index.ts
function clusterProvider(name) {
  if (name === "local") return new LocalClusterProvider();
  if (name === "kind") return new KindClusterProvider();
  if (name === "kubeadm") return new KubeadmClusterProvider();
  throw new InputError(
    `Unknown cluster provider "${String(name)}". Expected local, kind or kubeadm.`
  );
}

// harness/rehearsal.ts
var SCENARIOS = [
  "member-loss",
  "quorum-loss",
  "total-loss",
  "cert-loss",
  "runbook-example",
  "host-removal"
];
var etcdHosts = (c) => c.nodes.filter((n) => n.roles.includes("etcd"));
var controlPlaneHosts = (c) => c.nodes.filter((n) => n.roles.includes("control-plane"));
async function reprovision(cluster, names) {
  for (const name of names) await destroyAndReprovision(cluster, name);
}
var scenarios = {
  "member-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "1 of 3 members lost: node re-provisioned blank (same IP, no etcd data, no certs)",
    async inject(cluster) {
      await reprovision(cluster, [etcdHosts(cluster).at(-1).name]);
      return cluster.inventoryPath;
    }
  },
  "quorum-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "2 of 3 members lost: nodes re-provisioned blank; data only on the survivor",
    async inject(cluster) {
      await reprovision(
        cluster,
        etcdHosts(cluster).slice(1).map((n) => n.name)
      );
      return cluster.inventoryPath;
    }
  },
  "total-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: true,
    fault: "all 3 nodes lost: every etcd data dir and every certificate",
    async inject(cluster) {
      await reprovision(
        cluster,
        cluster.nodes.map((n) => n.name)
      );
      return cluster.inventoryPath;
    }
  },
  "cert-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "the certificate and key directories of every control-plane node deleted",
    async inject(cluster) {
      for (const n of controlPlaneHosts(cluster)) await deleteCerts(cluster, n.name);
      return cluster.inventoryPath;
    }
  },
  "runbook-example": {
    topology: "runbook",
    mayLoseWritesAfterBackup: false,
    fault: "the Kubespray runbook's example: etcd on m1 m2 m3 w1 w2, all three masters lost; recovery inventory from `inventory recover`",
    async inject(cluster, ctx) {
      const masters = controlPlaneHosts(cluster).map((n) => n.name);
      await reprovision(cluster, masters);
      const out = join20(cluster.workDir, "recovery-hosts.ini");
      await inventoryRecover(
        {
          inventory: cluster.inventoryPath,
          brokenEtcd: masters,
          brokenControlPlane: masters,
          extraVars: [],
          output: out
        },
        ctx
      );
      return out;
    }
  },
  "host-removal": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "1 of 3 nodes gone for good (stopped, never re-provisioned); `restore --remove-host` shrinks the cluster to 2 members (and deletes its Node where a Kubernetes API runs)",
    removeHosts: (cluster) => [etcdHosts(cluster).at(-1).name],
    async inject(cluster) {
      await stopNode(cluster, etcdHosts(cluster).at(-1).name);
      return cluster.inventoryPath;
    }
  }
};
function revisionBumpOf(plan2) {
  const restores = plan2.steps.flatMap((s) => s.action === "restore-snapshot" ? [s.params] : []);
  if (restores.length === 0) return { restores: 0, bumped: false };
  const amounts = [...new Set(restores.map((p) => p.bumpRevision ?? 0))];
  const bumped = restores.every((p) => (p.bumpRevision ?? 0) > 0);
  if (bumped) {
    return {
      restores: restores.length,
      bumped,
      by: Math.min(...amounts),
      markCompacted: restores.every((p) => p.markCompacted === true)
    };
  }
  const note = plan2.warnings.find((w) => /bump-revision|revision is not bumped/i.test(w));
  return {
    restores: restores.length,
    bumped: false,
    skipped: note ?? `${restores.filter((p) => !p.bumpRevision).length} of ${restores.length} snapshot restores planned without --bump-revision, and the plan gives no reason`
  };
}
async function keyDigests(client, revision) {
  let q2 = client.getAll().prefix("");
  if (revision) q2 = q2.revision(revision);
  const kvs = await q2.buffers();
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(kvs)) {
    out.set(k, createHash11("sha256").update(v).digest("hex"));
  }
  return out;
}
async function withClient(cluster, work, without = []) {
  const gone = cluster.nodes.filter((n) => without.includes(n.name)).map((n) => n.ip);
  const endpoints = cluster.etcdEndpoints.filter(
    (e) => !gone.some((ip) => new URL(e).hostname === ip)
  );
  const client = await openEtcdClient(endpoints, cluster.tls);
  try {
    return await work(client);
  } finally {
    client.close();
  }
}
async function runScenario(name, opts) {
  const t0 = Date.now();
  const scenario = scenarios[name];
  const report = {
    scenario: name,
    result: "failed",
    provider: opts.provider,
    topology: scenario.topology,
    fault: scenario.fault,
    durationSeconds: 0
  };
  const { progress } = opts;
  const ctx = { progress };
  let cluster;
  let writerLast = -1;
  let writerPrefix = "";
  try {
    cluster = await progress.phase(
      `[${name}] start a ${scenario.topology} cluster`,
      () => clusterProvider(opts.provider).start(scenario.topology, {
        progress,
        etcdVersion: opts.etcdVersion
      })
    );
    const c = cluster;
    report.startupSeconds = c.startupSeconds;
    const access3 = nodeAccessOf(c);
    const { secret, identity } = generateIdentity();
    progress.secret(secret);
    const keysDir = join20(c.workDir, "rehearsal");
    await mkdir8(keysDir, { recursive: true, mode: 448 });
    const identityFile = join20(keysDir, "age-identity");
    await writeFile8(identityFile, `${secret}
`, { mode: 384 });
    const seedClient = await openEtcdClient(c.etcdEndpoints, c.tls);
    let writer;
    let atBackup;
    let writerLastAtBackup;
    try {
      await progress.phase(
        `[${name}] seed ${opts.keys} keys`,
        () => seedKeys(seedClient, { keys: opts.keys, valueBytes: 512, seed: name })
      );
      report.etcdServerVersion = (await seedClient.maintenance.status()).version;
      writer = startBackgroundWriter(seedClient, { intervalMs: 20 });
      writerPrefix = writer.prefix;
      const b = await progress.phase(
        `[${name}] back up with kube-rescue backup`,
        () => backup(
          {
            inventory: c.inventoryPath,
            access: access3,
            dest: join20(c.workDir, "backups"),
            encryptTo: [identity.recipient.text],
            compress: "gzip",
            etcdOnly: false
          },
          ctx
        )
      );
      report.backupRevision = b.snapshotRevision;
      report.backupPath = b.backupPath;
      atBackup = await keyDigests(seedClient, b.snapshotRevision);
      report.keysAtBackup = atBackup.size;
      writerLastAtBackup = Math.max(
        -1,
        ...[...atBackup.keys()].filter((k) => k.startsWith(writerPrefix)).map((k) => Number(k.slice(writerPrefix.length)))
      );
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      const w = await writer?.stop();
      seedClient.close();
      if (w) writerLast = w.lastAcknowledged;
    }
    const inventory = await progress.phase(
      `[${name}] inject the fault: ${scenario.fault}`,
      () => scenario.inject(c, ctx)
    );
    const removeHosts = scenario.removeHosts?.(c) ?? [];
    const restored = await progress.phase(
      `[${name}] recover with kube-rescue restore`,
      () => restore(
        {
          inventory,
          access: access3,
          backup: report.backupPath,
          identityFiles: [identityFile],
          strategy: "parallel",
          force: false,
          yes: true,
          journal: join20(keysDir, "restore.journal"),
          removeHosts
        },
        ctx
      )
    );
    report.rtoSeconds = Number(restored.rtoSeconds.toFixed(1));
    report.planCase = restored.plan.case;
    report.planSteps = restored.plan.steps.length;
    report.revisionBump = revisionBumpOf(restored.plan);
    report.verification = restored.verification?.checks.map((ch) => ({
      name: ch.name,
      status: ch.status,
      detail: ch.detail
    }));
    await progress.phase(
      `[${name}] compare the keyspace with the backup`,
      () => withClient(
        c,
        async (client) => {
          const now = await keyDigests(client);
          report.keysAfterRestore = now.size;
          let lost = 0;
          for (const [k, digest] of atBackup) if (now.get(k) !== digest) lost++;
          report.keysLost = lost;
          let writesLost = 0;
          for (let n = writerLastAtBackup + 1; n <= writerLast; n++) {
            if (!now.has(writerKey(writerPrefix, n))) writesLost++;
          }
          report.writesAfterBackup = Math.max(0, writerLast - writerLastAtBackup);
          report.writesLost = writesLost;
        },
        removeHosts
      )
    );
    const failedChecks = (report.verification ?? []).filter((v) => v.status === "failed");
    if (report.keysLost !== 0) {
      report.error = `${report.keysLost} keys of the backup's revision ${report.backupRevision} are missing or changed after the restore.`;
    } else if (!scenario.mayLoseWritesAfterBackup && report.writesLost !== 0) {
      report.error = `${report.writesLost} of ${report.writesAfterBackup} writes acknowledged after the backup are gone, though a node still held them: the recovery threw away data it did not have to.`;
    } else if (!restored.verification) {
      report.error = "the restore returned without verifying the cluster.";
    } else if (failedChecks.length > 0) {
      report.error = `verification failed: ${failedChecks.map((v) => v.name).join(", ")}`;
    } else {
      report.result = "passed";
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    progress.warn(`[${name}] failed: ${report.error}`);
  } finally {
    if (cluster) await progress.phase(`[${name}] tear down`, () => cluster.stop());
    report.durationSeconds = Number(((Date.now() - t0) / 1e3).toFixed(1));
  }
  return report;
}

// src/report/rehearsal.ts
var cell2 = (v) => v === void 0 ? "\u2013" : String(v);
function bumpCell(b) {
  if (!b) return "\u2013";
  if (b.restores === 0) return "no snapshot restored";
  if (b.bumped) {
    return `+${b.by?.toLocaleString("en-US")}${b.markCompacted ? ", marked compacted" : ""}`;
  }
  return "not bumped";
}
function renderRehearsalMarkdown(report) {
  const rows = report.scenarios.map(
    (s) => `| ${s.scenario} | ${s.result === "passed" ? "\u2705 passed" : "\u274C failed"} | ${cell2(s.rtoSeconds)}${s.rtoSeconds === void 0 ? "" : " s"} | ${cell2(s.keysAtBackup)} | ${cell2(s.keysAfterRestore)} | ${cell2(s.keysLost)} | ${s.writesLost === void 0 ? "\u2013" : `${s.writesLost} of ${s.writesAfterBackup}`} | ${cell2(s.planCase)} | ${bumpCell(s.revisionBump)} |`
  );
  const skipped2 = report.scenarios.filter((s) => s.revisionBump?.skipped).map((s) => `- **${s.scenario}**: revision not bumped: ${s.revisionBump.skipped}`);
  const versions = [
    ...new Set(report.scenarios.map((s) => s.etcdServerVersion).filter(Boolean))
  ].join(", ");
  const failures = report.scenarios.filter((s) => s.result === "failed").map((s) => `- **${s.scenario}**: ${s.error ?? "failed"}`);
  return [
    `Rehearsal on the \`${report.provider}\` provider, ${report.provider === "kind" ? "the etcd of kind's node image" : `etcd ${report.etcdVersion}`}${versions ? ` (members ran ${versions})` : ""}, ${report.keys} keys seeded, started ${report.startedAt}: ${report.ok ? "every scenario recovered." : "SOME SCENARIOS FAILED."}`,
    "",
    "| scenario | result | RTO | keys at backup | keys after restore | backup keys lost | writes after backup lost (RPO) | plan | revision bump |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    ...skipped2.length ? ["", ...skipped2] : [],
    ...failures.length ? ["", ...failures] : [],
    ""
  ].join("\n");
}

// src/commands/rehearse.ts
var RehearsalFailedError = class extends OperationError {
  constructor(result) {
    const failed2 = result.scenarios.filter((s) => s.result === "failed");
    super(
      `Rehearsal failed: ${failed2.map((s) => `${s.scenario} (${s.error ?? "failed"})`).join("; ")}`
    );
    this.result = result;
  }
  result;
};
async function preflight(provider) {
  if (provider === "kind") {
    const kind = await kindAvailability();
    if (!kind.available) {
      throw new InputError(
        `The kind provider cannot run here: ${kind.reason}. Install kind and a Docker engine (on GitHub runners: helm/kind-action), or use --provider local.`
      );
    }
  }
}
async function rehearse(opts, ctx) {
  if (opts.scenarios.length === 0) {
    throw new InputError(`No scenario chosen. Expected some of: ${SCENARIOS.join(", ")}.`);
  }
  const etcdVersion = parseEtcdVersion(opts.etcdVersion);
  await preflight(opts.provider);
  const report = {
    tool: "kube-rescue",
    startedAt: (/* @__PURE__ */ new Date()).toISOString(),
    provider: opts.provider,
    etcdVersion,
    keys: opts.keys,
    ok: false,
    scenarios: []
  };
  for (const [i, name] of opts.scenarios.entries()) {
    ctx.progress.info(`Scenario ${i + 1}/${opts.scenarios.length}: ${name}`);
    const r = await runScenario(name, {
      provider: opts.provider,
      etcdVersion,
      keys: opts.keys,
      progress: ctx.progress
    });
    ctx.progress.info(
      `Scenario ${name}: ${r.result}${r.rtoSeconds === void 0 ? "" : `, RTO ${r.rtoSeconds} s`}${r.error ? ` \u2014 ${r.error}` : ""}`
    );
    report.scenarios.push(r);
  }
  report.ok = report.scenarios.every((s) => s.result === "passed");
  if (opts.report) {
    await writeFile9(opts.report, `${JSON.stringify(report, null, 2)}
`);
    ctx.progress.info(`Wrote the JSON report to ${opts.report}`);
  }
  if (!report.ok) throw new RehearsalFailedError(report);
  return report;
}

// src/commands/verify.ts
import { isDeepStrictEqual as isDeepStrictEqual2 } from "node:util";

// src/backup/verify-set.ts
import { createWriteStream as createWriteStream3 } from "node:fs";
import { mkdtemp as mkdtemp8, rm as rm12 } from "node:fs/promises";
import { tmpdir as tmpdir10 } from "node:os";
import { join as join22, resolve as resolve3 } from "node:path";
import { text as text3 } from "node:stream/consumers";

// src/etcd/local-cluster.ts
import { spawn as spawn6 } from "node:child_process";
import { mkdir as mkdir9, mkdtemp as mkdtemp7, open as open6, readFile as readFile11 } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { createServer } from "node:net";
import { tmpdir as tmpdir9 } from "node:os";
import { join as join21 } from "node:path";
async function freePort() {
  return new Promise((resolve4, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(
        () => typeof addr === "object" && addr ? resolve4(addr.port) : reject(new Error("no port"))
      );
    });
  });
}
var live = /* @__PURE__ */ new Set();
var exitHookInstalled = false;
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", () => {
    for (const c of live) c.kill("SIGKILL");
  });
}
var LocalEtcdCluster = class _LocalEtcdCluster {
  constructor(dir, opts, token) {
    this.dir = dir;
    this.opts = opts;
    this.token = token;
  }
  dir;
  opts;
  token;
  members = [];
  running = /* @__PURE__ */ new Map();
  /** Starts every member at once (they need each other for a quorum) and waits until all are healthy. */
  static async start(opts = {}) {
    const names = opts.names ?? Array.from({ length: opts.size ?? 1 }, (_, i) => `etcd${i + 1}`);
    if (names.length === 0) throw new InputError("A local etcd cluster needs at least one member.");
    const dir = opts.dir ?? await mkdtemp7(join21(tmpdir9(), "kube-rescue-etcd-"));
    await mkdir9(dir, { recursive: true, mode: 448 });
    const cluster = new _LocalEtcdCluster(dir, opts, opts.token ?? `kube-rescue-${Date.now()}`);
    for (const name of names) cluster.members.push(await cluster.describe(name));
    try {
      await Promise.all(
        cluster.members.map((m) => cluster.spawnMember(m, "new", cluster.initialCluster()))
      );
      await Promise.all(cluster.members.map((m) => cluster.waitHealthy(m)));
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }
  async describe(name) {
    const scheme = this.opts.tls ? "https" : "http";
    const ports = this.opts.ports?.[name] ?? { client: await freePort(), peer: await freePort() };
    return {
      name,
      clientUrl: `${scheme}://127.0.0.1:${ports.client}`,
      peerUrl: `${scheme}://127.0.0.1:${ports.peer}`,
      dataDir: this.opts.dataDirs?.[name] ?? join21(this.dir, `${name}.etcd`),
      logFile: join21(this.dir, `${name}.log`)
    };
  }
  /** `name=peerUrl,...` of the given members (default all). */
  initialCluster(members = this.members) {
    return members.map((m) => `${m.name}=${m.peerUrl}`).join(",");
  }
  get endpoints() {
    return this.members.map((m) => m.clientUrl);
  }
  member(name) {
    const m = this.members.find((x) => x.name === name);
    if (!m)
      throw new InputError(
        `No member "${name}" in this local etcd cluster (members: ${this.members.map((x) => x.name).join(", ")}).`
      );
    return m;
  }
  isRunning(name) {
    return this.running.has(name);
  }
  async spawnMember(m, state, initialCluster) {
    const tls = this.opts.tls;
    const args = [
      `--name=${m.name}`,
      `--data-dir=${m.dataDir}`,
      `--listen-client-urls=${m.clientUrl}`,
      `--advertise-client-urls=${m.clientUrl}`,
      `--listen-peer-urls=${m.peerUrl}`,
      `--initial-advertise-peer-urls=${m.peerUrl}`,
      `--initial-cluster=${initialCluster}`,
      `--initial-cluster-state=${state}`,
      `--initial-cluster-token=${this.token}`,
      // Loopback only: short raft timers make elections after a kill quick.
      "--heartbeat-interval=50",
      "--election-timeout=500"
    ];
    if (tls) {
      const c = tls.member(m.name);
      args.push(
        `--cert-file=${c.cert}`,
        `--key-file=${c.key}`,
        `--trusted-ca-file=${tls.cacert}`,
        "--client-cert-auth",
        `--peer-cert-file=${c.cert}`,
        `--peer-key-file=${c.key}`,
        `--peer-trusted-ca-file=${tls.cacert}`,
        "--peer-client-cert-auth"
      );
    }
    const log = await open6(m.logFile, "a");
    const child = spawn6(this.opts.etcdBinary ?? "etcd", args, {
      stdio: ["ignore", log.fd, log.fd]
    });
    await new Promise((resolve4, reject) => {
      child.once("spawn", resolve4);
      child.once(
        "error",
        (err) => reject(
          err.code === "ENOENT" ? new OperationError(
            `etcd is not installed on this machine (no "${this.opts.etcdBinary ?? "etcd"}" on PATH). Debian: apt-get install etcd-server.`
          ) : err
        )
      );
    }).finally(() => log.close());
    live.add(child);
    installExitHook();
    const exited = new Promise((resolve4) => child.once("exit", () => resolve4()));
    exited.then(() => {
      live.delete(child);
      if (this.running.get(m.name)?.child === child) this.running.delete(m.name);
    });
    this.running.set(m.name, { child, exited });
  }
  /** Resolves when `/health` of the member says true; fails with its log tail otherwise. */
  async waitHealthy(m, timeoutMs = this.opts.startTimeoutMs ?? 3e4) {
    const deadline = Date.now() + timeoutMs;
    let last = "";
    while (Date.now() < deadline) {
      if (!this.running.has(m.name)) break;
      try {
        const body = await this.get(m, "/health");
        if (/"health"\s*:\s*"true"/.test(body)) return;
        last = body;
      } catch (err) {
        last = err.message;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const logTail = (await readFile11(m.logFile, "utf8").catch(() => "")).split("\n").slice(-15).join("\n");
    throw new OperationError(
      `Local etcd member ${m.name} (${m.clientUrl}) ${this.running.has(m.name) ? `was not healthy within ${timeoutMs / 1e3} s (${last})` : "exited"}; data dir ${m.dataDir}. Last lines of ${m.logFile}:
${logTail}`
    );
  }
  /** An HTTP GET against a member's client URL (with its own cert as client cert under TLS). */
  async get(m, path) {
    const url = new URL(path, m.clientUrl);
    const tls = this.opts.tls;
    const opts = tls ? {
      // SNI may not be an IP (RFC 6066); the member certs are valid for localhost too.
      servername: "localhost",
      ca: await readFile11(tls.cacert),
      cert: await readFile11(tls.member(m.name).cert),
      key: await readFile11(tls.member(m.name).key)
    } : {};
    return new Promise((resolve4, reject) => {
      const req = (url.protocol === "https:" ? httpsRequest : httpRequest)(
        url,
        { ...opts, timeout: 2e3 },
        (res) => {
          const chunks = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve4(Buffer.concat(chunks).toString("utf8")));
          res.on("error", reject);
        }
      );
      req.on("timeout", () => req.destroy(new Error("timed out")));
      req.on("error", reject);
      req.end();
    });
  }
  /** Waits until the cluster version is decided (a member add before that kills the new member). */
  async waitForClusterVersion(timeoutMs = 3e4) {
    const deadline = Date.now() + timeoutMs;
    for (; ; ) {
      for (const m of this.members.filter((x) => this.running.has(x.name))) {
        const body = await this.get(m, "/version").catch(() => "");
        const v = /"etcdcluster"\s*:\s*"(\d+\.\d+\.\d+)"/.exec(body)?.[1];
        if (v) return v;
      }
      if (Date.now() > deadline)
        throw new OperationError(
          `The local etcd cluster in ${this.dir} did not decide a cluster version within ${timeoutMs / 1e3} s.`
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  /** Sends `signal` and waits for the process to exit (SIGKILL after `graceMs`). */
  async kill(name, signal = "SIGKILL", graceMs = 1e4) {
    const r = this.running.get(name);
    if (!r) return;
    r.child.kill(signal);
    const timer = setTimeout(() => r.child.kill("SIGKILL"), graceMs);
    await r.exited;
    clearTimeout(timer);
  }
  /** Restarts a stopped member on its own data dir. */
  async restart(name) {
    const m = this.member(name);
    if (this.running.has(name)) return;
    await this.spawnMember(m, "existing", this.initialCluster());
    await this.waitHealthy(m);
  }
  /** Ports and dirs for a member about to be added with `member add` (not started yet). */
  async prepareJoin(name) {
    if (this.members.some((m2) => m2.name === name))
      throw new InputError(`Member ${name} already exists in this local cluster.`);
    const m = await this.describe(name);
    this.members.push(m);
    return m;
  }
  /** Starts a prepared member with the ETCD_INITIAL_CLUSTER `member add` printed. */
  async startJoined(name, initialCluster) {
    const m = this.member(name);
    await this.spawnMember(m, "existing", initialCluster);
    await this.waitHealthy(m);
  }
  /** Forgets a member that was removed from the cluster (its process must be stopped first). */
  forget(name) {
    if (this.running.has(name)) throw new InputError(`Stop member ${name} before forgetting it.`);
    const i = this.members.findIndex((m) => m.name === name);
    if (i >= 0) this.members.splice(i, 1);
  }
  /** SIGTERM every member and wait for all to exit. */
  async stop() {
    await Promise.all([...this.running.keys()].map((n) => this.kill(n, "SIGTERM")));
  }
  async [Symbol.asyncDispose]() {
    await this.stop();
  }
};

// src/backup/verify-set.ts
var compare = (name, expected, actual) => ({
  name,
  ok: String(expected) === String(actual),
  expected: String(expected),
  actual: String(actual)
});
async function verifySet(store, setName, opts) {
  const checks = [];
  const where = `${store.urlOf(setName)}/manifest.json`;
  let manifest;
  try {
    manifest = parseManifest(await text3(await store.read(setName, "manifest.json")), where);
    checks.push({ name: "manifest", ok: true, detail: manifest.digest });
  } catch (err) {
    if (err instanceof InputError) throw err;
    const digest = /its digest is (\S+) but its content hashes to (\S+?)\./.exec(
      err.message
    );
    checks.push({
      name: "manifest",
      ok: false,
      ...digest ? { expected: digest[1], actual: digest[2] } : {},
      detail: err.message
    });
    return { checks, ok: false };
  }
  const encrypted = manifest.objects.filter((o) => o.encryption);
  if (encrypted.length > 0 && opts.identities.length === 0) {
    const to = [...new Set(encrypted.flatMap((o) => o.encryption.recipients))].join(", ");
    throw new InputError(
      `${store.urlOf(setName)} is encrypted to ${to}: pass the matching age identity file with --identity.`
    );
  }
  const ctl = offlineEtcdCtl(opts.etcdBinDir);
  if (opts.deep) await requireSameEtcdMinor(ctl, manifest, opts.etcdBinDir);
  const work = await mkdtemp8(join22(opts.workDir ?? tmpdir10(), "kube-rescue-verify-"));
  try {
    let snapshotFile;
    for (const object of manifest.objects) {
      const isSnapshot = object.kind === "etcd-snapshot";
      const file = isSnapshot ? join22(work, "etcd.db") : void 0;
      const ok = await opts.progress.phase(
        `Check ${object.name}`,
        () => checkObject(store, setName, object, opts.identities, checks, file)
      );
      if (ok && file) snapshotFile = file;
    }
    if (snapshotFile) {
      await opts.progress.phase("Check snapshot status", async () => {
        const status = await ctl.snapshotStatus(snapshotFile);
        checks.push(compare("snapshot revision", manifest.snapshot.revision, status.revision));
        checks.push(compare("snapshot totalKey", manifest.snapshot.totalKey, status.totalKey));
        checks.push(compare("snapshot hash", manifest.snapshot.hash, status.hash));
      });
      if (opts.deep && checks.every((c) => c.ok)) {
        await opts.progress.phase(
          "Restore into a throw-away etcd and compare the keyspace",
          () => deepCheck(ctl, snapshotFile, work, manifest, checks)
        );
      }
    } else if (opts.deep) {
      checks.push({
        name: "deep restore",
        ok: false,
        detail: "skipped: the snapshot did not pass its checks"
      });
    }
  } finally {
    await rm12(work, { recursive: true, force: true });
  }
  return { manifest, checks, ok: checks.every((c) => c.ok) };
}
async function checkObject(store, setName, object, identities, checks, file) {
  const isSnapshot = object.kind === "etcd-snapshot";
  try {
    const source = await store.read(setName, object.name);
    const back = await readObject(source, object, {
      identities,
      where: `${store.urlOf(setName)}/${object.name}`,
      ...isSnapshot ? { snapshotTrailer: object.name } : {},
      sink: file ? createWriteStream3(file, { mode: 384 }) : void 0
    });
    const results = [
      compare(`${object.name} stored bytes`, object.bytes, back.bytes),
      compare(`${object.name} stored sha256`, object.sha256, back.sha256),
      compare(`${object.name} plaintext bytes`, object.plaintextBytes, back.plaintextBytes),
      compare(`${object.name} plaintext sha256`, object.plaintextSha256, back.plaintextSha256)
    ];
    if (back.trailer) {
      const r = back.trailer;
      results.push({
        name: `${object.name} etcd sha256 trailer`,
        ok: r.ok,
        expected: r.expected,
        actual: r.actual,
        ...r.detail ? { detail: r.detail } : {}
      });
    }
    checks.push(...results);
    return results.every((c) => c.ok);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (!(err instanceof KubeRescueError) && !isStreamDamage(err)) throw err;
    checks.push({
      name: object.name,
      ok: false,
      expected: `sha256 ${object.sha256}, ${object.bytes} bytes`,
      detail: err.message
    });
    return false;
  }
}
function isStreamDamage(err) {
  const code = err.code ?? "";
  return code.startsWith("Z_") || code === "ERR_STREAM_PREMATURE_CLOSE";
}
function offlineEtcdCtl(binDir) {
  return new EtcdCtl(new LocalTransport(), {
    endpoints: ["http://127.0.0.1:2379"],
    commands: toolCommandsIn(binDir)
  });
}
function toolCommandsIn(binDir) {
  if (!binDir) return defaultToolCommands;
  const dir = resolve3(binDir);
  return {
    etcd: [join22(dir, "etcd")],
    etcdctl: [join22(dir, "etcdctl")],
    etcdutl: [join22(dir, "etcdutl")]
  };
}
async function requireSameEtcdMinor(ctl, manifest, binDir) {
  const backedUp = parseSemVer(manifest.etcd.version);
  if (!backedUp) return;
  const where = binDir ? `in ${resolve3(binDir)}` : "on PATH";
  const minor = `${backedUp.major}.${backedUp.minor}`;
  const howToGet = minor === "3.4" ? "Debian's etcd-server and etcd-client packages are 3.4" : `in a kube-rescue checkout, \`bash scripts/build-tools.sh etcd-${minor}\` builds them into ~/.cache/kube-rescue/tools/etcd-${minor}/bin`;
  const fix = `Pass --etcd-bin-dir DIR with etcd, etcdctl${minor === "3.4" ? "" : " and etcdutl"} ${minor}.x (${howToGet}).`;
  const tools = await ctl.etcdTools().catch((err) => {
    throw new InputError(
      `verify --deep needs etcd and its tools ${where} to restore the snapshot of etcd ${manifest.etcd.version}: ${err.message} ${fix}`
    );
  });
  const found = tools.server;
  if (!found) {
    throw new InputError(
      `verify --deep needs an etcd server ${where} to start on the restored snapshot (etcd ${manifest.etcd.version}), and found none. ${fix}`
    );
  }
  if (found.major !== backedUp.major || found.minor !== backedUp.minor) {
    throw new InputError(
      `The backup was taken from etcd ${manifest.etcd.version}, but the etcd ${where} is ${found.raw}: verify --deep restores with the backup's own minor. ${fix}`
    );
  }
}
async function deepCheck(ctl, snapshot, work, manifest, checks) {
  const ports = { client: await freePort(), peer: await freePort() };
  const name = "kube-rescue-verify";
  const peerUrl = `http://127.0.0.1:${ports.peer}`;
  const dataDir = join22(work, "restored.etcd");
  await ctl.snapshotRestore({
    snapshot,
    dataDir,
    name,
    initialCluster: `${name}=${peerUrl}`,
    initialClusterToken: `${name}-${Date.now()}`,
    initialAdvertisePeerUrls: [peerUrl]
  });
  const cluster = await LocalEtcdCluster.start({
    names: [name],
    dir: work,
    dataDirs: { [name]: dataDir },
    ports: { [name]: ports },
    etcdBinary: ctl.options.commands?.etcd[0]
  });
  const restored = ctl.withEndpoints(cluster.endpoints);
  try {
    const expected = manifest.hashKV;
    if (expected) {
      checks.push(...hashKVChecks(expected, await hashKVViaEtcdCtl(restored, expected.revision)));
    }
    if (manifest.fingerprint) {
      const client = await connectEtcdClient({ endpoints: cluster.endpoints });
      const fp = await fingerprintWithClient(client, {}, "the restored etcd").finally(
        () => client.close()
      );
      checks.push(compare("restored key count", manifest.fingerprint.count, fp.count));
      checks.push(compare("restored keyspace sha256", manifest.fingerprint.sha256, fp.sha256));
    }
    if (!expected && !manifest.fingerprint) {
      const { count } = await restored.keyCount();
      checks.push({
        name: "restored keyspace",
        ok: true,
        actual: `${count} keys`,
        detail: "the manifest has no key hash or fingerprint to compare with; the snapshot restored and etcd served it"
      });
    }
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    checks.push({ name: "restored keyspace", ok: false, detail: err.message });
  } finally {
    await cluster.stop();
  }
}
function hashKVChecks(expected, actual) {
  const name = "restored key hash (etcd HashKV)";
  const counted = compare("restored key count", expected.count, actual.count);
  const c = compareHashKV(expected, actual);
  const hashes = { expected: String(expected.hash), actual: String(actual.hash) };
  if (c.result === "same") return [counted, { name, ok: true, ...hashes }];
  if (c.result === "different") {
    const detail = `at revision ${expected.revision} the restored keys, or their history, differ from what the member held when it was backed up`;
    return [counted, { name, ok: false, ...hashes, detail }];
  }
  return [counted, { name, ok: true, ...hashes, detail: `not compared: ${c.detail}` }];
}

// src/commands/verify.ts
var VerifyFailedError = class extends OperationError {
  constructor(result) {
    const failed2 = result.checks.filter((c) => !c.ok).map(
      (c) => `- ${c.name}: ${c.expected !== void 0 ? `expected ${c.expected}, got ${c.actual ?? "nothing"}` : ""}${c.detail ? `${c.expected !== void 0 ? ". " : ""}${c.detail}` : ""}`
    );
    super(`Backup ${result.backup} failed verification:
${failed2.join("\n")}`);
    this.result = result;
  }
  result;
};
async function verify(opts, ctx) {
  const identities = await loadIdentityFiles(opts.identityFiles);
  const { store, setName } = await openSet(opts.backup, opts.s3);
  const { check: check2, manifest: signed } = await checkSetSignature(store, setName, opts.trustedSigners);
  const signatureCheck = {
    name: MANIFEST_SIGNATURE,
    ok: check2.status !== "invalid",
    detail: describeSignature(check2)
  };
  const v = await verifySet(store, setName, {
    identities,
    deep: opts.deep,
    etcdBinDir: opts.etcdBinDir,
    progress: ctx.progress,
    workDir: ctx.workDir
  });
  if (check2.status === "trusted" && v.manifest && !isDeepStrictEqual2(parseManifest(signed.toString("utf8"), signatureCheck.name), v.manifest)) {
    signatureCheck.ok = false;
    signatureCheck.detail = "manifest.json changed while the set was verified; verify again";
  }
  if (check2.status === "trusted" && v.manifest) {
    requireOwnName(v.manifest.setName, setName, store.urlOf(setName));
  }
  const result = {
    backup: store.urlOf(setName),
    ok: v.ok && signatureCheck.ok,
    ..."signer" in check2 ? { signer: check2.signer } : {},
    checks: [signatureCheck, ...v.checks]
  };
  if (!result.ok) throw new VerifyFailedError(result);
  return result;
}

// src/node-warnings.ts
var HARMLESS = /* @__PURE__ */ new Set(["DEP0123"]);
function dropHarmlessWarnings() {
  process.removeAllListeners("warning");
  process.on("warning", (warning) => {
    if (warning.code && HARMLESS.has(warning.code)) return;
    const code = warning.code ? `[${warning.code}] ` : "";
    process.stderr.write(`(node:${process.pid}) ${code}${warning.name}: ${warning.message}
`);
  });
}

// src/report/backup.ts
var cell3 = (s) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
function table(head, rows) {
  return [
    `| ${head.join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell3).join(" | ")} |`)
  ].join("\n");
}
function formatBytes(n) {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(1)} ${units[u]}`;
}
function renderBackupMarkdown(r) {
  return [
    `Backup set **${r.backupPath}** (etcd revision ${r.snapshotRevision}, snapshot sha256 \`${r.snapshotSha256}\`)`,
    "",
    table(
      ["object", "size"],
      r.objects.map((o) => [o.name, formatBytes(o.bytes)])
    ),
    r.removedByRetention.length ? `
Removed by retention: ${r.removedByRetention.join(", ")}` : "",
    r.signedBy ? `
Signed (manifest.json.sig) with ${r.signedBy.keyType} key ${r.signedBy.fingerprint}.` : "",
    ""
  ].join("\n");
}
function renderListMarkdown(sets) {
  if (sets.length === 0) return "No complete backup sets here.\n";
  return `${table(
    ["set", "created", "revision", "size", "encryption"],
    sets.map((s) => [
      s.url,
      s.created,
      String(s.revision),
      formatBytes(s.bytes),
      s.encrypted ? "age" : "none"
    ])
  )}
`;
}
function renderVerifyMarkdown(r) {
  return [
    `${r.ok ? "\u2714" : "\u2716"} ${r.backup}: ${r.checks.filter((c) => c.ok).length}/${r.checks.length} checks passed`,
    "",
    table(
      ["check", "ok", "expected", "actual", "detail"],
      r.checks.map((c) => [
        c.name,
        c.ok ? "yes" : "**NO**",
        c.expected ?? "",
        c.actual ?? "",
        c.detail ?? ""
      ])
    ),
    ""
  ].join("\n");
}

// src/report/render.ts
function renderHuman(command, result) {
  const renderer = renderers[command];
  if (renderer) return renderer(result);
  return `${JSON.stringify(result, null, 2)}
`;
}
var renderers = {
  inventory: (result) => {
    const r = result;
    return r.output === void 0 ? r.text : `wrote ${r.output}
`;
  },
  backup: (result) => renderBackupMarkdown(result),
  list: (result) => renderListMarkdown(result),
  verify: (result) => renderVerifyMarkdown(result),
  rehearse: (result) => renderRehearsalMarkdown(result),
  plan: (result) => {
    const { plan: plan2, preflight: preflight2 } = result;
    if (!preflight2) return renderPlanMarkdown(plan2);
    const objects = preflight2.objects.map(
      (o) => `- ${o.name}: present, ${o.bytes} bytes${o.encrypted ? ", opens with the identity given" : ""}`
    );
    return `${renderPlanMarkdown(plan2)}
Backup checked before any change: ${preflight2.signatureText}.
${objects.join("\n")}${objects.length ? "\n" : ""}`;
  },
  restore: (result) => {
    const r = result;
    return [
      renderExecutionMarkdown(r.execution),
      r.verification ? renderVerificationMarkdown(r.verification) : "",
      `Recovered in ${r.rtoSeconds.toFixed(1)} s (RTO, measured from the start of the command).
`
    ].join("\n");
  }
};

// src/cli.ts
var csv = (value, previous = []) => [
  ...previous,
  ...value.split(",").map((s) => s.trim()).filter(Boolean)
];
function positiveInt(value) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) {
    throw new InvalidArgumentError(`expected a whole number \u2265 1, got '${value}'.`);
  }
  return n;
}
var TRUSTED_SIGNERS_HELP = "allowed_signers file (ssh-keygen's format: '<principal> ssh-ed25519 AAAA\u2026' per line): refuse a set not signed by one of them";
function addAccessFlags(cmd) {
  return cmd.addOption(
    new Option("--transport <kind>", "how to reach nodes").choices(["ssh", "local", "docker"]).default("ssh")
  ).option("--ssh-user <user>", "SSH user (default: ansible_user from the inventory, else root)").option("--ssh-key <file>", "private key file for SSH").option("--known-hosts <file>", "known_hosts file to check host keys against", void 0).option("--insecure-skip-host-key-check", "do not check SSH host keys (not recommended)").option("--jump-host <user@host:port>", "reach nodes through this SSH jump host").option("--etcd-endpoints <urls>", "comma-separated etcd client URLs", csv).option("--etcd-cacert <file>", "etcd CA certificate (overrides the layout)").option("--etcd-cert <file>", "etcd client certificate (overrides the layout)").option("--etcd-key <file>", "etcd client key (overrides the layout)").addOption(
    new Option("--layout <layout>", "cluster layout on the nodes").choices(["auto", "kubespray", "kubeadm"]).default("auto")
  );
}
function accessFrom(flags) {
  return {
    transport: flags.transport,
    sshUser: flags.sshUser,
    sshKeyFile: flags.sshKey,
    knownHosts: flags.knownHosts,
    insecureSkipHostKeyCheck: flags.insecureSkipHostKeyCheck,
    jumpHost: flags.jumpHost,
    etcdEndpoints: flags.etcdEndpoints,
    etcdCacert: flags.etcdCacert,
    etcdCert: flags.etcdCert,
    etcdKey: flags.etcdKey,
    layout: flags.layout
  };
}
function planOptionsFrom(o) {
  return {
    inventory: o.inventory,
    access: accessFrom(o),
    backup: o.backup,
    identityFiles: o.identity ?? [],
    trustedSigners: o.trustedSigners,
    strategy: o.strategy,
    force: Boolean(o.force),
    preferBackupSnapshot: Boolean(o.preferBackupSnapshot),
    removeHosts: o.removeHost ?? [],
    ...o.bumpRevision !== void 0 ? { bumpRevision: o.bumpRevision } : {}
  };
}
async function run(program, name, work) {
  const flags = program.opts();
  const ctx = {
    progress: new StderrProgress({ verbose: flags.verbose, quiet: flags.quiet })
  };
  const print = (result) => process.stdout.write(
    flags.json ? `${JSON.stringify(result, null, 2)}
` : renderHuman(name, result)
  );
  try {
    print(await work(ctx));
  } catch (err) {
    if (err instanceof OperationError && "result" in err) print(err.result);
    throw err;
  }
}
function buildProgram() {
  const program = new Command("kube-rescue").description(
    "Back up, recover and rehearse the recovery of a Kubernetes control plane (etcd + certificates)."
  ).version(VERSION2).option("--json", "print the result as one JSON object on stdout").option("-v, --verbose", "show debug progress on stderr").option("-q, --quiet", "show only warnings on stderr").showHelpAfterError("(run with --help for usage)").exitOverride().addHelpText(
    "after",
    `
Exit codes: 0 ok, 1 the operation failed, 2 bad input or usage.
Progress goes to stderr; results to stdout (--json: one JSON object).

Examples:
  kube-rescue backup -i inventory/hosts.ini --dest /backups --encrypt-to age1...
  kube-rescue plan -i inventory/hosts.ini --backup /backups/mycluster-20261122T010000Z
  kube-rescue inventory recover -i hosts.ini --broken-etcd node1 --broken-control-plane node1
  kube-rescue rehearse --scenario member-loss`
  );
  addAccessFlags(
    program.command("backup").description("Save an etcd snapshot and the control-plane certificates as one backup set.").option("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").requiredOption("--dest <dir|s3://bucket/prefix>", "where to store the backup set").option("--encrypt-to <recipient>", "age recipient (repeatable or comma-separated)", csv).option(
      "--sign-key <file>",
      "SSH private key: sign the set (manifest.json.sig, ssh-keygen -Y sign, namespace kube-rescue-backup)"
    ).addOption(
      new Option("--compress <algo>", "compression").choices(["gzip", "zstd", "none"]).default("gzip")
    ).option("--keep <n>", "keep the newest N backup sets written by kube-rescue", positiveInt).option("--keep-hourly <n>", "also keep one set per hour for N hours", positiveInt).option("--keep-daily <n>", "also keep one set per day for N days", positiveInt).option("--keep-weekly <n>", "also keep one set per week for N weeks", positiveInt).option("--etcd-only", "skip the certificate/manifest archives").option(
      "--cluster-name <name>",
      "name of the cluster in the set name (default: from the inventory)"
    ).option(
      "--s3-endpoint <url>",
      "S3 endpoint (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL)"
    ).option("--s3-region <region>", "S3 region (default: AWS_REGION)").addOption(
      new Option(
        "--fingerprint <mode>",
        "keyspace check recorded for verify --deep and restores: hash = etcd's own HashKV + key count, computed by the member (cheap); full = also a sha256 of every key and value, read back from etcd (a second full read; still compares after a revision bump); none"
      ).choices(FINGERPRINT_MODES).default("hash")
    ).option("--no-fingerprint", "same as --fingerprint none")
  ).action(async (o) => {
    await run(
      program,
      "backup",
      (ctx) => backup(
        {
          inventory: o.inventory,
          access: accessFrom(o),
          dest: o.dest,
          encryptTo: o.encryptTo ?? [],
          compress: o.compress,
          keep: o.keep,
          keepHourly: o.keepHourly,
          keepDaily: o.keepDaily,
          keepWeekly: o.keepWeekly,
          etcdOnly: Boolean(o.etcdOnly),
          clusterName: o.clusterName,
          s3: { endpoint: o.s3Endpoint, region: o.s3Region },
          fingerprint: o.fingerprint === false ? "none" : o.fingerprint,
          signKey: o.signKey
        },
        ctx
      )
    );
  });
  program.command("list").description("List the complete backup sets at a destination.").argument("<dest>", "directory or s3://bucket/prefix").option("--s3-endpoint <url>", "S3 endpoint (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL)").option("--s3-region <region>", "S3 region (default: AWS_REGION)").action(async (dest, o) => {
    await run(
      program,
      "list",
      (ctx) => list(dest, ctx, { endpoint: o.s3Endpoint, region: o.s3Region })
    );
  });
  program.command("verify").description("Check a backup set: hashes, decryption, the snapshot trailer and status.").argument("<backup>", "backup set: directory path or URL").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
    ...p,
    v
  ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).option("--deep", "also restore into a throw-away etcd and compare every key").option(
    "--etcd-bin-dir <dir>",
    "directory with etcd, etcdctl and etcdutl for the snapshot checks (default: those on PATH); --deep needs the backup's etcd minor and refuses another"
  ).option("--s3-endpoint <url>", "S3 endpoint (default: AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL)").option("--s3-region <region>", "S3 region (default: AWS_REGION)").action(async (b, o) => {
    await run(
      program,
      "verify",
      (ctx) => verify(
        {
          backup: b,
          identityFiles: o.identity ?? [],
          trustedSigners: o.trustedSigners,
          deep: Boolean(o.deep),
          etcdBinDir: o.etcdBinDir,
          s3: { endpoint: o.s3Endpoint, region: o.s3Region }
        },
        ctx
      )
    );
  });
  const planFlags = (cmd) => addAccessFlags(
    cmd.requiredOption("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").option("--backup <backup>", "backup set to restore from (directory path or URL)").option("--identity <file>", "age identity file (repeatable)", (v, p = []) => [
      ...p,
      v
    ]).option("--trusted-signers <file>", TRUSTED_SIGNERS_HELP).addOption(
      new Option(
        "--strategy <s>",
        "quorum-loss recovery: all members at once, or one then grow"
      ).choices(["parallel", "grow"]).default("parallel")
    ).option("--force", "allow restoring over a healthy quorum or from another cluster/version").option(
      "--prefer-backup-snapshot",
      "restore the backup's snapshot even where a surviving member has newer data (loses the writes since)"
    ).option(
      "--remove-host <host>",
      "a host that will not return: its etcd member is removed or left out, its Node deleted (repeatable)",
      csv
    ).option(
      "--bump-revision <n>",
      "raise the revision of a snapshot restore by N instead of the planned amount (etcd 3.5+; refused on 3.4)",
      positiveInt
    )
  );
  planFlags(
    program.command("plan").description("Probe the cluster and print the recovery plan. Changes nothing.")
  ).action(async (o) => {
    await run(program, "plan", (ctx) => plan(planOptionsFrom(o), ctx));
  });
  planFlags(
    program.command("restore").description("Execute the recovery plan. Resumable: a re-run continues where it stopped.").option("--yes", "really change the cluster (required)").option("--journal <file>", "journal of completed steps (default: beside the inventory)").option("--dry-run", "walk the whole plan without touching any node (no --yes needed)")
  ).action(async (o) => {
    await run(
      program,
      "restore",
      (ctx) => restore(
        {
          ...planOptionsFrom(o),
          yes: Boolean(o.yes),
          journal: o.journal,
          dryRun: Boolean(o.dryRun)
        },
        ctx
      )
    );
  });
  program.command("inventory").description("Work with Kubespray inventories.").command("recover").description(
    "Write the recovery inventory Kubespray's recover-control-plane.yml needs: a healthy host first, broken hosts copied into broken_etcd / broken_kube_control_plane."
  ).requiredOption("-i, --inventory <file>", "Kubespray inventory (hosts.ini / hosts.yaml)").option("--broken-etcd <hosts>", "comma-separated broken etcd hosts", csv).option("--broken-control-plane <hosts>", "comma-separated broken control-plane hosts", csv).option(
    "-e, --extra-vars <@file>",
    "extra vars file, as ansible -e @file (repeatable)",
    (v, p = []) => [...p, v.replace(/^@/, "")]
  ).option("-o, --output <file>", "write here instead of stdout").action(async (o) => {
    await run(
      program,
      "inventory",
      (ctx) => inventoryRecover(
        {
          inventory: o.inventory,
          brokenEtcd: o.brokenEtcd ?? [],
          brokenControlPlane: o.brokenControlPlane ?? [],
          extraVars: o.extraVars ?? [],
          output: o.output
        },
        ctx
      )
    );
  });
  program.command("rehearse").description(
    "Start a throw-away cluster, back it up, break it, recover it with kube-rescue, and prove nothing was lost."
  ).addOption(
    new Option("--provider <p>", "where the cluster runs").choices(["local", "kind"]).default("local")
  ).addOption(
    new Option(
      "--etcd-version <minor>",
      "etcd of the throw-away cluster (local provider): 3.4 is Debian's, 3.5 and 3.6 are built by scripts/build-tools.sh"
    ).choices([...ETCD_VERSIONS]).default(DEFAULT_ETCD_VERSION)
  ).addOption(
    new Option("--scenario <name...>", "scenarios to run (default: all)").choices([...SCENARIOS])
  ).option("--report <file>", "write the JSON report here").option("--keys <n>", "keys to seed before the backup", positiveInt, 2e3).action(async (o) => {
    await run(
      program,
      "rehearse",
      (ctx) => rehearse(
        {
          provider: o.provider,
          etcdVersion: o.etcdVersion,
          scenarios: o.scenario ?? [...SCENARIOS],
          report: o.report,
          keys: o.keys
        },
        ctx
      )
    );
  });
  return program;
}
async function main(argv) {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? 0 : 2;
    }
    const message2 = err instanceof Error ? err.message : String(err);
    process.stderr.write(`kube-rescue: ${message2}
`);
    if (!(err instanceof InputError) && process.env.KUBE_RESCUE_DEBUG && err instanceof Error) {
      process.stderr.write(`${err.stack}
`);
    }
    return exitCodeOf(err);
  }
}
dropHarmlessWarnings();
main(process.argv).then((code) => {
  process.exitCode = code;
});
export {
  buildProgram,
  main
};
//# sourceMappingURL=cli.js.map
