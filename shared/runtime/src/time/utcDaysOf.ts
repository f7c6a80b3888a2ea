const DAY_MS = 86_400_000;

/**
 * The UTC days (`YYYY-MM-DD`) that [`from`, `to`) touches: the partitions of the day-keyed
 * indexes (aggregations `ByDay`, join-state orphan indexes) that hold everything in the range.
 *
 * @example
 * utcDaysOf({ from: new Date('2026-03-28T22:00:00Z'), to: new Date('2026-03-30T00:00:00Z') })
 * // ['2026-03-28', '2026-03-29']
 */
export function utcDaysOf(range: { readonly from: Date; readonly to: Date }): string[] {
  const days: string[] = [];
  const lastMs = range.to.getTime() - 1;
  for (let dayMs = range.from.getTime() - mod(range.from.getTime(), DAY_MS); dayMs <= lastMs; dayMs += DAY_MS) {
    days.push(new Date(dayMs).toISOString().slice(0, 10));
  }
  return days;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
