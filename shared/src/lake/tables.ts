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

export type LakeTableName = 'bids' | 'impressions' | 'clicks' | 'joined_impressions' | 'joined_clicks' | 'aggregate_changes';

const text = (name: string, optional = false): LakeColumn => ({ name, type: 'STRING', ...(optional ? { optional } : {}) });
const integer = (name: string, optional = false): LakeColumn => ({ name, type: 'INT64', ...(optional ? { optional } : {}) });
const time = (name: string): LakeColumn => ({ name, type: 'TIMESTAMP' });

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
 * of every window (the `aggregates` view keeps the latest).
 */
export const LAKE_TABLES: readonly LakeTable[] = [
  {
    name: 'bids',
    description: 'Every accepted bid, by ingest time',
    timeColumn: 'received_at',
    columns: [text('event_id'), time('received_at'), ...BID_FIELDS, integer('win_price', true), ...LINEAGE],
  },
  {
    name: 'impressions',
    description: 'Every accepted impression, by ingest time',
    timeColumn: 'received_at',
    columns: [text('event_id'), time('received_at'), text('tx_id'), integer('win_price'), ...LINEAGE],
  },
  {
    name: 'clicks',
    description: 'Every accepted click, by ingest time',
    timeColumn: 'received_at',
    columns: [text('event_id'), time('received_at'), text('tx_id'), ...LINEAGE],
  },
  {
    name: 'joined_impressions',
    description: 'Impressions joined with their bid (bid fields plus win_price), by event time',
    timeColumn: 'event_time',
    columns: [text('event_id'), time('event_time'), ...BID_FIELDS, integer('win_price', true), ...LINEAGE],
  },
  {
    name: 'joined_clicks',
    description: 'Clicks joined with their impression and bid, by event time',
    timeColumn: 'event_time',
    columns: [text('event_id'), time('event_time'), ...BID_FIELDS, integer('win_price', true), ...LINEAGE],
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
];

export const lakeTable = (name: LakeTableName): LakeTable => LAKE_TABLES.find((table) => table.name === name)!;
