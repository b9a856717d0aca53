import { execFile } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DressRehearsalReport } from '../../../harness/dress-rehearsal.js';
import { issueCertificate, makeCertificateAuthority } from '../../../harness/pki.js';
import {
  caArchiveCandidates,
  KUBEADM_CA_FILES,
  type KubeadmCaSeed,
  keepKubeadmReplicaPki,
  kubeadmCaMembers,
  missingCaReason,
  placeCaScript,
  publicKeyDigest,
  verifyKubeadmBackupPki,
} from '../../../harness/replica-kubeadm-pki.js';
import { type ArchiveHeader, checkArchiveMembers } from '../../../src/backup/archive-members.js';
import type { Transport } from '../../../src/nodes/transport.js';
import { renderDressRehearsalMarkdown } from '../../../src/report/dress-rehearsal.js';

// What is pure of the kubeadm replica on the backup's CAs: which members of an archive are
// taken and what is missing, the reason given then, the placing script (run here with this
// machine's tar against a dir of its own, not /), and the check after the bring-up against
// certificates and keys this test makes with openssl.
const run = promisify(execFile);
const ALL = Object.values(KUBEADM_CA_FILES);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'replica-kubeadm-pki-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const header = (
  path: string,
  type = 'file',
  extra: Partial<ArchiveHeader> = {},
): ArchiveHeader => ({
  name: path.replace(/^\//, ''),
  type,
  mode: 0o600,
  uid: 0,
  gid: 0,
  ...extra,
});
/** A kubeadm node archive's members as the restore's check sees them. */
const membersOf = (headers: ArchiveHeader[]) =>
  checkArchiveMembers(
    [
      header('/etc/kubernetes/pki', 'directory'),
      header('/etc/kubernetes/pki/etcd', 'directory'),
      ...headers,
    ],
    ['/etc/kubernetes/pki', '/etc/kubernetes/manifests'],
    'cp1-pki.tar',
  ).members;

describe('the CA members of a kubeadm archive', () => {
  it('takes exactly the eight CA files and nothing else of the archive', () => {
    const chosen = kubeadmCaMembers(
      membersOf([
        ...ALL.map((p) => header(p)),
        header('/etc/kubernetes/pki/apiserver.key'),
        header('/etc/kubernetes/pki/etcd/server.key'),
        header('/etc/kubernetes/manifests/etcd.yaml'),
      ]),
    );
    expect(chosen.ok).toBe(true);
    expect(chosen.ok && chosen.members.map((m) => m.path)).toEqual([
      '/etc/kubernetes/pki/ca.crt',
      '/etc/kubernetes/pki/ca.key',
      '/etc/kubernetes/pki/front-proxy-ca.crt',
      '/etc/kubernetes/pki/front-proxy-ca.key',
      '/etc/kubernetes/pki/etcd/ca.crt',
      '/etc/kubernetes/pki/etcd/ca.key',
      '/etc/kubernetes/pki/sa.key',
      '/etc/kubernetes/pki/sa.pub',
    ]);
  });

  it('names each missing file, and a member that is no regular file as missing too', () => {
    const chosen = kubeadmCaMembers(
      membersOf([
        ...ALL.filter((p) => !p.endsWith('/sa.key') && !p.endsWith('/etcd/ca.key')).map((p) =>
          header(p),
        ),
        header('/etc/kubernetes/pki/etcd/ca.key', 'symlink', { linkname: 'server.key' }),
      ]),
    );
    expect(chosen).toEqual({
      ok: false,
      missing: [
        '/etc/kubernetes/pki/etcd/ca.key (a symlink, not a file)',
        '/etc/kubernetes/pki/sa.key',
      ],
    });
  });

  it("tries the seeded node's own archive first, then the other control-plane hosts'", () => {
    const archives = { cp2: 'cp2-pki.tar.gz.age', cp3: 'cp3-pki.tar.gz.age', w1: 'w1.tar' };
    expect(caArchiveCandidates('cp1', ['cp1', 'cp2', 'cp3'], archives)).toEqual([
      { host: 'cp2', object: 'cp2-pki.tar.gz.age' },
      { host: 'cp3', object: 'cp3-pki.tar.gz.age' },
    ]);
    expect(
      caArchiveCandidates('cp2', ['cp1', 'cp2'], { ...archives, cp1: 'cp1-pki.tar' }).map(
        (c) => c.host,
      ),
    ).toEqual(['cp2', 'cp1']);
  });

  it('says which archive lacks which files, and which host has none', () => {
    const reason = missingCaReason(
      'cp1',
      ['cp1', 'cp2', 'cp3'],
      [
        { host: 'cp1', object: 'cp1-pki.tar.gz.age', missing: ['/etc/kubernetes/pki/sa.key'] },
        {
          host: 'cp2',
          object: 'cp2-pki.tar.gz.age',
          missing: ['/etc/kubernetes/pki/ca.key', '/etc/kubernetes/pki/etcd/ca.key'],
        },
      ],
    );
    expect(reason).toMatch(
      /^cp1-pki\.tar\.gz\.age \(the archive of cp1\) lacks \/etc\/kubernetes\/pki\/sa\.key; cp2-pki\.tar\.gz\.age \(the archive of cp2\) lacks \/etc\/kubernetes\/pki\/ca\.key, \/etc\/kubernetes\/pki\/etcd\/ca\.key; the set has no archive of cp3: /,
    );
    expect(reason).toMatch(
      /placed on cp1 before kubeadm init, so the replica keeps the PKI kubeadm generated/,
    );
    expect(reason).toMatch(/certificate restores run from the replica's own backup$/);
  });
});

describe('placing the CA files', () => {
  async function archiveWith(name: string, paths: string[]): Promise<string> {
    const src = join(dir, `${name}-src`);
    for (const p of paths) {
      await mkdir(join(src, dirname(p)), { recursive: true });
      await writeFile(join(src, p), `${p}\n`, { mode: 0o640 });
    }
    const staged = join(dir, `${name}.tar`);
    await run('tar', ['-c', '-f', staged, '-C', src, 'etc']);
    return staged;
  }
  const extra = [
    '/etc/kubernetes/pki/apiserver.key',
    '/etc/kubernetes/manifests/kube-apiserver.yaml',
    '/etc/kubernetes/admin.conf',
  ];

  it('extracts only the CA members, root-owned, keys 0600 and the rest 0644', async () => {
    const staged = await archiveWith('full', [...ALL, ...extra]);
    const root = join(dir, 'node');
    await mkdir(root);
    await run('sh', ['-c', placeCaScript(staged, ALL, root)]);
    const found = (await run('find', [root, '-type', 'f'])).stdout
      .split('\n')
      .filter(Boolean)
      .map((f) => f.slice(root.length))
      .sort();
    expect(found).toEqual([...ALL].sort());
    for (const p of ALL) {
      const s = await stat(join(root, p));
      expect([p, s.mode & 0o777, s.uid, s.gid]).toEqual([
        p,
        p.endsWith('.key') ? 0o600 : 0o644,
        0,
        0,
      ]);
    }
    expect(await readFile(join(root, KUBEADM_CA_FILES.clusterCaKey), 'utf8')).toBe(
      `${KUBEADM_CA_FILES.clusterCaKey}\n`,
    );
  });

  it('overwrites nothing that is already there', async () => {
    const staged = await archiveWith('again', ALL);
    const root = join(dir, 'used');
    await mkdir(join(root, 'etc/kubernetes/pki'), { recursive: true });
    await writeFile(join(root, KUBEADM_CA_FILES.clusterCa), "the node's own\n");
    await expect(run('sh', ['-c', placeCaScript(staged, ALL, root)])).rejects.toThrow();
    expect(await readFile(join(root, KUBEADM_CA_FILES.clusterCa), 'utf8')).toBe("the node's own\n");
  });
});

describe('the check after the bring-up', () => {
  interface Made {
    ca: string;
    frontProxy: string;
    etcd: string;
    saPub: string;
    members: Record<string, string>;
  }
  const ips: Record<string, string> = { cp1: '10.250.0.11', cp2: '10.250.0.12' };
  /** A kubeadm-like PKI: three CAs, an RSA sa key pair, an etcd server certificate per member. */
  async function makePki(name: string): Promise<Made> {
    const d = join(dir, name);
    await mkdir(d);
    const ca = async (base: string) => {
      const c = await makeCertificateAuthority(
        join(d, `${base}.crt`),
        join(d, `${base}.key`),
        `/CN=${name}-${base}`,
      );
      return { c, pem: await readFile(c.certPath, 'utf8') };
    };
    const [cluster, frontProxy, etcd] = [
      await ca('ca'),
      await ca('front-proxy-ca'),
      await ca('etcd-ca'),
    ];
    const members: Record<string, string> = {};
    for (const [host, ip] of Object.entries(ips)) {
      const certPath = join(d, `${host}-server.crt`);
      await issueCertificate(etcd.c, {
        certPath,
        keyPath: join(d, `${host}-server.key`),
        subject: `/CN=${host}`,
        sans: [`DNS:${host}`, `IP:${ip}`],
        usage: 'server-and-client',
      });
      members[host] = await readFile(certPath, 'utf8');
    }
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    return {
      ca: cluster.pem,
      frontProxy: frontProxy.pem,
      etcd: etcd.pem,
      saPub: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      members,
    };
  }
  let backup: Made;
  let other: Made;
  beforeAll(async () => {
    backup = await makePki('backup');
    other = await makePki('other');
  });

  const seed = (): Extract<KubeadmCaSeed, { source: 'backup' }> => ({
    source: 'backup',
    node: 'cp1',
    host: 'cp1',
    object: 'cp1-pki.tar.gz.age',
    placed: ALL,
    archive: {
      clusterCa: backup.ca,
      frontProxyCa: backup.frontProxy,
      etcdCa: backup.etcd,
      saPub: backup.saPub,
    },
  });
  /** Nodes that answer `cat -- <path>` from `files`, as a Transport does. */
  const nodes = (files: (host: string) => Record<string, string>) => (host: string) =>
    ({
      node: host,
      exec: async (argv: readonly string[]) => {
        const content = files(host)[argv[2]!];
        if (argv[0] !== 'cat' || content === undefined)
          throw new Error(`${host}: no ${argv.join(' ')}`);
        return { stdout: content, stderr: '', code: 0 };
      },
    }) as unknown as Transport;
  const filesOf = (m: Made, host: string): Record<string, string> => ({
    [KUBEADM_CA_FILES.clusterCa]: m.ca,
    [KUBEADM_CA_FILES.frontProxyCa]: m.frontProxy,
    [KUBEADM_CA_FILES.etcdCa]: m.etcd,
    [KUBEADM_CA_FILES.saPub]: m.saPub,
    '/etc/kubernetes/pki/etcd/server.crt': m.members[host]!,
  });
  /** The API's /openid/v1/jwks answered by a script that prints what this test wrote. */
  async function apiPublishing(name: string, pubs: string[]) {
    const file = join(dir, `${name}-jwks.json`);
    await writeFile(
      file,
      JSON.stringify({ keys: pubs.map((p) => createPublicKey(p).export({ format: 'jwk' })) }),
    );
    return { kubectl: ['sh', '-c', `cat '${file}'`, 'kubectl'] };
  }
  const verify = async (
    files: (host: string) => Record<string, string>,
    api: { kubectl: string[] },
  ) =>
    verifyKubeadmBackupPki({
      seed: seed(),
      controlPlane: ['cp1', 'cp2'],
      etcdHosts: ['cp1', 'cp2'],
      ipOf: (h) => ips[h]!,
      transportFor: nodes(files),
      api,
    });

  it("reports the backup's CAs and service-account key when every node and the API run on them", async () => {
    const pki = await verify(
      (h) => filesOf(backup, h),
      await apiPublishing('same', [backup.saPub]),
    );
    expect(pki).toMatchObject({
      source: 'backup',
      caNode: 'cp1',
      unpacked: [],
      caCert: backup.etcd,
      kubeadm: {
        serviceAccountKeySha256: publicKeyDigest(backup.saPub),
      },
    });
    expect(pki.caFingerprint).toBe(new X509Certificate(backup.etcd).fingerprint256);
    expect(pki.kubeadm?.clusterCaFingerprint).not.toBe(pki.caFingerprint);
    expect(pki.kubeadm?.verified).toHaveLength(3);
    expect(pki.kubeadm?.verified[0]).toMatch(/on cp1, cp2 equal to the archive's$/);
    expect(pki.fromBackup[0]).toMatch(
      /^cp1's archive cp1-pki\.tar\.gz\.age: \/etc\/kubernetes\/pki\/ca\.crt, .*carried to cp2 by kubeadm join --control-plane/,
    );
    expect(pki.memberCerts).toEqual(backup.members);
    expect(pki.reason).toBeUndefined();
  });

  it('fails naming the node and file when a control-plane node runs on another CA', async () => {
    const mixed = (h: string) =>
      h === 'cp2'
        ? { ...filesOf(backup, h), [KUBEADM_CA_FILES.clusterCa]: other.ca }
        : filesOf(backup, h);
    await expect(verify(mixed, await apiPublishing('mixed', [backup.saPub]))).rejects.toThrow(
      /^The kubeadm replica does not run on the backup's CAs it was seeded with from cp1-pki\.tar\.gz\.age: cp2: \/etc\/kubernetes\/pki\/ca\.crt is [0-9A-F:]{95}, the archive's [0-9A-F:]{95}\.$/,
    );
  });

  it("fails when a member's etcd certificate is not of the backup's etcd CA", async () => {
    const foreign = (h: string) =>
      h === 'cp1'
        ? { ...filesOf(backup, h), '/etc/kubernetes/pki/etcd/server.crt': other.members.cp1! }
        : filesOf(backup, h);
    await expect(verify(foreign, await apiPublishing('foreign', [backup.saPub]))).rejects.toThrow(
      /cp1: its etcd server certificate is not signed by the backup's etcd CA/,
    );
  });

  it("fails when the API server's service-account keys are not the archive's sa.pub alone", async () => {
    await expect(
      verify((h) => filesOf(backup, h), await apiPublishing('two', [backup.saPub, other.saPub])),
    ).rejects.toThrow(
      /publishes 2 service-account key\(s\) at \/openid\/v1\/jwks, not the archive's sa\.pub alone/,
    );
    await expect(
      verify((h) => filesOf(backup, h), await apiPublishing('none', [])),
    ).rejects.toThrow(/publishes 0 service-account key/);
  });

  it("keeps the replica's own PKI with the reason given, its etcd CA and member certificates read on the nodes", async () => {
    const pki = await keepKubeadmReplicaPki({
      reason: 'cp1-pki.tar (the archive of cp1) lacks /etc/kubernetes/pki/sa.key: …',
      etcdHosts: ['cp1', 'cp2'],
      transportFor: nodes((h) => filesOf(other, h)),
    });
    expect(pki).toEqual({
      source: 'replica',
      reason: 'cp1-pki.tar (the archive of cp1) lacks /etc/kubernetes/pki/sa.key: …',
      unpacked: [],
      caFingerprint: new X509Certificate(other.etcd).fingerprint256,
      caCert: other.etcd,
      fromBackup: [],
      reissued: [],
      memberCerts: other.members,
    });
  });

  it('writes a public key digest as fingerprints are written, the same for the key and its certificate', async () => {
    const digest = publicKeyDigest(backup.saPub);
    expect(digest).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const der = (
      await run('sh', [
        '-c',
        `printf '%s' "$0" | openssl pkey -pubin -outform der | sha256sum`,
        backup.saPub,
      ])
    ).stdout;
    expect(digest.replace(/:/g, '').toLowerCase()).toBe(der.split(' ')[0]);
    expect(publicKeyDigest(backup.ca)).not.toBe(digest);
  });
});

describe('the table line of the PKI', () => {
  const report = (pki: DressRehearsalReport['pki']): DressRehearsalReport => ({
    tool: 'kube-rescue',
    kind: 'dress-rehearsal',
    startedAt: '2026-12-02T17:00:00.000Z',
    inventory: 'hosts.ini',
    cluster: 'cluster.local',
    provider: 'kubeadm',
    layout: 'kubeadm',
    etcdVersion: '3.6',
    topology: { nodes: [], groups: {} },
    failure: { brokenEtcd: ['cp3'], brokenControlPlane: ['cp3'], removeHosts: [] },
    data: { source: 'backup', backup: 'file:///b' },
    pki,
    durationSeconds: 1,
    ok: true,
  });
  const base = { unpacked: [], caCert: '', fromBackup: [], reissued: [], memberCerts: {} };

  it('names every CA of the backup and what was checked, when the replica ran on them', () => {
    const md = renderDressRehearsalMarkdown(
      report({
        ...base,
        source: 'backup',
        caNode: 'cp1',
        caFingerprint: 'EE:EE',
        kubeadm: {
          clusterCaFingerprint: 'CC:CC',
          frontProxyCaFingerprint: 'FF:FF',
          serviceAccountKeySha256: 'SA:SA',
          verified: ['one thing', 'another'],
        },
      }),
    );
    expect(md).toContain(
      "The replica ran on the backup's CAs: the cluster CA (sha256 fingerprint CC:CC), the front-proxy CA (FF:FF), the etcd CA (EE:EE) and the service-account key (SA:SA), from cp1's archive, placed before kubeadm init; kubeadm issued every other certificate and kubeconfig for the replica's addresses (production's certificates name production's addresses and were not unpacked). Checked after the bring-up: one thing; another.",
    );
  });

  it('gives the reason when the kubeadm replica kept its own PKI', () => {
    const md = renderDressRehearsalMarkdown(
      report({
        ...base,
        source: 'replica',
        reason: 'cp1-pki.tar lacks sa.key',
        caFingerprint: 'EE:EE',
      }),
    );
    expect(md).toContain(
      "The backup's node archives were not unpacked; the replica kept its own etcd PKI: cp1-pki.tar lacks sa.key.",
    );
    expect(md).not.toContain("ran on the backup's CAs");
  });
});
