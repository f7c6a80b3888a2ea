import {
  ConditionalCheckFailedException,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  TransactWriteItemsCommand,
  type DynamoDBClient,
  type TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { priceUpdateOf, productKeyOf, storedProductOf } from '@sdp/catalog';
import { DAY_MS, PRICE_HOLD_RETENTION_DAYS } from '../domain/constants.js';
import type { PriceBook, PriceChange, PriceHold } from '../domain/types.js';

export interface PriceBookTables {
  /** The catalog's products: pricing sets `price_cents`, `price_version`, `price_updated_at` and `priced_features_version`, as the catalog's `priceUpdateOf` says */
  products: string;
  /** Every change (`product_id`, `features_version`), the audit trail */
  priceHistory: string;
  /** Every move the plausibility guards held (`product_id`, `features_version`), expiring (`expires_at`) */
  priceHolds: string;
}

/**
 * The price book on DynamoDB. A change is one `TransactWriteItems`: the product's update, on
 * condition that its `price_version` is still the one read (no concurrent change is overwritten) and
 * that no change answered this or a later features version; and the history item, on condition that
 * none exists for this features version. So a replayed or re-delivered features record can never
 * change a price twice. A held move is one conditional `PutItem` in the holds table, once per
 * features version, that expires `PRICE_HOLD_RETENTION_DAYS` after it was held.
 *
 * @example
 * const book = dynamoDbPriceBook(client, { products: 'sdp-catalog-dev-products', priceHistory: 'sdp-pricing-dev-price-history', priceHolds: 'sdp-pricing-dev-price-holds' });
 * await book.apply(planned) // 'applied' | 'duplicate' | 'conflict'
 * await book.recordHold(held) // 'recorded' | 'duplicate'
 */
export function dynamoDbPriceBook(client: DynamoDBClient, tables: PriceBookTables): PriceBook {
  return {
    async product(productId) {
      const { Item } = await client.send(
        new GetItemCommand({ TableName: tables.products, Key: productKeyOf(productId), ConsistentRead: true }),
      );
      return Item ? storedProductOf(unmarshall(Item)) : undefined;
    },
    async apply({ product, change, featuresVersion }) {
      try {
        await client.send(
          new TransactWriteItemsCommand({
            TransactItems: [
              {
                Update: {
                  TableName: tables.products,
                  ...priceUpdateOf({
                    productId: product.product_id,
                    priceCents: change.new_price_cents,
                    changedAt: change.changed_at,
                    featuresVersion,
                    readPriceVersion: product.price_version,
                  }),
                },
              },
              {
                Put: {
                  TableName: tables.priceHistory,
                  Item: marshall({ ...change, features_version: featuresVersion }, { removeUndefinedValues: true }),
                  ConditionExpression: 'attribute_not_exists(product_id)',
                },
              },
            ],
          }),
        );
        return 'applied';
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
        const [productCheck, historyCheck] = ((error as TransactionCanceledException).CancellationReasons ?? []).map(
          (reason) => reason.Code,
        );
        if (historyCheck === 'ConditionalCheckFailed') return 'duplicate';
        if (productCheck === 'ConditionalCheckFailed') return 'conflict';
        throw error;
      }
    },
    async history(productId, limit) {
      return (await newestFirst(client, tables.priceHistory, productId, limit)) as PriceChange[];
    },
    async recordHold({ hold, featuresVersion }) {
      const expiresAt = Math.floor((Date.parse(hold.held_at) + PRICE_HOLD_RETENTION_DAYS * DAY_MS) / 1000);
      try {
        await client.send(
          new PutItemCommand({
            TableName: tables.priceHolds,
            Item: marshall(
              { ...hold, features_version: featuresVersion, expires_at: expiresAt },
              { removeUndefinedValues: true },
            ),
            ConditionExpression: 'attribute_not_exists(product_id)',
          }),
        );
        return 'recorded';
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return 'duplicate';
        throw error;
      }
    },
    async holds(productId, limit) {
      return (await newestFirst(client, tables.priceHolds, productId, limit)) as PriceHold[];
    },
  };
}

/** A product's items of a table keyed (`product_id`, `features_version`), newest first, without the table's bookkeeping. */
async function newestFirst(
  client: DynamoDBClient,
  tableName: string,
  productId: string,
  limit: number,
): Promise<Record<string, unknown>[]> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'product_id = :product',
      ExpressionAttributeValues: { ':product': { S: productId } },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return Items.map((item) => {
    const { features_version: _key, expires_at: _expiry, ...record } = unmarshall(item);
    return record;
  });
}
