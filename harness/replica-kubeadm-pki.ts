/**
 * A kubeadm replica on the backup's cluster identity: before `kubeadm init` on the replica's
 * first control-plane node, the backup's CA material (the cluster, front-proxy and etcd CAs
 * with their keys, and the service-account key pair; those members only) is put in
 * /etc/kubernetes/pki from a control-plane node's archive, so kubeadm issues every leaf
 * certificate and kubeconfig for the replica's own addresses from the backup's CAs (kubeadm
 * uses the CA files it finds), and `kubeadm join --control-plane` carries them to the other
 * control-plane nodes with the uploaded certificates. Production's leaf certificates name
 * production's addresses, which the replica does not have: none of them is unpacked.
 * The archive is read in full (hashes, every member checked) before a byte of it reaches the
 * node, then staged on the node in a private dir, checked again there, and only those members
 * extracted; what passes this machine is the archive's stream, never a file. After the
 * bring-up the replica's CA certificates and sa.pub are read on every control-plane node and
 * the API server's service-account keys through its API, and compared with the archive's.
 */
import { createHash, createPublicKey, X509Certificate } from 'node:crypto';
import { posix } from 'node:path';
import { type ArchiveMember, readArchiveHeaders } from '../src/backup/archive-members.js';
import { OperationError } from '../src/errors.js';
import { kubeadmLayout } from '../src/etcd/layout.js';
import { shellCommand } from '../src/nodes/shell-quote.js';
import type { Transport } from '../src/nodes/transport.js';
import type { BackupSource } from '../src/recovery/backup-source.js';
import {
  checkNodeArchive,
  makePrivateDir,
  stageCheckedArchive,
} from '../src/recovery/node-steps.js';
import type { TransportSource } from '../src/recovery/probe.js';
import { type KubernetesApi, kubectl } from './k8s-objects.js';
import { cat, fingerprintOf, memberCertsOn, type ReplicaPki } from './replica-pki.js';

const PKI = '/etc/kubernetes/pki';

/** The backup's CA material a kubeadm replica starts from: these members, nothing else. */
export const KUBEADM_CA_FILES = {
  clusterCa: `${PKI}/ca.crt`,
  clusterCaKey: `${PKI}/ca.key`,
  frontProxyCa: `${PKI}/front-proxy-ca.crt`,
  frontProxyCaKey: `${PKI}/front-proxy-ca.key`,
  etcdCa: `${PKI}/etcd/ca.crt`,
  etcdCaKey: `${PKI}/etcd/ca.key`,
  saKey: `${PKI}/sa.key`,
  saPub: `${PKI}/sa.pub`,
} as const;
const ALL = Object.values(KUBEADM_CA_FILES);
/** The public ones (certificates, sa.pub): 0644; every other is a private key, 0600. */
const PUBLIC: readonly string[] = [
  KUBEADM_CA_FILES.clusterCa,
  KUBEADM_CA_FILES.frontProxyCa,
  KUBEADM_CA_FILES.etcdCa,
  KUBEADM_CA_FILES.saPub,
];

const q = (s: string) => shellCommand([s]);
const rel = (p: string) => p.replace(/^\/+/, '');

/**
 * The CA members of a checked archive: every one of KUBEADM_CA_FILES as a regular file, or
 * what is missing (absent, or there as something else than a file: a link is not followed).
 */
export function kubeadmCaMembers(
  members: readonly ArchiveMember[],
): { ok: true; members: ArchiveMember[] } | { ok: false; missing: string[] } {
  const found: ArchiveMember[] = [];
  const missing: string[] = [];
  for (const path of ALL) {
    const m = members.find((x) => x.path === path);
    if (m?.type === 'file') found.push(m);
    else missing.push(m ? `${path} (a ${m.type}, not a file)` : path);
  }
  return missing.length === 0 ? { ok: true, members: found } : { ok: false, missing };
}

/** The archives to take the CAs from: the seeded node's own first, then the other hosts'. */
export function caArchiveCandidates(
  node: string,
  controlPlane: readonly string[],
  archives: Readonly<Record<string, string>>,
): { host: string; object: string }[] {
  return [node, ...controlPlane.filter((h) => h !== node)].flatMap((host) =>
    archives[host] ? [{ host, object: archives[host] }] : [],
  );
}

/** Why the replica keeps its own PKI when no archive holds every CA file. */
export function missingCaReason(
  node: string,
  controlPlane: readonly string[],
  lacking: readonly { host: string; object: string; missing: readonly string[] }[],
): string {
  const without = controlPlane.filter((h) => !lacking.some((l) => l.host === h));
  const parts = [
    ...lacking.map((l) => `${l.object} (the archive of ${l.host}) lacks ${l.missing.join(', ')}`),
    ...(without.length > 0 ? [`the set has no archive of ${without.join(', ')}`] : []),
  ];
  return `${parts.join('; ')}: a kubeadm replica on the backup's CAs needs all of ${ALL.join(', ')} from one control-plane node's archive, placed on ${node} before kubeadm init, so the replica keeps the PKI kubeadm generated for it (the archives were checked, hashes and every member, and not unpacked), and the recovery's certificate restores run from the replica's own backup`;
}

/** The archive's public CA material, read on the node from its staged (checked) copy. */
export interface KubeadmCaPublic {
  clusterCa: string;
  frontProxyCa: string;
  etcdCa: string;
  saPub: string;
}

export type KubeadmCaSeed =
  | {
      source: 'backup';
      /** The node the files were placed on (where kubeadm init runs). */
      node: string;
      /** The host whose archive gave them, and the archive. */
      host: string;
      object: string;
      placed: string[];
      archive: KubeadmCaPublic;
    }
  | { source: 'replica'; reason: string };

/** sha256 of a public key's DER SubjectPublicKeyInfo, as fingerprints are written (AA:BB:…). */
export function publicKeyDigest(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').toUpperCase().match(/../g)?.join(':') ?? '';
}

/**
 * The script that puts the staged archive's CA members in place on a fresh node: only those
 * members, owned by root, keys 0600 and the rest 0644; an existing file is never overwritten
 * (tar --keep-old-files fails instead: a fresh replica node has none). `root` is `/` on a
 * node (another dir only to try the script out).
 */
export function placeCaScript(staged: string, members: readonly string[], root = '/'): string {
  const at = (p: string) => q(posix.join(root, p));
  const keys = members.filter((m) => !PUBLIC.includes(m));
  const pub = members.filter((m) => PUBLIC.includes(m));
  return [
    'set -eu',
    `install -d -m 0755 -o 0 -g 0 ${at(PKI)} ${at(`${PKI}/etcd`)}`,
    `tar -x -p --same-owner --numeric-owner --no-wildcards --keep-old-files -f ${q(staged)} -C ${q(root)} -- ${members.map((m) => q(rel(m))).join(' ')}`,
    `chown 0:0 -- ${members.map(at).join(' ')}`,
    `chmod 0600 -- ${keys.map(at).join(' ')}`,
    `chmod 0644 -- ${pub.map(at).join(' ')}`,
  ].join('\n');
}

/**
 * Before `kubeadm init` on `node` (transport `t`): the backup's CA files from the first
 * archive of `caArchiveCandidates` that holds all of them, placed in /etc/kubernetes/pki.
 * Each candidate is read in full first (streamTo checks both hashes at the end, every member
 * is checked against the kubeadm layout's paths); only then is the chosen one staged on the
 * node (a private dir, checked again there: hashes, sha256 of the staged copy, GNU tar's
 * listing) and the CA members alone extracted. The staged copy is removed at once.
 */
export async function seedKubeadmCa(opts: {
  backup: BackupSource;
  node: string;
  t: Transport;
  controlPlane: readonly string[];
}): Promise<KubeadmCaSeed> {
  const { backup, node, t } = opts;
  const layout = kubeadmLayout();
  const candidates = caArchiveCandidates(node, opts.controlPlane, backup.summary().certArchives);
  const lacking: { host: string; object: string; missing: string[] }[] = [];
  for (const { host, object } of candidates) {
    const where = `${backup.location}/${object}`;
    const check = (headers: Parameters<typeof checkNodeArchive>[3]) =>
      checkNodeArchive(backup, layout, host, headers, where);
    const read = check(await backup.streamTo(object, (plain) => readArchiveHeaders(plain, where)));
    const chosen = kubeadmCaMembers(read.members);
    if (!chosen.ok) {
      lacking.push({ host, object, missing: chosen.missing });
      continue;
    }
    const dir = await makePrivateDir(t, node, 'kube-rescue-ca.');
    try {
      const staged = posix.join(dir, 'archive.tar');
      const again = kubeadmCaMembers(
        (await stageCheckedArchive({ backup, t, node, object, staged, check })).members,
      );
      if (!again.ok) {
        throw new OperationError(
          `${where}: its second read lacks ${again.missing.join(', ')}, which the first held; nothing of it was extracted.`,
        );
      }
      const placed = again.members.map((m) => m.path);
      const archive = async (path: string) =>
        (
          await t.exec(['tar', '-x', '-O', '--no-wildcards', '-f', staged, '--', rel(path)], {
            timeoutMs: 30_000,
          })
        ).stdout;
      const pub: KubeadmCaPublic = {
        clusterCa: await archive(KUBEADM_CA_FILES.clusterCa),
        frontProxyCa: await archive(KUBEADM_CA_FILES.frontProxyCa),
        etcdCa: await archive(KUBEADM_CA_FILES.etcdCa),
        saPub: await archive(KUBEADM_CA_FILES.saPub),
      };
      await t.script(placeCaScript(staged, placed), { timeoutMs: 60_000 });
      return { source: 'backup', node, host, object, placed, archive: pub };
    } finally {
      await t.exec(['rm', '-rf', '--', dir], { timeoutMs: 60_000 });
    }
  }
  return { source: 'replica', reason: missingCaReason(node, opts.controlPlane, lacking) };
}

/**
 * A kubeadm replica that keeps its own PKI (no archive held every CA file, `reason` says
 * which lacked what): its etcd CA and member certificates, as the report shows them.
 */
export async function keepKubeadmReplicaPki(opts: {
  reason: string;
  etcdHosts: readonly string[];
  transportFor: TransportSource;
}): Promise<ReplicaPki> {
  const layout = kubeadmLayout();
  const caCert = await cat(
    await opts.transportFor(opts.etcdHosts[0]!),
    layout.clientTls('').cacert,
  );
  return {
    source: 'replica',
    reason: opts.reason,
    unpacked: [],
    caFingerprint: fingerprintOf(caCert),
    caCert,
    fromBackup: [],
    reissued: [],
    memberCerts: await memberCertsOn(
      opts.transportFor,
      opts.etcdHosts,
      (h) => layout.memberCert(h).cert,
    ),
  };
}

interface Jwks {
  keys?: { kty?: string; n?: string; e?: string; crv?: string; x?: string; y?: string }[];
}

/** Whether a JWK is the public key `pem` (RSA: n and e; EC: curve and point). */
function sameKey(jwk: NonNullable<Jwks['keys']>[number], pem: string): boolean {
  const own = createPublicKey(pem).export({ format: 'jwk' });
  if (own.kty !== jwk.kty) return false;
  return own.kty === 'RSA'
    ? own.n === jwk.n && own.e === jwk.e
    : own.crv === jwk.crv && own.x === jwk.x && own.y === jwk.y;
}

/**
 * After the bring-up: the CA certificates and sa.pub on every control-plane node, each
 * member's etcd server certificate (issued by the backup's etcd CA for the replica's own
 * address), and the service-account keys the API server publishes (/openid/v1/jwks), against
 * the archive's. Any difference fails the rehearsal: the report would otherwise claim what
 * the replica did not run on.
 */
export async function verifyKubeadmBackupPki(opts: {
  seed: Extract<KubeadmCaSeed, { source: 'backup' }>;
  controlPlane: readonly string[];
  etcdHosts: readonly string[];
  ipOf: (host: string) => string;
  transportFor: TransportSource;
  api: KubernetesApi;
}): Promise<ReplicaPki> {
  const { seed, transportFor } = opts;
  const want = {
    clusterCa: fingerprintOf(seed.archive.clusterCa),
    frontProxyCa: fingerprintOf(seed.archive.frontProxyCa),
    etcdCa: fingerprintOf(seed.archive.etcdCa),
    saPub: publicKeyDigest(seed.archive.saPub),
  };
  const wrong: string[] = [];
  for (const host of opts.controlPlane) {
    const t = await transportFor(host);
    const seen = {
      clusterCa: fingerprintOf(await cat(t, KUBEADM_CA_FILES.clusterCa)),
      frontProxyCa: fingerprintOf(await cat(t, KUBEADM_CA_FILES.frontProxyCa)),
      etcdCa: fingerprintOf(await cat(t, KUBEADM_CA_FILES.etcdCa)),
      saPub: publicKeyDigest(await cat(t, KUBEADM_CA_FILES.saPub)),
    };
    for (const k of Object.keys(want) as (keyof typeof want)[]) {
      if (seen[k] !== want[k]) {
        wrong.push(`${host}: ${KUBEADM_CA_FILES[k]} is ${seen[k]}, the archive's ${want[k]}`);
      }
    }
  }
  const layout = kubeadmLayout();
  const memberCerts = await memberCertsOn(
    transportFor,
    opts.etcdHosts,
    (h) => layout.memberCert(h).cert,
  );
  const etcdCa = new X509Certificate(seed.archive.etcdCa);
  for (const [host, pem] of Object.entries(memberCerts)) {
    const cert = new X509Certificate(pem);
    if (!cert.verify(etcdCa.publicKey)) {
      wrong.push(`${host}: its etcd server certificate is not signed by the backup's etcd CA`);
    }
    if (cert.checkIP(opts.ipOf(host)) === undefined) {
      wrong.push(
        `${host}: its etcd server certificate does not name its address ${opts.ipOf(host)}`,
      );
    }
  }
  const jwks = JSON.parse(
    (await kubectl(opts.api, ['get', '--raw', '/openid/v1/jwks'])).stdout,
  ) as Jwks;
  const keys = jwks.keys ?? [];
  if (keys.length === 0 || !keys.every((k) => sameKey(k, seed.archive.saPub))) {
    wrong.push(
      `the API server publishes ${keys.length} service-account key(s) at /openid/v1/jwks, not the archive's sa.pub alone`,
    );
  }
  if (wrong.length > 0) {
    throw new OperationError(
      `The kubeadm replica does not run on the backup's CAs it was seeded with from ${seed.object}: ${wrong.join('; ')}.`,
    );
  }
  const others = opts.controlPlane.filter((h) => h !== seed.node);
  return {
    source: 'backup',
    unpacked: [],
    caNode: seed.host,
    caFingerprint: want.etcdCa,
    caCert: seed.archive.etcdCa,
    kubeadm: {
      clusterCaFingerprint: want.clusterCa,
      frontProxyCaFingerprint: want.frontProxyCa,
      serviceAccountKeySha256: want.saPub,
      verified: [
        `${KUBEADM_CA_FILES.clusterCa}, ${KUBEADM_CA_FILES.frontProxyCa}, ${KUBEADM_CA_FILES.etcdCa} (sha256 fingerprints) and ${KUBEADM_CA_FILES.saPub} (sha256 of its public key) on ${opts.controlPlane.join(', ')} equal to the archive's`,
        `the etcd server certificate of ${Object.keys(memberCerts).join(', ')} signed by the backup's etcd CA and naming the member's replica address`,
        `the API server's service-account key (/openid/v1/jwks, ${keys.length} key) is the archive's sa.pub: the restored snapshot's ServiceAccount tokens validate against it`,
      ],
    },
    fromBackup: [
      `${seed.host}'s archive ${seed.object}: ${seed.placed.join(', ')} only (hashes and every member checked, read in full before anything reached the node, staged privately on ${seed.node} and checked again there), placed on ${seed.node} before kubeadm init, keys 0600 and the rest 0644, owned by root${others.length > 0 ? `; carried to ${others.join(', ')} by kubeadm join --control-plane with the uploaded certificates` : ''}`,
    ],
    reissued: [
      `every other certificate and kubeconfig of the replica (API server, front-proxy client, etcd server, peer and healthcheck, the API server's etcd and kubelet clients, admin, super-admin, controller-manager and scheduler kubeconfigs, every kubelet's client certificate): issued by kubeadm init and join on the replica's nodes for the replica's addresses from the backup's CAs; production's certificates name production's addresses and are not unpacked, nor is any other file of the archives`,
    ],
    memberCerts,
  };
}
