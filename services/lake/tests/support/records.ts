import type { SourceRecord } from '../../src/domain/types.js';

export const SHARD_0 = 'shardId-000000000000';
export const SHARD_1 = 'shardId-000000000001';
export const LANDED_AT = Date.parse('2026-11-22T07:00:05.000Z');

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

/** A sequence number of the shape Kinesis uses (56 digits), n-th in its shard. */
export const sequenceOf = (n: number) => `4968045248664665698307788559${String(n).padStart(28, '0')}`;

/** A raw events stream record: the envelope ingest writes. */
export function rawRecord(
  n: number,
  type: 'bid' | 'imp' | 'click',
  receivedAt: string,
  options: { txId?: string; shardId?: string; campaignItemId?: number } = {},
): SourceRecord {
  const txId = options.txId ?? `tx-${n}`;
  const data =
    type === 'bid'
      ? {
          tx_id: txId,
          app_uid: 'app-1',
          campaign_item_id: options.campaignItemId ?? 7,
          domain: 'news.example.com',
          creative_id: 'c-1',
          creative_category: 'sports',
          type,
        }
      : type === 'imp'
        ? { tx_id: txId, win_price: 120, type }
        : { tx_id: txId, type };
  const envelope = { schema_version: 1, event_id: uuid(), received_at: receivedAt, type, data };
  return { shardId: options.shardId ?? SHARD_0, sequenceNumber: sequenceOf(n), data: JSON.stringify(envelope) };
}

/** An aggregates stream record. */
export function windowRecord(
  n: number,
  windowStart: string,
  counts: { bids: number; impressions: number; clicks: number; spend: number },
): SourceRecord {
  const window = {
    campaign_item_id: 7,
    window_start: windowStart,
    window_end: new Date(Date.parse(windowStart) + 60_000).toISOString(),
    ...counts,
    updated_at: '2026-11-22T07:00:01.000Z',
  };
  return { shardId: SHARD_0, sequenceNumber: sequenceOf(n), data: JSON.stringify(window) };
}
