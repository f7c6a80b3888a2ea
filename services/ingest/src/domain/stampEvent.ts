import { botMarkOf } from './botMarkOf.js';
import { SCHEMA_VERSION } from './constants.js';
import { importMarkOf } from './importMarkOf.js';
import type { AdEvent, EventType, Stamp, StampedEvent } from './types.js';
import { withRequestUserAgent } from './withRequestUserAgent.js';

/**
 * Wraps a validated event in the stream envelope and the Kinesis record that carries it,
 * stamped with the sending key's tenant and partitioned by `tx_id` so one transaction's bid, impression and click land on one shard.
 * An impression or click without a `user_agent` takes the request's (`stamp.userAgent`); a bid never
 * does, its request comes from the bidder's server (ADR 24). A known crawler's user agent marks the
 * envelope `bot: true`.
 *
 * @example
 * stampEvent('click', { tx_id: 't1', type: 'click' }, { eventId, receivedAt, tenant: 'acme' })
 * // { envelope: { schema_version: 1, event_id, received_at, type: 'click', tenant: 'acme', data }, record: { partitionKey: 't1', data: <bytes> } }
 */
export function stampEvent(type: EventType, posted: AdEvent, stamp: Stamp): StampedEvent {
  const event = type === 'bid' ? posted : withRequestUserAgent(posted, stamp.userAgent);
  const envelope = {
    schema_version: SCHEMA_VERSION,
    event_id: stamp.eventId,
    received_at: stamp.receivedAt.toISOString(),
    type,
    tenant: stamp.tenant,
    ...importMarkOf(stamp),
    ...botMarkOf(event.user_agent),
    data: event,
  } as const;
  return { envelope, record: { partitionKey: event.tx_id, data: Buffer.from(JSON.stringify(envelope), 'utf8') } };
}
