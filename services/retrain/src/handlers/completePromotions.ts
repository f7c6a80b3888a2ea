import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '@sdp/shared-runtime';
import { modelStoresFromEnv, promotionSettingsFromEnv } from '../adapters/retrainDeps.js';
import type { ModelName } from '../domain/parseModelName.js';
import { settlePromotion, type Settlement } from '../domain/settlePromotion.js';

const MODELS: readonly ModelName[] = ['bid-win', 'demand'];
const stores = Object.fromEntries(MODELS.map((model) => [model, modelStoresFromEnv(model)]));
const { timeoutMs } = promotionSettingsFromEnv();

/**
 * Every minute, and on AWS when an endpoint's state changes: each model's pending promotion becomes
 * live once its endpoint serves the version, or failed when the endpoint could not take it (the
 * previous version keeps serving).
 */
export const handler = middy<unknown, Record<string, Settlement>>()
  .use(injectLambdaContext(logger))
  .handler(async () => {
    const settlements = await Promise.all(
      MODELS.map(async (model) => {
        const settlement = await settlePromotion({ ...stores[model]!, now: () => new Date() }, timeoutMs);
        if (settlement.status === 'live' || settlement.status === 'failed')
          logger.info(`model promotion ${settlement.status}`, { model, ...settlement });
        return [model, settlement] as const;
      }),
    );
    return Object.fromEntries(settlements);
  });
