import { PassThrough, type Readable } from 'node:stream';
import tarStream from 'tar-stream';
import { OperationError } from '../errors.js';
import { EtcdCtl } from '../etcd/etcdctl.js';
import { parseEnvLines } from '../etcd/etcdctl-output.js';
import type { Layout } from '../etcd/layout.js';
import type { NodeAccess } from '../nodes/access.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { Progress } from '../progress.js';
import type { BackupSource } from './backup-source.js';
import type { StepRunner } from './execute.js';
import {
  deleteNodeArgv,
  type Plan,
  type PlannedMember,
  type Step,
  type StepOf,
} from './plan-types.js';
import { clientTls, type TransportSource } from './probe.js';
import { stamp } from './stamp.js';
import type { Verification } from './verify.js';

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
}

/** What the run learned that verification needs (the survivor's snapshot, restored files). */
export interface ObservedRun {
  snapshot?: { revision: number; totalKey: number; node: string };
  restoredFiles: RestoredFile[];
  verification?: Verification;
}

/** kubectl's words for an API server that is not (yet) there, as opposed to a refusal. */
const API_NOT_ANSWERING =
  /connection refused|was refused|unable to connect|i\/o timeout|TLS handshake timeout|EOF|ServiceUnavailable|currently unable to handle|etcdserver: request timed out|context deadline exceeded/i;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const q = (s: string) => shellCommand([s]);

/** The runner that acts: every side effect goes through the node's Transport. */
export class NodeStepRunner implements StepRunner {
  readonly observed: ObservedRun = { restoredFiles: [] };
  private readonly ts: string;
  private readonly byHost: Map<string, PlannedMember>;

  constructor(private readonly deps: NodeStepDeps) {
    this.ts = stamp(new Date(deps.plan.createdAt));
    this.byHost = new Map(deps.plan.members.map((m) => [m.host, m]));
  }

  private member(host: string): PlannedMember {
    const m = this.byHost.get(host);
    if (!m) throw new OperationError(`Node ${host} is not an etcd member of the inventory.`);
    return m;
  }

  private async ctl(host: string, endpoints?: string[]): Promise<EtcdCtl> {
    const t = await this.deps.transportFor(host);
    return new EtcdCtl(t, {
      endpoints: endpoints ?? [this.member(host).clientURL],
      tls: clientTls(this.deps.access, this.deps.layout, host),
      progress: this.deps.progress,
    });
  }

  run(step: Step): Promise<string> {
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
    const saved = await ctl.snapshotSave(step.params.endpoint, step.params.path);
    const status = await ctl.snapshotStatus(step.params.path);
    this.observed.snapshot = {
      revision: status.revision,
      totalKey: status.totalKey,
      node: step.node,
    };
    return `${saved.bytes} bytes at revision ${status.revision} (${status.totalKey} keys incl. history)`;
  }

  private async fetchSnapshot(step: StepOf<'fetch-snapshot'>): Promise<string> {
    const target = await this.deps.transportFor(step.node);
    const from = step.params.from;
    if (from.kind === 'node') {
      const source = await this.deps.transportFor(from.node);
      await target.writeFile(step.params.to, source.readFile(from.path), { mode: 0o600 });
      return `copied ${from.node}:${from.path} → ${step.params.to}`;
    }
    const backup = this.requireBackup(step);
    await backup.streamTo(from.object, (plain) =>
      target.writeFile(step.params.to, plain, { mode: 0o600 }),
    );
    if (!this.observed.snapshot) {
      const status = await (await this.ctl(step.node)).snapshotStatus(step.params.to);
      this.observed.snapshot = {
        revision: status.revision,
        totalKey: status.totalKey,
        node: step.node,
      };
    }
    return `${from.object} from ${from.location} → ${step.params.to} (hashes match the manifest)`;
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
    await this.deps.layout.stopEtcd(t);
    return 'etcd stopped; no etcd process left';
  }

  private async startEtcd(step: StepOf<'start-etcd'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    await this.deps.layout.startEtcd(t, { timeoutMs: this.deps.healthyTimeoutMs ?? 180_000 });
    return 'etcd started';
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
    const current = await t.exec(['cat', envFile], { allowFailure: true, timeoutMs: 15_000 });
    let text = current.code === 0 ? current.stdout : undefined;
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
    } else {
      await t.exec(['cp', '-p', '--', envFile, `${envFile}.${this.ts}`], { timeoutMs: 15_000 });
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
      const current = await t.exec(['cat', path], { allowFailure: true, timeoutMs: 15_000 });
      if (current.code !== 0) continue;
      await t.exec(['cp', '-p', '--', path, `${path}.${this.ts}`], { timeoutMs: 15_000 });
      await t.writeFile(path, setManifestFlags(current.stdout, step.params.set, path), {
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
    const t = await this.deps.transportFor(step.node);
    // A restore interrupted midway leaves a partial data dir: keep it, out of the way.
    const partial = `${p.dataDir}.interrupted-${stamp(new Date())}`;
    await t.script(`if [ -e ${q(p.dataDir)} ]; then mv -- ${q(p.dataDir)} ${q(partial)}; fi`, {
      timeoutMs: 60_000,
    });
    const ctl = await this.ctl(step.node);
    const r = await ctl.snapshotRestore({
      snapshot: p.snapshot,
      dataDir: p.dataDir,
      name: p.member,
      initialCluster: p.initialCluster,
      initialClusterToken: p.initialClusterToken,
      initialAdvertisePeerUrls: [p.peerURL],
      bumpRevision: p.bumpRevision,
      markCompacted: p.markCompacted,
    });
    // The restored dir takes the owner of the one it replaces (etcd may run as its own user).
    const aside = `${p.dataDir}.${this.ts}`;
    await t.script(
      `if [ -e ${q(aside)} ]; then chown -R "$(stat -c %u:%g ${q(aside)})" ${q(p.dataDir)}; fi; chmod 700 ${q(p.dataDir)}`,
      { timeoutMs: 120_000 },
    );
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
    const extract = (archive: Readable) =>
      t.exec(['tar', '-x', '-p', '--same-owner', '--numeric-owner', '-f', '-', '-C', '/'], {
        stdin: archive,
        timeoutMs: 10 * 60_000,
      });
    if (from.kind === 'backup') {
      const backup = this.requireBackup(step);
      const files = await backup.streamTo(from.object, async (plain) => {
        const toTar = new PassThrough();
        const toList = new PassThrough();
        plain.pipe(toTar);
        plain.pipe(toList);
        const [, listed] = await Promise.all([extract(toTar), listArchive(toList, step.node)]);
        return listed;
      });
      this.observed.restoredFiles.push(...files);
      if (files.some((f) => f.path.startsWith('/etc/systemd/'))) {
        await t.exec(['systemctl', 'daemon-reload'], { timeoutMs: 60_000 });
      }
      return `${files.length} entries of ${from.object} put back with their modes and owners`;
    }
    const peer = await this.deps.transportFor(from.node);
    const rel = from.paths.map((p) => p.replace(/^\/+/, ''));
    const archive = peer.execStream(['tar', '-c', '--numeric-owner', '-f', '-', '-C', '/', ...rel]);
    await Promise.all([extract(archive.stdout), archive.done]);
    if (from.paths.some((p) => p.startsWith('/etc/systemd/'))) {
      await t.exec(['systemctl', 'daemon-reload'], { timeoutMs: 60_000 });
    }
    return `${from.paths.join(', ')} copied from ${from.node} with modes and owners`;
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
      await sleep(1000);
    }
  }

  /** Restarts the kubelet, which restarts the static pods that read certificates and etcd. */
  private async restartControlPlane(step: StepOf<'restart-control-plane'>): Promise<string> {
    const t = await this.deps.transportFor(step.node);
    const has = await t.exec(['systemctl', 'cat', 'kubelet.service'], {
      allowFailure: true,
      timeoutMs: 15_000,
    });
    if (has.code !== 0) {
      return `no kubelet service on ${step.node}: nothing running there reads these files, so nothing to restart`;
    }
    await t.exec(['systemctl', 'restart', 'kubelet'], { timeoutMs: 120_000 });
    return `kubelet restarted (${step.params.reason})`;
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
    await t.exec(['rm', '-f', '--', step.params.path], { timeoutMs: 60_000 });
    return `${step.params.path} removed`;
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

/** Lists an archive's entries (path, mode, owner) as it streams past. */
async function listArchive(stream: Readable, node: string): Promise<RestoredFile[]> {
  const files: RestoredFile[] = [];
  const extract = tarStream.extract();
  extract.on('entry', (header, body, next) => {
    const type =
      header.type === 'directory' ? 'directory' : header.type === 'symlink' ? 'symlink' : 'file';
    files.push({
      node,
      path: `/${header.name.replace(/^\.?\/+/, '').replace(/\/$/, '')}`,
      mode: (header.mode ?? 0) & 0o7777,
      uid: header.uid ?? 0,
      gid: header.gid ?? 0,
      type,
    });
    body.on('end', next);
    body.resume();
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    stream.on('error', reject);
    stream.pipe(extract);
  });
  return files;
}
