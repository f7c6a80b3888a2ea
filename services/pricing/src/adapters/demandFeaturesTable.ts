import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { createHash } from 'node:crypto';
import type { DemandFeaturesTable } from '../domain/types.js';

/**
 * The demand features table on DynamoDB, one item per product. A write sets the features and adds 1
 * to `features_version` only when their fingerprint (everything but `as_of`) differs from the stored
 * one, so re-hydrating unchanged demand writes nothing and the table's stream stays quiet.
 *
 * @example
 * const table = dynamoDbDemandFeaturesTable(client, 'sdp-pricing-dev-demand-features');
 * await table.writeIfChanged(features) // 8 (the new version), or undefined when unchanged
 */
export function dynamoDbDemandFeaturesTable(client: DynamoDBClient, tableName: string): DemandFeaturesTable {
  return {
    async writeIfChanged(features) {
      const { product_id, as_of, ...demand } = features;
      const fingerprint = createHash('sha256').update(stableJson(demand)).digest('base64url');
      const values = { ...demand, as_of, fingerprint };
      const names = Object.keys(values).filter((name) => values[name as keyof typeof values] !== undefined);
      try {
        const { Attributes } = await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { product_id: { S: product_id } },
            UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')} ADD features_version :one`,
            ConditionExpression: 'attribute_not_exists(fingerprint) OR fingerprint <> :fingerprint',
            ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
            ExpressionAttributeValues: { ...marshall(Object.fromEntries(names.map((name) => [`:${name}`, values[name as keyof typeof values]])), ), ':one': { N: '1' } },
            ReturnValues: 'UPDATED_NEW',
          }),
        );
        return Number(Attributes?.features_version?.N);
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return undefined;
        throw error;
      }
    },
  };
}


/** JSON with every object's keys sorted, so equal features always give the same fingerprint. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}
