import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { privateFileStream } from '../durable-file.js';
import type { EtcdCtl } from '../etcd/etcdctl.js';
import type { EndpointHashKV } from '../etcd/etcdctl-output.js';
import {
  compareHashKV,
  compareKeyspaces,
  compareWithDigests,
  type EtcdHashKV,
  fingerprintOfPairs,
  fingerprintViaEtcdCtl,
  type KeyspaceDigests,
  type KeyspaceFingerprint,
  type KeyValuePair,
  type PageReader,
  pagedPairs,
  rangedPairs,
} from '../etcd/fingerprint.js';
import type { Layout } from '../etcd/layout.js';
import { ADMIN_KUBECONFIG } from '../etcd/layout.js';
import { SnapshotKeyspace } from '../etcd/snapshot-keyspace.js';
import type { Transport } from '../nodes/transport.js';
import { approveKubeletCsrs, type CsrDecision } from './kubelet-csrs.js';
import type { ObservedRun, RestoredFile } from './node-steps.js';
import type { Plan, StepOf } from './plan-types.js';
import { openSnapshotOnNode } from './snapshot-on-node.js';

/**
 * After every restore, proof step by step: the members are healthy and as many as the
 * inventory's etcd group, the revision did not go back, the keyspace equals the snapshot's,
 * the certificates are in place with the modes they were saved with, and — where a
 * Kubernetes API runs — it is ready and its nodes are Ready.
 */
export interface VerificationCheck {
  name: string;
  status: 'passed' | 'failed' | 'skipped';
  expected?: string;
  actual?: string;
  detail: string;
}

export interface Verification {
  ok: boolean;
  checks: VerificationCheck[];
}

export interface VerifyDeps {
  plan: Plan;
  /** etcdctl on the anchor node, talking to every member's client URL. */
  cluster: EtcdCtl;
  layout: Layout;
  transportFor: (host: string) => Promise<Transport>;
  observed: ObservedRun;
  /**
   * Read the restored snapshot on its node (a throw-away etcd there) instead of copying it to
   * this machine: the dress rehearsal, where nothing of the user's backup may land on the runner.
   */
  keyspaceOnNode?: boolean;
  /** Where each check's time goes (`--verbose`). */
  debug?: (message: string) => void;
}

/**
 * Keys per etcdctl read of the keyspace check, and about how many stored bytes: pages of
 * 5,000 keys of Kubernetes' size (~2.5 MB of JSON); fewer where objects are large.
 */
const PAGE_KEYS = 5000;
const PAGE_BYTES = 8 * 1024 * 1024;
/**
 * The check against a snapshot file reads the cluster in ranges cut from the snapshot's keys,
 * this many at once, each of at most RANGE_KEYS: one etcdctl each, in even rounds (see
 * SnapshotKeyspace.ranges). Fewer, larger reads at once beat more smaller ones over SSH: 20,000
 * keys took 550–600 ms as 3 ranges of 6,667, 600–700 ms as 6 of 3,400 six at once.
 */
const RANGES_AT_ONCE = 3;
const RANGE_KEYS = 10_000;

const passed = (name: string, detail: string, expected?: string, actual?: string) =>
  ({ name, status: 'passed', detail, expected, actual }) as const;
const failed = (name: string, detail: string, expected?: string, actual?: string) =>
  ({ name, status: 'failed', detail, expected, actual }) as const;
const skipped = (name: string, detail: string) => ({ name, status: 'skipped', detail }) as const;

async function check(
  name: string,
  work: () => Promise<VerificationCheck>,
): Promise<VerificationCheck> {
  try {
    return await work();
  } catch (err) {
    return failed(name, (err as Error).message);
  }
}

/** `check`, with how long it took said on the debug channel. */
async function timedCheck(
  debug: VerifyDeps['debug'],
  name: string,
  work: () => Promise<VerificationCheck>,
): Promise<VerificationCheck> {
  const t0 = Date.now();
  const result = await check(name, work);
  debug?.(`verify: ${name} ${result.status} in ${Date.now() - t0} ms`);
  return result;
}

export async function verifyRecovery(deps: VerifyDeps): Promise<Verification> {
  const { plan, cluster, observed } = deps;
  const timed = (name: string, work: () => Promise<VerificationCheck>) =>
    timedCheck(deps.debug, name, work);
  const etcdTouched = plan.cases.some((c) => c !== 'cert-loss');
  const etcdGroup = plan.removedHosts?.length
    ? `the inventory's [etcd] without ${plan.removedHosts.join(', ')}`
    : "the inventory's [etcd]";

  // Every check only reads (health, membership, status, the keyspace, files on the nodes, the
  // API), and none depends on another's answer but "members agree" on the keyspace's revision:
  // they run side by side, and the report keeps this order.
  const healthy = timed('members healthy', async () => {
    const health = await cluster.endpointHealth();
    const sick = health.filter((h) => !h.healthy);
    return sick.length === 0
      ? passed('members healthy', `${health.length} endpoints healthy`)
      : failed(
          'members healthy',
          sick.map((h) => `${h.endpoint}: ${h.error ?? 'unhealthy'}`).join('; '),
        );
  });

  const count = timed('member count', async () => {
    const members = await cluster.memberList();
    const names = members.map((m) => m.name).sort();
    const want = [...plan.expect.members].sort();
    const same = names.length === want.length && names.every((n, i) => n === want[i]);
    return same
      ? passed(
          'member count',
          `${names.length} members, as in ${etcdGroup}`,
          want.join(','),
          names.join(','),
        )
      : failed(
          'member count',
          `the cluster's members differ from ${etcdGroup}`,
          want.join(','),
          names.join(','),
        );
  });

  const minRevision = plan.expect.minRevision ?? observed.snapshot?.revision;
  const revision = timed('revision', async () => {
    if (minRevision === undefined) {
      return skipped('revision', 'no snapshot was restored, so no revision to compare with');
    }
    const { statuses } = await cluster.endpointStatus();
    const revision = Math.max(...statuses.map((s) => s.revision));
    return revision >= minRevision
      ? passed('revision', 'not behind the snapshot', `≥ ${minRevision}`, String(revision))
      : failed(
          'revision',
          'the cluster is behind the snapshot it was restored from',
          `≥ ${minRevision}`,
          String(revision),
        );
  });

  // The revision the keyspace is compared with the snapshot file at, told as soon as the file
  // is open (undefined when it is not compared), so that the members' hashes are asked meanwhile.
  let tell!: (revision: number | undefined) => void;
  const comparedAt = new Promise<number | undefined>((resolve) => {
    tell = resolve;
  });
  // Every member's HashKV at that revision, asked once: the keyspace check compares each with
  // the one computed from the file, "members agree" compares them with each other.
  let hashes: Promise<EndpointHashKV[]> | undefined;
  const hashKVAt = (at: number) => {
    hashes ??= cluster.hashKV(at);
    return hashes;
  };
  const keyspace = timed('keyspace', async () => {
    if (!etcdTouched || plan.source.kind === 'none') {
      return skipped(
        'keyspace',
        'no snapshot was restored: the keyspace is the running cluster’s own',
      );
    }
    // At the snapshot's own revision (moved up by the bump, if any): writes the control
    // plane makes right after the restart must not count as a difference.
    const restore = comparedRestore(plan);
    const bump = restore?.params.bumpRevision ?? 0;
    // First choice, in every case: each key and value against the snapshot file that was
    // restored (still staged: it is discarded only after verification).
    if (restore) {
      const content = await snapshotContentCheck(deps, restore, bump, tell, hashKVAt);
      if (content) return content.check;
    }
    if (plan.expect.fingerprint) return fullKeyspaceCheck(cluster, plan.expect.fingerprint, bump);
    if (plan.expect.hashKV) return hashKVCheck(cluster, plan.expect.hashKV, bump);
    return skipped(
      'keyspace',
      observed.snapshot
        ? `the staged snapshot from survivor ${observed.snapshot.node} is gone, and a survivor has no key hash to compare with; revision checked instead`
        : 'the staged snapshot is gone, and the backup manifest has no key hash or fingerprint',
    );
  });

  // The keyspace was read through one member; every member restored its own copy (or got it
  // from the leader): etcd's own hash of each at the same revision says they all hold it.
  void keyspace.finally(() => tell(undefined));
  const agree = comparedAt.then((at) =>
    timed('members agree', async () => {
      if (at === undefined || cluster.options.endpoints.length < 2) {
        return skipped(
          'members agree',
          at === undefined
            ? 'no keyspace compared with a restored snapshot'
            : 'one member: nothing to compare',
        );
      }
      const hashes = await hashKVAt(at);
      const compactions = new Set(hashes.map((h) => h.compactRevision));
      if (compactions.size > 1) {
        return skipped(
          'members agree',
          `members compacted at different revisions (${[...compactions].join(', ')}): their HashKV cannot compare`,
        );
      }
      const byHash = new Map<number, string[]>();
      for (const h of hashes) byHash.set(h.hash, [...(byHash.get(h.hash) ?? []), h.endpoint]);
      const seen = [...byHash].map(([hash, eps]) => `${eps.join(', ')}: ${hash}`).join('; ');
      return byHash.size === 1
        ? passed(
            'members agree',
            `every member's HashKV at revision ${at} is the same (${hashes.length} members)`,
          )
        : failed(
            'members agree',
            `members hold different data at revision ${at}; the keyspace check read only one of them`,
            'one HashKV on every member',
            seen,
          );
    }),
  );

  const certificates = timed('certificates', async () => {
    if (observed.restoredFiles.length === 0) {
      return skipped('certificates', 'no archive was restored in this run');
    }
    const wrong = await compareFiles(observed.restoredFiles, deps.transportFor);
    return wrong.length === 0
      ? passed(
          'certificates',
          `${observed.restoredFiles.length} restored entries in place with their saved modes and owners`,
        )
      : failed(
          'certificates',
          wrong.slice(0, 10).join('; ') +
            (wrong.length > 10 ? `; and ${wrong.length - 10} more` : ''),
        );
  });

  const [etcdChecks, apiChecks] = await Promise.all([
    Promise.all([healthy, count, revision, keyspace, agree, certificates]),
    kubernetesChecks(deps),
  ]);
  const checks = [...etcdChecks, ...apiChecks];
  return { ok: checks.every((c) => c.status !== 'failed'), checks };
}

/** Compares what the archives held with what `stat` finds on the nodes now. */
async function compareFiles(
  files: RestoredFile[],
  transportFor: (host: string) => Promise<Transport>,
): Promise<string[]> {
  const wrong: string[] = [];
  const byNode = new Map<string, RestoredFile[]>();
  for (const f of files) byNode.set(f.node, [...(byNode.get(f.node) ?? []), f]);
  for (const [node, list] of byNode) {
    const t = await transportFor(node);
    const res = await t.exec(['stat', '-c', '%a %u %g %F', '--', ...list.map((f) => f.path)], {
      allowFailure: true,
      timeoutMs: 30_000,
    });
    const lines = res.stdout.split('\n').filter(Boolean);
    if (lines.length !== list.length) {
      wrong.push(
        `${node}: ${list.length - lines.length} restored paths missing (${res.stderr.trim().split('\n')[0]})`,
      );
      continue;
    }
    list.forEach((f, i) => {
      const [mode, uid, gid] = lines[i]!.split(' ');
      if (f.type === 'symlink') return; // a link's own mode means nothing on Linux
      if (Number.parseInt(mode!, 8) !== f.mode || Number(uid) !== f.uid || Number(gid) !== f.gid) {
        wrong.push(
          `${node}:${f.path} is ${mode} ${uid}:${gid}, saved as ${f.mode.toString(8)} ${f.uid}:${f.gid}`,
        );
      }
    });
  }
  return wrong;
}

/** Whether the node has kubectl and a readable admin kubeconfig (so the API can be asked). */
export async function hasKubectlAdmin(t: Transport): Promise<boolean> {
  const has = await t.script(
    `command -v kubectl >/dev/null && [ -r ${ADMIN_KUBECONFIG} ] && echo yes`,
    { allowFailure: true, timeoutMs: 15_000 },
  );
  return has.stdout.trim() === 'yes';
}

/** On a kubeadm/kind node with kubectl: API /readyz and every node Ready. */
async function kubernetesChecks(deps: VerifyDeps): Promise<VerificationCheck[]> {
  const cp = deps.plan.steps.find((s) => s.action === 'restart-control-plane')?.node;
  const host = cp ?? deps.plan.steps.find((s) => s.action === 'verify')!.node;
  const t = await deps.transportFor(host);
  const kubeconfig = ADMIN_KUBECONFIG;
  if (!(await hasKubectlAdmin(t))) {
    const why = `no kubectl with ${kubeconfig} on ${host}: no Kubernetes API to ask here`;
    return [skipped('API ready', why), skipped('kubelet CSRs', why), skipped('nodes Ready', why)];
  }
  const kubectl = ['kubectl', `--kubeconfig=${kubeconfig}`];
  const t0 = Date.now();
  const ready = await timedCheck(deps.debug, 'API ready', async () => {
    const deadline = Date.now() + 180_000;
    let last = '';
    for (;;) {
      const r = await t.exec([...kubectl, 'get', '--raw=/readyz'], {
        allowFailure: true,
        timeoutMs: 30_000,
      });
      if (r.code === 0 && r.stdout.trim() === 'ok')
        return passed('API ready', '/readyz answered ok');
      last = (r.stdout + r.stderr).trim().slice(-300);
      // /readyz names what fails with [-]; print those, not the whole list.
      const failing = (r.stdout + r.stderr).match(/\[-\][^\n\\]*/g)?.join(', ');
      deps.debug?.(
        `verify: /readyz not ok after ${Date.now() - t0} ms: ${failing ?? last.slice(-160)}`,
      );
      if (Date.now() > deadline)
        return failed('API ready', `/readyz did not answer ok within 180 s: ${last}`);
      await new Promise((r) => setTimeout(r, 2000));
    }
  });
  // The runbook's "approve the pending CSRs": kubelets that restarted ask for certificates.
  // Asked before the nodes check, while it waits, and after it (a kubelet that came up late).
  const kubeletNodes = deps.plan.kubeletNodes;
  const approved = new Map<string, CsrDecision>();
  const leftAlone = new Map<string, CsrDecision>();
  let csrError: string | undefined;
  const approveRound = async () => {
    if (!kubeletNodes || csrError) return;
    try {
      const round = await approveKubeletCsrs(t, kubectl, kubeletNodes);
      for (const d of round.approved) approved.set(d.name, d);
      for (const d of round.leftAlone) leftAlone.set(d.name, d);
    } catch (err) {
      csrError = (err as Error).message;
    }
  };
  if (ready.status === 'passed') await approveRound();
  // A node whose etcd or API server was down misses heartbeats and is NotReady for a while
  // after etcd is back (measured on kubeadm: Ready again ~25 s after the member rejoined).
  const nodes = await timedCheck(deps.debug, 'nodes Ready', async () => {
    const deadline = Date.now() + 180_000;
    for (;;) {
      const r = await t.exec([...kubectl, 'get', 'nodes', '-o', 'json'], { timeoutMs: 30_000 });
      const items = (JSON.parse(r.stdout) as { items: KubeNode[] }).items;
      const notReady = items.filter(
        (n) => !n.status.conditions.some((c) => c.type === 'Ready' && c.status === 'True'),
      );
      if (notReady.length > 0) {
        deps.debug?.(
          `verify: not Ready after ${Date.now() - t0} ms: ${notReady.map((n) => n.metadata.name).join(', ')}`,
        );
        await approveRound();
      }
      if (notReady.length === 0) return passed('nodes Ready', `${items.length} nodes Ready`);
      if (Date.now() > deadline) {
        return failed(
          'nodes Ready',
          `not Ready after 180 s: ${notReady.map(notReadyDetail).join('; ')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 3000));
    }
  });
  if (ready.status === 'passed') await approveRound();
  const say = (d: CsrDecision) =>
    `${d.name} (${d.requestor || 'no requestor'}, ${d.signer}): ${d.why}`;
  const csrs = !kubeletNodes
    ? skipped(
        'kubelet CSRs',
        'the plan names no Kubernetes nodes (a plan file from before kube-rescue approved kubelet CSRs): none approved',
      )
    : ready.status !== 'passed'
      ? skipped('kubelet CSRs', 'the API is not ready: no CSR looked at')
      : csrError
        ? failed('kubelet CSRs', csrError)
        : passed(
            'kubelet CSRs',
            [
              approved.size > 0
                ? `approved ${[...approved.values()].map(say).join('; ')}`
                : 'no pending kubelet CSR of a node of the inventory',
              ...(leftAlone.size > 0
                ? [
                    `left alone ${[...leftAlone.values()]
                      .filter((d) => !approved.has(d.name))
                      .map(say)
                      .join('; ')}`,
                  ]
                : []),
            ].join('. '),
            undefined,
            [...approved.keys()].join(',') || undefined,
          );
  return [ready, csrs, nodes];
}

export interface KubeNode {
  metadata: { name: string };
  status: {
    conditions: {
      type: string;
      status: string;
      reason?: string;
      message?: string;
      lastHeartbeatTime?: string;
    }[];
  };
}

/**
 * A node that is not Ready, with what its Ready condition says: "node2 (Ready Unknown,
 * NodeStatusUnknown: Kubelet stopped posting node status., last heartbeat <time>)".
 */
export function notReadyDetail(n: KubeNode): string {
  const c = n.status.conditions.find((x) => x.type === 'Ready');
  if (!c) return `${n.metadata.name} (no Ready condition)`;
  const said = [c.reason, c.message?.replace(/\s+/g, ' ').slice(0, 200)].filter(Boolean).join(': ');
  return `${n.metadata.name} (Ready ${c.status}${said ? `, ${said}` : ''}${c.lastHeartbeatTime ? `, last heartbeat ${c.lastHeartbeatTime}` : ''})`;
}

/** Every key and value at the snapshot's revision against the backup's full fingerprint. */
async function fullKeyspaceCheck(
  cluster: EtcdCtl,
  fp: KeyspaceFingerprint,
  bump: number,
): Promise<VerificationCheck> {
  const now = await fingerprintViaEtcdCtl(cluster, { revision: fp.revision + bump });
  return now.count === fp.count && now.sha256 === fp.sha256
    ? passed(
        'keyspace',
        `${now.count} keys, same sha256 as the snapshot`,
        `${fp.count} / ${fp.sha256.slice(0, 12)}`,
        `${now.count} / ${now.sha256.slice(0, 12)}`,
      )
    : failed(
        'keyspace',
        'the restored keyspace differs from the snapshot (keys lost, or written since the restore)',
        `${fp.count} keys / ${fp.sha256.slice(0, 12)}`,
        `${now.count} keys / ${now.sha256.slice(0, 12)} at revision ${now.revision}`,
      );
}

/**
 * Every member's HashKV at the snapshot's revision against the backup's, and the live key
 * count. After a revision bump the history up to the new revision is marked compacted, so only
 * the count can be compared (at the bumped revision, where the keyspace is the snapshot's).
 */
async function hashKVCheck(
  cluster: EtcdCtl,
  expected: EtcdHashKV,
  bump: number,
): Promise<VerificationCheck> {
  const { count } = await cluster.keyCount(expected.revision + bump);
  const counted = `${expected.count} keys`;
  if (count !== expected.count) {
    return failed(
      'keyspace',
      'the restored keyspace has a different number of keys than the snapshot',
      counted,
      `${count} keys at revision ${expected.revision + bump}`,
    );
  }
  if (bump > 0) {
    return passed(
      'keyspace',
      `${count} keys at revision ${expected.revision + bump}; etcd's key hash is not comparable after a revision bump (it marks the history up to the new revision compacted) — back up with --fingerprint full to compare every key`,
      counted,
      `${count} keys`,
    );
  }
  const hashes = await cluster.hashKV(expected.revision);
  const verdicts = hashes.map((h) => ({ h, c: compareHashKV(expected, { ...h, count }) }));
  const different = verdicts.filter((v) => v.c.result === 'different');
  const want = `${counted}, HashKV ${expected.hash}`;
  if (different.length > 0) {
    return failed(
      'keyspace',
      `etcd's key hash at revision ${expected.revision} differs from the backup's on ${different.map((v) => v.h.endpoint).join(', ')}`,
      want,
      different.map((v) => `${v.h.endpoint}: ${v.h.hash}`).join('; '),
    );
  }
  const incomparable = verdicts.filter((v) => v.c.result === 'incomparable');
  return passed(
    'keyspace',
    incomparable.length === 0
      ? `${count} keys; every member's HashKV at revision ${expected.revision} equals the backup's`
      : `${count} keys; HashKV not compared on ${incomparable.map((v) => `${v.h.endpoint} (${(v.c as { detail: string }).detail})`).join(', ')}`,
    want,
    `${count} keys, HashKV ${[...new Set(hashes.map((h) => h.hash))].join('/')}`,
  );
}

/**
 * Every key and value of the restored cluster, at the snapshot's revision moved up by the bump,
 * against the snapshot file that was restored, so it compares after a revision bump, after a
 * survivor's snapshot (which has no manifest) and after a backup's whose manifest holds only
 * HashKV. By default the file is copied from the node that restored it into a private temp dir
 * on the runner (it holds every Secret; removed at once) and read by our own reader
 * (etcd/snapshot-keyspace), which needs positional reads; memory stays bounded by the keys,
 * never the values. With `keyspaceOnNode` the file never leaves its node: a throw-away etcd
 * there serves it (snapshot-on-node.ts), as `verify --deep` does for one member.
 * undefined when the staged file is no longer there (verification run again after the plan
 * discarded it): the caller falls back to the manifest's fingerprint or hash.
 *
 * From the local copy, first by hash (`fileHashKVCheck`): each member's own HashKV against
 * the one computed from the file, which needs no read of the keyspace; only when a member's
 * differs (or cannot be asked) is the cluster read key by key, to name what differs.
 */
async function snapshotContentCheck(
  deps: VerifyDeps,
  restore: StepOf<'restore-snapshot'>,
  bump: number,
  tell: (revision: number) => void,
  hashKVAt: (revision: number) => Promise<EndpointHashKV[]>,
): Promise<{ check: VerificationCheck; revision: number } | undefined> {
  // The plan names a mktemp template; the runner knows the directory it made.
  const remote =
    (await deps.observed.stagedPath?.(restore.node, restore.params.snapshot)) ??
    restore.params.snapshot;
  const t = await deps.transportFor(restore.node);
  const there = async () =>
    (await t.exec(['test', '-r', remote], { allowFailure: true, timeoutMs: 15_000 })).code === 0;
  const source = `the snapshot restored on ${restore.node} (${remote}${deps.keyspaceOnNode ? ', read on that node' : ''})`;
  if (deps.keyspaceOnNode) {
    if (!(await there())) return undefined;
    await using snap = await openSnapshotOnNode(t, deps.layout, remote);
    tell(snap.revision + bump);
    return await compareWithSnapshot(deps, snap.pairs, snap.revision + bump, bump, source);
  }
  // The copy the runner began when this snapshot was restored, if it did (it then is ours).
  const early = deps.observed.prefetched;
  const mine = early?.node === restore.node && early.planned === restore.params.snapshot;
  if (mine) deps.observed.prefetched = undefined;
  const copy = mine
    ? await early.copy.catch((err: unknown) => {
        deps.debug?.(`verify: keyspace: the early copy failed (${String(err)}); copying now`);
        return undefined;
      })
    : undefined;
  // A copy made early was there; otherwise the file may be gone (discarded by an earlier run).
  if (!copy && !(await there())) return undefined;
  await using local = copy ?? (await localSnapshotCopy(t, remote, restore.node, deps.debug));
  const { snap } = local;
  const at = snap.revision + bump;
  tell(at);
  const byHash = await fileHashKVCheck(deps, snap, at, bump, source, hashKVAt);
  if ('check' in byHash) return byHash;
  deps.debug?.(`verify: keyspace: ${byHash.why}; comparing key by key`);
  const ranges = snap.ranges(RANGE_KEYS, PAGE_BYTES, { inRoundsOf: RANGES_AT_ONCE });
  return await compareWithSnapshot(deps, snap, at, bump, source, ranges, byHash.why);
}

/**
 * The restored keyspace proved by etcd's own hash: every member's HashKV at `revision` equals
 * the one computed here from the file that was restored (SnapshotKeyspace.restoredHashKV) —
 * a crc32c over every live key with its value, create and mod revision, version and lease, the
 * hash etcd compares between members to find a corrupt one. It replaces a read of the whole
 * keyspace through one member (at 20,000 keys 0.8–1.3 s of the recovery, at 200,000 about
 * 5 s) with one small request per member, and it covers every member, not one. A crc32c can
 * let a different keyspace pass by chance (one in 2^32), which the key-by-key compare could
 * not; the sha256 of every value is still checked where the manifest has a full fingerprint.
 * `why` instead of a check when any member's hash differs or is not answered: the caller then
 * compares key by key, which names the keys.
 */
async function fileHashKVCheck(
  deps: VerifyDeps,
  snap: SnapshotKeyspace,
  revision: number,
  bump: number,
  source: string,
  hashKVAt: (revision: number) => Promise<EndpointHashKV[]>,
): Promise<{ check: VerificationCheck; revision: number } | { why: string }> {
  let hashes: EndpointHashKV[];
  try {
    hashes = await hashKVAt(revision);
  } catch (err) {
    return { why: `the members' HashKV was not answered (${(err as Error).message})` };
  }
  if (hashes.length === 0) return { why: `no member answered its HashKV at revision ${revision}` };
  const t0 = Date.now();
  // After a bump, `revision` is the bumped one: where etcdutl wrote its entry.
  const bumpedTo = bump > 0 ? revision : undefined;
  const fileHash = (compactRevision: number) =>
    snap.restoredHashKV({ revision, compactRevision, bumpedTo });
  const off = hashes.filter((h) => h.hash !== fileHash(h.compactRevision));
  deps.debug?.(`verify: keyspace: HashKV of the file computed in ${Date.now() - t0} ms`);
  if (off.length > 0) {
    return {
      why: `etcd's HashKV at revision ${revision} differs from the one computed from the file on ${off
        .map((h) => `${h.endpoint} (${h.hash}, the file's ${fileHash(h.compactRevision)})`)
        .join(', ')}`,
    };
  }
  const count = snap.keys().length;
  const want = `${count} keys / HashKV ${[...new Set(hashes.map((h) => fileHash(h.compactRevision)))].join('/')}`;
  const got = `HashKV ${[...new Set(hashes.map((h) => h.hash))].join('/')} on ${hashes.length} members at revision ${revision}`;
  const fp = deps.plan.expect.fingerprint;
  if (fp) {
    const file = await fingerprintOfPairs(snap.pairs(), () => snap.revision);
    const notTheFile = fileAgainstManifest(
      fp,
      file,
      source,
      `${file.count} keys / ${file.sha256.slice(0, 12)}`,
    );
    if (notTheFile) return { check: notTheFile, revision };
  }
  return {
    check: passed(
      'keyspace',
      `every key and value (${count} keys) at revision ${revision} equals ${source}, on each of the ${hashes.length} member${hashes.length === 1 ? '' : 's'}: its HashKV is the one computed here from the file (keys, values and their revisions)${bump ? `, revision bumped by ${bump}` : ''}${fp ? '; the file matches the manifest fingerprint' : ''}`,
      want,
      got,
    ),
    revision,
  };
}

/**
 * The keyspace check failed because the cluster equals the restored file but the file is not
 * the keyspace the backup manifest fingerprinted; undefined when it is, or the manifest has no
 * full fingerprint. `fileSaid`: the file's side, as the caller words it.
 */
function fileAgainstManifest(
  fp: KeyspaceFingerprint | undefined,
  file: { count: number; sha256?: string },
  source: string,
  fileSaid: string,
): VerificationCheck | undefined {
  if (!fp || (fp.count === file.count && fp.sha256 === file.sha256)) return undefined;
  return failed(
    'keyspace',
    `the cluster equals ${source}, but that file is not the keyspace the backup manifest fingerprinted`,
    `${fp.count} keys / ${fp.sha256.slice(0, 12)} (manifest)`,
    fileSaid,
  );
}

/**
 * The restore whose snapshot file the keyspace check compares the cluster with: the plan's
 * first (every member of a plan restores the same snapshot). The runner copies its file early.
 */
export function comparedRestore(plan: Plan): StepOf<'restore-snapshot'> | undefined {
  return plan.steps.find(
    (st): st is StepOf<'restore-snapshot'> => st.action === 'restore-snapshot',
  );
}

/**
 * The restored snapshot copied to this machine and indexed, with the digest of every value:
 * what the keyspace check compares the cluster with.
 */
export interface LocalSnapshot extends AsyncDisposable {
  snap: SnapshotKeyspace;
}

/**
 * Copies `remote` from its node into a private temp dir here (it holds every Secret) and reads
 * its index, with the digests of the values (pass 1: the file is read in its own order). A
 * copy made while the members start (the runner's prefetch) so leaves the check only the
 * cluster's side to ask; given the restore's `markedCompactedBump`, it also computes the HashKV
 * the restored members will answer. Disposing closes and removes it; so does the process's
 * exit, for a copy that a failed run never used.
 */
export async function localSnapshotCopy(
  t: Transport,
  remote: string,
  node: string,
  debug?: (message: string) => void,
  markedCompactedBump?: number,
): Promise<LocalSnapshot> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-rescue-verify-'));
  const atExit = () => rmSync(dir, { recursive: true, force: true });
  process.once('exit', atExit);
  const remove = async () => {
    process.removeListener('exit', atExit);
    await rm(dir, { recursive: true, force: true });
  };
  let snap: SnapshotKeyspace | undefined;
  try {
    const local = join(dir, 'snapshot.db');
    const t0 = Date.now();
    await pipeline(t.readFile(remote), privateFileStream(local));
    debug?.(`verify: keyspace: ${remote} copied from ${node} in ${Date.now() - t0} ms`);
    snap = await SnapshotKeyspace.open(local, { withDigests: true });
    // Pass 1 now, while the copy is early (the members still starting), not in the check; and
    // after a bump with --mark-compacted, the HashKV the members will give (the bumped revision
    // is their compaction), which the check then only looks up.
    snap.keys();
    if (markedCompactedBump) {
      const at = snap.revision + markedCompactedBump;
      snap.restoredHashKV({ revision: at, compactRevision: at, bumpedTo: at });
    }
    const opened = snap;
    return {
      snap: opened,
      async [Symbol.asyncDispose]() {
        try {
          await opened[Symbol.asyncDispose]();
        } finally {
          await remove();
        }
      },
    };
  } catch (err) {
    await snap?.[Symbol.asyncDispose]().catch(() => undefined);
    await remove();
    throw err;
  }
}

/**
 * The cluster at `revision`, pair by pair, against the snapshot's pairs; the verdict. With the
 * snapshot's `ranges`, the cluster's keys are read several ranges at once (one etcdctl each),
 * else page after page.
 */
async function compareWithSnapshot(
  deps: VerifyDeps,
  expected: AsyncIterator<KeyValuePair> | KeyspaceDigests,
  revision: number,
  bump: number,
  source: string,
  ranges?: { from: Buffer; keys: number }[],
  keyByKeyBecause?: string,
): Promise<{ check: VerificationCheck; revision: number }> {
  const { cluster, plan } = deps;
  const at_ = (check: VerificationCheck) => ({ check, revision });
  const read: PageReader = (from, limit, rev) => cluster.getPage(from, limit, rev || undefined);
  const via = `etcd via node ${cluster.node}`;
  const actual = ranges
    ? rangedPairs(
        read,
        ranges,
        { revision, pageSize: RANGE_KEYS, concurrency: RANGES_AT_ONCE },
        via,
      )
    : pagedPairs(read, { revision, pageSize: PAGE_KEYS }, via, { revision: 0 });
  const cmp =
    'digestOf' in expected
      ? await compareWithDigests(expected, actual)
      : await compareKeyspaces(expected, actual);
  const want = `${cmp.expected.count} keys${cmp.expected.sha256 ? ` / ${cmp.expected.sha256.slice(0, 12)}` : ''}`;
  const got = `${cmp.actual.count} keys / ${cmp.actual.sha256.slice(0, 12)} at revision ${revision}`;
  if (cmp.differences > 0) {
    return at_(
      failed(
        'keyspace',
        `${cmp.differences} key${cmp.differences === 1 ? '' : 's'} of the restored cluster differ from ${source}, e.g. ${cmp.examples.join('; ')}`,
        want,
        got,
      ),
    );
  }
  const fp = plan.expect.fingerprint;
  const notTheFile = fileAgainstManifest(fp, cmp.expected, source, want);
  if (notTheFile) return at_(notTheFile);
  return at_(
    passed(
      'keyspace',
      `every key and value (${cmp.actual.count} keys) at revision ${revision} equals ${source}${bump ? `, revision bumped by ${bump}` : ''}${fp ? '; the file matches the manifest fingerprint' : ''}${keyByKeyBecause ? `; compared key by key: ${keyByKeyBecause}` : ''}`,
      want,
      got,
    ),
  );
}
