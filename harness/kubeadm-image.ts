import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { stringify } from 'yaml';
import { OperationError } from '../src/errors.js';
import type { Progress } from '../src/progress.js';
import { docker, dockerBinary, runCommand } from './docker-cli.js';
import { ensureNodeImage } from './image.js';
import { fileSha256, rootAccess, withBuildLock } from './image-build.js';
import type { KubernetesTools } from './kubernetes-tools.js';
import { type NodeFile, nodeFilesArchive } from './kubespray-node.js';

/**
 * The kubeadm node image: the Debian node image (debootstrap, image.ts) with containerd, runc,
 * the CNI plugins and the other packages a kubelet needs from Debian, plus kubeadm, kubelet,
 * kubectl and crictl as built here. The control-plane images kubeadm's manifests name are made
 * from the built static binaries and ride inside the image as `docker save` archives, which
 * each node imports into its own containerd at boot: nothing is pulled from anywhere.
 */
export const KUBEADM_NODE_IMAGE_REPOSITORY = 'kube-rescue-kubeadm-node';

/**
 * kubeadm's imageRepository. Not a registry host: a name with a dot keeps containerd from
 * prefixing `docker.io/library/`, and no registry answers to it, so a pull could only fail.
 */
export const IMAGE_REPOSITORY = 'kube-rescue.local';
/** kubeadm v1.37's pause tag (cmd/kubeadm/app/constants PauseVersion). */
export const PAUSE_VERSION = '3.10.2';
export const PAUSE_IMAGE = `${IMAGE_REPOSITORY}/pause:${PAUSE_VERSION}`;
/** In the node: the image archives and the record of which were imported into containerd. */
export const NODE_IMAGES_DIR = '/opt/kube-rescue/images';
/** In the node: `control-plane` or `worker`, written by the provider; decides what is imported. */
export const NODE_ROLE_FILE = '/etc/kube-rescue/node-role';

/**
 * From Debian: the runtime (containerd, runc), pod networking (the CNI plugins: bridge,
 * host-local, loopback, portmap; iptables for their NAT rules), and what kubelet and
 * kube-proxy call on a node (conntrack, ebtables, ethtool, socat, kmod's modprobe). kubeadm
 * v1.37's preflight requires only losetup, mount and cp, which the base system has.
 */
const PACKAGES = [
  'containerd',
  'runc',
  'containernetworking-plugins',
  'iptables',
  'conntrack',
  'ebtables',
  'ethtool',
  'socat',
  'kmod',
];

/**
 * Run in the rootfs (chroot) after the packages are in. A kubeadm node has no etcd on the
 * host (it runs in a static pod), and is reached with `docker exec` (no sshd, as on kind).
 */
const FINISH_SCRIPT = `set -eu
dpkg --purge etcd-server etcd-client >/dev/null
rm -f /usr/local/bin/etcd /usr/local/bin/etcdctl /usr/local/bin/etcdutl
systemctl disable ssh.service >/dev/null 2>&1 || true
systemctl enable containerd.service kubelet.service kube-rescue-sysctl.service kube-rescue-images.service >/dev/null 2>&1
rm -f /usr/sbin/policy-rc.d
: >/etc/resolv.conf
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
`;

/** containerd 1.6's CRI: our pause image, cgroupfs like the kubelet (see kubeadm-config.ts), Debian's CNI plugins. */
const CONTAINERD_CONFIG = `version = 2
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "${PAUSE_IMAGE}"
  # The node lacks CAP_SYS_RESOURCE (Docker refuses it here): never ask for a lower OOM score.
  restrict_oom_score_adj = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    snapshotter = "overlayfs"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "/etc/cni/net.d"
`;

const CRICTL_CONFIG = `runtime-endpoint: unix:///run/containerd/containerd.sock
image-endpoint: unix:///run/containerd/containerd.sock
timeout: 30
`;

/**
 * The kubelet sets these global kernel tunables when they differ, and fails if it cannot.
 * /proc/sys is read-only in the node, and writing would change the host for everyone: the
 * node shows the kubelet the values it wants, on files bind-mounted over them.
 */
const SYSCTL_SCRIPT = `#!/bin/sh
set -eu
mkdir -p /run/kube-rescue-sysctl
for kv in vm/overcommit_memory=1 vm/panic_on_oom=0 kernel/panic=10 kernel/panic_on_oops=1 kernel/keys/root_maxkeys=1000000 kernel/keys/root_maxbytes=25000000; do
  key=\${kv%=*}
  file=/run/kube-rescue-sysctl/$(echo "$key" | tr / .)
  echo "\${kv#*=}" >"$file"
  mountpoint -q "/proc/sys/$key" || mount --bind "$file" "/proc/sys/$key"
done
`;

const SYSCTL_UNIT = `[Unit]
Description=The kernel tunables the kubelet expects, as this node shows them
DefaultDependencies=no
Before=containerd.service kubelet.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/kube-rescue-sysctl

[Install]
WantedBy=multi-user.target
`;

/**
 * Imports the image archives into containerd once per containerd volume: pause on every
 * node, the control plane's on control-plane nodes.
 */
const IMAGES_SCRIPT = `#!/bin/sh
set -eu
role=$(cat ${NODE_ROLE_FILE} 2>/dev/null || echo worker)
archives=pause
[ "$role" = control-plane ] && archives="pause control-plane"
for a in $archives; do
  marker=/var/lib/containerd/kube-rescue-imported-$a-$(cat ${NODE_IMAGES_DIR}/recipe)
  [ -e "$marker" ] && continue
  ctr -n k8s.io images import ${NODE_IMAGES_DIR}/$a.tar
  touch "$marker"
done
`;

const IMAGES_UNIT = `[Unit]
Description=Import the locally made control-plane images into containerd
Requires=containerd.service
After=containerd.service
Before=kubelet.service

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/kube-rescue-images

[Install]
WantedBy=multi-user.target
`;

/** The kubelet as kubeadm's packages install it: crash-loops until kubeadm writes its config. */
const KUBELET_UNIT = `[Unit]
Description=kubelet: The Kubernetes Node Agent
Wants=network-online.target containerd.service
After=network-online.target containerd.service kube-rescue-images.service
StartLimitIntervalSec=0

[Service]
ExecStart=/usr/local/bin/kubelet
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
`;

/** kubeadm's documented kubelet drop-in: the files and flags kubeadm writes for the kubelet. */
const KUBELET_KUBEADM_DROPIN = `[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/local/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;

const RECIPE_VERSION = 1;

function nodeImageFiles(): NodeFile[] {
  const file = (path: string, content: string, mode = 0o644): NodeFile => ({
    path,
    type: 'file',
    content,
    mode,
  });
  return [
    file('/etc/containerd/config.toml', CONTAINERD_CONFIG),
    file('/etc/crictl.yaml', CRICTL_CONFIG),
    file('/usr/local/sbin/kube-rescue-sysctl', SYSCTL_SCRIPT, 0o755),
    file('/etc/systemd/system/kube-rescue-sysctl.service', SYSCTL_UNIT),
    file('/usr/local/sbin/kube-rescue-images', IMAGES_SCRIPT, 0o755),
    file('/etc/systemd/system/kube-rescue-images.service', IMAGES_UNIT),
    file('/etc/systemd/system/kubelet.service', KUBELET_UNIT),
    file('/etc/systemd/system/kubelet.service.d/10-kubeadm.conf', KUBELET_KUBEADM_DROPIN),
    // Keeps apt's maintainer scripts from starting services inside the chroot.
    file('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n', 0o755),
  ];
}

/** One control-plane image: its name in kubeadm's manifests and the binaries it holds. */
export interface ControlPlaneImage {
  ref: string;
  binaries: string[];
  /** Which archive carries it: every node needs pause; only control-plane nodes the rest. */
  archive: 'pause' | 'control-plane';
  /** The sandbox runs its image's entrypoint; kubeadm's manifests name their own commands. */
  entrypoint?: string;
}

/** etcd's image tag as kubeadm writes it (`3.6.16-0`), from the built binary's version. */
export async function etcdImageTag(tools: KubernetesTools): Promise<string> {
  const out = (await runCommand(tools.etcd, ['--version'])).stdout;
  const m = /etcd Version:\s*(\d+\.\d+\.\d+)/.exec(out);
  if (!m) {
    throw new OperationError(`Cannot read the version of ${tools.etcd} from: ${out.trim()}`);
  }
  return `${m[1]}-0`;
}

export function controlPlaneImages(tools: KubernetesTools, etcdTag: string): ControlPlaneImage[] {
  const k8s = (name: string, binary: string): ControlPlaneImage => ({
    ref: `${IMAGE_REPOSITORY}/${name}:${tools.version}`,
    binaries: [binary],
    archive: 'control-plane',
  });
  return [
    k8s('kube-apiserver', tools.kubeApiserver),
    k8s('kube-controller-manager', tools.kubeControllerManager),
    k8s('kube-scheduler', tools.kubeScheduler),
    {
      ref: `${IMAGE_REPOSITORY}/etcd:${etcdTag}`,
      // etcdctl and etcdutl too: backup and restore run them in this image on a node without etcd tools.
      binaries: [tools.etcd, tools.etcdctl, tools.etcdutl],
      archive: 'control-plane',
    },
    {
      ref: PAUSE_IMAGE,
      binaries: [tools.pause],
      archive: 'pause',
      entrypoint: '/usr/local/bin/pause',
    },
  ];
}

/** The ClusterConfiguration fields that decide the image names (also used by the provider). */
export function imageSettings(etcdTag: string) {
  return {
    imageRepository: IMAGE_REPOSITORY,
    etcd: { local: { imageRepository: IMAGE_REPOSITORY, imageTag: etcdTag } },
    dns: { disabled: true },
    proxy: { disabled: true },
  };
}

/**
 * Refuses images kubeadm would not use: asks the built kubeadm which images its manifests
 * name under these settings and compares them with what we make.
 */
async function checkImagesAgainstKubeadm(
  tools: KubernetesTools,
  images: ControlPlaneImage[],
  etcdTag: string,
  workDir: string,
): Promise<void> {
  const config = join(workDir, 'images.yaml');
  await writeFile(
    config,
    stringify({
      apiVersion: 'kubeadm.k8s.io/v1beta4',
      kind: 'ClusterConfiguration',
      kubernetesVersion: tools.version,
      ...imageSettings(etcdTag),
    }),
  );
  const listed = (
    await runCommand(tools.kubeadm, ['config', 'images', 'list', '--config', config])
  ).stdout
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
  const ours = images.map((i) => i.ref).sort();
  if (JSON.stringify(listed) !== JSON.stringify(ours)) {
    throw new OperationError(
      `kubeadm ${tools.version} expects the images ${listed.join(', ')}, but the harness makes ${ours.join(', ')}. Update controlPlaneImages() in harness/kubeadm-image.ts (PAUSE_VERSION, the etcd tag) to match.`,
    );
  }
}

const NODE_BINARIES = ['kubeadm', 'kubelet', 'kubectl', 'crictl'] as const;

async function recipeHash(
  base: string,
  tools: KubernetesTools,
  images: ControlPlaneImage[],
): Promise<string> {
  const binaries = await Promise.all(
    [...NODE_BINARIES.map((b) => tools[b]), ...images.flatMap((i) => i.binaries)].map(
      async (p) => `${basename(p)}=${await fileSha256(p)}`,
    ),
  );
  return createHash('sha256')
    .update(
      JSON.stringify({
        RECIPE_VERSION,
        base,
        PACKAGES,
        FINISH_SCRIPT,
        files: nodeImageFiles(),
        images: images.map((i) => [i.ref, i.archive, i.entrypoint]),
        binaries,
      }),
    )
    .digest('hex')
    .slice(0, 12);
}

async function imageExists(tag: string): Promise<boolean> {
  const r = await docker(['image', 'inspect', '--format', '{{.Id}}', tag], { allowFailure: true });
  return r.code === 0;
}

/** What the provider needs to know about the image it starts nodes from. */
export interface KubeadmNodeImage {
  tag: string;
  etcdTag: string;
  images: ControlPlaneImage[];
}

/**
 * The kubeadm node image's tag, building it first if this recipe (base image, packages,
 * files, binaries) was never built on this Docker engine (~1-2 min after the base).
 */
export async function ensureKubeadmNodeImage(
  tools: KubernetesTools,
  progress: Progress,
): Promise<KubeadmNodeImage> {
  const etcdTag = await etcdImageTag(tools);
  const images = controlPlaneImages(tools, etcdTag);
  const base = await ensureNodeImage(progress);
  const hash = await recipeHash(base, tools, images);
  const tag = `${KUBEADM_NODE_IMAGE_REPOSITORY}:${hash}`;
  if (await imageExists(tag)) {
    progress.debug(`kubeadm node image ${tag} is already built`);
    return { tag, etcdTag, images };
  }
  await withBuildLock(`kubeadm-node-image-${hash}`, tag, progress, async () => {
    if (await imageExists(tag)) return;
    await progress.phase(`Build kubeadm node image ${tag} (over ${base}, ~1-2 min)`, () =>
      buildKubeadmNodeImage({ base, tag, hash, tools, images, etcdTag, progress }),
    );
    await removeOlderKubeadmNodeImages(tag, progress);
  });
  return { tag, etcdTag, images };
}

/** Each recipe's image is ~1 GB: older ones go, unless a container still uses them. */
async function removeOlderKubeadmNodeImages(current: string, progress: Progress): Promise<void> {
  const tags = (
    await docker(['images', KUBEADM_NODE_IMAGE_REPOSITORY, '--format', '{{.Repository}}:{{.Tag}}'])
  ).stdout
    .split('\n')
    .filter((t) => t && t !== current);
  for (const t of tags) {
    const r = await docker(['image', 'rm', t], { allowFailure: true });
    if (r.code === 0) progress.info(`removed the older kubeadm node image ${t}`);
  }
}

/** `a | b`: the first command's stdout into the second's stdin; both must succeed. */
async function pipeCommands(
  from: [string, string[]],
  to: [string, string[]],
  what: string,
): Promise<void> {
  const producer = spawn(from[0], from[1], { stdio: ['ignore', 'pipe', 'pipe'] });
  const errs: Buffer[] = [];
  producer.stderr.on('data', (b: Buffer) => errs.push(b));
  const produced = new Promise<number>((resolve) => producer.on('close', (c) => resolve(c ?? -1)));
  const consumed = runCommand(to[0], to[1], { stdin: producer.stdout, timeoutMs: 600_000 });
  const [code] = await Promise.all([produced, consumed]);
  if (code !== 0) {
    throw new OperationError(
      `${what}: \`${from[0]} ${from[1].join(' ')}\` failed (exit ${code}): ${Buffer.concat(errs).toString().trim()}`,
    );
  }
}

/** A rootfs tar for a control-plane image: the static binaries and the few files Go programs read. */
function imageRootfs(binaries: string[]): Readable {
  const tar = pack();
  const dir = (name: string, mode = 0o755) =>
    tar.entry({ name, type: 'directory', mode, uid: 0, gid: 0 });
  const text = (name: string, body: string) =>
    tar.entry({ name, type: 'file', mode: 0o644, uid: 0, gid: 0 }, body);
  void (async () => {
    try {
      for (const d of ['etc/', 'tmp/', 'usr/', 'usr/local/', 'usr/local/bin/']) {
        dir(d, d === 'tmp/' ? 0o1777 : 0o755);
      }
      text(
        'etc/passwd',
        'root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534::/:/sbin/nologin\n',
      );
      text('etc/group', 'root:x:0:\nnogroup:x:65534:\n');
      text('etc/nsswitch.conf', 'hosts: files dns\n');
      for (const b of binaries) {
        const size = (await stat(b)).size;
        await new Promise<void>((resolve, reject) => {
          const entry = tar.entry(
            { name: `usr/local/bin/${basename(b)}`, mode: 0o755, uid: 0, gid: 0, size },
            (err) => (err ? reject(err) : resolve()),
          );
          createReadStream(b).on('error', reject).pipe(entry);
        });
      }
      tar.finalize();
    } catch (err) {
      tar.destroy(err as Error);
    }
  })();
  return Readable.from(tar);
}

async function buildKubeadmNodeImage(b: {
  base: string;
  tag: string;
  hash: string;
  tools: KubernetesTools;
  images: ControlPlaneImage[];
  etcdTag: string;
  progress: Progress;
}): Promise<void> {
  const { progress } = b;
  const asRoot = await rootAccess(b.tag, "apt-get in a chroot of the node's rootfs");
  const work = await mkdtemp(join(tmpdir(), 'kube-rescue-kubeadm-image-'));
  const rootfs = join(work, 'rootfs');
  const made: string[] = [];
  const label = `kube-rescue.kubeadm-node-image=${b.hash}`;
  try {
    await checkImagesAgainstKubeadm(b.tools, b.images, b.etcdTag, work);
    await mkdir(rootfs);

    progress.info(`unpacking ${b.base} into ${rootfs}`);
    const cid = (await docker(['create', b.base, '/bin/true'])).stdout.trim();
    try {
      await pipeCommands(
        [dockerBinary(), ['export', cid]],
        asRoot('tar', ['-C', rootfs, '--numeric-owner', '-x']),
        `unpacking ${b.base}`,
      );
    } finally {
      await docker(['rm', '-f', cid], { allowFailure: true });
    }

    progress.info(`apt-get install ${PACKAGES.join(' ')} (chroot)`);
    await runCommand(...asRoot('cp', ['/etc/resolv.conf', join(rootfs, 'etc/resolv.conf')]));
    await runCommand(...asRoot('tar', ['-C', rootfs, '-x']), {
      stdin: await nodeFilesArchive(nodeImageFiles()),
    });
    await runCommand(...asRoot('chroot', [rootfs, '/bin/sh', '-c', 'apt-get update -qq']), {
      timeoutMs: 300_000,
    });
    await runCommand(
      ...asRoot('chroot', [
        rootfs,
        '/usr/bin/env',
        'DEBIAN_FRONTEND=noninteractive',
        'apt-get',
        'install',
        '-y',
        '-qq',
        '--no-install-recommends',
        // Our containerd config.toml is in place already: keep it.
        '-o',
        'Dpkg::Options::=--force-confold',
        ...PACKAGES,
      ]),
      { timeoutMs: 600_000, onLine: (l) => progress.debug(l) },
    );
    for (const name of NODE_BINARIES) {
      await runCommand(
        ...asRoot('install', ['-m', '0755', b.tools[name], join(rootfs, 'usr/local/bin', name)]),
      );
    }
    await runCommand(...asRoot('chroot', [rootfs, '/bin/sh', '-s']), {
      stdin: FINISH_SCRIPT,
      timeoutMs: 120_000,
    });

    progress.info(`making ${b.images.map((i) => i.ref).join(', ')} from the built binaries`);
    const archives = join(work, 'images');
    await mkdir(archives);
    for (const image of b.images) {
      await docker(
        [
          'import',
          '--change',
          'ENV PATH=/usr/local/bin:/usr/bin:/bin',
          '--change',
          `LABEL ${label}`,
          ...(image.entrypoint ? ['--change', `ENTRYPOINT ["${image.entrypoint}"]`] : []),
          '-',
          image.ref,
        ],
        { stdin: imageRootfs(image.binaries), timeoutMs: 300_000 },
      );
      made.push(image.ref);
    }
    for (const archive of ['pause', 'control-plane'] as const) {
      const refs = b.images.filter((i) => i.archive === archive).map((i) => i.ref);
      await docker(['save', '-o', join(archives, `${archive}.tar`), ...refs], {
        timeoutMs: 300_000,
      });
    }
    await writeFile(join(archives, 'recipe'), `${b.hash}\n`);
    await runCommand(...asRoot('mkdir', ['-p', join(rootfs, NODE_IMAGES_DIR)]));
    await runCommand(
      ...asRoot('cp', [
        join(archives, 'pause.tar'),
        join(archives, 'control-plane.tar'),
        join(archives, 'recipe'),
        join(rootfs, NODE_IMAGES_DIR),
      ]),
    );

    progress.info(`importing ${rootfs} as ${b.tag}`);
    await pipeCommands(
      asRoot('tar', ['-C', rootfs, '--numeric-owner', '-c', '.']),
      [
        dockerBinary(),
        [
          'import',
          '--change',
          'CMD ["/sbin/init"]',
          '--change',
          'ENV container=docker',
          '--change',
          `LABEL ${label}`,
          '-',
          b.tag,
        ],
      ],
      `importing the kubeadm node rootfs as ${b.tag}`,
    );
  } finally {
    // The control-plane images live on inside the node image's archives.
    if (made.length > 0) await docker(['image', 'rm', ...made], { allowFailure: true });
    await runCommand(...asRoot('rm', ['-rf', '--one-file-system', work]), { allowFailure: true });
    await rm(work, { recursive: true, force: true });
  }
}
