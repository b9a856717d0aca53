import { createRequire as __krCreateRequire } from 'node:module'; import { dirname as __krDirname } from 'node:path'; import { fileURLToPath as __krFileURLToPath } from 'node:url'; const require = __krCreateRequire(import.meta.url); const __filename = __krFileURLToPath(import.meta.url); const __dirname = __krDirname(__filename);
import {
  InputError,
  OperationError
} from "./chunk-ZIEKZMFP.js";

// src/progress.ts
function maskSecrets(text, secrets) {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join("***");
  }
  return out;
}
var silentProgress = {
  info() {
  },
  warn() {
  },
  debug() {
  },
  phase: (_name, work) => work(),
  secret() {
  }
};

// src/nodes/errors.ts
var STDERR_TAIL_LINES = 12;
var NodeError = class extends OperationError {
  constructor(node, message, options) {
    super(message, options);
    this.node = node;
  }
  node;
};
var UnreachableError = class extends NodeError {
  constructor(node, detail, options) {
    super(node, `Node ${node} is unreachable: ${detail}`, options);
  }
};
var AuthError = class extends NodeError {
  constructor(node, detail, options) {
    super(node, `Node ${node} refused authentication: ${detail}`, options);
  }
};
var HostKeyError = class extends NodeError {
  constructor(node, detail) {
    super(node, `Node ${node}: host key check failed: ${detail}`);
  }
};
var TransportTimeoutError = class extends NodeError {
  constructor(node, what, timeoutMs, stopped = true) {
    const fate = stopped ? "it was stopped" : "it did not stop when told and may still be running there";
    super(
      node,
      `Node ${node}: ${what} did not finish within ${formatMs(timeoutMs)}; ${fate}. Check that the node is responsive, or allow more time.`
    );
    this.what = what;
    this.timeoutMs = timeoutMs;
    this.stopped = stopped;
  }
  what;
  timeoutMs;
  stopped;
};
var CommandFailedError = class extends NodeError {
  constructor(node, command, commandExitCode, stderr, mask = [], signal) {
    const tail = lastLines(maskText(stderr, mask), STDERR_TAIL_LINES);
    const how = signal ? `was killed by ${signal}` : `exited with code ${commandExitCode}`;
    const shown = tail ? `
Last lines of stderr:
${indent(tail)}` : "\n(stderr was empty)";
    super(node, `Node ${node}: command ${how}: ${command}${shown}`);
    this.command = command;
    this.commandExitCode = commandExitCode;
    this.stderrTail = tail;
  }
  command;
  commandExitCode;
  /** The last lines of stderr, masked. */
  stderrTail;
};
function displayCommand(argv, mask = []) {
  const text = argv.map((a) => /^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a)).join(" ");
  const masked = maskText(text, mask);
  return masked.length > 600 ? `${masked.slice(0, 600)}\u2026 (${masked.length} chars)` : masked;
}
function maskText(text, mask = []) {
  return mask.length ? maskSecrets(text, maskVariants(mask)) : text;
}
function maskVariants(mask) {
  const out = /* @__PURE__ */ new Set();
  for (const m of mask) {
    if (!m) continue;
    out.add(m);
    out.add(JSON.stringify(m).slice(1, -1));
  }
  return [...out].sort((a, b) => b.length - a.length);
}
function lastLines(text, n) {
  const lines = text.replace(/\s+$/, "").split("\n");
  return lines.slice(-n).join("\n");
}
function indent(text) {
  return text.split("\n").map((l) => `  ${l}`).join("\n");
}
function formatMs(ms) {
  return ms >= 1e3 ? `${(ms / 1e3).toFixed(ms % 1e3 === 0 ? 0 : 1)} s` : `${ms} ms`;
}

// src/nodes/shell-quote.ts
var PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;
function shellQuote(arg) {
  if (arg.includes("\0")) {
    throw new InputError(
      "A command argument contains a NUL byte, which no process argument can carry; remove it."
    );
  }
  if (PLAIN_WORD.test(arg)) return arg;
  return `'${arg.replaceAll("'", `'\\''`)}'`;
}
function shellCommand(argv) {
  if (argv.length === 0) throw new InputError("An empty command cannot be run on a node.");
  return argv.map(shellQuote).join(" ");
}

export {
  silentProgress,
  NodeError,
  UnreachableError,
  AuthError,
  HostKeyError,
  TransportTimeoutError,
  CommandFailedError,
  displayCommand,
  maskText,
  shellQuote,
  shellCommand
};
//# sourceMappingURL=chunk-SNZZQUVR.js.map
