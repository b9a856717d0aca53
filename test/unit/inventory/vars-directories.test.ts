import { describe, expect, it } from 'vitest';
import { loadInventory, recoveryRewrite } from '../../../src/inventory/index.js';

const inventory = 'test/fixtures/inventory/with-vars-directories/hosts.ini';
const extra = 'test/fixtures/inventory/runbook-extra-vars.yml';

describe('group_vars/ and host_vars/ beside the inventory', () => {
  it('apply in Ansible order: file group vars < group_vars/ < file host vars < host_vars/ < extra vars', async () => {
    const inv = await loadInventory(inventory);
    expect(inv.hosts.get('node1')!.vars).toEqual({
      ansible_host: '10.0.0.1',
      ansible_user: 'from-group-vars-all',
      ansible_port: 2200,
      zone: 'from-group-vars-etcd-b',
    });
    expect(inv.hosts.get('node2')!.vars).toMatchObject({
      ansible_user: 'from-host-line',
      etcd_member_name: 'etcd-node2',
      ip: '10.1.0.2',
    });
    expect(inv.etcdMembers()).toEqual([
      { host: 'node1', memberName: 'etcd1', address: '10.0.0.1' },
      { host: 'node2', memberName: 'etcd-node2', address: '10.1.0.2' },
    ]);
    const withExtra = await loadInventory(inventory, { extraVars: [extra] });
    expect(withExtra.sshOf('node2')).toEqual({ user: 'kube', port: 2200 });
  });

  it('can be skipped', async () => {
    const inv = await loadInventory(inventory, { varsDirectories: false });
    expect(inv.sshOf('node1')).toEqual({ user: 'from-all-vars', port: 22 });
    expect(inv.etcdMembers().map((m) => m.memberName)).toEqual(['etcd1', 'etcd2']);
  });

  it('count for the rewrite: a member name from host_vars/ is explicit and is not written again', async () => {
    const out = recoveryRewrite(await loadInventory(inventory), {
      brokenEtcd: ['node1'],
      brokenControlPlane: ['node1'],
    });
    expect(out).toBe(
      [
        '[kube_control_plane]',
        'node2 ansible_host=10.0.0.2 ansible_user=from-host-line',
        'node1 ansible_host=10.0.0.1',
        '',
        '[etcd:children]',
        'kube_control_plane',
        '',
        '[all:vars]',
        'ansible_user=from-all-vars',
        'ansible_port=22',
        '',
        '[etcd:vars]',
        'zone=from-etcd-vars',
        '',
        '[broken_etcd]',
        'node1 etcd_member_name=etcd1',
        '',
        '[broken_kube_control_plane]',
        'node1',
        '',
      ].join('\n'),
    );
  });
});
