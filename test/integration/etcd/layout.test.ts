import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError, OperationError } from '../../../src/errors.js';
import {
  detectLayout,
  kubeadmLayout,
  kubesprayLayout,
  layoutByName,
} from '../../../src/etcd/layout.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// Detection reads the node through a real (local) Transport; the node's files live in a temp dir.
let root: string;
const node = new LocalTransport('cp-1');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kube-rescue-layout-'));
  await mkdir(join(root, 'manifests'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('cluster layouts', () => {
  it('detects Kubespray from /etc/etcd.env and takes the data dir and cert dir from it', async () => {
    const env = join(root, 'etcd.env');
    await writeFile(
      env,
      '# Environment file for etcd v3.5.12\nETCD_DATA_DIR=/data/etcd\nETCD_NAME=etcd1\nETCD_TRUSTED_CA_FILE=/etc/ssl/etcd/ssl/ca.pem\n',
    );
    const layout = await detectLayout(node, {
      envFile: env,
      etcdManifest: join(root, 'none.yaml'),
    });
    expect(layout.name).toBe('kubespray');
    expect(layout.dataDir).toBe('/data/etcd');
    expect(layout.clientTls('node1')).toEqual({
      cacert: '/etc/ssl/etcd/ssl/ca.pem',
      cert: '/etc/ssl/etcd/ssl/admin-node1.pem',
      key: '/etc/ssl/etcd/ssl/admin-node1-key.pem',
    });
    expect(layout.memberCert('node2').cert).toBe('/etc/ssl/etcd/ssl/member-node2.pem');
  });

  it('detects kubeadm from the etcd static-pod manifest', async () => {
    const manifest = join(root, 'manifests', 'etcd.yaml');
    await writeFile(manifest, 'apiVersion: v1\nkind: Pod\n');
    const layout = await detectLayout(node, {
      envFile: join(root, 'missing.env'),
      etcdManifest: manifest,
    });
    expect(layout.name).toBe('kubeadm');
    expect(layout.clientTls('any').cert).toBe('/etc/kubernetes/pki/etcd/healthcheck-client.crt');
  });

  it('says what it looked for when it finds neither', async () => {
    const err = await detectLayout(node, {
      envFile: join(root, 'missing.env'),
      etcdManifest: join(root, 'missing.yaml'),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(
      /Node cp-1: cannot tell how etcd is deployed.*--layout kubespray\|kubeadm/,
    );
  });

  it('rejects an unknown layout name as bad input', () => {
    expect(() => layoutByName('k3s')).toThrow(InputError);
    expect(() => layoutByName('k3s')).toThrow(
      /Unknown cluster layout "k3s": expected one of kubespray, kubeadm/,
    );
  });

  it('lists what to back up per control-plane node', () => {
    const ks = kubesprayLayout().backupPaths('node1');
    expect(ks.filter((p) => p.required).map((p) => p.path)).toEqual([
      '/etc/ssl/etcd/ssl',
      '/etc/etcd.env',
      '/etc/kubernetes/ssl',
    ]);
    expect(ks.map((p) => p.path)).toContain('/etc/kubernetes/admin.conf');
    const ka = kubeadmLayout().backupPaths('cp');
    expect(ka.filter((p) => p.required).map((p) => p.path)).toEqual([
      '/etc/kubernetes/pki',
      '/etc/kubernetes/manifests',
    ]);
  });
});
