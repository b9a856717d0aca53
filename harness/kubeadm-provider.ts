import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InputError, OperationError } from '../src/errors.js';
import { type Progress, silentProgress } from '../src/progress.js';
import { newRun, removeLeftovers, runLabels, trackLiveRun } from './cleanup.js';
import type {
  ClusterProvider,
  EtcdClientTls,
  StartClusterOptions,
  StartedCluster,
} from './cluster.js';
import { docker, runCommand } from './docker-cli.js';
import { DockerExecNode } from './docker-exec-node.js';
import { waitForEtcdHealthy } from './etcd-health.js';
import { holdMachineLock } from './image-build.js';
import { renderDockerExecInventory } from './inventory-file.js';
import type { KubernetesApi } from './k8s-objects.js';
import {
  API_SERVER_HOST,
  API_SERVER_PORT,
  KUBEADM_CONFIG_PATH,
  type KubeadmClusterConfig,
  newJoinSecrets,
  renderCniConfig,
  renderInitConfig,
  renderJoinConfig,
} from './kubeadm-config.js';
import { blankKubeadmNodeScript } from './kubeadm-faults.js';
import {
  ensureKubeadmNodeImage,
  KUBEADM_NODE_IMAGE_REPOSITORY,
  NODE_ROLE_FILE,
} from './kubeadm-image.js';
import { builtKubernetesTools, type KubernetesTools } from './kubernetes-tools.js';
import { type NodeFile, nodeFilesArchive } from './kubespray-node.js';
import { containerSh, delay, teardown, waitForBoot } from './local-provider.js';
import { type ClusterNetwork, createClusterNetwork } from './network.js';
import { startNodeContainer } from './node-container.js';
import {
  type NodeRole,
  type NodeSpec,
  type Topology,
  type TopologyName,
  topology as topologyByName,
} from './topology.js';

/**
 * The `kubeadm` provider: a real Kubernetes control plane on this Docker engine, where kind
 * cannot run (it always asks for --privileged). Nodes are systemd containers from the kubeadm
 * node image (kubeadm-image.ts) with fixed IPs on an internal network; `kubeadm init
 * --upload-certs` on the first control-plane node, `kubeadm join --control-plane` with the
 * certificate key on the others (stacked etcd), `kubeadm join` on workers. Node, container
 * and etcd member names are one name, as on kind, so `--transport docker` reaches them.
 */

/**
 * A kubeadm node's boot includes importing the control-plane images into its containerd
 * (kube-rescue-images.service): four nodes at once took over 60 s on a loaded 2-core machine.
 */
const KUBEADM_BOOT_TIMEOUT_MS = 5 * 60_000;

/** kubeadm's etcd PKI on a control-plane node, copied off the first for the harness's own client. */
const KUBEADM_ETCD_PKI = '/etc/kubernetes/pki/etcd';

/** kubeadm names each stacked etcd member after its node. */
class KubeadmNode extends DockerExecNode {
  constructor(name: string, ip: string, roles: readonly NodeRole[], containerName: string = name) {
    super(name, ip, roles, roles.includes('etcd') ? name : undefined, 'kubeadm', containerName);
  }
}

interface KubectlOptions {
  allowFailure?: boolean;
  timeoutMs?: number;
}

function kubectl(binary: string, kubeconfig: string, args: string[], opts: KubectlOptions = {}) {
  return runCommand(binary, ['--kubeconfig', kubeconfig, ...args], {
    timeoutMs: opts.timeoutMs ?? 60_000,
    allowFailure: opts.allowFailure,
  });
}

interface KubeadmRun {
  runId: string;
  name: string;
  workDir: string;
  image: string;
  network: ClusterNetwork;
  progress: Progress;
}

/** A started kubeadm cluster: the StartedCluster contract plus what reaches its API server. */
export class KubeadmCluster implements StartedCluster {
  readonly provider = 'kubeadm' as const;
  readonly layout = 'kubeadm' as const;
  readonly sshKeyPath = '';
  readonly knownHostsPath = '';
  private stopped = false;
  constructor(
    private readonly run: KubeadmRun,
    readonly topology: Topology,
    readonly nodes: readonly KubeadmNode[],
    readonly inventoryPath: string,
    /** admin.conf of the cluster, its server the first control-plane node's address. */
    readonly kubeconfigPath: string,
    readonly kubectlPath: string,
    readonly etcdEndpoints: readonly string[],
    readonly tls: EtcdClientTls,
    readonly startupSeconds: number,
  ) {}
  get name() {
    return this.run.name;
  }
  get runId() {
    return this.run.runId;
  }
  get workDir() {
    return this.run.workDir;
  }
  node(name: string): KubeadmNode {
    const n = this.nodes.find((x) => x.name === name);
    if (!n) {
      throw new InputError(
        `Cluster ${this.name} has no node "${name}"; its nodes are ${this.nodes.map((x) => x.name).join(', ')}.`,
      );
    }
    return n;
  }
  /** The Kubernetes-level checks run the built kubectl on the host with the run's admin kubeconfig. */
  get kubernetes(): KubernetesApi {
    return { kubectl: [this.kubectlPath, '--kubeconfig', this.kubeconfigPath] };
  }
  /** `kubectl --kubeconfig <admin.conf> …` from the host; throws with kubectl's stderr. */
  kubectl(args: string[], opts: KubectlOptions = {}) {
    return kubectl(this.kubectlPath, this.kubeconfigPath, args, opts);
  }
  async stopNode(name: string): Promise<void> {
    await docker(['stop', '-t', '20', this.node(name).containerName]);
  }
  async startNode(name: string): Promise<void> {
    const n = this.node(name);
    await docker(['start', n.containerName]);
    await waitForBoot(n.containerName, n.name, KUBEADM_BOOT_TIMEOUT_MS);
  }
  /** The node's control-plane state wiped in place (kubeadm-faults.ts), as kind does it. */
  async replaceWithBlankNode(name: string): Promise<void> {
    await this.node(name).sh(blankKubeadmNodeScript(), { timeoutMs: 180_000 });
  }
  async disconnectNode(name: string): Promise<void> {
    await docker(['network', 'disconnect', this.run.network.name, this.node(name).containerName]);
  }
  async reconnectNode(name: string): Promise<void> {
    const n = this.node(name);
    await docker(['network', 'connect', '--ip', n.ip, this.run.network.name, n.containerName]);
  }
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    try {
      await teardown(this.run.runId, this.run.workDir);
    } finally {
      await releaseSlot(this.run.runId);
    }
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

/**
 * How many kubeadm clusters may run on this machine at once: KUBE_RESCUE_KUBEADM_CLUSTERS (a
 * whole number ≥ 1), unset for no limit. A kubeadm cluster is the heaviest thing the harness
 * starts (4 nodes: ~1.6 GiB, three API servers and etcd members); the integration tests set
 * 2, since three at once on two cores (clean-clone CI, 3 December, load ~30) slowed etcd past
 * the probe's 4-s status answer and two tests failed for it. A start beyond the limit waits,
 * saying so, for another process's cluster to stop.
 */
export function kubeadmClusterLimit(): number | undefined {
  const raw = process.env.KUBE_RESCUE_KUBEADM_CLUSTERS;
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) {
    throw new InputError(
      `KUBE_RESCUE_KUBEADM_CLUSTERS is '${raw}': give a whole number of at least 1 (how many kubeadm clusters may run at once), or leave it unset for no limit.`,
    );
  }
  return n;
}

const slotReleases = new Map<string, () => Promise<void>>();

async function releaseSlot(runId: string): Promise<void> {
  const release = slotReleases.get(runId);
  slotReleases.delete(runId);
  await release?.();
}

/** A place among KUBE_RESCUE_KUBEADM_CLUSTERS, held until the run's cluster stops. */
async function holdKubeadmSlot(progress: Progress): Promise<(() => Promise<void>) | undefined> {
  const slots = kubeadmClusterLimit();
  if (slots === undefined) return undefined;
  const timeoutMs = 60 * 60_000;
  return holdMachineLock('kubeadm-cluster', progress, {
    slots,
    timeoutMs,
    waiting: (owners) =>
      `${slots} kubeadm cluster(s) already run on this machine (KUBE_RESCUE_KUBEADM_CLUSTERS=${slots}: ${owners}); waiting for one to stop`,
    timedOut: (owners, locks) =>
      `Waited ${timeoutMs / 60_000} min for one of the ${slots} kubeadm cluster(s) on this machine to stop (${owners}); remove ${locks} if none runs, or raise KUBE_RESCUE_KUBEADM_CLUSTERS.`,
  });
}

/** Three stacked control-plane nodes and one worker: what issue 13 asks the provider for. */
export const KUBEADM_DEFAULT_TOPOLOGY: TopologyName = 'stacked3-worker';

/** kubeadm runs etcd only in static pods on control-plane nodes. */
export function checkKubeadmTopology(t: Topology): void {
  for (const n of t.nodes) {
    if (n.roles.includes('etcd') && !n.roles.includes('control-plane')) {
      throw new InputError(
        `Topology ${t.name} puts etcd on worker ${n.name}; kubeadm runs etcd only on control-plane nodes. Use the local provider for this topology.`,
      );
    }
  }
  if (!t.nodes.some((n) => n.roles.includes('control-plane'))) {
    throw new InputError(`Topology ${t.name} has no control-plane node; kubeadm needs one.`);
  }
}

/** Runs `script` in the node, its output kept for the error; long timeouts for kubeadm. */
async function nodeStep(
  node: KubeadmNode,
  what: string,
  script: string,
  progress: Progress,
  timeoutMs = 15 * 60_000,
): Promise<string> {
  const r = await containerSh(node.containerName, script, { allowFailure: true, timeoutMs });
  const output = `${r.stdout}${r.stderr}`;
  for (const line of output.split('\n')) if (line.trim()) progress.debug(`${node.name}: ${line}`);
  if (r.code !== 0) {
    const kubelet = await containerSh(
      node.containerName,
      'journalctl -u kubelet --no-pager -n 15 2>/dev/null; crictl ps -a 2>/dev/null | head -20',
      { allowFailure: true },
    );
    throw new OperationError(
      `${what} on node ${node.name} failed (exit ${r.code}):\n${output.trim().split('\n').slice(-25).join('\n')}\n--- kubelet and containers on ${node.name}:\n${kubelet.stdout.trim()}`,
    );
  }
  return output;
}

/**
 * The node container's cgroup in the host's v1 hierarchy (its memory controller's path, less
 * the init.scope systemd moves itself into), where the kubelet is to put its pods.
 */
async function nodeCgroupRoot(node: KubeadmNode, progress: Progress): Promise<string> {
  const out = await nodeStep(
    node,
    "reading the node's cgroup",
    "awk -F: '$2 ~ /(^|,)memory(,|$)/ {print $3}' /proc/1/cgroup | sed 's#/init\\.scope$##'",
    progress,
    30_000,
  );
  const root = out.trim();
  if (!root.startsWith('/') || root === '/') {
    throw new OperationError(
      `Node ${node.name}: the kubeadm provider needs the host's cgroup v1 hierarchy with the node in a cgroup of its own (the memory line of /proc/1/cgroup), and found "${root}". On a cgroup v2 host use the kind provider.`,
    );
  }
  return root;
}

async function writeNodeFile(node: KubeadmNode, path: string, content: string): Promise<void> {
  await docker(
    [
      'exec',
      '-i',
      node.containerName,
      'sh',
      '-c',
      `umask 077; mkdir -p "$(dirname ${path})"; cat >${path}`,
    ],
    {
      stdin: content,
    },
  );
}

/** Polls `check` until it returns a value, or fails after `timeoutMs` with `describe()`. */
async function waitFor<T>(
  timeoutMs: number,
  check: () => Promise<T | undefined>,
  describe: () => Promise<string>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new OperationError(await describe());
    await delay(2000);
  }
}

interface NodeList {
  items: {
    metadata: { name: string };
    status?: { conditions?: { type: string; status: string; message?: string }[] };
  }[];
}

/** The first control-plane node, where `kubeadm init` runs, before it runs. */
export interface KubeadmInitNode {
  name: string;
  ip: string;
  containerName: string;
}

export interface KubeadmStartOptions extends StartClusterOptions {
  /**
   * Pre-seeded CA files: called on the first control-plane node once it has booted and before
   * `kubeadm init`, to put CA files in /etc/kubernetes/pki (kubeadm issues every certificate
   * and kubeconfig from the CA files it finds there, and `--upload-certs` carries them to the
   * other control-plane nodes). The hook writes them itself, streamed to the node (reach it
   * with `docker exec` into `containerName`): nothing of them passes through a file here.
   */
  preseedPki?: (first: KubeadmInitNode) => Promise<void>;
}

export class KubeadmClusterProvider implements ClusterProvider {
  readonly name = 'kubeadm' as const;

  async start(
    which: Topology | TopologyName = KUBEADM_DEFAULT_TOPOLOGY,
    options: KubeadmStartOptions = {},
  ): Promise<KubeadmCluster> {
    const progress = options.progress ?? silentProgress;
    const t = typeof which === 'string' ? topologyByName(which) : which;
    checkKubeadmTopology(t);
    const tools = await builtKubernetesTools();
    // Released once: by the cluster's stop() after a start, here after a failed one.
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
          () =>
            this.startIn(t, tools, image, {
              runId,
              name,
              workDir,
              progress,
              t0,
              nodeNames: options.nodeNames ?? 'container',
              preseedPki: options.preseedPki,
            }),
        );
        if (slot) slotReleases.set(runId, slot);
        return cluster;
      } catch (err) {
        await teardown(runId, workDir).catch((e: unknown) =>
          progress.warn(`cleanup of ${name} failed: ${(e as Error).message}`),
        );
        throw err;
      }
    } catch (err) {
      await slot?.();
      throw err;
    }
  }

  private async startIn(
    t: Topology,
    tools: KubernetesTools,
    image: Awaited<ReturnType<typeof ensureKubeadmNodeImage>>,
    ctx: {
      runId: string;
      name: string;
      workDir: string;
      progress: Progress;
      t0: number;
      nodeNames: 'container' | 'topology';
      preseedPki?: KubeadmStartOptions['preseedPki'];
    },
  ): Promise<KubeadmCluster> {
    const { progress, name } = ctx;
    const network = await createClusterNetwork(name, runLabels(ctx.runId));
    const run: KubeadmRun = { ...ctx, image: image.tag, network };
    const nodes = t.nodes.map((n, i) => {
      const container = `${name}-${n.name}`;
      return new KubeadmNode(
        ctx.nodeNames === 'topology' ? n.name : container,
        `${network.prefix}.${11 + i}`,
        [...n.roles] as NodeRole[],
        container,
      );
    });
    const controlPlane = nodes.filter((n) => n.roles.includes('control-plane'));
    const workers = nodes.filter((n) => !n.roles.includes('control-plane'));
    const [first] = controlPlane;
    const config: KubeadmClusterConfig = {
      clusterName: name,
      kubernetesVersion: tools.version,
      etcdImageTag: image.etcdTag,
      controlPlane: controlPlane.map((n) => ({ name: n.name, ip: n.ip })),
      secrets: newJoinSecrets(),
    };
    progress.secret(config.secrets.token);
    progress.secret(config.secrets.certificateKey);

    const cgroupRoots = new Map<string, string>();
    await Promise.all(
      nodes.map(async (n, i) => {
        const files: NodeFile[] = [
          { path: '/etc/kube-rescue', type: 'directory', mode: 0o755 },
          {
            path: NODE_ROLE_FILE,
            type: 'file',
            content: n.roles.includes('control-plane') ? 'control-plane\n' : 'worker\n',
            mode: 0o644,
          },
          { path: '/etc/cni/net.d', type: 'directory', mode: 0o755 },
          {
            path: '/etc/cni/net.d/10-kube-rescue.conflist',
            type: 'file',
            content: renderCniConfig(`10.244.${i + 1}.0/24`),
            mode: 0o644,
          },
        ];
        await startNodeContainer({
          image: image.tag,
          containerName: n.containerName,
          hostname: n.name,
          network: network.name,
          ip: n.ip,
          labels: { ...runLabels(ctx.runId), 'kube-rescue.harness.node': n.name },
          files: Readable.from([await nodeFilesArchive(files)]),
          // containerd's overlayfs cannot mount on the node's own overlay root.
          volumes: ['/var/lib/containerd'],
          devices: ['/dev/kmsg'],
          sysctls: { 'net.ipv4.ip_forward': '1' },
          extraHosts: [{ host: API_SERVER_HOST, ipAddress: first.ip }],
        });
        await waitForBoot(n.containerName, n.name, KUBEADM_BOOT_TIMEOUT_MS);
        // Blocks until the oneshot has imported the images (it runs at boot).
        await nodeStep(
          n,
          'importing the control-plane images',
          'systemctl start kube-rescue-images.service',
          progress,
          5 * 60_000,
        );
        cgroupRoots.set(n.name, await nodeCgroupRoot(n, progress));
        progress.debug(`node ${n.name} booted at ${n.ip}, images imported`);
      }),
    );
    const nodeConfig = (n: KubeadmNode) => ({
      name: n.name,
      ip: n.ip,
      cgroupRoot: cgroupRoots.get(n.name),
    });

    if (ctx.preseedPki) {
      const seed = ctx.preseedPki;
      await progress.phase(`Pre-seed CA files on ${first.name} before kubeadm init`, () =>
        seed({ name: first.name, ip: first.ip, containerName: first.containerName }),
      );
    }
    await writeNodeFile(
      first,
      KUBEADM_CONFIG_PATH,
      renderInitConfig({
        ...config,
        controlPlane: [nodeConfig(first), ...config.controlPlane.slice(1)],
      }),
    );
    await progress.phase(`kubeadm init on ${first.name}`, () =>
      nodeStep(
        first,
        'kubeadm init',
        `kubeadm init --config ${KUBEADM_CONFIG_PATH} --upload-certs 2>&1`,
        progress,
      ),
    );
    // kubeadm's discovery pin: sha256 of the CA's public key (SubjectPublicKeyInfo).
    const caCertHash = `sha256:${(
      await nodeStep(
        first,
        'hashing the cluster CA',
        'openssl x509 -pubkey -noout -in /etc/kubernetes/pki/ca.crt | openssl pkey -pubin -outform der | sha256sum | cut -d" " -f1',
        progress,
        30_000,
      )
    ).trim()}`;

    const joinNode = (n: KubeadmNode, controlPlaneNode: boolean) =>
      progress.phase(
        `kubeadm join${controlPlaneNode ? ' --control-plane' : ''} on ${n.name}`,
        async () => {
          await writeNodeFile(
            n,
            KUBEADM_CONFIG_PATH,
            renderJoinConfig(config, nodeConfig(n), { controlPlane: controlPlaneNode, caCertHash }),
          );
          await nodeStep(
            n,
            'kubeadm join',
            `kubeadm join --config ${KUBEADM_CONFIG_PATH} 2>&1`,
            progress,
          );
        },
      );
    // etcd members join one at a time (each join adds a member and waits for it); workers
    // need only the API server and join meanwhile.
    await Promise.all([
      (async () => {
        for (const n of controlPlane.slice(1)) await joinNode(n, true);
      })(),
      ...workers.map((n) => joinNode(n, false)),
    ]);

    const kubeconfigPath = join(ctx.workDir, 'kubeconfig');
    const adminConf = await docker([
      'exec',
      first.containerName,
      'cat',
      '/etc/kubernetes/admin.conf',
    ]);
    // The host has no /etc/hosts entry for the API server name; the certificate names the IP too.
    await writeFile(
      kubeconfigPath,
      adminConf.stdout.replace(
        `https://${API_SERVER_HOST}:${API_SERVER_PORT}`,
        `https://${first.ip}:${API_SERVER_PORT}`,
      ),
      { mode: 0o600 },
    );

    const pkiDir = join(ctx.workDir, 'pki');
    await mkdir(pkiDir, { mode: 0o700 });
    for (const f of ['ca.crt', 'healthcheck-client.crt', 'healthcheck-client.key']) {
      await docker(['cp', `${first.containerName}:${KUBEADM_ETCD_PKI}/${f}`, join(pkiDir, f)]);
    }
    const tls: EtcdClientTls = {
      cacert: join(pkiDir, 'ca.crt'),
      cert: join(pkiDir, 'healthcheck-client.crt'),
      key: join(pkiDir, 'healthcheck-client.key'),
    };
    const etcdEndpoints = controlPlane.map((n) => `https://${n.ip}:2379`);
    const namedTopology: Topology = {
      name: t.name,
      nodes: nodes.map((n): NodeSpec => ({ name: n.name, roles: [...n.roles] })),
    };
    const inventoryPath = join(ctx.workDir, 'hosts.ini');
    await writeFile(
      inventoryPath,
      renderDockerExecInventory(
        nodes,
        ctx.nodeNames === 'topology'
          ? `Inventory of kubeadm harness cluster ${name} (kubeadm layout; nodes named after the topology, containers ${name}-<node>)`
          : `Inventory of kubeadm harness cluster ${name} (kubeadm layout; reach nodes with --transport docker)`,
      ),
    );
    const api = (args: string[], opts?: KubectlOptions) =>
      kubectl(tools.kubectl, kubeconfigPath, args, opts);
    await progress.phase('Wait for /readyz and every node Ready', async () => {
      await waitFor(
        5 * 60_000,
        async () => {
          const r = await api(['get', '--raw', '/readyz'], { allowFailure: true });
          return r.code === 0 && r.stdout.trim() === 'ok' ? true : undefined;
        },
        async () => {
          const r = await api(['get', '--raw', '/readyz?verbose'], {
            allowFailure: true,
          });
          return `The API server of ${name} (${first.ip}:${API_SERVER_PORT}) did not answer /readyz with ok in 5 min: ${`${r.stdout}${r.stderr}`.trim()}`;
        },
      );
      await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 120_000 });
      await waitFor(
        5 * 60_000,
        async () => (notReadyNodes(await nodeList(api), nodes).length === 0 ? true : undefined),
        async () => {
          const list = await nodeList(api).catch(() => ({ items: [] }));
          return `Nodes of ${name} not Ready after 5 min: ${notReadyNodes(list, nodes).join('; ')}.`;
        },
      );
    });
    const startupSeconds = (Date.now() - ctx.t0) / 1000;
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
      startupSeconds,
    );
  }
}

async function nodeList(api: (args: string[]) => ReturnType<typeof kubectl>): Promise<NodeList> {
  return JSON.parse((await api(['get', 'nodes', '-o', 'json'])).stdout) as NodeList;
}

/** Each expected node that is missing or not Ready, with the kubelet's reason. */
function notReadyNodes(list: NodeList, expected: readonly KubeadmNode[]): string[] {
  return expected.flatMap((n) => {
    const item = list.items.find((i) => i.metadata.name === n.name);
    if (!item) return [`${n.name}: not registered`];
    const ready = item.status?.conditions?.find((c) => c.type === 'Ready');
    return ready?.status === 'True' ? [] : [`${n.name}: ${ready?.message ?? 'no Ready condition'}`];
  });
}

/** Sum of the memory Docker reports for the kubeadm nodes running here (usage less page cache). */
export async function kubeadmNodesMemoryBytes(): Promise<number> {
  const ps = await docker([
    'ps',
    '--filter',
    'label=kube-rescue.harness.node',
    '--format',
    '{{.ID}} {{.Image}}',
  ]);
  const ids = ps.stdout
    .split('\n')
    .filter((l) => l.split(' ')[1]?.startsWith(`${KUBEADM_NODE_IMAGE_REPOSITORY}:`))
    .map((l) => l.split(' ')[0]!);
  if (ids.length === 0) return 0;
  const stats = await docker(['stats', '--no-stream', '--format', '{{.MemUsage}}', ...ids], {
    allowFailure: true,
  });
  const units: Record<string, number> = { B: 1, KiB: 1024, MiB: 1024 ** 2, GiB: 1024 ** 3 };
  return stats.stdout
    .split('\n')
    .filter(Boolean)
    .reduce((sum, line) => {
      const m = /^([\d.]+)\s*([KMG]?i?B)/.exec(line);
      return m ? sum + Number(m[1]) * (units[m[2]!] ?? 1) : sum;
    }, 0);
}
