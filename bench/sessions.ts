/**
 * `npm run bench:sessions`: how fast the sessions service sessionizes a clickstream and how soon an
 * event shows in its user's session, end to end through the public API of the local cloud.
 *
 * 1. Throughput: a seeded shop clickstream (test/support/clickstream: disorder, late and bridging
 *    events, copies) is posted to `POST /clickstream` in batches of 500 as fast as ingest takes it;
 *    the clock stops when the sessions table holds the oracle's sessions (their event counts add up
 *    to every distinct event), i.e. when the backlog is drained. Posting alone is timed too, so the
 *    ratio says how far sessionizing keeps up with ingest.
 * 2. Freshness: under a steady load of other users' events, a probe user posts one event every
 *    250 ms and polls `GET /sessions?user_id=probe` until its session counts it; the time from the
 *    2xx to the session showing it is one sample.
 *
 * The local cloud runs in a child process (bench/servers/localCloudHost.ts). Everything targets
 * loopback, is bounded in events and time, and stops by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { fromStateImage, STATE_SESSION_NO, storedSessionOf } from '@sdp/sessions';
import { localDynamoDbClient } from '@sdp/local-cloud';
import { generateClickstream } from '../fixtures/clickstream/generateClickstream.ts';
import { sessionsOracle, type PostedClick } from '../fixtures/clickstream/sessionsOracle.ts';
import { latencySummary, round } from './lib/statistics.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from './servers/localCloudHost.ts';
import { machineDescription } from './lib/machineDescription.ts';

const USERS = 2_000;
const GAP_MS = 10_000;
const BATCH = 500;
const CONCURRENT_POSTS = 4;
const STEADY_EVENTS_PER_SECOND = 200;
const STEADY_SECONDS = 30;
const PROBE_EVERY_MS = 250;
const TIMEOUT_MS = 5 * 60_000;
const SESSIONS_TABLE = 'sdp-sessions-local-sessions';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-sessions-'));
const cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
  path.join(import.meta.dirname, 'servers/localCloudHost.ts'),
  [dataDir, '--keep-consumers'],
);
const { url, apiKey } = cloud.ready;
const dynamoDb = localDynamoDbClient(cloud.ready.dynamoDbEndpoint);
console.log(`Local cloud up in ${cloud.ready.startupMs} ms at ${url}`);

async function postClicks(events: readonly PostedClick[]): Promise<number> {
  for (;;) {
    const response = await fetch(`${url}/clickstream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ events }),
    });
    const body = (await response.json()) as { accepted?: number };
    if (response.status === 200 && body.accepted === events.length) return events.length;
    if (response.status !== 429 && response.status !== 503)
      throw new Error(`POST /clickstream answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
    await sleep(Number(response.headers.get('retry-after') ?? '1') * 1000);
  }
}

/** Events in active sessions, over the whole table: users' recent sessions live in their state item (item 0), the others are archived. */
async function sessionizedEvents(): Promise<number> {
  const recent = new Map<string, number>();
  const archived = new Map<string, number>();
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await dynamoDb.send(new ScanCommand({ TableName: SESSIONS_TABLE, ExclusiveStartKey: start }));
    for (const item of (page.Items ?? []).map((raw) => unmarshall(raw))) {
      if (Number(item.session_no) === STATE_SESSION_NO)
        for (const session of fromStateImage(item).recent)
          recent.set(`${session.userId} ${session.sessionNo}`, session.eventCount);
      else {
        const session = storedSessionOf(item);
        if (session?.status === 'active') archived.set(`${session.userId} ${session.sessionNo}`, session.eventCount);
      }
    }
    start = page.LastEvaluatedKey;
  } while (start);
  // An archived copy of a session that is still recent is older: the state wins.
  for (const key of recent.keys()) archived.delete(key);
  return [...recent.values(), ...archived.values()].reduce((sum, count) => sum + count, 0);
}

try {
  // 1. Drain a backlog.
  const workload = generateClickstream({ users: USERS, seed: 17, gapMs: GAP_MS, startMs: Date.now() - 60 * 60_000 });
  const oracle = sessionsOracle(workload.arrivals, GAP_MS);
  const expected = [...oracle.values()].flat().reduce((sum, s) => sum + s.event_count, 0);
  const sessions = [...oracle.values()].reduce((sum, list) => sum + list.length, 0);
  const batches: PostedClick[][] = [];
  for (let i = 0; i < workload.arrivals.length; i += BATCH) batches.push(workload.arrivals.slice(i, i + BATCH));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENT_POSTS }, async () => {
      while (next < batches.length) await postClicks(batches[next++]!);
    }),
  );
  const postedMs = performance.now() - started;
  let seen = 0;
  // A scan of the whole table is work for DynamoDB Local too: poll every 2 s (the drain takes minutes).
  while (seen < expected && performance.now() - started < TIMEOUT_MS) {
    await sleep(2_000);
    seen = await sessionizedEvents();
  }
  const drainedMs = performance.now() - started;
  if (seen !== expected)
    throw new Error(`the sessions held ${seen} of ${expected} events after ${Math.round(drainedMs)} ms`);
  const throughput = {
    users: USERS,
    events: workload.arrivals.length,
    distinctEvents: expected,
    sessions,
    postedMs: Math.round(postedMs),
    drainedMs: Math.round(drainedMs),
    postedEventsPerSecond: round(workload.arrivals.length / (postedMs / 1000)),
    sessionizedEventsPerSecond: round(workload.arrivals.length / (drainedMs / 1000)),
    sessionizedToPostedRatio: round(postedMs / drainedMs, 2),
  };
  console.log(
    `Backlog: ${throughput.events} events of ${USERS} users (${sessions} sessions) posted in ${throughput.postedMs} ms (${throughput.postedEventsPerSecond}/s), ` +
      `all in their sessions after ${throughput.drainedMs} ms → ${throughput.sessionizedEventsPerSecond} events/s (${throughput.sessionizedToPostedRatio} × the posting rate)`,
  );

  // 2. Freshness under a steady load.
  const steady = generateClickstream({
    users: 400,
    seed: 18,
    gapMs: GAP_MS,
    startMs: Date.now() - 10 * 60_000,
  }).arrivals;
  const perTick = Math.round(STEADY_EVENTS_PER_SECOND / 10);
  let stopLoad = false;
  const load = (async () => {
    for (let i = 0; !stopLoad && i < steady.length; i += perTick) {
      const tick = performance.now();
      await postClicks(steady.slice(i, i + perTick));
      await sleep(Math.max(0, 100 - (performance.now() - tick)));
    }
  })();
  const samples: number[] = [];
  const end = performance.now() + STEADY_SECONDS * 1000;
  for (let probe = 1; performance.now() < end; probe++) {
    await postClicks([
      { user_id: 'bench-probe', event_timestamp: Date.now(), event_name: 'detail', device_type: 'desktop' },
    ]);
    const acknowledged = performance.now();
    for (;;) {
      const response = await fetch(`${url}/sessions?user_id=bench-probe&limit=1000`, {
        headers: { 'x-api-key': apiKey },
      });
      const body = (await response.json()) as { sessions: { event_count: number }[] };
      if (body.sessions.reduce((sum, s) => sum + s.event_count, 0) >= probe) break;
      if (performance.now() - acknowledged > 30_000) throw new Error('a probe event never showed up in its session');
      await sleep(10);
    }
    samples.push(performance.now() - acknowledged);
    await sleep(Math.max(0, PROBE_EVERY_MS - (performance.now() - acknowledged)));
  }
  stopLoad = true;
  await load;
  const freshness = { loadEventsPerSecond: STEADY_EVENTS_PER_SECOND, ...latencySummary(samples) };
  console.log(
    `Freshness at ${STEADY_EVENTS_PER_SECOND} events/s: event → session p50 ${freshness.p50Ms} ms, p95 ${freshness.p95Ms} ms, p99 ${freshness.p99Ms} ms (${samples.length} probes)`,
  );

  const results = {
    measuredAt: new Date().toISOString(),
    machine: machineDescription(),
    throughput,
    freshness,
  };
  await writeBenchResults('sessions', results);
} finally {
  await cloud.stop();
  await rm(dataDir, { recursive: true, force: true });
}
