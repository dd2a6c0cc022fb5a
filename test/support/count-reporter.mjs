/**
 * Prints "N passed, N failed, N skipped" as the last line of a run, the
 * plain summary CI reads (web-test-runner prints none of its own).
 */
function count(results, tally) {
  for (const test of results?.tests ?? []) {
    if (test.skipped) tally.skipped += 1;
    else if (test.passed) tally.passed += 1;
    else tally.failed += 1;
  }
  for (const suite of results?.suites ?? []) count(suite, tally);
}

export function countReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const tally = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, tally);
        // A file that failed to load has no test results but must fail the count.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length)
          tally.failed += 1;
      }
      console.log(`\n${tally.passed} passed, ${tally.failed} failed, ${tally.skipped} skipped`);
    },
  };
}
