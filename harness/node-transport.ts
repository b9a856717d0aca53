import { NotBuiltError } from '../src/errors.js';
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
  // src/nodes/docker.ts is being written in its own issue; until it lands the harness
  // reaches nodes through SSH or its own `docker exec` (ClusterNode.sh).
  throw new NotBuiltError(
    `The docker transport to harness node ${target.node} (container ${target.containerName})`,
    'Node transports: local, SSH and docker exec',
  );
}
