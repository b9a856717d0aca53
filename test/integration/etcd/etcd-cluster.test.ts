import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, OperationError } from '../../../src/errors.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import {
  connectEtcdClient,
  fingerprintEndpoints,
  fingerprintViaEtcdCtl,
} from '../../../src/etcd/fingerprint.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { freePort, LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { verifySnapshotTrailer } from '../../../src/etcd/snapshot-file.js';
import { EtcdSnapshotTool } from '../../../src/etcd/snapshot-tool.js';
import { parseInventory } from '../../../src/inventory/index.js';
import { defaultNodeAccess } from '../../../src/nodes/access.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { SshTransport } from '../../../src/nodes/ssh.js';
import { probeCluster } from '../../../src/recovery/probe.js';
import { createEtcdPki, type EtcdPki } from '../../support/etcd-pki.js';

// A real 3-member etcd (Debian's etcd-server) on loopback, TLS with Kubespray's cert names:
// host nodeN runs member etcdN and holds member-nodeN.pem / admin-nodeN.pem.
const hosts = ['node1', 'node2', 'node3'];
const memberOf = (name: string) => `node${name.replace('etcd', '')}`;

let dir: string;
let pki: EtcdPki;
let cluster: LocalEtcdCluster;
let client: Etcd3;
const local = new LocalTransport('node1');

function ctlFor(host: string, endpoints = cluster.endpoints): EtcdCtl {
  const admin = pki.admin(host);
  return new EtcdCtl(local, {
    endpoints,
    tls: { cacert: pki.ca, cert: admin.cert, key: admin.key },
    // Loopback answers in milliseconds; short timeouts keep the failure cases fast.
    dialTimeoutMs: 2000,
    commandTimeoutMs: 3000,
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kube-rescue-etcd-it-'));
  pki = await createEtcdPki(join(dir, 'ssl'), [...hosts, 'node4', 'node5']);
  cluster = await LocalEtcdCluster.start({
    names: ['etcd1', 'etcd2', 'etcd3'],
    dir: join(dir, 'cluster'),
    tls: { cacert: pki.ca, member: (n) => pki.member(memberOf(n)) },
  });
  await cluster.waitForClusterVersion();
  client = await connectEtcdClient({
    endpoints: cluster.endpoints,
    tls: { cacert: pki.ca, ...pki.admin('node1') },
  });
  // Kubernetes-like keys, a few hundred bytes each, in batches like the API server writes.
  const value = 'v'.repeat(300);
  for (let b = 0; b < 20; b++) {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        client.put(`/registry/pods/ns${b}/pod-${i}`).value(`${value}${b}-${i}`),
      ),
    );
  }
  await client.put('/registry/configmaps/default/overwritten').value('one');
  await client.put('/registry/configmaps/default/overwritten').value('two');
}, 120_000);

afterAll(async () => {
  client?.close();
  await cluster?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('EtcdCtl against a real 3-member TLS cluster', () => {
  it('reports every endpoint healthy, one leader, and the members with hex ids', async () => {
    const ctl = ctlFor('node1');
    const health = await ctl.endpointHealth();
    expect(health.map((h) => h.healthy)).toEqual([true, true, true]);

    const { statuses, unreachable } = await ctl.endpointStatus();
    expect(unreachable).toEqual([]);
    expect(statuses).toHaveLength(3);
    expect(statuses.filter((s) => s.isLeader)).toHaveLength(1);
    expect(new Set(statuses.map((s) => s.leader)).size).toBe(1);
    for (const s of statuses) {
      expect(s.version).toBe('3.4.23');
      expect(s.raftIndex).toBeGreaterThan(0);
      expect(s.dbSize).toBeGreaterThan(0);
      expect(s.memberId).toMatch(/^[0-9a-f]+$/);
    }

    const members = await ctl.memberList();
    expect(members.map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3']);
    expect(members.map((m) => m.id).sort()).toEqual(statuses.map((s) => s.memberId).sort());
    const m1 = members.find((m) => m.name === 'etcd1')!;
    expect(m1.peerURLs).toEqual([cluster.member('etcd1').peerUrl]);
    expect(m1.clientURLs).toEqual([cluster.member('etcd1').clientUrl]);
    expect(m1.isLearner).toBe(false);

    const tools = await ctl.etcdTools();
    expect(tools.snapshotTool).toBe('etcdctl');
    expect(tools.etcdctl?.raw).toBe('3.4.23');
    expect(tools.server?.raw).toBe('3.4.23');
    // Detected once per node connection, however many EtcdCtl objects ask.
    expect(await ctlFor('node2').etcdTools()).toBe(tools);
  });

  it('counts keys and fingerprints the keyspace the same way through etcdctl and the etcd3 client', async () => {
    const ctl = ctlFor('node2');
    const { count, revision } = await ctl.keyCount();
    expect(count).toBe(2001);
    const direct = await fingerprintEndpoints(
      { endpoints: cluster.endpoints, tls: { cacert: pki.ca, ...pki.admin('node1') } },
      { revision, pageSize: 300 },
    );
    const viaNode = await fingerprintViaEtcdCtl(ctl, { revision, pageSize: 700 });
    expect(direct).toEqual({
      revision,
      count: 2001,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(viaNode).toEqual(direct);
  });

  it('adds two members back to back (waiting for the cluster version, retrying "unhealthy cluster") and removes them', async () => {
    const ctl = ctlFor('node1');
    const joined: string[] = [];
    const attempts: number[] = [];
    for (const name of ['etcd4', 'etcd5']) {
      const m = await cluster.prepareJoin(name);
      const added = await ctl.memberAdd(name, [m.peerUrl]);
      expect(added.id).toMatch(/^[0-9a-f]+$/);
      expect(added.initialCluster).toContain(`${name}=${m.peerUrl}`);
      expect(added.initialClusterState).toBe('existing');
      await cluster.startJoined(name, added.initialCluster);
      joined.push(added.id);
      attempts.push(added.attempts);
    }
    // Right after etcd4 joined, etcd answers "unhealthy cluster" for a few seconds: retried.
    expect(attempts[1]).toBeGreaterThan(1);
    const members = await ctl.memberList();
    expect(members.map((m) => m.name).sort()).toEqual([
      'etcd1',
      'etcd2',
      'etcd3',
      'etcd4',
      'etcd5',
    ]);

    for (const [i, id] of joined.entries()) {
      await ctl.memberRemove(id.toUpperCase());
      const name = `etcd${i + 4}`;
      await cluster.kill(name, 'SIGTERM');
      cluster.forget(name);
    }
    expect((await ctl.memberList()).map((m) => m.name).sort()).toEqual(['etcd1', 'etcd2', 'etcd3']);
  });

  it('saves a snapshot from one endpoint, checks its trailer, restores it and starts an etcd with the same keyspace', async () => {
    const ctl = ctlFor('node1');
    const path = join(dir, 'snap.db');
    await expect(ctl.snapshotSave(cluster.endpoints.join(','), path)).rejects.toThrow(
      /exactly one endpoint/,
    );
    const saved = await ctl.snapshotSave(cluster.member('etcd2').clientUrl, path);
    expect(saved.bytes).toBeGreaterThan(4096);

    const trailer = await verifySnapshotTrailer(createReadStream(path), path);
    expect(trailer).toMatchObject({ ok: true, bytes: saved.bytes });
    expect(trailer.expected).toBe(trailer.actual);

    const status = await ctl.snapshotStatus(path);
    // The offline tool alone (no endpoint, no certs) reads the same file the same way.
    expect(await new EtcdSnapshotTool(local).status(path)).toEqual(status);
    expect(status.totalSize).toBe(saved.bytes - 32);
    expect(status.revision).toBeGreaterThan(2001);
    const before = await fingerprintViaEtcdCtl(ctl, { revision: status.revision });

    const restoredDir = join(dir, 'restored', 'solo.etcd');
    await mkdir(join(dir, 'restored'));
    const port = { client: 0, peer: 0 };
    const solo = await (async () => {
      port.client = await freePort();
      port.peer = await freePort();
      const restore = {
        snapshot: path,
        dataDir: restoredDir,
        name: 'solo',
        initialCluster: `solo=http://127.0.0.1:${port.peer}`,
        initialClusterToken: 'restored',
        initialAdvertisePeerUrls: [`http://127.0.0.1:${port.peer}`],
        bumpRevision: 1_000_000_000,
      };
      const result = await ctl.snapshotRestore(restore);
      // etcdctl 3.4 offers no revision bump: skipped, and said why.
      expect(result.bumpedBy).toBe(0);
      expect(result.bumpSkipped).toMatch(/bump-revision/);
      // A second restore onto the same dir is refused with what to do, and the dir is kept.
      await expect(ctl.snapshotRestore(restore)).rejects.toThrow(/already exists: move it aside/);
      return LocalEtcdCluster.start({
        names: ['solo'],
        dir: join(dir, 'restored'),
        dataDirs: { solo: restoredDir },
        ports: { solo: port },
        token: 'restored',
      });
    })();
    try {
      const after = await fingerprintEndpoints(
        { endpoints: solo.endpoints },
        { revision: status.revision },
      );
      expect(after).toEqual(before);
      expect(after.count).toBe(2001);
      const soloCtl = new EtcdCtl(local, { endpoints: solo.endpoints });
      expect((await soloCtl.keyCount()).count).toBe(2001);
    } finally {
      await solo.stop();
    }
  });

  it('says clearly when the endpoint is wrong, cert files are missing, or etcdctl is not installed', async () => {
    const wrong = ctlFor('node1', ['https://127.0.0.1:9']);
    await expect(wrong.memberList()).rejects.toThrow(
      /No etcd answered at https:\/\/127\.0\.0\.1:9 from node node1/,
    );

    const missing = new EtcdCtl(local, {
      endpoints: cluster.endpoints,
      tls: { cacert: pki.ca, cert: join(dir, 'nope.pem'), key: join(dir, 'nope-key.pem') },
    });
    const err = await missing.memberList().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain(join(dir, 'nope.pem'));

    const noTools = new EtcdCtl(local, {
      endpoints: cluster.endpoints,
      commands: {
        etcd: ['etcd-not-here'],
        etcdctl: ['etcdctl-not-here'],
        etcdutl: ['etcdutl-not-here'],
      },
    });
    const err2 = await noTools.memberList().catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(OperationError);
    expect((err2 as Error).message).toMatch(
      /neither etcdctl nor etcdutl.*Install the etcd client tools/,
    );
  });
});

describe('probeCluster against the real cluster', () => {
  function inventory(extraControlPlane = 'cp-gone') {
    const lines = ['[etcd]'];
    for (const [i, h] of hosts.entries()) {
      const m = cluster.member(`etcd${i + 1}`);
      lines.push(
        `${h} ansible_host=127.0.0.1 etcd_member_name=etcd${i + 1} etcd_client_url=${m.clientUrl} etcd_peer_url=${m.peerUrl}`,
      );
    }
    // cp-gone: a control-plane host nothing answers for (a closed loopback port).
    lines.push('[kube_control_plane]', ...hosts, extraControlPlane, '');
    return parseInventory(lines.join('\n'), 'test-hosts.ini', 'ini');
  }
  const layout = () => kubesprayLayout({ etcdCertDir: pki.dir, kubernetesCertDirs: [pki.dir] });
  let closedPort = 0;
  beforeAll(async () => {
    closedPort = await freePort();
  });
  const transportFor = (h: string) =>
    h === 'cp-gone'
      ? new SshTransport({
          node: h,
          host: '127.0.0.1',
          port: closedPort,
          agent: join(dir, 'no-agent.sock'),
        })
      : new LocalTransport(h);
  const probe = () =>
    probeCluster(inventory(), transportFor, defaultNodeAccess, {
      layout: layout(),
      timeoutMs: 20_000,
    });

  it('finds all members healthy with quorum, then one killed: reported, quorum kept; two killed: quorum lost', async () => {
    const all = await probe();
    expect(all.quorum).toBe(true);
    expect(all.voters).toBe(3);
    expect(all.healthyVoters).toBe(3);
    expect(all.unknownMembers).toEqual([]);
    for (const n of all.etcd) {
      expect(n).toMatchObject({
        reachable: true,
        etcdRunning: true,
        healthy: true,
        isMember: true,
        etcdCertsPresent: true,
      });
      expect(n.raftIndex).toBeGreaterThan(0);
    }
    expect(all.controlPlane.filter((c) => c.certsPresent).map((c) => c.host)).toEqual(hosts);
    const gone = all.controlPlane.find((c) => c.host === 'cp-gone')!;
    expect(gone).toMatchObject({ reachable: false, certsPresent: false });
    expect(gone.errors.join('\n')).toMatch(/cp-gone is unreachable/);
    expect(all.toolsVersion).toBe('3.4.23');

    await cluster.kill('etcd3');
    const one = await probe();
    const n3 = one.etcd.find((n) => n.host === 'node3')!;
    expect(n3).toMatchObject({
      reachable: true,
      etcdRunning: false,
      healthy: false,
      isMember: true,
    });
    expect(one.healthyVoters).toBe(2);
    expect(one.quorum).toBe(true);

    await cluster.kill('etcd2');
    const two = await probe();
    expect(two.quorum).toBe(false);
    expect(two.etcd.filter((n) => n.healthy)).toHaveLength(0);
    expect(two.etcd.find((n) => n.host === 'node1')!.etcdRunning).toBe(true);
    // No healthy member to ask: the tools are identified from the binaries on each node.
    expect(two.toolsVersion).toBe('3.4.23');
    for (const n of two.etcd) {
      expect(n.tools).toMatchObject({
        server: '3.4.23',
        snapshotTool: 'etcdctl',
        bumpRevision: false,
      });
    }
  });

  it('a host declared gone (--remove-host) that never answers is given up after 5 s, not the full bound', async () => {
    // A real socket that accepts and then says nothing: an SSH handshake with it never ends.
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as AddressInfo).port;
    try {
      const health = await probeCluster(
        inventory('cp-silent ansible_host=127.0.0.1'),
        (h) =>
          h === 'cp-silent'
            ? new SshTransport({ node: h, host: '127.0.0.1', port, agent: join(dir, 'no.sock') })
            : new LocalTransport(h),
        defaultNodeAccess,
        { layout: layout(), timeoutMs: 20_000, goneHosts: ['cp-silent'] },
      );
      const cp = health.controlPlane.find((c) => c.host === 'cp-silent')!;
      expect(cp.reachable).toBe(false);
      expect(cp.errors.join('\n')).toMatch(
        /SSH handshake with 127\.0\.0\.1:\d+ did not finish within 5 s/,
      );
    } finally {
      silent.close();
    }
  });
});
