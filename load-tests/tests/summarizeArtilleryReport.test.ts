import { summarizeArtilleryReport } from '../lib/summarizeArtilleryReport.ts';
import type { ArtilleryPeriod, ArtillerySummary } from '../lib/types.ts';

const START = Date.parse('2026-11-22T12:00:03Z');

function timing(p50: number, p99: number, count: number): ArtillerySummary {
  return { min: 1, max: p99 + 5, count, mean: p50, p50, median: p50, p75: p50, p90: p99, p95: p99, p99, p999: p99 };
}

/** A period as Artillery 2.0.21 writes it with the metrics-by-endpoint plugin and request names. */
function period(
  periodStart: number,
  from: number,
  to: number,
  requests: { bid: number; bid503?: number; timeouts?: number; p50: number; p99: number },
): ArtilleryPeriod {
  const ok = requests.bid - (requests.bid503 ?? 0) - (requests.timeouts ?? 0);
  return {
    counters: {
      'vusers.created': requests.bid,
      'vusers.completed': requests.bid - (requests.timeouts ?? 0),
      'vusers.failed': requests.timeouts ?? 0,
      'http.requests': requests.bid,
      'http.responses': requests.bid - (requests.timeouts ?? 0),
      'http.codes.202': ok,
      ...(requests.bid503
        ? { 'http.codes.503': requests.bid503, 'plugins.metrics-by-endpoint.POST /bid.codes.503': requests.bid503 }
        : {}),
      ...(requests.timeouts
        ? {
            'errors.ETIMEDOUT': requests.timeouts,
            'plugins.metrics-by-endpoint.POST /bid.errors.ETIMEDOUT': requests.timeouts,
          }
        : {}),
      'plugins.metrics-by-endpoint.POST /bid.codes.202': ok,
      'sdp.batch_events.accepted': 0,
    },
    rates: { 'http.request_rate': requests.bid / 10 },
    summaries: {
      'http.response_time': timing(requests.p50, requests.p99, requests.bid),
      'plugins.metrics-by-endpoint.response_time.POST /bid': timing(requests.p50, requests.p99, requests.bid),
    },
    firstCounterAt: from,
    firstMetricAt: from,
    lastMetricAt: to,
    period: periodStart,
  };
}

describe('summarizeArtilleryReport', () => {
  const phases = [
    { name: 'warm-up', durationSeconds: 10, arrivalRate: 5, rampTo: 20 },
    { name: 'sustained', durationSeconds: 10, arrivalRate: 20 },
  ];
  const first = period(Date.parse('2026-11-22T12:00:00Z'), START, START + 7_000, { bid: 70, p50: 4, p99: 12 });
  const second = period(Date.parse('2026-11-22T12:00:10Z'), START + 7_000, START + 17_000, {
    bid: 190,
    bid503: 2,
    p50: 6,
    p99: 30,
  });
  const third = period(Date.parse('2026-11-22T12:00:20Z'), START + 17_000, START + 20_000, {
    bid: 40,
    timeouts: 1,
    p50: 7,
    p99: 41,
  });
  const aggregate = {
    ...period(Date.parse('2026-11-22T12:00:00Z'), START, START + 20_000, {
      bid: 300,
      bid503: 2,
      timeouts: 1,
      p50: 6,
      p99: 35,
    }),
  };
  // Artillery writes intermediate periods as strings.
  const report = { aggregate, intermediate: [{ ...second, period: String(second.period) }, first, third] };

  it('gives requests per second, latency, counts by status and errors by code for the whole run', () => {
    // Act
    const summary = summarizeArtilleryReport(report, phases);

    // Assess
    expect({ ...summary, byEndpoint: undefined, windows: undefined }).toStrictEqual({
      requests: 300,
      responses: 299,
      requestsPerSecond: 15,
      latencyMs: { p50: 6, p95: 35, p99: 35, max: 40, mean: 6 },
      byStatus: { '202': 297, '503': 2 },
      errorsByCode: { ETIMEDOUT: 1 },
      durationSeconds: 20,
      vusers: { created: 300, completed: 299, failed: 1 },
      customCounters: { 'sdp.batch_events.accepted': 0 },
      byEndpoint: undefined,
      windows: undefined,
    });
  });

  it('gives each named request its own latency, statuses and errors', () => {
    // Act
    const { byEndpoint } = summarizeArtilleryReport(report, phases);

    // Assess
    expect(byEndpoint).toStrictEqual([
      {
        endpoint: 'POST /bid',
        responses: 300,
        latencyMs: { p50: 6, p95: 35, p99: 35, max: 40, mean: 6 },
        byStatus: { '202': 297, '503': 2 },
        errorsByCode: { ETIMEDOUT: 1 },
      },
    ]);
  });

  it('orders the 10-s periods, clips them to the run and labels each with the phases it overlaps', () => {
    // Act
    const { windows } = summarizeArtilleryReport(report, phases);

    // Assess
    expect(
      windows.map(({ fromSecond, seconds, phase, requests, requestsPerSecond, latencyMs }) => ({
        fromSecond,
        seconds,
        phase,
        requests,
        requestsPerSecond,
        p99: latencyMs.p99,
      })),
    ).toStrictEqual([
      { fromSecond: 0, seconds: 7, phase: 'warm-up', requests: 70, requestsPerSecond: 10, p99: 12 },
      { fromSecond: 7, seconds: 10, phase: 'warm-up → sustained', requests: 190, requestsPerSecond: 19, p99: 30 },
      { fromSecond: 17, seconds: 3, phase: 'sustained', requests: 40, requestsPerSecond: 13.3, p99: 41 },
    ]);
  });
});
