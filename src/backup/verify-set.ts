import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { text } from 'node:stream/consumers';
import { privateFileStream } from '../durable-file.js';
import { InputError, KubeRescueError, OperationError } from '../errors.js';
import { EtcdCtl } from '../etcd/etcdctl.js';
import {
  compareHashKV,
  connectEtcdClient,
  type EtcdHashKV,
  fingerprintWithClient,
  hashKVViaEtcdCtl,
} from '../etcd/fingerprint.js';
import { freePort, LocalEtcdCluster } from '../etcd/local-cluster.js';
import { SnapshotKeyspace } from '../etcd/snapshot-keyspace.js';
import { SnapshotStatusReader } from '../etcd/snapshot-status.js';
import { defaultToolCommands, type EtcdToolCommands, parseSemVer } from '../etcd/version.js';
import { LocalTransport } from '../nodes/local.js';
import type { Progress } from '../progress.js';
import type { Store } from '../stores/store.js';
import type { AgeIdentity } from './age.js';
import { type Manifest, parseManifest } from './manifest.js';
import { readObject, type StoredObject } from './pipeline.js';

export interface SetCheck {
  name: string;
  ok: boolean;
  expected?: string;
  actual?: string;
  detail?: string;
}

export interface SetVerification {
  manifest?: Manifest;
  checks: SetCheck[];
  ok: boolean;
}

export interface VerifySetOptions {
  identities: readonly AgeIdentity[];
  deep: boolean;
  progress: Progress;
  /** Where the decrypted snapshot goes while it is checked (a private temp dir inside). */
  workDir?: string;
  /**
   * Directory with etcd, etcdctl and etcdutl for the offline checks and the deep restore;
   * default: those on PATH. The deep restore needs the backup's etcd minor.
   */
  etcdBinDir?: string;
}

const compare = (name: string, expected: string | number, actual: string | number): SetCheck => ({
  name,
  ok: String(expected) === String(actual),
  expected: String(expected),
  actual: String(actual),
});

/**
 * `snapshot status`'s totalKey means two things: every stored revision of every key in all
 * buckets (etcdctl 3.4, etcdutl 3.5) or the keys live at the last revision (etcdutl 3.6+).
 * The manifest holds what the backing-up machine's tool counted, so a set made with one and
 * verified with the other differs by the overwritten and deleted revisions. On a mismatch
 * both counts are taken from the file itself (our bbolt readers) and the manifest's number
 * must be one of them.
 */
export async function totalKeyCheck(
  expected: number,
  toolCount: number,
  snapshotFile: string,
): Promise<SetCheck> {
  const name = 'snapshot totalKey';
  if (expected === toolCount) return compare(name, expected, toolCount);
  const counts = await snapshotKeyCounts(snapshotFile);
  return totalKeyVerdict(expected, toolCount, counts);
}

/** The pure part of totalKeyCheck, given both counts of the file. */
export function totalKeyVerdict(
  expected: number,
  toolCount: number,
  file: { storedRevisions: number; liveKeys: number },
): SetCheck {
  const meaning =
    expected === file.liveKeys
      ? 'live keys, as etcdutl 3.6+ counts'
      : expected === file.storedRevisions
        ? 'stored key revisions, as etcdctl 3.4 and etcdutl 3.5 count'
        : undefined;
  return {
    name: 'snapshot totalKey',
    ok: meaning !== undefined,
    expected: String(expected),
    actual: String(toolCount),
    detail: meaning
      ? `this machine's tool counts ${toolCount}; the manifest's ${expected} is the file's ${meaning}`
      : `the file holds ${file.liveKeys} live keys and ${file.storedRevisions} stored key revisions; this machine's tool counts ${toolCount}`,
  };
}

async function snapshotKeyCounts(
  file: string,
): Promise<{ storedRevisions: number; liveKeys: number }> {
  const reader = new SnapshotStatusReader(file);
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    reader.update(chunk as Buffer);
  }
  const storedRevisions = reader.finish().totalKey;
  await using snap = await SnapshotKeyspace.open(file);
  let liveKeys = 0;
  for await (const _ of snap.pairs()) liveKeys++;
  return { storedRevisions, liveKeys };
}

/**
 * Checks one set: the manifest (format, digest), every object's stored and plaintext
 * sha256 and size, decryption, the snapshot's trailer and `snapshot status` against the
 * manifest; with `deep`, a restore into a throw-away etcd on loopback and its keyspace
 * fingerprint. Damage is reported as failed checks; input problems (a wrong identity, an
 * unknown format version) throw InputError.
 */
export async function verifySet(
  store: Store,
  setName: string,
  opts: VerifySetOptions,
): Promise<SetVerification> {
  const checks: SetCheck[] = [];
  const where = `${store.urlOf(setName)}/manifest.json`;
  let manifest: Manifest;
  try {
    manifest = parseManifest(await text(await store.read(setName, 'manifest.json')), where);
    checks.push({ name: 'manifest', ok: true, detail: manifest.digest });
  } catch (err) {
    if (err instanceof InputError) throw err;
    const digest = /its digest is (\S+) but its content hashes to (\S+?)\./.exec(
      (err as Error).message,
    );
    checks.push({
      name: 'manifest',
      ok: false,
      ...(digest ? { expected: digest[1], actual: digest[2] } : {}),
      detail: (err as Error).message,
    });
    return { checks, ok: false };
  }

  const encrypted = manifest.objects.filter((o) => o.encryption);
  if (encrypted.length > 0 && opts.identities.length === 0) {
    const to = [...new Set(encrypted.flatMap((o) => o.encryption!.recipients))].join(', ');
    throw new InputError(
      `${store.urlOf(setName)} is encrypted to ${to}: pass the matching age identity file with --identity.`,
    );
  }

  const ctl = offlineEtcdCtl(opts.etcdBinDir);
  if (opts.deep) await requireSameEtcdMinor(ctl, manifest, opts.etcdBinDir);

  const work = await mkdtemp(join(opts.workDir ?? tmpdir(), 'kube-rescue-verify-'));
  try {
    let snapshotFile: string | undefined;
    for (const object of manifest.objects) {
      const isSnapshot = object.kind === 'etcd-snapshot';
      const file = isSnapshot ? join(work, 'etcd.db') : undefined;
      const ok = await opts.progress.phase(`Check ${object.name}`, () =>
        checkObject(store, setName, object, opts.identities, checks, file),
      );
      if (ok && file) snapshotFile = file;
    }
    if (snapshotFile) {
      await opts.progress.phase('Check snapshot status', async () => {
        const status = await ctl.snapshotStatus(snapshotFile!);
        checks.push(compare('snapshot revision', manifest.snapshot.revision, status.revision));
        checks.push(
          await totalKeyCheck(manifest.snapshot.totalKey, status.totalKey, snapshotFile!),
        );
        checks.push(compare('snapshot hash', manifest.snapshot.hash, status.hash));
      });
      if (opts.deep && checks.every((c) => c.ok)) {
        await opts.progress.phase('Restore into a throw-away etcd and compare the keyspace', () =>
          deepCheck(ctl, snapshotFile!, work, manifest, checks),
        );
      }
    } else if (opts.deep) {
      checks.push({
        name: 'deep restore',
        ok: false,
        detail: 'skipped: the snapshot did not pass its checks',
      });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { manifest, checks, ok: checks.every((c) => c.ok) };
}

async function checkObject(
  store: Store,
  setName: string,
  object: StoredObject,
  identities: readonly AgeIdentity[],
  checks: SetCheck[],
  file?: string,
): Promise<boolean> {
  const isSnapshot = object.kind === 'etcd-snapshot';
  try {
    const source = await store.read(setName, object.name);
    const back = await readObject(source, object, {
      identities,
      where: `${store.urlOf(setName)}/${object.name}`,
      ...(isSnapshot ? { snapshotTrailer: object.name } : {}),
      sink: file ? privateFileStream(file) : undefined,
    });
    const results = [
      compare(`${object.name} stored bytes`, object.bytes, back.bytes),
      compare(`${object.name} stored sha256`, object.sha256, back.sha256),
      compare(`${object.name} plaintext bytes`, object.plaintextBytes, back.plaintextBytes),
      compare(`${object.name} plaintext sha256`, object.plaintextSha256, back.plaintextSha256),
    ];
    if (back.trailer) {
      const r = back.trailer;
      results.push({
        name: `${object.name} etcd sha256 trailer`,
        ok: r.ok,
        expected: r.expected,
        actual: r.actual,
        ...(r.detail ? { detail: r.detail } : {}),
      });
    }
    checks.push(...results);
    return results.every((c) => c.ok);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (!(err instanceof KubeRescueError) && !isStreamDamage(err)) throw err;
    checks.push({
      name: object.name,
      ok: false,
      expected: `sha256 ${object.sha256}, ${object.bytes} bytes`,
      detail: (err as Error).message,
    });
    return false;
  }
}

/** zlib and stream errors from damaged content: a failed check, not a crash. */
function isStreamDamage(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  return code.startsWith('Z_') || code === 'ERR_STREAM_PREMATURE_CLOSE';
}

/**
 * etcdctl/etcdutl on this machine for the offline subcommands (snapshot status/restore), from
 * `binDir` or PATH. EtcdCtl insists on an endpoint; these subcommands never contact it.
 */
function offlineEtcdCtl(binDir: string | undefined): EtcdCtl {
  return new EtcdCtl(new LocalTransport(), {
    endpoints: ['http://127.0.0.1:2379'],
    commands: toolCommandsIn(binDir),
  });
}

function toolCommandsIn(binDir: string | undefined): EtcdToolCommands {
  if (!binDir) return defaultToolCommands;
  const dir = resolve(binDir);
  return {
    etcd: [join(dir, 'etcd')],
    etcdctl: [join(dir, 'etcdctl')],
    etcdutl: [join(dir, 'etcdutl')],
  };
}

/**
 * A deep check restores the snapshot and starts etcd on it: etcd of another minor may refuse
 * the data or upgrade it, so a pass would prove nothing about a restore in the cluster.
 * Refused before anything is read or started.
 */
async function requireSameEtcdMinor(
  ctl: EtcdCtl,
  manifest: Manifest,
  binDir: string | undefined,
): Promise<void> {
  const backedUp = parseSemVer(manifest.etcd.version);
  if (!backedUp) return;
  const where = binDir ? `in ${resolve(binDir)}` : 'on PATH';
  const minor = `${backedUp.major}.${backedUp.minor}`;
  const howToGet =
    minor === '3.4'
      ? "Debian's etcd-server and etcd-client packages are 3.4"
      : `in a kube-rescue checkout, \`bash scripts/build-tools.sh etcd-${minor}\` builds them into ~/.cache/kube-rescue/tools/etcd-${minor}/bin`;
  const fix = `Pass --etcd-bin-dir DIR with etcd, etcdctl${minor === '3.4' ? '' : ' and etcdutl'} ${minor}.x (${howToGet}).`;
  const tools = await ctl.etcdTools().catch((err: unknown) => {
    throw new InputError(
      `verify --deep needs etcd and its tools ${where} to restore the snapshot of etcd ${manifest.etcd.version}: ${(err as Error).message} ${fix}`,
    );
  });
  const found = tools.server;
  if (!found) {
    throw new InputError(
      `verify --deep needs an etcd server ${where} to start on the restored snapshot (etcd ${manifest.etcd.version}), and found none. ${fix}`,
    );
  }
  if (found.major !== backedUp.major || found.minor !== backedUp.minor) {
    throw new InputError(
      `The backup was taken from etcd ${manifest.etcd.version}, but the etcd ${where} is ${found.raw}: verify --deep restores with the backup's own minor. ${fix}`,
    );
  }
}

async function deepCheck(
  ctl: EtcdCtl,
  snapshot: string,
  work: string,
  manifest: Manifest,
  checks: SetCheck[],
): Promise<void> {
  const ports = { client: await freePort(), peer: await freePort() };
  const name = 'kube-rescue-verify';
  const peerUrl = `http://127.0.0.1:${ports.peer}`;
  const dataDir = join(work, 'restored.etcd');
  await ctl.snapshotRestore({
    snapshot,
    dataDir,
    name,
    initialCluster: `${name}=${peerUrl}`,
    initialClusterToken: `${name}-${Date.now()}`,
    initialAdvertisePeerUrls: [peerUrl],
  });
  const cluster = await LocalEtcdCluster.start({
    names: [name],
    dir: work,
    dataDirs: { [name]: dataDir },
    ports: { [name]: ports },
    etcdBinary: ctl.options.commands?.etcd[0],
  });
  // etcdctl for the HashKV and the count: the etcd3 client's HashKV call is unusable (grpc-js
  // names the method `hashKv`, etcd3 calls `hashKV`); that client reads the full fingerprint.
  const restored = ctl.withEndpoints(cluster.endpoints);
  try {
    const expected = manifest.hashKV;
    if (expected) {
      checks.push(...hashKVChecks(expected, await hashKVViaEtcdCtl(restored, expected.revision)));
    }
    if (manifest.fingerprint) {
      const client = await connectEtcdClient({ endpoints: cluster.endpoints });
      const fp = await fingerprintWithClient(client, {}, 'the restored etcd').finally(() =>
        client.close(),
      );
      checks.push(compare('restored key count', manifest.fingerprint.count, fp.count));
      checks.push(compare('restored keyspace sha256', manifest.fingerprint.sha256, fp.sha256));
    }
    if (!expected && !manifest.fingerprint) {
      const { count } = await restored.keyCount();
      checks.push({
        name: 'restored keyspace',
        ok: true,
        actual: `${count} keys`,
        detail:
          'the manifest has no key hash or fingerprint to compare with; the snapshot restored and etcd served it',
      });
    }
  } catch (err) {
    if (!(err instanceof OperationError)) throw err;
    checks.push({ name: 'restored keyspace', ok: false, detail: err.message });
  } finally {
    await cluster.stop();
  }
}

/** The restored etcd's key count and HashKV against the manifest's. */
function hashKVChecks(expected: EtcdHashKV, actual: EtcdHashKV): SetCheck[] {
  const name = 'restored key hash (etcd HashKV)';
  const counted = compare('restored key count', expected.count, actual.count);
  const c = compareHashKV(expected, actual);
  const hashes = { expected: String(expected.hash), actual: String(actual.hash) };
  if (c.result === 'same') return [counted, { name, ok: true, ...hashes }];
  if (c.result === 'different') {
    const detail = `at revision ${expected.revision} the restored keys, or their history, differ from what the member held when it was backed up`;
    return [counted, { name, ok: false, ...hashes, detail }];
  }
  return [counted, { name, ok: true, ...hashes, detail: `not compared: ${c.detail}` }];
}
