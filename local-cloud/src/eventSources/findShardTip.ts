import type { ShardPosition, ShardSource } from './types.js';

/**
 * The position just after the newest record of a shard now, which is what `LATEST` means.
 *
 * Found by reading the shard to its end once, because neither emulator can describe a `LATEST`
 * iterator in a form that can be persisted and resumed later.
 *
 * @example
 * ```ts
 * await checkpoints.write(shardId, await findShardTip(source, shardId));
 * ```
 */
export const findShardTip = async (source: ShardSource, shardId: string): Promise<ShardPosition> => {
  let position: ShardPosition = { type: 'TRIM_HORIZON' };
  let iterator = await source.getIterator(shardId, position);
  while (iterator !== undefined) {
    const page = await source.getRecords(shardId, iterator, source.maxRecordsPerRead);
    const last = page.records[page.records.length - 1];
    if (last === undefined) break;
    position = { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: last.sequenceNumber };
    iterator = page.nextIterator;
  }
  return position;
};
