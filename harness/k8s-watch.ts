import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { type KubernetesApi, kubectl } from './k8s-objects.js';

/**
 * A watch held open across the fault, as an informer holds one: it lists the ConfigMaps of
 * one namespace, watches from the list's resourceVersion, and when the stream ends (the API
 * server went away) resumes from the last resourceVersion it saw, as client-go's reflector
 * does. It relists only when the server refuses that resourceVersion (410 Gone / Expired).
 *
 * What a restore must give such a client, and what `judgeWatch` asserts: after a snapshot
 * restore the revision must be bumped (and compacted), so that the server answers the old
 * resourceVersion with 410 and the client relists; and in every case, after a change made
 * after the restore, the client's cache must equal a fresh list. A restore that let the
 * client resume at a resourceVersion the restored etcd reuses for other writes leaves it
 * with stale objects: objects it still holds that are gone, changes it never gets.
 *
 * The raw watch goes through `kubectl get --raw` (which streams the body), so the provider's
 * kubectl is the only way in, as for the other checks.
 */

interface WatchObject {
  metadata: { name: string; resourceVersion?: string };
  data?: Record<string, string>;
  code?: number;
  reason?: string;
  message?: string;
}

interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: WatchObject;
}

/** name → resourceVersion and a digest of the data: what the cache holds of one ConfigMap. */
export type WatchCache = Map<string, { resourceVersion: string; data: string }>;

const digest = (o: WatchObject) =>
  createHash('sha256')
    .update(JSON.stringify(o.data ?? {}))
    .digest('hex');

function entry(o: WatchObject) {
  return { resourceVersion: o.metadata.resourceVersion ?? '', data: digest(o) };
}

export interface WatchLog {
  /** Relists the server forced (410 Gone), with its message. */
  relists: string[];
  /** Times the stream ended and the client resumed from its last resourceVersion. */
  resumes: number;
  /** The first errors on the way (refused connections while the API was down, 5xx)… */
  errors: string[];
  /** …and how many there were. */
  errorCount: number;
  events: number;
}

export interface ObjectWatch {
  readonly cache: WatchCache;
  readonly log: WatchLog;
  /** The last resourceVersion the client saw (events and bookmarks). */
  lastResourceVersion(): string;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const isGone = (text: string) =>
  /\b410\b|\(Gone\)|\(Expired\)|too old resource version/i.test(text);

async function listConfigMaps(api: KubernetesApi, namespace: string) {
  const r = await kubectl(api, ['get', '--raw', `/api/v1/namespaces/${namespace}/configmaps`], {
    timeoutMs: 30_000,
  });
  const list = JSON.parse(r.stdout) as {
    metadata: { resourceVersion: string };
    items: WatchObject[];
  };
  const cache: WatchCache = new Map(list.items.map((o) => [o.metadata.name, entry(o)]));
  return { cache, resourceVersion: list.metadata.resourceVersion };
}

/** The ConfigMaps of `namespace` as a fresh list sees them: the truth the cache is held to. */
export async function listedConfigMaps(api: KubernetesApi, namespace: string): Promise<WatchCache> {
  return (await listConfigMaps(api, namespace)).cache;
}

export async function startObjectWatch(
  api: KubernetesApi,
  namespace: string,
): Promise<ObjectWatch> {
  const first = await listConfigMaps(api, namespace);
  const cache = first.cache;
  let rv = first.resourceVersion;
  const log: WatchLog = { relists: [], resumes: 0, errors: [], errorCount: 0, events: 0 };
  let running = true;
  let child: ChildProcess | undefined;
  const [file, ...prefix] = api.kubectl;
  // While the API server is down every attempt fails the same way: keep the first few.
  const note = (e: string) => {
    log.errorCount++;
    if (log.errors.length < 10) log.errors.push(e);
  };

  /** One watch request from `rv`; resolves when its stream ends. */
  const watchOnce = () =>
    new Promise<'ended' | 'gone'>((resolve) => {
      const url = `/api/v1/namespaces/${namespace}/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=${rv}`;
      const p = spawn(file, [...prefix, 'get', '--raw', url], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = p;
      let buffered = '';
      let stderr = '';
      let gone = false;
      p.stdout.setEncoding('utf8');
      p.stdout.on('data', (chunk: string) => {
        buffered += chunk;
        let nl = buffered.indexOf('\n');
        while (nl >= 0) {
          const line = buffered.slice(0, nl).trim();
          buffered = buffered.slice(nl + 1);
          nl = buffered.indexOf('\n');
          if (!line) continue;
          let ev: WatchEvent;
          try {
            ev = JSON.parse(line) as WatchEvent;
          } catch {
            note(`unparsable watch line: ${line.slice(0, 120)}`);
            continue;
          }
          log.events++;
          if (ev.type === 'ERROR') {
            const text = `${ev.object.code ?? ''} ${ev.object.reason ?? ''}: ${ev.object.message ?? ''}`;
            if (ev.object.code === 410 || isGone(text)) {
              gone = true;
              log.relists.push(`resourceVersion ${rv} refused: ${text.trim()}`);
              p.kill('SIGTERM');
            } else note(`watch error ${text.trim()}`);
            continue;
          }
          const objRv = ev.object.metadata.resourceVersion;
          if (objRv) rv = objRv;
          if (ev.type === 'ADDED' || ev.type === 'MODIFIED')
            cache.set(ev.object.metadata.name, entry(ev.object));
          else if (ev.type === 'DELETED') cache.delete(ev.object.metadata.name);
        }
      });
      p.stderr.setEncoding('utf8');
      p.stderr.on('data', (s: string) => {
        stderr += s;
      });
      p.on('error', (e) => {
        note(`could not run kubectl: ${e.message}`);
        resolve('ended');
      });
      p.on('close', (code) => {
        if (!gone && code !== 0 && isGone(stderr)) {
          gone = true;
          log.relists.push(`resourceVersion ${rv} refused: ${stderr.trim().split('\n').at(-1)}`);
        } else if (code !== 0 && running) {
          note(stderr.trim().split('\n').at(-1) || `kubectl exit ${code}`);
        }
        resolve(gone ? 'gone' : 'ended');
      });
    });

  const loop = (async () => {
    while (running) {
      const outcome = await watchOnce();
      if (!running) break;
      if (outcome === 'gone') {
        // The server will not replay from rv: start over from a list, as an informer must.
        for (;;) {
          try {
            const fresh = await listConfigMaps(api, namespace);
            cache.clear();
            for (const [k, v] of fresh.cache) cache.set(k, v);
            rv = fresh.resourceVersion;
            break;
          } catch (e) {
            note(`relist failed: ${(e as Error).message.split('\n')[0]}`);
            if (!running) return;
            await sleep(2000);
          }
        }
      } else {
        log.resumes++;
        await sleep(1000);
      }
    }
  })();

  return {
    cache,
    log,
    lastResourceVersion: () => rv,
    async stop() {
      running = false;
      child?.kill('SIGTERM');
      await loop;
    },
  };
}

export interface WatchVerdict {
  passed: boolean;
  /** `relisted` (the server refused the old resourceVersion), `resumed`, or `stale`. */
  outcome: 'relisted' | 'resumed' | 'stale';
  detail: string;
}

/** The difference between a cache and the truth, by name only (no values). */
export function cacheDifference(cache: WatchCache, truth: WatchCache): string[] {
  const out: string[] = [];
  for (const [name, want] of truth) {
    const got = cache.get(name);
    if (!got) out.push(`${name} missing from the watch`);
    else if (!isDeepStrictEqual(got, want))
      out.push(
        `${name} stale in the watch (resourceVersion ${got.resourceVersion}, the API has ${want.resourceVersion})`,
      );
  }
  for (const name of cache.keys())
    if (!truth.has(name)) out.push(`${name} held by the watch but gone from the API`);
  return out;
}

/**
 * The verdict: the cache must equal a fresh list (after a change made after the restore);
 * and when the plan restored a snapshot with a bumped revision, the server must have made the
 * client relist (its old resourceVersion refused), not let it resume.
 */
export function judgeWatch(
  log: Pick<WatchLog, 'relists' | 'resumes'>,
  cache: WatchCache,
  truth: WatchCache,
  restore: { restores: number; bumped: boolean },
): WatchVerdict {
  const diff = cacheDifference(cache, truth);
  const relisted = log.relists.length > 0;
  const how = relisted
    ? `relisted after ${log.relists[0]}`
    : `resumed ${log.resumes} time(s) from its last resourceVersion, never refused`;
  if (diff.length > 0) {
    return {
      passed: false,
      outcome: 'stale',
      detail: `the watch served stale objects (${how}): ${diff.join('; ')}`,
    };
  }
  if (restore.restores > 0 && restore.bumped && !relisted) {
    return {
      passed: false,
      outcome: 'resumed',
      detail: `a bumped snapshot restore ran, yet the watch ${how}: the server must answer a pre-restore resourceVersion with 410 Gone`,
    };
  }
  return {
    passed: true,
    outcome: relisted ? 'relisted' : 'resumed',
    detail: `the watch ${how}; its cache equals a fresh list`,
  };
}
