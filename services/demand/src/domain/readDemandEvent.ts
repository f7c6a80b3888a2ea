import { validateClickstreamEnvelope } from '@sdp/shared-contract';
import { clickstreamEventKey, readContractRecord, type ContractReading } from '@sdp/shared-streams';
import { CLICKSTREAM_SCHEMA_VERSION, DEMAND_MEASURES } from './constants.js';
import type { DemandEvent } from './types.js';

/** A clickstream record read: product demand, a valid event that is no demand, or a broken record. */
export type DemandReading =
  { ok: true; event: DemandEvent } | { ok: true; event: undefined } | Extract<ContractReading<never>, { ok: false }>;

/**
 * Reads one clickstream record's text as product demand: a valid `ClickstreamEnvelope` whose event
 * names a `product_id` and an `event_name` of `DEMAND_MEASURES`, and that ingest did not mark as a bot's. Its key is the user's event
 * identity (`clickstreamEventKey`), so every copy of one event has the same key.
 *
 * @example
 * readDemandEvent('{"schema_version":1,…,"data":{"user_id":"u1","event_name":"add_to_cart","product_id":"sku-001","quantity":2,…}}')
 * // { ok: true, event: { eventKey: 'u1#1764860000000#add_to_cart#click', productId: 'sku-001', measure: 'carts', quantity: 2, … } }
 */
export function readDemandEvent(text: string): DemandReading {
  const reading = readContractRecord(text, CLICKSTREAM_SCHEMA_VERSION, validateClickstreamEnvelope);
  if (!reading.ok) return reading;
  // Bot traffic (ADR 24) is no demand; sessions leaves it out too, so both count the same events.
  if (reading.value.bot === true) return { ok: true, event: undefined };
  const { data } = reading.value;
  const measure = DEMAND_MEASURES[data.event_name];
  if (data.product_id === undefined || measure === undefined) return { ok: true, event: undefined };
  return {
    ok: true,
    event: {
      userId: data.user_id,
      eventKey: `${data.user_id}#${clickstreamEventKey(data)}`,
      productId: data.product_id,
      eventTimestamp: data.event_timestamp,
      measure,
      quantity: data.quantity ?? 1,
    },
  };
}
