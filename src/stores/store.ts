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
  /**
   * Reads one object of a committed set; with `firstBytes`, only that many bytes from its
   * start (a header), without fetching the rest.
   */
  read(setName: string, object: string, options?: ReadOptions): Promise<Readable>;
  /** The stored size of one object of a committed set; null when it does not exist. */
  stat(setName: string, object: string): Promise<{ bytes: number } | null>;
  /** Object names and sizes of a committed set. */
  objects(setName: string): Promise<{ name: string; bytes: number }[]>;
  /** Removes a committed set (retention). */
  remove(setName: string): Promise<void>;
  /** A path or URL naming the committed set, as users pass it to verify/restore. */
  urlOf(setName: string): string;
  /**
   * A small object kept beside the sets, never listed as one (the restore journal): its text,
   * or null when absent. Stores without one say so when it is first needed.
   */
  readSidecar?(name: string): Promise<string | null>;
  /** Replaces that object whole (0600 where the store has modes). */
  writeSidecar?(name: string, text: string): Promise<void>;
  /** Its path or URL, for people. */
  sidecarUrl?(name: string): string;
}

export interface PendingSet {
  /** Streams one object into the set. Resolves with the bytes written. */
  write(object: string, data: Readable, options?: { mode?: number }): Promise<number>;
  /** Makes the set visible under its final name. */
  commit(): Promise<void>;
  /** Removes everything written so far. */
  abort(): Promise<void>;
}

export interface ReadOptions {
  /** Read at most this many bytes from the start of the object (≥ 1). */
  firstBytes?: number;
}
