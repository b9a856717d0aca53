import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import {
  CutOutputError,
  idToHex,
  normaliseHexId,
  parseEndpointHashKV,
  parseEndpointHealth,
  parseEndpointStatus,
  parseEnvLines,
  parseEtcdJson,
  parseGet,
  parseGetProtobuf,
  parseMemberAdd,
  parseMemberList,
  parseSnapshotStatus,
  parseVersionEndpoint,
} from '../../../src/etcd/etcdctl-output.js';

// Captured from etcdctl 3.4.23 (Debian bookworm) against a real single-member etcd.
const real34 = {
  health: `[{"endpoint":"http://127.0.0.1:23791","health":true,"took":"1.987454ms"}]`,
  healthMixed: `[{"endpoint":"http://127.0.0.1:23791","health":true,"took":"1.05719ms"},{"endpoint":"http://127.0.0.1:9","health":false,"took":"5.000781538s","error":"context deadline exceeded"}]`,
  status: `[{"Endpoint":"http://127.0.0.1:23791","Status":{"header":{"cluster_id":15118495548433857066,"member_id":13668033151171901709,"revision":4,"raft_term":2},"version":"3.4.23","dbSize":20480,"leader":13668033151171901709,"raftIndex":7,"raftTerm":2,"raftAppliedIndex":7,"dbSizeInUse":16384}}]`,
  members: `{"header":{"cluster_id":15118495548433857066,"member_id":13668033151171901709,"raft_term":2},"members":[{"ID":13668033151171901709,"name":"m1","peerURLs":["http://127.0.0.1:23801"],"clientURLs":["http://127.0.0.1:23791"]},{"ID":14458691399017236537,"peerURLs":["http://127.0.0.1:23802"]}]}`,
  get: `{"header":{"cluster_id":15118495548433857066,"member_id":13668033151171901709,"revision":4,"raft_term":2},"kvs":[{"key":"YQ==","create_revision":2,"mod_revision":2,"version":1,"value":"MQ=="}],"more":true,"count":2}`,
  snapshot: `{"hash":239959921,"revision":4,"totalKey":7,"totalSize":20480}`,
  // `get a --from-key --limit=1 -w protobuf` after `put a 1; put b 2` (so revision 3).
  getProtobuf: Buffer.from(
    'ChoIqvTl9Znz6+fRARCN8vSOwfem170BGAMgAhIMCgFhEAIYAiABKgExGAEgAg==',
    'base64',
  ),
  memberAdd: `Member c8a79738d36b0839 added to cluster d1cfaf999eb97a2a

ETCD_NAME="x"
ETCD_INITIAL_CLUSTER="m1=http://127.0.0.1:23801,x=http://127.0.0.1:23802"
ETCD_INITIAL_ADVERTISE_PEER_URLS="http://127.0.0.1:23802"
ETCD_INITIAL_CLUSTER_STATE="existing"
`,
  version: `{"etcdserver":"3.4.23","etcdcluster":"3.4.0"}`,
};

// Shapes documented for 3.5/3.6: learners, isLearner in status, storage version in snapshot status.
const shapes35 = {
  status: `[{"Endpoint":"https://10.0.0.11:2379","Status":{"header":{"cluster_id":17237436991929493444,"member_id":9372538179322589801,"revision":982,"raft_term":7},"version":"3.5.12","dbSize":2113536,"leader":9372538179322589801,"raftIndex":1457,"raftTerm":7,"raftAppliedIndex":1457,"dbSizeInUse":1089536,"isLearner":false}}]`,
  members: `{"header":{"cluster_id":17237436991929493444,"member_id":9372538179322589801,"raft_term":7},"members":[{"ID":9372538179322589801,"name":"etcd1","peerURLs":["https://10.0.0.11:2380"],"clientURLs":["https://10.0.0.11:2379"]},{"ID":10501334649042878790,"name":"etcd4","peerURLs":["https://10.0.0.14:2380"],"clientURLs":["https://10.0.0.14:2379"],"isLearner":true}]}`,
  snapshot36: `{"hash":3473712531,"revision":982,"totalKey":1012,"totalSize":2113536,"version":"3.6.0"}`,
};

describe('etcdctl JSON output', () => {
  it('keeps uint64 ids exact: decimal JSON numbers become hex via BigInt, not Number', () => {
    const [s] = parseEndpointStatus(real34.status);
    expect(s.memberId).toBe(BigInt('13668033151171901709').toString(16));
    expect(s.memberId).toBe('bdae9bbc11dd390d');
    // What Number would have produced: the last digits lost.
    expect(Number('13668033151171901709').toString(16)).not.toBe(s.memberId);
    // etcdctl's own text output named this cluster d1cfaf999eb97a2a (see memberAdd below).
    expect(s.clusterId).toBe('d1cfaf999eb97a2a');
    expect(s).toMatchObject({
      endpoint: 'http://127.0.0.1:23791',
      leader: 'bdae9bbc11dd390d',
      isLeader: true,
      version: '3.4.23',
      raftIndex: 7,
      raftTerm: 2,
      revision: 4,
      dbSize: 20480,
      dbSizeInUse: 16384,
      isLearner: false,
    });
  });

  it('reads endpoint health including failed endpoints and their error', () => {
    expect(parseEndpointHealth(real34.health)).toEqual([
      { endpoint: 'http://127.0.0.1:23791', healthy: true, took: '1.987454ms' },
    ]);
    const mixed = parseEndpointHealth(real34.healthMixed);
    expect(mixed[1]).toEqual({
      endpoint: 'http://127.0.0.1:9',
      healthy: false,
      took: '5.000781538s',
      error: 'context deadline exceeded',
    });
  });

  it('reads the member list, including a member added but not started (no name, no client URLs)', () => {
    expect(parseMemberList(real34.members)).toEqual([
      {
        id: 'bdae9bbc11dd390d',
        name: 'm1',
        peerURLs: ['http://127.0.0.1:23801'],
        clientURLs: ['http://127.0.0.1:23791'],
        isLearner: false,
      },
      {
        // The id etcdctl printed in hex for this member when it was added.
        id: 'c8a79738d36b0839',
        name: '',
        peerURLs: ['http://127.0.0.1:23802'],
        clientURLs: [],
        isLearner: false,
      },
    ]);
  });

  it('reads 3.5 learners and status fields, and 3.6 snapshot status with a storage version', () => {
    const members = parseMemberList(shapes35.members);
    expect(members.map((m) => [m.name, m.isLearner])).toEqual([
      ['etcd1', false],
      ['etcd4', true],
    ]);
    expect(members[1].id).toBe(BigInt('10501334649042878790').toString(16));
    const [s] = parseEndpointStatus(shapes35.status);
    expect(s).toMatchObject({
      version: '3.5.12',
      raftIndex: 1457,
      isLeader: true,
      isLearner: false,
    });
    expect(parseSnapshotStatus(shapes35.snapshot36)).toEqual({
      hash: 3473712531,
      revision: 982,
      totalKey: 1012,
      totalSize: 2113536,
      version: '3.6.0',
    });
  });

  it('reads snapshot status, get pages (base64) and the /version endpoint', () => {
    expect(parseSnapshotStatus(real34.snapshot)).toEqual({
      hash: 239959921,
      revision: 4,
      totalKey: 7,
      totalSize: 20480,
    });
    const page = parseGet(real34.get);
    expect(page.revision).toBe(4);
    expect(page.more).toBe(true);
    expect(page.count).toBe(2);
    expect(page.kvs.map((kv) => [kv.key.toString(), kv.value.toString()])).toEqual([['a', '1']]);
    expect(
      parseVersionEndpoint(
        `HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n${real34.version}`,
      ),
    ).toEqual({
      server: '3.4.23',
      cluster: '3.4.0',
    });
    expect(
      parseVersionEndpoint(`{"etcdserver":"3.5.12","etcdcluster":"not_decided"}`).cluster,
    ).toBe('not_decided');
  });

  it('reads get pages as protobuf: bytes as they are, and output cut on its way is told apart', () => {
    const page = parseGetProtobuf(real34.getProtobuf);
    expect(page.revision).toBe(3);
    expect(page.more).toBe(true);
    expect(page.count).toBe(2);
    expect(page.kvs.map((kv) => [kv.key.toString(), kv.value.toString()])).toEqual([['a', '1']]);
    // Hand-made: a key that is not UTF-8, a value of every byte, and no `more`.
    const value = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const kv = pb([1, Buffer.from([0xff, 0x00, 0x2f])], [2, 7], [3, 9], [5, value]);
    const whole = pb([1, pb([1, 11], [3, 1_000_000_123])], [2, kv], [2, kv], [4, 3]);
    const read = parseGetProtobuf(whole);
    expect(read).toMatchObject({ revision: 1_000_000_123, more: false, count: 3 });
    expect(read.kvs).toHaveLength(2);
    expect(read.kvs[0]!.key.equals(Buffer.from([0xff, 0x00, 0x2f]))).toBe(true);
    expect(read.kvs[1]!.value.equals(value)).toBe(true);
    // Cut inside a key-value, or right after one (the count, last, missing): never a page.
    for (const end of [whole.length - 2, whole.length - 10, whole.length - 2 - kv.length - 2]) {
      expect(() => parseGetProtobuf(whole.subarray(0, end)), `cut at ${end}`).toThrow(
        CutOutputError,
      );
    }
    expect(() => parseGetProtobuf(Buffer.alloc(0))).toThrow(CutOutputError);
    // An empty range is an answer: a header, no keys, no count.
    expect(parseGetProtobuf(pb([1, pb([3, 5])]))).toEqual({
      revision: 5,
      kvs: [],
      more: false,
      count: 0,
    });
    // Text where a message should be (an error printed on stdout) is not an answer.
    expect(() => parseGetProtobuf(Buffer.from('{"error":"x"}'))).toThrow(OperationError);
  });

  it('reads member add output: the new id and the ETCD_INITIAL_CLUSTER to start it with', () => {
    expect(parseMemberAdd(real34.memberAdd)).toEqual({
      id: 'c8a79738d36b0839',
      initialCluster: 'm1=http://127.0.0.1:23801,x=http://127.0.0.1:23802',
      initialClusterState: 'existing',
    });
    expect(() => parseMemberAdd('Error: etcdserver: unhealthy cluster')).toThrow(/member add/);
  });

  it('does not mistake digits inside strings or floats for ids', () => {
    const v = parseEtcdJson(
      '{"a":"12345678901234567890","b":0.1234567890123456789,"c":12345678901234567890}',
      'test',
    ) as Record<string, unknown>;
    expect(v.a).toBe('12345678901234567890');
    expect(typeof v.b).toBe('number');
    expect(v.c).toBe('12345678901234567890');
  });

  it('fails with the command named and the start of the output when it is not JSON', () => {
    const err = (() => {
      try {
        parseMemberList('Error: context deadline exceeded');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(/etcdctl member list.*context deadline exceeded/s);
  });

  it('normalises member ids given as hex, rejects anything else', () => {
    expect(normaliseHexId('0xC8A79738D36B0839')).toBe('c8a79738d36b0839');
    expect(normaliseHexId('00ff')).toBe('ff');
    expect(() => normaliseHexId('etcd1')).toThrow(/not an etcd member id/);
    expect(idToHex('18446744073709551615')).toBe('ffffffffffffffff');
    expect(() => idToHex(1.5)).toThrow(OperationError);
  });

  it('reads env files as Kubespray writes /etc/etcd.env', () => {
    expect(
      parseEnvLines(
        '# Environment file for etcd\nETCD_DATA_DIR=/var/lib/etcd\nETCD_NAME="etcd1"\nexport ETCD_X=\'y\'\n',
      ),
    ).toEqual({ ETCD_DATA_DIR: '/var/lib/etcd', ETCD_NAME: 'etcd1', ETCD_X: 'y' });
  });

  it('reads `endpoint hashkv` (captured from 3.4.23): the hash and -1 for never compacted', () => {
    const text = `[{"Endpoint":"http://127.0.0.1:34891","HashKV":{"header":{"cluster_id":13934622272612980273,"member_id":13052636115852066580,"revision":49793,"raft_term":2},"hash":820509857,"compact_revision":-1}}]`;
    expect(parseEndpointHashKV(text, 49793)).toEqual([
      { endpoint: 'http://127.0.0.1:34891', revision: 49793, hash: 820509857, compactRevision: -1 },
    ]);
    expect(
      parseEndpointHashKV('[{"Endpoint":"e","HashKV":{"hash":1,"compact_revision":40}}]', 50)[0]
        .compactRevision,
    ).toBe(40);
    expect(() => parseEndpointHashKV('[{"Endpoint":"e"}]', 1)).toThrow(OperationError);
  });
});

/** A protobuf message of (field, varint | bytes) pairs, as etcd would write it. */
function pb(...fields: [number, number | Buffer][]): Buffer {
  const out: number[] = [];
  const varint = (n: number) => {
    let v = n;
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  };
  for (const [field, value] of fields) {
    if (typeof value === 'number') {
      varint(field * 8);
      varint(value);
    } else {
      varint(field * 8 + 2);
      varint(value.length);
      out.push(...value);
    }
  }
  return Buffer.from(out);
}
