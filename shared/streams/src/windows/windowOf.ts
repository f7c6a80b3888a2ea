const MINUTE_MS = 60_000;

/** The tumbling event-time window an event falls in. */
export interface WindowBounds {
  /** ISO 8601 UTC with milliseconds, e.g. `2026-11-22T04:05:00.000Z` */
  windowStart: string;
  windowEnd: string;
  /** `YYYY-MM-DD` of `windowStart`, in UTC */
  windowDay: string;
}

/**
 * The tumbling window of `periodMinutes` an instant falls in. Windows are aligned on the Unix epoch,
 * start inclusive and end exclusive, so an event exactly on a boundary opens the next window.
 *
 * @example
 * windowOf('2026-11-22T04:07:59.999Z', 5)
 * // { windowStart: '2026-11-22T04:05:00.000Z', windowEnd: '2026-11-22T04:10:00.000Z', windowDay: '2026-11-22' }
 */
export function windowOf(eventTime: string | number | Date, periodMinutes: number): WindowBounds {
  const periodMs = periodMinutes * MINUTE_MS;
  const at =
    typeof eventTime === 'string'
      ? Date.parse(eventTime)
      : typeof eventTime === 'number'
        ? eventTime
        : eventTime.getTime();
  if (Number.isNaN(at)) throw new RangeError(`'${String(eventTime)}' is not a date-time`);
  const start = Math.floor(at / periodMs) * periodMs;
  const windowStart = new Date(start).toISOString();
  return { windowStart, windowEnd: new Date(start + periodMs).toISOString(), windowDay: windowStart.slice(0, 10) };
}
