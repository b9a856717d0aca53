import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { InputError, OperationError } from '../src/errors.js';

/**
 * The etcd minors the harness runs: 3.4 from Debian's packages, 3.5 and 3.6 built from the
 * Go modules under tools/ by scripts/build-tools.sh. 3.6 is what current Kubernetes runs.
 */
export const ETCD_VERSIONS = ['3.4', '3.5', '3.6'] as const;
export type EtcdVersion = (typeof ETCD_VERSIONS)[number];
export const DEFAULT_ETCD_VERSION: EtcdVersion = '3.6';

/** `value` as an etcd minor the harness knows; `where` names the flag or input for the error. */
export function parseEtcdVersion(value: string, where = '--etcd-version'): EtcdVersion {
  const v = value.trim().replace(/^v/, '');
  if ((ETCD_VERSIONS as readonly string[]).includes(v)) return v as EtcdVersion;
  throw new InputError(
    `Invalid ${where} "${value}". Expected one of: ${ETCD_VERSIONS.join(', ')} (an etcd minor version).`,
  );
}

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
