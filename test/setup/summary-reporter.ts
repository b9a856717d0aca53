import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, that any CI can
 * read, after the slowest files and their durations. A file that failed outside its tests (a hook, an import) and errors outside any test
 * are added after it, so a run that fails never reads as all green.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(
    modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<SerializedError> = [],
  ): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failedOutsideTests: string[] = [];
    for (const m of modules) {
      let failedHere = 0;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failedHere++;
        else skipped++;
      }
      failed += failedHere;
      if (m.state() === 'failed' && failedHere === 0) failedOutsideTests.push(m.moduleId);
    }
    const extra = [
      failedOutsideTests.length > 0
        ? `${failedOutsideTests.length} file(s) failed outside their tests (a hook or an import): ${failedOutsideTests.join(', ')}`
        : '',
      unhandledErrors.length > 0 ? `${unhandledErrors.length} error(s) outside any test` : '',
    ].filter(Boolean);
    // Where a run's time went: the slowest files, so that a CI log shows what to make faster.
    const slowest = [...modules]
      .map((m) => ({ id: m.relativeModuleId, ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15)
      .filter((m) => m.ms >= 1000);
    if (slowest.length > 0) {
      process.stdout.write(
        `\nSlowest files:\n${slowest.map((m) => `  ${(m.ms / 1000).toFixed(1).padStart(7)} s  ${m.id}`).join('\n')}\n`,
      );
    }
    process.stdout.write(
      `\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped${extra.length > 0 ? `; ${extra.join('; ')}` : ''}\n`,
    );
  }
}
