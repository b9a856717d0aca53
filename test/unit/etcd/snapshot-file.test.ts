import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BBOLT_MAGIC, verifySnapshotTrailer } from '../../../src/etcd/snapshot-file.js';

/**
 * A file shaped like `etcdctl snapshot save` output: bbolt pages (magic in page 0's meta at
 * byte 16) followed by the sha256 of those pages. The integration suite checks real snapshots.
 */
function snapshotLike(pages: number, seed = 1): Buffer {
  const db = Buffer.alloc(pages * 4096);
  for (let i = 0; i < db.length; i++) db[i] = (i * 31 + seed) & 0xff;
  db.writeUInt32LE(BBOLT_MAGIC, 16);
  return Buffer.concat([db, createHash('sha256').update(db).digest()]);
}

/** Streams `buf` in chunks of the given sizes (cycled), to hit every trailer boundary. */
function chunked(buf: Buffer, sizes: number[]): Readable {
  const parts: Buffer[] = [];
  for (let off = 0, i = 0; off < buf.length; i++) {
    const n = sizes[i % sizes.length];
    parts.push(buf.subarray(off, off + n));
    off += n;
  }
  return Readable.from(parts);
}

describe('verifySnapshotTrailer', () => {
  it('accepts an intact file and reports its size and both hashes', async () => {
    const file = snapshotLike(3);
    const res = await verifySnapshotTrailer(Readable.from([file]));
    const expected = createHash('sha256')
      .update(file.subarray(0, file.length - 32))
      .digest('hex');
    expect(res).toEqual({ ok: true, expected, actual: expected, bytes: 3 * 4096 + 32 });
  });

  it('gives the same verdict however the stream is chunked', async () => {
    const file = snapshotLike(2);
    const corrupt = Buffer.from(file);
    corrupt[5000] ^= 0x01;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 5000 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          expect((await verifySnapshotTrailer(chunked(file, sizes))).ok).toBe(true);
          const bad = await verifySnapshotTrailer(chunked(corrupt, sizes));
          expect(bad.problem).toBe('mismatch');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reports one flipped byte as a mismatch with both hashes', async () => {
    const file = snapshotLike(2);
    file[4096 + 100] ^= 0x80;
    const res = await verifySnapshotTrailer(Readable.from([file]), 'etcd.db');
    expect(res.ok).toBe(false);
    expect(res.problem).toBe('mismatch');
    expect(res.expected).not.toBe(res.actual);
    expect(res.detail).toContain(`trailer says sha256 ${res.expected}`);
    expect(res.detail).toContain('etcd.db is corrupt');
  });

  it('reports a flipped byte in the trailer itself as a mismatch', async () => {
    const file = snapshotLike(1);
    file[file.length - 1] ^= 0xff;
    expect((await verifySnapshotTrailer(Readable.from([file]))).problem).toBe('mismatch');
  });

  it('reports a truncated file: cut mid-page, and shorter than a trailer', async () => {
    const file = snapshotLike(2);
    const cut = await verifySnapshotTrailer(Readable.from([file.subarray(0, 5000)]), 'etcd.db');
    expect(cut).toMatchObject({ ok: false, problem: 'no-trailer', bytes: 5000 });
    expect(cut.detail).toMatch(/etcd\.db is 5000 bytes.*truncated/);
    const tiny = await verifySnapshotTrailer(Readable.from([file.subarray(0, 20)]), 'etcd.db');
    expect(tiny).toMatchObject({ ok: false, problem: 'truncated', bytes: 20 });
    const empty = await verifySnapshotTrailer(Readable.from([]), 'etcd.db');
    expect(empty).toMatchObject({ ok: false, problem: 'truncated', bytes: 0 });
  });

  it('recognises a file that is not a bbolt database (still encrypted or compressed)', async () => {
    const file = snapshotLike(1);
    file.writeUInt32LE(0x1f8b0800, 16);
    const res = await verifySnapshotTrailer(Readable.from([file]), 'etcd.db.gz');
    expect(res.problem).toBe('not-bbolt');
    expect(res.detail).toMatch(/not the bbolt magic 0xed0cdaed/);
  });

  it('recognises a raw data-dir db (no trailer appended)', async () => {
    const file = snapshotLike(2).subarray(0, 2 * 4096);
    expect((await verifySnapshotTrailer(Readable.from([file]))).problem).toBe('no-trailer');
  });
});
