import { describe, expect, it } from 'vitest';
import { memUsageBytes } from '../../../harness/cluster-memory.js';
import type { RehearsalReport } from '../../../harness/rehearsal.js';
import { renderRehearsalMarkdown } from '../../../src/report/rehearsal.js';

describe('the rehearsal budget: cluster start time and peak memory', () => {
  it("reads Docker's MemUsage cells in binary and decimal units, usage only", () => {
    expect(memUsageBytes('812.5MiB / 23.54GiB')).toBe(812.5 * 1024 ** 2);
    expect(memUsageBytes('1.5GiB / 23.54GiB')).toBe(1.5 * 1024 ** 3);
    expect(memUsageBytes('512KiB / 1GiB')).toBe(512 * 1024);
    expect(memUsageBytes('3kB / 1GB')).toBe(3000);
    expect(memUsageBytes('0B / 0B')).toBe(0);
    expect(memUsageBytes('--')).toBeUndefined();
  });

  it('puts each scenario’s start time and peak memory under the table', () => {
    const report: RehearsalReport = {
      tool: 'kube-rescue',
      startedAt: '2026-12-02T00:00:00Z',
      provider: 'kubeadm',
      etcdVersion: '3.6',
      keys: 300,
      ok: true,
      scenarios: [
        {
          scenario: 'member-loss',
          result: 'passed',
          provider: 'kubeadm',
          topology: 'stacked3-worker',
          fault: 'x',
          startupSeconds: 212.4,
          peakMemoryMiB: 2870,
          durationSeconds: 480.2,
        },
      ],
    };
    expect(renderRehearsalMarkdown(report)).toContain(
      '- **member-loss**: cluster started in 212.4 s, peak memory of its nodes 2870 MiB, scenario 480.2 s in all',
    );
  });
});
