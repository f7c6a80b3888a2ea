import { UpdateItemCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isReplayShard, originalShardOf, streamPosition, watermarkAttributeOf } from './streamPosition.js';
import type { GroupCount, Positioned } from './types.js';

/** What some records add to their item: numbers to `ADD` and attributes to `SET`. */
export interface ItemIncrement {
  add: Record<string, number>;
  set: Record<string, AttributeValue>;
}

/** The item a group of records is counted into, and what any subset of them adds. */
export interface CountedItem<T> {
  tableName: string;
  key: Record<string, AttributeValue>;
  incrementOf(records: readonly Positioned<T>[]): ItemIncrement;
}

/** A watermark that keeps moving under us means another writer of the same shard: a zombie. Give up and retry later. */
const MAX_WRITES = 4;

/** The attribute of a counted item that lists the replayed records it counted (`<shard>#<position>`). */
export const REPLAYED_ATTRIBUTE = 'replayed';

/**
 * Counts records into one item, exactly once, with one conditional `UpdateItem` per shard
 * (docs/adr/0019-counting-per-batch.md). The item keeps, per shard, the highest position applied
 * to it (`wm_<shardId>`); the write adds the records and raises the watermark on condition that it
 * is below the first of them. A re-delivery fails the condition, the old watermark comes back
 * with the failure (`ALL_OLD`), and the write is repeated with only the records above it: the
 * records a shard applied to an item are always exactly those at or below its watermark.
 *
 * Replays of the failed-events store have no order: each one is added on condition that the item's
 * `replayed` set does not hold it, and added to the set in the same write.
 *
 * @example
 * await addAbovePosition(client, window, records) // { counted: 12, duplicates: 0 }
 * await addAbovePosition(client, window, records) // { counted: 0, duplicates: 12 }, one failed condition
 */
export async function addAbovePosition<T>(
  client: DynamoDBClient,
  item: CountedItem<T>,
  records: readonly Positioned<T>[],
): Promise<GroupCount> {
  const total: GroupCount = { counted: 0, duplicates: 0 };
  for (const shard of byShard(records)) {
    const count = isReplayShard(shard[0]!.shardId)
      ? await addReplays(client, item, shard)
      : await addFromShard(client, item, shard);
    total.counted += count.counted;
    total.duplicates += count.duplicates;
  }
  return total;
}

async function addFromShard<T>(
  client: DynamoDBClient,
  item: CountedItem<T>,
  records: readonly Positioned<T>[],
): Promise<GroupCount> {
  const watermark = watermarkAttributeOf(records[0]!.shardId);
  let remaining = records;
  for (let write = 0; write < MAX_WRITES; write++) {
    if (remaining.length === 0) break;
    const first = streamPosition(remaining[0]!.sequenceNumber);
    const last = streamPosition(remaining.at(-1)!.sequenceNumber);
    const update = updateOf(item, remaining, { '#wm': watermark }, { ':wm': { S: last }, ':first': { S: first } }, [
      '#wm = :wm',
    ]);
    try {
      await client.send(
        new UpdateItemCommand({
          ...update,
          ConditionExpression: 'attribute_not_exists(#wm) OR #wm < :first',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { counted: remaining.length, duplicates: records.length - remaining.length };
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      // The condition can only fail on an item that holds the watermark, and ALL_OLD returns it.
      const old = (error as { Item?: Record<string, AttributeValue> }).Item?.[watermark]?.S;
      if (old === undefined)
        throw new Error(`A failed condition on ${watermark} came back without the item's watermark.`, { cause: error });
      remaining = remaining.filter((record) => streamPosition(record.sequenceNumber) > old);
    }
  }
  if (remaining.length > 0)
    throw new Error(
      `The watermark ${watermark} kept moving while it was written: another writer reads the same shard.`,
    );
  return { counted: 0, duplicates: records.length };
}

async function addReplays<T>(
  client: DynamoDBClient,
  item: CountedItem<T>,
  records: readonly Positioned<T>[],
): Promise<GroupCount> {
  const count: GroupCount = { counted: 0, duplicates: 0 };
  for (const record of records) {
    const id = `${originalShardOf(record.shardId)}#${streamPosition(record.sequenceNumber)}`;
    const update = updateOf(
      item,
      [record],
      { '#replayed': REPLAYED_ATTRIBUTE },
      { ':replayed': { SS: [id] }, ':id': { S: id } },
      [],
      ['#replayed :replayed'],
    );
    try {
      await client.send(
        new UpdateItemCommand({
          ...update,
          ConditionExpression: 'attribute_not_exists(#replayed) OR NOT contains(#replayed, :id)',
        }),
      );
      count.counted++;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      count.duplicates++;
    }
  }
  return count;
}

/** The update expression of `records`' increment, with the bookkeeping a caller adds. */
function updateOf<T>(
  item: CountedItem<T>,
  records: readonly Positioned<T>[],
  names: Record<string, string>,
  values: Record<string, AttributeValue>,
  extraSets: string[],
  extraAdds: string[] = [],
) {
  const { add, set } = item.incrementOf(records);
  const ExpressionAttributeNames = { ...names };
  const ExpressionAttributeValues = { ...values };
  const adds = Object.entries(add).map(([attribute, amount], i) => {
    ExpressionAttributeNames[`#a${i}`] = attribute;
    ExpressionAttributeValues[`:a${i}`] = { N: String(amount) };
    return `#a${i} :a${i}`;
  });
  const sets = Object.entries(set).map(([attribute, value], i) => {
    ExpressionAttributeNames[`#s${i}`] = attribute;
    ExpressionAttributeValues[`:s${i}`] = value;
    return `#s${i} = :s${i}`;
  });
  const addClauses = [...adds, ...extraAdds];
  const setClauses = [...sets, ...extraSets];
  const UpdateExpression = [
    addClauses.length > 0 ? `ADD ${addClauses.join(', ')}` : '',
    setClauses.length > 0 ? `SET ${setClauses.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    TableName: item.tableName,
    Key: item.key,
    UpdateExpression,
    ExpressionAttributeNames,
    ExpressionAttributeValues,
  };
}

/** The records of each shard, in their order; a batch normally holds one shard. */
function byShard<T>(records: readonly Positioned<T>[]): Positioned<T>[][] {
  const shards = new Map<string, Positioned<T>[]>();
  for (const record of records) {
    const shard = shards.get(record.shardId);
    if (shard) shard.push(record);
    else shards.set(record.shardId, [record]);
  }
  return [...shards.values()];
}
