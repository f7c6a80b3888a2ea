import { randomBytes } from 'node:crypto';
import { objectStoreFromEnv, queryEngineFromEnv } from '@sdp/shared-lake';
import { setTimeout as sleep } from 'node:timers/promises';
import { logger, readNumberSetting, requiredEnv } from '@sdp/shared-runtime';
import { DEFAULT_PROMOTION_GRACE_SECONDS, DEFAULT_PROMOTION_TIMEOUT_MINUTES } from '../domain/constants.js';
import type { PromotionSettings } from '../domain/requestPromotion.js';
import type { RetrainDeps, RetrainSettings } from '../domain/retrainOnce.js';
import type { TrainingRow } from '../domain/toTrainingExample.js';
import { trainingQuery } from '../domain/toTrainingExample.js';
import { bidWinFamily, demandFamily } from '../domain/modelFamily.js';
import type { ModelName } from '../domain/parseModelName.js';
import { demandTrainingQuery, type DemandTrainingRow } from '../domain/toDemandExamples.js';
import { objectStoreModelArtifacts } from './modelArtifactStore.js';
import { dynamoDbModelRegistry } from './modelRegistryTable.js';
import { sageMakerModelEndpoint } from './sageMakerModelEndpoint.js';

const minutes = (name: string) => Number(requiredEnv(name)) * 60_000;

/** Each model's environment variables: its registry table and its SageMaker endpoint. */
const MODEL_ENV: Record<ModelName, { registry: string; endpoint: string }> = {
  'bid-win': { registry: 'MODEL_REGISTRY_TABLE_NAME', endpoint: 'MODEL_ENDPOINT_NAME' },
  demand: { registry: 'DEMAND_MODEL_REGISTRY_TABLE_NAME', endpoint: 'DEMAND_MODEL_ENDPOINT_NAME' },
};

/** A model's registry, from its environment (`MODEL_REGISTRY_TABLE_NAME` or `DEMAND_MODEL_REGISTRY_TABLE_NAME`). */
export const modelRegistryFromEnv = (model: ModelName) => dynamoDbModelRegistry(requiredEnv(MODEL_ENV[model].registry));

/** The registry, artifact store and endpoint of a model, from the function's environment. */
export function modelStoresFromEnv(model: ModelName = 'bid-win') {
  const artifactsBucket = requiredEnv('MODEL_ARTIFACTS_BUCKET');
  return {
    registry: modelRegistryFromEnv(model),
    artifacts: objectStoreModelArtifacts(objectStoreFromEnv(artifactsBucket), artifactsBucket),
    endpoint: sageMakerModelEndpoint({
      endpointName: requiredEnv(MODEL_ENV[model].endpoint),
      image: requiredEnv('MODEL_IMAGE_URI'),
      executionRoleArn: requiredEnv('SAGEMAKER_EXECUTION_ROLE_ARN'),
    }),
  };
}

/** How a promotion waits for the endpoint: `PROMOTION_GRACE_SECONDS` before answering, `PROMOTION_TIMEOUT_MINUTES` in all. */
export function promotionSettingsFromEnv(): PromotionSettings {
  return {
    graceMs:
      readNumberSetting('PROMOTION_GRACE_SECONDS', process.env.PROMOTION_GRACE_SECONDS, {
        min: 0,
        max: 20,
        unit: 'seconds',
        fallback: DEFAULT_PROMOTION_GRACE_SECONDS,
        because: 'an API answer must come within 29 s',
      }) * 1000,
    timeoutMs:
      readNumberSetting('PROMOTION_TIMEOUT_MINUTES', process.env.PROMOTION_TIMEOUT_MINUTES, {
        min: 1,
        max: 180,
        unit: 'minutes',
        fallback: DEFAULT_PROMOTION_TIMEOUT_MINUTES,
      }) * 60_000,
  };
}

export function retrainSettingsFromEnv(): RetrainSettings {
  return {
    promotion: promotionSettingsFromEnv(),
    trainingWindowMs: minutes('TRAINING_WINDOW_MINUTES'),
    labelDelayMs: minutes('LABEL_DELAY_MINUTES'),
    validationFraction: Number(requiredEnv('VALIDATION_FRACTION')),
    minTrainingRows: Number(requiredEnv('MIN_TRAINING_ROWS')),
    minAucGain: Number(requiredEnv('MIN_AUC_GAIN')),
  };
}

/** What a training reads at most from the lake, and for how long. */
const TRAINING_QUERY_LIMITS = { maxRows: 2_000_000, timeoutMs: 300_000 };

/** Everything `retrainOnce` needs for the bid-win model: labelled bids read from the lake with SQL (DuckDB locally, Athena on AWS). */
export async function retrainDepsFromEnv(
  stores: ReturnType<typeof modelStoresFromEnv>,
): Promise<RetrainDeps<TrainingRow>> {
  const engine = await queryEngineFromEnv();
  return {
    ...commonDeps(stores),
    family: bidWinFamily,
    queryTrainingRows: async (from, to) =>
      (await engine.query(trainingQuery(from, to), TRAINING_QUERY_LIMITS)).rows as unknown as TrainingRow[],
  };
}

/**
 * Everything `retrainOnce` needs for the demand model: each product window's latest counts from the
 * lake, from a baseline and a recent horizon before the training window (so its first minutes have
 * their history), with the horizons the pricing service reads demand over.
 */
export async function demandRetrainDepsFromEnv(
  stores: ReturnType<typeof modelStoresFromEnv>,
): Promise<RetrainDeps<DemandTrainingRow>> {
  const engine = await queryEngineFromEnv();
  const horizons = {
    recentMinutes: Number(requiredEnv('DEMAND_RECENT_MINUTES')),
    baselineMinutes: Number(requiredEnv('DEMAND_BASELINE_MINUTES')),
  };
  const historyMs = (horizons.recentMinutes + horizons.baselineMinutes) * 60_000;
  return {
    ...commonDeps(stores),
    family: demandFamily(horizons),
    queryTrainingRows: async (from, to) =>
      (await engine.query(demandTrainingQuery(new Date(from.getTime() - historyMs), to), TRAINING_QUERY_LIMITS))
        .rows as unknown as DemandTrainingRow[],
  };
}

function commonDeps(
  stores: ReturnType<typeof modelStoresFromEnv>,
): Omit<RetrainDeps<unknown>, 'family' | 'queryTrainingRows'> {
  return {
    ...stores,
    now: () => new Date(),
    sleep,
    newVersionId: (now: Date) =>
      `${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(3).toString('hex')}`,
    log: (message: string, data: Record<string, unknown>) => logger.info(message, data),
  };
}
