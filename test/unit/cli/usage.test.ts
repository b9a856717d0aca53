import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The shipped bundle is what users run: test it, not the sources.
const CLI = 'dist/cli.js';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI usage', () => {
  it('ships a bundle with a node shebang', () => {
    expect(existsSync(CLI)).toBe(true);
  });

  it('prints help for every command and exits 0', () => {
    for (const cmd of ['backup', 'list', 'verify', 'plan', 'restore', 'rehearse']) {
      const r = cli(cmd, '--help');
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toContain(`Usage: kube-rescue ${cmd}`);
    }
    const r = cli('inventory', 'recover', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--broken-etcd');
  });

  it('documents signing on backup and trusted signers on verify, plan and restore', () => {
    expect(cli('backup', '--help').stdout).toMatch(/--sign-key <file>\s+SSH private key: sign/);
    for (const cmd of ['verify', 'plan', 'restore']) {
      expect(cli(cmd, '--help').stdout, cmd).toMatch(/--trusted-signers <file>\s+allowed_signers/);
    }
  });

  it('help piped into a reader that is already gone (`| true`, `| head`) exits 0, without an EPIPE trace', () => {
    // `true` exits before node has started, so the help text meets a closed pipe.
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" ${CLI} rehearse --help | true`],
      { encoding: 'utf8' },
    );
    expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    expect(r.status).toBe(0);
  });

  it('exits 2 and names the problem on an unknown command', () => {
    const r = cli('destroy-everything');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'destroy-everything'");
  });

  it('exits 2 when a required option is missing', () => {
    const r = cli('backup', '-i', 'hosts.ini');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--dest");
  });

  it('exits 2 on an invalid choice', () => {
    const r = cli('backup', '--dest', '/tmp/x', '--compress', 'xz');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'xz' is invalid");
  });

  it('exits 2 on a malformed number', () => {
    const r = cli('backup', '--dest', '/tmp/x', '--keep', '-3');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--keep');
  });

  it('documents --probe-timeout on plan and restore, refuses one that is not a whole number of seconds', () => {
    for (const cmd of ['plan', 'restore']) {
      expect(cli(cmd, '--help').stdout, cmd).toMatch(
        /--probe-timeout <seconds>\s+how long each node/,
      );
      for (const bad of ['0', '2.5', 'soon']) {
        const r = cli(cmd, '-i', 'hosts.ini', '--probe-timeout', bad);
        expect(r.code, `${cmd} ${bad}`).toBe(2);
        expect(r.stderr, `${cmd} ${bad}`).toContain(
          `--probe-timeout <seconds>' argument '${bad}' is invalid`,
        );
      }
    }
  });

  it('gives the probe the bound --probe-timeout names (its debug line says so), 20 s without it', async () => {
    // The probe of one host at loopback through the local transport: it looks at this
    // machine, read-only (its data dir, whether etcd listens); whatever it finds, the plan it
    // leads to does not matter here. --layout: this machine has neither etcd.env nor a manifest.
    const dir = await mkdtemp(join(tmpdir(), 'kube-rescue-probe-timeout-'));
    try {
      const inventory = join(dir, 'hosts.ini');
      await writeFile(inventory, '[etcd]\nnode1 ansible_host=127.0.0.1\n');
      const plan = (...extra: string[]) =>
        cli(
          '-v',
          'plan',
          '-i',
          inventory,
          '--transport',
          'local',
          '--layout',
          'kubespray',
          ...extra,
        ).stderr;
      expect(plan('--probe-timeout', '3')).toContain(
        'probe: 1 etcd and 0 control-plane hosts, each within 3 s',
      );
      expect(plan()).toContain('probe: 1 etcd and 0 control-plane hosts, each within 20 s');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown rehearsal scenario', () => {
    const r = cli('rehearse', '--scenario', 'meteor-strike');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('meteor-strike');
  });

  it('exits 2 on an unknown etcd version, naming the accepted ones, and says what it selects in --help', () => {
    const r = cli('rehearse', '--etcd-version', '3.7');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("'3.7' is invalid");
    expect(r.stderr).toContain('3.4, 3.5, 3.6');
    const help = cli('rehearse', '--help');
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(
      /--etcd-version <minor> .* \(choices: "3.4", "3.5", "3.6", default: "3.6"\)/,
    );
  });

  it('prints the version', () => {
    const r = cli('--version');
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
