import { X509Certificate } from 'node:crypto';
import { OperationError } from '../errors.js';
import { ADMIN_KUBECONFIG, KUBELET_CONFIG } from '../etcd/layout.js';
import { sectionLine, splitSections } from '../nodes/sections.js';
import { shellCommand } from '../nodes/shell-quote.js';
import type { Transport } from '../nodes/transport.js';

/**
 * The kubelet's client credentials on a kubeadm control-plane node: the certificate it signs in
 * to the API server with. A re-provisioned node has none (kubeadm's archive holds kubelet.conf,
 * which names /var/lib/kubelet/pki/kubelet-client-current.pem, not the certificate), and a
 * kubelet started with kubeadm's --bootstrap-kubeconfig and no valid client certificate exits
 * at once: no static pod starts, etcd's included. kubeadm init solves the same problem on the
 * first node by signing the kubelet's certificate with the cluster CA it has just made; the
 * restored node has that CA (ca.crt and ca.key from its archive), so kube-rescue does the same,
 * without the API server, which may not run yet (total loss). The runbooks' "remove the stale
 * kubelet client certificates where a node stays NotReady" is this step, before the start.
 */
export interface KubeletClientPaths {
  /** The kubelet's kubeconfig (`--kubeconfig` of kubeadm's drop-in). */
  kubeconfig: string;
  /** The kubelet's certificate dir (`--cert-dir`, kubeadm's default). */
  pkiDir: string;
  /** The cluster CA kubeadm keeps: ca.crt and ca.key. */
  caCert: string;
  caKey: string;
  /** Where the API server address comes from when the kubelet's kubeconfig is gone. */
  adminKubeconfig: string;
  /** The kubelet's own configuration: without it the kubelet does not start at all. */
  kubeletConfig: string;
}

export const KUBEADM_KUBELET_CLIENT: KubeletClientPaths = {
  kubeconfig: '/etc/kubernetes/kubelet.conf',
  pkiDir: '/var/lib/kubelet/pki',
  caCert: '/etc/kubernetes/pki/ca.crt',
  caKey: '/etc/kubernetes/pki/ca.key',
  adminKubeconfig: ADMIN_KUBECONFIG,
  kubeletConfig: KUBELET_CONFIG,
};

/** What the node holds, read without its private keys ever leaving it. */
export interface KubeletClientFacts {
  kubeconfig: boolean;
  /** The file kubelet.conf names, or "inline" for client-certificate-data. */
  certSource?: string;
  /** The first CERTIFICATE block of it (never the key that shares the file). */
  certPem?: string;
  caPem?: string;
  caKey: boolean;
  kubeletConfig: boolean;
}

/**
 * The client certificate block only: kubelet-client-current.pem holds certificate and key in
 * one file, and the key stays on the node (sed prints the CERTIFICATE block and nothing else).
 */
export async function readKubeletClient(
  t: Transport,
  paths: KubeletClientPaths = KUBEADM_KUBELET_CLIENT,
): Promise<KubeletClientFacts> {
  const certBlock = "sed -n '/-----BEGIN CERTIFICATE-----/,/-----END CERTIFICATE-----/p'";
  // The plain lines first, then the marked PEM sections.
  const script = [
    'conf=$1 ca=$2 cakey=$3 cfg=$4 f= d=',
    `[ -r "$cfg" ] && echo config=yes`,
    `[ -r "$cakey" ] && echo cakey=yes`,
    'if [ -r "$conf" ]; then',
    '  echo kubeconfig=yes',
    `  f=$(sed -n 's/^[[:space:]]*client-certificate:[[:space:]]*//p' "$conf" | head -n 1)`,
    `  [ -n "$f" ] || d=$(sed -n 's/^[[:space:]]*client-certificate-data:[[:space:]]*//p' "$conf" | head -n 1)`,
    '  if [ -n "$f" ]; then echo "source=$f"; elif [ -n "$d" ]; then echo source=inline; fi',
    'fi',
    `if [ -r "$ca" ]; then ${sectionLine('ca')}; ${certBlock} "$ca"; fi`,
    `if [ -n "$f" ] && [ -r "$f" ]; then ${sectionLine('cert')}; ${certBlock} "$f"; fi`,
    `if [ -n "$d" ]; then ${sectionLine('cert')}; printf '%s' "$d" | base64 -d | ${certBlock}; fi`,
    'exit 0',
  ].join('\n');
  const r = await t.exec(
    ['sh', '-c', script, 'sh', paths.kubeconfig, paths.caCert, paths.caKey, paths.kubeletConfig],
    // The script ends with exit 0: any other exit is a node that could not be read, never
    // taken for a missing certificate (which would replace one that may be fine).
    { timeoutMs: 15_000 },
  );
  const { head, sections } = splitSections(r.stdout);
  const section = (name: string) => {
    const pem = sections.get(name)?.trim();
    return pem ? `${pem}\n` : undefined;
  };
  const lines = head.split('\n');
  const source = lines.find((l) => l.startsWith('source='))?.slice('source='.length);
  const certPem = section('cert');
  const caPem = section('ca');
  return {
    kubeconfig: /^kubeconfig=yes$/m.test(head),
    ...(source ? { certSource: source } : {}),
    ...(certPem ? { certPem } : {}),
    ...(caPem ? { caPem } : {}),
    caKey: /^cakey=yes$/m.test(head),
    kubeletConfig: /^config=yes$/m.test(head),
  };
}

export type KubeletClientVerdict =
  | { valid: true; detail: string }
  | { valid: false; why: string }
  /** No CA on the node to check the certificate against: nothing can be said, nothing done. */
  | { valid: undefined; why: string };

/**
 * Whether the kubelet can sign in with what it has: a certificate for `system:node:<name>` in
 * group system:nodes, issued by the cluster CA, valid for at least another `marginMs`.
 */
export function judgeKubeletClient(
  facts: KubeletClientFacts,
  nodeName: string,
  now: Date,
  paths: KubeletClientPaths = KUBEADM_KUBELET_CLIENT,
  marginMs = 10 * 60_000,
): KubeletClientVerdict {
  if (!facts.kubeconfig) return { valid: false, why: `${paths.kubeconfig} is missing` };
  if (!facts.certSource) {
    return { valid: false, why: `${paths.kubeconfig} names no client certificate` };
  }
  if (!facts.certPem) {
    return {
      valid: false,
      why: `the client certificate ${paths.kubeconfig} names (${facts.certSource}) is missing`,
    };
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(facts.certPem);
  } catch (err) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) does not parse: ${(err as Error).message}`,
    };
  }
  const subject = cert.subject.split('\n');
  const cn = subject.find((l) => l.startsWith('CN='))?.slice(3);
  const orgs = subject.filter((l) => l.startsWith('O=')).map((l) => l.slice(2));
  if (cn !== `system:node:${nodeName}` || !orgs.includes('system:nodes')) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) is for ${cert.subject.replace(/\n/g, ', ')}, not CN=system:node:${nodeName} in O=system:nodes`,
    };
  }
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() - now.getTime() < marginMs) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) ${notAfter < now ? 'expired' : 'expires'} ${notAfter.toISOString()}`,
    };
  }
  if (!facts.caPem) {
    return {
      valid: undefined,
      why: `no cluster CA at ${paths.caCert} to check the kubelet's client certificate against`,
    };
  }
  const ca = new X509Certificate(facts.caPem);
  if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) {
    return {
      valid: false,
      why: `the client certificate (${facts.certSource}) was not issued by the cluster CA at ${paths.caCert} (a stale one, from before the CA was restored)`,
    };
  }
  return {
    valid: true,
    detail: `the kubelet's client certificate (${facts.certSource}) is the cluster CA's, for system:node:${nodeName}, valid until ${notAfter.toISOString()}`,
  };
}

/**
 * Signs a new kubelet client certificate with the node's cluster CA, as kubeadm init does for
 * the first node, and points the kubelet's kubeconfig at it. What it replaces is moved aside
 * with the run's stamp (kubelet.conf, the kubelet-client-current.pem link); the new key is
 * made on the node, 0600, and never leaves it. Valid one year, as kubeadm's; the kubelet
 * rotates it from then on (kubeadm sets rotateCertificates).
 */
export async function issueKubeletClient(
  t: Transport,
  o: { nodeName: string; ts: string; paths?: KubeletClientPaths },
): Promise<string> {
  const p = o.paths ?? KUBEADM_KUBELET_CLIENT;
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(o.nodeName)) {
    throw new OperationError(
      `Node ${t.node}: '${o.nodeName}' is not a Kubernetes node name; no kubelet certificate is made for it.`,
    );
  }
  const script = [
    'set -eu',
    'umask 077',
    'name=$1 ts=$2 conf=$3 pki=$4 ca=$5 cakey=$6 admin=$7',
    `[ -r "$cakey" ] || { echo "no cluster CA key at $cakey: the kubelet's client certificate cannot be signed here" >&2; exit 3; }`,
    `command -v openssl >/dev/null 2>&1 || { echo "no openssl on the node to sign the kubelet's client certificate" >&2; exit 4; }`,
    // The API server the kubelet talks to: its own kubeconfig's, else admin.conf's.
    'server=',
    `for f in "$conf" "$admin"; do [ -r "$f" ] && server=$(sed -n 's/^[[:space:]]*server:[[:space:]]*//p' "$f" | head -n 1); [ -n "$server" ] && break; done`,
    `[ -n "$server" ] || { echo "neither $conf nor $admin names the API server" >&2; exit 5; }`,
    'd=$(mktemp -d /var/tmp/kube-rescue-kubelet.XXXXXX)',
    `trap 'rm -rf "$d"' EXIT`,
    'openssl ecparam -name prime256v1 -genkey -noout -out "$d/key.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    'openssl req -new -key "$d/key.pem" -subj "/O=system:nodes/CN=system:node:$name" -out "$d/req.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    `printf '%s\\n' 'basicConstraints=critical,CA:FALSE' 'keyUsage=critical,digitalSignature' 'extendedKeyUsage=clientAuth' >"$d/ext"`,
    'openssl x509 -req -in "$d/req.pem" -CA "$ca" -CAkey "$cakey" -set_serial "0x$(openssl rand -hex 16)" -days 365 -extfile "$d/ext" -out "$d/cert.pem" 2>"$d/err" || { cat "$d/err" >&2; exit 6; }',
    'mkdir -p "$pki"',
    'new="$pki/kubelet-client-$ts.pem"',
    'cat "$d/cert.pem" "$d/key.pem" >"$d/pair.pem"',
    'mv "$d/pair.pem" "$new"',
    // Moved aside, never deleted, once: the link (what it names stays where it is) and the
    // kubeconfig go to <path>.<stamp>-client (restore-certs' own <path>.<stamp> is another
    // copy). A resumed run finds that copy made and replaces only what this step wrote.
    'sfx="$ts-client"',
    'aside() { if { [ -e "$1" ] || [ -L "$1" ]; } && ! { [ -e "$1.$sfx" ] || [ -L "$1.$sfx" ]; }; then mv -- "$1" "$1.$sfx"; echo "moved $1 to $1.$sfx"; fi; }',
    'cur="$pki/kubelet-client-current.pem"',
    'aside "$cur"',
    'ln -sfn "$new" "$cur"',
    'cadata=$(base64 -w0 "$ca")',
    `cat >"$d/kubelet.conf" <<EOF
apiVersion: v1
kind: Config
clusters:
- cluster:
    certificate-authority-data: $cadata
    server: $server
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: system:node:$name
  name: system:node:$name@kubernetes
current-context: system:node:$name@kubernetes
users:
- name: system:node:$name
  user:
    client-certificate: $cur
    client-key: $cur
EOF`,
    'aside "$conf"',
    'mv "$d/kubelet.conf" "$conf"',
    'chmod 0600 "$conf"',
    'echo "signed $new for system:node:$name (server $server)"',
  ].join('\n');
  const r = await t.exec(
    [
      'sh',
      '-c',
      script,
      'sh',
      o.nodeName,
      o.ts,
      p.kubeconfig,
      p.pkiDir,
      p.caCert,
      p.caKey,
      p.adminKubeconfig,
    ],
    { allowFailure: true, timeoutMs: 60_000 },
  );
  if (r.code !== 0) {
    throw new OperationError(
      `Node ${t.node}: could not make the kubelet a client certificate (exit ${r.code}): ${r.stderr.trim().slice(0, 500)}. Make one with 'kubeadm init phase kubeconfig kubelet --node-name ${o.nodeName}' on ${t.node} (moving ${p.kubeconfig} aside first), then run restore again.`,
    );
  }
  return r.stdout
    .split('\n')
    .filter((l) => l.trim())
    .join('; ');
}

/** How a person undoes issueKubeletClient. */
export function kubeletClientUndo(
  ts: string,
  p: KubeletClientPaths = KUBEADM_KUBELET_CLIENT,
): string {
  const cur = `${p.pkiDir}/kubelet-client-current.pem`;
  const back = (f: string) => `mv ${shellCommand([`${f}.${ts}-client`])} ${shellCommand([f])}`;
  return `${back(p.kubeconfig)}; ${back(cur)} (where they were moved aside), then systemctl restart kubelet`;
}
