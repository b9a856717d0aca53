import { InputError } from '../errors.js';

// The names `rehearse` offers, apart from the harness: the CLI's help and the action's input
// checks need them at start, the harness itself only when a rehearsal runs (a dynamic import).

/** Where a rehearsal's cluster runs; kubeadm and kind have a Kubernetes API, local has none. */
export const REHEARSAL_PROVIDERS = ['local', 'kind', 'kubeadm'] as const;
export type RehearsalProvider = (typeof REHEARSAL_PROVIDERS)[number];

/** The rehearsal scenarios, in the order a full rehearsal runs them. */
export const SCENARIOS = [
  'member-loss',
  'quorum-loss',
  'total-loss',
  'cert-loss',
  'runbook-example',
  'host-removal',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

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
