import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, OperationError } from '../errors.js';
import type { Store } from '../stores/store.js';

/*
 * Backup sets are signed with SSH signatures (`ssh-keygen -Y sign`), so anyone can check a
 * set by hand with the standard tool:
 *   ssh-keygen -Y verify -f allowed_signers -I <principal> -n kube-rescue-backup \
 *     -s manifest.json.sig < manifest.json
 * The signature covers manifest.json, which holds every object's sha256: checking the
 * objects against the manifest then covers the whole set.
 */

/** The signature namespace: a signature made for anything else never verifies as ours. */
export const SIGNATURE_NAMESPACE = 'kube-rescue-backup';
/** The signature object of a set, beside manifest.json. */
export const MANIFEST_SIGNATURE = 'manifest.json.sig';

/** Who signed: the principal of the trusted-signers file that matched, and the key. */
export interface Signer {
  /** Absent when no trusted-signers file was given (the key was not checked against one). */
  principal?: string;
  keyType: string;
  /** `SHA256:…`, as `ssh-keygen -l` prints it. */
  fingerprint: string;
}

export type SignatureCheck =
  | { status: 'trusted'; signer: Signer }
  /** Valid for its own key; no trusted-signers file said whether that key is trusted. */
  | { status: 'unchecked'; signer: Signer }
  | { status: 'unsigned' }
  /** Only without a trusted-signers file; with one, a bad signature throws. */
  | { status: 'invalid'; detail: string };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function sshKeygen(args: string[], stdin: Buffer): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn('ssh-keygen', args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      // No agent: the key is the file given, never whatever an agent offers. A session of
      // its own has no terminal to prompt on: a passphrase-protected key fails, it never hangs.
      env: { ...process.env, SSH_AUTH_SOCK: '' },
      detached: true,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e: NodeJS.ErrnoException) =>
      reject(
        e.code === 'ENOENT'
          ? new OperationError(
              'ssh-keygen is not installed: backup signatures need it (Debian/Ubuntu: apt-get install openssh-client).',
            )
          : e,
      ),
    );
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(stdin);
  });
}

/** A private directory (0700) for the files ssh-keygen reads; removed whatever happens. */
async function withPrivateDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-rescue-sig-'));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const oneLine = (s: string) => s.trim().split('\n').slice(-1)[0] ?? '';

/**
 * Signs the manifest's bytes with the SSH private key in `keyFile` (`--sign-key`). The key
 * is copied into a private temp file (0600, in a 0700 dir, removed after): ssh-keygen
 * refuses keys others can read, and an action's key input has no file of its own.
 */
export async function signManifest(manifest: Buffer, keyFile: string): Promise<Buffer> {
  let key: Buffer;
  try {
    key = await readFile(keyFile);
  } catch (err) {
    throw new InputError(
      `--sign-key ${keyFile}: cannot read the key file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`,
    );
  }
  if (!/-----BEGIN (OPENSSH|RSA|EC) PRIVATE KEY-----/.test(key.toString('latin1'))) {
    throw new InputError(
      `--sign-key ${keyFile}: not an SSH private key (expected '-----BEGIN OPENSSH PRIVATE KEY-----', as 'ssh-keygen -t ed25519' writes).`,
    );
  }
  return withPrivateDir(async (dir) => {
    const copy = join(dir, 'signing-key');
    await writeFile(
      copy,
      key.toString('latin1').endsWith('\n') ? key : Buffer.concat([key, Buffer.from('\n')]),
      {
        mode: 0o600,
      },
    );
    key.fill(0);
    const r = await sshKeygen(['-Y', 'sign', '-f', copy, '-n', SIGNATURE_NAMESPACE], manifest);
    if (r.code !== 0 || !r.stdout.includes('-----BEGIN SSH SIGNATURE-----')) {
      throw new InputError(
        `--sign-key ${keyFile}: ssh-keygen could not sign with this key (${oneLine(r.stderr).replaceAll(copy, keyFile) || `exit ${r.code}`}). Use an unencrypted SSH private key (passphrase-protected keys cannot be used unattended).`,
      );
    }
    return Buffer.from(r.stdout, 'utf8');
  });
}

/** Checks that a trusted-signers file (`--trusted-signers`) is readable and has an entry. */
export async function checkTrustedSigners(file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new InputError(
      `--trusted-signers ${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`,
    );
  }
  const entries = text.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (entries.length === 0) {
    throw new InputError(
      `--trusted-signers ${file}: no signer in it. Expected ssh's allowed_signers format, one line per signer: '<principal> <key type> <base64 key>' (e.g. 'backup@ci ssh-ed25519 AAAA…').`,
    );
  }
}

const GOOD = /^Good "[^"]*" signature (?:for (.+) )?with (\S+) key (SHA256:\S+)\s*$/m;

/**
 * Checks the signature of a set's manifest. With `trustedSigners` (an allowed_signers
 * file), the set must be signed by a key in it, in our namespace, over exactly these bytes:
 * anything else throws InputError naming what is wrong. Without it, a signature is only
 * checked for itself ('unchecked' or 'invalid'): it proves nothing about who made it.
 */
export async function checkManifestSignature(
  manifest: Buffer,
  signature: Buffer | null,
  trustedSigners: string | undefined,
  where: string,
): Promise<SignatureCheck> {
  if (!signature) {
    if (!trustedSigners) return { status: 'unsigned' };
    throw new InputError(
      `${where}: the set is not signed (no ${MANIFEST_SIGNATURE}), but --trusted-signers ${trustedSigners} requires a trusted signature. Nothing was changed. Restore only a set made by 'kube-rescue backup --sign-key' with a key listed in that file.`,
    );
  }
  if (trustedSigners) await checkTrustedSigners(trustedSigners);
  return withPrivateDir(async (dir) => {
    const sigFile = join(dir, MANIFEST_SIGNATURE);
    await writeFile(sigFile, signature, { mode: 0o600 });
    const refuse = (what: string) =>
      new InputError(
        `${where}: ${what}. The set is refused; nothing was changed. Check that it was written by a trusted 'kube-rescue backup --sign-key' and not altered since (by hand: ssh-keygen -Y verify -f ${trustedSigners} -I <principal> -n ${SIGNATURE_NAMESPACE} -s ${MANIFEST_SIGNATURE} < manifest.json).`,
      );
    if (!trustedSigners) {
      // Nothing depends on this check: without ssh-keygen, say so instead of failing.
      const r = await sshKeygen(
        ['-Y', 'check-novalidate', '-n', SIGNATURE_NAMESPACE, '-s', sigFile],
        manifest,
      ).catch((err: Error) => ({ code: 1, stdout: '', stderr: err.message }));
      const good = GOOD.exec(r.stdout + r.stderr);
      if (r.code !== 0 || !good) {
        return { status: 'invalid', detail: oneLine(r.stderr) || `ssh-keygen exit ${r.code}` };
      }
      return { status: 'unchecked', signer: { keyType: good[2], fingerprint: good[3] } };
    }
    const found = await sshKeygen(
      ['-Y', 'find-principals', '-s', sigFile, '-f', trustedSigners],
      Buffer.alloc(0),
    );
    const principal = found.code === 0 ? found.stdout.split('\n')[0]?.trim() : '';
    if (!principal) {
      const why = oneLine(found.stderr);
      throw refuse(
        `the signature's key is not in --trusted-signers ${trustedSigners}${why && !/No principal matched/i.test(why) ? ` (${why})` : ''}`,
      );
    }
    const r = await sshKeygen(
      [
        '-Y',
        'verify',
        '-f',
        trustedSigners,
        '-I',
        principal,
        '-n',
        SIGNATURE_NAMESPACE,
        '-s',
        sigFile,
      ],
      manifest,
    );
    const good = GOOD.exec(r.stdout + r.stderr);
    if (r.code !== 0 || !good) {
      throw refuse(
        `the signature by ${principal} does not verify over this manifest in namespace ${SIGNATURE_NAMESPACE} (${oneLine(r.stderr) || `ssh-keygen exit ${r.code}`}): the manifest was changed after signing, or the signature was made for something else`,
      );
    }
    return {
      status: 'trusted',
      signer: { principal: good[1] ?? principal, keyType: good[2], fingerprint: good[3] },
    };
  });
}

/** One line for reports: who signed, or what an unsigned set means. */
export function describeSignature(check: SignatureCheck): string {
  switch (check.status) {
    case 'trusted':
      return `signed by ${check.signer.principal} (${check.signer.keyType} key ${check.signer.fingerprint}), a trusted signer`;
    case 'unchecked':
      return `signed with ${check.signer.keyType} key ${check.signer.fingerprint}; not checked against trusted signers (pass --trusted-signers to require one)`;
    case 'unsigned':
      return 'not signed: the set is trusted as the store holds it (pass --trusted-signers to require a signature)';
    case 'invalid':
      return `the signature does not verify: ${check.detail}`;
  }
}

/** A manifest and its signature are small; anything larger is not one of ours. */
const MAX_SMALL_OBJECT = 16 * 1024 * 1024;

async function readSmall(store: Store, setName: string, object: string): Promise<Buffer | null> {
  const size = await store.stat(setName, object);
  if (!size) return null;
  if (size.bytes > MAX_SMALL_OBJECT) {
    throw new InputError(
      `${store.urlOf(setName)}/${object} is ${size.bytes} bytes: too large for a kube-rescue ${object}. The set is not one kube-rescue wrote, or it was altered.`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const c of await store.read(setName, object, { firstBytes: MAX_SMALL_OBJECT })) {
    chunks.push(Buffer.from(c as Buffer));
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a set's manifest.json and manifest.json.sig from the store and checks the one
 * against the other. The manifest bytes returned are the ones checked: parse those.
 */
export async function checkSetSignature(
  store: Store,
  setName: string,
  trustedSigners: string | undefined,
): Promise<{ check: SignatureCheck; manifest: Buffer }> {
  const where = store.urlOf(setName);
  const manifest = await readSmall(store, setName, 'manifest.json');
  if (!manifest) {
    throw new OperationError(
      `Object manifest.json is missing from the backup set ${where}: it is not a complete set. 'kube-rescue list' shows the complete ones.`,
    );
  }
  const signature = await readSmall(store, setName, MANIFEST_SIGNATURE);
  return {
    check: await checkManifestSignature(manifest, signature, trustedSigners, where),
    manifest,
  };
}
