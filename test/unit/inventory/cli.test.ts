import { execFile } from 'node:child_process';
import { chmod, copyFile, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** Runs the real CLI entry point as an operator would, through tsx. */
function cli(
  args: string[],
  globalFlags: string[] = [],
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...globalFlags, 'inventory', 'recover', ...args],
      { encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const fixtures = 'test/fixtures/inventory';
const broken = [
  '--broken-etcd',
  'taco-m1,taco-m2,taco-m3',
  '--broken-control-plane',
  'taco-m1,taco-m2,taco-m3',
];
let dir: string;
let golden: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-inventory-cli-'));
  golden = await readFile(join(fixtures, 'runbook-hosts.recovery.ini'), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.concurrent('kube-rescue inventory recover', { timeout: 60_000 }, () => {
  it('prints the runbook recovery inventory on stdout and exits 0', async () => {
    const r = await cli(['-i', join(fixtures, 'runbook-hosts.ini'), ...broken]);
    expect(r).toMatchObject({ code: 0, stdout: golden });
  });

  it('with -o writes the file with the inventory permissions, says so, and leaves no temp file', async () => {
    const sub = await mkdtemp(join(dir, 'write-'));
    const input = join(sub, 'hosts.ini');
    await copyFile(join(fixtures, 'runbook-hosts.ini'), input);
    await chmod(input, 0o600);
    const out = join(sub, 'recovery.ini');
    const r = await cli(['-i', input, ...broken, '-o', out]);
    expect(r).toMatchObject({ code: 0, stdout: `wrote ${out}\n` });
    expect(await readFile(out, 'utf8')).toBe(golden);
    expect((await stat(out)).mode & 0o777).toBe(0o600);
    expect((await readdir(sub)).sort()).toEqual(['hosts.ini', 'recovery.ini']);
  });

  it('exits 2 for a host not in the inventory, and neither creates nor changes -o', async () => {
    const sub = await mkdtemp(join(dir, 'bad-host-'));
    const existing = join(sub, 'existing.ini');
    await writeFile(existing, 'keep me\n');
    const fresh = join(sub, 'fresh.ini');
    for (const out of [existing, fresh]) {
      const r = await cli([
        '-i',
        join(fixtures, 'runbook-hosts.ini'),
        '--broken-etcd',
        'taco-x9',
        '-o',
        out,
      ]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain("--broken-etcd names 'taco-x9', which is not a host in");
    }
    expect(await readFile(existing, 'utf8')).toBe('keep me\n');
    expect((await readdir(sub)).sort()).toEqual(['existing.ini']);
  });

  it('exits 2 with file and line for a syntax error', async () => {
    const sub = await mkdtemp(join(dir, 'syntax-'));
    const input = join(sub, 'hosts.ini');
    await writeFile(input, '[etcd]\nnode1\nnode2 ansible_host\n');
    const out = join(sub, 'out.ini');
    const r = await cli(['-i', input, '--broken-etcd', 'node1', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${input}:3: expected key=value after the host name`);
    await expect(stat(out)).rejects.toThrow(/ENOENT/);
  });

  it('exits 2 when every etcd member is broken, and 0 once -e @file gives etcd_snapshot', async () => {
    const sub = await mkdtemp(join(dir, 'snapshot-'));
    const input = join(sub, 'hosts.ini');
    await writeFile(input, '[kube_control_plane]\nm1\n\n[etcd]\nm1\n');
    const refused = await cli(['-i', input, '--broken-etcd', 'm1', '--broken-control-plane', 'm1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('etcd_snapshot');
    const extra = join(sub, 'extra-vars.yml');
    await writeFile(extra, 'etcd_snapshot: /backups/etcd-snapshot.db\n');
    const ok = await cli([
      '-i',
      input,
      '--broken-etcd',
      'm1',
      '--broken-control-plane',
      'm1',
      '-e',
      `@${extra}`,
    ]);
    expect(ok).toMatchObject({
      code: 0,
      stdout:
        '[kube_control_plane]\nm1\n\n[etcd]\nm1 etcd_member_name=etcd1\n\n[broken_etcd]\nm1 etcd_member_name=etcd1\n\n[broken_kube_control_plane]\nm1\n',
    });
  });

  it('rewrites a YAML inventory as YAML; --json prints one object', async () => {
    const r = await cli(
      ['-i', join(fixtures, 'kubespray-hosts.yaml'), '--broken-etcd', 'node1'],
      ['--json'],
    );
    expect(r.code).toBe(0);
    const { text } = JSON.parse(r.stdout) as { text: string };
    expect(text).toContain(
      '    broken_etcd:\n      hosts:\n        node1:\n          etcd_member_name: etcd1\n',
    );
  });
});
