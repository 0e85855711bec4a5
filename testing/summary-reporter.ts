import { SKIP_MARK } from './prerequisites.js';

// The few fields of Vitest's reporter API used here (vitest/node's TestModule and UserConsoleLog), typed
// locally: this folder is shared by every package and is not a package with dependencies of its own.
interface TestCaseLike {
  result(): { state: string };
}
interface TestModuleLike {
  state(): string;
  children: { allTests(): Iterable<TestCaseLike> };
}

/**
 * One plain summary on stdout at the end of each package's run: what was skipped and why, then
 * `tests: N passed, N failed, N skipped`. Vitest's own summary goes to a TTY with colours and does not
 * say why a test was skipped; CI logs and `pnpm test | tail` need both.
 */
export default class SummaryReporter {
  readonly #reasons = new Set<string>();

  onUserConsoleLog(log: { content: string }): void {
    for (const line of log.content.split('\n'))
      if (line.startsWith(SKIP_MARK)) this.#reasons.add(line.slice(SKIP_MARK.length).trim());
  }

  onTestRunEnd(modules: ReadonlyArray<TestModuleLike>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const module of modules) {
      // A file that fails before its tests run (an import error, a missing prerequisite under CI) counts.
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) counts.failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    const lines = [...this.#reasons].sort().map((r) => `skipped: ${r}`);
    lines.push(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}
