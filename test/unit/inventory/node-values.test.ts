import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { loadInventory } from '../../../src/inventory/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-node-values-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function inventoryFile(text: string, name = 'hosts.ini'): Promise<string> {
  const sub = join(dir, `case-${n++}`);
  await mkdir(sub);
  const path = join(sub, name);
  await writeFile(path, text);
  return path;
}

async function refusal(path: string): Promise<string> {
  const err = await loadInventory(path).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  return (err as Error).message;
}

const yamlWith = (vars: Record<string, unknown>): string =>
  JSON.stringify({
    all: {
      hosts: { m1: { ansible_host: '127.0.0.1', ...vars }, m2: { ansible_host: '127.0.0.2' } },
      children: {
        etcd: { hosts: { m1: null, m2: null } },
        kube_control_plane: { hosts: { m1: null } },
      },
    },
  });

describe('inventory values that reach the nodes', () => {
  it.each([
    ['etcd_member_name', 'etcd1\nETCD_INITIAL_CLUSTER_STATE=new', 'it contains a line break'],
    ['etcd_member_name', 'etcd1,evil=https://127.0.0.9:2380', "it contains ','"],
    ['etcd_member_name', 'etcd$(reboot)', "it contains '$'"],
    ['ansible_host', "127.0.0.1'; touch /tmp/x; '", 'it contains white space'],
    ['ansible_host', '127.0.0.1`id`', "it contains '`'"],
    ['access_ip', '127.0.0.1\r', 'it contains a line break'],
    ['ip', 'a b', 'it contains white space'],
    ['kube_override_hostname', 'node;rm', "it contains ';'"],
    ['ansible_user', 'root\nx', 'it contains a line break'],
    ['ansible_port', '22; ls', 'it contains white space'],
    ['ansible_port', '70000', 'it is not of that form'],
  ])(
    '%s = %j is exit-2 input naming the host, the variable and the file',
    async (variable, value, why) => {
      const path = await inventoryFile(yamlWith({ [variable]: value }), 'hosts.yaml');
      const message = await refusal(path);
      expect(message).toContain(`host 'm1': ${variable} is ${JSON.stringify(value)}`);
      expect(message).toContain(why);
      expect(message).toContain(`Fix it in ${path}`);
    },
  );

  it('names the host_vars or group_vars file a bad value came from', async () => {
    const path = await inventoryFile(
      '[etcd]\nm1 ansible_host=127.0.0.1\n[kube_control_plane]\nm1\n',
    );
    const sub = join(path, '..');
    await mkdir(join(sub, 'host_vars'));
    await writeFile(join(sub, 'host_vars', 'm1.yml'), 'etcd_member_name: "a\\nb"\n');
    expect(await refusal(path)).toContain(`Fix it in host_vars/m1 beside ${path}`);
    await rm(join(sub, 'host_vars'), { recursive: true });
    await mkdir(join(sub, 'group_vars'));
    await writeFile(join(sub, 'group_vars', 'etcd.yml'), 'ansible_user: "a b"\n');
    expect(await refusal(path)).toContain(`Fix it in group_vars/etcd beside ${path}`);
  });

  it('refuses a host name that is not a name', async () => {
    const path = await inventoryFile(
      JSON.stringify({ all: { children: { etcd: { hosts: { 'm1;reboot': null } } } } }),
      'hosts.yaml',
    );
    expect(await refusal(path)).toMatch(
      /the host name "m1;reboot" cannot be used: it contains ';'/,
    );
  });

  it('accepts the forms real inventories use: IPv4, IPv6, DNS names, numeric ports, dotted users', async () => {
    const path = await inventoryFile(
      '[etcd]\n' +
        'm1 ansible_host=127.0.0.1 ip=127.0.0.1 etcd_member_name=etcd-1 ansible_user=ops.admin ansible_port=2222\n' +
        'm2 ansible_host=fd00::2 access_ip=fd00::2 etcd_member_name=etcd_2\n' +
        'm3.example.internal ansible_host=m3.example.internal kube_override_hostname=m3\n' +
        '[kube_control_plane]\nm1\n',
    );
    const inventory = await loadInventory(path);
    expect(inventory.etcdMembers().map((m) => m.memberName)).toEqual(['etcd-1', 'etcd_2', 'etcd3']);
  });

  it('leaves workers that are neither etcd members nor control plane alone', async () => {
    const path = await inventoryFile(
      "[etcd]\nm1 ansible_host=127.0.0.1\n[kube_control_plane]\nm1\n[kube_node]\nw1 ansible_user=\"{{ lookup('env', 'USER') }}\"\n",
    );
    await expect(loadInventory(path)).resolves.toBeDefined();
  });

  it('any value with a character outside its form is refused, never accepted', async () => {
    const special = fc.constantFrom(...'\n\r\t $`"\'\\;&|<>(){}*?!#~,=[]'.split(''));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          'etcd_member_name',
          'ansible_host',
          'ip',
          'access_ip',
          'kube_override_hostname',
        ),
        fc.string({ maxLength: 8 }),
        special,
        fc.string({ maxLength: 8 }),
        async (variable, before, bad, after) => {
          const path = await inventoryFile(
            yamlWith({ [variable]: `a${before}${bad}${after}` }),
            'hosts.yaml',
          );
          const message = await refusal(path);
          expect(message).toContain(`host 'm1': ${variable} is `);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('kube-rescue plan with such an inventory', () => {
  it('exits 2 before it connects to anything', { timeout: 60_000 }, async () => {
    const path = await inventoryFile(yamlWith({ etcd_member_name: 'etcd1\nX=1' }), 'hosts.yaml');
    const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'plan', '-i', path],
        { encoding: 'utf8' },
        (err, _stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
      );
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`host 'm1': etcd_member_name is "etcd1\\nX=1"`);
    expect(r.stderr).not.toMatch(/connect|probe/i);
  });
});
