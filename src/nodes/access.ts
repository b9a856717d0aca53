/** How the user told us to reach nodes and etcd: the common flags / action inputs. */
export interface NodeAccess {
  transport: 'ssh' | 'local' | 'docker';
  sshUser?: string;
  /** Path of a private key file. */
  sshKeyFile?: string;
  /** Private key material (action input); never logged. */
  sshKey?: string;
  /** known_hosts file; default ~/.ssh/known_hosts. */
  knownHosts?: string;
  /** Explicit opt-out of host-key checking. */
  insecureSkipHostKeyCheck?: boolean;
  /** `user@host:port` of a jump host. */
  jumpHost?: string;
  etcdEndpoints?: string[];
  etcdCacert?: string;
  etcdCert?: string;
  etcdKey?: string;
  /** Cluster layout; `auto` detects it on the node. */
  layout: 'auto' | 'kubespray' | 'kubeadm';
}

export const defaultNodeAccess: NodeAccess = { transport: 'ssh', layout: 'auto' };
