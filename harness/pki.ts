import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { runCommand } from './docker-cli.js';

/**
 * Certificates made with openssl on the host, named as Kubespray names them. Keys are
 * ECDSA P-256 rather than Kubespray's RSA 2048: backup and recovery treat them as opaque
 * files, and P-256 keys are made in milliseconds, which keeps cluster start-up in seconds.
 */
export interface CertRequest {
  /** Base path without extension: writes `<base>.pem` and `<base>-key.pem` (or the given names). */
  certPath: string;
  keyPath: string;
  subject: string;
  /** `IP:1.2.3.4`, `DNS:name` entries. */
  sans?: string[];
  usage: 'server-and-client' | 'client' | 'ca';
}

export interface CertificateAuthority {
  certPath: string;
  keyPath: string;
}

const DAYS = '3650';

/** A new P-256 key, unencrypted, written to `keyPath` by `openssl req`. */
const newKeyArgs = (keyPath: string) => [
  '-newkey',
  'ec',
  '-pkeyopt',
  'ec_paramgen_curve:prime256v1',
  '-nodes',
  '-keyout',
  keyPath,
];

export async function makeCertificateAuthority(
  certPath: string,
  keyPath: string,
  subject: string,
): Promise<CertificateAuthority> {
  await runCommand('openssl', [
    'req',
    '-x509',
    ...newKeyArgs(keyPath),
    '-out',
    certPath,
    '-days',
    DAYS,
    '-subj',
    subject,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign,digitalSignature',
  ]);
  return { certPath, keyPath };
}

/** One openssl call: a key and a certificate signed by `ca` (OpenSSL 3 `req -x509 -CA`). */
export async function issueCertificate(ca: CertificateAuthority, req: CertRequest): Promise<void> {
  const ext = [
    'basicConstraints=critical,CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    `extendedKeyUsage=${req.usage === 'client' ? 'clientAuth' : 'serverAuth,clientAuth'}`,
  ];
  if (req.sans && req.sans.length > 0) ext.push(`subjectAltName=${req.sans.join(',')}`);
  await runCommand('openssl', [
    'req',
    '-x509',
    '-CA',
    ca.certPath,
    '-CAkey',
    ca.keyPath,
    ...newKeyArgs(req.keyPath),
    '-out',
    req.certPath,
    '-days',
    DAYS,
    '-subj',
    req.subject,
    ...ext.flatMap((e) => ['-addext', e]),
  ]);
}

/**
 * The service-account token key pair (`sa.key`, `sa.pub`). EC P-256, not the RSA 2048 kubeadm
 * makes by default: the API server takes either (ES256 tokens), and EC is made in milliseconds.
 */
export async function makeServiceAccountKeyPair(keyPath: string, pubPath: string): Promise<void> {
  await runCommand('openssl', [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-out',
    keyPath,
  ]);
  await runCommand('openssl', ['pkey', '-in', keyPath, '-pubout', '-out', pubPath]);
}

/** Runs at most `limit` tasks at a time (two cores: openssl calls overlap a little). */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit = 4): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export interface NodeAddressing {
  name: string;
  ip: string;
}

/** Kubespray's etcd PKI (`/etc/ssl/etcd/ssl`) for every host, in one host directory. */
export interface EtcdPki {
  dir: string;
  ca: CertificateAuthority;
}

/**
 * Makes ca.pem/ca-key.pem plus member-/admin- certs for each etcd host and node- certs for
 * each Kubernetes host, in `dir`, with SANs for the node IP, 127.0.0.1 and localhost.
 */
export async function makeEtcdPki(
  dir: string,
  etcdHosts: NodeAddressing[],
  k8sHosts: NodeAddressing[],
): Promise<EtcdPki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const ca = await makeCertificateAuthority(
    join(dir, 'ca.pem'),
    join(dir, 'ca-key.pem'),
    '/CN=etcd-ca',
  );
  const sansOf = (h: NodeAddressing) => [
    `DNS:${h.name}`,
    'DNS:localhost',
    `IP:${h.ip}`,
    'IP:127.0.0.1',
  ];
  const tasks: (() => Promise<void>)[] = [];
  for (const h of etcdHosts) {
    for (const kind of ['member', 'admin'] as const) {
      tasks.push(() =>
        issueCertificate(ca, {
          certPath: join(dir, `${kind}-${h.name}.pem`),
          keyPath: join(dir, `${kind}-${h.name}-key.pem`),
          subject: `/O=system:etcd-${kind}s/CN=etcd-${kind}-${h.name}`,
          sans: sansOf(h),
          usage: 'server-and-client',
        }),
      );
    }
  }
  for (const h of k8sHosts) {
    tasks.push(() =>
      issueCertificate(ca, {
        certPath: join(dir, `node-${h.name}.pem`),
        keyPath: join(dir, `node-${h.name}-key.pem`),
        subject: `/O=system:etcd-nodes/CN=etcd-node-${h.name}`,
        sans: sansOf(h),
        usage: 'server-and-client',
      }),
    );
  }
  await inBatches(tasks);
  return { dir, ca };
}

/** Kubernetes cluster-wide PKI shared by control-plane nodes (kubeadm names). */
export interface KubernetesPki {
  dir: string;
  ca: CertificateAuthority;
}

export async function makeKubernetesPki(dir: string): Promise<KubernetesPki> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await mkdir(kubeconfigClientDir(dir), { recursive: true, mode: 0o700 });
  const ca = await makeCertificateAuthority(
    join(dir, 'ca.crt'),
    join(dir, 'ca.key'),
    '/CN=kubernetes',
  );
  const frontProxyCa = await makeCertificateAuthority(
    join(dir, 'front-proxy-ca.crt'),
    join(dir, 'front-proxy-ca.key'),
    '/CN=front-proxy-ca',
  );
  await Promise.all([
    issueCertificate(frontProxyCa, {
      certPath: join(dir, 'front-proxy-client.crt'),
      keyPath: join(dir, 'front-proxy-client.key'),
      subject: '/CN=front-proxy-client',
      usage: 'client',
    }),
    issueCertificate(ca, {
      certPath: join(dir, 'apiserver-kubelet-client.crt'),
      keyPath: join(dir, 'apiserver-kubelet-client.key'),
      subject: '/O=system:masters/CN=kube-apiserver-kubelet-client',
      usage: 'client',
    }),
    makeServiceAccountKeyPair(join(dir, 'sa.key'), join(dir, 'sa.pub')),
    ...KUBECONFIG_USERS.map((u) =>
      issueCertificate(ca, {
        certPath: join(kubeconfigClientDir(dir), `${u.file}.crt`),
        keyPath: join(kubeconfigClientDir(dir), `${u.file}.key`),
        subject: u.subject,
        usage: 'client',
      }),
    ),
  ]);
  return { dir, ca };
}

/**
 * The users of kubeadm's kubeconfig files under /etc/kubernetes. Their client certs stay on
 * the host (a sibling dir, not copied as PKI files); each node's kubeconfig embeds them.
 */
export const KUBECONFIG_USERS = [
  {
    file: 'admin',
    user: 'kubernetes-admin',
    subject: '/O=kubeadm:cluster-admins/CN=kubernetes-admin',
  },
  {
    file: 'super-admin',
    user: 'kubernetes-super-admin',
    subject: '/O=system:masters/CN=kubernetes-super-admin',
  },
  {
    file: 'controller-manager',
    user: 'system:kube-controller-manager',
    subject: '/CN=system:kube-controller-manager',
  },
  { file: 'scheduler', user: 'system:kube-scheduler', subject: '/CN=system:kube-scheduler' },
] as const;

export function kubeconfigClientDir(k8sPkiDir: string): string {
  return `${k8sPkiDir}-kubeconfig-clients`;
}

/** The per-node API server certificate (SANs: node name, node IP, service IP, loopback). */
export async function issueApiserverCertificate(
  k8s: KubernetesPki,
  outDir: string,
  node: NodeAddressing,
): Promise<void> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  await issueCertificate(k8s.ca, {
    certPath: join(outDir, 'apiserver.crt'),
    keyPath: join(outDir, 'apiserver.key'),
    subject: '/CN=kube-apiserver',
    sans: [
      `DNS:${node.name}`,
      'DNS:kubernetes',
      'DNS:kubernetes.default',
      'DNS:kubernetes.default.svc',
      'DNS:localhost',
      `IP:${node.ip}`,
      'IP:10.233.0.1',
      'IP:127.0.0.1',
    ],
    usage: 'server-and-client',
  });
}
