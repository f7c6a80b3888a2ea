import type { TimeRange } from './types.js';

/**
 * Whether an instant lies in the half-open range [`from`, `to`).
 *
 * @example
 * isWithin(new Date('2026-01-02T00:00:00Z'), { from: new Date('2026-01-01T00:00:00Z'), to: new Date('2026-01-02T00:00:00Z') }) // false
 */
export function isWithin(instant: Date, range: TimeRange): boolean {
  return instant >= range.from && instant < range.to;
}
