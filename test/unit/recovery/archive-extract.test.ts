import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArgv } from '../../../src/recovery/node-steps.js';

// The argv a restore-certs step runs, given to the real GNU tar (into a temp root instead of
// the node's /): on kubeadm the archive's etcd.yaml must land at the parked path, never in
// the kubelet's manifest dir, and nothing else of the archive may move.
const run = promisify(execFile);
let root: string;
let archive: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kr-extract-'));
  const src = join(root, 'src');
  await mkdir(join(src, 'etc/kubernetes/manifests'), { recursive: true });
  await mkdir(join(src, 'etc/kubernetes/pki/etcd'), { recursive: true });
  await writeFile(join(src, 'etc/kubernetes/manifests/etcd.yaml'), 'etcd manifest\n');
  await writeFile(join(src, 'etc/kubernetes/manifests/kube-apiserver.yaml'), 'apiserver\n');
  await writeFile(join(src, 'etc/kubernetes/pki/etcd/server.key'), 'key\n', { mode: 0o600 });
  archive = join(root, 'node.tar');
  await run('tar', ['-cf', archive, '-C', src, 'etc/kubernetes/manifests', 'etc/kubernetes/pki']);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** extractArgv with its `-C /` pointed at `dir`. */
async function extract(dir: string, park?: { from: string; to: string }) {
  const argv = extractArgv(archive, ['/etc/kubernetes/manifests', '/etc/kubernetes/pki'], park);
  const at = argv.indexOf('-C');
  argv[at + 1] = dir;
  // --same-owner needs root; the owners are not what this test is about.
  await run(
    argv[0]!,
    argv.slice(1).filter((a) => a !== '--same-owner'),
  );
}

describe('extracting a node archive on kubeadm', () => {
  it("parks the archive's etcd.yaml beside the manifest dir and puts everything else in place", async () => {
    const dir = join(root, 'parked');
    await mkdir(dir);
    await extract(dir, {
      from: '/etc/kubernetes/manifests/etcd.yaml',
      to: '/etc/kubernetes/etcd.yaml.kube-rescue-stopped',
    });
    expect((await readdir(join(dir, 'etc/kubernetes/manifests'))).sort()).toEqual([
      'kube-apiserver.yaml',
    ]);
    expect(await readFile(join(dir, 'etc/kubernetes/etcd.yaml.kube-rescue-stopped'), 'utf8')).toBe(
      'etcd manifest\n',
    );
    expect(await readFile(join(dir, 'etc/kubernetes/pki/etcd/server.key'), 'utf8')).toBe('key\n');
  });

  it('without parking (Kubespray), the manifest goes where the archive has it', async () => {
    const dir = join(root, 'plain');
    await mkdir(dir);
    await extract(dir);
    expect((await readdir(join(dir, 'etc/kubernetes/manifests'))).sort()).toEqual([
      'etcd.yaml',
      'kube-apiserver.yaml',
    ]);
  });

  it('refuses a path tar --transform cannot take', () => {
    expect(() =>
      extractArgv(archive, ['/etc/kubernetes/manifests'], {
        from: '/etc/kubernetes/manifests/etcd.yaml',
        to: '/etc/kube,rnetes/parked',
      }),
    ).toThrow(/cannot go into tar's --transform/);
  });
});
