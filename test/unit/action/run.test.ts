import { existsSync, readFileSync, statSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// @actions/core is mocked: the runner that feeds inputs and keeps state does not exist here.
const inputs = new Map<string, string>();
const state = new Map<string, string>();
const failed: string[] = [];
const outputs = new Map<string, string>();
vi.mock('@actions/core', () => ({
  getInput: (name: string) => inputs.get(name) ?? '',
  setSecret: vi.fn(),
  setFailed: (m: string) => failed.push(m),
  error: vi.fn(),
  setOutput: (k: string, v: string) => outputs.set(k, v),
  saveState: (k: string, v: string) => state.set(k, v),
  getState: (k: string) => state.get(k) ?? '',
  warning: vi.fn(),
  info: vi.fn(),
  debug: vi.fn(),
  group: vi.fn((_n: string, f: () => Promise<unknown>) => f()),
  summary: {
    addHeading: vi.fn().mockReturnThis(),
    addRaw: vi.fn().mockReturnThis(),
    addCodeBlock: vi.fn().mockReturnThis(),
    addTable: vi.fn().mockReturnThis(),
    write: vi.fn(),
  },
}));

const { run } = await import('../../../src/action/run.js');
const { writeSecretFiles } = await import('../../../src/action/secrets.js');
const { readSettings } = await import('../../../src/action/inputs.js');

describe('action run', () => {
  beforeEach(() => {
    inputs.clear();
    state.clear();
    failed.length = 0;
    outputs.clear();
  });

  it('fails the step with the input error, not a stack trace', async () => {
    inputs.set('command', 'verify');
    await run();
    expect(failed).toEqual([
      "Input 'backup' is required for command 'verify'. Expected a backup set path or URL.",
    ]);
  });

  it('refuses a restore without confirm: true', async () => {
    inputs.set('command', 'restore');
    inputs.set('inventory', 'hosts.ini');
    await run();
    expect(failed[0]).toContain("set input 'confirm: true'");
  });

  it('plan with a remove-hosts entry the inventory lacks: fails naming it and the file, before any node is contacted', async () => {
    // A sample inventory: its addresses are parsed, never contacted (the check runs first).
    inputs.set('command', 'plan');
    inputs.set('inventory', 'test/fixtures/inventory/runbook-hosts.ini');
    inputs.set('remove-hosts', 'taco-m9');
    await run();
    expect(failed[0]).toContain(
      "--remove-host taco-m9: there is no host 'taco-m9' in test/fixtures/inventory/runbook-hosts.ini",
    );
  });

  it('writes key material 0600 in a private dir that the post step removes', async () => {
    inputs.set('command', 'verify');
    inputs.set('backup', '/nonexistent');
    inputs.set(
      'identity',
      'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
    );
    inputs.set(
      'ssh-key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----',
    );
    inputs.set(
      'sign-key',
      '-----BEGIN OPENSSH PRIVATE KEY-----\nsig\n-----END OPENSSH PRIVATE KEY-----',
    );
    inputs.set('trusted-signers', 'ci ssh-ed25519 AAAAC3');
    const files = await writeSecretFiles(readSettings());
    expect(statSync(files.identityFile!).mode & 0o777).toBe(0o600);
    expect(statSync(files.signKeyFile!).mode & 0o777).toBe(0o600);
    expect(readFileSync(files.trustedSignersFile!, 'utf8')).toBe('ci ssh-ed25519 AAAAC3\n');
    expect(statSync(files.sshKeyFile!).mode & 0o777).toBe(0o600);
    expect(statSync(files.dir).mode & 0o777).toBe(0o700);
    expect(state.get('tempDir')).toBe(files.dir);

    await import('../../../src/post.js');
    await vi.waitFor(() => expect(existsSync(files.dir)).toBe(false));
  });
});

describe('action progress', () => {
  it('opens a log group for a top-level phase only: the runner cannot nest them', async () => {
    const core = await import('@actions/core');
    const { actionProgress } = await import('../../../src/action/run.js');
    vi.mocked(core.group).mockClear();
    const r = await actionProgress.phase('outer', () =>
      actionProgress.phase('inner', async () => 42),
    );
    expect(r).toBe(42);
    expect(vi.mocked(core.group).mock.calls.map((c) => c[0])).toEqual(['outer']);
  });
});
