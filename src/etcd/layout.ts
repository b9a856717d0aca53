import { posix } from 'node:path';
import { InputError, OperationError } from '../errors.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { Transport } from '../nodes/transport.js';
import type { EtcdTls } from './etcdctl.js';
import { parseEnvLines } from './etcdctl-output.js';
import { startStaticPodEtcd, staticPodToolCommands, stopStaticPodEtcd } from './static-pod.js';
import { defaultToolCommands, type EtcdToolCommands } from './version.js';

/**
 * Where a cluster keeps etcd and the control-plane files on a node, and how etcd is stopped
 * and started there. `kubespray`: etcd is a systemd host service configured by /etc/etcd.env,
 * certs in /etc/ssl/etcd/ssl with per-host names. `kubeadm` (kind included): etcd is a static
 * pod, certs in /etc/kubernetes/pki/etcd. Every path can be overridden.
 */
export type LayoutName = 'kubespray' | 'kubeadm';
export const layoutNames: readonly LayoutName[] = ['kubespray', 'kubeadm'];

export interface BackupPath {
  path: string;
  /** Missing is normal for optional paths (e.g. super-admin.conf before Kubernetes 1.29). */
  required: boolean;
}

export interface LayoutPaths {
  /** Directory of etcd's certs and keys. */
  etcdCertDir: string;
  /** etcd's data dir (Kubespray: ETCD_DATA_DIR of /etc/etcd.env when detected). */
  dataDir: string;
  /** Kubernetes' control-plane certificate dirs (Kubespray: ssl + the pki symlink). */
  kubernetesCertDirs: string[];
  manifestsDir: string;
  /** Kubespray's /etc/etcd.env; none on kubeadm. */
  envFile?: string;
  /** kubeadm's etcd static-pod manifest. */
  etcdManifest?: string;
}

export interface StopStartOptions {
  timeoutMs?: number;
}

export interface Layout extends LayoutPaths {
  name: LayoutName;
  /** Client certs etcdctl uses on `host`. */
  clientTls(host: string): EtcdTls;
  /** The member's own server/peer cert on `host`. */
  memberCert(host: string): { cert: string; key: string };
  /** What to back up from a control-plane node, besides the snapshot. */
  backupPaths(host: string): BackupPath[];
  /** Stops etcd on the node and returns, saying what it did, once no etcd is left running. */
  stopEtcd(transport: Transport, options?: StopStartOptions): Promise<string>;
  /** Starts etcd on the node and returns, saying what it did, once etcd runs. */
  startEtcd(transport: Transport, options?: StopStartOptions): Promise<string>;
  /** How to run etcd, etcdctl and etcdutl on the node. */
  toolCommands(transport: Transport): Promise<EtcdToolCommands>;
  /** kubeadm: where stopEtcd parks the etcd manifest while etcd is stopped. */
  parkedEtcdManifest?: string;
}

const kubeconfigs = [
  'admin.conf',
  'super-admin.conf',
  'controller-manager.conf',
  'scheduler.conf',
  'kubelet.conf',
];

/** The kubelet's configuration file as kubeadm writes it (its `staticPodPath`, …). */
export const KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';

/** The kubelet's configuration and flags as kubeadm init/join write them. */
export const KUBEADM_KUBELET_FILES = [KUBELET_CONFIG, '/var/lib/kubelet/kubeadm-flags.env'];

/** Polls until no `etcd` process runs on the node (pgrep from procps). */
async function waitForEtcdProcess(
  transport: Transport,
  running: boolean,
  timeoutMs: number,
  why: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await transport.exec(['pgrep', '-x', 'etcd'], {
      allowFailure: true,
      timeoutMs: 10_000,
    });
    if ((res.code === 0) === running) return;
    if (res.code > 1) {
      throw new OperationError(
        `Node ${transport.node}: pgrep failed (exit ${res.code}): ${res.stderr.trim()}. Install procps on the node.`,
      );
    }
    if (Date.now() > deadline) {
      throw new OperationError(
        `Node ${transport.node}: etcd was ${running ? 'still not running' : 'still running'} ${timeoutMs / 1000} s after ${why}. Look at the node (journalctl -u etcd, crictl ps) before retrying.`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Kubespray's own etcd unit (a blank node has only the distribution's). */
export const KUBESPRAY_ETCD_UNIT = '/etc/systemd/system/etcd.service';

/** The kubeconfig kubeadm and Kubespray leave on every control-plane node. */
export const ADMIN_KUBECONFIG = '/etc/kubernetes/admin.conf';

export function kubesprayLayout(overrides: Partial<LayoutPaths> = {}): Layout {
  const paths: LayoutPaths = {
    etcdCertDir: '/etc/ssl/etcd/ssl',
    dataDir: '/var/lib/etcd',
    kubernetesCertDirs: ['/etc/kubernetes/ssl', '/etc/kubernetes/pki'],
    manifestsDir: '/etc/kubernetes/manifests',
    envFile: '/etc/etcd.env',
    ...overrides,
  };
  const pair = (base: string) => ({
    cert: posix.join(paths.etcdCertDir, `${base}.pem`),
    key: posix.join(paths.etcdCertDir, `${base}-key.pem`),
  });
  return {
    name: 'kubespray',
    ...paths,
    clientTls: (host) => ({
      cacert: posix.join(paths.etcdCertDir, 'ca.pem'),
      ...pair(`admin-${host}`),
    }),
    memberCert: (host) => pair(`member-${host}`),
    backupPaths: () => [
      { path: paths.etcdCertDir, required: true },
      ...(paths.envFile ? [{ path: paths.envFile, required: true }] : []),
      // Kubespray's own etcd unit: a re-provisioned node has only the distribution's.
      { path: KUBESPRAY_ETCD_UNIT, required: false },
      // /etc/kubernetes/pki is a symlink to ssl on Kubespray: archive the real dir once.
      ...paths.kubernetesCertDirs.map((d, i) => ({ path: d, required: i === 0 })),
      { path: paths.manifestsDir, required: false },
      ...kubeconfigs.map((c) => ({ path: posix.join('/etc/kubernetes', c), required: false })),
    ],
    async stopEtcd(transport, options = {}) {
      await transport.exec(['systemctl', 'stop', 'etcd'], {
        timeoutMs: options.timeoutMs ?? 120_000,
      });
      await waitForEtcdProcess(
        transport,
        false,
        options.timeoutMs ?? 60_000,
        'systemctl stop etcd',
      );
      return 'etcd stopped (systemctl stop etcd); no etcd process left';
    },
    async startEtcd(transport, options = {}) {
      await transport.exec(['systemctl', 'start', 'etcd'], {
        timeoutMs: options.timeoutMs ?? 120_000,
      });
      await waitForEtcdProcess(
        transport,
        true,
        options.timeoutMs ?? 60_000,
        'systemctl start etcd',
      );
      return 'etcd started (systemctl start etcd)';
    },
    // Kubespray installs etcd, etcdctl (and etcdutl from 3.5) on the host.
    toolCommands: async () => defaultToolCommands,
  };
}

export function kubeadmLayout(overrides: Partial<LayoutPaths> = {}): Layout {
  const paths: LayoutPaths = {
    etcdCertDir: '/etc/kubernetes/pki/etcd',
    dataDir: '/var/lib/etcd',
    kubernetesCertDirs: ['/etc/kubernetes/pki'],
    manifestsDir: '/etc/kubernetes/manifests',
    etcdManifest: '/etc/kubernetes/manifests/etcd.yaml',
    ...overrides,
  };
  const manifest = paths.etcdManifest ?? posix.join(paths.manifestsDir, 'etcd.yaml');
  // Outside the manifests dir, or the kubelet would keep running it under the new name.
  const parked = posix.join(posix.dirname(paths.manifestsDir), 'etcd.yaml.kube-rescue-stopped');
  const file = (f: string) => posix.join(paths.etcdCertDir, f);
  const staticPod = { ...paths, etcdManifest: manifest, parkedEtcdManifest: parked };
  return {
    name: 'kubeadm',
    ...paths,
    etcdManifest: manifest,
    parkedEtcdManifest: parked,
    clientTls: () => ({
      cacert: file('ca.crt'),
      cert: file('healthcheck-client.crt'),
      key: file('healthcheck-client.key'),
    }),
    memberCert: () => ({ cert: file('server.crt'), key: file('server.key') }),
    backupPaths: () => [
      { path: paths.kubernetesCertDirs[0], required: true },
      { path: paths.manifestsDir, required: true },
      ...kubeconfigs.map((c) => ({ path: posix.join('/etc/kubernetes', c), required: false })),
      // What kubeadm writes for the kubelet: without them a re-provisioned node's kubelet does
      // not start, and no static pod runs. Not its pki dir: the client certificate is made anew
      // after a restore (recovery/kubelet-client.ts), the serving one by the kubelet.
      ...KUBEADM_KUBELET_FILES.map((path) => ({ path, required: false })),
    ],
    stopEtcd: (transport, options = {}) =>
      stopStaticPodEtcd(transport, staticPod, options.timeoutMs ?? 120_000),
    startEtcd: (transport, options = {}) =>
      startStaticPodEtcd(transport, staticPod, options.timeoutMs ?? 120_000),
    toolCommands: async (transport) => (await staticPodToolCommands(transport, staticPod)).commands,
  };
}

/** A layout by its name (from --layout / the action input); unknown names are input errors. */
export function layoutByName(name: string, overrides: Partial<LayoutPaths> = {}): Layout {
  if (name === 'kubespray') return kubesprayLayout(overrides);
  if (name === 'kubeadm') return kubeadmLayout(overrides);
  throw new InputError(
    `Unknown cluster layout "${name}": expected one of ${layoutNames.join(', ')} (or auto to detect it on the node).`,
  );
}

/**
 * Looks at the node: /etc/etcd.env (Kubespray's host etcd; its ETCD_DATA_DIR wins) or
 * /etc/kubernetes/manifests/etcd.yaml (kubeadm static pod). Neither → an error that says
 * what was looked for.
 */
export async function detectLayout(
  transport: Transport,
  overrides: Partial<LayoutPaths> = {},
): Promise<Layout> {
  const env = overrides.envFile ?? '/etc/etcd.env';
  const manifest = overrides.etcdManifest ?? '/etc/kubernetes/manifests/etcd.yaml';
  const script = `if [ -r ${shellCommand([env])} ]; then echo kubespray; cat ${shellCommand([env])}; elif [ -e ${shellCommand([manifest])} ]; then echo kubeadm; else echo none; fi`;
  const res = await transport.script(script, { timeoutMs: 20_000 });
  const [kind, ...rest] = res.stdout.split('\n');
  if (kind === 'kubespray') {
    const vars = parseEnvLines(rest.join('\n'));
    const fromEnv: Partial<LayoutPaths> = {};
    if (vars.ETCD_DATA_DIR) fromEnv.dataDir = vars.ETCD_DATA_DIR;
    if (vars.ETCD_TRUSTED_CA_FILE) fromEnv.etcdCertDir = posix.dirname(vars.ETCD_TRUSTED_CA_FILE);
    return kubesprayLayout({ ...fromEnv, ...overrides });
  }
  if (kind === 'kubeadm') return kubeadmLayout(overrides);
  throw new OperationError(
    `Node ${transport.node}: cannot tell how etcd is deployed: found neither ${env} (Kubespray host etcd) nor ${manifest} (kubeadm static pod). Pass --layout kubespray|kubeadm, or check that this is an etcd/control-plane node.`,
  );
}
