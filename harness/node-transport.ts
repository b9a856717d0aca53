import { DockerTransport } from '../src/nodes/docker.js';
import { SshTransport } from '../src/nodes/ssh.js';
import type { Transport } from '../src/nodes/transport.js';

/** How the harness hands a node to recovery code: the project's own transports. */
export interface NodeTransportTarget {
  node: string;
  containerName: string;
  address: string;
  /** Empty when the node has no sshd (kind). */
  sshKeyPath: string;
  knownHostsPath: string;
}

export async function openNodeTransport(
  kind: 'docker' | 'ssh',
  target: NodeTransportTarget,
): Promise<Transport> {
  if (kind === 'ssh') {
    return new SshTransport({
      node: target.node,
      host: target.address,
      user: 'root',
      privateKeyFile: target.sshKeyPath,
      knownHostsFile: target.knownHostsPath,
    });
  }
  return new DockerTransport(target.node, { container: target.containerName });
}
