import type { SerializedError } from 'vitest';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, `Tests: N passed, N failed, N skipped`, that any CI can
 * read. A file that failed outside its tests (a hook, an import) and errors outside any test
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
    process.stdout.write(
      `\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped${extra.length > 0 ? `; ${extra.join('; ')}` : ''}\n`,
    );
  }
}
