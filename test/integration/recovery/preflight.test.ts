import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  destroyAndReprovision,
  fingerprint,
  HARNESS_PROBE_TIMEOUT_MS,
} from '../../../harness/index.js';
import { DEFAULT_ETCD_VERSION } from '../../../harness/tools.js';
import { generateIdentity } from '../../../src/backup/age.js';
import { type PlanResult, plan } from '../../../src/commands/plan.js';
import { DockerTransport } from '../../../src/nodes/docker.js';
import { StderrProgress } from '../../../src/progress.js';
import { kubeRescue } from './cli.js';
import { backUpHarnessCluster } from './harness-backup.js';
import { expectNothingLost, recoverCluster, seededClusterPerSuite } from './recover.js';

// Refusals before the first change, on a real member-loss situation: node2 of a stacked
// 3-node cluster destroyed and re-provisioned blank, so the plan removes its member and
// restores node2's certificate archive from an encrypted, signed backup set. Each refusal
// runs the real CLI (`restore --yes` over SSH) and then proves the cluster is as it was.
const progress = new StderrProgress({ quiet: !process.env.KUBE_RESCUE_VERBOSE });
const cluster = seededClusterPerSuite('stacked3', progress, DEFAULT_ETCD_VERSION);
const MEMBERS = ['etcd1', 'etcd2', 'etcd3'];

let backup: string;
let identityFile: string;
let wrongIdentityFile: string;
let trustedSigners: string;
let archive: string;

beforeAll(async () => {
  const env = cluster.env;
  const right = generateIdentity();
  identityFile = join(env.work, 'backup.agekey');
  writeFileSync(identityFile, `${right.secret}\n`, { mode: 0o600 });
  wrongIdentityFile = join(env.work, 'other.agekey');
  writeFileSync(wrongIdentityFile, `${generateIdentity().secret}\n`, { mode: 0o600 });
  const signKey = join(env.work, 'signing-key');
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'ci', '-f', signKey]);
  trustedSigners = join(env.work, 'allowed_signers');
  const pub = readFileSync(`${signKey}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
  writeFileSync(trustedSigners, `backup@ci ${pub}\n`);
  backup = await backUpHarnessCluster(
    env.cluster,
    env.work,
    progress,
    [right.identity.recipient],
    signKey,
  );
  archive = readdirSync(backup).find((f) => f.startsWith('node2-pki.tar'))!;
  await destroyAndReprovision(env.cluster, 'node2');
});

/** Everything a refused restore must leave as it was: members, data dirs, files, services. */
async function clusterState(): Promise<unknown> {
  const env = cluster.env;
  const members = (await env.client.cluster.memberList({})).members
    .map((m) => `${m.name} ${m.ID} ${m.peerURLs.join(',')}`)
    .sort();
  const nodes: Record<string, string> = {};
  for (const n of ['node1', 'node2', 'node3']) {
    const t = new DockerTransport(n, { container: env.cluster.node(n).containerName });
    const r = await t.exec([
      'sh',
      '-c',
      [
        'systemctl is-active etcd.service || true',
        'sha256sum /etc/etcd.env 2>&1 || true',
        // Names, modes and owners: a running member's WAL grows, its file set does not.
        'find /var/lib/etcd /etc/ssl/etcd /etc/kubernetes -maxdepth 2 -printf "%p %m %u:%g\\n" 2>&1 | sort',
        'find /etc/ssl/etcd /etc/kubernetes -type f -exec sha256sum {} + 2>/dev/null | sort',
        // Nothing staged or moved aside anywhere.
        'ls -d /var/lib/etcd.* /etc/ssl/etcd/ssl.* /etc/kubernetes/ssl.* /tmp/kube-rescue* /var/tmp/kube-rescue* 2>/dev/null || true',
      ].join('; '),
    ]);
    nodes[n] = r.stdout;
    await t.close();
  }
  return { members, nodes };
}

const ssh = () => [
  '--transport',
  'ssh',
  '--ssh-key',
  cluster.env.cluster.sshKeyPath,
  '--known-hosts',
  cluster.env.cluster.knownHostsPath,
  // The nodes share this machine with other test files' clusters (see HARNESS_PROBE_TIMEOUT_MS).
  '--probe-timeout',
  String(HARNESS_PROBE_TIMEOUT_MS / 1000),
];

const restoreCli = (...extra: string[]) =>
  kubeRescue([
    'restore',
    '-i',
    cluster.env.cluster.inventoryPath,
    '--backup',
    backup,
    '--yes',
    '--journal',
    join(cluster.env.work, `refused-${Date.now()}.journal`),
    ...ssh(),
    ...extra,
  ]);

describe('plan-time preflight on a member-loss plan that reads the backup', () => {
  let before: unknown;

  it('plan shows what was checked: the signer, and the archive present with its identity', async () => {
    const r: PlanResult = await plan(
      {
        inventory: cluster.env.cluster.inventoryPath,
        access: {
          transport: 'ssh',
          sshKeyFile: cluster.env.cluster.sshKeyPath,
          knownHosts: cluster.env.cluster.knownHostsPath,
          layout: 'auto',
        },
        backup,
        identityFiles: [identityFile],
        trustedSigners,
        strategy: 'parallel',
        force: false,
        probeTimeoutMs: HARNESS_PROBE_TIMEOUT_MS,
      },
      { progress },
    );
    expect(r.plan.cases).toContain('member-loss');
    const reads = r.plan.steps.filter(
      (s) => s.action === 'restore-certs' && s.params.from.kind === 'backup',
    );
    expect(reads.map((s) => s.node)).toEqual(['node2']);
    expect(r.plan.steps.findIndex((s) => s.action === 'member-remove')).toBeLessThan(
      r.plan.steps.findIndex((s) => s.action === 'restore-certs'),
    );
    expect(r.preflight?.signature).toMatchObject({
      status: 'trusted',
      signer: { principal: 'backup@ci', keyType: 'ED25519' },
    });
    expect(r.preflight?.objects).toEqual([
      { name: archive, bytes: expect.any(Number), encrypted: true },
    ]);
    before = await clusterState();
  });

  it('a wrong age identity: restore --yes exits 2 naming the object, the cluster unchanged', async () => {
    const r = await restoreCli(
      '--identity',
      wrongIdentityFile,
      '--trusted-signers',
      trustedSigners,
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('refusing before any change to the cluster');
    expect(r.stderr).toMatch(
      new RegExp(`${archive.replaceAll('.', '\\.')}: no identity given can decrypt`),
    );
    expect(r.stderr).not.toContain(readFileSync(wrongIdentityFile, 'utf8').trim());
    expect(r.stderr).not.toMatch(/member-remove|Step \d/);
    expect(await clusterState()).toEqual(before);
  });

  it('an unsigned set when trusted signers are required: exit 2, before any node is contacted', async () => {
    const sig = join(backup, 'manifest.json.sig');
    renameSync(sig, `${sig}.away`);
    try {
      const r = await restoreCli('--identity', identityFile, '--trusted-signers', trustedSigners);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/the set is not signed \(no manifest\.json\.sig\)/);
      expect(r.stderr).not.toContain('Probe the cluster');
    } finally {
      renameSync(`${sig}.away`, sig);
    }
    expect(await clusterState()).toEqual(before);
  });

  it('a missing object: exit 2 before any step, the cluster unchanged', async () => {
    const path = join(backup, archive);
    renameSync(path, `${path}.away`);
    try {
      const r = await restoreCli('--identity', identityFile);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`${archive.replaceAll('.', '\\.')}: missing from the store`),
      );
    } finally {
      renameSync(`${path}.away`, path);
    }
    expect(await clusterState()).toEqual(before);
  });

  it('a truncated object: exit 2 before any step, the cluster unchanged', async () => {
    const path = join(backup, archive);
    const whole = readFileSync(path);
    truncateSync(path, whole.length - 100);
    try {
      const r = await restoreCli('--identity', identityFile);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(
        `${archive}: ${whole.length - 100} bytes in the store, but the manifest says ${whole.length} (truncated)`,
      );
    } finally {
      writeFileSync(path, whole, { mode: 0o600 });
    }
    expect(await clusterState()).toEqual(before);
  });

  it('with the right identity and a trusted signature, the same restore recovers node2, zero keys lost', async () => {
    const env = cluster.env;
    const result = await recoverCluster(env.cluster, 'after-refusals', env.work, progress, {
      inventory: env.cluster.inventoryPath,
      backup,
      identityFiles: [identityFile],
      trustedSigners,
    });
    expect(result.plan.cases).toContain('member-loss');
    await expectNothingLost(result, env.client, env.seeded, MEMBERS);
    expect((await fingerprint(env.client)).count).toBe(env.seeded.count);
  });
});
