import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter, parseWorkflow } from '@actions/workflow-parser';
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const files = [
  ...readdirSync('examples').map((f) => join('examples', f)),
  ...readdirSync('.github/workflows').map((f) => join('.github/workflows', f)),
].filter((f) => f.endsWith('.yml'));

const trace = new NoOperationTraceWriter();

describe('workflows are valid against the GitHub workflow schema', () => {
  it.each(files)('%s', (name) => {
    const result = parseWorkflow({ name, content: readFileSync(name, 'utf8') }, trace);
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(result.value).toBeDefined();
  });

  it('rejects a broken workflow (the check can fail)', () => {
    const result = parseWorkflow(
      {
        name: 'broken.yml',
        content: 'on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz: []\n',
      },
      trace,
    );
    expect(result.context.errors.getErrors().length).toBeGreaterThan(0);
  });
});

describe('action.yml', () => {
  const text = readFileSync('action.yml', 'utf8');
  const action = parse(text) as {
    inputs: Record<string, { description?: string }>;
    runs: { using: string; main: string; post: string };
  };

  it('is valid against the action schema', () => {
    const result = parseAction({ name: 'action.yml', content: text }, trace);
    expect(result.context.errors.getErrors().map((e) => e.message)).toEqual([]);
  });

  it('runs on node24 from the committed bundle, with a post step', () => {
    expect(action.runs).toMatchObject({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post.js',
    });
  });

  it('documents every input, and marks secret ones', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(input.description, name).toBeTruthy();
    }
    for (const secret of ['identity', 'ssh-key', 'sign-key', 'github-token']) {
      expect(action.inputs[secret].description).toMatch(/^SECRET\./);
    }
  });

  it('every input the examples pass to kube-rescue exists in action.yml', () => {
    for (const name of files) {
      const wf = parse(readFileSync(name, 'utf8')) as {
        jobs: Record<string, { steps?: { uses?: string; with?: Record<string, unknown> }[] }>;
      };
      for (const job of Object.values(wf.jobs)) {
        for (const step of job.steps ?? []) {
          if (step.uses === './' || step.uses?.startsWith('kube-rescue/kube-rescue@')) {
            for (const key of Object.keys(step.with ?? {})) {
              expect(Object.keys(action.inputs), `${name}: ${key}`).toContain(key);
            }
          }
        }
      }
    }
  });
});

describe('README', () => {
  const readme = readFileSync('README.md', 'utf8');
  const action = parse(readFileSync('action.yml', 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, unknown>;
  };

  it('documents every action input and output', () => {
    for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
      expect(readme, name).toMatch(new RegExp(`\\| \`${name}\` +\\|`));
    }
  });

  it('has a quick start of exactly two commands, the second of which CI runs verbatim', () => {
    const quick = readme.split('## Quick start')[1].split('```sh\n')[1].split('```')[0];
    const commands = quick
      .split('\n')
      .filter(Boolean)
      .map((l) => l.split('#')[0].trim());
    expect(commands).toEqual([
      'bash scripts/setup.sh && npm run rehearse',
      'bash scripts/setup.sh && npm test',
    ]);
    expect(readFileSync('.ci/run', 'utf8')).toContain(`\n${commands[1]}\n`);
  });

  it('shows each example workflow as it is in examples/', () => {
    for (const f of readdirSync('examples')) {
      expect(readme, f).toContain(readFileSync(join('examples', f), 'utf8').trim());
    }
  });
});
