import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { holdMachineLock } from '../../../harness/image-build.js';
import { kubeadmClusterLimit } from '../../../harness/kubeadm-provider.js';
import type { Progress } from '../../../src/progress.js';

// The places kubeadm clusters (and image builds) take on a machine: real lock files in the
// temp dir, each test under a key of its own.
const said: string[] = [];
const progress = { info: (m: string) => said.push(m) } as unknown as Progress;
const words = {
  waiting: (owners: string) => `waiting for ${owners}`,
  timedOut: (owners: string, locks: string) => `timed out on ${owners} (${locks})`,
};
const key = () => `test-${randomBytes(6).toString('hex')}`;
const lockOf = (k: string, i: number) => join(tmpdir(), `kube-rescue-${k}-${i}.lock`);
const used: string[] = [];

afterEach(async () => {
  said.length = 0;
  for (const f of used.splice(0)) await rm(f, { force: true });
});

describe('holdMachineLock', () => {
  it('gives out as many places as it has, then waits for one to be released', async () => {
    const k = key();
    used.push(lockOf(k, 0), lockOf(k, 1));
    const opts = { slots: 2, timeoutMs: 20_000, ...words };
    const a = await holdMachineLock(k, progress, opts);
    const b = await holdMachineLock(k, progress, opts);
    expect((await readFile(lockOf(k, 0), 'utf8')).trim()).toBe(`${hostname()}:${process.pid}`);
    expect((await readFile(lockOf(k, 1), 'utf8')).trim()).toBe(`${hostname()}:${process.pid}`);
    let third: (() => Promise<void>) | undefined;
    const waiting = holdMachineLock(k, progress, opts).then((r) => {
      third = r;
    });
    await new Promise((r) => setTimeout(r, 500));
    expect(third).toBeUndefined();
    expect(said).toEqual([
      `waiting for ${hostname()}:${process.pid}, ${hostname()}:${process.pid}`,
    ]);
    await a();
    await waiting;
    expect(third).toBeDefined();
    await b();
    await third!();
    await expect(readFile(lockOf(k, 0))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(readFile(lockOf(k, 1))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('takes over a place whose holder no longer runs', async () => {
    const k = key();
    used.push(lockOf(k, 0), lockOf(k, 1));
    const gone = spawnSync('sh', ['-c', 'echo $$']).stdout.toString().trim();
    await writeFile(lockOf(k, 0), `${hostname()}:${gone}`);
    await writeFile(lockOf(k, 1), `${hostname()}:${process.pid}`);
    const release = await holdMachineLock(k, progress, { slots: 2, timeoutMs: 5_000, ...words });
    expect((await readFile(lockOf(k, 0), 'utf8')).trim()).toBe(`${hostname()}:${process.pid}`);
    expect(said).toEqual([]);
    await release();
  });

  it('gives up after its timeout, naming who holds the places', async () => {
    const k = key();
    const single = join(tmpdir(), `kube-rescue-${k}.lock`);
    used.push(single);
    await writeFile(single, `${hostname()}:${process.pid}`);
    await expect(holdMachineLock(k, progress, { timeoutMs: 100, ...words })).rejects.toThrow(
      `timed out on ${hostname()}:${process.pid} (${single})`,
    );
  });
});

describe('KUBE_RESCUE_KUBEADM_CLUSTERS', () => {
  const before = process.env.KUBE_RESCUE_KUBEADM_CLUSTERS;
  afterEach(() => {
    if (before === undefined) delete process.env.KUBE_RESCUE_KUBEADM_CLUSTERS;
    else process.env.KUBE_RESCUE_KUBEADM_CLUSTERS = before;
  });
  it('is no limit when unset, a count when a whole number, an input error otherwise', () => {
    delete process.env.KUBE_RESCUE_KUBEADM_CLUSTERS;
    expect(kubeadmClusterLimit()).toBeUndefined();
    process.env.KUBE_RESCUE_KUBEADM_CLUSTERS = '2';
    expect(kubeadmClusterLimit()).toBe(2);
    for (const bad of ['0', '1.5', 'two']) {
      process.env.KUBE_RESCUE_KUBEADM_CLUSTERS = bad;
      expect(() => kubeadmClusterLimit()).toThrow(
        `KUBE_RESCUE_KUBEADM_CLUSTERS is '${bad}': give a whole number of at least 1`,
      );
    }
  });
});
