/**
 * How long work reports what it is doing. The core never knows whether it runs in the
 * action (log groups, masking through the runner) or the CLI (stderr with elapsed time).
 */
export interface Progress {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
  /** A named phase of the work; the action shows it as a log group, the CLI as a heading. */
  phase<T>(name: string, work: () => Promise<T>): Promise<T>;
  /** Registers a value that must never appear in any log line from now on. */
  secret(value: string): void;
}

/** Replaces every registered secret in `text` with `***`. */
export function maskSecrets(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join('***');
  }
  return out;
}

/** Progress on stderr, with the time since start: the CLI's and the harness's reporter. */
export class StderrProgress implements Progress {
  private readonly started = Date.now();
  private readonly secrets = new Set<string>();
  constructor(
    private readonly opts: { verbose?: boolean; quiet?: boolean; write?: (s: string) => void } = {},
  ) {}

  private emit(prefix: string, message: string): void {
    if (this.opts.quiet && prefix !== 'warn') return;
    const elapsed = ((Date.now() - this.started) / 1000).toFixed(1).padStart(6);
    const line = `[${elapsed}s] ${prefix === 'info' ? '' : `${prefix}: `}${maskSecrets(message, this.secrets)}\n`;
    (this.opts.write ?? ((s: string) => process.stderr.write(s)))(line);
  }
  info(message: string): void {
    this.emit('info', message);
  }
  warn(message: string): void {
    this.emit('warn', message);
  }
  debug(message: string): void {
    if (this.opts.verbose) this.emit('debug', message);
  }
  async phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    const t0 = Date.now();
    this.emit('info', `▶ ${name}`);
    try {
      const result = await work();
      this.emit('info', `✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      return result;
    } catch (err) {
      this.emit('info', `✖ ${name} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
      throw err;
    }
  }
  secret(value: string): void {
    if (value) this.secrets.add(value);
  }
}

/** Swallows everything; for tests and library callers that want silence. */
export const silentProgress: Progress = {
  info() {},
  warn() {},
  debug() {},
  phase: (_name, work) => work(),
  secret() {},
};
