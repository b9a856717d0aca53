import { Readable } from 'node:stream';
import { OperationError } from '../errors.js';
import type { Member, SnapshotStatus } from '../etcd/etcdctl-output.js';
import type { EtcdHashKV, KeyspaceFingerprint } from '../etcd/fingerprint.js';
import type { BackupPath } from '../etcd/layout.js';
import type { StreamingExec, Transport } from '../nodes/transport.js';
import type { Progress } from '../progress.js';
import { formatSetName } from '../stores/set-name.js';
import type { PendingSet, Store } from '../stores/store.js';
import type { AgeRecipient } from './age.js';
import {
  archivePaths,
  discardSnapshot,
  existingPaths,
  readSnapshot,
  type SnapshotSource,
  type StreamedSnapshot,
  streamSnapshot,
  takeSnapshot,
} from './collect.js';
import { type Compression, requireCompression } from './compression.js';
import { buildManifest, type Manifest, serializeManifest } from './manifest.js';
import { type StoredObject, storeObject } from './pipeline.js';
import { MANIFEST_SIGNATURE, signManifest } from './signature.js';

/** Everything a backup reads from, resolved by the command (inventory or local access). */
export interface BackupSources {
  cluster: string;
  flavor: 'kubespray' | 'kubeadm' | 'unknown';
  etcdVersion: string;
  members: Member[];
  /** Healthy members in order of preference. */
  snapshotSources: SnapshotSource[];
  /** Control-plane nodes whose files are archived; empty with --etcd-only. */
  nodes: { node: string; transport: Transport; paths: BackupPath[] }[];
  /** etcd's key hash at a revision, from a healthy member; absent where it is not wanted. */
  hashKV?: (revision: number, member: SnapshotSource) => Promise<EtcdHashKV>;
  /** The full keyspace fingerprint at a revision (a second read); absent unless asked for. */
  fingerprint?: (revision: number) => Promise<KeyspaceFingerprint>;
}

export interface WriteSetOptions {
  compression: Compression;
  recipients: readonly AgeRecipient[];
  progress: Progress;
  now?: Date;
  /** SSH private key file: manifest.json is signed with it (manifest.json.sig). */
  signKeyFile?: string;
}

/** Stores one stream and then insists its producer exited cleanly (tar/cat exit code). */
async function storeFromNode(
  exec: StreamingExec,
  pending: PendingSet,
  opts: Parameters<typeof storeObject>[2],
): Promise<StoredObject> {
  const done = exec.done;
  done.catch(() => {});
  const stored = await storeObject(exec.stdout, pending, opts);
  await done;
  return stored;
}

/** The snapshot object in the pending set, with its `snapshot status` still to be awaited. */
interface SnapshotInSet {
  source: SnapshotSource;
  stored: StoredObject;
  status: Promise<SnapshotStatus>;
  discard(): Promise<void>;
}

function snapshotObject(opts: WriteSetOptions, source: SnapshotSource) {
  return {
    base: 'etcd.db',
    kind: 'etcd-snapshot' as const,
    compression: opts.compression,
    recipients: opts.recipients,
    mode: 0o600,
    snapshotTrailer: `snapshot from member ${source.member}`,
  };
}

/** etcdctl saves the snapshot on a node (retrying other members), then it streams out. */
async function snapshotViaNode(
  sources: readonly SnapshotSource[],
  pending: PendingSet,
  opts: WriteSetOptions,
): Promise<SnapshotInSet> {
  const t = await takeSnapshot(sources, opts.progress);
  try {
    const stored = await storeFromNode(readSnapshot(t), pending, snapshotObject(opts, t.source));
    if (stored.plaintextBytes !== t.bytes) {
      throw new OperationError(
        `The snapshot from member ${t.source.member} is ${t.bytes} bytes on node ${t.source.node}, but ${stored.plaintextBytes} bytes arrived. Nothing was committed; retry.`,
      );
    }
    return { source: t.source, stored, status: t.status, discard: () => discardSnapshot(t) };
  } catch (err) {
    await discardSnapshot(t);
    throw err;
  }
}

/**
 * The snapshot streams from a member's gRPC Snapshot call straight into the set. A member
 * that fails, even mid-stream, is skipped for the next: the half-written set is dropped and
 * begun again, so no attempt leaves anything behind.
 */
async function snapshotStreamed(
  sources: readonly SnapshotSource[],
  store: Store,
  setName: string,
  pending: { set: PendingSet },
  opts: WriteSetOptions,
  started: (revision: number, member: SnapshotSource) => void,
): Promise<SnapshotInSet> {
  const failed: { member: string; error: string }[] = [];
  for (const source of sources) {
    if (failed.length > 0) {
      await pending.set.abort();
      pending.set = await store.begin(setName);
    }
    let streamed: StreamedSnapshot | undefined;
    try {
      // Compressed, the pipeline's gzip already keeps every core busy: a worker for the
      // checks would only add its copy of the bytes (NOT QUALIFYING dev runs, bench/README.md).
      streamed = await streamSnapshot(source, opts.progress, {
        checksOnWorker: opts.compression === 'none',
      });
      if (streamed.startRevision !== undefined) started(streamed.startRevision, source);
      const stored = await storeObject(streamed.stream, pending.set, {
        ...snapshotObject(opts, source),
        trailerFrom: streamed.trailer,
      });
      const announced = streamed.announcedBytes();
      if (announced !== stored.plaintextBytes) {
        throw new OperationError(
          `Member ${source.member} announced a ${announced ?? 'unknown'}-byte snapshot, but ${stored.plaintextBytes} bytes arrived.`,
        );
      }
      return { source, stored, status: streamed.status, discard: streamed.discard };
    } catch (err) {
      await streamed?.discard();
      const error = err instanceof Error ? err.message : String(err);
      failed.push({ member: source.member, error });
      opts.progress.warn(
        `Snapshot from member ${source.member} failed; trying the next healthy member. ${error}`,
      );
    }
  }
  throw new OperationError(
    `Could not take an etcd snapshot from any of ${sources.length} healthy member(s):\n${failed
      .map((a) => `- ${a.member}: ${a.error}`)
      .join('\n')}\nNothing was stored. Check the members' health and retry.`,
  );
}

/**
 * Writes one backup set: checks every node path first, takes the snapshot (retrying other
 * members), streams it and the node archives into the store, writes manifest.json last and
 * commits. Any failure aborts the pending set, so no partial set is ever visible.
 */
export async function writeBackupSet(
  store: Store,
  sources: BackupSources,
  opts: WriteSetOptions,
): Promise<{ setName: string; manifest: Manifest }> {
  const { progress } = opts;
  requireCompression(opts.compression);
  const now = opts.now ?? new Date();
  const setName = formatSetName(sources.cluster, now);

  // Missing certificate paths fail before anything is taken or written.
  const archives: { node: string; transport: Transport; paths: string[] }[] = [];
  for (const n of sources.nodes) {
    const found = await existingPaths(n.transport, n.paths);
    if (found.missingRequired.length > 0) {
      throw new OperationError(
        `Node ${n.node}: ${found.missingRequired.join(', ')} missing. These certificates/keys are part of the backup; check --layout (kubespray|kubeadm) for this node, or pass --etcd-only to back up the snapshot alone.`,
      );
    }
    for (const p of found.missingOptional) progress.debug(`node ${n.node}: optional ${p} absent`);
    archives.push({ node: n.node, transport: n.transport, paths: found.present });
  }

  // The store is opened first: an unreachable store fails before etcd is asked for anything.
  const pending: { set: PendingSet } = { set: await store.begin(setName) };
  let snapshot: SnapshotInSet | undefined;
  try {
    const direct = sources.snapshotSources.every((s) => s.direct);
    // HashKV starts with the stream, at the revision the member had just before it: etcd
    // hashes its history while it sends the snapshot. It is used only when the snapshot's
    // status gives that same revision (HashKV(R) depends on R alone, not on when it is
    // asked); otherwise, or if it failed, it is asked again at the snapshot's revision.
    const early: { member?: SnapshotSource; revision?: number; hashKV?: Promise<EtcdHashKV> } = {};
    const started = (revision: number, member: SnapshotSource) => {
      if (!sources.hashKV) return;
      early.hashKV = sources.hashKV(revision, member);
      early.hashKV.catch(() => {});
      Object.assign(early, { member, revision });
    };
    snapshot = await progress.phase(`Store the etcd snapshot in ${store.urlOf(setName)}`, () =>
      direct && sources.snapshotSources.length > 0
        ? snapshotStreamed(sources.snapshotSources, store, setName, pending, opts, started)
        : snapshotViaNode(sources.snapshotSources, pending.set, opts),
    );
    const t = snapshot;
    const p = pending.set;
    // At the snapshot's exact revision, so after `snapshot status`; while the node archives
    // are stored. The full fingerprint is read after the snapshot, not alongside it: two
    // large reads would share one heap and two cores (measured slower and ~40 MB larger;
    // bench/README.md).
    const atRevision = <T>(
      read: ((revision: number, member: SnapshotSource) => Promise<T>) | undefined,
      ahead?: { member?: SnapshotSource; revision?: number; hashKV?: Promise<T> },
    ) => {
      const value = read
        ? t.status.then((status) =>
            ahead?.hashKV && ahead.member === t.source && ahead.revision === status.revision
              ? ahead.hashKV.catch(() => read(status.revision, t.source))
              : read(status.revision, t.source),
          )
        : Promise.resolve(null);
      value.catch(() => {});
      return value;
    };
    const hashKV = atRevision(sources.hashKV, early);
    const fingerprint = atRevision(sources.fingerprint);
    const objects: StoredObject[] = [t.stored];
    for (const a of archives) {
      await progress.phase(`Archive ${a.paths.length} path(s) from node ${a.node}`, async () => {
        objects.push(
          await storeFromNode(archivePaths(a.transport, a.paths), p, {
            base: `${a.node}-pki.tar`,
            kind: 'node-files',
            node: a.node,
            compression: opts.compression,
            recipients: opts.recipients,
            mode: 0o600,
          }),
        );
      });
    }
    const status = await t.status.catch((err: Error) => {
      throw new OperationError(
        `snapshot status of the snapshot from member ${t.source.member} failed on node ${t.source.node}: ${err.message}. Nothing was committed; retry.`,
        { cause: err },
      );
    });
    const [hk, fp] = await Promise.all([hashKV, fingerprint]).catch((err: Error) => {
      throw new OperationError(
        `Reading the keyspace check at revision ${status.revision} failed: ${err.message}. Nothing was committed; retry.`,
        { cause: err },
      );
    });
    const manifest = buildManifest({
      created: now.toISOString(),
      cluster: sources.cluster,
      setName,
      etcd: {
        version: sources.etcdVersion,
        members: sources.members.map((m) => ({
          id: m.id,
          name: m.name,
          peerURLs: m.peerURLs,
          clientURLs: m.clientURLs,
        })),
        snapshotMember: t.source.member,
      },
      snapshot: {
        revision: status.revision,
        totalKey: status.totalKey,
        hash: status.hash,
        size: status.totalSize,
      },
      hashKV: hk,
      fingerprint: fp,
      kubernetes: {
        flavor: sources.flavor,
        nodes: archives.map((a) => a.node),
        paths: [...new Set(archives.flatMap((a) => a.paths))],
      },
      objects,
    });
    const manifestBytes = Buffer.from(serializeManifest(manifest));
    // The signature before the manifest: a set is never visible unsigned when it should be.
    if (opts.signKeyFile) {
      const signature = await signManifest(manifestBytes, opts.signKeyFile);
      await p.write(MANIFEST_SIGNATURE, Readable.from([signature]), { mode: 0o600 });
    }
    // The manifest goes last: a set without it is not a set (LocalStore, S3 marker).
    await p.write('manifest.json', Readable.from([manifestBytes]), { mode: 0o600 });
    await p.commit();
    return { setName, manifest };
  } catch (err) {
    await pending.set.abort().catch((abortErr: Error) => {
      progress.warn(`Could not clean up the unfinished set ${setName}: ${abortErr.message}`);
    });
    throw err;
  } finally {
    await snapshot?.discard();
  }
}
