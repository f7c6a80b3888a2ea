import type { KinesisRecordText } from '@sdp/shared-streams';
import type { ClickstreamEvent } from '../../src/domain/types.js';

/** Record factories for demand tests, with the field names of the `ClickstreamEnvelope` contract. */

export const SHARD_0 = 'shardId-000000000000';
export const T0 = Date.parse('2026-12-04T14:05:00.000Z');

/** A realistic 56-digit Kinesis sequence number that grows with `n`. */
export function sequenceOf(n: number): string {
  return `4959033827149025660855969253836157109592157598913658${String(n).padStart(4, '0')}`;
}

/** A shop event of user `u1` at `T0 + offsetMs`. */
export function click(offsetMs: number, eventName: string, extra: Partial<ClickstreamEvent> = {}): ClickstreamEvent {
  return {
    user_id: 'u1',
    event_timestamp: T0 + offsetMs,
    event_name: eventName,
    event_type: 'click',
    device_type: 'mobile',
    ...extra,
  };
}

/** The stream record at position `n` carrying `event` in its envelope, or raw text. */
export function clickRecord(n: number, event: ClickstreamEvent | string): KinesisRecordText {
  const data =
    typeof event === 'string'
      ? event
      : JSON.stringify({
          schema_version: 1,
          event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          received_at: new Date(T0).toISOString(),
          type: 'clickstream',
          data: event,
        });
  return { shardId: SHARD_0, sequenceNumber: sequenceOf(n), data };
}

/** Records for `events` at positions 0, 1, 2… */
export const clickRecords = (events: readonly (ClickstreamEvent | string)[]) =>
  events.map((event, n) => clickRecord(n, event));
