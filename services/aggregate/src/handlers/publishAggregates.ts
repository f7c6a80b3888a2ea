import { requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient, tableChangeConsumer } from '@sdp/shared-streams';
import { kinesisAggregatesStream } from '../adapters/aggregatesStream.js';
import { publishWindowChanges } from '../domain/publishWindowChanges.js';

const aggregates = kinesisAggregatesStream(createKinesisClient(), requiredEnv('AGGREGATES_STREAM_NAME'));

/** Publishes every changed aggregation window to the aggregates stream as an `AggregationWindow`. */
export const handler = tableChangeConsumer(
  (changes, log) => publishWindowChanges(changes, { write: aggregates.write, log }),
  {
    message: 'aggregation windows published',
    counts: ({ published, skipped, batchItemFailures }) => ({
      published,
      skipped,
      failedFrom: batchItemFailures[0]?.itemIdentifier,
    }),
  },
);
