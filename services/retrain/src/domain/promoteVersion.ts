import { ApiError } from '@sdp/shared-http';
import { type ModelFeatureSpec } from '@sdp/shared-model';
import type { ModelEndpoint, ModelRegistry, ModelVersion } from './modelRecords.js';

/**
 * Makes a recorded version live whatever the gate said when it was trained: the rollback path. The
 * endpoint serves it before the registry says so, so `GET /models` never names a version the endpoint
 * does not serve. A manual promotion wins over a retraining that promotes at the same moment.
 */
export async function promoteVersion(
  version: string,
  deps: { registry: ModelRegistry; endpoint: ModelEndpoint },
): Promise<ModelVersion> {
  const record = await deps.registry.get(version);
  if (!record) throw new ApiError(404, 'not_found', `There is no model version '${version}'; GET /models lists them.`);
  await deps.endpoint.deploy(record.version, record.artifact, record.feature_spec as unknown as ModelFeatureSpec);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await deps.registry.setLive(record.version, await deps.registry.liveVersion()))
      return { ...record, live: true };
  }
  throw new Error(`The live pointer kept changing while ${version} was being promoted`);
}
