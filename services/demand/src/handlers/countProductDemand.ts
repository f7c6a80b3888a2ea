import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv, streamConsumer } from '@sdp/shared';
import { dynamoDbProductWindowCounter } from '../adapters/productWindowCounter.js';
import { dynamoDbSessionVerdicts } from '../adapters/sessionVerdicts.js';
import { countDemandBatch } from '../domain/countDemandBatch.js';
import { parseDemandSettings } from '../domain/parseDemandSettings.js';

const client = new DynamoDBClient({});
const counter = dynamoDbProductWindowCounter(client, requiredEnv('PRODUCT_WINDOWS_TABLE_NAME'));
const sessions = dynamoDbSessionVerdicts(client, requiredEnv('SESSIONS_TABLE_NAME'));
const { periodMinutes } = parseDemandSettings({ periodMinutes: requiredEnv('PRODUCT_WINDOW_MINUTES') });

/** Counts views, carts, checkouts and purchases per product and event-time window, exactly the events sessions adds. */
export const handler = streamConsumer((records, log) => countDemandBatch(records, { counter, sessions, periodMinutes, now: () => new Date(), log }), {
  message: 'product demand counted',
  counts: ({ counted, duplicates, ignored, invalid, failed, pending }) => ({ counted, duplicates, ignored, invalid, failed, pending }),
});
