/** A column of a lake table, with the Parquet type it is written as. */
export interface LakeColumn {
  name: string;
  /** STRING: UTF-8 text; INT64: integers (written as 64-bit); TIMESTAMP: epoch milliseconds, UTC */
  type: 'STRING' | 'INT64' | 'TIMESTAMP';
  /** Absent values are allowed */
  optional?: boolean;
}

export interface LakeTable {
  name: LakeTableName;
  description: string;
  /** The event-time column the table is partitioned by (year/month/day/hour, UTC) */
  timeColumn: string;
  columns: readonly LakeColumn[];
}

export type LakeTableName =
  | 'bids'
  | 'impressions'
  | 'clicks'
  | 'joined_impressions'
  | 'joined_clicks'
  | 'aggregate_changes'
  | 'clickstream_events'
  | 'session_changes'
  | 'product_window_changes';

const text = (name: string, optional = false): LakeColumn => ({
  name,
  type: 'STRING',
  ...(optional ? { optional } : {}),
});
const integer = (name: string, optional = false): LakeColumn => ({
  name,
  type: 'INT64',
  ...(optional ? { optional } : {}),
});
const time = (name: string): LakeColumn => ({ name, type: 'TIMESTAMP' });
/** `live`, or `import` for an event `POST /import` took from history; NULL in files written before the column. */
const SOURCE: LakeColumn = text('source', true);
/**
 * The device's user agent, and why ingest took the event for bot traffic (`user_agent`; NULL for a
 * human's event, and in files written before the columns): bots are kept in the lake with the mark (ADR 24).
 */
const DEVICE: readonly LakeColumn[] = [text('user_agent', true), text('bot', true)];
/**
 * A joined impression's (click's) own bot mark, as enrich carries it from ingest: NULL for a human's,
 * so the funnel counts what campaign windows count (ADR 24).
 */
const JOINED_BOT: LakeColumn = text('bot', true);

/** Where each row came from and when it landed: the Kinesis position makes a row traceable and orderable. */
const LINEAGE: readonly LakeColumn[] = [text('shard_id'), text('sequence_number'), time('landed_at')];
const BID_FIELDS: readonly LakeColumn[] = [
  text('tx_id'),
  text('app_uid'),
  integer('campaign_item_id'),
  text('domain', true),
  text('creative_id', true),
  text('creative_category', true),
];

/**
 * Every table the lake writer lands, in the order `npm run query` lists them. Raw tables hold one row
 * per record of the raw events stream (duplicates a client sent twice included: they are what was
 * accepted); joined tables hold what enrich emitted; `aggregate_changes` holds every published version
 * of every window (the `aggregates` view keeps the latest). The shop's tables: `clickstream_events`
 * (every accepted clickstream event), `session_changes` and `product_window_changes` (every version of
 * every session and product window; the `sessions` and `product_windows` views keep the latest).
 */
export const LAKE_TABLES: readonly LakeTable[] = [
  {
    name: 'bids',
    description: 'Every accepted bid, by ingest time (an imported bid by its event time)',
    timeColumn: 'received_at',
    columns: [
      text('event_id'),
      time('received_at'),
      ...BID_FIELDS,
      integer('win_price', true),
      SOURCE,
      ...DEVICE,
      ...LINEAGE,
    ],
  },
  {
    name: 'impressions',
    description: 'Every accepted impression, by ingest time (an imported one by its event time)',
    timeColumn: 'received_at',
    columns: [
      text('event_id'),
      time('received_at'),
      text('tx_id'),
      integer('win_price'),
      SOURCE,
      ...DEVICE,
      ...LINEAGE,
    ],
  },
  {
    name: 'clicks',
    description: 'Every accepted click, by ingest time (an imported one by its event time)',
    timeColumn: 'received_at',
    columns: [text('event_id'), time('received_at'), text('tx_id'), SOURCE, ...DEVICE, ...LINEAGE],
  },
  {
    name: 'joined_impressions',
    description: 'Impressions joined with their bid (bid fields plus win_price), by event time',
    timeColumn: 'event_time',
    columns: [text('event_id'), time('event_time'), ...BID_FIELDS, integer('win_price', true), JOINED_BOT, ...LINEAGE],
  },
  {
    name: 'joined_clicks',
    description: 'Clicks joined with their impression and bid, by event time',
    timeColumn: 'event_time',
    columns: [text('event_id'), time('event_time'), ...BID_FIELDS, integer('win_price', true), JOINED_BOT, ...LINEAGE],
  },
  {
    name: 'aggregate_changes',
    description: 'Every published version of every campaign window, by window start',
    timeColumn: 'window_start',
    columns: [
      integer('campaign_item_id'),
      time('window_start'),
      time('window_end'),
      integer('bids'),
      integer('impressions'),
      integer('clicks'),
      integer('spend'),
      time('updated_at'),
      ...LINEAGE,
    ],
  },
  {
    name: 'clickstream_events',
    description: 'Every accepted clickstream event, by ingest time (an imported one by its event time)',
    timeColumn: 'received_at',
    columns: [
      text('event_id'),
      time('received_at'),
      text('user_id'),
      time('event_time'),
      text('event_name'),
      text('event_type'),
      text('device_type'),
      text('product_id', true),
      integer('quantity', true),
      SOURCE,
      ...DEVICE,
      ...LINEAGE,
    ],
  },
  {
    name: 'session_changes',
    description: 'Every published version of every session, by session start',
    timeColumn: 'start',
    columns: [
      text('session_id'),
      text('user_id'),
      text('status'),
      text('merged_into', true),
      time('start'),
      time('end'),
      integer('duration_ms'),
      integer('event_count'),
      text('device_type'),
      text('entry_event'),
      text('exit_event'),
      time('updated_at'),
      ...LINEAGE,
    ],
  },
  {
    name: 'product_window_changes',
    description: 'Every published version of every product window, by window start',
    timeColumn: 'window_start',
    columns: [
      text('product_id'),
      time('window_start'),
      time('window_end'),
      integer('views'),
      integer('carts'),
      integer('cart_units'),
      integer('checkouts'),
      integer('purchases'),
      integer('units_sold'),
      integer('version'),
      time('updated_at'),
      ...LINEAGE,
    ],
  },
];

export const lakeTable = (name: LakeTableName): LakeTable => LAKE_TABLES.find((table) => table.name === name)!;
