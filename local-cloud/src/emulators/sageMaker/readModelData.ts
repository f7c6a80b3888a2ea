import path from 'node:path';
import { directoryObjectStore } from '@sdp/shared';

/**
 * The bytes at a model's `ModelDataUrl` (`s3://bucket/key`) from the local object store, where every
 * bucket is a directory (`<objectStoreDir>/<bucket>/<key>`, as functions see it through
 * LOCAL_OBJECT_STORE_DIR); `undefined` when there is no such object or the URL is not `s3://`.
 *
 * @example
 * await readModelData('s3://sdp-retrain-local-models/v7/model.tar.gz', '.data/local/s3')
 */
export async function readModelData(modelDataUrl: string, objectStoreDir: string): Promise<Uint8Array | undefined> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(modelDataUrl);
  if (!match) return undefined;
  const [, bucket, key] = match as unknown as [string, string, string];
  try {
    return await directoryObjectStore(path.join(objectStoreDir, bucket)).get(key);
  } catch {
    // A key that would leave the bucket's directory names no object.
    return undefined;
  }
}
