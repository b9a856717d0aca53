import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rehearse } from '../../../src/commands/rehearse.js';
import { StderrProgress } from '../../../src/progress.js';
import { renderRehearsalMarkdown } from '../../../src/report/rehearsal.js';
import { kubernetesMissing, NOTHING_LOST_ON_KUBEADM } from '../harness/fixtures/kubernetes.js';

// The rehearsal on a real kubeadm control plane: real backup, real fault, real restore, and
// the Kubernetes-level checks through its API. Skips where Kubernetes is not built.
const missing = await kubernetesMissing('kubeadm rehearsal');

describe.skipIf(missing !== undefined)('kube-rescue rehearse --provider kubeadm', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-rehearse-kubeadm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'recovers a lost control-plane member with every Kubernetes object back, nodes Ready and the watch current',
    async () => {
      const reportPath = join(dir, 'report.json');
      const report = await rehearse(
        {
          provider: 'kubeadm',
          etcdVersion: '3.6',
          scenarios: ['member-loss'],
          keys: 300,
          report: reportPath,
        },
        { progress: new StderrProgress({ verbose: process.env.KUBE_RESCUE_VERBOSE === '1' }) },
      ).catch((e: Error & { result?: unknown }) => {
        if (e.result) console.log(renderRehearsalMarkdown(e.result as never));
        throw e;
      });
      console.log(renderRehearsalMarkdown(report));
      const [s] = JSON.parse(readFileSync(reportPath, 'utf8')).scenarios;
      expect(s).toMatchObject({
        scenario: 'member-loss',
        result: 'passed',
        provider: 'kubeadm',
        topology: 'stacked3-worker',
        keysLost: 0,
        writesLost: 0,
      });
      expect(s.kubernetes).toMatchObject(NOTHING_LOST_ON_KUBEADM);
    },
    60 * 60_000,
  );
});
