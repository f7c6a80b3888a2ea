import type { components } from '@sdp/shared-contract';

export type SavedQuery = components['schemas']['SavedQuery'];

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
const ratio = (numerator: string, denominator: string) =>
  `CASE WHEN ${denominator} > 0 THEN ${numerator} / ${denominator} ELSE 0 END`;

/**
 * The queries a data engineer asks first, runnable by name through `npm run query -- --saved <name>`
 * and `POST /query`. Parameters appear as `{{name}}` and are substituted as typed SQL literals.
 */
export const SAVED_QUERIES: readonly SavedQuery[] = [
  {
    name: 'funnel',
    description:
      'Bids → impressions → clicks per campaign and hour (UTC), with spend, win rate and CTR; counts each transaction once, as the reports do',
    params: [FROM, TO],
    sql: `WITH b AS (
  SELECT campaign_item_id, date_trunc('hour', received_at) AS hour, count(*) AS bids
  FROM distinct_bids WHERE received_at >= {{from}} AND received_at < {{to}} GROUP BY ALL
), i AS (
  SELECT campaign_item_id, date_trunc('hour', event_time) AS hour, count(*) AS impressions, sum(win_price) AS spend
  FROM joined_impressions WHERE event_time >= {{from}} AND event_time < {{to}} GROUP BY ALL
), c AS (
  SELECT campaign_item_id, date_trunc('hour', event_time) AS hour, count(*) AS clicks
  FROM joined_clicks WHERE event_time >= {{from}} AND event_time < {{to}} GROUP BY ALL
)
SELECT campaign_item_id, hour,
       coalesce(bids, 0) AS bids, coalesce(impressions, 0) AS impressions, coalesce(clicks, 0) AS clicks,
       coalesce(spend, 0) AS spend,
       ${ratio('coalesce(impressions, 0)', 'coalesce(bids, 0)')} AS win_rate,
       ${ratio('coalesce(clicks, 0)', 'coalesce(impressions, 0)')} AS ctr
FROM b FULL JOIN i USING (campaign_item_id, hour) FULL JOIN c USING (campaign_item_id, hour)
ORDER BY hour, campaign_item_id`,
  },
  {
    name: 'win_rate_by_domain',
    description: 'Per domain: bids, won bids (joined impressions), win rate and average winning price',
    params: [FROM, TO],
    sql: `SELECT coalesce(b.domain, '(none)') AS domain, count(*) AS bids, count(i.tx_id) AS wins,
       ${ratio('count(i.tx_id)', 'count(*)')} AS win_rate, avg(i.win_price) AS avg_win_price
FROM distinct_bids AS b LEFT JOIN joined_impressions AS i USING (tx_id)
WHERE b.received_at >= {{from}} AND b.received_at < {{to}}
GROUP BY ALL ORDER BY bids DESC, domain`,
  },
  {
    name: 'top_creatives',
    description: 'Creatives ranked by clicks, then impressions: impressions, clicks, CTR and spend',
    params: [FROM, TO, { name: 'top', type: 'number', description: 'How many creatives', default: 10 }],
    sql: `SELECT coalesce(i.creative_id, '(none)') AS creative_id, any_value(i.creative_category) AS creative_category,
       count(*) AS impressions, count(c.tx_id) AS clicks, ${ratio('count(c.tx_id)', 'count(*)')} AS ctr, sum(i.win_price) AS spend
FROM joined_impressions AS i LEFT JOIN joined_clicks AS c USING (tx_id)
WHERE i.event_time >= {{from}} AND i.event_time < {{to}}
GROUP BY ALL ORDER BY clicks DESC, impressions DESC, creative_id LIMIT {{top}}`,
  },
  {
    name: 'events_per_second',
    description: 'Accepted events per second and type over the last seconds, by ingest time',
    params: [{ name: 'seconds', type: 'number', description: 'How far back', default: 120 }],
    sql: `WITH events AS (
  SELECT received_at, 'bid' AS type FROM bids UNION ALL
  SELECT received_at, 'imp' FROM impressions UNION ALL
  SELECT received_at, 'click' FROM clicks
)
SELECT date_trunc('second', received_at) AS second, type, count(*) AS events
FROM events WHERE received_at >= CAST(now() AS TIMESTAMP) - INTERVAL ({{seconds}}) SECOND
GROUP BY ALL ORDER BY second, type`,
  },
  {
    name: 'pipeline_freshness',
    description:
      'Per lake table: its newest row, how far behind now it is, and how long rows took to land (last 5 minutes)',
    params: [],
    sql: `WITH rows AS (
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
         quantile_cont(date_diff('millisecond', event_at, landed_at), 0.5) FILTER (WHERE landed_at >= CAST(now() AS TIMESTAMP) - INTERVAL 5 MINUTE) AS p50,
         quantile_cont(date_diff('millisecond', event_at, landed_at), 0.95) FILTER (WHERE landed_at >= CAST(now() AS TIMESTAMP) - INTERVAL 5 MINUTE) AS p95,
         count(*) FILTER (WHERE landed_at >= CAST(now() AS TIMESTAMP) - INTERVAL 5 MINUTE) AS recent_rows
  FROM rows GROUP BY table_name
)
SELECT t.table_name, s.newest_event,
       date_diff('millisecond', s.newest_event, CAST(now() AS TIMESTAMP)) AS lag_ms,
       CAST(s.p50 AS BIGINT) AS landing_p50_ms, CAST(s.p95 AS BIGINT) AS landing_p95_ms,
       coalesce(s.recent_rows, 0) AS rows_last_5_min
FROM (VALUES ('bids'), ('impressions'), ('clicks'), ('joined_impressions'), ('joined_clicks'), ('aggregate_changes'),
             ('clickstream_events'), ('session_changes'), ('product_window_changes')) AS t(table_name)
LEFT JOIN stats AS s USING (table_name)
ORDER BY t.table_name`,
  },
];
