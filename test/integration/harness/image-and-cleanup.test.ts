import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWNER_LABEL, RUN_LABEL, removeLeftovers, TEMP_PREFIX } from '../../../harness/cleanup.js';
import { docker } from '../../../harness/docker-cli.js';
import {
  debianMirrorFromAptSources,
  ensureNodeImage,
  mirrorFromDeb822,
  mirrorFromOneLineStyle,
  nodeImageTag,
} from '../../../harness/image.js';
import { silentProgress } from '../../../src/progress.js';

describe('node image', () => {
  it("takes the Debian mirror from the machine's apt sources, deb822 or one-line style", async () => {
    const deb822 = [
      'Types: deb',
      'URIs: http://mirror.example.invalid/debian-security',
      'Suites: bookworm-security',
      '',
      'Types: deb deb-src',
      '# a comment',
      'URIs: http://mirror.example.invalid/debian',
      'Suites: bookworm bookworm-updates',
      'Components: main',
    ].join('\n');
    expect(mirrorFromDeb822(deb822)).toBe('http://mirror.example.invalid/debian');
    expect(
      mirrorFromOneLineStyle(
        '# deb http://old.invalid/debian bookworm main\ndeb [arch=amd64 signed-by=/k.gpg] http://one.invalid/debian bookworm main\n',
      ),
    ).toBe('http://one.invalid/debian');
    const root = await mkdtemp(join(tmpdir(), 'kube-rescue-apt-'));
    try {
      await mkdir(join(root, 'sources.list.d'));
      await writeFile(join(root, 'sources.list'), 'deb http://list.invalid/debian bookworm main\n');
      expect(debianMirrorFromAptSources(root)).toBe('http://list.invalid/debian');
      await writeFile(join(root, 'sources.list.d', 'debian.sources'), deb822);
      expect(debianMirrorFromAptSources(root)).toBe('http://mirror.example.invalid/debian');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('is built once and reused by the hash of its recipe, with systemd as its command', async () => {
    const tag = await ensureNodeImage(silentProgress);
    expect(tag).toBe(nodeImageTag());
    const t0 = Date.now();
    expect(await ensureNodeImage(silentProgress)).toBe(tag);
    expect(Date.now() - t0).toBeLessThan(5000);
    const r = await docker([
      'image',
      'inspect',
      '--format',
      '{{json .Config.Cmd}} {{.Config.Env}}',
      tag,
    ]);
    expect(r.stdout).toContain('["/sbin/init"]');
    expect(r.stdout).toContain('container=docker');
  });
});

async function deadPid(): Promise<number> {
  const child = spawn('true');
  await new Promise((r) => child.on('close', r));
  return child.pid!;
}

describe('cleanup of crashed runs', () => {
  it('removes a live cluster when its process is interrupted (SIGTERM), not only in finally', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'start-cluster-and-wait.ts')],
      { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env } },
    );
    const started = await new Promise<{ runId: string; workDir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
        if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
      });
      child.on('exit', (code) => reject(new Error(`fixture exited early (${code})`)));
    });
    const running = await docker(['ps', '-q', '--filter', `label=${RUN_LABEL}=${started.runId}`]);
    expect(running.stdout.trim()).not.toBe('');
    const exited = new Promise<NodeJS.Signals | null>((r) => child.on('exit', (_c, sig) => r(sig)));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    const left = await docker(['ps', '-aq', '--filter', `label=${RUN_LABEL}=${started.runId}`]);
    expect(left.stdout.trim()).toBe('');
    const nets = await docker([
      'network',
      'ls',
      '-q',
      '--filter',
      `label=${RUN_LABEL}=${started.runId}`,
    ]);
    expect(nets.stdout.trim()).toBe('');
    expect(existsSync(started.workDir)).toBe(false);
  });

  it('removes containers, networks and temp dirs whose owning process is gone, and keeps live ones', async () => {
    const dead = `${hostname()}:${await deadPid()}`;
    const live = `${hostname()}:${process.pid}`;
    const tag = await ensureNodeImage(silentProgress);
    const made: string[] = [];
    const nets: string[] = [];
    try {
      for (const [run, owner] of [
        ['crashedtest', dead],
        ['livetest', live],
      ] as const) {
        const labels = ['--label', `${RUN_LABEL}=${run}`, '--label', `${OWNER_LABEL}=${owner}`];
        const name = `kube-rescue-cleanup-${run}-${process.pid}`;
        await docker(['network', 'create', '--internal', ...labels, name]);
        nets.push(name);
        await docker(['create', '--name', name, '--network', name, ...labels, tag]);
        made.push(name);
      }
      const crashedDir = await mkdtemp(join(tmpdir(), `${TEMP_PREFIX}crashedtest-`));
      await writeFile(join(crashedDir, 'owner'), dead);

      await removeLeftovers(silentProgress);

      const exists = async (kind: 'container' | 'network', name: string) =>
        (await docker([kind, 'inspect', name], { allowFailure: true })).code === 0;
      expect(await exists('container', made[0])).toBe(false);
      expect(await exists('network', nets[0])).toBe(false);
      expect(await exists('container', made[1])).toBe(true);
      expect(await exists('network', nets[1])).toBe(true);
      expect(await import('node:fs').then((fs) => fs.existsSync(crashedDir))).toBe(false);
    } finally {
      await docker(['rm', '-f', ...made], { allowFailure: true });
      for (const n of nets) await docker(['network', 'rm', n], { allowFailure: true });
    }
  });
});
