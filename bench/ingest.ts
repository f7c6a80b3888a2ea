/**
 * `npm run bench:ingest`: how close ingest through the local cloud comes to what the machine can do.
 *
 * 1. `POST /bid` with autocannon against the local cloud and against a bare Node HTTP server, plus a
 *    reference: single-record PutRecords straight to the same kinesalite (the ceiling of any
 *    one-write-per-request ingest on this emulator).
 * 2. `POST /events` with 500 mixed events per call against PutRecords of the same records straight
 *    to the same kinesalite.
 *
 * Process layout: the load generators (autocannon, the batch callers, the raw Kinesis client) run in
 * this process and nothing else does; the local cloud (gateway, kinesalite, function workers) and the
 * bare server each run in their own child process. A server sharing an event loop with autocannon
 * would be slowed by it in a way a deployed service never is, and the local cloud is exactly what
 * `npm start` runs (kinesalite in the main thread with the gateway). Each pair is measured in
 * alternating order (ABBA…) so drift, such as kinesalite's growing store, falls on both sides.
 *
 * Flags: `--rounds <n>` (default 3), `--keep-consumers` (leave enrich reading the raw stream),
 * `--max-instances <n>` (instances per function in the local cloud; its default otherwise).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { localKinesisClient } from '../local-cloud/src/clients.ts';
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
    'keep-consumers': { type: 'boolean', default: false },
    'max-instances': { type: 'string' },
  },
});
const ROUNDS = Math.max(1, Number(flags.rounds));
const SINGLE_EVENT = { connections: 50, warmupSeconds: 2, durationSeconds: 10 };
const BATCH = { size: 500, concurrency: 4, warmupSeconds: 2, durationSeconds: 8, distinctBatches: 16 };
const SINGLE_EVENT_TARGET = 0.4;
const BATCH_TARGET = 0.6;
const RESULTS_DIR = path.join(import.meta.dirname, 'results');
const SERVERS_DIR = path.join(import.meta.dirname, 'servers');

const startedAt = new Date();
const loadAverageAtStart = os.loadavg().map((load) => round(load, 2));
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-ingest-'));
console.log(`Starting the local cloud (data in ${dataDir}) and a bare HTTP server…`);
const [cloud, bare] = await Promise.all([
  startChildServer<LocalCloudHostReady, LocalCloudHostReport>(path.join(SERVERS_DIR, 'localCloudHost.ts'), [
    dataDir,
    ...(flags['keep-consumers'] ? ['--keep-consumers'] : []),
    ...(flags['max-instances'] ? ['--max-instances', flags['max-instances']] : []),
  ]),
  startChildServer<{ url: string }>(path.join(SERVERS_DIR, 'bareHttpServer.ts')),
]);
const kinesis = localKinesisClient(cloud.ready.kinesisEndpoint);
console.log(`Local cloud up in ${cloud.ready.startupMs} ms at ${cloud.ready.url}; bare server at ${bare.ready.url}.`);

const batches = Array.from({ length: BATCH.distinctBatches }, () => {
  const events = mixedEvents(BATCH.size);
  return { events, body: JSON.stringify({ events }), records: envelopeRecords(events) };
});

type SingleTarget = 'ingest' | 'bare' | 'rawSingleRecord';
const singleRuns: Record<SingleTarget, SingleRun[]> = { ingest: [], bare: [], rawSingleRecord: [] };
const batchRuns: { ingest: BatchRun[]; raw: BatchRun[] } = { ingest: [], raw: [] };
let localCloudReport: LocalCloudHostReport | undefined;
const singleRecords = batches[0]!.records.filter((_, index) => batches[0]!.events[index]!.type === 'bid');

/** Server cores, load generator cores and the server's CPU per unit (request or event) of one run. */
const cpuUse = (cores: Record<string, number | undefined>, unitsPerSecond: number): CpuUse => ({
  ...(cores.server === undefined ? {} : { serverCores: cores.server, serverCpuMsPerUnit: (cores.server * 1000) / unitsPerSecond }),
  ...(cores.loadGenerator === undefined ? {} : { loadGeneratorCores: cores.loadGenerator }),
});

const putSingleRecord = async (sequence: number): Promise<{ completed: number; attempted: number }> => {
  const record = singleRecords[sequence % singleRecords.length]!;
  const output = await kinesis.send(new PutRecordsCommand({ StreamName: cloud.ready.rawEventsStreamName, Records: [record] }));
  return { completed: output.FailedRecordCount ? 0 : 1, attempted: 1 };
};

const measureSingle = async (target: SingleTarget, run: number): Promise<void> => {
  const pids = { server: target === 'bare' ? bare.pid : cloud.pid, loadGenerator: process.pid };
  const { result, cores } = await withCpuCores(pids, async () => {
    if (target !== 'rawSingleRecord') {
      return runAutocannon(`${target === 'ingest' ? cloud.ready.url : bare.ready.url}/bid`, BID_BODY_TEMPLATE, { ...SINGLE_EVENT, headers: { 'x-api-key': cloud.ready.apiKey } });
    }
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
  singleRuns[target].push({ ...result, ...cpuUse(cores, result.requestsPerSecondMean) });
  const label = { ingest: 'POST /bid ingest    ', bare: 'POST /bid bare      ', rawSingleRecord: 'PutRecords 1 record ' }[target];
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
  const output = await kinesis.send(new PutRecordsCommand({ StreamName: cloud.ready.rawEventsStreamName, Records: records }));
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
    const singleOrder: SingleTarget[] = forward ? ['ingest', 'bare', 'rawSingleRecord'] : ['rawSingleRecord', 'bare', 'ingest'];
    for (const target of singleOrder) await measureSingle(target, run);
    for (const target of forward ? (['ingest', 'raw'] as const) : (['raw', 'ingest'] as const)) await measureBatch(target, run);
  }
} finally {
  kinesis.destroy();
  [localCloudReport] = await Promise.all([cloud.stop(), bare.stop()]);
  await rm(dataDir, { recursive: true, force: true });
}

const single = {
  ingest: measurement(singleRuns.ingest),
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
    ratioOfPerSecondMedians: ratio(single.ingest.median.requestsPerSecondMedian, single.bare.median.requestsPerSecondMedian),
    ratioToRawSingleRecord: ratio(single.ingest.median.requestsPerSecondMean, single.rawSingleRecord.median.requestsPerSecondMean),
    target: SINGLE_EVENT_TARGET,
  },
  batch: { ...batch, ratio: ratio(batch.ingest.median.unitsPerSecond, batch.raw.median.unitsPerSecond), target: BATCH_TARGET },
  ...(localCloudReport ? { localCloud: localCloudReport } : {}),
  notes: [
    'POST /bid bodies carry a unique tx_id per request (a UUID set in autocannon setupRequest); the bare server reads the body and answers 202 with a fixed JSON of similar size.',
    `Batch bodies cycle through ${BATCH.distinctBatches} pre-built batches of unique tx_ids; the raw side sends the very envelopes ingest would write for them (built with ingest's validateEvent and stampEvent).`,
    'The 1-record PutRecords reference uses the AWS SDK from the benchmark process at the same concurrency: one write per request is what POST /bid does, so this is its ceiling on kinesalite.',
    'Load generators run in the benchmark process; the local cloud (gateway, kinesalite, workers) and the bare server each in their own child process.',
    cloud.ready.consumersStopped.length > 0
      ? `Stream consumers stopped for the measurement: ${cloud.ready.consumersStopped.join(', ')}.`
      : 'Stream consumers kept running (--keep-consumers).',
  ],
};

const files = await writeIngestResults(RESULTS_DIR, results);
console.log('');
console.log(
  `POST /bid: ingest ${round(single.ingest.median.requestsPerSecondMean ?? NaN)} req/s vs bare ${round(single.bare.median.requestsPerSecondMean ?? NaN)} req/s ` +
    `→ ${round(results.singleEvent.ratio * 100)} % (target ≥ ${SINGLE_EVENT_TARGET * 100} %); ` +
    `1-record PutRecords straight to kinesalite ${round(single.rawSingleRecord.median.requestsPerSecondMean ?? NaN)}/s → ingest reaches ${round(results.singleEvent.ratioToRawSingleRecord * 100)} % of it`,
);
console.log(
  `Batches: ingest ${round(batch.ingest.median.unitsPerSecond ?? NaN)} events/s vs raw PutRecords ${round(batch.raw.median.unitsPerSecond ?? NaN)} records/s ` +
    `→ ${round(results.batch.ratio * 100)} % (target ≥ ${BATCH_TARGET * 100} %)`,
);
console.log(`Wrote ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);

function measurement<Run extends object>(runs: Run[]): { runs: Run[]; median: Partial<Record<keyof Run, number>> } {
  return { runs, median: medianOfRuns(runs) };
}

function ratio(numerator: number | undefined, denominator: number | undefined): number {
  return numerator === undefined || denominator === undefined || denominator === 0 ? Number.NaN : numerator / denominator;
}
