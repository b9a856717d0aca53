import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { EtcdSnapshotTool } from '../../../src/etcd/snapshot-tool.js';
import { defaultToolCommands, type EtcdTools, parseSemVer } from '../../../src/etcd/version.js';
import { LocalTransport } from '../../../src/nodes/local.js';

// A stand-in for etcdutl/etcdctl on this machine (the real tools restore in the integration
// tests): it logs its arguments and the ETCDCTL_API it saw, and fails when told to.
const TOOL = `#!/bin/sh
echo "tool ETCDCTL_API=\${ETCDCTL_API:-unset} $*" >> "$LOG"
[ -e "$FAIL" ] && { echo "Error: data-dir exists" >&2; exit 1; }
exit 0
`;

describe('snapshot restore with shell lines around it (one command on the node)', () => {
  let dir: string;
  const log = () => readFileSync(join(dir, 'log'), 'utf8').trim().split('\n');
  const tool = (snapshotTool: 'etcdutl' | 'etcdctl', version: string) => {
    const bin = join(dir, snapshotTool);
    const tools: EtcdTools = {
      node: 'localhost',
      commands: { ...defaultToolCommands, [snapshotTool]: [bin] },
      [snapshotTool]: parseSemVer(version),
      snapshotTool,
      supportsBumpRevision: true,
    };
    writeFileSync(bin, TOOL);
    chmodSync(bin, 0o700);
    return new EtcdSnapshotTool(new LocalTransport(), { tools });
  };
  const restore = (t: EtcdSnapshotTool) =>
    t.restore(
      {
        snapshot: join(dir, 'etcd.db'),
        dataDir: join(dir, 'data'),
        name: 'etcd1',
        initialCluster: 'etcd1=https://10.0.0.1:2380',
        initialClusterToken: 'tok',
        initialAdvertisePeerUrls: ['https://10.0.0.1:2380'],
      },
      { before: [`echo before >> "$LOG"`], after: [`echo after >> "$LOG"`] },
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kr-restore-shell-'));
    process.env.LOG = join(dir, 'log');
    process.env.FAIL = join(dir, 'fail');
  });
  afterEach(() => {
    delete process.env.LOG;
    delete process.env.FAIL;
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs the lines before and after the tool, in order; etcdutl gets no ETCDCTL_API', async () => {
    const r = await restore(tool('etcdutl', '3.6.16'));
    expect(r.tool).toBe('etcdutl');
    const lines = log();
    expect(lines[0]).toBe('before');
    expect(lines[1]).toMatch(/^tool ETCDCTL_API=unset snapshot restore .*etcd\.db --data-dir=/);
    expect(lines[2]).toBe('after');
    expect(lines).toHaveLength(3);
  });

  it('a failed restore runs no line after it, and says what failed with the tool’s words', async () => {
    writeFileSync(join(dir, 'fail'), '');
    const err = await restore(tool('etcdutl', '3.6.16')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OperationError);
    expect((err as Error).message).toMatch(
      /snapshot restore into .*data failed\. The target data dir already exists: move it aside first/,
    );
    expect((err as Error).message).toContain('data-dir exists');
    expect(log()).toEqual(['before', expect.stringMatching(/^tool /)]);
  });

  it('etcdctl gets ETCDCTL_API=3 only before 3.4, where v3 was not yet its default', async () => {
    await restore(tool('etcdctl', '3.3.27'));
    expect(log()[1]).toMatch(/^tool ETCDCTL_API=3 snapshot restore/);
    rmSync(join(dir, 'log'));
    await restore(tool('etcdctl', '3.4.23'));
    expect(log()[1]).toMatch(/^tool ETCDCTL_API=unset snapshot restore/);
  });
});
