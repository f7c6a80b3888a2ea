import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { streamConsumer } from '@sdp/shared-streams';
import { dynamoDbDemandFeaturesTable } from '../adapters/demandFeaturesTable.js';
import { dynamoDbDemandSources } from '../adapters/demandSources.js';
import { pricingSettingsFromEnv } from '../adapters/settingsFromEnv.js';
import { hydrateBatch } from '../domain/hydrateBatch.js';

const client = new DynamoDBClient({});
const sources = dynamoDbDemandSources(client, {
  productWindows: requiredEnv('PRODUCT_WINDOWS_TABLE_NAME'),
  products: requiredEnv('PRODUCTS_TABLE_NAME'),
  orders: requiredEnv('ORDERS_TABLE_NAME'),
});
const features = dynamoDbDemandFeaturesTable(client, requiredEnv('DEMAND_FEATURES_TABLE_NAME'));
const settings = pricingSettingsFromEnv();

/** Hydrates each changed product's demand with the catalog and the orders into the demand features table. */
export const handler = streamConsumer(
  (records, log) => hydrateBatch(records, { sources, features, settings, now: () => new Date(), log }),
  {
    message: 'demand hydrated',
    counts: ({ products, hydrated, unchanged, unknownProducts, invalid, failed }) => ({
      products,
      hydrated,
      unchanged,
      unknownProducts,
      invalid,
      failed,
    }),
  },
);
