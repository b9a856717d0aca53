/**
 * The load gate every benchmark passes before it measures anything. On a busy machine the
 * single-threaded bare tools slow down more than our multi-core pipeline, which flatters
 * our ratios: a figure counts only when the 1-minute load was below 1.0 when the measured
 * runs began. `--allow-load` runs anyway, and every figure is then marked as not qualifying.
 */
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

/** A 1-minute load at or above this makes a run not qualify. */
export const QUIET_LOAD = 1.0;

export interface LoadGateOptions {
  /** Run even when the machine stays busy (`--allow-load`); figures are marked. */
  allowLoad: boolean;
  /** How long to wait for the load to fall below QUIET_LOAD (default 10 min). */
  maxWaitMs?: number;
  /** How often to print the load while waiting (default 30 s). */
  printEveryMs?: number;
  /** Where waiting is reported (default stderr). */
  log?: (line: string) => void;
  /** The load to judge (default the machine's 1-minute load). */
  load?: () => number;
}

/** The verdict on one measured stretch: the load when it began and when it ended. */
export interface LoadRecord {
  before: number;
  after?: number;
  qualifying: boolean;
}

export const oneMinuteLoad = (): number => loadavg()[0];

/**
 * Waits (bounded) for the 1-minute load to fall below QUIET_LOAD. Resolves with the load
 * record once it has, or at the end of the wait when `allowLoad` is set; otherwise throws
 * a LoadError saying why, for the bench to exit non-zero.
 */
export async function waitForQuiet(opts: LoadGateOptions): Promise<LoadRecord> {
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const maxWaitMs = opts.maxWaitMs ?? 10 * 60_000;
  const printEveryMs = opts.printEveryMs ?? 30_000;
  const current = opts.load ?? oneMinuteLoad;
  const start = Date.now();
  let lastPrint = -Infinity;
  for (;;) {
    const load = current();
    if (load < QUIET_LOAD) return { before: load, qualifying: true };
    const waited = Date.now() - start;
    if (waited >= maxWaitMs) {
      if (opts.allowLoad) {
        log(
          `1-min load ${load.toFixed(2)} after ${(waited / 1000).toFixed(0)} s of waiting; running anyway (--allow-load): every figure is NOT QUALIFYING.`,
        );
        return { before: load, qualifying: false };
      }
      throw new LoadError(
        `The 1-minute load stayed at or above ${QUIET_LOAD} for ${(waited / 60_000).toFixed(1)} min (now ${load.toFixed(2)}): figures from a busy machine are not evidence. Stop what else runs and start again, or pass --allow-load to get figures marked NOT QUALIFYING.`,
      );
    }
    if (Date.now() - lastPrint >= printEveryMs) {
      lastPrint = Date.now();
      log(
        `waiting for a 1-min load below ${QUIET_LOAD} (now ${load.toFixed(2)}, waited ${(waited / 1000).toFixed(0)} s of at most ${(maxWaitMs / 1000).toFixed(0)} s)`,
      );
    }
    await sleep(Math.min(5_000, Math.max(0, maxWaitMs - waited)));
  }
}

export class LoadError extends Error {}

/** Closes the record with the load at the end of the measured stretch. */
export function endLoad(record: LoadRecord): LoadRecord {
  return { ...record, after: oneMinuteLoad() };
}

/** A line for the report header: the loads and whether the run qualifies. */
export function describeLoad(record: LoadRecord): string {
  const after = record.after === undefined ? '' : `, ${record.after.toFixed(2)} after`;
  return `1-min load ${record.before.toFixed(2)} before${after}: ${
    record.qualifying
      ? `qualifies (below ${QUIET_LOAD} at the start)`
      : `NOT QUALIFYING (load ${record.before.toFixed(2)})`
  }`;
}

/** `figure`, marked when the run does not qualify. */
export function mark(record: LoadRecord, figure: string): string {
  return record.qualifying
    ? figure
    : `${figure}  [NOT QUALIFYING (load ${record.before.toFixed(1)})]`;
}

/** The flags every bench shares: `--allow-load` and `--max-wait-s N`. */
export function loadGateFlags(argv: readonly string[]): LoadGateOptions {
  const i = argv.indexOf('--max-wait-s');
  const maxWaitS = i >= 0 ? Number(argv[i + 1]) : 600;
  if (!Number.isFinite(maxWaitS) || maxWaitS < 0) {
    throw new LoadError(`--max-wait-s takes a number of seconds ≥ 0, not "${argv[i + 1]}".`);
  }
  return { allowLoad: argv.includes('--allow-load'), maxWaitMs: maxWaitS * 1000 };
}

/** The value after `--name` in `argv`, else `fallback`. */
export function flagValue(argv: readonly string[], name: string, fallback: string): string {
  const i = argv.indexOf(`--${name}`);
  return i > 0 ? (argv[i + 1] ?? fallback) : fallback;
}

/** Runs a bench's main: a LoadError (a busy machine, a bad flag) ends it with its sentence and exit 2. */
export async function runBench(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (err) {
    if (!(err instanceof LoadError)) throw err;
    process.stderr.write(`${err.message}\n`);
    process.exitCode = 2;
  }
}
