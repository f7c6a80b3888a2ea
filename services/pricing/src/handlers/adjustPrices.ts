import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { tableChangeConsumer } from '@sdp/shared-streams';
import { sageMakerDemandModel } from '../adapters/demandModel.js';
import { dynamoDbPriceBook } from '../adapters/priceBook.js';
import { pricingSettingsFromEnv } from '../adapters/settingsFromEnv.js';
import { priceBatch } from '../domain/priceBatch.js';

const book = dynamoDbPriceBook(new DynamoDBClient({}), {
  products: requiredEnv('PRODUCTS_TABLE_NAME'),
  priceHistory: requiredEnv('PRICE_HISTORY_TABLE_NAME'),
  priceHolds: requiredEnv('PRICE_HOLDS_TABLE_NAME'),
});
const model = sageMakerDemandModel(requiredEnv('DEMAND_MODEL_ENDPOINT_NAME'));
const settings = pricingSettingsFromEnv();

/** Asks the demand model about each product whose demand changed and moves its price within the guardrails, once per features version; a move on implausible demand is held and recorded. */
export const handler = tableChangeConsumer(
  (changes, log) => priceBatch(changes, { book, model, settings, now: () => new Date(), log }),
  {
    message: 'prices decided',
    counts: ({ batchItemFailures, ...counts }) => ({ ...counts, failedFrom: batchItemFailures[0]?.itemIdentifier }),
  },
);
