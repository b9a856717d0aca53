import { createHash } from 'node:crypto';
import type { Etcd3 } from 'etcd3';
import { OperationError } from '../src/errors.js';
import {
  connectEtcdClient,
  fingerprintWithClient,
  type KeyspaceFingerprint,
} from '../src/etcd/fingerprint.js';
import type { EtcdClientTls } from './cluster.js';

export type { KeyspaceFingerprint };

/**
 * Data in a harness cluster: Kubernetes-shaped keys to back up and restore, a sentinel that
 * proves which data a cluster holds, and a writer that keeps writing to measure what a
 * restore loses.
 */
export function openEtcdClient(endpoints: readonly string[], tls: EtcdClientTls): Promise<Etcd3> {
  return connectEtcdClient({ endpoints: [...endpoints], tls });
}

/** The keyspace fingerprint (src/etcd/fingerprint.ts) of the cluster as it is now. */
export function fingerprint(client: Etcd3, revision?: number): Promise<KeyspaceFingerprint> {
  return fingerprintWithClient(client, { revision }, 'harness cluster');
}

/** Same keyspace content (the revision says where it was read, not what it holds). */
export function sameKeyspace(a: KeyspaceFingerprint, b: KeyspaceFingerprint): boolean {
  return a.count === b.count && a.sha256 === b.sha256;
}

export interface SeedOptions {
  /** Number of object keys (the sentinel is one more). */
  keys: number;
  /** Value size in bytes (each value is a JSON object padded to this size). */
  valueBytes?: number;
  /** Deterministic content: the same seed writes the same bytes. */
  seed?: string;
  /**
   * Key prefix (default REGISTRY_ROOT). Beside a real API server use SEED_ROOT_BESIDE_AN_API:
   * it would fail to decode fake objects under /registry/configmaps and the like.
   */
  root?: string;
  /** Puts per transaction and transactions in flight (measured fast here: 100 × 16). */
  batch?: number;
  concurrency?: number;
}

export interface SeedResult {
  keys: number;
  bytes: number;
  sentinelKey: string;
  sentinelValue: string;
  /** Revision after the last write. */
  revision: number;
}

/**
 * Where Kubernetes-shaped keys go where no API server reads them (the local provider), and
 * where one does: under a resource no API server serves, so it never decodes them.
 */
export const REGISTRY_ROOT = '/registry';
export const HARNESS_KEY_ROOT = '/registry/kube-rescue';
export const SEED_ROOT_BESIDE_AN_API = `${HARNESS_KEY_ROOT}/seed`;

export const SENTINEL_KEY = `${HARNESS_KEY_ROOT}/sentinel`;

const RESOURCES = ['configmaps', 'secrets', 'pods', 'deployments', 'services', 'events'];
const NAMESPACES = ['default', 'kube-system', 'payments', 'web'];

/** `<root>/<resource>/<namespace>/<name>` for object number i, as Kubernetes stores it. */
export function registryKey(i: number, root = REGISTRY_ROOT): string {
  const { resource, ns, name } = objectCoordinates(i);
  return `${root}/${resource}/${ns}/${name}`;
}

function objectCoordinates(i: number) {
  return {
    resource: RESOURCES[i % RESOURCES.length],
    ns: NAMESPACES[Math.floor(i / RESOURCES.length) % NAMESPACES.length],
    name: `obj-${i.toString().padStart(7, '0')}`,
  };
}

function objectValue(i: number, size: number, seed: string): Buffer {
  const { resource, ns, name } = objectCoordinates(i);
  const head = JSON.stringify({
    kind: resource,
    apiVersion: 'v1',
    metadata: {
      name,
      namespace: ns,
      uid: createHash('sha256').update(`${seed}:${i}`).digest('hex').slice(0, 32),
    },
    data: '',
  });
  const out = Buffer.alloc(Math.max(size, head.length), 0x20);
  out.write(head);
  // Pad with repeatable noise so values are not trivially compressible.
  let block = createHash('sha256').update(`${seed}:${i}:pad`).digest();
  for (let off = head.length; off < out.length; off += block.length) {
    block.copy(out, off, 0, Math.min(block.length, out.length - off));
    block = createHash('sha256').update(block).digest();
  }
  return out;
}

export async function seedKeys(client: Etcd3, options: SeedOptions): Promise<SeedResult> {
  const size = options.valueBytes ?? 1024;
  const seed = options.seed ?? 'kube-rescue';
  const batch = options.batch ?? 100;
  const concurrency = options.concurrency ?? 16;
  let bytes = 0;
  let nextBatch = 0;
  const batches = Math.ceil(options.keys / batch);
  const worker = async () => {
    while (nextBatch < batches) {
      const b = nextBatch++;
      const success = [];
      for (let i = b * batch; i < Math.min(options.keys, (b + 1) * batch); i++) {
        const value = objectValue(i, size, seed);
        bytes += value.length;
        success.push({ request_put: { key: Buffer.from(registryKey(i, options.root)), value } });
      }
      await client.kv.txn({ compare: [], success, failure: [] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches) }, worker));
  const sentinelValue = JSON.stringify({ seed, keys: options.keys, valueBytes: size });
  const put = await client.kv.put({
    key: Buffer.from(SENTINEL_KEY),
    value: Buffer.from(sentinelValue),
  });
  return {
    keys: options.keys,
    bytes,
    sentinelKey: SENTINEL_KEY,
    sentinelValue,
    revision: Number(put.header.revision),
  };
}

export interface WriterReport {
  /** Highest sequence number etcd acknowledged; -1 if none. */
  lastAcknowledged: number;
  /** Puts that failed (the writer retried the same number). */
  failures: number;
  firstError?: string;
}

export interface BackgroundWriter {
  readonly prefix: string;
  /** Highest sequence number acknowledged so far; -1 if none. */
  lastAcknowledged(): number;
  stop(): Promise<WriterReport>;
}

export function writerKey(prefix: string, n: number): string {
  return `${prefix}${n.toString().padStart(9, '0')}`;
}

/**
 * Writes `<prefix><n>` with n = 0, 1, 2… one at a time until stopped. After a restore, the
 * numbers present versus `lastAcknowledged` show how many acknowledged writes were lost.
 */
export function startBackgroundWriter(
  client: Etcd3,
  options: { prefix?: string; intervalMs?: number } = {},
): BackgroundWriter {
  const prefix = options.prefix ?? `${HARNESS_KEY_ROOT}/rpo/`;
  const interval = options.intervalMs ?? 10;
  let last = -1;
  let failures = 0;
  let firstError: string | undefined;
  let running = true;
  const loop = (async () => {
    let n = 0;
    while (running) {
      try {
        await client.kv.put({
          key: Buffer.from(writerKey(prefix, n)),
          value: Buffer.from(String(n)),
        });
        last = n;
        n++;
        if (interval > 0) await sleep(interval);
      } catch (err) {
        failures++;
        firstError ??= (err as Error).message;
        await sleep(200);
      }
    }
  })();
  return {
    prefix,
    lastAcknowledged: () => last,
    async stop() {
      running = false;
      await loop;
      return { lastAcknowledged: last, failures, firstError };
    },
  };
}

/** Sequence numbers written by a background writer that the cluster holds now. */
export async function writerNumbersPresent(client: Etcd3, prefix: string): Promise<number[]> {
  const keys = await client.getAll().prefix(prefix).keys();
  return keys.map((k) => Number(k.slice(prefix.length))).sort((a, b) => a - b);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export async function readSentinel(client: Etcd3): Promise<string | null> {
  try {
    return await client.get(SENTINEL_KEY).string();
  } catch (err) {
    throw new OperationError(
      `Could not read the sentinel ${SENTINEL_KEY}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
}
