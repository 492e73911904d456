/**
 * Ends the test run with one plain line, `tests: N passed, N failed, N skipped`,
 * which CI systems read without knowing vitest's own summary; before it, every
 * test skipped for a stated reason (`ctx.skip(reason)`), with that reason, so a
 * missing corpus is never mistaken for a pass.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const reasons = new Map<string, string[]>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') counts.passed++;
        else if (result.state === 'failed') counts.failed++;
        else {
          counts.skipped++;
          const note = result.state === 'skipped' ? result.note : undefined;
          if (note) reasons.set(note, [...(reasons.get(note) ?? []), `${module.moduleId.replace(/^.*\/tests\//, 'tests/')} > ${test.fullName}`]);
        }
      }
    }
    for (const [note, tests] of reasons) {
      process.stdout.write(`\nskipped ${tests.length} test${tests.length === 1 ? '' : 's'}: ${note}\n${tests.map((t) => `  ${t}\n`).join('')}`);
    }
    process.stdout.write(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
