import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import {
  chooseSnapshotTool,
  type EtcdTools,
  etcdctlEnv,
  etcdImageVersion,
  helpOffersBumpRevision,
  manifestEtcdImage,
  parseToolVersion,
  supportsBumpRevision,
} from '../../../src/etcd/version.js';

describe('etcd version detection', () => {
  it('reads the version lines of etcd, etcdctl and etcdutl', () => {
    // etcd 3.4.23 and etcdctl 3.4.23 as Debian bookworm prints them.
    expect(
      parseToolVersion(
        'etcd',
        'etcd Version: 3.4.23\nGit SHA: Not provided (use ./build instead of go build)\nGo Version: go1.19.8\n',
      ),
    ).toEqual({ major: 3, minor: 4, patch: 23, raw: '3.4.23' });
    expect(parseToolVersion('etcdctl', 'etcdctl version: 3.4.23\nAPI version: 3.4\n')?.raw).toBe(
      '3.4.23',
    );
    expect(parseToolVersion('etcdutl', 'etcdutl version: 3.5.12\nAPI version: 3.5\n')?.minor).toBe(
      5,
    );
    expect(
      parseToolVersion('etcdctl', 'etcdctl version: 3.6.0-rc.2\nAPI version: 3.6\n')?.raw,
    ).toBe('3.6.0-rc.2');
    expect(parseToolVersion('etcdutl', 'sh: 1: etcdutl: not found\n')).toBeUndefined();
  });

  it('uses etcdctl for snapshots on 3.4, etcdutl from 3.5 on, and refuses etcdctl 3.6 alone', () => {
    const v = (raw: string) => {
      const [major, minor, patch] = raw.split('.').map(Number);
      return { major, minor, patch, raw };
    };
    expect(chooseSnapshotTool('n1', { etcdctl: v('3.4.23') })).toBe('etcdctl');
    expect(chooseSnapshotTool('n1', { etcdctl: v('3.5.12'), etcdutl: v('3.5.12') })).toBe(
      'etcdutl',
    );
    expect(() => chooseSnapshotTool('n1', { etcdctl: v('3.6.1') })).toThrow(/no etcdutl.*3\.6/);
    const err = (() => {
      try {
        chooseSnapshotTool('cp-1', {});
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(/cp-1 has neither etcdctl nor etcdutl/);
  });

  it('offers the revision bump only when the restore help lists both flags, and says why otherwise', () => {
    expect(
      helpOffersBumpRevision(
        '      --bump-revision uint    How much to increase the latest revision after restore\n      --mark-compacted    Mark the latest revision after restore as the point of scheduled compaction',
      ),
    ).toBe(true);
    expect(
      helpOffersBumpRevision(
        '      --skip-hash-check[=false]  Ignore snapshot integrity hash value',
      ),
    ).toBe(false);
    const tools: EtcdTools = {
      node: 'node1',
      commands: { etcd: ['etcd'], etcdctl: ['etcdctl'], etcdutl: ['etcdutl'] },
      etcdctl: { major: 3, minor: 4, patch: 23, raw: '3.4.23' },
      snapshotTool: 'etcdctl',
      supportsBumpRevision: false,
    };
    const res = supportsBumpRevision(tools);
    expect(res.ok).toBe(false);
    expect(res.ok === false && res.reason).toMatch(
      /etcdctl 3\.4\.23 on node1 does not offer --bump-revision/,
    );
    expect(supportsBumpRevision({ ...tools, supportsBumpRevision: true })).toEqual({ ok: true });
  });
});

describe('the environment etcdctl is run with', () => {
  it('ETCDCTL_API=3 only where v3 is not the default: before 3.4, or a version not known', () => {
    const v = (raw: string) => ({
      etcdctl: parseToolVersion('etcdctl', `etcdctl version: ${raw}\n`),
    });
    expect(etcdctlEnv(v('3.3.27'))).toEqual({ ETCDCTL_API: '3' });
    expect(etcdctlEnv({})).toEqual({ ETCDCTL_API: '3' });
    expect(etcdctlEnv(v('3.4.23'))).toEqual({});
    expect(etcdctlEnv(v('3.6.16'))).toEqual({});
  });
});

describe('the etcd version of a kubeadm static pod', () => {
  it('reads the image of the etcd container and its tag', () => {
    const manifest = [
      'apiVersion: v1',
      'kind: Pod',
      'spec:',
      '  containers:',
      '  - command:',
      '    - etcd',
      '    image: registry.k8s.io/etcd:3.5.15-0',
      '    name: etcd',
    ].join('\n');
    expect(manifestEtcdImage(manifest)).toBe('registry.k8s.io/etcd:3.5.15-0');
    expect(etcdImageVersion('registry.k8s.io/etcd:3.5.15-0')?.raw).toBe('3.5.15');
    expect(etcdImageVersion('quay.io/coreos/etcd:v3.6.16')?.raw).toBe('3.6.16');
    expect(etcdImageVersion('localhost:5000/etcd:3.6.4-0@sha256:abc')?.raw).toBe('3.6.4');
    expect(etcdImageVersion('registry.k8s.io/etcd:latest')).toBeUndefined();
    expect(manifestEtcdImage('    image: registry.k8s.io/pause:3.10\n')).toBeUndefined();
  });
});
