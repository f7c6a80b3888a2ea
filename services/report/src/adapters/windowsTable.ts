import {
  paginateQuery,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { mapWithConcurrency, utcDaysOf } from '@sdp/shared-runtime';
import { WINDOWS_BY_DAY_INDEX, type WindowItemSchema } from '@sdp/shared-streams';
import type { TimeRange } from '../domain/types.js';

/** A table of event-time windows keyed by owner (`HASH`) and `window_start` (`RANGE`), as reports read it. */
export interface WindowsTable<K, W> {
  /** One owner's windows: all of them, or those starting within [`from`, `to`). */
  windowsOf(key: K, range?: TimeRange): Promise<W[]>;
  /** Every owner's windows starting within [`from`, `to`), from the `ByDay` index. */
  windowsStartingIn(range: TimeRange): Promise<W[]>;
}

/** How many `ByDay` partitions are queried at once; a year is 366 queries. */
const DAY_QUERY_CONCURRENCY = 8;

/**
 * A windows table in DynamoDB, read through the item schema its writer publishes (the aggregate
 * service's `campaignWindowItems`, the demand service's `productWindowItems`): one owner's windows
 * by key and `window_start`, or a range of days' windows of every owner through `ByDay`. Only the
 * key, `window_start` and the counts are read; whatever else a window item holds stays out.
 *
 * @example
 * const table = dynamoDbWindowsTable(client, 'sdp-demand-dev-product-windows', productWindowItems);
 * await table.windowsOf('sku-001', { from, to });
 */
export function dynamoDbWindowsTable<K, W>(
  client: DynamoDBClient,
  tableName: string,
  items: WindowItemSchema<K, W>,
): WindowsTable<K, W> {
  const { name: byDay, day: dayKey, start } = WINDOWS_BY_DAY_INDEX;
  // Through names: some attributes (`views`) are DynamoDB reserved words.
  const names = Object.fromEntries(
    [items.keyAttribute, start, ...items.countAttributes].map((name) => [`#${name}`, name]),
  );
  const projection = { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
  const query = async (
    input: Omit<QueryCommandInput, 'TableName' | 'ProjectionExpression' | 'ExpressionAttributeNames'>,
  ) => {
    const windows: W[] = [];
    for await (const page of paginateQuery({ client }, { ...input, TableName: tableName, ...projection })) {
      for (const item of page.Items ?? []) windows.push(items.windowOf(item));
    }
    return windows;
  };

  return {
    windowsOf: (key, range) =>
      query({
        KeyConditionExpression: `#${items.keyAttribute} = :key${range ? ` AND #${start} BETWEEN :from AND :last` : ''}`,
        ExpressionAttributeValues: { ':key': items.keyValue(key), ...(range ? startBounds(range) : {}) },
      }),
    windowsStartingIn: async (range) => {
      const perDay = await mapWithConcurrency(utcDaysOf(range), DAY_QUERY_CONCURRENCY, (day) =>
        query({
          IndexName: byDay,
          KeyConditionExpression: `${dayKey} = :day AND #${start} BETWEEN :from AND :last`,
          ExpressionAttributeValues: { ':day': { S: day }, ...startBounds(range) },
        }),
      );
      return perDay.flat();
    },
  };
}

/** BETWEEN is inclusive at both ends, so the exclusive `to` becomes its last millisecond. */
function startBounds(range: TimeRange): Record<string, AttributeValue> {
  return { ':from': { S: range.from.toISOString() }, ':last': { S: new Date(range.to.getTime() - 1).toISOString() } };
}
