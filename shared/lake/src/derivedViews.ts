import { firstRowPer, NOW_UTC, ratio, STREAM_ORDER } from './portableSql.js';
import { spellingOf, type SqlDialect } from './sqlDialect.js';
import { lakeTable, type LakeColumn, type LakeTableName } from './tables.js';

/** A column type as both engines name it (DuckDB reports these names; Trino's are the same in lower case). */
export type ViewColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE' | 'TIMESTAMP' | 'INTEGER';

export interface ViewColumn {
  name: string;
  type: ViewColumnType;
}

/** What the orphan views wait for (the join's session timeouts), and the rate that makes a user a bot. */
export interface ViewSettings {
  /** Milliseconds, or SQL that computes them (the Glue views take them from deployment parameters) */
  bidsSessionTimeoutMs: number | string;
  clicksSessionTimeoutMs: number | string;
  /** Distinct clickstream events in a minute of event time past which a user is a bot (sessions' `BOT_EVENTS_PER_MINUTE`) */
  botEventsPerMinute: number | string;
}

/** A view over the lake's tables, defined once for DuckDB (locally) and Athena (on AWS). */
export interface DerivedView {
  name: string;
  description: string;
  /** The view's columns in order, with their types: what both spellings of `sql` return */
  columns: readonly ViewColumn[];
  /** The view's SELECT in `dialect` */
  sql(dialect: SqlDialect, settings: ViewSettings): string;
}

const COLUMN_TYPES: Record<LakeColumn['type'], ViewColumnType> = {
  STRING: 'VARCHAR',
  INT64: 'BIGINT',
  TIMESTAMP: 'TIMESTAMP',
};
/** The hour partition of every table, as integers (Glue's partition keys, DuckDB's hive_types) */
export const PARTITION_COLUMNS: readonly ViewColumn[] = ['year', 'month', 'day', 'hour'].map((name) => ({
  name,
  type: 'INTEGER',
}));
const LINEAGE = ['shard_id', 'sequence_number', 'landed_at'];
/** Column names that are reserved words in DuckDB or Trino, so quoted wherever SQL names them. */
const RESERVED = new Set(['end']);

/** A column name as SQL may write it. */
export const identifier = (name: string): string => (RESERVED.has(name) ? `"${name}"` : name);

/** A lake table's columns as a query reads them: the written ones (but `except`), then the partition. */
export function columnsOf(table: LakeTableName, except: readonly string[] = []): ViewColumn[] {
  return [
    ...lakeTable(table)
      .columns.filter((column) => !except.includes(column.name))
      .map((column) => ({ name: column.name, type: COLUMN_TYPES[column.type] })),
    ...PARTITION_COLUMNS,
  ];
}

const names = (columns: readonly ViewColumn[]) => columns.map((column) => identifier(column.name));
/** `columns` as a select list: a computed expression where `computed` has one, the column itself otherwise. */
const selectList = (columns: readonly ViewColumn[], computed: Record<string, string>) =>
  columns.map(({ name }) => (computed[name] ? `${computed[name]} AS ${name}` : identifier(name))).join(', ');
const column = (name: string, type: ViewColumnType): ViewColumn => ({ name, type });

const AGGREGATES_COLUMNS: readonly ViewColumn[] = [
  column('campaign_item_id', 'BIGINT'),
  column('window_start', 'TIMESTAMP'),
  column('window_end', 'TIMESTAMP'),
  ...['bids', 'impressions', 'clicks', 'spend'].map((name) => column(name, 'BIGINT')),
  column('ctr', 'DOUBLE'),
  column('win_rate', 'DOUBLE'),
  column('updated_at', 'TIMESTAMP'),
  ...PARTITION_COLUMNS,
];
const PRODUCT_WINDOW_COLUMNS: readonly ViewColumn[] = [
  column('product_id', 'VARCHAR'),
  column('window_start', 'TIMESTAMP'),
  column('window_end', 'TIMESTAMP'),
  ...['views', 'carts', 'cart_units', 'checkouts', 'purchases', 'units_sold'].map((name) => column(name, 'BIGINT')),
  column('view_to_cart', 'DOUBLE'),
  column('view_to_purchase', 'DOUBLE'),
  column('version', 'BIGINT'),
  column('updated_at', 'TIMESTAMP'),
  ...PARTITION_COLUMNS,
];

/** The first impression (click) of each transaction that never joined, once its session timeout has passed. */
const orphans =
  (table: 'impressions' | 'clicks', joined: string, timeout: keyof ViewSettings) =>
  (dialect: SqlDialect, settings: ViewSettings) => {
    const columns = names(columnsOf(table));
    const first = firstRowPer({ from: table, columns, partitionBy: 'tx_id', orderBy: STREAM_ORDER });
    const timedOut = spellingOf(dialect).before(NOW_UTC, settings[timeout], 'millisecond');
    return `SELECT ${columns.join(', ')} FROM (${first}) AS o
      WHERE o.received_at < ${timedOut}
        AND NOT EXISTS (SELECT 1 FROM ${joined} AS j WHERE j.tx_id = o.tx_id)`;
  };

/** Each clickstream event's first copy in stream order, by the identity sessions count it by. */
const firstClickstreamCopies = () =>
  firstRowPer({
    from: 'clickstream_events',
    columns: names(columnsOf('clickstream_events')),
    partitionBy: 'user_id, event_time, event_name, event_type',
    orderBy: STREAM_ORDER,
  });

/**
 * The views over the lake's tables, in the order `npm run query` lists them:
 * - `aggregates`: the latest version of each campaign window (counts only grow), with CTR and win rate;
 * - `distinct_bids`: the first bid of each transaction in stream order, the bid the pipeline counts;
 * - `distinct_joined_impressions` / `distinct_joined_clicks`: one joined impression (click) per
 *   transaction: enrich emits at least once, so a retried batch lands its joins twice in the joined
 *   tables, and the copies are the same join;
 * - `orphan_impressions` / `orphan_clicks`: the first impression (click) of a transaction that never
 *   joined, once its session timeout has passed, as `GET /orphans` counts them;
 * - `rate_bots`: each user whose rate passed `botEventsPerMinute` distinct clickstream events in one
 *   minute of event time, and the time from which its events are bot traffic, as sessions decides it
 *   (docs/adr/0024-bot-filtering.md);
 * - `distinct_clickstream_events`: each clickstream event once, by the identity sessions count it by
 *   (a client's resent copy, or an event imported again, is the same event), with `bot` saying
 *   `rate` for a rate bot's events from its verdict on;
 * - `sessions`: the latest version of each session (merged ones included, with their `status`);
 * - `product_windows`: the latest version of each product window (highest `version`), with conversion.
 */
export const DERIVED_VIEWS: readonly DerivedView[] = [
  {
    name: 'aggregates',
    description: 'The latest version of each campaign window, with CTR and win rate',
    columns: AGGREGATES_COLUMNS,
    sql: () => {
      const source = AGGREGATES_COLUMNS.filter(({ name }) => name !== 'ctr' && name !== 'win_rate');
      const latest = firstRowPer({
        from: 'aggregate_changes',
        columns: names(source),
        partitionBy: 'campaign_item_id, window_start',
        orderBy: 'bids + impressions + clicks DESC, spend DESC, updated_at DESC',
      });
      const computed = { ctr: ratio('clicks', 'impressions'), win_rate: ratio('impressions', 'bids') };
      return `SELECT ${selectList(AGGREGATES_COLUMNS, computed)} FROM (${latest}) AS latest`;
    },
  },
  {
    name: 'distinct_bids',
    description: 'The first bid of each transaction in stream order',
    columns: columnsOf('bids'),
    sql: () =>
      firstRowPer({ from: 'bids', columns: names(columnsOf('bids')), partitionBy: 'tx_id', orderBy: STREAM_ORDER }),
  },
  ...(['joined_impressions', 'joined_clicks'] as const).map((table): DerivedView => ({
    name: `distinct_${table}`,
    description: `One ${table.replace('_', ' ').slice(0, -1)} per transaction: the first copy in stream order (enrich emits at least once)`,
    columns: columnsOf(table),
    sql: () =>
      firstRowPer({ from: table, columns: names(columnsOf(table)), partitionBy: 'tx_id', orderBy: STREAM_ORDER }),
  })),
  {
    name: 'orphan_impressions',
    description: 'The first impression of each transaction that never joined a bid, once its session timed out',
    columns: columnsOf('impressions'),
    sql: orphans('impressions', 'joined_impressions', 'bidsSessionTimeoutMs'),
  },
  {
    name: 'orphan_clicks',
    description: 'The first click of each transaction that never joined an impression, once its session timed out',
    columns: columnsOf('clicks'),
    sql: orphans('clicks', 'joined_clicks', 'clicksSessionTimeoutMs'),
  },
  {
    name: 'rate_bots',
    description:
      'Users taken for bots by their rate: more distinct clickstream events in one minute than a person makes, and the time from which their events are bot traffic',
    columns: [column('user_id', 'VARCHAR'), column('since', 'TIMESTAMP')],
    // The event past the limit is the first of its minute, in time order, whose rank is over it; ingest's
    // bots are already out of sessions' count.
    sql: (_dialect, settings) => `SELECT user_id, min(event_time) AS since FROM (
      SELECT user_id, event_time, row_number() OVER (PARTITION BY user_id, event_minute ORDER BY event_time) AS minute_rank
      FROM (SELECT user_id, event_time, date_trunc('minute', event_time) AS event_minute
            FROM (${firstClickstreamCopies()}) AS distinct_events WHERE bot IS NULL) AS people) AS ranked
    WHERE minute_rank > ${settings.botEventsPerMinute} GROUP BY user_id`,
  },
  {
    name: 'distinct_clickstream_events',
    description:
      'Each clickstream event once (user, time, name and type, as sessions count it): the first copy in stream order, its bot mark ingest’s or, from a rate bot’s verdict on, rate',
    columns: columnsOf('clickstream_events'),
    sql: () => {
      const columns = columnsOf('clickstream_events');
      const bot = "coalesce(e.bot, CASE WHEN e.event_time >= r.since THEN 'rate' END)";
      const select = columns.map(({ name }) => (name === 'bot' ? `${bot} AS bot` : `e.${identifier(name)}`));
      return `SELECT ${select.join(', ')} FROM (${firstClickstreamCopies()}) AS e LEFT JOIN rate_bots AS r ON r.user_id = e.user_id`;
    },
  },
  {
    name: 'sessions',
    description: 'The latest version of each session, merged ones included',
    columns: columnsOf('session_changes', LINEAGE),
    sql: () =>
      firstRowPer({
        from: 'session_changes',
        columns: names(columnsOf('session_changes', LINEAGE)),
        partitionBy: 'session_id',
        orderBy: `updated_at DESC, ${STREAM_ORDER} DESC`,
      }),
  },
  {
    name: 'product_windows',
    description: 'The latest version of each product window, with view-to-cart and view-to-purchase rates',
    columns: PRODUCT_WINDOW_COLUMNS,
    sql: () => {
      const source = PRODUCT_WINDOW_COLUMNS.filter(({ name }) => !name.startsWith('view_to_'));
      const latest = firstRowPer({
        from: 'product_window_changes',
        columns: names(source),
        partitionBy: 'product_id, window_start',
        orderBy: 'version DESC',
      });
      const computed = { view_to_cart: ratio('carts', 'views'), view_to_purchase: ratio('purchases', 'views') };
      return `SELECT ${selectList(PRODUCT_WINDOW_COLUMNS, computed)} FROM (${latest}) AS latest`;
    },
  },
];
