import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { failedEventsFromEnv, logger, processStreamBatch, requiredEnv } from '@sdp/shared';
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
const failedEvents = failedEventsFromEnv();
const log = (message: string, data: Record<string, unknown>) => logger.warn(message, data);

/** Hydrates each changed product's demand with the catalog and the orders into the demand features table. */
export const handler = middy<KinesisStreamEvent, KinesisStreamBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler((event) =>
    processStreamBatch(
      event,
      async (records) => {
        const outcome = await hydrateBatch(records, { sources, features, settings, now: () => new Date(), log });
        const { products, hydrated, unchanged, unknownProducts, invalid, failed } = outcome;
        logger.info('demand hydrated', { records: records.length, products, hydrated, unchanged, unknownProducts, invalid, failed });
        return outcome;
      },
      { ...failedEvents, log },
    ),
  );
