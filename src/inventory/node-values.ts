import { isIP } from 'node:net';
import { InputError } from '../errors.js';
import type { Inventory } from './types.js';

/**
 * Inventory values that end up in files and command lines on the nodes: `/etc/etcd.env`,
 * a static-pod manifest, etcd's `--initial-cluster`, certificate file names, SSH logins.
 * A newline there injects a line into the env file; a comma or `=` a member into
 * `--initial-cluster`; a quote or `$` a word into a shell. So each value must have the form
 * its meaning allows, checked once when the inventory is read, before anything is touched.
 */
interface ValueRule {
  /** What the value may be, for the error message. */
  form: string;
  ok: (value: string) => boolean;
}

const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?';
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`);

const NAME: ValueRule = {
  form: "letters, digits, '-', '_' and '.' (starting with a letter or digit)",
  ok: (v) => v.length <= 253 && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(v),
};

const ADDRESS: ValueRule = {
  form: 'an IPv4 or IPv6 address or a DNS name',
  ok: (v) => v.length <= 253 && (isIP(v) !== 0 || DNS_NAME.test(v)),
};

const RULES: Record<string, ValueRule> = {
  etcd_member_name: NAME,
  kube_override_hostname: NAME,
  ansible_host: ADDRESS,
  access_ip: ADDRESS,
  ip: ADDRESS,
  ansible_port: {
    form: 'a port number (1–65535)',
    ok: (v) => /^[0-9]{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535,
  },
  ansible_user: {
    form: "a login name (letters, digits, '-', '_' and '.', not starting with '-')",
    ok: (v) => v.length <= 64 && /^[A-Za-z0-9_][A-Za-z0-9_.-]*\$?$/.test(v),
  },
};

/** How a value shows in an error: control characters made visible, long values cut. */
function shown(value: string): string {
  const json = JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return json;
}

function whatIsWrong(value: string): string {
  if (/[\r\n]/.test(value)) return 'it contains a line break';
  if (/[\p{Cc}]/u.test(value)) return 'it contains a control character';
  if (/\s/.test(value)) return 'it contains white space';
  const bad = [...value].find((c) => /[`$"'\\;&|<>(){}*?!#~,=[\]]/.test(c));
  if (bad) return `it contains '${bad}'`;
  return 'it is not of that form';
}

/** Where a host's variable came from, as the user edits it. */
function whereSet(inventory: Inventory, host: string, variable: string): string {
  const layers = inventory.varLayers;
  if (layers.extraVars && variable in layers.extraVars) return 'the extra-vars file (-e @file)';
  if (layers.hostVarsFiles?.get(host) && variable in layers.hostVarsFiles.get(host)!) {
    return `host_vars/${host} beside ${inventory.source}`;
  }
  for (const [group, vars] of layers.groupVarsFiles ?? []) {
    if (variable in vars && (group === 'all' || inventory.groups.get(group)?.includes(host))) {
      return `group_vars/${group} beside ${inventory.source}`;
    }
  }
  return inventory.source;
}

/**
 * Checks the host names and the variables of every host the tool reaches or writes about
 * (etcd members and control-plane hosts); throws an InputError naming host, variable and
 * file for the first value that is not of its form.
 */
export function checkNodeValues(inventory: Inventory): void {
  const hosts = new Set([
    ...(inventory.groups.get('etcd') ?? []),
    ...inventory.controlPlane(),
    ...inventory.brokenEtcd(),
    ...inventory.brokenControlPlane(),
  ]);
  for (const host of hosts) {
    if (!NAME.ok(host) && isIP(host) === 0) {
      throw new InputError(
        `${inventory.source}: the host name ${shown(host)} cannot be used: ${whatIsWrong(host)}. ` +
          `A host name may hold ${NAME.form}, or be an IP address; it names certificate files and members on the nodes.`,
      );
    }
    const vars = inventory.hosts.get(host)?.vars ?? {};
    for (const [variable, rule] of Object.entries(RULES)) {
      const raw = vars[variable];
      if (raw === undefined || raw === null || raw === '') continue;
      const value = String(raw);
      if (typeof raw === 'object' || !rule.ok(value)) {
        throw new InputError(
          `host '${host}': ${variable} is ${shown(typeof raw === 'object' ? JSON.stringify(raw) : value)}, ` +
            `which cannot be used: ${typeof raw === 'object' ? 'it is not a single value' : whatIsWrong(value)}. ` +
            `${variable} must be ${rule.form}. Fix it in ${whereSet(inventory, host, variable)}.`,
        );
      }
    }
  }
}
