import { InputError } from '../errors.js';

/** `<cluster>-<UTC yyyymmddThhmmssZ>`: the only set names kube-rescue writes or prunes. */
const SET_NAME =
  /^([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const CLUSTER = /^[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?$/;

export interface SetName {
  name: string;
  cluster: string;
  created: Date;
}

/** Checks a cluster name as it appears in set names (DNS-label-like, lower case). */
export function checkClusterName(cluster: string, where = '--cluster-name'): string {
  if (!CLUSTER.test(cluster) || cluster.length > 100) {
    throw new InputError(
      `${where} '${cluster}': use lower-case letters, digits, '.' and '-' (starting and ending with a letter or digit), at most 100 characters.`,
    );
  }
  return cluster;
}

export function formatSetName(cluster: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `${checkClusterName(cluster)}-${stamp}`;
}

/** The parts of a set name, or null when the name is not one kube-rescue writes. */
export function parseSetName(name: string): SetName | null {
  const m = SET_NAME.exec(name);
  if (!m) return null;
  const [, cluster, y, mo, d, h, mi, s] = m;
  const created = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  if (Number.isNaN(created.getTime()) || formatSetName(cluster, created) !== name) return null;
  return { name, cluster, created };
}

/** Oldest first; names that are not ours sort by name after ours. */
export function compareSetNames(a: string, b: string): number {
  const pa = parseSetName(a);
  const pb = parseSetName(b);
  if (pa && pb) return pa.created.getTime() - pb.created.getTime() || a.localeCompare(b);
  if (pa) return -1;
  if (pb) return 1;
  return a.localeCompare(b);
}

/** An object name inside a set: one path segment, no hidden or traversal names. */
export function checkObjectName(object: string): string {
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/.test(object) || object.includes('..')) {
    throw new InputError(`'${object}' is not a valid object name inside a backup set.`);
  }
  return object;
}
