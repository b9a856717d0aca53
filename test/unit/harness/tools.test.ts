import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEtcdEnv } from '../../../harness/kubespray-node.js';
import {
  builtEtcdTools,
  DEFAULT_ETCD_VERSION,
  type EtcdVersion,
  parseEtcdVersion,
  toolsCacheDir,
} from '../../../harness/tools.js';
import { topology } from '../../../harness/topology.js';
import { InputError, OperationError } from '../../../src/errors.js';

describe('etcd versions the harness runs', () => {
  it('accepts 3.4, 3.5 and 3.6 (a leading v too), defaults to 3.6, and refuses anything else with the accepted values', () => {
    expect(parseEtcdVersion('3.5')).toBe('3.5');
    expect(parseEtcdVersion('v3.4')).toBe('3.4');
    expect(DEFAULT_ETCD_VERSION).toBe('3.6');
    for (const bad of ['3.7', '3.6.16', '', 'latest']) {
      expect(() => parseEtcdVersion(bad)).toThrowError(InputError);
    }
    expect(() => parseEtcdVersion('3.7')).toThrowError(
      'Invalid --etcd-version "3.7". Expected one of: 3.4, 3.5, 3.6',
    );
  });
});

describe('the built etcd tools', () => {
  it('live where scripts/build-tools.sh puts them: $KUBE_RESCUE_CACHE, else $XDG_CACHE_HOME, else ~/.cache', () => {
    expect(toolsCacheDir({ KUBE_RESCUE_CACHE: '/c' })).toBe('/c/tools');
    expect(toolsCacheDir({ XDG_CACHE_HOME: '/x' })).toBe('/x/kube-rescue/tools');
    expect(toolsCacheDir({ HOME: '/h' })).toMatch(/\/\.cache\/kube-rescue\/tools$/);
  });

  it('are found by their stable link, and a missing build names the module and the command that builds it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kube-rescue-tools-'));
    try {
      const env = { KUBE_RESCUE_CACHE: root };
      const err = await builtEtcdTools('3.6', env).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OperationError);
      expect((err as Error).message).toContain('tools/etcd-3.6');
      expect((err as Error).message).toContain('bash scripts/build-tools.sh etcd-3.6');

      const bin = join(root, 'tools', 'etcd-3.5', 'bin');
      await mkdir(bin, { recursive: true });
      for (const b of ['etcd', 'etcdctl'])
        await writeFile(join(bin, b), '#!/bin/sh\n', { mode: 0o755 });
      await expect(builtEtcdTools('3.5', env)).rejects.toThrowError(/etcdutl missing/);
      await writeFile(join(bin, 'etcdutl'), '#!/bin/sh\n', { mode: 0o755 });
      const tools = await builtEtcdTools('3.5', env);
      expect(tools).toEqual({
        version: '3.5',
        binDir: bin,
        etcd: join(bin, 'etcd'),
        etcdctl: join(bin, 'etcdctl'),
        etcdutl: join(bin, 'etcdutl'),
      });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe("Kubespray's etcd.env for each version", () => {
  it('sets ETCD_PROXY=off before 3.6 only: 3.6 removed the v2 proxy and warns on the variable', () => {
    const env = (etcdVersion: EtcdVersion) =>
      renderEtcdEnv(
        { topology: topology('stacked3'), ipOf: () => '10.0.0.1', etcdVersion },
        'node1',
      );
    expect(env('3.4')).toMatch(/^ETCD_PROXY=off$/m);
    expect(env('3.5')).toMatch(/^ETCD_PROXY=off$/m);
    expect(env('3.6')).not.toMatch(/ETCD_PROXY/);
    // The rest is the same file: name, cluster and TLS settings.
    const strip = (t: string) => t.replace(/^ETCD_PROXY=off\n/m, '');
    expect(strip(env('3.4'))).toBe(env('3.6'));
    expect(env('3.6')).toMatch(/^ETCD_NAME=etcd1$/m);
  });
});
