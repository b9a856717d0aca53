import { describe, expect, it } from 'vitest';
import {
  type Clock,
  definiteLoss,
  liveLeader,
  quorumPossible,
  type RaftView,
  watchForLeader,
} from '../../../src/recovery/evidence.js';

/** A clock that only moves when the watch sleeps: no test waits for real time. */
function fakeClock(): Clock & { slept: number[] } {
  let t = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

const view = (memberId: string, leader: string, raftTerm: number): RaftView => ({
  memberId,
  leader,
  raftTerm,
  raftIndex: 100,
});

describe('definite losses are decided at once', () => {
  it('a host that does not answer, or no etcd on the client port, is lost; a running etcd is not', () => {
    expect(
      definiteLoss({ reachable: false, unreachableWhy: 'connection refused', etcdRunning: false }),
    ).toBe('host does not answer (connection refused)');
    expect(
      definiteLoss({
        reachable: true,
        etcdRunning: false,
        dataDir: 'empty',
        dataDirPath: '/var/lib/etcd',
        clientPort: '2379',
      }),
    ).toBe('no etcd process listens on client port 2379; data dir /var/lib/etcd is empty');
    expect(
      definiteLoss({ reachable: true, etcdRunning: false, dataDir: 'missing', dataDirPath: '/d' }),
    ).toBe('no etcd process listens on client port 2379; data dir /d is missing');
    // etcd serves from its open files even when its dir was emptied under it: status decides.
    expect(definiteLoss({ reachable: true, etcdRunning: true, dataDir: 'empty' })).toBeUndefined();
  });

  it('quorum is possible only while a strict majority of voters runs', () => {
    expect(quorumPossible(1, 3)).toBe(false);
    expect(quorumPossible(2, 3)).toBe(true);
    expect(quorumPossible(2, 4)).toBe(false);
    expect(quorumPossible(3, 5)).toBe(true);
  });

  it('a leader counts only when it is a member that answered (a dead one is still named until the election timeout)', () => {
    const live = new Set(['a1', 'b2']);
    expect(liveLeader(view('a1', 'b2', 3), live)).toBe('b2');
    expect(liveLeader(view('a1', 'c3', 3), live)).toBeUndefined();
    expect(liveLeader(view('a1', '0', 3), live)).toBeUndefined();
  });
});

describe('the leader watch stops as soon as the answer is clear', () => {
  const live = new Set(['a1', 'b2']);

  it('ends when a live leader is elected', async () => {
    const clock = fakeClock();
    const looks = [
      [view('a1', 'c3', 4), view('b2', 'c3', 4)],
      [view('a1', '0', 5), view('b2', '0', 5)],
      [view('a1', 'b2', 5), view('b2', 'b2', 5)],
    ];
    let i = 0;
    const out = await watchForLeader(async () => looks[Math.min(i++, 2)]!, live, {
      electionTimeoutMs: 1000,
      boundMs: 10_000,
      clock,
    });
    expect(out).toEqual({ kind: 'leader', leader: 'b2', afterMs: 400, term: 5 });
    expect(i).toBe(3);
  });

  it('ends without a leader once no term moved for twice the election timeout (pre-vote keeps terms still)', async () => {
    const clock = fakeClock();
    const out = await watchForLeader(async () => [view('a1', '0', 7), view('b2', '0', 7)], live, {
      electionTimeoutMs: 1000,
      boundMs: 10_000,
      clock,
    });
    expect(out).toMatchObject({ kind: 'no-leader', term: 7, termMoved: false });
    expect(out.afterMs).toBe(2200);
    expect(out.kind === 'no-leader' && out.why).toMatch(/raft term 7 unchanged for 2\.2 s/);
  });

  it('a moving term restarts the quiet period; elections that keep failing end at the bound', async () => {
    const clock = fakeClock();
    let term = 10;
    const out = await watchForLeader(
      async () => {
        term += 1;
        return [view('a1', '0', term)];
      },
      live,
      { electionTimeoutMs: 1000, boundMs: 3000, clock },
    );
    expect(out).toMatchObject({ kind: 'no-leader', termMoved: true });
    expect(out.afterMs).toBe(3000);
    expect(out.kind === 'no-leader' && out.why).toMatch(/within 3\.0 s, raft term still moving/);
    expect(Math.max(...clock.slept)).toBeLessThanOrEqual(200);
  });

  it('members that stop answering meanwhile do not hold the watch past its bound', async () => {
    const clock = fakeClock();
    const out = await watchForLeader(async () => [], live, {
      electionTimeoutMs: 5000,
      boundMs: 1500,
      clock,
    });
    expect(out).toMatchObject({ kind: 'no-leader', afterMs: 1500 });
  });
});
