import { judgeStep, searchSustainedRate, type RateMeasurement } from '../lib/searchSustainedRate.ts';

function measurement(arrivalRate: number, p99: number, extra: Partial<RateMeasurement> = {}): RateMeasurement {
  return {
    arrivalRate,
    requests: arrivalRate * 30,
    requestsPerSecond: arrivalRate * 1.25,
    latencyMs: { p50: p99 / 3, p95: p99 / 1.5, p99, max: p99 * 2, mean: p99 / 3 },
    byStatus: { '202': arrivalRate * 30 },
    errorsByCode: {},
    ...extra,
  };
}

describe('judgeStep', () => {
  it('passes a step under the bound with only 2xx and no errors', () => {
    expect(judgeStep(measurement(100, 49.9), { p99BelowMs: 50 })).toStrictEqual({
      ...measurement(100, 49.9),
      passed: true,
    });
  });

  it('fails a step at the bound, with an error or with a non-2xx answer, and says why', () => {
    // Act
    const step = judgeStep(
      measurement(100, 50, { byStatus: { '202': 2990, '503': 10 }, errorsByCode: { ETIMEDOUT: 2 } }),
      { p99BelowMs: 50 },
    );

    // Assess
    expect({ passed: step.passed, reason: step.reason }).toStrictEqual({
      passed: false,
      reason: 'p99 50 ms ≥ 50 ms; 2 × ETIMEDOUT; 10 × HTTP 503',
    });
  });
});

describe('searchSustainedRate', () => {
  it('measures rates in ascending order until two in a row fail, and keeps the highest that passed', async () => {
    // Prepare
    const p99ByRate: Record<number, number> = { 50: 20, 100: 30, 150: 55, 200: 45, 250: 70, 300: 90, 400: 120 };
    const measured: number[] = [];

    // Act
    const search = await searchSustainedRate(
      [400, 50, 100, 150, 200, 250, 300],
      async (rate) => {
        measured.push(rate);
        return measurement(rate, p99ByRate[rate]!);
      },
      { p99BelowMs: 50 },
    );

    // Assess
    expect(measured).toStrictEqual([50, 100, 150, 200, 250, 300]);
    expect(search.sustained?.arrivalRate).toBe(200);
    expect(search.stoppedBecause).toBe('2 rates in a row failed');
  });

  it('has no sustained rate when none passes', async () => {
    // Act
    const search = await searchSustainedRate([50, 100], async (rate) => measurement(rate, 80), { p99BelowMs: 50 });

    // Assess
    expect({ sustained: search.sustained, steps: search.steps.length }).toStrictEqual({
      sustained: undefined,
      steps: 2,
    });
  });
});
