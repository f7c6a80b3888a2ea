import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The bytes at a model's `ModelDataUrl` (`s3://bucket/key`) from the local object store, where every
 * bucket is a directory (`<objectStoreDir>/<bucket>/<key>`, as functions see it through
 * LOCAL_OBJECT_STORE_DIR); `undefined` when there is no such object, the key would leave its
 * bucket's directory, or the URL is not `s3://`.
 *
 * @example
 * await readModelData('s3://models/v7/model.tar.gz', '.data/local/s3')
 */
export async function readModelData(modelDataUrl: string, objectStoreDir: string): Promise<Uint8Array | undefined> {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(modelDataUrl);
  if (!match) return undefined;
  const [, bucket, key] = match as unknown as [string, string, string];
  const storeDir = path.resolve(objectStoreDir);
  const bucketDir = path.resolve(storeDir, bucket);
  const file = path.resolve(bucketDir, key);
  if (!bucketDir.startsWith(storeDir + path.sep) || !file.startsWith(bucketDir + path.sep)) return undefined;
  return readFile(file).catch(() => undefined);
}
