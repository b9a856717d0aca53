/** A Kubespray (Ansible) inventory, typed: the shape every other module consumes. */
export type HostVars = Record<string, string | number | boolean | null | undefined | object>;

export interface Host {
  /** Inventory hostname (Ansible's inventory_hostname). */
  name: string;
  /** All vars that apply to this host, group vars and extra vars merged as Ansible does. */
  vars: HostVars;
}

export interface EtcdMemberHost {
  host: string;
  /** etcd member name: `etcd_member_name`, or Kubespray's `etcd<N>` by position in [etcd]. */
  memberName: string;
  /** Address to reach the host and its etcd (access_ip / ip / ansible_host / name). */
  address: string;
}

export interface Inventory {
  /** Path the inventory was read from. */
  source: string;
  format: 'ini' | 'yaml';
  hosts: Map<string, Host>;
  /** Group name → host names, children resolved, in inventory order. */
  groups: Map<string, string[]>;
  /** Ordered etcd members (the `etcd` group). */
  etcdMembers(): EtcdMemberHost[];
  /** Ordered control-plane hosts (`kube_control_plane`, or legacy `kube-master`). */
  controlPlane(): string[];
  brokenEtcd(): string[];
  brokenControlPlane(): string[];
  /** Address to reach a host: ansible_host, else access_ip, else ip, else its name. */
  addressOf(host: string): string;
  /** SSH user and port from ansible_user / ansible_port, when set. */
  sshOf(host: string): { user?: string; port?: number };
  /** The inventory file's text as read, so a rewrite can keep everything it does not change. */
  text: string;
  /** Extra vars (ansible `-e @file`) merged into every host's vars, highest precedence. */
  extraVars: HostVars;
  /** Every source of vars outside the inventory file that went into `hosts[].vars`. */
  varLayers: VarLayers;
}

/** Vars from outside the inventory file; Ansible applies them in this order, later winning. */
export interface VarLayers {
  /** `group_vars/<group>` files beside the inventory (above the file's own group vars). */
  groupVarsFiles?: Map<string, HostVars>;
  /** `host_vars/<host>` files beside the inventory (above the file's own host vars). */
  hostVarsFiles?: Map<string, HostVars>;
  /** `ansible-playbook -e @file`: above everything. */
  extraVars?: HostVars;
}
