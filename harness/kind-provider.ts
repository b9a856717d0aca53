import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { InputError, OperationError } from '../src/errors.js';
import { type Progress, silentProgress } from '../src/progress.js';
import { newRun, ownerIsGone, TEMP_PREFIX } from './cleanup.js';
import type {
  ClusterProvider,
  EtcdClientTls,
  StartClusterOptions,
  StartedCluster,
} from './cluster.js';
import { docker, dockerBinary, runCommand } from './docker-cli.js';
import { DockerExecNode } from './docker-exec-node.js';
import { waitForEtcdHealthy } from './etcd-health.js';
import { renderDockerExecInventory } from './inventory-file.js';
import type { KubernetesApi } from './k8s-objects.js';
import {
  type NodeRole,
  type NodeSpec,
  type Topology,
  type TopologyName,
  topology as topologyByName,
} from './topology.js';

/**
 * The `kind` provider: kubeadm nodes with a real API server, made by the `kind` CLI. It runs
 * where kind and its node image exist (GitHub-hosted runners, .github/workflows/rehearsal.yml);
 * elsewhere `kindAvailability()` says why not and start() refuses with that reason.
 */
export type KindAvailability =
  | { available: true; version: string }
  | { available: false; reason: string };

export function kindBinary(): string {
  return process.env.KUBE_RESCUE_KIND ?? 'kind';
}

export async function kindAvailability(): Promise<KindAvailability> {
  const v = await runCommand(kindBinary(), ['version'], {
    allowFailure: true,
    timeoutMs: 10_000,
  }).catch((e: Error) => ({ code: -1, stdout: '', stderr: e.message }));
  if (v.code !== 0) {
    return {
      available: false,
      reason: `the \`${kindBinary()}\` CLI does not run (${v.stderr.trim().split('\n')[0] || `exit ${v.code}`})`,
    };
  }
  const d = await docker(['info', '--format', '{{.ServerVersion}}'], { allowFailure: true }).catch(
    (e: Error) => ({ code: -1, stdout: '', stderr: e.message }),
  );
  if (d.code !== 0) {
    return {
      available: false,
      reason: `no Docker engine answers (${d.stderr.trim().split('\n')[0]})`,
    };
  }
  return { available: true, version: v.stdout.trim() };
}

/** kind's cluster config: one kind node per topology node, roles mapped to kind roles. */
export function kindConfig(t: Topology): string {
  for (const n of t.nodes) {
    if (n.roles.includes('etcd') && !n.roles.includes('control-plane')) {
      throw new InputError(
        `Topology ${t.name} puts etcd on worker ${n.name}; kubeadm (kind) runs etcd only on control-plane nodes. Use the local provider for this topology.`,
      );
    }
  }
  return stringify({
    kind: 'Cluster',
    apiVersion: 'kind.x-k8s.io/v1alpha4',
    nodes: t.nodes.map((n) => ({
      role: n.roles.includes('control-plane') ? 'control-plane' : 'worker',
    })),
  });
}

/** kubeadm's etcd client certificate for health checks, copied off the first control plane. */
const KUBEADM_ETCD_PKI = '/etc/kubernetes/pki/etcd';

class KindNode extends DockerExecNode {
  constructor(name: string, ip: string, roles: readonly NodeRole[], member: string | undefined) {
    super(name, ip, roles, member, 'kind');
  }
}

class KindCluster implements StartedCluster {
  readonly provider = 'kind' as const;
  readonly layout = 'kubeadm' as const;
  /** kind nodes have no sshd: there is no key and no known_hosts. */
  readonly sshKeyPath = '';
  readonly knownHostsPath = '';
  private stopped = false;
  constructor(
    readonly name: string,
    readonly runId: string,
    readonly topology: Topology,
    readonly nodes: readonly KindNode[],
    readonly workDir: string,
    readonly inventoryPath: string,
    readonly etcdEndpoints: readonly string[],
    readonly tls: EtcdClientTls,
    readonly startupSeconds: number,
  ) {}
  /**
   * kubectl of kind's node image on the first control-plane node, with its admin.conf: the
   * runner may have no kubectl, every kind node has one.
   */
  get kubernetes(): KubernetesApi {
    const first = this.nodes.find((n) => n.roles.includes('control-plane')) ?? this.nodes[0];
    return {
      kubectl: [
        dockerBinary(),
        'exec',
        first.name,
        'kubectl',
        '--kubeconfig=/etc/kubernetes/admin.conf',
      ],
    };
  }
  node(name: string): KindNode {
    const n = this.nodes.find((x) => x.name === name);
    if (!n) throw new InputError(`kind cluster ${this.name} has no node "${name}".`);
    return n;
  }
  async stopNode(name: string) {
    await docker(['stop', '-t', '20', this.node(name).name]);
  }
  async startNode(name: string) {
    await docker(['start', this.node(name).name]);
  }
  /**
   * kind makes nodes only at cluster creation, so the nearest thing to a new machine with the
   * same IP and hostname is this node emptied of what kubeadm put there: static pods (the
   * kubelet stops them once their manifests are gone), etcd data, PKI and kubeconfigs. The
   * kubelet's own kubeconfig stays, so restored manifests run again.
   */
  async replaceWithBlankNode(name: string): Promise<void> {
    const n = this.node(name);
    await n.sh(
      [
        'set -e',
        'rm -f /etc/kubernetes/manifests/*.yaml',
        'for i in $(seq 1 60); do crictl ps -q --name "^etcd$" | grep -q . || break; sleep 1; done',
        'if crictl ps -q --name "^etcd$" | grep -q .; then echo "etcd still runs after 60 s" >&2; exit 1; fi',
        'rm -rf /var/lib/etcd/* /etc/kubernetes/pki',
        'rm -f /etc/kubernetes/admin.conf /etc/kubernetes/super-admin.conf /etc/kubernetes/controller-manager.conf /etc/kubernetes/scheduler.conf',
      ].join('\n'),
      { timeoutMs: 120_000 },
    );
  }
  async disconnectNode(name: string) {
    await docker(['network', 'disconnect', 'kind', this.node(name).name]);
  }
  async reconnectNode(name: string) {
    const n = this.node(name);
    const fixed = await docker(['network', 'connect', '--ip', n.ip, 'kind', n.name], {
      allowFailure: true,
    });
    if (fixed.code === 0) return;
    // `--ip` needs a user-configured subnet, which kind's network may not have.
    await docker(['network', 'connect', 'kind', n.name]);
    const ip = (
      await docker(['inspect', '--format', '{{.NetworkSettings.Networks.kind.IPAddress}}', n.name])
    ).stdout.trim();
    if (ip !== n.ip) {
      throw new OperationError(
        `kind node ${name} came back on ${ip} instead of ${n.ip} (${fixed.stderr.trim()}); its etcd peer URL no longer matches. Recreate the kind cluster.`,
      );
    }
  }
  async stop() {
    if (this.stopped) return;
    this.stopped = true;
    await runCommand(kindBinary(), ['delete', 'cluster', '--name', this.name], {
      allowFailure: true,
    });
    await rm(this.workDir, { recursive: true, force: true });
  }
  async [Symbol.asyncDispose]() {
    await this.stop();
  }
}

/** Deletes kind clusters of harness runs whose process is gone (their temp dir says whose). */
async function removeKindLeftovers(progress: Progress): Promise<void> {
  const clusters = (
    await runCommand(kindBinary(), ['get', 'clusters'], { allowFailure: true })
  ).stdout
    .split('\n')
    .filter((c) => c.startsWith('kube-rescue-'));
  if (clusters.length === 0) return;
  const dirs = (await readdir(tmpdir())).filter((d) => d.startsWith(TEMP_PREFIX));
  for (const c of clusters) {
    const runId = c.slice('kube-rescue-'.length);
    const dir = dirs.find((d) => d.startsWith(`${TEMP_PREFIX}${runId}-`));
    const owner = dir
      ? (await readFile(join(tmpdir(), dir, 'owner'), 'utf8').catch(() => '')).trim()
      : '';
    if (ownerIsGone(owner || undefined)) {
      progress.info(`deleting kind cluster ${c} left by a crashed harness run`);
      await runCommand(kindBinary(), ['delete', 'cluster', '--name', c], { allowFailure: true });
    }
  }
}

export class KindClusterProvider implements ClusterProvider {
  readonly name = 'kind' as const;

  async start(
    which: Topology | TopologyName,
    options: StartClusterOptions = {},
  ): Promise<StartedCluster> {
    const progress = options.progress ?? silentProgress;
    const t = typeof which === 'string' ? topologyByName(which) : which;
    const availability = await kindAvailability();
    if (!availability.available) {
      throw new OperationError(`kind not available here: ${availability.reason}`);
    }
    if (options.etcdVersion) {
      progress.info(
        `kind runs the etcd of its node image; the etcd version ${options.etcdVersion} asked for applies to the local provider only`,
      );
    }
    const config = kindConfig(t);
    const t0 = Date.now();
    await removeKindLeftovers(progress);
    const { runId, name, workDir } = await newRun();
    try {
      const configPath = join(workDir, 'kind.yaml');
      await writeFile(configPath, config);
      await progress.phase(`kind create cluster ${name} (${t.name})`, () =>
        runCommand(
          kindBinary(),
          [
            'create',
            'cluster',
            '--name',
            name,
            '--config',
            configPath,
            '--kubeconfig',
            join(workDir, 'kubeconfig'),
            '--wait',
            '180s',
          ],
          { timeoutMs: 600_000 },
        ),
      );
      const kindNodes = (await runCommand(kindBinary(), ['get', 'nodes', '--name', name])).stdout
        .split('\n')
        .filter(Boolean)
        .sort();
      const nodes: KindNode[] = [];
      for (const container of kindNodes) {
        const ip = (
          await docker([
            'inspect',
            '--format',
            '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
            container,
          ])
        ).stdout
          .trim()
          .split(' ')[0];
        const controlPlane = container.includes('control-plane');
        const roles: NodeRole[] = controlPlane ? ['control-plane', 'etcd'] : ['worker'];
        // kubeadm names each etcd member after its node.
        nodes.push(new KindNode(container, ip, roles, controlPlane ? container : undefined));
      }
      const controlPlanes = nodes.filter((n) => n.roles.includes('etcd'));
      if (controlPlanes.length === 0) {
        throw new OperationError(
          `kind cluster ${name} has no control-plane node (kind get nodes: ${kindNodes.join(', ')}).`,
        );
      }
      const pkiDir = join(workDir, 'pki');
      await mkdir(pkiDir, { mode: 0o700 });
      for (const f of ['ca.crt', 'healthcheck-client.crt', 'healthcheck-client.key']) {
        await docker(['cp', `${controlPlanes[0].name}:${KUBEADM_ETCD_PKI}/${f}`, join(pkiDir, f)]);
      }
      const tls: EtcdClientTls = {
        cacert: join(pkiDir, 'ca.crt'),
        cert: join(pkiDir, 'healthcheck-client.crt'),
        key: join(pkiDir, 'healthcheck-client.key'),
      };
      const etcdEndpoints = controlPlanes.map((n) => `https://${n.ip}:2379`);
      await waitForEtcdHealthy(etcdEndpoints, tls, { timeoutMs: 120_000 });
      const kindTopology: Topology = {
        name: t.name,
        nodes: nodes.map((n): NodeSpec => ({ name: n.name, roles: [...n.roles] })),
      };
      const inventoryPath = join(workDir, 'hosts.ini');
      await writeFile(inventoryPath, renderKindInventory(nodes, name));
      return new KindCluster(
        name,
        runId,
        kindTopology,
        nodes,
        workDir,
        inventoryPath,
        etcdEndpoints,
        tls,
        (Date.now() - t0) / 1000,
      );
    } catch (err) {
      await runCommand(kindBinary(), ['delete', 'cluster', '--name', name], { allowFailure: true });
      await rm(workDir, { recursive: true, force: true });
      throw err;
    }
  }
}

/** Kubespray-style groups for kind nodes, reached with `docker exec` (no sshd on kind nodes). */
function renderKindInventory(nodes: readonly KindNode[], name: string): string {
  return renderDockerExecInventory(
    nodes,
    `Inventory of kind cluster ${name} (kubeadm layout; reach nodes with --transport docker)`,
  );
}
