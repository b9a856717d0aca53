import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { connectEtcdClient } from '../../../src/etcd/fingerprint.js';
import { kubesprayLayout } from '../../../src/etcd/layout.js';
import { freePort, LocalEtcdCluster } from '../../../src/etcd/local-cluster.js';
import { identifyEtcdBinaries } from '../../../src/etcd/version.js';
import { defaultNodeAccess } from '../../../src/nodes/access.js';
import { LocalTransport } from '../../../src/nodes/local.js';
import { silentProgress } from '../../../src/progress.js';
import { NodeStepRunner } from '../../../src/recovery/node-steps.js';
import { buildPlan, type StepOf } from '../../../src/recovery/plan.js';
import { verifyRecovery } from '../../../src/recovery/verify.js';
import { etcdUnderTest } from '../../support/etcd-versions.js';

// The point of the revision bump, on real etcd, through the real planner and the real
// restore-snapshot step: a client that watched the old cluster and resumes from the next
// revision it expects must be told "compacted" (and relist), not be handed events of other
// writes under revision numbers it has already seen. The nodes' etcd is what is on PATH here,
// as on a Kubespray node; it is identified from the binaries, with no member running.

type Outcome = { kind: 'error'; message: string } | { kind: 'put'; key: string; revision: number };

/**
 * The first thing a watch from `revision` sees, as etcd's own client (etcdctl watch) reports it:
 * an error, or an event with its revision. The watch starts before `thenWrite` runs.
 */
function firstWatchOutcome(
  etcdctl: string,
  endpoint: string,
  revision: number,
  thenWrite: () => Promise<void>,
): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      etcdctl,
      [
        `--endpoints=${endpoint}`,
        'watch',
        '--prefix',
        '/registry/',
        `--rev=${revision}`,
        '-w',
        'json',
      ],
      { env: { ...process.env, ETCDCTL_API: '3' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    const done = (o: Outcome) => {
      child.kill('SIGKILL');
      resolve(o);
    };
    const timer = setTimeout(() => done({ kind: 'error', message: `no answer: ${err}` }), 20_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.includes('"Events"'));
      if (!line) return;
      const ev = (JSON.parse(line) as { Events: { kv: { key: string; mod_revision: number } }[] })
        .Events[0];
      if (!ev) return;
      clearTimeout(timer);
      done({
        kind: 'put',
        key: Buffer.from(ev.kv.key, 'base64').toString(),
        revision: ev.kv.mod_revision,
      });
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', () => {
      clearTimeout(timer);
      resolve({ kind: 'error', message: (err + out).trim() });
    });
    // Give the watch a moment to be registered before the writes.
    setTimeout(() => thenWrite().catch(reject), 500);
  });
}

describe.each(['3.4', '3.5', '3.6'] as const)('revision bump on etcd %s', (version) => {
  const etcd = etcdUnderTest(version);
  const local = new LocalTransport('node1');
  let dir: string;
  let savedPath: string | undefined;
  const started: LocalEtcdCluster[] = [];

  beforeAll(async () => {
    if (etcd.missing) throw new Error(etcd.missing);
    dir = await mkdtemp(join(tmpdir(), `kube-rescue-bump-${version}-`));
    // The node's etcd on PATH, where Kubespray installs it (3.4 is Debian's, already there).
    savedPath = process.env.PATH;
    if (version !== '3.4') process.env.PATH = `${join(etcd.etcdBinary, '..')}:${savedPath}`;
  });
  afterAll(async () => {
    process.env.PATH = savedPath;
    for (const c of started) await c.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it(
    version === '3.4'
      ? 'without a bump (3.4 cannot): a resumed watch silently receives other writes under revisions it saw'
      : 'a watch from before the fault gets "compacted", and the restored revision is above every revision handed out',
    async () => {
      // The old cluster: writes, a snapshot, more writes that the loss takes away.
      const old = await LocalEtcdCluster.start({
        dir: join(dir, 'old'),
        etcdBinary: etcd.etcdBinary,
      });
      started.push(old);
      const oldClient = await connectEtcdClient({ endpoints: old.endpoints });
      for (let i = 0; i < 50; i++) await oldClient.put(`/registry/pods/a-${i}`).value(`v${i}`);
      const snapshot = join(dir, 'survivor.db');
      const ctl = new EtcdCtl(local, { endpoints: old.endpoints });
      await ctl.snapshotSave(old.endpoints[0]!, snapshot);
      const snapRevision = (await ctl.snapshotStatus(snapshot)).revision;
      let lastHandedOut = 0;
      for (let i = 0; i < 30; i++) {
        const r = await oldClient.put(`/registry/pods/b-${i}`).value(`lost${i}`).exec();
        lastHandedOut = Number(r.header.revision);
      }
      oldClient.close();
      await old.stop();
      expect(lastHandedOut).toBe(snapRevision + 30);

      // Total loss, from the probe's point of view: no member runs; the binaries answer.
      const identified = await identifyEtcdBinaries(local);
      if (!('tools' in identified)) throw new Error(identified.error);
      expect(identified.tools).toMatchObject({
        snapshotTool: version === '3.4' ? 'etcdctl' : 'etcdutl',
        bumpRevision: version !== '3.4',
      });
      expect(identified.tools.server).toMatch(new RegExp(`^${version.replace('.', '\\.')}\\.`));

      const peer = await freePort();
      const clientPort = await freePort();
      const dataDir = join(dir, 'restored.etcd');
      const paths = { ...kubesprayLayout({ dataDir }) };
      const plan = buildPlan(
        {
          source: 'hosts.ini',
          etcd: [{ host: 'node1', memberName: 'etcd1', address: '127.0.0.1' }],
          controlPlane: [],
        },
        {
          clusterName: 'cluster.local',
          layout: 'kubespray',
          paths,
          toolsVersion: '',
          toolsBumpRevision: false,
          members: [],
          quorum: false,
          etcd: [
            {
              host: 'node1',
              memberName: 'etcd1',
              address: '127.0.0.1',
              clientUrl: `http://127.0.0.1:${clientPort}`,
              peerUrl: `http://127.0.0.1:${peer}`,
              reachable: true,
              etcdRunning: false,
              healthy: false,
              etcdCertsPresent: true,
              tools: identified.tools,
            },
          ],
          controlPlane: [],
        },
        {
          location: join(dir, 'backup'),
          clusterName: 'cluster.local',
          etcdVersion: identified.tools.server!,
          snapshotObject: 'etcd.db',
          revision: snapRevision,
          totalKey: 50,
          createdAt: new Date().toISOString(),
          encrypted: false,
          certArchives: {},
        },
        {
          strategy: 'parallel',
          force: false,
          now: new Date(),
          haveIdentity: false,
          stagingDir: dir,
        },
      );
      const restore = plan.steps.find(
        (s): s is StepOf<'restore-snapshot'> => s.action === 'restore-snapshot',
      )!;
      const bump = restore.params.bumpRevision ?? 0;
      expect(bump).toBe(version === '3.4' ? 0 : 1_000_000_000);
      expect(plan.revisionBump?.amount).toBe(bump);

      const runner = new NodeStepRunner({
        plan,
        transportFor: () => local,
        layout: kubesprayLayout({ dataDir }),
        access: defaultNodeAccess,
        progress: silentProgress,
        verify: async () => ({ ok: true, checks: [] }),
      });
      // The real fetch-snapshot step stages the survivor's file in its private mktemp dir,
      // then the real restore-snapshot step restores it from there.
      await runner.run({
        id: 't-fetch',
        node: restore.node,
        action: 'fetch-snapshot',
        params: {
          from: { kind: 'node', node: restore.node, path: snapshot },
          to: restore.params.snapshot,
        },
        reason: 't',
        undo: 't',
        destructive: false,
      });
      const note = await runner.run(restore);
      expect(note).toContain(
        version === '3.4' ? 'with etcdctl' : `with etcdutl, revision bumped by ${bump}`,
      );

      const after = await LocalEtcdCluster.start({
        names: ['etcd1'],
        dir: join(dir, 'after'),
        dataDirs: { etcd1: dataDir },
        ports: { etcd1: { client: clientPort, peer } },
        token: restore.params.initialClusterToken,
        etcdBinary: etcd.etcdBinary,
      });
      started.push(after);
      const client = await connectEtcdClient({ endpoints: after.endpoints });
      try {
        const status = (await new EtcdCtl(local, { endpoints: after.endpoints }).endpointStatus())
          .statuses[0]!;
        // A client that saw every event up to the last revision resumes from the next one.
        const outcome = await firstWatchOutcome(
          join(etcd.etcdBinary, '..', 'etcdctl'),
          after.endpoints[0]!,
          lastHandedOut + 1,
          async () => {
            for (let i = 0; i < 40; i++) await client.put(`/registry/pods/c-${i}`).value(`new${i}`);
          },
        );
        if (version === '3.4') {
          // The hazard the bump removes: revisions repeat, the watch resumes as if nothing happened.
          expect(status.revision).toBe(snapRevision);
          expect(outcome).toMatchObject({ kind: 'put', revision: lastHandedOut + 1 });
        } else {
          expect(status.revision).toBeGreaterThan(lastHandedOut);
          expect(status.revision).toBeGreaterThanOrEqual(snapRevision + bump);
          expect(outcome).toMatchObject({ kind: 'error' });
          expect((outcome as { message: string }).message).toMatch(/compacted/);
        }
        // And the content check of verification holds after the bump as well.
        const v = await verifyRecovery({
          plan,
          cluster: new EtcdCtl(local, { endpoints: after.endpoints }),
          layout: kubesprayLayout({ dataDir }),
          transportFor: async () => local,
          // The runner's own view: it knows where it staged the snapshot (a mktemp dir).
          observed: runner.observed,
        });
        const keyspace = v.checks.find((c) => c.name === 'keyspace')!;
        expect(keyspace.status).toBe('passed');
        expect(keyspace.detail).toMatch(/every key and value \(50 keys\)/);
      } finally {
        client.close();
      }
    },
  );
});
