import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtKubernetesTools } from '../../../harness/index.js';
import { rehearse } from '../../../src/commands/rehearse.js';
import { StderrProgress } from '../../../src/progress.js';
import { renderRehearsalMarkdown } from '../../../src/report/rehearsal.js';

// The rehearsal on a real kubeadm control plane: real backup, real fault, real restore, and
// the Kubernetes-level checks through its API. Skips where Kubernetes is not built.
const missing = await builtKubernetesTools().then(
  () => undefined,
  (e: Error) => e.message,
);
if (missing) console.warn(`kubeadm rehearsal skipped: ${missing}`);

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
      expect(s.kubernetes).toMatchObject({
        objectsAtBackup: 19,
        objectsVerified: 19,
        objectsLost: 0,
        objectsExtra: 0,
        readyz: 'ok',
        nodesReady: 4,
        nodesExpected: 4,
        watchPassed: true,
        problems: [],
      });
    },
    60 * 60_000,
  );
});
