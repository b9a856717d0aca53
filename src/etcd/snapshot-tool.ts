import { OperationError } from '../errors.js';
import { CommandFailedError } from '../nodes/errors.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { ExecOptions, ExecResult, Transport } from '../nodes/transport.js';
import { type Progress, silentProgress } from '../progress.js';
import { parseSnapshotStatus, type SnapshotStatus } from './etcdctl-output.js';
import {
  defaultToolCommands,
  type EtcdToolCommands,
  type EtcdTools,
  etcdctlEnv,
  etcdToolsOf,
  supportsBumpRevision,
} from './version.js';

export interface SnapshotRestoreOptions {
  snapshot: string;
  dataDir: string;
  name: string;
  initialCluster: string;
  initialClusterToken: string;
  initialAdvertisePeerUrls: string[];
  /** Raise the revision by this much (OpenShift uses 1,000,000,000) where the tool can. */
  bumpRevision?: number;
  markCompacted?: boolean;
  /** The file was copied from a data dir, so it has no hash trailer. */
  skipHashCheck?: boolean;
}

/**
 * Shell lines run with the tool in one command on the node (one round trip): `before` it, and
 * `after` it only when it succeeded. Each line must stop the script itself on a failure.
 */
export interface ShellAround {
  before?: readonly string[];
  after?: readonly string[];
}

export interface SnapshotRestoreResult {
  dataDir: string;
  tool: 'etcdctl' | 'etcdutl';
  bumpedBy: number;
  /** Why a requested bump was not applied. */
  bumpSkipped?: string;
}

/**
 * The offline half of etcd's tools — `snapshot status` and `snapshot restore` on files of a
 * node, no endpoint and no certs: etcdutl on 3.5+, etcdctl on 3.4 (chosen by detectEtcdTools).
 * `verify --deep` uses it on the runner; recovery on the node being restored.
 */
export class EtcdSnapshotTool {
  private tools: EtcdTools | undefined;
  private readonly progress: Progress;

  constructor(
    readonly transport: Transport,
    private readonly options: {
      tools?: EtcdTools;
      commands?: EtcdToolCommands;
      progress?: Progress;
    } = {},
  ) {
    this.tools = options.tools;
    this.progress = options.progress ?? silentProgress;
  }

  async etcdTools(): Promise<EtcdTools> {
    this.tools ??= await etcdToolsOf(this.transport, this.options.commands ?? defaultToolCommands);
    return this.tools;
  }

  /** `shell`: lines run in the same command before the tool and after it succeeded. */
  private async run(args: string[], what: string, shell?: ShellAround): Promise<ExecResult> {
    const tools = await this.etcdTools();
    const argv = [...tools.commands[tools.snapshotTool], ...args];
    const options: ExecOptions = {
      env: tools.snapshotTool === 'etcdctl' ? etcdctlEnv(tools) : {},
      timeoutMs: 30 * 60_000,
    };
    try {
      if (!shell) return await this.transport.exec(argv, options);
      const script = [
        ...(shell.before ?? []),
        `${shellCommand(argv)} || exit $?`,
        ...(shell.after ?? []),
      ];
      return await this.transport.script(script.join('\n'), options);
    } catch (err) {
      if (!(err instanceof CommandFailedError)) throw err;
      let hint = '';
      if (/exists/i.test(err.stderrTail) && args.includes('restore')) {
        hint =
          ' The target data dir already exists: move it aside first (never delete it), then restore.';
      } else if (/hash mismatch|invalid|bad|no such file|not a valid/i.test(err.stderrTail)) {
        hint = ' Check the snapshot file itself (kube-rescue verify).';
      }
      throw new OperationError(
        `Node ${this.transport.node}: ${what} failed.${hint}\n${err.message}`,
        {
          cause: err,
        },
      );
    }
  }

  async status(path: string): Promise<SnapshotStatus> {
    const res = await this.run(
      ['snapshot', 'status', path, '-w', 'json'],
      `snapshot status ${path}`,
    );
    return parseSnapshotStatus(res.stdout);
  }

  /**
   * Restores into `dataDir`, which must not exist yet (the caller moves an old one aside).
   * A requested revision bump is applied only where the tool offers it; otherwise the
   * result says why it was skipped.
   */
  async restore(o: SnapshotRestoreOptions, shell?: ShellAround): Promise<SnapshotRestoreResult> {
    const tools = await this.etcdTools();
    const args = [
      'snapshot',
      'restore',
      o.snapshot,
      `--data-dir=${o.dataDir}`,
      `--name=${o.name}`,
      `--initial-cluster=${o.initialCluster}`,
      `--initial-cluster-token=${o.initialClusterToken}`,
      `--initial-advertise-peer-urls=${o.initialAdvertisePeerUrls.join(',')}`,
    ];
    if (o.skipHashCheck) args.push('--skip-hash-check');
    const result: SnapshotRestoreResult = {
      dataDir: o.dataDir,
      tool: tools.snapshotTool,
      bumpedBy: 0,
    };
    if (o.bumpRevision && o.bumpRevision > 0) {
      const can = supportsBumpRevision(tools);
      if (can.ok) {
        args.push(`--bump-revision=${o.bumpRevision}`);
        if (o.markCompacted !== false) args.push('--mark-compacted');
        result.bumpedBy = o.bumpRevision;
      } else {
        result.bumpSkipped = can.reason;
        this.progress.warn(can.reason);
      }
    }
    await this.run(args, `snapshot restore into ${o.dataDir}`, shell);
    return result;
  }
}
