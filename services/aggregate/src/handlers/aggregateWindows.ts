import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { streamConsumer } from '@sdp/shared-streams';
import { dynamoDbCanonicalCopies } from '../adapters/canonicalCopies.js';
import { dynamoDbWindowCounter } from '../adapters/windowCounter.js';
import { aggregateBatch } from '../domain/aggregateBatch.js';
import { parsePeriodMinutes } from '../domain/parsePeriodMinutes.js';

const client = new DynamoDBClient({});
const counter = dynamoDbWindowCounter(client, requiredEnv('AGGREGATIONS_TABLE_NAME'));
const copies = dynamoDbCanonicalCopies(client, requiredEnv('JOIN_STATE_TABLE_NAME'));
const periodMinutes = parsePeriodMinutes(requiredEnv('AGGREGATION_PERIOD_MINUTES'));

/** Counts enriched events per campaign and event-time window, exactly once per logical event. */
export const handler = streamConsumer(
  (records, log) => aggregateBatch(records, { counter, copies, periodMinutes, now: () => new Date(), log }),
  {
    message: 'enriched events aggregated',
    counts: ({ counted, duplicates, invalid, failed, pending }) => ({ counted, duplicates, invalid, failed, pending }),
  },
);
