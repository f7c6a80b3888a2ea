import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger, requiredEnv, tableChangesOf } from '@sdp/shared';
import { sageMakerDemandModel } from '../adapters/demandModel.js';
import { dynamoDbPriceBook } from '../adapters/priceBook.js';
import { pricingSettingsFromEnv } from '../adapters/settingsFromEnv.js';
import { priceBatch } from '../domain/priceBatch.js';

const book = dynamoDbPriceBook(new DynamoDBClient({}), { products: requiredEnv('PRODUCTS_TABLE_NAME'), priceHistory: requiredEnv('PRICE_HISTORY_TABLE_NAME') });
const model = sageMakerDemandModel(requiredEnv('DEMAND_MODEL_ENDPOINT_NAME'));
const settings = pricingSettingsFromEnv();

/** Asks the demand model about each product whose demand changed and moves its price within the guardrails, once per features version. */
export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const { batchItemFailures, ...counts } = await priceBatch(tableChangesOf(event), {
      book,
      model,
      settings,
      now: () => new Date(),
      log: (message, data) => logger.warn(message, data),
    });
    logger.info('prices decided', { changes: event.Records.length, ...counts });
    return { batchItemFailures };
  });
