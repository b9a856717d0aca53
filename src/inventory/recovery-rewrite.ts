import { InputError } from '../errors.js';
import {
  type InventoryDocument,
  type InventoryFormat,
  parseInventory,
  parseInventoryDocument,
  writeInventoryDocument,
} from './document.js';
import { iniMoveHostFirst, iniSetGroupHosts, iniSetHostVars } from './ini.js';
import { brokenControlPlaneGroupFor, CONTROL_PLANE_GROUPS, resolveInventory } from './resolve.js';
import type { HostVars, Inventory } from './types.js';
import { yamlMoveHostFirst, yamlSetGroupHosts, yamlSetHostVars } from './yaml.js';

export interface RecoveryRewriteOptions {
  /** etcd hosts that lost their data or are gone; copied into [broken_etcd]. */
  brokenEtcd: string[];
  /** Control-plane hosts to rebuild; copied into [broken_kube_control_plane]. */
  brokenControlPlane: string[];
  /** Only for text input: the format, when the source name does not tell. */
  format?: InventoryFormat;
  /** Only for text input: the file name used in errors. */
  source?: string;
  /** Only for text/document input: extra vars (ansible -e), which override the inventory. */
  extraVars?: HostVars;
  /**
   * Snapshot Kubespray restores from (`etcd_snapshot`). Only with one may every etcd member be
   * broken: the first etcd host then stays first and is restored from it.
   */
  etcdSnapshot?: string;
}

type Input = string | InventoryDocument | Inventory;

function unpack(input: Input, o: RecoveryRewriteOptions) {
  if (typeof input === 'string') {
    return {
      text: input,
      source: o.source ?? 'inventory',
      format: o.format,
      layers: { extraVars: o.extraVars },
    };
  }
  if ('declared' in input) {
    return {
      text: writeInventoryDocument(input),
      source: input.source,
      format: input.format,
      layers: { extraVars: o.extraVars },
    };
  }
  return { text: input.text, source: input.source, format: input.format, layers: input.varLayers };
}

const unique = (xs: string[]): string[] => [...new Set(xs)];

/** `wanted`, with the hosts an existing group already lists first and in its order: reruns change nothing. */
const keepingOrderOf = (existing: string[], wanted: string[]): string[] => [
  ...existing.filter((h) => wanted.includes(h)),
  ...wanted.filter((h) => !existing.includes(h)),
];

/**
 * The inventory edit the Kubespray recovery runbook asks for before recover-control-plane.yml:
 * a healthy host first in [etcd] (with its etcd_member_name written out) and in the
 * control-plane group; broken hosts copied, not moved, into [broken_etcd] (with their
 * etcd_member_name) and [broken_kube_control_plane], both present even when empty. Nothing
 * else in the file changes. Throws InputError, before anything is written, when the request
 * cannot be met or the result would not mean what it should.
 */
export function recoveryRewrite(input: Input, options: RecoveryRewriteOptions): string {
  const { text, source, format: givenFormat, layers } = unpack(input, options);
  const inv = parseInventory(text, source, givenFormat, layers);
  const format = inv.format;
  const brokenEtcd = unique(options.brokenEtcd);
  const brokenCp = unique(options.brokenControlPlane);

  const cpGroup = CONTROL_PLANE_GROUPS.find((g) => inv.groups.has(g));
  const cp = cpGroup ? inv.groups.get(cpGroup)! : [];
  const checkHosts = (hosts: string[], flag: string, group: string, members: string[]) => {
    for (const h of hosts) {
      if (!inv.hosts.has(h)) {
        throw new InputError(
          `${flag} names '${h}', which is not a host in ${source} (its hosts: ${[...inv.hosts.keys()].join(', ') || 'none'}). Use the inventory hostname.`,
        );
      }
      if (!members.includes(h)) {
        throw new InputError(
          `${flag} names '${h}', which is not in [${group}] of ${source} ([${group}] has: ${members.join(', ') || 'no hosts'}).`,
        );
      }
    }
  };
  const members = inv.etcdMembers();
  const names = new Map(members.map((m) => [m.host, m.memberName]));
  // Members as an intermediate text lists them; names may clash until the rewrite is done.
  const membersNow = (t: string) => {
    const doc = parseInventoryDocument(t, source, format);
    return resolveInventory(doc.declared, format, t, layers, {
      memberNames: false,
    }).etcdMembers();
  };
  checkHosts(
    brokenEtcd,
    '--broken-etcd',
    'etcd',
    members.map((m) => m.host),
  );
  checkHosts(brokenCp, '--broken-control-plane', cpGroup ?? 'kube_control_plane', cp);

  const healthyEtcd = members.find((m) => !brokenEtcd.includes(m.host));
  if (!healthyEtcd && !options.etcdSnapshot) {
    throw new InputError(
      `every etcd member in ${source} (${members.map((m) => m.host).join(', ')}) is listed as broken, so no member holds the data to recover from. ` +
        'Recovery then needs an etcd snapshot: put `etcd_snapshot: /path/to/etcd-snapshot.db` in an extra-vars file and pass it with -e @that-file ' +
        '(ansible-playbook takes the same -e etcd_snapshot=…), or let `kube-rescue restore --backup BACKUP` restore from a kube-rescue backup.',
    );
  }
  const firstEtcd = healthyEtcd ?? members[0];
  const explicitName = inv.hosts.get(firstEtcd.host)!.vars.etcd_member_name;
  const etcdVars: Record<string, string> =
    explicitName === undefined || explicitName === null || explicitName === ''
      ? { etcd_member_name: firstEtcd.memberName }
      : {};

  const move = format === 'ini' ? iniMoveHostFirst : yamlMoveHostFirst;
  const setHosts = format === 'ini' ? iniSetGroupHosts : yamlSetGroupHosts;
  const setVars = (t: string, host: string, vars: Record<string, string>) =>
    format === 'ini'
      ? iniSetHostVars(t, source, host, vars)
      : yamlSetHostVars(t, source, undefined, host, vars);
  let out = text;
  // Control plane first: when [etcd] is made of [kube_control_plane] (Kubespray's sample),
  // this reorders etcd too, and the etcd step below must see that order.
  const firstCp = cp.find((h) => !brokenCp.includes(h));
  if (cpGroup && firstCp && firstCp !== cp[0]) out = move(out, source, cpGroup, firstCp, {});
  if (firstEtcd.host !== membersNow(out)[0].host || Object.keys(etcdVars).length > 0) {
    out = move(out, source, 'etcd', firstEtcd.host, etcdVars);
  }
  // A member whose position moved would get another etcd<N> name, and with it another
  // member ID: write its old name out. Broken members get theirs in [broken_etcd] below.
  const shifted = new Map(membersNow(out).map((m) => [m.host, m.memberName]));
  for (const m of members) {
    if (!brokenEtcd.includes(m.host) && shifted.get(m.host) !== m.memberName) {
      out = setVars(out, m.host, { etcd_member_name: m.memberName });
    }
  }
  const brokenEtcdEntries = keepingOrderOf(
    inv.brokenEtcd(),
    members.filter((m) => brokenEtcd.includes(m.host)).map((m) => m.host),
  ).map((host) => ({ host, vars: { etcd_member_name: names.get(host)! } }));
  out = setHosts(out, source, 'broken_etcd', brokenEtcdEntries);
  const brokenCpGroup = brokenControlPlaneGroupFor(cpGroup ?? 'kube_control_plane');
  const brokenCpEntries = keepingOrderOf(
    inv.brokenControlPlane(),
    cp.filter((h) => brokenCp.includes(h)),
  ).map((host) => ({ host, vars: {} }));
  out = setHosts(out, source, brokenCpGroup, brokenCpEntries);

  checkRewrite(inv, out, {
    firstEtcd: firstEtcd.host,
    firstCp: firstCp ?? cp[0],
    cpGroup,
    brokenCpGroup,
    brokenEtcd: brokenEtcdEntries.map((e) => e.host),
    brokenCp: brokenCpEntries.map((e) => e.host),
  });
  return out;
}

/**
 * Reads the result back and checks that it means what recovery needs; above all that every
 * etcd member keeps its member name (a changed name is the member-ID mismatch Kubespray users
 * hit when they edit by hand).
 */
function checkRewrite(
  before: Inventory,
  text: string,
  want: {
    firstEtcd: string;
    firstCp?: string;
    cpGroup?: string;
    brokenCpGroup: string;
    brokenEtcd: string[];
    brokenCp: string[];
  },
): void {
  const after = parseInventory(text, before.source, before.format, before.varLayers);
  const problems: string[] = [];
  const names = new Map(after.etcdMembers().map((m) => [m.host, m.memberName]));
  for (const m of before.etcdMembers()) {
    const now = names.get(m.host);
    if (now !== m.memberName) {
      problems.push(
        `etcd host '${m.host}' would be member '${now ?? '(none)'}' instead of '${m.memberName}'`,
      );
    }
  }
  if (names.size !== before.etcdMembers().length)
    problems.push('the set of etcd hosts would change');
  if (after.etcdMembers()[0].host !== want.firstEtcd) {
    problems.push(
      `[etcd] would start with '${after.etcdMembers()[0].host}', not '${want.firstEtcd}'`,
    );
  }
  if (want.cpGroup && after.groups.get(want.cpGroup)?.[0] !== want.firstCp) {
    problems.push(`[${want.cpGroup}] would not start with '${want.firstCp}'`);
  }
  const same = (a: string[] | undefined, b: string[]) =>
    JSON.stringify(a ?? []) === JSON.stringify(b);
  if (!same(after.groups.get('broken_etcd'), want.brokenEtcd)) {
    problems.push(
      `[broken_etcd] would hold ${JSON.stringify(after.groups.get('broken_etcd') ?? [])}`,
    );
  }
  if (!same(after.groups.get(want.brokenCpGroup), want.brokenCp)) {
    problems.push(
      `[${want.brokenCpGroup}] would hold ${JSON.stringify(after.groups.get(want.brokenCpGroup) ?? [])}`,
    );
  }
  if (problems.length > 0) {
    throw new InputError(
      `${before.source}: the recovery inventory cannot be written safely from this file: ${problems.join('; ')}. ` +
        'This comes from how the file defines these groups (for example [broken_etcd:children] or host ranges); ' +
        'edit it by hand as the Kubespray recovery runbook describes, or simplify those groups and run again.',
    );
  }
}
