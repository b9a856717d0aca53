import type { Readable } from 'node:stream';

/**
 * Where backup sets live. A set is written under a temporary name and made visible by
 * `commit` only when complete, so a partial backup is never listed.
 */
export interface Store {
  /** Human-readable location, e.g. `/backups` or `s3://bucket/prefix`. */
  readonly location: string;
  /** Starts a new set; nothing is visible to `list` until `commit`. */
  begin(setName: string): Promise<PendingSet>;
  /** Committed set names, oldest first. */
  list(): Promise<string[]>;
  /** Reads one object of a committed set. */
  read(setName: string, object: string): Promise<Readable>;
  /** Object names and sizes of a committed set. */
  objects(setName: string): Promise<{ name: string; bytes: number }[]>;
  /** Removes a committed set (retention). */
  remove(setName: string): Promise<void>;
  /** A path or URL naming the committed set, as users pass it to verify/restore. */
  urlOf(setName: string): string;
}

export interface PendingSet {
  /** Streams one object into the set. Resolves with the bytes written. */
  write(object: string, data: Readable, options?: { mode?: number }): Promise<number>;
  /** Makes the set visible under its final name. */
  commit(): Promise<void>;
  /** Removes everything written so far. */
  abort(): Promise<void>;
}
