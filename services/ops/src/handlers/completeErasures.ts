import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { readNumberSetting, requiredEnv } from '@sdp/shared-runtime';
import { tableChangeConsumer } from '@sdp/shared-streams';
import { erasureStoreFromEnv } from '../adapters/erasureDeps.js';
import { erasureOwners } from '../adapters/erasureOwners.js';
import { completeErasures } from '../domain/completeErasures.js';

const dynamoDb = new DynamoDBClient({});
const deps = {
  store: erasureStoreFromEnv(dynamoDb),
  owners: erasureOwners(new LambdaClient({}), dynamoDb, {
    sessions: requiredEnv('SESSIONS_ERASER_FUNCTION'),
    orders: requiredEnv('ORDERS_ERASER_FUNCTION'),
    lake: requiredEnv('LAKE_ERASER_FUNCTION'),
    failedEventsTable: requiredEnv('FAILED_EVENTS_TABLE_NAME'),
  }),
  settleMs:
    readNumberSetting('ERASURE_SETTLE_SECONDS', process.env.ERASURE_SETTLE_SECONDS, {
      min: 0,
      max: 600,
      unit: 'seconds',
    }) * 1000,
  now: () => new Date(),
  sleep: (ms: number) => sleep(ms),
};

/** On the erasure log's stream: removes the erasing users' data everywhere and completes their entries. */
export const handler = tableChangeConsumer((changes) => completeErasures(changes, deps), {
  message: 'erasures completed',
  counts: ({ completed, alreadyDone }) => ({ completed, alreadyDone }),
});
