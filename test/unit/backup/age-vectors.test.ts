import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { inflateSync } from 'node:zlib';
import * as vectors from 'cctv-age';
import { describe, expect, it } from 'vitest';
import {
  type AgeIdentity,
  createAgeDecryptStream,
  generateIdentity,
  parseIdentities,
} from '../../../src/backup/age.js';
import { InputError, OperationError } from '../../../src/errors.js';

/*
 * The C2SP CCTV age test vectors (npm `cctv-age`): every vector that applies to what
 * kube-rescue reads — unarmored files to X25519 recipients — must decrypt exactly when
 * the vector says so, and release exactly the plaintext the vector's `payload` hash covers.
 */

interface Vector {
  name: string;
  expect: string;
  payload?: string;
  identities: string[];
  passphrases: string[];
  armored: boolean;
  file: Buffer;
}

function parseVector(name: string, bytes: Uint8Array): Vector {
  const all = Buffer.from(bytes);
  const split = all.indexOf('\n\n');
  const v: Vector = {
    name,
    expect: '',
    identities: [],
    passphrases: [],
    armored: false,
    file: all,
  };
  let compressed = false;
  for (const line of all.subarray(0, split).toString('utf8').split('\n')) {
    const colon = line.indexOf(': ');
    const [key, value] = [line.slice(0, colon), line.slice(colon + 2)];
    if (key === 'expect') v.expect = value;
    else if (key === 'payload') v.payload = value;
    else if (key === 'identity') v.identities.push(value);
    else if (key === 'passphrase') v.passphrases.push(value);
    else if (key === 'armored') v.armored = value === 'yes';
    else if (key === 'compressed') compressed = value === 'zlib';
  }
  const body = all.subarray(split + 2);
  v.file = compressed ? inflateSync(body) : body;
  return v;
}

/** Why a vector does not apply to kube-rescue, or null when it must be run. */
function skipReason(v: Vector): string | null {
  if (v.armored || v.expect === 'armor failure')
    return 'ASCII armor: backup objects are binary age';
  const x25519 = v.identities.filter((i) => i.startsWith('AGE-SECRET-KEY-1'));
  // scrypt_and_x25519 has an X25519 identity and must fail on the header's shape: it runs.
  if (v.passphrases.length > 0 && x25519.length === 0) {
    return 'scrypt (passphrase) recipients only: not supported';
  }
  if (v.identities.length > 0 && x25519.length === 0) {
    return 'ML-KEM hybrid (AGE-SECRET-KEY-PQ-1) identities only: not supported';
  }
  return null;
}

const all = Object.entries(vectors)
  .map(([name, bytes]) => parseVector(name, bytes))
  .sort((a, b) => a.name.localeCompare(b.name));
const applicable = all.filter((v) => skipReason(v) === null);
const skipped = all.filter((v) => skipReason(v) !== null);

async function decryptVector(v: Vector): Promise<{ released: Buffer; error: unknown }> {
  const x25519 = v.identities.filter((i) => i.startsWith('AGE-SECRET-KEY-1'));
  // `empty` names no identity: any identity must fail on it as a header failure.
  const ids: AgeIdentity[] =
    x25519.length > 0 ? parseIdentities(x25519.join('\n'), v.name) : [generateIdentity().identity];
  const released: Buffer[] = [];
  let error: unknown = null;
  // Fed in small pieces so no parser path depends on seeing the whole file in one write.
  const pieces: Buffer[] = [];
  for (let i = 0; i < v.file.length; i += 4093) pieces.push(v.file.subarray(i, i + 4093));
  try {
    await pipeline(
      Readable.from(pieces.length > 0 ? pieces : [Buffer.alloc(0)]),
      createAgeDecryptStream(ids, `${v.name}.age`),
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          released.push(chunk);
          cb();
        },
      }),
    );
  } catch (err) {
    error = err;
  }
  return { released: Buffer.concat(released), error };
}

describe('age test vectors (C2SP CCTV, cctv-age)', () => {
  it('covers the vectors that apply and names why the others are skipped', () => {
    const reasons = new Map<string, number>();
    for (const v of skipped) {
      const r = skipReason(v) as string;
      reasons.set(r, (reasons.get(r) ?? 0) + 1);
    }
    // 143 vectors in cctv-age 0.2.0: 74 armor, scrypt-only or hybrid-only ones are skipped.
    expect({ applicable: applicable.length, skipped: Object.fromEntries(reasons) }).toEqual({
      applicable: 69,
      skipped: {
        'ASCII armor: backup objects are binary age': 33,
        'scrypt (passphrase) recipients only: not supported': 24,
        'ML-KEM hybrid (AGE-SECRET-KEY-PQ-1) identities only: not supported': 17,
      },
    });
  });

  it.each(applicable.map((v) => [v.name, v] as const))('%s', async (_name, v) => {
    const { released, error } = await decryptVector(v);
    const releasedHash = createHash('sha256').update(released).digest('hex');
    if (v.expect === 'success') {
      expect(error).toBeNull();
      expect(releasedHash).toBe(v.payload);
      return;
    }
    expect(error, `${v.name} must fail (${v.expect})`).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(`${v.name}.age`);
    if (v.expect === 'no match') {
      expect(error).toBeInstanceOf(InputError);
      expect(message).toMatch(/no identity given can decrypt/);
    } else {
      expect(error).toBeInstanceOf(OperationError);
      expect(message).toMatch(/not a valid age file/);
      if (v.expect === 'HMAC failure') expect(message).toMatch(/MAC/);
    }
    if (v.expect === 'payload failure') {
      // Only what authenticated may have been released, exactly as the vector says.
      expect(releasedHash).toBe(v.payload);
    } else {
      expect(released.length).toBe(0);
    }
  });
});
