import { REPLAY_SHARD_SUFFIX } from '../failures/constants.js';

/** Digits of the length prefix: Kinesis sequence numbers have at most 129 digits. */
const LENGTH_DIGITS = 3;

/**
 * A Kinesis sequence number as text whose string order is its numeric order, so that DynamoDB can
 * compare positions in a condition (`wm < :first`): sequence numbers are decimal strings of varying
 * length, and `'9' > '10'` as text. The length comes first, zero-padded.
 *
 * @example
 * streamPosition('49650123') // '00849650123'
 * streamPosition('9') < streamPosition('10') // true
 */
export function streamPosition(sequenceNumber: string): string {
  return String(sequenceNumber.length).padStart(LENGTH_DIGITS, '0') + sequenceNumber;
}

/**
 * The attribute of a counted item that holds the highest position applied to it from one shard
 * (docs/adr/0019-counting-per-batch.md). One per shard: positions of different shards are never compared.
 *
 * @example
 * watermarkAttributeOf('shardId-000000000001') // 'wm_shardId-000000000001'
 */
export function watermarkAttributeOf(shardId: string): string {
  return `wm_${shardId}`;
}

/** Whether a record comes from a replay of the failed-events store (its shard is `<shard>-replay`). */
export function isReplayShard(shardId: string): boolean {
  return shardId.endsWith(REPLAY_SHARD_SUFFIX);
}

/**
 * The shard a record was first delivered from: a replay keeps the shard and sequence number of the
 * record it replays, with `-replay` appended to the shard.
 *
 * @example
 * originalShardOf('shardId-000000000001-replay') // 'shardId-000000000001'
 */
export function originalShardOf(shardId: string): string {
  return isReplayShard(shardId) ? shardId.slice(0, -REPLAY_SHARD_SUFFIX.length) : shardId;
}
