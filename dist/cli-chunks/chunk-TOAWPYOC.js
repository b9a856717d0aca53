#!/usr/bin/env node
import {
  CommandFailedError,
  NodeError,
  TransportTimeoutError,
  displayCommand,
  maskText
} from "./chunk-ZZ57F2FG.js";
import {
  InputError
} from "./chunk-BCQJ3TK4.js";

// src/nodes/started-command.ts
import { spawn } from "node:child_process";
import { once } from "node:events";
import { Transform } from "node:stream";
var KILL_GRACE_MS = 2e3;
async function startChildProcess(file, args, env) {
  const child = spawn(file, args, { env, detached: true, stdio: ["pipe", "pipe", "pipe"] });
  const exited = new Promise((resolve) => {
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  await once(child, "spawn");
  return {
    stdin: child.stdin,
    stdout: child.stdout,
    stderr: child.stderr,
    exited,
    kill: () => stopProcessGroup(child, exited)
  };
}
function stopProcessGroup(child, exited) {
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
    }
  };
  signalGroup("SIGTERM");
  const timer = setTimeout(() => signalGroup("SIGKILL"), KILL_GRACE_MS);
  timer.unref();
  void exited.then(() => clearTimeout(timer));
}
function reportingPid(argv) {
  return ["sh", "-c", 'echo "kube-rescue-pid $$" >&2; exec "$@"', "kube-rescue", ...argv];
}
var PID_MARKER = /^kube-rescue-pid (\d+)$/;
function reportingPidUntilRead(argv, mark) {
  return [
    "sh",
    "-c",
    'echo "kube-rescue-pid $$" >&2; m=$1; shift; "$@" </dev/null; rc=$?; printf %s "$m"; read -r _; exit "$rc"',
    "kube-rescue",
    mark,
    ...argv
  ];
}
function takeEndMark(stdout, mark, onMark) {
  let held = Buffer.alloc(0);
  let seen = false;
  let complete = false;
  const strip = new Transform({
    transform(chunk, _enc, cb) {
      const all = held.length ? Buffer.concat([held, chunk]) : chunk;
      const keep = Math.min(all.length, mark.length);
      held = Buffer.from(all.subarray(all.length - keep));
      if (!seen && held.equals(mark)) {
        seen = true;
        onMark();
      }
      cb(null, keep < all.length ? all.subarray(0, all.length - keep) : void 0);
    },
    flush(cb) {
      complete = held.equals(mark);
      cb(null, complete || !held.length ? void 0 : held);
    }
  });
  return { stdout: stdout.pipe(strip), complete: () => complete };
}
function stopCommand(pid, signal) {
  const script = 'kill -s "$1" -- "-$2" 2>/dev/null || kill -s "$1" "-$2" 2>/dev/null || kill -s "$1" "$2"';
  return ["sh", "-c", script, "kube-rescue-stop", signal, String(pid)];
}
function takePidMarker(stderr, onPid) {
  let head = Buffer.alloc(0);
  const strip = new Transform({
    transform(chunk, _enc, cb) {
      if (!head) return cb(null, chunk);
      const seen = Buffer.concat([head, chunk]);
      const newline = seen.indexOf(10);
      if (newline < 0 && seen.length < 64) {
        head = seen;
        return cb();
      }
      head = void 0;
      const marker = newline < 0 ? null : PID_MARKER.exec(seen.subarray(0, newline).toString());
      if (!marker) return cb(null, seen);
      onPid(Number(marker[1]));
      cb(null, seen.subarray(newline + 1));
    },
    flush(cb) {
      cb(null, head?.length ? head : void 0);
    }
  });
  return stderr.pipe(strip);
}

// src/nodes/command-transport.ts
import { randomBytes } from "node:crypto";
import { constants as osConstants } from "node:os";
import { posix } from "node:path";
import { finished as finishedCallback, PassThrough, Transform as Transform2 } from "node:stream";
import { finished, pipeline } from "node:stream/promises";
var STREAM_STDERR_LIMIT = 64 * 1024;
var CommandTransport = class {
  constructor(node) {
    this.node = node;
  }
  node;
  async exec(argv, options = {}) {
    const chunks = [];
    const run = this.run(argv, options, Number.POSITIVE_INFINITY);
    run.stdout.on("data", (c) => chunks.push(c));
    const { code, stderr } = await run.done;
    return { code, stdout: Buffer.concat(chunks).toString("utf8"), stderr };
  }
  script(script, options = {}) {
    return this.exec(["sh", "-c", script], options);
  }
  /**
   * stdout flows with backpressure (a paused consumer pauses the command), and it only ends
   * once the command has exited 0: a failed command errors the stream instead of ending it,
   * so a pipeline that completes means the whole output arrived.
   */
  execStream(argv, options = {}) {
    return this.run(argv, options, STREAM_STDERR_LIMIT);
  }
  readFile(path) {
    return this.execStream(["cat", "--", path]).stdout;
  }
  /**
   * Two steps so that a broken upload never replaces the file: the data lands in a temp file
   * next to the target, and only when all of it arrived (byte count checked on the node) is it
   * given its mode and owner and renamed over the target. Data in hand (a string or Buffer)
   * takes both steps in one command, its byte count known beforehand; a stream, two.
   */
  async writeFile(path, data, options = {}) {
    const { mode, owner } = checkWriteTarget(this.node, path, options);
    const temp = posix.join(
      posix.dirname(path),
      `.${posix.basename(path)}.kube-rescue-${randomBytes(6).toString("hex")}.tmp`
    );
    const commit = (script, name, bytes) => ["sh", "-c", script, name, temp, path, String(bytes), mode, owner];
    try {
      if (typeof data === "string" || Buffer.isBuffer(data)) {
        const bytes2 = Buffer.from(data);
        await this.exec(commit(UPLOAD_AND_COMMIT_SCRIPT, "kube-rescue-write", bytes2.length), {
          stdin: bytes2
        });
        return;
      }
      let bytes = 0;
      const counter = new Transform2({
        transform(chunk, _enc, cb) {
          bytes += chunk.length;
          cb(null, chunk);
        }
      });
      const upload = await Promise.allSettled([
        pipeline(data, counter),
        this.exec(["sh", "-c", 'umask 077 && cat > "$1"', "kube-rescue-write", temp], {
          stdin: counter
        })
      ]);
      for (const step of upload.reverse()) if (step.status === "rejected") throw step.reason;
      await this.exec(commit(COMMIT_SCRIPT, "kube-rescue-commit", bytes));
    } catch (err) {
      await this.exec(["rm", "-f", "--", temp], { allowFailure: true }).catch(() => void 0);
      throw err;
    }
  }
  async ping(options = {}) {
    await this.exec(["true"], { timeoutMs: options.timeoutMs ?? 15e3 });
  }
  run(argv, options, stderrLimit) {
    const mask = options.mask ?? [];
    const shown = displayCommand(argv, mask);
    const stdout = new PassThrough({ highWaterMark: 64 * 1024 });
    const done = this.supervise(argv, options, shown, stdout, stderrLimit).catch((err) => {
      if (err instanceof Error && mask.length) err.message = maskText(err.message, mask);
      throw err;
    });
    done.then(
      () => stdout.end(),
      (err) => stdout.destroy(err)
    );
    done.catch(() => void 0);
    stdout.on("error", () => void 0);
    return { stdout, done };
  }
  async supervise(argv, options, shown, stdout, stderrLimit) {
    let command;
    try {
      command = await this.start(argv, options.env ?? {}, options.stdin !== void 0);
    } catch (err) {
      const e = err;
      if (e.code === "ENOENT" && e.syscall?.startsWith("spawn")) {
        return this.verdict(127, null, `${argv[0]}: command not found`, options, shown);
      }
      throw err;
    }
    let stopped;
    let giveUp = () => void 0;
    const abandoned = new Promise((resolve) => {
      giveUp = () => resolve("abandoned");
    });
    const stop = (reason) => {
      if (stopped) return;
      stopped = reason;
      command.kill();
      setTimeout(giveUp, KILL_GRACE_MS + 1e3).unref();
    };
    const timer = options.timeoutMs === void 0 ? void 0 : setTimeout(() => stop({ why: "timeout" }), options.timeoutMs);
    feedStdin(command, options.stdin, (err) => stop({ why: "stdin", err }));
    let exited = false;
    stdout.once("close", () => {
      if (!exited) stop({ why: "reader" });
    });
    command.stdout.pipe(stdout, { end: false });
    const stderr = collectTail(command.stderr, stderrLimit);
    try {
      const outcome = await Promise.race([
        Promise.all([
          command.exited,
          finished(command.stdout, { writable: false }).catch(() => void 0)
        ]),
        abandoned
      ]).catch((err) => {
        if (stopped) return "ended";
        throw err;
      });
      exited = true;
      if (outcome === "abandoned") command.stdout.unpipe(stdout);
      const confirmed = outcome !== "abandoned";
      switch (stopped?.why) {
        case "timeout":
          throw new TransportTimeoutError(
            this.node,
            `command ${shown}`,
            options.timeoutMs,
            confirmed
          );
        case "stdin":
          throw new NodeError(
            this.node,
            `Node ${this.node}: the input for command ${shown} failed (${maskText(errorText(stopped.err), options.mask)}); the command was stopped.`,
            { cause: stopped.err }
          );
        case "reader":
          throw new NodeError(
            this.node,
            `Node ${this.node}: the reader of command ${shown} stopped before it finished; the command was stopped.`
          );
      }
      if (typeof outcome === "string") throw new Error(`unreachable: ${outcome} without a stop`);
      const [{ code, signal }] = outcome;
      return this.verdict(code, signal, stderr(), options, shown);
    } finally {
      exited = true;
      clearTimeout(timer);
    }
  }
  verdict(code, signal, stderr, options, shown) {
    const signo = signal ? osConstants.signals[signal] : void 0;
    const exitCode = code ?? 128 + (signo ?? 0);
    if (exitCode !== 0 && !options.allowFailure) {
      throw new CommandFailedError(
        this.node,
        shown,
        exitCode,
        stderr,
        options.mask,
        signal ?? void 0
      );
    }
    return { code: exitCode, stderr };
  }
};
var COMMIT_SCRIPT = `set -eu
temp=$1 target=$2 expected=$3 mode=$4 owner=$5
got=$(wc -c < "$temp")
if [ "$got" -ne "$expected" ]; then
  echo "kube-rescue: $temp holds $got bytes, expected $expected: upload incomplete" >&2
  exit 1
fi
if [ -n "$mode" ]; then chmod "$mode" "$temp"; fi
if [ -n "$owner" ]; then chown "$owner" "$temp"; fi
mv -f "$temp" "$target"`;
var UPLOAD_AND_COMMIT_SCRIPT = `(umask 077 && cat > "$1") || exit 1
${COMMIT_SCRIPT}`;
function checkWriteTarget(node, path, options) {
  if (!posix.isAbsolute(path) || path.endsWith("/")) {
    throw new InputError(`Cannot write '${path}' on node ${node}: give an absolute file path.`);
  }
  if (options.mode !== void 0 && !(Number.isInteger(options.mode) && options.mode >= 0 && options.mode <= 4095)) {
    throw new InputError(
      `Cannot write '${path}' on node ${node}: mode ${options.mode} is not a file mode (0 to 0o7777).`
    );
  }
  if (options.owner !== void 0 && !/^[A-Za-z0-9_][\w.-]*\$?(:[A-Za-z0-9_][\w.-]*\$?)?$/.test(options.owner)) {
    throw new InputError(
      `Cannot write '${path}' on node ${node}: owner '${options.owner}' is not of the form user[:group].`
    );
  }
  return {
    mode: options.mode === void 0 ? "" : options.mode.toString(8),
    owner: options.owner ?? ""
  };
}
function feedStdin(command, stdin, fail) {
  command.stdin.on("error", () => void 0);
  if (stdin === void 0) {
    command.stdin.end();
  } else if (typeof stdin === "string" || Buffer.isBuffer(stdin)) {
    command.stdin.end(stdin);
  } else {
    finishedCallback(stdin, { writable: false }, (err) => {
      if (err) fail(err);
    });
    stdin.pipe(command.stdin);
  }
}
function errorText(err) {
  return err instanceof Error ? err.message : String(err);
}
function collectTail(stream, limit) {
  const chunks = [];
  let size = 0;
  stream.on("data", (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
    while (size - chunks[0].length >= limit && chunks.length > 1) size -= chunks.shift().length;
  });
  return () => {
    const all = Buffer.concat(chunks);
    return (all.length > limit ? all.subarray(all.length - limit) : all).toString("utf8");
  };
}

export {
  KILL_GRACE_MS,
  startChildProcess,
  reportingPid,
  reportingPidUntilRead,
  takeEndMark,
  stopCommand,
  takePidMarker,
  CommandTransport
};
//# sourceMappingURL=chunk-TOAWPYOC.js.map
