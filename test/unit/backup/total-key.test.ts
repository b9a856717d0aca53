import { describe, expect, it } from 'vitest';
import { totalKeyVerdict } from '../../../src/backup/verify-set.js';

// `snapshot status` counts totalKey two ways: stored revisions (etcdctl 3.4, etcdutl 3.5)
// or live keys (etcdutl 3.6+). A set made with one tool and verified with the other differs.
describe('totalKeyVerdict', () => {
  const file = { storedRevisions: 510, liveKeys: 501 };

  it('a manifest counted by etcdutl 3.6 passes on a machine with etcdctl 3.4', () => {
    const v = totalKeyVerdict(501, 510, file);
    expect(v).toMatchObject({ ok: true, expected: '501', actual: '510' });
    expect(v.detail).toMatch(/the file's live keys, as etcdutl 3\.6\+ counts/);
  });

  it('a manifest counted by etcdctl 3.4 passes on a machine with etcdutl 3.6', () => {
    const v = totalKeyVerdict(510, 501, file);
    expect(v.ok).toBe(true);
    expect(v.detail).toMatch(/stored key revisions/);
  });

  it('a count that is neither fails, naming both of the file', () => {
    const v = totalKeyVerdict(505, 510, file);
    expect(v.ok).toBe(false);
    expect(v.detail).toBe(
      "the file holds 501 live keys and 510 stored key revisions; this machine's tool counts 510",
    );
  });
});
