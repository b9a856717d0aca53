import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate, makeCertificateAuthority } from '../../../harness/pki.js';
import { mapToReplica } from '../../../harness/replica.js';
import { backupAddressMap, reissueList, reissueScript } from '../../../harness/replica-pki.js';
import { loadInventory } from '../../../src/inventory/index.js';
import type { Inventory } from '../../../src/inventory/types.js';
import { RUNBOOK_INVENTORY } from './runbook-inventory.js';

// The reissue script runs on a replica node with the backup's CA key; here it runs with the
// real openssl of this machine against a CA this test makes, in a dir of its own.
const run = promisify(execFile);
let dir: string;
let certDir: string;
let inventory: Inventory;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'replica-pki-'));
  certDir = join(dir, 'ssl');
  await mkdir(certDir, { mode: 0o700 });
  const ca = await makeCertificateAuthority(
    join(certDir, 'ca.pem'),
    join(certDir, 'ca-key.pem'),
    '/CN=backup-etcd-ca',
  );
  // Production's member certificate of m1: its subject must survive, its SANs must not.
  await issueCertificate(ca, {
    certPath: join(certDir, 'member-taco-m1.pem'),
    keyPath: join(certDir, 'member-taco-m1-key.pem'),
    subject: '/O=prod:etcd/CN=prod-member-m1',
    sans: ['IP:192.0.2.11'],
    usage: 'server-and-client',
  });
  await writeFile(join(dir, 'hosts.ini'), RUNBOOK_INVENTORY);
  inventory = await loadInventory(join(dir, 'hosts.ini'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const topology = {
  name: 'replica' as const,
  nodes: [
    { name: 'taco-m1', roles: ['control-plane', 'etcd'] as const, etcdMemberName: 'etcd1' },
    { name: 'taco-w1', roles: ['etcd', 'worker'] as const, etcdMemberName: 'etcd4' },
  ],
};
const ipOf = (h: string) => (h === 'taco-m1' ? '10.240.7.11' : '10.240.7.12');

describe('reissuing the replica certificates with the backup CA', () => {
  it('signs member, admin and node certificates for the replica addresses only, keeping the backup subject and files', async () => {
    const list = reissueList(
      { name: topology.name, nodes: topology.nodes.map((n) => ({ ...n, roles: [...n.roles] })) },
      ipOf,
    );
    expect(list.map((r) => r.base)).toEqual([
      'member-taco-m1',
      'admin-taco-m1',
      'node-taco-m1',
      'member-taco-w1',
      'admin-taco-w1',
      'node-taco-w1',
    ]);
    const before = await stat(join(certDir, 'member-taco-m1-key.pem'));
    const oldMember = await readFile(join(certDir, 'member-taco-m1.pem'), 'utf8');
    await run('sh', ['-c', reissueScript(list, certDir, join(dir, 'ssl.from-backup'))]);
    const ca = new X509Certificate(await readFile(join(certDir, 'ca.pem')));
    for (const r of list) {
      const cert = new X509Certificate(await readFile(join(certDir, `${r.base}.pem`)));
      expect(cert.verify(ca.publicKey), r.base).toBe(true);
      const own = ipOf(r.base.replace(/^[a-z]+-/, ''));
      expect(cert.subjectAltName).toBe(
        `DNS:${r.base.replace(/^[a-z]+-/, '')}, DNS:localhost, IP Address:${own}, IP Address:127.0.0.1`,
      );
      expect(cert.keyUsage).toEqual(
        expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']),
      );
      expect((await stat(join(certDir, `${r.base}-key.pem`))).mode & 0o777).toBe(0o600);
    }
    const member = new X509Certificate(await readFile(join(certDir, 'member-taco-m1.pem')));
    expect(member.subject).toBe('O=prod:etcd\nCN=prod-member-m1');
    expect(member.subjectAltName).not.toMatch(/192\.0\.2\./);
    // The old key file's inode and mode were kept (its bytes replaced), the backup's copy saved.
    expect((await stat(join(certDir, 'member-taco-m1-key.pem'))).ino).toBe(before.ino);
    expect(await readFile(join(dir, 'ssl.from-backup', 'member-taco-m1.pem'), 'utf8')).toBe(
      oldMember,
    );
    // The CA and its key are the backup's, untouched.
    expect(await readFile(join(certDir, 'ca-key.pem'))).toEqual(
      await readFile(join(dir, 'ssl.from-backup', 'ca-key.pem')),
    );
  });

  it("maps the backup's own member addresses and the inventory's to the replica's in an env file", () => {
    const map = {
      hosts: new Map([
        ['taco-m1', { replica: '10.240.7.11', production: '192.0.2.11' }],
        ['taco-w1', { replica: '10.240.7.12', production: '192.0.2.21' }],
      ]),
    };
    const manifest = {
      etcd: {
        members: [
          {
            id: '1',
            name: 'etcd1',
            peerURLs: ['https://10.240.3.11:2380'],
            clientURLs: ['https://10.240.3.11:2379'],
          },
          { id: '4', name: 'etcd4', peerURLs: ['https://10.240.3.14:2380'], clientURLs: [] },
        ],
      },
    } as unknown as Parameters<typeof backupAddressMap>[1]['manifest'];
    const full = backupAddressMap(inventory, { manifest }, map);
    const env =
      'ETCD_LISTEN_CLIENT_URLS=https://10.240.3.11:2379,https://127.0.0.1:2379\nETCD_INITIAL_CLUSTER=etcd1=https://10.240.3.11:2380,etcd4=https://10.240.3.14:2380\nX=192.0.2.11 10.240.3.111\n';
    expect(mapToReplica(env, full)).toBe(
      'ETCD_LISTEN_CLIENT_URLS=https://10.240.7.11:2379,https://127.0.0.1:2379\nETCD_INITIAL_CLUSTER=etcd1=https://10.240.7.11:2380,etcd4=https://10.240.7.12:2380\nX=10.240.7.11 10.240.3.111\n',
    );
  });
});
