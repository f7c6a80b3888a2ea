import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RATE_ITEM_PREFIX } from './constants.js';
import { RateLeaseContendedError } from './errors.js';
import { leaseTokens, type LeaseDecision, type RateLimit } from './leaseTokens.js';

/** Where every instance takes a key's tokens from, so a key's limit holds across instances. */
export interface RateLeases {
  /**
   * Takes up to `wanted` of the key's tokens. `believedArrivalMs` is what this instance last saw of
   * the shared state (undefined when it has seen nothing): a good guess saves a write.
   */
  lease(
    keyId: string,
    believedArrivalMs: number | undefined,
    wanted: number,
    limit: RateLimit,
    nowMs: number,
  ): Promise<LeaseDecision>;
}

/** Conditional writes that may lose to other instances' before a lease gives up. */
const MAX_ATTEMPTS = 3;

/**
 * A key's shared bucket as one item of the API keys table, `rate#<key id>`, holding the bucket's
 * theoretical arrival time (`leaseTokens`). A lease is one conditional `UpdateItem` and no read:
 * a full bucket is set to now plus the tokens taken, a bucket in use is moved on by them if that
 * stays within the burst. When another instance moved it first, the refused write returns the
 * item (`ReturnValuesOnConditionCheckFailure`) and the lease is decided again from it.
 *
 * @example
 * const leases = dynamoDbRateLeases(new DynamoDBClient({}), 'sdp-access-prod-api-keys');
 * await leases.lease('3f9c2a71b0d4', undefined, 1, { ratePerSecond: 10, burst: 20 }, Date.now()) // { granted: 1, theoreticalArrivalMs: … }
 */
export function dynamoDbRateLeases(client: DynamoDBClient, tableName: string): RateLeases {
  return {
    async lease(keyId, believedArrivalMs, wanted, limit, nowMs) {
      let believed = believedArrivalMs;
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const decision = leaseTokens(believed, nowMs, wanted, limit);
        if ('retryAfterMs' in decision) return decision;
        const full = believed === undefined || believed <= nowMs;
        const step = (decision.granted * 1000) / limit.ratePerSecond;
        try {
          const { Attributes } = await client.send(
            new UpdateItemCommand({
              TableName: tableName,
              Key: { key_id: { S: `${RATE_ITEM_PREFIX}${keyId}` } },
              ...(full
                ? {
                    UpdateExpression: 'SET tat = :tat',
                    ConditionExpression: 'attribute_not_exists(tat) OR tat <= :now',
                    ExpressionAttributeValues: { ':tat': { N: String(nowMs + step) }, ':now': { N: String(nowMs) } },
                  }
                : {
                    UpdateExpression: 'SET tat = tat + :step',
                    ConditionExpression: 'tat > :now AND tat <= :latest',
                    ExpressionAttributeValues: {
                      ':step': { N: String(step) },
                      ':now': { N: String(nowMs) },
                      ':latest': { N: String(nowMs + (limit.burst * 1000) / limit.ratePerSecond - step) },
                    },
                  }),
              ReturnValues: 'UPDATED_NEW',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            }),
          );
          return { granted: decision.granted, theoreticalArrivalMs: Number(Attributes!.tat!.N) };
        } catch (error) {
          if (
            !(error instanceof ConditionalCheckFailedException) &&
            (error as Error).name !== 'ConditionalCheckFailedException'
          )
            throw error;
          const stored = (error as { Item?: { tat?: { N?: string } } }).Item?.tat?.N;
          believed = stored === undefined ? undefined : Number(stored);
        }
      }
      // Every write lost a race: if the bucket as last seen has no token, that is the answer; if it has
      // some, other instances keep moving it and this request is not refused for their luck.
      const last = leaseTokens(believed, nowMs, wanted, limit);
      if ('retryAfterMs' in last) return last;
      throw new RateLeaseContendedError(keyId);
    },
  };
}
