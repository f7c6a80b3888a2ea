import { EARLIEST_INSTANT, type QueryReader } from '@sdp/shared-http';
import { DEFAULT_TIME_ZONE, PERIODS } from './constants.js';
import type { Period } from './types.js';

/** The bucketing a period report asks for: which period, in which zone, over which range, in which order. */
export interface PeriodQuery {
  period: Period;
  /** Canonical IANA name, e.g. `Europe/Paris` */
  timeZone: string;
  from: Date;
  to: Date;
  desc: boolean;
}

/**
 * Reads a period report's query parameters with their defaults: `period` as given, `timezone=UTC`,
 * `from` the Unix epoch, `to` now, `desc=true`; `from` must be before `to`. Problems are added to
 * `query`, whose `finish()` reports them all.
 *
 * @example
 * readPeriodQuery(new QueryReader({ period: 'hour', timezone: 'Europe/Paris' }), 'day', now)
 * // { period: 'hour', timeZone: 'Europe/Paris', from: 1970-01-01T00:00:00.000Z, to: now, desc: true }
 */
export function readPeriodQuery(query: QueryReader, defaultPeriod: Period, now: Date): PeriodQuery {
  const period = query.oneOf('period', PERIODS, defaultPeriod);
  const timeZone = query.timeZone('timezone', DEFAULT_TIME_ZONE);
  const from = query.instant('from', EARLIEST_INSTANT);
  const to = query.instant('to', now);
  const desc = query.boolean('desc', true);
  if (query.isValid('from', 'to') && from >= to) {
    query.addProblem(`from must be before to; got from ${from.toISOString()} and to ${to.toISOString()}.`);
  }
  return { period, timeZone, from, to, desc };
}
