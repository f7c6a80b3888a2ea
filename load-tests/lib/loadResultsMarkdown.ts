import { round } from '../../bench/lib/statistics.ts';
import { describePhases } from './scenarioPhases.ts';
import type { LoadRunContext, LoadSuiteResults, ScenarioSummary, SustainedRateResults } from './types.ts';

const n = (value: number | undefined, digits = 0): string =>
  value === undefined || Number.isNaN(value) ? '–' : String(round(value, digits));
const counts = (byCode: Record<string, number>): string =>
  Object.keys(byCode).length === 0
    ? 'none'
    : Object.entries(byCode)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, count]) => `${code}: ${count}`)
        .join(', ');

/** bench/results/load-latest.md: per scenario the totals, each request name, each 10-s window and the checks. */
export function suiteMarkdown(results: LoadSuiteResults): string {
  return [
    `# Load test (Artillery), ${results.measuredAt}`,
    '',
    ...context(results),
    ...(results.scale === 1 ? [] : [`Every arrival rate of the scenario files × ${results.scale} (\`--scale\`).`]),
    '',
    '| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | by status | errors | checks |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | --- |',
    ...results.scenarios.map(
      (s) =>
        `| ${s.scenario} | ${s.requests} | ${n(s.requestsPerSecond, 1)} | ${n(s.latencyMs.p50, 1)} | ${n(s.latencyMs.p95, 1)} | ${n(s.latencyMs.p99, 1)} | ${n(s.latencyMs.max)} | ${counts(s.byStatus)} | ${counts(s.errorsByCode)} | ${checksCell(s)} |`,
    ),
    '',
    ...results.scenarios.flatMap(scenarioSection),
    ...results.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}

/** bench/results/load-sustained-latest.md: each rate step and the highest that held p99 under the bound. */
export function sustainedMarkdown(results: SustainedRateResults): string {
  const { sustained, criterion, settings } = results;
  return [
    `# Sustained rate with p99 < ${criterion.p99BelowMs} ms (Artillery, ${results.scenario}), ${results.measuredAt}`,
    '',
    ...context(results),
    '',
    sustained
      ? `**Sustained: ${sustained.arrivalRate} transactions/s = ${n(sustained.requestsPerSecond)} requests/s, p99 ${n(sustained.p99Ms, 1)} ms**, the highest rate with p99 < ${criterion.p99BelowMs} ms, no errors and only 2xx answers.`
      : `**No rate held p99 < ${criterion.p99BelowMs} ms with no errors.**`,
    '',
    `Each rate: ${settings.warmupSeconds} s warm-up (not counted), then ${settings.measuredSeconds} s measured at a constant arrival rate; ` +
      `${settings.requestsPerTransaction}. Stopped: ${results.stoppedBecause}.`,
    '',
    '| transactions/s | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | by status | errors | load generator cores | machine busy cores | result |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | --- |',
    ...results.steps.map(
      (step) =>
        `| ${step.arrivalRate} | ${step.requests} | ${n(step.requestsPerSecond, 1)} | ${n(step.latencyMs.p50, 1)} | ${n(step.latencyMs.p95, 1)} | ${n(step.latencyMs.p99, 1)} | ${n(step.latencyMs.max)} | ` +
        `${counts(step.byStatus)} | ${counts(step.errorsByCode)} | ${n(step.loadGeneratorCores, 2)} | ${n(step.machineBusyCores, 2)} | ${step.passed ? 'pass' : `fail: ${step.reason}`} |`,
    ),
    '',
    ...results.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}

function context(results: LoadRunContext): string[] {
  const { machine, target, localCloud } = results;
  return [
    `Target: ${target.url} (${target.kind === 'own local cloud' ? `a local cloud started for this run${localCloud ? `, up in ${localCloud.startupMs} ms, stream consumers ${localCloud.consumersRunning ? 'running' : 'stopped'}` : ''}` : 'given with --target'}). ` +
      `Artillery ${machine.artillery}, Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.totalMemoryMb} MB.`,
    `Load average ${machine.loadAverageAtStart.join(' / ')} at start, ${machine.loadAverageAtEnd.join(' / ')} at end; ${n(results.durationSeconds)} s in all.`,
  ];
}

function scenarioSection(s: ScenarioSummary): string[] {
  const custom = Object.entries(s.customCounters);
  return [
    `## ${s.scenario}`,
    '',
    `${describePhases(s.phases)}; ` +
      `${s.vusers.created} virtual users, ${s.vusers.failed} failed; ${n(s.durationSeconds)} s. ` +
      `Load generator ${n(s.loadGeneratorCores, 2)} cores, machine ${n(s.machineBusyCores, 2)} cores busy on average.` +
      (custom.length > 0 ? ` ${custom.map(([name, count]) => `${name}: ${count}`).join(', ')}.` : ''),
    '',
    '| request | responses | p50 ms | p95 ms | p99 ms | max ms | by status | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...s.byEndpoint.map(
      (e) =>
        `| ${e.endpoint} | ${e.responses} | ${n(e.latencyMs.p50, 1)} | ${n(e.latencyMs.p95, 1)} | ${n(e.latencyMs.p99, 1)} | ${n(e.latencyMs.max)} | ${counts(e.byStatus)} | ${counts(e.errorsByCode)} |`,
    ),
    '',
    "Every 10 s (Artillery's metrics periods; the phase is the scheduled one):",
    '',
    '| from s | phase | requests | req/s | p50 ms | p95 ms | p99 ms | by status | errors |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...s.windows.map(
      (w) =>
        `| ${n(w.fromSecond)} | ${w.phase} | ${w.requests} | ${n(w.requestsPerSecond, 1)} | ${n(w.latencyMs.p50, 1)} | ${n(w.latencyMs.p95, 1)} | ${n(w.latencyMs.p99, 1)} | ${counts(w.byStatus)} | ${counts(w.errorsByCode)} |`,
    ),
    '',
    `Checks: ${checksCell(s)}.`,
    '',
  ];
}

function checksCell(s: ScenarioSummary): string {
  if (s.checks.length === 0) return s.exitCode === 0 ? 'none' : `Artillery exited with ${s.exitCode}`;
  return s.checks.map((c) => `${c.passed ? 'ok' : '**fail**'} \`${c.check}\``).join('; ');
}
