import { requiredEnv } from '@sdp/shared-runtime';
import { createKinesisClient, streamConsumer } from '@sdp/shared-streams';
import { kinesisEnrichedStream } from '../adapters/enrichedStream.js';
import { dynamoDbJoinStateTable } from '../adapters/joinStateTable.js';
import { parseJoinSettings } from '../domain/parseJoinSettings.js';
import { processRawBatch } from '../domain/processRawBatch.js';

const table = dynamoDbJoinStateTable(requiredEnv('JOIN_STATE_TABLE_NAME'));
const enriched = kinesisEnrichedStream(createKinesisClient(), requiredEnv('ENRICHED_EVENTS_STREAM_NAME'));
const settings = parseJoinSettings({
  bidsSessionTimeoutMinutes: requiredEnv('BIDS_SESSION_TIMEOUT_MINUTES'),
  clicksSessionTimeoutMinutes: requiredEnv('CLICKS_SESSION_TIMEOUT_MINUTES'),
  stateRetentionMinutes: requiredEnv('JOIN_STATE_RETENTION_MINUTES'),
});

/** Joins raw bids, impressions and clicks by tx_id and emits them to the enriched events stream. */
export const handler = streamConsumer(
  (records, log) =>
    processRawBatch(records, { load: table.load, saveAll: table.saveAll, emit: enriched.write, settings, log }),
  {
    message: 'raw events joined',
    counts: ({ emitted, duplicates, rejected, batchItemFailures }) => ({
      emitted,
      duplicates,
      rejected: rejected.length,
      failedFrom: batchItemFailures[0]?.itemIdentifier,
    }),
  },
);
