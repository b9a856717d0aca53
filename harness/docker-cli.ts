import { spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { OperationError } from '../src/errors.js';

/**
 * The docker CLI, for the parts testcontainers has no API for (internal networks with a
 * chosen subnet, `docker import`, network disconnect/connect, label-filtered cleanup).
 */
export interface DockerRunOptions {
  /** Data piped to the command's stdin. */
  stdin?: Readable | string | Buffer;
  /** Return a non-zero exit instead of throwing. */
  allowFailure?: boolean;
  timeoutMs?: number;
  /** Called with each line the command writes (stdout and stderr), e.g. for progress. */
  onLine?: (line: string) => void;
}

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function dockerBinary(): string {
  return process.env.KUBE_RESCUE_DOCKER ?? 'docker';
}

export function docker(
  args: readonly string[],
  opts: DockerRunOptions = {},
): Promise<DockerResult> {
  return runCommand(dockerBinary(), args, opts);
}

/** Runs a host command without a shell; the error names the command and its stderr. */
export function runCommand(
  file: string,
  args: readonly string[],
  opts: DockerRunOptions = {},
): Promise<DockerResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    const lines = (b: Buffer) => {
      if (opts.onLine) for (const l of b.toString('utf8').split('\n')) if (l.trim()) opts.onLine(l);
    };
    child.stdout.on('data', (b: Buffer) => {
      out.push(b);
      lines(b);
    });
    child.stderr.on('data', (b: Buffer) => {
      err.push(b);
      lines(b);
    });
    child.on('error', (e) => {
      if (timer) clearTimeout(timer);
      reject(
        new OperationError(
          `Could not run \`${file}\`: ${e.message}. Is it installed and on PATH?`,
          { cause: e },
        ),
      );
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      const result = {
        code: code ?? -1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (timedOut) {
        reject(
          new OperationError(
            `\`${file} ${args.join(' ')}\` did not finish in ${opts.timeoutMs} ms.`,
          ),
        );
      } else if (result.code !== 0 && !opts.allowFailure) {
        reject(
          new OperationError(
            `\`${file} ${args.join(' ')}\` failed (exit ${result.code}): ${result.stderr.trim() || result.stdout.trim()}`,
          ),
        );
      } else {
        resolve(result);
      }
    });
    child.stdin.on('error', () => {
      // The command may exit before reading all of stdin; its exit code tells what happened.
    });
    const input = opts.stdin;
    if (input === undefined) child.stdin.end();
    else if (typeof input === 'string' || Buffer.isBuffer(input)) child.stdin.end(input);
    else input.pipe(child.stdin);
  });
}
