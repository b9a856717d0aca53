import { posix } from 'node:path';
import { Readable } from 'node:stream';
import { OperationError } from '../errors.js';
import { EtcdCtl } from '../etcd/etcdctl.js';
import type { SnapshotStatus } from '../etcd/etcdctl-output.js';
import type { DirectEtcdAccess } from '../etcd/fingerprint.js';
import { connectMember, countKeys, snapshotMessages } from '../etcd/grpc-wire.js';
import type { BackupPath } from '../etcd/layout.js';
import {
  type SnapshotChecks,
  startSnapshotChecks,
  type TrailerResult,
} from '../etcd/snapshot-checks.js';
import { type SnapshotTrailerCheck, SnapshotTrailerReader } from '../etcd/snapshot-file.js';
import type { StreamingExec, Transport } from '../nodes/transport.js';
import type { Progress } from '../progress.js';
import type { PlaintextCheck } from './pipeline.js';

/**
 * What a backup reads from the nodes: the etcd snapshot (saved by etcdctl on a node, checked
 * there, then streamed) and each control-plane node's certificate/manifest files (as one tar
 * stream). Every side effect goes through the node's Transport.
 */

/** A member the snapshot can be taken from: `ctl` runs etcdctl on `node`, with its certs. */
export interface SnapshotSource {
  member: string;
  node: string;
  endpoint: string;
  ctl: EtcdCtl;
  /**
   * Set when this machine reaches `endpoint` itself (transport local): the snapshot then
   * streams straight from the member's gRPC Snapshot call instead of etcdctl saving a file.
   */
  direct?: DirectEtcdAccess;
}

export interface TakenSnapshot {
  source: SnapshotSource;
  /**
   * `snapshot status` of the file on the node, running while the file streams out (both only
   * read it); it must resolve before the set is committed.
   */
  status: Promise<SnapshotStatus>;
  /** Path of the snapshot file on the node, inside our own temp dir. */
  path: string;
  dir: string;
  bytes: number;
  /** Members tried before this one, and why each failed. */
  failedAttempts: { member: string; error: string }[];
}

const TEMP_PREFIX = 'kube-rescue-snapshot.';

/**
 * etcdctl 3.4 bounds `snapshot save` by --command-timeout (15 s by default): far too short for
 * a GiB snapshot on a busy member. Dead members still fail fast, on the dial timeout.
 */
export const SNAPSHOT_COMMAND_TIMEOUT_MS = 30 * 60_000;

/** An etcdctl for `snapshot save` from exactly `endpoint`, with the long command timeout. */
export function snapshotCtl(ctl: EtcdCtl, endpoint: string): EtcdCtl {
  return new EtcdCtl(ctl.transport, {
    ...ctl.options,
    endpoints: [endpoint],
    commandTimeoutMs: SNAPSHOT_COMMAND_TIMEOUT_MS,
  });
}

/**
 * Saves a snapshot from the first source that succeeds (`etcdctl snapshot save` to one
 * endpoint, into a private temp dir on the node) and starts its `snapshot status` there.
 * A member that dies or times out is skipped for the next one; when all fail, the error
 * lists every attempt. Nothing is left on the nodes for failed attempts.
 */
export async function takeSnapshot(
  sources: readonly SnapshotSource[],
  progress: Progress,
): Promise<TakenSnapshot> {
  if (sources.length === 0) {
    throw new OperationError(
      'No healthy etcd member to take a snapshot from. Check the cluster (kube-rescue plan) before backing up.',
    );
  }
  const failedAttempts: { member: string; error: string }[] = [];
  for (const source of sources) {
    const t = source.ctl.transport;
    let dir: string | undefined;
    try {
      const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${TEMP_PREFIX}XXXXXX"`, {
        timeoutMs: 20_000,
      });
      dir = made.stdout.trim();
      const path = posix.join(dir, 'etcd.db');
      progress.info(
        `Saving the etcd snapshot from member ${source.member} (${source.endpoint}) on node ${source.node}`,
      );
      const saved = await source.ctl.snapshotSave(source.endpoint, path);
      const status = source.ctl.snapshotStatus(path);
      status.catch(() => {});
      return { source, status, path, dir, bytes: saved.bytes, failedAttempts };
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      failedAttempts.push({ member: source.member, error });
      progress.warn(
        `Snapshot from member ${source.member} failed; trying the next healthy member. ${error}`,
      );
      if (dir) await removeTempDir(t, dir);
    }
  }
  throw new OperationError(
    `Could not take an etcd snapshot from any of ${sources.length} healthy member(s):\n${failedAttempts
      .map((a) => `- ${a.member}: ${a.error}`)
      .join('\n')}\nNothing was stored. Check the members' health and retry.`,
  );
}

async function removeTempDir(t: Transport, dir: string): Promise<void> {
  // Only ever a directory mktemp made for us; refuse anything else.
  if (!posix.basename(dir).startsWith(TEMP_PREFIX)) return;
  await t.exec(['rm', '-rf', '--', dir], { allowFailure: true, timeoutMs: 60_000 }).catch(() => {});
}

/** A snapshot flowing from a member's gRPC Snapshot call, checked as it flows. */
export interface StreamedSnapshot {
  source: SnapshotSource;
  /** The snapshot's bytes, trailer included, as etcd sends them. */
  stream: Readable;
  /**
   * What `snapshot status` says of these bytes, computed as they stream past (no file of our
   * own: the snapshot is written once, to the store); it settles once the stream has ended,
   * and must resolve before the set is committed.
   */
  status: Promise<SnapshotStatus>;
  /** Size etcd announced for the whole file (trailer included); after the stream ended. */
  announcedBytes(): number | undefined;
  /** etcd's sha256 trailer checked, and the sha256 of every byte, once the stream ended. */
  trailer(): Promise<TrailerResult>;
  /**
   * The member's revision just before the snapshot began: the snapshot's own revision
   * unless a write came between, so a check at the snapshot's revision can start now.
   */
  startRevision?: number;
  /** Closes the client. */
  discard(): Promise<void>;
}

/**
 * Streams the snapshot from `source.direct` (one member) straight into the pipeline. The
 * `snapshot status` of the same bytes is computed on the way (SnapshotStatusReader), so
 * nothing is saved and read back and no second copy is written. A dead member fails here or
 * mid-stream; the caller tries the next one.
 *
 * Why the status is as strong as the tool's run on a copy was: the reader sees every byte
 * the store gets, once and in order (it sits in the same stream, before the pipeline's
 * sha256 trailer check, which proves those bytes are the ones etcd hashed as it read its
 * db); it gives what the tool gives (hash, revision, size; tested against etcdctl 3.4 and
 * etcdutl 3.6 on real snapshots) after the checks bbolt's tx.Check makes in etcd 3.4, and
 * fails the backup when they fail. Where the machine's tool is etcdutl 3.6+, whose totalKey
 * is the number of live keys rather than of stored revisions, that number is the member's
 * own count at the snapshot's revision (a count-only range; the same keys the file holds).
 */
export async function streamSnapshot(
  source: SnapshotSource,
  progress: Progress,
  /** Run the checks on a worker thread (see startSnapshotChecks). */
  opts: { checksOnWorker?: boolean } = {},
): Promise<StreamedSnapshot> {
  if (!source.direct) throw new Error(`streamSnapshot: member ${source.member} is not direct`);
  const wire = await connectMember(source.direct, source.endpoint);
  // The status and the sha256 trailer of the bytes on their way.
  const checks = startSnapshotChecks(`the snapshot from member ${source.member}`, {
    worker: opts.checksOnWorker ?? true,
  });
  const discard = async () => {
    checks.close();
    wire.close();
  };
  try {
    progress.info(`Streaming the etcd snapshot from member ${source.member} (${source.endpoint})`);
    // Only a head start for HashKV: a member that refuses this read (etcd auth without read
    // permission) still gets backed up, with HashKV asked after the stream as before.
    const head = await countKeys(wire).catch(() => undefined);
    const call = snapshotMessages(wire);
    let results: ReturnType<SnapshotChecks['finish']> | undefined;
    let announced: number | undefined;
    let received = 0;
    let ended: () => void;
    let failed: (err: Error) => void;
    const streamed = new Promise<void>((resolve, reject) => {
      ended = resolve;
      failed = reject;
    });
    streamed.catch(() => {});
    async function* blobs(): AsyncGenerator<Buffer> {
      try {
        for await (const m of call) {
          // etcd announces the db size in the first message; the 32-byte sha256 comes last.
          announced ??= m.remainingBytes + m.blob.length + 32;
          received += m.blob.length;
          const held = checks.update(m.blob);
          if (held) await held;
          yield m.blob;
        }
        if (announced !== undefined && received !== announced) {
          throw new OperationError(
            `The snapshot stream from member ${source.member} (${source.endpoint}) ended after ${received} of ${announced} bytes.`,
          );
        }
        results = checks.finish();
        ended();
      } catch (err) {
        failed(err as Error);
        throw err;
      } finally {
        // Stopped early (the pipeline failed): end the call so etcd stops sending.
        await call.return(undefined);
        failed(new OperationError('the snapshot stream was stopped before its end'));
      }
    }
    const status = streamed.then(async () => {
      const s = await results!.status;
      if (!(await countsLiveKeys(source.ctl))) return s;
      return { ...s, totalKey: (await countKeys(wire, s.revision)).count };
    });
    status.catch(() => {});
    return {
      source,
      stream: Readable.from(blobs(), { objectMode: true, highWaterMark: 32 }),
      status,
      announcedBytes: () => announced,
      trailer: () => streamed.then(() => results!.trailer),
      ...(head ? { startRevision: head.revision } : {}),
      discard,
    };
  } catch (err) {
    await discard();
    throw err;
  }
}

/**
 * etcdutl 3.6 changed `snapshot status`'s totalKey from every stored revision of every key
 * (all buckets) to the keys live at the last revision; the manifest records what this
 * machine's tool says, as `verify` compares it with its own.
 */
async function countsLiveKeys(ctl: EtcdCtl): Promise<boolean> {
  const tools = await ctl.etcdTools();
  const v = tools.snapshotTool === 'etcdutl' ? tools.etcdutl : tools.etcdctl;
  return v !== undefined && (v.major > 3 || (v.major === 3 && v.minor >= 6));
}

/** Removes the node-side temp copy of a snapshot once it is stored (or the backup failed). */
export function discardSnapshot(taken: TakenSnapshot): Promise<void> {
  return removeTempDir(taken.source.ctl.transport, taken.dir);
}

/** The snapshot file on its node, as a stream. */
export function readSnapshot(taken: TakenSnapshot): StreamingExec {
  return taken.source.ctl.transport.execStream(['cat', '--', taken.path], {
    timeoutMs: 6 * 3600_000,
  });
}

/**
 * etcd's sha256 trailer checked as a PlaintextCheck, for a pipeline whose hashing stage does
 * not do it itself (storeObject/readObject take `snapshotTrailer` and share one hash instead).
 * A bad trailer fails the object; with `failStream: false` it is only recorded for `result()`.
 */
export function snapshotTrailerCheck(
  name: string,
  opts: { failStream?: boolean } = {},
): PlaintextCheck & { result(): Promise<SnapshotTrailerCheck> } {
  const reader = new SnapshotTrailerReader(name);
  let result: SnapshotTrailerCheck | undefined;
  return {
    update(chunk) {
      reader.update(chunk);
    },
    finish() {
      const { fileSha256: _whole, ...r } = reader.finish();
      result = r;
      if (!r.ok && opts.failStream !== false)
        throw new OperationError(r.detail ?? `${name}: the sha256 trailer does not match.`);
    },
    result: async () => {
      if (!result) throw new Error('snapshotTrailerCheck.result() before the end');
      return result;
    },
  };
}

/** Which of `paths` exist on the node (a symlink counts, even dangling: tar keeps it as one). */
export async function existingPaths(
  t: Transport,
  paths: readonly BackupPath[],
): Promise<{ present: string[]; missingRequired: string[]; missingOptional: string[] }> {
  const res = await t.exec(
    [
      'sh',
      '-c',
      'for p in "$@"; do if [ -e "$p" ] || [ -L "$p" ]; then echo "+$p"; else echo "-$p"; fi; done',
      'kube-rescue-check',
      ...paths.map((p) => p.path),
    ],
    { timeoutMs: 20_000 },
  );
  const present = new Set(
    res.stdout
      .split('\n')
      .filter((l) => l.startsWith('+'))
      .map((l) => l.slice(1)),
  );
  return {
    present: paths.filter((p) => present.has(p.path)).map((p) => p.path),
    missingRequired: paths.filter((p) => p.required && !present.has(p.path)).map((p) => p.path),
    missingOptional: paths.filter((p) => !p.required && !present.has(p.path)).map((p) => p.path),
  };
}

/**
 * A tar of `paths` streamed from the node: modes, numeric owners and symlinks as they are
 * (tar does not follow symlinks). Paths are absolute; the archive holds them relative to /.
 */
export function archivePaths(t: Transport, paths: readonly string[]): StreamingExec {
  const relative = paths.map((p) => p.replace(/^\/+/, ''));
  return t.execStream(['tar', '-cf', '-', '--numeric-owner', '-C', '/', '--', ...relative], {
    timeoutMs: 3600_000,
  });
}
