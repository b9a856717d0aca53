// The environment a GitHub runner gives an action, pointed at throw-away paths.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-runner-'));
const summary = join(dir, 'step-summary.md');
const output = join(dir, 'output');
const state = join(dir, 'state');
for (const f of [summary, output, state]) writeFileSync(f, '');

Object.assign(process.env, {
  GITHUB_ACTIONS: 'true',
  GITHUB_WORKSPACE: dir,
  GITHUB_REPOSITORY: 'example/cluster-ops',
  GITHUB_RUN_ID: '1',
  GITHUB_STEP_SUMMARY: summary,
  GITHUB_OUTPUT: output,
  GITHUB_STATE: state,
  RUNNER_TEMP: dir,
  RUNNER_OS: 'Linux',
});
