/**
 * A Jest reporter that lists the slowest test files at the end of a run, with the run's wall time,
 * so that a suite that grows slower is seen in every run (`npm test` and CI alike).
 */
export default class SlowestSuitesReporter {
  constructor(_globalConfig, options = {}) {
    this.count = options.count ?? 12;
    this.suites = [];
    this.startedAt = Date.now();
  }

  onRunStart() {
    this.startedAt = Date.now();
  }

  onTestFileResult(test, result) {
    const seconds = (result.perfStats.end - result.perfStats.start) / 1000;
    this.suites.push({
      file: test.path.slice(test.context.config.rootDir.length + 1),
      project: test.context.config.displayName?.name ?? '',
      seconds,
    });
  }

  onRunComplete() {
    const slowest = [...this.suites].sort((a, b) => b.seconds - a.seconds).slice(0, this.count);
    const total = this.suites.reduce((sum, suite) => sum + suite.seconds, 0);
    const lines = slowest.map(
      ({ file, project, seconds }) => `  ${seconds.toFixed(1).padStart(7)} s  ${file}${project ? ` (${project})` : ''}`,
    );
    process.stderr.write(
      `\nSlowest test files (${this.suites.length} files, ${total.toFixed(0)} s of suite time in ${((Date.now() - this.startedAt) / 1000).toFixed(0)} s wall):\n${lines.join('\n')}\n`,
    );
  }
}
