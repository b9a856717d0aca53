/** The run's timestamp in names (moved-aside dirs, staged snapshots, tokens): 20261122T010203Z. */
export function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/**
 * Where a file rewritten in place is kept (`<path>.<stamp>`); a static-pod manifest's copy
 * goes beside the manifests dir, where the kubelet does not run it as a second pod.
 */
export function keptCopyOf(path: string, manifestsDir: string, ts: string): string {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash);
  const outside = dir === manifestsDir ? dir.slice(0, dir.lastIndexOf('/')) : dir;
  return `${outside}/${path.slice(slash + 1)}.${ts}`;
}
