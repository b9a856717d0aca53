import { InputError } from '../errors.js';
import type { EtcdMemberHost, Host, HostVars, Inventory, VarLayers } from './types.js';

/** A place in an inventory file, for errors people can act on. */
export interface Where {
  source: string;
  line: number;
}

export const at = (w: Where): string => `${w.source}:${w.line}`;

export interface DeclaredGroup {
  name: string;
  /** Hosts listed directly in the group, in file order. */
  hosts: string[];
  children: string[];
  /** Where each child entry is written, for errors about cycles. */
  childWhere: Map<string, Where>;
  vars: HostVars;
  where: Where;
  /** Whether any section or key defines the group (not only a `:vars` or a children line). */
  defined: boolean;
  varsWhere?: Where;
}

/**
 * What an inventory file says, before Ansible's rules are applied: groups with their direct
 * hosts, children and vars, and host vars in file order. Both formats parse into this.
 */
export class DeclaredInventory {
  readonly groups = new Map<string, DeclaredGroup>();
  readonly hostOrder: string[] = [];
  readonly hostVars = new Map<string, HostVars>();
  /** Groups in the order Ansible creates them (a `:vars` section alone creates none). */
  readonly definedOrder: string[] = [];

  constructor(readonly source: string) {}

  group(name: string, where: Where, defines = true): DeclaredGroup {
    let g = this.groups.get(name);
    if (!g) {
      g = { name, hosts: [], children: [], childWhere: new Map(), vars: {}, where, defined: false };
      // Ansible creates these two before reading anything.
      if (name === 'all' || name === 'ungrouped') g.defined = true;
      this.groups.set(name, g);
    }
    if (defines && !g.defined) {
      g.defined = true;
      this.definedOrder.push(name);
    }
    return g;
  }

  addHost(groupName: string | undefined, host: string, vars: HostVars, where: Where): void {
    if (!this.hostVars.has(host)) {
      this.hostOrder.push(host);
      this.hostVars.set(host, {});
    }
    // Ansible merges the vars of every line that names the host; later lines win.
    Object.assign(this.hostVars.get(host)!, vars);
    if (groupName !== undefined) {
      const g = this.group(groupName, where);
      if (!g.hosts.includes(host)) g.hosts.push(host);
    }
  }

  addChild(parent: string, child: string, where: Where): void {
    const p = this.group(parent, where);
    this.group(child, where, true);
    if (!p.children.includes(child)) {
      p.children.push(child);
      p.childWhere.set(child, where);
    }
  }
}

/** Legacy names first-to-last: Kubespray renamed kube-master to kube_control_plane in 2.16. */
export const CONTROL_PLANE_GROUPS = ['kube_control_plane', 'kube-master', 'kube_master'] as const;

/** The broken-hosts group recover-control-plane.yml reads for a given control-plane group. */
export function brokenControlPlaneGroupFor(controlPlaneGroup: string): string {
  return controlPlaneGroup === 'kube-master' ? 'broken_kube-master' : 'broken_kube_control_plane';
}

function checkCycles(declared: DeclaredInventory): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      const closing = declared.groups.get(cycle[cycle.length - 2])!;
      const where = closing.childWhere.get(name)!;
      throw new InputError(
        `${at(where)}: groups form a cycle through their children: ${cycle.join(' → ')} ` +
          `(here [${closing.name}] lists ${name} as a child). A group cannot contain itself; remove one of these children entries.`,
      );
    }
    state.set(name, 'visiting');
    path.push(name);
    for (const child of declared.groups.get(name)?.children ?? []) visit(child);
    path.pop();
    state.set(name, 'done');
  };
  for (const name of declared.groups.keys()) visit(name);
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Applies Ansible's rules: children resolution, implicit all/ungrouped, var precedence. */
export function resolveInventory(
  declared: DeclaredInventory,
  format: 'ini' | 'yaml',
  text: string,
  layers: VarLayers = {},
  checks: { memberNames: boolean } = { memberNames: true },
): Inventory {
  checkCycles(declared);
  for (const g of declared.groups.values()) {
    if (!g.defined && g.varsWhere) {
      throw new InputError(
        `${at(g.varsWhere)}: vars are given for group [${g.name}], but no section or children entry defines that group. ` +
          `Add a [${g.name}] section (it may be empty) or fix the group name.`,
      );
    }
  }

  const parents = new Map<string, string[]>();
  for (const g of declared.groups.values()) {
    for (const c of g.children) parents.set(c, [...(parents.get(c) ?? []), g.name]);
  }
  const depthMemo = new Map<string, number>();
  const depthOf = (name: string): number => {
    if (name === 'all') return 0;
    const known = depthMemo.get(name);
    if (known !== undefined) return known;
    const ps = (parents.get(name) ?? []).filter((p) => p !== 'all');
    const d = ps.length === 0 ? 1 : Math.max(...ps.map(depthOf)) + 1;
    depthMemo.set(name, d);
    return d;
  };

  // Ansible's implicit groups: every group without a parent is a child of `all` (after
  // `ungrouped`, which always comes first), and `ungrouped` holds hosts in no other group.
  const allChildren = unique([
    'ungrouped',
    ...(declared.groups.get('all')?.children ?? []),
    ...declared.definedOrder.filter((g) => g !== 'all' && g !== 'ungrouped' && !parents.has(g)),
  ]);
  const childrenOf = (name: string): string[] =>
    name === 'all' ? allChildren : (declared.groups.get(name)?.children ?? []);
  const inSomeGroup = new Set<string>();
  for (const g of declared.groups.values()) {
    if (g.name !== 'all' && g.name !== 'ungrouped') for (const h of g.hosts) inSomeGroup.add(h);
  }
  const ungrouped = declared.hostOrder.filter((h) => !inSomeGroup.has(h));
  const directHosts = (name: string): string[] =>
    name === 'ungrouped' ? ungrouped : (declared.groups.get(name)?.hosts ?? []);

  /**
   * A group's hosts in Ansible's order (Group.get_hosts): its own, then its children's, then
   * its grandchildren's, level by level. Ansible walks a level as a Python set; where several
   * groups of one level have children, this takes them in file order.
   */
  const hostsOf = (name: string): string[] => {
    const ordered = [name, ...childrenOf(name)];
    const seen = new Set<string>();
    let level = unique(childrenOf(name));
    while (level.length > 0) {
      for (const g of level) seen.add(g);
      const next: string[] = [];
      for (const g of level) {
        for (const c of childrenOf(g)) {
          next.push(c);
          if (!seen.has(c)) ordered.push(c);
        }
      }
      level = unique(next).filter((g) => !seen.has(g));
    }
    return unique(ordered.flatMap(directHosts));
  };

  const groups = new Map<string, string[]>();
  for (const name of ['all', 'ungrouped', ...declared.groups.keys()]) {
    if (!groups.has(name)) groups.set(name, hostsOf(name));
  }

  const priorityOf = (name: string): number => {
    const p = declared.groups.get(name)?.vars.ansible_group_priority;
    return typeof p === 'number' ? p : 1;
  };
  const hosts = new Map<string, Host>();
  for (const name of declared.hostOrder) {
    const memberOf = [...groups.keys()].filter((g) => g === 'all' || groups.get(g)!.includes(name));
    // Ansible's order: shallow groups first, then ansible_group_priority, then name.
    memberOf.sort(
      (a, b) =>
        depthOf(a) - depthOf(b) || priorityOf(a) - priorityOf(b) || (a < b ? -1 : a > b ? 1 : 0),
    );
    // Ansible's VARIABLE_PRECEDENCE: the file's group vars, then group_vars/ files, then the
    // file's host vars, then host_vars/ files, then extra vars.
    const vars: HostVars = {};
    for (const g of memberOf) {
      // Ansible takes ansible_group_priority as the group's priority, not as a var.
      const { ansible_group_priority: _, ...groupVars } = declared.groups.get(g)?.vars ?? {};
      Object.assign(vars, groupVars);
    }
    for (const g of memberOf) Object.assign(vars, layers.groupVarsFiles?.get(g));
    Object.assign(
      vars,
      declared.hostVars.get(name),
      layers.hostVarsFiles?.get(name),
      layers.extraVars,
    );
    hosts.set(name, { name, vars });
  }

  const inventory = new ResolvedInventory(declared.source, format, hosts, groups, text, layers);
  if (checks.memberNames) inventory.checkEtcdMemberNames();
  return inventory;
}

const str = (v: unknown): string | undefined =>
  v === undefined || v === null || v === '' ? undefined : String(v);

class ResolvedInventory implements Inventory {
  constructor(
    readonly source: string,
    readonly format: 'ini' | 'yaml',
    readonly hosts: Map<string, Host>,
    readonly groups: Map<string, string[]>,
    readonly text: string,
    readonly varLayers: VarLayers,
  ) {}

  get extraVars(): HostVars {
    return this.varLayers.extraVars ?? {};
  }

  private requireHost(host: string): Host {
    const h = this.hosts.get(host);
    if (!h) {
      throw new InputError(
        `host '${host}' is not in the inventory ${this.source} (it has: ${[...this.hosts.keys()].join(', ') || 'no hosts'}).`,
      );
    }
    return h;
  }

  /** Members with names, without the empty-group check: used by validation and the rewrite. */
  membersOrEmpty(): EtcdMemberHost[] {
    return (this.groups.get('etcd') ?? []).map((host, i) => {
      const vars = this.hosts.get(host)!.vars;
      // Kubespray: hostvars[host].etcd_member_name | default("etcd" + loop.index) over groups['etcd'].
      const memberName = str(vars.etcd_member_name) ?? `etcd${i + 1}`;
      const address = str(vars.access_ip) ?? str(vars.ip) ?? str(vars.ansible_host) ?? host;
      return { host, memberName, address };
    });
  }

  checkEtcdMemberNames(): void {
    const byName = new Map<string, string>();
    for (const m of this.membersOrEmpty()) {
      const other = byName.get(m.memberName);
      if (other) {
        throw new InputError(
          `${this.source}: etcd hosts '${other}' and '${m.host}' both have the etcd member name '${m.memberName}'. ` +
            'Each etcd member needs its own etcd_member_name (when unset, Kubespray uses etcd1…etcdN by position in [etcd]); ' +
            'set it per host, not in group or extra vars.',
        );
      }
      byName.set(m.memberName, m.host);
    }
  }

  etcdMembers(): EtcdMemberHost[] {
    const members = this.membersOrEmpty();
    if (members.length === 0) {
      throw new InputError(
        `${this.source}: the [etcd] group has no hosts. Kubespray needs the etcd members listed in [etcd] ` +
          '(directly, or through [etcd:children]).',
      );
    }
    return members;
  }

  controlPlaneGroup(): string | undefined {
    return CONTROL_PLANE_GROUPS.find((g) => this.groups.has(g));
  }

  controlPlane(): string[] {
    const g = this.controlPlaneGroup();
    return g ? [...this.groups.get(g)!] : [];
  }

  brokenEtcd(): string[] {
    return [...(this.groups.get('broken_etcd') ?? [])];
  }

  brokenControlPlane(): string[] {
    const g = brokenControlPlaneGroupFor(this.controlPlaneGroup() ?? 'kube_control_plane');
    return [...(this.groups.get(g) ?? this.groups.get('broken_kube_control_plane') ?? [])];
  }

  addressOf(host: string): string {
    const v = this.requireHost(host).vars;
    return str(v.ansible_host) ?? str(v.access_ip) ?? str(v.ip) ?? host;
  }

  sshOf(host: string): { user?: string; port?: number } {
    const v = this.requireHost(host).vars;
    const port = v.ansible_port === undefined ? undefined : Number(v.ansible_port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
      throw new InputError(
        `${this.source}: ansible_port of host '${host}' is '${String(v.ansible_port)}', not a port number (1–65535).`,
      );
    }
    return { user: str(v.ansible_user), port };
  }
}
