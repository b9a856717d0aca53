import { posix } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  type ArchiveHeader,
  type ArchiveMember,
  archiveRoots,
  type CheckedArchive,
  checkArchiveMembers,
  gnuTarNames,
  readArchiveHeaders,
} from '../backup/archive-members.js';
import { snapshotCtl } from '../backup/collect.js';
import { InputError, OperationError } from '../errors.js';
import { EtcdCtl } from '../etcd/etcdctl.js';
import { parseEnvLines } from '../etcd/etcdctl-output.js';
import type { Layout } from '../etcd/layout.js';
import { CONTROL_PLANE_CONTAINERS, hasKubeletService } from '../etcd/static-pod.js';
import type { NodeAccess } from '../nodes/access.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { Transport } from '../nodes/transport.js';
import type { Progress } from '../progress.js';
import type { BackupSource } from './backup-source.js';
import type { StepRunner } from './execute.js';
import {
  issueKubeletClient,
  judgeKubeletClient,
  KUBEADM_KUBELET_CLIENT,
  readKubeletClient,
} from './kubelet-client.js';
import {
  deleteNodeArgv,
  type Plan,
  type PlannedMember,
  type Step,
  type StepOf,
} from './plan-types.js';
import { clientTls, type TransportSource } from './probe.js';
import { watchPublishStall } from './publish-stall.js';
import { keptCopyOf, stamp } from './stamp.js';
import {
  comparedRestore,
  type LocalSnapshot,
  localSnapshotCopy,
  type Verification,
} from './verify.js';

/** A file an archive put back, with the mode and owner it must have. */
export interface RestoredFile {
  node: string;
  path: string;
  mode: number;
  uid: number;
  gid: number;
  type: 'file' | 'directory' | 'symlink';
}

export interface NodeStepDeps {
  plan: Plan;
  transportFor: TransportSource;
  layout: Layout;
  access: NodeAccess;
  backup?: BackupSource;
  progress: Progress;
  /** Runs the final verification (the `verify` step). */
  verify: (observed: ObservedRun) => Promise<Verification>;
  /** Bounds for waiting on etcd to become healthy. */
  healthyTimeoutMs?: number;
  /** How long `delete-node` waits for a Kubernetes API that is still starting. */
  apiTimeoutMs?: number;
  /** Copy the restored snapshot for verification as soon as it is restored (not on the node). */
  prefetchSnapshot?: boolean;
}

/** What the run learned that verification needs (the survivor's snapshot, restored files). */
export interface ObservedRun {
  snapshot?: { revision: number; totalKey: number; node: string };
  restoredFiles: RestoredFile[];
  verification?: Verification;
  /**
   * Where a staged file of the plan (a `…XXXXXX/…` template) really is on a node, or
   * undefined when it is gone: verification reads the restored snapshot from there.
   */
  stagedPath?: (node: string, planned: string) => Promise<string | undefined>;
  /**
   * The restored snapshot verification will read, copied here and indexed while the members
   * start and elect (the runner's local side is idle then): the staged file of the plan's first
   * restore, by node and planned path.
   */
  prefetched?: { node: string; planned: string; copy: Promise<LocalSnapshot> };
}

/** kubectl's words for an API server that is not (yet) there, as opposed to a refusal. */
const API_NOT_ANSWERING =
  /connection refused|was refused|unable to connect|i\/o timeout|TLS handshake timeout|EOF|ServiceUnavailable|currently unable to handle|etcdserver: request timed out|context deadline exceeded/i;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const q = (s: string) => shellCommand([s]);

/** The runner that acts: every side effect goes through the node's Transport. */
export class NodeStepRunner implements StepRunner {
  readonly observed: ObservedRun = {
    restoredFiles: [],
    stagedPath: (node, planned) => this.stagedPath(node, planned, false).catch(() => undefined),
  };
  private readonly ts: string;
  private readonly byHost: Map<string, PlannedMember>;
  /** Private staging dirs on nodes this run knows of, by `node\0planned dir`. */
  private readonly staged = new Map<string, { node: string; dir: string }>();
  private readonly ctls = new Map<string, Promise<EtcdCtl>>();

  constructor(private readonly deps: NodeStepDeps) {
    this.ts = stamp(new Date(deps.plan.createdAt));
    this.byHost = new Map(deps.plan.members.map((m) => [m.host, m]));
  }

  private member(host: string): PlannedMember {
    const m = this.byHost.get(host);
    if (!m) throw new OperationError(`Node ${host} is not an etcd member of the inventory.`);
    return m;
  }

  /**
   * etcdctl on `host`, against its own member or `endpoints`. One client per node, so its tools
   * and its certificate check (a round trip each) are found once per run, not once per step or
   * per look of a watch; other endpoints get a copy of it.
   */
  private async ctl(host: string, endpoints?: string[]): Promise<EtcdCtl> {
    let base = this.ctls.get(host);
    if (!base) {
      const made = (async () => {
        const t = await this.deps.transportFor(host);
        return new EtcdCtl(t, {
          endpoints: [this.member(host).clientURL],
          tls: clientTls(this.deps.access, this.deps.layout, host),
          progress: this.deps.progress,
          // kubeadm: the etcd image's tools, in a container next to the static pod.
          commands: await this.deps.layout.toolCommands(t),
        });
      })();
      made.catch(() => this.ctls.delete(host));
      this.ctls.set(host, made);
      base = made;
    }
    const ctl = await base;
    return endpoints ? ctl.withEndpoints(endpoints) : ctl;
  }

  /**
   * Before the first step: every node archive the remaining steps extract is read from the
   * store, its hashes checked and every member checked, so a hostile archive is refused while
   * the cluster is still untouched. The step checks its own (second) read again.
   */
  async prepare(steps: readonly Step[]): Promise<void> {
    // The snapshot object is read in full once (hashed, decrypted, discarded): a copy changed
    // in place with its size kept would otherwise be found only when the node stages it,
    // after stop-etcd and the move-asides.
    const snapshots = new Set<string>();
    for (const step of steps) {
      if (step.action === 'fetch-snapshot' && step.params.from.kind === 'backup') {
        snapshots.add(step.params.from.object);
      }
    }
    for (const object of snapshots) {
      const backup = this.requireBackup(steps.find((s) => s.action === 'fetch-snapshot')!);
      try {
        await backup.streamTo(object, async (plain) => {
          for await (const _ of plain) {
            // Only the hashes are wanted; streamTo compares them with the manifest at the end.
          }
        });
      } catch (err) {
        if (!(err instanceof OperationError)) throw err;
        throw new InputError(`${err.message} Nothing was changed: no step has run.`, {
          cause: err,
        });
      }
      this.deps.progress.info(`${object}: read in full, hashes match the manifest`);
    }
    for (const step of steps) {
      if (step.action !== 'restore-certs' || step.params.from.kind !== 'backup') continue;
      const backup = this.requireBackup(step);
      const object = step.params.from.object;
      const where = `${backup.location}/${object}`;
      const headers = await backup.streamTo(object, (plain) => readArchiveHeaders(plain, where));
      const checked = this.checkMembers(step.node, headers, where);
      this.deps.progress.info(
        `${object}: hashes match the manifest; ${checked.members.length} members, all within ${checked.roots.join(', ')}`,
      );
    }
  }

  /** Runs one step; a failure says where this run's staged files are left. */
  async run(step: Step): Promise<string> {
    try {
      return await this.runStep(step);
    } catch (err) {
      if (err instanceof Error && this.staged.size > 0) {
        const where = [...this.staged.values()].map((s) => `${s.node}:${s.dir}`).join(', ');
        // The same error (class and exit code), with the one thing the operator must know.
        err.message += `\nStaged files are kept on the nodes at ${where} (private, 0700); remove them once the recovery is done: they hold keys or every Secret of the cluster.`;
      }
      throw err;
    }
  }

  private runStep(step: Step): Promise<string> {
    switch (step.action) {
      case 'snapshot-save':
        return this.snapshotSave(step);
      case 'fetch-snapshot':
        return this.fetchSnapshot(step);
      case 'stop-etcd':
        return this.stopEtcd(step);
      case 'move-aside':
        return this.moveAside(step);
      case 'member-remove':
        return this.memberRemove(step);
      case 'member-add':
        return this.memberAdd(step);
      case 'write-env':
        return this.writeEnv(step);
      case 'restore-snapshot':
        return this.restoreSnapshot(step);
      case 'restore-certs':
        return this.restoreCerts(step);
      case 'kubelet-client':
        return this.kubeletClient(step);
      case 'start-etcd':
        return this.startEtcd(step);
      case 'wait-healthy':
        return this.waitHealthy(step);
      case 'restart-control-plane':
        return this.restartControlPlane(step);
      case 'delete-node':
        return this.deleteNode(step);
      case 'verify':
        return this.verify();
      case 'discard-staged':
        return this.discardStaged(step);
    }
  }

  private async snapshotSave(step: StepOf<'snapshot-save'>): Promise<string> {
    const ctl = await this.ctl(step.node);
    const path = await this.stagedPath(step.node, step.params.path, true);
    // The same generous --command-timeout as backup's: 15 s fails a GiB snapshot.
    const saved = await snapshotCtl(ctl, step.params.endpoint).snapshotSave(
      step.params.endpoint,
      path,
    );
    const status = await ctl.snapshotStatus(path);
    this.observed.snapshot = {
      revision: status.revision,
      totalKey: status.totalKey,
      node: step.node,
    };
    return `${saved.bytes} bytes at revision ${status.revision} (${status.totalKey} keys incl. history) in ${path}`;
  }

  private async fetchSnapshot(step: StepOf<'fetch-snapshot'>): Promise<string> {
    const target = await this.deps.transportFor(step.node);
    const from = step.params.from;
    const to = await this.stagedPath(step.node, step.params.to, true);
    if (from.kind === 'node') {
      const source = await this.deps.transportFor(from.node);
      const path = await this.stagedPath(from.node, from.path, false);
      await target.writeFile(to, source.readFile(path), { mode: 0o600 });
      return `copied ${from.node}:${path} → ${to}`;
    }
    const backup = this.requireBackup(step);
    // No `snapshot status` here: what verification expects of a backup's snapshot (its
    // revision, its keys) is the manifest's, and these are the bytes the manifest hashed.
    await backup.streamTo(from.object, (plain) => target.writeFile(to, plain, { mode: 0o600 }));
    return `${from.object} from ${from.location} → ${to} (hashes match the manifest)`;
  }

  private requireBackup(step: Step): BackupSource {
    if (!this.deps.backup) {
      throw new OperationError(
        `Step ${step.id} needs the backup set, but none was opened: run restore with --backup.`,
      );
    }
    return this.deps.backup;
  }

  private async stopEtcd(step: StepOf<'stop-etcd'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    return this.deps.layout.stopEtcd(t);
  }

  private async startEtcd(step: StepOf<'start-etcd'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    const timeoutMs = this.deps.healthyTimeoutMs ?? 180_000;
    const me = this.member(step.node);
    // A blank member joining (the plan adds it) on a systemd host can hit etcd's publish stall.
    const joins = this.deps.plan.steps.some(
      (s) => s.action === 'member-add' && s.params.member === me.memberName,
    );
    if (this.deps.layout.name !== 'kubespray' || !joins) {
      return this.deps.layout.startEtcd(t, { timeoutMs });
    }
    const ctl = await this.ctl(step.node);
    let settled = false;
    let restarted = false;
    const start = this.deps.layout.startEtcd(t, { timeoutMs }).finally(() => {
      settled = true;
    });
    const watching = watchPublishStall(
      {
        ownView: () => ctl.peerMembers(me.peerURL),
        healthy: async (urls) => {
          if (urls.length === 0) return new Set();
          const health = await (await this.ctl(step.node, urls)).endpointHealth();
          return new Set(health.filter((h) => h.healthy).map((h) => h.endpoint));
        },
        restart: async () => {
          restarted = true;
          await t.exec(['systemctl', 'restart', 'etcd'], { timeoutMs });
        },
      },
      {
        member: me.memberName,
        peerURL: me.peerURL,
        settled: () => settled,
        debug: (m) => this.deps.progress.debug(m),
        onNoQuorum: (up, needed) =>
          this.deps.progress.info(
            `${me.memberName} is stalled on its own publish, but only ${up} other voter(s) are healthy (${needed} needed without it): waiting for etcd's request timeout instead of restarting it`,
          ),
      },
    ).catch((err: Error) => err);
    // The step ends with the start, not with the watch's look in flight (up to 1 s).
    await Promise.race([start.catch(() => undefined), watching]);
    if (!restarted) return start;
    const why = await watching;
    // The restart replaced the start's systemd job ("canceled"): its outcome no longer counts.
    await start.catch(() => undefined);
    if (why instanceof Error) throw why;
    this.deps.progress.info(`${step.node}: ${why}`);
    return `etcd started (systemctl start etcd); ${why}`;
  }

  /** Moves a path aside; idempotent so an interrupted run can repeat it. Never deletes. */
  private async moveAside(step: StepOf<'move-aside'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    const { path, to, recreate } = step.params;
    const script = [
      `if [ -e ${q(path)} ] || [ -L ${q(path)} ]; then`,
      `  if [ -e ${q(to)} ] || [ -L ${q(to)} ]; then`,
      // An empty dir we recreated ourselves before a crash is not "taken".
      `    if [ ${recreate ? 1 : 0} = 1 ] && [ -d ${q(path)} ] && [ -z "$(ls -A ${q(path)})" ]; then echo already; exit 0; fi`,
      `    echo taken; exit 0`,
      '  fi',
      `  mv -- ${q(path)} ${q(to)} && echo moved`,
      `elif [ -e ${q(to)} ] || [ -L ${q(to)} ]; then echo already`,
      'else echo absent; fi',
      ...(recreate
        ? [
            `if [ ! -e ${q(path)} ] && [ -d ${q(to)} ]; then mkdir -- ${q(path)} && chown --reference=${q(to)} ${q(path)} && chmod --reference=${q(to)} ${q(path)}; fi >&2`,
          ]
        : []),
    ].join('\n');
    const out = (await t.script(script, { timeoutMs: 60_000 })).stdout.trim();
    if (out === 'taken') {
      throw new OperationError(
        `Node ${step.node}: both ${path} and ${to} exist; refusing to overwrite either. Look at both, move one away by hand, and run restore again.`,
      );
    }
    return {
      moved: `${path} → ${to}`,
      already: `${path} was already moved to ${to}`,
      absent: `${path} does not exist; nothing to move`,
    }[out as 'moved' | 'already' | 'absent'];
  }

  private async memberRemove(step: StepOf<'member-remove'>): Promise<string> {
    const ctl = await this.ctl(step.node);
    // By id first: a member that never started has no name in the list yet.
    const list = await ctl.memberList();
    const live =
      list.find((m) => m.id === step.params.memberId) ??
      list.find((m) => m.name === step.params.member);
    if (!live) return `${step.params.member} is not a member (already removed)`;
    await ctl.memberRemove(live.id);
    return `removed ${step.params.member} (id ${live.id})`;
  }

  private async memberAdd(step: StepOf<'member-add'>): Promise<string> {
    const ctl = await this.ctl(step.node);
    const { member, peerURL } = step.params;
    const existing = (await ctl.memberList()).find((m) => m.peerURLs.includes(peerURL));
    if (existing) return `${peerURL} is already a member (id ${existing.id}); not added twice`;
    const added = await ctl.memberAdd(member, [peerURL]);
    return `added ${member} as ${added.id ?? 'new member'} after ${added.attempts} attempt(s)`;
  }

  /**
   * Sets the cluster keys of /etc/etcd.env, keeping every other line. A blank node gets the
   * file of a healthy peer with that peer's name, address and cert names replaced by its own.
   */
  private async writeEnv(step: StepOf<'write-env'>): Promise<string> {
    const layout = this.deps.layout;
    if (!layout.envFile) return this.writeManifestFlags(step);
    const envFile = layout.envFile;
    const t = await this.deps.transportFor(step.node);
    let text = await this.readKeepingOriginal(t, step.node, envFile);
    let origin = 'its own';
    if (text === undefined) {
      const peer = step.params.templateFrom;
      if (!peer || peer === step.node) {
        throw new OperationError(
          `Node ${step.node} has no ${envFile} and no healthy peer to derive it from: restore the node's archive from a backup (--backup) and run again.`,
        );
      }
      const pt = await this.deps.transportFor(peer);
      text = envForAnotherMember(
        (await pt.exec(['cat', envFile], { timeoutMs: 15_000 })).stdout,
        this.member(peer),
        this.member(step.node),
      );
      origin = `${peer}'s, adapted`;
    }
    const next = setEnvKeys(text, step.params.set);
    await t.writeFile(envFile, next, { mode: 0o640 });
    return `${envFile} (from ${origin} file): ${Object.keys(step.params.set).join(', ')}`;
  }

  /** kubeadm: the same settings as flags of the etcd static-pod manifest (parked while stopped). */
  private async writeManifestFlags(step: StepOf<'write-env'>): Promise<string> {
    const layout = this.deps.layout;
    const candidates = [layout.parkedEtcdManifest, layout.etcdManifest].filter((p): p is string =>
      Boolean(p),
    );
    const t = await this.deps.transportFor(step.node);
    for (const path of candidates) {
      const current = await this.readKeepingOriginal(t, step.node, path);
      if (current === undefined) continue;
      await t.writeFile(path, setManifestFlags(current, step.params.set, path), {
        mode: 0o600,
      });
      return `${path}: ${Object.keys(step.params.set).join(', ')} as etcd flags`;
    }
    throw new OperationError(
      `Node ${step.node}: no etcd static-pod manifest at ${candidates.join(' or ')}: restore the node's archive from a backup (--backup) and run again.`,
    );
  }

  private async restoreSnapshot(step: StepOf<'restore-snapshot'>): Promise<string> {
    const p = step.params;
    // A restore interrupted midway leaves a partial data dir: keep it, out of the way.
    const partial = `${p.dataDir}.interrupted-${stamp(new Date())}`;
    // The restored dir takes the owner of the one it replaces (etcd may run as its own user);
    // a re-provisioned node has none to copy, so then the user the etcd unit runs as, if any
    // (a static pod's etcd runs as root, as the restore wrote it).
    const aside = `${p.dataDir}.${this.ts}`;
    const ctl = await this.ctl(step.node);
    // One command on the node: the partial dir aside, the restore, then its owner and mode.
    const r = await ctl.snapshotRestore(
      {
        snapshot: await this.stagedPath(step.node, p.snapshot, false),
        dataDir: p.dataDir,
        name: p.member,
        initialCluster: p.initialCluster,
        initialClusterToken: p.initialClusterToken,
        initialAdvertisePeerUrls: [p.peerURL],
        bumpRevision: p.bumpRevision,
        markCompacted: p.markCompacted,
      },
      {
        before: [
          `if [ -e ${q(p.dataDir)} ]; then mv -- ${q(p.dataDir)} ${q(partial)} || exit $?; fi`,
        ],
        after: [
          `if [ -e ${q(aside)} ]; then chown -R "$(stat -c %u:%g ${q(aside)})" ${q(p.dataDir)} || exit $?; ` +
            `else u=$(systemctl show -p User --value etcd 2>/dev/null || true); ` +
            `if [ -n "$u" ] && id -u "$u" >/dev/null 2>&1; then chown -R "$u:$(id -gn "$u")" ${q(p.dataDir)} || exit $?; fi; fi`,
          `exec chmod 700 ${q(p.dataDir)}`,
        ],
      },
    );
    this.prefetch(step);
    const bump = r.bumpedBy
      ? `, revision bumped by ${r.bumpedBy} and compacted`
      : r.bumpSkipped
        ? ' (no revision bump: the tool cannot)'
        : '';
    return `${p.member} restored into ${p.dataDir} with ${r.tool}${bump}`;
  }

  private async restoreCerts(step: StepOf<'restore-certs'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    const from = step.params.from;
    if (from.kind === 'backup') {
      return this.restoreArchive(step, t, from.object, step.params.moveAside ?? []);
    }
    const peer = await this.deps.transportFor(from.node);
    const rel = from.paths.map((p) => p.replace(/^\/+/, ''));
    await this.moveRootsAside(t, step.node, from.paths);
    const archive = peer.execStream(['tar', '-c', '--numeric-owner', '-f', '-', '-C', '/', ...rel]);
    await Promise.all([
      t.exec(extractArgv('-', from.paths), { stdin: archive.stdout, timeoutMs: 10 * 60_000 }),
      archive.done,
    ]);
    if (from.paths.some((p) => p.startsWith('/etc/systemd/'))) {
      await t.exec(['systemctl', 'daemon-reload'], { timeoutMs: 60_000 });
    }
    return `${from.paths.join(', ')} copied from ${from.node} with modes and owners`;
  }

  /** Checks an archive's headers against the roots it may write (archiveRoots). */
  private checkMembers(node: string, headers: readonly ArchiveHeader[], where: string) {
    return checkNodeArchive(this.deps.backup!, this.deps.layout, node, headers, where);
  }

  /**
   * Verify, then extract, and only what belongs: the plaintext is staged in a private dir on
   * the node while the runner hashes it and reads every tar header; only when both hashes
   * match the manifest, every member passed checkArchiveMembers and the staged copy's sha256
   * on the node is the one checked, is the copy extracted, naming the checked roots to tar.
   */
  private async restoreArchive(
    step: Step,
    t: Transport,
    object: string,
    moveAside: readonly string[],
  ): Promise<string> {
    const backup = this.requireBackup(step);
    const where = `${backup.location}/${object}`;
    const dir = await this.makeStaging(t, step.node, 'kube-rescue-archive.');
    const key = `${step.node}\u0000${dir}`;
    const staged = posix.join(dir, 'archive.tar');
    let checked: CheckedArchive;
    try {
      checked = await stageCheckedArchive({
        backup,
        t,
        node: step.node,
        object,
        staged,
        check: (headers) => this.checkMembers(step.node, headers, where),
      });
    } catch (err) {
      // A refused or unverified copy is not worth keeping: it is never extracted.
      await this.removeStaging(t, step.node, dir, key);
      throw err;
    }
    const park = this.etcdManifestParking(checked.members);
    const files = checked.members.map((m) => restoredFileOf(step.node, m));
    // One script, in this order, stopping at the first failure: what is there moved aside (the
    // step's cert dirs and every root of the archive), the checked copy extracted, the staging
    // dir removed, systemd told about a restored unit.
    const put = await t.script(
      [
        // The plan's cert dirs first (kubeadm's etcd dir lies inside its pki dir), then the rest.
        ...this.asideLines([...new Set([...moveAside, ...checked.roots])]),
        ...(park ? [this.parkedAsideLine(park.to)] : []),
        `${shellCommand(extractArgv(staged, checked.roots, park))} || exit $?`,
        `rm -rf -- ${q(dir)} || exit $?`,
        ...(files.some((f) => f.path.startsWith('/etc/systemd/'))
          ? ['exec systemctl daemon-reload']
          : []),
      ].join('\n'),
      { timeoutMs: 10 * 60_000 },
    );
    this.reportMoved(step.node, put.stdout);
    this.staged.delete(key);
    this.deps.progress.debug(`node ${step.node}: removed ${dir}`);
    this.observed.restoredFiles.push(...files);
    return `${files.length} entries of ${object} put back with their modes and owners (hashes and every member checked first)`;
  }

  /**
   * Moves each of `roots` to `<root>.<plan stamp>` unless that aside copy exists already (made
   * by a move-aside step, or by this step before an interruption): the original is saved once
   * and never overwritten by a resumed run.
   */
  private async moveRootsAside(t: Transport, node: string, roots: readonly string[]) {
    const lines = this.asideLines(roots);
    if (lines.length === 0) return;
    this.reportMoved(node, (await t.script(lines.join('\n'), { timeoutMs: 60_000 })).stdout);
  }

  /** Shell lines of moveRootsAside; each prints `<root> → <aside>` for what it moved. */
  private asideLines(roots: readonly string[]): string[] {
    return roots.map((r) => {
      const to = `${r}.${this.ts}`;
      return `if { [ -e ${q(r)} ] || [ -L ${q(r)} ]; } && ! { [ -e ${q(to)} ] || [ -L ${q(to)} ]; }; then mv -- ${q(r)} ${q(to)} && echo ${q(`moved: ${r} → ${to}`)} || exit $?; fi`;
    });
  }

  /** What the aside lines printed, said to the operator. */
  private reportMoved(node: string, stdout: string): void {
    const moved = stdout
      .split('\n')
      .filter((l) => l.startsWith('moved: '))
      .map((l) => l.slice('moved: '.length));
    if (moved.length) this.deps.progress.info(`Node ${node}: moved aside ${moved.join(', ')}`);
  }

  /**
   * kubeadm: the archive's etcd manifest is extracted to the parked path, not into the
   * kubelet's manifest dir, or the kubelet would start etcd before its data dir is restored;
   * the plan's start-etcd puts it in place.
   */
  private etcdManifestParking(
    members: readonly ArchiveMember[],
  ): { from: string; to: string } | undefined {
    const { name, etcdManifest, parkedEtcdManifest } = this.deps.layout;
    if (name !== 'kubeadm' || !etcdManifest || !parkedEtcdManifest) return undefined;
    const held = members.some((m) => m.path === etcdManifest && m.type === 'file');
    return held ? { from: etcdManifest, to: parkedEtcdManifest } : undefined;
  }

  /** A manifest parked by stop-etcd gives way to the archive's: kept at `<parked>.<stamp>`. */
  private parkedAsideLine(parked: string): string {
    const to = `${parked}.${this.ts}`;
    return `if [ -e ${q(parked)} ] && [ ! -e ${q(to)} ]; then mv -- ${q(parked)} ${q(to)} && echo ${q(`moved: ${parked} → ${to}`)} || exit $?; fi`;
  }

  /**
   * The text of a file about to be rewritten, its original copied aside (keptCopyOf) first, once:
   * never over an earlier copy. One command; undefined when the file cannot be read.
   */
  private async readKeepingOriginal(
    t: Transport,
    node: string,
    path: string,
  ): Promise<string | undefined> {
    const aside = keptCopyOf(path, this.deps.layout.manifestsDir, this.ts);
    const r = await t.script(
      [
        `[ -e ${q(path)} ] || exit 1`,
        `if [ -e ${q(aside)} ] || [ -L ${q(aside)} ]; then :; else cp -p -- ${q(path)} ${q(aside)} || exit 3; fi`,
        `exec cat -- ${q(path)}`,
      ].join('\n'),
      { allowFailure: true, timeoutMs: 15_000 },
    );
    if (r.code === 3) {
      throw new OperationError(
        `Node ${node}: cannot keep a copy of ${path} at ${aside} before rewriting it, so it is left as it is: ${r.stderr.trim()}`,
      );
    }
    return r.code === 0 ? r.stdout : undefined;
  }

  /** A new private dir (mktemp -d, 0700) on the node, remembered for error messages. */
  private async makeStaging(t: Transport, node: string, prefix: string): Promise<string> {
    const dir = await makePrivateDir(t, node, prefix);
    this.staged.set(`${node}\u0000${dir}`, { node, dir });
    return dir;
  }

  private async removeStaging(t: Transport, node: string, dir: string, key: string) {
    await t.exec(['rm', '-rf', '--', dir], { timeoutMs: 60_000 });
    this.staged.delete(key);
    this.deps.progress.debug(`node ${node}: removed ${dir}`);
  }

  /** The early copy of the restored snapshot, if verification did not take it: removed. */
  async discardPrefetched(): Promise<void> {
    const early = this.observed.prefetched;
    this.observed.prefetched = undefined;
    const copy = await early?.copy.catch(() => undefined);
    await copy?.[Symbol.asyncDispose]();
  }

  /** After the plan's first restore: its staged snapshot copied for verification, meanwhile. */
  private prefetch(step: StepOf<'restore-snapshot'>): void {
    if (!this.deps.prefetchSnapshot || this.observed.prefetched) return;
    if (comparedRestore(this.deps.plan)?.id !== step.id) return;
    const copy = (async () => {
      const t = await this.deps.transportFor(step.node);
      const remote = await this.stagedPath(step.node, step.params.snapshot, false);
      return localSnapshotCopy(
        t,
        remote,
        step.node,
        (m) => this.deps.progress.debug(m),
        step.params.markCompacted ? step.params.bumpRevision : undefined,
      );
    })();
    // Awaited by verification; a run that fails before it must not leave this unhandled.
    copy.catch(() => undefined);
    this.observed.prefetched = { node: step.node, planned: step.params.snapshot, copy };
  }

  /**
   * The real path of a planned staging path `<parent>/<prefix>.XXXXXX/<file>`: the node's
   * private dir for it, found again after an interruption (a dir of that prefix owned by us
   * with mode 0700, not a symlink: in sticky /var/tmp nobody else can make or swap one) or,
   * with `create`, made by mktemp. A plan naming a fixed path is used as it is.
   */
  private async stagedPath(node: string, planned: string, create: boolean): Promise<string> {
    const dir = privateDirOf(planned);
    if (!dir) return planned;
    const t = await this.deps.transportFor(node);
    const found = await this.findStagingDir(t, node, dir, create);
    if (!found) {
      throw new OperationError(
        `Node ${node}: no staging directory ${dir.template} (the staged snapshot is gone). Move the journal aside and run restore again to plan afresh.`,
      );
    }
    return posix.join(found, posix.basename(planned));
  }

  private async findStagingDir(
    t: Transport,
    node: string,
    dir: PrivateDir,
    create: boolean,
  ): Promise<string | undefined> {
    const key = `${node}\u0000${dir.template}`;
    const known = this.staged.get(key);
    if (known) return known.dir;
    const stem = q(posix.join(dir.parent, dir.prefix));
    const script = [
      `for d in ${stem}??????; do`,
      `  if [ -d "$d" ] && [ ! -L "$d" ] && [ "$(stat -c %u:%a -- "$d")" = "$(id -u):700" ]; then echo "$d"; exit 0; fi`,
      'done',
      create ? `mktemp -d ${stem}XXXXXX` : 'echo none',
    ].join('\n');
    const out = (await t.script(script, { timeoutMs: 20_000 })).stdout.trim();
    if (out === 'none') return undefined;
    if (!out.startsWith(posix.join(dir.parent, dir.prefix)) || out.includes('\n')) {
      throw new OperationError(
        `Node ${node}: cannot make a private staging dir in ${dir.parent} (${out}).`,
      );
    }
    this.staged.set(key, { node, dir: out });
    return out;
  }

  private async waitHealthy(step: StepOf<'wait-healthy'>): Promise<string> {
    const ctl = await this.ctl(step.node, step.params.clientURLs);
    const timeoutMs = this.deps.healthyTimeoutMs ?? 120_000;
    const t0 = Date.now();
    let last = '';
    for (;;) {
      try {
        const health = await ctl.endpointHealth();
        const sick = health.filter((h) => !h.healthy);
        if (sick.length === 0 && health.length >= step.params.clientURLs.length) {
          return `healthy after ${((Date.now() - t0) / 1000).toFixed(1)} s: ${step.params.members.map((m) => m.name).join(', ')}`;
        }
        last = sick.map((h) => `${h.endpoint}: ${h.error ?? 'unhealthy'}`).join('; ');
      } catch (err) {
        last = (err as Error).message;
      }
      if (Date.now() - t0 > timeoutMs) {
        throw new OperationError(
          `Node ${step.node}: ${step.params.members.map((m) => m.name).join(', ')} not healthy within ${timeoutMs / 1000} s (${last}). Look at 'journalctl -u etcd' on the node(s).`,
        );
      }
      // Each look is an etcdctl run on the node (~0.1–0.2 s): a quarter second between them.
      await sleep(250);
    }
  }

  /**
   * The kubelet's client certificate after a node's archive came back: left alone where it is
   * the cluster CA's and current; otherwise signed anew with that CA on the node and the kubelet
   * restarted, so that it runs (and starts the static pods) before etcd's manifest goes back.
   */
  private async kubeletClient(step: StepOf<'kubelet-client'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    const facts = await readKubeletClient(t);
    const verdict = judgeKubeletClient(facts, step.params.nodeName, new Date());
    if (verdict.valid === true) return `${verdict.detail}: left as it is`;
    if (verdict.valid === undefined) return `${verdict.why}: left as it is`;
    if (!facts.kubeletConfig) {
      throw new OperationError(
        `Node ${step.node}: ${verdict.why}, and the kubelet has no ${KUBEADM_KUBELET_CLIENT.kubeletConfig} to start with (this backup set does not hold it: sets made before kube-rescue archived the kubelet's configuration do not). Nothing was changed by this step. Put the file back (kubeadm keeps it in the kubelet-config ConfigMap: 'kubeadm join phase kubelet-start' writes it), then run restore again.`,
      );
    }
    const did = await issueKubeletClient(t, { nodeName: step.params.nodeName, ts: this.ts });
    if (!(await hasKubeletService(t))) {
      return `${verdict.why}: ${did}; no kubelet service to restart`;
    }
    await t.exec(['systemctl', 'restart', 'kubelet'], { timeoutMs: 120_000 });
    return `${verdict.why}: ${did}; kubelet restarted`;
  }

  /** Restarts the kubelet, which restarts the static pods that read certificates and etcd. */
  private async restartControlPlane(step: StepOf<'restart-control-plane'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    if (!(await hasKubeletService(t))) {
      return `no kubelet service on ${step.node}: nothing running there reads these files, so nothing to restart`;
    }
    // A kubelet restart leaves running containers as they are: the API server that lost its
    // etcd (or its certificates) would stay up, not ready, until its liveness probe killed it
    // (measured on the kubeadm harness after a certificate loss: /readyz failed 110 s, then
    // "shutdown failed" as the probe took it down). So the control plane's own containers are
    // stopped too, as the etcd restore documentation asks (restart every API server, the
    // scheduler and the controller manager), while the kubelet is stopped: no kubelet is midway
    // through starting one of them again when it goes (the race startStaticPodEtcd had). The
    // kubelet then starts, with no back-off yet, and starts them anew from their manifests,
    // which are not touched. One script, which starts the kubelet whatever the stops did.
    const r = await t.script(
      [
        'systemctl stop kubelet || exit 10',
        'n=0; rc=0',
        'if command -v crictl >/dev/null 2>&1; then',
        `  ids=$(crictl ps -q --name '${CONTROL_PLANE_CONTAINERS}' --state Running) || rc=$?`,
        '  if [ "$rc" = 0 ] && [ -n "$ids" ]; then',
        '    crictl stop $ids >/dev/null || rc=$?',
        '    [ "$rc" = 0 ] && n=$(echo "$ids" | wc -l)',
        '  fi',
        'fi',
        'systemctl start kubelet || exit 11',
        'echo "stopped=$n rc=$rc"',
      ].join('\n'),
      { allowFailure: true, timeoutMs: 120_000 },
    );
    if (r.code !== 0) {
      throw new OperationError(
        `Node ${step.node}: ${r.code === 10 ? 'systemctl stop kubelet' : 'systemctl start kubelet'} failed (exit ${r.code}): ${r.stderr.trim().slice(-300)}`,
      );
    }
    const m = /stopped=(\d+) rc=(\d+)/.exec(r.stdout);
    const n = Number(m?.[1] ?? 0);
    const rc = Number(m?.[2] ?? 0);
    const containers =
      rc !== 0
        ? `; stopping the control-plane containers failed (exit ${rc}: ${r.stderr.trim().slice(-200)}), the kubelet restarts them when their probes fail`
        : n > 0
          ? `; ${n} control-plane container${n === 1 ? '' : 's'} (kube-apiserver, kube-controller-manager, kube-scheduler) stopped with the kubelet, for it to start anew`
          : '';
    return `kubelet stopped and started again (${step.params.reason})${containers}`;
  }

  /**
   * Deletes the Node object of a host that will not return. Right after a restore the API
   * server may still be starting, so only "cannot reach the API" failures are retried.
   */
  private async deleteNode(step: StepOf<'delete-node'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    const argv = deleteNodeArgv(step.params);
    const { nodeName } = step.params;
    const waitMs = this.deps.apiTimeoutMs ?? 180_000;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const r = await t.exec(argv, { allowFailure: true, timeoutMs: 60_000 });
      if (r.code === 0) {
        return r.stdout.trim() || `Node ${nodeName} was already gone`;
      }
      // kubectl repeats its discovery errors: the last lines say what finally went wrong.
      const stderr = r.stderr.trim().split('\n').slice(-2).join('\n');
      const apiNotUp = API_NOT_ANSWERING.test(stderr);
      if (!apiNotUp || Date.now() > deadline) {
        throw new OperationError(
          `Node ${step.node}: '${argv.join(' ')}' failed (exit ${r.code})${apiNotUp ? ` for ${waitMs / 1000} s` : ''}: ${stderr || '(no stderr)'}\n` +
            `Check the API server and ${step.params.kubeconfig} on ${step.node}, or delete the Node by hand (kubectl delete node ${nodeName}); then run restore again.`,
        );
      }
      await sleep(3000);
    }
  }

  private async discardStaged(step: StepOf<'discard-staged'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    const planned = step.params.path;
    const dir = privateDirOf(planned);
    if (!dir) {
      await t.exec(['rm', '-f', '--', planned], { timeoutMs: 60_000 });
      return `${planned} removed`;
    }
    const found = await this.findStagingDir(t, step.node, dir, false);
    if (!found)
      return `no staging directory ${dir.template} left on ${step.node}; nothing to remove`;
    await this.removeStaging(t, step.node, found, `${step.node}\u0000${dir.template}`);
    return `${found} removed`;
  }

  private async verify(): Promise<string> {
    const v = await this.deps.verify(this.observed);
    this.observed.verification = v;
    const failed = v.checks.filter((c) => c.status === 'failed');
    if (failed.length > 0) {
      throw new OperationError(
        `Verification failed: ${failed.map((c) => `${c.name}: ${c.detail}`).join('; ')}`,
      );
    }
    return `${v.checks.filter((c) => c.status === 'passed').length} checks passed, ${v.checks.filter((c) => c.status === 'skipped').length} skipped`;
  }
}

/** A new private dir (mktemp -d, 0700) on the node, `<TMPDIR or /var/tmp>/<prefix>XXXXXX`. */
export async function makePrivateDir(t: Transport, node: string, prefix: string): Promise<string> {
  const made = await t.script(`mktemp -d "\${TMPDIR:-/var/tmp}/${prefix}XXXXXX"`, {
    timeoutMs: 20_000,
  });
  const dir = made.stdout.trim();
  if (!dir.startsWith('/') || !posix.basename(dir).startsWith(prefix)) {
    throw new OperationError(`Node ${node}: mktemp -d printed '${dir}', not a directory path.`);
  }
  return dir;
}

/**
 * Stages the node archive `object` at `staged` (a path in a private dir on the node) while
 * this machine hashes it and reads every tar header: returns the checked archive only when
 * both hashes matched the manifest, `check` passed every member, the staged copy's sha256 on
 * the node is the one checked and GNU tar on the node lists the members the check saw. Throws
 * otherwise; nothing is extracted here, and the caller removes the staging dir on a failure.
 */
export async function stageCheckedArchive(o: {
  backup: BackupSource;
  t: Transport;
  node: string;
  object: string;
  staged: string;
  check: (headers: readonly ArchiveHeader[]) => CheckedArchive;
}): Promise<CheckedArchive> {
  const { backup, t, staged } = o;
  const where = `${backup.location}/${o.object}`;
  const expected = backup.manifest.objects.find((x) => x.name === o.object)?.plaintextSha256;
  const headers = await backup.streamTo(o.object, async (plain) => {
    const toNode = new PassThrough();
    const toCheck = new PassThrough();
    plain.on('error', (err) => {
      toNode.destroy(err);
      toCheck.destroy(err);
    });
    plain.pipe(toNode);
    plain.pipe(toCheck);
    const [, read] = await Promise.all([
      t.writeFile(staged, toNode, { mode: 0o600 }),
      readArchiveHeaders(toCheck, where),
    ]);
    return read;
  });
  const checked = o.check(headers);
  // One look at the staged copy (both only read it): its sha256, then GNU tar's listing.
  const look = await t.script(
    [
      `sha256sum -- ${q(staged)} || exit 3`,
      'echo',
      `exec env LC_ALL=C tar --quoting-style=escape -tf ${q(staged)}`,
    ].join('\n'),
    { allowFailure: true, timeoutMs: 120_000 },
  );
  if (look.code === 3) {
    throw new OperationError(
      `Node ${o.node}: could not hash the staged copy of ${o.object} (${staged}): ${look.stderr.trim().slice(0, 500)}; nothing of it was extracted.`,
    );
  }
  const [sumLine = '', , ...listing] = look.stdout.split('\n');
  const onNode = sumLine.trim().split(/\s+/)[0];
  if (onNode !== expected) {
    throw new OperationError(
      `Node ${o.node}: the staged copy of ${o.object} (${staged}) has sha256 ${onNode}, not the ${expected} checked while it streamed; nothing of it was extracted. Check the node's disk and run restore again.`,
    );
  }
  if (look.code !== 0) {
    throw new OperationError(
      `Node ${o.node}: tar could not list the staged copy of ${o.object} (exit ${look.code}): ${look.stderr.trim().slice(0, 500)}; nothing of it was extracted.`,
    );
  }
  const gnu = listing.filter((l) => l !== '').map((l) => l.replace(/\/$/, ''));
  const ours = gnuTarNames(checked.members);
  const at = gnu.findIndex((n, i) => n !== ours[i]);
  if (gnu.length !== ours.length || at >= 0) {
    const i = at >= 0 ? at : Math.min(gnu.length, ours.length);
    throw new InputError(
      `${where}: GNU tar on node ${o.node} reads the archive differently from the member check (entry ${i + 1}: tar sees ${JSON.stringify(gnu[i] ?? 'nothing')}, the check saw ${JSON.stringify(ours[i] ?? 'nothing')}). ` +
        "The whole archive is refused and nothing of it was extracted: restore from another set (check it with 'kube-rescue verify').",
    );
  }
  return checked;
}

/**
 * A node's archive against what it may write there: only the roots both the manifest lists
 * and the layout backs up on that node (archiveRoots), every member inside them.
 */
export function checkNodeArchive(
  backup: Pick<BackupSource, 'manifest'>,
  layout: Layout,
  node: string,
  headers: readonly ArchiveHeader[],
  where: string,
): CheckedArchive {
  const listed = backup.manifest.kubernetes.paths;
  const roots = archiveRoots(
    listed,
    layout.backupPaths(node).map((p) => p.path),
  );
  return checkArchiveMembers(headers, roots, where, {
    paths: listed.filter((p) => !roots.includes(p)),
    layout: layout.name,
  });
}

/** etcd reads each ETCD_* variable as the flag of the same name. */
const flagOf = (envKey: string) =>
  `--${envKey
    .replace(/^ETCD_/, '')
    .toLowerCase()
    .replace(/_/g, '-')}`;

/**
 * Sets `--flag=value` entries of the etcd container's command in a kubeadm manifest, keeping
 * every other line; a flag not there yet goes right after the `- etcd` entry.
 */
export function setManifestFlags(
  manifest: string,
  set: Record<string, string>,
  where: string,
): string {
  const lines = manifest.split('\n');
  const command = lines.findIndex((l) => /^\s*- etcd\s*$/.test(l));
  if (command < 0) {
    throw new OperationError(
      `${where} has no '- etcd' command entry: this is not a kubeadm etcd manifest kube-rescue can edit.`,
    );
  }
  const indent = /^(\s*)-/.exec(lines[command]!)![1];
  const added: string[] = [];
  for (const [key, value] of Object.entries(set)) {
    const flag = flagOf(key);
    const at = lines.findIndex((l) => l.trimStart().startsWith(`- ${flag}=`));
    const line = `${indent}- ${flag}=${value}`;
    if (at >= 0) lines[at] = line;
    else added.push(line);
  }
  lines.splice(command + 1, 0, ...added);
  return lines.join('\n');
}

/** Sets KEY=value lines (replacing existing ones in place, appending new ones). */
export function setEnvKeys(text: string, set: Record<string, string>): string {
  const pending = new Map(Object.entries(set));
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const out = lines.map((line) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
    if (m && pending.has(m[1]!)) {
      const v = pending.get(m[1]!)!;
      pending.delete(m[1]!);
      return `${m[1]}=${v}`;
    }
    return line;
  });
  for (const [k, v] of pending) out.push(`${k}=${v}`);
  return `${out.join('\n')}\n`;
}

/**
 * A peer's etcd.env made into this member's: Kubespray's template differs per host only in
 * the member name, the host's address and the per-host cert file names.
 */
export function envForAnotherMember(
  peerEnv: string,
  peer: PlannedMember,
  self: PlannedMember,
): string {
  const vars = parseEnvLines(peerEnv);
  const swap = (value: string) =>
    value
      .split(peer.address)
      .join(self.address)
      .replace(new RegExp(`-${escapeRegExp(peer.host)}(-key)?\\.pem`, 'g'), `-${self.host}$1.pem`);
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(vars)) {
    // The member list names every member: it is the cluster's, not the peer's.
    if (k === 'ETCD_INITIAL_CLUSTER') continue;
    set[k] = k === 'ETCD_NAME' ? self.memberName : swap(v);
  }
  return setEnvKeys(peerEnv, set);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A planned staging dir `<parent>/<prefix>XXXXXX` (the executor makes it with mktemp -d). */
interface PrivateDir {
  template: string;
  parent: string;
  prefix: string;
}

function privateDirOf(planned: string): PrivateDir | undefined {
  const template = posix.dirname(planned);
  if (!template.endsWith('.XXXXXX')) return undefined;
  return {
    template,
    parent: posix.dirname(template),
    prefix: posix.basename(template).slice(0, -'XXXXXX'.length),
  };
}

/**
 * GNU tar extracting only `roots` (so nothing else of the archive, whatever a parser thinks),
 * with the owners and modes kept; without -P it also strips `/` and skips `..` members, and
 * existing directories keep their metadata.
 */
export function extractArgv(
  file: string,
  roots: readonly string[],
  park?: { from: string; to: string },
): string[] {
  const rel = (p: string) => p.replace(/^\/+/, '');
  if (park && /[,&\\\n]/.test(park.from + park.to)) {
    throw new OperationError(
      `Cannot park ${park.from} at ${park.to} while extracting: a path with ',', '&' or '\\' cannot go into tar's --transform. Use a layout without them.`,
    );
  }
  // One exact member name renamed (regular files only, not link targets); tar's regex is a
  // basic one, so only . [ ] * ^ $ are escaped.
  const transform = park
    ? [`--transform=s,^${rel(park.from).replace(/[.[\]*^$]/g, '\\$&')}$,${rel(park.to)},rSH`]
    : [];
  return [
    'tar',
    '-x',
    '-p',
    '--same-owner',
    '--numeric-owner',
    '--no-overwrite-dir',
    '--no-wildcards',
    ...transform,
    '-f',
    file,
    '-C',
    '/',
    '--',
    ...roots.map((r) => r.replace(/^\/+/, '')),
  ];
}

function restoredFileOf(node: string, m: ArchiveMember): RestoredFile {
  return {
    node,
    path: m.path,
    mode: m.mode,
    uid: m.uid,
    gid: m.gid,
    type: m.type === 'hardlink' ? 'file' : m.type,
  };
}
