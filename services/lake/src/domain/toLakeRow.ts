import {
  validateAggregationWindow,
  validateClickstreamEnvelope,
  validateEnrichedEvent,
  validateEventEnvelope,
  validateProductWindow,
  validateSession,
} from '@sdp/shared-contract';
import { type LakeTableName } from '@sdp/shared-lake';
import type { LakeRow, LakeSource, SourceRecord } from './types.js';

/** A record turned into a row of one table, or why it lands nowhere: on purpose (`none`) or because it is broken (`skip`). */
export type RowOutcome = { table: LakeTableName; row: LakeRow } | { none: string } | { skip: string };

const RAW_TABLES = { bid: 'bids', imp: 'impressions', click: 'clicks' } as const;
const JOINED_TABLES = { imp: 'joined_impressions', click: 'joined_clicks' } as const;

/**
 * The lake row of one stream record. Enriched bids land nowhere (every bid is in `bids` already);
 * a record that breaks its contract is skipped with the reason, never retried: it cannot become valid
 * (the failed-events store keeps it).
 *
 * @example
 * toLakeRow('raw', record, landedAt) // { table: 'bids', row: { event_id: '…', received_at: 1763791200000, … } }
 */
export function toLakeRow(source: LakeSource, record: SourceRecord, landedAt: number): RowOutcome {
  let body: unknown;
  try {
    body = JSON.parse(record.data);
  } catch {
    return { skip: 'the record is not JSON' };
  }
  const lineage = { shard_id: record.shardId, sequence_number: record.sequenceNumber, landed_at: landedAt };
  switch (source) {
    case 'raw': {
      if (!validateEventEnvelope(body)) return { skip: 'the record is not a valid EventEnvelope' };
      const { event_id, type, data } = body;
      const received_at = Date.parse(body.received_at);
      const source = body.source ?? 'live';
      const device = { user_agent: data.user_agent ?? null, bot: body.bot_reason ?? null };
      if (type === 'bid' && 'app_uid' in data) {
        return {
          table: RAW_TABLES.bid,
          row: {
            event_id,
            received_at,
            ...bidFields(data),
            win_price: data.win_price ?? null,
            source,
            ...device,
            ...lineage,
          },
        };
      }
      if (type === 'imp' && 'win_price' in data) {
        return {
          table: RAW_TABLES.imp,
          row: {
            event_id,
            received_at,
            tx_id: data.tx_id,
            win_price: data.win_price ?? null,
            source,
            ...device,
            ...lineage,
          },
        };
      }
      if (type === 'click')
        return {
          table: RAW_TABLES.click,
          row: { event_id, received_at, tx_id: data.tx_id, source, ...device, ...lineage },
        };
      return { skip: `the envelope's type '${type}' does not match its data` };
    }
    case 'enriched': {
      if (!validateEnrichedEvent(body)) return { skip: 'the record is not a valid EnrichedEvent' };
      if (body.type === 'bid') return { none: 'enriched bids are in the bids table already' };
      const row = {
        event_id: body.event_id,
        event_time: Date.parse(body.event_time),
        ...bidFields(body),
        win_price: body.win_price ?? null,
        // An enriched event carries ingest's mark as a flag; ingest marks by user agent only (BotMark).
        bot: body.bot ? 'user_agent' : null,
      };
      return { table: JOINED_TABLES[body.type], row: { ...row, ...lineage } };
    }
    case 'aggregates': {
      if (!validateAggregationWindow(body)) return { skip: 'the record is not a valid AggregationWindow' };
      const { campaign_item_id, bids, impressions, clicks, spend } = body;
      const times = {
        window_start: Date.parse(body.window_start),
        window_end: Date.parse(body.window_end),
        updated_at: Date.parse(body.updated_at),
      };
      return {
        table: 'aggregate_changes',
        row: { campaign_item_id, ...times, bids, impressions, clicks, spend, ...lineage },
      };
    }
    case 'clickstream': {
      if (!validateClickstreamEnvelope(body)) return { skip: 'the record is not a valid ClickstreamEnvelope' };
      const { event_id, data } = body;
      const row = {
        event_id,
        received_at: Date.parse(body.received_at),
        user_id: data.user_id,
        event_time: data.event_timestamp,
        event_name: data.event_name,
        event_type: data.event_type ?? 'click',
        device_type: data.device_type ?? 'unknown',
        product_id: data.product_id ?? null,
        quantity: data.quantity ?? null,
        source: body.source ?? 'live',
        user_agent: data.user_agent ?? null,
        bot: body.bot_reason ?? null,
      };
      return { table: 'clickstream_events', row: { ...row, ...lineage } };
    }
    case 'sessions': {
      if (!validateSession(body)) return { skip: 'the record is not a valid Session' };
      const { start, end, updated_at, merged_into, ...fields } = body;
      const times = { start: Date.parse(start), end: Date.parse(end), updated_at: Date.parse(updated_at) };
      return { table: 'session_changes', row: { ...fields, merged_into: merged_into ?? null, ...times, ...lineage } };
    }
    case 'product_windows': {
      if (!validateProductWindow(body)) return { skip: 'the record is not a valid ProductWindow' };
      const { window_start, window_end, updated_at, ...counts } = body;
      const times = {
        window_start: Date.parse(window_start),
        window_end: Date.parse(window_end),
        updated_at: Date.parse(updated_at),
      };
      return { table: 'product_window_changes', row: { ...counts, ...times, ...lineage } };
    }
  }
}

function bidFields(data: {
  tx_id: string;
  app_uid: string;
  campaign_item_id: number;
  domain?: string;
  creative_id?: string;
  creative_category?: string;
}): LakeRow {
  return {
    tx_id: data.tx_id,
    app_uid: data.app_uid,
    campaign_item_id: data.campaign_item_id,
    domain: data.domain ?? null,
    creative_id: data.creative_id ?? null,
    creative_category: data.creative_category ?? null,
  };
}
