import { hostname } from 'node:os';
import { parseRecipient } from '../backup/age.js';
import { type BackupSources, writeBackupSet } from '../backup/backup-set.js';
import {
  SNAPSHOT_COMMAND_TIMEOUT_MS,
  type SnapshotSource,
  snapshotCtl,
} from '../backup/collect.js';
import { requireCompression } from '../backup/compression.js';
import { pruneSets } from '../backup/prune.js';
import { checkManifestSignature, type Signer, signManifest } from '../backup/signature.js';
import { InputError, OperationError } from '../errors.js';
import { EtcdCtl, type EtcdTls } from '../etcd/etcdctl.js';
import {
  fingerprintEndpoints,
  fingerprintViaEtcdCtl,
  hashKVViaEtcdCtl,
  type KeyspaceFingerprint,
  preloadEtcdClient,
} from '../etcd/fingerprint.js';
import { hashKVOfMember } from '../etcd/grpc-wire.js';
import { detectLayout, type Layout, layoutByName } from '../etcd/layout.js';
import type { Inventory } from '../inventory/index.js';
import type { NodeAccess } from '../nodes/access.js';
import type { NodePool } from '../nodes/connect.js';
import { LocalTransport } from '../nodes/local.js';
import type { Transport } from '../nodes/transport.js';
import { openStore } from '../stores/open.js';
import { hasRetention } from '../stores/retention.js';
import type { S3Settings } from '../stores/s3-location.js';
import { checkClusterName } from '../stores/set-name.js';
import type { CommandContext } from './context.js';

export interface BackupOptions {
  inventory?: string;
  access: NodeAccess;
  dest: string;
  encryptTo: string[];
  compress: 'gzip' | 'zstd' | 'none';
  keep?: number;
  keepHourly?: number;
  keepDaily?: number;
  keepWeekly?: number;
  etcdOnly: boolean;
  clusterName?: string;
  /** S3 endpoint/region (flags); credentials come from the AWS_* environment only. */
  s3?: S3Settings;
  /**
   * The keyspace check recorded for `verify --deep` and restores: `hash` (default) is etcd's
   * own HashKV and key count at the snapshot's revision, computed by the member; `full` adds
   * the sha256 of every key and value, read back from etcd (survives a revision bump, costs a
   * second full read); `none` records neither.
   */
  fingerprint?: FingerprintMode;
  /** SSH private key file (`--sign-key`): the set's manifest is signed with it. */
  signKey?: string;
  /** How to reach nodes; default from `access` (SSH, docker exec or local). For the harness. */
  transportFor?: (host: string) => Transport;
}

export const FINGERPRINT_MODES = ['hash', 'full', 'none'] as const;
export type FingerprintMode = (typeof FINGERPRINT_MODES)[number];

/** The keyspace checks of `mode`, for either way of reaching etcd. */
function keyspaceChecks(
  mode: FingerprintMode | undefined,
  full: (revision: number) => Promise<KeyspaceFingerprint>,
): Pick<BackupSources, 'hashKV' | 'fingerprint'> {
  if (mode === 'none') return {};
  return {
    // Over gRPC where this machine reaches the member, else etcdctl on its node.
    hashKV: (revision, member) =>
      member.direct
        ? hashKVOfMember(member.direct, member.endpoint, revision)
        : hashKVViaEtcdCtl(member.ctl, revision),
    ...(mode === 'full' ? { fingerprint: full } : {}),
  };
}

export interface BackupResult {
  backupPath: string;
  snapshotRevision: number;
  snapshotSha256: string;
  objects: { name: string; bytes: number }[];
  removedByRetention: string[];
  /** The key the set was signed with (`--sign-key`). */
  signedBy?: Signer;
}

/** Kubespray's default cluster_name, used when neither the flag nor the inventory names one. */
const DEFAULT_CLUSTER = 'cluster.local';

function tlsFromFlags(access: NodeAccess): EtcdTls | undefined {
  const given = [access.etcdCacert, access.etcdCert, access.etcdKey].filter(Boolean).length;
  if (given === 0) return undefined;
  if (given !== 3) {
    throw new InputError(
      '--etcd-cacert, --etcd-cert and --etcd-key go together: give all three, or none to use the layout.',
    );
  }
  return { cacert: access.etcdCacert!, cert: access.etcdCert!, key: access.etcdKey! };
}

async function layoutOf(access: NodeAccess, transport: LocalTransport): Promise<Layout> {
  if (access.layout !== 'auto') return layoutByName(access.layout);
  try {
    return await detectLayout(transport);
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    throw new OperationError(
      `${err.message} To back up the etcd snapshot alone from this machine, pass --etcd-only.`,
      { cause: err },
    );
  }
}

/**
 * No inventory: this machine runs etcdctl against --etcd-endpoints (the runner is the node,
 * or reaches etcd), and this machine's own control-plane files are archived.
 */
async function localSources(opts: BackupOptions, cluster: string): Promise<BackupSources> {
  const { access } = opts;
  if (access.transport !== 'local') {
    throw new InputError(
      `Without an inventory (-i) there are no nodes to reach over ${access.transport}: pass -i hosts.ini, or --transport local --etcd-endpoints URL,... when this machine is the node or reaches etcd.`,
    );
  }
  const endpoints = access.etcdEndpoints ?? [];
  if (endpoints.length === 0) {
    throw new InputError(
      'Without an inventory, --etcd-endpoints is required (e.g. --etcd-endpoints https://127.0.0.1:2379).',
    );
  }
  // The full fingerprint reads through the npm etcd3 client: loaded while etcdctl runs. (The
  // snapshot and HashKV go over src/etcd/grpc-wire.ts, which loads nothing of its own.)
  if (opts.fingerprint === 'full') preloadEtcdClient();
  const local = new LocalTransport(hostname());
  let layout: Layout | undefined;
  let tls = tlsFromFlags(access);
  if (!opts.etcdOnly || (!tls && endpoints.some((e) => e.startsWith('https:')))) {
    layout = await layoutOf(access, local);
  }
  if (!tls && endpoints.some((e) => e.startsWith('https:'))) {
    if (layout?.name !== 'kubeadm') {
      throw new InputError(
        'The etcd endpoints use https: pass --etcd-cacert, --etcd-cert and --etcd-key (a client certificate etcd trusts).',
      );
    }
    tls = layout.clientTls(local.node);
  }
  const ctl = new EtcdCtl(local, { endpoints, tls });
  const health = await ctl.endpointHealth();
  const healthy = endpoints.filter((e) => health.some((h) => h.endpoint === e && h.healthy));
  if (healthy.length === 0) {
    const why = health.map((h) => `${h.endpoint}: ${h.error ?? 'unhealthy'}`).join('; ');
    throw new OperationError(`No etcd endpoint is healthy (${why}). Nothing was stored.`);
  }
  const live = ctl.withEndpoints(healthy);
  const [{ statuses }, members] = await Promise.all([live.endpointStatus(), live.memberList()]);
  const memberOf = (endpoint: string) =>
    members.find((m) =>
      m.clientURLs.some((u) => u.replace(/\/$/, '') === endpoint.replace(/\/$/, '')),
    )?.name ?? endpoint;
  // Followers first: a snapshot is heavy I/O; the leader has enough to do.
  const ordered = [...healthy].sort(
    (a, b) =>
      Number(statuses.find((s) => s.endpoint === a)?.isLeader ?? false) -
      Number(statuses.find((s) => s.endpoint === b)?.isLeader ?? false),
  );
  const snapshotSources: SnapshotSource[] = ordered.map((endpoint) => ({
    member: memberOf(endpoint),
    node: local.node,
    endpoint,
    ctl: snapshotCtl(ctl, endpoint),
    // This machine reaches the endpoint: the snapshot streams from it, no file saved first.
    direct: { endpoints: [endpoint], tls },
  }));
  return {
    cluster,
    flavor: layout?.name ?? 'unknown',
    etcdVersion: statuses[0]?.version ?? 'unknown',
    members,
    snapshotSources,
    nodes:
      opts.etcdOnly || !layout
        ? []
        : [{ node: local.node, transport: local, paths: layout.backupPaths(local.node) }],
    ...keyspaceChecks(opts.fingerprint, (revision) =>
      // Pages are held whole in memory, so they stay near 3 MiB (the first, of unknown sizes,
      // is 16 keys); but every page of etcd 3.4 walks the rest of the range to count it, so
      // where objects are small, pages of up to 1000 keys cost etcd far less.
      fingerprintEndpoints(
        { endpoints: healthy, tls },
        { revision, pageSize: 1000, firstPageSize: 16, targetPageBytes: 3 * 1024 * 1024 },
      ),
    ),
  };
}

/** With an inventory: probe every etcd/control-plane host, snapshot on a healthy member's node. */
async function inventorySources(
  opts: BackupOptions,
  inventory: Inventory,
  pool: NodePool,
  cluster: string,
  ctx: CommandContext,
): Promise<BackupSources> {
  const transportFor =
    opts.transportFor ??
    ((host: string) =>
      pool.get({ name: host, address: inventory.addressOf(host), ...inventory.sshOf(host) }));
  const { probeCluster } = await import('../recovery/probe.js');
  const health = await probeCluster(inventory, transportFor, opts.access, {
    progress: ctx.progress,
  });
  const layout = layoutByName(health.layout, health.paths);
  const flagTls = tlsFromFlags(opts.access);
  const healthy = health.etcd
    .filter((e) => e.healthy)
    // Followers first: a snapshot is heavy I/O; the leader has enough to do.
    .sort((a, b) => Number(a.isLeader ?? false) - Number(b.isLeader ?? false));
  const snapshotSources: SnapshotSource[] = await Promise.all(
    healthy.map(async (e) => {
      const t = transportFor(e.host);
      return {
        member: e.memberName,
        node: e.host,
        endpoint: e.clientUrl,
        ctl: new EtcdCtl(t, {
          endpoints: [e.clientUrl],
          tls: flagTls ?? layout.clientTls(e.host),
          progress: ctx.progress,
          commandTimeoutMs: SNAPSHOT_COMMAND_TIMEOUT_MS,
          // kubeadm: etcdctl of the static pod's image, in a container that writes the
          // snapshot into the node's own temp dir, where the transport reads it.
          commands: await layout.toolCommands(t),
        }),
      };
    }),
  );
  if (snapshotSources.length === 0) {
    const why = health.etcd.map((e) => `${e.host}: ${e.errors.join('; ') || 'unhealthy'}`);
    throw new OperationError(
      `No etcd member of ${inventory.source} is healthy, so there is nothing consistent to back up:\n${why.join('\n')}`,
    );
  }
  const first = snapshotSources[0];
  return {
    cluster,
    flavor: health.layoutDetected ? layout.name : 'unknown',
    etcdVersion: health.serverVersion ?? 'unknown',
    members: health.members,
    snapshotSources,
    nodes: opts.etcdOnly
      ? []
      : inventory.controlPlane().map((host) => ({
          node: host,
          transport: transportFor(host),
          paths: layout.backupPaths(host),
        })),
    ...keyspaceChecks(opts.fingerprint, (revision) =>
      fingerprintViaEtcdCtl(first.ctl, { revision }),
    ),
  };
}

function clusterNameOf(inventory: Inventory | undefined): string | undefined {
  for (const host of inventory?.hosts.values() ?? []) {
    const name = host.vars.cluster_name;
    if (typeof name === 'string' && name) return name;
  }
  return undefined;
}

export async function backup(opts: BackupOptions, ctx: CommandContext): Promise<BackupResult> {
  const { progress } = ctx;
  // Every input is checked before any node or store is touched.
  requireCompression(opts.compress);
  const recipients = opts.encryptTo.map((r) => parseRecipient(r));
  // The inventory's modules (YAML, SSH, the probe) load only when there is one: a backup
  // from this machine (--transport local) starts without them.
  const inventory = opts.inventory
    ? await (await import('../inventory/index.js')).loadInventory(opts.inventory)
    : undefined;
  const cluster = checkClusterName(
    opts.clusterName ?? clusterNameOf(inventory) ?? DEFAULT_CLUSTER,
    opts.clusterName ? '--cluster-name' : `cluster_name in ${opts.inventory ?? 'the default'}`,
  );
  // A key that cannot sign (unreadable, passphrase-protected) fails before any snapshot.
  const signedBy = opts.signKey ? await signingKeyOf(opts.signKey) : undefined;
  const store = await openStore(opts.dest, opts.s3);
  const policy = {
    keep: opts.keep,
    keepHourly: opts.keepHourly,
    keepDaily: opts.keepDaily,
    keepWeekly: opts.keepWeekly,
  };
  await using pool = inventory
    ? new (await import('../nodes/connect.js')).NodePool(opts.access)
    : undefined;
  const sources = await progress.phase('Probe etcd', () =>
    inventory && pool
      ? inventorySources(opts, inventory, pool, cluster, ctx)
      : localSources(opts, cluster),
  );
  const { setName, manifest } = await writeBackupSet(store, sources, {
    compression: opts.compress,
    recipients,
    progress,
    signKeyFile: opts.signKey,
  });
  const snapshot = manifest.objects.find((o) => o.kind === 'etcd-snapshot')!;
  progress.info(
    `Backup set ${store.urlOf(setName)} written: revision ${manifest.snapshot.revision}, ${manifest.objects.length} object(s).`,
  );
  const removed = hasRetention(policy)
    ? (await progress.phase('Apply retention', () => pruneSets(store, cluster, policy, progress)))
        .remove
    : [];
  return {
    backupPath: store.urlOf(setName),
    snapshotRevision: manifest.snapshot.revision,
    snapshotSha256: snapshot.plaintextSha256,
    objects: manifest.objects.map((o) => ({ name: o.name, bytes: o.bytes })),
    removedByRetention: removed,
    ...(signedBy ? { signedBy } : {}),
  };
}

/** Signs a probe with the key: proves it can sign, and names its fingerprint for the report. */
async function signingKeyOf(keyFile: string): Promise<Signer> {
  const probe = Buffer.from('kube-rescue signing-key probe\n');
  const check = await checkManifestSignature(
    probe,
    await signManifest(probe, keyFile),
    undefined,
    `--sign-key ${keyFile}`,
  );
  if (check.status !== 'unchecked') {
    throw new InputError(`--sign-key ${keyFile}: a signature made with this key does not verify.`);
  }
  return check.signer;
}
