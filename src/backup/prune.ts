import { text } from 'node:stream/consumers';
import type { Progress } from '../progress.js';
import {
  planRetention,
  type RetentionDecision,
  type RetentionPolicy,
} from '../stores/retention.js';
import { parseSetName } from '../stores/set-name.js';
import type { Store } from '../stores/store.js';
import { parseManifest } from './manifest.js';

/**
 * Applies retention after a successful backup. A set counts as ours (and may be removed)
 * only when its name is ours and its manifest parses with a valid digest; it is "verified"
 * on the same grounds, since a set is committed only after its snapshot passed the checks.
 */
export async function pruneSets(
  store: Store,
  cluster: string,
  policy: RetentionPolicy,
  progress: Progress,
): Promise<RetentionDecision> {
  const candidates = [];
  for (const name of await store.list()) {
    const parsed = parseSetName(name);
    let ours = false;
    if (parsed?.cluster === cluster) {
      try {
        parseManifest(
          await text(await store.read(name, 'manifest.json')),
          `${store.urlOf(name)}/manifest.json`,
        );
        ours = true;
      } catch (err) {
        progress.warn(`Retention leaves ${store.urlOf(name)} alone: ${(err as Error).message}`);
      }
    }
    candidates.push({ name, ours, verified: ours });
  }
  const decision = planRetention(candidates, policy, cluster);
  for (const name of decision.remove) {
    progress.info(`Retention: removing ${store.urlOf(name)}`);
    await store.remove(name);
  }
  return decision;
}
