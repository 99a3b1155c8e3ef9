// How `npm test` counts: pure functions from a runner's report (or its absence) and its exit to
// {passed, failed, skipped, problems}. The rule is that no failure mode may hide: a test that did not run because
// a hook threw, an error outside any test, an unhandled error, a runner that crashed, wrote no report, or exited
// non-zero without a failing test — each counts as a failure, with a line saying what happened.

/** @typedef {{ status: number | null, signal?: string | null }} Exit */
/** @typedef {{ passed: number, failed: number, skipped: number, problems: string[] }} Tally */

/** @returns {Tally} */
function tally() {
  return { passed: 0, failed: 0, skipped: 0, problems: [] };
}

function exitText(exit) {
  return exit.signal ? `killed by ${exit.signal}` : `exit status ${exit.status}`;
}

/** A runner that exits badly must show at least one failure, whatever its report said. */
function settle(label, counts, exit) {
  if ((exit.status !== 0 || exit.signal) && counts.failed === 0) {
    counts.failed++;
    counts.problems.push(`${label}: ${exitText(exit)} with no failing test counted`);
  }
  return counts;
}

function missingReport(label, exit) {
  const counts = tally();
  counts.failed = 1;
  counts.problems.push(`${label}: no report (${exitText(exit)}): the runner crashed or did not start`);
  return counts;
}

/** A check that is not a test runner (typecheck, lint, build): one failure when it fails. */
export function countCheck(label, exit) {
  return settle(label, tally(), exit);
}

/**
 * vitest, from scripts/vitest-counts-reporter.mjs's report. A test that did not pass inside a suite (or module)
 * whose own hook or collection failed is a failure, not a skip; an error of a suite that no such test carries
 * (an `afterAll` after passing tests, a file that fails to load) is one more.
 */
export function countVitest(report, exit) {
  if (!report) return missingReport('vitest', exit);
  const counts = tally();
  for (const module of report.modules) {
    const erroring = new Set(module.errors.map((error) => error.suite));
    const carried = new Set();
    for (const test of module.tests) {
      if (test.state === 'passed') counts.passed++;
      else if (test.state === 'failed') counts.failed++;
      else {
        const blamed = test.suites.findLast((suite) => erroring.has(suite));
        if (blamed === undefined) counts.skipped++;
        else {
          counts.failed++;
          carried.add(blamed);
        }
      }
    }
    for (const error of module.errors) {
      if (!carried.has(error.suite)) counts.failed++;
      const where = error.suite === null ? module.file : `${module.file} > ${error.suite}`;
      counts.problems.push(`vitest: ${where}: ${error.messages.join(' / ')}`);
    }
  }
  counts.failed += report.unhandledErrors.length;
  for (const message of report.unhandledErrors) counts.problems.push(`vitest: unhandled error: ${message}`);
  if (report.reason === 'interrupted') {
    counts.failed++;
    counts.problems.push('vitest: the run was interrupted');
  }
  return settle('vitest', counts, exit);
}

/**
 * Playwright, from its JSON report. A skipped browser test proved nothing: it counts as a failure. Errors outside
 * tests (a global setup or teardown, a file that fails to load) are in `errors`.
 */
export function countPlaywright(report, exit) {
  if (!report) return missingReport('playwright', exit);
  const counts = tally();
  const { expected, unexpected, flaky, skipped } = report.stats;
  counts.passed = expected + flaky;
  counts.failed = unexpected + skipped + (report.errors?.length ?? 0);
  if (skipped > 0) counts.problems.push(`playwright: ${skipped} skipped browser test(s), counted as failures`);
  for (const error of report.errors ?? []) {
    counts.problems.push(`playwright: ${String(error.message ?? error.value ?? '').split('\n')[0]}`);
  }
  return settle('playwright', counts, exit);
}

/** The one line CI reads. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}
