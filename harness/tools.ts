import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
// Defined in src/ so that the CLI and the action know them without loading the harness.
import {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  type EtcdVersion,
  parseEtcdVersion,
} from '../src/commands/rehearse-choices.js';
import { OperationError } from '../src/errors.js';

export { DEFAULT_ETCD_VERSION, ETCD_VERSIONS, type EtcdVersion, parseEtcdVersion };

/** The programs of one etcd minor, as absolute paths on this machine. */
export interface EtcdTools {
  version: EtcdVersion;
  binDir: string;
  etcd: string;
  etcdctl: string;
  etcdutl: string;
}

/** The Go module under tools/ that builds an etcd minor; 3.4 is not built, Debian ships it. */
export function toolModuleOf(version: Exclude<EtcdVersion, '3.4'>): string {
  return `etcd-${version}`;
}

/** build-tools.sh's cache root: $KUBE_RESCUE_CACHE, else $XDG_CACHE_HOME/kube-rescue, else ~/.cache/kube-rescue. */
export function toolsCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const root =
    env.KUBE_RESCUE_CACHE || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'kube-rescue');
  return join(root, 'tools');
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/**
 * etcd, etcdctl and etcdutl of `version` as scripts/build-tools.sh left them (the stable
 * link `<cache>/tools/etcd-<minor>/bin`). A missing build names the module and the command.
 */
export async function builtEtcdTools(
  version: Exclude<EtcdVersion, '3.4'>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<EtcdTools> {
  const module = toolModuleOf(version);
  const binDir = join(toolsCacheDir(env), module, 'bin');
  const tools: EtcdTools = {
    version,
    binDir,
    etcd: join(binDir, 'etcd'),
    etcdctl: join(binDir, 'etcdctl'),
    etcdutl: join(binDir, 'etcdutl'),
  };
  const missing: string[] = [];
  for (const name of ['etcd', 'etcdctl', 'etcdutl'] as const) {
    if (!(await isExecutable(tools[name]))) missing.push(name);
  }
  if (missing.length > 0) {
    throw new OperationError(
      `etcd ${version} is not built on this machine: ${missing.join(', ')} missing in ${binDir} (the Go module tools/${module}). Build it with: bash scripts/build-tools.sh ${module}  (scripts/setup.sh builds every tool module).`,
    );
  }
  return tools;
}
