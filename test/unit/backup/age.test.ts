import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import {
  AGE_CHUNK,
  checkAgeHeader,
  createAgeDecryptStream,
  createAgeEncryptStream,
  generateIdentity,
  loadIdentityFiles,
  parseIdentities,
  parseRecipient,
} from '../../../src/backup/age.js';
import { InputError, OperationError } from '../../../src/errors.js';

// The real `age` CLI (Debian's age 1.1.1) is the reference implementation we must match.
const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-age-'));
const identityFile = join(dir, 'key.txt');
execFileSync('age-keygen', ['-o', identityFile], { stdio: 'ignore' });
const recipient = execFileSync('age-keygen', ['-y', identityFile], { encoding: 'utf8' }).trim();

async function encrypt(plain: Buffer, recipients = [parseRecipient(recipient)]): Promise<Buffer> {
  // Feed in uneven pieces so chunk boundaries never line up with writes.
  const pieces: Buffer[] = [];
  for (let i = 0; i < plain.length; i += 7919) pieces.push(plain.subarray(i, i + 7919));
  return buffer(Readable.from(pieces).pipe(createAgeEncryptStream(recipients)));
}

async function decrypt(cipher: Buffer, file = identityFile): Promise<Buffer> {
  const ids = await loadIdentityFiles([file]);
  const out: Buffer[] = [];
  await pipeline(Readable.from([cipher]), createAgeDecryptStream(ids, 'test.age'), async (src) => {
    for await (const c of src) out.push(c as Buffer);
  });
  return Buffer.concat(out);
}

const SIZES = [0, 1, AGE_CHUNK - 1, AGE_CHUNK, AGE_CHUNK + 1, 2 * AGE_CHUNK, 3_000_001];

describe('age interop with the age CLI', () => {
  it.each(SIZES)('age -d decrypts what we encrypted (%i bytes)', async (n) => {
    const plain = randomBytes(n);
    const cipher = await encrypt(plain);
    const path = join(dir, `ours-${n}.age`);
    writeFileSync(path, cipher);
    const out = execFileSync('age', ['-d', '-i', identityFile, path], { maxBuffer: 1 << 26 });
    expect(out.equals(plain)).toBe(true);
  });

  it.each(SIZES)('we decrypt what age -r encrypted (%i bytes)', async (n) => {
    const plain = randomBytes(n);
    const path = join(dir, `cli-${n}.age`);
    execFileSync('age', ['-r', recipient, '-o', path], { input: plain });
    expect((await decrypt(readFileSync(path))).equals(plain)).toBe(true);
  });

  it('encrypts to several recipients, each of which can decrypt', async () => {
    const other = generateIdentity();
    const plain = randomBytes(100_000);
    const cipher = await encrypt(plain, [parseRecipient(recipient), other.identity.recipient]);
    const otherFile = join(dir, 'other.txt');
    writeFileSync(otherFile, `${other.secret}\n`, { mode: 0o600 });
    expect((await decrypt(cipher)).equals(plain)).toBe(true);
    expect((await decrypt(cipher, otherFile)).equals(plain)).toBe(true);
    const cliOut = execFileSync('age', ['-d', '-i', otherFile], {
      input: cipher,
      maxBuffer: 1 << 24,
    });
    expect(cliOut.equals(plain)).toBe(true);
  });

  it('the age-encryption library reads our files too', async () => {
    const plain = randomBytes(AGE_CHUNK * 2 + 5);
    const cipher = await encrypt(plain);
    const d = new Decrypter();
    d.addIdentity(
      readFileSync(identityFile, 'utf8')
        .split('\n')
        .find((l) => l.startsWith('AGE-SECRET'))!,
    );
    expect(Buffer.from(await d.decrypt(new Uint8Array(cipher))).equals(plain)).toBe(true);
  });
});

describe('age failures', () => {
  it('a wrong identity is an input error naming the identity, never its secret', async () => {
    const stranger = generateIdentity();
    const file = join(dir, 'stranger.txt');
    writeFileSync(file, `${stranger.secret}\n`);
    const cipher = await encrypt(randomBytes(10));
    const err = await decrypt(cipher, file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(stranger.identity.recipient.text);
    expect((err as Error).message).not.toContain(stranger.secret);
  });

  it.each([
    [
      'a flipped payload byte',
      (c: Buffer) => {
        c[c.length - 20] ^= 1;
        return c;
      },
    ],
    [
      'a truncated payload at a chunk boundary',
      (c: Buffer) => c.subarray(0, c.length - (AGE_CHUNK / 2 + 16)),
    ],
    ['one byte cut off', (c: Buffer) => c.subarray(0, c.length - 1)],
    [
      'an edited header MAC',
      (c: Buffer) => {
        const i = c.indexOf('\n--- ') + 6;
        c[i] = c[i] === 65 ? 66 : 65;
        return c;
      },
    ],
  ])('%s fails authentication', async (_what, damage) => {
    const cipher = Buffer.from(await encrypt(randomBytes(AGE_CHUNK + AGE_CHUNK / 2)));
    const err = await decrypt(damage(cipher)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(/test\.age: not a valid age file/);
  });

  it('rejects malformed recipients and identity files with the flag in the message', () => {
    expect(() => parseRecipient('age1notakey')).toThrow(
      /--encrypt-to: 'age1notakey' is not an age recipient/,
    );
    expect(() => parseIdentities('ssh-ed25519 AAAA', '--identity k.txt')).toThrow(
      /--identity k.txt: expected only/,
    );
    expect(() => parseIdentities('# only a comment\n', '--identity k.txt')).toThrow(
      /no AGE-SECRET-KEY-1/,
    );
  });
});

describe('checkAgeHeader: the identity check that reads no payload', () => {
  /** The cipher's header, then endless payload: only a reader that stops at the header ends. */
  function headerThenTrap(cipher: Buffer): { source: Readable; payloadRead: () => number } {
    const end = cipher.indexOf('\n', cipher.indexOf('\n--- ') + 1) + 1;
    let payload = 0;
    async function* parts() {
      yield cipher.subarray(0, end);
      for (;;) {
        payload += AGE_CHUNK;
        yield Buffer.alloc(AGE_CHUNK);
      }
    }
    return { source: Readable.from(parts(), { objectMode: false }), payloadRead: () => payload };
  }

  it('accepts the right identity from the header alone', async () => {
    const cipher = await encrypt(randomBytes(3 * AGE_CHUNK));
    const { source, payloadRead } = headerThenTrap(cipher);
    await checkAgeHeader(source, await loadIdentityFiles([identityFile]), 'etcd.db.age');
    // Readable.from reads a little ahead of its consumer, never a whole payload.
    expect(payloadRead()).toBeLessThanOrEqual(16 * AGE_CHUNK);
    expect(source.destroyed).toBe(true);
  });

  it('refuses a wrong identity as an input error, also from the header alone', async () => {
    const cipher = await encrypt(randomBytes(3 * AGE_CHUNK));
    const { source, payloadRead } = headerThenTrap(cipher);
    const err = await checkAgeHeader(source, [generateIdentity().identity], 'etcd.db.age').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/etcd\.db\.age: no identity given can decrypt/);
    expect(payloadRead()).toBeLessThanOrEqual(16 * AGE_CHUNK);
  });

  it('refuses an altered header and a file cut inside its header', async () => {
    const cipher = Buffer.from(await encrypt(randomBytes(10)));
    const ids = await loadIdentityFiles([identityFile]);
    const mac = cipher.indexOf('\n--- ') + 6;
    const altered = Buffer.from(cipher);
    altered[mac] = altered[mac] === 65 ? 66 : 65;
    await expect(checkAgeHeader(Readable.from([altered]), ids, 'x.age')).rejects.toThrow(
      /x\.age: not a valid age file: the header MAC does not match/,
    );
    await expect(
      checkAgeHeader(Readable.from([cipher.subarray(0, mac - 8)]), ids, 'x.age'),
    ).rejects.toThrow(/x\.age: not a valid age file: the 'X25519' stanza has no final line/);
  });
});
