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

describe('a page whose output arrives cut short', () => {
  it('is asked again with fewer keys, later pages stay small, and the fingerprint is the whole one', async () => {
    // As etcdctl through `ctr run` gave it on loaded kubeadm nodes: the tail of a large page lost.
    const inner = recordingKeyspace(2000, 512);
    const read: PageReader = async (from, limit, revision) => {
      if (limit > 300) {
        inner.limits.push(limit);
        throw new Error(
          'Could not read the JSON output of etcdctl get: Unterminated string in JSON at position 1278146. Output began with: {"header":',
        );
      }
      return inner.read(from, limit, revision);
    };
    const fp = await fingerprintPages(read, { pageSize: 5000 });
    const reference = await fingerprintPages(recordingKeyspace(2000, 512).read, { pageSize: 5000 });
    expect(fp).toEqual(reference);
    expect(fp.count).toBe(2000);
    // 5000 → 1250 → 312 → 78: the first page came through at 78; no later page asked for more
    // than a page of that size (plus the key asked again).
    expect(inner.limits.slice(0, 4)).toEqual([5000, 1250, 312, 78]);
    expect(Math.max(...inner.limits.slice(4))).toBe(79);
  });

  it('any other failure of a page is not retried', async () => {
    let calls = 0;
    const read: PageReader = async () => {
      calls++;
      throw new Error('etcdserver: mvcc: required revision has been compacted');
    };
    await expect(fingerprintPages(read, { pageSize: 5000 })).rejects.toThrow(/compacted/);
    expect(calls).toBe(1);
  });
});
