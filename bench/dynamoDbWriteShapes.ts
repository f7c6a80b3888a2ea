/**
 * `npm run bench:dynamodb-writes`: how many item writes a second DynamoDB Local (the one `npm start`
 * runs) takes for each way a stream consumer can send them, so we can choose how consumers write.
 *
 * Two DynamoDB Local processes run side by side: one with its database file in a temporary directory
 * (as `npm start` runs it) and one with `-inMemory` (the same engine without the file). For each
 * write shape and 1, 8 and 16 requests in flight, {@link ITEMS} item operations are sent 3 times to
 * each, alternating, each run capped at {@link RUN_CAP_MS}; items/s and the median ms per request are
 * the medians over the runs. The shapes (bench/lib/dynamoDbWriteShapes.ts):
 *
 * - PutItem of a new ~400-byte item with `attribute_not_exists(pk) OR version = :v`;
 * - UpdateItem of window counters (`ADD a, b SET c, wm`, condition `wm < :first`) over 50 existing
 *   items, and the same update failing its condition with `ReturnValuesOnConditionCheckFailure`;
 * - BatchWriteItem of 25 unconditional puts;
 * - BatchExecuteStatement of 25 PartiQL INSERTs, and of 25 conditional PartiQL UPDATEs;
 * - TransactWriteItems of 25 and of 100 conditional puts.
 *
 * It also probes what our design relies on: whether a failed condition returns the old item
 * (`error.Item`), and what BatchExecuteStatement answers per statement. The client is on the same
 * 2 cores, so its own CPU (about 1 ms per call) is in the figures. Everything is on loopback and a
 * temporary directory, bounded in time, and stops by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { freePort, startDynamoDbLocal } from '@sdp/local-cloud';
import {
  COUNTERS,
  errorText,
  prepareTable,
  probeConditionAnswers,
  WRITE_SHAPES,
  type Target,
  type WriteShape,
} from './lib/dynamoDbWriteShapes.ts';
import { median, percentile, round } from './lib/statistics.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import { machineDescription } from './lib/machineDescription.ts';

const ITEMS = 4_000;
const RUNS = 3;
const CONCURRENCIES = [1, 8, 16] as const;
const RUN_CAP_MS = 2_000;
const WARM_UP_CAP_MS = 500;
/** A hard stop for the whole benchmark; the exit hook of startDynamoDbLocal then kills the JVMs. */
const WATCHDOG_MS = 9 * 60_000;

const watchdog = setTimeout(() => {
  console.error(`Gave up after ${WATCHDOG_MS / 60_000} minutes.`);
  process.exit(1);
}, WATCHDOG_MS);

/** Sends requests from `concurrency` callers until `ITEMS` item operations were sent or `capMs` passed. */
async function measure(shape: WriteShape, client: DynamoDBClient, target: Target, concurrency: number, capMs: number) {
  const requestsWanted = Math.ceil(ITEMS / shape.itemsPerRequest);
  const latencies: number[] = [];
  let sent = 0,
    items = 0,
    failed = 0,
    requestErrors = 0,
    firstError: string | undefined;
  const started = performance.now();
  const caller = async () => {
    while (sent < requestsWanted && performance.now() - started < capMs) {
      sent++;
      const before = performance.now();
      try {
        const outcome = await shape.send(client, target);
        items += outcome.done;
        failed += outcome.failed;
        firstError ??= outcome.firstError;
      } catch (error) {
        requestErrors++;
        firstError ??= errorText(error);
      }
      latencies.push(performance.now() - before);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, caller));
  const ms = performance.now() - started;
  return {
    items,
    failed,
    requests: sent,
    requestErrors,
    ms: round(ms),
    itemsPerSecond: round(items / (ms / 1000), 0),
    p50MsPerRequest: round(percentile(latencies, 50), 2),
    /** Stopped at capMs before all ITEMS were sent */
    capped: sent < requestsWanted,
    ...(firstError === undefined ? {} : { firstError: firstError.slice(0, 300) }),
  };
}

const startedAt = new Date();
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-dynamodb-writes-'));
const emulators = {
  disk: await startDynamoDbLocal({ port: await freePort(), dataDir }),
  memory: await startDynamoDbLocal({ port: await freePort(), dataDir, inMemory: true }),
};
// One attempt per call, so an error shows instead of being retried into the latency.
const clientFor = ({ endpoint }: { endpoint: string }): DynamoDBClient =>
  new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    requestHandler: new NodeHttpHandler(),
    maxAttempts: 1,
  });
const clients: Record<Target, DynamoDBClient> = {
  disk: clientFor(emulators.disk),
  memory: clientFor(emulators.memory),
};
const column = (value: number, width: number) => String(value).padStart(width);
const targets = ['disk', 'memory'] as const;
type Run = Awaited<ReturnType<typeof measure>>;
type Cell = Record<Target, { runs: Run[]; itemsPerSecond: number; p50MsPerRequest: number }>;
const shapes: {
  name: string;
  itemsPerRequest: number;
  diskExtraMsPerItem: number;
  byConcurrency: Record<number, Cell>;
}[] = [];
let checks: Awaited<ReturnType<typeof probeConditionAnswers>>;
try {
  for (const target of targets) await prepareTable(clients[target]);
  checks = await probeConditionAnswers(clients.disk);
  console.log(`Checks: ${JSON.stringify(checks)}`);
  console.log(`${'shape'.padEnd(46)} in flight │ disk items/s  ms/req │ memory items/s  ms/req`);
  for (const shape of WRITE_SHAPES) {
    for (const target of targets) await measure(shape, clients[target], target, 8, WARM_UP_CAP_MS);
    const byConcurrency: Record<number, Cell> = {};
    for (const concurrency of CONCURRENCIES) {
      const runs: Record<Target, Run[]> = { disk: [], memory: [] };
      for (let run = 0; run < RUNS; run++) {
        // Alternate which target goes first, so drift on a shared machine falls on both.
        for (const target of run % 2 ? [...targets].reverse() : targets) {
          runs[target].push(await measure(shape, clients[target], target, concurrency, RUN_CAP_MS));
        }
      }
      const cell = (target: Target) => ({
        runs: runs[target],
        itemsPerSecond: median(runs[target].map((run) => run.itemsPerSecond)),
        p50MsPerRequest: median(runs[target].map((run) => run.p50MsPerRequest)),
      });
      byConcurrency[concurrency] = { disk: cell('disk'), memory: cell('memory') };
      const { disk, memory } = byConcurrency[concurrency];
      const errors = [...disk.runs, ...memory.runs].find((run) => run.firstError)?.firstError;
      console.log(
        `${shape.name.padEnd(46)} ${column(concurrency, 9)} │ ${column(disk.itemsPerSecond, 12)} ${column(disk.p50MsPerRequest, 7)} │ ` +
          `${column(memory.itemsPerSecond, 14)} ${column(memory.p50MsPerRequest, 7)}${errors ? `  (${errors.slice(0, 120)})` : ''}`,
      );
    }
    // What the file costs per item: one sync per request shows as a small figure for large requests.
    const diskExtraMsPerItem = round(
      (byConcurrency[1]!.disk.p50MsPerRequest - byConcurrency[1]!.memory.p50MsPerRequest) / shape.itemsPerRequest,
      2,
    );
    shapes.push({ name: shape.name, itemsPerRequest: shape.itemsPerRequest, diskExtraMsPerItem, byConcurrency });
  }
} finally {
  for (const target of targets) clients[target].destroy();
  await Promise.all(targets.map((target) => emulators[target].stop()));
  await rm(dataDir, { recursive: true, force: true });
}

const best = shapes
  .filter((shape) => !shape.name.startsWith('Transact') && !shape.name.includes('fails'))
  .flatMap((shape) =>
    [8, 16].map((concurrency) => ({
      shape: shape.name,
      concurrency,
      itemsPerSecond: shape.byConcurrency[concurrency]!.disk.itemsPerSecond,
    })),
  )
  .sort((a, b) => b.itemsPerSecond - a.itemsPerSecond)[0]!;
const results = {
  measuredAt: startedAt.toISOString(),
  durationSeconds: round((Date.now() - startedAt.getTime()) / 1000),
  machine: machineDescription(),
  settings: {
    items: ITEMS,
    runs: RUNS,
    concurrencies: CONCURRENCIES,
    runCapMs: RUN_CAP_MS,
    itemBytes: 'about 400',
    counters: COUNTERS,
  },
  checks,
  shapes,
  bestNonTransactionalOnDisk: best,
  notes: [
    'items/s counts item operations with the intended outcome (for the failing-condition shape: conditions rejected as meant); medians over the runs.',
    "ms/req is the median over runs of each run's median request latency. A run stops at runCapMs even if it has not sent all items.",
    'diskExtraMsPerItem: (disk − memory) ms per request at 1 in flight, per item of the request: what the database file costs an item.',
    'The client (AWS SDK v3, maxAttempts 1) runs on the same cores as DynamoDB Local.',
  ],
};
const range = (runs: Run[]) =>
  `${Math.min(...runs.map((run) => run.itemsPerSecond))}–${Math.max(...runs.map((run) => run.itemsPerSecond))}`;
const itemsCell = ({ disk, memory }: Cell) => `${disk.itemsPerSecond} (${range(disk.runs)}) / ${memory.itemsPerSecond}`;
const msCell = ({ disk, memory }: Cell) => `${disk.p50MsPerRequest} / ${memory.p50MsPerRequest}`;
const table = (
  cellText: (cell: Cell) => string,
  extra?: { title: string; of: (shape: (typeof shapes)[number]) => number },
) => [
  `| shape | ${CONCURRENCIES.map((c) => `${c} in flight`).join(' | ')} |${extra ? ` ${extra.title} |` : ''}`,
  `| --- | ${CONCURRENCIES.map(() => '---:').join(' | ')} |${extra ? ' ---: |' : ''}`,
  ...shapes.map(
    (shape) =>
      `| ${shape.name} | ${CONCURRENCIES.map((c) => cellText(shape.byConcurrency[c]!)).join(' | ')} |${extra ? ` ${extra.of(shape)} |` : ''}`,
  ),
];
const statementAnswers = Object.entries(checks.batchExecuteStatement).map(
  ([label, answer]) => `${label}: ${JSON.stringify(answer)}`,
);
const markdown = [
  `# DynamoDB Local write shapes, ${results.measuredAt}`,
  '',
  `${results.machine.cpus} × ${results.machine.cpuModel}, Node ${results.machine.node}. ${ITEMS} item operations per run ` +
    `(capped at ${RUN_CAP_MS} ms), median of ${RUNS} runs; each cell is **disk (its runs' range) / in memory**.`,
  '',
  '### Items per second',
  '',
  ...table(itemsCell),
  '',
  '### ms per request (median), and what the file costs an item at 1 in flight',
  '',
  ...table(msCell, { title: 'disk extra ms per item', of: (shape) => shape.diskExtraMsPerItem }),
  '',
  `Most item writes/s on disk at 8–16 in flight without a transaction: **${best.shape}** ` +
    `at ${best.concurrency} in flight, ${best.itemsPerSecond} items/s (median of its runs).`,
  '',
  `Failed UpdateItem condition with ALL_OLD returns the old item: **${checks.updateAllOld.returnsOldItem ? 'yes' : 'no'}**.`,
  '',
  `BatchExecuteStatement per statement (ALL_OLD on the UPDATEs): ${statementAnswers.join('; ')}.`,
  '',
].join('\n');
const files = await writeBenchResults('dynamodb-writes', results, markdown);
console.log(`Wrote ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
clearTimeout(watchdog);
