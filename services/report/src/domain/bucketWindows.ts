import { bucketStart } from './bucketStart.js';
import type { Period } from './types.js';
import { formatWithOffset } from './zonedTime.js';

/**
 * Windows grouped by the minute, hour, day, week or month of `timeZone` they start in, each bucket
 * labelled with its start in that zone (`period`, ISO 8601 with the offset in force then) and
 * sorted by start, latest first when `desc`. Buckets without windows are left out.
 *
 * @example
 * bucketWindows([{ windowStart: new Date('2026-03-29T10:00:00Z'), bids: 2 }], { period: 'day', timeZone: 'Europe/Paris', desc: true })
 * // [{ period: '2026-03-29T00:00:00+01:00', windows: [{ windowStart: …, bids: 2 }] }]
 */
export function bucketWindows<W extends { windowStart: Date }>(
  windows: readonly W[],
  grouping: { period: Period; timeZone: string; desc: boolean },
): { period: string; windows: W[] }[] {
  const windowsByStart = new Map<number, W[]>();
  const startOfWallTime = new Map<number, number>();
  for (const window of windows) {
    const start = bucketStart(window.windowStart, grouping.period, grouping.timeZone, startOfWallTime).getTime();
    const bucket = windowsByStart.get(start);
    if (bucket) bucket.push(window);
    else windowsByStart.set(start, [window]);
  }
  const starts = [...windowsByStart.keys()].sort((a, b) => (grouping.desc ? b - a : a - b));
  return starts.map((start) => ({
    period: formatWithOffset(start, grouping.timeZone),
    windows: windowsByStart.get(start) ?? [],
  }));
}
