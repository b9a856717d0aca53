import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fingerprint,
  HARNESS_PROBE_TIMEOUT_MS,
  type StartedCluster,
  wipeEtcdData,
} from '../../../harness/index.js';
import type { RestoreResult } from '../../../src/commands/restore.js';
import { StderrProgress } from '../../../src/progress.js';
import { sha256Hex } from '../../../src/recovery/plan-file.js';
import { ETCD_MATRIX } from '../../support/etcd-matrix.js';
import { kubeRescue } from './cli.js';
import { backUpHarnessCluster } from './harness-backup.js';
import {
  dropOnceAtStart,
  expectNothingLost,
  recoverCluster,
  seededClusterPerSuite,
} from './recover.js';

// The approved plan is the plan that runs (issue 16): `plan --out` then `restore --plan` over
// SSH as an operator runs them; a cluster that changed in between is refused with nothing
// touched; and a journal kept in a store (a local backup directory, S3 on s3rver) lets an
// interrupted restore resume from a fresh working directory, as a new runner would.
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const MEMBERS = ['etcd1', 'etcd2', 'etcd3'];
// The CLI's behaviour does not depend on the etcd version: once, on the first of the matrix.
const version = ETCD_MATRIX[0]!;

/**
 * Everything a refused restore must leave as it was on each etcd node: what sits in /var/lib
 * next to the data dir (a moved-aside copy would show), the data dir's files and modes, the
 * hash of every file in it but the raft WAL, /etc/etcd.env, and whether etcd runs. The WAL is
 * listed, not hashed: etcd appends to it by itself (measured here under load: every member's
 * WAL changed with no client write and no db change, i.e. leader elections).
 */
async function clusterFiles(cluster: StartedCluster): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const n of cluster.nodes.filter((x) => x.etcdMemberName)) {
    out[n.name] = (
      await cluster.node(n.name).sh(
        [
          'cd /var/lib',
          'ls -d etcd*',
          'find etcd -printf "%y %m %u %p\\n" | sort',
          'find etcd -type f ! -name "*.wal" -exec sha256sum {} + | sort -k2',
          'sha256sum /etc/etcd.env',
          'systemctl is-active etcd.service',
          // A half-restored node may have no data dir and no running etcd: still listed.
          'true',
        ].join('; '),
      )
    ).stdout;
  }
  return out;
}

describe(`plan files and journals in stores on etcd ${version}`, () => {
  let backup: string;
  const suite = seededClusterPerSuite('stacked3', progress, version, async (env) => {
    backup = await backUpHarnessCluster(env.cluster, join(env.work, 'store'), progress);
  });
  const env = () => suite.env;
  const ssh = () => [
    '--transport',
    'ssh',
    '--ssh-key',
    env().cluster.sshKeyPath,
    '--known-hosts',
    env().cluster.knownHostsPath,
    // The nodes share this machine with other test files' clusters (see HARNESS_PROBE_TIMEOUT_MS).
    '--probe-timeout',
    String(HARNESS_PROBE_TIMEOUT_MS / 1000),
  ];
  /** `plan --out FILE` over SSH, as an operator runs it. */
  const planTo = (path: string) =>
    kubeRescue(['--json', 'plan', '-i', env().cluster.inventoryPath, '--out', path, ...ssh()]);
  const nothingLost = (result: RestoreResult) =>
    expectNothingLost(result, env().client, env().seeded, MEMBERS);

  it('plan --out, then restore --plan: that very plan recovers a lost member, zero keys lost', async () => {
    await wipeEtcdData(env().cluster, 'node3');
    const planPath = join(env().work, 'member-loss.plan.json');
    const planned = await planTo(planPath);
    expect(planned.stderr).not.toMatch(/Error/);
    expect(planned.code).toBe(0);
    const out = JSON.parse(planned.stdout) as { planSha256: string; plan: { case: string } };
    expect(out.plan.case).toBe('member-loss');
    expect(out.planSha256).toBe(sha256Hex(await readFile(planPath)));
    expect((await stat(planPath)).mode & 0o777).toBe(0o600);

    const journal = join(env().work, 'cli.journal');
    const restored = await kubeRescue([
      'restore',
      '-i',
      env().cluster.inventoryPath,
      '--plan',
      planPath,
      '--plan-sha256',
      out.planSha256,
      '--journal',
      journal,
      '--yes',
      ...ssh(),
    ]);
    expect(restored.stderr).not.toMatch(/Error:/);
    expect(restored.code).toBe(0);
    // The summary names the plan it ran, by the hash plan showed.
    expect(restored.stdout).toContain(`Plan file sha256 \`${out.planSha256}\``);
    expect(restored.stderr).toContain('Re-probe the cluster the plan was made for');
    const members = await env().client.cluster.memberList({});
    expect(members.members.map((m) => m.name).sort()).toEqual(MEMBERS);
    const after = await fingerprint(env().client);
    expect({ count: after.count, sha256: after.sha256 }).toEqual({
      count: env().seeded.count,
      sha256: env().seeded.sha256,
    });
  });

  it('the broken member came back between plan and restore: exit 2, what differs per node, nothing touched', async () => {
    await wipeEtcdData(env().cluster, 'node3');
    const planPath = join(env().work, 'stale.plan.json');
    const planned = await planTo(planPath);
    expect(planned.code).toBe(0);
    // Someone repairs node3 meanwhile (a plain restore): it runs again, under a new member id.
    await nothingLost(
      await recoverCluster(env().cluster, `repaired-${version}`, env().work, progress, {
        inventory: env().cluster.inventoryPath,
      }),
    );
    const membersBefore = (await env().client.cluster.memberList({})).members
      .map((m) => `${m.name} ${m.ID}`)
      .sort();
    const filesBefore = await clusterFiles(env().cluster);

    const r = await kubeRescue([
      'restore',
      '-i',
      env().cluster.inventoryPath,
      '--plan',
      planPath,
      '--journal',
      join(env().work, 'stale.journal'),
      '--yes',
      ...ssh(),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the cluster changed since the plan was made: node3: etcd running was no, is yes, healthy was no, is yes, member id was [0-9a-f]+, is [0-9a-f]+/,
    );
    expect(r.stderr).toMatch(/run plan again/);
    const membersAfter = (await env().client.cluster.memberList({})).members
      .map((m) => `${m.name} ${m.ID}`)
      .sort();
    expect(membersAfter).toEqual(membersBefore);
    expect(await clusterFiles(env().cluster)).toEqual(filesBefore);
  });

  it('a restore interrupted with its journal beside the backup set resumes from a fresh working directory', async () => {
    await wipeEtcdData(env().cluster, 'node3');
    const first = recoverCluster(
      env().cluster,
      `store-journal-first-${version}`,
      await mkdtemp(join(tmpdir(), 'kr-runner-a-')),
      progress,
      { inventory: env().cluster.inventoryPath, backup, journalStore: 'backup' },
      dropOnceAtStart(),
    );
    const err = (await first.catch((e: unknown) => e)) as Error & { exitCode?: number };
    expect(err.exitCode).toBe(1);
    expect(err.message).toMatch(/start-etcd-node3.*resumes from this step/s);
    // The step it failed at, whatever case the probe found (under heavy load it has judged
    // this member loss a total loss; see the report).
    const failedStep = /^Step (\S+) /.exec(err.message)![1]!;
    const sidecar = `${backup}.restore-journal.jsonl`;
    expect((await stat(sidecar)).mode & 0o777).toBe(0o600);

    // Another runner: nothing local survives, only the store. The store is untrusted: its
    // journal's plan resumes only when the operator names the plan file's sha256, which the
    // first run printed; without it the plan is shown and refused before any change.
    const recorded = (await readFile(sidecar, 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { type: string; planSha256?: string })
      .find((e) => e.type === 'plan')!.planSha256!;
    const filesBefore = await clusterFiles(env().cluster);
    const unnamed = (await recoverCluster(
      env().cluster,
      `store-journal-unnamed-${version}`,
      await mkdtemp(join(tmpdir(), 'kr-runner-b-')),
      progress,
      { inventory: env().cluster.inventoryPath, backup, journalStore: 'backup' },
    ).catch((e: unknown) => e)) as Error & { exitCode?: number };
    expect(unnamed.exitCode).toBe(2);
    expect(unnamed.message).toContain(`--plan-sha256 ${recorded}`);
    expect(unnamed.message).toMatch(/Nothing was changed/);
    expect(await clusterFiles(env().cluster)).toEqual(filesBefore);
    const second = await recoverCluster(
      env().cluster,
      `store-journal-second-${version}`,
      await mkdtemp(join(tmpdir(), 'kr-runner-b-')),
      progress,
      {
        inventory: env().cluster.inventoryPath,
        backup,
        journalStore: 'backup',
        planSha256: recorded,
      },
    );
    expect(second.execution.resumed).toBe(true);
    expect(second.journal).toBe(sidecar);
    // Every step before the one the lost runner failed at was done by it, and is not repeated.
    const ids = second.execution.steps.map((s) => s.id);
    const at = ids.indexOf(failedStep);
    expect(at).toBeGreaterThan(0);
    expect(second.execution.steps.slice(0, at).map((s) => s.status)).toEqual(
      ids.slice(0, at).map(() => 'done-before'),
    );
    expect(second.execution.steps[at]!.status).toBe('done');
    expect(second.planSha256).toMatch(/^[0-9a-f]{64}$/);
    await nothingLost(second);
  });

  describe('with the journal in S3 (s3rver)', () => {
    let server: S3rver;
    let dir: string;
    const saved = { ...process.env };
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'kr-s3-journal-'));
      server = new S3rver({
        address: '127.0.0.1',
        port: 0,
        silent: true,
        directory: dir,
        configureBuckets: [{ name: 'journals', configs: [] }],
      });
      const addr: AddressInfo = await server.run();
      // The standard AWS environment, as the action's runner has it.
      process.env.AWS_ENDPOINT_URL = `http://127.0.0.1:${addr.port}`;
      process.env.AWS_ACCESS_KEY_ID = 'S3RVER';
      process.env.AWS_SECRET_ACCESS_KEY = 'S3RVER';
      process.env.AWS_REGION = 'us-east-1';
    });
    afterAll(async () => {
      process.env = saved;
      await server?.close();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('an interrupted restore resumes on another working directory from the journal in S3', async () => {
      await wipeEtcdData(env().cluster, 'node3');
      const journalStore = 's3://journals/prod';
      const first = recoverCluster(
        env().cluster,
        `s3-journal-first-${version}`,
        await mkdtemp(join(tmpdir(), 'kr-runner-c-')),
        progress,
        { inventory: env().cluster.inventoryPath, journalStore },
        dropOnceAtStart(),
      );
      await expect(first).rejects.toMatchObject({ exitCode: 1 });
      // A wrong sha256 is refused like none; the refusal names the one to give.
      const wrong = (await recoverCluster(
        env().cluster,
        `s3-journal-wrong-${version}`,
        await mkdtemp(join(tmpdir(), 'kr-runner-d-')),
        progress,
        { inventory: env().cluster.inventoryPath, journalStore, planSha256: 'a'.repeat(64) },
      ).catch((e: unknown) => e)) as Error & { exitCode?: number };
      expect(wrong.exitCode).toBe(2);
      const named = /--plan-sha256 ([0-9a-f]{64})/.exec(wrong.message)?.[1];
      expect(named).toMatch(/^[0-9a-f]{64}$/);
      expect(named).not.toBe('a'.repeat(64));
      const second = await recoverCluster(
        env().cluster,
        `s3-journal-second-${version}`,
        await mkdtemp(join(tmpdir(), 'kr-runner-d-')),
        progress,
        { inventory: env().cluster.inventoryPath, journalStore, planSha256: named },
      );
      expect(second.journal).toBe('s3://journals/prod/kube-rescue.restore-journal.jsonl');
      expect(second.execution.resumed).toBe(true);
      expect(second.execution.steps.find((s) => s.action === 'member-add')?.status).toBe(
        'done-before',
      );
      await nothingLost(second);
    });
  });
});
