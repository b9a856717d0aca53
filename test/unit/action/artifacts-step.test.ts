import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity } from '../../../src/backup/age.js';
import { ArtifactStore } from '../../../src/stores/artifact.js';
import { writeBackupSet } from '../../support/artifact-sets.js';
import { GitHubArtifactsMock } from '../../support/github-artifacts.js';
import { expectMaskedEverywhere, runStep, type StepRun } from './toolkit.js';

// The action's entry run as the runner runs a step (toolkit.ts), with the real @actions/core
// and the real @actions/artifact. GitHub's REST API and artifact service cannot exist here: a
// MOCK of them (test/support/github-artifacts.ts) answers on loopback, holding the zips the
// real client uploaded for two earlier runs.

const TOKEN = 'ghs_stepTokenNeverInALog0123456789abcd';
const mock = new GitHubArtifactsMock(TOKEN);
let staging: string;

const failure = (r: StepRun) =>
  r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length));

const listStep = (token: string) =>
  runStep('src/main.ts', {
    inputs: { command: 'list', destination: 'artifact://', 'github-token': token },
    env: mock.jobEnv(304),
  });

beforeAll(async () => {
  await mock.start();
  staging = await mkdtemp(join(tmpdir(), 'kr-artifact-step-'));
  // @actions/github reads GITHUB_API_URL when it loads: the client is loaded after it is set.
  Object.assign(process.env, mock.jobEnv(301));
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client: ArtifactClient = new DefaultArtifactClient();
  const { recipient } = generateIdentity().identity;
  for (const [run, set] of [
    [301, 'prod-20261120T021700Z'],
    [302, 'prod-20261121T021700Z'],
  ] as const) {
    Object.assign(process.env, mock.jobEnv(run));
    await writeBackupSet(new ArtifactStore(client, staging), set, recipient);
  }
}, 60_000);

afterAll(async () => {
  await mock.close();
  await rm(staging, { recursive: true, force: true });
});

describe('the action with artifact:// across runs', () => {
  let step: StepRun;
  beforeAll(async () => {
    mock.requests.length = 0;
    step = await listStep(TOKEN);
  }, 60_000);

  it('lists the sets of two earlier runs with the token, in the result output and the summary', () => {
    expect(step.code).toBe(0);
    const listed = JSON.parse(step.output.get('result')!) as { name: string; url: string }[];
    expect(listed.map((s) => s.url)).toEqual([
      'artifact://prod-20261120T021700Z',
      'artifact://prod-20261121T021700Z',
    ]);
    expect(step.files.summary).toContain('prod-20261121T021700Z');
    const rest = mock.requests.filter((r) => r.url.startsWith('/api/'));
    expect(rest.length).toBeGreaterThan(0);
    // Ours sends `Bearer`, octokit's (inside @actions/artifact) `token`: GitHub takes both.
    expect(new Set(rest.map((r) => r.authorization))).toEqual(
      new Set([`Bearer ${TOKEN}`, `token ${TOKEN}`]),
    );
  });

  it('masks the token before the first line of the log, and writes it nowhere', () => {
    expectMaskedEverywhere(step, TOKEN);
  });

  it('a wrong token fails the step naming the input, and that token is masked too', async () => {
    const wrong = 'ghs_wrongStepToken0000000000000000000000';
    const r = await listStep(wrong);
    expect(r.code).toBe(1);
    expect(failure(r)[0]).toContain(
      "GitHub refused the token of input 'github-token' (401 Bad credentials) to list the artifacts in example/cluster-ops",
    );
    expectMaskedEverywhere(r, wrong);
  }, 60_000);
  it('an empty token fails the list saying cross-run needs it', async () => {
    const r = await listStep('');
    expect(r.code).toBe(1);
    expect(failure(r)[0]).toContain("needs a GitHub token, and input 'github-token' is empty");
  }, 60_000);
});

describe('rehearse with provider kubeadm', () => {
  it('without the Kubernetes tools fails at once with the message the CLI gives', async () => {
    // An empty tool cache: whatever this machine has built is not found, nothing starts.
    const cache = await mkdtemp(join(tmpdir(), 'kr-no-tools-'));
    try {
      const env = { KUBE_RESCUE_CACHE: cache };
      const action = await runStep('src/main.ts', {
        inputs: { command: 'rehearse', provider: 'kubeadm', scenarios: 'member-loss' },
        env,
      });
      const cli = await new Promise<{ code: number; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            '--import',
            'tsx',
            'src/cli.ts',
            'rehearse',
            '--provider',
            'kubeadm',
            '--scenario',
            'member-loss',
          ],
          { env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env }, timeout: 120_000 },
          (err, _stdout, stderr) =>
            resolve({ code: (err as { code?: number } | null)?.code ?? 0, stderr }),
        );
      });
      expect(cli.code).toBe(2);
      const cliMessage = cli.stderr.trim().replace(/^kube-rescue: /, '');
      expect(cliMessage).toContain('bash scripts/build-tools.sh kubernetes cri-tools');
      expect(action.code).toBe(1);
      expect(failure(action)[0]).toBe(cliMessage.replace(/%/g, '%25').replace(/\n/g, '%0A'));
    } finally {
      await rm(cache, { recursive: true, force: true });
    }
  }, 120_000);
});
