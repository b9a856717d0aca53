import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  API_SERVER_HOST,
  type KubeadmClusterConfig,
  newJoinSecrets,
  renderCniConfig,
  renderInitConfig,
  renderJoinConfig,
} from '../../../harness/kubeadm-config.js';
import { checkKubeadmTopology } from '../../../harness/kubeadm-provider.js';
import { builtKubernetesTools } from '../../../harness/kubernetes-tools.js';
import { topology } from '../../../harness/topology.js';
import { InputError } from '../../../src/errors.js';

const config: KubeadmClusterConfig = {
  clusterName: 'kube-rescue-test',
  kubernetesVersion: 'v1.37.2',
  etcdImageTag: '3.6.16-0',
  controlPlane: [
    { name: 'cp1', ip: '10.240.9.11' },
    { name: 'cp2', ip: '10.240.9.12' },
  ],
  secrets: { token: 'abcdef.0123456789abcdef', certificateKey: 'a'.repeat(64) },
};

const docs = (text: string) =>
  Object.fromEntries(
    parseAllDocuments(text).map((d) => {
      const o = d.toJSON() as { kind: string };
      return [o.kind, o as Record<string, unknown> & { kind: string }];
    }),
  );

describe('kubeadm configuration of a harness cluster', () => {
  it('inits with images kubeadm must not pull: our repository, etcd 3.6, no CoreDNS or kube-proxy', () => {
    const d = docs(renderInitConfig(config));
    expect(Object.keys(d).sort()).toEqual([
      'ClusterConfiguration',
      'InitConfiguration',
      'KubeletConfiguration',
    ]);
    expect(d.ClusterConfiguration).toMatchObject({
      imageRepository: 'kube-rescue.local',
      controlPlaneEndpoint: `${API_SERVER_HOST}:6443`,
      etcd: { local: { imageRepository: 'kube-rescue.local', imageTag: '3.6.16-0' } },
      dns: { disabled: true },
      proxy: { disabled: true },
    });
    expect(d.InitConfiguration).toMatchObject({
      certificateKey: 'a'.repeat(64),
      localAPIEndpoint: { advertiseAddress: '10.240.9.11' },
      nodeRegistration: {
        name: 'cp1',
        imagePullPolicy: 'Never',
        kubeletExtraArgs: [{ name: 'node-ip', value: '10.240.9.11' }],
      },
    });
    expect(d.KubeletConfiguration).toMatchObject({ cgroupDriver: 'cgroupfs', failCgroupV1: false });
  });

  it('joins control-plane nodes with the certificate key and workers without it', () => {
    const cp = docs(
      renderJoinConfig(config, config.controlPlane[1], {
        controlPlane: true,
        caCertHash: 'sha256:00',
      }),
    ).JoinConfiguration;
    expect(cp).toMatchObject({
      discovery: { bootstrapToken: { token: config.secrets.token, caCertHashes: ['sha256:00'] } },
      controlPlane: {
        certificateKey: config.secrets.certificateKey,
        localAPIEndpoint: { advertiseAddress: '10.240.9.12' },
      },
    });
    const worker = docs(
      renderJoinConfig(
        config,
        { name: 'w1', ip: '10.240.9.14' },
        {
          controlPlane: false,
          caCertHash: 'sha256:00',
        },
      ),
    ).JoinConfiguration;
    expect(worker.controlPlane).toBeUndefined();
  });

  it("puts each node's pods under the node container's own cgroup", () => {
    const join = docs(
      renderJoinConfig(
        config,
        { name: 'w1', ip: '10.240.9.14', cgroupRoot: '/docker/abc' },
        { controlPlane: false, caCertHash: 'sha256:00' },
      ),
    ).JoinConfiguration;
    expect(join.nodeRegistration).toMatchObject({
      kubeletExtraArgs: [
        { name: 'node-ip', value: '10.240.9.14' },
        { name: 'cgroup-root', value: '/docker/abc' },
      ],
    });
  });

  it('makes bootstrap tokens and certificate keys in the forms kubeadm accepts', () => {
    const s = newJoinSecrets();
    expect(s.token).toMatch(/^[a-z0-9]{6}\.[a-z0-9]{16}$/);
    expect(s.certificateKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives each node a bridge with its own pod range', () => {
    const cni = JSON.parse(renderCniConfig('10.244.3.0/24'));
    expect(cni.plugins[0]).toMatchObject({
      type: 'bridge',
      ipam: { type: 'host-local', ranges: [[{ subnet: '10.244.3.0/24' }]] },
    });
  });

  it('refuses a topology with etcd on a worker, naming the node', () => {
    expect(() => checkKubeadmTopology(topology('runbook'))).toThrow(InputError);
    expect(() => checkKubeadmTopology(topology('runbook'))).toThrow(/etcd on worker taco-w1/);
    expect(() => checkKubeadmTopology(topology('stacked3-worker'))).not.toThrow();
  });
});

describe('the Kubernetes tools the kubeadm provider needs', () => {
  it('names the modules missing on this machine and the one command that builds them', async () => {
    const env = { KUBE_RESCUE_CACHE: '/nonexistent/kube-rescue' };
    await expect(builtKubernetesTools(env)).rejects.toThrow(
      /lacks kubernetes \(kubeadm, .*\); cri-tools \(crictl\); etcd-3\.6 .* in \/nonexistent\/kube-rescue\/tools\. Build them with: bash scripts\/build-tools\.sh kubernetes cri-tools etcd-3\.6 /,
    );
  });
});
