import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { canonicalJson } from '../canonical-json.js';
import { InputError } from '../errors.js';
import { VERSION } from '../version.js';
import type { ClusterHealth } from './health.js';
import {
  type BackupSummary,
  buildPlan,
  type ClusterState,
  type Plan,
  type PlanInventory,
  type PlanOptions,
  type StepAction,
} from './plan.js';

/**
 * The plan a person approved, as a file: the Plan plus everything `buildPlan` made it from
 * (inventory facts, what the probe saw, the options, the backup set and its manifest digest).
 * Written as canonical JSON, so its sha256 is the sha256 of the file's bytes: the summary of
 * `plan` shows it, `restore --plan` shows it again, and `sha256sum` agrees with both.
 *
 * A plan file is untrusted input (it travels as an artifact between jobs). `restore --plan`
 * accepts it only when its shape is exactly this, every value that can reach a node has the
 * form its meaning allows, and its plan is exactly what our own planner builds from the
 * inputs it records: a step kube-rescue would not have planned cannot be smuggled in. What it
 * recorded of the cluster is then compared with a re-probe (clusterChanges).
 */
export const PLAN_FILE_FORMAT = 'kube-rescue-plan';
export const PLAN_FILE_VERSION = 1;

/** What the probe saw, as the planner received it (ClusterHealth + name + kubectl hosts). */
export type RecordedState = ClusterHealth & Pick<ClusterState, 'clusterName' | 'kubectlOn'>;

/** The options of `buildPlan`, with the clock as text. */
export type RecordedOptions = Omit<PlanOptions, 'now'> & { now: string };

export interface PlanFile {
  format: typeof PLAN_FILE_FORMAT;
  version: typeof PLAN_FILE_VERSION;
  /** The kube-rescue that wrote it, for people. */
  tool: string;
  inventory: PlanInventory;
  state: RecordedState;
  options: RecordedOptions;
  /** The backup set the plan reads, and the sha256 of its manifest.json when planned. */
  backup?: { location: string; manifestSha256: string };
  plan: Plan;
}

export function makePlanFile(parts: Omit<PlanFile, 'format' | 'version' | 'tool'>): PlanFile {
  return { format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, tool: VERSION, ...parts };
}

/** The file's bytes: canonical JSON and a final newline. */
export function planFileText(file: PlanFile): string {
  return `${canonicalJson(file)}\n`;
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The hash people compare: sha256 of the file as written. */
export function planFileSha256(file: PlanFile): string {
  return sha256Hex(planFileText(file));
}

// ---------------------------------------------------------------------------------------
// Shape

type Shape = Record<string, 'required' | 'optional'>;

const FILE_KEYS: Shape = {
  format: 'required',
  version: 'required',
  tool: 'required',
  inventory: 'required',
  state: 'required',
  options: 'required',
  backup: 'optional',
  plan: 'required',
};

const PLAN_KEYS: Shape = {
  cluster: 'required',
  case: 'required',
  cases: 'required',
  strategy: 'required',
  source: 'required',
  layout: 'required',
  paths: 'required',
  members: 'required',
  createdAt: 'required',
  brokenEtcd: 'required',
  brokenControlPlane: 'required',
  removedHosts: 'optional',
  brokenFrom: 'required',
  brokenWhy: 'optional',
  steps: 'required',
  warnings: 'required',
  revisionBump: 'optional',
  kubeletNodes: 'optional',
  expect: 'required',
};

const STEP_KEYS: Shape = {
  id: 'required',
  node: 'required',
  action: 'required',
  params: 'required',
  reason: 'required',
  undo: 'required',
  destructive: 'required',
  group: 'optional',
  lane: 'optional',
};

/** The parameters each action may carry: the closed map of plan-types.ts's StepParams. */
const PARAM_KEYS: Record<StepAction, string[]> = {
  'snapshot-save': ['endpoint', 'path'],
  'fetch-snapshot': ['from', 'to'],
  'stop-etcd': [],
  'move-aside': ['path', 'to', 'recreate'],
  'member-remove': ['member', 'memberId'],
  'member-add': ['member', 'peerURL'],
  'write-env': ['set', 'templateFrom'],
  'restore-snapshot': [
    'snapshot',
    'dataDir',
    'member',
    'peerURL',
    'initialCluster',
    'initialClusterToken',
    'bumpRevision',
    'markCompacted',
  ],
  'restore-certs': ['from', 'moveAside'],
  'kubelet-client': ['nodeName'],
  'start-etcd': [],
  'wait-healthy': ['members', 'clientURLs'],
  'restart-control-plane': ['reason'],
  'delete-node': ['nodeName', 'host', 'kubeconfig'],
  verify: ['expectMembers'],
  'discard-staged': ['path'],
};

const OPTION_KEYS = [
  'strategy',
  'force',
  'now',
  'haveIdentity',
  'preferBackupSnapshot',
  'stagingDir',
  'removeHosts',
  'bumpRevision',
];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKeys(where: string, value: unknown, shape: Shape, what: string): void {
  if (!isObject(value)) throw new InputError(`${where}: ${what} is not a JSON object.`);
  for (const key of Object.keys(value)) {
    if (!(key in shape)) {
      throw new InputError(
        `${where}: ${what} has an unknown field '${key}': this kube-rescue (${VERSION}) writes no such field, so the file was edited or written by another version. Run plan again.`,
      );
    }
  }
  for (const [key, need] of Object.entries(shape)) {
    if (need === 'required' && !(key in value)) {
      throw new InputError(`${where}: ${what} lacks the field '${key}'. Run plan again.`);
    }
  }
}

/** Any string with a line break or control character, anywhere: it could add a line to a file on a node. */
function findControlCharacter(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    return /[\p{Cc}]/u.test(value) ? path : undefined;
  }
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const found = findControlCharacter(v, `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (/[\p{Cc}]/u.test(k)) return `${path} (a key)`;
      const found = findControlCharacter(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Values that reach nodes: the forms node-values.ts allows for inventory values.

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,252}$/;
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?';
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);
const HEX = /^[0-9a-f]{1,16}$/;
const PATH = /^\/[A-Za-z0-9_.@+/-]*$/;
const VERSION_TEXT = /^[0-9A-Za-z.+-]{1,64}$/;

const isAddress = (v: string) => v.length <= 253 && (isIP(v) !== 0 || DNS_NAME.test(v));
function isUrl(v: string): boolean {
  const m = /^https?:\/\/(\[[0-9a-fA-F:.]+\]|[^/:[\]\s]+):([0-9]{1,5})\/?$/.exec(v);
  if (!m) return false;
  const host = m[1]!.replace(/^\[|\]$/g, '');
  return isAddress(host) && Number(m[2]) >= 1 && Number(m[2]) <= 65535;
}
const isPath = (v: string) => PATH.test(v) && !v.split('/').includes('..');

interface ValueCheck {
  value: unknown;
  where: string;
  form: string;
  ok: (v: string) => boolean;
}

function valueChecks(file: PlanFile): ValueCheck[] {
  const checks: ValueCheck[] = [];
  const add = (value: unknown, where: string, form: string, ok: (v: string) => boolean) =>
    checks.push({ value, where, form, ok });
  const name = (v: unknown, where: string) =>
    add(v, where, "a name of letters, digits, '-', '_' and '.'", (s) => NAME.test(s));
  const hostName = (v: unknown, where: string) =>
    add(v, where, 'a host name or IP address', (s) => NAME.test(s) || isIP(s) !== 0);
  const url = (v: unknown, where: string) =>
    add(v, where, 'a URL like https://10.0.0.1:2379', isUrl);
  const path = (v: unknown, where: string) =>
    add(v, where, "an absolute path without '..' or shell characters", isPath);

  const s = file.state;
  for (const [k, v] of Object.entries(s.paths ?? {})) {
    for (const [i, p] of (Array.isArray(v) ? v : [v]).entries()) {
      path(p, `state.paths.${k}${Array.isArray(v) ? `[${i}]` : ''}`);
    }
  }
  for (const [k, v] of Object.entries(file.plan.paths ?? {})) {
    for (const p of Array.isArray(v) ? v : [v]) path(p, `plan.paths.${k}`);
  }
  for (const [i, e] of (s.etcd ?? []).entries()) {
    const at = `state.etcd[${i}]`;
    hostName(e.host, `${at}.host`);
    name(e.memberName, `${at}.memberName`);
    add(e.address, `${at}.address`, 'an IP address or DNS name', isAddress);
    url(e.clientUrl, `${at}.clientUrl`);
    url(e.peerUrl, `${at}.peerUrl`);
    if (e.memberId !== undefined)
      add(e.memberId, `${at}.memberId`, 'a hex member id', (x) => HEX.test(x));
    if (e.tools) {
      if (e.tools.server !== undefined)
        add(e.tools.server, `${at}.tools.server`, 'a version', (x) => VERSION_TEXT.test(x));
      add(e.tools.snapshotToolVersion, `${at}.tools.snapshotToolVersion`, 'a version', (x) =>
        VERSION_TEXT.test(x),
      );
      add(
        e.tools.snapshotTool,
        `${at}.tools.snapshotTool`,
        'etcdctl or etcdutl',
        (x) => x === 'etcdctl' || x === 'etcdutl',
      );
    }
  }
  for (const [i, m] of (s.members ?? []).entries()) {
    const at = `state.members[${i}]`;
    add(m.id, `${at}.id`, 'a hex member id', (x) => HEX.test(x));
    if (m.name !== '') name(m.name, `${at}.name`);
    for (const [j, u] of (m.peerURLs ?? []).entries()) url(u, `${at}.peerURLs[${j}]`);
    for (const [j, u] of (m.clientURLs ?? []).entries()) url(u, `${at}.clientURLs[${j}]`);
  }
  for (const [i, c] of (s.controlPlane ?? []).entries())
    hostName(c.host, `state.controlPlane[${i}].host`);
  for (const [i, h] of (s.kubectlOn ?? []).entries()) hostName(h, `state.kubectlOn[${i}]`);
  if (s.serverVersion !== undefined)
    add(s.serverVersion, 'state.serverVersion', 'a version', (x) => VERSION_TEXT.test(x));
  if (s.clusterId !== undefined)
    add(s.clusterId, 'state.clusterId', 'a hex cluster id', (x) => HEX.test(x));
  add(s.clusterName, 'state.clusterName', 'a cluster name', (x) => x === '' || NAME.test(x));
  add(
    s.layout,
    'state.layout',
    'kubespray or kubeadm',
    (x) => x === 'kubespray' || x === 'kubeadm',
  );
  for (const [i, m] of (file.plan.members ?? []).entries()) {
    hostName(m.host, `plan.members[${i}].host`);
    name(m.memberName, `plan.members[${i}].memberName`);
    url(m.clientURL, `plan.members[${i}].clientURL`);
    url(m.peerURL, `plan.members[${i}].peerURL`);
  }
  for (const [i, step] of (file.plan.steps ?? []).entries()) {
    hostName(step.node, `plan.steps[${i}].node`);
    add(step.id, `plan.steps[${i}].id`, 'a step id like 03-member-add-etcd3', (x) => NAME.test(x));
  }
  for (const [i, h] of (file.options.removeHosts ?? []).entries())
    hostName(h, `options.removeHosts[${i}]`);
  if (file.options.stagingDir !== undefined) path(file.options.stagingDir, 'options.stagingDir');
  return checks;
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return JSON.stringify(text && text.length > 80 ? `${text.slice(0, 80)}…` : text);
}

/**
 * Parses and checks a plan file: shape, version, values, and that its plan is what the planner
 * builds from what it records. Throws an InputError (exit 2) naming the file and what is wrong.
 */
export function parsePlanFile(text: string, where: string): PlanFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(
      `${where} is not a plan file: it is not JSON (${(err as Error).message}).`,
    );
  }
  if (!isObject(data) || data.format !== PLAN_FILE_FORMAT) {
    throw new InputError(
      `${where} is not a kube-rescue plan file (no "format": "${PLAN_FILE_FORMAT}"). Write one with 'kube-rescue plan … --out FILE'.`,
    );
  }
  if (data.version !== PLAN_FILE_VERSION) {
    throw new InputError(
      `${where} is a plan file of format version ${shown(data.version)}; this kube-rescue (${VERSION}) reads version ${PLAN_FILE_VERSION}. Run plan again with the kube-rescue that restores.`,
    );
  }
  checkKeys(where, data, FILE_KEYS, 'the file');
  checkKeys(where, data.plan, PLAN_KEYS, 'the plan');
  const plan = data.plan as Record<string, unknown>;
  if (!Array.isArray(plan.steps) || plan.steps.length === 0) {
    throw new InputError(`${where}: the plan has no steps. Run plan again.`);
  }
  for (const [i, step] of plan.steps.entries()) {
    checkKeys(where, step, STEP_KEYS, `step ${i + 1}`);
    const s = step as Record<string, unknown>;
    // What steps write and run: no value kube-rescue plans there has a line break. (The
    // probe's own words, in reasons and state, may; they reach people, not nodes.)
    const bad = findControlCharacter(s.params, `plan.steps[${i}].params`);
    if (bad) {
      throw new InputError(
        `${where}: ${bad} holds a line break or control character; no value kube-rescue plans has one. The file was edited: run plan again.`,
      );
    }
    const action = s.action as StepAction;
    const allowed = Object.hasOwn(PARAM_KEYS, String(action)) ? PARAM_KEYS[action] : undefined;
    if (!allowed) {
      throw new InputError(
        `${where}: step ${i + 1} (${shown(s.id)}) has the unknown action ${shown(action)}; kube-rescue plans only ${Object.keys(PARAM_KEYS).join(', ')}.`,
      );
    }
    if (!isObject(s.params)) throw new InputError(`${where}: step ${i + 1} has no params object.`);
    for (const key of Object.keys(s.params)) {
      if (!allowed.includes(key)) {
        throw new InputError(
          `${where}: step ${i + 1} (${shown(s.id)}, ${action}) has the unknown parameter '${key}'. The file was edited: run plan again.`,
        );
      }
    }
  }
  if (!isObject(data.options)) throw new InputError(`${where}: options is not a JSON object.`);
  for (const key of Object.keys(data.options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new InputError(`${where}: options has an unknown field '${key}'. Run plan again.`);
    }
  }
  if (data.backup !== undefined) {
    checkKeys(where, data.backup, { location: 'required', manifestSha256: 'required' }, 'backup');
    const b = data.backup as Record<string, unknown>;
    if (typeof b.location !== 'string' || !/^[0-9a-f]{64}$/.test(String(b.manifestSha256))) {
      throw new InputError(`${where}: backup must name a location and a 64-hex manifestSha256.`);
    }
  }
  for (const part of ['inventory', 'state'] as const) {
    if (!isObject(data[part])) throw new InputError(`${where}: ${part} is not a JSON object.`);
  }
  const file = data as unknown as PlanFile;
  for (const c of valueChecks(file)) {
    if (typeof c.value !== 'string' || !c.ok(c.value)) {
      throw new InputError(
        `${where}: ${c.where} is ${shown(c.value)}, which cannot reach a node: it must be ${c.form}. The file was edited: run plan again.`,
      );
    }
  }
  return file;
}

/**
 * The plan the planner builds from what the file records, against the backup set as it reads
 * now; refuses a file whose plan is anything else (steps added, removed, reordered or changed).
 */
export function replan(file: PlanFile, backup: BackupSummary | undefined, where: string): Plan {
  let rebuilt: Plan;
  try {
    rebuilt = buildPlan(file.inventory, file.state, backup, {
      ...file.options,
      now: new Date(file.options.now),
    });
  } catch (err) {
    throw new InputError(
      `${where}: the plan cannot be rebuilt from what the file records (${(err as Error).message}). The file was edited or the backup set changed: run plan again.`,
      { cause: err },
    );
  }
  const want = canonicalJson(rebuilt);
  if (want !== canonicalJson(file.plan)) {
    const mine = rebuilt.steps.map((s) => s.id);
    const theirs = file.plan.steps.map((s) => s.id);
    const differing =
      canonicalJson(mine) !== canonicalJson(theirs)
        ? `its steps are ${theirs.join(', ')}; kube-rescue plans ${mine.join(', ')}`
        : `step ${file.plan.steps.find((s, i) => canonicalJson(s) !== canonicalJson(rebuilt.steps[i]))?.id ?? 'fields'} differs`;
    throw new InputError(
      `${where}: the plan in it is not the plan kube-rescue builds from the cluster state it records (${differing}). The file was edited: run plan again.`,
    );
  }
  return rebuilt;
}

/** Inventory facts, as the plan compares them (the file's own path may differ between runners). */
export function inventoryChanges(recorded: PlanInventory, now: PlanInventory): string[] {
  const strip = (i: PlanInventory) => canonicalJson({ ...i, source: undefined });
  if (strip(recorded) === strip(now)) return [];
  const out: string[] = [];
  const fields = [
    'etcd',
    'controlPlane',
    'brokenEtcd',
    'brokenControlPlane',
    'hosts',
    'nodeNames',
    'nodeAddresses',
  ] as const;
  for (const f of fields) {
    if (canonicalJson(recorded[f]) !== canonicalJson(now[f])) {
      out.push(
        `${f}: the plan has ${canonicalJson(recorded[f]) ?? 'none'}, the inventory ${canonicalJson(now[f]) ?? 'none'}`,
      );
    }
  }
  return out;
}

const yesNo = (b: boolean | undefined) => (b ? 'yes' : 'no');

/**
 * What differs between the cluster the plan assumed and the one re-probed now, per node:
 * which members run, are healthy, their ids, data dirs and tool versions; the member list,
 * quorum, layout and paths. Raft indexes and revisions move on in a live cluster and are
 * not compared.
 */
export function clusterChanges(planned: RecordedState, now: ClusterHealth): string[] {
  const out: string[] = [];
  const nowEtcd = new Map(now.etcd.map((e) => [e.host, e]));
  for (const p of planned.etcd) {
    const n = nowEtcd.get(p.host);
    if (!n) {
      out.push(`${p.host}: an etcd host of the plan is not an etcd host of the inventory now`);
      continue;
    }
    const diffs: string[] = [];
    const cmp = (
      what: string,
      a: unknown,
      b: unknown,
      show = (v: unknown) => String(v ?? 'none'),
    ) => {
      if (canonicalJson(a) !== canonicalJson(b))
        diffs.push(`${what} was ${show(a)}, is ${show(b)}`);
    };
    cmp('reachable', p.reachable, n.reachable, (v) => yesNo(v as boolean));
    cmp('etcd running', p.etcdRunning, n.etcdRunning, (v) => yesNo(v as boolean));
    cmp('healthy', p.healthy, n.healthy, (v) => yesNo(v as boolean));
    cmp('member id', p.memberId, n.memberId);
    cmp('data dir', p.dataDir, n.dataDir);
    cmp('etcd certificates present', p.etcdCertsPresent, n.etcdCertsPresent, (v) =>
      yesNo(v as boolean),
    );
    cmp('member name', p.memberName, n.memberName);
    cmp('address', p.address, n.address);
    cmp('client URL', p.clientUrl, n.clientUrl);
    cmp('peer URL', p.peerUrl, n.peerUrl);
    const tools = (e: typeof p) =>
      e.tools
        ? `${e.tools.snapshotTool} ${e.tools.snapshotToolVersion}, etcd ${e.tools.server ?? '?'}${e.tools.bumpRevision ? ', bumps' : ''}`
        : undefined;
    cmp('etcd tools', tools(p), tools(n));
    if (diffs.length > 0) out.push(`${p.host}: ${diffs.join(', ')}`);
  }
  const nowCp = new Map(now.controlPlane.map((c) => [c.host, c]));
  for (const p of planned.controlPlane) {
    const n = nowCp.get(p.host);
    if (!n) {
      out.push(`${p.host}: a control-plane host of the plan is not one of the inventory now`);
      continue;
    }
    const diffs: string[] = [];
    if (p.reachable !== n.reachable)
      diffs.push(`reachable was ${yesNo(p.reachable)}, is ${yesNo(n.reachable)}`);
    if (p.certsPresent !== n.certsPresent) {
      diffs.push(
        `control-plane certificates present was ${yesNo(p.certsPresent)}, is ${yesNo(n.certsPresent)}`,
      );
    }
    if (diffs.length > 0) out.push(`${p.host} (control plane): ${diffs.join(', ')}`);
  }
  const memberText = (ms: ClusterHealth['members']) =>
    ms
      .map(
        (m) =>
          `${m.name || '(unstarted)'} ${m.id}${m.isLearner ? ' learner' : ''} ${[...m.peerURLs].sort().join(' ')}`,
      )
      .sort()
      .join('; ') || 'none';
  const cluster: [string, unknown, unknown][] = [
    ['member list', memberText(planned.members), memberText(now.members)],
    ['quorum', yesNo(planned.quorum), yesNo(now.quorum)],
    ['cluster id', planned.clusterId ?? 'none', now.clusterId ?? 'none'],
    ['etcd server version', planned.serverVersion ?? 'none', now.serverVersion ?? 'none'],
    ['etcd tools version', planned.toolsVersion, now.toolsVersion],
    ['layout', planned.layout, now.layout],
    ['paths', canonicalJson(planned.paths), canonicalJson(now.paths)],
  ];
  for (const [what, a, b] of cluster) {
    if (a !== b) out.push(`cluster: ${what} was ${a}, is ${b}`);
  }
  return out;
}
