import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import { stringify } from 'yaml';
import { type EtcdPki, KUBECONFIG_USERS, type KubernetesPki, kubeconfigClientDir } from './pki.js';
import type { EtcdVersion } from './tools.js';
import { etcdMemberName, etcdNodes, type NodeSpec, type Topology } from './topology.js';

/** Where Kubespray puts things on a host (roles/etcd and roles/kubernetes defaults). */
export const KUBESPRAY_PATHS = {
  etcdCertDir: '/etc/ssl/etcd/ssl',
  etcdEnv: '/etc/etcd.env',
  etcdUnit: '/etc/systemd/system/etcd.service',
  etcdDataDir: '/var/lib/etcd',
  etcdBinDir: '/usr/local/bin',
  kubeCertDir: '/etc/kubernetes/ssl',
  kubePkiLink: '/etc/kubernetes/pki',
  manifestsDir: '/etc/kubernetes/manifests',
} as const;

/** One file (or directory, or symlink) to place on a node. */
export interface NodeFile {
  path: string;
  type: 'file' | 'directory' | 'symlink';
  content?: Buffer | string;
  linkTarget?: string;
  mode: number;
}

export interface AddressedTopology {
  topology: Topology;
  ipOf(host: string): string;
  /** The etcd minor the nodes run: the env file differs by version. */
  etcdVersion: EtcdVersion;
}

/**
 * Kubespray's roles/etcd/templates/etcd.env.j2 rendered for `host` (secure client, new
 * cluster). etcd 3.6 removed the v2 proxy, so ETCD_PROXY is written only before 3.6 (3.6
 * would warn "unrecognized environment variable" on every start).
 */
export function renderEtcdEnv(c: AddressedTopology, host: string): string {
  const ip = c.ipOf(host);
  const member = etcdMemberName(c.topology, host);
  const certDir = KUBESPRAY_PATHS.etcdCertDir;
  const peers = etcdNodes(c.topology)
    .map((n) => `${etcdMemberName(c.topology, n.name)}=https://${c.ipOf(n.name)}:2380`)
    .join(',');
  return `# Environment file for etcd (Debian etcd-server package), written by the kube-rescue harness
ETCD_DATA_DIR=${KUBESPRAY_PATHS.etcdDataDir}
ETCD_ADVERTISE_CLIENT_URLS=https://${ip}:2379
ETCD_INITIAL_ADVERTISE_PEER_URLS=https://${ip}:2380
ETCD_INITIAL_CLUSTER_STATE=new

ETCD_METRICS=basic
ETCD_LISTEN_CLIENT_URLS=https://${ip}:2379,https://127.0.0.1:2379
ETCD_ELECTION_TIMEOUT=5000
ETCD_HEARTBEAT_INTERVAL=250
ETCD_INITIAL_CLUSTER_TOKEN=k8s_etcd
ETCD_LISTEN_PEER_URLS=https://${ip}:2380
ETCD_NAME=${member}
${c.etcdVersion === '3.6' ? '' : 'ETCD_PROXY=off\n'}ETCD_INITIAL_CLUSTER=${peers}
ETCD_AUTO_COMPACTION_RETENTION=8

# TLS settings
ETCD_TRUSTED_CA_FILE=${certDir}/ca.pem
ETCD_CERT_FILE=${certDir}/member-${host}.pem
ETCD_KEY_FILE=${certDir}/member-${host}-key.pem
ETCD_CLIENT_CERT_AUTH=true

ETCD_PEER_TRUSTED_CA_FILE=${certDir}/ca.pem
ETCD_PEER_CERT_FILE=${certDir}/member-${host}.pem
ETCD_PEER_KEY_FILE=${certDir}/member-${host}-key.pem
ETCD_PEER_CLIENT_CERT_AUTH=true
`;
}

/** Kubespray's roles/etcd/templates/etcd-host.service.j2 for a member of [etcd]. */
export function renderEtcdUnit(): string {
  return `[Unit]
Description=etcd
After=network.target

[Service]
Type=notify
User=etcd
EnvironmentFile=${KUBESPRAY_PATHS.etcdEnv}
ExecStart=${KUBESPRAY_PATHS.etcdBinDir}/etcd
NotifyAccess=all
Restart=always
RestartSec=10s
LimitNOFILE=40000

[Install]
WantedBy=multi-user.target
`;
}

const hostPathVolume = (name: string, path: string, type = 'DirectoryOrCreate') => ({
  name,
  hostPath: { path, type },
});

/** Static-pod manifests as Kubespray's kubeadm writes them (files only; no kubelet runs them). */
export function renderStaticPodManifests(
  c: AddressedTopology,
  host: string,
  kubeVersion = 'v1.29.3',
): Record<string, string> {
  const ip = c.ipOf(host);
  const ssl = KUBESPRAY_PATHS.kubeCertDir;
  const etcdSsl = KUBESPRAY_PATHS.etcdCertDir;
  const etcdServers = etcdNodes(c.topology)
    .map((n) => `https://${c.ipOf(n.name)}:2379`)
    .join(',');
  const volumes = [
    hostPathVolume('k8s-certs', ssl),
    hostPathVolume('etcd-certs-0', etcdSsl),
    hostPathVolume('ca-certs', '/etc/ssl/certs'),
  ];
  const mounts = [
    { name: 'k8s-certs', mountPath: ssl, readOnly: true },
    { name: 'etcd-certs-0', mountPath: etcdSsl, readOnly: true },
    { name: 'ca-certs', mountPath: '/etc/ssl/certs', readOnly: true },
  ];
  const pod = (component: string, command: string[], extraVolumes: typeof volumes = []) =>
    stringify({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: component,
        namespace: 'kube-system',
        labels: { component, tier: 'control-plane' },
      },
      spec: {
        hostNetwork: true,
        priorityClassName: 'system-node-critical',
        containers: [
          {
            name: component,
            image: `${component}:${kubeVersion}`,
            command,
            volumeMounts: [
              ...mounts,
              ...extraVolumes.map((v) => ({
                name: v.name,
                mountPath: v.hostPath.path,
                readOnly: true,
              })),
            ],
          },
        ],
        volumes: [...volumes, ...extraVolumes],
      },
    });
  return {
    'kube-apiserver.yaml': pod('kube-apiserver', [
      'kube-apiserver',
      `--advertise-address=${ip}`,
      '--allow-privileged=true',
      '--authorization-mode=Node,RBAC',
      `--client-ca-file=${ssl}/ca.crt`,
      `--etcd-cafile=${etcdSsl}/ca.pem`,
      `--etcd-certfile=${etcdSsl}/node-${host}.pem`,
      `--etcd-keyfile=${etcdSsl}/node-${host}-key.pem`,
      `--etcd-servers=${etcdServers}`,
      `--kubelet-client-certificate=${ssl}/apiserver-kubelet-client.crt`,
      `--kubelet-client-key=${ssl}/apiserver-kubelet-client.key`,
      `--proxy-client-cert-file=${ssl}/front-proxy-client.crt`,
      `--proxy-client-key-file=${ssl}/front-proxy-client.key`,
      `--requestheader-client-ca-file=${ssl}/front-proxy-ca.crt`,
      '--secure-port=6443',
      `--service-account-key-file=${ssl}/sa.pub`,
      `--service-account-signing-key-file=${ssl}/sa.key`,
      '--service-cluster-ip-range=10.233.0.0/18',
      `--tls-cert-file=${ssl}/apiserver.crt`,
      `--tls-private-key-file=${ssl}/apiserver.key`,
    ]),
    'kube-controller-manager.yaml': pod(
      'kube-controller-manager',
      [
        'kube-controller-manager',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        `--cluster-signing-cert-file=${ssl}/ca.crt`,
        `--cluster-signing-key-file=${ssl}/ca.key`,
        `--root-ca-file=${ssl}/ca.crt`,
        `--service-account-private-key-file=${ssl}/sa.key`,
        '--use-service-account-credentials=true',
      ],
      [hostPathVolume('kubeconfig', '/etc/kubernetes/controller-manager.conf', 'FileOrCreate')],
    ),
    'kube-scheduler.yaml': pod(
      'kube-scheduler',
      ['kube-scheduler', '--kubeconfig=/etc/kubernetes/scheduler.conf'],
      [hostPathVolume('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
    ),
  };
}

/** kubeadm's kubeconfig files (admin.conf, controller-manager.conf, …) for a control-plane node. */
export async function renderKubeconfigs(
  k8sPki: KubernetesPki,
  apiserverUrl: string,
): Promise<Record<string, string>> {
  const b64 = async (path: string) => (await readFile(path)).toString('base64');
  const ca = await b64(k8sPki.ca.certPath);
  const out: Record<string, string> = {};
  for (const u of KUBECONFIG_USERS) {
    const dir = kubeconfigClientDir(k8sPki.dir);
    out[`${u.file}.conf`] = stringify({
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [
        {
          name: 'cluster.local',
          cluster: { 'certificate-authority-data': ca, server: apiserverUrl },
        },
      ],
      contexts: [
        { name: `${u.user}@cluster.local`, context: { cluster: 'cluster.local', user: u.user } },
      ],
      'current-context': `${u.user}@cluster.local`,
      users: [
        {
          name: u.user,
          user: {
            'client-certificate-data': await b64(join(dir, `${u.file}.crt`)),
            'client-key-data': await b64(join(dir, `${u.file}.key`)),
          },
        },
      ],
    });
  }
  return out;
}

/** The harness's SSH access: the key authorized for root and the node's own host key. */
export interface NodeSshFiles {
  authorizedKey: string;
  hostKey: Buffer;
  hostKeyPub: string;
}

export function sshFiles(ssh: NodeSshFiles): NodeFile[] {
  return [
    { path: '/root/.ssh', type: 'directory', mode: 0o700 },
    { path: '/root/.ssh/authorized_keys', type: 'file', content: ssh.authorizedKey, mode: 0o600 },
    { path: '/etc/ssh/ssh_host_ed25519_key', type: 'file', content: ssh.hostKey, mode: 0o600 },
    {
      path: '/etc/ssh/ssh_host_ed25519_key.pub',
      type: 'file',
      content: ssh.hostKeyPub,
      mode: 0o644,
    },
  ];
}

async function filesOfDir(
  hostDir: string,
  nodeDir: string,
  keep: (name: string) => boolean,
): Promise<NodeFile[]> {
  const out: NodeFile[] = [];
  for (const name of (await readdir(hostDir)).sort()) {
    if (!keep(name)) continue;
    const secret = name.endsWith('-key.pem') || name.endsWith('.key');
    out.push({
      path: `${nodeDir}/${name}`,
      type: 'file',
      content: await readFile(join(hostDir, name)),
      mode: secret ? 0o600 : 0o644,
    });
  }
  return out;
}

/**
 * Everything Kubespray leaves on `node`: etcd PKI, env and unit, data dir, Kubernetes PKI
 * with the pki symlink, and static-pod manifests on control-plane nodes.
 */
export async function kubesprayNodeFiles(
  c: AddressedTopology,
  node: NodeSpec,
  etcdPki: EtcdPki,
  k8sPki: KubernetesPki,
  apiserverCertDir: string | undefined,
): Promise<NodeFile[]> {
  const files: NodeFile[] = [];
  const isEtcd = node.roles.includes('etcd');
  const isControlPlane = node.roles.includes('control-plane');
  files.push({ path: '/etc/ssl/etcd', type: 'directory', mode: 0o700 });
  files.push({ path: KUBESPRAY_PATHS.etcdCertDir, type: 'directory', mode: 0o700 });
  // Kubespray syncs the whole etcd cert dir to every etcd member; other hosts get the CA
  // and their own node- certificate.
  files.push(
    ...(await filesOfDir(etcdPki.dir, KUBESPRAY_PATHS.etcdCertDir, (f) =>
      isEtcd ? true : f === 'ca.pem' || f.startsWith(`node-${node.name}`),
    )),
  );
  if (isEtcd) {
    files.push({ path: KUBESPRAY_PATHS.etcdDataDir, type: 'directory', mode: 0o700 });
    files.push({
      path: KUBESPRAY_PATHS.etcdEnv,
      type: 'file',
      content: renderEtcdEnv(c, node.name),
      mode: 0o640,
    });
    files.push({
      path: KUBESPRAY_PATHS.etcdUnit,
      type: 'file',
      content: renderEtcdUnit(),
      mode: 0o644,
    });
  }
  files.push({ path: '/etc/kubernetes', type: 'directory', mode: 0o755 });
  files.push({ path: KUBESPRAY_PATHS.kubeCertDir, type: 'directory', mode: 0o755 });
  files.push({
    path: KUBESPRAY_PATHS.kubePkiLink,
    type: 'symlink',
    linkTarget: KUBESPRAY_PATHS.kubeCertDir,
    mode: 0o777,
  });
  if (isControlPlane) {
    files.push(...(await filesOfDir(k8sPki.dir, KUBESPRAY_PATHS.kubeCertDir, () => true)));
    if (apiserverCertDir) {
      files.push(...(await filesOfDir(apiserverCertDir, KUBESPRAY_PATHS.kubeCertDir, () => true)));
    }
    const kubeconfigs = await renderKubeconfigs(k8sPki, `https://${c.ipOf(node.name)}:6443`);
    for (const [name, text] of Object.entries(kubeconfigs)) {
      files.push({ path: `/etc/kubernetes/${name}`, type: 'file', content: text, mode: 0o600 });
    }
    files.push({ path: KUBESPRAY_PATHS.manifestsDir, type: 'directory', mode: 0o755 });
    for (const [name, text] of Object.entries(renderStaticPodManifests(c, node.name))) {
      files.push({
        path: `${KUBESPRAY_PATHS.manifestsDir}/${name}`,
        type: 'file',
        content: text,
        mode: 0o600,
      });
    }
  } else {
    files.push(
      ...(await filesOfDir(k8sPki.dir, KUBESPRAY_PATHS.kubeCertDir, (f) => f === 'ca.crt')),
    );
  }
  return files;
}

/** A tar of `files` (root-owned, paths relative to /), for a copy into the container; small. */
export async function nodeFilesArchive(files: NodeFile[]): Promise<Buffer> {
  const tar = pack();
  const seen = new Set<string>();
  const addParents = (path: string) => {
    const parts = path.split('/').filter(Boolean);
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (seen.has(dir) || files.some((f) => f.path === `/${dir}`)) continue;
      seen.add(dir);
      tar.entry({ name: `${dir}/`, type: 'directory', mode: 0o755, uid: 0, gid: 0 });
    }
  };
  for (const f of files) {
    addParents(f.path);
    const name = f.path.replace(/^\//, '');
    if (f.type === 'directory') {
      seen.add(name);
      tar.entry({ name: `${name}/`, type: 'directory', mode: f.mode, uid: 0, gid: 0 });
    } else if (f.type === 'symlink') {
      tar.entry({ name, type: 'symlink', linkname: f.linkTarget, mode: f.mode, uid: 0, gid: 0 });
    } else {
      const body =
        typeof f.content === 'string' ? Buffer.from(f.content) : (f.content ?? Buffer.alloc(0));
      tar.entry({ name, type: 'file', mode: f.mode, uid: 0, gid: 0, size: body.length }, body);
    }
  }
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
