import { OperationError } from '../src/errors.js';
import type { Transport } from '../src/nodes/transport.js';
import type { ClusterNode } from './cluster.js';
import { containerSh } from './local-provider.js';
import { openNodeTransport } from './node-transport.js';
import type { NodeRole } from './topology.js';

/**
 * A node whose container name is its name and which has no sshd (kind's and the kubeadm
 * provider's): reached with `docker exec`, as `--transport docker` reaches it.
 */
export class DockerExecNode implements ClusterNode {
  constructor(
    readonly name: string,
    readonly ip: string,
    readonly roles: readonly NodeRole[],
    readonly etcdMemberName: string | undefined,
    /** The provider, for the error: `kind`, `kubeadm`. */
    private readonly provider: string,
  ) {}
  get containerName() {
    return this.name;
  }
  transport(kind: 'docker' | 'ssh' = 'docker'): Promise<Transport> {
    if (kind === 'ssh') {
      throw new OperationError(
        `${this.provider} node ${this.name} has no sshd; use the docker transport for ${this.provider} clusters.`,
      );
    }
    return openNodeTransport('docker', {
      node: this.name,
      containerName: this.name,
      address: this.ip,
      sshKeyPath: '',
      knownHostsPath: '',
    });
  }
  sh(script: string, options?: { allowFailure?: boolean; timeoutMs?: number }) {
    return containerSh(this.name, script, options);
  }
}
