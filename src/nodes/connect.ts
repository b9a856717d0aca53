import { InputError } from '../errors.js';
import type { NodeAccess } from './access.js';
import { DockerTransport } from './docker.js';
import { LocalTransport } from './local.js';
import { type SshEndpoint, SshTransport } from './ssh.js';
import type { Transport } from './transport.js';

/** A node as the inventory gives it: name, address, and its own `ansible_user`/`ansible_port`. */
export interface NodeTarget {
  name: string;
  address: string;
  user?: string;
  port?: number;
}

/**
 * The one place that turns "this node, with these access flags" into a Transport. For
 * transport `docker` the container is the node's name (kind and harness nodes are named so).
 */
export function connectNode(target: NodeTarget, access: NodeAccess): Transport {
  switch (access.transport) {
    case 'local':
      return new LocalTransport(target.name);
    case 'docker':
      return new DockerTransport(target.name);
    case 'ssh':
      return new SshTransport({
        node: target.name,
        host: target.address,
        port: target.port,
        // The inventory's own user for a host wins over the common flag, as with Ansible.
        user: target.user ?? access.sshUser ?? 'root',
        privateKey: access.sshKey,
        privateKeyFile: access.sshKey ? undefined : access.sshKeyFile,
        knownHostsFile: access.knownHosts,
        checkHostKey: !access.insecureSkipHostKeyCheck,
        jump: access.jumpHost ? parseJumpHost(access.jumpHost) : undefined,
      });
    default:
      throw new InputError(
        `Unknown transport '${(access as { transport: string }).transport}': use ssh, local or docker.`,
      );
  }
}

/** `[user@]host[:port]`, with `[v6addr]:port` for IPv6, as `ssh -J` takes it. */
export function parseJumpHost(text: string): SshEndpoint {
  const match = /^(?:([^@\s]+)@)?(\[[0-9a-fA-F:.]+\]|[^@:\s[\]]+)(?::(\d{1,5}))?$/.exec(
    text.trim(),
  );
  const port = match?.[3] === undefined ? undefined : Number(match[3]);
  if (!match || (port !== undefined && (port < 1 || port > 65535))) {
    throw new InputError(
      `Jump host '${text}' is not of the form user@host:port (user and port optional, e.g. ops@bastion.example:22).`,
    );
  }
  const host = match[2].startsWith('[') ? match[2].slice(1, -1) : match[2];
  return { host, user: match[1], port };
}

/**
 * One Transport per node for the length of a command, so an SSH connection is opened once
 * and reused by every step; `closeAll()` at the end releases them all.
 */
export class NodePool {
  private readonly transports = new Map<string, Transport>();

  constructor(
    private readonly access: NodeAccess,
    private readonly connect: (target: NodeTarget, access: NodeAccess) => Transport = connectNode,
  ) {}

  get(target: NodeTarget): Transport {
    let transport = this.transports.get(target.name);
    if (!transport) {
      transport = this.connect(target, this.access);
      this.transports.set(target.name, transport);
    }
    return transport;
  }

  async closeAll(): Promise<void> {
    const all = [...this.transports.values()];
    this.transports.clear();
    await Promise.allSettled(all.map((t) => t.close()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.closeAll();
  }
}
