import { describe, expect, it } from 'vitest';
import { docker } from '../../../harness/docker-cli.js';
import { ensureNodeImage, etcdNodeImageTag } from '../../../harness/image.js';
import { clusterHealth, LocalClusterProvider, nodeImageTag } from '../../../harness/index.js';
import { ETCD_VERSIONS } from '../../../harness/tools.js';
import { StderrProgress, silentProgress } from '../../../src/progress.js';

const NODE_ETCDCTL =
  'ETCDCTL_API=3 /usr/local/bin/etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/ssl/etcd/ssl/ca.pem --cert=/etc/ssl/etcd/ssl/admin-$(hostname).pem --key=/etc/ssl/etcd/ssl/admin-$(hostname)-key.pem';

// One cluster per version: each starts from its own node image (3.4 Debian's, 3.5/3.6 built here).
describe.each(ETCD_VERSIONS)('a stacked 3-node local cluster on etcd %s', (version) => {
  it('runs etcd of that minor from /usr/local/bin on every member, all healthy', async () => {
    await using cluster = await new LocalClusterProvider().start('stacked3', {
      progress: new StderrProgress(),
      etcdVersion: version,
    });
    console.log(
      `harness: stacked3 on etcd ${version} healthy in ${cluster.startupSeconds.toFixed(1)} s`,
    );
    expect(cluster.etcdVersion).toBe(version);
    expect((await clusterHealth(cluster.etcdEndpoints, cluster.tls)).map((h) => h.healthy)).toEqual(
      [true, true, true],
    );
    for (const node of cluster.nodes) {
      const tools = await node.sh(
        `/usr/local/bin/etcd --version | head -1; ${NODE_ETCDCTL} version | head -1; if [ -x /usr/local/bin/etcdutl ]; then /usr/local/bin/etcdutl version | head -1; fi`,
      );
      const minor = version.replace('.', '\\.');
      expect(tools.stdout).toMatch(new RegExp(`^etcd Version: ${minor}\\.\\d+$`, 'm'));
      expect(tools.stdout).toMatch(new RegExp(`^etcdctl version: ${minor}\\.\\d+$`, 'm'));
      // 3.4 has no etcdutl; from 3.5 on it does the snapshot restore.
      if (version === '3.4') expect(tools.stdout).not.toMatch(/etcdutl/);
      else expect(tools.stdout).toMatch(new RegExp(`^etcdutl version: ${minor}\\.\\d+$`, 'm'));
      // The built versions come without Debian's etcd packages, as on a Kubespray host.
      const debian = await node.sh(
        'dpkg -s etcd-server >/dev/null 2>&1 && echo installed || echo absent',
      );
      expect(debian.stdout.trim()).toBe(version === '3.4' ? 'installed' : 'absent');
      // What a blank node of any version has before Kubespray configures etcd: its user and data dir.
      const dataDir = await node.sh('stat -c "%a %U:%G" /var/lib/etcd');
      expect(dataDir.stdout.trim()).toBe('700 etcd:etcd');
    }
    const status = await cluster.nodes[0].sh(`${NODE_ETCDCTL} endpoint status --cluster -w json`);
    const members = JSON.parse(status.stdout) as { Status: { version: string } }[];
    expect(members).toHaveLength(3);
    for (const m of members) expect(m.Status.version).toMatch(new RegExp(`^${version}\\.`));
    const health = await cluster.nodes[0].sh(`${NODE_ETCDCTL} endpoint health --cluster 2>&1`);
    expect(health.stdout.match(/is healthy/g)).toHaveLength(3);
  });
});

describe('node images per etcd version', () => {
  it('are tagged by their recipe and binaries, built once and then reused', async () => {
    const tags = await Promise.all(ETCD_VERSIONS.map((v) => etcdNodeImageTag(v)));
    expect(tags[0]).toBe(nodeImageTag());
    expect(new Set(tags).size).toBe(3);
    for (const [i, v] of ETCD_VERSIONS.entries()) {
      const t0 = Date.now();
      expect(await ensureNodeImage(silentProgress, v)).toBe(tags[i]);
      expect(Date.now() - t0).toBeLessThan(5000);
      const r = await docker([
        'image',
        'inspect',
        '--format',
        '{{json .Config.Cmd}} {{.Config.Env}} {{index .Config.Labels "kube-rescue.node-image"}}',
        tags[i],
      ]);
      expect(r.stdout).toContain('["/sbin/init"]');
      expect(r.stdout).toContain('container=docker');
      expect(r.stdout).toContain(tags[i].split(':')[1]);
    }
  });
});
