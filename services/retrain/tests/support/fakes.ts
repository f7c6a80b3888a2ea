import type { LinearModel } from '@sdp/shared-model';
import type {
  Deployment,
  ModelArtifacts,
  ModelEndpoint,
  ModelRegistry,
  ModelVersion,
  PendingPromotion,
} from '../../src/domain/modelRecords.js';

/**
 * In-memory registry, artifact store and endpoint, recording what was deployed. The endpoint serves a
 * version as soon as it is asked to, unless told otherwise with `endpointAnswers` (what it answers
 * for the next deployments) or `settle` (what one deployment becomes).
 */
export function fakeModelStores() {
  const versions = new Map<string, Omit<ModelVersion, 'live'>>();
  const artifacts = new Map<string, LinearModel>();
  let live: string | undefined;
  let pending: PendingPromotion | undefined;
  const deployed: string[] = [];
  const deployments = new Map<string, Deployment>();
  let nextDeployment: Deployment = { state: 'serving' };
  const registry: ModelRegistry = {
    put: async (version) => void versions.set(version.version, structuredClone(version)),
    get: async (version) => structuredClone(versions.get(version)),
    list: async () => [...versions.values()].map((version) => structuredClone(version)),
    liveVersion: async () => live,
    pendingPromotion: async () => (pending ? { ...pending } : undefined),
    livePointer: async () => ({ liveVersion: live, pending: pending ? { ...pending } : undefined }),
    beginPromotion: async (version, promotion) => {
      if (pending || !versions.has(version)) return false;
      pending = { version, since: promotion.requested_at };
      versions.get(version)!.promotion = { ...promotion };
      return true;
    },
    endPromotion: async (version, promotion) => {
      if (pending?.version !== version) return false;
      pending = undefined;
      if (promotion.status === 'live') live = version;
      versions.get(version)!.promotion = { ...promotion };
      return true;
    },
  };
  const store: ModelArtifacts = {
    save: async (model) => {
      const uri = `s3://artifacts/models/${model.version}/model.tar.gz`;
      artifacts.set(uri, structuredClone(model));
      return uri;
    },
    load: async (uri) => artifacts.get(uri)!,
  };
  const endpoint: ModelEndpoint = {
    startDeployment: async (version) => {
      deployed.push(version);
      deployments.set(version, nextDeployment);
    },
    deploymentOf: async (version) =>
      deployments.get(version) ?? { state: 'failed', reason: `never asked for ${version}` },
  };
  return {
    registry,
    artifacts: store,
    endpoint,
    deployed,
    live: () => live,
    endpointAnswers: (deployment: Deployment) => void (nextDeployment = deployment),
    settle: (version: string, deployment: Deployment) => void deployments.set(version, deployment),
  };
}
