import { createHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import { InputError, OperationError } from '../errors.js';
import type { EtcdHashKV, KeyspaceFingerprint } from '../etcd/fingerprint.js';
import { VERSION } from '../version.js';
import type { StoredObject } from './pipeline.js';

/** The manifest format this version writes and reads. Bump on any incompatible change. */
export const MANIFEST_FORMAT_VERSION = 1;
export const MANIFEST_KIND = 'kube-rescue-backup';

export interface ManifestMember {
  /** Member ID in hex, as etcdctl prints it. */
  id: string;
  name: string;
  peerURLs: string[];
  clientURLs: string[];
}

/** `etcdctl snapshot status` of the stored snapshot, checked before the set was committed. */
export interface SnapshotStatus {
  revision: number;
  totalKey: number;
  hash: number;
  size: number;
}

export interface Manifest {
  kind: typeof MANIFEST_KIND;
  formatVersion: number;
  tool: { name: 'kube-rescue'; version: string };
  /** ISO 8601 UTC. */
  created: string;
  cluster: string;
  setName: string;
  etcd: {
    version: string;
    members: ManifestMember[];
    /** The member the snapshot was taken from. */
    snapshotMember: string;
  };
  snapshot: SnapshotStatus;
  /**
   * etcd's own key hash (HashKV) and live-key count at the snapshot's revision, taken from the
   * member right after the snapshot: `verify --deep` and a restore must give the same. Absent
   * (null) in sets written before it existed and with `--fingerprint none`.
   */
  hashKV: EtcdHashKV | null;
  /**
   * The full keyspace fingerprint at the snapshot's revision (`--fingerprint full`: a second
   * read of every key): unlike `hashKV` it still compares after a revision bump.
   */
  fingerprint: KeyspaceFingerprint | null;
  kubernetes: {
    flavor: 'kubespray' | 'kubeadm' | 'unknown';
    /** Control-plane nodes whose files were archived (empty with --etcd-only). */
    nodes: string[];
    /** Paths archived on each node. */
    paths: string[];
  };
  objects: StoredObject[];
  /** `sha256:<hex>` of the canonical JSON of every other field: an edit is detected. */
  digest: string;
}

export type ManifestContent = Omit<Manifest, 'digest' | 'kind' | 'formatVersion' | 'tool'>;

function digestOf(manifest: Omit<Manifest, 'digest'>): string {
  return `sha256:${createHash('sha256').update(canonicalJson(manifest)).digest('hex')}`;
}

export function buildManifest(content: ManifestContent): Manifest {
  const body: Omit<Manifest, 'digest'> = {
    kind: MANIFEST_KIND,
    formatVersion: MANIFEST_FORMAT_VERSION,
    tool: { name: 'kube-rescue', version: VERSION },
    ...content,
  };
  return { ...body, digest: digestOf(body) };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

// --- reading ---------------------------------------------------------------------------

type Check = (v: unknown) => boolean;
const isString: Check = (v) => typeof v === 'string';
const isNonNegInt: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const isHex64: Check = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const isStringArray: Check = (v) => Array.isArray(v) && v.every(isString);
const isArchivedPath: Check = (v) =>
  typeof v === 'string' &&
  v.startsWith('/') &&
  !v.split('/').includes('..') &&
  ![...v].some((c) => c.charCodeAt(0) < 0x20);

class ManifestShape {
  constructor(private readonly where: string) {}
  fail(path: string, expected: string, actual: unknown): never {
    throw new InputError(
      `${this.where}: field '${path}' should be ${expected}, found ${JSON.stringify(actual) ?? 'nothing'}. The manifest is damaged or was not written by kube-rescue.`,
    );
  }
  field(obj: unknown, path: string, check: Check, expected: string): void {
    const value = at(obj, path);
    if (!check(value)) this.fail(path, expected, value);
  }
}

function at(obj: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (o, k) =>
        o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined,
      obj,
    );
}

/**
 * Parses and checks manifest.json. Unknown format versions and malformed fields are input
 * errors (exit 2) naming the field; an edited manifest (digest mismatch) is an operation
 * error (exit 1): the backup itself is not what was written.
 */
export function parseManifest(text: string, where: string): Manifest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new InputError(`${where} is not valid JSON (${(err as Error).message}).`);
  }
  const shape: ManifestShape = new ManifestShape(where);
  if (raw === null || typeof raw !== 'object' || at(raw, 'kind') !== MANIFEST_KIND) {
    throw new InputError(
      `${where} is not a kube-rescue backup manifest (no "kind": "${MANIFEST_KIND}").`,
    );
  }
  const version = at(raw, 'formatVersion');
  if (version !== MANIFEST_FORMAT_VERSION) {
    const newer = typeof version === 'number' && version > MANIFEST_FORMAT_VERSION;
    throw new InputError(
      `${where} has format version ${JSON.stringify(version)}; kube-rescue ${VERSION} reads version ${MANIFEST_FORMAT_VERSION} only.${newer ? ' It was written by a newer kube-rescue: upgrade to read it.' : ''}`,
    );
  }
  const checks: [string, Check, string][] = [
    ['created', (v) => isString(v) && !Number.isNaN(Date.parse(v as string)), 'an ISO date'],
    ['cluster', isString, 'a string'],
    ['setName', isString, 'a string'],
    ['etcd.version', isString, 'a string'],
    ['etcd.snapshotMember', isString, 'a string'],
    ['snapshot.revision', isNonNegInt, 'a whole number'],
    ['snapshot.totalKey', isNonNegInt, 'a whole number'],
    ['snapshot.hash', isNonNegInt, 'a whole number'],
    ['snapshot.size', isNonNegInt, 'a whole number'],
    ['kubernetes.nodes', isStringArray, 'a list of node names'],
    ['kubernetes.paths', isStringArray, 'a list of paths'],
    ['digest', (v) => isString(v) && /^sha256:[0-9a-f]{64}$/.test(v as string), "'sha256:<hex>'"],
  ];
  for (const [path, check, expected] of checks) shape.field(raw, path, check, expected);
  const members = at(raw, 'etcd.members');
  if (!Array.isArray(members)) shape.fail('etcd.members', 'a list', members);
  members.forEach((m, i) => {
    for (const k of ['id', 'name'])
      if (!isString(at(m, k))) shape.fail(`etcd.members[${i}].${k}`, 'a string', at(m, k));
    for (const k of ['peerURLs', 'clientURLs'])
      if (!isStringArray(at(m, k)))
        shape.fail(`etcd.members[${i}].${k}`, 'a list of URLs', at(m, k));
  });
  if (!['kubespray', 'kubeadm', 'unknown'].includes(at(raw, 'kubernetes.flavor') as string))
    shape.fail('kubernetes.flavor', 'kubespray, kubeadm or unknown', at(raw, 'kubernetes.flavor'));
  (at(raw, 'kubernetes.paths') as string[]).forEach((p, i) => {
    if (!isArchivedPath(p)) shape.fail(`kubernetes.paths[${i}]`, 'an absolute path without ..', p);
  });
  const fp = at(raw, 'fingerprint');
  if (fp !== null) {
    if (
      !isNonNegInt(at(fp, 'revision')) ||
      !isNonNegInt(at(fp, 'count')) ||
      !isHex64(at(fp, 'sha256'))
    ) {
      shape.fail('fingerprint', '{revision, count, sha256} or null', fp);
    }
  }
  const hk = at(raw, 'hashKV');
  if (hk !== undefined && hk !== null) {
    if (
      !isNonNegInt(at(hk, 'revision')) ||
      !Number.isSafeInteger(at(hk, 'compactRevision')) ||
      !isNonNegInt(at(hk, 'hash')) ||
      !isNonNegInt(at(hk, 'count'))
    ) {
      shape.fail('hashKV', '{revision, compactRevision, hash, count} or null', hk);
    }
  }
  const objects = at(raw, 'objects');
  if (!Array.isArray(objects) || objects.length === 0)
    shape.fail('objects', 'a non-empty list', objects);
  objects.forEach((o, i) => {
    const p = `objects[${i}]`;
    // A name is a file of the set: never a path that leads out of it.
    if (!isString(at(o, 'name')) || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(at(o, 'name') as string))
      shape.fail(`${p}.name`, 'a file name (letters, digits, . _ -)', at(o, 'name'));
    const node = at(o, 'node');
    if (at(o, 'kind') === 'node-files' ? !isString(node) : node !== undefined && !isString(node))
      shape.fail(`${p}.node`, 'the name of the node the archive came from', node);
    for (const k of ['bytes', 'plaintextBytes'])
      if (!isNonNegInt(at(o, k))) shape.fail(`${p}.${k}`, 'a whole number', at(o, k));
    for (const k of ['sha256', 'plaintextSha256'])
      if (!isHex64(at(o, k))) shape.fail(`${p}.${k}`, '64 hex digits', at(o, k));
    if (!['gzip', 'zstd', 'none'].includes(at(o, 'compression') as string))
      shape.fail(`${p}.compression`, 'gzip, zstd or none', at(o, 'compression'));
    if (!['etcd-snapshot', 'node-files'].includes(at(o, 'kind') as string))
      shape.fail(`${p}.kind`, 'etcd-snapshot or node-files', at(o, 'kind'));
    const enc = at(o, 'encryption');
    if (enc !== null && (at(enc, 'scheme') !== 'age' || !isStringArray(at(enc, 'recipients')))) {
      shape.fail(`${p}.encryption`, "null or {scheme: 'age', recipients: [...]}", enc);
    }
  });
  if (objects.filter((o) => at(o, 'kind') === 'etcd-snapshot').length !== 1) {
    shape.fail(
      'objects',
      'a list with exactly one etcd-snapshot',
      objects.map((o) => at(o, 'name')),
    );
  }
  const manifest = raw as Manifest;
  const { digest, ...body } = manifest;
  const actual = digestOf(body);
  if (actual !== digest) {
    throw new OperationError(
      `${where} was edited after the backup wrote it: its digest is ${digest} but its content hashes to ${actual}. Do not trust this set; use another one.`,
    );
  }
  // Sets written before `hashKV` existed have no such field (and their digest is over that).
  return { ...manifest, hashKV: manifest.hashKV ?? null };
}

export function snapshotObject(manifest: Manifest): StoredObject {
  return manifest.objects.find((o) => o.kind === 'etcd-snapshot')!;
}
