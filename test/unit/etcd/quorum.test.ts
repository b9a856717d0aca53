import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import type { Member } from '../../../src/etcd/etcdctl-output.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { hasQuorum, quorumVerdict } from '../../../src/recovery/health.js';

const member = (n: number, extra: Partial<Member> = {}): Member => ({
  id: (0x1000 + n).toString(16),
  name: `etcd${n}`,
  peerURLs: [`https://10.0.0.${n}:2380`],
  clientURLs: [`https://10.0.0.${n}:2379`],
  isLearner: false,
  ...extra,
});

describe('quorum verdict', () => {
  it('needs a strict majority of voters', () => {
    expect(
      [1, 2, 3, 4, 5].map((v) => [v, [...Array(v + 1).keys()].filter((h) => hasQuorum(h, v))[0]]),
    ).toEqual([
      [1, 1],
      [2, 2],
      [3, 2],
      [4, 3],
      [5, 3],
    ]);
    expect(hasQuorum(0, 0)).toBe(false);
  });

  it('does not count learners, and counts an added-but-never-started member as an unhealthy voter', () => {
    const members = [
      member(1),
      member(2),
      member(3, { name: '', clientURLs: [] }),
      member(4, { isLearner: true }),
    ];
    const healthy = new Set(['https://10.0.0.1:2379', 'https://10.0.0.4:2379']);
    expect(quorumVerdict(members, healthy, 3)).toEqual({
      voters: 3,
      healthyVoters: 1,
      quorum: false,
    });
    healthy.add('https://10.0.0.2:2379');
    expect(quorumVerdict(members, healthy, 3)).toEqual({
      voters: 3,
      healthyVoters: 2,
      quorum: true,
    });
  });

  it('without a member list, takes the inventory etcd hosts as voters and finds no quorum', () => {
    expect(quorumVerdict([], new Set(), 3)).toEqual({ voters: 3, healthyVoters: 0, quorum: false });
  });
});

describe('EtcdCtl input checks', () => {
  const node = new LocalTransport('cp-1');
  it('rejects an endpoint without scheme or no endpoint at all, before running anything', () => {
    expect(() => new EtcdCtl(node, { endpoints: ['10.0.0.1:2379'] })).toThrow(InputError);
    expect(() => new EtcdCtl(node, { endpoints: ['10.0.0.1:2379'] })).toThrow(
      /"10\.0\.0\.1:2379" is not an etcd endpoint: expected http\(s\):\/\/HOST:PORT/,
    );
    expect(() => new EtcdCtl(node, { endpoints: [] })).toThrow(
      /No etcd endpoint given for node cp-1/,
    );
  });
});
