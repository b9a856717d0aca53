import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Etcd3 } from 'etcd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { connectEtcdClient } from '../../../src/etcd/fingerprint.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { freePort, LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { fingerprintSnapshotFile } from '../../../src/etcd/snapshot-keyspace.js';
import { EtcdSnapshotTool } from '../../../src/etcd/snapshot-tool.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { BUMP_REVISION, type Plan, type StepOf } from '../../../src/recovery/plan.js';
import { verifyRecovery } from '../../../src/recovery/verify.js';
import { etcdUnderTest } from '../../support/etcd-versions.js';

// Recovery verification compares every key and value of the restored cluster with the
// snapshot file the plan restored, with and without a revision bump, on real etcd: a restore
// of the right file passes on each member's HashKV, computed from the file; a restore whose
// data differs (here: another cluster's snapshot at the same revision) fails and names the keys;
// one with the same keys and values but another history passes, key by key.
describe.each(['3.4', '3.5', '3.6'] as const)('verification of content on etcd %s', (version) => {
  const etcd = etcdUnderTest(version);
  const bump = version === '3.4' ? 0 : BUMP_REVISION;
  const local = new LocalTransport('node1');
  let dir: string;
  const started: LocalEtcdCluster[] = [];

  beforeAll(async () => {
    if (etcd.missing) throw new Error(etcd.missing);
    dir = await mkdtemp(join(tmpdir(), `kube-rescue-verify-${version}-`));
  });
  afterAll(async () => {
    for (const c of started) await c.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * A one-member etcd with the same sequence of writes, except where `variant` says;
   * `reordered`: the same writes, the last two swapped (same keys and values, other revisions).
   */
  async function snapshotOf(name: string, variant: boolean, reordered = false): Promise<string> {
    const c = await LocalEtcdCluster.start({ dir: join(dir, name), etcdBinary: etcd.etcdBinary });
    started.push(c);
    const client: Etcd3 = await connectEtcdClient({ endpoints: c.endpoints });
    try {
      for (let i = 0; i < 200; i++)
        await client.put(`/registry/configmaps/default/cm-${i}`).value(`v${i}`);
      // Same number of writes either way, so both snapshots end at the same revision.
      const token = () =>
        client.put('/registry/secrets/default/token').value(variant ? 'changed' : 'original');
      const pod = () =>
        client
          .put(variant ? '/registry/pods/default/extra' : '/registry/pods/default/web')
          .value('pod');
      if (reordered) {
        await pod();
        await token();
      } else {
        await token();
        await pod();
      }
    } finally {
      client.close();
    }
    const path = join(dir, `${name}.db`);
    await new EtcdCtl(local, { endpoints: c.endpoints, commands: etcd.commands }).snapshotSave(
      c.endpoints[0]!,
      path,
    );
    await c.stop();
    return path;
  }

  /** Restores `file` with the real snapshot-restore code and starts a member on it. */
  async function restored(name: string, file: string): Promise<EtcdCtl> {
    const peer = await freePort();
    const client = await freePort();
    const dataDir = join(dir, `${name}.etcd`);
    const result = await new EtcdSnapshotTool(local, { commands: etcd.commands }).restore({
      snapshot: file,
      dataDir,
      name,
      initialCluster: `${name}=http://127.0.0.1:${peer}`,
      initialClusterToken: name,
      initialAdvertisePeerUrls: [`http://127.0.0.1:${peer}`],
      ...(bump ? { bumpRevision: bump, markCompacted: true } : {}),
    });
    expect(result.bumpedBy).toBe(bump);
    const c = await LocalEtcdCluster.start({
      names: [name],
      dir: join(dir, `${name}-run`),
      dataDirs: { [name]: dataDir },
      ports: { [name]: { client, peer } },
      token: name,
      etcdBinary: etcd.etcdBinary,
    });
    started.push(c);
    return new EtcdCtl(local, { endpoints: c.endpoints, commands: etcd.commands });
  }

  function planRestoring(snapshot: string, member: string): Plan {
    const restore: StepOf<'restore-snapshot'> = {
      id: '01-restore-snapshot-node1',
      node: 'node1',
      action: 'restore-snapshot',
      params: {
        snapshot,
        dataDir: '/var/lib/etcd',
        member,
        peerURL: 'http://127.0.0.1:2380',
        initialCluster: `${member}=http://127.0.0.1:2380`,
        initialClusterToken: 'token',
        ...(bump ? { bumpRevision: bump, markCompacted: true } : {}),
      },
      reason: 'test',
      undo: 'test',
      destructive: true,
    };
    return {
      cluster: 'cluster.local',
      case: 'quorum-loss',
      cases: ['quorum-loss'],
      strategy: 'grow',
      source: { kind: 'survivor', node: 'node1', member, raftIndex: 1 },
      layout: 'kubespray',
      paths: kubesprayLayout(),
      members: [],
      createdAt: new Date().toISOString(),
      brokenEtcd: [],
      brokenControlPlane: [],
      brokenFrom: 'inventory',
      steps: [
        restore,
        {
          id: '02-verify-node1',
          node: 'node1',
          action: 'verify',
          params: { expectMembers: 1 },
          reason: 'test',
          undo: 'nothing',
          destructive: false,
        },
      ],
      warnings: [],
      expect: { members: [member] },
    };
  }

  const verify = (plan: Plan, cluster: EtcdCtl, debug?: (m: string) => void) =>
    verifyRecovery({
      plan,
      cluster,
      layout: kubesprayLayout(),
      transportFor: async () => local,
      observed: { restoredFiles: [] },
      ...(debug ? { debug } : {}),
    });

  it('passes when every key and value equals the restored snapshot, and names the keys when not', async () => {
    const good = await snapshotOf('good', false);
    const other = await snapshotOf('other', true);

    const right = await restored('right', good);
    const ok = await verify(planRestoring(good, 'right'), right);
    const keyspace = ok.checks.find((c) => c.name === 'keyspace')!;
    expect(keyspace).toMatchObject({ status: 'passed' });
    expect(keyspace.detail).toMatch(/every key and value \(202 keys\)/);
    // Proved by the member's HashKV against the file's, without reading the keyspace.
    expect(keyspace.detail).toMatch(
      /on each of the 1 member: its HashKV is the one computed here from the file/,
    );
    expect(keyspace.detail).not.toMatch(/key by key/);
    expect(ok.ok).toBe(true);

    // The data that came back is not the snapshot's: same count, same revision, other content.
    const wrong = await restored('wrong', other);
    const bad = await verify(planRestoring(good, 'wrong'), wrong);
    expect(bad.ok).toBe(false);
    const failed = bad.checks.find((c) => c.name === 'keyspace')!;
    expect(failed.status).toBe('failed');
    expect(failed.detail).toMatch(/^3 keys of the restored cluster differ/);
    expect(failed.detail).toContain('missing: /registry/pods/default/web');
    expect(failed.detail).toContain('unexpected: /registry/pods/default/extra');
    expect(failed.detail).toContain('value differs: /registry/secrets/default/token');
    // The revision check alone could not have told: both are at the snapshot's revision.
    expect(bad.checks.find((c) => c.name === 'revision')?.status).not.toBe('failed');
  });

  it("with the manifest's full fingerprint: the file must be that keyspace too", async () => {
    const good = await snapshotOf('good4', false);
    const cluster = await restored('fingerprinted', good);
    const fp = await fingerprintSnapshotFile(good);
    const plan = planRestoring(good, 'fingerprinted');
    const ok = await verify({ ...plan, expect: { ...plan.expect, fingerprint: fp } }, cluster);
    const keyspace = ok.checks.find((c) => c.name === 'keyspace')!;
    expect(keyspace.status).toBe('passed');
    expect(keyspace.detail).toMatch(/its HashKV is the one computed here from the file/);
    expect(keyspace.detail).toMatch(/; the file matches the manifest fingerprint$/);
    // A manifest of other data: the cluster equals the file, the file is not the backup's.
    const other = { ...fp, sha256: '0'.repeat(64) };
    const bad = await verify({ ...plan, expect: { ...plan.expect, fingerprint: other } }, cluster);
    const failed = bad.checks.find((c) => c.name === 'keyspace')!;
    expect(failed).toMatchObject({
      status: 'failed',
      expected: `${fp.count} keys / 000000000000 (manifest)`,
      actual: `${fp.count} keys / ${fp.sha256.slice(0, 12)}`,
    });
    expect(failed.detail).toMatch(
      /^the cluster equals the snapshot restored on node1 .*, but that file is not the keyspace the backup manifest fingerprinted$/,
    );
  });

  it('the same keys and values under another history: HashKV differs, the key-by-key compare passes and says why it ran', async () => {
    const good = await snapshotOf('good3', false);
    const reordered = await snapshotOf('reordered', false, true);
    const cluster = await restored('reordered-run', reordered);
    const said: string[] = [];
    const v = await verify(planRestoring(good, 'reordered-run'), cluster, (m) => said.push(m));
    const keyspace = v.checks.find((c) => c.name === 'keyspace')!;
    expect(keyspace.status).toBe('passed');
    expect(keyspace.detail).toMatch(/every key and value \(202 keys\)/);
    expect(keyspace.detail).toMatch(
      /compared key by key: etcd's HashKV at revision \d+ differs from the one computed from the file on http:\/\/127\.0\.0\.1:\d+ \(\d+, the file's \d+\)/,
    );
    expect(said.some((m) => /comparing key by key/.test(m))).toBe(true);
  });

  it('every member must hold the same data: two members restored from different snapshots are caught', async () => {
    const good = await snapshotOf('good2', false);
    const other = await snapshotOf('other2', true);
    const names = ['m1', 'm2'];
    const ports = Object.fromEntries(
      await Promise.all(
        names.map(async (n) => [n, { client: await freePort(), peer: await freePort() }] as const),
      ),
    );
    const initialCluster = names.map((n) => `${n}=http://127.0.0.1:${ports[n]!.peer}`).join(',');
    const dataDirs: Record<string, string> = {};
    for (const [name, file] of [
      ['m1', good],
      ['m2', other],
    ] as const) {
      dataDirs[name] = join(dir, `pair-${name}.etcd`);
      await new EtcdSnapshotTool(local, { commands: etcd.commands }).restore({
        snapshot: file,
        dataDir: dataDirs[name]!,
        name,
        initialCluster,
        initialClusterToken: 'pair',
        initialAdvertisePeerUrls: [`http://127.0.0.1:${ports[name]!.peer}`],
        ...(bump ? { bumpRevision: bump, markCompacted: true } : {}),
      });
    }
    const pair = await LocalEtcdCluster.start({
      names,
      dir: join(dir, 'pair-run'),
      dataDirs,
      ports,
      token: 'pair',
      etcdBinary: etcd.etcdBinary,
    });
    started.push(pair);
    const cluster = new EtcdCtl(local, { endpoints: pair.endpoints, commands: etcd.commands });
    const plan = { ...planRestoring(good, 'm1'), expect: { members: names } };
    const v = await verify(plan, cluster);
    const agree = v.checks.find((c) => c.name === 'members agree')!;
    expect(agree.status).toBe('failed');
    expect(agree.detail).toMatch(/members hold different data at revision \d+/);
    expect(v.ok).toBe(false);
  });
});
