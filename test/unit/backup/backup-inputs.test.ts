import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BackupOptions, backup } from '../../../src/commands/backup.js';
import { InputError } from '../../../src/errors.js';
import { silentProgress } from '../../../src/progress.js';

const dest = () => join(mkdtempSync(join(tmpdir(), 'kube-rescue-inputs-')), 'backups');

function opts(extra: Partial<BackupOptions>): BackupOptions {
  return {
    access: { transport: 'local', layout: 'auto', etcdEndpoints: ['http://127.0.0.1:1'] },
    dest: dest(),
    encryptTo: [],
    compress: 'gzip',
    etcdOnly: true,
    ...extra,
  };
}

describe('backup: bad input is exit 2 before any node or store is touched', () => {
  it.each<[string, Partial<BackupOptions>, RegExp]>([
    [
      'a malformed recipient',
      { encryptTo: ['age1nope'] },
      /--encrypt-to: 'age1nope' is not an age recipient/,
    ],
    ['an SSH recipient', { encryptTo: ['ssh-ed25519 AAAA'] }, /is not an age recipient/],
    ['a bad cluster name', { clusterName: 'Prod_1' }, /--cluster-name 'Prod_1'/],
    [
      'no endpoints without an inventory',
      { access: { transport: 'local', layout: 'auto' } },
      /--etcd-endpoints is required/,
    ],
    [
      'ssh without an inventory',
      { access: { transport: 'ssh', layout: 'auto', etcdEndpoints: ['http://127.0.0.1:1'] } },
      /Without an inventory \(-i\) there are no nodes to reach over ssh/,
    ],
    [
      'half the TLS flags',
      {
        access: {
          transport: 'local',
          layout: 'auto',
          etcdEndpoints: ['https://127.0.0.1:1'],
          etcdCacert: '/ca.pem',
        },
      },
      /--etcd-cacert, --etcd-cert and --etcd-key go together/,
    ],
    ['an unknown destination scheme', { dest: 'ftp://x/y' }, /unknown scheme/],
  ])('%s', async (_what, extra, message) => {
    const o = opts(extra);
    const err = await backup(o, { progress: silentProgress }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(message);
    expect(() => readdirSync(o.dest)).toThrow(/ENOENT/);
  });

  // Node 20 has no zstd in node:zlib; newer runtimes do, and then this case does not exist.
  it.skipIf(process.versions.node.split('.')[0] !== '20')(
    'zstd on a Node without it says so and touches nothing',
    async () => {
      const o = opts({ compress: 'zstd' });
      await expect(backup(o, { progress: silentProgress })).rejects.toThrow(
        /--compress zstd: this Node\.js v20/,
      );
      expect(() => readdirSync(o.dest)).toThrow(/ENOENT/);
    },
  );
});
