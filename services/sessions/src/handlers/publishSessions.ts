import { requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient, putRecordsReliably, tableChangeConsumer } from '@sdp/shared-streams';
import { publishSessionChanges } from '../domain/publishSessionChanges.js';

const kinesis = createKinesisClient();
const streamName = requiredEnv('SESSIONS_STREAM_NAME');

/** Publishes every new version of a session to the sessions stream as a `Session`. */
export const handler = tableChangeConsumer(
  (changes, log) =>
    publishSessionChanges(changes, { write: (records) => putRecordsReliably(kinesis, streamName, records), log }),
  {
    message: 'sessions published',
    counts: ({ published, skipped, batchItemFailures }) => ({
      published,
      skipped,
      failedFrom: batchItemFailures[0]?.itemIdentifier,
    }),
  },
);
