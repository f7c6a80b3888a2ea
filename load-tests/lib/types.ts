import type { RateStep } from './searchSustainedRate.ts';

/** A metric summary in Artillery 2's JSON report; response times are in milliseconds. */
export interface ArtillerySummary {
  min: number;
  max: number;
  count: number;
  mean: number;
  p50: number;
  median: number;
  p75: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
}

/** The whole run (`aggregate`) or one metrics period, 10 s by default (`intermediate`), of `artillery run --output`. */
export interface ArtilleryPeriod {
  counters: Record<string, number>;
  rates?: Record<string, number>;
  summaries: Record<string, ArtillerySummary>;
  firstCounterAt?: number;
  firstMetricAt: number;
  lastMetricAt: number;
  /** Start of the period (epoch ms); a string in `intermediate` entries */
  period: number | string;
}

export interface ArtilleryReport {
  aggregate: ArtilleryPeriod;
  intermediate: ArtilleryPeriod[];
}

/** A phase of a scenario's `config.phases`, as far as the summary needs it. */
export interface ScenarioPhase {
  name: string;
  durationSeconds: number;
  arrivalRate?: number;
  rampTo?: number;
}

export interface LatencyMs {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Requests, their rate and latency, and what they got back: counts by HTTP status and errors by code. */
export interface TrafficSummary {
  requests: number;
  responses: number;
  requestsPerSecond: number;
  latencyMs: LatencyMs;
  byStatus: Record<string, number>;
  /** Requests that got no HTTP answer, by error code (ETIMEDOUT, ECONNRESET, ECONNREFUSED, …) */
  errorsByCode: Record<string, number>;
}

export interface EndpointSummary {
  /** The request's `name` in the scenario, e.g. `POST /bid` */
  endpoint: string;
  responses: number;
  latencyMs: LatencyMs;
  byStatus: Record<string, number>;
  errorsByCode: Record<string, number>;
}

/** One of Artillery's metrics periods (10 s), with the phase(s) of the scenario it fell in. */
export interface WindowSummary extends TrafficSummary {
  /** Seconds from the run's first metric to the window's start */
  fromSecond: number;
  seconds: number;
  phase: string;
}

/** An `ensure` check and whether it held, as Artillery printed it. */
export interface EnsureCheck {
  check: string;
  passed: boolean;
}

/** What an Artillery JSON report says about one run. */
export interface ReportSummary extends TrafficSummary {
  durationSeconds: number;
  vusers: { created: number; completed: number; failed: number };
  byEndpoint: EndpointSummary[];
  windows: WindowSummary[];
  /** Counters the scenario's processor adds, e.g. `sdp.batch_events.accepted` */
  customCounters: Record<string, number>;
}

/** One scenario's run as the results files keep it. */
export interface ScenarioSummary extends ReportSummary {
  scenario: string;
  phases: ScenarioPhase[];
  checks: EnsureCheck[];
  /** Artillery's exit code: 0, or 1 when a check failed */
  exitCode: number;
  /** CPU the Artillery process used, in cores on average (Linux) */
  loadGeneratorCores?: number;
  /** CPU the whole machine used meanwhile, in cores on average (Linux): the target, Artillery and anything else */
  machineBusyCores?: number;
}

/** Where the load went and on what machine, shared by both results files. */
export interface LoadRunContext {
  /** ISO 8601; also names the results file */
  measuredAt: string;
  durationSeconds: number;
  target: {
    url: string;
    /** `local cloud started for this run`, or `given with --target` */
    kind: 'own local cloud' | 'given';
    loopback: boolean;
  };
  machine: {
    cpus: number;
    cpuModel: string;
    totalMemoryMb: number;
    node: string;
    artillery: string;
    loadAverageAtStart: number[];
    loadAverageAtEnd: number[];
  };
  localCloud?: {
    startupMs: number;
    /** Stream consumers (enrich, aggregate, lake writers) kept running, as under `npm start` */
    consumersRunning: boolean;
    gateway?: { requests: number; byStatus: Record<string, number> };
  };
  notes: string[];
}

/** What `npm run load` writes to bench/results/load-*.json. */
export interface LoadSuiteResults extends LoadRunContext {
  /** Factor on every arrival rate of the scenario files (`--scale`) */
  scale: number;
  scenarios: ScenarioSummary[];
  /** Every scenario ran and every `ensure` check held */
  passed: boolean;
}

/** What `npm run load -- --find-sustained` writes to bench/results/load-sustained-*.json. */
export interface SustainedRateResults extends LoadRunContext {
  scenario: string;
  criterion: { p99BelowMs: number; errors: 0; only2xx: true };
  settings: { warmupSeconds: number; measuredSeconds: number; rates: number[]; requestsPerTransaction: string };
  steps: RateStep[];
  sustained?: { arrivalRate: number; requestsPerSecond: number; p99Ms: number };
  stoppedBecause: string;
}
