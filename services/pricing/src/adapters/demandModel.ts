import { buildDemandFeatures, DEFAULT_DEMAND_FEATURE_SPEC, sageMakerEndpoint } from '@sdp/shared-model';
import type { DemandModel } from '../domain/types.js';

/**
 * The demand model behind a SageMaker endpoint: the features of `DEFAULT_DEMAND_FEATURE_SPEC` go as
 * one CSV row, the score that comes back is the surge probability, and the endpoint's
 * `model_version` custom attribute names the version. An endpoint that does not exist yet (no demand
 * model was trained and promoted) is no model: prices hold.
 *
 * @example
 * const model = sageMakerDemandModel('sdp-demand-price-dev');
 * await model.predict(features) // { surgeProbability: 0.93, modelVersion: '20261204T150000Z' }, or undefined
 */
export function sageMakerDemandModel(endpointName: string, invoke = sageMakerEndpoint(endpointName)): DemandModel {
  return {
    async predict(input) {
      try {
        const answer = await invoke([buildDemandFeatures(input, DEFAULT_DEMAND_FEATURE_SPEC)]);
        const score = (answer.body as { predictions?: { score?: unknown }[] }).predictions?.[0]?.score;
        if (typeof score !== 'number' || !(score >= 0 && score <= 1))
          throw new Error(
            `The demand model answered ${JSON.stringify(answer.body).slice(0, 200)}, not a score from 0 to 1`,
          );
        return { surgeProbability: score, modelVersion: answer.modelVersion ?? 'unknown' };
      } catch (error) {
        if ((error as Error).name === 'ValidationError' && /not found/i.test((error as Error).message))
          return undefined;
        throw error;
      }
    },
  };
}
