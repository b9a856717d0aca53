import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DressRehearsalReport } from '../../../harness/dress-rehearsal.js';
import type { RehearsalReport } from '../../../harness/rehearsal.js';
import {
  ACT_ETCD_VERSION,
  type ActionCheckout,
  builtAct,
  checkoutWithBundle,
  runAct,
  tailOf,
} from '../../support/act.js';

// examples/rehearsal.yml's job, run by nektos/act on its self-hosted platform: the action
// (this checkout's bundle) starts the harness's own throw-away cluster on this machine's Docker,
// breaks it and recovers it. One scenario keeps it to one cluster and a few minutes.
await builtAct();

const etcdVersion = ACT_ETCD_VERSION;
let checkout: ActionCheckout;
let reports: string;

beforeAll(async () => {
  checkout = await checkoutWithBundle();
  reports = await mkdtemp(join(tmpdir(), 'kr-act-rehearse-'));
});

afterAll(async () => {
  await checkout?.remove();
  if (reports) await rm(reports, { recursive: true, force: true });
});

describe('act runs the rehearsal workflow with the local action', () => {
  it('rehearses member-loss on a local throw-away cluster: the summary table, outputs and the report', async () => {
    const r = await runAct({
      checkout: checkout.dir,
      workflow: 'test/fixtures/workflows/act-rehearsal.yml',
      event: 'workflow_dispatch',
      vars: { ETCD_VERSION: etcdVersion, SCENARIOS: 'member-loss', ARTIFACT_DIR: reports },
      timeoutMs: 900_000,
    });
    console.log(`act: rehearsal workflow ran in ${r.seconds.toFixed(1)} s (exit ${r.code})`);
    expect(r.code, tailOf(r)).toBe(0);
    expect(r.jobResult('rehearse')).toBe('success');

    const report = JSON.parse(
      await readFile(join(reports, 'rehearsal-report.json'), 'utf8'),
    ) as RehearsalReport;
    expect(report).toMatchObject({ provider: 'local', etcdVersion, ok: true });
    expect(report.scenarios).toHaveLength(1);
    const [scenario] = report.scenarios;
    expect(scenario).toMatchObject({ scenario: 'member-loss', result: 'passed', keysLost: 0 });
    expect(scenario.rtoSeconds).toBeGreaterThan(0);

    // The action's `result` output is the same report the file holds.
    const result = JSON.parse(r.outputs('rehearse', 'rehearse').result) as RehearsalReport;
    expect(result.scenarios.map((s) => [s.scenario, s.result, s.keysLost])).toEqual([
      ['member-loss', 'passed', 0],
    ]);

    // The job summary is the rehearsal table.
    const [summary] = r.summaries('rehearse');
    expect(summary).toContain('kube-rescue rehearse');
    expect(summary).toContain(`Rehearsal on the \`local\` provider, etcd ${etcdVersion}`);
    expect(summary).toMatch(/\| member-loss \| ✅ passed \| [\d.]+ s \|/);
  }, 900_000); // the harness builds node images on a fresh machine, inside the workflow
  // examples/dress-rehearsal.yml's step: `command: rehearse` with an inventory is the dress
  // rehearsal of that cluster, on a replica with the inventory's host names and its own addresses.
  it('dress-rehearses the runbook inventory losing its three masters: the report, the output and the summary', async () => {
    const masters = 'taco-m1,taco-m2,taco-m3';
    const r = await runAct({
      checkout: checkout.dir,
      workflow: 'test/fixtures/workflows/act-dress-rehearsal.yml',
      event: 'workflow_dispatch',
      vars: { ETCD_VERSION: etcdVersion, BROKEN: masters, ARTIFACT_DIR: reports },
      timeoutMs: 900_000,
    });
    console.log(`act: dress rehearsal workflow ran in ${r.seconds.toFixed(1)} s (exit ${r.code})`);
    expect(r.code, tailOf(r)).toBe(0);
    expect(r.jobResult('dress-rehearsal')).toBe('success');

    const report = JSON.parse(
      await readFile(join(reports, 'dress-rehearsal.json'), 'utf8'),
    ) as DressRehearsalReport;
    console.log(
      `act: dress rehearsal ${report.replicaPlan?.case}, plan match ${report.planMatch?.match} (${report.planMatch?.steps} steps), RTO ${report.rtoSeconds} s, ${report.keysVerified} keys verified, ${report.keysLost} lost`,
    );
    expect(report.ok, report.error).toBe(true);
    expect(report.inventory).toContain('runbook-hosts.ini');
    expect(report.topology.nodes.map((n) => n.name).sort()).toEqual([
      'taco-m1',
      'taco-m2',
      'taco-m3',
      'taco-w1',
      'taco-w2',
    ]);
    expect(report.failure.brokenEtcd.slice().sort()).toEqual(masters.split(','));
    expect(report.data.source).toBe('generated');
    expect(report.planMatch?.match).toBe(true);
    expect(report.keysLost).toBe(0);
    expect(report.keysVerified).toBeGreaterThan(0);
    expect(report.rtoSeconds).toBeGreaterThan(0);

    const result = JSON.parse(
      r.outputs('dress-rehearsal', 'rehearse').result,
    ) as DressRehearsalReport;
    expect([result.ok, result.keysLost, result.planMatch?.match]).toEqual([true, 0, true]);

    const [summary] = r.summaries('dress-rehearsal');
    expect(summary).toContain('kube-rescue rehearse');
    expect(summary).toContain('Dress rehearsal of');
    expect(summary).toMatch(/✅ same \d+ steps/);
  }, 900_000);
});
