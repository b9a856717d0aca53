import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalTransport } from '../../../src/nodes/local.js';
import {
  issueKubeletClient,
  judgeKubeletClient,
  type KubeletClientPaths,
  readKubeletClient,
} from '../../../src/recovery/kubelet-client.js';

// The step's node side runs here with this machine's openssl (a kubeadm node has it; the real
// kubelet then signs in with the result in test/integration/kubeadm/control-plane.test.ts,
// where blank nodes have no kubelet credentials). Paths point into a temp dir.
const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'pipe' });

function node() {
  const root = mkdtempSync(join(tmpdir(), 'kr-kubelet-'));
  const paths: KubeletClientPaths = {
    kubeconfig: join(root, 'etc/kubernetes/kubelet.conf'),
    pkiDir: join(root, 'var/lib/kubelet/pki'),
    caCert: join(root, 'etc/kubernetes/pki/ca.crt'),
    caKey: join(root, 'etc/kubernetes/pki/ca.key'),
    adminKubeconfig: join(root, 'etc/kubernetes/admin.conf'),
    kubeletConfig: join(root, 'var/lib/kubelet/config.yaml'),
  };
  mkdirSync(join(root, 'etc/kubernetes/pki'), { recursive: true });
  mkdirSync(join(root, 'var/lib/kubelet'), { recursive: true });
  const ca = (dir: string, cn: string) => {
    openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(dir, 'ca.key'));
    openssl(
      'req',
      '-x509',
      '-new',
      '-key',
      join(dir, 'ca.key'),
      '-subj',
      `/CN=${cn}`,
      '-days',
      '30',
      '-out',
      join(dir, 'ca.crt'),
    );
  };
  ca(join(root, 'etc/kubernetes/pki'), 'kubernetes');
  writeFileSync(
    paths.adminKubeconfig,
    'clusters:\n- cluster:\n    server: https://10.9.0.11:6443\n',
  );
  writeFileSync(paths.kubeletConfig, 'kind: KubeletConfiguration\n');
  const other = mkdtempSync(join(tmpdir(), 'kr-other-ca-'));
  ca(other, 'another-cluster');
  return { root, paths, other, t: new LocalTransport('node2') };
}

/** A client certificate and key as the kubelet keeps them (one file), signed by `caDir`'s CA. */
function kubeletPair(caDir: string, cn: string, out: string) {
  const d = mkdtempSync(join(tmpdir(), 'kr-pair-'));
  openssl('ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', join(d, 'k'));
  openssl(
    'req',
    '-new',
    '-key',
    join(d, 'k'),
    '-subj',
    `/O=system:nodes/CN=${cn}`,
    '-out',
    join(d, 'r'),
  );
  openssl(
    'x509',
    '-req',
    '-in',
    join(d, 'r'),
    '-CA',
    join(caDir, 'ca.crt'),
    '-CAkey',
    join(caDir, 'ca.key'),
    '-set_serial',
    '7',
    '-days',
    '30',
    '-out',
    join(d, 'c'),
  );
  writeFileSync(out, readFileSync(join(d, 'c'), 'utf8') + readFileSync(join(d, 'k'), 'utf8'), {
    mode: 0o600,
  });
}

function kubeconfigNaming(paths: KubeletClientPaths, cert: string) {
  writeFileSync(
    paths.kubeconfig,
    `clusters:\n- cluster:\n    server: https://10.9.0.12:6443\nusers:\n- name: default-auth\n  user:\n    client-certificate: ${cert}\n    client-key: ${cert}\n`,
  );
}

const now = new Date();
const TS = '20261203T060000Z';

describe('the kubelet client certificate of a restored kubeadm node', () => {
  it('a node without kubelet.conf gets one signed by its cluster CA, the key never read back', async () => {
    const { paths, t } = node();
    const before = await readKubeletClient(t, paths);
    expect(before).toMatchObject({ kubeconfig: false, caKey: true, kubeletConfig: true });
    expect(judgeKubeletClient(before, 'node2', now, paths)).toEqual({
      valid: false,
      why: `${paths.kubeconfig} is missing`,
    });

    const said = await issueKubeletClient(t, { nodeName: 'node2', ts: TS, paths });
    expect(said).toMatch(
      /signed .*kubelet-client-20261203T060000Z\.pem for system:node:node2 \(server https:\/\/10\.9\.0\.11:6443\)/,
    );

    const after = await readKubeletClient(t, paths);
    const verdict = judgeKubeletClient(after, 'node2', now, paths);
    expect(verdict.valid).toBe(true);
    // What was read from the node: certificates only.
    expect(JSON.stringify(after)).not.toMatch(/PRIVATE KEY/);
    const current = join(paths.pkiDir, 'kubelet-client-current.pem');
    expect(lstatSync(current).isSymbolicLink()).toBe(true);
    const pair = readlinkSync(current);
    expect(statSync(pair).mode & 0o777).toBe(0o600);
    expect(statSync(paths.kubeconfig).mode & 0o777).toBe(0o600);
    expect(readFileSync(pair, 'utf8')).toMatch(/BEGIN EC PRIVATE KEY/);
    const cert = new X509Certificate(readFileSync(pair));
    expect(cert.subject).toBe('O=system:nodes\nCN=system:node:node2');
    expect(cert.keyUsage ?? []).toEqual(['1.3.6.1.5.5.7.3.2']);
    // One year, as kubeadm's own kubelet.conf certificate.
    const days = (new Date(cert.validTo).getTime() - now.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);
    const conf = readFileSync(paths.kubeconfig, 'utf8');
    expect(conf).toContain('server: https://10.9.0.11:6443');
    expect(conf).toContain(`client-certificate: ${current}`);
    const caData = /certificate-authority-data: (\S+)/.exec(conf)![1]!;
    expect(Buffer.from(caData, 'base64').toString()).toBe(readFileSync(paths.caCert, 'utf8'));
  });

  it("a certificate of another CA is stale: both files moved aside once, kept on a resumed run, the kubelet's server kept", async () => {
    const { paths, t, other } = node();
    mkdirSync(paths.pkiDir, { recursive: true });
    const old = join(paths.pkiDir, 'kubelet-client-2026-01-01-00-00-00.pem');
    kubeletPair(other, 'system:node:node2', old);
    const current = join(paths.pkiDir, 'kubelet-client-current.pem');
    execFileSync('ln', ['-s', old, current]);
    kubeconfigNaming(paths, current);
    const originalConf = readFileSync(paths.kubeconfig, 'utf8');

    const verdict = judgeKubeletClient(await readKubeletClient(t, paths), 'node2', now, paths);
    expect(verdict).toEqual({
      valid: false,
      why: `the client certificate (${current}) was not issued by the cluster CA at ${paths.caCert} (a stale one, from before the CA was restored)`,
    });
    await issueKubeletClient(t, { nodeName: 'node2', ts: TS, paths });
    // Resumed: the step runs again with the same stamp; the originals stay the originals.
    await issueKubeletClient(t, { nodeName: 'node2', ts: TS, paths });
    expect(readFileSync(`${paths.kubeconfig}.${TS}-client`, 'utf8')).toBe(originalConf);
    expect(readlinkSync(`${current}.${TS}-client`)).toBe(old);
    expect(readFileSync(paths.kubeconfig, 'utf8')).toContain('server: https://10.9.0.12:6443');
    expect(judgeKubeletClient(await readKubeletClient(t, paths), 'node2', now, paths).valid).toBe(
      true,
    );
  });

  it("the cluster CA's own certificate for this node, current: valid; for another node, or expired: not", async () => {
    const { paths, t } = node();
    mkdirSync(paths.pkiDir, { recursive: true });
    const pair = join(paths.pkiDir, 'kubelet-client-current.pem');
    kubeletPair(join(paths.caCert, '..'), 'system:node:node2', pair);
    kubeconfigNaming(paths, pair);
    const facts = await readKubeletClient(t, paths);
    expect(judgeKubeletClient(facts, 'node2', now, paths)).toMatchObject({
      valid: true,
      detail: expect.stringMatching(/is the cluster CA's, for system:node:node2, valid until/),
    });
    expect(judgeKubeletClient(facts, 'node3', now, paths)).toMatchObject({
      valid: false,
      why: expect.stringMatching(
        /is for O=system:nodes, CN=system:node:node2, not CN=system:node:node3/,
      ),
    });
    const later = new Date(now.getTime() + 40 * 86_400_000);
    expect(judgeKubeletClient(facts, 'node2', later, paths)).toMatchObject({
      valid: false,
      why: expect.stringMatching(/ expired \d{4}-/),
    });
  });

  it('a kubeconfig whose certificate is inline is read the same way', async () => {
    const { paths, t } = node();
    const d = mkdtempSync(join(tmpdir(), 'kr-inline-'));
    kubeletPair(join(paths.caCert, '..'), 'system:node:node2', join(d, 'pair'));
    const pem = readFileSync(join(d, 'pair'), 'utf8');
    const certOnly = pem.slice(0, pem.indexOf('-----END CERTIFICATE-----') + 26);
    writeFileSync(
      paths.kubeconfig,
      `users:\n- name: system:node:node2\n  user:\n    client-certificate-data: ${Buffer.from(certOnly).toString('base64')}\n    client-key-data: ${Buffer.from('not read').toString('base64')}\n`,
    );
    const facts = await readKubeletClient(t, paths);
    expect(facts.certSource).toBe('inline');
    expect(judgeKubeletClient(facts, 'node2', now, paths).valid).toBe(true);
  });

  it('without the CA key nothing is changed, and the error says what to run', async () => {
    const { paths, t } = node();
    const noKey = { ...paths, caKey: `${paths.caKey}.absent` };
    await expect(
      issueKubeletClient(t, { nodeName: 'node2', ts: TS, paths: noKey }),
    ).rejects.toThrow(
      /Node node2: could not make the kubelet a client certificate \(exit 3\): no cluster CA key at .*kubeadm init phase kubeconfig kubelet --node-name node2/,
    );
    expect(() => statSync(paths.kubeconfig)).toThrow();
    await expect(issueKubeletClient(t, { nodeName: 'Node_2;rm', ts: TS, paths })).rejects.toThrow(
      /is not a Kubernetes node name/,
    );
  });
});
