import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The shipped CLI, end to end: a real cluster of containers, real backup, real fault, real restore.
describe('kube-rescue rehearse (local provider)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-rehearse-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('recovers a lost member with nothing lost, and reports RTO and RPO', () => {
    const report = join(dir, 'report.json');
    const r = spawnSync(
      process.execPath,
      ['dist/cli.js', 'rehearse', '--scenario', 'member-loss', '--keys', '300', '--report', report],
      { encoding: 'utf8', timeout: 280_000 },
    );
    process.stdout.write(r.stdout);
    expect(r.stderr).toContain('[member-loss] inject the fault');
    expect(r.status, r.stderr.slice(-3000)).toBe(0);
    expect(r.stdout).toMatch(
      /\| member-loss \| ✅ passed \| [\d.]+ s \| \d+ \| \d+ \| 0 \| 0 of \d+ \|/,
    );

    // The default etcd is 3.6, and the table says so; a member replacement restores no snapshot.
    expect(r.stdout).toMatch(
      /Rehearsal on the `local` provider, etcd 3\.6 \(members ran 3\.6\.\d+\)/,
    );
    expect(r.stdout).toMatch(/\| member-loss[^\n]*\| no snapshot restored \|/);

    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.ok).toBe(true);
    expect(json.etcdVersion).toBe('3.6');
    const [s] = json.scenarios;
    expect(s).toMatchObject({
      scenario: 'member-loss',
      result: 'passed',
      keysLost: 0,
      writesLost: 0,
    });
    expect(s.keysAtBackup).toBeGreaterThanOrEqual(301);
    expect(s.keysAfterRestore).toBeGreaterThanOrEqual(s.keysAtBackup);
    expect(s.rtoSeconds).toBeGreaterThan(0);
    expect(s.etcdServerVersion).toMatch(/^3\.6\.\d+$/);
    expect(s.revisionBump).toEqual({ restores: 0, bumped: false });
    expect(s.verification.every((v: { status: string }) => v.status !== 'failed')).toBe(true);
  });

  it('refuses the kind provider where kind is missing, with the reason, exit 2', () => {
    const r = spawnSync(process.execPath, ['dist/cli.js', 'rehearse', '--provider', 'kind'], {
      encoding: 'utf8',
      env: { ...process.env, PATH: '/nonexistent' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('The kind provider cannot run here');
  });
});
