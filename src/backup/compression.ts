import type { Transform } from 'node:stream';
import * as zlib from 'node:zlib';
import { InputError } from '../errors.js';
import { createParallelGzip } from './parallel-gzip.js';

export type Compression = 'gzip' | 'zstd' | 'none';

// zstd arrived in node:zlib with Node 22.15 / 23.8; typed loosely so this compiles on @types/node 20.
interface ZstdZlib {
  createZstdCompress?: (options?: object) => Transform;
  createZstdDecompress?: (options?: object) => Transform;
}
const zstd = zlib as unknown as ZstdZlib;

/** Whether this runtime can write and read `compression`. */
export function compressionAvailable(compression: Compression): boolean {
  return compression !== 'zstd' || typeof zstd.createZstdCompress === 'function';
}

/** Fails early, before anything is written, when the runtime lacks the compressor. */
export function requireCompression(compression: Compression, where = '--compress'): void {
  if (!compressionAvailable(compression)) {
    throw new InputError(
      `${where} zstd: this Node.js ${process.version} has no zstd in node:zlib (it arrived in Node 22.15). Use --compress gzip, or run on Node ≥ 22.15 (the action runs on node24).`,
    );
  }
}

/** File-name suffix of a compressed object. */
export function compressionSuffix(compression: Compression): string {
  return compression === 'gzip' ? '.gz' : compression === 'zstd' ? '.zst' : '';
}

/**
 * The compressing stage, or null for `none`. gzip level 1: speed over ratio for snapshots,
 * compressed on every core as concatenated gzip members (still one standard .gz file).
 */
export function createCompressor(compression: Compression): Transform | null {
  if (compression === 'none') return null;
  requireCompression(compression);
  if (compression === 'gzip') return createParallelGzip({ level: 1 });
  return zstd.createZstdCompress!();
}

/** The decompressing stage, or null for `none`. */
export function createDecompressor(compression: Compression, where: string): Transform | null {
  if (compression === 'none') return null;
  requireCompression(compression, `${where} is compressed with`);
  // Gunzip reads on past the end of a member, so the parallel compressor's output is one file.
  if (compression === 'gzip') return zlib.createGunzip({ chunkSize: 64 * 1024 });
  return zstd.createZstdDecompress!();
}
