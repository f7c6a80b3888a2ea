import { isReplayShard, streamPosition } from '@sdp/shared-streams';
import type { EventRate, RateVerdict, SessionEvent } from './types.js';

/** Minutes of a user's event rate kept in its state: late events of older minutes are not tallied. */
const RATE_MINUTES_KEPT = 5;
const MINUTE_MS = 60_000;

/** A user's fresh events sorted by the rate heuristic, and what its state keeps of the rate after them. */
export interface RateScreening {
  /** Events a person could have made: added to sessions */
  people: SessionEvent[];
  /** Events at or after the moment the user's rate passed the limit: bot traffic, left out */
  bots: SessionEvent[];
  /** The user's events per minute of event time after these (empty once the user is a bot) */
  rate: EventRate[];
  verdict?: RateVerdict;
}

/**
 * The rate heuristic for bot traffic (docs/adr/0024-bot-filtering.md): a user with more than
 * `eventsPerMinute` distinct events in one minute of event time is a bot from the time of the event
 * that passed the limit on, for as long as its state is kept. Its events from that time on are bot
 * traffic; the ones before stay a person's. `events` are a user's fresh events (never added before)
 * in key order; a user that is already a bot only has its events sorted by time. The verdict keeps,
 * per shard, the lowest position of the records it made bot traffic, so demand can tell the records
 * sessions added before the verdict from those it left out.
 *
 * @example
 * screenEventRate(events121InOneMinute, { rate: [] }, 120)
 * // { people: [the first 120], bots: [the 121st], rate: [], verdict: { sinceMs: <its time>, from: { 'shardId-0…': '<its position>' } } }
 */
export function screenEventRate(
  events: readonly SessionEvent[],
  state: { rate: readonly EventRate[]; bot?: RateVerdict },
  eventsPerMinute: number,
): RateScreening {
  let sinceMs = state.bot?.sinceMs;
  const tallies = new Map(state.rate.map(({ minuteMs, events: count }) => [minuteMs, count]));
  if (sinceMs === undefined) {
    for (const event of events) {
      const minuteMs = Math.floor(event.timestampMs / MINUTE_MS) * MINUTE_MS;
      const count = (tallies.get(minuteMs) ?? 0) + 1;
      tallies.set(minuteMs, count);
      if (count > eventsPerMinute) {
        sinceMs = event.timestampMs;
        break;
      }
    }
  }
  if (sinceMs === undefined) {
    const rate = [...tallies]
      .map(([minuteMs, count]) => ({ minuteMs, events: count }))
      .sort((a, b) => a.minuteMs - b.minuteMs)
      .slice(-RATE_MINUTES_KEPT);
    return { people: [...events], bots: [], rate };
  }
  const since = sinceMs;
  const people = events.filter((event) => event.timestampMs < since);
  const bots = events.filter((event) => event.timestampMs >= since);
  if (state.bot) return { people, bots, rate: [], verdict: state.bot };
  const from: Record<string, string> = {};
  for (const event of bots) {
    // A replay has no place in its shard's order; the time alone decides for it.
    if (isReplayShard(event.shardId)) continue;
    const position = streamPosition(event.sequenceNumber);
    if (from[event.shardId] === undefined || position < from[event.shardId]!) from[event.shardId] = position;
  }
  return { people, bots, rate: [], verdict: { sinceMs: since, from } };
}
