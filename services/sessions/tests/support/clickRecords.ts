import type { SourceRecord } from '../../src/domain/types.js';
import type { PostedClick } from '../../../../fixtures/clickstream/sessionsOracle.js';

/** Record factories for sessions tests, with the field names of the `ClickstreamEnvelope` contract. */

export const SHARD_0 = 'shardId-000000000000';
export const T0 = Date.parse('2026-11-22T10:00:00.000Z');

/** A realistic 56-digit Kinesis sequence number that grows with `n`. */
export function sequenceOf(n: number): string {
  return `4959033827149025660855969253836157109592157598913658${String(n).padStart(4, '0')}`;
}

export function click(userId: string, offsetMs: number, eventName = 'detail', deviceType = 'mobile'): PostedClick {
  return {
    user_id: userId,
    event_timestamp: T0 + offsetMs,
    event_name: eventName,
    event_type: 'click',
    device_type: deviceType,
  };
}

/** The stream records at positions `first`, `first + 1`, … carrying these events (or raw text). */
export function clickRecords(events: readonly (PostedClick | string)[], first = 0): SourceRecord[] {
  return events.map((event, i) => ({
    shardId: SHARD_0,
    sequenceNumber: sequenceOf(first + i),
    data:
      typeof event === 'string'
        ? event
        : JSON.stringify({
            schema_version: 1,
            event_id: `00000000-0000-4000-8000-${String(first + i).padStart(12, '0')}`,
            received_at: new Date(T0).toISOString(),
            type: 'clickstream',
            data: event,
          }),
  }));
}
