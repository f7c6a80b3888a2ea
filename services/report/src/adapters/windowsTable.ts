import {
  paginateQuery,
  type AttributeValue,
  type DynamoDBClient,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { mapWithConcurrency, utcDaysOf } from '@sdp/shared';
import type { TimeRange } from '../domain/types.js';

/** A table of event-time windows keyed by owner (`HASH`) and `window_start` (`RANGE`), as reports read it. */
export interface WindowsTable<K, W> {
  /** One owner's windows: all of them, or those starting within [`from`, `to`). */
  windowsOf(key: K, range?: TimeRange): Promise<W[]>;
  /** Every owner's windows starting within [`from`, `to`), from the `ByDay` index. */
  windowsStartingIn(range: TimeRange): Promise<W[]>;
}

export interface WindowsTableShape<K, W> {
  tableName: string;
  keyValue: (key: K) => AttributeValue;
  /** What reports read, the owner's key (e.g. `campaign_item_id`) first and `window_start` second;
   * whatever else a window item holds stays out */
  attributes: readonly [key: string, windowStart: 'window_start', ...counts: string[]];
  toWindow: (item: Record<string, AttributeValue>) => W;
}

/** How many `ByDay` partitions are queried at once; a year is 366 queries. */
const DAY_QUERY_CONCURRENCY = 8;

/**
 * A windows table in DynamoDB: `window_start` is ISO UTC with milliseconds (string order is time
 * order) and the GSI `ByDay` has `window_day` + `window_start`. The aggregate service's campaign
 * windows and the demand service's product windows have this shape.
 *
 * @example
 * const table = dynamoDbWindowsTable(client, { tableName: 'sdp-demand-dev-product-windows', keyValue: (id: string) => ({ S: id }), projection, toWindow });
 * await table.windowsOf('sku-001', { from, to });
 */
export function dynamoDbWindowsTable<K, W>(client: DynamoDBClient, shape: WindowsTableShape<K, W>): WindowsTable<K, W> {
  // Through names: some attributes (`views`) are DynamoDB reserved words.
  const names = Object.fromEntries(shape.attributes.map((name) => [`#${name}`, name]));
  const projection = { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names };
  const query = async (
    input: Omit<QueryCommandInput, 'TableName' | 'ProjectionExpression' | 'ExpressionAttributeNames'>,
  ) => {
    const windows: W[] = [];
    for await (const page of paginateQuery({ client }, { ...input, TableName: shape.tableName, ...projection })) {
      for (const item of page.Items ?? []) windows.push(shape.toWindow(item));
    }
    return windows;
  };

  return {
    windowsOf: (key, range) =>
      query({
        KeyConditionExpression: `#${shape.attributes[0]} = :key${range ? ' AND #window_start BETWEEN :from AND :last' : ''}`,
        ExpressionAttributeValues: { ':key': shape.keyValue(key), ...(range ? startBounds(range) : {}) },
      }),
    windowsStartingIn: async (range) => {
      const perDay = await mapWithConcurrency(utcDaysOf(range), DAY_QUERY_CONCURRENCY, (day) =>
        query({
          IndexName: 'ByDay',
          KeyConditionExpression: 'window_day = :day AND #window_start BETWEEN :from AND :last',
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
