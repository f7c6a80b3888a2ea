import type { QueryReader } from '@sdp/shared-http';
import { DAY_MS, MAX_LIST_RANGE_DAYS } from './constants.js';

/**
 * Adds a problem to `query` unless [`from`, `to`) is a range a list may span: `from` before `to`, at
 * most `MAX_LIST_RANGE_DAYS` apart (a list reads one index partition per UTC day).
 *
 * @example
 * checkListRange(query, new Date('2026-01-02'), new Date('2026-01-01')) // query problem: 'from must be before to; …'
 */
export function checkListRange(query: QueryReader, from: Date, to: Date): void {
  const span = `from ${from.toISOString()} and to ${to.toISOString()}`;
  if (from >= to) query.addProblem(`from must be before to; got ${span}.`);
  else if (to.getTime() - from.getTime() > MAX_LIST_RANGE_DAYS * DAY_MS) {
    const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
    query.addProblem(
      `from and to may be at most ${MAX_LIST_RANGE_DAYS} days apart; got ${span}, about ${days} days. Ask for several shorter ranges.`,
    );
  }
}
