import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RehearsalReport } from '../../../harness/rehearsal.js';
import { writeSummary } from '../../../src/action/summary.js';

// The real @actions/core writes to GITHUB_STEP_SUMMARY, which the setup file points at a temp file.
describe('job summary', () => {
  it('shows the rehearsal table a person reads, and the JSON behind it', async () => {
    const report: RehearsalReport = {
      tool: 'kube-rescue',
      startedAt: '2026-11-22T00:00:00.000Z',
      provider: 'local',
      etcdVersion: '3.6',
      keys: 2000,
      ok: false,
      scenarios: [
        {
          scenario: 'member-loss',
          result: 'passed',
          provider: 'local',
          topology: 'stacked3',
          fault: '1 of 3 members lost',
          rtoSeconds: 9.4,
          keysAtBackup: 2101,
          keysAfterRestore: 2180,
          keysLost: 0,
          writesAfterBackup: 79,
          writesLost: 0,
          planCase: 'member-loss',
          durationSeconds: 40,
        },
        {
          scenario: 'cert-loss',
          result: 'failed',
          provider: 'local',
          topology: 'stacked3',
          fault: 'certs deleted',
          error: 'verification failed: certificates',
          durationSeconds: 30,
        },
      ],
    };
    await writeSummary('rehearse', report, true);
    const md = readFileSync(process.env.GITHUB_STEP_SUMMARY!, 'utf8');
    expect(md).toContain('kube-rescue rehearse — failed');
    expect(md).toContain(
      '| member-loss | ✅ passed | 9.4 s | 2101 | 2180 | 0 | 0 of 79 | member-loss |',
    );
    expect(md).toContain('| cert-loss | ❌ failed |');
    expect(md).toContain('**cert-loss**: verification failed: certificates');
    expect(md).toContain('"keysAtBackup": 2101');
  });
});
