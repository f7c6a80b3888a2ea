import { botMarkOf } from './botMarkOf.js';
import { SCHEMA_VERSION } from './constants.js';
import { importMarkOf } from './importMarkOf.js';
import type { ClickstreamEnvelope, ClickstreamEvent, Stamp, StampedEvent } from './types.js';
import { withRequestUserAgent } from './withRequestUserAgent.js';

/**
 * Wraps a validated clickstream event in its stream envelope and the Kinesis record that carries
 * it, partitioned by `user_id` so one user's events stay in order on one shard. An event without a
 * `user_agent` takes the request's (`stamp.userAgent`); a known crawler's marks the envelope `bot: true`.
 *
 * @example
 * stampClickstreamEvent({ user_id: 'u1', event_timestamp: 1763800000000, event_name: 'detail' }, { eventId, receivedAt, tenant: 'acme' })
 * // { envelope: { schema_version: 1, event_id, received_at, type: 'clickstream', tenant: 'acme', data }, record: { partitionKey: 'u1', data: <bytes> } }
 */
export function stampClickstreamEvent(posted: ClickstreamEvent, stamp: Stamp): StampedEvent<ClickstreamEnvelope> {
  const event = withRequestUserAgent(posted, stamp.userAgent);
  const envelope: ClickstreamEnvelope = {
    schema_version: SCHEMA_VERSION,
    event_id: stamp.eventId,
    received_at: stamp.receivedAt.toISOString(),
    type: 'clickstream',
    tenant: stamp.tenant,
    ...importMarkOf(stamp),
    ...botMarkOf(event.user_agent),
    data: event,
  };
  return { envelope, record: { partitionKey: event.user_id, data: Buffer.from(JSON.stringify(envelope), 'utf8') } };
}
