import { GetItemCommand, UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DATA_LIMIT_CHARS, ERROR_LIMIT_CHARS, RETRYING_RETENTION_SECONDS } from './constants.js';
import { failureIdOf } from './failureIdOf.js';
import type { FailedEvent, FailedEventStatus, RecordFailure } from './types.js';

/** The stream consumers' side of the failed-events store. */
export interface FailedEventStore {
  /**
   * Counts one more failed attempt of a record; once `maxAttempts` are reached the record is set
   * aside (`failed`). Resolves with the attempts so far and whether it is set aside.
   */
  recordAttempt(failure: RecordFailure, maxAttempts: number): Promise<{ attempts: number; setAside: boolean }>;
  /** Sets a record aside at once (it can never succeed as it is). */
  setAside(failure: RecordFailure): Promise<void>;
  /** Whether a record was set aside (`failed`, or replayed since): the stream must not process it again. */
  wasSetAside(functionName: string, shardId: string, sequenceNumber: string): Promise<boolean>;
}

/**
 * The failed-events store in DynamoDB (key `failure_id`). Re-deliveries of a record update its one
 * item; a record already replayed is never set back to `failed` by a late re-delivery.
 */
export function dynamoDbFailedEventStore(client: DynamoDBClient, tableName: string): FailedEventStore {
  const update = async (failure: RecordFailure, status: 'retrying' | 'failed', countAttempt = true) => {
    const values: Record<string, AttributeValue> = {
      ':one': { N: countAttempt ? '1' : '0' },
      ':status': { S: status },
      ':replayed': { S: 'replayed' },
      ':replaying': { S: 'replaying' },
      ':at': { S: failure.at.toISOString() },
      ':fn': { S: failure.functionName },
      ':arn': { S: failure.eventSourceArn },
      ':shard': { S: failure.shardId },
      ':seq': { S: failure.sequenceNumber },
      ':pk': { S: failure.partitionKey },
      ':data': { S: failure.data.slice(0, DATA_LIMIT_CHARS) },
      ':truncated': { BOOL: failure.data.length > DATA_LIMIT_CHARS },
      ':errorName': { S: failure.reason.name.slice(0, 200) },
      ':errorMessage': { S: failure.reason.message.slice(0, ERROR_LIMIT_CHARS) },
    };
    const set = [
      '#status = :status',
      'attempts = if_not_exists(attempts, :zero) + :one',
      'first_failed_at = if_not_exists(first_failed_at, :at)',
      'last_failed_at = :at',
      'function_name = :fn',
      'event_source_arn = :arn',
      'shard_id = :shard',
      'sequence_number = :seq',
      'partition_key = :pk',
      '#data = :data',
      'data_truncated = :truncated',
      'error_name = :errorName',
      'error_message = :errorMessage',
    ];
    values[':zero'] = { N: '0' };
    const receivedAt = receivedAtOf(failure.data);
    if (receivedAt) {
      set.push('received_at = :receivedAt');
      values[':receivedAt'] = { S: receivedAt };
    }
    if (status === 'retrying') {
      set.push('expires_at = :expires');
      values[':expires'] = { N: String(Math.floor(failure.at.getTime() / 1000) + RETRYING_RETENTION_SECONDS) };
    }
    const { Attributes } = await client
      .send(
        new UpdateItemCommand({
          TableName: tableName,
          Key: { failure_id: { S: failureIdOf(failure.functionName, failure.shardId, failure.sequenceNumber) } },
          UpdateExpression: `SET ${set.join(', ')}${status === 'failed' ? ' REMOVE expires_at' : ''}`,
          ConditionExpression: 'attribute_not_exists(#status) OR NOT #status IN (:replayed, :replaying)',
          ExpressionAttributeNames: { '#status': 'status', '#data': 'data' },
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      )
      .catch((error: Error) => {
        // Replayed (or being replayed): a late re-delivery of the original changes nothing.
        if (error.name === 'ConditionalCheckFailedException') return { Attributes: undefined };
        throw error;
      });
    return Attributes;
  };

  return {
    async recordAttempt(failure, maxAttempts) {
      const item = await update(failure, 'retrying');
      if (!item) return { attempts: maxAttempts, setAside: true };
      const attempts = Number(item.attempts?.N ?? '1');
      if (attempts < maxAttempts) return { attempts, setAside: false };
      await update(failure, 'failed', false);
      return { attempts, setAside: true };
    },
    async setAside(failure) {
      await update(failure, 'failed');
    },
    async wasSetAside(functionName, shardId, sequenceNumber) {
      const { Item } = await client.send(
        new GetItemCommand({
          TableName: tableName,
          Key: { failure_id: { S: failureIdOf(functionName, shardId, sequenceNumber) } },
          ConsistentRead: true,
          ProjectionExpression: '#status',
          ExpressionAttributeNames: { '#status': 'status' },
        }),
      );
      const status = Item?.status?.S;
      return status !== undefined && status !== 'retrying';
    },
  };
}

/** The raw envelope's `received_at`, when the data is one. */
function receivedAtOf(data: string): string | undefined {
  try {
    const value = JSON.parse(data) as { received_at?: unknown };
    return typeof value.received_at === 'string' ? value.received_at : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A failed-events item as the store writes it (and the ops service's replay updates it), read whole:
 * the `FailedEvent` contract shape, what the item does not hold yet empty.
 *
 * @example
 * failedEventOf({ failure_id: { S: 'sdp-enrich-dev-joinEvents#shardId-000000000000#4965' }, status: { S: 'failed' }, attempts: { N: '3' }, … })
 * // { failure_id: 'sdp-enrich-dev-joinEvents#shardId-000000000000#4965', status: 'failed', attempts: 3, … }
 */
export function failedEventOf(item: Record<string, AttributeValue>): FailedEvent {
  const text = (name: string) => item[name]?.S;
  return {
    failure_id: text('failure_id')!,
    function_name: text('function_name') ?? '',
    event_source_arn: text('event_source_arn') ?? '',
    shard_id: text('shard_id') ?? '',
    sequence_number: text('sequence_number') ?? '',
    partition_key: text('partition_key') ?? '',
    data: text('data') ?? '',
    data_truncated: item.data_truncated?.BOOL ?? false,
    error_name: text('error_name') ?? '',
    error_message: text('error_message') ?? '',
    attempts: Number(item.attempts?.N ?? '0'),
    status: (text('status') ?? 'failed') as FailedEventStatus,
    first_failed_at: text('first_failed_at') ?? '',
    last_failed_at: text('last_failed_at') ?? '',
    ...optional('received_at', text('received_at')),
    ...optional('replayed_at', text('replayed_at')),
    ...optional('replayed_with', text('replayed_with')),
    ...optional('last_replay_error', text('last_replay_error')),
  };
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
