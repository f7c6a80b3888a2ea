import { randomBytes } from 'node:crypto';
import { logger, objectStoreFromEnv, queryEngineFromEnv, requiredEnv } from '@sdp/shared';
import type { RetrainDeps, RetrainSettings } from '../domain/retrainOnce.js';
import type { TrainingRow } from '../domain/toTrainingExample.js';
import { trainingQuery } from '../domain/toTrainingExample.js';
import { objectStoreModelArtifacts } from './modelArtifactStore.js';
import { dynamoDbModelRegistry } from './modelRegistryTable.js';
import { sageMakerModelEndpoint } from './sageMakerModelEndpoint.js';

const minutes = (name: string) => Number(requiredEnv(name)) * 60_000;

/** The registry, artifact store and endpoint every retrain function shares, from its environment. */
export function modelStoresFromEnv() {
  const artifactsBucket = requiredEnv('MODEL_ARTIFACTS_BUCKET');
  return {
    registry: dynamoDbModelRegistry(requiredEnv('MODEL_REGISTRY_TABLE_NAME')),
    artifacts: objectStoreModelArtifacts(objectStoreFromEnv(artifactsBucket), artifactsBucket),
    endpoint: sageMakerModelEndpoint({
      endpointName: requiredEnv('MODEL_ENDPOINT_NAME'),
      image: requiredEnv('MODEL_IMAGE_URI'),
      executionRoleArn: requiredEnv('SAGEMAKER_EXECUTION_ROLE_ARN'),
    }),
  };
}

export function retrainSettingsFromEnv(): RetrainSettings & { retrainEveryNewBids: number } {
  return {
    trainingWindowMs: minutes('TRAINING_WINDOW_MINUTES'),
    labelDelayMs: minutes('LABEL_DELAY_MINUTES'),
    validationFraction: Number(requiredEnv('VALIDATION_FRACTION')),
    minTrainingRows: Number(requiredEnv('MIN_TRAINING_ROWS')),
    minAucGain: Number(requiredEnv('MIN_AUC_GAIN')),
    retrainEveryNewBids: Number(requiredEnv('RETRAIN_EVERY_NEW_BIDS')),
  };
}

/** Everything `retrainOnce` needs: training rows read from the lake with SQL (DuckDB locally, Athena on AWS). */
export async function retrainDepsFromEnv(stores: ReturnType<typeof modelStoresFromEnv>): Promise<RetrainDeps> {
  const engine = await queryEngineFromEnv();
  return {
    ...stores,
    queryTrainingRows: async (from, to) =>
      (await engine.query(trainingQuery(from, to), { maxRows: 2_000_000, timeoutMs: 300_000 })).rows as unknown as TrainingRow[],
    now: () => new Date(),
    newVersionId: (now) => `${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(3).toString('hex')}`,
    log: (message, data) => logger.info(message, data),
  };
}
