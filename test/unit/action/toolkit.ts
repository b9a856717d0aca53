import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

// How the runner talks to an action, done the way the runner does it, so that the real
// @actions/core is what the tests drive: inputs as INPUT_* variables, outputs and state as
// the files GITHUB_OUTPUT and GITHUB_STATE name, the job summary in GITHUB_STEP_SUMMARY,
// commands (::add-mask::, ::group::, ::error::) as lines on stdout.

/** `INPUT_<NAME>` as @actions/core's getInput reads it. */
export const inputVariable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;

/** The environment with exactly these inputs set and no other INPUT_* left over. */
export function setInputs(values: Record<string, string>, env = process.env): void {
  for (const k of Object.keys(env)) if (k.startsWith('INPUT_')) delete env[k];
  for (const [k, v] of Object.entries(values)) env[inputVariable(k)] = v;
}

/** A value as it stands in a workflow command (`::add-mask::…`), undone. */
export function commandValue(escaped: string): string {
  return escaped.replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
}

/** The values an output announced with `::add-mask::`, in order. */
export function maskedValues(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => commandValue(l.slice('::add-mask::'.length)));
}

/** A GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` … `delimiter`) as a map. */
export function parseFileCommands(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const end = lines.indexOf(m[2], i + 1);
    out.set(m[1], lines.slice(i + 1, end).join('\n'));
    i = end;
  }
  return out;
}

export interface StepRun {
  code: number;
  stdout: string;
  stderr: string;
  output: Map<string, string>;
  state: Map<string, string>;
  /** Raw texts of the files, for "appears nowhere" checks. */
  files: { output: string; state: string; summary: string };
}

/**
 * Runs an action entry (src/main.ts or src/post.ts, through tsx) as the runner runs a step:
 * a child process with INPUT_*, STATE_* and the file-command variables, nothing else of ours.
 */
export async function runStep(
  entry: 'src/main.ts' | 'src/post.ts',
  opts: {
    inputs?: Record<string, string>;
    state?: Map<string, string>;
    env?: Record<string, string>;
    /** RUNNER_TEMP, kept after the step (the caller removes it); default: a dir of its own. */
    runnerTemp?: string;
  },
): Promise<StepRun> {
  const dir = await mkdtemp(join(tmpdir(), 'kube-rescue-step-'));
  try {
    const paths = {
      output: join(dir, 'output'),
      state: join(dir, 'state'),
      summary: join(dir, 'summary'),
    };
    for (const p of Object.values(paths)) await writeFile(p, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      RUNNER_TEMP: opts.runnerTemp ?? dir,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: paths.output,
      GITHUB_STATE: paths.state,
      GITHUB_STEP_SUMMARY: paths.summary,
      ...opts.env,
    };
    setInputs(opts.inputs ?? {}, env);
    for (const [k, v] of opts.state ?? []) env[`STATE_${k}`] = v;
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', entry],
        { env, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
        (err, stdout, stderr) => {
          const code = err ? (err as { code?: number }).code : 0;
          resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
        },
      );
    });
    const files = {
      output: await readFile(paths.output, 'utf8'),
      state: await readFile(paths.state, 'utf8'),
      summary: await readFile(paths.summary, 'utf8'),
    };
    return {
      ...r,
      output: parseFileCommands(files.output),
      state: parseFileCommands(files.state),
      files,
    };
  } finally {
    // Without runnerTemp, RUNNER_TEMP was this dir: whatever the step left there goes with it.
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `secret` was announced with `::add-mask::` before the step's first line of log, and appears
 * in nothing else the step wrote: its log, stderr, outputs, state or job summary.
 */
export function expectMaskedEverywhere(step: StepRun, secret: string): void {
  const lines = step.stdout.split('\n');
  const firstLog = lines.findIndex((l) => l !== '' && !l.startsWith('::add-mask::'));
  expect(maskedValues(step.stdout)).toContain(secret);
  expect(lines.findIndex((l) => l.startsWith('::add-mask::') && l.includes(secret))).toBeLessThan(
    firstLog,
  );
  const logLines = lines.filter((l) => !l.startsWith('::add-mask::'));
  for (const text of [
    logLines.join('\n'),
    step.stderr,
    step.files.output,
    step.files.state,
    step.files.summary,
  ])
    expect(text).not.toContain(secret);
}
