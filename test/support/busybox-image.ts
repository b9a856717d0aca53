import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A tiny image made of Debian's busybox-static and nothing else (no registry can be reached
 * here): enough of a POSIX node for `docker exec` tests. Built once per content hash.
 */

const BUSYBOX = '/bin/busybox';
const LABEL = 'kube-rescue.test=1';
/** Bump when the recipe below changes, so the hash (and tag) changes with it. */
const RECIPE = 'busybox-root-v1';
const run = promisify(execFile);

export function dockerAvailable(): string | undefined {
  try {
    execFileSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      stdio: 'ignore',
      timeout: 10_000,
    });
  } catch {
    return 'no running Docker engine (docker info failed)';
  }
  if (!existsSync(BUSYBOX)) return `${BUSYBOX} is missing (apt-get install busybox-static)`;
  return undefined;
}

/** The image tag, building it if this machine does not have it yet. */
export async function busyboxImage(): Promise<string> {
  const binary = readFileSync(BUSYBOX);
  const tag = `kube-rescue-test/busybox:${createHash('sha256').update(RECIPE).update(binary).digest('hex').slice(0, 16)}`;
  const present = await run('docker', ['image', 'inspect', tag]).then(
    () => true,
    () => false,
  );
  if (present) return tag;

  const root = mkdtempSync(join(tmpdir(), 'kr-busybox-'));
  try {
    for (const dir of ['bin', 'etc', 'tmp', 'root']) mkdirSync(join(root, dir));
    writeFileSync(join(root, 'bin', 'busybox'), binary, { mode: 0o755 });
    const applets = execFileSync(BUSYBOX, ['--list']).toString().split('\n').filter(Boolean);
    for (const applet of applets) {
      if (applet !== 'busybox') symlinkSync('busybox', join(root, 'bin', applet));
    }
    writeFileSync(
      join(root, 'etc', 'passwd'),
      'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n',
    );
    writeFileSync(join(root, 'etc', 'group'), 'root:x:0:\nnogroup:x:65534:\n');
    await new Promise<void>((resolve, reject) => {
      const tar = spawn('tar', ['-C', root, '--owner=0', '--group=0', '-c', '.'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const imp = spawn(
        'docker',
        [
          'import',
          '--change',
          `LABEL ${LABEL}`,
          '--change',
          'ENV PATH=/bin',
          '--change',
          'CMD ["/bin/sh"]',
          '-',
          tag,
        ],
        { stdio: ['pipe', 'ignore', 'pipe'] },
      );
      let err = '';
      imp.stderr.on('data', (d: Buffer) => {
        err += d.toString();
      });
      tar.stdout.pipe(imp.stdin);
      imp.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`docker import failed: ${err}`)),
      );
      tar.on('error', reject);
    });
    return tag;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export interface BusyboxContainer extends AsyncDisposable {
  name: string;
  remove(): Promise<void>;
}

/** A running busybox container with no network, labelled, removed by `remove()`. */
export async function startBusyboxContainer(): Promise<BusyboxContainer> {
  const image = await busyboxImage();
  const name = `kr-test-busybox-${randomBytes(4).toString('hex')}`;
  // /tmp is 1777 in the image tarball only if we say so; a tmpfs makes it a proper scratch dir.
  await run('docker', [
    'run',
    '-d',
    '--name',
    name,
    '--label',
    LABEL,
    '--network',
    'none',
    '--tmpfs',
    '/tmp',
    image,
    'sleep',
    '86400',
  ]);
  const remove = async () => {
    await run('docker', ['rm', '-f', name]).catch(() => undefined);
  };
  return { name, remove, [Symbol.asyncDispose]: remove };
}
