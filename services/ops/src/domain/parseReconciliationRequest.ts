import { QueryReader, type QueryParameters } from '@sdp/shared-http';

/** The widest range one reconciliation reads: the stream's retention. */
const MAX_RANGE_MS = 24 * 3_600_000;

/**
 * `GET /reconciliation?from=…&to=…`: a range of ingest time, default the last hour, at most 24 hours.
 *
 * @example
 * parseReconciliationRequest({}, new Date('2026-11-22T10:00:00Z')) // { from: 09:00, to: 10:00 }
 */
export function parseReconciliationRequest(query: QueryParameters, now: Date): { from: Date; to: Date } {
  const reader = new QueryReader(query);
  const to = reader.instant('to', now);
  const from = reader.instant('from', new Date(to.getTime() - 3_600_000));
  if (reader.isValid('from', 'to')) {
    if (from >= to) reader.addProblem("'from' must be before 'to'.");
    else if (to.getTime() - from.getTime() > MAX_RANGE_MS)
      reader.addProblem('The range may be at most 24 hours (the stream keeps records that long).');
  }
  reader.finish();
  return { from, to };
}
