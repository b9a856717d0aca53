import { createHash } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { connectEtcdClient } from '../../../src/etcd/fingerprint.js';
import { LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { startSnapshotChecks } from '../../../src/etcd/snapshot-checks.js';
import { SnapshotStatusReader } from '../../../src/etcd/snapshot-status.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// The streamed status must be exactly what the real tool says of the same file: backups
// record it, and `verify` compares it with etcdctl/etcdutl's on the restored snapshot.
let cluster: LocalEtcdCluster;
let client: Etcd3;
const ctl = () => new EtcdCtl(new LocalTransport('local'), { endpoints: cluster.endpoints });

/**
 * Feeds `bytes` in pieces of uneven sizes, as a gRPC stream or a file read would; `sizes`
 * [Infinity] feeds the whole file at once (every multi-page leaf then lies whole in a chunk).
 */
function streamedStatus(bytes: Buffer, sizes = [1, 7, 4096, 32 * 1024, 70_001, 5]) {
  const reader = new SnapshotStatusReader('test snapshot');
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const n = sizes[i % sizes.length];
    reader.update(bytes.subarray(at, at + n));
    at += n;
  }
  return reader.finish();
}

async function snapshot(name: string): Promise<string> {
  const path = join(cluster.dir, name);
  await ctl().snapshotSave(cluster.endpoints[0], path);
  return path;
}

beforeAll(async () => {
  cluster = await LocalEtcdCluster.start({ size: 1 });
  client = await connectEtcdClient({ endpoints: cluster.endpoints });
});

afterAll(async () => {
  client?.close();
  await cluster?.stop();
});

describe('SnapshotStatusReader', () => {
  it('gives what snapshot status gives, for a db with overflow pages, history, leases and free pages', async () => {
    const big = 'v'.repeat(200_000);
    for (let i = 0; i < 3000; i++) await client.put(`/registry/pods/ns/p-${i}`).value(`pod ${i}`);
    for (let i = 0; i < 40; i++) await client.put(`/registry/secrets/big-${i}`).value(`${big}${i}`);
    for (let i = 0; i < 1000; i++) await client.delete().key(`/registry/pods/ns/p-${i}`);
    await client.lease(60).put('/registry/leases/l').value('held');
    for (let i = 0; i < 20; i++)
      await client.put(`/registry/secrets/big-${i}`).value(`${big}again`);
    const before = await client.get('/registry/pods/ns/p-2000').exec();
    await client.kv.compact({ revision: before.header.revision, physical: true });
    for (let i = 0; i < 500; i++) await client.put(`/registry/events/e-${i}`).value(`event ${i}`);
    const path = await snapshot('mixed.db');
    const expected = await ctl().snapshotStatus(path);
    const { version: _v, ...status } = expected;
    const bytes = await readFile(path);
    expect(streamedStatus(bytes)).toEqual(status);
    // etcd's own 32 KiB messages, and the whole file in one piece.
    expect(streamedStatus(bytes, [32 * 1024])).toEqual(status);
    expect(streamedStatus(bytes, [Number.POSITIVE_INFINITY])).toEqual(status);
  });

  it('gives the status of a fresh, nearly empty db', async () => {
    const fresh = await LocalEtcdCluster.start({ size: 1 });
    try {
      const path = join(fresh.dir, 'fresh.db');
      const freshCtl = new EtcdCtl(new LocalTransport('local'), { endpoints: fresh.endpoints });
      await freshCtl.snapshotSave(fresh.endpoints[0], path);
      const { version: _v, ...status } = await freshCtl.snapshotStatus(path);
      expect(streamedStatus(await readFile(path))).toEqual(status);
    } finally {
      await fresh.stop();
    }
  });

  it('refuses a snapshot whose tree names a page that is not there', async () => {
    const path = await snapshot('damaged.db');
    const bytes = await readFile(path);
    const pageSize = bytes.readUInt32LE(16 + 8);
    // Overwrite the root bucket's page header (meta 0's root) with zeros.
    const root = bytes.readUInt32LE(16 + 16);
    bytes.fill(0, root * pageSize, root * pageSize + 16);
    expect(() => streamedStatus(bytes)).toThrow(/fails the snapshot status check: .*page/);
    await writeFile(path, bytes);
    await expect(ctl().snapshotStatus(path)).rejects.toThrow();
  });

  it('refuses a truncated snapshot', async () => {
    const path = await snapshot('cut.db');
    const f = await open(path, 'r+');
    const { size } = await f.stat();
    await f.truncate(size - 4096);
    await f.close();
    const cut = await readFile(path);
    expect(() => streamedStatus(cut)).toThrow(/meta page gives/);
  });
});

describe('the streamed snapshot checks, on their worker thread and inline', () => {
  async function checked(bytes: Buffer, worker = true) {
    const checks = startSnapshotChecks('test snapshot', { worker });
    for (let at = 0; at < bytes.length; at += 32 * 1024) {
      await checks.update(bytes.subarray(at, at + 32 * 1024));
    }
    const { trailer, status } = checks.finish();
    return { trailer: await trailer, status: status.then((s) => s) };
  }

  it("give the tool's status and the file's sha256, and refuse a damaged db", async () => {
    const path = await snapshot('checked.db');
    const bytes = await readFile(path);
    const { version: _v, ...expected } = await ctl().snapshotStatus(path);
    const good = await checked(bytes);
    expect(await good.status).toEqual(expected);
    expect(good.trailer.ok).toBe(true);
    expect(good.trailer.fileSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    // Inline (a compressed backup's way), the same answers.
    const inline = await checked(bytes, false);
    expect(await inline.status).toEqual(expected);
    expect(inline.trailer).toEqual(good.trailer);
    const pageSize = bytes.readUInt32LE(16 + 8);
    const root = bytes.readUInt32LE(16 + 16);
    bytes.fill(0, root * pageSize, root * pageSize + 16);
    const bad = await checked(bytes);
    await expect(bad.status).rejects.toThrow(/test snapshot fails the snapshot status check/);
    expect(bad.trailer.problem).toBe('mismatch');
  });
});
