import type { Period } from './types.js';
import { instantOfWallTime, offsetOf, wallClockOf, wallTimeOf, type WallClock } from './zonedTime.js';

/**
 * The start of the minute, hour, day, week (ISO, from Monday) or month in `timeZone` that contains
 * `instant`, as an instant. Day, week and month boundaries are local midnights, so a local day can
 * last 23 or 25 hours; a minute or hour keeps the offset in force at `instant`, so the hour that
 * repeats when clocks go back gives two buckets, not one of two hours.
 *
 * @example
 * bucketStart(new Date('2026-03-29T12:00:00Z'), 'day', 'Europe/Paris') // 2026-03-28T23:00:00.000Z (midnight +01:00)
 * bucketStart(new Date('2026-10-25T01:30:00Z'), 'hour', 'Europe/Paris') // 2026-10-25T01:00:00.000Z (02:00 +01:00)
 *
 * Pass the same `startOfWallTime` map for many instants of one zone to look each local day, week
 * or month up once: `Intl` formatting is what this spends its time on.
 */
export function bucketStart(
  instant: Date,
  period: Period,
  timeZone: string,
  startOfWallTime = new Map<number, number>(),
): Date {
  const epochMs = instant.getTime();
  const wallClock = wallClockOf(epochMs, timeZone);
  const wallStart = localStartOf(wallClock, period);
  if (period === 'minute' || period === 'hour') {
    const withSameOffset = wallStart - offsetOf(epochMs, wallClock);
    if (withSameOffset <= epochMs && wallTimeOf(withSameOffset, timeZone) === wallStart)
      return new Date(withSameOffset);
  }
  let start = startOfWallTime.get(wallStart);
  if (start === undefined) {
    start = instantOfWallTime(wallStart, timeZone);
    startOfWallTime.set(wallStart, start);
  }
  return new Date(start);
}

/** The wall time at which the local period containing the instant begins. */
function localStartOf({ year, month, day, hour, minute }: WallClock, period: Period): number {
  switch (period) {
    case 'minute':
      return Date.UTC(year, month - 1, day, hour, minute);
    case 'hour':
      return Date.UTC(year, month - 1, day, hour);
    case 'day':
      return Date.UTC(year, month - 1, day);
    case 'week': {
      const daysSinceMonday = (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
      return Date.UTC(year, month - 1, day - daysSinceMonday);
    }
    case 'month':
      return Date.UTC(year, month - 1, 1);
  }
}
