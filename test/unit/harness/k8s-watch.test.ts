import { describe, expect, it } from 'vitest';
import { cacheDifference, judgeWatch, type WatchCache } from '../../../harness/k8s-watch.js';

const cache = (entries: Record<string, [string, string]>): WatchCache =>
  new Map(Object.entries(entries).map(([k, [rv, data]]) => [k, { resourceVersion: rv, data }]));

const bumped = { restores: 3, bumped: true };
const noRestore = { restores: 0, bumped: false };
const relisted = {
  relists: [
    'resourceVersion 5120 refused: 410 Expired: too old resource version: 5120 (1000004000)',
  ],
  resumes: 4,
};
const resumedOnly = { relists: [], resumes: 4 };

describe('the watch held across the fault', () => {
  const truth = cache({
    settings: ['1000004100', 'd1'],
    'made-after-restore': ['1000004200', 'd2'],
  });

  it('passes a bumped restore when the server refused the old resourceVersion and the cache equals a fresh list', () => {
    const v = judgeWatch(relisted, new Map(truth), truth, bumped);
    expect(v).toMatchObject({ passed: true, outcome: 'relisted' });
  });

  it('fails a bumped restore that let the watch resume instead of relisting', () => {
    const v = judgeWatch(resumedOnly, new Map(truth), truth, bumped);
    expect(v.passed).toBe(false);
    expect(v.outcome).toBe('resumed');
    expect(v.detail).toMatch(/410 Gone/);
  });

  it('fails a watch that still holds an object the restore took away, and one that missed a change', () => {
    // Total loss without a bump: the watch resumed at a resourceVersion the restored etcd
    // reuses; it keeps made-after-backup and never receives made-after-restore.
    const stale = cache({ settings: ['1000004100', 'd1'], 'made-after-backup': ['5200', 'd3'] });
    const v = judgeWatch(resumedOnly, stale, truth, { restores: 3, bumped: false });
    expect(v).toMatchObject({ passed: false, outcome: 'stale' });
    expect(v.detail).toContain('made-after-restore missing from the watch');
    expect(v.detail).toContain('made-after-backup held by the watch but gone from the API');
  });

  it('names an object whose cached version is older than the API', () => {
    expect(
      cacheDifference(cache({ settings: ['900', 'old'] }), cache({ settings: ['1000', 'new'] })),
    ).toEqual(['settings stale in the watch (resourceVersion 900, the API has 1000)']);
  });

  it('lets a watch resume where no snapshot was restored (member replaced, data kept)', () => {
    expect(judgeWatch(resumedOnly, new Map(truth), truth, noRestore)).toMatchObject({
      passed: true,
      outcome: 'resumed',
    });
  });
});
