import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logger } from '@sdp/shared-runtime';
import { demandRetrainDepsFromEnv, modelStoresFromEnv, retrainSettingsFromEnv } from '../adapters/retrainDeps.js';
import { retrainOnce, type RetrainOutcome } from '../domain/retrainOnce.js';

const deps = await demandRetrainDepsFromEnv(modelStoresFromEnv('demand'));
const settings = retrainSettingsFromEnv();

/**
 * Retrains the demand model dynamic pricing asks (ADR 18) from the lake's product windows: on its
 * schedule, and directly (`{"shuffleLabels": true}` trains a negative control). The same gate as the
 * bid-win model decides whether it goes live on the `sdp-demand-price-<stage>` endpoint.
 */
export const handler = middy<{ shuffleLabels?: boolean }, RetrainOutcome>()
  .use(injectLambdaContext(logger))
  .handler((event) => retrainOnce(deps, settings, { shuffleLabels: event?.shuffleLabels === true }));
