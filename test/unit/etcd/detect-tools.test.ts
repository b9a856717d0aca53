import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { detectEtcdTools } from '../../../src/etcd/version.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// detectEtcdTools on this machine with stand-in tools at absolute paths: what is checked is how
// it reads their answers, not the real binaries (the integration suites run those: etcd 3.4,
// 3.5, 3.6 on hosts, and the etcd image through ctr on kubeadm nodes).
describe('detectEtcdTools', () => {
  function tools(etcdutlBody: string) {
    const dir = mkdtempSync(join(tmpdir(), 'kr-detect-'));
    const write = (name: string, body: string) => {
      const p = join(dir, name);
      writeFileSync(p, `#!/bin/sh\n${body}\n`);
      chmodSync(p, 0o755);
      return p;
    };
    const help = 'echo "  --bump-revision uint  --mark-compacted"';
    const commands = {
      etcd: [write('etcd', 'echo "etcd Version: 3.6.16"')],
      etcdctl: [
        write(
          'etcdctl',
          `case "$1" in version) echo "etcdctl version: 3.6.16";; *) ${help};; esac`,
        ),
      ],
      etcdutl: [write('etcdutl', etcdutlBody)],
    };
    return { dir, commands };
  }

  it('asks a tool that is there but gave no version once more, alone, and uses its answer', async () => {
    // The first `etcdutl version` prints nothing (as one of six `ctr run`s at once did on a
    // loaded kubeadm node in CI); the second answers.
    const { dir, commands } = tools('');
    const count = join(dir, 'count');
    writeFileSync(
      commands.etcdutl[0]!,
      `#!/bin/sh\necho "$1" >> ${count}\ncase "$1" in\n  version) [ "$(grep -c version ${count})" -gt 1 ] && echo "etcdutl version: 3.6.16";;\n  *) echo "  --bump-revision uint  --mark-compacted";;\nesac\n`,
    );
    const found = await detectEtcdTools(new LocalTransport('node1'), commands);
    expect(found.etcdutl?.raw).toBe('3.6.16');
    expect(found.snapshotTool).toBe('etcdutl');
    expect(found.supportsBumpRevision).toBe(true);
    // version and restore --help at once, then version and restore --help again.
    expect(readFileSync(count, 'utf8').trim().split('\n').sort()).toEqual([
      'snapshot',
      'snapshot',
      'version',
      'version',
    ]);
  });

  it("asks a 3.5+ tool's restore help once more when it lacks the bump, and uses that answer", async () => {
    // The first `etcdutl snapshot restore --help` prints nothing (cut short, as `ctr run` on a
    // loaded kubeadm node did in CI); the second shows the flags.
    const { dir, commands } = tools('');
    const count = join(dir, 'count');
    writeFileSync(
      commands.etcdutl[0]!,
      `#!/bin/sh\necho "$1" >> ${count}\ncase "$1" in\n  version) echo "etcdutl version: 3.6.16";;\n  *) [ "$(grep -c snapshot ${count})" -gt 1 ] && echo "  --bump-revision uint  --mark-compacted";;\nesac\n`,
    );
    const found = await detectEtcdTools(new LocalTransport('node1'), commands);
    expect(found.snapshotTool).toBe('etcdutl');
    expect(found.supportsBumpRevision).toBe(true);
    expect(readFileSync(count, 'utf8').trim().split('\n').sort()).toEqual([
      'snapshot',
      'snapshot',
      'version',
    ]);
  });

  it('says what a tool that never answered printed, after asking twice', async () => {
    const { commands } = tools(
      'echo "ctr: failed to create shim task: context deadline exceeded" >&2; exit 1',
    );
    const err = await detectEtcdTools(new LocalTransport('node1'), commands).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(
      /Node node1 has etcdctl 3\.6\.16 but no etcdutl: .* \(etcdutl version was asked twice and it printed "ctr: failed to create shim task: context deadline exceeded"\)/,
    );
  });

  it('does not ask again for a tool the node does not have', async () => {
    const { dir, commands } = tools('');
    const missing = join(dir, 'no-such-etcdutl');
    const found = await detectEtcdTools(new LocalTransport('node1'), {
      ...commands,
      etcdctl: [join(dir, 'etcdctl34')],
      etcdutl: [missing],
    }).catch((e: unknown) => e);
    // etcdctl34 is missing too: neither tool, said as such, without a "asked twice".
    expect((found as Error).message).toMatch(/has neither etcdctl nor etcdutl/);
    expect((found as Error).message).not.toMatch(/asked twice/);
    expect(existsSync(missing)).toBe(false);
  });
});
