#!/usr/bin/env node
import {
  namedExports
} from "./chunk-LAA6A62G.js";
import {
  SnapshotTrailerReader
} from "./chunk-U3FYCLYN.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

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
  const failed = (what) => corrupt(where, `payload chunk ${counter} (at plaintext offset ${counter * AGE_CHUNK}) ${what}`);
  const openFull = (sealed) => {
    const key = payloadKey;
    let plain = open(key, streamNonce(counter, false), sealed);
    if (!plain) {
      plain = open(key, streamNonce(counter, true), sealed);
      if (plain) done = true;
    }
    if (!plain) throw failed("fails authentication: the file is truncated or altered");
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
          throw failed("is missing: the file ends without a final chunk (it is truncated)");
        }
        if (pending.length === TAG && counter > 0) {
          throw failed("is an empty final chunk after a full one, which age never writes");
        }
        const plain = open(
          payloadKey,
          streamNonce(counter, true),
          pending.takeAll()
        );
        if (!plain) throw failed("fails authentication: the file is truncated or altered");
        this.push(plain);
        cb();
      } catch (err) {
        cb(err);
      }
    }
  });
}

// src/backup/signature.ts
import { spawn } from "node:child_process";
import { mkdtemp, readFile as readFile2, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
var SIGNATURE_NAMESPACE = "kube-rescue-backup";
var MANIFEST_SIGNATURE = "manifest.json.sig";
function sshKeygen(args, stdin) {
  return new Promise((resolve, reject) => {
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
      (code) => resolve({
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
    key = await readFile2(keyFile);
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
  let text;
  try {
    text = await readFile2(file, "utf8");
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
function describeSignature(check) {
  switch (check.status) {
    case "trusted":
      return `signed by ${check.signer.principal} (${check.signer.keyType} key ${check.signer.fingerprint}), a trusted signer`;
    case "unchecked":
      return `signed with ${check.signer.keyType} key ${check.signer.fingerprint}; not checked against trusted signers (pass --trusted-signers to require one)`;
    case "unsigned":
      return "not signed: the set is trusted as the store holds it (pass --trusted-signers to require a signature)";
    case "invalid":
      return `the signature does not verify: ${check.detail}`;
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

// src/etcd/grpc-wire.ts
import { readFile as readFile3 } from "node:fs/promises";
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
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        session.destroy();
        reject(
          new OperationError(`No answer from etcd at ${endpoint} within ${opts.dialTimeoutMs}ms.`)
        );
      }, opts.dialTimeoutMs ?? 5e3);
      session.once("connect", () => {
        clearTimeout(timer);
        session.off("error", failed);
        session.on("error", () => {
        });
        session.setLocalWindowSize(WINDOW_BYTES);
        resolve(new _EtcdWire(endpoint, session));
      });
      const failed = (err) => {
        clearTimeout(timer);
        session.destroy();
        reject(new OperationError(`Cannot reach etcd at ${endpoint}: ${err.message}`));
      };
      session.once("error", failed);
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
        await new Promise((resolve) => {
          wake = resolve;
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
  return new Promise((resolve) => {
    const from = (h) => {
      const code = h["grpc-status"];
      if (code === void 0) return false;
      const raw = String(h["grpc-message"] ?? "");
      let details = raw;
      try {
        details = decodeURIComponent(raw);
      } catch {
      }
      resolve({ code: Number(code), details });
      return true;
    };
    stream.once("response", (headers) => {
      const http = headers[":status"];
      if (from(headers)) return;
      if (http !== 200) resolve({ code: 2, details: `HTTP status ${http}` });
    });
    stream.once("trailers", (trailers) => from(trailers));
    stream.once(
      "close",
      () => resolve({
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
    let at = 0;
    while (at < chunk.length) {
      if (this.body) {
        const n = Math.min(this.body.length - this.filled, chunk.length - at);
        chunk.copy(this.body, this.filled, at, at + n);
        this.filled += n;
        at += n;
        if (this.filled === this.body.length) {
          const m = this.body;
          this.body = void 0;
          yield m;
        }
        continue;
      }
      if (this.head.length === 0 && chunk.length - at >= 5) {
        const length2 = this.prefix(chunk, at);
        at += 5;
        if (chunk.length - at >= length2) {
          yield chunk.subarray(at, at + length2);
          at += length2;
        } else {
          this.body = Buffer.allocUnsafe(length2);
          this.filled = 0;
        }
        continue;
      }
      const take = Math.min(5 - this.head.length, chunk.length - at);
      this.head = Buffer.concat([this.head, chunk.subarray(at, at + take)]);
      at += take;
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
  prefix(b, at) {
    if (b[at] !== 0) {
      throw new OperationError(
        `etcd at ${this.endpoint} sent a compressed ${this.method} message, which was not asked for.`
      );
    }
    const length = b.readUInt32BE(at + 1);
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
  let at = 0;
  const varint = () => {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 7; i++) {
      if (at >= b.length) throw new OperationError("etcd sent a truncated protobuf message.");
      const byte = b[at++];
      v += (byte & 127) * scale;
      if (byte < 128) return v;
      scale *= 128;
    }
    let big = BigInt(v);
    let shift = 49n;
    for (let i = 7; i < 10; i++) {
      if (at >= b.length) throw new OperationError("etcd sent a truncated protobuf message.");
      const byte = b[at++];
      big |= BigInt(byte & 127) << shift;
      if (byte < 128) return Number(BigInt.asIntN(64, big));
      shift += 7n;
    }
    throw new OperationError("etcd sent a protobuf varint longer than 10 bytes.");
  };
  while (at < b.length) {
    const tag = varint();
    const no = Math.floor(tag / 8);
    switch (tag & 7) {
      case 0:
        yield { no, varint: varint() };
        break;
      case 1:
        at += 8;
        break;
      case 2: {
        const n = varint();
        if (at + n > b.length) throw new OperationError("etcd sent a truncated protobuf field.");
        yield { no, bytes: b.subarray(at, at + n) };
        at += n;
        break;
      }
      case 5:
        at += 4;
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
  const at = headerRevision(answer);
  if (at === void 0) {
    throw new OperationError(`etcd at ${wire.endpoint} answered a range without its revision.`);
  }
  return { count, revision: at };
}
async function hashKVAt(wire, revision) {
  const answer = await wire.unary(
    "/etcdserverpb.Maintenance/HashKV",
    encodeFields([{ no: 1, varint: revision }])
  );
  let hash2 = 0;
  let compactRevision = 0;
  for (const f of fieldsOf(answer)) {
    if (f.no === 2 && "varint" in f) hash2 = f.varint;
    else if (f.no === 3 && "varint" in f) compactRevision = f.varint;
  }
  return { hash: hash2, compactRevision };
}
async function readClientTls(tls) {
  const [ca, cert, key] = await Promise.all(
    [tls.cacert, tls.cert, tls.key].map(
      (f) => readFile3(f).catch((err) => {
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
    const [{ hash: hash2, compactRevision }, { count }] = await Promise.all([
      hashKVAt(wire, revision),
      countKeys(wire, revision)
    ]);
    return { revision, compactRevision, hash: hash2, count };
  } finally {
    wire.close();
  }
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
    return new Promise((resolve, reject) => {
      zlib.gzip(
        block,
        { level: this.level, chunkSize: OUTPUT_CHUNK_BYTES },
        (err, out) => err ? reject(err) : resolve(out)
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
import { createHash } from "node:crypto";
import { pipeline, Transform as Transform3, Writable } from "node:stream";
var HashingStage = class extends Transform3 {
  constructor(checks = [], opts = {}) {
    super({ highWaterMark: 256 * 1024 });
    this.checks = checks;
    this.opts = opts;
    if (opts.trailerFrom) return;
    if (opts.snapshotTrailer !== void 0) {
      this.trailer = new SnapshotTrailerReader(opts.snapshotTrailer);
    } else {
      this.hash = createHash("sha256");
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
        const { fileSha256, ...check } = external ?? this.trailer.finish();
        this.digest = fileSha256;
        this.trailerResult = check;
        if (!check.ok && this.opts.failOnBadTrailer !== false) {
          cb(
            new OperationError(
              check.detail ?? `${this.opts.snapshotTrailer}: bad sha256 trailer.`
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
async function storeObject(source, pending, opts) {
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
  const flowed = new Promise((resolve, reject) => {
    pipeline(
      [source, ...stages],
      (err) => err ? reject(err) : resolve()
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
  await new Promise((resolve, reject) => {
    pipeline(
      [source, ...stages, sink],
      (err) => err ? reject(err) : resolve()
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

// src/etcd/fingerprint.ts
import { createHash as createHash2, hash } from "node:crypto";
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
  hash = createHash2("sha256");
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
async function* pagedPairs(read, options, source, at) {
  const maxLimit = options.pageSize ?? 2e3;
  const targetBytes = options.targetPageBytes ?? 16 * 1024 * 1024;
  let limit = Math.min(maxLimit, options.firstPageSize ?? maxLimit);
  at.revision = options.revision ?? 0;
  let expectedCount;
  let read_ = 0;
  let last;
  let pending = read(Buffer.alloc(0), limit, at.revision);
  while (pending) {
    const page = await pending;
    pending = void 0;
    if (at.revision === 0) at.revision = page.revision;
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
      pending = read(kvs[kvs.length - 1].key, limit + 1, at.revision);
      pending.catch(() => void 0);
    }
    for (const kv of kvs) {
      if (last && Buffer.compare(kv.key, last) <= 0) {
        throw new OperationError(
          `${source} returned keys out of order while fingerprinting at revision ${at.revision}; refusing to produce a fingerprint.`
        );
      }
      read_++;
      last = kv.key;
      yield kv;
    }
  }
  if (read_ !== expectedCount) {
    throw new OperationError(
      `${source}: fingerprint at revision ${at.revision} read ${read_} keys but etcd counted ${expectedCount}. Was the revision compacted meanwhile? Retry.`
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
    const within = (key) => end === void 0 || Buffer.compare(key, end) < 0;
    const kvs = [];
    let page = await read(ranges[i].from, Math.min(maxLimit, ranges[i].keys) + 1, revision);
    if (i === 0) counted = page.count;
    let skip;
    for (; ; ) {
      for (const kv of page.kvs) {
        if (skip?.equals(kv.key)) continue;
        if (!within(kv.key)) return kvs;
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
  const at = { revision: 0 };
  return fingerprintOfPairs(pagedPairs(read, options, source, at), () => at.revision);
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
      let q = client.getAll().inRange({ start: from.length ? from : fromKeyEnd, end: fromKeyEnd }).limit(limit);
      if (revision) q = q.revision(revision);
      const res = await q.exec();
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
  const { hash: hash2, compactRevision } = hashes[0];
  return { revision, compactRevision, hash: hash2, count };
}
function preloadEtcdClient() {
  import("etcd3").catch(() => {
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
  const { Etcd3 } = namedExports(await import("etcd3"));
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

export {
  parseRecipient,
  parseIdentities,
  loadIdentityFiles,
  generateIdentity,
  checkAgeHeader,
  snapshotMessages,
  countKeys,
  connectMember,
  hashKVOfMember,
  requireCompression,
  storeObject,
  readObject,
  MANIFEST_SIGNATURE,
  signManifest,
  checkManifestSignature,
  describeSignature,
  checkSetSignature,
  compareHashKV,
  pagedPairs,
  rangedPairs,
  fingerprintOfPairs,
  fingerprintViaEtcdCtl,
  fingerprintWithClient,
  hashKVViaEtcdCtl,
  preloadEtcdClient,
  connectEtcdClient,
  fingerprintEndpoints,
  compareWithDigests,
  compareKeyspaces
};
//# sourceMappingURL=chunk-K5JV7D7L.js.map
