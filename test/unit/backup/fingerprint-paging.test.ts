import { describe, expect, it } from 'vitest';
import { fingerprintPages, type PageReader } from '../../../src/etcd/fingerprint.js';

/**
 * backup reads the keyspace fingerprint with a small first page (sizes unknown yet) and pages
 * sized by bytes after it. An in-memory keyspace answers range requests as etcd does and
 * records the limits asked for; the real etcd path is in test/integration/backup.
 */
function recordingKeyspace(n: number, valueBytes: number): { read: PageReader; limits: number[] } {
  const kvs = Array.from({ length: n }, (_, i) => ({
    key: Buffer.from(`/registry/configmaps/ns/cm-${String(i).padStart(5, '0')}`),
    value: Buffer.alloc(valueBytes, i % 251),
  }));
  const limits: number[] = [];
  const read: PageReader = async (from, limit) => {
    limits.push(limit);
    const inRange = kvs.filter((kv) => Buffer.compare(kv.key, from) >= 0);
    return {
      revision: 7,
      count: inRange.length,
      more: inRange.length > limit,
      kvs: inRange.slice(0, limit),
    };
  };
  return { read, limits };
}

describe('fingerprint paging as backup uses it', () => {
  it('asks for firstPageSize keys first, then pages near targetPageBytes; the fingerprint is unchanged', async () => {
    const small = recordingKeyspace(300, 32 * 1024);
    const fp = await fingerprintPages(small.read, {
      pageSize: 1000,
      firstPageSize: 16,
      targetPageBytes: 1024 * 1024,
    });
    expect(small.limits[0]).toBe(16);
    // 1 MiB of ~32 KiB pairs: 31 keys, plus the previous page's last key asked again.
    expect(Math.max(...small.limits.slice(1))).toBe(32);
    const whole = recordingKeyspace(300, 32 * 1024);
    const reference = await fingerprintPages(whole.read, { pageSize: 1000 });
    expect(whole.limits[0]).toBe(1000);
    expect(fp).toEqual(reference);
    expect(fp.count).toBe(300);
  });
});
