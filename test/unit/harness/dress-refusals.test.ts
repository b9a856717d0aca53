import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildManifest,
  type ManifestContent,
  serializeManifest,
} from '../../../src/backup/manifest.js';
import { rehearseInventory } from '../../../src/commands/rehearse-inventory.js';
import { silentProgress } from '../../../src/progress.js';
import { refusal } from '../../support/refusal.js';
import { RUNBOOK_INVENTORY } from './runbook-inventory.js';

// Every refusal here must happen before any container starts. No Docker engine is needed for
// this file: if one of these reached the harness, it would fail on the image build instead of
// the InputError the test expects (and the CLI case would exit 1, not 2).

let dir: string;
let inventory: string;
const ctx = { progress: silentProgress };

/** A set directory with a well-formed manifest and nothing else (the checks read only it). */
async function backupSet(
  name: string,
  edit: (c: ManifestContent) => void = () => {},
): Promise<string> {
  const content: ManifestContent = {
    created: '2026-12-01T20:00:00.000Z',
    cluster: 'cluster.local',
    setName: name,
    etcd: {
      version: '3.6.16',
      members: [1, 2, 3, 4, 5].map((i) => ({
        id: `${i}a`,
        name: `etcd${i}`,
        peerURLs: [`https://192.0.2.${10 + i}:2380`],
        clientURLs: [`https://192.0.2.${10 + i}:2379`],
      })),
      snapshotMember: 'etcd4',
    },
    snapshot: { revision: 100, totalKey: 90, hash: 1, size: 4096 },
    hashKV: null,
    fingerprint: null,
    kubernetes: { flavor: 'kubespray', nodes: ['taco-m1', 'taco-m2', 'taco-m3'], paths: [] },
    objects: [
      {
        name: 'etcd.db.gz',
        kind: 'etcd-snapshot',
        bytes: 100,
        sha256: 'a'.repeat(64),
        plaintextBytes: 4096,
        plaintextSha256: 'b'.repeat(64),
        compression: 'gzip',
        encryption: null,
      },
    ],
  };
  edit(content);
  const setDir = join(dir, 'backups', name);
  await mkdir(setDir, { recursive: true });
  await writeFile(join(setDir, 'manifest.json'), serializeManifest(buildManifest(content)));
  return setDir;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dress-refusals-'));
  inventory = join(dir, 'hosts.ini');
  await writeFile(inventory, RUNBOOK_INVENTORY);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the dress rehearsal refuses before anything starts', () => {
  it('a backup of another cluster than the inventory names', async () => {
    const b = await backupSet('other-20261201T200000Z', (c) => {
      c.cluster = 'other.cluster';
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(
      /is of cluster 'other\.cluster', but .*hosts\.ini names cluster 'cluster\.local'.*Nothing was started/,
    );
  });

  it('a backup whose etcd members the inventory does not have', async () => {
    const b = await backupSet('cluster.local-20261201T200001Z', (c) => {
      c.etcd.members[0].name = 'etcd-a';
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(
      /has etcd members etcd-a that .* does not \(its members: etcd4, etcd1, etcd2, etcd3, etcd5\)/,
    );
  });

  it('an encrypted backup without an identity', async () => {
    const b = await backupSet('cluster.local-20261201T200002Z', (c) => {
      c.objects[0].name = 'etcd.db.gz.age';
      c.objects[0].encryption = { scheme: 'age', recipients: ['age1xyz'] };
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(
      /is encrypted \(etcd\.db\.gz\.age\): pass the age identity that opens it with --identity FILE/,
    );
  });

  it('a kubeadm backup (the local replica is Kubespray-like only, so far)', async () => {
    const b = await backupSet('cluster.local-20261201T200003Z', (c) => {
      c.kubernetes.flavor = 'kubeadm';
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(/kubeadm layout \(the backup .* says so\).*Kubespray layout .* only, so far/);
  });

  it('a kubeadm-style inventory (etcd_deployment_type: kubeadm)', async () => {
    const kubeadm = join(dir, 'kubeadm.ini');
    await writeFile(
      kubeadm,
      RUNBOOK_INVENTORY.replace('[all]\n', '[all:vars]\netcd_deployment_type=kubeadm\n\n[all]\n'),
    );
    expect(
      await refusal(rehearseInventory({ inventory: kubeadm, identityFiles: [] }, ctx)),
    ).toMatch(/etcd_deployment_type: kubeadm in the inventory/);
  });

  it('a backup of another etcd version than --etcd-version', async () => {
    const b = await backupSet('cluster.local-20261201T200004Z');
    expect(
      await refusal(
        rehearseInventory({ inventory, backup: b, identityFiles: [], etcdVersion: '3.5' }, ctx),
      ),
    ).toMatch(/--etcd-version 3\.5, but the backup .* was taken from etcd 3\.6\.16/);
  });

  it('more nodes than the machine can hold, saying how many it can', async () => {
    const big = join(dir, 'big.ini');
    const workers = Array.from({ length: 300 }, (_, i) => `w${i} ansible_host=192.0.2.${i % 250}`);
    await writeFile(
      big,
      `[all]\n${workers.join('\n')}\nm1 ansible_host=198.51.100.1\n\n[kube_control_plane]\nm1\n\n[etcd]\nm1\n\n[kube_node]\n${workers.map((w) => w.split(' ')[0]).join('\n')}\n\n[broken_etcd]\nm1\n`,
    );
    expect(await refusal(rehearseInventory({ inventory: big, identityFiles: [] }, ctx))).toMatch(
      /has 301 nodes; this machine can hold \d+ replica nodes \(\d+ MiB available, .* MiB a node\)/,
    );
  });

  it('no failure stated, by flag or group', async () => {
    // The runbook's inventory before its edit: no broken groups.
    const healthy = 'test/fixtures/inventory/runbook-hosts.ini';
    expect(
      await refusal(rehearseInventory({ inventory: healthy, identityFiles: [] }, ctx)),
    ).toMatch(/no failure to rehearse/);
  });

  it('through the CLI: exit 2 and the reason on stderr', async () => {
    const b = await backupSet('other-20261201T200005Z', (c) => {
      c.cluster = 'other.cluster';
    });
    const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', 'rehearse', '-i', inventory, '--backup', b],
        { encoding: 'utf8' },
        (err, _stdout, stderr) =>
          resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stderr }),
      );
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is of cluster 'other\.cluster'/);
  });
});
