import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  loadInventory,
  parseInventory,
  parseInventoryDocument,
  writeInventoryDocument,
} from '../../../src/inventory/index.js';
import { inputErrorOf } from './input-error.js';

const fixture = (name: string) => `test/fixtures/inventory/${name}`;
const read = (name: string) => readFileSync(fixture(name), 'utf8');

describe("Kubespray's own sample inventories (hosts uncommented)", () => {
  it('reads inventory/sample/inventory.ini: [etcd:children] resolves to the control plane, trailing comments stay comments', () => {
    const inv = parseInventory(read('kubespray-sample-inventory.ini'), 'inventory.ini');
    expect(inv.format).toBe('ini');
    expect(inv.controlPlane()).toEqual(['node1', 'node2', 'node3']);
    expect(inv.groups.get('kube_node')).toEqual(['node4', 'node5', 'node6']);
    expect(inv.etcdMembers()).toEqual([
      { host: 'node1', memberName: 'etcd1', address: '95.54.0.12' },
      { host: 'node2', memberName: 'etcd2', address: '95.54.0.13' },
      { host: 'node3', memberName: 'etcd3', address: '95.54.0.14' },
    ]);
    // "node1 ansible_host=95.54.0.12  # ip=10.3.0.1 etcd_member_name=etcd1": only ansible_host is set.
    expect(inv.hosts.get('node1')!.vars).toEqual({ ansible_host: '95.54.0.12' });
    expect(inv.addressOf('node4')).toBe('95.54.0.15');
    // As Ansible orders `all`: its children level by level; kube_control_plane sits under etcd.
    expect(inv.groups.get('all')).toEqual(['node4', 'node5', 'node6', 'node1', 'node2', 'node3']);
  });

  it('reads the older sample with [all] host vars, explicit member names and [k8s-cluster:children]', () => {
    const inv = parseInventory(read('kubespray-sample-legacy-inventory.ini'), 'inventory.ini');
    expect(inv.groups.get('k8s-cluster')).toEqual([
      'node1',
      'node2',
      'node3',
      'node4',
      'node5',
      'node6',
    ]);
    expect(inv.groups.get('calico-rr')).toEqual([]);
    expect(inv.etcdMembers().map((m) => [m.host, m.memberName, m.address])).toEqual([
      ['node1', 'etcd1', '10.3.0.1'],
      ['node2', 'etcd2', '10.3.0.2'],
      ['node3', 'etcd3', '10.3.0.3'],
    ]);
    // The SSH address prefers ansible_host; the etcd address prefers ip (access_ip first).
    expect(inv.addressOf('node2')).toBe('95.54.0.13');
    expect(inv.groups.get('ungrouped')).toEqual([]);
  });

  it('writes every fixture back byte for byte', () => {
    for (const name of [
      'kubespray-sample-inventory.ini',
      'kubespray-sample-legacy-inventory.ini',
      'runbook-hosts.ini',
      'kubespray-hosts.yaml',
    ]) {
      const text = read(name);
      expect(writeInventoryDocument(parseInventoryDocument(text, name))).toBe(text);
    }
  });
});

describe('the Ansible host-line dialect', () => {
  it('splits quoted values, reads Python literals, and honours ; and # comments', () => {
    const inv = parseInventory(
      [
        '; a semicolon comment',
        '[etcd]',
        `node1 ansible_host="10.0.0.1" ansible_port=2222 ansible_user='kube admin' flag=True note="a # not a comment"`,
        'node2:2200 ip=10.0.0.2 # ip=9.9.9.9',
        '  # indented comment',
        'node3 ansible_ssh_common_args="-o ProxyCommand=\\"ssh -W %h:%p bastion\\""',
      ].join('\n'),
      'hosts.ini',
    );
    expect(inv.hosts.get('node1')!.vars).toEqual({
      ansible_host: '10.0.0.1',
      ansible_port: 2222,
      ansible_user: 'kube admin',
      flag: true,
      note: 'a # not a comment',
    });
    expect(inv.sshOf('node1')).toEqual({ user: 'kube admin', port: 2222 });
    expect(inv.sshOf('node2')).toEqual({ user: undefined, port: 2200 });
    expect(inv.hosts.get('node2')!.vars.ip).toBe('10.0.0.2');
    expect(inv.hosts.get('node3')!.vars.ansible_ssh_common_args).toBe(
      '-o ProxyCommand="ssh -W %h:%p bastion"',
    );
  });

  it('reads values as Python literals where they are ones, as Ansible does', () => {
    const inv = parseInventory(
      [
        `[etcd]`,
        `n1 hex=0x1F big=1_000 f=.5 neg=-3 l="[1, 'a', (2,)]" ip=10.0.0.1 zero=010 t=True`,
        '[etcd:vars]',
        "d = {'k': [None, False]} # a comment",
        'text = plain words # stay',
      ].join('\n'),
      'h.ini',
    );
    expect(inv.hosts.get('n1')!.vars).toEqual({
      hex: 31,
      big: 1000,
      f: 0.5,
      neg: -3,
      l: [1, 'a', [2]],
      ip: '10.0.0.1',
      zero: '010',
      t: true,
      d: { k: [null, false] },
      text: 'plain words # stay',
    });
  });

  it('expands numeric, zero-padded, stepped and letter ranges', () => {
    const inv = parseInventory(
      '[etcd]\nnode[1:3]\n[kube_node]\nw[08:10]\nx[a:c]\ny[0:6:3]\n',
      'hosts.ini',
    );
    expect(inv.groups.get('etcd')).toEqual(['node1', 'node2', 'node3']);
    expect(inv.groups.get('kube_node')).toEqual([
      'w08',
      'w09',
      'w10',
      'xa',
      'xb',
      'xc',
      'y0',
      'y3',
      'y6',
    ]);
    expect(inv.etcdMembers().map((m) => m.memberName)).toEqual(['etcd1', 'etcd2', 'etcd3']);
    const withPort = parseInventory(
      '[etcd]\nnode[1:2]:2222\n[v6]\n[fe80::1]:22\nfe80::2\n',
      'h.ini',
    );
    expect(withPort.groups.get('etcd')).toEqual(['node1', 'node2']);
    expect(withPort.sshOf('node2').port).toBe(2222);
    expect(withPort.groups.get('v6')).toEqual(['fe80::1', 'fe80::2']);
    expect(withPort.sshOf('fe80::1').port).toBe(22);
  });

  it('merges a host named in several groups, later lines winning, and resolves nested children in order', () => {
    const inv = parseInventory(
      [
        '[all]',
        'a ip=10.0.0.1 ansible_user=one',
        'b',
        '[kube_control_plane]',
        'a ansible_user=two',
        '[kube_node]',
        'b',
        'c',
        '[k8s_cluster:children]',
        'kube_control_plane',
        'kube_node',
        '[everything:children]',
        'k8s_cluster',
      ].join('\n'),
      'hosts.ini',
    );
    expect(inv.hosts.get('a')!.vars).toEqual({ ip: '10.0.0.1', ansible_user: 'two' });
    expect(inv.groups.get('k8s_cluster')).toEqual(['a', 'b', 'c']);
    expect(inv.groups.get('everything')).toEqual(['a', 'b', 'c']);
  });
});

describe('variable precedence, as Ansible applies it', () => {
  const text = [
    '[etcd]',
    'e1 ansible_user=hostvar',
    'e2',
    '[kube_control_plane]',
    'e2',
    '[k8s_cluster:children]',
    'etcd',
    'kube_control_plane',
    '[all:vars]',
    'ansible_user=root',
    'ansible_port=22',
    'cluster=all',
    '[k8s_cluster:vars]',
    'cluster=k8s',
    'ansible_port=2200',
    '[etcd:vars]',
    'ansible_user=etcd-admin',
    '[kube_control_plane:vars]',
    'ansible_user=cp-admin',
  ].join('\n');

  it('child groups override parents, same depth by name, host vars override groups', () => {
    const inv = parseInventory(text, 'hosts.ini');
    expect(inv.hosts.get('e1')!.vars).toMatchObject({
      ansible_user: 'hostvar',
      ansible_port: 2200,
      cluster: 'k8s',
    });
    // etcd and kube_control_plane are both depth 2: kube_control_plane sorts later and wins.
    expect(inv.hosts.get('e2')!.vars.ansible_user).toBe('cp-admin');
  });

  it('extra vars from -e @file override everything', async () => {
    const inv = await loadInventory(fixture('runbook-hosts.ini'), {
      extraVars: [`@${fixture('runbook-extra-vars.yml')}`],
    });
    expect(inv.hosts.get('taco-m1')!.vars).toMatchObject({
      etcd_retries: 10,
      ansible_user: 'kube',
    });
    expect(inv.sshOf('taco-w2').user).toBe('kube');
    const withHostVar = parseInventory(text, 'hosts.ini', 'ini', {
      extraVars: { ansible_user: 'extra' },
    });
    expect(withHostVar.hosts.get('e1')!.vars.ansible_user).toBe('extra');
  });

  it('names etcd members etcd1…etcdN by position unless etcd_member_name is set', () => {
    const inv = parseInventory(
      '[etcd]\nc\na etcd_member_name=main\nb\n[etcd:vars]\nunrelated=1\n',
      'hosts.ini',
    );
    expect(inv.etcdMembers().map((m) => `${m.host}=${m.memberName}`)).toEqual([
      'c=etcd1',
      'a=main',
      'b=etcd3',
    ]);
  });
});

describe('bad INI input: a typed error with file and line', () => {
  const cases: [string, string, RegExp][] = [
    [
      '[etcd group]\nnode1',
      'a header with a space',
      /^hosts\.ini:1: this is not a valid section header/,
    ],
    ['[etcd\nnode1', 'an unclosed header', /^hosts\.ini:1: bad host name: '\[etcd' has a bracket/],
    [
      '[etcd:host]\nnode1',
      'an unknown section type',
      /^hosts\.ini:1: section \[etcd:host\] has an unknown type/,
    ],
    [
      '[etcd]\nnode1 ansible_host',
      'a host var without =',
      /^hosts\.ini:2: expected key=value.*'ansible_host'/,
    ],
    [
      '[etcd]\nnode1 x="open',
      'an unclosed quote',
      /^hosts\.ini:2: cannot split this host line: no closing quotation/,
    ],
    [
      '[etcd]\nnode1\n[etcd:vars]\nnot a var',
      'a vars line without =',
      /^hosts\.ini:4: expected key=value in \[etcd:vars\]/,
    ],
    ['[a:children]\nb c', 'two names on a children line', /^hosts\.ini:2: expected one group name/],
    [
      '[etcd]\nnode[3:1]',
      'a backwards range',
      /^hosts\.ini:2: bad host name: range 'node\[3:1\]' runs backwards/,
    ],
    ['[etcd]\nnode[1:x]', 'a mixed range', /^hosts\.ini:2: bad host name: range \[1:x\]/],
    [
      '[etcd]\nn1\n[ghost:vars]\nx=1',
      'vars for an undefined group',
      /^hosts\.ini:3: vars are given for group \[ghost\]/,
    ],
  ];
  for (const [text, what, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(inputErrorOf(() => parseInventory(text, 'hosts.ini'))).toMatch(message);
    });
  }

  it('rejects a cycle in :children and names the groups in it', () => {
    const message = inputErrorOf(() =>
      parseInventory(
        '[etcd]\nn1\n[a:children]\nb\n[b:children]\nc\n[c:children]\na\n',
        'hosts.ini',
      ),
    );
    expect(message).toContain('a → b → c → a');
    expect(message).toMatch(/^hosts\.ini:8: /);
  });

  it('rejects duplicate etcd member names, naming both hosts', () => {
    expect(
      inputErrorOf(() => parseInventory('[etcd]\nn1 etcd_member_name=etcd2\nn2\n', 'hosts.ini')),
    ).toMatch(/'n1' and 'n2' both have the etcd member name 'etcd2'/);
  });

  it('reports an empty [etcd] group when members are asked for', () => {
    const inv = parseInventory('[etcd]\n[kube_node]\nn1\n', 'hosts.ini');
    expect(inputErrorOf(() => inv.etcdMembers())).toMatch(/the \[etcd\] group has no hosts/);
  });

  it('reports a missing file and a bad extra-vars file as input errors', async () => {
    await expect(loadInventory(fixture('missing.ini'))).rejects.toThrow(/no such file/);
    await expect(
      loadInventory(fixture('runbook-hosts.ini'), { extraVars: [fixture('runbook-hosts.ini')] }),
    ).rejects.toBeInstanceOf(InputError);
  });
});
