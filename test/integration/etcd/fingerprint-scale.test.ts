import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import {
  connectEtcdClient,
  fingerprintEndpoints,
  fingerprintViaEtcdCtl,
} from '../../../src/etcd/fingerprint.js';
import { LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// The harness, verify --deep and recovery verification fingerprint whole keyspaces: 100,000
// keys must take seconds, not minutes, both directly and through etcdctl on a node.
const KEYS = 100_000;
let cluster: LocalEtcdCluster;

beforeAll(async () => {
  cluster = await LocalEtcdCluster.start({ names: ['big'] });
  const client = await connectEtcdClient({ endpoints: cluster.endpoints });
  try {
    const value = Buffer.alloc(200, 'k');
    const inflight = new Set<Promise<unknown>>();
    // Transactions of 100 puts (etcd allows 128 ops), 16 in flight.
    for (let i = 0; i < KEYS; i += 100) {
      const puts = Array.from({ length: 100 }, (_, j) =>
        client.put(`/registry/secrets/ns${i % 97}/s${String(i + j).padStart(6, '0')}`).value(value),
      );
      const tx = client
        .if('/kube-rescue/absent', 'Create', '==', 0)
        .then(...puts)
        .commit();
      inflight.add(tx);
      tx.finally(() => inflight.delete(tx));
      if (inflight.size >= 16) await Promise.race(inflight);
    }
    await Promise.all(inflight);
  } finally {
    client.close();
  }
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

describe('keyspace fingerprint at scale', () => {
  it('fingerprints 100,000 keys in seconds, identically through the etcd3 client and etcdctl', async () => {
    let t = Date.now();
    const direct = await fingerprintEndpoints({ endpoints: cluster.endpoints });
    const directMs = Date.now() - t;
    expect(direct.count).toBe(KEYS);

    t = Date.now();
    const ctl = new EtcdCtl(new LocalTransport(), { endpoints: cluster.endpoints });
    const viaNode = await fingerprintViaEtcdCtl(ctl, { revision: direct.revision });
    const viaNodeMs = Date.now() - t;
    expect(viaNode).toEqual(direct);

    // Generous bounds for a shared 2-core machine; measured ~1-3 s and ~4-8 s.
    expect(directMs).toBeLessThan(20_000);
    expect(viaNodeMs).toBeLessThan(30_000);
  });
});
