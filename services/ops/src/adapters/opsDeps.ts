import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { dynamoDbFailedEventsTable } from './failedEventsTable.js';

/** The failed-events table named by `FAILED_EVENTS_TABLE_NAME`. */
export const failedEventsTableFromEnv = () =>
  dynamoDbFailedEventsTable(new DynamoDBClient({}), requiredEnv('FAILED_EVENTS_TABLE_NAME'));
