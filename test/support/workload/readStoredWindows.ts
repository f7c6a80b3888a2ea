import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { localDynamoDbClient } from '@sdp/local-cloud';
import type { Oracle, OracleCounts } from './computeOracle.js';

/** Counts per campaign and window start, as the oracle and the aggregations table both give them. */
export type WindowCounts = Record<string, Record<string, OracleCounts>>;

const AGGREGATIONS_TABLE = 'sdp-aggregate-local-aggregations';

/** Every window of the local aggregations table (a consistent scan). */
export async function readStoredWindows(dynamoDbEndpoint: string): Promise<WindowCounts> {
  const windows: WindowCounts = {};
  const client = localDynamoDbClient(dynamoDbEndpoint);
  let ExclusiveStartKey: Record<string, never> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: AGGREGATIONS_TABLE, ConsistentRead: true, ExclusiveStartKey }),
    );
    for (const item of page.Items ?? []) {
      (windows[item.campaign_item_id!.N!] ??= {})[item.window_start!.S!] = {
        bids: Number(item.bids?.N ?? 0),
        impressions: Number(item.impressions?.N ?? 0),
        clicks: Number(item.clicks?.N ?? 0),
        spend: Number(item.spend?.N ?? 0),
      };
    }
    ExclusiveStartKey = page.LastEvaluatedKey as typeof ExclusiveStartKey;
  } while (ExclusiveStartKey);
  return windows;
}

/** The oracle's windows in the same shape. */
export function oracleWindows(oracle: Oracle): WindowCounts {
  return Object.fromEntries(
    [...oracle.windows].map(([campaign, windows]) => [String(campaign), Object.fromEntries(windows)]),
  );
}
