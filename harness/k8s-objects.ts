import { createHash, randomBytes } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { OperationError } from '../src/errors.js';
import { type DockerResult, runCommand } from './docker-cli.js';

/**
 * Proof at the Kubernetes level, shared by every provider with an API server (kubeadm, kind):
 * real objects made through the API before the backup, read back through the API after the
 * restore. The provider supplies only how to run kubectl with admin credentials.
 */
export interface KubernetesApi {
  /**
   * argv that runs kubectl with admin credentials; the arguments of each call follow it
   * (kubeadm: the built kubectl with the run's admin kubeconfig on the host; kind: `docker
   * exec` into a control-plane node with its admin.conf).
   */
  readonly kubectl: readonly string[];
}

export interface KubectlCall {
  stdin?: string;
  allowFailure?: boolean;
  timeoutMs?: number;
}

export function kubectl(
  api: KubernetesApi,
  args: readonly string[],
  opts: KubectlCall = {},
): Promise<DockerResult> {
  const [file, ...prefix] = api.kubectl;
  return runCommand(file, [...prefix, ...args], {
    stdin: opts.stdin,
    allowFailure: opts.allowFailure,
    timeoutMs: opts.timeoutMs ?? 60_000,
  });
}

/** Every object the rehearsal makes carries this label, with the run id as its value. */
export const RUN_LABEL = 'kube-rescue.rehearsal/run';

/** The rehearsal's CustomResourceDefinition: `Drill` in group rehearsal.kube-rescue.example. */
export const CRD_GROUP = 'rehearsal.kube-rescue.example';
export const CRD_PLURAL = 'drills';
export const CRD_NAME = `${CRD_PLURAL}.${CRD_GROUP}`;

/** The resource types the check lists, each by the name kubectl takes. */
export const CHECKED_RESOURCES = [
  'customresourcedefinitions.apiextensions.k8s.io',
  'namespaces',
  'deployments.apps',
  'configmaps',
  'secrets',
  CRD_NAME,
] as const;

/**
 * One object as the check compares it: what the user put there (spec, data, type, labels)
 * and its uid (a restore brings back the same object, not a new one). Not what changes on
 * its own: resourceVersion, managedFields, timestamps, annotations controllers write, status.
 * Secret values are kept only as sha256 digests.
 */
export interface ObjectRecord {
  /** `Kind namespace/name` (`Kind name` when cluster-scoped), the name reports use. */
  key: string;
  kind: string;
  namespace?: string;
  name: string;
  content: Record<string, unknown>;
}

interface ApiObject {
  kind?: string;
  metadata: { name: string; namespace?: string; uid?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The compared projection of an object read from the API. */
export function recordOf(o: ApiObject, kind = o.kind ?? 'Object'): ObjectRecord {
  const { namespace, name, uid, labels } = o.metadata;
  const content: Record<string, unknown> = { uid, labels: labels ?? {} };
  for (const f of ['spec', 'data', 'binaryData', 'type', 'immutable'] as const) {
    if (o[f] === undefined) continue;
    content[f] =
      kind === 'Secret' && (f === 'data' || f === 'binaryData')
        ? Object.fromEntries(
            Object.entries(o[f] as Record<string, string>).map(([k, v]) => [k, sha256(v)]),
          )
        : o[f];
  }
  return {
    key: namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`,
    kind,
    namespace,
    name,
    content,
  };
}

/** The fields that differ, two levels deep (`data.mode`, `spec.replicas`, `uid`); no values. */
export function differingFields(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const f of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[f];
    const y = b[f];
    if (isDeepStrictEqual(x, y)) continue;
    const isMap = (v: unknown): v is Record<string, unknown> =>
      typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!isMap(x) || !isMap(y)) {
      out.push(f);
      continue;
    }
    for (const k of [...new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if (!isDeepStrictEqual(x[k], y[k])) out.push(`${f}.${k}`);
    }
  }
  return out;
}

export type ObjectSet = ReadonlyMap<string, ObjectRecord>;

export interface ObjectComparison {
  /** Expected objects that read back the same. */
  verified: string[];
  /** Expected objects that are not there. */
  missing: string[];
  /** Expected objects that are there with other content: key → fields that differ. */
  changed: { key: string; fields: string[] }[];
  /** Objects there that should not be (e.g. made after the backup, after a total loss). */
  extra: string[];
}

/** Compares what the API holds with what it should hold, object by object. */
export function compareObjects(expected: ObjectSet, actual: ObjectSet): ObjectComparison {
  const result: ObjectComparison = { verified: [], missing: [], changed: [], extra: [] };
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (!got) result.missing.push(key);
    else {
      const fields = differingFields(want.content, got.content);
      if (fields.length === 0) result.verified.push(key);
      else result.changed.push({ key, fields });
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) result.extra.push(key);
  return result;
}

/**
 * What must hold after the restore: `kept` (a node kept its data) → the objects as they were
 * just before the fault, changes after the backup included; `lost` (no node kept anything,
 * the backup is all there is) → exactly the objects of the backup.
 */
export type AfterBackupRule = 'kept' | 'lost';

export function expectedAfterRestore(
  atBackup: ObjectSet,
  beforeFault: ObjectSet,
  rule: AfterBackupRule,
): ObjectSet {
  return rule === 'kept' ? beforeFault : atBackup;
}

/** Objects whose state differs between the backup and the moment of the fault. */
export function changedAfterBackup(atBackup: ObjectSet, beforeFault: ObjectSet): string[] {
  const keys = new Set([...atBackup.keys(), ...beforeFault.keys()]);
  return [...keys].filter((k) => {
    const a = atBackup.get(k);
    const b = beforeFault.get(k);
    return !a || !b || differingFields(a.content, b.content).length > 0;
  });
}

/** One line per object that is not as it should be; empty when everything matches. */
export function objectProblems(c: ObjectComparison, rule: AfterBackupRule): string[] {
  const why =
    rule === 'kept'
      ? 'as it was before the fault (a node kept the data)'
      : 'as it was in the backup (no node kept any data)';
  return [
    ...c.missing.map((k) => `${k} is missing; it should be there ${why}`),
    ...c.changed.map((ch) => `${ch.key} differs in ${ch.fields.join(', ')}; it should read ${why}`),
    ...c.extra.map((k) => `${k} is there but should not be: expected ${why}`),
  ];
}

/** The objects the rehearsal owns, read through the API: every checked type, by run label. */
export async function readObjects(
  api: KubernetesApi,
  runId: string,
): Promise<Map<string, ObjectRecord>> {
  const out = new Map<string, ObjectRecord>();
  for (const resource of CHECKED_RESOURCES) {
    const r = await kubectl(
      api,
      ['get', resource, '--all-namespaces', '-l', `${RUN_LABEL}=${runId}`, '-o', 'json'],
      { allowFailure: true },
    );
    if (r.code !== 0) {
      // A type the API no longer knows (its CRD is gone) holds no objects; anything else is an error.
      if (
        /doesn't have a resource type|the server could not find the requested resource/.test(
          r.stderr,
        )
      ) {
        continue;
      }
      throw new OperationError(
        `Could not list ${resource} through the API: ${r.stderr.trim() || `exit ${r.code}`}`,
      );
    }
    const list = JSON.parse(r.stdout) as { items: ApiObject[] };
    for (const o of list.items) {
      const rec = recordOf(o);
      out.set(rec.key, rec);
    }
  }
  return out;
}

/** Names of the rehearsal's objects for one run. */
export interface RehearsalObjects {
  runId: string;
  /** The namespace the watch check observes (ConfigMaps). */
  watchedNamespace: string;
  namespaces: string[];
}

const DEPLOYMENT_IMAGE = 'kube-rescue-rehearsal/app:1';

function labelled(runId: string, extra: Record<string, string> = {}) {
  return { [RUN_LABEL]: runId, ...extra };
}

/** The CRD (namespaced `Drill`, one served version with a schema). */
function crd(runId: string) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: CRD_NAME, labels: labelled(runId) },
    spec: {
      group: CRD_GROUP,
      scope: 'Namespaced',
      names: { plural: CRD_PLURAL, singular: 'drill', kind: 'Drill', listKind: 'DrillList' },
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                spec: {
                  type: 'object',
                  properties: {
                    scenario: { type: 'string' },
                    targets: { type: 'array', items: { type: 'string' } },
                    budgetSeconds: { type: 'integer' },
                  },
                },
              },
            },
          },
        },
      ],
    },
  };
}

const drill = (runId: string, namespace: string, name: string, n: number) => ({
  apiVersion: `${CRD_GROUP}/v1`,
  kind: 'Drill',
  metadata: { name, namespace, labels: labelled(runId) },
  spec: { scenario: name, targets: [`node${n}`, `node${n + 1}`], budgetSeconds: 60 * n },
});

const configMap = (
  runId: string,
  namespace: string,
  name: string,
  data: Record<string, string>,
) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, labels: labelled(runId) },
  data,
});

/**
 * Namespaces, Deployments (scaled to zero: no image can be pulled here), ConfigMaps, Secrets
 * of random bytes, the CRD and Drills in each namespace; names carry the run id.
 */
function objectsToCreate(runId: string, namespaces: string[]): unknown[] {
  return namespaces.flatMap((ns, i) => [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: labelled(runId, { team: `team-${i}` }) },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: ns, labels: labelled(runId, { app: 'web' }) },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'web',
                image: DEPLOYMENT_IMAGE,
                imagePullPolicy: 'Never',
                args: ['--listen', ':8080', '--namespace', ns],
                env: [{ name: 'MODE', value: `rehearsal-${i}` }],
              },
            ],
          },
        },
      },
    },
    configMap(runId, ns, 'settings', {
      mode: 'blue',
      replicas: String(3 + i),
      'app.yaml': `listen: 8080\nns: ${ns}\n`,
    }),
    configMap(runId, ns, 'retired', { reason: 'deleted after the backup' }),
    configMap(runId, ns, 'feature-flags', { search: 'on', checkout: i % 2 ? 'off' : 'on' }),
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db-credentials', namespace: ns, labels: labelled(runId) },
      type: 'Opaque',
      data: {
        username: Buffer.from(`app-${i}`).toString('base64'),
        password: randomBytes(24).toString('base64'),
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls-session', namespace: ns, labels: labelled(runId) },
      type: 'Opaque',
      data: { key: randomBytes(32).toString('base64') },
    },
  ]);
}

const asList = (items: unknown[]) => JSON.stringify({ apiVersion: 'v1', kind: 'List', items });

/**
 * Makes the rehearsal's objects through the API: the CRD first (and waits until it is
 * established), then two namespaces with their objects and two Drills in each.
 */
export async function createRehearsalObjects(
  api: KubernetesApi,
  runId: string,
): Promise<RehearsalObjects> {
  const namespaces = [`rehearsal-${runId}-a`, `rehearsal-${runId}-b`];
  await kubectl(api, ['create', '-f', '-'], { stdin: asList([crd(runId)]) });
  await kubectl(
    api,
    ['wait', '--for', 'condition=Established', '--timeout', '90s', `crd/${CRD_NAME}`],
    {
      timeoutMs: 120_000,
    },
  );
  await kubectl(api, ['create', '-f', '-'], { stdin: asList(objectsToCreate(runId, namespaces)) });
  // A just-established CRD can take a moment to be served for writes: retry, bounded.
  const drills = asList(
    namespaces.flatMap((ns, i) => [
      drill(runId, ns, 'member-loss', i + 1),
      drill(runId, ns, 'total-loss', i + 2),
    ]),
  );
  for (let attempt = 1; ; attempt++) {
    const r = await kubectl(api, ['create', '-f', '-'], { stdin: drills, allowFailure: true });
    if (r.code === 0) break;
    if (
      attempt >= 15 ||
      !/no matches for kind|could not find the requested resource/.test(r.stderr)
    ) {
      throw new OperationError(`Could not create the rehearsal's Drills: ${r.stderr.trim()}`);
    }
    await new Promise((res) => setTimeout(res, 2000));
  }
  return { runId, watchedNamespace: namespaces[0], namespaces };
}

/**
 * The changes a live cluster makes after the backup, before the fault: a ConfigMap and a
 * Drill created, a ConfigMap changed, a ConfigMap and a Secret deleted. After a restore they
 * must be there where a node kept its data, and gone (the backup's state back) after a total loss.
 */
export async function changeAfterBackup(api: KubernetesApi, objs: RehearsalObjects): Promise<void> {
  const [a, b] = objs.namespaces;
  await kubectl(api, ['create', '-f', '-'], {
    stdin: asList([
      configMap(objs.runId, a, 'made-after-backup', { note: 'created after the backup' }),
      drill(objs.runId, b, 'made-after-backup', 9),
    ]),
  });
  await kubectl(api, [
    'patch',
    'configmap',
    'settings',
    '-n',
    a,
    '--type',
    'merge',
    '-p',
    JSON.stringify({ data: { mode: 'green' } }),
  ]);
  await kubectl(api, ['delete', 'configmap', 'retired', '-n', a, '--wait=false']);
  await kubectl(api, ['delete', 'secret', 'tls-session', '-n', b, '--wait=false']);
}

/** Removes the CRD (cluster-scoped, so the cluster's teardown is not the only way out). */
export async function deleteRehearsalObjects(
  api: KubernetesApi,
  objs: RehearsalObjects,
): Promise<void> {
  await kubectl(
    api,
    ['delete', 'namespace', ...objs.namespaces, '--wait=false', '--ignore-not-found'],
    {
      allowFailure: true,
    },
  );
  await kubectl(api, ['delete', 'crd', CRD_NAME, '--wait=false', '--ignore-not-found'], {
    allowFailure: true,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns undefined (all good) or the time is up; returns the last complaint. */
async function until(
  timeoutMs: number,
  check: () => Promise<string | undefined>,
): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const complaint = await check().catch((e: Error) => e.message);
    if (complaint === undefined || Date.now() > deadline) return complaint;
    await sleep(2000);
  }
}

/** `/readyz` answers `ok` within `timeoutMs`; else why not (verbose readyz or kubectl's error). */
export async function checkReadyz(
  api: KubernetesApi,
  timeoutMs = 180_000,
): Promise<string | undefined> {
  const complaint = await until(timeoutMs, async () => {
    const r = await kubectl(api, ['get', '--raw', '/readyz'], {
      allowFailure: true,
      timeoutMs: 30_000,
    });
    return r.code === 0 && r.stdout.trim() === 'ok'
      ? undefined
      : `${r.stdout}${r.stderr}`.trim() || `exit ${r.code}`;
  });
  if (complaint === undefined) return undefined;
  const verbose = await kubectl(api, ['get', '--raw', '/readyz?verbose'], {
    allowFailure: true,
    timeoutMs: 30_000,
  }).catch(() => undefined);
  const failing = verbose?.stdout
    .split('\n')
    .filter((l) => l.includes('[-]'))
    .join('; ');
  return `/readyz did not answer ok within ${timeoutMs / 1000} s: ${failing || complaint.split('\n').slice(-3).join(' ')}`;
}

interface NodeList {
  items: {
    metadata: { name: string };
    status?: { conditions?: { type: string; status: string; message?: string }[] };
  }[];
}

/** Expected nodes that are missing or not Ready, and Nodes that should be gone but are there. */
export function nodeProblems(
  list: NodeList,
  expected: readonly string[],
  gone: readonly string[],
): string[] {
  const problems = expected.flatMap((name) => {
    const item = list.items.find((i) => i.metadata.name === name);
    if (!item) return [`${name}: not registered`];
    const ready = item.status?.conditions?.find((c) => c.type === 'Ready');
    return ready?.status === 'True'
      ? []
      : [`${name}: not Ready (${ready?.message ?? 'no Ready condition'})`];
  });
  for (const name of gone) {
    if (list.items.some((i) => i.metadata.name === name))
      problems.push(`${name}: removed for good, but its Node is still there`);
  }
  return problems;
}

export interface NodesReadyResult {
  ready: number;
  expected: number;
  problems: string[];
}

/** Every expected node Ready (and every removed one's Node gone), waited for up to `timeoutMs`. */
export async function checkNodesReady(
  api: KubernetesApi,
  expected: readonly string[],
  gone: readonly string[],
  timeoutMs = 300_000,
): Promise<NodesReadyResult> {
  let problems: string[] = [];
  const complaint = await until(timeoutMs, async () => {
    const r = await kubectl(api, ['get', 'nodes', '-o', 'json'], { timeoutMs: 30_000 });
    problems = nodeProblems(JSON.parse(r.stdout) as NodeList, expected, gone);
    return problems.length ? problems.join('; ') : undefined;
  });
  if (complaint !== undefined && problems.length === 0) problems = [complaint];
  const notReady = new Set(problems.map((p) => p.split(':')[0]));
  return {
    ready: expected.filter((n) => !notReady.has(n)).length,
    expected: expected.length,
    problems,
  };
}
