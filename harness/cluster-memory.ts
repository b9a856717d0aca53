import { RUN_LABEL } from './cleanup.js';
import { docker } from './docker-cli.js';

const UNITS: Record<string, number> = {
  B: 1,
  kB: 1000,
  KiB: 1024,
  MB: 1000 ** 2,
  MiB: 1024 ** 2,
  GB: 1000 ** 3,
  GiB: 1024 ** 3,
};

/** Bytes of one `docker stats` MemUsage cell (`812.4MiB / 23.54GiB`), usage only. */
export function memUsageBytes(cell: string): number | undefined {
  const m = /^([\d.]+)\s*([kKMG]?i?B)\b/.exec(cell.trim());
  if (!m) return undefined;
  const unit = UNITS[m[2]!];
  return unit === undefined ? undefined : Number(m[1]) * unit;
}

/** Sum of the memory Docker reports (usage less page cache) for one run's node containers. */
export async function runMemoryBytes(runId: string): Promise<number> {
  const ps = await docker(['ps', '-q', '--filter', `label=${RUN_LABEL}=${runId}`], {
    allowFailure: true,
  });
  const ids = ps.stdout.split('\n').filter(Boolean);
  if (ids.length === 0) return 0;
  const stats = await docker(['stats', '--no-stream', '--format', '{{.MemUsage}}', ...ids], {
    allowFailure: true,
    timeoutMs: 60_000,
  });
  return stats.stdout
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => sum + (memUsageBytes(line) ?? 0), 0);
}

/**
 * Samples one run's containers every `intervalMs` until stopped; only this run's, since other
 * harness clusters may share the engine. `stop()` gives the peak seen, in bytes.
 */
export function sampleRunMemory(runId: string, intervalMs = 5000): { stop(): Promise<number> } {
  let peak = 0;
  let running = true;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await runMemoryBytes(runId).catch(() => 0));
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, intervalMs);
      });
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      return peak;
    },
  };
}
