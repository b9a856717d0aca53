import { InputError, OperationError } from '../errors.js';
import { CommandFailedError } from '../nodes/errors.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { ExecResult, Transport } from '../nodes/transport.js';
import { type Progress, silentProgress } from '../progress.js';
import {
  CutOutputError,
  type EndpointHashKV,
  type EndpointHealth,
  type EndpointStatus,
  type KeyValuePage,
  type Member,
  type MemberAdded,
  normaliseHexId,
  parseEndpointHashKV,
  parseEndpointHealth,
  parseEndpointStatus,
  parseGet,
  parseGetProtobuf,
  parseMemberAdd,
  parseMemberList,
  parsePeerMembers,
  parseVersionEndpoint,
  type SnapshotStatus,
} from './etcdctl-output.js';
import {
  EtcdSnapshotTool,
  type ShellAround,
  type SnapshotRestoreOptions,
  type SnapshotRestoreResult,
} from './snapshot-tool.js';
import {
  defaultToolCommands,
  type EtcdToolCommands,
  type EtcdTools,
  etcdctlEnv,
  etcdToolsOf,
} from './version.js';

/** Client TLS files as paths on the node that runs etcdctl. */
export interface EtcdTls {
  cacert: string;
  cert: string;
  key: string;
}

export interface EtcdCtlOptions {
  endpoints: string[];
  tls?: EtcdTls;
  /** Detected tools; detected on first use when absent. */
  tools?: EtcdTools;
  /** argv prefixes of the tools when not plain `etcdctl`/`etcdutl` on PATH. */
  commands?: EtcdToolCommands;
  /** etcdctl's own --command-timeout (default 15 s); the node command gets a little more. */
  commandTimeoutMs?: number;
  dialTimeoutMs?: number;
  progress?: Progress;
  /** `member add` retries on "unhealthy cluster" (ENVIRONMENT.md: ~5 s after each join). */
  memberAddRetry?: { attempts: number; delayMs: number };
  /** How long `member add` waits for the cluster version to be decided. */
  clusterVersionTimeoutMs?: number;
}

// Re-exported: callers restoring through an EtcdCtl need not know the offline tool.
export type { SnapshotRestoreOptions, SnapshotRestoreResult };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How often a read whose output was cut short is asked in all before it is an error. */
const CUT_READ_ATTEMPTS = 3;

/**
 * etcdctl (and etcdutl) run on a node through its Transport, with the node's certs — the
 * production case; with a LocalTransport the runner itself is that node. Arguments are built
 * as arrays and go through one `run`, so every call gets the same flags, timeouts and errors.
 */
export class EtcdCtl {
  private tools: EtcdTools | undefined;
  /**
   * The tools-and-certificates check, shared with every copy (withEndpoints, withTimeouts):
   * the same node, tools and files, so one check serves them all, whichever asks first.
   */
  private preflightState: { done?: Promise<void> } = {};
  private readonly progress: Progress;

  constructor(
    readonly transport: Transport,
    readonly options: EtcdCtlOptions,
  ) {
    if (options.endpoints.length === 0) {
      throw new InputError(
        `No etcd endpoint given for node ${transport.node}: pass --etcd-endpoints https://HOST:2379 or an inventory with an [etcd] group.`,
      );
    }
    for (const e of options.endpoints) {
      if (!/^https?:\/\/[^/\s]+(:\d+)?\/?$/.test(e)) {
        throw new InputError(
          `"${e}" is not an etcd endpoint: expected http(s)://HOST:PORT, e.g. https://10.0.0.11:2379.`,
        );
      }
    }
    this.tools = options.tools;
    this.progress = options.progress ?? silentProgress;
  }

  get node(): string {
    return this.transport.node;
  }

  /** The node's etcd tools; detected once. Throws when etcdctl is not installed. */
  async etcdTools(): Promise<EtcdTools> {
    if (!this.tools) {
      this.tools = await etcdToolsOf(this.transport, this.options.commands ?? defaultToolCommands);
    }
    return this.tools;
  }

  /** A copy talking to other endpoints (e.g. exactly one, for snapshot save). */
  withEndpoints(endpoints: string[]): EtcdCtl {
    const copy = new EtcdCtl(this.transport, { ...this.options, endpoints, tools: this.tools });
    copy.preflightState = this.preflightState;
    return copy;
  }

  /** A copy with other etcdctl timeouts (dial at most 2 s), sharing the detected tools. */
  withTimeouts(commandTimeoutMs: number): EtcdCtl {
    const copy = new EtcdCtl(this.transport, {
      ...this.options,
      commandTimeoutMs,
      dialTimeoutMs: Math.min(commandTimeoutMs, 2000),
      tools: this.tools,
    });
    copy.preflightState = this.preflightState;
    return copy;
  }

  /** Tools and certificate files, checked once; a failed check is made again next time. */
  private preflight(): Promise<void> {
    const state = this.preflightState;
    if (state.done) return state.done;
    const check = (async () => {
      await this.etcdTools();
      const tls = this.options.tls;
      if (!tls) return;
      const files = [tls.cacert, tls.cert, tls.key];
      const readable = files
        .map((f) => `[ -r ${shellCommand([f])} ] || echo ${shellCommand([f])}`)
        .join('; ');
      const res = await this.transport.script(readable, { allowFailure: true, timeoutMs: 15_000 });
      const missing = res.stdout.split('\n').filter(Boolean);
      if (missing.length > 0) {
        throw new InputError(
          `Node ${this.node}: etcd client certificate files missing or unreadable: ${missing.join(', ')}. ` +
            'Check the layout (--layout kubespray|kubeadm) or pass --etcd-cacert/--etcd-cert/--etcd-key.',
        );
      }
    })();
    state.done = check;
    check.catch(() => {
      if (state.done === check) state.done = undefined;
    });
    return check;
  }

  private globalFlags(endpoints = this.options.endpoints): string[] {
    const flags = [
      `--endpoints=${endpoints.join(',')}`,
      `--dial-timeout=${Math.ceil((this.options.dialTimeoutMs ?? 5000) / 1000)}s`,
      `--command-timeout=${Math.ceil(this.commandTimeoutMs() / 1000)}s`,
    ];
    const tls = this.options.tls;
    if (tls) flags.push(`--cacert=${tls.cacert}`, `--cert=${tls.cert}`, `--key=${tls.key}`);
    return flags;
  }

  private commandTimeoutMs(): number {
    return this.options.commandTimeoutMs ?? 15_000;
  }

  /**
   * Runs an etcdctl subcommand against the endpoints. `binary`: its output is bytes (`-w
   * protobuf`), kept as they came in `raw`, never decoded as text; it must exit 0.
   */
  private async run(
    args: string[],
    what: string,
    opts: {
      allowFailure?: boolean;
      endpoints?: string[];
      timeoutMs?: number;
      binary?: boolean;
    } = {},
  ): Promise<ExecResult & { raw?: Buffer }> {
    await this.preflight();
    const tools = await this.etcdTools();
    const argv = [...tools.commands.etcdctl, ...this.globalFlags(opts.endpoints), ...args];
    const options = {
      env: etcdctlEnv(tools),
      timeoutMs: opts.timeoutMs ?? this.commandTimeoutMs() + 10_000,
      allowFailure: opts.allowFailure,
    };
    try {
      if (!opts.binary) return await this.transport.exec(argv, options);
      const run = this.transport.execStream(argv, options);
      const chunks: Buffer[] = [];
      for await (const chunk of run.stdout) chunks.push(chunk as Buffer);
      const { code, stderr } = await run.done;
      return { code, stdout: '', stderr, raw: Buffer.concat(chunks) };
    } catch (err) {
      throw this.explain(err, what, opts.endpoints ?? this.options.endpoints);
    }
  }

  /**
   * A read-only etcdctl call and the parse of its output. Output that ended before its JSON
   * (or protobuf message) did was cut on its way (`CutOutputError`: ctr of containerd before
   * 1.6.22 drops what `ctr run` had not passed on when the tool exited), so it is asked again,
   * up to three times in all; a cut answer is never used. Calls that change the cluster are
   * never repeated here.
   */
  private async read<T>(
    args: string[],
    what: string,
    parse: (res: ExecResult & { raw?: Buffer }) => T,
    opts: { allowFailure?: boolean; timeoutMs?: number; binary?: boolean } = {},
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const res = await this.run(args, what, opts);
      try {
        return parse(res);
      } catch (err) {
        if (!(err instanceof CutOutputError)) throw err;
        if (attempt >= CUT_READ_ATTEMPTS) {
          throw new OperationError(
            `Node ${this.node}: the output of ${what} was cut short on its way ${attempt} times in a row, so it cannot be trusted. ctr of containerd before 1.6.22, which runs a kubeadm node's etcd tools, drops the tail of a \`ctr run\` when the node is too busy to pass it on in time: upgrade containerd on ${this.node}, or retry when it is less loaded.\n${err.message}`,
            { cause: err },
          );
        }
        this.progress.warn(
          `Node ${this.node}: the output of ${what} was cut short on its way (${res.raw?.length ?? res.stdout.length} bytes, ${res.raw ? 'message' : 'JSON'} unfinished); asking again (${attempt + 1} of ${CUT_READ_ATTEMPTS}).`,
        );
      }
    }
  }

  private explain(err: unknown, what: string, endpoints: string[]): unknown {
    if (!(err instanceof CommandFailedError)) return err;
    const tail = err.stderrTail;
    let hint = 'See the etcdctl error above.';
    if (
      /deadline exceeded|connection refused|no route|transport: Error while dialing/i.test(tail)
    ) {
      hint = `No etcd answered at ${endpoints.join(', ')} from node ${this.node}: check --etcd-endpoints (host and port) and that etcd runs there.`;
    } else if (/certificate|x509|tls:|bad certificate/i.test(tail)) {
      hint =
        "TLS failed: check that --etcd-cacert/--etcd-cert/--etcd-key (or the layout) name this cluster's CA and a client certificate it trusts.";
    }
    return new OperationError(`Node ${this.node}: ${what} failed. ${hint}\n${err.message}`, {
      cause: err,
    });
  }

  /** Health of every endpoint; unhealthy endpoints are results, not errors. */
  async endpointHealth(): Promise<EndpointHealth[]> {
    return this.read(
      ['endpoint', 'health', '-w', 'json'],
      'etcdctl endpoint health',
      (res) => {
        if (!res.stdout.trim() && res.code !== 0) {
          throw this.explain(
            new CommandFailedError(this.node, 'etcdctl endpoint health', res.code, res.stderr),
            'etcdctl endpoint health',
            this.options.endpoints,
          );
        }
        return parseEndpointHealth(res.stdout);
      },
      { allowFailure: true },
    );
  }

  /** Status of every endpoint that answers; the others are listed with `unreachable`. */
  async endpointStatus(): Promise<{ statuses: EndpointStatus[]; unreachable: string[] }> {
    // Nothing printed and a failure: no endpoint answered. Nothing printed and success: cut.
    const statuses = await this.read(
      ['endpoint', 'status', '-w', 'json'],
      'etcdctl endpoint status',
      (res) => (res.stdout.trim() || res.code === 0 ? parseEndpointStatus(res.stdout) : []),
      { allowFailure: true },
    );
    const answered = new Set(statuses.map((s) => s.endpoint));
    return { statuses, unreachable: this.options.endpoints.filter((e) => !answered.has(e)) };
  }

  async memberList(): Promise<Member[]> {
    return this.read(['member', 'list', '-w', 'json'], 'etcdctl member list', (res) =>
      parseMemberList(res.stdout),
    );
  }

  /**
   * GET `url` from the node with the client certificates (curl, else openssl s_client —
   * Debian's ca-certificates brings openssl, so minimal nodes have it). The response body.
   */
  private async httpGet(url: string, expect: string, timeoutS = 5): Promise<string> {
    const tls = this.options.tls;
    const { host: hostPort, pathname, protocol } = new URL(url);
    const q = (s: string) => shellCommand([s]);
    const curlTls = tls
      ? `--cacert ${q(tls.cacert)} --cert ${q(tls.cert)} --key ${q(tls.key)}`
      : '';
    const opensslTls = tls
      ? `-CAfile ${q(tls.cacert)} -cert ${q(tls.cert)} -key ${q(tls.key)}`
      : '';
    const script = [
      'if command -v curl >/dev/null 2>&1; then',
      `  exec curl -sS --max-time ${timeoutS} ${curlTls} ${q(url)}`,
      `elif [ ${q(protocol === 'https:' ? 'https' : 'http')} = https ] && command -v openssl >/dev/null 2>&1; then`,
      // HTTP/1.1 with `Connection: close`: etcd's peer port keeps an HTTP/1.0 connection open.
      // Even so s_client often lingers after a whole response from a member that is not
      // serving yet, so it writes to a private file and is stopped once the response in it has
      // all of its Content-Length (polled every 20 ms), or at the timeout.
      '  f=$(mktemp) || exit 1',
      `  printf 'GET %s HTTP/1.1\\r\\nHost: %s\\r\\nConnection: close\\r\\n\\r\\n' ${q(pathname)} ${q(hostPort)} | timeout ${timeoutS} openssl s_client -quiet -connect ${q(hostPort)} ${opensslTls} >"$f" 2>/dev/null &`,
      '  p=$! cr=$(printf "\\r") ok=',
      '  while kill -0 "$p" 2>/dev/null; do',
      '    len=$(sed -n "s/^[Cc]ontent-[Ll]ength: *\\([0-9]*\\).*/\\1/p" "$f" | head -n 1)',
      '    if [ -n "$len" ] && grep -q "^$cr\\$" "$f"; then',
      '      hdr=$(sed -n "/^$cr\\$/q;p" "$f" | wc -c)',
      '      if [ "$(wc -c <"$f")" -ge $((hdr + 2 + len)) ]; then ok=1; break; fi',
      '    fi',
      '    sleep 0.02',
      '  done',
      '  if [ -n "$ok" ]; then kill "$p" 2>/dev/null; wait "$p" 2>/dev/null; rc=0; else wait "$p"; rc=$?; fi',
      '  cat "$f"; rm -f "$f"; exit "$rc"',
      'else',
      '  echo "neither curl nor openssl on this node" >&2; exit 127',
      'fi',
    ].join('\n');
    const res = await this.transport.script(script, { timeoutMs: 15_000, allowFailure: true });
    // A response with all of its Content-Length counts, whatever the timeout made of it.
    const body = httpBody(res.stdout);
    if ((res.code !== 0 && !wholeResponse(res.stdout)) || !body.includes(expect)) {
      throw new OperationError(
        `Node ${this.node}: could not read ${url} (exit ${res.code}): ${res.stderr.trim().slice(-300) || 'no answer'}`,
      );
    }
    return body;
  }

  /**
   * The `/version` of an endpoint as seen from the node. `cluster` is "not_decided" for the
   * first seconds after a cluster starts.
   */
  async clusterVersion(endpoint: string): Promise<{ server: string; cluster: string }> {
    const url = `${endpoint.replace(/\/$/, '')}/version`;
    return parseVersionEndpoint(await this.httpGet(url, '{'));
  }

  /**
   * The member list as the member at `peerURL` holds it, read from its peer port's `/members`
   * (no raft round, so it answers while that member does not yet serve clients).
   */
  async peerMembers(peerURL: string): Promise<Member[]> {
    const url = `${peerURL.replace(/\/$/, '')}/members`;
    return parsePeerMembers(await this.httpGet(url, '[', 1));
  }

  /** Waits until some endpoint reports a decided cluster version (x.y.z). */
  async waitForClusterVersion(
    timeoutMs = this.options.clusterVersionTimeoutMs ?? 30_000,
  ): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no endpoint answered';
    for (;;) {
      for (const e of this.options.endpoints) {
        try {
          const v = await this.clusterVersion(e);
          if (/^\d+\.\d+\.\d+$/.test(v.cluster)) return v.cluster;
          last = `${e} reports cluster version "${v.cluster}"`;
        } catch (err) {
          last = (err as Error).message;
        }
      }
      if (Date.now() > deadline) {
        throw new OperationError(
          `The etcd cluster version was not decided within ${timeoutMs / 1000} s (${last}). Adding a member now would kill it ("not_decided is not in dotted-tri format"); wait until the cluster is healthy and retry.`,
        );
      }
      await sleep(500);
    }
  }

  /**
   * Adds a member. Waits for the cluster version first, and retries "unhealthy cluster"
   * (the answer for a few seconds after the previous join) a bounded number of times.
   */
  async memberAdd(
    name: string,
    peerURLs: string[],
    options: { learner?: boolean } = {},
  ): Promise<MemberAdded & { attempts: number }> {
    if (!name || peerURLs.length === 0) {
      throw new InputError('member add needs a member name and at least one peer URL.');
    }
    await this.waitForClusterVersion();
    const retry = this.options.memberAddRetry ?? { attempts: 20, delayMs: 1000 };
    const args = ['member', 'add', name, `--peer-urls=${peerURLs.join(',')}`];
    if (options.learner) args.push('--learner');
    for (let attempt = 1; ; attempt++) {
      const res = await this.run(args, `etcdctl member add ${name}`, { allowFailure: true });
      if (res.code === 0) return { ...parseMemberAdd(res.stdout), attempts: attempt };
      const unhealthy = /unhealthy cluster/i.test(res.stderr);
      if (!unhealthy || attempt >= retry.attempts) {
        const err = new CommandFailedError(
          this.node,
          `etcdctl member add ${name}`,
          res.code,
          res.stderr,
        );
        if (unhealthy) {
          throw new OperationError(
            `Node ${this.node}: etcd kept answering "unhealthy cluster" to member add ${name} after ${attempt} attempts over ~${Math.round((attempt * retry.delayMs) / 1000)} s. Check that every started member is healthy (etcdctl endpoint health --cluster) and retry.`,
            { cause: err },
          );
        }
        throw this.explain(err, `etcdctl member add ${name}`, this.options.endpoints);
      }
      this.progress.debug(
        `member add ${name}: cluster not ready yet (attempt ${attempt}), retrying`,
      );
      await sleep(retry.delayMs);
    }
  }

  async memberRemove(idHex: string): Promise<void> {
    const id = normaliseHexId(idHex);
    await this.run(['member', 'remove', id], `etcdctl member remove ${id}`);
  }

  /** Saves a snapshot from exactly one endpoint to a file on the node (etcdctl writes it 0600). */
  async snapshotSave(
    endpoint: string,
    pathOnNode: string,
  ): Promise<{ path: string; bytes: number }> {
    if (endpoint.includes(',') || !endpoint.trim()) {
      throw new InputError(
        `snapshot save needs exactly one endpoint, got "${endpoint}": etcd takes a snapshot from one selected member.`,
      );
    }
    await this.run(['snapshot', 'save', pathOnNode], `etcdctl snapshot save from ${endpoint}`, {
      endpoints: [endpoint],
      timeoutMs: 60 * 60_000,
    });
    const stat = await this.transport.exec(['stat', '-c', '%s', pathOnNode]);
    return { path: pathOnNode, bytes: Number(stat.stdout.trim()) };
  }

  /** Offline: `snapshot status` of a file on the node (etcdutl on 3.5+, etcdctl on 3.4). */
  async snapshotStatus(path: string): Promise<SnapshotStatus> {
    return (await this.snapshotTool()).status(path);
  }

  /** Offline: restore into a data dir that must not exist yet; see EtcdSnapshotTool.restore. */
  async snapshotRestore(
    o: SnapshotRestoreOptions,
    shell?: ShellAround,
  ): Promise<SnapshotRestoreResult> {
    return (await this.snapshotTool()).restore(o, shell);
  }

  private async snapshotTool(): Promise<EtcdSnapshotTool> {
    return new EtcdSnapshotTool(this.transport, {
      tools: await this.etcdTools(),
      progress: this.progress,
    });
  }

  /** Live keys in the whole keyspace, now or at `revision` (the range count; one key returned). */
  async keyCount(revision?: number): Promise<{ count: number; revision: number }> {
    const args = ['get', '', '--prefix', '--keys-only', '--limit=1', '-w', 'json'];
    if (revision) args.push(`--rev=${revision}`);
    const page = await this.read(args, 'etcdctl get (key count)', (res) => parseGet(res.stdout));
    return { count: page.count, revision: page.revision };
  }

  /**
   * etcd's key hash (`EtcdHashKV`, src/etcd/fingerprint.ts) of every endpoint at `revision`;
   * an endpoint that does not answer is an error (the caller asked for each one's hash).
   */
  async hashKV(revision: number): Promise<EndpointHashKV[]> {
    return this.read(
      ['endpoint', 'hashkv', `--rev=${revision}`, '-w', 'json'],
      'etcdctl endpoint hashkv',
      (res) => parseEndpointHashKV(res.stdout, revision),
      { timeoutMs: 120_000 },
    );
  }

  /**
   * One page of the keyspace at `revision`: keys >= `fromKey`, ascending. etcdctl takes keys
   * as arguments, so keys must be valid UTF-8 without NUL (all Kubernetes keys are).
   */
  async getPage(fromKey: Buffer, limit: number, revision?: number): Promise<KeyValuePage> {
    if (!etcdctlTakes(fromKey)) {
      const key = fromKey.toString('utf8');
      throw new OperationError(
        `Node ${this.node}: key ${JSON.stringify(key)} cannot be passed to etcdctl as an argument (not UTF-8 or contains NUL); compute the fingerprint directly against the endpoints instead.`,
      );
    }
    // protobuf, not JSON: keys and values come as bytes, not base64 in JSON that etcdctl has to
    // write and this side to read (a keyspace check reads every key this way).
    const args = [
      'get',
      fromKey.toString('utf8'),
      '--from-key',
      `--limit=${limit}`,
      '-w',
      'protobuf',
    ];
    if (revision) args.push(`--rev=${revision}`);
    return this.read(args, 'etcdctl get', (res) => parseGetProtobuf(res.raw!), {
      timeoutMs: 120_000,
      binary: true,
    });
  }
}

/** Whether etcdctl can be given `key` as an argument: valid UTF-8 without a NUL. */
export function etcdctlTakes(key: Buffer): boolean {
  const text = key.toString('utf8');
  return !text.includes('\0') && Buffer.from(text, 'utf8').equals(key);
}

/**
 * The body of what `httpGet` printed: curl prints the body alone; openssl s_client the whole
 * HTTP/1.1 response, headers first and the body possibly chunked.
 */
export function httpBody(raw: string): string {
  if (!raw.startsWith('HTTP/')) return raw;
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return '';
  const headers = raw.slice(0, end);
  let body = raw.slice(end + 4);
  if (/^transfer-encoding:\s*chunked\s*$/im.test(headers)) {
    let out = '';
    for (;;) {
      const nl = body.indexOf('\r\n');
      const size = nl < 0 ? Number.NaN : Number.parseInt(body.slice(0, nl), 16);
      if (!Number.isFinite(size) || size <= 0) break;
      out += body.slice(nl + 2, nl + 2 + size);
      body = body.slice(nl + 2 + size + 2);
    }
    return out;
  }
  return body;
}

/** An HTTP response printed whole: its headers end and the body has all its Content-Length. */
export function wholeResponse(raw: string): boolean {
  const end = raw.indexOf('\r\n\r\n');
  if (!raw.startsWith('HTTP/') || end < 0) return false;
  const length = /^content-length:\s*(\d+)\s*$/im.exec(raw.slice(0, end))?.[1];
  return length !== undefined && Buffer.byteLength(raw.slice(end + 4)) >= Number(length);
}
