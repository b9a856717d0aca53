import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { close, createWriteStream, fchmod, fsync, open as openFd, write, writev } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { FILE_WRITE_BUFFER_BYTES, keepWritingBack, writeFileDurably } from '../durable-file.js';
import { InputError, OperationError } from '../errors.js';
import { checkObjectName, compareSetNames } from './set-name.js';
import type { PendingSet, ReadOptions, Store } from './store.js';

const openFile = promisify(openFd);
const fsyncFile = promisify(fsync);
const fchmodFile = promisify(fchmod);
const closeFile = promisify(close);

/** The object whose presence makes a directory a backup set. */
export const MANIFEST = 'manifest.json';

const errno = (err: unknown): string =>
  (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/**
 * A directory of sets. A set is written under `.<name>.partial-<random>` and renamed into
 * place by `commit`, so `list` never sees half a set. Everything is private to the owner:
 * directories 0700, objects 0600 (archives hold private keys).
 */
export class LocalStore implements Store {
  readonly location: string;
  constructor(dir: string) {
    this.location = resolve(dir);
  }

  async begin(setName: string): Promise<PendingSet> {
    checkObjectName(setName);
    try {
      await mkdir(this.location, { recursive: true, mode: 0o700 });
    } catch (err) {
      throw new OperationError(
        `Cannot create the backup directory ${this.location}: ${errno(err)}.`,
      );
    }
    const final = join(this.location, setName);
    if (await exists(final)) {
      throw new OperationError(`A backup set ${final} already exists; refusing to overwrite it.`);
    }
    const partial = join(this.location, `.${setName}.partial-${randomBytes(4).toString('hex')}`);
    try {
      await mkdir(partial, { mode: 0o700 });
    } catch (err) {
      throw new OperationError(
        `Cannot write to the backup directory ${this.location}: ${errno(err)}.`,
      );
    }
    return {
      write: async (object, data, options) => {
        const path = join(partial, checkObjectName(object));
        const mode = options?.mode ?? 0o600;
        const fd = await openFile(path, 'wx', mode);
        try {
          // The descriptor stays ours: synced and closed only once the stream and the
          // write-back syncs are done (keepWritingBack).
          const file = createWriteStream('', {
            fd,
            autoClose: false,
            highWaterMark: FILE_WRITE_BUFFER_BYTES,
            // A destroyed stream closes its descriptor even without autoClose; this one never
            // does, so the close below is the only one (no double close, no reused number).
            fs: { write, writev, close: (_fd: number, cb: (err: null) => void) => cb(null) },
          });
          const writtenBack = keepWritingBack(fd, file);
          await pipeline(data, file).catch(async (err) => {
            await writtenBack.stop().catch(() => {});
            // A write may still be in the thread pool: the stream's destroy waits for it, and
            // the descriptor is closed only after that.
            if (!file.closed) await once(file, 'close').catch(() => {});
            throw err;
          });
          await writtenBack.stop();
          // fsync before close, so a committed set survives a crash right after.
          await fsyncFile(fd);
          // open() honours the umask; the mode must hold whatever the umask is.
          await fchmodFile(fd, mode);
          return file.bytesWritten;
        } finally {
          await closeFile(fd);
        }
      },
      commit: async () => {
        if (await exists(final)) {
          throw new OperationError(
            `A backup set ${final} appeared while writing; kept ours at ${partial}.`,
          );
        }
        await rename(partial, final);
      },
      abort: async () => {
        await rm(partial, { recursive: true, force: true });
      },
    };
  }

  async list(): Promise<string[]> {
    let entries: import('node:fs').Dirent[];
    try {
      entries = await readdir(this.location, { withFileTypes: true });
    } catch (err) {
      if (errno(err) === 'ENOENT') {
        throw new InputError(`Backup directory ${this.location} does not exist.`);
      }
      throw new OperationError(`Cannot read the backup directory ${this.location}: ${errno(err)}.`);
    }
    const sets: string[] = [];
    for (const e of entries) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      if (await exists(join(this.location, e.name, MANIFEST))) sets.push(e.name);
    }
    return sets.sort(compareSetNames);
  }

  async read(setName: string, object: string, options?: ReadOptions): Promise<Readable> {
    const path = join(this.location, checkObjectName(setName), checkObjectName(object));
    // Open first so a missing object fails here, with its name, not mid-pipeline.
    const fh = await open(path, 'r').catch((err) => {
      throw new OperationError(
        errno(err) === 'ENOENT'
          ? `Object ${object} is missing from the backup set ${join(this.location, setName)}.`
          : `Cannot read ${path}: ${errno(err)}.`,
      );
    });
    const first = options?.firstBytes;
    return fh.createReadStream({
      highWaterMark: first ? Math.min(first, 256 * 1024) : 256 * 1024,
      ...(first ? { start: 0, end: first - 1 } : {}),
    });
  }

  async stat(setName: string, object: string): Promise<{ bytes: number } | null> {
    const path = join(this.location, checkObjectName(setName), checkObjectName(object));
    try {
      const s = await stat(path);
      return s.isFile() ? { bytes: s.size } : null;
    } catch (err) {
      if (errno(err) === 'ENOENT') return null;
      throw new OperationError(`Cannot read ${path}: ${errno(err)}.`);
    }
  }

  async objects(setName: string): Promise<{ name: string; bytes: number }[]> {
    const dir = join(this.location, checkObjectName(setName));
    const names = await readdir(dir).catch((err) => {
      throw new OperationError(`Cannot read the backup set ${dir}: ${errno(err)}.`);
    });
    const out: { name: string; bytes: number }[] = [];
    for (const name of names.sort()) {
      const s = await stat(join(dir, name));
      if (s.isFile()) out.push({ name, bytes: s.size });
    }
    return out;
  }

  async remove(setName: string): Promise<void> {
    await rm(join(this.location, checkObjectName(setName)), { recursive: true, force: true });
  }

  urlOf(setName: string): string {
    return join(this.location, setName);
  }

  async readSidecar(name: string): Promise<string | null> {
    const path = join(this.location, checkObjectName(name));
    try {
      return await readFile(path, 'utf8');
    } catch (err) {
      if (errno(err) === 'ENOENT') return null;
      throw new OperationError(`Cannot read ${path}: ${errno(err)}.`);
    }
  }

  /** A crash leaves the old text or the new, never a part. */
  async writeSidecar(name: string, text: string): Promise<void> {
    const path = join(this.location, checkObjectName(name));
    try {
      await mkdir(this.location, { recursive: true, mode: 0o700 });
      await writeFileDurably(path, text, 0o600);
    } catch (err) {
      throw new OperationError(`Cannot write ${path}: ${errno(err)}.`);
    }
  }

  sidecarUrl(name: string): string {
    return join(this.location, name);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
