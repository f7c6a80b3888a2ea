import type {
  KinesisClient,
  PutRecordsCommand,
  PutRecordsOutput,
  PutRecordsResultEntry,
} from '@aws-sdk/client-kinesis';
import { DEFAULT_RETRY_POLICY, putRecordsReliably } from '../src/streams/putRecordsReliably.js';
import type { PutOutcome, RetryPolicy, StreamRecord } from '../src/streams/types.js';

const STREAM = 'raw-events';
const POLICY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 800 };

/** What one PutRecords call asked for, with data as text so a test can read it. */
interface SentCall {
  StreamName: string | undefined;
  Records: { PartitionKey: string | undefined; Data: string }[];
}

/** One scripted answer: a response, an error to throw, or a function of the call's records. */
type Script = PutRecordsOutput | Error | ((call: SentCall) => PutRecordsOutput);

/**
 * A KinesisClient stand-in that records every PutRecords input and answers from a script, one
 * entry per call; a call beyond the script fails the test.
 */
function fakeKinesis(scripts: Script[]): { client: KinesisClient; calls: SentCall[] } {
  const calls: SentCall[] = [];
  const remaining = [...scripts];
  const client = {
    send: async (command: PutRecordsCommand): Promise<PutRecordsOutput> => {
      const call: SentCall = {
        StreamName: command.input.StreamName,
        Records: (command.input.Records ?? []).map((entry) => ({
          PartitionKey: entry.PartitionKey,
          Data: Buffer.from(entry.Data ?? new Uint8Array()).toString('utf8'),
        })),
      };
      calls.push(call);
      const script = remaining.shift();
      if (script === undefined) throw new Error(`unscripted PutRecords call #${calls.length}`);
      if (script instanceof Error) throw script;
      return typeof script === 'function' ? script(call) : script;
    },
  };
  return { client: client as unknown as KinesisClient, calls };
}

function streamRecord(txId: string): StreamRecord {
  return { partitionKey: txId, data: Buffer.from(`{"tx_id":"${txId}"}`, 'utf8') };
}

function sent(txId: string): SentCall['Records'][number] {
  return { PartitionKey: txId, Data: `{"tx_id":"${txId}"}` };
}

function acked(sequenceNumber: string, shardId = 'shardId-000000000000'): PutRecordsResultEntry {
  return { ShardId: shardId, SequenceNumber: sequenceNumber };
}

function failed(errorCode: string, errorMessage = `${errorCode} for this record`): PutRecordsResultEntry {
  return { ErrorCode: errorCode, ErrorMessage: errorMessage };
}

function response(...entries: PutRecordsResultEntry[]): PutRecordsOutput {
  return { FailedRecordCount: entries.filter((e) => e.ErrorCode).length, Records: entries };
}

/** Acknowledges every record of the call, numbering them after their partition key. */
function ackAll(call: SentCall): PutRecordsOutput {
  return response(...call.Records.map((entry) => acked(`seq-${entry.PartitionKey}`)));
}

/** An error as the AWS SDK throws it: a name, a message and the HTTP status in `$metadata`. */
function sdkError(name: string, message: string, httpStatusCode?: number, extra: Record<string, unknown> = {}): Error {
  return Object.assign(new Error(message), {
    name,
    $metadata: httpStatusCode === undefined ? {} : { httpStatusCode },
    ...extra,
  });
}

function ok(sequenceNumber: string, shardId = 'shardId-000000000000'): PutOutcome {
  return { ok: true, shardId, sequenceNumber };
}

function notOk(errorCode: string, errorMessage: string, retryable: boolean): PutOutcome {
  return { ok: false, errorCode, errorMessage, retryable };
}

/** An instant `sleep` that remembers the delays it was asked for. */
function instantSleep(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return { sleep: async (ms) => void delays.push(ms), delays };
}

describe('putRecordsReliably', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('has a default policy of 4 attempts backing off from 50 ms up to 800 ms', () => {
    // Assess
    expect(DEFAULT_RETRY_POLICY).toStrictEqual({ maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 800 });
  });

  it('makes no call for no records', async () => {
    // Prepare
    const kinesis = fakeKinesis([]);
    const { sleep, delays } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(kinesis.client, STREAM, [], POLICY, sleep);

    // Assess
    expect({ outcomes, calls: kinesis.calls, delays }).toStrictEqual({ outcomes: [], calls: [], delays: [] });
  });

  it('writes every record in one call and reports where each landed', async () => {
    // Prepare
    const kinesis = fakeKinesis([
      response(acked('seq-1', 'shardId-000000000001'), acked('seq-2', 'shardId-000000000002'), acked('seq-3')),
    ]);
    const { sleep, delays } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1'), streamRecord('tx-2'), streamRecord('tx-3')],
      POLICY,
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([
      ok('seq-1', 'shardId-000000000001'),
      ok('seq-2', 'shardId-000000000002'),
      ok('seq-3'),
    ]);
    expect(kinesis.calls).toStrictEqual([{ StreamName: STREAM, Records: [sent('tx-1'), sent('tx-2'), sent('tx-3')] }]);
    expect(delays).toStrictEqual([]);
  });

  it('retries only the throttled entries of a partial failure until they are stored', async () => {
    // Prepare
    const kinesis = fakeKinesis([
      response(
        acked('seq-1'),
        failed('ProvisionedThroughputExceededException'),
        acked('seq-3'),
        failed('ProvisionedThroughputExceededException'),
      ),
      response(failed('ProvisionedThroughputExceededException'), acked('seq-4')),
      response(acked('seq-2')),
    ]);
    const { sleep, delays } = instantSleep();
    const records = ['tx-1', 'tx-2', 'tx-3', 'tx-4'].map(streamRecord);

    // Act
    const outcomes = await putRecordsReliably(kinesis.client, STREAM, records, POLICY, sleep);

    // Assess
    expect(outcomes).toStrictEqual([ok('seq-1'), ok('seq-2'), ok('seq-3'), ok('seq-4')]);
    expect(kinesis.calls).toStrictEqual([
      { StreamName: STREAM, Records: [sent('tx-1'), sent('tx-2'), sent('tx-3'), sent('tx-4')] },
      { StreamName: STREAM, Records: [sent('tx-2'), sent('tx-4')] },
      { StreamName: STREAM, Records: [sent('tx-2')] },
    ]);
    expect(delays).toHaveLength(2);
  });

  it.each(['InternalFailure', 'KMSThrottlingException'])('retries an entry that failed with %s', async (errorCode) => {
    // Prepare
    const kinesis = fakeKinesis([response(failed(errorCode)), response(acked('seq-1'))]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(kinesis.client, STREAM, [streamRecord('tx-1')], POLICY, sleep);

    // Assess
    expect(outcomes).toStrictEqual([ok('seq-1')]);
    expect(kinesis.calls).toHaveLength(2);
  });

  it('does not retry an entry whose error will not go away', async () => {
    // Prepare
    const kinesis = fakeKinesis([
      response(acked('seq-1'), failed('KMSAccessDeniedException', 'The key is not accessible')),
    ]);
    const { sleep, delays } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1'), streamRecord('tx-2')],
      POLICY,
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([
      ok('seq-1'),
      notOk('KMSAccessDeniedException', 'The key is not accessible', false),
    ]);
    expect({ calls: kinesis.calls.length, delays }).toStrictEqual({ calls: 1, delays: [] });
  });

  it('retries the whole call when it is throttled', async () => {
    // Prepare
    const kinesis = fakeKinesis([
      sdkError('ProvisionedThroughputExceededException', 'Rate exceeded for stream raw-events', 400),
      sdkError('ThrottlingException', 'Rate exceeded', 400),
      ackAll,
    ]);
    const { sleep, delays } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1'), streamRecord('tx-2')],
      POLICY,
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([ok('seq-tx-1'), ok('seq-tx-2')]);
    expect(kinesis.calls).toStrictEqual(
      Array.from({ length: 3 }, () => ({ StreamName: STREAM, Records: [sent('tx-1'), sent('tx-2')] })),
    );
    expect(delays).toHaveLength(2);
  });

  it.each([
    ['a server error', sdkError('InternalFailure', 'Internal service failure', 500)],
    ['an HTTP 429', sdkError('TooManyRequests', 'Slow down', 429)],
    ['a call that never got an answer', sdkError('TimeoutError', 'socket hang up')],
    [
      'an error the SDK marks retryable',
      sdkError('SomethingTransient', 'try again', 400, { $retryable: { throttling: false } }),
    ],
  ])('retries the call after %s', async (_, error) => {
    // Prepare
    const kinesis = fakeKinesis([error, ackAll]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(kinesis.client, STREAM, [streamRecord('tx-1')], POLICY, sleep);

    // Assess
    expect(outcomes).toStrictEqual([ok('seq-tx-1')]);
  });

  it.each([
    ['ResourceNotFoundException', 'Stream raw-events under account 000000000000 not found.'],
    ['ValidationException', '1 validation error detected'],
    ['AccessDeniedException', 'User is not authorized to perform kinesis:PutRecords'],
    ['InvalidArgumentException', 'Records size exceeds 5 MB limit'],
  ])('does not retry a call that failed with %s', async (name, message) => {
    // Prepare
    const kinesis = fakeKinesis([sdkError(name, message, 400)]);
    const { sleep, delays } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1'), streamRecord('tx-2')],
      POLICY,
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([notOk(name, message, false), notOk(name, message, false)]);
    expect({ calls: kinesis.calls.length, delays }).toStrictEqual({ calls: 1, delays: [] });
  });

  it('gives up after the last attempt and reports the last error', async () => {
    // Prepare
    const kinesis = fakeKinesis([
      sdkError('InternalFailure', 'first failure', 500),
      response(failed('InternalFailure', 'second failure')),
      response(failed('ProvisionedThroughputExceededException', 'third failure')),
    ]);
    const { sleep, delays } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1')],
      { ...POLICY, maxAttempts: 3 },
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([notOk('ProvisionedThroughputExceededException', 'third failure', true)]);
    expect({ calls: kinesis.calls.length, delays: delays.length }).toStrictEqual({ calls: 3, delays: 2 });
  });

  it('reports a thrown error as the last error when the attempts run out on it', async () => {
    // Prepare
    const kinesis = fakeKinesis([
      sdkError('ThrottlingException', 'Rate exceeded', 400),
      sdkError('ThrottlingException', 'Rate exceeded', 400),
    ]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1'), streamRecord('tx-2')],
      { ...POLICY, maxAttempts: 2 },
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([
      notOk('ThrottlingException', 'Rate exceeded', true),
      notOk('ThrottlingException', 'Rate exceeded', true),
    ]);
  });

  it('reports for each exhausted record its own last error, not the error of another record', async () => {
    // Prepare
    const kinesis = fakeKinesis([
      response(
        failed('ProvisionedThroughputExceededException', 'Rate exceeded for shard 0'),
        failed('InternalFailure', 'Internal failure on shard 1'),
      ),
      response(
        failed('ProvisionedThroughputExceededException', 'Rate exceeded for shard 0'),
        failed('KMSAccessDeniedException', 'Key access denied'),
      ),
    ]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1'), streamRecord('tx-2')],
      { ...POLICY, maxAttempts: 2 },
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([
      notOk('ProvisionedThroughputExceededException', 'Rate exceeded for shard 0', true),
      notOk('KMSAccessDeniedException', 'Key access denied', false),
    ]);
  });

  it('gives every record an outcome even when a response lacks its entry', async () => {
    // Prepare: a response with fewer entries than records, as a misbehaving endpoint may send
    const kinesis = fakeKinesis([response(acked('seq-1'))]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1'), streamRecord('tx-2')],
      { ...POLICY, maxAttempts: 1 },
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([
      ok('seq-1'),
      { ok: false, errorCode: expect.any(String), errorMessage: expect.any(String), retryable: true },
    ]);
  });

  it('treats an entry without a sequence number as not stored', async () => {
    // Prepare
    const kinesis = fakeKinesis([response({ ShardId: 'shardId-000000000000' })]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1')],
      { ...POLICY, maxAttempts: 1 },
      sleep,
    );

    // Assess
    expect(outcomes).toStrictEqual([notOk('Unknown', 'no message', false)]);
  });

  it('splits more than 500 records across calls and keeps outcomes in input order', async () => {
    // Prepare
    const txIds = Array.from({ length: 1203 }, (_, i) => `tx-${i}`);
    const kinesis = fakeKinesis([ackAll, ackAll, ackAll]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(kinesis.client, STREAM, txIds.map(streamRecord), POLICY, sleep);

    // Assess
    expect(outcomes).toStrictEqual(txIds.map((txId) => ok(`seq-${txId}`)));
    expect(kinesis.calls.map((call) => call.Records.map((r) => r.PartitionKey))).toStrictEqual([
      txIds.slice(0, 500),
      txIds.slice(500, 1000),
      txIds.slice(1000),
    ]);
  });

  it('retries the failures of several calls together, still reporting in input order', async () => {
    // Prepare: the first call throttles its last entry, the second call is throttled as a whole
    const txIds = Array.from({ length: 502 }, (_, i) => `tx-${i}`);
    const kinesis = fakeKinesis([
      (call) =>
        response(
          ...call.Records.map((r, i) =>
            i === 499 ? failed('ProvisionedThroughputExceededException') : acked(`seq-${r.PartitionKey}`),
          ),
        ),
      sdkError('ProvisionedThroughputExceededException', 'Rate exceeded', 400),
      ackAll,
    ]);
    const { sleep } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(kinesis.client, STREAM, txIds.map(streamRecord), POLICY, sleep);

    // Assess
    expect(outcomes).toStrictEqual(txIds.map((txId) => ok(`seq-${txId}`)));
    expect(kinesis.calls.map((call) => call.Records.map((r) => r.PartitionKey))).toStrictEqual([
      txIds.slice(0, 500),
      ['tx-500', 'tx-501'],
      ['tx-499', 'tx-500', 'tx-501'],
    ]);
  });

  it('backs off exponentially with full jitter, capped at the maximum delay', async () => {
    // Prepare: Math.random() just below 1 makes each delay one less than its ceiling
    jest.spyOn(Math, 'random').mockReturnValue(0.999);
    const throttled = (): Error => sdkError('ThrottlingException', 'Rate exceeded', 400);
    const kinesis = fakeKinesis([throttled(), throttled(), throttled(), throttled(), ackAll]);
    const { sleep, delays } = instantSleep();

    // Act
    const outcomes = await putRecordsReliably(
      kinesis.client,
      STREAM,
      [streamRecord('tx-1')],
      { maxAttempts: 5, baseDelayMs: 50, maxDelayMs: 300 },
      sleep,
    );

    // Assess: ceilings are 100, 200, 400 → 300 (capped), 800 → 300 (capped)
    expect(outcomes).toStrictEqual([ok('seq-tx-1')]);
    expect(delays).toStrictEqual([99, 199, 299, 299]);
  });

  it('may retry at once: full jitter draws delays from zero', async () => {
    // Prepare
    jest.spyOn(Math, 'random').mockReturnValue(0);
    const kinesis = fakeKinesis([sdkError('ThrottlingException', 'Rate exceeded', 400), ackAll]);
    const { sleep, delays } = instantSleep();

    // Act
    await putRecordsReliably(kinesis.client, STREAM, [streamRecord('tx-1')], POLICY, sleep);

    // Assess
    expect(delays).toStrictEqual([0]);
  });
});
