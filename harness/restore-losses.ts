import { writerKey } from './data.js';

/** The background writer's highest sequence number among `keys` (-1 when it wrote none). */
export function lastWriteIn(keys: Iterable<string>, prefix: string): number {
  return Math.max(
    -1,
    ...[...keys].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length))),
  );
}

/** What a restore lost: keys of the backup missing or changed, and writes acknowledged after it. */
export interface RestoreLosses {
  keysLost: number;
  writesAfterBackup: number;
  writesLost: number;
}

/**
 * `atBackup` and `now` map key → sha256(value); the writer's keys `lastAtBackup + 1 … last`
 * were acknowledged after the backup and before the fault.
 */
export function restoreLosses(
  atBackup: ReadonlyMap<string, string>,
  now: ReadonlyMap<string, string>,
  writer: { prefix: string; lastAtBackup: number; last: number },
): RestoreLosses {
  let keysLost = 0;
  for (const [k, digest] of atBackup) if (now.get(k) !== digest) keysLost++;
  let writesLost = 0;
  for (let n = writer.lastAtBackup + 1; n <= writer.last; n++) {
    if (!now.has(writerKey(writer.prefix, n))) writesLost++;
  }
  return {
    keysLost,
    writesAfterBackup: Math.max(0, writer.last - writer.lastAtBackup),
    writesLost,
  };
}
