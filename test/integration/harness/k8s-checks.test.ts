import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type KubeadmCluster, KubeadmClusterProvider } from '../../../harness/index.js';
import { KubernetesProof } from '../../../harness/k8s-checks.js';
import { CRD_NAME, kubectl, readObjects } from '../../../harness/k8s-objects.js';
import { StderrProgress } from '../../../src/progress.js';
import { kubernetesMissing, NOTHING_LOST_ON_KUBEADM } from './fixtures/kubernetes.js';

// The Kubernetes-level checks against a real kubeadm control plane (no restore here: that is
// the rehearsal's job). Kubernetes is built only when asked; without it this file skips.
const missing = await kubernetesMissing('Kubernetes checks tests');

const progress = new StderrProgress({ verbose: process.env.KUBE_RESCUE_VERBOSE === '1' });
let cluster: KubeadmCluster;
let proof: KubernetesProof;

const kept = () => ({
  afterBackup: 'kept' as const,
  expectedNodes: cluster.nodes.map((n) => n.name),
  goneNodes: [],
});

describe.skipIf(missing !== undefined)('the Kubernetes checks on a kubeadm cluster', () => {
  beforeAll(async () => {
    cluster = await new KubeadmClusterProvider().start('stacked3-worker', { progress });
    proof = await KubernetesProof.prepare(cluster.kubernetes, cluster.runId, progress);
  }, 40 * 60_000);

  afterAll(async () => {
    await proof?.stop();
    await cluster?.stop();
  });

  it('records namespaces, Deployments, ConfigMaps, Secrets, the CRD and its resources', async () => {
    const objects = await readObjects(cluster.kubernetes, cluster.runId);
    const kinds = [...objects.values()].map((o) => o.kind);
    const count = (k: string) => kinds.filter((x) => x === k).length;
    expect({
      CustomResourceDefinition: count('CustomResourceDefinition'),
      Namespace: count('Namespace'),
      Deployment: count('Deployment'),
      ConfigMap: count('ConfigMap'),
      Secret: count('Secret'),
      Drill: count('Drill'),
    }).toEqual({
      CustomResourceDefinition: 1,
      Namespace: 2,
      Deployment: 2,
      ConfigMap: 6,
      Secret: 4,
      Drill: 4,
    });
    expect(proof.recorded).toBe(19);
  });

  it('passes when nothing was lost: changes after the "backup" kept, /readyz ok, every node Ready, the watch current', async () => {
    await proof.changeAfterBackup();
    const r = await proof.verify(kept());
    console.log(`k8s checks, untouched cluster: ${JSON.stringify(r)}`);
    expect(r).toMatchObject(NOTHING_LOST_ON_KUBEADM);
  }, 600_000);

  it('fails, naming each object, when a ConfigMap value changes and a custom resource is deleted', async () => {
    const [a, b] = proof.objects.namespaces;
    const api = cluster.kubernetes;
    await kubectl(api, [
      'patch',
      'configmap',
      'feature-flags',
      '-n',
      a,
      '--type',
      'merge',
      '-p',
      '{"data":{"search":"off"}}',
    ]);
    await kubectl(api, ['delete', `${CRD_NAME}`, 'total-loss', '-n', b]);
    const r = await proof.verify(kept());
    expect(r.objectsLost).toBe(2);
    expect(r.problems).toEqual([
      `Drill ${b}/total-loss is missing; it should be there as it was before the fault (a node kept the data)`,
      `ConfigMap ${a}/feature-flags differs in data.search; it should read as it was before the fault (a node kept the data)`,
    ]);
    // Against the backup's state (a total loss), the changes after the backup are wrong too.
    const lost = await proof.verify({ ...kept(), afterBackup: 'lost' });
    expect(lost.problems).toContain(
      `ConfigMap ${a}/made-after-backup is there but should not be: expected as it was in the backup (no node kept any data)`,
    );
    expect(lost.problems).toContain(
      `ConfigMap ${a}/retired is missing; it should be there as it was in the backup (no node kept any data)`,
    );
  }, 600_000);

  it('fails the nodes check for a node that is gone', async () => {
    const r = await proof.verify({
      ...kept(),
      expectedNodes: [...kept().expectedNodes, 'no-such-node'],
      // A node that never registers: no need to wait the 5 min a restore's kubelets get.
      nodesTimeoutMs: 20_000,
    });
    expect(r.nodesReady).toBe(4);
    expect(r.nodesExpected).toBe(5);
    expect(r.problems).toContain('node no-such-node: not registered');
  }, 600_000);

  // The server side of "relist after a bumped restore": a restarted API server answers the
  // watch's old resourceVersion with 410, and the watch relists. The other two API servers
  // keep writing (leases) meanwhile, so the revision moves past what the watch last saw.
  it('relists when the API server it watches restarts and refuses the old resourceVersion', async () => {
    const first = cluster.nodes[0];
    const id = (
      await first.sh("crictl ps --name '^kube-apiserver$' --state Running -q")
    ).stdout.trim();
    expect(id).not.toBe('');
    await first.sh(`crictl stop ${id}`, { timeoutMs: 120_000 });
    const r = await proof.verify({ ...kept(), revisionBump: { restores: 1, bumped: true } });
    console.log(`k8s checks after an API server restart: watch ${r.watch}: ${r.watchDetail}`);
    expect(r.readyz).toBe('ok');
    expect(r.watch).toBe('relisted');
    expect(r.watchPassed).toBe(true);
  }, 600_000);
});
