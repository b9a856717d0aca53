import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scenariosFor, scenarioTopology } from '../../../harness/rehearsal.js';
import { rehearse } from '../../../src/commands/rehearse.js';
import { exitCodeOf } from '../../../src/errors.js';
import { silentProgress } from '../../../src/progress.js';

const ctx = { progress: silentProgress };

describe('rehearse --provider kubeadm', () => {
  let cache: string;
  let saved: string | undefined;
  beforeEach(() => {
    cache = mkdtempSync(join(tmpdir(), 'kube-rescue-no-tools-'));
    saved = process.env.KUBE_RESCUE_CACHE;
    process.env.KUBE_RESCUE_CACHE = cache;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.KUBE_RESCUE_CACHE;
    else process.env.KUBE_RESCUE_CACHE = saved;
    rmSync(cache, { recursive: true, force: true });
  });

  it('refuses with exit 2, naming the command that builds the tools, when they are not built', async () => {
    const err = await rehearse({ provider: 'kubeadm', etcdVersion: '3.6', keys: 10 }, ctx).catch(
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(exitCodeOf(err)).toBe(2);
    expect((err as Error).message).toContain('bash scripts/build-tools.sh kubernetes cri-tools');
  });

  it('refuses the runbook example (etcd on workers) before anything starts, exit 2', async () => {
    const err = await rehearse(
      { provider: 'kubeadm', etcdVersion: '3.6', keys: 10, scenarios: ['runbook-example'] },
      ctx,
    ).catch((e: Error) => e);
    expect(exitCodeOf(err)).toBe(2);
    expect((err as Error).message).toMatch(/cannot run runbook-example.*--provider local/);
  });

  it('refuses an etcd version other than its control-plane image runs, exit 2', async () => {
    const err = await rehearse({ provider: 'kubeadm', etcdVersion: '3.5', keys: 10 }, ctx).catch(
      (e: Error) => e,
    );
    expect(exitCodeOf(err)).toBe(2);
    expect((err as Error).message).toContain('runs etcd 3.6');
  });

  it('runs every scenario but the runbook example, on 3 control-plane nodes and a worker', () => {
    expect(scenariosFor('kubeadm')).toEqual([
      'member-loss',
      'quorum-loss',
      'total-loss',
      'cert-loss',
      'host-removal',
    ]);
    expect(scenarioTopology('member-loss', 'kubeadm')).toBe('stacked3-worker');
    expect(scenarioTopology('member-loss', 'kind')).toBe('stacked3');
    expect(scenarioTopology('runbook-example', 'local')).toBe('runbook');
    expect(scenariosFor('local')).toContain('runbook-example');
  });
});
