import { round } from '../../bench/lib/statistics.ts';
import type {
  ArtilleryPeriod,
  ArtilleryReport,
  EndpointSummary,
  LatencyMs,
  ReportSummary,
  ScenarioPhase,
  TrafficSummary,
  WindowSummary,
} from './types.ts';

const ENDPOINT_PREFIX = 'plugins.metrics-by-endpoint.';
const RESPONSE_TIME = 'http.response_time';

/**
 * What one Artillery run did, from its JSON report (`artillery run --output`): requests per second,
 * p50/p95/p99 latency, counts by HTTP status and errors by code, for the whole run, per request
 * name (the metrics-by-endpoint plugin) and per metrics period (10 s) labelled with the phase(s) of
 * `phases` it fell in. Percentiles are Artillery's own (DDSketch, about 1 % relative accuracy).
 *
 * @example
 * const summary = summarizeArtilleryReport(JSON.parse(await readFile('report.json', 'utf8')), phases);
 * summary.latencyMs.p99; // 23.8
 */
export function summarizeArtilleryReport(report: ArtilleryReport, phases: readonly ScenarioPhase[]): ReportSummary {
  const { aggregate } = report;
  const startedAt = aggregate.firstCounterAt ?? aggregate.firstMetricAt;
  const seconds = Math.max(0.001, (aggregate.lastMetricAt - startedAt) / 1000);
  const counters = aggregate.counters;
  return {
    ...traffic(aggregate, seconds),
    durationSeconds: round(seconds),
    vusers: {
      created: counters['vusers.created'] ?? 0,
      completed: counters['vusers.completed'] ?? 0,
      failed: counters['vusers.failed'] ?? 0,
    },
    byEndpoint: endpoints(aggregate),
    windows: windows(report, startedAt, phases),
    customCounters: Object.fromEntries(Object.entries(counters).filter(([name]) => name.startsWith('sdp.'))),
  };
}

function traffic(period: ArtilleryPeriod, seconds: number): TrafficSummary {
  const requests = period.counters['http.requests'] ?? 0;
  return {
    requests,
    responses: period.counters['http.responses'] ?? 0,
    requestsPerSecond: round(requests / seconds),
    latencyMs: latency(period.summaries[RESPONSE_TIME]),
    byStatus: withPrefix(period.counters, 'http.codes.'),
    errorsByCode: withPrefix(period.counters, 'errors.'),
  };
}

function latency(summary: ArtilleryPeriod['summaries'][string] | undefined): LatencyMs {
  if (!summary) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN, mean: Number.NaN };
  return { p50: summary.p50, p95: summary.p95, p99: summary.p99, max: summary.max, mean: summary.mean };
}

function withPrefix(counters: Record<string, number>, prefix: string): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counters)
      .filter(([name]) => name.startsWith(prefix))
      .map(([name, count]) => [name.slice(prefix.length), count]),
  );
}

/** metrics-by-endpoint writes `<prefix>response_time.<name>` summaries and `<prefix><name>.codes.<status>` / `.errors.<code>` counters. */
function endpoints(period: ArtilleryPeriod): EndpointSummary[] {
  const byName = new Map<string, EndpointSummary>();
  const entry = (endpoint: string): EndpointSummary => {
    let found = byName.get(endpoint);
    if (!found) {
      found = { endpoint, responses: 0, latencyMs: latency(undefined), byStatus: {}, errorsByCode: {} };
      byName.set(endpoint, found);
    }
    return found;
  };
  for (const [name, summary] of Object.entries(period.summaries)) {
    if (!name.startsWith(`${ENDPOINT_PREFIX}response_time.`)) continue;
    const endpoint = entry(name.slice(`${ENDPOINT_PREFIX}response_time.`.length));
    endpoint.responses = summary.count;
    endpoint.latencyMs = latency(summary);
  }
  for (const [name, count] of Object.entries(period.counters)) {
    if (!name.startsWith(ENDPOINT_PREFIX)) continue;
    const match = /^(.+)\.(codes|errors)\.([^.]+)$/.exec(name.slice(ENDPOINT_PREFIX.length));
    if (!match) continue;
    const [, endpoint, kind, code] = match as unknown as [string, string, 'codes' | 'errors', string];
    entry(endpoint)[kind === 'codes' ? 'byStatus' : 'errorsByCode'][code] = count;
  }
  return [...byName.values()].sort((a, b) => a.endpoint.localeCompare(b.endpoint));
}

/** Artillery's periods, clipped to the run, each labelled with the phases its time overlaps. */
function windows(report: ArtilleryReport, startedAt: number, phases: readonly ScenarioPhase[]): WindowSummary[] {
  const periods = [...report.intermediate].sort((a, b) => Number(a.period) - Number(b.period));
  const length = periods.length > 1 ? Number(periods[1]!.period) - Number(periods[0]!.period) : 10_000;
  const phaseBounds = phases.reduce<{ name: string; from: number; to: number }[]>((bounds, phase) => {
    const from = bounds.at(-1)?.to ?? startedAt;
    return [...bounds, { name: phase.name, from, to: from + phase.durationSeconds * 1000 }];
  }, []);
  return periods.map((period) => {
    const from = Math.max(Number(period.period), startedAt);
    const to = Math.min(Number(period.period) + length, report.aggregate.lastMetricAt);
    const seconds = Math.max(0.001, (to - from) / 1000);
    const overlapping = phaseBounds.filter((phase) => phase.from < to && phase.to > from).map((phase) => phase.name);
    return {
      fromSecond: round((from - startedAt) / 1000),
      seconds: round(seconds),
      phase: overlapping.length > 0 ? overlapping.join(' → ') : 'after the phases (requests in flight)',
      ...traffic(period, seconds),
    };
  });
}
