import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv, streamConsumer } from '@sdp/shared';
import { dynamoDbProductWindowCounter } from '../adapters/productWindowCounter.js';
import { countDemandBatch } from '../domain/countDemandBatch.js';
import { parseDemandSettings } from '../domain/parseDemandSettings.js';

const counter = dynamoDbProductWindowCounter(new DynamoDBClient({}), {
  productWindows: requiredEnv('PRODUCT_WINDOWS_TABLE_NAME'),
  countedEvents: requiredEnv('COUNTED_EVENTS_TABLE_NAME'),
});
const { periodMinutes, retentionMs } = parseDemandSettings({
  periodMinutes: requiredEnv('PRODUCT_WINDOW_MINUTES'),
  retentionMinutes: requiredEnv('COUNTED_EVENTS_RETENTION_MINUTES'),
});

/** Counts views, carts, checkouts and purchases per product and event-time window, exactly once per event. */
export const handler = streamConsumer((records, log) => countDemandBatch(records, { counter, periodMinutes, retentionMs, now: () => new Date(), log }), {
  message: 'product demand counted',
  counts: ({ counted, duplicates, ignored, invalid, failed, pending }) => ({ counted, duplicates, ignored, invalid, failed, pending }),
});
