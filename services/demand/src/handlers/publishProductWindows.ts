import { requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient, putRecordsReliably, tableChangeConsumer } from '@sdp/shared-streams';
import { publishProductWindowChanges } from '../domain/publishProductWindowChanges.js';

const kinesis = createKinesisClient();
const streamName = requiredEnv('PRODUCT_WINDOWS_STREAM_NAME');

/** Publishes every changed product window to the product windows stream as a `ProductWindow`. */
export const handler = tableChangeConsumer(
  (changes, log) =>
    publishProductWindowChanges(changes, { write: (records) => putRecordsReliably(kinesis, streamName, records), log }),
  {
    message: 'product windows published',
    counts: ({ published, skipped, batchItemFailures }) => ({
      published,
      skipped,
      failedFrom: batchItemFailures[0]?.itemIdentifier,
    }),
  },
);
