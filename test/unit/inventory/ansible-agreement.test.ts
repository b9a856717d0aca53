import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadInventory, recoveryRewrite } from '../../../src/inventory/index.js';
import { formats, model, style } from './generated-inventories.js';

/**
 * The parser against Ansible itself: the same files go through Ansible's InventoryManager and
 * VariableManager (ansible-core from Debian), and groups (in order) and host vars must agree.
 * Rewritten inventories go through it too, so Ansible reads [etcd] and the broken groups as
 * recover-control-plane.yml will.
 */
const ANSIBLE_DUMP = `
import json, sys
from ansible.parsing.dataloader import DataLoader
from ansible.inventory.manager import InventoryManager
from ansible.vars.manager import VariableManager
MAGIC = {'inventory_file', 'inventory_dir', 'inventory_hostname', 'inventory_hostname_short',
         'group_names', 'groups', 'omit', 'playbook_dir', 'ansible_config_file', 'ansible_facts',
         'ansible_playbook_python', 'ansible_version'}
out = {}
for path in sys.argv[1:]:
    loader = DataLoader()
    inv = InventoryManager(loader=loader, sources=[path])
    vm = VariableManager(loader=loader, inventory=inv)
    hostvars = {}
    for h in inv.get_hosts():
        v = vm.get_vars(host=h, include_hostvars=False, include_delegate_to=False)
        hostvars[h.name] = {k: v[k] for k in v if k not in MAGIC}
    out[path] = {'groups': inv.get_groups_dict(), 'hostvars': hostvars}
print(json.dumps(out))
`;

const python = ['/usr/bin/python3', 'python3'].find(
  (p) => spawnSync(p, ['-c', 'import ansible.inventory.manager']).status === 0,
);

type AnsibleView = Record<
  string,
  { groups: Record<string, string[]>; hostvars: Record<string, Record<string, unknown>> }
>;

function ansibleView(paths: string[]): AnsibleView {
  const r = spawnSync(python!, ['-c', ANSIBLE_DUMP, ...paths], {
    encoding: 'utf8',
    // Fail instead of warning when Ansible cannot parse a file.
    env: {
      ...process.env,
      ANSIBLE_INVENTORY_UNPARSED_FAILED: 'true',
      ANSIBLE_INVENTORY_ENABLED: 'ini,yaml',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`ansible failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as AnsibleView;
}

async function expectAgreement(paths: string[]): Promise<void> {
  const view = ansibleView(paths);
  for (const path of paths) {
    // Parsing as Ansible does, not whether the values could reach a node.
    const ours = await loadInventory(path, { nodeValues: false });
    const theirs = view[path];
    for (const [group, hosts] of Object.entries(theirs.groups)) {
      expect(ours.groups.get(group) ?? [], `${path} [${group}]`).toEqual(hosts);
    }
    expect([...ours.hosts.keys()].sort(), path).toEqual(Object.keys(theirs.hostvars).sort());
    for (const [host, vars] of Object.entries(theirs.hostvars)) {
      expect(ours.hosts.get(host)!.vars, `${path} ${host}`).toEqual(vars);
    }
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kube-rescue-ansible-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!python)(
  'agreement with Ansible (skipped when ansible-core is not installed: apt-get install ansible-core)',
  { timeout: 120_000 },
  () => {
    it('reads the fixtures as Ansible does, group_vars/ and host_vars/ included', async () => {
      await expectAgreement(
        [
          'kubespray-sample-inventory.ini',
          'kubespray-sample-legacy-inventory.ini',
          'kubespray-hosts.yaml',
          'runbook-hosts.ini',
          'runbook-hosts.recovery.ini',
          'with-vars-directories/hosts.ini',
        ].map((f) => join('test/fixtures/inventory', f)),
      );
    });

    it('reads the dialect corners as Ansible does: quoting, literals, ranges, ports, precedence', async () => {
      const files: Record<string, string> = {
        'dialect.ini': [
          '; leading comment',
          'loose ansible_host=10.9.9.9',
          '[etcd]',
          `node1 ansible_host="10.0.0.1" ansible_port=2222 ansible_user='kube admin' flag=True n=0x1F note="a # b"`,
          `node[2:3] ip=10.0.0.2 lst="[1, 'two', None]" # ip=9.9.9.9`,
          'w[08:10]:2200',
          '[kube_control_plane]',
          'node3 ansible_user=cp',
          '[k8s_cluster:children]',
          'etcd',
          'kube_control_plane',
          '[all:vars]',
          'ansible_user=root',
          'q = "quoted" # comment',
          'raw = two words # not a comment here',
          "d = {'k': (1, 2), 'n': 0o17, 'l': [True, None, -1.5e3]}",
          "s = 'it''s' \"joined\"",
          'z = 00',
          '[k8s_cluster:vars]',
          'ansible_port=2200',
          '[etcd:vars]',
          'ansible_user=etcd-admin',
          'ansible_group_priority=5',
          '[kube_control_plane:vars]',
          'ansible_user=cp-admin',
        ].join('\n'),
        'nested.yaml': [
          'all:',
          '  vars: {ansible_user: root, flag: yes}',
          '  hosts:',
          '    a: &base {ansible_port: 2222}',
          '    b: *base',
          '  children:',
          '    k8s_cluster:',
          '      vars: {zone: k8s}',
          '      children:',
          '        kube_control_plane:',
          '          hosts:',
          '            b:',
          '            a: {zone: host}',
          '        etcd:',
          '          hosts:',
          "            'c:2200':",
          '          children:',
          '            kube_control_plane:',
          '    etcd:',
          '      vars: {zone: etcd}',
        ].join('\n'),
      };
      const paths = Object.entries(files).map(([name, text]) => {
        const path = join(dir, name);
        writeFileSync(path, text);
        return path;
      });
      await expectAgreement(paths);
    });

    it('agrees on generated inventories and on their recovery rewrites', async () => {
      const samples = fc.sample(
        fc.tuple(
          fc.constantFrom(...formats),
          model.chain((m) =>
            fc.record({
              m: fc.constant(m),
              s: style,
              brokenEtcd: fc.shuffledSubarray(m.etcd, { maxLength: m.etcd.length - 1 }),
              brokenCp: fc.shuffledSubarray(m.controlPlane),
            }),
          ),
        ),
        { numRuns: 40, seed: 20261122 },
      );
      const paths: string[] = [];
      samples.forEach(([f, { m, s, brokenEtcd, brokenCp }], i) => {
        const text = f.render(m, s);
        const before = join(dir, `gen-${i}.${f.format === 'ini' ? 'ini' : 'yaml'}`);
        writeFileSync(before, text);
        const after = join(dir, `gen-${i}.recovery.${f.format === 'ini' ? 'ini' : 'yaml'}`);
        writeFileSync(
          after,
          recoveryRewrite(text, { source: before, brokenEtcd, brokenControlPlane: brokenCp }),
        );
        paths.push(before, after);
      });
      await expectAgreement(paths);
      // And Ansible sees the runbook's groups in the rewritten files.
      const view = ansibleView(paths.filter((p) => p.includes('.recovery.')));
      for (const [path, { groups }] of Object.entries(view)) {
        expect(groups, path).toHaveProperty('broken_etcd');
        expect(groups, path).toHaveProperty('broken_kube_control_plane');
        expect(readFileSync(path, 'utf8').length).toBeGreaterThan(0);
      }
    });
  },
);
