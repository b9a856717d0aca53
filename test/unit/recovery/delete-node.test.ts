import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { kubeadmLayout } from '../../../src/etcd/layout.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { silentProgress } from '../../../src/progress.js';
import { NodeStepRunner } from '../../../src/recovery/node-steps.js';
import type { Plan, StepOf } from '../../../src/recovery/plan.js';
import { removalPlan } from './fixtures.js';

// The real kubectl of this machine, on the local transport. There is no Kubernetes API here
// (and none is faked): these tests cover what the step does when the API does not answer or
// the kubeconfig is wrong. A successful delete runs only where a real API server exists (kind).

let dir: string;
const local = new LocalTransport('node1');

// kubectl is not a Debian package, so scripts/setup.sh cannot install it: where the machine
// has none, these tests skip and say why (the step itself needs kubectl only on the node).
const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const noKubectl = kubectl.error !== undefined || kubectl.status !== 0;
if (noKubectl) {
  console.warn(
    'delete-node tests skipped: no kubectl on this machine to run the step with (it is not in Debian).',
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kr-delete-node-'));
  // Port 9 on loopback: nothing listens, so kubectl's connection is refused.
  await writeFile(
    join(dir, 'admin.conf'),
    [
      'apiVersion: v1',
      'kind: Config',
      'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]',
      // A token, so kubectl does not prompt for a password (nothing checks it: no server).
      'users: [{name: u, user: {token: placeholder}}]',
      'contexts: [{name: c, context: {cluster: c, user: u}}]',
      'current-context: c',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
});

afterAll(async () => {
  await local.close();
  await rm(dir, { recursive: true, force: true });
});

function runnerFor(plan: Plan, apiTimeoutMs: number): NodeStepRunner {
  return new NodeStepRunner({
    plan,
    transportFor: () => local,
    layout: kubeadmLayout(),
    access: { transport: 'local', layout: 'kubeadm' },
    progress: silentProgress,
    verify: () => Promise.reject(new Error('not part of this test')),
    apiTimeoutMs,
  });
}

async function failureOf(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the step to fail');
}

describe.skipIf(noKubectl)('delete-node on a node where kubectl cannot reach an API', () => {
  it('retries while the API refuses connections, then names the node, the command and kubectl’s error', async () => {
    const plan = removalPlan();
    const step = plan.steps.find((s) => s.action === 'delete-node') as StepOf<'delete-node'>;
    expect(step.node).toBe('node1');
    const kubeconfig = join(dir, 'admin.conf');
    const started = Date.now();
    const err = await failureOf(
      runnerFor(plan, 1000).run({ ...step, params: { ...step.params, kubeconfig } }),
    );
    expect(err).toBeInstanceOf(OperationError);
    expect(err.message).toContain(
      `Node node1: 'kubectl --kubeconfig=${kubeconfig} delete node node3 --ignore-not-found' failed (exit 1) for 1 s`,
    );
    expect(err.message).toMatch(/127\.0\.0\.1:9 was refused/);
    expect(err.message).toContain('kubectl delete node node3');
    // At least one retry after the first refusal.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3000);
  });

  it('a kubeconfig that is not there fails at once: no API wait can fix it', async () => {
    const plan = removalPlan();
    const step = plan.steps.find((s) => s.action === 'delete-node') as StepOf<'delete-node'>;
    const kubeconfig = join(dir, 'missing.conf');
    const started = Date.now();
    const err = await failureOf(
      runnerFor(plan, 60_000).run({ ...step, params: { ...step.params, kubeconfig } }),
    );
    expect(err).toBeInstanceOf(OperationError);
    expect(err.message).toMatch(/failed \(exit 1\): error: stat .*missing\.conf: no such file/);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
