import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { InputError, OperationError } from '../src/errors.js';
import type { Transport } from '../src/nodes/transport.js';
import { type Progress, silentProgress } from '../src/progress.js';
import {
  newRun,
  removeLeftovers,
  removeRun,
  runLabels,
  trackLiveRun,
  untrackLiveRun,
} from './cleanup.js';
import type {
  ClusterNode,
  ClusterProvider,
  EtcdClientTls,
  StartClusterOptions,
  StartedCluster,
} from './cluster.js';
import { type DockerResult, docker, runCommand } from './docker-cli.js';
import { waitForEtcdHealthy } from './etcd-health.js';
import { ensureNodeImage } from './image.js';
import { renderKubesprayInventory } from './inventory-file.js';
import {
  type AddressedTopology,
  kubesprayNodeFiles,
  type NodeFile,
  nodeFilesArchive,
  sshFiles,
} from './kubespray-node.js';
import { type ClusterNetwork, createClusterNetwork } from './network.js';
import { startNodeContainer } from './node-container.js';
import { openNodeTransport } from './node-transport.js';
import { issueApiserverCertificate, makeEtcdPki, makeKubernetesPki } from './pki.js';
import { DEFAULT_ETCD_VERSION, type EtcdVersion, parseEtcdVersion } from './tools.js';
import {
  etcdMemberName,
  etcdNodes,
  type NodeSpec,
  type Topology,
  type TopologyName,
  topology as topologyByName,
} from './topology.js';

/** `docker exec <container> sh -c <script>` as root. */
export function containerSh(
  containerName: string,
  script: string,
  options: { allowFailure?: boolean; timeoutMs?: number } = {},
): Promise<DockerResult> {
  return docker(['exec', containerName, 'sh', '-c', script], {
    allowFailure: options.allowFailure,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
}

/**
 * Waits until systemd inside the container has finished booting (running or degraded);
 * `timeoutMs` is longer where boot itself does work (a kubeadm node imports its images).
 */
export async function waitForBoot(
  containerName: string,
  node: string,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let state = '';
  while (Date.now() < deadline) {
    const r = await containerSh(containerName, 'systemctl is-system-running 2>/dev/null || true', {
      allowFailure: true,
    });
    state = r.stdout.trim();
    if (state === 'running' || state === 'degraded') return;
    await delay(200);
  }
  throw new OperationError(
    `Node ${node} (container ${containerName}) did not finish booting in ${timeoutMs / 1000} s (systemd state "${state}"). Look at \`docker logs ${containerName}\`.`,
  );
}

async function waitForSshd(containerName: string, node: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const r = await containerSh(containerName, 'systemctl is-active ssh.service', {
      allowFailure: true,
    });
    if (r.stdout.trim() === 'active') return;
    await delay(200);
  }
  const log = await containerSh(containerName, 'journalctl -u ssh.service --no-pager | tail -5', {
    allowFailure: true,
  });
  throw new OperationError(
    `sshd on node ${node} did not become active in 30 s: ${log.stdout.trim()}`,
  );
}

export function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

interface HostKey {
  key: Buffer;
  pub: string;
}

async function makeSshKey(path: string, comment: string): Promise<HostKey> {
  await runCommand('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', path]);
  return { key: await readFile(path), pub: (await readFile(`${path}.pub`, 'utf8')).trim() };
}

/** What a run needs to (re)make any of its nodes. */
interface RunState {
  runId: string;
  name: string;
  image: string;
  workDir: string;
  network: ClusterNetwork;
  topology: Topology;
  etcdVersion: EtcdVersion;
  clientKeyPub: string;
  hostKeys: Map<string, HostKey>;
  progress: Progress;
}

class LocalNode implements ClusterNode {
  constructor(
    readonly name: string,
    readonly ip: string,
    readonly roles: NodeSpec['roles'],
    readonly etcdMemberName: string | undefined,
    readonly containerName: string,
    private readonly paths: { sshKeyPath: string; knownHostsPath: string },
  ) {}
  transport(kind: 'docker' | 'ssh' = 'docker'): Promise<Transport> {
    return openNodeTransport(kind, {
      node: this.name,
      containerName: this.containerName,
      address: this.ip,
      sshKeyPath: this.paths.sshKeyPath,
      knownHostsPath: this.paths.knownHostsPath,
    });
  }
  sh(script: string, options?: { allowFailure?: boolean; timeoutMs?: number }) {
    return containerSh(this.containerName, script, options);
  }
}

class LocalCluster implements StartedCluster {
  readonly provider = 'local' as const;
  readonly layout = 'kubespray' as const;
  private stopped = false;
  constructor(
    private readonly run: RunState,
    readonly nodes: readonly LocalNode[],
    readonly inventoryPath: string,
    readonly sshKeyPath: string,
    readonly knownHostsPath: string,
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
  get topology() {
    return this.run.topology;
  }
  get etcdVersion() {
    return this.run.etcdVersion;
  }
  get workDir() {
    return this.run.workDir;
  }
  node(name: string): LocalNode {
    const n = this.nodes.find((x) => x.name === name);
    if (!n) {
      throw new InputError(
        `Cluster ${this.name} has no node "${name}"; its nodes are ${this.nodes.map((x) => x.name).join(', ')}.`,
      );
    }
    return n;
  }
  async stopNode(name: string): Promise<void> {
    await docker(['stop', '-t', '20', this.node(name).containerName]);
  }
  async startNode(name: string): Promise<void> {
    const n = this.node(name);
    await docker(['start', n.containerName]);
    await waitForBoot(n.containerName, n.name);
  }
  async replaceWithBlankNode(name: string): Promise<void> {
    const n = this.node(name);
    await docker(['rm', '-f', '-v', n.containerName]);
    // A new machine has a new host key; the operator (here the harness) learns it.
    const hostKey = await makeSshKey(
      join(this.run.workDir, 'ssh', `host-${name}-${Date.now()}`),
      `root@${name}`,
    );
    this.run.hostKeys.set(name, hostKey);
    await startNode(this.run, { name, roles: [...n.roles] }, n.ip, [
      ...sshFiles({
        authorizedKey: this.run.clientKeyPub,
        hostKey: hostKey.key,
        hostKeyPub: hostKey.pub,
      }),
    ]);
    await waitForSshd(n.containerName, name);
    await writeKnownHosts(this.knownHostsPath, this.nodes, this.run.hostKeys);
    this.run.progress.info(
      `node ${name} destroyed; a blank node took ${n.ip} (new host key in known_hosts)`,
    );
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
    await teardown(this.run.runId, this.run.workDir);
  }
  async [Symbol.asyncDispose](): Promise<void> {
    await this.stop();
  }
}

export async function teardown(runId: string, workDir: string | undefined): Promise<void> {
  try {
    await removeRun(runId);
    if (workDir) await rm(workDir, { recursive: true, force: true });
  } finally {
    // Only now: while a signal's teardown runs, its handler must stay registered.
    untrackLiveRun(runId);
  }
}

function containerNameOf(run: { name: string }, node: string): string {
  return `${run.name}-${node}`;
}

async function startNode(
  run: RunState,
  spec: NodeSpec,
  ip: string,
  files: NodeFile[],
): Promise<void> {
  const containerName = containerNameOf(run, spec.name);
  await startNodeContainer({
    image: run.image,
    containerName,
    hostname: spec.name,
    network: run.network.name,
    ip,
    labels: { ...runLabels(run.runId), 'kube-rescue.harness.node': spec.name },
    files: Readable.from([await nodeFilesArchive(files)]),
  });
  await waitForBoot(containerName, spec.name);
}

async function writeKnownHosts(
  path: string,
  nodes: readonly { name: string; ip: string }[],
  hostKeys: Map<string, HostKey>,
): Promise<void> {
  const lines = nodes.map((n) => {
    const [type, key] = hostKeys.get(n.name)!.pub.split(' ');
    return `${n.ip},${n.name} ${type} ${key}`;
  });
  await writeFile(path, `${lines.join('\n')}\n`, { mode: 0o644 });
}

/** Takes etcd ownership of its files and starts it, as Kubespray's etcd role does. */
const START_ETCD = `set -e
chown -R etcd:etcd /etc/ssl/etcd /var/lib/etcd
systemctl daemon-reload
systemctl enable etcd.service >/dev/null 2>&1
systemctl start --no-block etcd.service`;

/**
 * The `local` provider: Kubespray-like nodes as systemd containers on this Docker engine,
 * with fixed IPs on an internal network of their own.
 */
export class LocalClusterProvider implements ClusterProvider {
  readonly name = 'local' as const;

  async start(
    which: Topology | TopologyName,
    options: StartClusterOptions = {},
  ): Promise<StartedCluster> {
    const progress = options.progress ?? silentProgress;
    const t = typeof which === 'string' ? topologyByName(which) : which;
    const etcdVersion = parseEtcdVersion(
      options.etcdVersion ?? DEFAULT_ETCD_VERSION,
      'etcdVersion',
    );
    const t0 = Date.now();
    await removeLeftovers(progress);
    const image = await ensureNodeImage(progress, etcdVersion);
    const { runId, name, workDir } = await newRun();
    trackLiveRun(runId, () => teardown(runId, workDir));
    try {
      return await progress.phase(
        `Start cluster ${name} (${t.name}, ${t.nodes.length} nodes, etcd ${etcdVersion})`,
        () => this.startIn(t, { runId, name, image, workDir, progress, t0, etcdVersion }),
      );
    } catch (err) {
      await teardown(runId, workDir).catch((e: unknown) =>
        progress.warn(`cleanup of ${name} failed: ${(e as Error).message}`),
      );
      throw err;
    }
  }

  private async startIn(
    t: Topology,
    ctx: {
      runId: string;
      name: string;
      image: string;
      workDir: string;
      progress: Progress;
      t0: number;
      etcdVersion: EtcdVersion;
    },
  ): Promise<StartedCluster> {
    const { workDir, progress } = ctx;
    const network = await createClusterNetwork(ctx.name, runLabels(ctx.runId));
    const ips = new Map(t.nodes.map((n, i) => [n.name, `${network.prefix}.${11 + i}`]));
    const addressed: AddressedTopology = {
      topology: t,
      ipOf: (h) => ips.get(h)!,
      etcdVersion: ctx.etcdVersion,
    };
    const addressing = t.nodes.map((n) => ({ name: n.name, ip: ips.get(n.name)! }));
    const etcdAddressing = addressing.filter((a) => etcdNodes(t).some((n) => n.name === a.name));

    await mkdir(join(workDir, 'ssh'), { mode: 0o700 });
    const sshKeyPath = join(workDir, 'ssh', 'id_ed25519');
    const [clientKey, hostKeyList, etcdPki, k8sPki] = await Promise.all([
      makeSshKey(sshKeyPath, `kube-rescue-harness-${ctx.runId}`),
      Promise.all(
        t.nodes.map((n) => makeSshKey(join(workDir, 'ssh', `host-${n.name}`), `root@${n.name}`)),
      ),
      makeEtcdPki(join(workDir, 'pki', 'etcd'), etcdAddressing, addressing),
      makeKubernetesPki(join(workDir, 'pki', 'kubernetes')),
    ]);
    const hostKeys = new Map(t.nodes.map((n, i) => [n.name, hostKeyList[i]]));
    const run: RunState = {
      runId: ctx.runId,
      name: ctx.name,
      image: ctx.image,
      workDir,
      network,
      topology: t,
      etcdVersion: ctx.etcdVersion,
      clientKeyPub: clientKey.pub,
      hostKeys,
      progress,
    };

    await Promise.all(
      t.nodes.map(async (n) => {
        const apiserverDir = n.roles.includes('control-plane')
          ? join(workDir, 'pki', `apiserver-${n.name}`)
          : undefined;
        if (apiserverDir) {
          await issueApiserverCertificate(k8sPki, apiserverDir, {
            name: n.name,
            ip: ips.get(n.name)!,
          });
        }
        const hk = hostKeys.get(n.name)!;
        const files = [
          ...(await kubesprayNodeFiles(addressed, n, etcdPki, k8sPki, apiserverDir)),
          ...sshFiles({ authorizedKey: clientKey.pub, hostKey: hk.key, hostKeyPub: hk.pub }),
        ];
        await startNode(run, n, ips.get(n.name)!, files);
        progress.debug(`node ${n.name} booted at ${ips.get(n.name)}`);
      }),
    );
    await Promise.all(
      etcdNodes(t).map((n) => containerSh(containerNameOf(run, n.name), START_ETCD)),
    );

    const knownHostsPath = join(workDir, 'ssh', 'known_hosts');
    await writeKnownHosts(knownHostsPath, addressing, hostKeys);
    const inventoryPath = join(workDir, 'hosts.ini');
    await writeFile(
      inventoryPath,
      renderKubesprayInventory(
        t,
        addressed.ipOf,
        `Kubespray inventory of harness cluster ${ctx.name} (topology ${t.name})`,
      ),
    );
    const firstEtcd = etcdNodes(t)[0].name;
    const etcdDir = join(workDir, 'pki', 'etcd');
    const tls: EtcdClientTls = {
      cacert: join(etcdDir, 'ca.pem'),
      cert: join(etcdDir, `admin-${firstEtcd}.pem`),
      key: join(etcdDir, `admin-${firstEtcd}-key.pem`),
    };
    const etcdEndpoints = etcdNodes(t).map((n) => `https://${ips.get(n.name)}:2379`);
    await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 90_000 });

    const paths = { sshKeyPath, knownHostsPath };
    const nodes = t.nodes.map(
      (n) =>
        new LocalNode(
          n.name,
          ips.get(n.name)!,
          n.roles,
          etcdMemberName(t, n.name),
          containerNameOf(run, n.name),
          paths,
        ),
    );
    const startupSeconds = (Date.now() - ctx.t0) / 1000;
    progress.info(
      `cluster ${ctx.name} (etcd ${ctx.etcdVersion}) healthy in ${startupSeconds.toFixed(1)} s`,
    );
    return new LocalCluster(
      run,
      nodes,
      inventoryPath,
      sshKeyPath,
      knownHostsPath,
      etcdEndpoints,
      tls,
      startupSeconds,
    );
  }
}
