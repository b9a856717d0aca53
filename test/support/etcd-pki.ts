import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A throw-away etcd PKI made by the real `openssl`, with Kubespray's file names
 * (`/etc/ssl/etcd/ssl/` on a Kubespray node): ca.pem, member-<host>.pem, admin-<host>.pem,
 * node-<host>.pem, each with its -key.pem. Every leaf is valid for 127.0.0.1 and localhost,
 * and for both server and client auth, as Kubespray's member certs are.
 */
export interface EtcdPki {
  dir: string;
  ca: string;
  member(host: string): { cert: string; key: string };
  admin(host: string): { cert: string; key: string };
  node(host: string): { cert: string; key: string };
}

async function openssl(args: string[], cwd: string): Promise<void> {
  await run('openssl', args, { cwd });
}

async function leaf(dir: string, base: string, cn: string): Promise<void> {
  const ext = join(dir, `${base}.ext`);
  await writeFile(
    ext,
    [
      'basicConstraints=CA:FALSE',
      'keyUsage=critical,digitalSignature,keyEncipherment',
      'extendedKeyUsage=serverAuth,clientAuth',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '',
    ].join('\n'),
  );
  await openssl(
    ['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', `${base}-key.pem`],
    dir,
  );
  await openssl(
    ['req', '-new', '-key', `${base}-key.pem`, '-subj', `/CN=${cn}`, '-out', `${base}.csr`],
    dir,
  );
  await openssl(
    [
      'x509',
      '-req',
      '-in',
      `${base}.csr`,
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca-key.pem',
      // A serial of its own: parallel signings must not race on a shared ca.srl.
      '-set_serial',
      `0x${randomBytes(8).toString('hex')}`,
      '-days',
      '2',
      '-extfile',
      ext,
      '-out',
      `${base}.pem`,
    ],
    dir,
  );
}

/** Creates the CA and, per host, member/admin/node certs in `dir` (Kubespray's names). */
export async function createEtcdPki(dir: string, hosts: readonly string[]): Promise<EtcdPki> {
  await mkdir(dir, { recursive: true });
  await openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca-key.pem'], dir);
  await openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca-key.pem',
      '-subj',
      '/CN=etcd-ca',
      '-days',
      '2',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
      '-out',
      'ca.pem',
    ],
    dir,
  );
  await Promise.all(
    hosts.flatMap((h) => [
      leaf(dir, `member-${h}`, `etcd-member-${h}`),
      leaf(dir, `admin-${h}`, `etcd-admin-${h}`),
      leaf(dir, `node-${h}`, `etcd-node-${h}`),
    ]),
  );
  const pair = (base: string) => ({
    cert: join(dir, `${base}.pem`),
    key: join(dir, `${base}-key.pem`),
  });
  return {
    dir,
    ca: join(dir, 'ca.pem'),
    member: (h) => pair(`member-${h}`),
    admin: (h) => pair(`admin-${h}`),
    node: (h) => pair(`node-${h}`),
  };
}
