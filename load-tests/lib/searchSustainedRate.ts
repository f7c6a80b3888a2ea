import type { LatencyMs } from './types.ts';

/** One constant arrival rate held for the measured window. */
export interface RateMeasurement {
  /** Virtual users (transactions) started per second */
  arrivalRate: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: LatencyMs;
  byStatus: Record<string, number>;
  errorsByCode: Record<string, number>;
  loadGeneratorCores?: number;
  machineBusyCores?: number;
}

export interface RateStep extends RateMeasurement {
  passed: boolean;
  /** Why it failed, e.g. `p99 61 ms ≥ 50 ms; 3 × 503` */
  reason?: string;
}

export interface SustainedSearch {
  steps: RateStep[];
  /** The highest rate that passed; undefined when none did */
  sustained?: RateStep;
  stoppedBecause: string;
}

/** A step passes when its p99 is under `p99BelowMs`, no request erred and every answer was 2xx. */
export interface SustainedCriterion {
  p99BelowMs: number;
}

/**
 * Measures `rates` in ascending order and finds the highest one whose p99 stays under the bound
 * with no errors and only 2xx answers. Stops after `maxConsecutiveFailures` failing rates in a row:
 * on a shared machine one step can fail from noise, and a higher rate that then passes still counts.
 *
 * @example
 * const search = await searchSustainedRate([50, 100, 150], (rate) => measureFunnelAt(rate), { p99BelowMs: 50 });
 * search.sustained?.requestsPerSecond; // 131.2
 */
export async function searchSustainedRate(
  rates: readonly number[],
  measure: (arrivalRate: number) => Promise<RateMeasurement>,
  criterion: SustainedCriterion,
  maxConsecutiveFailures = 2,
): Promise<SustainedSearch> {
  const steps: RateStep[] = [];
  let failuresInARow = 0;
  let stoppedBecause = `measured every rate up to ${rates.at(-1)}/s`;
  for (const rate of [...rates].sort((a, b) => a - b)) {
    const step = judgeStep(await measure(rate), criterion);
    steps.push(step);
    failuresInARow = step.passed ? 0 : failuresInARow + 1;
    if (failuresInARow >= maxConsecutiveFailures) {
      stoppedBecause = `${failuresInARow} rates in a row failed`;
      break;
    }
  }
  const passed = steps.filter((step) => step.passed);
  return { steps, ...(passed.length > 0 ? { sustained: passed.at(-1)! } : {}), stoppedBecause };
}

/** Passed when p99 < the bound, no request erred and every answer was 2xx; otherwise says why not. */
export function judgeStep(measurement: RateMeasurement, criterion: SustainedCriterion): RateStep {
  const problems: string[] = [];
  const { p99 } = measurement.latencyMs;
  if (!(p99 < criterion.p99BelowMs)) problems.push(`p99 ${p99} ms ≥ ${criterion.p99BelowMs} ms`);
  for (const [code, count] of Object.entries(measurement.errorsByCode)) problems.push(`${count} × ${code}`);
  for (const [status, count] of Object.entries(measurement.byStatus))
    if (!status.startsWith('2')) problems.push(`${count} × HTTP ${status}`);
  if (measurement.requests === 0) problems.push('no requests');
  return {
    ...measurement,
    passed: problems.length === 0,
    ...(problems.length > 0 ? { reason: problems.join('; ') } : {}),
  };
}
