import { randomUUID } from 'node:crypto';
import { stampEvent, validateEvent, type AdEvent, type EventType } from '@sdp/ingest';

/** The body of `POST /bid` from the API examples; `[<id>]` becomes a new UUID per request. */
export const BID_BODY_TEMPLATE = JSON.stringify({
  tx_id: '[<id>]',
  app_uid: 'e582f2a0-3e2b-4066-a2a3-dc5867953d0d',
  campaign_item_id: 1463517,
  domain: 'www.google.com',
  creative_id: 'b72897cb-3f88-423b-84aa-9b7710d2416d',
  creative_category: 'testCreativeCategory',
});

export type BatchItem = { type: EventType } & Record<string, unknown>;

/**
 * `size` events as a bidder sends them: every transaction has a bid, every other one an impression
 * and every tenth a click, each transaction with its own `tx_id`.
 */
export function mixedEvents(size: number, campaignItemId = 1463517): BatchItem[] {
  const events: BatchItem[] = [];
  for (let transaction = 0; events.length < size; transaction++) {
    const tx_id = randomUUID();
    events.push({
      type: 'bid',
      tx_id,
      app_uid: randomUUID(),
      campaign_item_id: campaignItemId,
      domain: 'www.google.com',
      creative_id: randomUUID(),
      creative_category: 'testCreativeCategory',
    });
    if (transaction % 2 === 0) events.push({ type: 'imp', tx_id, win_price: 1200 + (transaction % 300) });
    if (transaction % 10 === 0) events.push({ type: 'click', tx_id });
  }
  return events.slice(0, size);
}

/**
 * The Kinesis records ingest would write for these events: validated (defaults applied) and wrapped
 * in the envelope by ingest's own domain functions, so a raw PutRecords carries the same bytes.
 */
export function envelopeRecords(events: readonly BatchItem[]): { PartitionKey: string; Data: Uint8Array }[] {
  return events.map((item) => {
    const validation = validateEvent(item.type, structuredClone(item));
    if (!validation.ok) throw new Error(`fixture event is invalid: ${JSON.stringify(validation.violations)}`);
    const { record } = stampEvent(item.type, validation.event as AdEvent, {
      eventId: randomUUID(),
      receivedAt: new Date(),
      tenant: 'bench',
    });
    return { PartitionKey: record.partitionKey, Data: record.data };
  });
}
