/**
 * `npm run bench:lake`: how fast the lake writer lands rows, how soon a posted event is queryable, and
 * how fast the saved queries answer over more than a million rows.
 *
 * 1. Write throughput: the writer's own code (parse, validate, plan, Parquet-encode, atomic write, the
 *    re-delivery check) lands a synthetic day of raw events in 10,000-record batches, in this process,
 *    into a directory: rows/s. The same day is then landed as enriched events (joined impressions and
 *    clicks) for the query part.
 * 2. Query latency: each saved query runs 5 times with DuckDB over that lake, once before compaction
 *    (one file per batch and hour) and once after it (one file per hour), side by side; medians and
 *    the ratio.
 * 3. POST → queryable: the local cloud (what `npm start` runs, default 2-second batch window) takes a
 *    steady load of demo-like events; every 500 ms a probe bid is posted and `POST /query` is polled
 *    until the bid's row is there; the time from the probe's 2xx to the row is one sample.
 *
 * Everything runs on loopback and temporary directories and stops by itself.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  dataFileName,
  directoryObjectStore,
  duckDbQueryEngine,
  LAKE_TABLES,
  lakeTable,
  readPartitionState,
  readTablePartitions,
} from '@sdp/shared-lake';
import {
  compactPartition,
  decodeParquet,
  encodeParquet,
  landBatch,
  parseQueryRequest,
  SAVED_QUERIES,
  type SourceRecord,
} from '@sdp/lake';
import { postWorkload } from '../test/support/workload/postWorkload.ts';
import { generateWorkload } from '../test/support/workload/generateWorkload.ts';
import { median, percentile, round } from './lib/statistics.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from './servers/localCloudHost.ts';
import { machineDescription } from './lib/machineDescription.ts';

const TRANSACTIONS = 1_000_000;
const BATCH = 10_000;
const QUERY_RUNS = 5;
const PROBE_SECONDS = 30;
const STEADY_EVENTS_PER_SECOND = 200;
const DAY_START = Date.parse('2026-11-21T00:00:00.000Z');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const lakeDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-lake-'));
const store = directoryObjectStore(lakeDir);
const deps = {
  readState: (partition: string) => readPartitionState(store, partition),
  writeFile: (write: Parameters<Parameters<typeof landBatch>[3]['writeFile']>[0]) =>
    store.put(`${write.partition}/${dataFileName(write.range)}`, encodeParquet(lakeTable(write.table), write.rows)),
  log: () => undefined,
};

/** One synthetic day: a bid per transaction, 30 % won (impression), 10 % of those clicked, in time order. */
function* syntheticDay(): Generator<{ raw: SourceRecord; enriched?: SourceRecord }> {
  const domains = [
    'news.example.com',
    'games.example.io',
    'www.google.com',
    'recipes.example.org',
    'weather.example.net',
  ];
  let sequence = 0n;
  const position = () => `49680452486646656983077885${String(++sequence).padStart(30, '0')}`;
  for (let tx = 0; tx < TRANSACTIONS; tx++) {
    const at = new Date(DAY_START + Math.floor((tx / TRANSACTIONS) * 86_400_000)).toISOString();
    const bid = {
      tx_id: `tx-${tx}`,
      app_uid: `app-${tx % 5000}`,
      campaign_item_id: 1_000_000 + (tx % 40),
      domain: domains[tx % 5]!,
      creative_id: `creative-${tx % 97}`,
      creative_category: ['travel', 'finance', 'retail', 'gaming'][tx % 4]!,
      type: 'bid',
    };
    const envelope = (type: string, data: object) =>
      JSON.stringify({ schema_version: 1, event_id: crypto.randomUUID(), received_at: at, type, data });
    const shardId = 'shardId-000000000000';
    yield { raw: { shardId, sequenceNumber: position(), data: envelope('bid', bid) } };
    if (tx % 10 < 3) {
      const win = { tx_id: bid.tx_id, win_price: 50 + (tx % 200), type: 'imp' };
      const joined = {
        ...bid,
        schema_version: 1,
        type: 'imp',
        event_id: crypto.randomUUID(),
        event_time: at,
        win_price: win.win_price,
      };
      yield {
        raw: { shardId, sequenceNumber: position(), data: envelope('imp', win) },
        enriched: { shardId, sequenceNumber: position(), data: JSON.stringify(joined) },
      };
      if (tx % 100 < 3) {
        const click = {
          ...bid,
          schema_version: 1,
          type: 'click',
          event_id: crypto.randomUUID(),
          event_time: at,
          win_price: win.win_price,
        };
        yield {
          raw: { shardId, sequenceNumber: position(), data: envelope('click', { tx_id: bid.tx_id, type: 'click' }) },
          enriched: { shardId, sequenceNumber: position(), data: JSON.stringify(click) },
        };
      }
    }
  }
}

const countFiles = async () =>
  (await readdir(lakeDir, { recursive: true })).filter((file) => String(file).endsWith('.parquet')).length;

async function timeSavedQueries(label: string): Promise<Record<string, number>> {
  const engine = duckDbQueryEngine(lakeDir, {
    bidsSessionTimeoutMs: 300_000,
    clicksSessionTimeoutMs: 300_000,
    botEventsPerMinute: 120,
  });
  const medians: Record<string, number> = {};
  try {
    for (const saved of SAVED_QUERIES) {
      const params = saved.params.some((p) => p.name === 'from')
        ? { from: '2026-11-21T00:00:00Z', to: '2026-11-22T00:00:00Z' }
        : {};
      const { sql } = parseQueryRequest({ saved: saved.name, params, limit: 10_000 }, new Date(), engine.dialect);
      const times: number[] = [];
      for (let run = 0; run < QUERY_RUNS; run++)
        times.push((await engine.query(sql, { maxRows: 10_000, timeoutMs: 120_000 })).elapsed_ms);
      medians[saved.name] = median(times);
    }
  } finally {
    await engine.close();
  }
  console.log(
    `Saved queries ${label}: ${Object.entries(medians)
      .map(([name, ms]) => `${name} ${ms} ms`)
      .join(', ')}`,
  );
  return medians;
}

const cloudDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-lake-cloud-'));
let cloud: Awaited<ReturnType<typeof startChildServer<LocalCloudHostReady, LocalCloudHostReport>>> | undefined;
try {
  // 1. Write throughput, in-process.
  let raw: SourceRecord[] = [];
  let enriched: SourceRecord[] = [];
  let rawRows = 0;
  let writeMs = 0;
  let enrichedRows = 0;
  const landRaw = async () => {
    const started = performance.now();
    rawRows += (await landBatch('raw', raw, Date.now(), deps)).rows;
    writeMs += performance.now() - started;
    raw = [];
  };
  for (const { raw: record, enriched: joined } of syntheticDay()) {
    raw.push(record);
    if (joined) enriched.push(joined);
    if (raw.length === BATCH) await landRaw();
    if (enriched.length === BATCH) {
      enrichedRows += (await landBatch('enriched', enriched, Date.now(), deps)).rows;
      enriched = [];
    }
  }
  if (raw.length > 0) await landRaw();
  if (enriched.length > 0) enrichedRows += (await landBatch('enriched', enriched, Date.now(), deps)).rows;
  const write = {
    rows: rawRows,
    batchRecords: BATCH,
    ms: Math.round(writeMs),
    rowsPerSecond: Math.round(rawRows / (writeMs / 1000)),
  };
  console.log(
    `Lake writer: ${rawRows} raw rows in ${write.ms} ms → ${write.rowsPerSecond} rows/s (one core, ${BATCH}-record batches); ${enrichedRows} enriched rows`,
  );

  // 2. Saved queries before and after compaction.
  const totalRows = rawRows + enrichedRows;
  const filesBefore = await countFiles();
  const before = await timeSavedQueries(`over ${totalRows} rows in ${filesBefore} files`);
  const compactStarted = performance.now();
  for (const table of LAKE_TABLES) {
    for (const partition of (await readTablePartitions(store, table.name)).keys()) {
      await compactPartition(partition, table.timeColumn, {
        readState: (key) => readPartitionState(store, key),
        readRows: async (key) => decodeParquet(table, (await store.get(key))!),
        writeRows: (key, rows) => store.put(key, encodeParquet(table, rows)),
        put: (key, body) => store.put(key, body),
        delete: (keys) => store.delete(keys),
        now: () => new Date(),
      });
    }
  }
  const compaction = {
    ms: Math.round(performance.now() - compactStarted),
    filesBefore,
    filesAfter: await countFiles(),
  };
  console.log(`Compaction: ${compaction.filesBefore} → ${compaction.filesAfter} files in ${compaction.ms} ms`);
  const after = await timeSavedQueries(`over ${totalRows} rows in ${compaction.filesAfter} files`);

  // 3. POST → queryable through the local cloud.
  cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
    path.join(import.meta.dirname, 'servers/localCloudHost.ts'),
    [cloudDir, '--keep-consumers'],
  );
  const url = cloud.ready.url;
  const steady = generateWorkload({
    seed: 9,
    events: STEADY_EVENTS_PER_SECOND * (PROBE_SECONDS + 5),
    campaigns: 32,
    duplicateRate: 0,
    disorderRate: 0,
    lateRate: 0,
    orphanImpressionRate: 0,
    orphanClickRate: 0,
  }).flat();
  let stopLoad = false;
  const load = (async () => {
    const perTick = STEADY_EVENTS_PER_SECOND / 10;
    for (let i = 0; !stopLoad && i < steady.length; i += perTick) {
      const tick = performance.now();
      await postWorkload(cloud.ready, [steady.slice(i, i + perTick)]);
      await sleep(Math.max(0, 100 - (performance.now() - tick)));
    }
  })();
  const samples: number[] = [];
  const end = performance.now() + PROBE_SECONDS * 1000;
  for (let probe = 0; performance.now() < end; probe++) {
    const txId = `probe-${probe}-${Date.now()}`;
    const response = await fetch(`${url}/bid`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': cloud.ready.apiKey },
      body: JSON.stringify({ tx_id: txId, app_uid: 'probe', campaign_item_id: 1 }),
    });
    const acknowledged = performance.now();
    await response.arrayBuffer();
    for (;;) {
      const result = await fetch(`${url}/query`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': cloud.ready.apiKey },
        body: JSON.stringify({ sql: `SELECT count(*) AS n FROM bids WHERE tx_id = '${txId}'` }),
      });
      const { rows } = (await result.json()) as { rows: { n: number }[] };
      if (rows[0]?.n === 1) break;
      if (performance.now() - acknowledged > 60_000) throw new Error('a probe never became queryable');
      await sleep(50);
    }
    samples.push(performance.now() - acknowledged);
    await sleep(Math.max(0, 500 - (performance.now() - acknowledged)));
  }
  stopLoad = true;
  await load;
  const queryable = {
    loadEventsPerSecond: STEADY_EVENTS_PER_SECOND,
    batchWindowSeconds: 2,
    samples: samples.length,
    p50Ms: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    maxMs: round(Math.max(...samples)),
  };
  console.log(
    `POST → queryable at ${STEADY_EVENTS_PER_SECOND} events/s: p50 ${queryable.p50Ms} ms, p95 ${queryable.p95Ms} ms (${samples.length} probes)`,
  );

  const results = {
    measuredAt: new Date().toISOString(),
    machine: machineDescription(),
    write,
    queries: {
      rows: totalRows,
      runsPerQuery: QUERY_RUNS,
      beforeCompaction: { files: filesBefore, medianMs: before },
      afterCompaction: { files: compaction.filesAfter, medianMs: after },
      speedup: Object.fromEntries(Object.keys(before).map((name) => [name, round(before[name]! / after[name]!, 2)])),
    },
    compaction,
    queryable,
  };
  await writeBenchResults('lake', results);
} finally {
  await cloud?.stop();
  await Promise.all([lakeDir, cloudDir].map((dir) => rm(dir, { recursive: true, force: true })));
}
