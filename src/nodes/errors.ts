import { OperationError } from '../errors.js';
import { maskSecrets } from '../progress.js';

/**
 * Why a node could not be used. Callers (the probe, recovery steps) branch on the class:
 * an unreachable node is a finding, a failed command is a fault.
 */

/** How many trailing stderr lines an error carries: enough to see the cause, not a log dump. */
export const STDERR_TAIL_LINES = 12;

/** A failure on one node; `node` is its inventory name. */
export class NodeError extends OperationError {
  constructor(
    readonly node: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** Nothing answered: connection refused, no route, unknown host, no such container. */
export class UnreachableError extends NodeError {
  constructor(node: string, detail: string, options?: { cause?: unknown }) {
    super(node, `Node ${node} is unreachable: ${detail}`, options);
  }
}

/** The node answered but would not let us in (key refused, sudo needs a password). */
export class AuthError extends NodeError {
  constructor(node: string, detail: string, options?: { cause?: unknown }) {
    super(node, `Node ${node} refused authentication: ${detail}`, options);
  }
}

/** The node's SSH host key is unknown or differs from known_hosts: refused, never trusted blindly. */
export class HostKeyError extends NodeError {
  constructor(node: string, detail: string) {
    super(node, `Node ${node}: host key check failed: ${detail}`);
  }
}

/** Connecting or a command took longer than allowed. */
export class TransportTimeoutError extends NodeError {
  constructor(
    node: string,
    readonly what: string,
    readonly timeoutMs: number,
    /** false when the node did not confirm the stop: the command may still be running there. */
    readonly stopped = true,
  ) {
    const fate = stopped
      ? 'it was stopped'
      : 'it did not stop when told and may still be running there';
    super(
      node,
      `Node ${node}: ${what} did not finish within ${formatMs(timeoutMs)}; ${fate}. ` +
        'Check that the node is responsive, or allow more time.',
    );
  }
}

/** A command ran and exited non-zero (or was killed by a signal). */
export class CommandFailedError extends NodeError {
  /** The last lines of stderr, masked. */
  readonly stderrTail: string;
  constructor(
    node: string,
    /** The command as shown to people, secrets already masked. */
    readonly command: string,
    /** The command's own exit code (`exitCode` is the CLI's, 1). */
    readonly commandExitCode: number,
    stderr: string,
    mask: readonly string[] = [],
    signal?: string,
  ) {
    const tail = lastLines(maskText(stderr, mask), STDERR_TAIL_LINES);
    const how = signal ? `was killed by ${signal}` : `exited with code ${commandExitCode}`;
    const shown = tail ? `\nLast lines of stderr:\n${indent(tail)}` : '\n(stderr was empty)';
    super(node, `Node ${node}: command ${how}: ${command}${shown}`);
    this.stderrTail = tail;
  }
}

/** `argv` as a person would type it, with every masked value replaced by ***. */
export function displayCommand(argv: readonly string[], mask: readonly string[] = []): string {
  const text = argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');
  const masked = maskText(text, mask);
  return masked.length > 600 ? `${masked.slice(0, 600)}… (${masked.length} chars)` : masked;
}

/** `text` with every value of `mask` (raw or JSON-escaped) replaced by ***. */
export function maskText(text: string, mask: readonly string[] = []): string {
  return mask.length ? maskSecrets(text, maskVariants(mask)) : text;
}

/** A secret can show up quoted (JSON escapes), so mask its escaped form too. */
function maskVariants(mask: readonly string[]): string[] {
  const out = new Set<string>();
  for (const m of mask) {
    if (!m) continue;
    out.add(m);
    out.add(JSON.stringify(m).slice(1, -1));
  }
  // Longest first, so a secret that contains another is masked whole.
  return [...out].sort((a, b) => b.length - a.length);
}

export function lastLines(text: string, n: number): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  return lines.slice(-n).join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}
