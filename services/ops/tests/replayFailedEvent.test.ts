import type { FailedEvent } from '@sdp/shared-streams';
import type { KinesisStreamEvent } from 'aws-lambda';
import { buildReplayEvent } from '../src/domain/buildReplayEvent.js';
import { replayFailedEvent } from '../src/domain/replayFailedEvent.js';
import type { FailedEventsTable, InvokeConsumer } from '../src/domain/types.js';

const ID = 'sdp-enrich-dev-joinEvents#shardId-000000000001#4960';
const failedEvent = (changes: Partial<FailedEvent> = {}): FailedEvent => ({
  failure_id: ID,
  function_name: 'sdp-enrich-dev-joinEvents',
  event_source_arn: 'arn:aws:kinesis:eu-west-1:123456789012:stream/sdp-ingest-dev-raw-events',
  shard_id: 'shardId-000000000001',
  sequence_number: '4960',
  partition_key: 'tx-1',
  data: '{"bad":true}',
  data_truncated: false,
  error_name: 'InvalidEventEnvelope',
  error_message: 'The record is not a valid event envelope: $.data is required.',
  attempts: 1,
  status: 'failed',
  first_failed_at: '2026-11-22T09:00:00.000Z',
  last_failed_at: '2026-11-22T09:00:00.000Z',
  ...changes,
});

/** The table in memory, with the same conditional claim as DynamoDB's. */
function memoryTable(initial: FailedEvent) {
  let item: FailedEvent & { replay_started_at?: string } = { ...initial };
  const table: FailedEventsTable = {
    get: async (id) => (id === item.failure_id ? { ...item } : undefined),
    listByStatus: async () => [item],
    scanAll: async () => [item],
    claimForReplay: async (_id, at, staleBefore) => {
      const stale = item.status === 'replaying' && (item.replay_started_at ?? '') < staleBefore.toISOString();
      if (item.status !== 'failed' && !stale) return false;
      item = { ...item, status: 'replaying', replay_started_at: at.toISOString() };
      return true;
    },
    markReplayed: async (_id, at, replayedWith) =>
      void (item = { ...item, status: 'replayed', replayed_at: at.toISOString(), replayed_with: replayedWith }),
    markReplayFailed: async (_id, error) => void (item = { ...item, status: 'failed', last_replay_error: error }),
  };
  return { table, current: () => item };
}

const now = () => new Date('2026-11-22T10:00:00.000Z');

describe('replayFailedEvent', () => {
  it('sends the record to its consumer once, however often it is asked', async () => {
    // Prepare
    const { table, current } = memoryTable(failedEvent());
    const sent: unknown[] = [];
    const invoke: InvokeConsumer = async (functionName, event) => {
      sent.push({
        functionName,
        data: Buffer.from((event as KinesisStreamEvent).Records[0]!.kinesis.data, 'base64').toString('utf8'),
      });
      return { ok: true };
    };

    // Act
    const first = await replayFailedEvent(ID, { data: { fixed: true } }, { table, invoke, now });
    const second = await replayFailedEvent(ID, {}, { table, invoke, now });

    // Assess
    expect(first).toStrictEqual({
      failure_id: ID,
      outcome: 'replayed',
      replayed_at: '2026-11-22T10:00:00.000Z',
      replayed_with: 'corrected',
    });
    expect(second).toStrictEqual({ ...first, outcome: 'already_replayed' });
    expect(sent).toStrictEqual([{ functionName: 'sdp-enrich-dev-joinEvents', data: '{"fixed":true}' }]);
    expect(current().status).toBe('replayed');
  });

  it('keeps the record failed with the consumer’s reason when the replay fails again', async () => {
    // Prepare
    const { table, current } = memoryTable(failedEvent());
    const invoke: InvokeConsumer = async () => ({ ok: false, error: 'ReplayFailedError: still broken' });

    // Act
    const error = await replayFailedEvent(ID, {}, { table, invoke, now }).catch(
      (caught: { statusCode: number; code: string }) => caught,
    );

    // Assess
    expect(error).toMatchObject({ statusCode: 422, code: 'replay_failed' });
    expect(current()).toMatchObject({ status: 'failed', last_replay_error: 'ReplayFailedError: still broken' });
  });

  it('marks the record failed again with the reason when its consumer cannot be invoked (a denied permission, an outage)', async () => {
    // Prepare
    const { table, current } = memoryTable(failedEvent());
    const invoke: InvokeConsumer = async () => {
      throw Object.assign(new Error('User is not authorized to perform: lambda:InvokeFunction'), {
        name: 'AccessDeniedException',
      });
    };

    // Act
    const error = await replayFailedEvent(ID, {}, { table, invoke, now }).catch(
      (caught: { statusCode: number; code: string; message: string }) => caught,
    );

    // Assess
    expect(error).toMatchObject({
      statusCode: 502,
      code: 'consumer_unavailable',
      message: expect.stringContaining('sdp-enrich-dev-joinEvents could not be invoked'),
    });
    expect(current()).toMatchObject({
      status: 'failed',
      last_replay_error:
        'sdp-enrich-dev-joinEvents could not be invoked: AccessDeniedException: User is not authorized to perform: lambda:InvokeFunction',
    });
  });

  it('refuses records still retried, being replayed, or kept cut short, and unknown ids', async () => {
    // Prepare
    const invoke: InvokeConsumer = async () => ({ ok: true });
    const attempt = (item: FailedEvent, id = ID) =>
      replayFailedEvent(id, {}, { table: memoryTable(item).table, invoke, now }).then(
        () => 'replayed',
        (error: { statusCode: number; code: string }) => `${error.statusCode} ${error.code}`,
      );

    // Act
    const answers = await Promise.all([
      attempt(failedEvent({ status: 'retrying' })),
      attempt({
        ...failedEvent({ status: 'replaying' }),
        replay_started_at: '2026-11-22T09:59:30.000Z',
      } as FailedEvent),
      attempt({
        ...failedEvent({ status: 'replaying' }),
        replay_started_at: '2026-11-22T09:58:00.000Z',
      } as FailedEvent),
      attempt(failedEvent({ data_truncated: true })),
      attempt(failedEvent(), 'nope'),
    ]);

    // Assess
    expect(answers).toStrictEqual([
      '409 not_replayable',
      '409 not_replayable',
      'replayed',
      '409 not_replayable',
      '404 not_found',
    ]);
  });
});

describe('buildReplayEvent', () => {
  it('is the record as Kinesis delivered it, on its shard marked as a replay', () => {
    // Act
    const event = buildReplayEvent(failedEvent(), '{"ok":1}', now());

    // Assess
    expect(event.Records).toStrictEqual([
      {
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventName: 'aws:kinesis:record',
        eventID: 'shardId-000000000001-replay:4960',
        eventSourceARN: 'arn:aws:kinesis:eu-west-1:123456789012:stream/sdp-ingest-dev-raw-events',
        invokeIdentityArn: '',
        awsRegion: 'eu-west-1',
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: 'tx-1',
          sequenceNumber: '4960',
          data: Buffer.from('{"ok":1}').toString('base64'),
          approximateArrivalTimestamp: Date.parse('2026-11-22T10:00:00.000Z') / 1000,
        },
      },
    ]);
  });

  it('is a table change as its DynamoDB stream delivered it, on the stream marked as a replay', () => {
    // Prepare
    const arn =
      'arn:aws:dynamodb:eu-west-1:123456789012:table/sdp-pricing-dev-demand-features/stream/2026-12-06T10:00:00.000';
    const failed = failedEvent({
      failure_id: 'sdp-pricing-dev-adjustPrices#stream-2026-12-06T10:00:00.000#700',
      function_name: 'sdp-pricing-dev-adjustPrices',
      event_source_arn: arn,
      shard_id: 'stream-2026-12-06T10:00:00.000',
      sequence_number: '700',
      partition_key: '{"product_id":"sku-001"}',
    });
    const change = {
      sequenceNumber: '700',
      newImage: { product_id: 'sku-001', features_version: 3 },
      oldImage: { product_id: 'sku-001', features_version: 2 },
    };

    // Act
    const event = buildReplayEvent(failed, JSON.stringify(change), now());

    // Assess
    expect(event.Records).toStrictEqual([
      {
        eventID: '700-replay',
        eventName: 'MODIFY',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'eu-west-1',
        eventSourceARN: `${arn}-replay`,
        dynamodb: {
          ApproximateCreationDateTime: Date.parse('2026-11-22T10:00:00.000Z') / 1000,
          Keys: { product_id: { S: 'sku-001' } },
          SequenceNumber: '700',
          StreamViewType: 'NEW_AND_OLD_IMAGES',
          NewImage: { product_id: { S: 'sku-001' }, features_version: { N: '3' } },
          OldImage: { product_id: { S: 'sku-001' }, features_version: { N: '2' } },
        },
      },
    ]);
  });
});
