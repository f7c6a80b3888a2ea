import { median } from './statistics.ts';

/** The median over runs of every numeric field the runs share, e.g. `{ requestsPerSecondMean, latencyP99Ms }`. */
export function medianOfRuns<Run extends object>(runs: readonly Run[]): Partial<Record<keyof Run, number>> {
  const first = runs[0];
  if (!first) return {};
  const numericKeys = (Object.keys(first) as (keyof Run)[]).filter((key) => typeof first[key] === 'number');
  return Object.fromEntries(numericKeys.map((key) => [key, median(runs.map((run) => run[key] as number))])) as Partial<
    Record<keyof Run, number>
  >;
}
