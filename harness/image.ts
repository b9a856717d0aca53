import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OperationError } from '../src/errors.js';
import type { Progress } from '../src/progress.js';
import { docker, runCommand } from './docker-cli.js';
import { type AsRoot, fileSha256, rootAccess, withBuildLock } from './image-build.js';
import { builtEtcdTools, type EtcdTools, type EtcdVersion } from './tools.js';

/**
 * The node image: a Debian bookworm rootfs made by debootstrap (no registry can be reached
 * here), imported into Docker. Its tag is a hash of the recipe, so it is built once and
 * reused until the recipe changes.
 */
export const NODE_IMAGE_REPOSITORY = 'kube-rescue-node';

const SUITE = 'bookworm';
const PACKAGES = [
  'systemd',
  'systemd-sysv',
  'dbus',
  'openssh-server',
  'etcd-server',
  'etcd-client',
  'iproute2',
  'procps',
  'ca-certificates',
  'tar',
  'gzip',
  'sudo',
];

/**
 * Run inside the rootfs (chroot) after debootstrap. Kubespray installs etcd into
 * /usr/local/bin and runs its own unit, so Debian's unit is disabled: a blank node has etcd
 * installed but neither configured nor started. Host keys are per node (the harness makes
 * them), never baked into the image.
 */
const FINISH_SCRIPT = `set -eu
rm -f /etc/systemd/system/multi-user.target.wants/etcd.service
ln -sf /usr/bin/etcd /usr/local/bin/etcd
ln -sf /usr/bin/etcdctl /usr/local/bin/etcdctl
rm -f /etc/ssh/ssh_host_*
mkdir -p /root/.ssh && chmod 700 /root/.ssh
systemctl mask getty@tty1.service console-getty.service systemd-logind.service >/dev/null 2>&1 || true
rm -f /etc/hostname
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
`;

const RECIPE_VERSION = 1;

export function nodeImageRecipeHash(): string {
  return createHash('sha256')
    .update(JSON.stringify({ RECIPE_VERSION, SUITE, variant: 'minbase', PACKAGES, FINISH_SCRIPT }))
    .digest('hex')
    .slice(0, 12);
}

export function nodeImageTag(): string {
  return `${NODE_IMAGE_REPOSITORY}:${nodeImageRecipeHash()}`;
}

/** The machine's own Debian mirror for `bookworm`, from its apt sources; undefined if none. */
export function debianMirrorFromAptSources(root = '/etc/apt'): string | undefined {
  const sourcesDir = join(root, 'sources.list.d');
  const deb822 = existsSync(sourcesDir)
    ? readdirSync(sourcesDir)
        .filter((f) => f.endsWith('.sources'))
        .sort()
        .map((f) => readFileSync(join(sourcesDir, f), 'utf8'))
    : [];
  for (const text of deb822) {
    const found = mirrorFromDeb822(text);
    if (found) return found;
  }
  const listFiles = [join(root, 'sources.list')];
  if (existsSync(sourcesDir)) {
    for (const f of readdirSync(sourcesDir).sort()) {
      if (f.endsWith('.list')) listFiles.push(join(sourcesDir, f));
    }
  }
  for (const file of listFiles) {
    if (!existsSync(file)) continue;
    const found = mirrorFromOneLineStyle(readFileSync(file, 'utf8'));
    if (found) return found;
  }
  return undefined;
}

/** deb822 stanzas (`Types: deb`, `URIs:`, `Suites:`), as in /etc/apt/sources.list.d/*.sources. */
export function mirrorFromDeb822(text: string): string | undefined {
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>();
    for (const line of stanza.split('\n')) {
      if (line.startsWith('#')) continue;
      const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
      if (m) fields.set(m[1].toLowerCase(), m[2].trim());
    }
    if (fields.get('enabled')?.toLowerCase() === 'no') continue;
    const types = (fields.get('types') ?? '').split(/\s+/);
    const suites = (fields.get('suites') ?? '').split(/\s+/);
    const uri = (fields.get('uris') ?? '').split(/\s+/)[0];
    if (types.includes('deb') && suites.includes(SUITE) && uri) return uri;
  }
  return undefined;
}

/** One-line style: `deb [options] URI SUITE COMPONENTS...`. */
export function mirrorFromOneLineStyle(text: string): string | undefined {
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^deb\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line);
    if (m && m[2] === SUITE) return m[1];
  }
  return undefined;
}

async function imageExists(tag: string): Promise<boolean> {
  const r = await docker(['image', 'inspect', '--format', '{{.Id}}', tag], { allowFailure: true });
  return r.code === 0;
}

/**
 * Returns the tag of the node image for an etcd minor, building it first if this recipe was
 * never built on this Docker engine: 3.4 is the Debian image itself (~40-60 s: debootstrap +
 * import); 3.5 and 3.6 are a thin layer over it (a few seconds).
 */
export async function ensureNodeImage(
  progress: Progress,
  etcdVersion: EtcdVersion = '3.4',
): Promise<string> {
  if (etcdVersion !== '3.4') return ensureBuiltEtcdNodeImage(progress, etcdVersion);
  const tag = nodeImageTag();
  if (await imageExists(tag)) {
    progress.debug(`node image ${tag} is already built`);
    return tag;
  }
  return withBuildLock(`node-image-${nodeImageRecipeHash()}`, tag, progress, async () => {
    if (await imageExists(tag)) return tag;
    return progress.phase(`Build node image ${tag} (debootstrap ${SUITE}, ~1-2 min)`, () =>
      buildNodeImage(tag, progress),
    );
  });
}

/** debootstrap's milestones, shown as progress; the rest of its output goes to debug. */
const DEBOOTSTRAP_MILESTONES =
  /^I: (Retrieving Release|Installing core packages|Unpacking the base system|Configuring the base system|Base system installed successfully)/;

async function buildNodeImage(tag: string, progress: Progress): Promise<string> {
  const asRoot = await rootAccess(
    `the node image ${tag}`,
    'debootstrap makes device nodes and chroots',
  );
  const work = await mkdtemp(join(tmpdir(), 'kube-rescue-image-'));
  const rootfs = join(work, 'rootfs');
  try {
    const mirror = debianMirrorFromAptSources();
    progress.info(
      `debootstrap ${SUITE} from ${mirror ?? "debootstrap's default mirror"} into ${rootfs}`,
    );
    const args = [
      '--variant=minbase',
      `--include=${PACKAGES.join(',')}`,
      SUITE,
      rootfs,
      ...(mirror ? [mirror] : []),
    ];
    await runCommand(...asRoot('debootstrap', args), {
      timeoutMs: 15 * 60_000,
      onLine: (line) =>
        DEBOOTSTRAP_MILESTONES.test(line) ? progress.info(line.slice(3)) : progress.debug(line),
    });
    await runCommand(...asRoot('chroot', [rootfs, '/bin/sh', '-s']), {
      stdin: FINISH_SCRIPT,
      timeoutMs: 120_000,
    });
    progress.info(`importing ${rootfs} as ${tag}`);
    await importRootfs(asRoot, rootfs, tag);
    return tag;
  } finally {
    // The rootfs is root's: remove it the way it was made.
    await runCommand(...asRoot('rm', ['-rf', '--one-file-system', work]), { allowFailure: true });
    await rm(work, { recursive: true, force: true });
  }
}

/** `tar -C rootfs -c . | docker import`, streamed: the rootfs is ~300 MB. */
async function importRootfs(asRoot: AsRoot, rootfs: string, tag: string): Promise<void> {
  const tar = spawn(...asRoot('tar', ['-C', rootfs, '--numeric-owner', '-c', '.']), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tarErr: Buffer[] = [];
  tar.stderr.on('data', (b: Buffer) => tarErr.push(b));
  const tarDone = new Promise<number>((resolve) => tar.on('close', (c) => resolve(c ?? -1)));
  await docker(
    [
      'import',
      '--change',
      'CMD ["/sbin/init"]',
      '--change',
      'ENV container=docker',
      '--change',
      `LABEL kube-rescue.node-image=${nodeImageRecipeHash()}`,
      '-',
      tag,
    ],
    { stdin: tar.stdout, timeoutMs: 300_000 },
  );
  const code = await tarDone;
  if (code !== 0) {
    await docker(['image', 'rm', tag], { allowFailure: true });
    throw new OperationError(
      `tar of the node rootfs ${rootfs} failed (exit ${code}): ${Buffer.concat(tarErr).toString().trim()}`,
    );
  }
}

/**
 * Turns the Debian node into a Kubespray host of a built etcd minor: Debian's etcd packages
 * purged (their purge also deletes the etcd user and /var/lib/etcd), the binaries installed
 * where Kubespray puts them, the `etcd` system user its adduser role creates and the data
 * dir its etcd role makes (etcd running as that user cannot create /var/lib/etcd itself).
 * A blank node of every version is then the same: etcd installed, not configured.
 */
const BUILT_ETCD_SCRIPT = `set -eu
dpkg --purge etcd-server etcd-client >/dev/null
rm -f /usr/local/bin/etcd /usr/local/bin/etcdctl /usr/local/bin/etcdutl
for b in etcd etcdctl etcdutl; do install -o root -g root -m 0755 /tmp/kube-rescue-etcd/$b /usr/local/bin/$b; done
rm -rf /tmp/kube-rescue-etcd
getent passwd etcd >/dev/null || useradd --system --no-create-home --home-dir /var/lib/etcd --shell /usr/sbin/nologin --comment "Etcd user" etcd
install -d -o etcd -g etcd -m 0700 /var/lib/etcd
test "$(/usr/local/bin/etcd --version | sed -n 's/^etcd Version: //p')" != ""
`;
const BUILT_ETCD_RECIPE_VERSION = 1;

/** The recipe hash of a built-etcd node image: the Debian base, the script and the binaries. */
export async function builtEtcdImageRecipeHash(tools: EtcdTools): Promise<string> {
  const binaries = await Promise.all(
    (['etcd', 'etcdctl', 'etcdutl'] as const).map((b) => fileSha256(tools[b])),
  );
  return createHash('sha256')
    .update(
      JSON.stringify({
        BUILT_ETCD_RECIPE_VERSION,
        base: nodeImageRecipeHash(),
        version: tools.version,
        BUILT_ETCD_SCRIPT,
        binaries,
      }),
    )
    .digest('hex')
    .slice(0, 12);
}

/** The node image tag for an etcd minor (3.5/3.6 need their binaries built to name it). */
export async function etcdNodeImageTag(etcdVersion: EtcdVersion): Promise<string> {
  if (etcdVersion === '3.4') return nodeImageTag();
  const tools = await builtEtcdTools(etcdVersion);
  return `${NODE_IMAGE_REPOSITORY}:${await builtEtcdImageRecipeHash(tools)}`;
}

async function ensureBuiltEtcdNodeImage(
  progress: Progress,
  etcdVersion: Exclude<EtcdVersion, '3.4'>,
): Promise<string> {
  const tools = await builtEtcdTools(etcdVersion);
  const hash = await builtEtcdImageRecipeHash(tools);
  const tag = `${NODE_IMAGE_REPOSITORY}:${hash}`;
  if (await imageExists(tag)) {
    progress.debug(`node image ${tag} (etcd ${etcdVersion}) is already built`);
    return tag;
  }
  const base = await ensureNodeImage(progress, '3.4');
  return withBuildLock(`node-image-${hash}`, tag, progress, async () => {
    if (await imageExists(tag)) return tag;
    return progress.phase(
      `Build node image ${tag} (etcd ${etcdVersion} from ${tools.binDir} over ${base})`,
      () => deriveBuiltEtcdImage(base, tools, hash, tag),
    );
  });
}

/**
 * `docker create` from the base, `docker cp` the binaries in, run the script, `docker
 * commit`: one layer of ~65 MB, no debootstrap. The build container is named by the recipe
 * (the build lock makes its builder unique) and carries no label: a commit would copy its
 * labels into the image and so onto every node started from it.
 */
async function deriveBuiltEtcdImage(
  base: string,
  tools: EtcdTools,
  hash: string,
  tag: string,
): Promise<string> {
  const name = `kube-rescue-image-build-${hash}`;
  await docker(['rm', '-f', name], { allowFailure: true });
  try {
    await docker(['create', '--name', name, base, '/bin/sh', '-c', BUILT_ETCD_SCRIPT]);
    await docker(['cp', `${await realpath(tools.binDir)}/.`, `${name}:/tmp/kube-rescue-etcd`], {
      timeoutMs: 120_000,
    });
    const r = await docker(['start', '-a', name], { allowFailure: true, timeoutMs: 120_000 });
    if (r.code !== 0) {
      throw new OperationError(
        `Installing etcd ${tools.version} from ${tools.binDir} into the node image failed (exit ${r.code}): ${`${r.stdout}${r.stderr}`.trim()}`,
      );
    }
    await docker(
      [
        'commit',
        '--change',
        'CMD ["/sbin/init"]',
        '--change',
        `LABEL kube-rescue.node-image=${hash} kube-rescue.etcd-version=${tools.version}`,
        name,
        tag,
      ],
      { timeoutMs: 300_000 },
    );
    return tag;
  } finally {
    await docker(['rm', '-f', name], { allowFailure: true });
  }
}
