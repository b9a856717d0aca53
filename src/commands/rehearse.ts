import { writeFile } from 'node:fs/promises';
import type { RehearsalReport } from '../../harness/rehearsal.js';
import { InputError, OperationError } from '../errors.js';
import { renderRehearsalMarkdown } from '../report/rehearsal.js';
import type { CommandContext } from './context.js';
import {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  type EtcdVersion,
  parseEtcdVersion,
  REHEARSAL_PROVIDERS,
  type RehearsalProvider,
  SCENARIOS,
  type ScenarioName,
} from './rehearse-choices.js';

export {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  type EtcdVersion,
  parseEtcdVersion,
  REHEARSAL_PROVIDERS,
  type RehearsalProvider,
  SCENARIOS,
  type ScenarioName,
};

export interface RehearseOptions {
  provider: RehearsalProvider;
  /** etcd minor of the throw-away cluster's members (local provider). */
  etcdVersion: EtcdVersion;
  /** Scenarios to run; not given: every one the provider can run. */
  scenarios?: ScenarioName[];
  report?: string;
  keys: number;
}

/** A rehearsal with at least one failed scenario: exit 1, and the report still printed. */
export class RehearsalFailedError extends OperationError {
  constructor(readonly result: RehearsalReport) {
    const failed = result.scenarios.filter((s) => s.result === 'failed');
    super(
      `Rehearsal failed: ${failed.map((s) => `${s.scenario} (${s.error ?? 'failed'})`).join('; ')}`,
    );
  }
}

async function preflight(provider: RehearsalProvider): Promise<void> {
  if (provider === 'kubeadm') {
    // Loaded only here: Kubernetes' tools matter to this provider alone.
    const { builtKubernetesTools } = await import('../../harness/kubernetes-tools.js');
    await builtKubernetesTools().catch((e: Error) => {
      throw new InputError(e.message);
    });
  }
  if (provider === 'kind') {
    const { kindAvailability } = await import('../../harness/kind-provider.js');
    const kind = await kindAvailability();
    if (!kind.available) {
      throw new InputError(
        `The kind provider cannot run here: ${kind.reason}. Install kind and a Docker engine (on GitHub runners: helm/kind-action), or use --provider local.`,
      );
    }
  }
}

/**
 * `kube-rescue rehearse`: every scenario on a throw-away cluster of its own, one after the
 * other (two cores do not run two clusters well), with a report at the end.
 */
export async function rehearse(
  opts: RehearseOptions,
  ctx: CommandContext,
): Promise<RehearsalReport> {
  // The harness (testcontainers and all) loads here, only when a rehearsal runs: the action's
  // other commands and every CLI start go without it. Nothing starts before the checks below.
  const { runScenario, scenariosFor, scenarioTopology } = await import(
    '../../harness/rehearsal.js'
  );
  const scenarios = opts.scenarios ?? scenariosFor(opts.provider);
  if (scenarios.length === 0) {
    throw new InputError(`No scenario chosen. Expected some of: ${SCENARIOS.join(', ')}.`);
  }
  const cannot = scenarios.filter((s) => scenarioTopology(s, opts.provider) === undefined);
  if (cannot.length > 0) {
    throw new InputError(
      `The ${opts.provider} provider cannot run ${cannot.join(', ')}: it puts etcd on worker nodes, and kubeadm runs etcd only on control-plane nodes. Run it with --provider local, or choose from: ${scenariosFor(opts.provider).join(', ')}.`,
    );
  }
  // Checked here too: the action and library callers reach this without commander's choices.
  const etcdVersion = parseEtcdVersion(opts.etcdVersion);
  if (opts.provider === 'kubeadm' && etcdVersion !== '3.6') {
    throw new InputError(
      `The kubeadm provider runs etcd 3.6 (its control-plane image, built from tools/etcd-3.6); --etcd-version ${etcdVersion} applies to the local provider only.`,
    );
  }
  await preflight(opts.provider);
  const report: RehearsalReport = {
    tool: 'kube-rescue',
    startedAt: new Date().toISOString(),
    provider: opts.provider,
    etcdVersion,
    keys: opts.keys,
    ok: false,
    scenarios: [],
  };
  for (const [i, name] of scenarios.entries()) {
    ctx.progress.info(`Scenario ${i + 1}/${scenarios.length}: ${name}`);
    const r = await runScenario(name, {
      provider: opts.provider,
      etcdVersion,
      keys: opts.keys,
      progress: ctx.progress,
    });
    ctx.progress.info(
      `Scenario ${name}: ${r.result}${r.rtoSeconds === undefined ? '' : `, RTO ${r.rtoSeconds} s`}${r.error ? ` — ${r.error}` : ''}`,
    );
    report.scenarios.push(r);
  }
  report.ok = report.scenarios.every((s) => s.result === 'passed');
  if (opts.report) {
    await writeFile(opts.report, `${JSON.stringify(report, null, 2)}\n`);
    ctx.progress.info(`Wrote the JSON report to ${opts.report}`);
  }
  if (!report.ok) throw new RehearsalFailedError(report);
  return report;
}

export { renderRehearsalMarkdown };
