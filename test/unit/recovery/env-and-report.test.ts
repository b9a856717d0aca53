import { describe, expect, it } from 'vitest';
import {
  envForAnotherMember,
  setEnvKeys,
  setManifestFlags,
} from '../../../src/recovery/node-steps.js';
import { renderPlanMarkdown } from '../../../src/report/plan.js';
import { memberLossPlan, removalPlan } from './fixtures.js';

const PEER_ENV = `# Environment file for etcd
ETCD_DATA_DIR=/var/lib/etcd
ETCD_ADVERTISE_CLIENT_URLS=https://10.0.0.1:2379
ETCD_INITIAL_ADVERTISE_PEER_URLS=https://10.0.0.1:2380
ETCD_INITIAL_CLUSTER_STATE=new
ETCD_LISTEN_CLIENT_URLS=https://10.0.0.1:2379,https://127.0.0.1:2379
ETCD_NAME=etcd1
ETCD_INITIAL_CLUSTER=etcd1=https://10.0.0.1:2380,etcd2=https://10.0.0.2:2380
ETCD_CERT_FILE=/etc/ssl/etcd/ssl/member-node1.pem
ETCD_KEY_FILE=/etc/ssl/etcd/ssl/member-node1-key.pem
ETCD_TRUSTED_CA_FILE=/etc/ssl/etcd/ssl/ca.pem
`;

const member = (n: number) => ({
  host: `node${n}`,
  memberName: `etcd${n}`,
  address: `10.0.0.${n}`,
  clientURL: `https://10.0.0.${n}:2379`,
  peerURL: `https://10.0.0.${n}:2380`,
});

describe('etcd.env', () => {
  it('setting keys replaces them in place, appends new ones, keeps comments and order', () => {
    const out = setEnvKeys(PEER_ENV, { ETCD_INITIAL_CLUSTER_STATE: 'existing', EXTRA: 'x' });
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('# Environment file for etcd');
    expect(lines[4]).toBe('ETCD_INITIAL_CLUSTER_STATE=existing');
    expect(lines.at(-1)).toBe('EXTRA=x');
    expect(lines.length).toBe(PEER_ENV.trim().split('\n').length + 1);
  });

  it("a blank node's env is its peer's with name, address and cert names swapped", () => {
    const out = envForAnotherMember(PEER_ENV, member(1), member(2));
    expect(out).toContain('ETCD_NAME=etcd2\n');
    expect(out).toContain('ETCD_ADVERTISE_CLIENT_URLS=https://10.0.0.2:2379\n');
    expect(out).toContain('ETCD_LISTEN_CLIENT_URLS=https://10.0.0.2:2379,https://127.0.0.1:2379\n');
    expect(out).toContain('ETCD_CERT_FILE=/etc/ssl/etcd/ssl/member-node2.pem\n');
    expect(out).toContain('ETCD_KEY_FILE=/etc/ssl/etcd/ssl/member-node2-key.pem\n');
    expect(out).toContain('ETCD_TRUSTED_CA_FILE=/etc/ssl/etcd/ssl/ca.pem\n');
    // The member list names every member: it stays the cluster's (write-env sets it).
    expect(out).toContain(
      'ETCD_INITIAL_CLUSTER=etcd1=https://10.0.0.1:2380,etcd2=https://10.0.0.2:2380\n',
    );
  });
});

describe('plan as Markdown', () => {
  it('has one table row per step, with node, action, reason and undo', () => {
    const plan = memberLossPlan();
    const md = renderPlanMarkdown(plan);
    const rows = md.split('\n').filter((l) => /^\| \d\d-/.test(l));
    expect(rows.length).toBe(plan.steps.length);
    expect(rows[0]).toMatch(
      /^\| 01-member-remove-node1 \| node1 \| \*\*member-remove\*\* \| member: etcd2, memberId: 2aa \|/,
    );
    expect(md).toContain('member-loss');
  });

  it('a host that will not return: its removal, its Node deletion and what is left on it', () => {
    const md = renderPlanMarkdown(removalPlan());
    expect(md).toContain('host-removal');
    expect(md).toContain('- Removed for good (not re-added): node3');
    expect(md).toMatch(
      /^\| 02-delete-node-node1 \| node1 \| \*\*delete-node\*\* \| nodeName: node3, host: node3, kubeconfig: \/etc\/kubernetes\/admin\.conf \|/m,
    );
    expect(md).toMatch(/node3 \(node3\) will not return: it leaves the member list/);
  });
});

describe('kubeadm etcd manifest flags', () => {
  // The command of kubeadm's etcd static pod as `kind` writes it (image line left out).
  const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  labels:
    component: etcd
    tier: control-plane
  name: etcd
  namespace: kube-system
spec:
  containers:
  - command:
    - etcd
    - --advertise-client-urls=https://172.18.0.2:2379
    - --cert-file=/etc/kubernetes/pki/etcd/server.crt
    - --data-dir=/var/lib/etcd
    - --initial-advertise-peer-urls=https://172.18.0.2:2380
    - --initial-cluster=kind-control-plane=https://172.18.0.2:2380
    - --name=kind-control-plane
    name: etcd
`;

  it('replaces existing flags in place and adds missing ones after `- etcd`', () => {
    const out = setManifestFlags(
      MANIFEST,
      {
        ETCD_INITIAL_CLUSTER: 'a=https://172.18.0.2:2380,b=https://172.18.0.3:2380',
        ETCD_INITIAL_CLUSTER_STATE: 'existing',
        ETCD_INITIAL_CLUSTER_TOKEN: 'restore-1',
      },
      'etcd.yaml',
    );
    const lines = out.split('\n');
    expect(lines[12]).toBe('    - --initial-cluster-state=existing');
    expect(lines[13]).toBe('    - --initial-cluster-token=restore-1');
    expect(out).toContain(
      '    - --initial-cluster=a=https://172.18.0.2:2380,b=https://172.18.0.3:2380\n',
    );
    expect(out).not.toContain('--initial-cluster=kind-control-plane');
    expect(out).toContain('    - --name=kind-control-plane\n');
    expect(lines.length).toBe(MANIFEST.split('\n').length + 2);
  });

  it('refuses a file that is not an etcd manifest, naming it', () => {
    expect(() =>
      setManifestFlags('kind: Pod\n', { ETCD_NAME: 'x' }, '/etc/kubernetes/manifests/etcd.yaml'),
    ).toThrow(/\/etc\/kubernetes\/manifests\/etcd.yaml has no '- etcd' command/);
  });
});
