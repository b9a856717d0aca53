import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { type Readable, Transform, type Writable } from 'node:stream';

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

/**
 * Commands on another machine (SSH, `docker exec`) cannot be stopped by killing our end: sshd
 * refuses signals for root sessions and docker does not forward them. So such commands run
 * wrapped: the wrapper reports its PID (a process group leader under sshd and runc) as the first
 * stderr line, then becomes the command; a stop is a `kill` of that group sent separately.
 */
export function reportingPid(argv: readonly string[]): string[] {
  return ['sh', '-c', 'echo "kube-rescue-pid $$" >&2; exec "$@"', 'kube-rescue', ...argv];
}

const PID_MARKER = /^kube-rescue-pid (\d+)$/;

/**
 * `reportingPid` for a command that takes no input, through a carrier that drops output:
 * dockerd gives an exec's output 2 s after the command exits to reach the client, then closes
 * its streams and still reports the exit code (moby's daemon/monitor.go, `StreamConfig.Wait`
 * with a 2 s timeout). A reader that falls behind (a loaded machine) loses the tail. So the
 * wrapper runs the command (stdin /dev/null), prints `mark` on stdout, and exits only once its
 * own stdin closes: the reader closes it on seeing the mark, so nothing is left in flight.
 */
export function reportingPidUntilRead(argv: readonly string[], mark: string): string[] {
  return [
    'sh',
    '-c',
    'echo "kube-rescue-pid $$" >&2; m=$1; shift; "$@" </dev/null; rc=$?; printf %s "$m"; read -r _; exit "$rc"',
    'kube-rescue',
    mark,
    ...argv,
  ];
}

/**
 * stdout without the end mark `reportingPidUntilRead` prints last; `onMark` runs as soon as the
 * mark has arrived (everything before it has then arrived too). `complete()`, once the stream
 * ended, says whether the output ended with the mark: if not, it did not all arrive.
 */
export function takeEndMark(
  stdout: Readable,
  mark: Buffer,
  onMark: () => void,
): { stdout: Readable; complete: () => boolean } {
  let held = Buffer.alloc(0);
  let seen = false;
  let complete = false;
  const strip = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      const all = held.length ? Buffer.concat([held, chunk]) : chunk;
      const keep = Math.min(all.length, mark.length);
      held = Buffer.from(all.subarray(all.length - keep));
      if (!seen && held.equals(mark)) {
        seen = true;
        onMark();
      }
      cb(null, keep < all.length ? all.subarray(0, all.length - keep) : undefined);
    },
    flush(cb) {
      complete = held.equals(mark);
      cb(null, complete || !held.length ? undefined : held);
    },
  });
  return { stdout: stdout.pipe(strip), complete: () => complete };
}

/** argv that sends `signal` to the process group of `pid`, or to `pid` alone if not a leader. */
export function stopCommand(pid: number, signal: 'TERM' | 'KILL'): string[] {
  // dash wants `--` before a negative PID, busybox ash rejects it: try both spellings.
  const script =
    'kill -s "$1" -- "-$2" 2>/dev/null || kill -s "$1" "-$2" 2>/dev/null || kill -s "$1" "$2"';
  return ['sh', '-c', script, 'kube-rescue-stop', signal, String(pid)];
}

/**
 * stderr without the PID line `reportingPid` writes first. `onPid` gets the PID; when the
 * first line is not the marker, the command never started and stderr passes unchanged.
 */
export function takePidMarker(stderr: Readable, onPid: (pid: number) => void): Readable {
  let head: Buffer | undefined = Buffer.alloc(0);
  const strip = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!head) return cb(null, chunk);
      const seen: Buffer = Buffer.concat([head, chunk]);
      const newline = seen.indexOf(10);
      if (newline < 0 && seen.length < 64) {
        head = seen;
        return cb();
      }
      head = undefined;
      const marker = newline < 0 ? null : PID_MARKER.exec(seen.subarray(0, newline).toString());
      if (!marker) return cb(null, seen);
      onPid(Number(marker[1]));
      cb(null, seen.subarray(newline + 1));
    },
    flush(cb) {
      cb(null, head?.length ? head : undefined);
    },
  });
  return stderr.pipe(strip);
}
