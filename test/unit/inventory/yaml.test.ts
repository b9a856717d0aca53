import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat, parseInventory } from '../../../src/inventory/index.js';
import { inputErrorOf } from './input-error.js';

const read = (name: string) => readFileSync(`test/fixtures/inventory/${name}`, 'utf8');

describe('YAML inventories (hosts.yaml)', () => {
  it('reads the Kubespray inventory-builder shape: all.hosts vars, children, nested children, flow maps', () => {
    const inv = parseInventory(read('kubespray-hosts.yaml'), 'hosts.yaml');
    expect(inv.format).toBe('yaml');
    expect(inv.etcdMembers()).toEqual([
      { host: 'node1', memberName: 'etcd1', address: '10.3.0.1' },
      { host: 'node2', memberName: 'etcd2', address: '10.3.0.2' },
      { host: 'node3', memberName: 'etcd3', address: '10.3.0.3' },
    ]);
    expect(inv.controlPlane()).toEqual(['node1', 'node2', 'node3']);
    expect(inv.groups.get('k8s_cluster')).toEqual(['node1', 'node2', 'node3', 'node4', 'node5']);
    expect(inv.groups.get('calico_rr')).toEqual([]);
    expect(inv.hosts.get('node5')!.vars).toEqual({
      ansible_host: '95.54.0.16',
      ip: '10.3.0.5',
      access_ip: '10.3.0.5',
    });
    expect(inv.addressOf('node3')).toBe('95.54.0.14');
  });

  it('reads the old top-level layout, group vars by depth, and a host:port key', () => {
    const inv = parseInventory(
      [
        'kube-master:',
        '  hosts:',
        '    m1: {ip: 10.0.0.1}',
        'etcd:',
        '  hosts:',
        "    'm1:2222':",
        '  vars: {ansible_user: etcd}',
        'all:',
        '  vars: {ansible_user: root, x: 1}',
      ].join('\n'),
      'hosts.yml',
    );
    expect(inv.controlPlane()).toEqual(['m1']);
    expect(inv.sshOf('m1')).toEqual({ user: 'etcd', port: 2222 });
    expect(inv.hosts.get('m1')!.vars.x).toBe(1);
  });

  it('follows anchors and merge keys for shared vars', () => {
    const inv = parseInventory(
      [
        'all:',
        '  hosts:',
        '    a: &base {ansible_user: kube, ansible_port: 2222}',
        '    b: *base',
        '    c:',
        '      <<: *base',
        '      ansible_port: 22',
        '  children:',
        '    etcd:',
        '      hosts: {a: , b: , c: }',
      ].join('\n'),
      'h.yaml',
    );
    expect(inv.sshOf('b')).toEqual({ user: 'kube', port: 2222 });
    expect(inv.sshOf('c')).toEqual({ user: 'kube', port: 22 });
  });

  it('tells the formats apart by extension, then by content', () => {
    expect(detectFormat('', 'hosts.yaml')).toBe('yaml');
    expect(detectFormat('all:\n  hosts: {}\n', 'hosts')).toBe('yaml');
    expect(detectFormat('# c\n[etcd]\nn1\n', 'hosts')).toBe('ini');
    expect(detectFormat('n1 ansible_host=1.2.3.4\n', 'hosts')).toBe('ini');
  });
});

describe('YAML of the wrong shape: a typed error with file and line', () => {
  it("rejects Kubespray's old sample inventory.yml, whose hosts are one string 'node1 node2 node3'", () => {
    expect(
      inputErrorOf(() => parseInventory(read('kubespray-sample-inventory.yml'), 'inventory.yml')),
    ).toMatch(/^inventory\.yml:20: hosts of group 'etcd' must be a mapping.*'node1 node2 node3'/);
  });

  const cases: [string, string, RegExp][] = [
    [
      '- a\n- b\n',
      'a list at the top',
      /^h\.yaml:1: the top level of an inventory must be a mapping/,
    ],
    [
      'all:\n  hosts:\n    - n1\n',
      'hosts as a list',
      /^h\.yaml:3: hosts of group 'all' must be a mapping.*a list/,
    ],
    [
      'all:\n  children:\n    etcd:\n      n1:\n',
      'a host without hosts:',
      /^h\.yaml:4: group 'etcd' has the key 'n1'.*etcd: \{hosts: \{n1: \}\}/,
    ],
    ['etcd: [a]\n', 'a group that is a list', /^h\.yaml:1: group 'etcd' must be a mapping/],
    ['all:\n  vars: [1]\n', 'vars as a list', /^h\.yaml:2: vars of group 'all' must be a mapping/],
    [
      'all:\n  hosts:\n    n1: 5\n',
      'host vars as a number',
      /^h\.yaml:3: the vars of host 'n1' must be a mapping/,
    ],
    [
      'all:\n  hosts:\n    n1:\n  hosts:\n',
      'a duplicate key',
      /^h\.yaml:3: this is not valid YAML: Map keys must be unique/,
    ],
    ['all:\n  hosts: {n1\n', 'broken syntax', /^h\.yaml:\d+: this is not valid YAML/],
    [
      'all:\n  children:\n    a:\n      children:\n        b:\n          children:\n            a:\n',
      'a group cycle',
      /^h\.yaml:7: groups form a cycle.*a → b → a/,
    ],
  ];
  for (const [text, what, message] of cases) {
    it(`rejects ${what}`, () => {
      expect(inputErrorOf(() => parseInventory(text, 'h.yaml'))).toMatch(message);
    });
  }
});
