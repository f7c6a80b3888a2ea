import type { components } from '@sdp/shared-contract';
import { NOW_UTC, ratio, spellingOf, type SqlDialect } from '@sdp/shared-lake';

export type SavedQuery = components['schemas']['SavedQuery'];

/** A saved query written once, in SQL that DuckDB (locally) and Trino (Athena, on AWS) both run. */
export interface SavedQueryDefinition extends Omit<SavedQuery, 'sql'> {
  /** Its SQL in `dialect`, with `{{name}}` where a parameter goes */
  sql(dialect: SqlDialect): string;
}

const FROM = {
  name: 'from',
  type: 'timestamp',
  description: 'Start of the range, inclusive (ISO 8601); default 24 hours before `to`',
} as const;
const TO = {
  name: 'to',
  type: 'timestamp',
  description: 'End of the range, exclusive (ISO 8601); default now',
} as const;
/** Rows of `cte` keyed by campaign and hour, joined to the keys of the funnel. */
const onKey = (cte: string) =>
  `LEFT JOIN ${cte} ON ${cte}.campaign_item_id = k.campaign_item_id AND ${cte}.hour = k.hour`;

/**
 * The queries a data engineer asks first, runnable by name through `npm run query -- --saved <name>`
 * and `POST /query`. Parameters appear as `{{name}}` and are substituted as typed SQL literals. Written
 * in SQL both engines run: `GROUP BY 1, 2` rather than `GROUP BY ALL`, `arbitrary` for any value, joins
 * `ON` rather than `USING`, ratios as DOUBLE (ratio), and spellingOf for what differs.
 */
export const SAVED_QUERIES: readonly SavedQueryDefinition[] = [
  {
    name: 'funnel',
    description:
      'Bids → impressions → clicks per campaign and hour (UTC), with spend, win rate and CTR; counts each transaction once and leaves bots out, as the reports do, and counts bots’ impressions and clicks beside',
    params: [FROM, TO],
    sql: () => `WITH b AS (
  SELECT campaign_item_id, date_trunc('hour', received_at) AS hour, count(*) AS bids
  FROM distinct_bids WHERE received_at >= {{from}} AND received_at < {{to}} GROUP BY 1, 2
), i AS (
  SELECT campaign_item_id, date_trunc('hour', event_time) AS hour,
         count(CASE WHEN bot IS NULL THEN 1 END) AS impressions, sum(CASE WHEN bot IS NULL THEN win_price END) AS spend,
         count(bot) AS bot_impressions
  FROM distinct_joined_impressions WHERE event_time >= {{from}} AND event_time < {{to}} GROUP BY 1, 2
), c AS (
  SELECT campaign_item_id, date_trunc('hour', event_time) AS hour,
         count(CASE WHEN bot IS NULL THEN 1 END) AS clicks, count(bot) AS bot_clicks
  FROM distinct_joined_clicks WHERE event_time >= {{from}} AND event_time < {{to}} GROUP BY 1, 2
), k AS (
  SELECT campaign_item_id, hour FROM b UNION SELECT campaign_item_id, hour FROM i UNION SELECT campaign_item_id, hour FROM c
)
SELECT k.campaign_item_id, k.hour,
       coalesce(b.bids, 0) AS bids, coalesce(i.impressions, 0) AS impressions, coalesce(c.clicks, 0) AS clicks,
       coalesce(i.spend, 0) AS spend,
       ${ratio('coalesce(i.impressions, 0)', 'coalesce(b.bids, 0)')} AS win_rate,
       ${ratio('coalesce(c.clicks, 0)', 'coalesce(i.impressions, 0)')} AS ctr,
       coalesce(i.bot_impressions, 0) AS bot_impressions, coalesce(c.bot_clicks, 0) AS bot_clicks
FROM k ${onKey('b')} ${onKey('i')} ${onKey('c')}
ORDER BY k.hour, k.campaign_item_id`,
  },
  {
    name: 'win_rate_by_domain',
    description: 'Per domain: bids, won bids (joined impressions), win rate and average winning price',
    params: [FROM, TO],
    sql: () => `SELECT coalesce(b.domain, '(none)') AS domain, count(*) AS bids, count(i.tx_id) AS wins,
       ${ratio('count(i.tx_id)', 'count(*)')} AS win_rate, avg(i.win_price) AS avg_win_price
FROM distinct_bids AS b LEFT JOIN distinct_joined_impressions AS i ON i.tx_id = b.tx_id
WHERE b.received_at >= {{from}} AND b.received_at < {{to}}
GROUP BY 1 ORDER BY bids DESC, domain`,
  },
  {
    name: 'top_creatives',
    description: 'Creatives ranked by clicks, then impressions: impressions, clicks, CTR and spend',
    params: [FROM, TO, { name: 'top', type: 'number', description: 'How many creatives', default: 10 }],
    sql: () => `SELECT coalesce(i.creative_id, '(none)') AS creative_id, arbitrary(i.creative_category) AS creative_category,
       count(*) AS impressions, count(c.tx_id) AS clicks, ${ratio('count(c.tx_id)', 'count(*)')} AS ctr, sum(i.win_price) AS spend
FROM distinct_joined_impressions AS i LEFT JOIN distinct_joined_clicks AS c ON c.tx_id = i.tx_id
WHERE i.event_time >= {{from}} AND i.event_time < {{to}}
GROUP BY 1 ORDER BY clicks DESC, impressions DESC, creative_id LIMIT {{top}}`,
  },
  {
    name: 'events_per_second',
    description: 'Accepted events per second and type over the last seconds, by ingest time',
    params: [{ name: 'seconds', type: 'number', description: 'How far back', default: 120 }],
    sql: (dialect) => `WITH events AS (
  SELECT received_at, 'bid' AS type FROM bids UNION ALL
  SELECT received_at, 'imp' FROM impressions UNION ALL
  SELECT received_at, 'click' FROM clicks
)
SELECT date_trunc('second', received_at) AS second, type, count(*) AS events
FROM events WHERE received_at >= ${spellingOf(dialect).before(NOW_UTC, '{{seconds}}', 'second')}
GROUP BY 1, 2 ORDER BY second, type`,
  },
  {
    name: 'bot_traffic',
    description:
      'Per hour (UTC) and kind: events from people and from bots (marked by their user agent at ingest, or users past the rate a person makes, ADR 24), each clickstream event and each transaction once',
    params: [FROM, TO],
    sql: () => {
      const range = (column: string) => `${column} >= {{from}} AND ${column} < {{to}}`;
      return `WITH traffic AS (
  SELECT 'clickstream' AS kind, date_trunc('hour', received_at) AS hour, bot, event_id AS id
  FROM distinct_clickstream_events WHERE ${range('received_at')} UNION ALL
  SELECT 'impressions', date_trunc('hour', received_at), bot, tx_id FROM impressions WHERE ${range('received_at')} UNION ALL
  SELECT 'clicks', date_trunc('hour', received_at), bot, tx_id FROM clicks WHERE ${range('received_at')}
)
SELECT kind, hour, count(DISTINCT CASE WHEN bot IS NULL THEN id END) AS human_events,
       count(DISTINCT CASE WHEN bot IS NOT NULL THEN id END) AS bot_events
FROM traffic GROUP BY 1, 2 ORDER BY hour, kind`;
    },
  },
  {
    name: 'pipeline_freshness',
    description:
      'Per lake table: its newest row, how far behind now it is, and how long rows took to land (last 5 minutes)',
    params: [],
    sql: (dialect) => {
      const { before, percentile } = spellingOf(dialect);
      // Aggregates skip NULLs, so a CASE without ELSE keeps the last 5 minutes. (FILTER works on both engines,
      // but the Trino grammar that checks this SQL in the tests reads it after built-in aggregates only.)
      const recent = (value: string) => `CASE WHEN landed_at >= ${before(NOW_UTC, 5, 'minute')} THEN ${value} END`;
      const landingMs = "date_diff('millisecond', event_at, landed_at)";
      return `WITH landed AS (
  SELECT 'bids' AS table_name, received_at AS event_at, landed_at FROM bids UNION ALL
  SELECT 'impressions', received_at, landed_at FROM impressions UNION ALL
  SELECT 'clicks', received_at, landed_at FROM clicks UNION ALL
  SELECT 'joined_impressions', event_time, landed_at FROM joined_impressions UNION ALL
  SELECT 'joined_clicks', event_time, landed_at FROM joined_clicks UNION ALL
  SELECT 'aggregate_changes', updated_at, landed_at FROM aggregate_changes UNION ALL
  SELECT 'clickstream_events', received_at, landed_at FROM clickstream_events UNION ALL
  SELECT 'session_changes', updated_at, landed_at FROM session_changes UNION ALL
  SELECT 'product_window_changes', updated_at, landed_at FROM product_window_changes
), stats AS (
  SELECT table_name, max(event_at) AS newest_event,
         ${percentile(recent(landingMs), 0.5)} AS p50,
         ${percentile(recent(landingMs), 0.95)} AS p95,
         count(${recent('1')}) AS recent_rows
  FROM landed GROUP BY table_name
)
SELECT t.table_name, s.newest_event,
       date_diff('millisecond', s.newest_event, ${NOW_UTC}) AS lag_ms,
       CAST(s.p50 AS BIGINT) AS landing_p50_ms, CAST(s.p95 AS BIGINT) AS landing_p95_ms,
       coalesce(s.recent_rows, 0) AS rows_last_5_min
FROM (VALUES ('bids'), ('impressions'), ('clicks'), ('joined_impressions'), ('joined_clicks'), ('aggregate_changes'),
             ('clickstream_events'), ('session_changes'), ('product_window_changes')) AS t(table_name)
LEFT JOIN stats AS s ON s.table_name = t.table_name
ORDER BY t.table_name`;
    },
  },
];

/**
 * The saved queries with their SQL in `dialect`: what `GET /query/saved` lists and `POST /query` runs
 * on that engine.
 */
export function savedQueriesIn(dialect: SqlDialect): SavedQuery[] {
  return SAVED_QUERIES.map(({ sql, ...query }) => ({ ...query, sql: sql(dialect) }));
}
