import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type CsrObject,
  canonicalIp,
  decideKubeletCsrs,
  KUBELET_CLIENT_SIGNER,
  KUBELET_SERVING_SIGNER,
  type KubeletNode,
  parseCsrPem,
} from '../../../src/recovery/kubelet-csrs.js';

// Which pending kubelet CSRs a restore approves. The requests are real PKCS#10 made with
// openssl (csr-fixtures/README.md), read by our DER reader, so a CSR object whose fields claim
// one thing while its request asks for another is caught.

const pem = (f: string) => readFileSync(join(import.meta.dirname, 'csr-fixtures', f), 'utf8');
const nodes: KubeletNode[] = [
  { nodeName: 'kr-cp1', addresses: ['10.240.7.11'] },
  { nodeName: 'kr-cp2', addresses: ['10.240.7.12'] },
  { nodeName: 'kr-w1', addresses: ['fd00:0:0::000b'] },
];

const SERVING_USAGES = ['digital signature', 'server auth'];

function csr(
  name: string,
  file: string,
  o: Partial<CsrObject['spec']> & { conditions?: { type: string }[] } = {},
): CsrObject {
  const { conditions, ...spec } = o;
  return {
    metadata: { name },
    spec: {
      signerName: KUBELET_SERVING_SIGNER,
      username: 'system:node:kr-cp1',
      groups: ['system:nodes', 'system:authenticated'],
      usages: SERVING_USAGES,
      request: Buffer.from(pem(file)).toString('base64'),
      ...spec,
    },
    ...(conditions ? { status: { conditions } } : {}),
  };
}

const decide = (...c: CsrObject[]) =>
  Object.fromEntries(decideKubeletCsrs(c, nodes).map((d) => [d.name, d]));

describe('reading a certificate request', () => {
  it('reads subject and SANs of an openssl request', () => {
    expect(parseCsrPem(pem('serving.pem'))).toEqual({
      subject: { commonName: ['system:node:kr-cp1'], organization: ['system:nodes'], other: [] },
      dnsNames: ['kr-cp1'],
      ipAddresses: ['10.240.7.11'],
      otherNames: [],
    });
    expect(parseCsrPem(pem('serving-v6.pem')).ipAddresses).toEqual(['fd00:0:0:0:0:0:0:b']);
    expect(parseCsrPem(pem('serving-email.pem')).otherNames).toEqual(['a name of kind [1]']);
    expect(canonicalIp('fd00:0:0::000b')).toBe('fd00:0:0:0:0:0:0:b');
  });

  it('refuses what is not a request', () => {
    expect(() => parseCsrPem('hello')).toThrow(/not a PEM CERTIFICATE REQUEST/);
    expect(() =>
      parseCsrPem(
        '-----BEGIN CERTIFICATE REQUEST-----\nMAMCAQ==\n-----END CERTIFICATE REQUEST-----',
      ),
    ).toThrow();
  });
});

describe('which pending kubelet CSRs a restore approves', () => {
  it("approves a node's own serving and client requests", () => {
    const d = decide(
      csr('csr-serving', 'serving.pem'),
      csr('csr-client', 'client.pem', {
        signerName: KUBELET_CLIENT_SIGNER,
        usages: ['digital signature', 'client auth'],
      }),
      csr('csr-w1', 'serving-v6.pem', { username: 'system:node:kr-w1' }),
    );
    expect(d['csr-serving']).toMatchObject({
      approve: true,
      why: 'node kr-cp1 asks for its own serving certificate (kr-cp1, 10.240.7.11)',
    });
    expect(d['csr-client']).toMatchObject({
      approve: true,
      why: 'node kr-cp1 asks for its own client certificate',
    });
    expect(d['csr-w1']?.approve).toBe(true);
  });

  it('lists only pending ones: approved, denied or failed CSRs are not decided again', () => {
    const d = decideKubeletCsrs(
      [
        csr('done', 'serving.pem', { conditions: [{ type: 'Approved' }] }),
        csr('denied', 'serving.pem', { conditions: [{ type: 'Denied' }] }),
        csr('failed', 'serving.pem', { conditions: [{ type: 'Failed' }] }),
      ],
      nodes,
    );
    expect(d).toEqual([]);
  });

  it('leaves alone every request that is not exactly a node asking for itself, saying why', () => {
    const d = decide(
      csr('other-signer', 'serving.pem', { signerName: 'kubernetes.io/kube-apiserver-client' }),
      csr('not-a-node', 'serving.pem', { username: 'system:serviceaccount:default:builder' }),
      csr('unknown-node', 'serving.pem', { username: 'system:node:intruder' }),
      csr('no-group', 'serving.pem', { groups: ['system:authenticated'] }),
      csr('client-usage-on-serving', 'serving.pem', {
        usages: ['digital signature', 'server auth', 'client auth'],
      }),
      csr('no-server-auth', 'serving.pem', { usages: ['digital signature'] }),
      // The object says kr-cp1; the request inside is for kr-cp2.
      csr('someone-elses-request', 'serving-cp2.pem'),
      csr('extra-dns', 'serving-extra-dns.pem'),
      csr('other-ip', 'serving-other-ip.pem'),
      csr('masters', 'serving-masters.pem'),
      csr('email', 'serving-email.pem'),
      csr('client-with-sans', 'serving.pem', {
        signerName: KUBELET_CLIENT_SIGNER,
        usages: ['client auth'],
      }),
      csr('serving-without-sans', 'client.pem'),
      csr('garbage', 'serving.pem', { request: Buffer.from('not pem').toString('base64') }),
    );
    const why = Object.fromEntries(Object.values(d).map((x) => [x.name, x.why]));
    expect(Object.values(d).filter((x) => x.approve)).toEqual([]);
    expect(why).toEqual({
      'other-signer': "signer kubernetes.io/kube-apiserver-client is not a kubelet's",
      'not-a-node':
        'requested by system:serviceaccount:default:builder, not by a node (system:node:<name>)',
      'unknown-node': 'requested by system:node:intruder, and intruder is no node of the inventory',
      'no-group': 'its requestor is not in group system:nodes',
      'client-usage-on-serving':
        'usages ["digital signature","server auth","client auth"]: a kubernetes.io/kubelet-serving certificate has server auth (and optionally digital signature, key encipherment), nothing else',
      'no-server-auth':
        'usages ["digital signature"]: a kubernetes.io/kubelet-serving certificate has server auth (and optionally digital signature, key encipherment), nothing else',
      'someone-elses-request':
        'its subject is not exactly O=system:nodes, CN=system:node:kr-cp1 (CN ["system:node:kr-cp2"], O ["system:nodes"])',
      'extra-dns':
        'it names more than node kr-cp1: kube-rescue-api (the node is kr-cp1, 10.240.7.11)',
      'other-ip': 'it names more than node kr-cp1: 10.240.7.12 (the node is kr-cp1, 10.240.7.11)',
      masters:
        'its subject is not exactly O=system:nodes, CN=system:node:kr-cp1 (CN ["system:node:kr-cp1"], O ["system:masters"])',
      email: 'it asks for names a kubelet never asks for: a name of kind [1]',
      'client-with-sans':
        'a client certificate with subject alternative names (kr-cp1, 10.240.7.11)',
      'serving-without-sans': 'a serving certificate that names no host (no DNS or IP SAN)',
      garbage: 'its request cannot be read: not a PEM CERTIFICATE REQUEST',
    });
  });
});
