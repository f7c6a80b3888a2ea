import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '../config/requiredEnv.js';
import { DEFAULT_MAX_ATTEMPTS } from './constants.js';
import { dynamoDbConsumerProgress } from './consumerProgress.js';
import { dynamoDbFailedEventStore } from './failedEventStore.js';
import type { ProcessStreamBatchOptions } from './processStreamBatch.js';

/**
 * The failed-events settings of the running consumer: the store named by `FAILED_EVENTS_TABLE_NAME`,
 * the function's own name, `FAILED_EVENT_MAX_ATTEMPTS` (default 5), and the consumer-progress table
 * named by `CONSUMER_PROGRESS_TABLE_NAME` when the consumer is reconciled.
 */
export function failedEventsFromEnv(): Pick<
  ProcessStreamBatchOptions,
  'store' | 'functionName' | 'maxAttempts' | 'progress'
> {
  const maxAttempts = Number(process.env.FAILED_EVENT_MAX_ATTEMPTS ?? DEFAULT_MAX_ATTEMPTS);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error(
      `FAILED_EVENT_MAX_ATTEMPTS must be a whole number ≥ 1, not '${process.env.FAILED_EVENT_MAX_ATTEMPTS}'`,
    );
  const client = new DynamoDBClient({});
  const progressTable = process.env.CONSUMER_PROGRESS_TABLE_NAME;
  return {
    store: dynamoDbFailedEventStore(client, requiredEnv('FAILED_EVENTS_TABLE_NAME')),
    functionName: requiredEnv('AWS_LAMBDA_FUNCTION_NAME'),
    maxAttempts,
    ...(progressTable ? { progress: dynamoDbConsumerProgress(client, progressTable) } : {}),
  };
}
