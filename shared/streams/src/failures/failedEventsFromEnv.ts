import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { readNumberSetting } from '@sdp/shared-runtime';
import { requiredEnv } from '@sdp/shared-runtime';
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
  const maxAttempts = readNumberSetting('FAILED_EVENT_MAX_ATTEMPTS', process.env.FAILED_EVENT_MAX_ATTEMPTS, {
    min: 1,
    integer: true,
    fallback: DEFAULT_MAX_ATTEMPTS,
  });
  const client = new DynamoDBClient({});
  const progressTable = process.env.CONSUMER_PROGRESS_TABLE_NAME;
  return {
    store: dynamoDbFailedEventStore(client, requiredEnv('FAILED_EVENTS_TABLE_NAME')),
    functionName: requiredEnv('AWS_LAMBDA_FUNCTION_NAME'),
    maxAttempts,
    ...(progressTable ? { progress: dynamoDbConsumerProgress(client, progressTable) } : {}),
  };
}
