import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { etcdImageToolCommands } from '../../../src/etcd/static-pod.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// The wrapper around `ctr run` (src/etcd/static-pod.ts) is shell; these rows run it with a
// stand-in `ctr` on the PATH, because ctr needs a containerd with the etcd image — the kubeadm
// integration suite (test/integration/kubeadm) runs the real one. What is checked here is the
// wrapper's own part: all output passes, the exit code is kept, the temp file is gone after.
describe("the kubeadm node's etcd tool wrapper", () => {
  function fake(ctrBody: string) {
    const dir = mkdtempSync(join(tmpdir(), 'kr-ctr-'));
    const ctr = join(dir, 'ctr');
    writeFileSync(ctr, `#!/bin/sh\n${ctrBody}\n`);
    chmodSync(ctr, 0o755);
    const tmp = mkdtempSync(join(tmpdir(), 'kr-ctr-tmp-'));
    const tools = etcdImageToolCommands('etcd:3.6.16', {
      etcdCertDir: join(dir, 'pki'),
      dataDir: '/var/lib/etcd',
      etcdManifest: join(dir, 'etcd.yaml'),
      parkedEtcdManifest: join(dir, 'etcd.yaml.parked'),
    });
    const env = { PATH: `${dir}:${process.env.PATH}`, TMPDIR: tmp };
    return { tools, env, tmp };
  }
  it('passes all of a large output on, keeps the exit code and leaves no temp file', async () => {
    // 3 MB, more than any pipe holds, then exit 3 as a failing etcdctl would.
    const { tools, env, tmp } = fake(
      'head -c 3000000 /dev/zero | tr "\\0" x; echo done >&2; exit 3',
    );
    const r = await new LocalTransport('node1').exec([...tools.etcdctl, 'get', '/'], {
      env,
      allowFailure: true,
    });
    expect(r.code).toBe(3);
    expect(r.stdout.length).toBe(3_000_000);
    expect(r.stderr).toContain('done');
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('hands the tool its arguments after ctr run --rm and the image', async () => {
    const { tools, env } = fake('printf "%s\\n" "$@"');
    const r = await new LocalTransport('node1').exec([...tools.etcdutl, 'snapshot', 'status'], {
      env,
    });
    const args = r.stdout.trim().split('\n');
    expect(args.slice(0, 4)).toEqual(['-n', 'k8s.io', 'run', '--rm']);
    expect(args.slice(-5)).toEqual([
      'etcd:3.6.16',
      expect.stringMatching(/^kube-rescue-etcd-\d+-\d+$/),
      'etcdutl',
      'snapshot',
      'status',
    ]);
  });

  it('removes the temp file when the command is stopped', async () => {
    const { tools, env, tmp } = fake('echo partial; sleep 30');
    await expect(
      new LocalTransport('node1').exec([...tools.etcdctl, 'get', '/'], { env, timeoutMs: 500 }),
    ).rejects.toThrow(/timed out|did not finish/i);
    for (let i = 0; i < 40 && readdirSync(tmp).length; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(readdirSync(tmp)).toEqual([]);
  });
});
