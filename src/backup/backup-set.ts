import { Readable } from 'node:stream';
import { OperationError } from '../errors.js';
import type { Member } from '../etcd/etcdctl-output.js';
import type { KeyspaceFingerprint } from '../etcd/fingerprint.js';
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
  snapshotTrailerCheck,
  type TakenSnapshot,
  takeSnapshot,
} from './collect.js';
import { type Compression, requireCompression } from './compression.js';
import { buildManifest, type Manifest, serializeManifest } from './manifest.js';
import { type StoredObject, storeObject } from './pipeline.js';

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
  /** The keyspace fingerprint at a revision, or null where it cannot be read. */
  fingerprint?: (revision: number) => Promise<KeyspaceFingerprint>;
}

export interface WriteSetOptions {
  compression: Compression;
  recipients: readonly AgeRecipient[];
  progress: Progress;
  now?: Date;
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
  const pending = await store.begin(setName);
  const p = pending;
  let taken: TakenSnapshot | undefined;
  try {
    taken = await progress.phase('Take the etcd snapshot', () =>
      takeSnapshot(sources.snapshotSources, progress),
    );
    const t = taken;
    const fingerprint = sources.fingerprint
      ? t.status.then((status) => sources.fingerprint!(status.revision))
      : Promise.resolve(null);
    fingerprint.catch(() => {});
    const objects: StoredObject[] = [];
    await progress.phase(`Store the snapshot in ${store.urlOf(setName)}`, async () => {
      objects.push(
        await storeFromNode(readSnapshot(t), p, {
          base: 'etcd.db',
          kind: 'etcd-snapshot',
          compression: opts.compression,
          recipients: opts.recipients,
          mode: 0o600,
          checks: [snapshotTrailerCheck(`snapshot from member ${t.source.member}`)],
        }),
      );
    });
    if (objects[0].plaintextBytes !== t.bytes) {
      throw new OperationError(
        `The snapshot from member ${t.source.member} is ${t.bytes} bytes on node ${t.source.node}, but ${objects[0].plaintextBytes} bytes arrived. Nothing was committed; retry.`,
      );
    }
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
    const fp = await fingerprint.catch((err: Error) => {
      throw new OperationError(
        `Reading the keyspace fingerprint at revision ${status.revision} failed: ${err.message}. Nothing was committed; retry.`,
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
      fingerprint: fp,
      kubernetes: {
        flavor: sources.flavor,
        nodes: archives.map((a) => a.node),
        paths: [...new Set(archives.flatMap((a) => a.paths))],
      },
      objects,
    });
    // The manifest goes last: a set without it is not a set (LocalStore, S3 marker).
    await p.write('manifest.json', Readable.from([Buffer.from(serializeManifest(manifest))]), {
      mode: 0o600,
    });
    await p.commit();
    return { setName, manifest };
  } catch (err) {
    await pending.abort().catch((abortErr: Error) => {
      progress.warn(`Could not clean up the unfinished set ${setName}: ${abortErr.message}`);
    });
    throw err;
  } finally {
    if (taken) await discardSnapshot(taken);
  }
}
