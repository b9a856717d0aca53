import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateIdentity } from '../../../src/backup/age.js';
import { expectMaskedEverywhere, runStep, type StepRun } from './toolkit.js';

// The action's entries run as the runner runs a step (see toolkit.ts): a child process with
// the real @actions/core, whose outputs, state, summary and log are read back from the files
// and the stdout it wrote.
const failure = (r: StepRun) =>
  r.stdout
    .split('\n')
    .filter((l) => l.startsWith('::error::'))
    .map((l) => l.slice('::error::'.length));

describe('action run', () => {
  it('fails the step with the input error, not a stack trace', async () => {
    const r = await runStep('src/main.ts', { inputs: { command: 'verify' } });
    expect(r.code).toBe(1);
    expect(failure(r)).toEqual([
      "Input 'backup' is required for command 'verify'. Expected a backup set path or URL.",
    ]);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('refuses a restore without confirm: true', async () => {
    const r = await runStep('src/main.ts', {
      inputs: { command: 'restore', inventory: 'hosts.ini' },
    });
    expect(r.code).toBe(1);
    expect(failure(r)[0]).toContain("set input 'confirm: true'");
  }, 60_000);

  it('plan with a remove-hosts entry the inventory lacks: fails naming it and the file, before any node is contacted', async () => {
    // A sample inventory: its addresses are parsed, never contacted (the check runs first).
    const r = await runStep('src/main.ts', {
      inputs: {
        command: 'plan',
        inventory: 'test/fixtures/inventory/runbook-hosts.ini',
        'remove-hosts': 'taco-m9',
      },
    });
    expect(r.code).toBe(1);
    expect(failure(r)[0]).toContain(
      "--remove-host taco-m9: there is no host 'taco-m9' in test/fixtures/inventory/runbook-hosts.ini",
    );
  }, 60_000);

  it('plan gives the probe the probe-timeout input (its debug line says so) and refuses one that is no whole number', async () => {
    // One host at loopback through the local transport: the probe looks at this machine,
    // read-only; whatever plan follows does not matter here.
    const dir = await mkdtemp(join(tmpdir(), 'kube-rescue-probe-timeout-'));
    try {
      const inventory = join(dir, 'hosts.ini');
      await writeFile(inventory, '[etcd]\nnode1 ansible_host=127.0.0.1\n');
      const inputs = { command: 'plan', inventory, transport: 'local', layout: 'kubespray' };
      const r = await runStep('src/main.ts', { inputs: { ...inputs, 'probe-timeout': '7' } });
      expect(r.stdout).toContain(
        '::debug::probe: 1 etcd and 0 control-plane hosts, each within 7 s',
      );
      const bad = await runStep('src/main.ts', { inputs: { ...inputs, 'probe-timeout': '0' } });
      expect(bad.code).toBe(1);
      expect(failure(bad)[0]).toContain(
        "Invalid input 'probe-timeout': '0'. Expected a whole number ≥ 1.",
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a list of an empty directory sets the result output and the job summary', async () => {
    const dest = await mkdtemp(join(tmpdir(), 'kube-rescue-empty-'));
    try {
      const r = await runStep('src/main.ts', { inputs: { command: 'list', destination: dest } });
      expect(r.code).toBe(0);
      expect(r.output.get('result')).toBe('[]');
      expect(r.files.summary.length).toBeGreaterThan(0);
    } finally {
      await rm(dest, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('secrets in the action', () => {
  // A well-formed identity, so that the step gets past the input checks to the store.
  const identity = generateIdentity().secret;
  const sshKeyLine = 'b3BlbnNzaC1rZXktdjEAAAAABG5vbmUsshsecret';
  const signKeyLine = 'QyNTUxOQAAACDsigningkeysecretmaterial';
  const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYawssecret';
  const secrets = { identity, sshKeyLine, signKeyLine, awsSecret };
  let runnerTemp: string;
  let main: StepRun;

  beforeAll(async () => {
    runnerTemp = await mkdtemp(join(tmpdir(), 'kube-rescue-runner-temp-'));
    main = await runStep('src/main.ts', {
      runnerTemp,
      inputs: {
        command: 'verify',
        backup: '/nonexistent/set-20261122T000000Z',
        identity,
        'ssh-key': `-----BEGIN OPENSSH PRIVATE KEY-----\n${sshKeyLine}\n-----END OPENSSH PRIVATE KEY-----`,
        'sign-key': `-----BEGIN OPENSSH PRIVATE KEY-----\n${signKeyLine}\n-----END OPENSSH PRIVATE KEY-----`,
        'trusted-signers': 'ci ssh-ed25519 AAAAC3',
      },
      env: { AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: awsSecret },
    });
  }, 60_000);
  afterAll(async () => {
    if (runnerTemp) await rm(runnerTemp, { recursive: true, force: true });
  });

  it('the step ran with the key material written, and failed on the missing set', () => {
    expect(main.code).toBe(1);
    expect(failure(main).join('\n')).toMatch(/nonexistent/);
    expect(main.state.get('tempDir')).toMatch(/kube-rescue-/);
  });

  it.each(Object.entries(secrets))(
    '%s is masked before the first line of the log, and written nowhere',
    (_name, secret) => expectMaskedEverywhere(main, secret),
  );

  it('writes key material 0600 in a private dir that the post step removes', async () => {
    const dir = main.state.get('tempDir')!;
    expect(dir.startsWith(runnerTemp)).toBe(true);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect((await readdir(dir)).sort()).toEqual([
      'age-identity',
      'allowed_signers',
      'sign-key',
      'ssh-key',
    ]);
    for (const f of ['age-identity', 'sign-key', 'ssh-key', 'allowed_signers'])
      expect((await stat(join(dir, f))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dir, 'allowed_signers'), 'utf8')).toBe('ci ssh-ed25519 AAAAC3\n');
    expect(await readFile(join(dir, 'age-identity'), 'utf8')).toBe(`${identity}\n`);

    const post = await runStep('src/post.ts', { state: main.state, runnerTemp });
    expect(post.code).toBe(0);
    expect(post.stdout).toContain('Removed temporary key material.');
    await expect(stat(dir)).rejects.toThrow(/ENOENT/);
  }, 60_000);
});

describe('action progress', () => {
  it('opens a log group for a top-level phase only: the runner cannot nest them', async () => {
    const { actionProgress } = await import('../../../src/action/run.js');
    let stdout = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => {
      stdout += String(c);
      return true;
    });
    try {
      const r = await actionProgress.phase('outer', () =>
        actionProgress.phase('inner', async () => 42),
      );
      expect(r).toBe(42);
    } finally {
      write.mockRestore();
    }
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines.filter((l) => l.startsWith('::group::') || l === '::endgroup::')).toEqual([
      '::group::outer',
      '::endgroup::',
    ]);
    expect(lines[1]).toBe('▶ inner');
    expect(lines[2]).toMatch(/^✔ inner \(\d+\.\ds\)$/);
  });
});
