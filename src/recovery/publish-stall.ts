/**
 * etcd's publish stall on join. A blank member that joins sends its "publish" (its name and
 * client URLs) through raft as soon as it starts, and serves clients only once it has seen that
 * request applied. When the leader applies it first and then catches the new member up with a
 * snapshot that already holds it, the member never sees its own request applied: it waits out
 * its request timeout (5 s + 2 × the election timeout, 15 s with Kubespray's 5000 ms), logs
 * `failed to publish local member … publish-timeout 15s`, publishes again and is ready a few ms
 * later. On these machines that hit most joins and made a member-loss restore take ~18 s
 * where Kubespray's own sequence, when it was lucky, took ~6 s.
 *
 * The sign is exact: the member's own member list (its peer port, which answers without raft)
 * already holds its name while it does not serve. Then a restart publishes again from the
 * state it already has, which is ready within a second or two. It is restarted only when the
 * other healthy voters are a quorum without it, so the restart never takes the cluster's
 * quorum away (growing a one-member cluster back to two waits the timeout out instead).
 */
import type { Member } from '../etcd/etcdctl-output.js';

/** How the watch reads the joining member and acts on it. */
export interface PublishStallProbe {
  /** The member list as the joining member itself holds it (its peer port's `/members`). */
  ownView(): Promise<Member[]>;
  /** Which of these client URLs answer healthy. */
  healthy(clientURLs: string[]): Promise<Set<string>>;
  /** Restarts etcd on the joining node; resolves once it runs again. */
  restart(): Promise<void>;
}

export interface PublishStallOptions {
  member: string;
  peerURL: string;
  /**
   * How long the member must hold its own name without serving before it counts as stalled
   * (500 ms). A member whose publish applied the ordinary way is ready within milliseconds of
   * holding its name, and its `systemctl start` returns with it; restarting one that was about
   * to be ready costs a second or two, never data.
   */
  namedForMs?: number;
  pollMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Set once the start has finished by itself: the watch ends without acting. */
  settled: () => boolean;
  /** Told once when the stall is seen but the others are no quorum without the member. */
  onNoQuorum?: (healthy: number, needed: number) => void;
  /** What each look found (for --verbose). */
  debug?: (message: string) => void;
}

/** Why a stalled member was restarted, or undefined when the start finished without one. */
export async function watchPublishStall(
  probe: PublishStallProbe,
  o: PublishStallOptions,
): Promise<string | undefined> {
  const now = o.now ?? Date.now;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const namedForMs = o.namedForMs ?? 500;
  const pollMs = o.pollMs ?? 250;
  let namedAt: number | undefined;
  let toldNoQuorum = false;
  // The others' health is asked as soon as the member is first seen named, so the answer is
  // there when the wait is over; a check that found no quorum is asked again.
  let health: Promise<number> | undefined;
  const others = (voters: Member[], me: Member) =>
    voters.filter((m) => m !== me).flatMap((m) => m.clientURLs);
  while (!o.settled()) {
    let view: Member[] | undefined;
    try {
      view = await probe.ownView();
    } catch (err) {
      // Not listening yet, or between restarts: look again.
      o.debug?.(`publish watch: ${o.member}'s peer port: ${(err as Error).message}`);
    }
    const me = view?.find((m) => m.peerURLs.includes(o.peerURL));
    if (view)
      o.debug?.(`publish watch: ${o.member} holds the name "${me?.name ?? '(not listed)'}"`);
    if (view && me && me.name === o.member) {
      namedAt ??= now();
      const voters = view.filter((m) => !m.isLearner);
      health ??= probe.healthy(others(voters, me)).then(
        (up) => up.size,
        (err: Error) => {
          o.debug?.(`publish watch: health of the other members: ${err.message}`);
          return 0;
        },
      );
      if (now() - namedAt >= namedForMs) {
        const needed = Math.floor(voters.length / 2) + 1;
        const up = await health;
        if (o.settled()) return undefined;
        if (up >= needed) {
          const stalled = ((now() - namedAt) / 1000).toFixed(1);
          await probe.restart();
          return `${o.member} held its own published name for ${stalled} s without serving (etcd's publish stall after a snapshot that already holds it); restarted once, with ${up} of ${voters.length} voters healthy without it`;
        }
        health = undefined;
        if (!toldNoQuorum) {
          toldNoQuorum = true;
          o.onNoQuorum?.(up, needed);
        }
      }
    } else {
      namedAt = undefined;
    }
    await sleep(pollMs);
  }
  return undefined;
}
