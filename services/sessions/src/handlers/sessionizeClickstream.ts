import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { streamConsumer } from '@sdp/shared-streams';
import { dynamoDbSessionStore } from '../adapters/sessionStore.js';
import { parseBotEventsPerMinute } from '../domain/parseBotEventsPerMinute.js';
import { parseSessionSettings } from '../domain/parseSessionSettings.js';
import { sessionizeBatch } from '../domain/sessionizeBatch.js';

const store = dynamoDbSessionStore(new DynamoDBClient({}), { sessions: requiredEnv('SESSIONS_TABLE_NAME') });
const settings = {
  ...parseSessionSettings({
    gapSeconds: requiredEnv('SESSION_GAP_SECONDS'),
    latenessHours: requiredEnv('SESSION_LATENESS_HOURS'),
  }),
  botEventsPerMinute: parseBotEventsPerMinute(requiredEnv('BOT_EVENTS_PER_MINUTE')),
};

/** Adds clickstream events to their users' event-time sessions, each event exactly once. */
export const handler = streamConsumer(
  (records, log) => sessionizeBatch(records, { store, ...settings, now: () => new Date(), log }),
  {
    message: 'clickstream sessionized',
    counts: ({ sessionized, duplicates, bots, invalid, failed, sessionsWritten, rounds, loadMs, commitMs }) => ({
      sessionized,
      duplicates,
      bots,
      invalid,
      failed,
      sessionsWritten,
      rounds,
      loadMs,
      commitMs,
    }),
  },
);
