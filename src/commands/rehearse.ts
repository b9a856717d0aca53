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
  SCENARIOS,
  type ScenarioName,
} from './rehearse-choices.js';

export {
  DEFAULT_ETCD_VERSION,
  ETCD_VERSIONS,
  type EtcdVersion,
  parseEtcdVersion,
  SCENARIOS,
  type ScenarioName,
};

export interface RehearseOptions {
  provider: 'local' | 'kind';
  /** etcd minor of the throw-away cluster's members (local provider). */
  etcdVersion: EtcdVersion;
  scenarios: ScenarioName[];
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

async function preflight(provider: 'local' | 'kind'): Promise<void> {
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
  if (opts.scenarios.length === 0) {
    throw new InputError(`No scenario chosen. Expected some of: ${SCENARIOS.join(', ')}.`);
  }
  // Checked here too: the action and library callers reach this without commander's choices.
  const etcdVersion = parseEtcdVersion(opts.etcdVersion);
  await preflight(opts.provider);
  // The harness (testcontainers and all) loads here, only when a rehearsal runs: the action's
  // other commands and every CLI start go without it.
  const { runScenario } = await import('../../harness/rehearsal.js');
  const report: RehearsalReport = {
    tool: 'kube-rescue',
    startedAt: new Date().toISOString(),
    provider: opts.provider,
    etcdVersion,
    keys: opts.keys,
    ok: false,
    scenarios: [],
  };
  for (const [i, name] of opts.scenarios.entries()) {
    ctx.progress.info(`Scenario ${i + 1}/${opts.scenarios.length}: ${name}`);
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
