import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv, streamConsumer } from '@sdp/shared';
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

/** Counts enriched events per campaign and event-time window, exactly once per logical event. */
export const handler = streamConsumer((records, log) => aggregateBatch(records, { counter, periodMinutes, retentionMs, now: () => new Date(), log }), {
  message: 'enriched events aggregated',
  counts: ({ counted, duplicates, invalid, failed }) => ({ counted, duplicates, invalid, failed }),
});
