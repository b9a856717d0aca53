import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Progress } from '../src/progress.js';
import { docker } from './docker-cli.js';

/**
 * The reaper cannot run here, so the harness removes what it made: everything carries
 * `kube-rescue.harness=<run id>` and the owning process, and a start removes what earlier
 * runs left behind when their process is gone. Other live runs (several test processes
 * share this engine) are left alone.
 */
export const RUN_LABEL = 'kube-rescue.harness';
export const OWNER_LABEL = 'kube-rescue.harness.owner';
export const TEMP_PREFIX = 'kube-rescue-cluster-';

export function ownerId(): string {
  return `${hostname()}:${process.pid}`;
}

export function runLabels(runId: string): Record<string, string> {
  return { [RUN_LABEL]: runId, [OWNER_LABEL]: ownerId() };
}

/** True if `owner` (`host:pid`) is a process that no longer runs on this machine. */
export function ownerIsGone(owner: string | undefined): boolean {
  if (!owner) return true;
  const i = owner.lastIndexOf(':');
  const host = owner.slice(0, i);
  const pid = Number(owner.slice(i + 1));
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

async function labelled(kind: 'container' | 'network'): Promise<{ id: string; owner?: string }[]> {
  const args =
    kind === 'container'
      ? [
          'ps',
          '-a',
          '--filter',
          `label=${RUN_LABEL}`,
          '--format',
          `{{.ID}} {{.Label "${OWNER_LABEL}"}}`,
        ]
      : [
          'network',
          'ls',
          '--filter',
          `label=${RUN_LABEL}`,
          '--format',
          `{{.ID}} {{.Label "${OWNER_LABEL}"}}`,
        ];
  const out = await docker(args);
  return out.stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [id, owner] = line.split(' ');
      return { id, owner: owner || undefined };
    });
}

/** Removes containers, networks and temp dirs of runs whose process has died. */
export async function removeLeftovers(progress: Progress): Promise<void> {
  const containers = (await labelled('container')).filter((c) => ownerIsGone(c.owner));
  if (containers.length > 0) {
    progress.info(`removing ${containers.length} container(s) left by crashed harness runs`);
    await docker(['rm', '-f', '-v', ...containers.map((c) => c.id)], { allowFailure: true });
  }
  const networks = (await labelled('network')).filter((n) => ownerIsGone(n.owner));
  for (const n of networks) {
    await docker(['network', 'rm', n.id], { allowFailure: true });
  }
  for (const entry of await readdir(tmpdir())) {
    if (!entry.startsWith(TEMP_PREFIX)) continue;
    const dir = join(tmpdir(), entry);
    const owner = await readFile(join(dir, 'owner'), 'utf8').catch(() => undefined);
    if (owner !== undefined && ownerIsGone(owner.trim())) {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

/** Removes everything of one run (its containers first: a network in use cannot go). */
export async function removeRun(runId: string): Promise<void> {
  const ids = (await docker(['ps', '-aq', '--filter', `label=${RUN_LABEL}=${runId}`])).stdout
    .split('\n')
    .filter(Boolean);
  if (ids.length > 0) await docker(['rm', '-f', '-v', ...ids], { allowFailure: true });
  const nets = (
    await docker(['network', 'ls', '-q', '--filter', `label=${RUN_LABEL}=${runId}`])
  ).stdout
    .split('\n')
    .filter(Boolean);
  for (const n of nets) await docker(['network', 'rm', n], { allowFailure: true });
}

/**
 * Runs alive in this process, torn down if the process is interrupted (Ctrl-C, a CI
 * cancel), when no `finally` would run.
 */
const liveRuns = new Map<string, () => Promise<void>>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

// `on`, not `once`: the listener must still be there while teardown runs, or a wrapper
// such as tsx sees no listener and exits at once.
function onSignal(signal: NodeJS.Signals): void {
  void Promise.allSettled([...liveRuns.values()].map((t) => t())).finally(() => {
    removeSignalHandlers();
    process.kill(process.pid, signal);
  });
}

function removeSignalHandlers(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

export function trackLiveRun(runId: string, teardown: () => Promise<void>): void {
  if (liveRuns.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  liveRuns.set(runId, teardown);
}

/** Forgets a run; with none left, signals behave as they did before the harness. */
export function untrackLiveRun(runId: string): void {
  if (liveRuns.delete(runId) && liveRuns.size === 0) removeSignalHandlers();
}

/** A new run: its id, cluster name and temp dir (with the owner written for later cleanup). */
export async function newRun(): Promise<{ runId: string; name: string; workDir: string }> {
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const workDir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}${runId}-`));
  await writeFile(join(workDir, 'owner'), ownerId());
  return { runId, name: `kube-rescue-${runId}`, workDir };
}
