import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureNodeImage } from '../../../harness/image.js';
import { EtcdCtl } from '../../../src/etcd/etcdctl.js';
import { detectLayout } from '../../../src/etcd/layout.js';
import { DockerTransport } from '../../../src/nodes/docker.js';
import { silentProgress } from '../../../src/progress.js';

const run = promisify(execFile);

// A real systemd node (the harness's Debian image, no network at all) to prove that the
// Kubespray layout stops and starts etcd with systemctl and waits for the process.
const container = `kube-rescue-layout-${randomBytes(4).toString('hex')}`;
let node: DockerTransport;

beforeAll(async () => {
  const image = await ensureNodeImage(silentProgress);
  await run('docker', [
    'run',
    '-d',
    '--name',
    container,
    '--network',
    'none',
    '--cap-add=ALL',
    '--cap-drop=SYS_RESOURCE',
    '--security-opt',
    'seccomp=unconfined',
    '--tmpfs',
    '/run',
    '--tmpfs',
    '/run/lock',
    '-v',
    '/sys/fs/cgroup:/sys/fs/cgroup:ro',
    '--stop-signal',
    'SIGRTMIN+3',
    image,
  ]);
  node = new DockerTransport('cp-1', { container });
  // systemd needs a moment before systemctl answers.
  const deadline = Date.now() + 30_000;
  for (;;) {
    const r = await node.exec(['systemctl', 'is-system-running'], { allowFailure: true });
    if (/running|degraded/.test(r.stdout) || Date.now() > deadline) break;
    await new Promise((res) => setTimeout(res, 300));
  }
  // Kubespray's marker file; Debian's own etcd unit serves as the `etcd` service here.
  await node.writeFile('/etc/etcd.env', 'ETCD_DATA_DIR=/var/lib/etcd/default\nETCD_NAME=etcd1\n', {
    mode: 0o640,
  });
}, 300_000);

afterAll(async () => {
  await node?.close();
  await run('docker', ['rm', '-f', container]).catch(() => undefined);
});

describe('kubespray layout on a systemd node', () => {
  it('detects the layout, starts etcd, reaches it with etcdctl over docker exec, and stops it', async () => {
    const layout = await detectLayout(node);
    expect(layout.name).toBe('kubespray');
    expect(layout.dataDir).toBe('/var/lib/etcd/default');

    await layout.startEtcd(node, { timeoutMs: 30_000 });
    expect(
      (await node.exec(['systemctl', 'is-active', 'etcd'], { allowFailure: true })).stdout.trim(),
    ).toBe('active');
    const ctl = new EtcdCtl(node, { endpoints: ['http://127.0.0.1:2379'] });
    expect((await ctl.endpointHealth())[0].healthy).toBe(true);
    expect((await ctl.etcdTools()).snapshotTool).toBe('etcdctl');

    await layout.stopEtcd(node, { timeoutMs: 30_000 });
    const after = await node.exec(['pgrep', '-x', 'etcd'], { allowFailure: true });
    expect(after.code).toBe(1);
    expect(
      (await node.exec(['systemctl', 'is-active', 'etcd'], { allowFailure: true })).stdout.trim(),
    ).toBe('inactive');
  });
});
