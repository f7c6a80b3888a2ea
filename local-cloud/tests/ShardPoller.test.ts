import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CheckpointStore } from '../src/eventSources/CheckpointStore.js';
import { ShardPoller } from '../src/eventSources/ShardPoller.js';
import type {
  MappingStats,
  RecordPage,
  ShardInfo,
  ShardPosition,
  ShardSource,
  SourceRecord,
  StreamTrigger,
} from '../src/eventSources/types.js';

const SHARD_ID = 'shardId-000000000000';

/** One open shard in memory; iterators are the index of the next record, and every read is timed. */
class FakeShard implements ShardSource {
  public readonly streamArn = 'arn:aws:kinesis:us-east-1:000000000000:stream/raw-events';
  public readonly maxRecordsPerRead = 100;
  public readonly batchInfoKey = 'KinesisBatchInfo';
  public readonly records: SourceRecord[] = [];
  /** When each GetRecords call began (ms since the epoch) */
  public readonly reads: number[] = [];

  public constructor(
    public readonly maxIdlePollMs: number,
    public readonly minWakeIntervalMs = 50,
  ) {}

  /** Writes a record now, as a producer would; returns its arrival time. */
  public append(data: string): number {
    const arrivalMs = Date.now();
    this.records.push({
      sequenceNumber: String(this.records.length + 1).padStart(6, '0'),
      arrivalMs,
      lambdaRecord: { data },
    });
    return arrivalMs;
  }

  public listShards(): Promise<ShardInfo[]> {
    return Promise.resolve([{ shardId: SHARD_ID, parentShardIds: [] }]);
  }

  public getIterator(_shardId: string, position: ShardPosition): Promise<string | undefined> {
    switch (position.type) {
      case 'SHARD_END':
        return Promise.resolve(undefined);
      case 'AFTER_SEQUENCE_NUMBER':
        return Promise.resolve(
          String(this.records.findIndex((record) => record.sequenceNumber === position.sequenceNumber) + 1),
        );
      default:
        return Promise.resolve('0');
    }
  }

  public getRecords(_shardId: string, iterator: string, limit: number): Promise<RecordPage> {
    this.reads.push(Date.now());
    const from = Number(iterator);
    const records = this.records.slice(from, from + limit);
    return Promise.resolve({ records, nextIterator: String(from + records.length) });
  }

  public needsFreshIterator(): boolean {
    return false;
  }
}

const aTrigger = (overrides: Partial<StreamTrigger> = {}): StreamTrigger => ({
  functionName: 'sdp-probe-local-consume',
  kind: 'kinesis',
  streamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/raw-events',
  batchSize: 10,
  maximumBatchingWindowInSeconds: 0,
  startingPosition: 'TRIM_HORIZON',
  maximumRetryAttempts: -1,
  maximumRecordAgeInSeconds: -1,
  bisectBatchOnFunctionError: false,
  reportBatchItemFailures: false,
  ...overrides,
});

/** Polls `condition` every few ms; fails the test if it does not hold within `withinMs`. */
const eventually = async (condition: () => boolean, withinMs: number): Promise<void> => {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${withinMs} ms`);
    await sleep(5);
  }
};

const gapsBetween = (times: readonly number[]): number[] => times.slice(1).map((time, i) => time - times[i]!);

describe('ShardPoller', () => {
  let stateDir: string;
  const running: { controller: AbortController; run: Promise<unknown> }[] = [];

  /** Starts a poller on `shard` whose function (`invoke`, success by default) is recorded with each event and time. */
  const startPoller = (
    shard: FakeShard,
    invoke: (event: unknown) => Promise<unknown> = () => Promise.resolve(undefined),
  ) => {
    const controller = new AbortController();
    const stats: Omit<MappingStats, 'lagMs'> = { delivered: 0, failedInvocations: 0, sentToOnFailure: 0 };
    const invocations: { at: number; event: unknown }[] = [];
    const checkpoints = new CheckpointStore(stateDir, randomUUID());
    const poller = new ShardPoller(SHARD_ID, {
      source: shard,
      checkpoints,
      defaultPosition: { type: 'TRIM_HORIZON' },
      trigger: aTrigger(),
      invoke: (event) => {
        invocations.push({ at: Date.now(), event });
        return invoke(event);
      },
      onFailure: { send: () => Promise.resolve() },
      stats,
      signal: controller.signal,
      log: () => undefined,
    });
    const caughtUpBeforeRun = poller.caughtUpAt();
    const run = poller.run();
    running.push({ controller, run });
    const stop = async () => {
      controller.abort();
      return run;
    };
    return { poller, stats, invocations, checkpoints, caughtUpBeforeRun, stop };
  };

  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-poller-'));
  });

  afterEach(async () => {
    await Promise.all(
      running.splice(0).map(({ controller, run }) => {
        controller.abort();
        return run;
      }),
    );
  });

  afterAll(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('reads an idle shard less and less often, up to the source’s longest idle poll', async () => {
    // Prepare
    const shard = new FakeShard(400);

    // Act
    const { stop } = startPoller(shard);
    await sleep(1_600);
    const outcome = await stop();

    // Assess
    const gaps = gapsBetween(shard.reads);
    expect(outcome).toBe('stopped');
    // Reads at 0, 200, 600, 1000 and 1400 ms; a fixed 50 ms interval would read about 30 times.
    expect(shard.reads.length).toBeGreaterThanOrEqual(3);
    expect(shard.reads.length).toBeLessThanOrEqual(8);
    expect(gaps[0]).toBeGreaterThanOrEqual(190);
    expect(gaps.slice(1).every((gap) => gap >= 390)).toBe(true);
    // Without the cap the third wait would be 800 ms.
    expect(Math.max(...gaps)).toBeLessThan(790);
  }, 5_000);

  it('reads at once when woken, however long its idle wait has grown', async () => {
    // Prepare
    const shard = new FakeShard(10_000);
    const { poller, invocations, stats } = startPoller(shard);
    // After its third empty read the poller waits 800 ms before the next.
    await eventually(() => shard.reads.length >= 3, 2_000);
    const readsWhileIdle = shard.reads.length;

    // Act
    const appendedAt = shard.append('after idle');
    poller.wake();
    await eventually(() => invocations.length > 0, 1_000);

    // Assess
    expect(readsWhileIdle).toBe(3);
    expect(invocations.map(({ event }) => event)).toStrictEqual([{ Records: [{ data: 'after idle' }] }]);
    expect(invocations[0]!.at - appendedAt).toBeLessThan(200);
    await eventually(() => stats.delivered === 1, 1_000);
  }, 5_000);

  it('after a read that finds nothing, reads again no sooner than minWakeIntervalMs however often woken, but at once when flushed', async () => {
    // Prepare
    const shard = new FakeShard(10_000, 300);
    const { poller, invocations } = startPoller(shard);
    await eventually(() => shard.reads.length >= 1, 1_000);

    // Act: a write announced every 20 ms for 1.2 s
    for (let tick = 0; tick < 60; tick++) {
      shard.append(`busy ${tick}`);
      poller.wake();
      await sleep(20);
    }
    await eventually(() => invocations.length > 0, 1_000);
    const invocationsWhileBusy = invocations.length;
    await sleep(350);
    const flushedAt = Date.now();
    shard.append('flushed');
    poller.wake({ flush: true });
    await eventually(() => invocations.some(({ event }) => JSON.stringify(event).includes('"flushed"')), 1_000);

    // Assess
    // A read 300 ms after an empty one gathers what 15 wakes announced (a read right after a delivery
    // may find a record or two more): a handful of invocations, where a 50 ms pause would make 24.
    expect(invocationsWhileBusy).toBeGreaterThanOrEqual(2);
    expect(invocationsWhileBusy).toBeLessThanOrEqual(15);
    expect(
      invocations.flatMap(({ event }) => (event as { Records: { data: string }[] }).Records.map(({ data }) => data)),
    ).toStrictEqual([...Array.from({ length: 60 }, (_, tick) => `busy ${tick}`), 'flushed']);
    expect(invocations.at(-1)!.at - flushedAt).toBeLessThan(150);
  }, 5_000);

  it('is caught up only once a read finds the shard’s end with every record before it delivered', async () => {
    // Prepare
    const shard = new FakeShard(10_000);
    shard.append('first');
    shard.append('second');
    let release: () => void = () => undefined;
    const firstDelivery = new Promise<void>((resolve) => (release = resolve));
    const { poller, invocations, stats, checkpoints, caughtUpBeforeRun } = startPoller(shard, () => firstDelivery);

    // Act
    await eventually(() => invocations.length === 1, 1_000);
    const caughtUpWhileDelivering = poller.caughtUpAt();
    const lastAppendedAt = performance.now();
    shard.append('third');
    release();
    await eventually(() => poller.caughtUpAt() > Number.NEGATIVE_INFINITY, 2_000);

    // Assess
    expect(caughtUpBeforeRun).toBe(Number.NEGATIVE_INFINITY);
    expect(caughtUpWhileDelivering).toBe(Number.NEGATIVE_INFINITY);
    expect(poller.caughtUpAt()).toBeGreaterThanOrEqual(lastAppendedAt);
    expect(poller.caughtUpAt()).toBeLessThanOrEqual(performance.now());
    expect({
      events: invocations.map(({ event }) => event),
      stats,
      checkpoint: await checkpoints.read(SHARD_ID),
    }).toStrictEqual({
      events: [{ Records: [{ data: 'first' }, { data: 'second' }] }, { Records: [{ data: 'third' }] }],
      stats: { delivered: 3, failedInvocations: 0, sentToOnFailure: 0 },
      checkpoint: { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: '000003' },
    });
  }, 5_000);
});
