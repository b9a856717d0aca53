import { readFile } from 'node:fs/promises';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../harness/docker-cli.js';
import {
  clusterHealth,
  fingerprint,
  LocalClusterProvider,
  nodeAccessOf,
  openEtcdClient,
  readSentinel,
  type StartedCluster,
  sameKeyspace,
  seedKeys,
  startBackgroundWriter,
  writerNumbersPresent,
} from '../../../harness/index.js';
import { loadInventory } from '../../../src/inventory/index.js';
import { SshTransport } from '../../../src/nodes/ssh.js';
import { StderrProgress } from '../../../src/progress.js';

// One stacked 3-node cluster for this file: starting clusters is the slow part.
let cluster: StartedCluster;
let etcd: Etcd3;

beforeAll(async () => {
  cluster = await new LocalClusterProvider().start('stacked3', {
    progress: new StderrProgress(),
  });
  console.log(
    `harness: stacked3 cluster ${cluster.name} healthy in ${cluster.startupSeconds.toFixed(1)} s (image cached)`,
  );
  etcd = await openEtcdClient(cluster.etcdEndpoints, cluster.tls);
});

afterAll(async () => {
  etcd?.close();
  await cluster?.stop();
});

describe('a stacked 3-node local cluster', () => {
  it('comes up with every etcd member healthy over TLS, named as Kubespray names them', async () => {
    const health = await clusterHealth(cluster.etcdEndpoints, cluster.tls);
    expect(health.map((h) => h.healthy)).toEqual([true, true, true]);
    const members = await etcd.cluster.memberList({});
    const byName = Object.fromEntries(members.members.map((m) => [m.name, m.peerURLs[0]]));
    expect(byName).toEqual({
      etcd1: `https://${cluster.node('node1').ip}:2380`,
      etcd2: `https://${cluster.node('node2').ip}:2380`,
      etcd3: `https://${cluster.node('node3').ip}:2380`,
    });
  });

  it('refuses a client without the cluster CA-signed certificate', async () => {
    const r = await runCommand(
      'etcdctl',
      [
        `--endpoints=${cluster.etcdEndpoints[0]}`,
        `--cacert=${cluster.tls.cacert}`,
        '--dial-timeout=2s',
        '--command-timeout=2s',
        'get',
        '/',
      ],
      { allowFailure: true },
    );
    expect(r.code).not.toBe(0);
  });

  it('writes a hosts.ini that our inventory module reads as the same cluster', async () => {
    const inv = await loadInventory(cluster.inventoryPath);
    expect(inv.controlPlane()).toEqual(['node1', 'node2', 'node3']);
    expect(inv.etcdMembers()).toEqual(
      cluster.nodes.map((n) => ({ host: n.name, memberName: n.etcdMemberName, address: n.ip })),
    );
    expect(inv.groups.get('kube_node')).toEqual(['node1', 'node2', 'node3']);
    expect(inv.groups.get('k8s_cluster')).toEqual(['node1', 'node2', 'node3']);
  });

  it('lays out each node as Kubespray does', async () => {
    const n = cluster.node('node2');
    const r = await n.sh(
      [
        'hostname',
        'readlink /etc/kubernetes/pki',
        'ls /etc/kubernetes/manifests',
        'grep -E "^(ETCD_NAME|ETCD_INITIAL_CLUSTER|ETCD_CERT_FILE)=" /etc/etcd.env',
        'systemctl show -p EnvironmentFiles -p User -p ExecStart --value etcd.service',
        'stat -c "%U %a" /var/lib/etcd /etc/ssl/etcd/ssl/member-node2-key.pem',
        'ls /etc/kubernetes/ssl',
        'stat -c "%n %a" /etc/kubernetes/admin.conf /etc/kubernetes/scheduler.conf',
        'grep -c client-key-data /etc/kubernetes/controller-manager.conf',
      ].join(' && '),
    );
    const out = r.stdout;
    expect(out).toContain('node2\n/etc/kubernetes/ssl\n');
    expect(out).toContain('kube-apiserver.yaml\nkube-controller-manager.yaml\nkube-scheduler.yaml');
    expect(out).toContain('ETCD_NAME=etcd2');
    expect(out).toContain(
      `ETCD_INITIAL_CLUSTER=${cluster.nodes.map((x) => `${x.etcdMemberName}=https://${x.ip}:2380`).join(',')}`,
    );
    expect(out).toContain('ETCD_CERT_FILE=/etc/ssl/etcd/ssl/member-node2.pem');
    expect(out).toContain('/etc/etcd.env');
    expect(out).toContain('etcd\n');
    expect(out).toContain('/usr/local/bin/etcd');
    expect(out).toContain('etcd 700\netcd 600');
    for (const f of ['apiserver.crt', 'apiserver.key', 'ca.crt', 'ca.key', 'sa.key', 'sa.pub']) {
      expect(out).toContain(`${f}\n`);
    }
    expect(out).toContain(
      '/etc/kubernetes/admin.conf 600\n/etc/kubernetes/scheduler.conf 600\n1\n',
    );
    // The member certificate is valid for the node IP and loopback (checked by openssl).
    const text = (
      await runCommand('openssl', [
        'x509',
        '-noout',
        '-ext',
        'subjectAltName',
        '-in',
        `${cluster.workDir}/pki/etcd/member-node2.pem`,
      ])
    ).stdout;
    expect(text).toContain(`IP Address:${n.ip}`);
    expect(text).toContain('IP Address:127.0.0.1');
  });

  it('answers SSH as root with the harness key, host key checked against its known_hosts', async () => {
    const known = await readFile(cluster.knownHostsPath, 'utf8');
    expect(known.split('\n').filter(Boolean)).toHaveLength(3);
    const access = nodeAccessOf(cluster);
    expect(access).toMatchObject({ transport: 'ssh', sshUser: 'root', layout: 'kubespray' });
    const t = new SshTransport({
      node: 'node3',
      host: cluster.node('node3').ip,
      user: access.sshUser,
      privateKeyFile: access.sshKeyFile,
      knownHostsFile: access.knownHosts,
    });
    try {
      const r = await t.exec(['sh', '-c', 'id -un; hostname; hostname -I']);
      expect(r.stdout.split(/\s+/).slice(0, 3)).toEqual([
        'root',
        'node3',
        cluster.node('node3').ip,
      ]);
    } finally {
      await t.close();
    }
  });

  it("hands recovery code the project's docker transport into the node's container", async () => {
    const t = await cluster.node('node1').transport();
    try {
      expect(t.kind).toBe('docker');
      const r = await t.exec(['cat', '/etc/hostname']);
      expect(r.stdout.trim()).toBe('node1');
      await t.writeFile('/root/harness-probe', 'written through the transport\n', { mode: 0o600 });
      expect(
        (await cluster.node('node1').sh('stat -c %a /root/harness-probe; cat /root/harness-probe'))
          .stdout,
      ).toBe('600\nwritten through the transport\n');
    } finally {
      await t.close();
    }
  });

  it('seeds Kubernetes-shaped keys whose fingerprint is stable until a write changes it', async () => {
    const seeded = await seedKeys(etcd, { keys: 2000, valueBytes: 512 });
    expect(seeded.keys).toBe(2000);
    expect(await readSentinel(etcd)).toBe(seeded.sentinelValue);
    const registry = await etcd.getAll().prefix('/registry/').keys();
    expect(registry).toHaveLength(2001);
    expect(registry).toContain('/registry/configmaps/default/obj-0000000');

    const a = await fingerprint(etcd);
    const b = await fingerprint(etcd);
    expect(a.count).toBeGreaterThanOrEqual(2001);
    expect(sameKeyspace(a, b)).toBe(true);
    // The same revision read through another member gives the same fingerprint.
    const viaNode3 = await openEtcdClient([cluster.etcdEndpoints[2]], cluster.tls);
    try {
      expect(await fingerprint(viaNode3, a.revision)).toEqual(a);
    } finally {
      viaNode3.close();
    }
    await etcd.put('/registry/configmaps/default/obj-0000000').value('changed');
    const c = await fingerprint(etcd);
    expect(c.count).toBe(a.count);
    expect(c.sha256).not.toBe(a.sha256);
    expect(c.revision).toBeGreaterThan(a.revision);
  });

  it('keeps writing numbered keys in the background and reports the last acknowledged one', async () => {
    const writer = startBackgroundWriter(etcd, { prefix: '/registry/kube-rescue/rpo-test/' });
    await new Promise((r) => setTimeout(r, 1500));
    const report = await writer.stop();
    expect(report.failures).toBe(0);
    expect(report.lastAcknowledged).toBeGreaterThan(5);
    const present = await writerNumbersPresent(etcd, writer.prefix);
    expect(present).toEqual(Array.from({ length: report.lastAcknowledged + 1 }, (_, i) => i));
  });
});
