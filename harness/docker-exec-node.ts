import { OperationError } from '../src/errors.js';
import type { Transport } from '../src/nodes/transport.js';
import type { ClusterNode } from './cluster.js';
import { containerSh } from './local-provider.js';
import { openNodeTransport } from './node-transport.js';
import type { NodeRole } from './topology.js';

/**
 * A node without sshd (kind's and the kubeadm provider's), reached with `docker exec`. Its
 * container name is its name, as `--transport docker` reaches it, unless the node is named
 * after a user's host (a kubeadm replica of an inventory: containers stay run-prefixed).
 */
export class DockerExecNode implements ClusterNode {
  constructor(
    readonly name: string,
    readonly ip: string,
    readonly roles: readonly NodeRole[],
    readonly etcdMemberName: string | undefined,
    /** The provider, for the error: `kind`, `kubeadm`. */
    private readonly provider: string,
    readonly containerName: string = name,
  ) {}
  transport(kind: 'docker' | 'ssh' = 'docker'): Promise<Transport> {
    if (kind === 'ssh') {
      throw new OperationError(
        `${this.provider} node ${this.name} has no sshd; use the docker transport for ${this.provider} clusters.`,
      );
    }
    return openNodeTransport('docker', {
      node: this.name,
      containerName: this.containerName,
      address: this.ip,
      sshKeyPath: '',
      knownHostsPath: '',
    });
  }
  sh(script: string, options?: { allowFailure?: boolean; timeoutMs?: number }) {
    return containerSh(this.containerName, script, options);
  }
}
