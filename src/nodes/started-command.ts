import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/** One started command, whatever carries it: a child process or an SSH channel. */
export interface StartedCommand {
  stdin: Writable;
  stdout: Readable;
  stderr: Readable;
  /** Settles once the command has exited and its output streams are closed. */
  exited: Promise<{ code: number | null; signal: string | null }>;
  /** Stops the command: TERM first so its cleanup traps run, KILL if it lingers. */
  kill(): void;
}

/** How long a TERM'd command gets to run its traps before it is KILLed. */
export const KILL_GRACE_MS = 2000;

/**
 * Starts a child process of this machine. It gets its own process group, so stopping it also
 * stops what it started (a `sh -c` script's children), not only the shell.
 */
export async function startChildProcess(
  file: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<StartedCommand> {
  const child = spawn(file, args, { env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  // Rejects with the spawn error (ENOENT, EACCES) before anything ran.
  await once(child, 'spawn');
  return {
    stdin: child.stdin!,
    stdout: child.stdout!,
    stderr: child.stderr!,
    exited,
    kill: () => stopProcessGroup(child, exited),
  };
}

function stopProcessGroup(child: ChildProcess, exited: Promise<unknown>): void {
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // The group is already gone.
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), KILL_GRACE_MS);
  timer.unref();
  void exited.then(() => clearTimeout(timer));
}
