/**
 * Fails the run when any test was skipped, marked todo or focused away, or when no test ran:
 * a suite that does not run is not a suite that passed. Prints the plain closing line
 * "tests: N passed, N failed" that CI reads.
 */
class NoSkipsReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const skippedSuites = results.numPendingTestSuites;
    if (skipped > 0 || skippedSuites > 0) {
      process.stderr.write(`\nFAILED: ${skipped} test(s) and ${skippedSuites} suite(s) were skipped; every suite must run.\n`);
      results.success = false;
      process.exitCode = 1;
    }
    if (results.numTotalTests === 0) {
      process.stderr.write("\nFAILED: no test ran.\n");
      results.success = false;
      process.exitCode = 1;
    }
    process.stdout.write(`\ntests: ${results.numPassedTests} passed, ${results.numFailedTests} failed\n`);
  }
  getLastError() {
    if (process.exitCode === 1) return new Error("skipped or missing tests");
    return undefined;
  }
}
module.exports = NoSkipsReporter;
