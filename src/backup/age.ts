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
import { type Readable, Transform, type TransformCallback } from 'node:stream';
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

/** An argument of a stanza line: 1*VCHAR (printable ASCII, no space). */
const ARGUMENT = /^[\x21-\x7e]+$/;
const BASE64_LINE = /^[A-Za-z0-9+/]*$/;

/**
 * Parses the header text (everything before the MAC line's newline) by the grammar of
 * age-encryption.org/v1: anything it does not spell out exactly is refused, never repaired.
 */
function parseHeader(
  text: string,
  where: string,
): { stanzas: Stanza[]; macInput: string; mac: Buffer } {
  const lines = text.split('\n');
  if (lines[0] !== INTRO) {
    if (lines[0].startsWith('-----BEGIN AGE ENCRYPTED FILE')) {
      throw new InputError(`${where}: ASCII-armored age files are not supported; use binary age.`);
    }
    if (lines[0].startsWith('age-encryption.org/')) {
      throw corrupt(where, `unsupported version '${lines[0].slice(0, 40)}' (only v1 is known)`);
    }
    throw corrupt(where, `the first line is not '${INTRO}'`);
  }
  const stanzas: Stanza[] = [];
  let i = 1;
  while (i < lines.length - 1 && lines[i].startsWith('->')) {
    const line = lines[i++];
    if (!line.startsWith('-> ')) throw corrupt(where, 'a stanza line has no arguments');
    const args = line.slice(3).split(' ');
    if (!args.every((a) => ARGUMENT.test(a))) {
      throw corrupt(
        where,
        'a stanza argument is empty or holds a character other than printable ASCII',
      );
    }
    const [type, ...rest] = args;
    const parts: string[] = [];
    for (;;) {
      // The last line is the MAC line: a body that runs into it is not terminated.
      if (i >= lines.length - 1) throw corrupt(where, `the '${type}' stanza has no final line`);
      const body = lines[i++];
      if (body.length > 64) throw corrupt(where, 'a stanza body line is longer than 64 columns');
      if (!BASE64_LINE.test(body)) {
        throw corrupt(where, `the body of a '${type}' stanza is not base64`);
      }
      parts.push(body);
      if (body.length < 64) break;
    }
    try {
      stanzas.push({ type, args: rest, body: unb64(parts.join('')) });
    } catch {
      throw corrupt(where, `the body of a '${type}' stanza is not canonical base64`);
    }
  }
  if (i !== lines.length - 1) throw corrupt(where, 'a header line is neither a stanza nor the MAC');
  const macLine = lines[i];
  if (!/^--- [A-Za-z0-9+/]{43}$/.test(macLine)) {
    throw corrupt(where, "the MAC line is not '--- ' and 43 base64 characters");
  }
  let mac: Buffer;
  try {
    mac = unb64(macLine.slice(4));
  } catch {
    throw corrupt(where, 'the header MAC is not canonical base64');
  }
  const macInput = `${lines.slice(0, i).join('\n')}\n---`;
  return { stanzas, macInput, mac };
}

interface X25519Stanza {
  share: Buffer;
  body: Buffer;
}

/** Every X25519 stanza checked for shape first: one malformed stanza fails the whole file. */
function x25519Stanzas(stanzas: Stanza[], where: string): X25519Stanza[] {
  return stanzas
    .filter((s) => s.type === 'X25519')
    .map((s) => {
      if (s.args.length !== 1) throw corrupt(where, 'an X25519 stanza must have one argument');
      let share: Buffer;
      try {
        share = unb64(s.args[0]);
      } catch {
        throw corrupt(where, 'the share of an X25519 stanza is not canonical base64');
      }
      if (share.length !== 32)
        throw corrupt(where, 'the share of an X25519 stanza is not 32 bytes');
      if (s.body.length !== 32) throw corrupt(where, 'an X25519 stanza body is not 32 bytes');
      return { share, body: s.body };
    });
}

function unwrapFileKey(
  stanzas: Stanza[],
  identities: readonly AgeIdentity[],
  where: string,
): Buffer {
  if (stanzas.some((s) => s.type === 'scrypt')) {
    if (stanzas.length > 1) throw corrupt(where, 'a scrypt stanza must be alone in the header');
    throw new InputError(
      `${where}: the file is passphrase-encrypted (scrypt); kube-rescue reads files encrypted to age1… recipients only.`,
    );
  }
  const x25519 = x25519Stanzas(stanzas, where);
  for (const s of x25519) {
    for (const id of identities) {
      let shared: Buffer;
      try {
        shared = diffieHellman({ privateKey: id.privateKey, publicKey: publicKeyObject(s.share) });
      } catch {
        throw corrupt(where, 'the X25519 share is a low-order point');
      }
      if (shared.every((b) => b === 0)) {
        throw corrupt(where, 'the X25519 share is a low-order point');
      }
      const wrapKey = hkdf(shared, Buffer.concat([s.share, id.recipient.publicKey]), X25519_LABEL);
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
 * Parses and authenticates the header at the start of `bytes`: the file key is unwrapped
 * and the header MAC checked. Null while `bytes` does not yet hold the whole header and the
 * 16-byte payload nonce after it (with `complete`, the input has ended: that is an error).
 * Without `withNonce`, the header alone is enough and no payload key is derived.
 */
function openHeader(
  bytes: Buffer,
  identities: readonly AgeIdentity[],
  where: string,
  complete: boolean,
  withNonce = true,
): { payloadKey: Buffer; end: number } | null {
  // No '-' in base64 or in the version line: the first "\n---" starts the MAC line.
  const macStart = bytes.indexOf('\n---');
  const nl = macStart < 0 ? -1 : bytes.indexOf('\n', macStart + 4);
  if (nl < 0) {
    if (bytes.length > MAX_HEADER) throw corrupt(where, 'no age header in the first 64 KiB');
    if (!complete) return null;
    if (bytes.length === 0) throw corrupt(where, 'the file is empty');
    // Parse what there is, so an armored or foreign file gets its own message.
    parseHeader(bytes.toString('latin1'), where);
    throw corrupt(where, 'the file ends inside the header');
  }
  const { stanzas, macInput, mac } = parseHeader(bytes.subarray(0, nl).toString('latin1'), where);
  const fileKey = unwrapFileKey(stanzas, identities, where);
  const expected = createHmac('sha256', hkdf(fileKey, Buffer.alloc(0), 'header'))
    .update(macInput, 'latin1')
    .digest();
  if (!timingSafeEqual(mac, expected)) {
    throw corrupt(where, 'the header MAC does not match (the header was altered)');
  }
  if (!withNonce) return { payloadKey: Buffer.alloc(0), end: nl + 1 };
  if (bytes.length < nl + 17) {
    if (!complete) return null;
    throw corrupt(where, 'the payload nonce after the header is truncated');
  }
  const nonce = bytes.subarray(nl + 1, nl + 17);
  return { payloadKey: hkdf(fileKey, Buffer.from(nonce), 'payload'), end: nl + 17 };
}

/**
 * Checks, from the header alone, that one of `identities` opens an age file: the file key
 * unwraps and the header MAC matches. Reads no more of `source` than the header (at most
 * 64 KiB) and destroys it then. Throws InputError when no identity fits, OperationError
 * when the header is malformed.
 */
export async function checkAgeHeader(
  source: Readable,
  identities: readonly AgeIdentity[],
  where: string,
): Promise<void> {
  const pending = new ByteQueue();
  try {
    for await (const chunk of source) {
      pending.push(chunk as Buffer);
      const bytes = pending.takeAll();
      if (openHeader(bytes, identities, where, false, false)) return;
      pending.push(bytes);
    }
    openHeader(pending.takeAll(), identities, where, true, false);
  } finally {
    source.destroy();
  }
}

/**
 * A Transform that decrypts an age file with the given identities, streaming: memory stays
 * at about two chunks whatever the file size. `where` names the file in errors.
 *
 * STREAM as age's reference reader does it: a chunk's plaintext is pushed only after its
 * tag authenticated; a full-size chunk is tried as a middle chunk, then as the final one;
 * anything after the final chunk, a missing final chunk, or an empty final chunk after a
 * full one fails the stream.
 */
export function createAgeDecryptStream(
  identities: readonly AgeIdentity[],
  where: string,
): Transform {
  const pending = new ByteQueue();
  let payloadKey: Buffer | null = null;
  let counter = 0;
  let done = false;

  const readHeader = (complete: boolean): boolean => {
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

  const failed = (what: string) =>
    corrupt(where, `payload chunk ${counter} (at plaintext offset ${counter * AGE_CHUNK}) ${what}`);

  /** Opens a full-size chunk: a middle chunk, or else a full final one. */
  const openFull = (sealed: Buffer): Buffer => {
    const key = payloadKey as Buffer;
    let plain = open(key, streamNonce(counter, false), sealed);
    if (!plain) {
      plain = open(key, streamNonce(counter, true), sealed);
      if (plain) done = true;
    }
    if (!plain) throw failed('fails authentication: the file is truncated or altered');
    counter++;
    return plain;
  };

  const trailing = () =>
    corrupt(
      where,
      `${pending.length} byte(s) follow the final payload chunk (the file was altered)`,
    );

  return new Transform({
    transform(chunk: Buffer, _enc, cb: TransformCallback) {
      try {
        pending.push(chunk);
        if (!payloadKey && !readHeader(false)) return cb();
        while (!done && pending.length >= CIPHER_CHUNK)
          this.push(openFull(pending.take(CIPHER_CHUNK)));
        if (done && pending.length > 0) throw trailing();
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    flush(cb: TransformCallback) {
      try {
        if (!payloadKey) readHeader(true);
        if (done) {
          if (pending.length > 0) throw trailing();
          return cb();
        }
        if (pending.length === 0) {
          throw failed('is missing: the file ends without a final chunk (it is truncated)');
        }
        if (pending.length === TAG && counter > 0) {
          throw failed('is an empty final chunk after a full one, which age never writes');
        }
        const plain = open(
          payloadKey as unknown as Buffer,
          streamNonce(counter, true),
          pending.takeAll(),
        );
        if (!plain) throw failed('fails authentication: the file is truncated or altered');
        this.push(plain);
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
  });
}
