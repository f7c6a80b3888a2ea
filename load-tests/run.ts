/**
 * `npm run load`: the Artillery load suites in load-tests/ against a local cloud started for the run,
 * or against any platform named with `--target`, summarized into bench/results/.
 *
 *   npm run load                                            # seed-funnel, then mixed-batches (≈ 3 min)
 *   npm run load -- --scenario mixed-batches                # one scenario (repeat the flag for more)
 *   npm run load -- --target https://… --api-key …          # a deployed platform (or SDP_API_KEY)
 *   npm run load -- --target http://127.0.0.1:3000          # a running `npm start` (its key from .data/local)
 *   npm run load -- --find-sustained                        # the highest seed-funnel rate with p99 < 50 ms
 *
 * Without `--target` the local cloud runs in a child process (bench/servers/localCloudHost.ts) in a
 * throw-away data directory, stream consumers included as under `npm start` (`--ingest-only` stops
 * them). Artillery runs in its own process; every run has fixed phases and a hard time limit.
 * Results: bench/results/load-latest.{json,md}, or load-sustained-latest.{json,md} for --find-sustained.
 * Exits non-zero when a scenario's `ensure` checks fail.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { round } from '../bench/lib/statistics.ts';
import { startChildServer, type ChildServer } from '../bench/lib/startChildServer.ts';
import { writeBenchResults } from '../bench/lib/writeBenchResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from '../bench/servers/localCloudHost.ts';
import { sustainedMarkdown, suiteMarkdown } from './lib/loadResultsMarkdown.ts';
import { describePhases, readPhaseSpecs, scalePhases, toScenarioPhases } from './lib/scenarioPhases.ts';
import { parseTarget, resolveApiKey } from './lib/resolveTarget.ts';
import { runArtillery } from './lib/runArtillery.ts';
import { searchSustainedRate, type RateMeasurement } from './lib/searchSustainedRate.ts';
import { summarizeArtilleryReport } from './lib/summarizeArtilleryReport.ts';
import type {
  LoadRunContext,
  LoadSuiteResults,
  ScenarioPhase,
  ScenarioSummary,
  SustainedRateResults,
} from './lib/types.ts';

const SCENARIOS = ['seed-funnel', 'mixed-batches'] as const;
const SUSTAINED_SCENARIO = 'seed-funnel';
const DEFAULT_RATES = '10,20,30,40,50,60,80,100,150,200';
/** Artillery's start, its last metrics period and its shutdown, beyond the phases' own time */
const RUN_GRACE_MS = 90_000;
const root = path.resolve(import.meta.dirname, '..');

const { values: flags } = parseArgs({
  options: {
    scenario: { type: 'string', multiple: true },
    target: { type: 'string' },
    'api-key': { type: 'string' },
    'find-sustained': { type: 'boolean', default: false },
    rates: { type: 'string', default: DEFAULT_RATES },
    'warmup-seconds': { type: 'string', default: '10' },
    'step-seconds': { type: 'string', default: '30' },
    'p99-below-ms': { type: 'string', default: '50' },
    'ingest-only': { type: 'boolean', default: false },
    scale: { type: 'string', default: '1' },
  },
});

const scenarios = (flags.scenario ?? [...SCENARIOS])
  .flatMap((names) => names.split(','))
  .map((name) => name.trim().replace(/\.ya?ml$/, ''));
const unknown = scenarios.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
if (unknown.length > 0) exitWithUsage(`unknown scenario ${unknown.join(', ')}; there are: ${SCENARIOS.join(', ')}`);
const scale = Number(flags.scale);
if (!(scale > 0))
  exitWithUsage(`--scale must be a positive number (a factor on every arrival rate), not "${flags.scale}"`);
let target: ReturnType<typeof parseTarget> | undefined;
try {
  target = flags.target === undefined ? undefined : parseTarget(flags.target);
} catch (error) {
  exitWithUsage(error);
}
const targetApiKey = target
  ? await resolveApiKey({
      flag: flags['api-key'],
      env: process.env.SDP_API_KEY,
      loopback: target.loopback,
      dataDir: path.join(root, '.data', 'local'),
    }).catch(exitWithUsage)
  : undefined;
const measuredAt = new Date();
const loadAverageAtStart = os.loadavg().map((load) => round(load, 2));
const workDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-load-'));
const artilleryVersion = (createRequire(import.meta.url)('artillery/package.json') as { version: string }).version;

let cloud: ChildServer<LocalCloudHostReady, LocalCloudHostReport> | undefined;
let cloudReady: LocalCloudHostReady | undefined;
let url: string;
let apiKey: string;
if (target && targetApiKey) {
  ({ url } = target);
  apiKey = targetApiKey;
  console.log(
    target.loopback
      ? `Target: ${url}`
      : `Target: ${url} — not this machine; sending load there because --target names it.`,
  );
} else {
  console.log(`Starting a local cloud for this run (data in ${workDir}/cloud)…`);
  cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
    path.join(root, 'bench', 'servers', 'localCloudHost.ts'),
    [path.join(workDir, 'cloud'), ...(flags['ingest-only'] ? [] : ['--keep-consumers'])],
  );
  ({ url, apiKey } = cloud.ready);
  cloudReady = cloud.ready;
  console.log(
    `Local cloud up in ${cloud.ready.startupMs} ms at ${url}${flags['ingest-only'] ? ', stream consumers stopped' : ''}.`,
  );
}
console.log(
  `Artillery ${artilleryVersion}. This machine has ${os.cpus().length} cores` +
    (cloud
      ? '; the load generator shares them with the local cloud, so rates here are lower than a separate load machine would find.'
      : '.'),
);

type SustainedPart = Omit<SustainedRateResults, keyof LoadRunContext>;
let outcome: { suite: ScenarioSummary[] } | { sustained: SustainedPart } | undefined;
let cloudReport: LocalCloudHostReport | undefined;
try {
  outcome = flags['find-sustained'] ? { sustained: await findSustainedRate() } : { suite: await runSuite() };
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  cloudReport = await cloud?.stop();
  await rm(outcome ? workDir : path.join(workDir, 'cloud'), { recursive: true, force: true });
  if (!outcome) console.error(`Artillery's reports and logs are kept in ${workDir}`);
}

if (!outcome) {
  process.exitCode = 1;
} else if ('suite' in outcome) {
  const passed = outcome.suite.every((s) => s.exitCode === 0);
  const results: LoadSuiteResults = {
    ...runContext([
      'Requests per second are the requests sent over the whole run, warm-up and ramps included; the 10-s windows show the rate in each phase.',
    ]),
    scale,
    scenarios: outcome.suite,
    passed,
  };
  const files = await writeBenchResults('load', results, suiteMarkdown(results));
  console.log(`Wrote ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
  if (!passed) {
    console.error('A scenario failed its checks: see above and bench/results/load-latest.md.');
    process.exitCode = 1;
  }
} else {
  const results: SustainedRateResults = {
    ...runContext([
      'Each rate is its own pair of Artillery runs, so the warm-up is not in the measured numbers; requests per second are those sent during the measured run.',
    ]),
    ...outcome.sustained,
  };
  const { sustained } = results;
  const atSustained = results.steps.find((step) => step.arrivalRate === sustained?.arrivalRate);
  results.notes.push(
    `The machine has ${os.cpus().length} cores and the load generator (Artillery) runs on it next to the target, so both compete for them.` +
      (atSustained
        ? ` At the sustained rate Artillery used ${atSustained.loadGeneratorCores ?? '?'} cores and the machine ${atSustained.machineBusyCores ?? '?'}.`
        : '') +
      ' Anything else running meanwhile (tests, builds) counts in "machine busy cores" and lowers the rate found: it is what this machine sustains, not a property of the platform.',
  );
  const failedBelow = results.steps.filter(
    (step) => !step.passed && sustained && step.arrivalRate < sustained.arrivalRate,
  );
  if (failedBelow.length > 0) {
    results.notes.push(
      `${failedBelow.map((step) => `${step.arrivalRate}/s (${step.reason})`).join(', ')} failed below the sustained rate: ` +
        'a p99 over 30 s moves with a single pause of the target (a garbage collection, a consumer catching up, another process), so treat the rate as ± one step.',
    );
  }
  const files = await writeBenchResults('load-sustained', results, sustainedMarkdown(results));
  console.log(
    sustained
      ? `Sustained: ${sustained.arrivalRate} transactions/s = ${sustained.requestsPerSecond} req/s with p99 ${sustained.p99Ms} ms (< ${results.criterion.p99BelowMs} ms), no errors.`
      : `No rate held p99 < ${results.criterion.p99BelowMs} ms with no errors.`,
  );
  console.log(`Wrote ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
}

/** Each chosen scenario once, with its own phases and checks. */
async function runSuite(): Promise<ScenarioSummary[]> {
  const summaries: ScenarioSummary[] = [];
  for (const scenario of scenarios) {
    const file = path.join(import.meta.dirname, `${scenario}.yml`);
    const specs = await readPhaseSpecs(file);
    const scaled = scale === 1 ? undefined : scalePhases(specs, scale);
    const phases = toScenarioPhases(scaled ?? specs);
    console.log(`${scenario}: ${describePhases(phases)}`);
    const run = await runArtillery({
      scenarioFile: file,
      target: url,
      apiKey,
      ...(scaled ? { overrides: { config: { phases: scaled } } } : {}),
      reportFile: path.join(workDir, `${scenario}.json`),
      logFile: path.join(workDir, `${scenario}.log`),
      timeoutMs: totalSeconds(phases) * 1000 + RUN_GRACE_MS,
      label: scenario,
    });
    const summary: ScenarioSummary = {
      scenario,
      phases,
      ...summarizeArtilleryReport(run.report, phases),
      checks: run.checks,
      exitCode: run.exitCode,
      ...cpu(run),
    };
    summaries.push(summary);
    console.log(
      `${scenario}: ${summary.requests} requests, ${summary.requestsPerSecond} req/s, p50 ${summary.latencyMs.p50} ms, p95 ${summary.latencyMs.p95} ms, ` +
        `p99 ${summary.latencyMs.p99} ms; status ${JSON.stringify(summary.byStatus)}; errors ${JSON.stringify(summary.errorsByCode)}; ` +
        `checks ${run.exitCode === 0 ? 'passed' : 'FAILED'}`,
    );
  }
  return summaries;
}

/** Constant arrival rates of the seed funnel, each warmed up and then measured, until p99 or errors give out. */
async function findSustainedRate(): Promise<SustainedPart> {
  const rates = flags.rates.split(',').map(Number);
  if (rates.some((rate) => !(rate > 0))) throw new Error(`--rates must be positive numbers, e.g. ${DEFAULT_RATES}`);
  const warmupSeconds = Number(flags['warmup-seconds']);
  const measuredSeconds = Number(flags['step-seconds']);
  const p99BelowMs = Number(flags['p99-below-ms']);
  const file = path.join(import.meta.dirname, `${SUSTAINED_SCENARIO}.yml`);
  let requests = 0;
  let transactions = 0;

  const runAt = async (rate: number, name: string, seconds: number) => {
    // A flat ramp, not a plain arrivalRate: see the note in seed-funnel.yml.
    const phases = [{ name, duration: seconds, arrivalRate: rate, rampTo: rate }];
    const run = await runArtillery({
      scenarioFile: file,
      target: url,
      apiKey,
      // The suite's own checks do not apply here; the search judges each step itself.
      overrides: { config: { phases, ensure: { thresholds: [], conditions: [] } } },
      reportFile: path.join(workDir, `sustained-${rate}-${name}.json`),
      logFile: path.join(workDir, `sustained-${rate}-${name}.log`),
      timeoutMs: seconds * 1000 + RUN_GRACE_MS,
      label: `${rate}/s ${name}`,
    });
    return { run, summary: summarizeArtilleryReport(run.report, toScenarioPhases(phases)) };
  };
  const measure = async (rate: number): Promise<RateMeasurement> => {
    if (warmupSeconds > 0) await runAt(rate, 'warm-up', warmupSeconds);
    const { run, summary } = await runAt(rate, 'measured', measuredSeconds);
    requests += summary.requests;
    transactions += summary.vusers.created;
    console.log(
      `${rate} transactions/s: ${summary.requestsPerSecond} req/s, p50 ${summary.latencyMs.p50} ms, p99 ${summary.latencyMs.p99} ms, ` +
        `status ${JSON.stringify(summary.byStatus)}, errors ${JSON.stringify(summary.errorsByCode)}, ` +
        `load generator ${run.loadGeneratorCores ?? '?'} cores, machine ${run.machineBusyCores ?? '?'} cores busy`,
    );
    return { arrivalRate: rate, ...pick(summary), ...cpu(run) };
  };

  console.log(
    `Finding the highest ${SUSTAINED_SCENARIO} rate with p99 < ${p99BelowMs} ms and no errors: ` +
      `${warmupSeconds} s warm-up + ${measuredSeconds} s measured at each of ${rates.join(', ')} transactions/s`,
  );
  const search = await searchSustainedRate(rates, measure, { p99BelowMs });
  const { sustained } = search;
  return {
    scenario: SUSTAINED_SCENARIO,
    criterion: { p99BelowMs, errors: 0, only2xx: true },
    settings: {
      warmupSeconds,
      measuredSeconds,
      rates,
      requestsPerTransaction:
        `${round(requests / Math.max(1, transactions), 2)} requests per transaction on average ` +
        '(the bid; the impression for the bids that win, 10–40 % by campaign; the click for 1–8 % of impressions)',
    },
    steps: search.steps,
    ...(sustained
      ? {
          sustained: {
            arrivalRate: sustained.arrivalRate,
            requestsPerSecond: sustained.requestsPerSecond,
            p99Ms: sustained.latencyMs.p99,
          },
        }
      : {}),
    stoppedBecause: search.stoppedBecause,
  };
}

function runContext(notes: string[]): LoadRunContext {
  const cpus = os.cpus();
  return {
    measuredAt: measuredAt.toISOString(),
    durationSeconds: round((Date.now() - measuredAt.getTime()) / 1000),
    target: { url, kind: target ? 'given' : 'own local cloud', loopback: target?.loopback ?? true },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
      node: process.version,
      artillery: artilleryVersion,
      loadAverageAtStart,
      loadAverageAtEnd: os.loadavg().map((load) => round(load, 2)),
    },
    ...(cloudReady
      ? {
          localCloud: {
            startupMs: cloudReady.startupMs,
            consumersRunning: !flags['ingest-only'],
            ...(cloudReport ? { gateway: cloudReport.gateway } : {}),
          },
        }
      : {}),
    notes: [
      "Latencies are Artillery's: from sending a request to the end of its response, on a new connection per virtual user; percentiles from its DDSketch (about 1 % relative accuracy).",
      ...notes,
    ],
  };
}

function pick(summary: ReturnType<typeof summarizeArtilleryReport>): Omit<RateMeasurement, 'arrivalRate'> {
  const { requests, requestsPerSecond, latencyMs, byStatus, errorsByCode } = summary;
  return { requests, requestsPerSecond, latencyMs, byStatus, errorsByCode };
}

function cpu(run: { loadGeneratorCores?: number; machineBusyCores?: number }): {
  loadGeneratorCores?: number;
  machineBusyCores?: number;
} {
  return {
    ...(run.loadGeneratorCores === undefined ? {} : { loadGeneratorCores: run.loadGeneratorCores }),
    ...(run.machineBusyCores === undefined ? {} : { machineBusyCores: run.machineBusyCores }),
  };
}

function totalSeconds(phases: readonly ScenarioPhase[]): number {
  return phases.reduce((sum, phase) => sum + phase.durationSeconds, 0);
}

/** A flag the user can fix: say which and how, without a stack trace. */
function exitWithUsage(problem: unknown): never {
  console.error(problem instanceof Error ? problem.message : String(problem));
  process.exit(2);
}
