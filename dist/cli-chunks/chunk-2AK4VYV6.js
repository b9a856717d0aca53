#!/usr/bin/env node
import {
  restore
} from "./chunk-BAUJBEHF.js";
import {
  inventoryRecover
} from "./chunk-NUYBRMBR.js";
import {
  builtKubernetesTools
} from "./chunk-OA4YAPLV.js";
import {
  DockerExecNode,
  KUBESPRAY_PATHS,
  KindClusterProvider,
  LocalClusterProvider,
  RUN_LABEL,
  containerSh,
  createClusterNetwork,
  delay,
  docker,
  dockerBinary,
  ensureNodeImage,
  fileSha256,
  holdMachineLock,
  newRun,
  nodeFilesArchive,
  removeLeftovers,
  renderDockerExecInventory,
  rootAccess,
  runCommand,
  runLabels,
  startNodeContainer,
  teardown,
  topology,
  trackLiveRun,
  waitForBoot,
  waitForEtcdHealthy,
  withBuildLock
} from "./chunk-UDH55ROM.js";
import {
  backup
} from "./chunk-DA5H22X5.js";
import {
  SCENARIOS
} from "./chunk-V46ZLIDJ.js";
import {
  CONTROL_PLANE_CONTAINERS,
  kubeadmLayout
} from "./chunk-E33XPV3C.js";
import {
  connectEtcdClient,
  generateIdentity
} from "./chunk-K5JV7D7L.js";
import {
  silentProgress
} from "./chunk-ZZ57F2FG.js";
import {
  InputError,
  OperationError
} from "./chunk-BCQJ3TK4.js";

// harness/rehearsal.ts
import { createHash as createHash5 } from "node:crypto";
import { mkdir as mkdir3, writeFile as writeFile3 } from "node:fs/promises";
import { join as join3 } from "node:path";

// harness/cluster.ts
var HARNESS_PROBE_TIMEOUT_MS = 6e4;
function nodeAccessOf(cluster) {
  if (cluster.provider !== "local") return { transport: "docker", layout: cluster.layout };
  return {
    transport: "ssh",
    sshUser: "root",
    sshKeyFile: cluster.sshKeyPath,
    knownHosts: cluster.knownHostsPath,
    layout: cluster.layout
  };
}

// harness/cluster-memory.ts
var UNITS = {
  B: 1,
  kB: 1e3,
  KiB: 1024,
  MB: 1e3 ** 2,
  MiB: 1024 ** 2,
  GB: 1e3 ** 3,
  GiB: 1024 ** 3
};
function memUsageBytes(cell) {
  const m = /^([\d.]+)\s*([kKMG]?i?B)\b/.exec(cell.trim());
  if (!m) return void 0;
  const unit = UNITS[m[2]];
  return unit === void 0 ? void 0 : Number(m[1]) * unit;
}
async function runMemoryBytes(runId) {
  const ps = await docker(["ps", "-q", "--filter", `label=${RUN_LABEL}=${runId}`], {
    allowFailure: true
  });
  const ids = ps.stdout.split("\n").filter(Boolean);
  if (ids.length === 0) return 0;
  const stats = await docker(["stats", "--no-stream", "--format", "{{.MemUsage}}", ...ids], {
    allowFailure: true,
    timeoutMs: 6e4
  });
  return stats.stdout.split("\n").filter(Boolean).reduce((sum, line) => sum + (memUsageBytes(line) ?? 0), 0);
}
function sampleRunMemory(runId, intervalMs = 5e3) {
  let peak = 0;
  let running = true;
  let wake;
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await runMemoryBytes(runId).catch(() => 0));
      await new Promise((r) => {
        wake = r;
        setTimeout(r, intervalMs);
      });
    }
  })();
  return {
    async stop() {
      running = false;
      wake?.();
      await loop;
      return peak;
    }
  };
}

// harness/data.ts
import { createHash } from "node:crypto";
function openEtcdClient(endpoints, tls) {
  return connectEtcdClient({ endpoints: [...endpoints], tls });
}
var REGISTRY_ROOT = "/registry";
var HARNESS_KEY_ROOT = "/registry/kube-rescue";
var SEED_ROOT_BESIDE_AN_API = `${HARNESS_KEY_ROOT}/seed`;
var SENTINEL_KEY = `${HARNESS_KEY_ROOT}/sentinel`;
var RESOURCES = ["configmaps", "secrets", "pods", "deployments", "services", "events"];
var NAMESPACES = ["default", "kube-system", "payments", "web"];
function registryKey(i, root = REGISTRY_ROOT) {
  const { resource, ns, name } = objectCoordinates(i);
  return `${root}/${resource}/${ns}/${name}`;
}
function objectCoordinates(i) {
  return {
    resource: RESOURCES[i % RESOURCES.length],
    ns: NAMESPACES[Math.floor(i / RESOURCES.length) % NAMESPACES.length],
    name: `obj-${i.toString().padStart(7, "0")}`
  };
}
function objectValue(i, size, seed) {
  const { resource, ns, name } = objectCoordinates(i);
  const head = JSON.stringify({
    kind: resource,
    apiVersion: "v1",
    metadata: {
      name,
      namespace: ns,
      uid: createHash("sha256").update(`${seed}:${i}`).digest("hex").slice(0, 32)
    },
    data: ""
  });
  const out = Buffer.alloc(Math.max(size, head.length), 32);
  out.write(head);
  let block = createHash("sha256").update(`${seed}:${i}:pad`).digest();
  for (let off = head.length; off < out.length; off += block.length) {
    block.copy(out, off, 0, Math.min(block.length, out.length - off));
    block = createHash("sha256").update(block).digest();
  }
  return out;
}
async function seedKeys(client, options) {
  const size = options.valueBytes ?? 1024;
  const seed = options.seed ?? "kube-rescue";
  const batch = options.batch ?? 100;
  const concurrency = options.concurrency ?? 16;
  let bytes = 0;
  let nextBatch = 0;
  const batches = Math.ceil(options.keys / batch);
  const worker = async () => {
    while (nextBatch < batches) {
      const b = nextBatch++;
      const success = [];
      for (let i = b * batch; i < Math.min(options.keys, (b + 1) * batch); i++) {
        const value = objectValue(i, size, seed);
        bytes += value.length;
        success.push({ request_put: { key: Buffer.from(registryKey(i, options.root)), value } });
      }
      await client.kv.txn({ compare: [], success, failure: [] });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches) }, worker));
  const sentinelValue = JSON.stringify({ seed, keys: options.keys, valueBytes: size });
  const put = await client.kv.put({
    key: Buffer.from(SENTINEL_KEY),
    value: Buffer.from(sentinelValue)
  });
  return {
    keys: options.keys,
    bytes,
    sentinelKey: SENTINEL_KEY,
    sentinelValue,
    revision: Number(put.header.revision)
  };
}
function writerKey(prefix, n) {
  return `${prefix}${n.toString().padStart(9, "0")}`;
}
function startBackgroundWriter(client, options = {}) {
  const prefix = options.prefix ?? `${HARNESS_KEY_ROOT}/rpo/`;
  const interval = options.intervalMs ?? 10;
  let last = -1;
  let failures = 0;
  let firstError;
  let running = true;
  const loop = (async () => {
    let n = 0;
    while (running) {
      try {
        await client.kv.put({
          key: Buffer.from(writerKey(prefix, n)),
          value: Buffer.from(String(n))
        });
        last = n;
        n++;
        if (interval > 0) await sleep(interval);
      } catch (err) {
        failures++;
        firstError ??= err.message;
        await sleep(200);
      }
    }
  })();
  return {
    prefix,
    lastAcknowledged: () => last,
    async stop() {
      running = false;
      await loop;
      return { lastAcknowledged: last, failures, firstError };
    }
  };
}
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// harness/faults.ts
var KUBEADM_PKI_DIR = "/etc/kubernetes/pki";
async function stopNode(cluster, node) {
  await cluster.stopNode(node);
  return { fault: "stop-node", node, detail: "node powered off (container stopped)" };
}
async function destroyAndReprovision(cluster, node) {
  await cluster.replaceWithBlankNode(node);
  return {
    fault: "destroy-node",
    node,
    detail: `node destroyed; blank node re-provisioned at ${cluster.node(node).ip}`
  };
}
async function wipeEtcdData(cluster, node) {
  if (cluster.layout === "kubeadm") {
    const layout = kubeadmLayout();
    const t = await cluster.node(node).transport();
    try {
      const stopped = await layout.stopEtcd(t);
      await t.exec(
        [
          "find",
          layout.dataDir,
          "-mindepth",
          "1",
          "-maxdepth",
          "1",
          "-exec",
          "rm",
          "-rf",
          "{}",
          "+"
        ],
        { timeoutMs: 6e4 }
      );
      return { fault: "wipe-etcd-data", node, detail: `${stopped}; ${layout.dataDir} emptied` };
    } finally {
      await t.close();
    }
  }
  const dir = KUBESPRAY_PATHS.etcdDataDir;
  await cluster.node(node).sh(`systemctl stop etcd.service && find ${dir} -mindepth 1 -maxdepth 1 -exec rm -rf {} +`);
  return { fault: "wipe-etcd-data", node, detail: `etcd stopped, ${dir} emptied` };
}
async function deleteCerts(cluster, node) {
  const dirs = cluster.layout === "kubeadm" ? [KUBEADM_PKI_DIR] : [KUBESPRAY_PATHS.etcdCertDir, KUBESPRAY_PATHS.kubeCertDir];
  await cluster.node(node).sh(`rm -rf ${dirs.join(" ")}`);
  return { fault: "delete-certs", node, detail: `removed ${dirs.join(", ")}` };
}

// harness/kubeadm-provider.ts
import { mkdir as mkdir2, writeFile as writeFile2 } from "node:fs/promises";
import { join as join2 } from "node:path";
import { Readable as Readable2 } from "node:stream";

// harness/kubeadm-config.ts
import { randomBytes } from "node:crypto";
import { stringify as stringify2 } from "yaml";

// harness/kubeadm-image.ts
import { spawn } from "node:child_process";
import { createHash as createHash2 } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { pack } from "tar-stream";
import { stringify } from "yaml";
var KUBEADM_NODE_IMAGE_REPOSITORY = "kube-rescue-kubeadm-node";
var IMAGE_REPOSITORY = "kube-rescue.local";
var PAUSE_VERSION = "3.10.2";
var PAUSE_IMAGE = `${IMAGE_REPOSITORY}/pause:${PAUSE_VERSION}`;
var NODE_IMAGES_DIR = "/opt/kube-rescue/images";
var NODE_ROLE_FILE = "/etc/kube-rescue/node-role";
var PACKAGES = [
  "containerd",
  "runc",
  "containernetworking-plugins",
  "iptables",
  "conntrack",
  "ebtables",
  "ethtool",
  "socat",
  "kmod"
];
var FINISH_SCRIPT = `set -eu
dpkg --purge etcd-server etcd-client >/dev/null
rm -f /usr/local/bin/etcd /usr/local/bin/etcdctl /usr/local/bin/etcdutl
systemctl disable ssh.service >/dev/null 2>&1 || true
systemctl enable containerd.service kubelet.service kube-rescue-sysctl.service kube-rescue-images.service >/dev/null 2>&1
rm -f /usr/sbin/policy-rc.d
: >/etc/resolv.conf
apt-get clean
rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin
`;
var CONTAINERD_CONFIG = `version = 2
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
var CRICTL_CONFIG = `runtime-endpoint: unix:///run/containerd/containerd.sock
image-endpoint: unix:///run/containerd/containerd.sock
timeout: 30
`;
var SYSCTL_SCRIPT = `#!/bin/sh
set -eu
mkdir -p /run/kube-rescue-sysctl
for kv in vm/overcommit_memory=1 vm/panic_on_oom=0 kernel/panic=10 kernel/panic_on_oops=1 kernel/keys/root_maxkeys=1000000 kernel/keys/root_maxbytes=25000000; do
  key=\${kv%=*}
  file=/run/kube-rescue-sysctl/$(echo "$key" | tr / .)
  echo "\${kv#*=}" >"$file"
  mountpoint -q "/proc/sys/$key" || mount --bind "$file" "/proc/sys/$key"
done
`;
var SYSCTL_UNIT = `[Unit]
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
var IMAGES_SCRIPT = `#!/bin/sh
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
var IMAGES_UNIT = `[Unit]
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
var KUBELET_UNIT = `[Unit]
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
var KUBELET_KUBEADM_DROPIN = `[Service]
Environment="KUBELET_KUBECONFIG_ARGS=--bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf"
Environment="KUBELET_CONFIG_ARGS=--config=/var/lib/kubelet/config.yaml"
EnvironmentFile=-/var/lib/kubelet/kubeadm-flags.env
EnvironmentFile=-/etc/default/kubelet
ExecStart=
ExecStart=/usr/local/bin/kubelet $KUBELET_KUBECONFIG_ARGS $KUBELET_CONFIG_ARGS $KUBELET_KUBEADM_ARGS $KUBELET_EXTRA_ARGS
`;
var RECIPE_VERSION = 1;
function nodeImageFiles() {
  const file = (path, content, mode = 420) => ({
    path,
    type: "file",
    content,
    mode
  });
  return [
    file("/etc/containerd/config.toml", CONTAINERD_CONFIG),
    file("/etc/crictl.yaml", CRICTL_CONFIG),
    file("/usr/local/sbin/kube-rescue-sysctl", SYSCTL_SCRIPT, 493),
    file("/etc/systemd/system/kube-rescue-sysctl.service", SYSCTL_UNIT),
    file("/usr/local/sbin/kube-rescue-images", IMAGES_SCRIPT, 493),
    file("/etc/systemd/system/kube-rescue-images.service", IMAGES_UNIT),
    file("/etc/systemd/system/kubelet.service", KUBELET_UNIT),
    file("/etc/systemd/system/kubelet.service.d/10-kubeadm.conf", KUBELET_KUBEADM_DROPIN),
    // Keeps apt's maintainer scripts from starting services inside the chroot.
    file("/usr/sbin/policy-rc.d", "#!/bin/sh\nexit 101\n", 493)
  ];
}
async function etcdImageTag(tools) {
  const out = (await runCommand(tools.etcd, ["--version"])).stdout;
  const m = /etcd Version:\s*(\d+\.\d+\.\d+)/.exec(out);
  if (!m) {
    throw new OperationError(`Cannot read the version of ${tools.etcd} from: ${out.trim()}`);
  }
  return `${m[1]}-0`;
}
function controlPlaneImages(tools, etcdTag) {
  const k8s = (name, binary) => ({
    ref: `${IMAGE_REPOSITORY}/${name}:${tools.version}`,
    binaries: [binary],
    archive: "control-plane"
  });
  return [
    k8s("kube-apiserver", tools.kubeApiserver),
    k8s("kube-controller-manager", tools.kubeControllerManager),
    k8s("kube-scheduler", tools.kubeScheduler),
    {
      ref: `${IMAGE_REPOSITORY}/etcd:${etcdTag}`,
      // etcdctl and etcdutl too: backup and restore run them in this image on a node without etcd tools.
      binaries: [tools.etcd, tools.etcdctl, tools.etcdutl],
      archive: "control-plane"
    },
    {
      ref: PAUSE_IMAGE,
      binaries: [tools.pause],
      archive: "pause",
      entrypoint: "/usr/local/bin/pause"
    }
  ];
}
function imageSettings(etcdTag) {
  return {
    imageRepository: IMAGE_REPOSITORY,
    etcd: { local: { imageRepository: IMAGE_REPOSITORY, imageTag: etcdTag } },
    dns: { disabled: true },
    proxy: { disabled: true }
  };
}
async function checkImagesAgainstKubeadm(tools, images, etcdTag, workDir) {
  const config = join(workDir, "images.yaml");
  await writeFile(
    config,
    stringify({
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "ClusterConfiguration",
      kubernetesVersion: tools.version,
      ...imageSettings(etcdTag)
    })
  );
  const listed = (await runCommand(tools.kubeadm, ["config", "images", "list", "--config", config])).stdout.split("\n").map((l) => l.trim()).filter(Boolean).sort();
  const ours = images.map((i) => i.ref).sort();
  if (JSON.stringify(listed) !== JSON.stringify(ours)) {
    throw new OperationError(
      `kubeadm ${tools.version} expects the images ${listed.join(", ")}, but the harness makes ${ours.join(", ")}. Update controlPlaneImages() in harness/kubeadm-image.ts (PAUSE_VERSION, the etcd tag) to match.`
    );
  }
}
var NODE_BINARIES = ["kubeadm", "kubelet", "kubectl", "crictl"];
async function recipeHash(base, tools, images) {
  const binaries = await Promise.all(
    [...NODE_BINARIES.map((b) => tools[b]), ...images.flatMap((i) => i.binaries)].map(
      async (p) => `${basename(p)}=${await fileSha256(p)}`
    )
  );
  return createHash2("sha256").update(
    JSON.stringify({
      RECIPE_VERSION,
      base,
      PACKAGES,
      FINISH_SCRIPT,
      files: nodeImageFiles(),
      images: images.map((i) => [i.ref, i.archive, i.entrypoint]),
      binaries
    })
  ).digest("hex").slice(0, 12);
}
async function imageExists(tag) {
  const r = await docker(["image", "inspect", "--format", "{{.Id}}", tag], { allowFailure: true });
  return r.code === 0;
}
async function ensureKubeadmNodeImage(tools, progress) {
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
    await progress.phase(
      `Build kubeadm node image ${tag} (over ${base}, ~1-2 min)`,
      () => buildKubeadmNodeImage({ base, tag, hash, tools, images, etcdTag, progress })
    );
    await removeOlderKubeadmNodeImages(tag, progress);
  });
  return { tag, etcdTag, images };
}
async function removeOlderKubeadmNodeImages(current, progress) {
  const tags = (await docker(["images", KUBEADM_NODE_IMAGE_REPOSITORY, "--format", "{{.Repository}}:{{.Tag}}"])).stdout.split("\n").filter((t) => t && t !== current);
  for (const t of tags) {
    const r = await docker(["image", "rm", t], { allowFailure: true });
    if (r.code === 0) progress.info(`removed the older kubeadm node image ${t}`);
  }
}
async function pipeCommands(from, to, what) {
  const producer = spawn(from[0], from[1], { stdio: ["ignore", "pipe", "pipe"] });
  const errs = [];
  producer.stderr.on("data", (b) => errs.push(b));
  const produced = new Promise((resolve) => producer.on("close", (c) => resolve(c ?? -1)));
  const consumed = runCommand(to[0], to[1], { stdin: producer.stdout, timeoutMs: 6e5 });
  const [code] = await Promise.all([produced, consumed]);
  if (code !== 0) {
    throw new OperationError(
      `${what}: \`${from[0]} ${from[1].join(" ")}\` failed (exit ${code}): ${Buffer.concat(errs).toString().trim()}`
    );
  }
}
function imageRootfs(binaries) {
  const tar = pack();
  const dir = (name, mode = 493) => tar.entry({ name, type: "directory", mode, uid: 0, gid: 0 });
  const text = (name, body) => tar.entry({ name, type: "file", mode: 420, uid: 0, gid: 0 }, body);
  void (async () => {
    try {
      for (const d of ["etc/", "tmp/", "usr/", "usr/local/", "usr/local/bin/"]) {
        dir(d, d === "tmp/" ? 1023 : 493);
      }
      text(
        "etc/passwd",
        "root:x:0:0:root:/root:/sbin/nologin\nnobody:x:65534:65534::/:/sbin/nologin\n"
      );
      text("etc/group", "root:x:0:\nnogroup:x:65534:\n");
      text("etc/nsswitch.conf", "hosts: files dns\n");
      for (const b of binaries) {
        const size = (await stat(b)).size;
        await new Promise((resolve, reject) => {
          const entry2 = tar.entry(
            { name: `usr/local/bin/${basename(b)}`, mode: 493, uid: 0, gid: 0, size },
            (err) => err ? reject(err) : resolve()
          );
          createReadStream(b).on("error", reject).pipe(entry2);
        });
      }
      tar.finalize();
    } catch (err) {
      tar.destroy(err);
    }
  })();
  return Readable.from(tar);
}
async function buildKubeadmNodeImage(b) {
  const { progress } = b;
  const asRoot = await rootAccess(b.tag, "apt-get in a chroot of the node's rootfs");
  const work = await mkdtemp(join(tmpdir(), "kube-rescue-kubeadm-image-"));
  const rootfs = join(work, "rootfs");
  const made = [];
  const label = `kube-rescue.kubeadm-node-image=${b.hash}`;
  try {
    await checkImagesAgainstKubeadm(b.tools, b.images, b.etcdTag, work);
    await mkdir(rootfs);
    progress.info(`unpacking ${b.base} into ${rootfs}`);
    const cid = (await docker(["create", b.base, "/bin/true"])).stdout.trim();
    try {
      await pipeCommands(
        [dockerBinary(), ["export", cid]],
        asRoot("tar", ["-C", rootfs, "--numeric-owner", "-x"]),
        `unpacking ${b.base}`
      );
    } finally {
      await docker(["rm", "-f", cid], { allowFailure: true });
    }
    progress.info(`apt-get install ${PACKAGES.join(" ")} (chroot)`);
    await runCommand(...asRoot("cp", ["/etc/resolv.conf", join(rootfs, "etc/resolv.conf")]));
    await runCommand(...asRoot("tar", ["-C", rootfs, "-x"]), {
      stdin: await nodeFilesArchive(nodeImageFiles())
    });
    await runCommand(...asRoot("chroot", [rootfs, "/bin/sh", "-c", "apt-get update -qq"]), {
      timeoutMs: 3e5
    });
    await runCommand(
      ...asRoot("chroot", [
        rootfs,
        "/usr/bin/env",
        "DEBIAN_FRONTEND=noninteractive",
        "apt-get",
        "install",
        "-y",
        "-qq",
        "--no-install-recommends",
        // Our containerd config.toml is in place already: keep it.
        "-o",
        "Dpkg::Options::=--force-confold",
        ...PACKAGES
      ]),
      { timeoutMs: 6e5, onLine: (l) => progress.debug(l) }
    );
    for (const name of NODE_BINARIES) {
      await runCommand(
        ...asRoot("install", ["-m", "0755", b.tools[name], join(rootfs, "usr/local/bin", name)])
      );
    }
    await runCommand(...asRoot("chroot", [rootfs, "/bin/sh", "-s"]), {
      stdin: FINISH_SCRIPT,
      timeoutMs: 12e4
    });
    progress.info(`making ${b.images.map((i) => i.ref).join(", ")} from the built binaries`);
    const archives = join(work, "images");
    await mkdir(archives);
    for (const image of b.images) {
      await docker(
        [
          "import",
          "--change",
          "ENV PATH=/usr/local/bin:/usr/bin:/bin",
          "--change",
          `LABEL ${label}`,
          ...image.entrypoint ? ["--change", `ENTRYPOINT ["${image.entrypoint}"]`] : [],
          "-",
          image.ref
        ],
        { stdin: imageRootfs(image.binaries), timeoutMs: 3e5 }
      );
      made.push(image.ref);
    }
    for (const archive of ["pause", "control-plane"]) {
      const refs = b.images.filter((i) => i.archive === archive).map((i) => i.ref);
      await docker(["save", "-o", join(archives, `${archive}.tar`), ...refs], {
        timeoutMs: 3e5
      });
    }
    await writeFile(join(archives, "recipe"), `${b.hash}
`);
    await runCommand(...asRoot("mkdir", ["-p", join(rootfs, NODE_IMAGES_DIR)]));
    await runCommand(
      ...asRoot("cp", [
        join(archives, "pause.tar"),
        join(archives, "control-plane.tar"),
        join(archives, "recipe"),
        join(rootfs, NODE_IMAGES_DIR)
      ])
    );
    progress.info(`importing ${rootfs} as ${b.tag}`);
    await pipeCommands(
      asRoot("tar", ["-C", rootfs, "--numeric-owner", "-c", "."]),
      [
        dockerBinary(),
        [
          "import",
          "--change",
          'CMD ["/sbin/init"]',
          "--change",
          "ENV container=docker",
          "--change",
          `LABEL ${label}`,
          "-",
          b.tag
        ]
      ],
      `importing the kubeadm node rootfs as ${b.tag}`
    );
  } finally {
    if (made.length > 0) await docker(["image", "rm", ...made], { allowFailure: true });
    await runCommand(...asRoot("rm", ["-rf", "--one-file-system", work]), { allowFailure: true });
    await rm(work, { recursive: true, force: true });
  }
}

// harness/kubeadm-config.ts
var API_SERVER_HOST = "kube-rescue-api";
var API_SERVER_PORT = 6443;
var CRI_SOCKET = "unix:///run/containerd/containerd.sock";
var KUBEADM_CONFIG_PATH = "/etc/kubernetes/kubeadm.yaml";
var IGNORED_PREFLIGHT_ERRORS = ["SystemVerification"];
function newJoinSecrets() {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const pick = (n) => Array.from(randomBytes(n), (b) => alphabet[b % alphabet.length]).join("");
  return { token: `${pick(6)}.${pick(16)}`, certificateKey: randomBytes(32).toString("hex") };
}
var TIMEOUTS = {
  controlPlaneComponentHealthCheck: "10m0s",
  kubeletHealthCheck: "10m0s",
  kubernetesAPICall: "5m0s",
  etcdAPICall: "5m0s",
  tlsBootstrap: "10m0s",
  discovery: "10m0s"
};
function nodeRegistration(node) {
  return {
    name: node.name,
    criSocket: CRI_SOCKET,
    // Every image is in the node's containerd already; a pull could only fail.
    imagePullPolicy: "Never",
    ignorePreflightErrors: IGNORED_PREFLIGHT_ERRORS,
    // No default route on the internal network: say which address is the node's.
    kubeletExtraArgs: [
      { name: "node-ip", value: node.ip },
      ...node.cgroupRoot ? [{ name: "cgroup-root", value: node.cgroupRoot }] : []
    ]
  };
}
var controlPlaneEndpoint = `${API_SERVER_HOST}:${API_SERVER_PORT}`;
function clusterConfiguration(c) {
  return {
    apiVersion: "kubeadm.k8s.io/v1beta4",
    kind: "ClusterConfiguration",
    clusterName: c.clusterName,
    kubernetesVersion: c.kubernetesVersion,
    controlPlaneEndpoint,
    ...imageSettings(c.etcdImageTag),
    etcd: {
      local: {
        ...imageSettings(c.etcdImageTag).etcd.local,
        // The Kubespray-like nodes' values: etcd's defaults flap on a loaded 2-core machine.
        extraArgs: [
          { name: "heartbeat-interval", value: "250" },
          { name: "election-timeout", value: "5000" }
        ]
      }
    },
    networking: { serviceSubnet: "10.96.0.0/16", dnsDomain: "cluster.local" },
    apiServer: { certSANs: [API_SERVER_HOST, ...c.controlPlane.map((n) => n.ip)] }
  };
}
function kubeletConfiguration() {
  return {
    apiVersion: "kubelet.config.k8s.io/v1beta1",
    kind: "KubeletConfiguration",
    cgroupDriver: "cgroupfs",
    failCgroupV1: false,
    failSwapOn: false,
    evictionHard: {
      "nodefs.available": "0%",
      "nodefs.inodesFree": "0%",
      "imagefs.available": "0%"
    },
    imageGCHighThresholdPercent: 100,
    // kubeadm's documented way to a signed serving certificate: each kubelet asks for one
    // (a kubernetes.io/kubelet-serving CSR) that stays Pending until someone approves it, as
    // on a real cluster where a restore must approve them (the runbook's "pending CSRs").
    serverTLSBootstrap: true
  };
}
var documents = (...docs) => docs.map((d) => stringify2(d)).join("---\n");
function renderInitConfig(c) {
  const first = c.controlPlane[0];
  return documents(
    {
      apiVersion: "kubeadm.k8s.io/v1beta4",
      kind: "InitConfiguration",
      bootstrapTokens: [
        {
          token: c.secrets.token,
          ttl: "24h0m0s",
          usages: ["signing", "authentication"],
          groups: ["system:bootstrappers:kubeadm:default-node-token"]
        }
      ],
      certificateKey: c.secrets.certificateKey,
      localAPIEndpoint: { advertiseAddress: first.ip, bindPort: API_SERVER_PORT },
      nodeRegistration: nodeRegistration(first),
      timeouts: TIMEOUTS
    },
    clusterConfiguration(c),
    kubeletConfiguration()
  );
}
function renderJoinConfig(c, node, opts) {
  return documents({
    apiVersion: "kubeadm.k8s.io/v1beta4",
    kind: "JoinConfiguration",
    discovery: {
      bootstrapToken: {
        apiServerEndpoint: controlPlaneEndpoint,
        token: c.secrets.token,
        caCertHashes: [opts.caCertHash]
      }
    },
    ...opts.controlPlane ? {
      controlPlane: {
        localAPIEndpoint: { advertiseAddress: node.ip, bindPort: API_SERVER_PORT },
        certificateKey: c.secrets.certificateKey
      }
    } : {},
    nodeRegistration: nodeRegistration(node),
    timeouts: TIMEOUTS
  });
}
function renderCniConfig(podSubnet) {
  return `${JSON.stringify(
    {
      cniVersion: "1.0.0",
      name: "kube-rescue",
      plugins: [
        {
          type: "bridge",
          bridge: "cni0",
          isGateway: true,
          ipMasq: false,
          hairpinMode: true,
          ipam: { type: "host-local", ranges: [[{ subnet: podSubnet }]] }
        }
      ]
    },
    null,
    2
  )}
`;
}

// harness/kubeadm-faults.ts
var WAIT_ETCD_GONE = [
  'for i in $(seq 1 120); do crictl ps -q --name "^etcd$" | grep -q . || break; sleep 1; done',
  'if crictl ps -q --name "^etcd$" | grep -q .; then echo "etcd still runs after 120 s" >&2; exit 1; fi'
].join("\n");
function blankKubeadmNodeScript() {
  return [
    "set -e",
    "rm -f /etc/kubernetes/manifests/*.yaml",
    WAIT_ETCD_GONE,
    // The rest of the control plane goes too before the kubelet stops (a new node runs none).
    `for i in $(seq 1 60); do crictl ps -q --name '${CONTROL_PLANE_CONTAINERS}' | grep -q . || break; sleep 1; done`,
    "systemctl stop kubelet",
    "rm -rf /var/lib/etcd/* /etc/kubernetes/pki /var/lib/kubelet/pki",
    "rm -f /etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf /etc/kubernetes/kubelet.conf",
    "rm -f /var/lib/kubelet/config.yaml /var/lib/kubelet/kubeadm-flags.env",
    "systemctl start kubelet"
  ].join("\n");
}

// harness/kubeadm-provider.ts
var KUBEADM_BOOT_TIMEOUT_MS = 5 * 6e4;
var KUBEADM_ETCD_PKI = "/etc/kubernetes/pki/etcd";
var KubeadmNode = class extends DockerExecNode {
  constructor(name, ip, roles, containerName = name) {
    super(name, ip, roles, roles.includes("etcd") ? name : void 0, "kubeadm", containerName);
  }
};
function kubectl(binary, kubeconfig, args, opts = {}) {
  return runCommand(binary, ["--kubeconfig", kubeconfig, ...args], {
    timeoutMs: opts.timeoutMs ?? 6e4,
    allowFailure: opts.allowFailure
  });
}
var KubeadmCluster = class {
  constructor(run, topology2, nodes, inventoryPath, kubeconfigPath, kubectlPath, etcdEndpoints, tls, startupSeconds) {
    this.run = run;
    this.topology = topology2;
    this.nodes = nodes;
    this.inventoryPath = inventoryPath;
    this.kubeconfigPath = kubeconfigPath;
    this.kubectlPath = kubectlPath;
    this.etcdEndpoints = etcdEndpoints;
    this.tls = tls;
    this.startupSeconds = startupSeconds;
  }
  run;
  topology;
  nodes;
  inventoryPath;
  kubeconfigPath;
  kubectlPath;
  etcdEndpoints;
  tls;
  startupSeconds;
  provider = "kubeadm";
  layout = "kubeadm";
  sshKeyPath = "";
  knownHostsPath = "";
  stopped = false;
  get name() {
    return this.run.name;
  }
  get runId() {
    return this.run.runId;
  }
  get workDir() {
    return this.run.workDir;
  }
  node(name) {
    const n = this.nodes.find((x) => x.name === name);
    if (!n) {
      throw new InputError(
        `Cluster ${this.name} has no node "${name}"; its nodes are ${this.nodes.map((x) => x.name).join(", ")}.`
      );
    }
    return n;
  }
  /** The Kubernetes-level checks run the built kubectl on the host with the run's admin kubeconfig. */
  get kubernetes() {
    return { kubectl: [this.kubectlPath, "--kubeconfig", this.kubeconfigPath] };
  }
  /** `kubectl --kubeconfig <admin.conf> …` from the host; throws with kubectl's stderr. */
  kubectl(args, opts = {}) {
    return kubectl(this.kubectlPath, this.kubeconfigPath, args, opts);
  }
  async stopNode(name) {
    await docker(["stop", "-t", "20", this.node(name).containerName]);
  }
  async startNode(name) {
    const n = this.node(name);
    await docker(["start", n.containerName]);
    await waitForBoot(n.containerName, n.name, KUBEADM_BOOT_TIMEOUT_MS);
  }
  /** The node's control-plane state wiped in place (kubeadm-faults.ts), as kind does it. */
  async replaceWithBlankNode(name) {
    await this.node(name).sh(blankKubeadmNodeScript(), { timeoutMs: 18e4 });
  }
  async disconnectNode(name) {
    await docker(["network", "disconnect", this.run.network.name, this.node(name).containerName]);
  }
  async reconnectNode(name) {
    const n = this.node(name);
    await docker(["network", "connect", "--ip", n.ip, this.run.network.name, n.containerName]);
  }
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await teardown(this.run.runId, this.run.workDir);
    } finally {
      await releaseSlot(this.run.runId);
    }
  }
  async [Symbol.asyncDispose]() {
    await this.stop();
  }
};
function kubeadmClusterLimit() {
  const raw = process.env.KUBE_RESCUE_KUBEADM_CLUSTERS;
  if (raw === void 0 || raw === "") return void 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError(
      `KUBE_RESCUE_KUBEADM_CLUSTERS is '${raw}': give a whole number of at least 1 (how many kubeadm clusters may run at once), or leave it unset for no limit.`
    );
  }
  return n;
}
var slotReleases = /* @__PURE__ */ new Map();
async function releaseSlot(runId) {
  const release = slotReleases.get(runId);
  slotReleases.delete(runId);
  await release?.();
}
async function holdKubeadmSlot(progress) {
  const slots = kubeadmClusterLimit();
  if (slots === void 0) return void 0;
  const timeoutMs = 60 * 6e4;
  return holdMachineLock("kubeadm-cluster", progress, {
    slots,
    timeoutMs,
    waiting: (owners) => `${slots} kubeadm cluster(s) already run on this machine (KUBE_RESCUE_KUBEADM_CLUSTERS=${slots}: ${owners}); waiting for one to stop`,
    timedOut: (owners, locks) => `Waited ${timeoutMs / 6e4} min for one of the ${slots} kubeadm cluster(s) on this machine to stop (${owners}); remove ${locks} if none runs, or raise KUBE_RESCUE_KUBEADM_CLUSTERS.`
  });
}
var KUBEADM_DEFAULT_TOPOLOGY = "stacked3-worker";
function checkKubeadmTopology(t) {
  for (const n of t.nodes) {
    if (n.roles.includes("etcd") && !n.roles.includes("control-plane")) {
      throw new InputError(
        `Topology ${t.name} puts etcd on worker ${n.name}; kubeadm runs etcd only on control-plane nodes. Use the local provider for this topology.`
      );
    }
  }
  if (!t.nodes.some((n) => n.roles.includes("control-plane"))) {
    throw new InputError(`Topology ${t.name} has no control-plane node; kubeadm needs one.`);
  }
}
async function nodeStep(node, what, script, progress, timeoutMs = 15 * 6e4) {
  const r = await containerSh(node.containerName, script, { allowFailure: true, timeoutMs });
  const output = `${r.stdout}${r.stderr}`;
  for (const line of output.split("\n")) if (line.trim()) progress.debug(`${node.name}: ${line}`);
  if (r.code !== 0) {
    const kubelet = await containerSh(
      node.containerName,
      "journalctl -u kubelet --no-pager -n 15 2>/dev/null; crictl ps -a 2>/dev/null | head -20",
      { allowFailure: true }
    );
    throw new OperationError(
      `${what} on node ${node.name} failed (exit ${r.code}):
${output.trim().split("\n").slice(-25).join("\n")}
--- kubelet and containers on ${node.name}:
${kubelet.stdout.trim()}`
    );
  }
  return output;
}
async function nodeCgroupRoot(node, progress) {
  const out = await nodeStep(
    node,
    "reading the node's cgroup",
    "awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3}' /proc/1/cgroup | sed 's#/init\\.scope$##'",
    progress,
    3e4
  );
  const root = out.trim();
  if (!root.startsWith("/") || root === "/") {
    throw new OperationError(
      `Node ${node.name}: the kubeadm provider needs the host's cgroup v1 hierarchy with the node in a cgroup of its own (the memory line of /proc/1/cgroup), and found "${root}". On a cgroup v2 host use the kind provider.`
    );
  }
  return root;
}
async function writeNodeFile(node, path, content) {
  await docker(
    [
      "exec",
      "-i",
      node.containerName,
      "sh",
      "-c",
      `umask 077; mkdir -p "$(dirname ${path})"; cat >${path}`
    ],
    {
      stdin: content
    }
  );
}
async function waitFor(timeoutMs, check, describe) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const v = await check().catch(() => void 0);
    if (v !== void 0) return v;
    if (Date.now() > deadline) throw new OperationError(await describe());
    await delay(2e3);
  }
}
var KubeadmClusterProvider = class {
  name = "kubeadm";
  async start(which = KUBEADM_DEFAULT_TOPOLOGY, options = {}) {
    const progress = options.progress ?? silentProgress;
    const t = typeof which === "string" ? topology(which) : which;
    checkKubeadmTopology(t);
    const tools = await builtKubernetesTools();
    const slot = await holdKubeadmSlot(progress);
    try {
      const t0 = Date.now();
      await removeLeftovers(progress);
      const image = await ensureKubeadmNodeImage(tools, progress);
      const { runId, name, workDir } = await newRun();
      trackLiveRun(runId, () => teardown(runId, workDir));
      try {
        const cluster = await progress.phase(
          `Start kubeadm cluster ${name} (Kubernetes ${tools.version}, etcd ${image.etcdTag}, ${t.nodes.length} nodes)`,
          () => this.startIn(t, tools, image, {
            runId,
            name,
            workDir,
            progress,
            t0,
            nodeNames: options.nodeNames ?? "container",
            preseedPki: options.preseedPki
          })
        );
        if (slot) slotReleases.set(runId, slot);
        return cluster;
      } catch (err) {
        await teardown(runId, workDir).catch(
          (e) => progress.warn(`cleanup of ${name} failed: ${e.message}`)
        );
        throw err;
      }
    } catch (err) {
      await slot?.();
      throw err;
    }
  }
  async startIn(t, tools, image, ctx) {
    const { progress, name } = ctx;
    const network = await createClusterNetwork(name, runLabels(ctx.runId));
    const run = { ...ctx, image: image.tag, network };
    const nodes = t.nodes.map((n, i) => {
      const container = `${name}-${n.name}`;
      return new KubeadmNode(
        ctx.nodeNames === "topology" ? n.name : container,
        `${network.prefix}.${11 + i}`,
        [...n.roles],
        container
      );
    });
    const controlPlane = nodes.filter((n) => n.roles.includes("control-plane"));
    const workers = nodes.filter((n) => !n.roles.includes("control-plane"));
    const [first] = controlPlane;
    const config = {
      clusterName: name,
      kubernetesVersion: tools.version,
      etcdImageTag: image.etcdTag,
      controlPlane: controlPlane.map((n) => ({ name: n.name, ip: n.ip })),
      secrets: newJoinSecrets()
    };
    progress.secret(config.secrets.token);
    progress.secret(config.secrets.certificateKey);
    const cgroupRoots = /* @__PURE__ */ new Map();
    await Promise.all(
      nodes.map(async (n, i) => {
        const files = [
          { path: "/etc/kube-rescue", type: "directory", mode: 493 },
          {
            path: NODE_ROLE_FILE,
            type: "file",
            content: n.roles.includes("control-plane") ? "control-plane\n" : "worker\n",
            mode: 420
          },
          { path: "/etc/cni/net.d", type: "directory", mode: 493 },
          {
            path: "/etc/cni/net.d/10-kube-rescue.conflist",
            type: "file",
            content: renderCniConfig(`10.244.${i + 1}.0/24`),
            mode: 420
          }
        ];
        await startNodeContainer({
          image: image.tag,
          containerName: n.containerName,
          hostname: n.name,
          network: network.name,
          ip: n.ip,
          labels: { ...runLabels(ctx.runId), "kube-rescue.harness.node": n.name },
          files: Readable2.from([await nodeFilesArchive(files)]),
          // containerd's overlayfs cannot mount on the node's own overlay root.
          volumes: ["/var/lib/containerd"],
          devices: ["/dev/kmsg"],
          sysctls: { "net.ipv4.ip_forward": "1" },
          extraHosts: [{ host: API_SERVER_HOST, ipAddress: first.ip }]
        });
        await waitForBoot(n.containerName, n.name, KUBEADM_BOOT_TIMEOUT_MS);
        await nodeStep(
          n,
          "importing the control-plane images",
          "systemctl start kube-rescue-images.service",
          progress,
          5 * 6e4
        );
        cgroupRoots.set(n.name, await nodeCgroupRoot(n, progress));
        progress.debug(`node ${n.name} booted at ${n.ip}, images imported`);
      })
    );
    const nodeConfig = (n) => ({
      name: n.name,
      ip: n.ip,
      cgroupRoot: cgroupRoots.get(n.name)
    });
    if (ctx.preseedPki) {
      const seed = ctx.preseedPki;
      await progress.phase(
        `Pre-seed CA files on ${first.name} before kubeadm init`,
        () => seed({ name: first.name, ip: first.ip, containerName: first.containerName })
      );
    }
    await writeNodeFile(
      first,
      KUBEADM_CONFIG_PATH,
      renderInitConfig({
        ...config,
        controlPlane: [nodeConfig(first), ...config.controlPlane.slice(1)]
      })
    );
    await progress.phase(
      `kubeadm init on ${first.name}`,
      () => nodeStep(
        first,
        "kubeadm init",
        `kubeadm init --config ${KUBEADM_CONFIG_PATH} --upload-certs 2>&1`,
        progress
      )
    );
    const caCertHash = `sha256:${(await nodeStep(
      first,
      "hashing the cluster CA",
      'openssl x509 -pubkey -noout -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der | sha256sum | cut -d" " -f1',
      progress,
      3e4
    )).trim()}`;
    const joinNode = (n, controlPlaneNode) => progress.phase(
      `kubeadm join${controlPlaneNode ? " --control-plane" : ""} on ${n.name}`,
      async () => {
        await writeNodeFile(
          n,
          KUBEADM_CONFIG_PATH,
          renderJoinConfig(config, nodeConfig(n), { controlPlane: controlPlaneNode, caCertHash })
        );
        await nodeStep(
          n,
          "kubeadm join",
          `kubeadm join --config ${KUBEADM_CONFIG_PATH} 2>&1`,
          progress
        );
      }
    );
    await Promise.all([
      (async () => {
        for (const n of controlPlane.slice(1)) await joinNode(n, true);
      })(),
      ...workers.map((n) => joinNode(n, false))
    ]);
    const kubeconfigPath = join2(ctx.workDir, "kubeconfig");
    const adminConf = await docker([
      "exec",
      first.containerName,
      "cat",
      "/etc/kubernetes/admin.conf"
    ]);
    await writeFile2(
      kubeconfigPath,
      adminConf.stdout.replace(
        `https://${API_SERVER_HOST}:${API_SERVER_PORT}`,
        `https://${first.ip}:${API_SERVER_PORT}`
      ),
      { mode: 384 }
    );
    const pkiDir = join2(ctx.workDir, "pki");
    await mkdir2(pkiDir, { mode: 448 });
    for (const f of ["ca.crt", "healthcheck-client.crt", "healthcheck-client.key"]) {
      await docker(["cp", `${first.containerName}:${KUBEADM_ETCD_PKI}/${f}`, join2(pkiDir, f)]);
    }
    const tls = {
      cacert: join2(pkiDir, "ca.crt"),
      cert: join2(pkiDir, "healthcheck-client.crt"),
      key: join2(pkiDir, "healthcheck-client.key")
    };
    const etcdEndpoints = controlPlane.map((n) => `https://${n.ip}:2379`);
    const namedTopology = {
      name: t.name,
      nodes: nodes.map((n) => ({ name: n.name, roles: [...n.roles] }))
    };
    const inventoryPath = join2(ctx.workDir, "hosts.ini");
    await writeFile2(
      inventoryPath,
      renderDockerExecInventory(
        nodes,
        ctx.nodeNames === "topology" ? `Inventory of kubeadm harness cluster ${name} (kubeadm layout; nodes named after the topology, containers ${name}-<node>)` : `Inventory of kubeadm harness cluster ${name} (kubeadm layout; reach nodes with --transport docker)`
      )
    );
    const api = (args, opts) => kubectl(tools.kubectl, kubeconfigPath, args, opts);
    await progress.phase("Wait for /readyz and every node Ready", async () => {
      await waitFor(
        5 * 6e4,
        async () => {
          const r = await api(["get", "--raw", "/readyz"], { allowFailure: true });
          return r.code === 0 && r.stdout.trim() === "ok" ? true : void 0;
        },
        async () => {
          const r = await api(["get", "--raw", "/readyz?verbose"], {
            allowFailure: true
          });
          return `The API server of ${name} (${first.ip}:${API_SERVER_PORT}) did not answer /readyz with ok in 5 min: ${`${r.stdout}${r.stderr}`.trim()}`;
        }
      );
      await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 12e4 });
      await waitFor(
        5 * 6e4,
        async () => notReadyNodes(await nodeList(api), nodes).length === 0 ? true : void 0,
        async () => {
          const list = await nodeList(api).catch(() => ({ items: [] }));
          return `Nodes of ${name} not Ready after 5 min: ${notReadyNodes(list, nodes).join("; ")}.`;
        }
      );
    });
    const startupSeconds = (Date.now() - ctx.t0) / 1e3;
    progress.info(`kubeadm cluster ${name} ready in ${startupSeconds.toFixed(1)} s`);
    return new KubeadmCluster(
      run,
      namedTopology,
      nodes,
      inventoryPath,
      kubeconfigPath,
      tools.kubectl,
      etcdEndpoints,
      tls,
      startupSeconds
    );
  }
};
async function nodeList(api) {
  return JSON.parse((await api(["get", "nodes", "-o", "json"])).stdout);
}
function notReadyNodes(list, expected) {
  return expected.flatMap((n) => {
    const item = list.items.find((i) => i.metadata.name === n.name);
    if (!item) return [`${n.name}: not registered`];
    const ready = item.status?.conditions?.find((c) => c.type === "Ready");
    return ready?.status === "True" ? [] : [`${n.name}: ${ready?.message ?? "no Ready condition"}`];
  });
}

// harness/index.ts
function clusterProvider(name) {
  if (name === "local") return new LocalClusterProvider();
  if (name === "kind") return new KindClusterProvider();
  if (name === "kubeadm") return new KubeadmClusterProvider();
  throw new InputError(
    `Unknown cluster provider "${String(name)}". Expected local, kind or kubeadm.`
  );
}

// harness/k8s-objects.ts
import { createHash as createHash3, randomBytes as randomBytes2 } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
function kubectl2(api, args, opts = {}) {
  const [file, ...prefix] = api.kubectl;
  return runCommand(file, [...prefix, ...args], {
    stdin: opts.stdin,
    allowFailure: opts.allowFailure,
    timeoutMs: opts.timeoutMs ?? 6e4
  });
}
var RUN_LABEL2 = "kube-rescue.rehearsal/run";
var CRD_GROUP = "rehearsal.kube-rescue.example";
var CRD_PLURAL = "drills";
var CRD_NAME = `${CRD_PLURAL}.${CRD_GROUP}`;
var CHECKED_RESOURCES = [
  "customresourcedefinitions.apiextensions.k8s.io",
  "namespaces",
  "deployments.apps",
  "configmaps",
  "secrets",
  CRD_NAME
];
var sha256 = (s) => createHash3("sha256").update(s).digest("hex");
function recordOf(o, kind = o.kind ?? "Object") {
  const { namespace, name, uid, labels } = o.metadata;
  const content = { uid, labels: labels ?? {} };
  for (const f of ["spec", "data", "binaryData", "type", "immutable"]) {
    if (o[f] === void 0) continue;
    content[f] = kind === "Secret" && (f === "data" || f === "binaryData") ? Object.fromEntries(
      Object.entries(o[f]).map(([k, v]) => [k, sha256(v)])
    ) : o[f];
  }
  return {
    key: namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`,
    kind,
    namespace,
    name,
    content
  };
}
function differingFields(a, b) {
  const out = [];
  for (const f of [.../* @__PURE__ */ new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    const x = a[f];
    const y = b[f];
    if (isDeepStrictEqual(x, y)) continue;
    const isMap = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
    if (!isMap(x) || !isMap(y)) {
      out.push(f);
      continue;
    }
    for (const k of [.../* @__PURE__ */ new Set([...Object.keys(x), ...Object.keys(y)])].sort()) {
      if (!isDeepStrictEqual(x[k], y[k])) out.push(`${f}.${k}`);
    }
  }
  return out;
}
function compareObjects(expected, actual) {
  const result = { verified: [], missing: [], changed: [], extra: [] };
  for (const [key, want] of expected) {
    const got = actual.get(key);
    if (!got) result.missing.push(key);
    else {
      const fields = differingFields(want.content, got.content);
      if (fields.length === 0) result.verified.push(key);
      else result.changed.push({ key, fields });
    }
  }
  for (const key of actual.keys()) if (!expected.has(key)) result.extra.push(key);
  return result;
}
function expectedAfterRestore(atBackup, beforeFault, rule) {
  return rule === "kept" ? beforeFault : atBackup;
}
function changedAfterBackup(atBackup, beforeFault) {
  const keys = /* @__PURE__ */ new Set([...atBackup.keys(), ...beforeFault.keys()]);
  return [...keys].filter((k) => {
    const a = atBackup.get(k);
    const b = beforeFault.get(k);
    return !a || !b || differingFields(a.content, b.content).length > 0;
  });
}
function objectProblems(c, rule) {
  const why = rule === "kept" ? "as it was before the fault (a node kept the data)" : "as it was in the backup (no node kept any data)";
  return [
    ...c.missing.map((k) => `${k} is missing; it should be there ${why}`),
    ...c.changed.map((ch) => `${ch.key} differs in ${ch.fields.join(", ")}; it should read ${why}`),
    ...c.extra.map((k) => `${k} is there but should not be: expected ${why}`)
  ];
}
async function readObjects(api, runId) {
  const out = /* @__PURE__ */ new Map();
  for (const resource of CHECKED_RESOURCES) {
    const r = await kubectl2(
      api,
      ["get", resource, "--all-namespaces", "-l", `${RUN_LABEL2}=${runId}`, "-o", "json"],
      { allowFailure: true }
    );
    if (r.code !== 0) {
      if (/doesn't have a resource type|the server could not find the requested resource/.test(
        r.stderr
      )) {
        continue;
      }
      throw new OperationError(
        `Could not list ${resource} through the API: ${r.stderr.trim() || `exit ${r.code}`}`
      );
    }
    const list = JSON.parse(r.stdout);
    for (const o of list.items) {
      const rec = recordOf(o);
      out.set(rec.key, rec);
    }
  }
  return out;
}
var DEPLOYMENT_IMAGE = "kube-rescue-rehearsal/app:1";
function labelled(runId, extra = {}) {
  return { [RUN_LABEL2]: runId, ...extra };
}
function crd(runId) {
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: CRD_NAME, labels: labelled(runId) },
    spec: {
      group: CRD_GROUP,
      scope: "Namespaced",
      names: { plural: CRD_PLURAL, singular: "drill", kind: "Drill", listKind: "DrillList" },
      versions: [
        {
          name: "v1",
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: "object",
              properties: {
                spec: {
                  type: "object",
                  properties: {
                    scenario: { type: "string" },
                    targets: { type: "array", items: { type: "string" } },
                    budgetSeconds: { type: "integer" }
                  }
                }
              }
            }
          }
        }
      ]
    }
  };
}
var drill = (runId, namespace, name, n) => ({
  apiVersion: `${CRD_GROUP}/v1`,
  kind: "Drill",
  metadata: { name, namespace, labels: labelled(runId) },
  spec: { scenario: name, targets: [`node${n}`, `node${n + 1}`], budgetSeconds: 60 * n }
});
var configMap = (runId, namespace, name, data) => ({
  apiVersion: "v1",
  kind: "ConfigMap",
  metadata: { name, namespace, labels: labelled(runId) },
  data
});
function objectsToCreate(runId, namespaces) {
  return namespaces.flatMap((ns, i) => [
    {
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name: ns, labels: labelled(runId, { team: `team-${i}` }) }
    },
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: ns, labels: labelled(runId, { app: "web" }) },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: {
            containers: [
              {
                name: "web",
                image: DEPLOYMENT_IMAGE,
                imagePullPolicy: "Never",
                args: ["--listen", ":8080", "--namespace", ns],
                env: [{ name: "MODE", value: `rehearsal-${i}` }]
              }
            ]
          }
        }
      }
    },
    configMap(runId, ns, "settings", {
      mode: "blue",
      replicas: String(3 + i),
      "app.yaml": `listen: 8080
ns: ${ns}
`
    }),
    configMap(runId, ns, "retired", { reason: "deleted after the backup" }),
    configMap(runId, ns, "feature-flags", { search: "on", checkout: i % 2 ? "off" : "on" }),
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "db-credentials", namespace: ns, labels: labelled(runId) },
      type: "Opaque",
      data: {
        username: Buffer.from(`app-${i}`).toString("base64"),
        password: randomBytes2(24).toString("base64")
      }
    },
    {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "tls-session", namespace: ns, labels: labelled(runId) },
      type: "Opaque",
      data: { key: randomBytes2(32).toString("base64") }
    }
  ]);
}
var asList = (items) => JSON.stringify({ apiVersion: "v1", kind: "List", items });
async function createRehearsalObjects(api, runId) {
  const namespaces = [`rehearsal-${runId}-a`, `rehearsal-${runId}-b`];
  await kubectl2(api, ["create", "-f", "-"], { stdin: asList([crd(runId)]) });
  await kubectl2(
    api,
    ["wait", "--for", "condition=Established", "--timeout", "90s", `crd/${CRD_NAME}`],
    {
      timeoutMs: 12e4
    }
  );
  await kubectl2(api, ["create", "-f", "-"], { stdin: asList(objectsToCreate(runId, namespaces)) });
  const drills = asList(
    namespaces.flatMap((ns, i) => [
      drill(runId, ns, "member-loss", i + 1),
      drill(runId, ns, "total-loss", i + 2)
    ])
  );
  for (let attempt = 1; ; attempt++) {
    const r = await kubectl2(api, ["create", "-f", "-"], { stdin: drills, allowFailure: true });
    if (r.code === 0) break;
    if (attempt >= 15 || !/no matches for kind|could not find the requested resource/.test(r.stderr)) {
      throw new OperationError(`Could not create the rehearsal's Drills: ${r.stderr.trim()}`);
    }
    await new Promise((res) => setTimeout(res, 2e3));
  }
  return { runId, watchedNamespace: namespaces[0], namespaces };
}
async function changeAfterBackup(api, objs) {
  const [a, b] = objs.namespaces;
  await kubectl2(api, ["create", "-f", "-"], {
    stdin: asList([
      configMap(objs.runId, a, "made-after-backup", { note: "created after the backup" }),
      drill(objs.runId, b, "made-after-backup", 9)
    ])
  });
  await kubectl2(api, [
    "patch",
    "configmap",
    "settings",
    "-n",
    a,
    "--type",
    "merge",
    "-p",
    JSON.stringify({ data: { mode: "green" } })
  ]);
  await kubectl2(api, ["delete", "configmap", "retired", "-n", a, "--wait=false"]);
  await kubectl2(api, ["delete", "secret", "tls-session", "-n", b, "--wait=false"]);
}
var sleep2 = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(timeoutMs, check) {
  const deadline = Date.now() + timeoutMs;
  for (; ; ) {
    const complaint = await check().catch((e) => e.message);
    if (complaint === void 0 || Date.now() > deadline) return complaint;
    await sleep2(2e3);
  }
}
async function checkReadyz(api, timeoutMs = 18e4) {
  const complaint = await until(timeoutMs, async () => {
    const r = await kubectl2(api, ["get", "--raw", "/readyz"], {
      allowFailure: true,
      timeoutMs: 3e4
    });
    return r.code === 0 && r.stdout.trim() === "ok" ? void 0 : `${r.stdout}${r.stderr}`.trim() || `exit ${r.code}`;
  });
  if (complaint === void 0) return void 0;
  const verbose = await kubectl2(api, ["get", "--raw", "/readyz?verbose"], {
    allowFailure: true,
    timeoutMs: 3e4
  }).catch(() => void 0);
  const failing = verbose?.stdout.split("\n").filter((l) => l.includes("[-]")).join("; ");
  return `/readyz did not answer ok within ${timeoutMs / 1e3} s: ${failing || complaint.split("\n").slice(-3).join(" ")}`;
}
function nodeProblems(list, expected, gone) {
  const problems = expected.flatMap((name) => {
    const item = list.items.find((i) => i.metadata.name === name);
    if (!item) return [`${name}: not registered`];
    const ready = item.status?.conditions?.find((c) => c.type === "Ready");
    return ready?.status === "True" ? [] : [`${name}: not Ready (${ready?.message ?? "no Ready condition"})`];
  });
  for (const name of gone) {
    if (list.items.some((i) => i.metadata.name === name))
      problems.push(`${name}: removed for good, but its Node is still there`);
  }
  return problems;
}
async function checkNodesReady(api, expected, gone, timeoutMs = 3e5) {
  let problems = [];
  const complaint = await until(timeoutMs, async () => {
    const r = await kubectl2(api, ["get", "nodes", "-o", "json"], { timeoutMs: 3e4 });
    problems = nodeProblems(JSON.parse(r.stdout), expected, gone);
    return problems.length ? problems.join("; ") : void 0;
  });
  if (complaint !== void 0 && problems.length === 0) problems = [complaint];
  const notReady = new Set(problems.map((p) => p.split(":")[0]));
  return {
    ready: expected.filter((n) => !notReady.has(n)).length,
    expected: expected.length,
    problems
  };
}

// harness/k8s-watch.ts
import { spawn as spawn2 } from "node:child_process";
import { createHash as createHash4 } from "node:crypto";
import { isDeepStrictEqual as isDeepStrictEqual2 } from "node:util";
var digest = (o) => createHash4("sha256").update(JSON.stringify(o.data ?? {})).digest("hex");
function entry(o) {
  return { resourceVersion: o.metadata.resourceVersion ?? "", data: digest(o) };
}
var sleep3 = (ms) => new Promise((r) => setTimeout(r, ms));
var isGone = (text) => /\b410\b|\(Gone\)|\(Expired\)|too old resource version/i.test(text);
async function listConfigMaps(api, namespace) {
  const r = await kubectl2(api, ["get", "--raw", `/api/v1/namespaces/${namespace}/configmaps`], {
    timeoutMs: 3e4
  });
  const list = JSON.parse(r.stdout);
  const cache = new Map(list.items.map((o) => [o.metadata.name, entry(o)]));
  return { cache, resourceVersion: list.metadata.resourceVersion };
}
async function listedConfigMaps(api, namespace) {
  return (await listConfigMaps(api, namespace)).cache;
}
async function startObjectWatch(api, namespace) {
  const first = await listConfigMaps(api, namespace);
  const cache = first.cache;
  let rv = first.resourceVersion;
  const log = { relists: [], resumes: 0, errors: [], errorCount: 0, events: 0 };
  let running = true;
  let child;
  const [file, ...prefix] = api.kubectl;
  const note = (e) => {
    log.errorCount++;
    if (log.errors.length < 10) log.errors.push(e);
  };
  const watchOnce = () => new Promise((resolve) => {
    const url = `/api/v1/namespaces/${namespace}/configmaps?watch=1&allowWatchBookmarks=true&resourceVersion=${rv}`;
    const p = spawn2(file, [...prefix, "get", "--raw", url], {
      stdio: ["ignore", "pipe", "pipe"]
    });
    child = p;
    let buffered = "";
    let stderr = "";
    let gone = false;
    p.stdout.setEncoding("utf8");
    p.stdout.on("data", (chunk) => {
      buffered += chunk;
      let nl = buffered.indexOf("\n");
      while (nl >= 0) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        nl = buffered.indexOf("\n");
        if (!line) continue;
        let ev;
        try {
          ev = JSON.parse(line);
        } catch {
          note(`unparsable watch line: ${line.slice(0, 120)}`);
          continue;
        }
        log.events++;
        if (ev.type === "ERROR") {
          const text = `${ev.object.code ?? ""} ${ev.object.reason ?? ""}: ${ev.object.message ?? ""}`;
          if (ev.object.code === 410 || isGone(text)) {
            gone = true;
            log.relists.push(`resourceVersion ${rv} refused: ${text.trim()}`);
            p.kill("SIGTERM");
          } else note(`watch error ${text.trim()}`);
          continue;
        }
        const objRv = ev.object.metadata.resourceVersion;
        if (objRv) rv = objRv;
        if (ev.type === "ADDED" || ev.type === "MODIFIED")
          cache.set(ev.object.metadata.name, entry(ev.object));
        else if (ev.type === "DELETED") cache.delete(ev.object.metadata.name);
      }
    });
    p.stderr.setEncoding("utf8");
    p.stderr.on("data", (s) => {
      stderr += s;
    });
    p.on("error", (e) => {
      note(`could not run kubectl: ${e.message}`);
      resolve("ended");
    });
    p.on("close", (code) => {
      if (!gone && code !== 0 && isGone(stderr)) {
        gone = true;
        log.relists.push(`resourceVersion ${rv} refused: ${stderr.trim().split("\n").at(-1)}`);
      } else if (code !== 0 && running) {
        note(stderr.trim().split("\n").at(-1) || `kubectl exit ${code}`);
      }
      resolve(gone ? "gone" : "ended");
    });
  });
  const loop = (async () => {
    while (running) {
      const outcome = await watchOnce();
      if (!running) break;
      if (outcome === "gone") {
        for (; ; ) {
          try {
            const fresh = await listConfigMaps(api, namespace);
            cache.clear();
            for (const [k, v] of fresh.cache) cache.set(k, v);
            rv = fresh.resourceVersion;
            break;
          } catch (e) {
            note(`relist failed: ${e.message.split("\n")[0]}`);
            if (!running) return;
            await sleep3(2e3);
          }
        }
      } else {
        log.resumes++;
        await sleep3(1e3);
      }
    }
  })();
  return {
    cache,
    log,
    lastResourceVersion: () => rv,
    async stop() {
      running = false;
      child?.kill("SIGTERM");
      await loop;
    }
  };
}
function cacheDifference(cache, truth) {
  const out = [];
  for (const [name, want] of truth) {
    const got = cache.get(name);
    if (!got) out.push(`${name} missing from the watch`);
    else if (!isDeepStrictEqual2(got, want))
      out.push(
        `${name} stale in the watch (resourceVersion ${got.resourceVersion}, the API has ${want.resourceVersion})`
      );
  }
  for (const name of cache.keys())
    if (!truth.has(name)) out.push(`${name} held by the watch but gone from the API`);
  return out;
}
function judgeWatch(log, cache, truth, restore2) {
  const diff = cacheDifference(cache, truth);
  const relisted = log.relists.length > 0;
  const how = relisted ? `relisted after ${log.relists[0]}` : `resumed ${log.resumes} time(s) from its last resourceVersion, never refused`;
  if (diff.length > 0) {
    return {
      passed: false,
      outcome: "stale",
      detail: `the watch served stale objects (${how}): ${diff.join("; ")}`
    };
  }
  if (restore2.restores > 0 && restore2.bumped && !relisted) {
    return {
      passed: false,
      outcome: "resumed",
      detail: `a bumped snapshot restore ran, yet the watch ${how}: the server must answer a pre-restore resourceVersion with 410 Gone`
    };
  }
  return {
    passed: true,
    outcome: relisted ? "relisted" : "resumed",
    detail: `the watch ${how}; its cache equals a fresh list`
  };
}

// harness/k8s-checks.ts
var sleep4 = (ms) => new Promise((r) => setTimeout(r, ms));
async function watchCaughtUp(api, watch, namespace, must, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let diff = [];
  for (; ; ) {
    const truth = await listedConfigMaps(api, namespace).catch(() => void 0);
    if (truth) {
      diff = cacheDifference(watch.cache, truth);
      if (diff.length === 0 && must(watch.cache)) return [];
    }
    if (Date.now() > deadline) return diff.length ? diff : ["the watch did not receive the change"];
    await sleep4(1e3);
  }
}
var KubernetesProof = class _KubernetesProof {
  constructor(api, objects, atBackup, watch, progress) {
    this.api = api;
    this.objects = objects;
    this.atBackup = atBackup;
    this.watch = watch;
    this.progress = progress;
  }
  api;
  objects;
  atBackup;
  watch;
  progress;
  beforeFault;
  /** ConfigMaps made after a restore, one per verify(): each must reach the watch anew. */
  markers = 0;
  /** Before the backup: creates the objects, records them and opens the watch. */
  static async prepare(api, runId, progress) {
    const objects = await createRehearsalObjects(api, runId);
    const watch = await startObjectWatch(api, objects.watchedNamespace);
    const atBackup = await readObjects(api, runId);
    progress.debug(
      `recorded ${atBackup.size} Kubernetes objects: ${[...atBackup.keys()].join(", ")}`
    );
    return new _KubernetesProof(api, objects, atBackup, watch, progress);
  }
  get recorded() {
    return this.atBackup.size;
  }
  /** After the backup, before the fault: the changes a live cluster makes, seen by the watch. */
  async changeAfterBackup() {
    await changeAfterBackup(this.api, this.objects);
    this.beforeFault = await readObjects(this.api, this.objects.runId);
    const diff = await watchCaughtUp(
      this.api,
      this.watch,
      this.objects.watchedNamespace,
      (c) => c.has("made-after-backup"),
      3e4
    );
    if (diff.length)
      this.progress.warn(`the watch did not see the changes after the backup: ${diff.join("; ")}`);
  }
  /** After the restore: every check, never throwing for a check that fails (it is a problem). */
  async verify(opts) {
    const problems = [];
    const readyz = await checkReadyz(this.api);
    if (readyz) problems.push(readyz);
    const nodes = await checkNodesReady(
      this.api,
      opts.expectedNodes,
      opts.goneNodes,
      opts.nodesTimeoutMs
    );
    problems.push(...nodes.problems.map((p) => `node ${p}`));
    const beforeFault = this.beforeFault ?? this.atBackup;
    const expected = expectedAfterRestore(this.atBackup, beforeFault, opts.afterBackup);
    const now = await readObjects(this.api, this.objects.runId).catch((e) => {
      problems.push(`the objects could not be read back: ${e.message}`);
      return /* @__PURE__ */ new Map();
    });
    const cmp = compareObjects(expected, now);
    problems.push(...objectProblems(cmp, opts.afterBackup));
    const ns = this.objects.watchedNamespace;
    const markerName = `made-after-restore-${++this.markers}`;
    const marker = await kubectl2(
      this.api,
      ["create", "configmap", markerName, "-n", ns, "--from-literal", "at=after-restore"],
      { allowFailure: true }
    );
    if (marker.code !== 0) {
      problems.push(`the watch check could not create its ConfigMap: ${marker.stderr.trim()}`);
    }
    await watchCaughtUp(this.api, this.watch, ns, (c) => c.has(markerName), 9e4);
    const truth = await listedConfigMaps(this.api, ns).catch(() => /* @__PURE__ */ new Map());
    const verdict = judgeWatch(
      this.watch.log,
      this.watch.cache,
      truth,
      opts.revisionBump ?? { restores: 0, bumped: false }
    );
    if (!verdict.passed) problems.push(verdict.detail);
    this.progress.debug(
      `watch: ${verdict.detail}; ${this.watch.log.events} events, ${this.watch.log.errorCount} errors (${this.watch.log.errors.slice(0, 3).join(" | ")})`
    );
    return {
      objectsAtBackup: this.atBackup.size,
      changedAfterBackup: changedAfterBackup(this.atBackup, beforeFault).length,
      afterBackup: opts.afterBackup,
      objectsVerified: cmp.verified.length,
      objectsLost: cmp.missing.length + cmp.changed.length,
      objectsExtra: cmp.extra.length,
      readyz: readyz ? "failed" : "ok",
      nodesReady: nodes.ready,
      nodesExpected: nodes.expected,
      watch: verdict.outcome,
      watchPassed: verdict.passed,
      watchDetail: verdict.detail,
      problems
    };
  }
  async stop() {
    await this.watch.stop();
  }
};

// harness/restore-losses.ts
function lastWriteIn(keys, prefix) {
  return Math.max(
    -1,
    ...[...keys].filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)))
  );
}
function restoreLosses(atBackup, now, writer) {
  let keysLost = 0;
  for (const [k, digest2] of atBackup) if (now.get(k) !== digest2) keysLost++;
  let writesLost = 0;
  for (let n = writer.lastAtBackup + 1; n <= writer.last; n++) {
    if (!now.has(writerKey(writer.prefix, n))) writesLost++;
  }
  return {
    keysLost,
    writesAfterBackup: Math.max(0, writer.last - writer.lastAtBackup),
    writesLost
  };
}

// harness/rehearsal.ts
function scenarioTopology(name, provider) {
  const t = scenarios[name].topology;
  if (provider === "local") return t;
  const etcdOnWorker = topology(t).nodes.some(
    (n) => n.roles.includes("etcd") && !n.roles.includes("control-plane")
  );
  if (etcdOnWorker) return void 0;
  return provider === "kubeadm" && t === "stacked3" ? "stacked3-worker" : t;
}
function scenariosFor(provider) {
  return SCENARIOS.filter((s) => scenarioTopology(s, provider) !== void 0);
}
var etcdHosts = (c) => c.nodes.filter((n) => n.roles.includes("etcd"));
var controlPlaneHosts = (c) => c.nodes.filter((n) => n.roles.includes("control-plane"));
async function reprovision(cluster, names) {
  for (const name of names) await destroyAndReprovision(cluster, name);
}
var scenarios = {
  "member-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "1 of 3 members lost: node re-provisioned blank (same IP, no etcd data, no certs)",
    async inject(cluster) {
      await reprovision(cluster, [etcdHosts(cluster).at(-1).name]);
      return cluster.inventoryPath;
    }
  },
  "quorum-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "2 of 3 members lost: nodes re-provisioned blank; data only on the survivor",
    async inject(cluster) {
      await reprovision(
        cluster,
        etcdHosts(cluster).slice(1).map((n) => n.name)
      );
      return cluster.inventoryPath;
    }
  },
  "total-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: true,
    fault: "all 3 nodes lost: every etcd data dir and every certificate",
    async inject(cluster) {
      await reprovision(
        cluster,
        cluster.nodes.map((n) => n.name)
      );
      return cluster.inventoryPath;
    }
  },
  "cert-loss": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "the certificate and key directories of every control-plane node deleted",
    async inject(cluster) {
      for (const n of controlPlaneHosts(cluster)) await deleteCerts(cluster, n.name);
      return cluster.inventoryPath;
    }
  },
  "runbook-example": {
    topology: "runbook",
    mayLoseWritesAfterBackup: false,
    fault: "the Kubespray runbook's example: etcd on m1 m2 m3 w1 w2, all three masters lost; recovery inventory from `inventory recover`",
    async inject(cluster, ctx) {
      const masters = controlPlaneHosts(cluster).map((n) => n.name);
      await reprovision(cluster, masters);
      const out = join3(cluster.workDir, "recovery-hosts.ini");
      await inventoryRecover(
        {
          inventory: cluster.inventoryPath,
          brokenEtcd: masters,
          brokenControlPlane: masters,
          extraVars: [],
          output: out
        },
        ctx
      );
      return out;
    }
  },
  "host-removal": {
    topology: "stacked3",
    mayLoseWritesAfterBackup: false,
    fault: "1 of 3 nodes gone for good (stopped, never re-provisioned); `restore --remove-host` shrinks the cluster to 2 members (and deletes its Node where a Kubernetes API runs)",
    removeHosts: (cluster) => [etcdHosts(cluster).at(-1).name],
    async inject(cluster) {
      await stopNode(cluster, etcdHosts(cluster).at(-1).name);
      return cluster.inventoryPath;
    }
  }
};
function revisionBumpOf(plan) {
  const restores = plan.steps.flatMap((s) => s.action === "restore-snapshot" ? [s.params] : []);
  if (restores.length === 0) return { restores: 0, bumped: false };
  const amounts = [...new Set(restores.map((p) => p.bumpRevision ?? 0))];
  const bumped = restores.every((p) => (p.bumpRevision ?? 0) > 0);
  if (bumped) {
    return {
      restores: restores.length,
      bumped,
      by: Math.min(...amounts),
      markCompacted: restores.every((p) => p.markCompacted === true)
    };
  }
  const note = plan.warnings.find((w) => /bump-revision|revision is not bumped/i.test(w));
  return {
    restores: restores.length,
    bumped: false,
    skipped: note ?? `${restores.filter((p) => !p.bumpRevision).length} of ${restores.length} snapshot restores planned without --bump-revision, and the plan gives no reason`
  };
}
async function keyDigests(client, prefix, revision) {
  let q = client.getAll().prefix(prefix);
  if (revision) q = q.revision(revision);
  const kvs = await q.buffers();
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of Object.entries(kvs)) {
    out.set(k, createHash5("sha256").update(v).digest("hex"));
  }
  return out;
}
async function withClient(cluster, work, without = []) {
  const gone = cluster.nodes.filter((n) => without.includes(n.name)).map((n) => n.ip);
  const endpoints = cluster.etcdEndpoints.filter(
    (e) => !gone.some((ip) => new URL(e).hostname === ip)
  );
  const client = await openEtcdClient(endpoints, cluster.tls);
  try {
    return await work(client);
  } finally {
    client.close();
  }
}
async function runScenario(name, opts) {
  const t0 = Date.now();
  const scenario = scenarios[name];
  const topology2 = scenarioTopology(name, opts.provider);
  const report = {
    scenario: name,
    result: "failed",
    provider: opts.provider,
    topology: topology2 ?? scenario.topology,
    fault: scenario.fault,
    durationSeconds: 0
  };
  if (!topology2) {
    report.error = `the ${opts.provider} provider cannot build the ${scenario.topology} topology (etcd on workers); run this scenario with --provider local.`;
    return report;
  }
  const { progress } = opts;
  const ctx = { progress };
  let cluster;
  let proof;
  let memory;
  let writerLast = -1;
  let writerPrefix = "";
  try {
    cluster = await progress.phase(
      `[${name}] start a ${topology2} cluster`,
      () => clusterProvider(opts.provider).start(topology2, {
        progress,
        etcdVersion: opts.etcdVersion
      })
    );
    const c = cluster;
    report.startupSeconds = Number(c.startupSeconds.toFixed(1));
    memory = sampleRunMemory(c.runId);
    const access = nodeAccessOf(c);
    const api = c.kubernetes;
    const keyPrefix = api ? HARNESS_KEY_ROOT : "";
    if (api) {
      proof = await progress.phase(
        `[${name}] create namespaces, Deployments, ConfigMaps, Secrets, a CRD and its resources through the API; open a watch`,
        () => KubernetesProof.prepare(api, c.runId, progress)
      );
    }
    const { secret, identity } = generateIdentity();
    progress.secret(secret);
    const keysDir = join3(c.workDir, "rehearsal");
    await mkdir3(keysDir, { recursive: true, mode: 448 });
    const identityFile = join3(keysDir, "age-identity");
    await writeFile3(identityFile, `${secret}
`, { mode: 384 });
    const seedClient = await openEtcdClient(c.etcdEndpoints, c.tls);
    let writer;
    let atBackup;
    let writerLastAtBackup;
    try {
      await progress.phase(
        `[${name}] seed ${opts.keys} keys`,
        () => seedKeys(seedClient, {
          keys: opts.keys,
          valueBytes: 512,
          seed: name,
          root: api ? SEED_ROOT_BESIDE_AN_API : void 0
        })
      );
      report.etcdServerVersion = (await seedClient.maintenance.status()).version;
      writer = startBackgroundWriter(seedClient, { intervalMs: 20 });
      writerPrefix = writer.prefix;
      const b = await progress.phase(
        `[${name}] back up with kube-rescue backup`,
        () => backup(
          {
            inventory: c.inventoryPath,
            access,
            dest: join3(c.workDir, "backups"),
            encryptTo: [identity.recipient.text],
            compress: "gzip",
            etcdOnly: false
          },
          ctx
        )
      );
      report.backupRevision = b.snapshotRevision;
      report.backupPath = b.backupPath;
      atBackup = await keyDigests(seedClient, keyPrefix, b.snapshotRevision);
      report.keysAtBackup = atBackup.size;
      writerLastAtBackup = lastWriteIn(atBackup.keys(), writerPrefix);
      await new Promise((r) => setTimeout(r, 1500));
      if (proof) {
        const p = proof;
        await progress.phase(
          `[${name}] change Kubernetes objects after the backup`,
          () => p.changeAfterBackup()
        );
      }
    } finally {
      const w = await writer?.stop();
      seedClient.close();
      if (w) writerLast = w.lastAcknowledged;
    }
    const inventory = await progress.phase(
      `[${name}] inject the fault: ${scenario.fault}`,
      () => scenario.inject(c, ctx)
    );
    const removeHosts = scenario.removeHosts?.(c) ?? [];
    const restored = await progress.phase(
      `[${name}] recover with kube-rescue restore`,
      () => restore(
        {
          inventory,
          access,
          backup: report.backupPath,
          identityFiles: [identityFile],
          strategy: "parallel",
          force: false,
          yes: true,
          journal: join3(keysDir, "restore.journal"),
          removeHosts,
          probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS
        },
        ctx
      )
    );
    report.rtoSeconds = Number(restored.rtoSeconds.toFixed(1));
    report.planCase = restored.plan.case;
    report.planSteps = restored.plan.steps.length;
    report.revisionBump = revisionBumpOf(restored.plan);
    report.verification = restored.verification?.checks.map((ch) => ({
      name: ch.name,
      status: ch.status,
      detail: ch.detail
    }));
    await progress.phase(
      `[${name}] compare the keyspace with the backup`,
      () => withClient(
        c,
        async (client) => {
          const now = await keyDigests(client, keyPrefix);
          report.keysAfterRestore = now.size;
          const losses = restoreLosses(atBackup, now, {
            prefix: writerPrefix,
            lastAtBackup: writerLastAtBackup,
            last: writerLast
          });
          report.keysLost = losses.keysLost;
          report.writesAfterBackup = losses.writesAfterBackup;
          report.writesLost = losses.writesLost;
        },
        removeHosts
      )
    );
    if (proof) {
      const p = proof;
      report.kubernetes = await progress.phase(
        `[${name}] check through the API: objects, /readyz, nodes Ready, the watch`,
        () => p.verify({
          afterBackup: scenario.mayLoseWritesAfterBackup ? "lost" : "kept",
          expectedNodes: c.nodes.filter((n) => !removeHosts.includes(n.name)).map((n) => n.name),
          goneNodes: removeHosts,
          revisionBump: report.revisionBump
        })
      );
    }
    const failedChecks = (report.verification ?? []).filter((v) => v.status === "failed");
    if (report.keysLost !== 0) {
      report.error = `${report.keysLost} keys of the backup's revision ${report.backupRevision} are missing or changed after the restore.`;
    } else if (!scenario.mayLoseWritesAfterBackup && report.writesLost !== 0) {
      report.error = `${report.writesLost} of ${report.writesAfterBackup} writes acknowledged after the backup are gone, though a node still held them: the recovery threw away data it did not have to.`;
    } else if (!restored.verification) {
      report.error = "the restore returned without verifying the cluster.";
    } else if (failedChecks.length > 0) {
      report.error = `verification failed: ${failedChecks.map((v) => v.name).join(", ")}`;
    } else if (report.kubernetes && report.kubernetes.problems.length > 0) {
      report.error = `Kubernetes checks failed: ${report.kubernetes.problems.join("; ")}`;
    } else {
      report.result = "passed";
    }
  } catch (err) {
    report.error = err instanceof Error ? err.message : String(err);
    progress.warn(`[${name}] failed: ${report.error}`);
  } finally {
    await proof?.stop();
    const peak = await memory?.stop();
    if (peak) report.peakMemoryMiB = Math.round(peak / 1024 ** 2);
    if (cluster) await progress.phase(`[${name}] tear down`, () => cluster.stop());
    report.durationSeconds = Number(((Date.now() - t0) / 1e3).toFixed(1));
  }
  return report;
}

export {
  HARNESS_PROBE_TIMEOUT_MS,
  nodeAccessOf,
  openEtcdClient,
  HARNESS_KEY_ROOT,
  SEED_ROOT_BESIDE_AN_API,
  seedKeys,
  startBackgroundWriter,
  stopNode,
  destroyAndReprovision,
  wipeEtcdData,
  deleteCerts,
  kubectl2 as kubectl,
  KubernetesProof,
  KubeadmClusterProvider,
  lastWriteIn,
  restoreLosses,
  scenarioTopology,
  scenariosFor,
  revisionBumpOf,
  keyDigests,
  runScenario
};
//# sourceMappingURL=chunk-2AK4VYV6.js.map
