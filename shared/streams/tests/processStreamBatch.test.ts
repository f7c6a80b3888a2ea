import type { KinesisStreamEvent } from 'aws-lambda';
import {
  processStreamBatch,
  ReplayFailedError,
  type ConsumerProgress,
  type FailedEventStore,
  type ProgressEntry,
  type KinesisRecordText,
  type StreamBatchOutcome,
} from '../src/index.js';
import { memoryFailedEventStore } from './support/memoryFailedEventStore.js';

const SHARD = 'shardId-000000000001';
const sequenceOf = (i: number) => String(49_000 + i);

function eventOf(datas: string[], shardId = SHARD): KinesisStreamEvent {
  return {
    Records: datas.map((data, i) => ({
      eventID: `${shardId}:${sequenceOf(i)}`,
      eventSourceARN: 'arn:aws:kinesis:us-east-1:123456789012:stream/raw',
      kinesis: { sequenceNumber: sequenceOf(i), partitionKey: `pk-${i}`, data: Buffer.from(data).toString('base64') },
    })),
  } as unknown as KinesisStreamEvent;
}

const memoryStore = memoryFailedEventStore;

const options = (store: FailedEventStore) => ({
  store,
  functionName: 'sdp-enrich-dev-joinEvents',
  maxAttempts: 3,
  now: () => new Date('2026-11-22T10:00:00Z'),
});

describe('processStreamBatch', () => {
  it('sets rejected records aside at once, with everything needed to replay them, and lets the batch through', async () => {
    // Prepare
    const { store, setAside } = memoryStore();
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [],
      rejected: [{ sequenceNumber: records[1]!.sequenceNumber, reason: { name: 'InvalidJson', message: 'not JSON' } }],
    });

    // Act
    const response = await processStreamBatch(eventOf(['{}', 'oops', '{}']), process, options(store));

    // Assess
    expect(response).toStrictEqual({ batchItemFailures: [] });
    expect(setAside).toStrictEqual([
      {
        functionName: 'sdp-enrich-dev-joinEvents',
        eventSourceArn: 'arn:aws:kinesis:us-east-1:123456789012:stream/raw',
        shardId: SHARD,
        sequenceNumber: sequenceOf(1),
        partitionKey: 'pk-1',
        data: 'oops',
        reason: { name: 'InvalidJson', message: 'not JSON' },
        at: new Date('2026-11-22T10:00:00Z'),
      },
    ]);
  });

  it('re-delivers a failing record until its last attempt, then sets it aside and resumes after it', async () => {
    // Prepare
    const { store, attempts, setAside } = memoryStore();
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [{ itemIdentifier: records[1]!.sequenceNumber }],
      failure: { name: 'ThrottlingException', message: 'slow down' },
    });
    const event = eventOf(['a', 'b', 'c']);

    // Act
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await processStreamBatch(event, process, options(store)));

    // Assess
    expect(responses).toStrictEqual([
      { batchItemFailures: [{ itemIdentifier: sequenceOf(1) }] },
      { batchItemFailures: [{ itemIdentifier: sequenceOf(1) }] },
      { batchItemFailures: [{ itemIdentifier: sequenceOf(2) }] },
    ]);
    expect(attempts.get(sequenceOf(1))).toBe(3);
    expect(setAside.map((f) => [f.sequenceNumber, f.reason.name])).toStrictEqual([
      [sequenceOf(1), 'ThrottlingException'],
    ]);
  });

  it('never processes a record set aside before, when the answer that moved past it was lost and Lambda delivers it again', async () => {
    // Prepare: record 1 fails until it is set aside; the answer that resumes after it is lost, so the next delivery starts at it
    const { store, setAside } = memoryStore();
    const processed: string[] = [];
    let healthy = false;
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => {
      if (!healthy)
        return {
          batchItemFailures: [{ itemIdentifier: sequenceOf(1) }],
          failure: { name: 'ThrottlingException', message: 'slow down' },
        };
      processed.push(...records.map((record) => record.data));
      return { batchItemFailures: [] };
    };
    for (let i = 0; i < 3; i++) await processStreamBatch(eventOf(['a', 'b', 'c']), process, options(store));
    healthy = true;
    const redelivered = eventOf(['a', 'b', 'c']);
    redelivered.Records.shift();

    // Act
    const response = await processStreamBatch(redelivered, process, options(store));

    // Assess
    expect(response).toStrictEqual({ batchItemFailures: [] });
    expect(processed).toStrictEqual(['c']);
    expect(setAside.map((failure) => failure.sequenceNumber)).toStrictEqual([sequenceOf(1)]);
  });

  it('re-delivers a deferred record without counting attempts while it is young, and counts them after the grace', async () => {
    // Prepare: record 1 arrived at 09:55; the grace is 10 minutes, so it is young at 10:00 and old at 10:06
    const { store, attempts, setAside } = memoryStore();
    const event = eventOf(['a', 'b', 'c']);
    for (const record of event.Records)
      record.kinesis.approximateArrivalTimestamp = Date.parse('2026-11-22T09:55:00Z') / 1000;
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [{ itemIdentifier: records[1]!.sequenceNumber }],
      failure: { name: 'JoinStateNotStored', message: 'waiting for enrich' },
      deferred: true,
    });
    const at = (time: string) => ({ ...options(store), deferGraceMs: 600_000, now: () => new Date(time) });

    // Act
    const young = [];
    for (let i = 0; i < 5; i++) young.push(await processStreamBatch(event, process, at('2026-11-22T10:00:00Z')));
    const old = [];
    for (let i = 0; i < 3; i++) old.push(await processStreamBatch(event, process, at('2026-11-22T10:06:00Z')));

    // Assess
    expect(young).toStrictEqual(
      Array.from({ length: 5 }, () => ({ batchItemFailures: [{ itemIdentifier: sequenceOf(1) }] })),
    );
    expect(old).toStrictEqual([
      { batchItemFailures: [{ itemIdentifier: sequenceOf(1) }] },
      { batchItemFailures: [{ itemIdentifier: sequenceOf(1) }] },
      { batchItemFailures: [{ itemIdentifier: sequenceOf(2) }] },
    ]);
    expect(attempts.get(sequenceOf(1))).toBe(3);
    expect(setAside.map((failure) => [failure.sequenceNumber, failure.reason])).toStrictEqual([
      [sequenceOf(1), { name: 'JoinStateNotStored', message: 'waiting for enrich' }],
    ]);
  });

  it('finds the record that makes the batch throw by halving, processing its neighbours and going on after it', async () => {
    // Prepare
    const { store, setAside } = memoryStore();
    const processed: string[] = [];
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => {
      if (records.some((record) => record.data === 'poison'))
        throw new TypeError("Cannot read properties of undefined (reading 'tx_id')");
      processed.push(...records.map((record) => record.data));
      return { batchItemFailures: [] };
    };
    const event = eventOf(['r0', 'r1', 'r2', 'r3', 'r4', 'poison', 'r6', 'r7']);

    // Act
    const responses = [];
    for (let i = 0; i < 3; i++) responses.push(await processStreamBatch(event, process, options(store)));

    // Assess
    expect(responses.slice(0, 2)).toStrictEqual([
      { batchItemFailures: [{ itemIdentifier: sequenceOf(5) }] },
      { batchItemFailures: [{ itemIdentifier: sequenceOf(5) }] },
    ]);
    expect(responses[2]).toStrictEqual({ batchItemFailures: [] });
    expect(setAside.map((f) => [f.data, f.reason])).toStrictEqual([
      ['poison', { name: 'TypeError', message: "Cannot read properties of undefined (reading 'tx_id')" }],
    ]);
    expect(new Set(processed)).toStrictEqual(new Set(['r0', 'r1', 'r2', 'r3', 'r4', 'r6', 'r7']));
  });

  it('never counts a dependency’s failure as an attempt nor splits the batch for it: it backs off, doubling, and re-delivers', async () => {
    // Prepare: the enriched stream throttles for ten deliveries, then a table times out, then an outcome says a write was throttled
    const { store, attempts, setAside } = memoryStore();
    const throttled = Object.assign(new Error('Rate exceeded for shard'), {
      name: 'ProvisionedThroughputExceededException',
      $metadata: { httpStatusCode: 400 },
    });
    const timedOut = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const calls: number[] = [];
    let delivery = 0;
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => {
      calls.push(records.length);
      delivery++;
      if (delivery <= 10) throw throttled;
      if (delivery === 11) throw timedOut;
      if (delivery === 12)
        return {
          batchItemFailures: [{ itemIdentifier: records[2]!.sequenceNumber }],
          failure: { name: 'JoinStateNotStored', message: 'throttled' },
          transient: true,
        };
      return { batchItemFailures: [] };
    };
    const waits: number[] = [];
    const run = {
      ...options(store),
      functionName: 'sdp-enrich-dev-backoff',
      sleep: async (ms: number) => void waits.push(ms),
    };
    const event = eventOf(['r0', 'r1', 'r2', 'r3']);

    // Act
    const responses = [];
    for (let i = 0; i < 13; i++) responses.push(await processStreamBatch(event, process, run));

    // Assess
    expect(responses).toStrictEqual([
      ...Array.from({ length: 11 }, () => ({ batchItemFailures: [{ itemIdentifier: sequenceOf(0) }] })),
      { batchItemFailures: [{ itemIdentifier: sequenceOf(2) }] },
      { batchItemFailures: [] },
    ]);
    expect(calls).toStrictEqual(Array.from({ length: 13 }, () => 4));
    expect({ attempts: attempts.size, setAside }).toStrictEqual({ attempts: 0, setAside: [] });
    // Full jitter under a ceiling that doubles from 100 ms up to 2 s.
    const ceilings = [100, 200, 400, 800, 1_600, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000, 2_000];
    expect(waits).toHaveLength(12);
    waits.forEach((wait, i) => expect(wait).toBeLessThan(ceilings[i]!));
  });

  it('starts the backoff over once a delivery goes through', async () => {
    // Prepare
    const { store } = memoryStore();
    const throttled = Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
    const outcomes = [throttled, throttled, throttled, undefined, throttled];
    const process = async (): Promise<StreamBatchOutcome> => {
      const next = outcomes.shift();
      if (next) throw next;
      return { batchItemFailures: [] };
    };
    const waits: number[] = [];
    const run = {
      ...options(store),
      functionName: 'sdp-enrich-dev-reset',
      sleep: async (ms: number) => void waits.push(ms),
    };
    const random = jest.spyOn(Math, 'random').mockReturnValue(0.99);

    // Act
    for (let i = 0; i < 5; i++) await processStreamBatch(eventOf(['a']), process, run);
    random.mockRestore();

    // Assess
    expect(waits).toStrictEqual([99, 198, 396, 99]);
  });

  it('lets the whole batch fail when the store itself cannot be written, so nothing is lost', async () => {
    // Prepare
    const store: FailedEventStore = {
      recordAttempt: () => Promise.reject(new Error('DynamoDB is down')),
      setAside: () => Promise.reject(new Error('DynamoDB is down')),
      wasSetAside: () => Promise.resolve(false),
    };
    const process = async (): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [],
      rejected: [{ sequenceNumber: sequenceOf(0), reason: { name: 'X', message: 'y' } }],
    });

    // Act
    const result = processStreamBatch(eventOf(['x']), process, options(store));

    // Assess
    await expect(result).rejects.toThrow('DynamoDB is down');
  });

  it('throws a replay’s failure instead of setting the record aside again', async () => {
    // Prepare
    const { store, setAside } = memoryStore();
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [],
      rejected: [
        {
          sequenceNumber: records[0]!.sequenceNumber,
          reason: { name: 'InvalidEventEnvelope', message: '$.data.tx_id is required' },
        },
      ],
    });

    // Act
    const result = processStreamBatch(eventOf(['{}'], `${SHARD}-replay`), process, options(store)).catch(
      (error: unknown) => error,
    );

    // Assess
    expect(await result).toBeInstanceOf(ReplayFailedError);
    expect(((await result) as Error).message).toBe(
      'The replayed record failed again: InvalidEventEnvelope: $.data.tx_id is required',
    );
    expect(setAside).toStrictEqual([]);
  });

  it('records what each invocation acknowledged per ingest minute: the records before the re-delivery point, without those set aside', async () => {
    // Prepare
    const { store } = memoryStore();
    const entries: ProgressEntry[] = [];
    const progress: ConsumerProgress = { record: async (entry) => void entries.push(entry) };
    const envelope = (minute: string) =>
      JSON.stringify({ schema_version: 1, received_at: `2026-11-22T10:${minute}:15.000Z`, data: {} });
    const process = async (records: KinesisRecordText[]): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [{ itemIdentifier: records[3]!.sequenceNumber }],
      rejected: [{ sequenceNumber: records[1]!.sequenceNumber, reason: { name: 'InvalidJson', message: 'x' } }],
    });

    // Act
    await processStreamBatch(
      eventOf([envelope('01'), 'oops', envelope('02'), envelope('02'), envelope('03')]),
      process,
      { ...options(store), progress },
    );

    // Assess
    expect(entries).toStrictEqual([
      {
        functionName: 'sdp-enrich-dev-joinEvents',
        shardId: SHARD,
        firstSequence: sequenceOf(0),
        lastSequence: sequenceOf(2),
        windows: { '2026-11-22T10:01': 1, '2026-11-22T10:02': 1 },
        at: new Date('2026-11-22T10:00:00Z'),
      },
    ]);
  });
});
