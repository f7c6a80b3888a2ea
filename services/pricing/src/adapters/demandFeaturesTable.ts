import { ConditionalCheckFailedException, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { batchGetItems } from '@sdp/shared-streams';
import type { DemandFeaturesTable } from '../domain/types.js';

/**
 * The demand features table on DynamoDB, one item per product. Hydration reads the stored
 * fingerprints of a batch's products with consistent reads (a stale equal fingerprint would skip a
 * change), 100 per `BatchGetItem`. A write sets the features and adds 1 to `features_version` on
 * condition that the stored fingerprint differs, which still guards against a concurrent writer
 * having stored the same features since the read; an unchanged product's table stream stays quiet.
 *
 * @example
 * const table = dynamoDbDemandFeaturesTable(client, 'sdp-pricing-dev-demand-features');
 * await table.storedFingerprints(['sku-001', 'sku-404']) // Map { 'sku-001' => 'N2Zm…' }
 * await table.writeIfChanged(features, demandFingerprint(features)) // 8 (the new version), or undefined when unchanged
 */
export function dynamoDbDemandFeaturesTable(client: DynamoDBClient, tableName: string): DemandFeaturesTable {
  return {
    async storedFingerprints(productIds) {
      const keys = productIds.map((productId) => ({ product_id: { S: productId } }));
      const items = await batchGetItems(client, tableName, keys, {
        attributes: ['product_id', 'fingerprint'],
        consistentRead: true,
      });
      return new Map(
        items
          .filter((item) => item.fingerprint?.S !== undefined)
          .map((item) => [item.product_id!.S!, item.fingerprint!.S!]),
      );
    },
    async writeIfChanged(features, fingerprint) {
      const { product_id, ...rest } = features;
      const values = { ...rest, fingerprint };
      const names = Object.keys(values).filter((name) => values[name as keyof typeof values] !== undefined);
      try {
        const { Attributes } = await client.send(
          new UpdateItemCommand({
            TableName: tableName,
            Key: { product_id: { S: product_id } },
            UpdateExpression: `SET ${names.map((name) => `#${name} = :${name}`).join(', ')} ADD features_version :one`,
            ConditionExpression: 'attribute_not_exists(fingerprint) OR fingerprint <> :fingerprint',
            ExpressionAttributeNames: Object.fromEntries(names.map((name) => [`#${name}`, name])),
            ExpressionAttributeValues: {
              ...marshall(Object.fromEntries(names.map((name) => [`:${name}`, values[name as keyof typeof values]]))),
              ':one': { N: '1' },
            },
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
