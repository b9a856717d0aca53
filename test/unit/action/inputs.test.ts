import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readSettings } from '../../../src/action/inputs.js';
import { maskedValues, setInputs } from './toolkit.js';

// The real @actions/core: inputs come from INPUT_* variables, masks go to stdout as
// ::add-mask:: lines, read back from what this process wrote there.
let stdout = '';
let secrets: string[] = [];
const given = (values: Record<string, string>) => setInputs(values);

beforeEach(() => {
  stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    secrets = maskedValues(stdout);
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  setInputs({});
});

const RECIPIENT = `age1${'q'.repeat(58)}`;

describe('action inputs', () => {
  it('reads a backup command into typed settings with defaults', () => {
    given({
      command: 'backup',
      inventory: 'inventory/hosts.ini',
      destination: 's3://bucket/prefix',
      'encrypt-to': `${RECIPIENT}\n${RECIPIENT}`,
      keep: '7',
    });
    const s = readSettings();
    expect(s.command).toBe('backup');
    expect(s.destination).toBe('s3://bucket/prefix');
    expect(s.encryptTo).toEqual([RECIPIENT, RECIPIENT]);
    expect(s.keep).toBe(7);
    expect(s.compress).toBe('gzip');
    expect(s.fingerprint).toBe('hash');
    expect(s.access.transport).toBe('ssh');
    expect(s.access.layout).toBe('auto');
    expect(s.confirm).toBe(false);
  });

  it('reads the etcd version of a rehearsal, 3.6 unless given, and refuses an unknown one with the accepted values', () => {
    given({ command: 'rehearse' });
    expect(readSettings().etcdVersion).toBe('3.6');
    given({ command: 'rehearse', 'etcd-version': '3.5' });
    expect(readSettings().etcdVersion).toBe('3.5');
    given({ command: 'rehearse', 'etcd-version': '3.7' });
    expect(() => readSettings()).toThrow(
      "Invalid input 'etcd-version': '3.7'. Expected one of: 3.4, 3.5, 3.6.",
    );
  });

  it('names the input and the expected form for an unknown command', () => {
    given({ command: 'destroy' });
    expect(() => readSettings()).toThrow(
      "Invalid input 'command': 'destroy'. Expected one of: backup, verify, plan, restore, inventory, rehearse, list.",
    );
  });

  it.each([
    [
      { command: 'backup', inventory: 'h.ini', destination: '/b', keep: '0' },
      "Invalid input 'keep'",
    ],
    [
      { command: 'backup', inventory: 'h.ini', destination: '/b', keep: 'seven' },
      "Invalid input 'keep'",
    ],
    [
      { command: 'backup', inventory: 'h.ini', destination: '/b', compress: 'xz' },
      "Invalid input 'compress'",
    ],
    [
      { command: 'backup', inventory: 'h.ini', destination: '/b', fingerprint: 'sha1' },
      "Invalid input 'fingerprint'",
    ],
    [{ command: 'restore', inventory: 'h.ini', confirm: 'yes' }, "Invalid input 'confirm'"],
    [
      { command: 'backup', inventory: 'h.ini' },
      "Input 'destination' is required for command 'backup'",
    ],
    [{ command: 'backup', destination: '/b' }, "Command 'backup' needs input 'inventory'"],
    [{ command: 'verify' }, "Input 'backup' is required for command 'verify'"],
    [{ command: 'plan' }, "Input 'inventory' is required for command 'plan'"],
    [
      { command: 'backup', destination: '/b', 'etcd-endpoints': 'etcd-1:2379' },
      "Invalid input 'etcd-endpoints'",
    ],
    [
      { command: 'backup', inventory: 'h.ini', destination: '/b', 'encrypt-to': 'age1short' },
      "Invalid input 'encrypt-to'",
    ],
    [
      { command: 'rehearse', scenarios: 'member-loss,meteor' },
      "Invalid input 'scenarios': 'meteor'",
    ],
    [{ command: 'verify', backup: '/b/x', identity: 'not-a-key' }, "Invalid input 'identity'"],
  ])('rejects %j', (values, message) => {
    given(values as Record<string, string>);
    expect(() => readSettings()).toThrow(message);
  });

  it('masks the identity and every line of the SSH key before anything else', () => {
    const key =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACDsecretmaterial\n-----END OPENSSH PRIVATE KEY-----';
    const identity = 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ';
    given({ command: 'verify', backup: '/b/x', identity, 'ssh-key': key });
    const s = readSettings();
    expect(secrets).toContain(identity);
    expect(secrets).toContain(key);
    expect(secrets).toContain('QyNTUxOQAAACDsecretmaterial');
    expect(s.identity).toBe(identity);
    expect(s.access.sshKey).toBe(key);
  });

  it('masks every line of the signing key; trusted signers are read as given', () => {
    const signKey =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\nQyNTUxOQAAACDsigningsecret\n-----END OPENSSH PRIVATE KEY-----';
    given({ command: 'backup', destination: '/b', inventory: 'h.ini', 'sign-key': signKey });
    const s = readSettings();
    expect(secrets).toContain(signKey);
    expect(secrets).toContain('QyNTUxOQAAACDsigningsecret');
    expect(s.signKey).toBe(signKey);
    given({ command: 'verify', backup: '/b/x', 'trusted-signers': 'ci ssh-ed25519 AAAAC3' });
    expect(readSettings().trustedSignersText).toBe('ci ssh-ed25519 AAAAC3');
  });

  it('rejects a sign-key that is not an SSH private key, without echoing it', () => {
    given({
      command: 'backup',
      destination: '/b',
      inventory: 'h.ini',
      'sign-key': 'hunter2hunter2',
    });
    expect(() => readSettings()).toThrow(/Invalid input 'sign-key': it holds no/);
    expect(() => readSettings()).not.toThrow(/hunter2/);
  });

  it('reads retention and S3 settings for a backup', () => {
    given({
      command: 'backup',
      inventory: 'h.ini',
      destination: 's3://b/p',
      'keep-daily': '7',
      'keep-weekly': '4',
      's3-endpoint': 'http://127.0.0.1:9000',
      's3-region': 'eu-central-1',
    });
    const s = readSettings();
    expect([s.keepHourly, s.keepDaily, s.keepWeekly]).toEqual([undefined, 7, 4]);
    expect(s.s3).toEqual({ endpoint: 'http://127.0.0.1:9000', region: 'eu-central-1' });
    given({ command: 'plan', inventory: 'h.ini', 's3-force-path-style': 'false' });
    expect(readSettings().s3.forcePathStyle).toBe(false);
    given({ command: 'plan', inventory: 'h.ini', 's3-force-path-style': 'sometimes' });
    expect(() => readSettings()).toThrow("Invalid input 's3-force-path-style'");
  });

  it('accepts etcd endpoints for a backup without an inventory', () => {
    given({
      command: 'backup',
      destination: '/b',
      transport: 'local',
      'etcd-endpoints': 'https://127.0.0.1:2379, https://127.0.0.1:22379',
    });
    const s = readSettings();
    expect(s.access.etcdEndpoints).toEqual(['https://127.0.0.1:2379', 'https://127.0.0.1:22379']);
    expect(s.access.transport).toBe('local');
  });

  it('reads the rehearsal provider: kind unless given, kubeadm and local accepted, others refused with the list', () => {
    given({ command: 'rehearse' });
    expect(readSettings().provider).toBe('kind');
    given({ command: 'rehearse', provider: 'kubeadm' });
    expect(readSettings().provider).toBe('kubeadm');
    given({ command: 'rehearse', provider: 'local' });
    expect(readSettings().provider).toBe('local');
    given({ command: 'rehearse', provider: 'k3s' });
    expect(() => readSettings()).toThrow(
      "Invalid input 'provider': 'k3s'. Expected one of: local, kind, kubeadm.",
    );
  });

  it('masks the GitHub token before anything else and keeps it for artifact://', () => {
    const token = 'ghs_inputsTokenSecret0123456789abcdefgh';
    given({ command: 'list', destination: 'artifact://', 'github-token': token });
    const s = readSettings();
    expect(secrets).toContain(token);
    expect(stdout.indexOf(token)).toBe(
      stdout.indexOf(`::add-mask::${token}`) + '::add-mask::'.length,
    );
    expect(s.githubToken).toBe(token);
    given({ command: 'list', destination: 'artifact://', 'github-token': '  ' });
    expect(readSettings().githubToken).toBeUndefined();
  });

  it('refuses retention on artifact:// without a token before the backup runs, naming the input', () => {
    given({ command: 'backup', inventory: 'h.ini', destination: 'artifact://', keep: '7' });
    expect(() => readSettings()).toThrow(
      "Retention (keep, keep-hourly, keep-daily, keep-weekly) with destination artifact:// prunes the sets of earlier workflow runs, which needs input 'github-token'",
    );
    // Without retention, or with a token, the backup runs.
    given({ command: 'backup', inventory: 'h.ini', destination: 'artifact://' });
    expect(readSettings().destination).toBe('artifact://');
    given({
      command: 'backup',
      inventory: 'h.ini',
      destination: 'artifact://',
      keep: '7',
      'github-token': 'ghs_x',
    });
    expect(readSettings().keep).toBe(7);
  });

  it('reads remove-hosts as a comma- or newline-separated list for plan and restore', () => {
    given({ command: 'plan', inventory: 'hosts.ini', 'remove-hosts': 'node3,\n node4\n' });
    expect(readSettings().removeHosts).toEqual(['node3', 'node4']);
    given({ command: 'plan', inventory: 'hosts.ini' });
    expect(readSettings().removeHosts).toEqual([]);
  });
});
