import { PutItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** How long progress entries are kept: longer than a stream's retention, so every accepted record can be reconciled. */
export const PROGRESS_RETENTION_SECONDS = 3 * 24 * 3600;

/** Sequence numbers are padded to this many digits in sort keys, so text order is number order. */
const SEQUENCE_DIGITS = 128;

/** What one invocation of a consumer acknowledged: a contiguous range of one shard, counted per ingest minute. */
export interface ProgressEntry {
  functionName: string;
  shardId: string;
  firstSequence: string;
  lastSequence: string;
  /** Records processed (not set aside) per minute of their `received_at` (`unknown` when they carry none) */
  windows: Record<string, number>;
  at: Date;
}

/** Where consumers record what they processed, for reconciliation (docs/adr/0014-failed-events.md). */
export interface ConsumerProgress {
  record(entry: ProgressEntry): Promise<void>;
}

/**
 * The consumer-progress table (key `function_name`, `shard_sequence`). An entry is keyed by the
 * first record of the range, so a re-delivery after a crash (which starts at the same record)
 * overwrites its entry instead of counting the range twice.
 */
export function dynamoDbConsumerProgress(client: DynamoDBClient, tableName: string): ConsumerProgress {
  return {
    async record(entry) {
      await client.send(
        new PutItemCommand({
          TableName: tableName,
          Item: {
            [CONSUMER_PROGRESS_KEY]: { S: entry.functionName },
            shard_sequence: { S: progressSortKey(entry.shardId, entry.firstSequence) },
            shard_id: { S: entry.shardId },
            first_sequence: { S: entry.firstSequence },
            last_sequence: { S: entry.lastSequence },
            windows: {
              M: Object.fromEntries(
                Object.entries(entry.windows).map(([window, count]) => [window, { N: String(count) }]),
              ),
            },
            written_at: { S: entry.at.toISOString() },
            expires_at: { N: String(Math.floor(entry.at.getTime() / 1000) + PROGRESS_RETENTION_SECONDS) },
          },
        }),
      );
    },
  };
}

/** The consumer-progress table's partition key: the consumer's function name (the ops service queries by it). */
export const CONSUMER_PROGRESS_KEY = 'function_name';

/**
 * A consumer-progress item as `dynamoDbConsumerProgress` writes it, read back (by reconciliation, in
 * the ops service).
 *
 * @example
 * progressEntryOf({ function_name: { S: 'sdp-enrich-dev-joinEvents' }, shard_id: { S: 'shardId-000000000000' }, windows: { M: { '2026-11-22T10:04': { N: '12' } } }, … })
 * // { functionName: 'sdp-enrich-dev-joinEvents', shardId: 'shardId-000000000000', windows: { '2026-11-22T10:04': 12 }, … }
 */
export function progressEntryOf(item: Record<string, AttributeValue>): ProgressEntry {
  return {
    functionName: item.function_name!.S!,
    shardId: item.shard_id!.S!,
    firstSequence: item.first_sequence!.S!,
    lastSequence: item.last_sequence!.S!,
    windows: Object.fromEntries(
      Object.entries(item.windows?.M ?? {}).map(([window, count]) => [window, Number(count.N)]),
    ),
    at: new Date(item.written_at!.S!),
  };
}

/** `<shard>#<sequence number padded with zeros>`: entries of a shard sort in stream order. */
export function progressSortKey(shardId: string, sequenceNumber: string): string {
  return `${shardId}#${sequenceNumber.padStart(SEQUENCE_DIGITS, '0')}`;
}

const RECEIVED_AT = /"received_at":"(\d{4}-\d\d-\d\dT\d\d:\d\d)/;

/**
 * The ingest minute of a raw envelope (`2026-11-22T10:04`), read without parsing the whole record,
 * or `unknown`.
 */
export function ingestMinuteOf(data: string): string {
  return RECEIVED_AT.exec(data)?.[1] ?? 'unknown';
}
