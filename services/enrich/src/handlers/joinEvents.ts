import { createKinesisClient, requiredEnv, streamConsumer } from '@sdp/shared';
import { kinesisEnrichedStream } from '../adapters/enrichedStream.js';
import { dynamoDbJoinStateTable } from '../adapters/joinStateTable.js';
import { processRawBatch } from '../domain/processRawBatch.js';

const table = dynamoDbJoinStateTable(requiredEnv('JOIN_STATE_TABLE_NAME'));
const enriched = kinesisEnrichedStream(createKinesisClient(), requiredEnv('ENRICHED_EVENTS_STREAM_NAME'));
const minutes = (name: string) => Number(requiredEnv(name)) * 60_000;
const settings = {
  bidsSessionTimeoutMs: minutes('BIDS_SESSION_TIMEOUT_MINUTES'),
  clicksSessionTimeoutMs: minutes('CLICKS_SESSION_TIMEOUT_MINUTES'),
  stateRetentionMs: minutes('JOIN_STATE_RETENTION_MINUTES'),
};

/** Joins raw bids, impressions and clicks by tx_id and emits them to the enriched events stream. */
export const handler = streamConsumer((records, log) => processRawBatch(records, { load: table.load, saveAll: table.saveAll, emit: enriched.write, settings, log }), {
  message: 'raw events joined',
  counts: ({ emitted, rejected, batchItemFailures }) => ({ emitted, rejected: rejected.length, failedFrom: batchItemFailures[0]?.itemIdentifier }),
});
