import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, open, readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, OperationError } from '../errors.js';

/**
 * Real etcd processes on 127.0.0.1 with free ports: the integration tests' cluster, and the
 * throw-away etcd `verify --deep` starts on a restored data dir. A member's process is always
 * waited for after a signal — with quorum lost a SIGTERM'd etcd takes seconds to exit, and its
 * data dir must not be touched before.
 */

export interface LocalEtcdTls {
  /** CA that signed every member cert (trusted for clients and peers). */
  cacert: string;
  /** Server+client cert of member `name` (valid for 127.0.0.1). */
  member(name: string): { cert: string; key: string };
}

export interface LocalEtcdClusterOptions {
  /** Member names; default etcd1..etcdN. */
  names?: string[];
  /** Number of members when `names` is not given; default 1. */
  size?: number;
  /** Where data dirs and logs go; default a new temp dir. */
  dir?: string;
  tls?: LocalEtcdTls;
  /** Start members on existing (e.g. restored) data dirs, by member name. */
  dataDirs?: Record<string, string>;
  /** Ports to use per member instead of free ones (restored dirs remember peer URLs). */
  ports?: Record<string, { client: number; peer: number }>;
  token?: string;
  etcdBinary?: string;
  startTimeoutMs?: number;
}

export interface LocalEtcdMember {
  name: string;
  clientUrl: string;
  peerUrl: string;
  dataDir: string;
  logFile: string;
}

interface RunningMember {
  child: ChildProcess;
  exited: Promise<void>;
}

/**
 * The lowest port of Linux's ephemeral range (what connect() takes its local ports from), read
 * once; the kernel's default where it cannot be read.
 */
let ephemeralLow: number | undefined;
function lowestEphemeralPort(): number {
  if (ephemeralLow === undefined) {
    ephemeralLow = 32768;
    try {
      const [lo, hi] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
        .trim()
        .split(/\s+/)
        .map(Number);
      if (lo && hi && lo < hi) ephemeralLow = lo;
    } catch {}
  }
  return ephemeralLow;
}

/** Ports freePort handed out in this process: never twice. */
const handedOut = new Set<number>();

/** Whether 127.0.0.1:`port` can be listened on now. */
function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

/**
 * A port on 127.0.0.1 that is free now, for a process started a moment later. Taken below the
 * ephemeral range: a port the kernel picked (listen on port 0) is one it also gives outgoing
 * connections as their local port, and on a busy machine one of them took it before etcd could
 * bind it ("bind: address already in use", CI 7 December). Below the range only listeners
 * compete; the port is picked at random, checked, and never handed out twice by this process.
 */
export async function freePort(): Promise<number> {
  const low = 10_000;
  const ephemeral = lowestEphemeralPort();
  const high = ephemeral > low + 1000 ? ephemeral : 65_535;
  for (let i = 0; i < 200; i++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (handedOut.has(port) || !(await canListen(port))) continue;
    handedOut.add(port);
    return port;
  }
  throw new OperationError(
    `No free port on 127.0.0.1 between ${low} and ${high} after 200 tries: something holds most of them. Free some (ss -ltn) and run again.`,
  );
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // A test that crashes must not leave etcd processes behind on a shared machine.
  process.once('exit', () => {
    for (const c of live) c.kill('SIGKILL');
  });
}

export class LocalEtcdCluster implements AsyncDisposable {
  readonly members: LocalEtcdMember[] = [];
  private readonly running = new Map<string, RunningMember>();

  private constructor(
    readonly dir: string,
    private readonly opts: LocalEtcdClusterOptions,
    readonly token: string,
  ) {}

  /** Starts every member at once (they need each other for a quorum) and waits until all are healthy. */
  static async start(opts: LocalEtcdClusterOptions = {}): Promise<LocalEtcdCluster> {
    const names = opts.names ?? Array.from({ length: opts.size ?? 1 }, (_, i) => `etcd${i + 1}`);
    if (names.length === 0) throw new InputError('A local etcd cluster needs at least one member.');
    const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'kube-rescue-etcd-')));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const cluster = new LocalEtcdCluster(dir, opts, opts.token ?? `kube-rescue-${Date.now()}`);
    for (const name of names) cluster.members.push(await cluster.describe(name));
    try {
      await Promise.all(
        cluster.members.map((m) => cluster.spawnMember(m, 'new', cluster.initialCluster())),
      );
      await Promise.all(cluster.members.map((m) => cluster.waitHealthy(m)));
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  private async describe(name: string): Promise<LocalEtcdMember> {
    const scheme = this.opts.tls ? 'https' : 'http';
    const ports = this.opts.ports?.[name] ?? { client: await freePort(), peer: await freePort() };
    return {
      name,
      clientUrl: `${scheme}://127.0.0.1:${ports.client}`,
      peerUrl: `${scheme}://127.0.0.1:${ports.peer}`,
      dataDir: this.opts.dataDirs?.[name] ?? join(this.dir, `${name}.etcd`),
      logFile: join(this.dir, `${name}.log`),
    };
  }

  /** `name=peerUrl,...` of the given members (default all). */
  initialCluster(members: LocalEtcdMember[] = this.members): string {
    return members.map((m) => `${m.name}=${m.peerUrl}`).join(',');
  }

  get endpoints(): string[] {
    return this.members.map((m) => m.clientUrl);
  }

  member(name: string): LocalEtcdMember {
    const m = this.members.find((x) => x.name === name);
    if (!m)
      throw new InputError(
        `No member "${name}" in this local etcd cluster (members: ${this.members.map((x) => x.name).join(', ')}).`,
      );
    return m;
  }

  isRunning(name: string): boolean {
    return this.running.has(name);
  }

  private async spawnMember(
    m: LocalEtcdMember,
    state: 'new' | 'existing',
    initialCluster: string,
  ): Promise<void> {
    const tls = this.opts.tls;
    const args = [
      `--name=${m.name}`,
      `--data-dir=${m.dataDir}`,
      `--listen-client-urls=${m.clientUrl}`,
      `--advertise-client-urls=${m.clientUrl}`,
      `--listen-peer-urls=${m.peerUrl}`,
      `--initial-advertise-peer-urls=${m.peerUrl}`,
      `--initial-cluster=${initialCluster}`,
      `--initial-cluster-state=${state}`,
      `--initial-cluster-token=${this.token}`,
      // Loopback only: short raft timers make elections after a kill quick.
      '--heartbeat-interval=50',
      '--election-timeout=500',
    ];
    if (tls) {
      const c = tls.member(m.name);
      args.push(
        `--cert-file=${c.cert}`,
        `--key-file=${c.key}`,
        `--trusted-ca-file=${tls.cacert}`,
        '--client-cert-auth',
        `--peer-cert-file=${c.cert}`,
        `--peer-key-file=${c.key}`,
        `--peer-trusted-ca-file=${tls.cacert}`,
        '--peer-client-cert-auth',
      );
    }
    const log = await open(m.logFile, 'a');
    const child = spawn(this.opts.etcdBinary ?? 'etcd', args, {
      stdio: ['ignore', log.fd, log.fd],
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err: NodeJS.ErrnoException) =>
        reject(
          err.code === 'ENOENT'
            ? new OperationError(
                `etcd is not installed on this machine (no "${this.opts.etcdBinary ?? 'etcd'}" on PATH). Debian: apt-get install etcd-server.`,
              )
            : err,
        ),
      );
    }).finally(() => log.close());
    live.add(child);
    installExitHook();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    exited.then(() => {
      live.delete(child);
      if (this.running.get(m.name)?.child === child) this.running.delete(m.name);
    });
    this.running.set(m.name, { child, exited });
  }

  /** Resolves when `/health` of the member says true; fails with its log tail otherwise. */
  async waitHealthy(
    m: LocalEtcdMember,
    timeoutMs = this.opts.startTimeoutMs ?? 30_000,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last = '';
    while (Date.now() < deadline) {
      if (!this.running.has(m.name)) break;
      try {
        const body = await this.get(m, '/health');
        if (/"health"\s*:\s*"true"/.test(body)) return;
        last = body;
      } catch (err) {
        last = (err as Error).message;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const logTail = (await readFile(m.logFile, 'utf8').catch(() => ''))
      .split('\n')
      .slice(-15)
      .join('\n');
    throw new OperationError(
      `Local etcd member ${m.name} (${m.clientUrl}) ${this.running.has(m.name) ? `was not healthy within ${timeoutMs / 1000} s (${last})` : 'exited'}; data dir ${m.dataDir}. Last lines of ${m.logFile}:\n${logTail}`,
    );
  }

  /** An HTTP GET against a member's client URL (with its own cert as client cert under TLS). */
  async get(m: LocalEtcdMember, path: string): Promise<string> {
    const url = new URL(path, m.clientUrl);
    const tls = this.opts.tls;
    const opts = tls
      ? {
          // SNI may not be an IP (RFC 6066); the member certs are valid for localhost too.
          servername: 'localhost',
          ca: await readFile(tls.cacert),
          cert: await readFile(tls.member(m.name).cert),
          key: await readFile(tls.member(m.name).key),
        }
      : {};
    return new Promise((resolve, reject) => {
      const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(
        url,
        { ...opts, timeout: 2000 },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', reject);
      req.end();
    });
  }

  /** Waits until the cluster version is decided (a member add before that kills the new member). */
  async waitForClusterVersion(timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const m of this.members.filter((x) => this.running.has(x.name))) {
        const body = await this.get(m, '/version').catch(() => '');
        const v = /"etcdcluster"\s*:\s*"(\d+\.\d+\.\d+)"/.exec(body)?.[1];
        if (v) return v;
      }
      if (Date.now() > deadline)
        throw new OperationError(
          `The local etcd cluster in ${this.dir} did not decide a cluster version within ${timeoutMs / 1000} s.`,
        );
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Sends `signal` and waits for the process to exit (SIGKILL after `graceMs`). */
  async kill(name: string, signal: NodeJS.Signals = 'SIGKILL', graceMs = 10_000): Promise<void> {
    const r = this.running.get(name);
    if (!r) return;
    r.child.kill(signal);
    const timer = setTimeout(() => r.child.kill('SIGKILL'), graceMs);
    await r.exited;
    clearTimeout(timer);
  }

  /** Restarts a stopped member on its own data dir. */
  async restart(name: string): Promise<void> {
    const m = this.member(name);
    if (this.running.has(name)) return;
    await this.spawnMember(m, 'existing', this.initialCluster());
    await this.waitHealthy(m);
  }

  /** Ports and dirs for a member about to be added with `member add` (not started yet). */
  async prepareJoin(name: string): Promise<LocalEtcdMember> {
    if (this.members.some((m) => m.name === name))
      throw new InputError(`Member ${name} already exists in this local cluster.`);
    const m = await this.describe(name);
    this.members.push(m);
    return m;
  }

  /** Starts a prepared member with the ETCD_INITIAL_CLUSTER `member add` printed. */
  async startJoined(name: string, initialCluster: string): Promise<void> {
    const m = this.member(name);
    await this.spawnMember(m, 'existing', initialCluster);
    await this.waitHealthy(m);
  }

  /** Forgets a member that was removed from the cluster (its process must be stopped first). */
  forget(name: string): void {
    if (this.running.has(name)) throw new InputError(`Stop member ${name} before forgetting it.`);
    const i = this.members.findIndex((m) => m.name === name);
    if (i >= 0) this.members.splice(i, 1);
  }

  /** SIGTERM every member and wait for all to exit. */
  async stop(): Promise<void> {
    await Promise.all([...this.running.keys()].map((n) => this.kill(n, 'SIGTERM')));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}
