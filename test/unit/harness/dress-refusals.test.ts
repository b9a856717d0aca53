import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
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

  it('a kubeadm backup of an inventory that puts etcd on workers (kubeadm never does)', async () => {
    const b = await backupSet('cluster.local-20261201T200003Z', (c) => {
      c.kubernetes.flavor = 'kubeadm';
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(
      /taco-w1, taco-w2 are in \[etcd\] but not in \[kube_control_plane\], and the replica is built in the kubeadm layout \(the backup .* is of a kubeadm cluster\): kubeadm runs etcd only as a static pod of a control-plane node.*Nothing was started/,
    );
  });

  it('a kubeadm-style inventory (etcd_deployment_type: kubeadm) with etcd on workers', async () => {
    const kubeadm = join(dir, 'kubeadm.ini');
    await writeFile(
      kubeadm,
      RUNBOOK_INVENTORY.replace('[all]\n', '[all:vars]\netcd_deployment_type=kubeadm\n\n[all]\n'),
    );
    expect(
      await refusal(rehearseInventory({ inventory: kubeadm, identityFiles: [] }, ctx)),
    ).toMatch(
      /are in \[etcd\] but not in \[kube_control_plane\], and the replica is built in the kubeadm layout \(.*kubeadm\.ini sets etcd_deployment_type: kubeadm\)/,
    );
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

  it('a backup without the archive of a host whose control-plane certificates the failure loses', async () => {
    // The runbook's failure loses the certificates of taco-m1..m3; the set has m2's and m3's.
    const b = await backupSet('cluster.local-20261201T200006Z', (c) => {
      c.objects.push(archive('taco-m2'), archive('taco-m3'));
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(
      /the failure loses the control-plane certificates of taco-m1, and the set has no archive of that host \(it holds archives of taco-m2, taco-m3\).*Nothing was started/s,
    );
  });

  it("a backup whose archive of one host is listed as another host's", async () => {
    const b = await backupSet('cluster.local-20261201T200007Z', (c) => {
      c.objects.push({ ...archive('taco-m1'), node: 'taco-m2' }, archive('taco-m3'));
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(
      /taco-m1-pki\.tar\.gz is listed as the archive of 'taco-m2', but its name is another host's/,
    );
  });

  it('a failure whose plan the planner refuses (a total loss no archive or peer can give certificates for)', async () => {
    // Every member lost: the workers' etcd certificates are in no archive (backups hold the
    // control-plane nodes' files) and no peer is left to copy them from. Today's replica met
    // this refusal only at its plan, after it had started.
    const b = await backupSet('cluster.local-20261201T200008Z', (c) => {
      c.objects.push(archive('taco-m1'), archive('taco-m2'), archive('taco-m3'));
    });
    const all = ['taco-w1', 'taco-m1', 'taco-m2', 'taco-m3', 'taco-w2'];
    expect(
      await refusal(
        rehearseInventory({ inventory, backup: b, identityFiles: [], brokenEtcd: all }, ctx),
      ),
    ).toMatch(
      /The plan production would get for this failure is refused, so the rehearsal would stop there after the replica started: etcd certificates are missing on 'taco-w1'.*Nothing was started/s,
    );
  });

  it('a failure that removes every control-plane host, without a backup', async () => {
    expect(
      await refusal(
        rehearseInventory(
          { inventory, identityFiles: [], removeHosts: ['taco-m1', 'taco-m2', 'taco-m3'] },
          ctx,
        ),
      ),
    ).toMatch(/would remove every control-plane host .*Nothing was started/s);
  });

  it('an object of the set that is not what the manifest lists (stored bytes only; nothing decrypted)', async () => {
    const name = 'cluster.local-20261201T200009Z';
    const setDir = join(dir, 'backups', name);
    await mkdir(setDir, { recursive: true });
    const objects = await Promise.all(
      ['etcd.db.gz', 'taco-m1-pki.tar.gz', 'taco-m2-pki.tar.gz', 'taco-m3-pki.tar.gz'].map(
        async (file) => {
          const body = Buffer.from(`the stored bytes of ${file}`);
          await writeFile(join(setDir, file), body);
          return { file, bytes: body.length, sha256: sha256(body) };
        },
      ),
    );
    const b = await backupSet(name, (c) => {
      c.objects = objects.map((o) =>
        o.file === 'etcd.db.gz'
          ? { ...c.objects[0], bytes: o.bytes, sha256: o.sha256 }
          : { ...archive(o.file.replace(/-pki.*$/, '')), bytes: o.bytes, sha256: o.sha256 },
      );
    });
    // Changed in place, its size kept: only its hash can tell.
    await writeFile(
      join(setDir, 'taco-m2-pki.tar.gz'),
      Buffer.from('the stored bytes of TACO-m2-pki.tar.gz'),
    );
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(
      /taco-m2-pki\.tar\.gz: the store holds \d+ bytes with sha256 [0-9a-f]{64}, the manifest lists .*changed or damaged.*Nothing was started/s,
    );
  });

  it('a node archive that would write outside the paths a backup holds (read before the start)', async () => {
    const name = 'cluster.local-20261201T200011Z';
    const setDir = join(dir, 'backups', name);
    await mkdir(setDir, { recursive: true });
    const snapshot = Buffer.from('not read before the start beyond its hash');
    await writeFile(join(setDir, 'etcd.db'), snapshot);
    const archives = await Promise.all(
      ['taco-m1', 'taco-m2', 'taco-m3'].map(async (node) => {
        const body = await tarOf([
          'etc/ssl/etcd/ssl/ca.pem',
          ...(node === 'taco-m2' ? ['etc/cron.d/kube-rescue-was-here'] : []),
        ]);
        await writeFile(join(setDir, `${node}-pki.tar`), body);
        return {
          ...archive(node),
          name: `${node}-pki.tar`,
          bytes: body.length,
          sha256: sha256(body),
          plaintextBytes: body.length,
          plaintextSha256: sha256(body),
          compression: 'none' as const,
        };
      }),
    );
    const b = await backupSet(name, (c) => {
      c.kubernetes.paths = ['/etc/ssl/etcd/ssl', '/etc/kubernetes/ssl'];
      c.objects = [
        {
          ...c.objects[0],
          name: 'etcd.db',
          compression: 'none',
          bytes: snapshot.length,
          sha256: sha256(snapshot),
          plaintextBytes: snapshot.length,
          plaintextSha256: sha256(snapshot),
        },
        ...archives,
      ];
    });
    expect(
      await refusal(rehearseInventory({ inventory, backup: b, identityFiles: [] }, ctx)),
    ).toMatch(/taco-m2-pki\.tar.*etc\/cron\.d\/kube-rescue-was-here.*Nothing was started/s);
  });

  it('through the CLI: a missing archive is exit 2, said at once, and no container or network is created', async () => {
    const b = await backupSet('cluster.local-20261201T200010Z', (c) => {
      c.objects.push(archive('taco-m3'));
    });
    const since = Math.floor(Date.now() / 1000) - 1;
    // No Docker engine for the child: had it reached the harness, it would fail there (exit 1).
    const r = await cli(['rehearse', '-i', inventory, '--backup', b], {
      DOCKER_HOST: `unix://${join(dir, 'no-docker.sock')}`,
    });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/has no archive of those hosts \(it holds archives of taco-m3\)/);
    expect(r.stderr).toMatch(/Nothing was started/);
    expect(r.stderr).not.toMatch(/docker|image|▶ (start|build)/i);
    // And where this machine has an engine: it saw no container or network of that process.
    const owner = `${hostname()}:${r.pid}`;
    const events = await dockerEvents(since, owner);
    if (events !== undefined) expect(events).toEqual([]);
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

/** A node's archive as backup lists it (the checks before the start read the manifest only). */
function archive(node: string): ManifestContent['objects'][number] {
  return {
    name: `${node}-pki.tar.gz`,
    kind: 'node-files',
    node,
    bytes: 100,
    sha256: 'c'.repeat(64),
    plaintextBytes: 10240,
    plaintextSha256: 'd'.repeat(64),
    compression: 'gzip',
    encryption: null,
  };
}

/** A tar of empty regular files (the member names are what the check reads). */
async function tarOf(names: string[]): Promise<Buffer> {
  const tar = pack();
  for (const n of names) tar.entry({ name: n, size: 1, mode: 0o600 }, 'x');
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const c of tar) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stderr: string; pid: number | undefined }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', ...args],
      { encoding: 'utf8', env: { ...process.env, ...env } },
      (err, _stdout, stderr) =>
        resolve({
          code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
          stderr,
          pid: child.pid,
        }),
    );
  });
}

/**
 * Containers and networks the engine created since `since` for the harness run owned by
 * `owner` (its label), from the engine's own event log; undefined when there is no engine.
 */
async function dockerEvents(since: number, owner: string): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    execFile(
      'docker',
      [
        'events',
        '--since',
        String(since),
        '--until',
        String(Math.floor(Date.now() / 1000) + 1),
        '--filter',
        `label=kube-rescue.harness.owner=${owner}`,
        '--format',
        '{{.Type}} {{.Action}} {{.Actor.ID}}',
      ],
      { encoding: 'utf8', timeout: 30_000 },
      (err, stdout) => resolve(err ? undefined : stdout.split('\n').filter(Boolean)),
    );
  });
}
