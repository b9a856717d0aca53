import fc from 'fast-check';

/**
 * Generated Kubespray-shaped inventories: a model of what they say, and INI / YAML texts
 * that say it with varied comments, spacing, quoting and line endings.
 */

/** What a generated inventory says, independent of how it is written down. */
export interface Model {
  hosts: string[];
  vars: Record<string, Record<string, string>>;
  etcd: string[];
  controlPlane: string[];
  workers: string[];
  /** etcd written as [etcd:children] of the control plane (Kubespray's sample) instead of hosts. */
  etcdFromControlPlane: boolean;
}

const hostName = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
// Values start with a letter, so Ansible's literal reading keeps them strings.
const varValue = fc.stringMatching(/^[a-z][a-z0-9 .#=]{0,8}$/).map((v) => v.trimEnd());
const varName = fc.constantFrom('ansible_host', 'ip', 'access_ip', 'ansible_user', 'zone');

export const model: fc.Arbitrary<Model> = fc
  .uniqueArray(hostName, { minLength: 1, maxLength: 7 })
  .chain((hosts) =>
    fc.record({
      hosts: fc.constant(hosts),
      vars: fc.record(
        Object.fromEntries(hosts.map((h) => [h, fc.dictionary(varName, varValue, { maxKeys: 3 })])),
      ),
      etcd: fc.shuffledSubarray(hosts, { minLength: 1 }),
      controlPlane: fc.shuffledSubarray(hosts, { minLength: 1 }),
      workers: fc.shuffledSubarray(hosts),
      etcdFromControlPlane: fc.boolean(),
    }),
  )
  .map((m) => (m.etcdFromControlPlane ? { ...m, etcd: m.controlPlane } : m));

export interface Style {
  comments: string[];
  gap: string;
  quote: string;
  trailing: string;
  crlf: boolean;
  finalNewline: boolean;
}

/** Formatting freedom that must not change the meaning: comments, blank lines, spacing, quoting. */
export const style: fc.Arbitrary<Style> = fc.record({
  comments: fc.array(fc.constantFrom('# a comment', '; another', '', '   ', '#[etcd]'), {
    maxLength: 3,
  }),
  gap: fc.constantFrom(' ', '  ', '\t'),
  quote: fc.constantFrom('', '"', "'"),
  trailing: fc.constantFrom('', '  # trailing note', ' #x'),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
});

export function iniText(m: Model, s: Style): string {
  const lines: string[] = [...s.comments];
  const hostLine = (h: string) =>
    [
      h,
      ...Object.entries(m.vars[h]).map(([k, v]) =>
        s.quote || /[ #]/.test(v) ? `${k}=${s.quote || '"'}${v}${s.quote || '"'}` : `${k}=${v}`,
      ),
    ].join(s.gap) + s.trailing;
  lines.push('[all]', ...m.hosts.map(hostLine), '');
  lines.push('[kube_control_plane]', ...m.controlPlane, ...s.comments, '');
  if (m.etcdFromControlPlane) lines.push('[etcd:children]', 'kube_control_plane', '');
  else lines.push('[etcd]', ...m.etcd, '');
  lines.push(
    '[kube_node]',
    ...m.workers,
    '',
    '[k8s_cluster:children]',
    'kube_control_plane',
    'kube_node',
  );
  const eol = s.crlf ? '\r\n' : '\n';
  return lines.join(eol) + (s.finalNewline ? eol : '');
}

export function yamlText(m: Model, s: Style): string {
  const q = (v: string) => (s.quote ? `${s.quote}${v}${s.quote}` : JSON.stringify(v));
  const hostsBlock = (hosts: string[], indent: string) =>
    hosts.length === 0
      ? [`${indent}hosts: {}`]
      : [`${indent}hosts:`, ...hosts.map((h) => `${indent}  ${h}:`)];
  const lines = [
    ...s.comments.filter((c) => c.startsWith('#')),
    'all:',
    '  hosts:',
    ...m.hosts.flatMap((h) => [
      `    ${h}:${s.trailing}`,
      ...Object.entries(m.vars[h]).map(([k, v]) => `      ${k}: ${q(v)}`),
    ]),
    '  children:',
    '    kube_control_plane:',
    ...hostsBlock(m.controlPlane, '      '),
    '    etcd:',
    ...(m.etcdFromControlPlane
      ? ['      children:', '        kube_control_plane:']
      : hostsBlock(m.etcd, '      ')),
    '    kube_node:',
    ...hostsBlock(m.workers, '      '),
  ];
  const eol = s.crlf ? '\r\n' : '\n';
  return lines.join(eol) + (s.finalNewline ? eol : '');
}

export const formats = [
  { format: 'ini' as const, source: 'hosts.ini', render: iniText },
  { format: 'yaml' as const, source: 'hosts.yaml', render: yamlText },
];
