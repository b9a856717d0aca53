import { describe, expect, it } from 'vitest';
import { httpBody, wholeResponse } from '../../../src/etcd/etcdctl.js';
import { type Member, parsePeerMembers } from '../../../src/etcd/etcdctl-output.js';
import { type PublishStallProbe, watchPublishStall } from '../../../src/recovery/publish-stall.js';

// The watch on a fake clock: what the joining member's own peer port says at each poll is
// scripted, the restart and the health check are recorded. The real stall (etcd's) is met in
// test/integration/recovery/publish-stall.test.ts.

const peer = (n: number) => `https://10.0.0.${n}:2380`;
const client = (n: number) => `https://10.0.0.${n}:2379`;
const member = (n: number, name: string, isLearner = false): Member => ({
  id: `${n}`,
  name,
  peerURLs: [peer(n)],
  clientURLs: name ? [client(n)] : [],
  isLearner,
});
/** etcd1 and etcd2 published; etcd3 (joining) named as given. */
const view = (joining: string, extra: Member[] = []) => [
  member(1, 'etcd1'),
  member(2, 'etcd2'),
  member(3, joining),
  ...extra,
];

function harness(
  views: (Member[] | Error)[],
  healthyUrls: string[] = [client(1), client(2)],
  settleAfterPolls = Number.POSITIVE_INFINITY,
) {
  let t = 0;
  let polls = 0;
  const calls = { restarts: 0, healthChecks: [] as string[][], noQuorum: [] as number[][] };
  const probe: PublishStallProbe = {
    ownView: async () => {
      const v = views[Math.min(polls, views.length - 1)]!;
      polls++;
      if (v instanceof Error) throw v;
      return v;
    },
    healthy: async (urls) => {
      calls.healthChecks.push(urls);
      return new Set(urls.filter((u) => healthyUrls.includes(u)));
    },
    restart: async () => {
      calls.restarts++;
    },
  };
  const run = () =>
    watchPublishStall(probe, {
      member: 'etcd3',
      peerURL: peer(3),
      now: () => t,
      sleep: async (ms) => {
        t += ms;
      },
      settled: () => polls >= settleAfterPolls,
      onNoQuorum: (up, needed) => calls.noQuorum.push([up, needed]),
    });
  return { run, calls, polls: () => polls };
}

describe('watchPublishStall', () => {
  it('restarts once a joining member has held its own name for 0.5 s while the others are a quorum', async () => {
    const h = harness([view(''), view(''), view('etcd3')]);
    const why = await h.run();
    expect(h.calls.restarts).toBe(1);
    // Named at the 3rd poll (t=500), restarted at the poll 0.5 s later (t=1000): 5 polls.
    expect(h.polls()).toBe(5);
    expect(h.calls.healthChecks).toEqual([[client(1), client(2)]]);
    expect(why).toMatch(/etcd3 held its own published name for 0\.5 s.*2 of 3 voters healthy/);
  });

  it('does not restart a member that never holds its name (the ordinary join), and ends when the start does', async () => {
    const h = harness([view('')], undefined, 20);
    expect(await h.run()).toBeUndefined();
    expect(h.calls.restarts).toBe(0);
    expect(h.calls.healthChecks).toEqual([]);
  });

  it('never restarts when the others are no quorum without it (growing one member back to two)', async () => {
    const two = [member(1, 'etcd1'), member(3, 'etcd3')];
    const h = harness([two], [client(1)], 30);
    expect(await h.run()).toBeUndefined();
    expect(h.calls.restarts).toBe(0);
    // Told once, not at every poll.
    expect(h.calls.noQuorum).toEqual([[1, 2]]);
  });

  it('counts learners out of the quorum and needs the other voters healthy', async () => {
    // 4 voters (etcd3 among them) and a learner: 3 needed; only etcd1 and etcd2 answer.
    const h = harness(
      [view('etcd3', [member(4, 'etcd4'), member(5, 'etcd5', true)])],
      undefined,
      30,
    );
    expect(await h.run()).toBeUndefined();
    expect(h.calls.restarts).toBe(0);
    expect(h.calls.healthChecks[0]).toEqual([client(1), client(2), client(4)]);
    expect(h.calls.noQuorum).toEqual([[2, 3]]);
  });

  it('starts the 0.5 s over when the name goes away, and looks again while the peer port does not answer', async () => {
    const refused = new Error('connection refused');
    const h = harness([
      refused,
      view('etcd3'),
      view('etcd3'),
      view(''),
      refused,
      view('etcd3'),
      view('etcd3'),
      view('etcd3'),
      view('etcd3'),
      view('etcd3'),
    ]);
    await h.run();
    expect(h.calls.restarts).toBe(1);
    // Named from the 6th poll (t=1250) on; restarted at t=1750, the 8th poll.
    expect(h.polls()).toBe(8);
  });

  it('leaves the member alone when the start finished while the others were being checked', async () => {
    let settled = false;
    let t = 0;
    let restarts = 0;
    const why = await watchPublishStall(
      {
        ownView: async () => view('etcd3'),
        healthy: async (urls) => {
          settled = true;
          return new Set(urls);
        },
        restart: async () => {
          restarts++;
        },
      },
      {
        member: 'etcd3',
        peerURL: peer(3),
        now: () => t,
        sleep: async (ms) => {
          t += ms;
        },
        settled: () => settled,
      },
    );
    expect(why).toBeUndefined();
    expect(restarts).toBe(0);
  });
});

describe('parsePeerMembers', () => {
  it("reads a peer port's /members, ids beyond 2^53 exact, with or without HTTP headers before it", () => {
    const body =
      '[{"id":10276657743932975437,"peerURLs":["https://10.0.0.1:2380"],"name":"etcd1","clientURLs":["https://10.0.0.1:2379"]},' +
      '{"id":1,"peerURLs":["https://10.0.0.3:2380"],"name":"","clientURLs":[],"isLearner":true}]\n';
    const expected = [
      {
        id: '8e9e05c52164694d',
        name: 'etcd1',
        peerURLs: ['https://10.0.0.1:2380'],
        clientURLs: ['https://10.0.0.1:2379'],
        isLearner: false,
      },
      { id: '1', name: '', peerURLs: ['https://10.0.0.3:2380'], clientURLs: [], isLearner: true },
    ];
    expect(parsePeerMembers(body)).toEqual(expected);
    expect(
      parsePeerMembers(`HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n${body}`),
    ).toEqual(expected);
  });

  it('refuses what is not a list of members', () => {
    expect(() => parsePeerMembers('{"message":"not found"}')).toThrow(/peer port's \/members/);
    expect(() => parsePeerMembers('404 page not found')).toThrow(/peer port's \/members/);
  });
});

describe('httpBody (what curl or openssl s_client printed)', () => {
  it('keeps a body curl printed, and takes the body out of a whole response, chunked or not', () => {
    expect(httpBody('[{"id":1}]')).toBe('[{"id":1}]');
    expect(httpBody('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[{"id":1}]')).toBe('[{"id":1}]');
    expect(
      httpBody(
        'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n[{"i\r\n6\r\nd":1}]\r\n0\r\n\r\n',
      ),
    ).toBe('[{"id":1}]');
    // Headers cut before their end: no body at all, never the headers as one.
    expect(httpBody('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n')).toBe('');
  });
});

describe('wholeResponse', () => {
  it('counts a response whole only when its body has all of its Content-Length', () => {
    expect(wholeResponse('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n[{"id":1}]')).toBe(true);
    expect(wholeResponse('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n[{"id":1}]')).toBe(false);
    expect(wholeResponse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n')).toBe(false);
    expect(wholeResponse('[{"id":1}]')).toBe(false);
  });
});
