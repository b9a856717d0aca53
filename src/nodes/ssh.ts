import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import ssh2, { type ClientChannel, type ConnectConfig } from 'ssh2';
import { InputError } from '../errors.js';
import { CommandTransport } from './command-transport.js';
import {
  AuthError,
  HostKeyError,
  NodeError,
  TransportTimeoutError,
  UnreachableError,
} from './errors.js';
import {
  checkHostKey,
  type KnownHostEntry,
  knownKeyTypes,
  parseKnownHosts,
} from './known-hosts.js';
import { shellCommand, shellQuote } from './shell-quote.js';
import {
  KILL_GRACE_MS,
  reportingPid,
  type StartedCommand,
  stopCommand,
  takePidMarker,
} from './started-command.js';

// ssh2 is CommonJS; Node's ESM loader only sees its default export.
const { Client, utils: sshUtils } = ssh2;
type Client = InstanceType<typeof Client>;

export interface SshEndpoint {
  host: string;
  port?: number;
  user?: string;
}

export interface SshTransportOptions extends SshEndpoint {
  /** The node's inventory name, for messages; also accepted as a known_hosts name. */
  node: string;
  /** Private key text (e.g. an action input). */
  privateKey?: string;
  /** Path of a private key file; used when `privateKey` is not given. */
  privateKeyFile?: string;
  /** ssh-agent socket, when no key is given. */
  agent?: string;
  /** known_hosts file; default ~/.ssh/known_hosts. */
  knownHostsFile?: string;
  /** known_hosts lines given inline; checked together with the file. */
  knownHostsText?: string;
  /** false = the explicit opt-out: accept any host key. Default true. */
  checkHostKey?: boolean;
  /** Reach the node through this host (`ssh -J`); it gets the same key and host-key checks. */
  jump?: SshEndpoint;
  /** Prefix commands with `sudo -n`; default: when the user is not root. */
  sudo?: boolean;
  /** How long connecting may take; default 20 s. */
  connectTimeoutMs?: number;
}

/**
 * sshd allows 10 sessions per connection by default (MaxSessions). Each command may open a
 * second, short channel (staging its env, or a stop) and sshd frees a session a moment after
 * its close: 4 commands at once stay under the limit (8 still hit "no more sessions").
 */
const MAX_CHANNELS = 4;
const SERVER_HOST_KEY_ALGORITHMS = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'rsa-sha2-512',
  'rsa-sha2-256',
  'ssh-rsa',
] as const;
type HostKeyAlgorithm = (typeof SERVER_HOST_KEY_ALGORITHMS)[number];

/**
 * Commands over one SSH connection (npm ssh2), opened on first use and reused, with host keys
 * checked against known_hosts unless explicitly told not to.
 */
export class SshTransport extends CommandTransport {
  readonly kind = 'ssh' as const;
  private readonly port: number;
  private readonly user: string;
  private readonly sudo: boolean;
  private readonly auth: Pick<ConnectConfig, 'privateKey' | 'agent'>;
  private connection: Promise<Client> | undefined;
  private readonly clients: Client[] = [];
  private readonly channels = new ChannelLimit(MAX_CHANNELS);

  constructor(private readonly options: SshTransportOptions) {
    super(options.node);
    this.port = options.port ?? 22;
    this.user = options.user ?? 'root';
    this.sudo = options.sudo ?? this.user !== 'root';
    this.auth = loadAuth(options);
  }

  override async ping(options: { timeoutMs?: number } = {}): Promise<void> {
    await this.connect(options.timeoutMs);
    await this.exec(['true'], { timeoutMs: options.timeoutMs ?? 15_000 });
  }

  async close(): Promise<void> {
    this.connection = undefined;
    const clients = this.clients.splice(0).reverse();
    await Promise.all(clients.map(endClient));
  }

  protected async start(
    argv: readonly string[],
    env: Record<string, string>,
  ): Promise<StartedCommand> {
    const client = await this.connect();
    await this.channels.acquire();
    let channel: ClientChannel;
    let exited!: Promise<{ code: number | null; signal: string | null }>;
    let closed = false;
    try {
      const command = this.remoteCommand(argv, await this.stageEnv(client, env));
      channel = await new Promise<ClientChannel>((resolve, reject) =>
        client.exec(command, (err, ch) => {
          if (err) return reject(err);
          // A fast command's exit-status and close can arrive in the same read as the session's
          // open confirmation, before an awaiting caller could listen: listen right here.
          exited = new Promise((resolveExit, rejectExit) => {
            let status: { code: number | null; signal: string | null } | undefined;
            ch.on('exit', (code: number | null, signal?: string) => {
              status = { code, signal: signal ? `SIG${signal}` : null };
            });
            ch.once('close', () => {
              closed = true;
              this.channels.release();
              if (status) resolveExit(status);
              else
                rejectExit(
                  new UnreachableError(
                    this.node,
                    'the SSH connection closed before the command reported its exit status',
                  ),
                );
            });
          });
          resolve(ch);
        }),
      );
    } catch (err) {
      this.channels.release();
      if (err instanceof NodeError || err instanceof InputError) throw err;
      throw new UnreachableError(
        this.node,
        `could not open an SSH session: ${(err as Error).message}`,
        { cause: err },
      );
    }
    let pid: number | undefined;
    let stopRequested = false;
    const signal = (name: 'TERM' | 'KILL') => {
      if (pid !== undefined && !closed) this.signalProcess(client, pid, name);
    };
    const stop = () => {
      signal('TERM');
      setTimeout(() => signal('KILL'), KILL_GRACE_MS).unref();
    };
    const stderr = takePidMarker(channel.stderr, (reported) => {
      pid = reported;
      if (stopRequested) stop();
    });
    return {
      stdin: channel,
      stdout: channel,
      stderr,
      exited,
      kill: () => {
        stopRequested = true;
        stop();
      },
    };
  }

  /**
   * sshd refuses "signal" requests for root sessions (they need privilege separation), so a
   * stop is a `kill` sent over a second channel to the process group the command reported.
   */
  private signalProcess(client: Client, pid: number, signal: 'TERM' | 'KILL'): void {
    const kill = shellCommand([
      ...(this.sudo ? ['sudo', '-n', '--'] : []),
      ...stopCommand(pid, signal),
    ]);
    client.exec(kill, (err, channel) => {
      if (err) return;
      channel.resume();
      channel.stderr.resume();
    });
  }

  /** argv as one remote shell line: `sudo -n -- sh -c '. envfile …' argv…` as needed. */
  private remoteCommand(argv: readonly string[], envFile: string | undefined): string {
    return shellCommand([
      ...(this.sudo ? ['sudo', '-n', '--'] : []),
      ...(envFile ? ['sh', '-c', SOURCE_ENV_SCRIPT, 'kube-rescue-env', envFile] : []),
      ...reportingPid(argv),
    ]);
  }

  /**
   * Values never go on the remote command line, where `ps` and sudo's log would show them:
   * they travel on stdin into a 0600 file that the command's shell reads and removes.
   */
  private async stageEnv(client: Client, env: Record<string, string>): Promise<string | undefined> {
    const entries = Object.entries(env);
    if (entries.length === 0) return undefined;
    const lines = entries.map(([k, v]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
        throw new InputError(
          `'${k}' is not a valid environment variable name (for node ${this.node}).`,
        );
      }
      return `export ${k}=${shellQuote(v)}\n`;
    });
    const stage = shellCommand([
      ...(this.sudo ? ['sudo', '-n', '--'] : []),
      'sh',
      '-c',
      'umask 077 && f=$(mktemp) && cat > "$f" && echo "$f"',
    ]);
    const result = await runOnChannel(client, stage, lines.join(''));
    const file = result.stdout.trim();
    if (result.code !== 0 || !file.startsWith('/')) {
      throw new NodeError(
        this.node,
        `Node ${this.node}: could not stage the command's environment in a temp file (exit ${result.code}): ${result.stderr.trim()}`,
      );
    }
    return file;
  }

  private connect(timeoutMs?: number): Promise<Client> {
    if (!this.connection) {
      const opened = this.open(timeoutMs ?? this.options.connectTimeoutMs ?? 20_000);
      this.connection = opened;
      opened.catch(() => {
        if (this.connection === opened) this.connection = undefined;
      });
    }
    return this.connection;
  }

  private async open(timeoutMs: number): Promise<Client> {
    const knownHosts = this.options.checkHostKey === false ? undefined : this.loadKnownHosts();
    let sock: Duplex | undefined;
    const jump = this.options.jump;
    if (jump) {
      const jumpEndpoint = { host: jump.host, port: jump.port ?? 22, user: jump.user ?? this.user };
      const jumpClient = await this.handshake(jumpEndpoint, timeoutMs, knownHosts, undefined, []);
      this.track(jumpClient);
      sock = await new Promise<Duplex>((resolve, reject) =>
        jumpClient.forwardOut('127.0.0.1', 0, this.options.host, this.port, (err, stream) =>
          err
            ? reject(
                new UnreachableError(
                  this.node,
                  `jump host ${jump.host}:${jumpEndpoint.port} could not reach ${this.options.host}:${this.port}: ${err.message}`,
                  { cause: err },
                ),
              )
            : resolve(stream),
        ),
      );
    }
    const target = { host: this.options.host, port: this.port, user: this.user };
    const client = await this.handshake(target, timeoutMs, knownHosts, sock, [this.node]);
    this.track(client);
    client.on('close', () => {
      // The next command opens a fresh connection instead of failing on a dead one.
      this.connection = undefined;
    });
    if (this.sudo) await this.checkSudo(client);
    return client;
  }

  private track(client: Client): void {
    this.clients.push(client);
    client.once('close', () => {
      const at = this.clients.indexOf(client);
      if (at >= 0) this.clients.splice(at, 1);
    });
  }

  private handshake(
    endpoint: Required<SshEndpoint>,
    timeoutMs: number,
    knownHosts: KnownHosts | undefined,
    sock: Duplex | undefined,
    aliases: string[],
  ): Promise<Client> {
    const client = new Client();
    let hostKeyProblem: string | undefined;
    const where = `${endpoint.host}:${endpoint.port}`;
    return new Promise<Client>((resolve, reject) => {
      let settled = false;
      client.once('ready', () => {
        settled = true;
        // Later errors surface on the commands that were running; keep them from crashing.
        client.on('error', () => undefined);
        resolve(client);
      });
      client.on('error', (err: Error & { level?: string; code?: string }) => {
        if (settled) return;
        settled = true;
        reject(classifySshError(this.node, { ...endpoint, timeoutMs }, err, hostKeyProblem));
      });
      client.once('close', () => {
        if (settled) return;
        settled = true;
        reject(
          new UnreachableError(
            this.node,
            `${where} closed the connection during the SSH handshake.`,
          ),
        );
      });
      const algorithms = knownHosts
        ? preferredHostKeyAlgorithms(
            knownKeyTypes(knownHosts.entries, endpoint.host, endpoint.port, aliases),
          )
        : undefined;
      client.connect({
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.user,
        sock,
        ...this.auth,
        readyTimeout: timeoutMs,
        keepaliveInterval: 15_000,
        keepaliveCountMax: 3,
        algorithms: algorithms ? { serverHostKey: algorithms } : undefined,
        hostVerifier: (key: Buffer) => {
          if (!knownHosts) return true;
          const verdict = checkHostKey(
            knownHosts.entries,
            endpoint.host,
            endpoint.port,
            key,
            aliases,
          );
          if (verdict.ok) return true;
          hostKeyProblem = describeHostKeyProblem(verdict, endpoint, key, knownHosts);
          return false;
        },
      });
    });
  }

  private async checkSudo(client: Client): Promise<void> {
    const result = await runOnChannel(client, 'sudo -n true').catch((err: Error) => {
      throw new UnreachableError(this.node, `could not open an SSH session: ${err.message}`);
    });
    if (result.code !== 0) {
      await endClient(client);
      throw new AuthError(
        this.node,
        `user ${this.user} cannot run 'sudo -n' (${result.stderr.trim() || `exit ${result.code}`}). Give ${this.user} password-less sudo, or connect as root.`,
      );
    }
  }

  private loadKnownHosts(): KnownHosts {
    const file = this.options.knownHostsFile ?? join(homedir(), '.ssh', 'known_hosts');
    let text = this.options.knownHostsText ?? '';
    let fileState: KnownHosts['fileState'] = 'read';
    try {
      text += `\n${readFileSync(file, 'utf8')}`;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (this.options.knownHostsFile && code !== 'ENOENT') {
        throw new InputError(`Cannot read known_hosts file ${file}: ${(err as Error).message}`);
      }
      fileState = 'missing';
    }
    const { entries, problems } = parseKnownHosts(text);
    return { file, fileState, entries, problems };
  }
}

interface KnownHosts {
  file: string;
  fileState: 'read' | 'missing';
  entries: KnownHostEntry[];
  problems: { line: number; reason: string }[];
}

/** Maps what ssh2 reports to the error a person (and the probe) can act on. */
export function classifySshError(
  node: string,
  endpoint: { host: string; port: number; user: string; timeoutMs: number },
  err: Error & { level?: string; code?: string },
  hostKeyProblem?: string,
): NodeError {
  const where = `${endpoint.host}:${endpoint.port}`;
  if (hostKeyProblem) return new HostKeyError(node, hostKeyProblem);
  if (err.level === 'client-authentication') {
    return new AuthError(
      node,
      `${where} refused user ${endpoint.user} with the given key. Check the SSH user (--ssh-user / ansible_user) and that the key's public half is in that user's authorized_keys.`,
      { cause: err },
    );
  }
  if (err.level === 'client-timeout') {
    return new TransportTimeoutError(node, `the SSH handshake with ${where}`, endpoint.timeoutMs);
  }
  const unreachable: Record<string, string> = {
    ECONNREFUSED: 'connection refused (is sshd running and listening on that port?)',
    EHOSTUNREACH: 'no route to host',
    ENETUNREACH: 'network unreachable',
    ENOTFOUND: 'host name not found',
    EAI_AGAIN: 'host name could not be resolved (DNS)',
    ECONNRESET: 'connection reset',
    ETIMEDOUT: 'connection timed out',
    EPIPE: 'connection closed',
  };
  if (err.code && unreachable[err.code]) {
    return new UnreachableError(node, `${where}: ${unreachable[err.code]}.`, { cause: err });
  }
  if (err.level === 'client-dns') {
    return new UnreachableError(node, `${where}: ${err.message}`, { cause: err });
  }
  return new NodeError(
    node,
    `Node ${node}: the SSH connection to ${where} failed: ${err.message}`,
    {
      cause: err,
    },
  );
}

function describeHostKeyProblem(
  verdict: Exclude<ReturnType<typeof checkHostKey>, { ok: true }>,
  endpoint: Required<SshEndpoint>,
  key: Buffer,
  knownHosts: KnownHosts,
): string {
  const where = `${endpoint.host}:${endpoint.port}`;
  const fingerprint = `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
  const source =
    knownHosts.fileState === 'missing' ? `${knownHosts.file} (missing)` : knownHosts.file;
  const optOut = 'or, knowingly, turn host-key checking off (--insecure-skip-host-key-check)';
  switch (verdict.reason) {
    case 'revoked':
      return `${where} presented key ${fingerprint}, which ${source} line ${verdict.line} marks @revoked. Refusing to connect.`;
    case 'mismatch':
      return (
        `${where} presented key ${fingerprint}, which differs from the ${verdict.knownTypes.join('/')} key(s) in ${source} ` +
        `(line ${verdict.lines.join(', ')}). Someone may be intercepting the connection, or the host was reinstalled: ` +
        `verify the new key out of band and update ${source}.`
      );
    case 'unknown': {
      const skipped = knownHosts.problems.length
        ? ` (${knownHosts.problems.length} unreadable line(s) ignored, first: line ${knownHosts.problems[0].line}: ${knownHosts.problems[0].reason})`
        : '';
      return (
        `${where} is not in ${source}${skipped}; it presented key ${fingerprint}. ` +
        `Verify that fingerprint, add the key (ssh-keyscan -p ${endpoint.port} ${endpoint.host}), ${optOut}.`
      );
    }
  }
}

/** Host key types known_hosts holds go first, so the server shows the key we can check. */
function preferredHostKeyAlgorithms(knownTypes: string[]): HostKeyAlgorithm[] | undefined {
  if (knownTypes.length === 0) return undefined;
  const wanted = knownTypes.flatMap((t) =>
    t === 'ssh-rsa' ? ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] : [t],
  );
  const first = SERVER_HOST_KEY_ALGORITHMS.filter((a) => wanted.includes(a));
  return [...first, ...SERVER_HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))];
}

function loadAuth(options: SshTransportOptions): Pick<ConnectConfig, 'privateKey' | 'agent'> {
  let key = options.privateKey;
  const origin = options.privateKey ? 'the SSH key input' : `key file ${options.privateKeyFile}`;
  if (key === undefined && options.privateKeyFile) {
    try {
      key = readFileSync(options.privateKeyFile, 'utf8');
    } catch (err) {
      throw new InputError(`Cannot read SSH ${origin}: ${(err as Error).message}`);
    }
  }
  if (key !== undefined) {
    const parsed = sshUtils.parseKey(key);
    if (parsed instanceof Error) {
      throw new InputError(
        `The ${origin} is not a usable private key (${parsed.message}). Give an unencrypted OpenSSH or PEM private key.`,
      );
    }
    return { privateKey: key };
  }
  const agent = options.agent ?? process.env.SSH_AUTH_SOCK;
  if (agent) return { agent };
  throw new InputError(
    `No SSH key for node ${options.node}: give --ssh-key <file> (action input ssh-key), or run an ssh-agent.`,
  );
}

function endClient(client: Client): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 2000);
    client.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    client.end();
  });
}

/** Reads an env file, removes it, and becomes the command (argv after the file name). */
const SOURCE_ENV_SCRIPT = '. "$1" && rm -f -- "$1" && shift && exec "$@"';

/** A short bookkeeping command on its own channel (no wrapper, no stop): all output kept. */
function runOnChannel(
  client: Client,
  command: string,
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) =>
    client.exec(command, (err, channel) => {
      if (err) return reject(err);
      let stdout = '';
      let stderr = '';
      let code: number | null = null;
      channel.on('data', (d: Buffer) => {
        stdout += d.toString();
      });
      channel.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
      });
      channel.on('exit', (c: number | null) => {
        code = c;
      });
      channel.once('close', () => resolve({ code, stdout, stderr }));
      channel.end(stdin);
    }),
  );
}

/** Counts open channels so bursts of parallel commands queue instead of being refused. */
class ChannelLimit {
  private open = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async acquire(): Promise<void> {
    if (this.open < this.max) {
      this.open++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.open--;
  }
}
