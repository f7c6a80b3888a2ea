import type { LinearModel } from '@sdp/shared-model';
import type { ModelArtifacts, ModelEndpoint, ModelRegistry, ModelVersion } from '../../src/domain/modelRecords.js';

/** In-memory registry, artifact store and endpoint, recording what was deployed. */
export function fakeModelStores() {
  const versions = new Map<string, Omit<ModelVersion, 'live'>>();
  const artifacts = new Map<string, LinearModel>();
  let live: string | undefined;
  const deployed: string[] = [];
  const registry: ModelRegistry = {
    put: async (version) => void versions.set(version.version, structuredClone(version)),
    get: async (version) => versions.get(version),
    list: async () => [...versions.values()],
    liveVersion: async () => live,
    setLive: async (version, expected) => {
      if (live !== expected) return false;
      live = version;
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
  const endpoint: ModelEndpoint = { deploy: async (version) => void deployed.push(version) };
  return { registry, artifacts: store, endpoint, deployed, live: () => live };
}
