/**
 * `npm run bench:ingest`: how close ingest through the local cloud comes to what the machine can do.
 *
 * 1. `POST /bid` with autocannon against the local cloud with its stream consumers stopped (ingest
 *    alone), against the whole platform as `npm start` runs it (consumers on, a second local cloud),
 *    and against a bare Node HTTP server, plus a reference: single-record PutRecords straight to the
 *    same kinesalite (the ceiling of any one-write-per-request ingest on this emulator).
 * 2. `POST /events` with 500 mixed events per call against PutRecords of the same records straight
 *    to the same kinesalite.
 * 3. With `--profile`, one more `POST /bid` run against a local cloud that writes V8 CPU profiles of
 *    its main thread and every function instance: the CPU each request costs, by what it is spent on.
 *
 * Process layout: the load generators (autocannon, the batch callers, the raw Kinesis client) run in
 * this process and nothing else does; the local cloud (gateway, kinesalite, function workers) and the
 * bare server each run in their own child process. A server sharing an event loop with autocannon
 * would be slowed by it in a way a deployed service never is, and the local cloud is exactly what
 * `npm start` runs (the gateway in its main thread, kinesalite behind its group commit in a thread of
 * its own). Each pair is measured in alternating order (ABBA…) so drift, such as kinesalite's growing
 * store, falls on both sides; after each run against the whole platform, its pipeline works off what
 * the run left before anything else is measured.
 *
 * Flags: `--rounds <n>` (default 3), `--max-instances <n>` (instances per function in the local
 * clouds; their default otherwise), `--profile`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { localKinesisClient } from '@sdp/local-cloud';
import { cpuBreakdown } from './lib/cpuProfileBreakdown.ts';
import { BID_BODY_TEMPLATE, envelopeRecords, mixedEvents } from './lib/eventFixtures.ts';
import { withCpuCores } from './lib/measureCpu.ts';
import { runAutocannon } from './lib/runAutocannon.ts';
import { runClosedLoop } from './lib/runClosedLoop.ts';
import { round } from './lib/statistics.ts';
import { startChildServer } from './lib/startChildServer.ts';
import { medianOfRuns } from './lib/summarizeRuns.ts';
import type { BatchRun, CpuUse, IngestBenchResults, SingleRun } from './lib/types.ts';
import { writeIngestResults } from './lib/writeIngestResults.ts';
import type { LocalCloudHostReady, LocalCloudHostReport } from './servers/localCloudHost.ts';

const { values: flags } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    'max-instances': { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});
const ROUNDS = Math.max(1, Number(flags.rounds));
const SINGLE_EVENT = { connections: 50, warmupSeconds: 2, durationSeconds: 10 };
const BATCH = { size: 500, concurrency: 4, warmupSeconds: 2, durationSeconds: 8, distinctBatches: 16 };
/** Single events: requests per second, and p99 alone and with the whole platform running. */
const SINGLE_EVENT_TARGET = { requestsPerSecond: 1_500, p99Ms: 50, platformP99Ms: 100 };
const BATCH_TARGET = 0.9;
const RESULTS_DIR = path.join(import.meta.dirname, 'results');
const SERVERS_DIR = path.join(import.meta.dirname, 'servers');

const startedAt = new Date();
const loadAverageAtStart = os.loadavg().map((load) => round(load, 2));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-ingest-'));
const platformDataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-ingest-platform-'));
const instanceFlags = flags['max-instances'] ? ['--max-instances', flags['max-instances']] : [];
console.log(`Starting a local cloud without stream consumers, one with the whole platform, and a bare HTTP server…`);
const cloud = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
  path.join(SERVERS_DIR, 'localCloudHost.ts'),
  [dataDir, ...instanceFlags],
);
const platform = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
  path.join(SERVERS_DIR, 'localCloudHost.ts'),
  [platformDataDir, '--keep-consumers', ...instanceFlags],
);
const bare = await startChildServer<{ url: string }>(path.join(SERVERS_DIR, 'bareHttpServer.ts'));
// The platform's consumers must not work off a backlog while another target is measured.
await platform.settle();
const kinesis = localKinesisClient(cloud.ready.kinesisEndpoint);
console.log(
  `Local clouds up in ${cloud.ready.startupMs} ms and ${platform.ready.startupMs} ms; bare server at ${bare.ready.url}.`,
);

const batches = Array.from({ length: BATCH.distinctBatches }, () => {
  const events = mixedEvents(BATCH.size);
  return { events, body: JSON.stringify({ events }), records: envelopeRecords(events) };
});

type SingleTarget = 'ingest' | 'platform' | 'bare' | 'rawSingleRecord';
const singleRuns: Record<SingleTarget, SingleRun[]> = { ingest: [], platform: [], bare: [], rawSingleRecord: [] };
const batchRuns: { ingest: BatchRun[]; raw: BatchRun[] } = { ingest: [], raw: [] };
let localCloudReport: LocalCloudHostReport | undefined;
const singleRecords = batches[0]!.records.filter((_, index) => batches[0]!.events[index]!.type === 'bid');

/** Server cores, load generator cores and the server's CPU per unit (request or event) of one run. */
const cpuUse = (cores: Record<string, number | undefined>, unitsPerSecond: number): CpuUse => ({
  ...(cores.server === undefined
    ? {}
    : { serverCores: cores.server, serverCpuMsPerUnit: (cores.server * 1000) / unitsPerSecond }),
  ...(cores.loadGenerator === undefined ? {} : { loadGeneratorCores: cores.loadGenerator }),
});

const putSingleRecord = async (sequence: number): Promise<{ completed: number; attempted: number }> => {
  const record = singleRecords[sequence % singleRecords.length]!;
  const output = await kinesis.send(
    new PutRecordsCommand({ StreamName: cloud.ready.rawEventsStreamName, Records: [record] }),
  );
  return { completed: output.FailedRecordCount ? 0 : 1, attempted: 1 };
};

const measureSingle = async (target: SingleTarget, run: number): Promise<void> => {
  const server = { ingest: cloud, platform, bare, rawSingleRecord: cloud }[target];
  const pids = { server: server.pid, loadGenerator: process.pid };
  const { result, cores } = await withCpuCores(pids, async () => {
    if (target === 'ingest' || target === 'platform') {
      const { url, apiKey } = (server as typeof cloud).ready;
      return runAutocannon(`${url}/bid`, BID_BODY_TEMPLATE, { ...SINGLE_EVENT, headers: { 'x-api-key': apiKey } });
    }
    if (target === 'bare') return runAutocannon(`${bare.ready.url}/bid`, BID_BODY_TEMPLATE, SINGLE_EVENT);
    const loop = await runClosedLoop({
      concurrency: SINGLE_EVENT.connections,
      warmupMs: SINGLE_EVENT.warmupSeconds * 1000,
      durationMs: SINGLE_EVENT.durationSeconds * 1000,
      call: putSingleRecord,
    });
    return {
      requestsPerSecondMean: loop.unitsPerSecondMean,
      requestsPerSecondMedian: loop.unitsPerSecondMedian,
      latencyP50Ms: loop.latencyP50Ms,
      latencyP99Ms: loop.latencyP99Ms,
      requests2xx: loop.unitsCompleted,
      non2xx: loop.unitsNotCompleted,
      errors: loop.callErrors,
      timeouts: 0,
    };
  });
  if (target === 'platform') await platform.settle();
  singleRuns[target].push({ ...result, ...cpuUse(cores, result.requestsPerSecondMean) });
  const label = {
    ingest: 'POST /bid ingest    ',
    platform: 'POST /bid platform  ',
    bare: 'POST /bid bare      ',
    rawSingleRecord: 'PutRecords 1 record ',
  }[target];
  console.log(
    `  run ${run} ${label} ${round(result.requestsPerSecondMean)} req/s (median ${result.requestsPerSecondMedian}), ` +
      `p50 ${round(result.latencyP50Ms)} ms, p99 ${round(result.latencyP99Ms)} ms, non-2xx ${result.non2xx}, errors ${result.errors}, ` +
      `server ${cores.server ?? '?'} cores`,
  );
};

const postBatch = async (sequence: number): Promise<{ completed: number; attempted: number }> => {
  const response = await fetch(`${cloud.ready.url}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': cloud.ready.apiKey },
    body: batches[sequence % batches.length]!.body,
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`POST /events answered ${response.status}: ${text.slice(0, 300)}`);
  const { accepted, rejected } = JSON.parse(text) as { accepted: number; rejected: number };
  return { completed: accepted, attempted: accepted + rejected };
};

const putRecordsRaw = async (sequence: number): Promise<{ completed: number; attempted: number }> => {
  const { records } = batches[sequence % batches.length]!;
  const output = await kinesis.send(
    new PutRecordsCommand({ StreamName: cloud.ready.rawEventsStreamName, Records: records }),
  );
  const completed = (output.Records ?? []).filter((entry) => entry.SequenceNumber && !entry.ErrorCode).length;
  return { completed, attempted: records.length };
};

const measureBatch = async (target: 'ingest' | 'raw', run: number): Promise<void> => {
  const { result, cores } = await withCpuCores({ server: cloud.pid, loadGenerator: process.pid }, () =>
    runClosedLoop({
      concurrency: BATCH.concurrency,
      warmupMs: BATCH.warmupSeconds * 1000,
      durationMs: BATCH.durationSeconds * 1000,
      call: target === 'ingest' ? postBatch : putRecordsRaw,
    }),
  );
  batchRuns[target].push({ ...result, ...cpuUse(cores, result.unitsPerSecond) });
  console.log(
    `  run ${run} ${target === 'ingest' ? 'POST /events' : 'PutRecords  '} ${round(result.unitsPerSecond)} events/s ` +
      `(median ${result.unitsPerSecondMedian}), call p50 ${round(result.latencyP50Ms)} ms, p99 ${round(result.latencyP99Ms)} ms, ` +
      `not accepted ${result.unitsNotCompleted}, failed calls ${result.callErrors}${result.firstError ? ` (${result.firstError})` : ''}, ` +
      `server ${cores.server ?? '?'} cores`,
  );
};

try {
  for (let run = 1; run <= ROUNDS; run++) {
    console.log(`Round ${run} of ${ROUNDS}`);
    const forward = run % 2 === 1;
    const singleOrder: SingleTarget[] = forward
      ? ['ingest', 'platform', 'bare', 'rawSingleRecord']
      : ['rawSingleRecord', 'bare', 'platform', 'ingest'];
    for (const target of singleOrder) await measureSingle(target, run);
    for (const target of forward ? (['ingest', 'raw'] as const) : (['raw', 'ingest'] as const))
      await measureBatch(target, run);
  }
} finally {
  kinesis.destroy();
  [localCloudReport] = await Promise.all([cloud.stop(), platform.stop(), bare.stop()]);
  await rm(dataDir, { recursive: true, force: true });
  await rm(platformDataDir, { recursive: true, force: true });
}
const breakdown = flags.profile ? await profileSingleEvents() : undefined;

const single = {
  ingest: measurement(singleRuns.ingest),
  platform: measurement(singleRuns.platform),
  bare: measurement(singleRuns.bare),
  rawSingleRecord: measurement(singleRuns.rawSingleRecord),
};
const batch = { ingest: measurement(batchRuns.ingest), raw: measurement(batchRuns.raw) };
const cpus = os.cpus();
const results: IngestBenchResults = {
  startedAt: startedAt.toISOString(),
  durationSeconds: round((Date.now() - startedAt.getTime()) / 1000),
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMb: Math.round(os.totalmem() / 2 ** 20),
    node: process.version,
    platform: process.platform,
    arch: process.arch,
    osRelease: os.release(),
    loadAverageAtStart,
    loadAverageAtEnd: os.loadavg().map((load) => round(load, 2)),
  },
  settings: {
    rounds: ROUNDS,
    singleEvent: { ...SINGLE_EVENT, body: BID_BODY_TEMPLATE },
    batch: {
      ...BATCH,
      bodyBytes: Math.round(batches.reduce((sum, b) => sum + Buffer.byteLength(b.body), 0) / batches.length),
      recordBytes: Math.round(
        batches.flatMap((b) => b.records).reduce((sum, r) => sum + r.Data.byteLength + r.PartitionKey.length, 0) /
          (batches.length * BATCH.size),
      ),
    },
    streamConsumersStopped: cloud.ready.consumersStopped,
    localCloudStartupMs: cloud.ready.startupMs,
  },
  singleEvent: {
    ...single,
    ratio: ratio(single.ingest.median.requestsPerSecondMean, single.bare.median.requestsPerSecondMean),
    ratioOfPerSecondMedians: ratio(
      single.ingest.median.requestsPerSecondMedian,
      single.bare.median.requestsPerSecondMedian,
    ),
    ratioToRawSingleRecord: ratio(
      single.ingest.median.requestsPerSecondMean,
      single.rawSingleRecord.median.requestsPerSecondMean,
    ),
    target: SINGLE_EVENT_TARGET,
  },
  batch: {
    ...batch,
    ratio: ratio(batch.ingest.median.unitsPerSecond, batch.raw.median.unitsPerSecond),
    target: BATCH_TARGET,
  },
  ...(localCloudReport ? { localCloud: localCloudReport } : {}),
  ...(breakdown ? { cpuBreakdown: breakdown } : {}),
  notes: [
    'POST /bid bodies carry a unique tx_id per request (a UUID set in autocannon setupRequest); the bare server reads the body and answers 202 with a fixed JSON of similar size.',
    `Batch bodies cycle through ${BATCH.distinctBatches} pre-built batches of unique tx_ids; the raw side sends the very envelopes ingest would write for them (built with ingest's validateEvent and stampEvent).`,
    'The 1-record PutRecords reference uses the AWS SDK from the benchmark process at the same concurrency: one write per request is what POST /bid does, so this is its ceiling on kinesalite.',
    'Load generators run in the benchmark process; each local cloud (gateway, kinesalite, workers) and the bare server each in their own child process.',
    `"ingest": stream consumers stopped (${cloud.ready.consumersStopped.join(', ')}); "platform": a second local cloud with every consumer running, as \`npm start\` runs it.`,
  ],
};

const files = await writeIngestResults(RESULTS_DIR, results);
console.log('');
console.log(
  `POST /bid: ingest ${round(single.ingest.median.requestsPerSecondMean ?? NaN)} req/s, p99 ${round(single.ingest.median.latencyP99Ms ?? NaN)} ms ` +
    `(target ≥ ${SINGLE_EVENT_TARGET.requestsPerSecond}/s, p99 ≤ ${SINGLE_EVENT_TARGET.p99Ms} ms); ` +
    `whole platform ${round(single.platform.median.requestsPerSecondMean ?? NaN)} req/s, p99 ${round(single.platform.median.latencyP99Ms ?? NaN)} ms (target p99 ≤ ${SINGLE_EVENT_TARGET.platformP99Ms} ms); ` +
    `bare ${round(single.bare.median.requestsPerSecondMean ?? NaN)} req/s; 1-record PutRecords straight to kinesalite ${round(single.rawSingleRecord.median.requestsPerSecondMean ?? NaN)}/s`,
);
if (breakdown) {
  console.log(`CPU per POST /bid: ${breakdown.cpuMsPerRequest} ms in all`);
  for (const [category, ms] of Object.entries(breakdown.msPerRequest))
    console.log(`  ${String(ms).padStart(6)} ms  ${category}`);
}
console.log(
  `Batches: ingest ${round(batch.ingest.median.unitsPerSecond ?? NaN)} events/s vs raw PutRecords ${round(batch.raw.median.unitsPerSecond ?? NaN)} records/s ` +
    `→ ${round(results.batch.ratio * 100)} % (target ≥ ${BATCH_TARGET * 100} %)`,
);
console.log(`Wrote ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);

/**
 * One `POST /bid` run against a local cloud that writes CPU profiles of its main thread and of every
 * function instance; the CPU per request (from /proc) split by what the profiles say it was spent on.
 */
async function profileSingleEvents(): Promise<NonNullable<IngestBenchResults['cpuBreakdown']>> {
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-ingest-profile-'));
  const profiledDataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-ingest-profiled-'));
  console.log(`Profiling one POST /bid run (profiles in ${profileDir})…`);
  const profiled = await startChildServer<LocalCloudHostReady, LocalCloudHostReport>(
    path.join(SERVERS_DIR, 'localCloudHost.ts'),
    [profiledDataDir, ...instanceFlags],
    ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
    { LOCAL_CLOUD_CPU_PROFILE: profileDir },
  );
  const { result, cores } = await withCpuCores({ server: profiled.pid }, () =>
    runAutocannon(`${profiled.ready.url}/bid`, BID_BODY_TEMPLATE, {
      ...SINGLE_EVENT,
      headers: { 'x-api-key': profiled.ready.apiKey },
    }),
  );
  await profiled.stop();
  await rm(profiledDataDir, { recursive: true, force: true });
  const byCategory = await cpuBreakdown(profileDir);
  const sampled = Object.values(byCategory).reduce((sum, ms) => sum + ms, 0);
  const cpuMsPerRequest = ((cores.server ?? Number.NaN) * 1000) / result.requestsPerSecondMean;
  const msPerRequest = Object.fromEntries(
    Object.entries(byCategory)
      .sort(([, a], [, b]) => b - a)
      .map(([category, ms]) => [category, round((ms / sampled) * cpuMsPerRequest, 3)]),
  );
  return {
    requestsPerSecond: round(result.requestsPerSecondMean),
    cpuMsPerRequest: round(cpuMsPerRequest, 3),
    msPerRequest,
  };
}

function measurement<Run extends object>(runs: Run[]): { runs: Run[]; median: Partial<Record<keyof Run, number>> } {
  return { runs, median: medianOfRuns(runs) };
}

function ratio(numerator: number | undefined, denominator: number | undefined): number {
  return numerator === undefined || denominator === undefined || denominator === 0
    ? Number.NaN
    : numerator / denominator;
}
