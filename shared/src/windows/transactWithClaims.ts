import {
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactionCanceledException,
  type TransactWriteItem,
} from '@aws-sdk/client-dynamodb';
import type { ClaimAnswer } from './countEachOnce.js';

export interface Claims {
  /** The table of claimed events: key `event_key`, expired by TTL on `expires_at` */
  tableName: string;
  /** Distinct keys of the logical events the transaction counts */
  eventKeys: readonly string[];
  /** When the claims may be forgotten, in Unix seconds */
  expiresAt: number;
}

/**
 * One `TransactWriteItems` that claims every event key (a conditional `Put`,
 * `attribute_not_exists(event_key)`) together with `writes`, so a key is claimed exactly when its
 * event is counted. When the transaction is cancelled because some keys exist, the puts with
 * `ConditionalCheckFailed` name them (the other items were only cancelled along) and nothing was
 * written; any other failure rejects.
 *
 * @example
 * await transactWithClaims(client, { tableName: 'sdp-demand-dev-counted-events', eventKeys: ['u1#…'], expiresAt }, [{ Update: … }])
 * // { alreadyCounted: [] }, or e.g. { alreadyCounted: ['u1#…'] } and nothing written
 */
export async function transactWithClaims(client: DynamoDBClient, claims: Claims, writes: readonly TransactWriteItem[]): Promise<ClaimAnswer> {
  const puts = claims.eventKeys.map(
    (eventKey): TransactWriteItem => ({
      Put: {
        TableName: claims.tableName,
        Item: { event_key: { S: eventKey }, expires_at: { N: String(claims.expiresAt) } },
        ConditionExpression: 'attribute_not_exists(event_key)',
      },
    }),
  );
  try {
    await client.send(new TransactWriteItemsCommand({ TransactItems: [...puts, ...writes] }));
    return { alreadyCounted: [] };
  } catch (error) {
    if ((error as Error).name !== 'TransactionCanceledException') throw error;
    const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
    const alreadyCounted = claims.eventKeys.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed');
    if (alreadyCounted.length === 0) throw error;
    return { alreadyCounted };
  }
}
