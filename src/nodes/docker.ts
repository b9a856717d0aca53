import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { InputError } from '../errors.js';
import { CommandTransport } from './command-transport.js';
import { displayCommand, NodeError, UnreachableError } from './errors.js';
import {
  KILL_GRACE_MS,
  reportingPid,
  reportingPidUntilRead,
  type StartedCommand,
  startChildProcess,
  stopCommand,
  takeEndMark,
  takePidMarker,
} from './started-command.js';

export interface DockerTransportOptions {
  /** The container to `docker exec` into; default: the node name (kind and harness nodes). */
  container?: string;
  /** The docker CLI; default `docker` from PATH. */
  dockerCli?: string;
}

/** Docker's own rule for container names. */
const CONTAINER_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
/** docker's messages for a container that cannot take commands. */
const CONTAINER_GONE =
  /No such container|is not running|is paused|is restarting|Cannot connect to the Docker daemon|docker\.sock: connect: permission denied/i;

/** Commands through `docker exec` into a named container, as for kind nodes and the harness's. */
export class DockerTransport extends CommandTransport {
  readonly kind = 'docker' as const;
  readonly container: string;
  private readonly cli: string;

  constructor(node: string, options: DockerTransportOptions = {}) {
    super(node);
    this.container = options.container ?? node;
    this.cli = options.dockerCli ?? 'docker';
    if (!CONTAINER_NAME.test(this.container)) {
      throw new InputError(
        `'${this.container}' is not a docker container name (node ${node}); names are letters, digits, '_', '.', '-'.`,
      );
    }
  }

  async close(): Promise<void> {}

  /**
   * A command without input runs in `reportingPidUntilRead`'s wrapper: it stays until its end
   * mark has been read here, so dockerd's 2 s after the exit can no longer drop the tail of its
   * output, and output that ends without the mark is an error, never a short answer. A command
   * fed on stdin (an upload, whose output is a line) runs as it always did.
   */
  protected async start(
    argv: readonly string[],
    env: Record<string, string>,
    input: boolean,
  ): Promise<StartedCommand> {
    // `-e NAME` without a value makes docker take it from its own environment, so values
    // (tokens, keys) never appear on a command line.
    const envFlags = Object.keys(env).flatMap((name) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
        throw new InputError(
          `'${name}' is not a valid environment variable name (for node ${this.node}).`,
        );
      }
      return ['-e', name];
    });
    const mark = input ? undefined : `kube-rescue-end-${randomBytes(16).toString('hex')}`;
    let client: StartedCommand;
    try {
      client = await startChildProcess(
        this.cli,
        [
          'exec',
          '-i',
          ...envFlags,
          this.container,
          ...(mark ? reportingPidUntilRead(argv, mark) : reportingPid(argv)),
        ],
        { ...process.env, ...env },
      );
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new UnreachableError(
          this.node,
          `the docker CLI ('${this.cli}') is not installed on this machine.`,
          { cause: err },
        );
      }
      throw err;
    }

    let pid: number | undefined;
    let stopRequested = false;
    let early = '';
    const signal = (name: 'TERM' | 'KILL') => {
      if (pid === undefined) return;
      execFile(this.cli, ['exec', this.container, ...stopCommand(pid, name)], () => undefined);
    };
    const stop = () => {
      signal('TERM');
      setTimeout(() => {
        signal('KILL');
        client.kill();
      }, KILL_GRACE_MS).unref();
    };
    const stderr = takePidMarker(client.stderr, (reported) => {
      pid = reported;
      if (stopRequested) stop();
    });
    stderr.on('data', (chunk: Buffer) => {
      if (pid === undefined && early.length < 4096) early += chunk.toString();
    });
    // The wrapper waits on stdin: closing it, once the mark is in, lets it exit.
    client.stdin.on('error', () => undefined);
    const end = mark
      ? takeEndMark(client.stdout, Buffer.from(mark), () => client.stdin.end())
      : undefined;
    // Without the PID line the command never started: what failed is docker, not the command.
    const exited = Promise.all([
      client.exited,
      end ? finished(end.stdout, { readable: false }).catch(() => undefined) : undefined,
    ]).then(([status]) => {
      if (pid === undefined && status.code !== 0 && !stopRequested) {
        throw this.dockerFailure(early.trim(), status.code);
      }
      if (end && !end.complete() && !stopRequested) {
        throw new NodeError(
          this.node,
          `Node ${this.node}: the output of ${displayCommand(argv, [])} through 'docker exec' into container ${this.container} ended without kube-rescue's end mark (exit ${status.code ?? status.signal}): it was cut short on its way, and is not used. Check the container and docker's daemon, and retry.`,
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
        if (pid !== undefined) return stop();
        // Not started yet: the PID line will trigger the stop; killing the client now would
        // cut us off from it and leave the command running in the container.
        setTimeout(() => {
          if (pid === undefined) client.kill();
        }, KILL_GRACE_MS).unref();
      },
    };
  }

  private dockerFailure(text: string, code: number | null): NodeError {
    const detail = text || `docker exited with code ${code} and no message`;
    if (CONTAINER_GONE.test(text)) {
      return new UnreachableError(
        this.node,
        `container ${this.container}: ${detail}. Check 'docker ps -a' and that the container runs.`,
      );
    }
    return new NodeError(
      this.node,
      `Node ${this.node}: 'docker exec' into container ${this.container} failed (exit ${code}): ${detail}`,
    );
  }
}
