import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { EtcdToolCommands } from '../../src/etcd/version.js';

/**
 * The etcd versions the integration tests run on: Debian's 3.4 on PATH, and 3.5/3.6 as
 * scripts/build-tools.sh builds them into the per-machine cache.
 */
export interface EtcdUnderTest {
  version: '3.4' | '3.5' | '3.6';
  etcdBinary: string;
  commands: EtcdToolCommands;
  /** Why it is missing on this machine, so the suite says what to run. */
  missing?: string;
}

const cache =
  process.env.KUBE_RESCUE_CACHE ??
  join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'kube-rescue');

export function etcdUnderTest(version: '3.4' | '3.5' | '3.6'): EtcdUnderTest {
  if (version === '3.4') {
    return {
      version,
      etcdBinary: 'etcd',
      commands: { etcd: ['etcd'], etcdctl: ['etcdctl'], etcdutl: ['etcdutl'] },
    };
  }
  const bin = join(cache, 'tools', `etcd-${version}`, 'bin');
  const tool = (name: string) => [join(bin, name)];
  return {
    version,
    etcdBinary: join(bin, 'etcd'),
    commands: { etcd: tool('etcd'), etcdctl: tool('etcdctl'), etcdutl: tool('etcdutl') },
    ...(existsSync(join(bin, 'etcdutl'))
      ? {}
      : { missing: `no ${bin}/etcdutl: run scripts/build-tools.sh etcd-${version}` }),
  };
}
