import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { failedEventsFromEnv, logger, processStreamBatch, requiredEnv } from '@sdp/shared';
import { dynamoDbSessionStore } from '../adapters/sessionStore.js';
import { parseSessionSettings } from '../domain/parseSessionSettings.js';
import { sessionizeBatch } from '../domain/sessionizeBatch.js';

const store = dynamoDbSessionStore(new DynamoDBClient({}), {
  sessions: requiredEnv('SESSIONS_TABLE_NAME'),
  sessionEvents: requiredEnv('SESSION_EVENTS_TABLE_NAME'),
});
const { gapMs, latenessMs } = parseSessionSettings({ gapSeconds: requiredEnv('SESSION_GAP_SECONDS'), latenessHours: requiredEnv('SESSION_LATENESS_HOURS') });
const failedEvents = failedEventsFromEnv();
const log = (message: string, data: Record<string, unknown>) => logger.warn(message, data);

/** Adds clickstream events to their users' event-time sessions, each event exactly once. */
export const handler = middy<KinesisStreamEvent, KinesisStreamBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler((event) =>
    processStreamBatch(
      event,
      async (records) => {
        const outcome = await sessionizeBatch(records, { store, gapMs, latenessMs, now: () => new Date(), log });
        const { sessionized, duplicates, invalid, failed, sessionsWritten, rounds, loadMs, commitMs } = outcome;
        logger.info('clickstream sessionized', { records: records.length, sessionized, duplicates, invalid, failed, sessionsWritten, rounds, loadMs, commitMs });
        return outcome;
      },
      { ...failedEvents, log },
    ),
  );
