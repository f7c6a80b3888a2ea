import {
  toViolations,
  validatePredictionRequest,
  validatePredictionResponse,
  type components,
} from '@sdp/shared-contract';
import { ApiError, ValidationFailedError } from '@sdp/shared-http';
import { buildFeatures, type FeatureSpec } from '@sdp/shared-model';

export type PredictionResponse = components['schemas']['PredictionResponse'] & { model_version?: string };

export interface PredictDeps {
  liveModel(): Promise<{ version: string; featureSpec: FeatureSpec } | undefined>;
  invoke(rows: readonly ArrayLike<number>[]): Promise<{ body: unknown; modelVersion?: string }>;
  log(message: string, data: Record<string, unknown>): void;
}

const RETRY_AFTER_SECONDS = 30;
const unavailable = (message: string, cause?: unknown) =>
  new ApiError(503, 'model_unavailable', `${message} No prediction was made; retry after ${RETRY_AFTER_SECONDS} s.`, {
    headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    cause,
  });

/**
 * The win probability of a bid: validated, turned into features with the live model's own feature
 * spec, scored by the endpoint. Never a made-up score: no live model, an endpoint that fails or an
 * answer that is not a prediction all give 503 `model_unavailable`.
 */
export async function predictWin(body: unknown, deps: PredictDeps): Promise<PredictionResponse> {
  if (!validatePredictionRequest(body))
    throw new ValidationFailedError('prediction request', toViolations(validatePredictionRequest.errors));
  const live = await deps.liveModel();
  if (!live)
    throw unavailable('No model is live yet: the retrain service promotes one once it has enough labelled bids.');
  const features = buildFeatures(body, live.featureSpec);
  const answer = await deps.invoke([features]).catch((error: Error) => {
    deps.log('the model endpoint failed', { error: error.message, name: error.name });
    throw unavailable('The model endpoint did not answer.', error);
  });
  if (!validatePredictionResponse(answer.body) || answer.body.predictions.length !== 1) {
    deps.log('the model endpoint answered something that is not one prediction', { body: answer.body });
    throw unavailable('The model endpoint answered something that is not a prediction.');
  }
  return { predictions: answer.body.predictions, model_version: answer.modelVersion ?? live.version };
}
