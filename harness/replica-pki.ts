/**
 * The user's node archives on the replica: unpacked where the Kubespray layout puts them by
 * the restore's own checked extraction (hashes and every member checked before the first
 * byte is written, the replica's files moved aside), and the replica made to run on the
 * backup's etcd CA. Production's member, admin and node certificates name production's
 * addresses, which the replica does not have and must never use, so those (only those) are
 * reissued on a replica node for the replica's addresses with the backup's own CA key; the CA,
 * its key and every other file stay as the archive holds them. Without the CA key in any
 * archive the replica keeps its own etcd PKI, and the report says so. (The kubeadm layout:
 * replica-kubeadm-pki.ts.)
 * Everything secret is handled on the replica's nodes; what passes this machine is streams
 * (the archives on their way to a node, the cert dir copied node to node), never a file.
 */
import { X509Certificate } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { OperationError } from '../src/errors.js';
import { kubesprayLayout } from '../src/etcd/layout.js';
import type { Inventory } from '../src/inventory/types.js';
import type { NodeAccess } from '../src/nodes/access.js';
import { shellCommand } from '../src/nodes/shell-quote.js';
import type { Progress } from '../src/progress.js';
import type { BackupSource } from '../src/recovery/backup-source.js';
import { NodeStepRunner, type RestoredFile } from '../src/recovery/node-steps.js';
import type { Plan, Step } from '../src/recovery/plan.js';
import type { TransportSource } from '../src/recovery/probe.js';
import { type AddressMap, mapToReplica } from './replica.js';
import type { Topology } from './topology.js';

const ETCD_CERT_DIR = kubesprayLayout().etcdCertDir;
const ENV_FILE = kubesprayLayout().envFile!;
/** Where the backup's own copy of the etcd cert dir is kept on a node once files are reissued. */
export const FROM_BACKUP = `${ETCD_CERT_DIR}.from-backup`;
/**
 * The replica's etcd trusts, for clients only, the backup's CA and the harness's (this run's
 * own client on the runner has a harness certificate: no certificate of the user's CA is
 * made for, or kept on, this machine). Peers and servers: the backup's CA only.
 */
export const CLIENT_TRUST = `${ETCD_CERT_DIR}/kube-rescue-replica-client-cas.pem`;
/** Reissued certificates are valid this long: the replica lives for minutes. */
const REISSUE_DAYS = 2;

export interface ReplicaPki {
  /**
   * `backup`: the replica's etcd (kubeadm: every CA of the cluster) runs on the backup's CA;
   * `replica`: on its own (reason).
   */
  source: 'backup' | 'replica';
  reason?: string;
  /** Archives unpacked, per node. */
  unpacked: { node: string; object: string; entries: number }[];
  /**
   * The node whose archive gave the CA and where the certificates were reissued (kubeadm:
   * whose archive gave the CAs kubeadm issued the replica's certificates from).
   */
  caNode?: string;
  /** The etcd CA the replica runs on: sha256 of its DER, as `openssl x509 -fingerprint -sha256`. */
  caFingerprint: string;
  /** Its PEM (a public certificate). */
  caCert: string;
  /** What came from the backup, and what was reissued and why, in a person's words. */
  fromBackup: string[];
  reissued: string[];
  /** The member certificate each etcd host of the replica serves (public PEM). */
  memberCerts: Record<string, string>;
  /** Client CAs the replica's etcd trusts (ETCD_TRUSTED_CA_FILE), when changed. */
  clientTrust?: string;
  /**
   * kubeadm on the backup's CAs (replica-kubeadm-pki.ts): the other CAs' fingerprints (the etcd
   * CA's is caFingerprint), the service-account key's, and what was compared after the bring-up.
   */
  kubeadm?: {
    clusterCaFingerprint: string;
    frontProxyCaFingerprint: string;
    /** sha256 of sa.pub's DER SubjectPublicKeyInfo, written as the fingerprints are. */
    serviceAccountKeySha256: string;
    verified: string[];
  };
}

const q = (s: string) => shellCommand([s]);

export function fingerprintOf(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

/** Text of a file on a node (small files: certificates, env). */
export async function cat(t: Awaited<ReturnType<TransportSource>>, path: string): Promise<string> {
  return (await t.exec(['cat', '--', path], { timeoutMs: 30_000 })).stdout;
}

/** The member certificate each etcd host serves (public PEM), read on that host. */
export async function memberCertsOn(
  transportFor: TransportSource,
  hosts: readonly string[],
  certOf: (host: string) => string,
): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(hosts.map(async (h) => [h, await cat(await transportFor(h), certOf(h))])),
  ) as Record<string, string>;
}

/**
 * Unpacks each control-plane host's archive from the user's set onto that host with the
 * restore's own runner: `prepare` reads every archive (hashes, every member within the roots
 * the manifest lists) before anything is extracted, then each one is staged on its node,
 * checked there again and extracted, the replica's own files moved aside first.
 */
export async function unpackArchives(opts: {
  backup: BackupSource;
  hosts: readonly string[];
  transportFor: TransportSource;
  access: NodeAccess;
  progress: Progress;
  clusterName: string;
}): Promise<{ files: RestoredFile[]; unpacked: ReplicaPki['unpacked'] }> {
  const { backup } = opts;
  const archives = backup.summary().certArchives;
  const steps: Step[] = opts.hosts.map((host, i) => ({
    id: `${String(i + 1).padStart(2, '0')}-restore-certs-${host}`,
    node: host,
    action: 'restore-certs',
    params: { from: { kind: 'backup', location: backup.location, object: archives[host]! } },
    reason: `the backup's files of ${host}, where the layout puts them`,
    undo: 'the replica is thrown away',
    destructive: true,
  }));
  const layout = kubesprayLayout();
  const plan: Plan = {
    cluster: opts.clusterName,
    case: 'cert-loss',
    cases: ['cert-loss'],
    strategy: 'certs-only',
    source: { kind: 'none' },
    layout: 'kubespray',
    paths: layout,
    members: [],
    createdAt: new Date().toISOString(),
    brokenEtcd: [],
    brokenControlPlane: [...opts.hosts],
    brokenFrom: 'inventory',
    steps,
    warnings: [],
    expect: { members: [] },
  };
  const runner = new NodeStepRunner({
    plan,
    transportFor: opts.transportFor,
    layout,
    access: opts.access,
    backup,
    progress: opts.progress,
    verify: async () => {
      throw new OperationError('unpacking archives has no verify step');
    },
  });
  await runner.prepare(steps);
  const unpacked: ReplicaPki['unpacked'] = [];
  for (const step of steps) {
    const before = runner.observed.restoredFiles.length;
    opts.progress.info(`${step.node}: ${await runner.run(step)}`);
    unpacked.push({
      node: step.node,
      object: archives[step.node]!,
      entries: runner.observed.restoredFiles.length - before,
    });
  }
  return { files: runner.observed.restoredFiles, unpacked };
}

/** A certificate to reissue: file base name in the etcd cert dir, default subject, SANs. */
interface Reissue {
  base: string;
  subject: string;
  sans: string[];
}

/** Kubespray's per-host certificates of the replica's hosts, named for the replica's addresses. */
export function reissueList(topology: Topology, ipOf: (host: string) => string): Reissue[] {
  const out: Reissue[] = [];
  for (const n of topology.nodes) {
    const sans = [`DNS:${n.name}`, 'DNS:localhost', `IP:${ipOf(n.name)}`, 'IP:127.0.0.1'];
    if (n.roles.includes('etcd')) {
      out.push({
        base: `member-${n.name}`,
        subject: `/O=system:etcd-members/CN=etcd-member-${n.name}`,
        sans,
      });
      out.push({
        base: `admin-${n.name}`,
        subject: `/O=system:etcd-admins/CN=etcd-admin-${n.name}`,
        sans,
      });
    }
    out.push({
      base: `node-${n.name}`,
      subject: `/O=system:etcd-nodes/CN=etcd-node-${n.name}`,
      sans,
    });
  }
  return out;
}

/**
 * The shell script that reissues `list` in the etcd cert dir of the CA node: a new P-256 key
 * and a certificate signed by the backup's ca.pem/ca-key.pem, with the subject the backup's
 * certificate of that name had (else Kubespray's) and the replica's SANs. The backup's dir is
 * copied to FROM_BACKUP first; a file that exists keeps its mode and owner.
 */
export function reissueScript(
  list: readonly Reissue[],
  certDir: string = ETCD_CERT_DIR,
  keptAt: string = FROM_BACKUP,
): string {
  const d = q(certDir);
  const lines = [
    'set -eu',
    'umask 077',
    `[ -e ${q(keptAt)} ] || cp -a ${d} ${q(keptAt)}`,
    `w=$(mktemp -d "\${TMPDIR:-/var/tmp}/kube-rescue-pki.XXXXXX")`,
    `trap 'rm -rf -- "$w"' EXIT`,
    // place NAME MODE_REFERENCE: the new file over the old one's bytes (mode, owner kept), or new with the reference's.
    `place() { if [ -e ${d}/"$1" ]; then cat "$w/$1" > ${d}/"$1"; else cp "$w/$1" ${d}/"$1"; chown --reference=${d}/"$2" ${d}/"$1"; chmod --reference=${d}/"$2" ${d}/"$1"; fi; }`,
  ];
  for (const r of list) {
    const old = `${certDir}/${r.base}.pem`;
    lines.push(
      `subj=${q(r.subject)}; if [ -e ${q(old)} ]; then subj=$(openssl x509 -in ${q(old)} -noout -subject -nameopt compat | sed 's/^subject=//'); fi`,
      `printf '%s\\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature,keyEncipherment' 'extendedKeyUsage=serverAuth,clientAuth' ${q(`subjectAltName=${r.sans.join(',')}`)} > "$w/ext"`,
      `openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$w/${r.base}-key.pem" -out "$w/${r.base}.csr" -subj "$subj" 2>/dev/null`,
      `openssl x509 -req -in "$w/${r.base}.csr" -CA ${d}/ca.pem -CAkey ${d}/ca-key.pem -set_serial "0x$(openssl rand -hex 16)" -days ${REISSUE_DAYS} -extfile "$w/ext" -out "$w/${r.base}.pem" 2>/dev/null`,
      `place ${q(`${r.base}.pem`)} ca.pem`,
      `place ${q(`${r.base}-key.pem`)} ca-key.pem`,
    );
  }
  return lines.join('\n');
}

/**
 * Copies the CA node's etcd cert dir to `host` (Kubespray keeps the same dir on every etcd
 * member), as a tar stream node to node; the host's own dir is kept beside it first.
 */
async function copyCertDir(
  transportFor: TransportSource,
  from: string,
  host: string,
): Promise<void> {
  const src = await transportFor(from);
  const dst = await transportFor(host);
  // What was there (the backup's copy on a control-plane host, the replica's own elsewhere).
  const replaced = q(`${ETCD_CERT_DIR}.replaced`);
  await dst.script(
    `if [ -e ${q(ETCD_CERT_DIR)} ]; then rm -rf -- ${replaced}; mv -- ${q(ETCD_CERT_DIR)} ${replaced}; fi`,
    { timeoutMs: 30_000 },
  );
  const parent = ETCD_CERT_DIR.replace(/\/[^/]+$/, '');
  const base = ETCD_CERT_DIR.slice(parent.length + 1);
  const tar = src.execStream(['tar', '-c', '--numeric-owner', '-f', '-', '-C', parent, base]);
  await Promise.all([
    dst.exec(['tar', '-x', '-p', '--same-owner', '--numeric-owner', '-f', '-', '-C', parent], {
      stdin: tar.stdout,
      timeoutMs: 120_000,
    }),
    tar.done,
  ]);
}

/** Sets KEY=value in the env file on the node (other lines kept). */
async function setEnv(t: Awaited<ReturnType<TransportSource>>, key: string, value: string) {
  await t.script(
    `if grep -q '^${key}=' ${q(ENV_FILE)}; then sed -i 's|^${key}=.*|${key}=${value}|' ${q(ENV_FILE)}; else echo '${key}=${value}' >> ${q(ENV_FILE)}; fi`,
    { timeoutMs: 15_000 },
  );
}

/**
 * Production's address of each host → the replica's: the inventory's, and the addresses the
 * backup's own members had (its manifest's peer and client URLs, by member name), which are
 * the ones its files name even where the inventory has changed since.
 */
export function backupAddressMap(
  inventory: Inventory,
  backup: Pick<BackupSource, 'manifest'>,
  map: AddressMap,
): AddressMap {
  const hosts = new Map(map.hosts);
  for (const m of backup.manifest.etcd.members) {
    const host = inventory.etcdMembers().find((e) => e.memberName === m.name)?.host;
    const replica = host ? map.hosts.get(host)?.replica : undefined;
    if (!host || !replica) continue;
    for (const url of [...m.peerURLs, ...m.clientURLs]) {
      const address = /^https?:\/\/\[?([^\]/]+?)\]?(:\d+)?\/?$/.exec(url)?.[1];
      if (address && address !== replica) {
        hosts.set(`${host} (${address} in the backup)`, { replica, production: address });
      }
    }
  }
  return { hosts };
}

/**
 * After `unpackArchives`: each unpacked /etc/etcd.env gets the replica's addresses for
 * production's, and the replica is moved onto the backup's CA where an archive holds its key.
 */
export async function adoptBackupPki(opts: {
  inventory: Inventory;
  topology: Topology;
  ipOf: (host: string) => string;
  map: AddressMap;
  unpacked: ReplicaPki['unpacked'];
  files: readonly RestoredFile[];
  transportFor: TransportSource;
  /** The harness CA (public) the run's own client certificate chains to. */
  harnessCa: string;
  progress: Progress;
}): Promise<ReplicaPki> {
  const { transportFor, topology } = opts;
  const etcdHosts = topology.nodes.filter((n) => n.roles.includes('etcd')).map((n) => n.name);
  const unpackedHosts = opts.unpacked.map((u) => u.node);
  const fromBackup = opts.unpacked.map(
    (u) =>
      `${u.node}: ${u.entries} entries of ${u.object}, where the layout puts them (${[...new Set(opts.files.filter((f) => f.node === u.node).map((f) => f.path.split('/').slice(0, 4).join('/')))].join(', ')})`,
  );
  // The env files name production's addresses: etcd on the replica listens on its own.
  for (const host of unpackedHosts) {
    if (!opts.files.some((f) => f.node === host && f.path === ENV_FILE)) continue;
    const t = await transportFor(host);
    const env = await cat(t, ENV_FILE);
    await t.writeFile(ENV_FILE, mapToReplica(env, opts.map), { mode: 0o640 });
    fromBackup.push(
      `${host}: ${ENV_FILE} from the archive with production's addresses replaced by the replica's`,
    );
  }
  const caNode = await (async () => {
    for (const host of unpackedHosts) {
      if (!etcdHosts.includes(host)) continue;
      const t = await transportFor(host);
      const has = await t.exec(['test', '-s', `${ETCD_CERT_DIR}/ca-key.pem`], {
        allowFailure: true,
      });
      if (has.code === 0) return host;
    }
    return undefined;
  })();
  const memberCerts = () =>
    memberCertsOn(transportFor, etcdHosts, (h) => kubesprayLayout().memberCert(h).cert);

  if (!caNode) {
    // No CA key in any archive: production's member certificates cannot be made for the
    // replica's addresses, so the replica's own etcd PKI goes back where the layout puts it.
    for (const host of unpackedHosts) {
      const t = await transportFor(host);
      const stamped = opts.files.find((f) => f.node === host && f.path === ETCD_CERT_DIR);
      if (!stamped) continue;
      await t.script(
        `mv -- ${q(ETCD_CERT_DIR)} ${q(FROM_BACKUP)} && d=$(ls -d ${q(ETCD_CERT_DIR)}.2* | tail -n 1) && mv -- "$d" ${q(ETCD_CERT_DIR)}`,
        { timeoutMs: 30_000 },
      );
    }
    const caCert = await cat(await transportFor(etcdHosts[0]!), `${ETCD_CERT_DIR}/ca.pem`);
    return {
      source: 'replica',
      reason: `no archive of the set holds the etcd CA key (${ETCD_CERT_DIR}/ca-key.pem), so no member certificate can be made for the replica's addresses on the backup's CA: the replica keeps its own etcd PKI (the backup's etcd cert dir is kept at ${FROM_BACKUP} on ${unpackedHosts.join(', ')})`,
      unpacked: opts.unpacked,
      caFingerprint: fingerprintOf(caCert),
      caCert,
      fromBackup,
      reissued: [],
      memberCerts: await memberCerts(),
    };
  }

  const list = reissueList(topology, opts.ipOf);
  const ca = await transportFor(caNode);
  await ca.script(reissueScript(list), { timeoutMs: 180_000 });
  const caCert = await cat(ca, `${ETCD_CERT_DIR}/ca.pem`);
  // The client-CA bundle: the backup's CA and the harness's (both public certificates).
  const harnessCa = await readFile(opts.harnessCa, 'utf8');
  await ca.writeFile(CLIENT_TRUST, `${caCert.trimEnd()}\n${harnessCa.trimEnd()}\n`, {
    mode: 0o644,
  });
  for (const host of etcdHosts.filter((h) => h !== caNode)) {
    await copyCertDir(transportFor, caNode, host);
  }
  for (const host of etcdHosts) {
    const t = await transportFor(host);
    await setEnv(t, 'ETCD_TRUSTED_CA_FILE', CLIENT_TRUST);
  }
  fromBackup.push(
    `${caNode}: the etcd CA (${ETCD_CERT_DIR}/ca.pem, ca-key.pem) and every other file of its etcd cert dir, copied to every etcd host (${etcdHosts.join(', ')}) as Kubespray keeps them`,
  );
  return {
    source: 'backup',
    unpacked: opts.unpacked,
    caNode,
    caFingerprint: fingerprintOf(caCert),
    caCert,
    fromBackup,
    reissued: [
      `${list.map((r) => `${r.base}.pem`).join(', ')} (with new P-256 keys, valid ${REISSUE_DAYS} days): signed on ${caNode} with the backup's CA key, subject as the backup's, SANs the replica's host name, address, localhost and 127.0.0.1 only — production's certificates name production's addresses, which the replica does not have; the backup's own are kept at ${FROM_BACKUP} on ${caNode}`,
    ],
    memberCerts: await memberCerts(),
    clientTrust: `${CLIENT_TRUST}: the backup's CA and the harness's, for clients only (the run's own client on this machine has a harness certificate, so no certificate of the backup's CA is made for this machine); peers and servers trust the backup's CA only (ETCD_PEER_TRUSTED_CA_FILE unchanged)`,
  };
}
