#!/usr/bin/env node
import {
  CommandTransport,
  KILL_GRACE_MS,
  reportingPid,
  reportingPidUntilRead,
  startChildProcess,
  stopCommand,
  takeEndMark,
  takePidMarker
} from "./chunk-TOAWPYOC.js";
import {
  AuthError,
  HostKeyError,
  NodeError,
  TransportTimeoutError,
  UnreachableError,
  displayCommand,
  shellCommand,
  shellQuote
} from "./chunk-ZZ57F2FG.js";
import {
  InputError
} from "./chunk-BCQJ3TK4.js";

// src/nodes/docker.ts
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { finished } from "node:stream/promises";
var CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
var CONTAINER_GONE = /No such container|is not running|is paused|is restarting|Cannot connect to the Docker daemon|docker\.sock: connect: permission denied/i;
var DockerTransport = class extends CommandTransport {
  kind = "docker";
  container;
  cli;
  constructor(node, options = {}) {
    super(node);
    this.container = options.container ?? node;
    this.cli = options.dockerCli ?? "docker";
    if (!CONTAINER_NAME.test(this.container)) {
      throw new InputError(
        `'${this.container}' is not a docker container name (node ${node}); names are letters, digits, '_', '.', '-'.`
      );
    }
  }
  async close() {
  }
  /**
   * A command without input runs in `reportingPidUntilRead`'s wrapper: it stays until its end
   * mark has been read here, so dockerd's 2 s after the exit can no longer drop the tail of its
   * output, and output that ends without the mark is an error, never a short answer. A command
   * fed on stdin (an upload, whose output is a line) runs as it always did.
   */
  async start(argv, env, input) {
    const envFlags = Object.keys(env).flatMap((name) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new InputError(
          `'${name}' is not a valid environment variable name (for node ${this.node}).`
        );
      }
      return ["-e", name];
    });
    const mark = input ? void 0 : `kube-rescue-end-${randomBytes(16).toString("hex")}`;
    let client;
    try {
      client = await startChildProcess(
        this.cli,
        [
          "exec",
          "-i",
          ...envFlags,
          this.container,
          ...mark ? reportingPidUntilRead(argv, mark) : reportingPid(argv)
        ],
        { ...process.env, ...env }
      );
    } catch (err) {
      if (err.code === "ENOENT") {
        throw new UnreachableError(
          this.node,
          `the docker CLI ('${this.cli}') is not installed on this machine.`,
          { cause: err }
        );
      }
      throw err;
    }
    let pid;
    let stopRequested = false;
    let early = "";
    const signal = (name) => {
      if (pid === void 0) return;
      execFile(this.cli, ["exec", this.container, ...stopCommand(pid, name)], () => void 0);
    };
    const stop = () => {
      signal("TERM");
      setTimeout(() => {
        signal("KILL");
        client.kill();
      }, KILL_GRACE_MS).unref();
    };
    const stderr = takePidMarker(client.stderr, (reported) => {
      pid = reported;
      if (stopRequested) stop();
    });
    stderr.on("data", (chunk) => {
      if (pid === void 0 && early.length < 4096) early += chunk.toString();
    });
    client.stdin.on("error", () => void 0);
    const end = mark ? takeEndMark(client.stdout, Buffer.from(mark), () => client.stdin.end()) : void 0;
    const exited = Promise.all([
      client.exited,
      end ? finished(end.stdout, { readable: false }).catch(() => void 0) : void 0
    ]).then(([status]) => {
      if (pid === void 0 && status.code !== 0 && !stopRequested) {
        throw this.dockerFailure(early.trim(), status.code);
      }
      if (end && !end.complete() && !stopRequested) {
        throw new NodeError(
          this.node,
          `Node ${this.node}: the output of ${displayCommand(argv, [])} through 'docker exec' into container ${this.container} ended without kube-rescue's end mark (exit ${status.code ?? status.signal}): it was cut short on its way, and is not used. Check the container and docker's daemon, and retry.`
        );
      }
      return status;
    });
    return {
      // Fed nothing: the caller ends this one; the container's stdin is the wrapper's.
      stdin: end ? new Writable({ write: (_chunk, _enc, cb) => cb() }) : client.stdin,
      stdout: end ? end.stdout : client.stdout,
      stderr,
      exited,
      kill: () => {
        stopRequested = true;
        if (pid !== void 0) return stop();
        setTimeout(() => {
          if (pid === void 0) client.kill();
        }, KILL_GRACE_MS).unref();
      }
    };
  }
  dockerFailure(text, code) {
    const detail = text || `docker exited with code ${code} and no message`;
    if (CONTAINER_GONE.test(text)) {
      return new UnreachableError(
        this.node,
        `container ${this.container}: ${detail}. Check 'docker ps -a' and that the container runs.`
      );
    }
    return new NodeError(
      this.node,
      `Node ${this.node}: 'docker exec' into container ${this.container} failed (exit ${code}): ${detail}`
    );
  }
};

// src/nodes/ssh.ts
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import ssh2 from "ssh2";

// src/nodes/known-hosts.ts
import { createHmac, timingSafeEqual } from "node:crypto";
function parseKnownHosts(text) {
  const entries = [];
  const problems = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith("#")) continue;
    const parsed = parseEntry(trimmed, index + 1);
    if (typeof parsed === "string") problems.push({ line: index + 1, reason: parsed });
    else entries.push(parsed);
  }
  return { entries, problems };
}
function parseEntry(text, line) {
  const fields = text.split(/\s+/);
  let marker;
  if (fields[0].startsWith("@")) {
    const m = fields.shift();
    if (m === "@revoked") marker = "revoked";
    else if (m === "@cert-authority") marker = "cert-authority";
    else return `unknown marker ${m}`;
  }
  const [hostField, keyType, keyText] = fields;
  if (!hostField || !keyType || !keyText) return "expected: hosts key-type base64-key [comment]";
  const key = Buffer.from(keyText, "base64");
  if (blobKeyType(key) !== keyType) return `the key is not a valid ${keyType} public key`;
  const hosts = parseHostField(hostField);
  if (!hosts) return `unreadable hashed host ${hostField}`;
  return { marker, hosts, keyType, key, line };
}
function blobKeyType(key) {
  if (key.length < 4) return void 0;
  const len = key.readUInt32BE(0);
  if (len === 0 || len > 64 || key.length < 4 + len) return void 0;
  return key.subarray(4, 4 + len).toString("latin1");
}
function knownHostsName(host, port) {
  return port === 22 ? host : `[${host}]:${port}`;
}
function checkHostKey(entries, host, port, key, aliases = []) {
  const names = [host, ...aliases].map((h) => knownHostsName(h.toLowerCase(), port));
  const matching = entries.filter((e) => names.some((n) => entryMatches(e, n)));
  const revoked = entries.find((e) => e.marker === "revoked" && e.key.equals(key));
  if (revoked) return { ok: false, reason: "revoked", line: revoked.line };
  const plain = matching.filter((e) => e.marker === void 0);
  const same = plain.find((e) => e.key.equals(key));
  if (same) return { ok: true, line: same.line };
  if (plain.length === 0) return { ok: false, reason: "unknown" };
  return {
    ok: false,
    reason: "mismatch",
    lines: plain.map((e) => e.line),
    knownTypes: [...new Set(plain.map((e) => e.keyType))]
  };
}
function knownKeyTypes(entries, host, port, aliases = []) {
  const names = [host, ...aliases].map((h) => knownHostsName(h.toLowerCase(), port));
  const types = entries.filter((e) => e.marker === void 0 && names.some((n) => entryMatches(e, n))).map((e) => e.keyType);
  return [...new Set(types)];
}
function parseHostField(field) {
  if (field.startsWith("|1|")) {
    const [, , salt, hash] = field.split("|");
    if (!salt || !hash) return void 0;
    const s = Buffer.from(salt, "base64");
    const h = Buffer.from(hash, "base64");
    if (s.length !== 20 || h.length !== 20) return void 0;
    return { kind: "hashed", salt: s, hash: h };
  }
  return { kind: "patterns", patterns: field.toLowerCase().split(",").filter(Boolean) };
}
function entryMatches(entry, name) {
  if (entry.hosts.kind === "hashed") {
    const digest = createHmac("sha1", entry.hosts.salt).update(name).digest();
    return timingSafeEqual(digest, entry.hosts.hash);
  }
  let matched = false;
  for (const pattern of entry.hosts.patterns) {
    const negated = pattern.startsWith("!");
    if (globMatches(negated ? pattern.slice(1) : pattern, name)) {
      if (negated) return false;
      matched = true;
    }
  }
  return matched;
}
function globMatches(pattern, name) {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${source}$`).test(name);
}

// src/nodes/ssh.ts
var { Client, utils: sshUtils } = ssh2;
var MAX_CHANNELS = 4;
var SERVER_HOST_KEY_ALGORITHMS = [
  "ssh-ed25519",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "rsa-sha2-512",
  "rsa-sha2-256",
  "ssh-rsa"
];
var SshTransport = class extends CommandTransport {
  constructor(options) {
    super(options.node);
    this.options = options;
    this.port = options.port ?? 22;
    this.user = options.user ?? "root";
    this.sudo = options.sudo ?? this.user !== "root";
    this.auth = loadAuth(options);
  }
  options;
  kind = "ssh";
  port;
  user;
  sudo;
  auth;
  connection;
  clients = [];
  channels = new ChannelLimit(MAX_CHANNELS);
  async ping(options = {}) {
    await this.connect(options.timeoutMs);
    await this.exec(["true"], { timeoutMs: options.timeoutMs ?? 15e3 });
  }
  async close() {
    this.connection = void 0;
    const clients = this.clients.splice(0).reverse();
    await Promise.all(clients.map(endClient));
  }
  async start(argv, env) {
    const client = await this.connect();
    await this.channels.acquire();
    let channel;
    let exited;
    let closed = false;
    try {
      const command = this.remoteCommand(argv, await this.stageEnv(client, env));
      channel = await new Promise(
        (resolve, reject) => client.exec(command, (err, ch) => {
          if (err) return reject(err);
          exited = new Promise((resolveExit, rejectExit) => {
            let status;
            ch.on("exit", (code, signal2) => {
              status = { code, signal: signal2 ? `SIG${signal2}` : null };
            });
            ch.once("close", () => {
              closed = true;
              this.channels.release();
              if (status) resolveExit(status);
              else
                rejectExit(
                  new UnreachableError(
                    this.node,
                    "the SSH connection closed before the command reported its exit status"
                  )
                );
            });
          });
          resolve(ch);
        })
      );
    } catch (err) {
      this.channels.release();
      if (err instanceof NodeError || err instanceof InputError) throw err;
      throw new UnreachableError(
        this.node,
        `could not open an SSH session: ${err.message}`,
        { cause: err }
      );
    }
    let pid;
    let stopRequested = false;
    const signal = (name) => {
      if (pid !== void 0 && !closed) this.signalProcess(client, pid, name);
    };
    const stop = () => {
      signal("TERM");
      setTimeout(() => signal("KILL"), KILL_GRACE_MS).unref();
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
      }
    };
  }
  /**
   * sshd refuses "signal" requests for root sessions (they need privilege separation), so a
   * stop is a `kill` sent over a second channel to the process group the command reported.
   */
  signalProcess(client, pid, signal) {
    const kill = shellCommand([
      ...this.sudo ? ["sudo", "-n", "--"] : [],
      ...stopCommand(pid, signal)
    ]);
    client.exec(kill, (err, channel) => {
      if (err) return;
      channel.resume();
      channel.stderr.resume();
    });
  }
  /** argv as one remote shell line: `sudo -n -- sh -c '. envfile …' argv…` as needed. */
  remoteCommand(argv, envFile) {
    return shellCommand([
      ...this.sudo ? ["sudo", "-n", "--"] : [],
      ...envFile ? ["sh", "-c", SOURCE_ENV_SCRIPT, "kube-rescue-env", envFile] : [],
      ...reportingPid(argv)
    ]);
  }
  /**
   * Values never go on the remote command line, where `ps` and sudo's log would show them:
   * they travel on stdin into a 0600 file that the command's shell reads and removes.
   */
  async stageEnv(client, env) {
    const entries = Object.entries(env);
    if (entries.length === 0) return void 0;
    const lines = entries.map(([k, v]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) {
        throw new InputError(
          `'${k}' is not a valid environment variable name (for node ${this.node}).`
        );
      }
      return `export ${k}=${shellQuote(v)}
`;
    });
    const stage = shellCommand([
      ...this.sudo ? ["sudo", "-n", "--"] : [],
      "sh",
      "-c",
      'umask 077 && f=$(mktemp) && cat > "$f" && echo "$f"'
    ]);
    const result = await runOnChannel(client, stage, lines.join(""));
    const file = result.stdout.trim();
    if (result.code !== 0 || !file.startsWith("/")) {
      throw new NodeError(
        this.node,
        `Node ${this.node}: could not stage the command's environment in a temp file (exit ${result.code}): ${result.stderr.trim()}`
      );
    }
    return file;
  }
  connect(timeoutMs) {
    if (!this.connection) {
      const opened = this.open(timeoutMs ?? this.options.connectTimeoutMs ?? 2e4);
      this.connection = opened;
      opened.catch(() => {
        if (this.connection === opened) this.connection = void 0;
      });
    }
    return this.connection;
  }
  async open(timeoutMs) {
    const knownHosts = this.options.checkHostKey === false ? void 0 : this.loadKnownHosts();
    let sock;
    const jump = this.options.jump;
    if (jump) {
      const jumpEndpoint = { host: jump.host, port: jump.port ?? 22, user: jump.user ?? this.user };
      const jumpClient = await this.handshake(jumpEndpoint, timeoutMs, knownHosts, void 0, []);
      this.track(jumpClient);
      sock = await new Promise(
        (resolve, reject) => jumpClient.forwardOut(
          "127.0.0.1",
          0,
          this.options.host,
          this.port,
          (err, stream) => err ? reject(
            new UnreachableError(
              this.node,
              `jump host ${jump.host}:${jumpEndpoint.port} could not reach ${this.options.host}:${this.port}: ${err.message}`,
              { cause: err }
            )
          ) : resolve(stream)
        )
      );
    }
    const target = { host: this.options.host, port: this.port, user: this.user };
    const client = await this.handshake(target, timeoutMs, knownHosts, sock, [this.node]);
    this.track(client);
    client.on("close", () => {
      this.connection = void 0;
    });
    if (this.sudo) await this.checkSudo(client);
    return client;
  }
  track(client) {
    this.clients.push(client);
    client.once("close", () => {
      const at = this.clients.indexOf(client);
      if (at >= 0) this.clients.splice(at, 1);
    });
  }
  handshake(endpoint, timeoutMs, knownHosts, sock, aliases) {
    const client = new Client();
    let hostKeyProblem;
    const where = `${endpoint.host}:${endpoint.port}`;
    return new Promise((resolve, reject) => {
      let settled = false;
      client.once("ready", () => {
        settled = true;
        client.on("error", () => void 0);
        resolve(client);
      });
      client.on("error", (err) => {
        if (settled) return;
        settled = true;
        reject(classifySshError(this.node, { ...endpoint, timeoutMs }, err, hostKeyProblem));
      });
      client.once("close", () => {
        if (settled) return;
        settled = true;
        reject(
          new UnreachableError(
            this.node,
            `${where} closed the connection during the SSH handshake.`
          )
        );
      });
      const algorithms = knownHosts ? preferredHostKeyAlgorithms(
        knownKeyTypes(knownHosts.entries, endpoint.host, endpoint.port, aliases)
      ) : void 0;
      client.connect({
        host: endpoint.host,
        port: endpoint.port,
        username: endpoint.user,
        sock,
        ...this.auth,
        readyTimeout: timeoutMs,
        keepaliveInterval: 15e3,
        keepaliveCountMax: 3,
        algorithms: algorithms ? { serverHostKey: algorithms } : void 0,
        hostVerifier: (key) => {
          if (!knownHosts) return true;
          const verdict = checkHostKey(
            knownHosts.entries,
            endpoint.host,
            endpoint.port,
            key,
            aliases
          );
          if (verdict.ok) return true;
          hostKeyProblem = describeHostKeyProblem(verdict, endpoint, key, knownHosts);
          return false;
        }
      });
    });
  }
  async checkSudo(client) {
    const result = await runOnChannel(client, "sudo -n true").catch((err) => {
      throw new UnreachableError(this.node, `could not open an SSH session: ${err.message}`);
    });
    if (result.code !== 0) {
      await endClient(client);
      throw new AuthError(
        this.node,
        `user ${this.user} cannot run 'sudo -n' (${result.stderr.trim() || `exit ${result.code}`}). Give ${this.user} password-less sudo, or connect as root.`
      );
    }
  }
  loadKnownHosts() {
    const file = this.options.knownHostsFile ?? join(homedir(), ".ssh", "known_hosts");
    let text = this.options.knownHostsText ?? "";
    let fileState = "read";
    try {
      text += `
${readFileSync(file, "utf8")}`;
    } catch (err) {
      const code = err.code;
      if (this.options.knownHostsFile && code !== "ENOENT") {
        throw new InputError(`Cannot read known_hosts file ${file}: ${err.message}`);
      }
      fileState = "missing";
    }
    const { entries, problems } = parseKnownHosts(text);
    return { file, fileState, entries, problems };
  }
};
function classifySshError(node, endpoint, err, hostKeyProblem) {
  const where = `${endpoint.host}:${endpoint.port}`;
  if (hostKeyProblem) return new HostKeyError(node, hostKeyProblem);
  if (err.level === "client-authentication") {
    return new AuthError(
      node,
      `${where} refused user ${endpoint.user} with the given key. Check the SSH user (--ssh-user / ansible_user) and that the key's public half is in that user's authorized_keys.`,
      { cause: err }
    );
  }
  if (err.level === "client-timeout") {
    return new TransportTimeoutError(node, `the SSH handshake with ${where}`, endpoint.timeoutMs);
  }
  const unreachable = {
    ECONNREFUSED: "connection refused (is sshd running and listening on that port?)",
    EHOSTUNREACH: "no route to host",
    ENETUNREACH: "network unreachable",
    ENOTFOUND: "host name not found",
    EAI_AGAIN: "host name could not be resolved (DNS)",
    ECONNRESET: "connection reset",
    ETIMEDOUT: "connection timed out",
    EPIPE: "connection closed"
  };
  if (err.code && unreachable[err.code]) {
    return new UnreachableError(node, `${where}: ${unreachable[err.code]}.`, { cause: err });
  }
  if (err.level === "client-dns") {
    return new UnreachableError(node, `${where}: ${err.message}`, { cause: err });
  }
  return new NodeError(
    node,
    `Node ${node}: the SSH connection to ${where} failed: ${err.message}`,
    {
      cause: err
    }
  );
}
function describeHostKeyProblem(verdict, endpoint, key, knownHosts) {
  const where = `${endpoint.host}:${endpoint.port}`;
  const fingerprint = `SHA256:${createHash("sha256").update(key).digest("base64").replace(/=+$/, "")}`;
  const source = knownHosts.fileState === "missing" ? `${knownHosts.file} (missing)` : knownHosts.file;
  const optOut = "or, knowingly, turn host-key checking off (--insecure-skip-host-key-check)";
  switch (verdict.reason) {
    case "revoked":
      return `${where} presented key ${fingerprint}, which ${source} line ${verdict.line} marks @revoked. Refusing to connect.`;
    case "mismatch":
      return `${where} presented key ${fingerprint}, which differs from the ${verdict.knownTypes.join("/")} key(s) in ${source} (line ${verdict.lines.join(", ")}). Someone may be intercepting the connection, or the host was reinstalled: verify the new key out of band and update ${source}.`;
    case "unknown": {
      const skipped = knownHosts.problems.length ? ` (${knownHosts.problems.length} unreadable line(s) ignored, first: line ${knownHosts.problems[0].line}: ${knownHosts.problems[0].reason})` : "";
      return `${where} is not in ${source}${skipped}; it presented key ${fingerprint}. Verify that fingerprint, add the key (ssh-keyscan -p ${endpoint.port} ${endpoint.host}), ${optOut}.`;
    }
  }
}
function preferredHostKeyAlgorithms(knownTypes) {
  if (knownTypes.length === 0) return void 0;
  const wanted = knownTypes.flatMap(
    (t) => t === "ssh-rsa" ? ["rsa-sha2-512", "rsa-sha2-256", "ssh-rsa"] : [t]
  );
  const first = SERVER_HOST_KEY_ALGORITHMS.filter((a) => wanted.includes(a));
  return [...first, ...SERVER_HOST_KEY_ALGORITHMS.filter((a) => !first.includes(a))];
}
function loadAuth(options) {
  let key = options.privateKey;
  const origin = options.privateKey ? "the SSH key input" : `key file ${options.privateKeyFile}`;
  if (key === void 0 && options.privateKeyFile) {
    try {
      key = readFileSync(options.privateKeyFile, "utf8");
    } catch (err) {
      throw new InputError(`Cannot read SSH ${origin}: ${err.message}`);
    }
  }
  if (key !== void 0) {
    const parsed = sshUtils.parseKey(key);
    if (parsed instanceof Error) {
      throw new InputError(
        `The ${origin} is not a usable private key (${parsed.message}). Give an unencrypted OpenSSH or PEM private key.`
      );
    }
    return { privateKey: key };
  }
  const agent = options.agent ?? process.env.SSH_AUTH_SOCK;
  if (agent) return { agent };
  throw new InputError(
    `No SSH key for node ${options.node}: give --ssh-key <file> (action input ssh-key), or run an ssh-agent.`
  );
}
function endClient(client) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2e3);
    client.once("close", () => {
      clearTimeout(timer);
      resolve();
    });
    client.end();
  });
}
var SOURCE_ENV_SCRIPT = '. "$1" && rm -f -- "$1" && shift && exec "$@"';
function runOnChannel(client, command, stdin = "") {
  return new Promise(
    (resolve, reject) => client.exec(command, (err, channel) => {
      if (err) return reject(err);
      let stdout = "";
      let stderr = "";
      let code = null;
      channel.on("data", (d) => {
        stdout += d.toString();
      });
      channel.stderr.on("data", (d) => {
        stderr += d.toString();
      });
      channel.on("exit", (c) => {
        code = c;
      });
      channel.once("close", () => resolve({ code, stdout, stderr }));
      channel.end(stdin);
    })
  );
}
var ChannelLimit = class {
  constructor(max) {
    this.max = max;
  }
  max;
  open = 0;
  waiting = [];
  async acquire() {
    if (this.open < this.max) {
      this.open++;
      return;
    }
    await new Promise((resolve) => this.waiting.push(resolve));
  }
  release() {
    const next = this.waiting.shift();
    if (next) next();
    else this.open--;
  }
};

export {
  DockerTransport,
  SshTransport
};
//# sourceMappingURL=chunk-BKMBJ7X7.js.map
