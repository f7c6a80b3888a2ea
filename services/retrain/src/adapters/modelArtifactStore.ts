import { type ObjectStore } from '@sdp/shared-lake';
import { packModelArtifact, unpackModelArtifact, type LinearModel } from '@sdp/shared-model';
import type { ModelArtifacts } from '../domain/modelRecords.js';

/** Model artifacts as `s3://<bucket>/models/<version>/model.tar.gz`, the layout SageMaker loads. */
export function objectStoreModelArtifacts(store: ObjectStore, bucket: string): ModelArtifacts {
  return {
    async save(model: LinearModel) {
      const key = `models/${model.version}/model.tar.gz`;
      await store.put(key, await packModelArtifact(model));
      return `s3://${bucket}/${key}`;
    },
    async load(uri: string) {
      const prefix = `s3://${bucket}/`;
      if (!uri.startsWith(prefix)) throw new Error(`The artifact ${uri} is not in the artifact bucket ${bucket}`);
      const body = await store.get(uri.slice(prefix.length));
      if (!body) throw new Error(`The artifact ${uri} is missing`);
      return unpackModelArtifact(Buffer.from(body));
    },
  };
}
