import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import {
  compareWithDigests,
  connectEtcdClient,
  fingerprintEndpoints,
  fingerprintOfPairs,
  rangedPairs,
} from '../../../src/etcd/fingerprint.js';
import { freePort, LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { fingerprintSnapshotFile, SnapshotKeyspace } from '../../../src/etcd/snapshot-keyspace.js';
import { EtcdSnapshotTool } from '../../../src/etcd/snapshot-tool.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { etcdUnderTest } from '../../support/etcd-versions.js';

// Our reader of the bbolt snapshot file against the etcd that wrote it: the same live keys and
// values as a range read at the snapshot's revision, on every etcd version under test.
describe.each(['3.4', '3.5', '3.6'] as const)('snapshot keyspace reader on etcd %s', (version) => {
  const etcd = etcdUnderTest(version);
  let dir: string;
  let cluster: LocalEtcdCluster;
  const local = new LocalTransport('runner');

  beforeAll(async () => {
    if (etcd.missing) throw new Error(etcd.missing);
    dir = await mkdtemp(join(tmpdir(), `kube-rescue-snapkeys-${version}-`));
    cluster = await LocalEtcdCluster.start({ dir: join(dir, 'c'), etcdBinary: etcd.etcdBinary });
  });
  afterAll(async () => {
    await cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const snapshot = async (name: string) => {
    const ctl = new EtcdCtl(local, { endpoints: cluster.endpoints, commands: etcd.commands });
    const path = join(dir, name);
    await ctl.snapshotSave(cluster.endpoints[0]!, path);
    return { path, status: await ctl.snapshotStatus(path) };
  };

  it('an empty keyspace', async () => {
    const { path, status } = await snapshot('empty.db');
    const fp = await fingerprintSnapshotFile(path);
    const live = await fingerprintEndpoints(
      { endpoints: cluster.endpoints },
      { revision: status.revision },
    );
    // An empty key bucket has no revision in it; only count and hash can compare.
    expect({ count: fp.count, sha256: fp.sha256 }).toEqual({
      count: live.count,
      sha256: live.sha256,
    });
    expect(fp.count).toBe(0);
    // Nothing kept at all: etcd's HashKV is its bucket name's crc alone, and so is ours.
    await using snap = await SnapshotKeyspace.open(path);
    const [h] = await new EtcdCtl(local, {
      endpoints: cluster.endpoints,
      commands: etcd.commands,
    }).hashKV(status.revision);
    expect(
      snap.restoredHashKV({ revision: status.revision, compactRevision: h!.compactRevision }),
    ).toBe(h!.hash);
  });

  it('overwrites, deletes, compaction, binary keys and values larger than a page', async () => {
    const client = await connectEtcdClient({ endpoints: cluster.endpoints });
    try {
      for (let batch = 0; batch < 30; batch++) {
        await Promise.all(
          Array.from({ length: 100 }, (_, i) =>
            client.put(`/registry/pods/ns${batch}/pod-${i}`).value(`v1-${batch}-${i}`.repeat(20)),
          ),
        );
      }
      // Overwritten, then deleted, then some written again: only the last state may count.
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          client.put(`/registry/pods/ns0/pod-${i}`).value(`v2-${i}`),
        ),
      );
      await client.delete().prefix('/registry/pods/ns1/');
      await client.put('/registry/pods/ns1/pod-7').value('back');
      const { header } = await client.put('/big').value(Buffer.alloc(50_000, 7)).exec();
      await client.put(Buffer.from([0xff, 0x00, 0x80])).value(Buffer.from([0, 1, 2]));
      // Compacted history: older revisions gone from the key bucket, the keyspace unchanged.
      await client.put('/registry/pods/ns2/pod-1').value('after-big');
      await client.kv.compact({ revision: header.revision, physical: true });
    } finally {
      client.close();
    }
    const { path, status } = await snapshot('full.db');
    const expected = await fingerprintEndpoints(
      { endpoints: cluster.endpoints },
      { revision: status.revision },
    );
    const fp = await fingerprintSnapshotFile(path);
    expect(fp).toEqual(expected);
    expect(fp.revision).toBe(status.revision);
    expect(fp.count).toBe(30 * 100 - 100 + 1 + 2);

    // Spot checks on the pairs themselves, not only their hash.
    await using snap = await SnapshotKeyspace.open(path);
    const seen = new Map<string, Buffer>();
    for await (const kv of snap.pairs()) seen.set(kv.key.toString('latin1'), kv.value);
    expect(seen.get('/registry/pods/ns0/pod-5')?.toString()).toBe('v2-5');
    expect(seen.get('/registry/pods/ns1/pod-7')?.toString()).toBe('back');
    expect(seen.has('/registry/pods/ns1/pod-8')).toBe(false);
    expect(seen.get('/big')?.length).toBe(50_000);
    expect(seen.get(Buffer.from([0xff, 0x00, 0x80]).toString('latin1'))).toEqual(
      Buffer.from([0, 1, 2]),
    );

    // Opened with digests, pass 1 alone knows every live key and its value's hash: the same
    // keys in the same order as pass 2, none of the deleted or overwritten ones' values.
    await using indexed = await SnapshotKeyspace.open(path, { withDigests: true });
    expect(indexed.keys()).toEqual([...seen.keys()]);
    for (const [name, value] of seen) {
      expect(indexed.digestOf(name), name).toBe(
        createHash('sha256').update(value).digest('binary'),
      );
    }
    expect(indexed.digestOf('/registry/pods/ns1/pod-8')).toBeUndefined();
    const ctl = new EtcdCtl(local, { endpoints: cluster.endpoints, commands: etcd.commands });
    const cmp = await compareWithDigests(
      indexed,
      rangedPairs(
        (from, limit, rev) => ctl.getPage(from, limit, rev || undefined),
        indexed.ranges(1000, 1 << 20, { inRoundsOf: 3 }),
        { revision: status.revision, pageSize: 1000 },
        'etcd',
      ),
    );
    expect(cmp.differences).toBe(0);
    expect(cmp.expected).toEqual({ count: fp.count, sha256: fp.sha256 });
  });

  it('the HashKV computed from the file is the one etcd gives for it, and for members restored from it with and without a revision bump', async () => {
    // On top of the last test's history (overwrites, deletes, a compaction): history above the
    // compaction — an overwrite, a delete, a key under a lease — which HashKV counts entry by
    // entry where it is not compacted.
    const client = await connectEtcdClient({ endpoints: cluster.endpoints });
    try {
      await client.put('/registry/pods/ns3/pod-1').value('after-compact');
      await client.delete().key('/registry/pods/ns3/pod-2');
      const lease = client.lease(600, { autoKeepAlive: false });
      await lease.put('/registry/leases/held').value('x');
    } finally {
      client.close();
    }
    const { path, status } = await snapshot('hashkv.db');
    await using snap = await SnapshotKeyspace.open(path);
    const ctl = new EtcdCtl(local, { endpoints: cluster.endpoints, commands: etcd.commands });
    const [own] = await ctl.hashKV(status.revision);
    expect(own!.compactRevision).toBeGreaterThan(0);
    expect(own!.compactRevision).toBeLessThan(status.revision);
    const file = snap.restoredHashKV({
      revision: status.revision,
      compactRevision: own!.compactRevision,
    });
    expect(file).toBe(own!.hash);
    // Another compaction point gives another hash: the compaction is part of what is hashed.
    expect(snap.restoredHashKV({ revision: status.revision, compactRevision: -1 })).not.toBe(file);

    const bumps = version === '3.4' ? [0] : [0, 1_000_000_000];
    for (const bump of bumps) {
      const peer = await freePort();
      const clientPort = await freePort();
      const name = `hk${bump ? 'bumped' : 'plain'}`;
      const dataDir = join(dir, `${name}.etcd`);
      await new EtcdSnapshotTool(local, { commands: etcd.commands }).restore({
        snapshot: path,
        dataDir,
        name,
        initialCluster: `${name}=http://127.0.0.1:${peer}`,
        initialClusterToken: name,
        initialAdvertisePeerUrls: [`http://127.0.0.1:${peer}`],
        ...(bump ? { bumpRevision: bump, markCompacted: true } : {}),
      });
      const member = await LocalEtcdCluster.start({
        names: [name],
        dir: join(dir, `${name}-run`),
        dataDirs: { [name]: dataDir },
        ports: { [name]: { client: clientPort, peer } },
        token: name,
        etcdBinary: etcd.etcdBinary,
      });
      try {
        const at = status.revision + bump;
        const [h] = await new EtcdCtl(local, {
          endpoints: member.endpoints,
          commands: etcd.commands,
        }).hashKV(at);
        // --mark-compacted makes the bumped revision the compaction; without a bump the
        // member keeps the snapshot's.
        expect(h!.compactRevision).toBe(bump ? at : own!.compactRevision);
        const computed = snap.restoredHashKV({
          revision: at,
          compactRevision: h!.compactRevision,
          ...(bump ? { bumpedTo: at } : {}),
        });
        expect(computed, `bump ${bump}`).toBe(h!.hash);
        if (bump) {
          // etcdutl's entry at the bumped revision is part of it: left out, the hash is another.
          expect(
            snap.restoredHashKV({ revision: at, compactRevision: h!.compactRevision }),
          ).not.toBe(h!.hash);
        }
      } finally {
        await member.stop();
      }
    }
  });

  it('cut into ranges, read back from etcd through etcdctl several at once: every key, also the ones written since', async () => {
    const client = await connectEtcdClient({ endpoints: cluster.endpoints });
    const ctl = new EtcdCtl(local, { endpoints: cluster.endpoints, commands: etcd.commands });
    const read = (from: Buffer, limit: number, rev: number) =>
      ctl.getPage(from, limit, rev || undefined);
    try {
      // A key etcdctl cannot be given (not UTF-8, a NUL): no range may start at it.
      await client.put(Buffer.from([0xfe, 0x00, 0x41])).value('x');
      const { path, status } = await snapshot('ranges.db');
      await using snap = await SnapshotKeyspace.open(path);
      const fp = await fingerprintSnapshotFile(path);
      const ranges = snap.ranges(300, 40_000);
      expect(ranges[0]!.from.length).toBe(0);
      expect(ranges.reduce((n, r) => n + r.keys, 0)).toBe(fp.count);
      expect(ranges.every((r) => r.keys >= 1 && r.keys <= 300)).toBe(true);
      for (let i = 1; i < ranges.length; i++) {
        expect(Buffer.compare(ranges[i - 1]!.from, ranges[i]!.from)).toBe(-1);
        expect(ranges[i]!.from.includes(0)).toBe(false);
      }
      // The 50 kB value of /big closes its range early: more ranges than 300 keys each make.
      expect(ranges.length).toBeGreaterThan(Math.ceil(fp.count / 300));
      const at = await fingerprintOfPairs(
        rangedPairs(read, ranges, { revision: status.revision, pageSize: 300 }, 'etcdctl'),
        () => status.revision,
      );
      expect(at).toEqual(fp);
      // In even rounds of 3: as many ranges as fill whole rounds, each about as many keys.
      const rounds = Math.ceil(fp.count / (3 * 300));
      const perRange = Math.ceil(fp.count / (3 * rounds));
      const even = snap.ranges(300, 10_000_000, { inRoundsOf: 3 });
      expect(even.reduce((n, r) => n + r.keys, 0)).toBe(fp.count);
      expect(even.length).toBeGreaterThanOrEqual(3 * rounds - 1);
      expect(even.length).toBeLessThanOrEqual(3 * rounds);
      // The range before the key etcdctl cannot take grows past it, by that one key.
      expect(even.every((r) => r.keys <= perRange + 1)).toBe(true);
      expect(
        await fingerprintOfPairs(
          rangedPairs(
            read,
            even,
            { revision: status.revision, pageSize: 300, concurrency: 3 },
            'etcdctl',
          ),
          () => status.revision,
        ),
      ).toEqual(fp);
      // Written since: 700 keys inside one range (more pages than that range was cut for) and
      // keys before the first and after the last.
      await Promise.all(
        Array.from({ length: 700 }, (_, i) =>
          client.put(`/registry/pods/ns5/pod-5-${i}`).value(`new-${i}`),
        ),
      );
      await client.put('!first').value('1');
      await client.put('~last').value('2');
      const now = await fingerprintEndpoints({ endpoints: cluster.endpoints });
      const again = await fingerprintOfPairs(
        rangedPairs(read, ranges, { revision: now.revision, pageSize: 300 }, 'etcdctl'),
        () => now.revision,
      );
      expect(again).toEqual(now);
      expect(again.count).toBe(fp.count + 702);
    } finally {
      await client.delete().key(Buffer.from([0xfe, 0x00, 0x41]));
      client.close();
    }
  });

  it.skipIf(version === '3.4')(
    'a snapshot of a cluster that was itself restored with a revision bump (its bump entry is no key)',
    async () => {
      const { path: first } = await snapshot('before-bump.db');
      const expected = await fingerprintSnapshotFile(first);
      const peer = await freePort();
      const clientPort = await freePort();
      const dataDir = join(dir, 'bumped.etcd');
      await new EtcdSnapshotTool(local, { commands: etcd.commands }).restore({
        snapshot: first,
        dataDir,
        name: 'bumped',
        initialCluster: `bumped=http://127.0.0.1:${peer}`,
        initialClusterToken: 'bumped',
        initialAdvertisePeerUrls: [`http://127.0.0.1:${peer}`],
        bumpRevision: 1_000_000_000,
        markCompacted: true,
      });
      const bumped = await LocalEtcdCluster.start({
        names: ['bumped'],
        dir: join(dir, 'bumped-run'),
        dataDirs: { bumped: dataDir },
        ports: { bumped: { client: clientPort, peer } },
        token: 'bumped',
        etcdBinary: etcd.etcdBinary,
      });
      try {
        const ctl = new EtcdCtl(local, { endpoints: bumped.endpoints, commands: etcd.commands });
        const again = join(dir, 'after-bump.db');
        await ctl.snapshotSave(bumped.endpoints[0]!, again);
        const status = await ctl.snapshotStatus(again);
        const fp = await fingerprintSnapshotFile(again);
        expect(fp.revision).toBe(status.revision);
        expect(fp.revision).toBeGreaterThanOrEqual(expected.revision + 1_000_000_000);
        expect({ count: fp.count, sha256: fp.sha256 }).toEqual({
          count: expected.count,
          sha256: expected.sha256,
        });
        const live = await fingerprintEndpoints(
          { endpoints: bumped.endpoints },
          { revision: status.revision },
        );
        expect(fp).toEqual(live);
      } finally {
        await bumped.stop();
      }
    },
  );
});
