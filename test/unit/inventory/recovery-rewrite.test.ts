import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  parseInventory,
  parseInventoryDocument,
  type RecoveryRewriteOptions,
  recoveryRewrite,
} from '../../../src/inventory/index.js';
import { inputErrorOf } from './input-error.js';

const read = (name: string) => readFileSync(`test/fixtures/inventory/${name}`, 'utf8');

const rewrite = (text: string, source: string, o: Partial<RecoveryRewriteOptions>) =>
  recoveryRewrite(text, { brokenEtcd: [], brokenControlPlane: [], source, ...o });

const RUNBOOK_BROKEN = {
  brokenEtcd: ['taco-m1', 'taco-m2', 'taco-m3'],
  brokenControlPlane: ['taco-m1', 'taco-m2', 'taco-m3'],
};

describe('the Kubespray recovery runbook example ("hosts.ini 수정 예제")', () => {
  it('gives exactly the runbook\'s "after" inventory', () => {
    const before = read('runbook-hosts.ini');
    expect(before).toBe(
      '[kube_control_plane]\ntaco-m1\ntaco-m2\ntaco-m3\n\n[etcd]\ntaco-m1\ntaco-m2\ntaco-m3\ntaco-w1\ntaco-w2\n',
    );
    const after = rewrite(before, 'hosts.ini', RUNBOOK_BROKEN);
    expect(after).toBe(
      [
        '[kube_control_plane]',
        'taco-m1',
        'taco-m2',
        'taco-m3',
        '',
        '[etcd]',
        'taco-w1 etcd_member_name=etcd4',
        'taco-m1',
        'taco-m2',
        'taco-m3',
        'taco-w2',
        '',
        '[broken_etcd]',
        'taco-m1 etcd_member_name=etcd1',
        'taco-m2 etcd_member_name=etcd2',
        'taco-m3 etcd_member_name=etcd3',
        '',
        '[broken_kube_control_plane]',
        'taco-m1',
        'taco-m2',
        'taco-m3',
        '',
      ].join('\n'),
    );
    expect(after).toBe(read('runbook-hosts.recovery.ini'));
    // Same members, same names: recover-control-plane.yml finds the member IDs it expects.
    expect(
      parseInventory(after, 'out.ini')
        .etcdMembers()
        .map((m) => `${m.host}=${m.memberName}`),
    ).toEqual([
      'taco-w1=etcd4',
      'taco-m1=etcd1',
      'taco-m2=etcd2',
      'taco-m3=etcd3',
      'taco-w2=etcd5',
    ]);
  });

  it('is idempotent: rewriting the result again changes no byte', () => {
    const once = rewrite(read('runbook-hosts.ini'), 'hosts.ini', RUNBOOK_BROKEN);
    expect(rewrite(once, 'hosts.ini', RUNBOOK_BROKEN)).toBe(once);
  });

  it('does the same for the YAML form of the runbook inventory', () => {
    const yaml = [
      'all:',
      '  children:',
      '    kube_control_plane:',
      '      hosts:',
      '        taco-m1:',
      '        taco-m2:',
      '        taco-m3:',
      '    etcd:',
      '      hosts:',
      '        taco-m1:',
      '        taco-m2:',
      '        taco-m3:',
      '        taco-w1:',
      '        taco-w2:',
      '',
    ].join('\n');
    const after = rewrite(yaml, 'hosts.yaml', RUNBOOK_BROKEN);
    expect(after).toBe(
      [
        'all:',
        '  children:',
        '    kube_control_plane:',
        '      hosts:',
        '        taco-m1:',
        '        taco-m2:',
        '        taco-m3:',
        '    etcd:',
        '      hosts:',
        '        taco-w1:',
        '          etcd_member_name: etcd4',
        '        taco-m1:',
        '        taco-m2:',
        '        taco-m3:',
        '        taco-w2:',
        '    broken_etcd:',
        '      hosts:',
        '        taco-m1:',
        '          etcd_member_name: etcd1',
        '        taco-m2:',
        '          etcd_member_name: etcd2',
        '        taco-m3:',
        '          etcd_member_name: etcd3',
        '    broken_kube_control_plane:',
        '      hosts:',
        '        taco-m1:',
        '        taco-m2:',
        '        taco-m3:',
        '',
      ].join('\n'),
    );
    expect(rewrite(after, 'hosts.yaml', RUNBOOK_BROKEN)).toBe(after);
  });
});

describe("Kubespray's sample inventories", () => {
  it('inventory.ini with [etcd:children]: gives [etcd] a first host of its own, keeps every comment', () => {
    const before = read('kubespray-sample-inventory.ini');
    const after = rewrite(before, 'inventory.ini', {
      brokenEtcd: ['node1'],
      brokenControlPlane: ['node1'],
    });
    const [head, rest] = before.split('[kube_control_plane]\n');
    expect(after).toBe(
      `${head}[kube_control_plane]\n` +
        'node2 ansible_host=95.54.0.13  # ip=10.3.0.2 etcd_member_name=etcd2\n' +
        'node1 ansible_host=95.54.0.12  # ip=10.3.0.1 etcd_member_name=etcd1\n' +
        'node3 ansible_host=95.54.0.14  # ip=10.3.0.3 etcd_member_name=etcd3\n' +
        '\n[etcd]\nnode2 etcd_member_name=etcd2\n\n' +
        rest.slice(rest.indexOf('[etcd:children]')) +
        '\n[broken_etcd]\nnode1 etcd_member_name=etcd1\n\n[broken_kube_control_plane]\nnode1\n',
    );
  });

  it('pins the member name of a healthy member whose position moved', () => {
    // Moving node3 first in the control plane (node1, node2 broken) reorders [etcd:children];
    // without an explicit name node3 would become etcd2 — another member.
    const after = rewrite(read('kubespray-sample-inventory.ini'), 'inventory.ini', {
      brokenEtcd: ['node1'],
      brokenControlPlane: ['node1', 'node2'],
    });
    expect(after).toContain('node3 ansible_host=95.54.0.14 etcd_member_name=etcd3  # ip=10.3.0.3');
    const inv = parseInventory(after, 'out.ini');
    expect(inv.etcdMembers().map((m) => `${m.host}=${m.memberName}`)).toEqual([
      'node2=etcd2',
      'node3=etcd3',
      'node1=etcd1',
    ]);
    expect(inv.controlPlane()[0]).toBe('node3');
    expect(inv.brokenControlPlane()).toEqual(['node1', 'node2']);
  });

  it('hosts.yaml: moves entries in block maps and appends the broken groups under all.children', () => {
    const before = read('kubespray-hosts.yaml');
    const after = rewrite(before, 'hosts.yaml', {
      brokenEtcd: ['node1'],
      brokenControlPlane: ['node1'],
    });
    const expected = before
      .replace(
        '    kube_control_plane:\n      hosts:\n        node1:\n        node2:\n',
        '    kube_control_plane:\n      hosts:\n        node2:\n        node1:\n',
      )
      .replace(
        '    etcd:\n      hosts:\n        node1:\n        node2:\n',
        '    etcd:\n      hosts:\n        node2:\n          etcd_member_name: etcd2\n        node1:\n',
      )
      .concat(
        '    broken_etcd:\n      hosts:\n        node1:\n          etcd_member_name: etcd1\n',
        '    broken_kube_control_plane:\n      hosts:\n        node1:\n',
      );
    expect(after).toBe(expected);
  });

  it('legacy kube-master inventories get broken_kube-master, as Kubespray of that time reads', () => {
    const after = rewrite('[kube-master]\na\nb\n[etcd]\na\nb\nc\n', 'hosts.ini', {
      brokenEtcd: ['a'],
      brokenControlPlane: ['a'],
    });
    const inv = parseInventory(after, 'out.ini');
    expect(inv.groups.get('broken_kube-master')).toEqual(['a']);
    expect(inv.brokenControlPlane()).toEqual(['a']);
    expect(inv.controlPlane()).toEqual(['b', 'a']);
  });
});

describe('rules of the rewrite', () => {
  it('keeps both broken groups even when nothing is broken, and pins the first member', () => {
    const after = rewrite('[etcd]\na\nb\n', 'hosts.ini', {});
    expect(after).toBe(
      '[etcd]\na etcd_member_name=etcd1\nb\n\n[broken_etcd]\n\n[broken_kube_control_plane]\n',
    );
    const yaml = rewrite(
      'all:\n  children:\n    etcd:\n      hosts:\n        a: {ip: 10.0.0.1}\n',
      'h.yaml',
      {},
    );
    expect(yaml).toBe(
      'all:\n  children:\n    etcd:\n      hosts:\n        a: {etcd_member_name: etcd1, ip: 10.0.0.1}\n' +
        '    broken_etcd:\n      hosts: {}\n    broken_kube_control_plane:\n      hosts: {}\n',
    );
  });

  it('copies, not moves: broken hosts stay in [etcd] and in the control plane', () => {
    const inv = parseInventory(
      rewrite('[kube_control_plane]\na\nb\n[etcd]\na\nb\nc\n', 'h.ini', {
        brokenEtcd: ['a'],
        brokenControlPlane: ['a'],
      }),
      'h.ini',
    );
    expect(inv.groups.get('etcd')).toEqual(['b', 'a', 'c']);
    expect(inv.controlPlane()).toEqual(['b', 'a']);
    expect(inv.brokenEtcd()).toEqual(['a']);
  });

  it('replaces a stale [broken_etcd] in place, keeping its comments', () => {
    const before =
      '[etcd]\na etcd_member_name=etcd1\nb\nc\n\n[broken_etcd]\n# from last time\nc\n\n[other]\nx\n';
    expect(rewrite(before, 'h.ini', { brokenEtcd: ['b'] })).toBe(
      '[etcd]\na etcd_member_name=etcd1\nb\nc\n\n[broken_etcd]\n# from last time\nb etcd_member_name=etcd2\n\n[other]\nx\n\n[broken_kube_control_plane]\n',
    );
  });

  it('gives a host that is in [etcd] only through a range a line of its own', () => {
    const after = rewrite('[etcd]\nnode[1:3]\n', 'h.ini', { brokenEtcd: ['node1'] });
    expect(after).toBe(
      '[etcd]\nnode2 etcd_member_name=etcd2\nnode[1:3]\n\n[broken_etcd]\nnode1 etcd_member_name=etcd1\n\n[broken_kube_control_plane]\n',
    );
  });

  it('writes a member name under a YAML host given as empty, `~` or null, keeping its comment', () => {
    const yaml = 'all:\n  children:\n    etcd:\n      hosts:\n        m1:\n        m2: ~ # spare\n';
    expect(rewrite(yaml, 'h.yaml', { brokenEtcd: ['m1'] })).toBe(
      'all:\n  children:\n    etcd:\n      hosts:\n        m2:  # spare\n          etcd_member_name: etcd2\n        m1:\n' +
        '    broken_etcd:\n      hosts:\n        m1:\n          etcd_member_name: etcd1\n' +
        '    broken_kube_control_plane:\n      hosts: {}\n',
    );
  });

  it('keeps CRLF line endings and a file without a final newline', () => {
    const after = rewrite('[etcd]\r\na\r\nb', 'h.ini', { brokenEtcd: ['a'] });
    expect(after).toBe(
      '[etcd]\r\nb etcd_member_name=etcd2\r\na\r\n\r\n[broken_etcd]\r\na etcd_member_name=etcd1\r\n\r\n[broken_kube_control_plane]\r\n',
    );
  });

  it('accepts the typed Inventory and the document as well as text, with the same result', () => {
    const text = read('runbook-hosts.ini');
    const fromText = rewrite(text, 'hosts.ini', RUNBOOK_BROKEN);
    expect(recoveryRewrite(parseInventory(text, 'hosts.ini'), RUNBOOK_BROKEN)).toBe(fromText);
    expect(recoveryRewrite(parseInventoryDocument(text, 'hosts.ini'), RUNBOOK_BROKEN)).toBe(
      fromText,
    );
  });

  it('with every member broken and a snapshot given, keeps the first member first and pins its name', () => {
    const after = rewrite('[etcd]\na\nb\n', 'h.ini', {
      brokenEtcd: ['a', 'b'],
      etcdSnapshot: '/backups/etcd-snapshot.db',
    });
    expect(after).toBe(
      '[etcd]\na etcd_member_name=etcd1\nb\n\n[broken_etcd]\na etcd_member_name=etcd1\nb etcd_member_name=etcd2\n\n[broken_kube_control_plane]\n',
    );
  });
});

describe('bad requests: InputError, and nothing to write', () => {
  const inventory = '[kube_control_plane]\nm1\n[etcd]\nm1\ne2\n[kube_node]\nw1\n';
  it('names a --broken-* host that is not in the inventory', () => {
    expect(inputErrorOf(() => rewrite(inventory, 'h.ini', { brokenEtcd: ['ghost'] }))).toMatch(
      /--broken-etcd names 'ghost', which is not a host in h\.ini \(its hosts: m1, e2, w1\)/,
    );
  });

  it('names a host that is in the inventory but not in the group', () => {
    expect(inputErrorOf(() => rewrite(inventory, 'h.ini', { brokenEtcd: ['w1'] }))).toMatch(
      /--broken-etcd names 'w1', which is not in \[etcd\] of h\.ini \(\[etcd\] has: m1, e2\)/,
    );
    expect(inputErrorOf(() => rewrite(inventory, 'h.ini', { brokenControlPlane: ['e2'] }))).toMatch(
      /--broken-control-plane names 'e2', which is not in \[kube_control_plane\]/,
    );
  });

  it('refuses to lose every etcd member without a snapshot, and says how to pass one', () => {
    const message = inputErrorOf(() => rewrite(inventory, 'h.ini', { brokenEtcd: ['m1', 'e2'] }));
    expect(message).toMatch(/every etcd member in h\.ini \(m1, e2\) is listed as broken/);
    expect(message).toContain('etcd_snapshot: /path/to/etcd-snapshot.db');
    expect(message).toContain('-e @');
  });

  it('rejects an empty [etcd] group and duplicate member names', () => {
    expect(inputErrorOf(() => rewrite('[etcd]\n[kube_node]\nw1\n', 'h.ini', {}))).toMatch(
      /\[etcd\] group has no hosts/,
    );
    expect(
      inputErrorOf(() =>
        rewrite('[etcd]\na etcd_member_name=x\nb etcd_member_name=x\n', 'h.ini', {}),
      ),
    ).toMatch(/both have the etcd member name 'x'/);
  });

  it('refuses to reorder a flow-style mapping rather than reformat it', () => {
    expect(
      inputErrorOf(() =>
        rewrite('all:\n  children:\n    etcd: {hosts: {a: {}, b: {}}}\n', 'h.yaml', {
          brokenEtcd: ['a'],
        }),
      ),
    ).toMatch(/^h\.yaml:3: cannot rewrite this inventory in place: .*block style/);
  });
});
