import { orphanedBefore } from './orphanedBefore.js';
import type { EventTimeRange, OrphanReport, OrphanRequest, PendingSample } from './types.js';

/** Which events may join what: the bids session timeout for impressions, the clicks one for clicks. */
export interface OrphanTimeouts {
  bidsSessionTimeoutMs: number;
  clicksSessionTimeoutMs: number;
}

/** Unjoined impressions and clicks with an event time in a range: all counted, the first `limit` listed. */
export interface PendingEvents {
  impressionsIn(range: EventTimeRange, limit: number): Promise<PendingSample>;
  clicksIn(range: EventTimeRange, limit: number): Promise<PendingSample>;
}

/**
 * The orphans among unjoined events with an event time in [`from`, `to`): those whose partner's
 * session timeout has passed at `now`. Events still within their timeout are not orphans yet.
 *
 * @example
 * await listOrphans({ from, to, limit: 0 }, { pending, timeouts, now: new Date() })
 * // { from, to, impressions: { count: 3, tx_ids: [] }, clicks: { count: 1, tx_ids: [] } }
 */
export async function listOrphans(
  request: OrphanRequest,
  context: { pending: PendingEvents; timeouts: OrphanTimeouts; now: Date },
): Promise<OrphanReport> {
  const { pending, timeouts, now } = context;
  const rangeFor = (timeoutMs: number): EventTimeRange => {
    const before = orphanedBefore(now, timeoutMs);
    return { from: request.from, to: before < request.to ? before : request.to };
  };
  const [impressions, clicks] = await Promise.all([
    sampleIn(rangeFor(timeouts.bidsSessionTimeoutMs), (range) => pending.impressionsIn(range, request.limit)),
    sampleIn(rangeFor(timeouts.clicksSessionTimeoutMs), (range) => pending.clicksIn(range, request.limit)),
  ]);
  return { from: request.from.toISOString(), to: request.to.toISOString(), impressions, clicks };
}

function sampleIn(
  range: EventTimeRange,
  read: (range: EventTimeRange) => Promise<PendingSample>,
): Promise<PendingSample> {
  // Nothing in the range is old enough to be an orphan yet: no need to ask the table.
  return range.from < range.to ? read(range) : Promise.resolve({ count: 0, tx_ids: [] });
}
