import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { KinesisStreamEvent } from 'aws-lambda';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { readKinesisRecords } from '@sdp/shared-streams';
import { modelStoresFromEnv, retrainDepsFromEnv, retrainSettingsFromEnv } from '../adapters/retrainDeps.js';
import { countNewBids } from '../domain/countNewBids.js';
import { retrainOnce, type RetrainOutcome } from '../domain/retrainOnce.js';

const stores = modelStoresFromEnv();
const deps = await retrainDepsFromEnv(stores);
const settings = retrainSettingsFromEnv();
const retrainEveryNewBids = Number(requiredEnv('RETRAIN_EVERY_NEW_BIDS'));

type RetrainEvent = KinesisStreamEvent | { source?: string; shuffleLabels?: boolean };

/**
 * Retrains the bid-win model: on its schedule, directly (`{"shuffleLabels": true}` trains a negative
 * control), and from the enriched stream once `RETRAIN_EVERY_NEW_BIDS` new bids have arrived.
 */
export const handler = middy<RetrainEvent, RetrainOutcome | { status: 'waiting'; newBids: number }>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    if ('Records' in event) {
      const newBids = await stores.registry.addNewBids(countNewBids(readKinesisRecords(event)));
      if (newBids < retrainEveryNewBids || !(await stores.registry.takeNewBids(retrainEveryNewBids))) {
        return { status: 'waiting', newBids };
      }
      // A failed training must not hold the stream back; the next trigger or the schedule tries again.
      return retrainOnce(deps, settings).catch((error: Error) => {
        logger.error('retraining failed', { error });
        return { status: 'skipped', reason: error.message } as const;
      });
    }
    return retrainOnce(deps, settings, { shuffleLabels: event.shuffleLabels === true });
  });
