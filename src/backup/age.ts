import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { InputError, OperationError } from '../errors.js';

/*
 * age v1 (https://age-encryption.org/v1), X25519 recipients only, on node:crypto.
 * The npm `age-encryption` library is correct but its pure-JS ChaCha20-Poly1305 is ~14×
 * slower than Node's native cipher; a snapshot of several GiB must not wait on that.
 * Interop with the `age` CLI is proven both ways in test/unit/backup/age.test.ts.
 */

const INTRO = 'age-encryption.org/v1';
const X25519_LABEL = 'age-encryption.org/v1/X25519';
/** Plaintext bytes per STREAM chunk. */
export const AGE_CHUNK = 64 * 1024;
const TAG = 16;
const CIPHER_CHUNK = AGE_CHUNK + TAG;
/** A header larger than this is not an age header (we have no plugins with big stanzas). */
const MAX_HEADER = 64 * 1024;

// DER wrappers for raw 32-byte X25519 keys (RFC 8410), so node:crypto can take them.
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');

// --- bech32 (BIP 173), as age uses it: no 90-character limit ---------------------------

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

function polymod(values: number[]): number {
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GEN[i];
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (const c of hrp) out.push(c.charCodeAt(0) >>> 5);
  out.push(0);
  for (const c of hrp) out.push(c.charCodeAt(0) & 31);
  return out;
}

function convertBits(data: Iterable<number>, from: number, to: number, pad: boolean): number[] {
  let acc = 0;
  let bits = 0;
  const out: number[] = [];
  const maxv = (1 << to) - 1;
  for (const v of data) {
    acc = (acc << from) | v;
    bits += from;
    while (bits >= to) {
      bits -= to;
      out.push((acc >>> bits) & maxv);
    }
  }
  if (pad) {
    if (bits > 0) out.push((acc << (to - bits)) & maxv);
  } else if (bits >= from || ((acc << (to - bits)) & maxv) !== 0) {
    throw new Error('invalid padding');
  }
  return out;
}

function bech32Decode(text: string): { hrp: string; data: Buffer } {
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) {
    throw new Error('mixed case');
  }
  const s = text.toLowerCase();
  const sep = s.lastIndexOf('1');
  if (sep < 1 || sep + 7 > s.length) throw new Error('no separator or checksum');
  const hrp = s.slice(0, sep);
  const values: number[] = [];
  for (const c of s.slice(sep + 1)) {
    const v = CHARSET.indexOf(c);
    if (v < 0) throw new Error(`invalid character '${c}'`);
    values.push(v);
  }
  if (polymod([...hrpExpand(hrp), ...values]) !== 1) throw new Error('bad checksum');
  return { hrp, data: Buffer.from(convertBits(values.slice(0, -6), 5, 8, false)) };
}

function bech32Encode(hrp: string, data: Buffer): string {
  const values = convertBits(data, 8, 5, true);
  const mod = polymod([...hrpExpand(hrp), ...values, 0, 0, 0, 0, 0, 0]) ^ 1;
  const checksum = [0, 1, 2, 3, 4, 5].map((i) => (mod >>> (5 * (5 - i))) & 31);
  return `${hrp}1${[...values, ...checksum].map((v) => CHARSET[v]).join('')}`;
}

// --- keys ------------------------------------------------------------------------------

/** An X25519 recipient (`age1…`): whom a backup is encrypted to. Public; safe to record. */
export interface AgeRecipient {
  readonly text: string;
  readonly publicKey: Buffer;
}

/** An X25519 identity (`AGE-SECRET-KEY-1…`). Never logged, never written to a manifest. */
export interface AgeIdentity {
  readonly recipient: AgeRecipient;
  readonly privateKey: KeyObject;
}

function publicKeyObject(raw: Buffer): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_X25519, raw]),
    format: 'der',
    type: 'spki',
  });
}

function rawPublicKey(key: KeyObject): Buffer {
  return (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(SPKI_X25519.length);
}

/** Parses an `age1…` recipient; `where` names the flag or input it came from. */
export function parseRecipient(text: string, where = '--encrypt-to'): AgeRecipient {
  const trimmed = text.trim();
  let decoded: { hrp: string; data: Buffer };
  try {
    decoded = bech32Decode(trimmed);
  } catch (err) {
    throw new InputError(
      `${where}: '${trimmed}' is not an age recipient (${(err as Error).message}). Expected an X25519 public key 'age1…' as printed by 'age-keygen -y'.`,
    );
  }
  if (decoded.hrp !== 'age' || decoded.data.length !== 32) {
    throw new InputError(
      `${where}: '${trimmed}' is not an X25519 age recipient (prefix '${decoded.hrp}1', ${decoded.data.length} bytes). Only 'age1…' recipients are supported; SSH and plugin recipients are not.`,
    );
  }
  return { text: trimmed.toLowerCase(), publicKey: decoded.data };
}

function identityFromSecret(line: string, where: string): AgeIdentity {
  let decoded: { hrp: string; data: Buffer };
  try {
    decoded = bech32Decode(line);
  } catch (err) {
    // The line is secret material: describe it, never echo it.
    throw new InputError(
      `${where}: an AGE-SECRET-KEY-1 line is malformed (${(err as Error).message}). Regenerate the file with 'age-keygen -o FILE'.`,
    );
  }
  if (decoded.hrp !== 'age-secret-key-' || decoded.data.length !== 32) {
    throw new InputError(`${where}: an AGE-SECRET-KEY-1 line does not hold a 32-byte X25519 key.`);
  }
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_X25519, decoded.data]),
    format: 'der',
    type: 'pkcs8',
  });
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return { privateKey, recipient: { publicKey, text: bech32Encode('age', publicKey) } };
}

/** Identities from the text of an identity file (`age-keygen` output: comments + keys). */
export function parseIdentities(text: string, where: string): AgeIdentity[] {
  const identities: AgeIdentity[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (!line.toUpperCase().startsWith('AGE-SECRET-KEY-1')) {
      throw new InputError(
        `${where}: expected only '# comments' and 'AGE-SECRET-KEY-1…' lines (an age-keygen file); found a line starting '${line.slice(0, 12)}…'. Plugin and SSH identities are not supported.`,
      );
    }
    identities.push(identityFromSecret(line, where));
  }
  if (identities.length === 0) {
    throw new InputError(`${where}: no AGE-SECRET-KEY-1 line found. Is this an age identity file?`);
  }
  return identities;
}

/** Reads identity files given with --identity. */
export async function loadIdentityFiles(paths: readonly string[]): Promise<AgeIdentity[]> {
  const all: AgeIdentity[] = [];
  for (const p of paths) {
    let text: string;
    try {
      text = await readFile(p, 'utf8');
    } catch (err) {
      throw new InputError(
        `--identity ${p}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`,
      );
    }
    all.push(...parseIdentities(text, `--identity ${p}`));
  }
  return all;
}

/** A fresh identity (tests, and users who want one without age-keygen). */
export function generateIdentity(): { secret: string; identity: AgeIdentity } {
  const { privateKey } = generateKeyPairSync('x25519');
  const raw = (privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(
    PKCS8_X25519.length,
  );
  const secret = bech32Encode('age-secret-key-', raw).toUpperCase();
  return { secret, identity: identityFromSecret(secret, 'generated identity') };
}

// --- primitives ------------------------------------------------------------------------

function hkdf(ikm: Buffer, salt: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, 32));
}

function seal(key: Buffer, nonce: Buffer, plaintext: Buffer): Buffer {
  const c = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  const head = c.update(plaintext);
  const tail = c.final();
  return Buffer.concat([head, tail, c.getAuthTag()]);
}

/** Opens a sealed box; null when authentication fails. */
function open(key: Buffer, nonce: Buffer, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG) return null;
  const d = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: TAG });
  d.setAuthTag(sealed.subarray(sealed.length - TAG));
  const head = d.update(sealed.subarray(0, sealed.length - TAG));
  try {
    return Buffer.concat([head, d.final()]);
  } catch {
    return null;
  }
}

const b64 = (b: Buffer): string => b.toString('base64').replace(/=+$/, '');

function unb64(s: string): Buffer {
  // age uses unpadded canonical base64; reject anything Buffer.from would silently accept.
  if (!/^[A-Za-z0-9+/]*$/.test(s) || s.length % 4 === 1) throw new Error('invalid base64');
  const out = Buffer.from(s, 'base64');
  if (b64(out) !== s) throw new Error('non-canonical base64');
  return out;
}

function wrapBody(body: string): string {
  let out = '';
  for (let i = 0; i <= body.length; i += 64) out += `${body.slice(i, i + 64)}\n`;
  return out;
}

function streamNonce(counter: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** Collects incoming buffers and hands out exact-size slices without re-copying on every push. */
class ByteQueue {
  private parts: Buffer[] = [];
  length = 0;
  push(b: Buffer): void {
    if (b.length === 0) return;
    this.parts.push(b);
    this.length += b.length;
  }
  take(n: number): Buffer {
    const first = this.parts[0];
    if (first && first.length >= n) {
      const out = first.subarray(0, n);
      if (first.length === n) this.parts.shift();
      else this.parts[0] = first.subarray(n);
      this.length -= n;
      return out;
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
  takeAll(): Buffer {
    return this.take(this.length);
  }
}

// --- encryption ------------------------------------------------------------------------

function header(recipients: readonly AgeRecipient[], fileKey: Buffer): Buffer {
  let text = `${INTRO}\n`;
  for (const r of recipients) {
    const eph = generateKeyPairSync('x25519');
    const share = rawPublicKey(eph.publicKey);
    const shared = diffieHellman({
      privateKey: eph.privateKey,
      publicKey: publicKeyObject(r.publicKey),
    });
    const wrapKey = hkdf(shared, Buffer.concat([share, r.publicKey]), X25519_LABEL);
    const body = seal(wrapKey, Buffer.alloc(12), fileKey);
    text += `-> X25519 ${b64(share)}\n${wrapBody(b64(body))}`;
  }
  text += '---';
  const mac = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(text)
    .digest();
  return Buffer.from(`${text} ${b64(mac)}\n`, 'latin1');
}

/** A Transform that age-encrypts what flows through it to the given recipients. */
export function createAgeEncryptStream(recipients: readonly AgeRecipient[]): Transform {
  if (recipients.length === 0) throw new InputError('age encryption needs at least one recipient.');
  const fileKey = randomBytes(16);
  const nonce = randomBytes(16);
  const payloadKey = hkdf(fileKey, nonce, 'payload');
  const pending = new ByteQueue();
  let counter = 0;
  let started = false;
  const start = (t: Transform) => {
    if (!started) {
      started = true;
      t.push(Buffer.concat([header(recipients, fileKey), nonce]));
    }
  };
  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      start(this);
      pending.push(chunk);
      // A chunk is final only at end of input, so keep one full chunk back until then.
      while (pending.length > AGE_CHUNK) {
        this.push(seal(payloadKey, streamNonce(counter++, false), pending.take(AGE_CHUNK)));
      }
      cb();
    },
    flush(cb: TransformCallback) {
      start(this);
      this.push(seal(payloadKey, streamNonce(counter++, true), pending.takeAll()));
      cb();
    },
  });
}

// --- decryption ------------------------------------------------------------------------

interface Stanza {
  type: string;
  args: string[];
  body: Buffer;
}

function corrupt(where: string, what: string): OperationError {
  return new OperationError(`${where}: not a valid age file: ${what}.`);
}

function parseHeader(
  text: string,
  where: string,
): { stanzas: Stanza[]; macInput: string; mac: Buffer } {
  const lines = text.split('\n');
  if (lines[0] !== INTRO) {
    if (lines[0].startsWith('-----BEGIN AGE ENCRYPTED FILE')) {
      throw new InputError(`${where}: ASCII-armored age files are not supported; use binary age.`);
    }
    throw corrupt(where, `the first line is not '${INTRO}'`);
  }
  const stanzas: Stanza[] = [];
  let i = 1;
  while (i < lines.length && lines[i].startsWith('-> ')) {
    const [type, ...args] = lines[i].slice(3).split(' ');
    i++;
    const parts: string[] = [];
    for (;;) {
      const line = lines[i++];
      if (line === undefined) throw corrupt(where, 'a stanza body is not terminated');
      if (line.length > 64) throw corrupt(where, 'a stanza body line is longer than 64 columns');
      parts.push(line);
      if (line.length < 64) break;
    }
    try {
      stanzas.push({ type, args, body: unb64(parts.join('')) });
    } catch {
      throw corrupt(where, `the body of a '${type}' stanza is not canonical base64`);
    }
  }
  const macLine = lines[i];
  if (macLine === undefined || !macLine.startsWith('--- ')) {
    throw corrupt(where, 'the header does not end with a MAC line');
  }
  const macInput = `${lines.slice(0, i).join('\n')}\n---`;
  let mac: Buffer;
  try {
    mac = unb64(macLine.slice(4));
  } catch {
    throw corrupt(where, 'the header MAC is not canonical base64');
  }
  return { stanzas, macInput, mac };
}

function unwrapFileKey(
  stanzas: Stanza[],
  identities: readonly AgeIdentity[],
  where: string,
): Buffer {
  if (stanzas.some((s) => s.type === 'scrypt')) {
    throw new InputError(
      `${where}: the file is passphrase-encrypted (scrypt); kube-rescue reads files encrypted to age1… recipients only.`,
    );
  }
  const x25519 = stanzas.filter((s) => s.type === 'X25519');
  for (const s of x25519) {
    if (s.args.length !== 1 || s.body.length !== 32)
      throw corrupt(where, 'malformed X25519 stanza');
    let share: Buffer;
    try {
      share = unb64(s.args[0]);
    } catch {
      throw corrupt(where, 'malformed X25519 share');
    }
    if (share.length !== 32) throw corrupt(where, 'malformed X25519 share');
    for (const id of identities) {
      let shared: Buffer;
      try {
        shared = diffieHellman({ privateKey: id.privateKey, publicKey: publicKeyObject(share) });
      } catch {
        throw corrupt(where, 'the X25519 share is a low-order point');
      }
      const wrapKey = hkdf(shared, Buffer.concat([share, id.recipient.publicKey]), X25519_LABEL);
      const fileKey = open(wrapKey, Buffer.alloc(12), s.body);
      if (fileKey) return fileKey;
    }
  }
  const mine = identities.map((id) => id.recipient.text).join(', ') || 'none given';
  throw new InputError(
    `${where}: no identity given can decrypt this file (it has ${x25519.length} X25519 recipient stanza(s); the identities given are for ${mine}). Pass the identity file of one of the recipients the backup was encrypted to with --identity.`,
  );
}

/**
 * A Transform that decrypts an age file with the given identities, streaming: memory stays
 * at about two chunks whatever the file size. `where` names the file in errors.
 */
export function createAgeDecryptStream(
  identities: readonly AgeIdentity[],
  where: string,
): Transform {
  const pending = new ByteQueue();
  let payloadKey: Buffer | null = null;
  let counter = 0;
  let headerBytes: Buffer = Buffer.alloc(0);

  const readHeader = (): boolean => {
    headerBytes = pending.takeAll();
    const end = headerBytes.indexOf('\n---');
    const nl = end < 0 ? -1 : headerBytes.indexOf('\n', end + 4);
    if (nl < 0 || headerBytes.length < nl + 1 + 16) {
      if (headerBytes.length > MAX_HEADER) throw corrupt(where, 'no age header found');
      pending.push(headerBytes);
      return false;
    }
    const { stanzas, macInput, mac } = parseHeader(
      headerBytes.subarray(0, nl).toString('latin1'),
      where,
    );
    const fileKey = unwrapFileKey(stanzas, identities, where);
    const expected = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
      .update(macInput, 'latin1')
      .digest();
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) {
      throw corrupt(where, 'the header MAC does not match (the header was altered)');
    }
    const nonce = headerBytes.subarray(nl + 1, nl + 17);
    payloadKey = hkdf(fileKey, Buffer.from(nonce), 'payload');
    pending.push(headerBytes.subarray(nl + 17));
    headerBytes = Buffer.alloc(0);
    return true;
  };

  const openChunk = (sealed: Buffer, last: boolean): Buffer => {
    const plain = open(payloadKey!, streamNonce(counter, last), sealed);
    if (!plain) {
      throw corrupt(
        where,
        `payload chunk ${counter} (at plaintext offset ${counter * AGE_CHUNK}) fails authentication: the file is truncated or altered`,
      );
    }
    if (last && plain.length === 0 && counter > 0) {
      throw corrupt(where, 'an empty final chunk follows a full one');
    }
    counter++;
    return plain;
  };

  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        pending.push(chunk);
        if (!payloadKey && !readHeader()) return cb();
        while (pending.length > CIPHER_CHUNK)
          this.push(openChunk(pending.take(CIPHER_CHUNK), false));
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb: TransformCallback) {
      try {
        if (!payloadKey && !readHeader()) throw corrupt(where, 'the file ends inside the header');
        if (pending.length < TAG) throw corrupt(where, 'the payload is truncated');
        this.push(openChunk(pending.takeAll(), true));
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}
