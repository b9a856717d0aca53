import type { Readable } from 'node:stream';
import type { GenericContainer, StartedTestContainer } from 'testcontainers';
import { namedExports } from '../src/cjs-interop.js';

/**
 * A systemd node container, following the testcontainers module shape. testcontainers is
 * loaded only after its environment is set: the reaper image cannot be pulled here, and this
 * machine has /.dockerenv, which would make testcontainers look for a host inside a container.
 */
type Testcontainers = typeof import('testcontainers');
let loaded: Promise<Testcontainers> | undefined;

export function loadTestcontainers(): Promise<Testcontainers> {
  process.env.TESTCONTAINERS_RYUK_DISABLED ??= 'true';
  process.env.TESTCONTAINERS_HOST_OVERRIDE ??= 'localhost';
  loaded ??= import('testcontainers').then(namedExports);
  return loaded;
}

export interface NodeContainerSpec {
  image: string;
  containerName: string;
  hostname: string;
  network: string;
  ip: string;
  labels: Record<string, string>;
  /** Files placed before systemd boots (a tar with paths relative to /). */
  files: Readable;
  /** kubeadm nodes: anonymous volumes (removed with the container), devices, namespaced sysctls, /etc/hosts entries. */
  volumes?: string[];
  devices?: string[];
  sysctls?: Record<string, string>;
  extraHosts?: { host: string; ipAddress: string }[];
}

/** Starts one node: systemd as PID 1 with the flags that work on this engine (not --privileged). */
export async function startNodeContainer(spec: NodeContainerSpec): Promise<StartedTestContainer> {
  const tc = await loadTestcontainers();
  class NodeContainer extends tc.GenericContainer {
    constructor() {
      super(spec.image);
      this.withName(spec.containerName)
        .withHostname(spec.hostname)
        .withLabels(spec.labels)
        .withNetworkMode(spec.network)
        .withAddedCapabilities('ALL')
        .withDroppedCapabilities('SYS_RESOURCE')
        .withSecurityOpt('seccomp=unconfined')
        .withTmpFs({ '/run': 'rw', '/run/lock': 'rw' })
        .withBindMounts([{ source: '/sys/fs/cgroup', target: '/sys/fs/cgroup', mode: 'ro' }])
        .withCopyArchivesToContainer([{ tar: spec.files, target: '/' }])
        .withPullPolicy(localImageOnly)
        .withExtraHosts(spec.extraHosts ?? [])
        .withStartupTimeout(60_000);
    }
    protected override async beforeContainerCreated(): Promise<void> {
      // systemd halts cleanly on SIGRTMIN+3 (docker import cannot set STOPSIGNAL).
      this.createOpts.StopSignal = 'SIGRTMIN+3';
      // testcontainers has no builder for a fixed address on a user-defined network.
      this.createOpts.NetworkingConfig = {
        EndpointsConfig: { [spec.network]: { IPAMConfig: { IPv4Address: spec.ip } } },
      };
      if (spec.volumes) {
        this.createOpts.Volumes = Object.fromEntries(spec.volumes.map((v) => [v, {}]));
      }
      // testcontainers creates the container with its own hostConfig, not createOpts.HostConfig.
      const host = this.hostConfig;
      if (spec.devices) {
        host.Devices = spec.devices.map((d) => ({
          PathOnHost: d,
          PathInContainer: d,
          CgroupPermissions: 'r',
        }));
      }
      if (spec.sysctls) host.Sysctls = spec.sysctls;
    }
  }
  const container: GenericContainer = new NodeContainer();
  return container.start();
}

/** Images here are built locally from Debian; there is no registry to pull from. */
const localImageOnly = { shouldPull: () => false };
