import { describe, expect, it } from 'vitest';
import { writerKey } from '../../../harness/data.js';
import { lastWriteIn, restoreLosses } from '../../../harness/restore-losses.js';

describe('restoreLosses', () => {
  const prefix = '/registry/kube-rescue/writer/abc/';
  it('counts changed or missing backup keys and the writes after the backup that are gone', () => {
    const atBackup = new Map([
      ['/a', 'h1'],
      ['/b', 'h2'],
      [writerKey(prefix, 0), 'w0'],
      [writerKey(prefix, 1), 'w1'],
    ]);
    expect(lastWriteIn(atBackup.keys(), prefix)).toBe(1);
    const now = new Map([
      ['/a', 'h1'],
      ['/b', 'changed'],
      [writerKey(prefix, 0), 'w0'],
      [writerKey(prefix, 1), 'w1'],
      [writerKey(prefix, 2), 'w2'],
    ]);
    expect(restoreLosses(atBackup, now, { prefix, lastAtBackup: 1, last: 4 })).toEqual({
      keysLost: 1,
      writesAfterBackup: 3,
      writesLost: 2,
    });
    expect(lastWriteIn(['/a'], prefix)).toBe(-1);
  });
});
