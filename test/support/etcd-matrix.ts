import { join } from 'node:path';
import {
  builtEtcdTools,
  ETCD_VERSIONS,
  type EtcdVersion,
  parseEtcdVersion,
} from '../../harness/tools.js';

/**
 * The etcd minors the integration suite runs every recovery case on: all of them, or the
 * comma-separated KUBE_RESCUE_ETCD_VERSIONS (e.g. `3.6`) for a focused local run.
 */
export const ETCD_MATRIX: readonly EtcdVersion[] = (() => {
  const raw = process.env.KUBE_RESCUE_ETCD_VERSIONS?.trim();
  if (!raw) return ETCD_VERSIONS;
  return raw.split(',').map((v) => parseEtcdVersion(v, 'KUBE_RESCUE_ETCD_VERSIONS'));
})();

/**
 * Where tests that do not depend on the etcd version run (exit codes, journals, damaged
 * sets): once, on the first minor of the matrix, as they did before there was a matrix.
 */
export function isPrimaryVersion(version: EtcdVersion): boolean {
  return version === ETCD_MATRIX[0];
}

/** The directory with etcd, etcdctl (and from 3.5 etcdutl) of `version` on this machine. */
export async function etcdBinDir(version: EtcdVersion): Promise<string> {
  if (version === '3.4') return '/usr/bin';
  return (await builtEtcdTools(version)).binDir;
}

/** etcd of `version` for a LocalEtcdCluster. */
export async function etcdBinary(version: EtcdVersion): Promise<string> {
  return join(await etcdBinDir(version), 'etcd');
}
