import { execFile, spawn } from 'node:child_process';
import { constants } from 'node:fs';
import {
  access,
  mkdir,
  mkdtemp,
  readFile,
  realpath,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEFAULT_ETCD_VERSION, type EtcdVersion, toolsCacheDir } from '../../harness/tools.js';
import { ETCD_MATRIX } from './etcd-matrix.js';

const run = promisify(execFile);
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * nektos/act as scripts/build-tools.sh built it from tools/act (`<cache>/tools/act/bin/act`).
 * A missing build names the command that makes it.
 */
export async function builtAct(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const bin = join(toolsCacheDir(env), 'act', 'bin', 'act');
  try {
    await access(bin, constants.X_OK);
  } catch {
    throw new Error(`act is not built (no ${bin}). Build it with: bash scripts/build-tools.sh act`);
  }
  return bin;
}

/**
 * The etcd minor of the act tests' clusters: the action's default, unless
 * KUBE_RESCUE_ETCD_VERSIONS narrows the matrix to other minors.
 */
export const ACT_ETCD_VERSION: EtcdVersion = ETCD_MATRIX.includes(DEFAULT_ETCD_VERSION)
  ? DEFAULT_ETCD_VERSION
  : ETCD_MATRIX[0];

/** True when the checkout's action.yml declares `input` (a feature another branch brings). */
export async function actionHasInput(input: string): Promise<boolean> {
  const text = await readFile(join(REPO, 'action.yml'), 'utf8');
  const inputs = text.slice(text.indexOf('\ninputs:'), text.indexOf('\noutputs:'));
  return new RegExp(`^ {2}${input}:`, 'm').test(inputs);
}

/**
 * A throw-away checkout of this working tree (tracked and new files, as they are now) with
 * the action bundled into its own dist/ by `npm run bundle`: the action a workflow's
 * `uses: ./` runs is the one built from this source, and the repo's committed dist/ is not
 * touched. node_modules is a link to the repo's.
 */
export interface ActionCheckout extends AsyncDisposable {
  dir: string;
  /** Seconds the bundle took. */
  bundleSeconds: number;
  remove(): Promise<void>;
}

export async function checkoutWithBundle(): Promise<ActionCheckout> {
  const dir = await mkdtemp(join(tmpdir(), 'kr-act-checkout-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  try {
    // Tracked and untracked-but-not-ignored files, as the working tree has them; not a
    // node_modules symlink (a git worktree's link to the main checkout's, which .gitignore's
    // `node_modules/` does not match): it is linked below.
    await run(
      'bash',
      [
        '-c',
        'set -o pipefail; git ls-files -z -co --exclude-standard | grep -zvE "^(dist/|node_modules$)" | ' +
          'tar --null --ignore-failed-read -T - -cf - | tar -xf - -C "$1"',
        'bash',
        dir,
      ],
      { cwd: REPO },
    );
    await symlink(await realpath(join(REPO, 'node_modules')), join(dir, 'node_modules'));
    const t0 = Date.now();
    await run('node', ['scripts/bundle.mjs'], { cwd: dir });
    const bundleSeconds = (Date.now() - t0) / 1000;
    // A repository of its own, as a runner's checkout is: act reads the commit and ref from it.
    await run(
      'sh',
      [
        '-c',
        'git init -q -b main && git add -A && git -c user.name=kube-rescue -c user.email=tests@localhost commit -qm "checkout for act"',
      ],
      { cwd: dir },
    );
    return { dir, bundleSeconds, remove, [Symbol.asyncDispose]: remove };
  } catch (err) {
    await remove();
    throw err;
  }
}

/** One line of act's `--json` log (logrus fields; the ones the tests read). */
export interface ActLogEntry {
  level?: string;
  msg: string;
  job?: string;
  jobID?: string;
  step?: string;
  stepID?: string[];
  stage?: string;
  /** `set-output`, `summary`, `add-mask`, … for workflow commands act handled. */
  command?: string;
  name?: string;
  arg?: string;
  content?: string;
  jobResult?: string;
  raw_output?: boolean;
}

export interface ActRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Parsed JSON log lines of stdout (lines that are not JSON are left out). */
  entries: ActLogEntry[];
  /**
   * Everything act printed, as a person reads it: stderr, and stdout with one exception. act's
   * JSON log (unlike its text log) repeats an `::add-mask::` command's argument unmasked in the
   * fields `arg` and `raw` of that command's own line; those two fields are left out. Every
   * other field of every line stays, also the unmasked `arg` of set-output and the summary
   * `content`, so a secret in an output or a summary is still found.
   */
  visibleLog(): string;
  seconds: number;
  /** Outputs a step set (GITHUB_OUTPUT), as act recorded them. */
  outputs(jobID: string, stepID: string): Record<string, string>;
  /** The job summaries (GITHUB_STEP_SUMMARY) the job's steps wrote, in order. */
  summaries(jobID: string): string[];
  /** The job's result as act reports it ('success', 'failure'), if it ran. */
  jobResult(jobID: string): string | undefined;
  /** What the job's steps printed (their raw output lines, as masked by the runner). */
  printed(jobID: string, stepID?: string): string[];
}

export interface ActOptions {
  /** The checkout act runs in (its workspace: the host's own directory, nothing is copied). */
  checkout: string;
  /** Workflow file, relative to the checkout. */
  workflow: string;
  event: 'schedule' | 'workflow_dispatch' | 'pull_request' | 'push';
  job?: string;
  /** `inputs` of a workflow_dispatch. */
  inputs?: Record<string, string>;
  /** `secrets` context: act masks these values itself, as GitHub does. */
  secrets?: Record<string, string>;
  /** `vars` context (not masked by the runner). */
  vars?: Record<string, string>;
  /** Environment of the act process; on the self-hosted platform every step inherits it. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Runs a workflow with the real act on its self-hosted platform: every `runs-on:
 * ubuntu-latest` job runs its steps on this machine (no container, no image). Secrets, vars
 * and inputs go through YAML files (0600, in a temp dir removed afterwards), never through
 * the command line. Nothing is fetched: no remote action, no version check, servers on
 * 127.0.0.1 only.
 */
export async function runAct(options: ActOptions): Promise<ActRun> {
  const act = await builtAct();
  const files = await mkdtemp(join(tmpdir(), 'kr-act-run-'));
  try {
    const yamlFile = async (name: string, values: Record<string, string> | undefined) => {
      const path = join(files, name);
      // JSON is YAML; act reads a .yml secret/var/input file as a map of strings.
      await writeFile(path, JSON.stringify(values ?? {}), { mode: 0o600 });
      return path;
    };
    const cache = join(files, 'act-cache');
    await mkdir(cache);
    const args = [
      options.event,
      '-W',
      options.workflow,
      '-P',
      'ubuntu-latest=-self-hosted',
      '--json',
      '--secret-file',
      await yamlFile('secrets.yml', options.secrets),
      '--var-file',
      await yamlFile('vars.yml', options.vars),
      '--input-file',
      await yamlFile('inputs.yml', options.inputs),
      '--env-file',
      await yamlFile('env.yml', {}),
      '--action-cache-path',
      cache,
      '--action-offline-mode',
      '--no-cache-server',
      '--cache-server-addr',
      '127.0.0.1',
      '--artifact-server-addr',
      '127.0.0.1',
    ];
    // No --artifact-server-path: act 0.2.89's artifact server refuses the requests of the
    // toolkit this project bundles (@actions/artifact 6: 'unknown field "mime_type"').
    if (options.job) args.push('-j', options.job);
    const env = {
      ...process.env,
      // act asks a web service for release notices on every start; this machine talks to
      // nothing but loopback and the harness's containers.
      ACT_DISABLE_VERSION_CHECK: '1',
      // Steps find the tools the harness built where this process finds them.
      KUBE_RESCUE_CACHE: dirname(toolsCacheDir()),
      ...options.env,
    };
    const t0 = Date.now();
    const child = spawn(act, args, {
      cwd: options.checkout,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), options.timeoutMs ?? 600_000);
    const code = await new Promise<number | null>((ok, fail) => {
      child.on('error', fail);
      child.on('close', (c) => ok(c));
    }).finally(() => clearTimeout(timer));
    const entries: ActLogEntry[] = [];
    for (const line of stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        entries.push(JSON.parse(line) as ActLogEntry);
      } catch {
        // a step's own output that happens to start with '{' is inside a JSON line already
      }
    }
    const ofJob = (jobID: string) => entries.filter((e) => e.jobID === jobID);
    const visibleLog = () =>
      [
        ...stdout.split('\n').map((line) => {
          if (!line.startsWith('{')) return line;
          try {
            const e = JSON.parse(line) as ActLogEntry & { raw?: string };
            if (e.command !== 'add-mask') return line;
            const { arg: _arg, raw: _raw, ...rest } = e;
            return JSON.stringify(rest);
          } catch {
            return line;
          }
        }),
        stderr,
      ].join('\n');
    return {
      code,
      stdout,
      stderr,
      entries,
      visibleLog,
      seconds: (Date.now() - t0) / 1000,
      outputs(jobID, stepID) {
        const out: Record<string, string> = {};
        for (const e of ofJob(jobID)) {
          if (e.command === 'set-output' && e.stepID?.includes(stepID) && e.name)
            out[e.name] = e.arg ?? '';
        }
        return out;
      },
      summaries: (jobID) =>
        ofJob(jobID)
          .filter((e) => e.command === 'summary')
          .map((e) => e.content ?? ''),
      jobResult: (jobID) => ofJob(jobID).find((e) => e.jobResult)?.jobResult,
      printed: (jobID, stepID) =>
        ofJob(jobID)
          .filter((e) => e.raw_output && (!stepID || e.stepID?.includes(stepID)))
          .map((e) => e.msg.replace(/\r?\n$/, '')),
    };
  } finally {
    await rm(files, { recursive: true, force: true });
  }
}

/** The last lines of a run's log, for a failed assertion's message. */
export function tailOf(r: ActRun, lines = 80): string {
  const text = r.entries.length
    ? r.entries.map((e) => `[${e.jobID ?? ''}${e.stepID ? `/${e.stepID.join('/')}` : ''}] ${e.msg}`)
    : r.stdout.split('\n');
  return `${text.slice(-lines).join('\n')}\n--- stderr ---\n${r.stderr.slice(-4000)}`;
}
