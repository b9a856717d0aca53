import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dressPreflight } from '../../../harness/dress-preflight.js';
import {
  KUBEADM_REPLICA_NODE_FOOTPRINT_MB,
  REPLICA_NODE_FOOTPRINT_MB,
  replicaCapacity,
  replicaNodeFootprintMb,
  replicaTopology,
  statedFailure,
} from '../../../harness/replica.js';
import {
  buildManifest,
  type ManifestContent,
  serializeManifest,
} from '../../../src/backup/manifest.js';
import {
  type DressRehearseOptions,
  rehearseInventory,
  replicaLayout,
} from '../../../src/commands/rehearse-inventory.js';
import { loadInventory } from '../../../src/inventory/index.js';
import type { Inventory } from '../../../src/inventory/types.js';
import { silentProgress } from '../../../src/progress.js';
import { refusal } from '../../support/refusal.js';
import { RUNBOOK_INVENTORY } from './runbook-inventory.js';

// The dress rehearsal of a kubeadm-style inventory: which layout the replica is built in, and
// every refusal of an input a kubeadm replica cannot be made of, before anything starts (no
// Docker engine, no Kubernetes build is reached by any case here).

const FIXTURE = 'test/integration/rehearse/fixtures/kubeadm-hosts.ini';
const ctx = { progress: silentProgress };
let dir: string;
let kubeadmInventory: Inventory;
let runbook: Inventory;

/** A kubeadm set of the fixture's cluster: a manifest and nothing else (the checks read only it). */
async function kubeadmSet(
  name: string,
  edit: (c: ManifestContent) => void = () => {},
): Promise<string> {
  const content: ManifestContent = {
    created: '2026-12-02T10:00:00.000Z',
    cluster: 'cluster.local',
    setName: name,
    etcd: {
      version: '3.6.16',
      members: [1, 2, 3].map((i) => ({
        id: `${i}b`,
        name: `cp${i}`,
        peerURLs: [`https://192.0.2.${30 + i}:2380`],
        clientURLs: [`https://192.0.2.${30 + i}:2379`],
      })),
      snapshotMember: 'cp1',
    },
    snapshot: { revision: 100, totalKey: 90, hash: 1, size: 4096 },
    hashKV: null,
    fingerprint: null,
    kubernetes: { flavor: 'kubeadm', nodes: ['cp1', 'cp2', 'cp3'], paths: [] },
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

const flavored = (flavor: 'kubespray' | 'kubeadm' | 'unknown') => ({
  location: `/backups/cluster.local-${flavor}`,
  manifest: { kubernetes: { flavor } } as never,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dress-kubeadm-'));
  kubeadmInventory = await loadInventory(FIXTURE);
  const runbookPath = join(dir, 'runbook.ini');
  await writeFile(runbookPath, RUNBOOK_INVENTORY);
  runbook = await loadInventory(runbookPath);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the layout of the replica', () => {
  const cases: [
    string,
    DressRehearseOptions['layout'],
    () => Inventory,
    ReturnType<typeof flavored> | undefined,
    'kubespray' | 'kubeadm',
    RegExp,
  ][] = [
    ['Kubespray by default', undefined, () => runbook, undefined, 'kubespray', /default/],
    ['auto is no choice', 'auto', () => runbook, undefined, 'kubespray', /default/],
    [
      "the inventory's etcd_deployment_type: kubeadm",
      undefined,
      () => kubeadmInventory,
      undefined,
      'kubeadm',
      /kubeadm-hosts\.ini sets etcd_deployment_type: kubeadm/,
    ],
    [
      '--layout over the inventory',
      'kubespray',
      () => kubeadmInventory,
      undefined,
      'kubespray',
      /--layout kubespray/,
    ],
    ['--layout kubeadm', 'kubeadm', () => runbook, undefined, 'kubeadm', /--layout kubeadm/],
    [
      "the backup's flavor over the inventory",
      undefined,
      () => runbook,
      flavored('kubeadm'),
      'kubeadm',
      /the backup .* is of a kubeadm cluster/,
    ],
    [
      'a kubespray backup of a kubeadm-style inventory',
      undefined,
      () => kubeadmInventory,
      flavored('kubespray'),
      'kubespray',
      /is of a kubespray cluster/,
    ],
    [
      'a backup of unknown flavor: the inventory decides',
      undefined,
      () => kubeadmInventory,
      flavored('unknown'),
      'kubeadm',
      /etcd_deployment_type/,
    ],
  ];
  for (const [name, flag, inv, backup, layout, because] of cases) {
    it(name, () => {
      const d = replicaLayout(flag, inv(), backup);
      expect(d.layout).toBe(layout);
      expect(d.because).toMatch(because);
    });
  }

  it('refuses a --layout that contradicts the backup', () => {
    expect(() => replicaLayout('kubespray', kubeadmInventory, flavored('kubeadm'))).toThrow(
      /--layout kubespray, but the backup .* was taken from a kubeadm cluster .*Nothing was started/,
    );
  });
});

describe('a kubeadm replica of the kubeadm-style inventory', () => {
  it('has the same hosts, roles and member names (kubeadm names members after the node)', () => {
    expect(replicaTopology(kubeadmInventory).nodes).toEqual([
      { name: 'cp1', roles: ['control-plane', 'etcd'], etcdMemberName: 'cp1' },
      { name: 'cp2', roles: ['control-plane', 'etcd'], etcdMemberName: 'cp2' },
      { name: 'cp3', roles: ['control-plane', 'etcd'], etcdMemberName: 'cp3' },
      { name: 'w1', roles: ['worker'] },
    ]);
  });

  it('costs a kubeadm node footprint, not a Kubespray one', () => {
    expect(replicaNodeFootprintMb('kubeadm')).toBe(KUBEADM_REPLICA_NODE_FOOTPRINT_MB);
    expect(replicaNodeFootprintMb('kubespray')).toBe(REPLICA_NODE_FOOTPRINT_MB);
    // 4 GiB free: 3 kubeadm nodes beside the runner's reserve, where 19 Kubespray ones fit.
    const at = (footprintMb: number) =>
      replicaCapacity({ availableMb: 4096, dataMb: 1, etcdMembers: 3, footprintMb });
    expect(at(KUBEADM_REPLICA_NODE_FOOTPRINT_MB)).toBe(4);
    expect(at(REPLICA_NODE_FOOTPRINT_MB)).toBe(19);
  });

  it('is planned before the start on the states the replica will be in (member loss, quorum loss)', async () => {
    for (const [broken, kase] of [
      [['cp3'], 'member-loss'],
      [['cp2', 'cp3'], 'quorum-loss'],
    ] as const) {
      const failure = statedFailure(kubeadmInventory, {
        brokenEtcd: [...broken],
        brokenControlPlane: [...broken],
      });
      const { production } = await dressPreflight({
        inventory: kubeadmInventory,
        failure,
        etcdVersion: '3.6',
        layout: 'kubeadm',
        strategy: 'parallel',
      });
      expect(production.layout).toBe('kubeadm');
      expect(production.cases).toContain(kase);
      expect(production.paths.etcdCertDir).toBe('/etc/kubernetes/pki/etcd');
    }
  });
});

describe('a kubeadm dress rehearsal refuses before anything starts (exit 2)', () => {
  it('an inventory whose etcd members are not named after their nodes', async () => {
    const unnamed = join(dir, 'unnamed.ini');
    await writeFile(
      unnamed,
      (await import('node:fs'))
        .readFileSync(FIXTURE, 'utf8')
        .replaceAll(/ etcd_member_name=cp\d/g, ''),
    );
    expect(
      await refusal(
        rehearseInventory({ inventory: unnamed, identityFiles: [], brokenEtcd: ['cp3'] }, ctx),
      ),
    ).toMatch(
      /kubeadm names each etcd member after its node, but cp1 is member 'etcd1', cp2 is member 'etcd2', cp3 is member 'etcd3'.*etcd_member_name=cp1.*Nothing was started/,
    );
  });

  it('an etcd version the control-plane image does not run', async () => {
    expect(
      await refusal(
        rehearseInventory(
          { inventory: FIXTURE, identityFiles: [], brokenEtcd: ['cp3'], etcdVersion: '3.5' },
          ctx,
        ),
      ),
    ).toMatch(
      /--etcd-version 3\.5: a kubeadm replica runs the etcd of its control-plane image \(3\.6\)/,
    );
    const old = await kubeadmSet('cluster.local-20261202T100000Z', (c) => {
      c.etcd.version = '3.5.21';
    });
    expect(
      await refusal(
        rehearseInventory(
          { inventory: FIXTURE, backup: old, identityFiles: [], brokenEtcd: ['cp3'] },
          ctx,
        ),
      ),
    ).toMatch(/taken from etcd 3\.5\.21; a kubeadm replica runs etcd 3\.6/);
  });

  it('an encrypted kubeadm backup without an identity', async () => {
    const b = await kubeadmSet('cluster.local-20261202T100001Z', (c) => {
      c.objects[0].name = 'etcd.db.gz.age';
      c.objects[0].encryption = { scheme: 'age', recipients: ['age1xyz'] };
    });
    expect(
      await refusal(
        rehearseInventory(
          { inventory: FIXTURE, backup: b, identityFiles: [], brokenEtcd: ['cp3'] },
          ctx,
        ),
      ),
    ).toMatch(
      /is encrypted \(etcd\.db\.gz\.age\): pass the age identity that opens it with --identity FILE/,
    );
  });

  it('more kubeadm nodes than the machine can hold, at the kubeadm footprint', async () => {
    const big = join(dir, 'big-kubeadm.ini');
    const workers = Array.from({ length: 300 }, (_, i) => `w${i} ansible_host=192.0.2.${i % 250}`);
    await writeFile(
      big,
      `[all]\n${workers.join('\n')}\ncp1 ansible_host=198.51.100.1 etcd_member_name=cp1\n\n[all:vars]\netcd_deployment_type=kubeadm\n\n[kube_control_plane]\ncp1\n\n[etcd]\ncp1\n\n[kube_node]\n${workers.map((w) => w.split(' ')[0]).join('\n')}\n\n[broken_etcd]\ncp1\n`,
    );
    expect(await refusal(rehearseInventory({ inventory: big, identityFiles: [] }, ctx))).toMatch(
      new RegExp(
        `has 301 nodes; this machine can hold \\d+ replica nodes \\(\\d+ MiB available, .* ${KUBEADM_REPLICA_NODE_FOOTPRINT_MB} MiB a kubeadm node\\)`,
      ),
    );
  });
});
