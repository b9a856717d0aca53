import { isIP } from 'node:net';

/**
 * The runbook's "approve the pending CSRs", narrowed to what a restore makes pending: a
 * kubelet that restarts asks for its serving certificate (`kubernetes.io/kubelet-serving`,
 * kubeadm's `serverTLSBootstrap: true`) and, when its client certificate must be renewed, for
 * a client one (`kubernetes.io/kube-apiserver-client-kubelet`). Only a request a node of this
 * inventory makes for itself is approved: requestor `system:node:<name>`, the subject kubeadm's
 * kubelet writes (O=system:nodes, CN=system:node:<name>), the signer's usages and nothing
 * else, and — for serving — names (DNS) and addresses (IP) of that node only. Everything else
 * is left alone, each with the reason. The request itself is read from its DER here: what the
 * CSR object's fields say is checked against what the certificate would actually hold.
 */

export const KUBELET_SERVING_SIGNER = 'kubernetes.io/kubelet-serving';
export const KUBELET_CLIENT_SIGNER = 'kubernetes.io/kube-apiserver-client-kubelet';

/** A node of the inventory as a CSR may name it. */
export interface KubeletNode {
  /** The Kubernetes node name (kube_override_hostname, else the inventory name). */
  nodeName: string;
  /** The host's addresses as the inventory gives them (ansible_host, ip). */
  addresses: string[];
}

/** The fields of a `certificates.k8s.io/v1` CertificateSigningRequest that the rules read. */
export interface CsrObject {
  metadata: { name: string };
  spec: {
    signerName?: string;
    username?: string;
    groups?: string[];
    usages?: string[];
    /** base64 of the PEM request. */
    request?: string;
  };
  status?: { conditions?: { type: string; status?: string }[] };
}

export interface CsrDecision {
  name: string;
  signer: string;
  requestor: string;
  approve: boolean;
  /** Why it is approved (the node) or left alone (the first rule it breaks). */
  why: string;
}

/** What a PKCS#10 request holds, as far as these rules read it. */
export interface ParsedCsr {
  subject: { commonName: string[]; organization: string[]; other: string[] };
  dnsNames: string[];
  ipAddresses: string[];
  /** SANs of any other kind (email, URI, …): a kubelet asks for none. */
  otherNames: string[];
}

const ALLOWED_USAGES: Record<string, { required: string; optional: string[] }> = {
  [KUBELET_SERVING_SIGNER]: {
    required: 'server auth',
    optional: ['digital signature', 'key encipherment'],
  },
  [KUBELET_CLIENT_SIGNER]: {
    required: 'client auth',
    optional: ['digital signature', 'key encipherment'],
  },
};

const pending = (c: CsrObject) =>
  !(c.status?.conditions ?? []).some((x) => ['Approved', 'Denied', 'Failed'].includes(x.type));

/** Decides each pending kubelet CSR; CSRs already decided or of another signer are not listed. */
export function decideKubeletCsrs(
  csrs: readonly CsrObject[],
  nodes: readonly KubeletNode[],
): CsrDecision[] {
  const out: CsrDecision[] = [];
  for (const c of csrs) {
    if (!pending(c)) continue;
    const signer = c.spec.signerName ?? '';
    const requestor = c.spec.username ?? '';
    const leave = (why: string) =>
      out.push({ name: c.metadata.name, signer, requestor, approve: false, why });
    const usages = ALLOWED_USAGES[signer];
    if (!usages) {
      leave(`signer ${signer || '(none)'} is not a kubelet's`);
      continue;
    }
    const nodeName = /^system:node:(.+)$/.exec(requestor)?.[1];
    const node = nodes.find((n) => n.nodeName === nodeName);
    if (!nodeName) {
      leave(`requested by ${requestor || '(nobody)'}, not by a node (system:node:<name>)`);
      continue;
    }
    if (!node) {
      leave(`requested by ${requestor}, and ${nodeName} is no node of the inventory`);
      continue;
    }
    if (!(c.spec.groups ?? []).includes('system:nodes')) {
      leave(`its requestor is not in group system:nodes`);
      continue;
    }
    const given = c.spec.usages ?? [];
    const extra = given.filter((u) => u !== usages.required && !usages.optional.includes(u));
    if (!given.includes(usages.required) || extra.length > 0) {
      leave(
        `usages ${JSON.stringify(given)}: a ${signer} certificate has ${usages.required}${usages.optional.length ? ` (and optionally ${usages.optional.join(', ')})` : ''}, nothing else`,
      );
      continue;
    }
    let req: ParsedCsr;
    try {
      req = parseCsrPem(Buffer.from(c.spec.request ?? '', 'base64').toString('utf8'));
    } catch (err) {
      leave(`its request cannot be read: ${(err as Error).message}`);
      continue;
    }
    const cn = `system:node:${nodeName}`;
    const s = req.subject;
    if (
      s.commonName.length !== 1 ||
      s.commonName[0] !== cn ||
      s.organization.length !== 1 ||
      s.organization[0] !== 'system:nodes' ||
      s.other.length > 0
    ) {
      leave(
        `its subject is not exactly O=system:nodes, CN=${cn} (CN ${JSON.stringify(s.commonName)}, O ${JSON.stringify(s.organization)}${s.other.length ? `, also ${s.other.join(', ')}` : ''})`,
      );
      continue;
    }
    if (req.otherNames.length > 0) {
      leave(`it asks for names a kubelet never asks for: ${req.otherNames.join(', ')}`);
      continue;
    }
    if (signer === KUBELET_CLIENT_SIGNER) {
      if (req.dnsNames.length + req.ipAddresses.length > 0) {
        leave(
          `a client certificate with subject alternative names (${[...req.dnsNames, ...req.ipAddresses].join(', ')})`,
        );
        continue;
      }
    } else {
      const foreignDns = req.dnsNames.filter((d) => d !== nodeName);
      const own = new Set(node.addresses.map(canonicalIp));
      const foreignIps = req.ipAddresses.filter((ip) => !own.has(ip));
      if (req.dnsNames.length + req.ipAddresses.length === 0) {
        leave('a serving certificate that names no host (no DNS or IP SAN)');
        continue;
      }
      if (foreignDns.length + foreignIps.length > 0) {
        leave(
          `it names more than node ${nodeName}: ${[...foreignDns, ...foreignIps].join(', ')} (the node is ${[nodeName, ...node.addresses].join(', ')})`,
        );
        continue;
      }
    }
    out.push({
      name: c.metadata.name,
      signer,
      requestor,
      approve: true,
      why: `node ${nodeName} asks for its own ${signer === KUBELET_SERVING_SIGNER ? `serving certificate (${[...req.dnsNames, ...req.ipAddresses].join(', ')})` : 'client certificate'}`,
    });
  }
  return out;
}

// --- a reader for the little of DER a PKCS#10 request needs ---

interface Tlv {
  tag: number;
  /** The value's bytes. */
  value: Buffer;
  /** Offset just past this element. */
  end: number;
}

function tlv(buf: Buffer, at: number): Tlv {
  if (at + 2 > buf.length) throw new Error('truncated DER');
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let p = at + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    if (n === 0 || n > 4 || p + n > buf.length) throw new Error('bad DER length');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[p + i]!;
    p += n;
  }
  if (p + len > buf.length) throw new Error('truncated DER');
  return { tag, value: buf.subarray(p, p + len), end: p + len };
}

function children(value: Buffer): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < value.length; ) {
    const t = tlv(value, at);
    out.push(t);
    at = t.end;
  }
  return out;
}

function oid(value: Buffer): string {
  const parts: number[] = [Math.floor(value[0]! / 40), value[0]! % 40];
  let n = 0;
  for (const b of value.subarray(1)) {
    n = n * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      parts.push(n);
      n = 0;
    }
  }
  return parts.join('.');
}

const OID_CN = '2.5.4.3';
const OID_O = '2.5.4.10';
const OID_EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const OID_SAN = '2.5.29.17';

function ipText(b: Buffer): string {
  if (b.length === 4) return [...b].join('.');
  if (b.length === 16) {
    return Array.from({ length: 8 }, (_, i) => b.readUInt16BE(i * 2).toString(16)).join(':');
  }
  return `(an address of ${b.length} bytes)`;
}

/** An address as ipText writes it: IPv4 as is, IPv6 as eight groups without leading zeros. */
export function canonicalIp(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head, tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.map((g) => Number.parseInt(g, 16).toString(16)).join(':');
}

/** Subject and subject alternative names of a PEM `CERTIFICATE REQUEST`. */
export function parseCsrPem(pem: string): ParsedCsr {
  const m =
    /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]+?)-----END (?:NEW )?CERTIFICATE REQUEST-----/.exec(
      pem,
    );
  if (!m) throw new Error('not a PEM CERTIFICATE REQUEST');
  const der = Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64');
  const outer = tlv(der, 0);
  if (outer.tag !== 0x30) throw new Error('not a DER SEQUENCE');
  const info = children(outer.value)[0];
  if (info?.tag !== 0x30) throw new Error('no CertificationRequestInfo');
  const [, subject, , attributes] = children(info.value);
  if (subject?.tag !== 0x30) throw new Error('no subject');
  const parsed: ParsedCsr = {
    subject: { commonName: [], organization: [], other: [] },
    dnsNames: [],
    ipAddresses: [],
    otherNames: [],
  };
  for (const rdn of children(subject.value)) {
    for (const atv of children(rdn.value)) {
      const [type, value] = children(atv.value);
      const id = oid(type!.value);
      const text = value!.value.toString('utf8');
      if (id === OID_CN) parsed.subject.commonName.push(text);
      else if (id === OID_O) parsed.subject.organization.push(text);
      else parsed.subject.other.push(`${id}=${text}`);
    }
  }
  if (attributes && attributes.tag === 0xa0) {
    for (const attr of children(attributes.value)) {
      const [type, values] = children(attr.value);
      if (oid(type!.value) !== OID_EXTENSION_REQUEST) continue;
      for (const exts of children(values!.value)) {
        for (const ext of children(exts.value)) {
          const parts = children(ext.value);
          if (oid(parts[0]!.value) !== OID_SAN) continue;
          const names = tlv(parts.at(-1)!.value, 0);
          for (const gn of children(names.value)) {
            if (gn.tag === 0x82) parsed.dnsNames.push(gn.value.toString('ascii'));
            else if (gn.tag === 0x87) parsed.ipAddresses.push(ipText(gn.value));
            else parsed.otherNames.push(`a name of kind [${gn.tag & 0x1f}]`);
          }
        }
      }
    }
  }
  return parsed;
}

/** What one approval round did: approved (by name) and left alone, each with its reason. */
export interface CsrRound {
  approved: CsrDecision[];
  leftAlone: CsrDecision[];
}

/**
 * Lists the CSRs through `kubectl` (argv prefix, e.g. with the admin kubeconfig) on `t`,
 * approves those `decideKubeletCsrs` approves, and says what it left alone. A CSR that was
 * decided meanwhile (by a person, or the controller) is not an error.
 */
export async function approveKubeletCsrs(
  t: {
    exec(
      argv: string[],
      o?: { allowFailure?: boolean; timeoutMs?: number },
    ): Promise<{ code: number; stdout: string; stderr: string }>;
  },
  kubectl: string[],
  nodes: readonly KubeletNode[],
): Promise<CsrRound> {
  const list = await t.exec([...kubectl, 'get', 'csr', '-o', 'json'], { timeoutMs: 30_000 });
  const items = (JSON.parse(list.stdout) as { items?: CsrObject[] }).items ?? [];
  const decisions = decideKubeletCsrs(items, nodes);
  const approve = decisions.filter((d) => d.approve);
  if (approve.length > 0) {
    const r = await t.exec([...kubectl, 'certificate', 'approve', ...approve.map((d) => d.name)], {
      allowFailure: true,
      timeoutMs: 30_000,
    });
    if (r.code !== 0 && !/already|not found/i.test(r.stderr)) {
      throw new Error(
        `kubectl certificate approve ${approve.map((d) => d.name).join(' ')} failed (exit ${r.code}): ${r.stderr.trim().slice(-300)}`,
      );
    }
  }
  return { approved: approve, leftAlone: decisions.filter((d) => !d.approve) };
}
