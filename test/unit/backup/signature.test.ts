import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkManifestSignature,
  describeSignature,
  MANIFEST_SIGNATURE,
  SIGNATURE_NAMESPACE,
  signManifest,
} from '../../../src/backup/signature.js';
import { InputError } from '../../../src/errors.js';

// The real ssh-keygen (openssh-client) signs and verifies; nothing here is simulated.
const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-sig-test-'));
const keygen = (name: string, comment: string) => {
  const key = join(dir, name);
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', key]);
  const pub = readFileSync(`${key}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
  const fingerprint = execFileSync('ssh-keygen', ['-l', '-f', `${key}.pub`], {
    encoding: 'utf8',
  }).split(' ')[1];
  return { key, pub, fingerprint };
};
const ci = keygen('ci', 'ci');
const stranger = keygen('stranger', 'stranger');
const trusted = join(dir, 'allowed_signers');
writeFileSync(trusted, `# who may sign backups\nbackup@ci ${ci.pub}\n`);
const manifest = Buffer.from(
  '{"formatVersion":1,"objects":[{"name":"etcd.db.gz","sha256":"ab"}]}\n',
);

// Temp files of the signature code land here, so the test can see they are all removed.
const privateTmp = mkdtempSync(join(tmpdir(), 'kube-rescue-sig-tmp-'));
const savedTmp = process.env.TMPDIR;
beforeAll(() => {
  process.env.TMPDIR = privateTmp;
});
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  expect(readdirSync(privateTmp)).toEqual([]);
});

describe('manifest signatures (ssh-keygen -Y, namespace kube-rescue-backup)', () => {
  it('a trusted signer is reported by principal and key fingerprint', async () => {
    const sig = await signManifest(manifest, ci.key);
    expect(sig.toString()).toMatch(/^-----BEGIN SSH SIGNATURE-----/);
    const check = await checkManifestSignature(manifest, sig, trusted, 'set');
    expect(check).toEqual({
      status: 'trusted',
      signer: { principal: 'backup@ci', keyType: 'ED25519', fingerprint: ci.fingerprint },
    });
    expect(describeSignature(check)).toBe(
      `signed by backup@ci (ED25519 key ${ci.fingerprint}), a trusted signer`,
    );
  });

  it.each([
    ['ecdsa', 'ECDSA'],
    ['rsa', 'RSA'],
  ])('%s keys sign and verify too', async (type, keyType) => {
    const key = join(dir, `k-${type}`);
    execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', key]);
    const signers = join(dir, `allowed-${type}`);
    writeFileSync(
      signers,
      `ops ${readFileSync(`${key}.pub`, 'utf8').split(' ').slice(0, 2).join(' ')}\n`,
    );
    const check = await checkManifestSignature(
      manifest,
      await signManifest(manifest, key),
      signers,
      'set',
    );
    expect(check).toMatchObject({ status: 'trusted', signer: { principal: 'ops', keyType } });
  });

  it('anyone can check a set by hand with ssh-keygen itself', async () => {
    const set = mkdtempSync(join(dir, 'set-'));
    writeFileSync(join(set, 'manifest.json'), manifest);
    writeFileSync(join(set, MANIFEST_SIGNATURE), await signManifest(manifest, ci.key));
    const out = execFileSync(
      'sh',
      [
        '-c',
        `ssh-keygen -Y verify -f ${trusted} -I backup@ci -n ${SIGNATURE_NAMESPACE} -s ${MANIFEST_SIGNATURE} < manifest.json`,
      ],
      { cwd: set, encoding: 'utf8' },
    );
    expect(out).toContain(`Good "${SIGNATURE_NAMESPACE}" signature for backup@ci`);
  });

  it('with trusted signers, an unsigned set is refused as bad input', async () => {
    const err = await checkManifestSignature(manifest, null, trusted, 'set').catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/set: the set is not signed \(no manifest\.json\.sig\)/);
  });

  it('a manifest changed after signing is refused', async () => {
    const sig = await signManifest(manifest, ci.key);
    const changed = Buffer.from(manifest.toString().replace('"ab"', '"cd"'));
    const err = await checkManifestSignature(changed, sig, trusted, 'set').catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/the signature by backup@ci does not verify over this manifest/);
  });

  it('a signature by a key not in the trusted signers is refused', async () => {
    const sig = await signManifest(manifest, stranger.key);
    const err = await checkManifestSignature(manifest, sig, trusted, 'set').catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/the signature's key is not in --trusted-signers/);
  });

  it('a signature of the trusted key made for another namespace is refused', async () => {
    const data = join(dir, 'data');
    writeFileSync(data, manifest);
    execFileSync('ssh-keygen', ['-q', '-Y', 'sign', '-f', ci.key, '-n', 'file', data], {
      stdio: 'ignore',
    });
    const sig = readFileSync(`${data}.sig`);
    const err = await checkManifestSignature(manifest, sig, trusted, 'set').catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/does not verify .* in namespace kube-rescue-backup/);
  });

  it('garbage in place of a signature is refused', async () => {
    const err = await checkManifestSignature(
      manifest,
      Buffer.from('nonsense'),
      trusted,
      'set',
    ).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
  });

  it('without trusted signers a signature is checked for itself only, and says so', async () => {
    const check = await checkManifestSignature(
      manifest,
      await signManifest(manifest, stranger.key),
      undefined,
      'set',
    );
    expect(check).toEqual({
      status: 'unchecked',
      signer: { keyType: 'ED25519', fingerprint: stranger.fingerprint },
    });
    expect(describeSignature(check)).toMatch(/not checked against trusted signers/);
    const changed = Buffer.from(`${manifest.toString()} `);
    const bad = await checkManifestSignature(
      changed,
      await signManifest(manifest, ci.key),
      undefined,
      'set',
    );
    expect(bad.status).toBe('invalid');
    expect(await checkManifestSignature(manifest, null, undefined, 'set')).toEqual({
      status: 'unsigned',
    });
  });

  it('a key others can read still signs (a private copy is used); no key text reaches an error', async () => {
    const loose = join(dir, 'loose');
    writeFileSync(loose, readFileSync(ci.key));
    chmodSync(loose, 0o644);
    const check = await checkManifestSignature(
      manifest,
      await signManifest(manifest, loose),
      trusted,
      'set',
    );
    expect(check.status).toBe('trusted');

    const notAKey = join(dir, 'not-a-key');
    writeFileSync(notAKey, 'AGE-SECRET-KEY-1SECRETSECRET\n');
    const err = await signManifest(manifest, notAKey).catch((e) => e);
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toMatch(/--sign-key .*not-a-key: not an SSH private key/);
    expect(err.message).not.toContain('SECRETSECRET');

    const locked = join(dir, 'locked');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', 'a passphrase', '-f', locked]);
    const lockedErr = await signManifest(manifest, locked).catch((e) => e);
    expect(lockedErr).toBeInstanceOf(InputError);
    expect(lockedErr.message).toMatch(/could not sign with this key/);
    expect(lockedErr.message).not.toContain(privateTmp);

    await expect(signManifest(manifest, join(dir, 'absent'))).rejects.toThrow(
      /--sign-key .*absent: cannot read the key file \(ENOENT\)/,
    );
  });
});
