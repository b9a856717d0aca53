import { closeSync, createWriteStream, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { keepWritingBack } from '../../src/durable-file.js';

const dir = () => mkdtempSync(join(tmpdir(), 'kube-rescue-writeback-'));

/** 16 blocks of 256 KiB, a little apart, so the poll sees the file grow. */
async function* slowBlocks(): AsyncGenerator<Buffer> {
  for (let i = 0; i < 16; i++) {
    yield Buffer.alloc(256 * 1024, i);
    await sleep(5);
  }
}

describe('keepWritingBack', () => {
  it('syncs what the stream wrote while it writes, and the file holds every byte', async () => {
    const path = join(dir(), 'f');
    const fd = openSync(path, 'wx', 0o600);
    try {
      const file = createWriteStream('', { fd, autoClose: false });
      const back = keepWritingBack(fd, file, { everyBytes: 512 * 1024, pollMs: 2 });
      await pipeline(Readable.from(slowBlocks()), file);
      await back.stop();
      expect(back.syncedBytes).toBeGreaterThanOrEqual(512 * 1024);
      expect(back.syncedBytes).toBeLessThanOrEqual(file.bytesWritten);
      const data = readFileSync(path);
      expect(data.length).toBe(16 * 256 * 1024);
      expect(data[15 * 256 * 1024]).toBe(15);
    } finally {
      closeSync(fd);
    }
  });

  it('a sync that fails is the write’s failure: stop throws it', async () => {
    // /dev/null takes writes but cannot be synced (EINVAL): the first sync fails.
    const fd = openSync('/dev/null', 'w');
    try {
      const file = createWriteStream('', { fd, autoClose: false });
      const back = keepWritingBack(fd, file, { everyBytes: 1, pollMs: 2 });
      await pipeline(Readable.from(slowBlocks()), file);
      await expect(back.stop()).rejects.toMatchObject({ code: 'EINVAL' });
      expect(back.syncedBytes).toBe(0);
    } finally {
      closeSync(fd);
    }
  });
});
