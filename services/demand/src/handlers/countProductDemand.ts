import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { failedEventsFromEnv, logger, processStreamBatch, requiredEnv } from '@sdp/shared';
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
const failedEvents = failedEventsFromEnv();
const log = (message: string, data: Record<string, unknown>) => logger.warn(message, data);

/** Counts views, carts, checkouts and purchases per product and event-time window, exactly once per event. */
export const handler = middy<KinesisStreamEvent, KinesisStreamBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler((event) =>
    processStreamBatch(
      event,
      async (records) => {
        const outcome = await countDemandBatch(records, { counter, periodMinutes, retentionMs, now: () => new Date(), log });
        const { counted, duplicates, ignored, invalid, failed } = outcome;
        logger.info('product demand counted', { records: records.length, counted, duplicates, ignored, invalid, failed });
        return outcome;
      },
      { ...failedEvents, log },
    ),
  );
