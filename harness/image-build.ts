import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OperationError } from '../src/errors.js';
import type { Progress } from '../src/progress.js';
import { ownerId, ownerIsGone } from './cleanup.js';
import { runCommand } from './docker-cli.js';

/** Runs `file args` as root: directly when we are root, else through passwordless sudo. */
export type AsRoot = (file: string, args: string[]) => [string, string[]];

/**
 * Root for an image build (debootstrap, chroot, apt-get in a rootfs): ourselves when we are
 * root, else `sudo -n` as on a CI runner. `needs` says what for, in the error.
 */
export async function rootAccess(what: string, needs: string): Promise<AsRoot> {
  if (process.getuid?.() === 0) return (file, args) => [file, args];
  const sudo = await runCommand('sudo', ['-n', 'true'], { allowFailure: true }).catch(() => ({
    code: -1,
  }));
  if (sudo.code === 0) return (file, args) => ['sudo', ['-n', file, ...args]];
  throw new OperationError(
    `Building ${what} needs root (${needs}), and \`sudo -n\` is not allowed here. Run the harness as root or with passwordless sudo.`,
  );
}

/**
 * One build of `what` on this machine at a time: several test processes may ask for the
 * same image at once on a fresh machine. A lock left by a dead process is taken over.
 * `key` names the lock file (`kube-rescue-<key>.lock` in the temp dir).
 */
export async function withBuildLock<T>(
  key: string,
  what: string,
  progress: Progress,
  work: () => Promise<T>,
  timeoutMs = 30 * 60_000,
): Promise<T> {
  const release = await holdMachineLock(key, progress, {
    waiting: (owner) => `another process (${owner}) is building ${what}; waiting for it`,
    timedOut: (owner, lock) =>
      `Waited ${timeoutMs / 60_000} min for another process (${owner || 'unknown'}) to build ${what}; remove ${lock} if no build is running.`,
    timeoutMs,
  });
  try {
    return await work();
  } finally {
    await release();
  }
}

/**
 * One of `slots` places on this machine (lock files `kube-rescue-<key>-<i>.lock` in the temp
 * dir; one slot: `kube-rescue-<key>.lock`), held until the returned function is called, across
 * processes. The first free one is taken; a place held by a process that no longer runs is
 * taken over; when none frees within `timeoutMs`, an OperationError with `timedOut`'s words.
 */
export async function holdMachineLock(
  key: string,
  progress: Progress,
  opts: {
    slots?: number;
    timeoutMs: number;
    waiting: (owners: string) => string;
    timedOut: (owners: string, lock: string) => string;
  },
): Promise<() => Promise<void>> {
  const slots = opts.slots ?? 1;
  const locks = Array.from({ length: slots }, (_, i) =>
    join(tmpdir(), slots === 1 ? `kube-rescue-${key}.lock` : `kube-rescue-${key}-${i}.lock`),
  );
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (;;) {
    const owners: string[] = [];
    for (const lock of locks) {
      try {
        const handle = await open(lock, 'wx', 0o644);
        await handle.writeFile(ownerId());
        await handle.close();
        return () => rm(lock, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        const owner = (await readFile(lock, 'utf8').catch(() => '')).trim();
        // Gone owner: the place is free again (taken on the next pass, as any other process may).
        if (owner && ownerIsGone(owner)) await rm(lock, { force: true });
        else owners.push(owner || 'unknown');
      }
    }
    if (owners.length < locks.length) continue;
    if (Date.now() > deadline) {
      throw new OperationError(opts.timedOut(owners.join(', '), locks.join(', ')));
    }
    if (!told) {
      progress.info(opts.waiting(owners.join(', ')));
      told = true;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

const fileHashes = new Map<string, Promise<string>>();

/** sha256 of a file, memoized per path, size and mtime (the binaries an image carries are 20–100 MB each). */
export async function fileSha256(path: string): Promise<string> {
  const s = await stat(path);
  const key = `${path}\0${s.size}\0${s.mtimeMs}`;
  let hash = fileHashes.get(key);
  if (!hash) {
    hash = new Promise<string>((resolve, reject) => {
      const h = createHash('sha256');
      createReadStream(path)
        .on('data', (b) => h.update(b))
        .on('error', reject)
        .on('end', () => resolve(h.digest('hex')));
    });
    fileHashes.set(key, hash);
  }
  return hash;
}
