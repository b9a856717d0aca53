import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { hashKVViaEtcdCtl } from '../../../src/etcd/fingerprint.js';
import {
  countKeys,
  EtcdWire,
  GrpcStatusError,
  hashKVOfMember,
  snapshotMessages,
} from '../../../src/etcd/grpc-wire.js';
import { LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { verifySnapshotTrailer } from '../../../src/etcd/snapshot-file.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// The backup's own gRPC calls against a real etcd, answer for answer against etcdctl's.
let cluster: LocalEtcdCluster;
let wire: EtcdWire;
const ctl = () => new EtcdCtl(new LocalTransport('local'), { endpoints: cluster.endpoints });

beforeAll(async () => {
  cluster = await LocalEtcdCluster.start({ size: 1 });
  wire = await EtcdWire.connect(cluster.endpoints[0]);
  for (let i = 0; i < 200; i++) {
    await ctl().transport.exec(
      ['etcdctl', `--endpoints=${cluster.endpoints[0]}`, 'put', `/k/${i % 50}`, `v${i}`],
      {
        env: { ETCDCTL_API: '3' },
      },
    );
  }
});

afterAll(async () => {
  wire?.close();
  await cluster?.stop();
});

describe('EtcdWire', () => {
  it('counts the live keys at a revision as etcdctl does', async () => {
    const now = await ctl().keyCount();
    expect(await countKeys(wire)).toEqual(now);
    expect(await countKeys(wire, now.revision - 100)).toEqual(
      await ctl().keyCount(now.revision - 100),
    );
  });

  it("gives etcd's HashKV as etcdctl endpoint hashkv does, before and after a compaction", async () => {
    const { revision } = await ctl().keyCount();
    const before = await hashKVOfMember(
      { endpoints: cluster.endpoints },
      cluster.endpoints[0],
      revision,
    );
    expect(before.compactRevision).toBe(-1);
    expect(before).toEqual(
      await hashKVViaEtcdCtl(ctl().withEndpoints([cluster.endpoints[0]]), revision),
    );
    await ctl().transport.exec(
      ['etcdctl', `--endpoints=${cluster.endpoints[0]}`, 'compact', String(revision - 50)],
      {
        env: { ETCDCTL_API: '3' },
      },
    );
    const after = await hashKVOfMember(
      { endpoints: cluster.endpoints },
      cluster.endpoints[0],
      revision,
    );
    expect(after.compactRevision).toBe(revision - 50);
    expect(after).toEqual(
      await hashKVViaEtcdCtl(ctl().withEndpoints([cluster.endpoints[0]]), revision),
    );
  });

  it("refuses with etcd's own words: a compacted revision", async () => {
    const err = await countKeys(wire, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrpcStatusError);
    expect((err as GrpcStatusError).message).toMatch(
      /OUT_OF_RANGE: etcdserver: mvcc: required revision has been compacted/,
    );
    // The connection stays usable after a refused call.
    expect((await countKeys(wire)).count).toBe(50);
  });

  it('streams a whole snapshot whose size is the one announced and whose trailer holds', async () => {
    let announced: number | undefined;
    const blobs: Buffer[] = [];
    for await (const m of snapshotMessages(wire)) {
      announced ??= m.remainingBytes + m.blob.length;
      blobs.push(Buffer.from(m.blob));
    }
    const bytes = Buffer.concat(blobs);
    expect(bytes.length).toBe((announced ?? 0) + 32);
    expect((await verifySnapshotTrailer(Readable.from([bytes]))).ok).toBe(true);
  });

  it('an endpoint where nothing listens fails at once, naming it', async () => {
    await expect(EtcdWire.connect('http://127.0.0.1:9')).rejects.toThrow(
      /Cannot reach etcd at http:\/\/127.0.0.1:9/,
    );
  });
});
