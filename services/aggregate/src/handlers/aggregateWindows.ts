import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { failedEventsFromEnv, logger, processStreamBatch, requiredEnv } from '@sdp/shared';
import { dynamoDbWindowCounter } from '../adapters/windowCounter.js';
import { aggregateBatch } from '../domain/aggregateBatch.js';
import { parsePeriodMinutes } from '../domain/parsePeriodMinutes.js';
import { parseRetentionMinutes } from '../domain/parseRetentionMinutes.js';

const counter = dynamoDbWindowCounter(new DynamoDBClient({}), {
  aggregations: requiredEnv('AGGREGATIONS_TABLE_NAME'),
  countedEvents: requiredEnv('COUNTED_EVENTS_TABLE_NAME'),
});
const periodMinutes = parsePeriodMinutes(requiredEnv('AGGREGATION_PERIOD_MINUTES'));
const retentionMs = parseRetentionMinutes(requiredEnv('COUNTED_EVENTS_RETENTION_MINUTES'));
const failedEvents = failedEventsFromEnv();
const log = (message: string, data: Record<string, unknown>) => logger.warn(message, data);

/** Counts enriched events per campaign and event-time window, exactly once per logical event. */
export const handler = middy<KinesisStreamEvent, KinesisStreamBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler((event) =>
    processStreamBatch(
      event,
      async (records) => {
        const outcome = await aggregateBatch(records, { counter, periodMinutes, retentionMs, now: () => new Date(), log });
        const { counted, duplicates, invalid, failed } = outcome;
        logger.info('enriched events aggregated', { records: records.length, counted, duplicates, invalid, failed });
        return outcome;
      },
      { ...failedEvents, log },
    ),
  );
