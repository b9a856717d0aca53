import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { loadIdentityFiles, parseRecipient } from '../../../src/backup/age.js';
import { createCompressor } from '../../../src/backup/compression.js';
import {
  createParallelGzip,
  DEFAULT_GZIP_BLOCK_BYTES,
  defaultGzipConcurrency,
  ParallelGzip,
} from '../../../src/backup/parallel-gzip.js';
import { readObject, storeObject } from '../../../src/backup/pipeline.js';
import { LocalStore } from '../../../src/stores/local.js';

const BLOCK = 64 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** JSON that compresses like Kubernetes objects: repeated field names, varied values. */
function compressible(n: number): Buffer {
  const parts: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const s = `{"kind":"ConfigMap","metadata":{"name":"cm-${i}","uid":"${randomBytes(8).toString('hex')}"},"data":{"k":"${'x'.repeat(i % 90)}"}}\n`;
    parts.push(s);
    len += s.length;
  }
  return Buffer.from(parts.join('')).subarray(0, n);
}

/** Uneven pieces, so block boundaries never line up with writes. */
function pieces(data: Buffer, size = 7919): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) out.push(data.subarray(i, i + size));
  return out;
}

async function compress(data: Buffer, gzip: ParallelGzip, size?: number): Promise<Buffer> {
  return buffer(Readable.from(pieces(data, size)).pipe(gzip));
}

/** Walks the gzip members (RFC 1952 §2.2) and counts them; fails on anything else. */
function gzipMembers(gz: Buffer): number {
  let offset = 0;
  let members = 0;
  while (offset < gz.length) {
    // ID1 ID2 CM=deflate FLG=0: zlib writes no optional header fields.
    expect([...gz.subarray(offset, offset + 4)]).toEqual([0x1f, 0x8b, 8, 0]);
    // `info` exposes the engine: bytesWritten is how much deflate data the member holds.
    const { engine } = zlib.inflateRawSync(gz.subarray(offset + 10), {
      info: true,
    } as zlib.ZlibOptions) as unknown as { engine: { bytesWritten: number } };
    offset += 10 + engine.bytesWritten + 8;
    members++;
  }
  expect(offset).toBe(gz.length);
  return members;
}

/** The real gzip binary, reading from stdin. */
function gzipDecompress(gz: Buffer): Buffer {
  return execFileSync('gzip', ['-d', '-c'], { input: gz, maxBuffer: 1 << 28 });
}

async function gunzipStream(gz: Buffer): Promise<Buffer> {
  return buffer(Readable.from(pieces(gz, 4099)).pipe(zlib.createGunzip()));
}

describe('ParallelGzip round trips', () => {
  it.each([
    ['empty', 0, 'random'],
    ['1 byte', 1, 'random'],
    ['exactly one block', BLOCK, 'random'],
    ['one block + 1', BLOCK + 1, 'compressible'],
    ['many blocks, random', 20 * BLOCK + 123, 'random'],
    ['many blocks, compressible', 20 * BLOCK + 4567, 'compressible'],
  ] as const)(
    '%s (%i bytes, %s): gunzipSync, createGunzip and gzip -d read it whole',
    async (_what, n, kind) => {
      const plain = kind === 'random' ? randomBytes(n) : compressible(n);
      const gz = await compress(plain, createParallelGzip({ blockBytes: BLOCK, concurrency: 3 }));
      // Empty input is one empty member: a zero-byte file is not gzip.
      expect(gzipMembers(gz)).toBe(Math.max(1, Math.ceil(n / BLOCK)));
      expect(zlib.gunzipSync(gz).equals(plain)).toBe(true);
      expect((await gunzipStream(gz)).equals(plain)).toBe(true);
      expect(gzipDecompress(gz).equals(plain)).toBe(true);
      if (kind === 'compressible' && n > 0) expect(gz.length).toBeLessThan(plain.length / 2);
    },
  );

  it('one write spanning many blocks is cut into blocks, never more than `concurrency` at once', async () => {
    const plain = compressible(40 * BLOCK + 99);
    const gzip = createParallelGzip({ blockBytes: BLOCK, concurrency: 2 });
    const gz = await compress(plain, gzip, plain.length);
    expect(gzipMembers(gz)).toBe(41);
    expect(gzipDecompress(gz).equals(plain)).toBe(true);
    expect(gzip.peakBlocksInFlight).toBe(2);
  });

  it('default options: level 1, 1 MiB blocks, concurrency from the cores and the threadpool', async () => {
    const gzip = createParallelGzip();
    expect(gzip.level).toBe(1);
    expect(gzip.blockBytes).toBe(DEFAULT_GZIP_BLOCK_BYTES);
    expect(gzip.concurrency).toBe(defaultGzipConcurrency());
    const plain = compressible(2 * DEFAULT_GZIP_BLOCK_BYTES + 5);
    const gz = await compress(plain, gzip, 256 * 1024);
    expect(gzipMembers(gz)).toBe(3);
    // XFL = 4: zlib marks members written with the fastest level.
    expect(gz[8]).toBe(4);
    expect(zlib.gunzipSync(gz).equals(plain)).toBe(true);
  });

  it('rejects a block size or concurrency that is not a positive integer', () => {
    expect(() => createParallelGzip({ blockBytes: 0 })).toThrow(/block size must be a positive/);
    expect(() => createParallelGzip({ concurrency: 1.5 })).toThrow(
      /concurrency must be a positive/,
    );
  });
});

describe('defaultGzipConcurrency', () => {
  const saved = process.env.UV_THREADPOOL_SIZE;
  afterEach(() => {
    if (saved === undefined) delete process.env.UV_THREADPOOL_SIZE;
    else process.env.UV_THREADPOOL_SIZE = saved;
  });

  it('leaves one threadpool thread for fs: a pool of 2 gives 1, of 64 gives ≥ 2', () => {
    process.env.UV_THREADPOOL_SIZE = '2';
    expect(defaultGzipConcurrency()).toBe(1);
    process.env.UV_THREADPOOL_SIZE = '64';
    expect(defaultGzipConcurrency()).toBeGreaterThanOrEqual(2);
    expect(defaultGzipConcurrency()).toBeLessThanOrEqual(63);
    delete process.env.UV_THREADPOOL_SIZE;
    expect(defaultGzipConcurrency()).toBeLessThanOrEqual(3);
  });
});

describe('ParallelGzip ordering, errors and memory', () => {
  it('emits members in input order when later blocks finish first', async () => {
    const finished: number[] = [];
    let secondDone!: () => void;
    const second = new Promise<void>((resolve) => {
      secondDone = resolve;
    });
    let started = 0;
    class FirstBlockLast extends ParallelGzip {
      protected override async compressBlock(block: Buffer): Promise<Buffer> {
        const index = started++;
        // Held back until block 2 is done, so completion order is not input order.
        if (index === 0) await second;
        const member = await super.compressBlock(block);
        finished.push(index);
        if (index === 2) secondDone();
        return member;
      }
    }
    // Blocks of very different compressibility: random first, then zeros and text.
    const plain = Buffer.concat([
      randomBytes(BLOCK),
      Buffer.alloc(BLOCK),
      compressible(BLOCK),
      randomBytes(BLOCK / 2),
    ]);
    const gz = await compress(plain, new FirstBlockLast({ blockBytes: BLOCK, concurrency: 3 }));
    expect(finished.indexOf(0)).toBeGreaterThan(finished.indexOf(2));
    expect(gzipMembers(gz)).toBe(4);
    expect(gzipDecompress(gz).equals(plain)).toBe(true);
  });

  it('a zlib error in a middle block fails the stream with that error', async () => {
    let started = 0;
    class FailsThirdBlock extends ParallelGzip {
      protected override compressBlock(block: Buffer): Promise<Buffer> {
        if (started++ !== 2) return super.compressBlock(block);
        // A real zlib failure, delivered asynchronously like any deflate error.
        return new Promise((resolve, reject) => {
          zlib.gzip(block, { level: 1, maxOutputLength: 16 }, (err, out) =>
            err ? reject(err) : resolve(out),
          );
        });
      }
    }
    const out: Buffer[] = [];
    const gzip = new FailsThirdBlock({ blockBytes: BLOCK, concurrency: 2 });
    const err = await pipeline(
      Readable.from(pieces(randomBytes(8 * BLOCK))),
      gzip,
      new Writable({
        write(chunk: Buffer, _enc, cb) {
          out.push(chunk);
          cb();
        },
      }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RangeError);
    expect((err as NodeJS.ErrnoException).code).toBe('ERR_BUFFER_TOO_LARGE');
    expect(gzip.destroyed).toBe(true);
    // Only the two members before the failed block can have left.
    expect(out.length).toBeLessThanOrEqual(2);
  });

  it('a slow consumer stops the producer: memory stays bounded, then everything arrives', async () => {
    const total = 64 * BLOCK;
    let produced = 0;
    const source = Readable.from(
      (function* () {
        while (produced < total) {
          const chunk = randomBytes(16 * 1024);
          produced += chunk.length;
          yield chunk;
        }
      })(),
    );
    const gzip = createParallelGzip({ blockBytes: BLOCK, concurrency: 2 });
    const received: Buffer[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const sink = new Writable({
      highWaterMark: 1,
      write(chunk: Buffer, _enc, cb) {
        received.push(chunk);
        // The first member is taken, then the consumer stalls until released.
        if (received.length === 1) released.then(() => cb());
        else cb();
      },
    });
    const done = pipeline(source, gzip, sink);
    let last = -1;
    while (produced !== last) {
      last = produced;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // Random data: a member is as large as its block. Held while stalled: the source's and
    // the compressor's buffers (a block each side), `concurrency` blocks, the one filling.
    expect(produced).toBeLessThanOrEqual(8 * BLOCK);
    expect(gzip.peakBlocksInFlight).toBeLessThanOrEqual(2);
    release();
    await done;
    const gz = Buffer.concat(received);
    expect(zlib.gunzipSync(gz).length).toBe(produced);
    expect(produced).toBeGreaterThanOrEqual(total);
    expect(gzip.peakBlocksInFlight).toBe(2);
  });
});

describe('gzip in the backup pipeline', () => {
  it('storeObject gzip+age: `age -d | gzip -d` reads the multi-member object; readObject too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-pgzip-'));
    const keyFile = join(dir, 'key.txt');
    execFileSync('age-keygen', ['-o', keyFile], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', keyFile], { encoding: 'utf8' }).trim();
    const plain = compressible(3 * DEFAULT_GZIP_BLOCK_BYTES + 777);
    const store = new LocalStore(join(dir, 'store'));
    const set = await store.begin('c1-20261122T030000Z');
    const obj = await storeObject(Readable.from(pieces(plain, 65536)), set, {
      base: 'etcd.db',
      kind: 'etcd-snapshot',
      compression: 'gzip',
      recipients: [parseRecipient(recipient)],
    });
    await set.commit();
    const path = join(store.location, 'c1-20261122T030000Z', obj.name);
    expect(obj.name).toBe('etcd.db.gz.age');
    const viaCli = execFileSync(
      'bash',
      ['-o', 'pipefail', '-c', 'age -d -i "$1" "$2" | gzip -d', 'bash', keyFile, path],
      { maxBuffer: 1 << 28 },
    );
    expect(sha(viaCli)).toBe(sha(plain));
    const gz = execFileSync('age', ['-d', '-i', keyFile, path], { maxBuffer: 1 << 28 });
    expect(gzipMembers(gz)).toBe(4);

    const out: Buffer[] = [];
    const back = await readObject(Readable.from([readFileSync(path)]), obj, {
      identities: await loadIdentityFiles([keyFile]),
      where: obj.name,
      sink: new Writable({
        write(chunk: Buffer, _enc, cb) {
          out.push(chunk);
          cb();
        },
      }),
    });
    expect(back.plaintextSha256).toBe(sha(plain));
    expect(back.plaintextBytes).toBe(plain.length);
    expect(Buffer.concat(out).equals(plain)).toBe(true);
  });

  it("createCompressor('gzip') is the parallel compressor at level 1", () => {
    const gzip = createCompressor('gzip');
    expect(gzip).toBeInstanceOf(ParallelGzip);
    expect((gzip as ParallelGzip).level).toBe(1);
  });
});
