import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { requiredEnv } from '@sdp/shared-runtime';
import { streamConsumer } from '@sdp/shared-streams';
import { inMemoryShopperLedger } from '../adapters/inMemoryShopperLedger.js';
import { dynamoDbProductWindowCounter } from '../adapters/productWindowCounter.js';
import { dynamoDbSessionVerdicts } from '../adapters/sessionVerdicts.js';
import { SHOPPER_LEDGER_ENTRIES } from '../domain/constants.js';
import { countDemandBatch } from '../domain/countDemandBatch.js';
import { parseDemandSettings } from '../domain/parseDemandSettings.js';

const client = new DynamoDBClient({});
const counter = dynamoDbProductWindowCounter(client, requiredEnv('PRODUCT_WINDOWS_TABLE_NAME'));
const sessions = dynamoDbSessionVerdicts(client, requiredEnv('SESSIONS_TABLE_NAME'));
const { periodMinutes, signalsPerShopper } = parseDemandSettings({
  periodMinutes: requiredEnv('PRODUCT_WINDOW_MINUTES'),
  signalsPerShopper: process.env.SHOPPER_SIGNALS_PER_WINDOW,
});
const shoppers = inMemoryShopperLedger(SHOPPER_LEDGER_ENTRIES);

/** Counts views, carts, checkouts and purchases per product and event-time window, exactly the events sessions adds, a few per shopper. */
export const handler = streamConsumer(
  (records, log) =>
    countDemandBatch(records, {
      counter,
      sessions,
      periodMinutes,
      shoppers,
      signalsPerShopper,
      now: () => new Date(),
      log,
    }),
  {
    message: 'product demand counted',
    counts: ({ counted, duplicates, ignored, invalid, failed, pending, capped }) => ({
      counted,
      duplicates,
      ignored,
      invalid,
      failed,
      pending,
      capped,
    }),
  },
);
