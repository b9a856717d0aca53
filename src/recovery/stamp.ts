/** The run's timestamp in names (moved-aside dirs, staged snapshots, tokens): 20261122T010203Z. */
export function stamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}
