import { type FSWatcher, watch } from 'node:fs';
import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Watches directories of this machine for plaintext of a backup: an etcd snapshot (a bbolt
 * file: its meta page's magic 0xED0CDAED at byte 16), a tar archive (`ustar` at byte 257)
 * and any of `needles` (e.g. the base64 lines of the backup's private keys) inside any file.
 * Files are read as they appear (fs.watch) and every `intervalMs` (a walk), so a file that
 * lives for a second is still seen; what was found is kept with the path and what it was.
 */
export class PlaintextScan {
  readonly found = new Map<string, string>();
  private readonly watchers: FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<Promise<void>>();
  private scanning: Promise<void> = Promise.resolve();

  constructor(
    private readonly roots: readonly string[],
    private readonly needles: readonly string[],
    private readonly intervalMs = 100,
  ) {}

  start(): this {
    for (const root of this.roots) {
      const w = watch(root, { recursive: true }, (_event, name) => {
        if (name) this.track(this.inspect(join(root, name.toString())));
      });
      w.on('error', () => {});
      this.watchers.push(w);
    }
    this.timer = setInterval(() => {
      this.scanning = this.scanning.then(() => this.walkAll());
    }, this.intervalMs);
    return this;
  }

  /** Stops watching after one last walk of every root; returns what was found. */
  async stop(): Promise<Map<string, string>> {
    if (this.timer) clearInterval(this.timer);
    for (const w of this.watchers) w.close();
    await this.scanning;
    await this.walkAll();
    await Promise.all(this.pending);
    return this.found;
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }

  private async walkAll(): Promise<void> {
    for (const root of this.roots) {
      const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
      await Promise.all(
        entries.filter((e) => e.isFile()).map((e) => this.inspect(join(e.parentPath, e.name))),
      );
    }
  }

  private async inspect(path: string): Promise<void> {
    const what = await classify(path, this.needles).catch(() => undefined);
    if (what && !this.found.has(path)) this.found.set(path, what);
  }
}

/** What plaintext of a backup the file holds, or undefined. Files of over 64 MiB: the head only. */
async function classify(path: string, needles: readonly string[]): Promise<string | undefined> {
  const fh = await open(path, 'r');
  let head: Buffer;
  let size: number;
  try {
    const st = await fh.stat();
    if (!st.isFile()) return undefined;
    size = st.size;
    head = Buffer.alloc(Math.min(size, 512));
    await fh.read(head, 0, head.length, 0);
  } finally {
    await fh.close();
  }
  if (head.length >= 20 && head.readUInt32LE(16) === 0xed0cdaed) return 'an etcd snapshot (bbolt)';
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') {
    return `a tar archive (first member ${JSON.stringify(head.subarray(0, 100).toString('latin1').replace(/\0.*$/s, ''))})`;
  }
  if (size > 64 * 1024 * 1024 || needles.length === 0) return undefined;
  const text = (await readFile(path)).toString('latin1');
  const hit = needles.find((n) => text.includes(n));
  return hit ? `a private key of the backup (${hit.slice(0, 8)}…)` : undefined;
}
