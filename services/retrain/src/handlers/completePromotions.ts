import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '@sdp/shared-runtime';
import { modelStoresFromEnv, promotionSettingsFromEnv } from '../adapters/retrainDeps.js';
import { settlePromotion, type Settlement } from '../domain/settlePromotion.js';

const stores = { 'bid-win': modelStoresFromEnv('bid-win'), demand: modelStoresFromEnv('demand') };
const { timeoutMs } = promotionSettingsFromEnv();

/**
 * Every minute: each model's pending promotion becomes live once its endpoint serves the version, or
 * failed when the endpoint could not take it (the previous version keeps serving).
 */
export const handler = middy<unknown, Record<keyof typeof stores, Settlement>>()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    const [bidWin, demand] = await Promise.all(
      (['bid-win', 'demand'] as const).map((model) =>
        settlePromotion({ ...stores[model], now: () => new Date() }, timeoutMs),
      ),
    );
    for (const [model, settlement] of [
      ['bid-win', bidWin!],
      ['demand', demand!],
    ] as const) {
      if (settlement.status === 'live' || settlement.status === 'failed')
        logger.info(`model promotion ${settlement.status}`, { model, ...settlement });
    }
    return { 'bid-win': bidWin!, demand: demand! };
  });
