import type { AwsJsonCall } from '../awsJsonClient.js';
import type { ShardPosition, ShardSource } from '../types.js';
import { toDynamoDbEventRecord, type DynamoDbWireRecord } from './toDynamoDbEventRecord.js';

interface Shard {
  ShardId: string;
  ParentShardId?: string;
}

/**
 * Reads a DynamoDB stream shard by shard for a poller.
 *
 * DynamoDB Local answers `TrimmedDataAccessException` to an iterator chain that started on an
 * empty shard, so that error (like an expired iterator) asks the poller for a fresh iterator.
 * `AT_TIMESTAMP`, which AWS rejects for DynamoDB, is served from the trim horizon with a
 * minute-precision filter on `ApproximateCreationDateTime`.
 *
 * @example
 * ```ts
 * const source = createDynamoDbShardSource(dynamoDbStreamsJsonClient(endpoint), table.LatestStreamArn);
 * const shards = await source.listShards();
 * ```
 */
export const createDynamoDbShardSource = (call: AwsJsonCall, streamArn: string): ShardSource => ({
  streamArn,
  maxRecordsPerRead: 1_000,
  // Writes from outside the functions (scripts, tests) go unannounced: Lambda's poll of about a second.
  maxIdlePollMs: 5_000,
  // Lambda polls a DynamoDB stream's shard 4 times a second; each read costs DynamoDB Local a query of its shard.
  minWakeIntervalMs: 250,
  batchInfoKey: 'DDBStreamBatchInfo',
  listShards: async () => {
    const shards: Shard[] = [];
    let exclusiveStartShardId: string | undefined;
    do {
      const page = await call<{ StreamDescription?: { Shards?: Shard[]; LastEvaluatedShardId?: string } }>(
        'DescribeStream',
        {
          StreamArn: streamArn,
          ...(exclusiveStartShardId === undefined ? {} : { ExclusiveStartShardId: exclusiveStartShardId }),
        },
      );
      shards.push(...(page.StreamDescription?.Shards ?? []));
      exclusiveStartShardId = page.StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId !== undefined);
    return shards.map((shard) => ({
      shardId: shard.ShardId,
      parentShardIds: shard.ParentShardId === undefined ? [] : [shard.ParentShardId],
    }));
  },
  getIterator: async (shardId: string, position: ShardPosition) => {
    if (position.type === 'SHARD_END') return undefined;
    const result = await call<{ ShardIterator?: string }>('GetShardIterator', {
      StreamArn: streamArn,
      ShardId: shardId,
      ...(position.type === 'AFTER_SEQUENCE_NUMBER'
        ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: position.sequenceNumber }
        : { ShardIteratorType: 'TRIM_HORIZON' }),
    });
    return result.ShardIterator;
  },
  getRecords: async (_shardId: string, iterator: string, limit: number) => {
    const page = await call<{ Records?: DynamoDbWireRecord[]; NextShardIterator?: string }>('GetRecords', {
      ShardIterator: iterator,
      Limit: limit,
    });
    return {
      nextIterator: page.NextShardIterator,
      records: (page.Records ?? []).map((record) => ({
        sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
        arrivalMs:
          record.dynamodb?.ApproximateCreationDateTime === undefined
            ? Date.now()
            : Math.round(record.dynamodb.ApproximateCreationDateTime * 1000),
        lambdaRecord: toDynamoDbEventRecord(record, streamArn),
      })),
    };
  },
  needsFreshIterator: (error: unknown) =>
    ['ExpiredIteratorException', 'TrimmedDataAccessException'].includes((error as Error).name),
});
