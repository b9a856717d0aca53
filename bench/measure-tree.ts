/**
 * How every benchmark measures one command, ours and the anchors alike: wall time, CPU
 * seconds of the whole process tree, and the peak anonymous memory of that tree.
 *
 * The command runs as `bash -c '<cmd>; times >&3'`. bash's `times` prints the cumulative
 * user and system time of the children it has reaped, and a child's figures already hold
 * those of every descendant it waited for (getrusage RUSAGE_CHILDREN), so the second line
 * is the CPU of the whole tree: node and every etcdctl it started, or etcdctl + sha256sum +
 * gzip + age. Load slows wall time far more than it changes these CPU seconds.
 *
 * Memory: every SAMPLE_MS the tree (found through the parent pid in /proc/<pid>/stat) is
 * summed over /proc/<pid>/status RssAnon — anonymous memory only, so an mmap of the db
 * (etcdctl snapshot status) does not count as ours, as the issue's goal defines it.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

export interface TreeMeasurement {
  wallMs: number;
  /** User and system CPU seconds of the process tree. */
  userS: number;
  sysS: number;
  /** Highest sampled sum of RssAnon over the tree, in MiB. */
  peakAnonMb: number;
  /**
   * CPU seconds the `servers` (e.g. the etcd member) spent meanwhile: the snapshot's sending
   * and HashKV are etcd's work, outside the tree, and count for ours and the anchors alike.
   */
  serverCpuS: number;
}

export const cpuS = (m: TreeMeasurement): number => m.userS + m.sysS;

const SAMPLE_MS = 25;

/** Single-quotes `arg` for bash. */
export function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** `0m1.234s 0m0.056s` → seconds. */
function parseTimesLine(line: string): [number, number] {
  const fields = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map(
    (m) => Number(m[1]) * 60 + Number(m[2]),
  );
  if (fields.length !== 2) throw new Error(`unexpected output of bash's times: "${line}"`);
  return [fields[0], fields[1]];
}

/** Parent pid of each process, cached by pid (a pid's parent is read once). */
class ProcessTable {
  private readonly parents = new Map<number, number>();

  descendantsOf(root: number): number[] {
    const alive = new Set<number>();
    for (const name of readdirSync('/proc')) {
      const pid = Number(name);
      if (!Number.isInteger(pid)) continue;
      alive.add(pid);
      if (this.parents.has(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // pid (comm) state ppid …; comm may hold spaces and parentheses.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        this.parents.set(pid, ppid);
      } catch {
        // Gone between readdir and read.
      }
    }
    for (const pid of this.parents.keys()) if (!alive.has(pid)) this.parents.delete(pid);
    const tree = [root];
    for (let i = 0; i < tree.length; i++) {
      for (const [pid, ppid] of this.parents) if (ppid === tree[i]) tree.push(pid);
    }
    return tree;
  }
}

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** User + system CPU seconds `pid` has used so far (0 once it is gone). */
export function processCpuS(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime); 3 is the first after the comm.
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return 0;
  }
}

/** Pids of the children of `parent` whose command name is `comm` (e.g. the bench's etcd). */
export function childrenNamed(parent: number, comm: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const open = stat.indexOf('(');
      const close = stat.lastIndexOf(')');
      const ppid = Number(stat.slice(close + 2).split(' ')[1]);
      if (ppid === parent && stat.slice(open + 1, close) === comm) found.push(pid);
    } catch {
      // Gone between readdir and read.
    }
  }
  return found;
}

function rssAnonKb(pid: number): number {
  try {
    const m = /^RssAnon:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `command` (a bash command line) and measures it. Its stdout is discarded, stderr
 * passes through; a non-zero exit rejects.
 */
export function measureCommand(
  command: string,
  opts: {
    env?: NodeJS.ProcessEnv;
    name?: string;
    /** Pids whose CPU counts as the servers' (the bench's etcd), or a reader of it (node containers' cgroups). */
    servers?: readonly number[] | (() => number);
  } = {},
): Promise<TreeMeasurement> {
  const servers = opts.servers ?? [];
  const serverCpu =
    typeof servers === 'function'
      ? servers
      : () => servers.reduce((s, pid) => s + processCpuS(pid), 0);
  const serverBefore = serverCpu();
  const script = `${command}\nrc=$?\ntimes >&3\nexit $rc`;
  const t0 = performance.now();
  const child = spawn('bash', ['-c', script], {
    env: opts.env ?? process.env,
    stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
  });
  const table = new ProcessTable();
  let peakKb = 0;
  const sample = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    const sum = table.descendantsOf(child.pid).reduce((s, pid) => s + rssAnonKb(pid), 0);
    peakKb = Math.max(peakKb, sum);
  };
  const timer = setInterval(sample, SAMPLE_MS);
  let times = '';
  child.stdio[3]!.on('data', (c: Buffer) => {
    times += c.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    child.on('close', (code) => {
      const wallMs = performance.now() - t0;
      const serverCpuS = serverCpu() - serverBefore;
      clearInterval(timer);
      if (code !== 0) {
        reject(new Error(`${opts.name ?? command} exited ${code}`));
        return;
      }
      const lines = times.trim().split('\n');
      const [shellUser, shellSys] = parseTimesLine(lines[0] ?? '');
      const [user, sys] = parseTimesLine(lines[1] ?? '');
      resolve({
        wallMs,
        userS: user + shellUser,
        sysS: sys + shellSys,
        peakAnonMb: peakKb / 1024,
        serverCpuS,
      });
    });
  });
}
