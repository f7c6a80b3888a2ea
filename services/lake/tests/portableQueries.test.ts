import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseQueryRequest } from '../src/domain/parseQueryRequest.js';
import { SAVED_QUERIES } from '../src/domain/savedQueries.js';
import { trinoProblemsOf } from './support/trinoProblemsOf.js';
import { DERIVED_VIEWS, duckDbQueryEngine, type LakeQueryEngine, type SqlDialect } from '@sdp/shared-lake';

/*
 * Every view and saved query is written once and spelled for each engine: the DuckDB spelling must run
 * on DuckDB (here over an empty lake, with its typed tables), the Trino spelling must read as Trino SQL
 * with Trino's functions only. A query that runs on one engine alone fails one of these.
 */
const NOW = new Date('2026-12-07T10:00:00.000Z');
const SETTINGS = { bidsSessionTimeoutMs: 300_000, clicksSessionTimeoutMs: 300_000, botEventsPerMinute: 120 };
const LIMITS = { maxRows: 100, timeoutMs: 10_000 };
const viewSql = (name: string, dialect: SqlDialect) =>
  DERIVED_VIEWS.find((view) => view.name === name)!.sql(dialect, SETTINGS);
const savedSql = (name: string, dialect: SqlDialect) => parseQueryRequest({ saved: name }, NOW, dialect).sql;
/** What each saved query answers with: a saved query missing here fails its DuckDB test. */
const SAVED_QUERY_COLUMNS: Record<string, string[]> = {
  funnel: [
    'campaign_item_id',
    'hour',
    'bids',
    'impressions',
    'clicks',
    'spend',
    'win_rate',
    'ctr',
    'bot_impressions',
    'bot_clicks',
  ],
  win_rate_by_domain: ['domain', 'bids', 'wins', 'win_rate', 'avg_win_price'],
  top_creatives: ['creative_id', 'creative_category', 'impressions', 'clicks', 'ctr', 'spend'],
  events_per_second: ['second', 'type', 'events'],
  bot_traffic: ['kind', 'hour', 'human_events', 'bot_events'],
  pipeline_freshness: ['table_name', 'newest_event', 'lag_ms', 'landing_p50_ms', 'landing_p95_ms', 'rows_last_5_min'],
};
const EVERY_QUERY = [
  ...DERIVED_VIEWS.map((view) => [`view ${view.name}`, (dialect: SqlDialect) => viewSql(view.name, dialect)] as const),
  ...SAVED_QUERIES.map(
    (query) => [`saved query ${query.name}`, (dialect: SqlDialect) => savedSql(query.name, dialect)] as const,
  ),
];

describe('the Trino spelling of every view and saved query', () => {
  it.each(EVERY_QUERY)('%s reads as Trino SQL with Trino functions only', (_, sqlIn) => {
    // Act
    const problems = trinoProblemsOf(sqlIn('trino'));

    // Assess
    expect(problems).toStrictEqual([]);
  });
});

describe('trinoProblemsOf, on DuckDB-only copies of the lake queries', () => {
  it.each([
    [
      'the funnel grouped BY ALL',
      () => savedSql('funnel', 'trino').replaceAll('GROUP BY 1, 2', 'GROUP BY ALL'),
      ['not Trino SQL at line 4, column 1: GROUP BY ALL: name the groups (GROUP BY 1, 2)'],
    ],
    [
      'distinct bids with QUALIFY',
      () => 'SELECT * FROM bids QUALIFY row_number() OVER (PARTITION BY tx_id ORDER BY sequence_number) = 1',
      ['not Trino SQL at line 1, column 28: QUALIFY: filter a row_number() window in a subquery (firstRowPer)'],
    ],
    [
      'sessions with SELECT * EXCLUDE',
      () => 'SELECT * EXCLUDE (shard_id, sequence_number, landed_at) FROM session_changes',
      ['not Trino SQL at line 1, column 10: SELECT * EXCLUDE: list the columns'],
    ],
    [
      'pipeline freshness with quantile_cont',
      () => savedSql('pipeline_freshness', 'trino').replaceAll('approx_percentile(', 'quantile_cont('),
      ['quantile_cont() is not a Trino function'],
    ],
    [
      'the DuckDB spelling of events per second (INTERVAL (n) SECOND)',
      () => savedSql('events_per_second', 'duckdb'),
      ['INTERVAL (120) SECOND: Trino takes a quoted constant only (spellingOf(dialect).before)'],
    ],
    [
      'the DuckDB spelling of the orphan impressions (INTERVAL (n) MILLISECOND)',
      () => viewSql('orphan_impressions', 'duckdb'),
      ['not Trino SQL at line 2, column 74: INTERVAL (n) UNIT: spellingOf(dialect).before'],
    ],
    [
      'top creatives with any_value',
      () => savedSql('top_creatives', 'trino').replace('arbitrary(', 'any_value('),
      ['any_value() is not a Trino function'],
    ],
    [
      'the aggregates view dividing integers',
      () => viewSql('aggregates', 'trino').replace('CAST(clicks AS DOUBLE) / impressions', 'clicks / impressions'),
      ['clicks / impressions divides integers as integers on Trino: CAST the numerator AS DOUBLE'],
    ],
    [
      'a PostgreSQL cast',
      () => 'SELECT received_at::DATE AS day FROM bids',
      ['received_at::DATE: write CAST(x AS type)'],
    ],
  ])('refuses %s', (_, copy, expected) => {
    // Act
    const problems = trinoProblemsOf(copy());

    // Assess
    expect(problems).toStrictEqual(expected);
  });
});

describe('the DuckDB spelling of every view and saved query', () => {
  let lakeDir: string;
  let engine: LakeQueryEngine;

  beforeAll(async () => {
    lakeDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-portable-'));
    engine = duckDbQueryEngine(lakeDir, SETTINGS);
  });

  afterAll(async () => {
    await engine.close();
    await rm(lakeDir, { recursive: true, force: true });
  });

  it.each(DERIVED_VIEWS.map((view) => [view.name, view.columns] as const))(
    'view %s answers with the columns and types it declares',
    async (name, columns) => {
      // Act
      const result = await engine.query(`SELECT * FROM ${name}`, LIMITS);

      // Assess
      expect({ columns: result.columns, rows: result.rows }).toStrictEqual({ columns, rows: [] });
    },
  );

  it.each(SAVED_QUERIES.map((query) => query.name))('saved query %s runs on DuckDB', async (name) => {
    // Act
    const result = await engine.query(savedSql(name, 'duckdb'), LIMITS);

    // Assess
    expect(result.columns.map((column) => column.name)).toStrictEqual(SAVED_QUERY_COLUMNS[name]);
  });

  it('saved query pipeline_freshness names every table of an empty lake', async () => {
    // Act
    const result = await engine.query(savedSql('pipeline_freshness', 'duckdb'), LIMITS);

    // Assess
    const tables = [
      'aggregate_changes',
      'bids',
      'clicks',
      'clickstream_events',
      'impressions',
      'joined_clicks',
      'joined_impressions',
      'product_window_changes',
      'session_changes',
    ];
    expect(result.rows).toStrictEqual(
      tables.map((table_name) => ({
        table_name,
        newest_event: null,
        lag_ms: null,
        landing_p50_ms: null,
        landing_p95_ms: null,
        rows_last_5_min: 0,
      })),
    );
  });

  it('refuses the Trino spelling of events per second, so a query that runs on Trino alone fails here', async () => {
    // Act
    const running = engine.query(savedSql('events_per_second', 'trino'), LIMITS);

    // Assess
    await expect(running).rejects.toMatchObject({ code: 'invalid_query' });
  });
});
