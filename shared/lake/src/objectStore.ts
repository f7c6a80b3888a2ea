import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  ListObjectVersionsCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';

/**
 * The few object operations the lake needs, the same over a local directory and an S3 bucket. A `put`
 * is atomic: a reader sees the whole object or none of it.
 */
export interface ObjectStore {
  /** Where the objects are, for people and for DuckDB (a directory or `s3://bucket`) */
  readonly location: string;
  put(key: string, body: Uint8Array | string): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** Every key under `prefix` (recursively), sorted */
  list(prefix: string): Promise<string[]>;
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Removes what the store keeps of the past of the objects under `prefix`: a versioned bucket's
   * noncurrent versions and delete markers (an erasure must not leave rows there); nothing in a
   * directory, which keeps no past
   */
  purgeHistory(prefix: string): Promise<void>;
}

/**
 * A directory as an object store. Objects are written to a hidden temporary file and renamed into
 * place, which is atomic on one file system; hidden files are never listed.
 */
export function directoryObjectStore(root: string): ObjectStore {
  const pathOf = (key: string) => {
    const resolved = path.resolve(root, key);
    if (!resolved.startsWith(path.resolve(root) + path.sep)) throw new Error(`The key '${key}' leaves the store`);
    return resolved;
  };
  return {
    location: path.resolve(root),
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
      await writeFile(temporary, body);
      await rename(temporary, target);
    },
    async get(key) {
      return readFile(pathOf(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
    },
    async list(prefix) {
      const base = pathOf(prefix.replace(/\/?$/, '/.'));
      const entries = await readdir(base, { recursive: true, withFileTypes: true }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        },
      );
      return entries
        .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .sort();
    },
    async delete(keys) {
      await Promise.all(keys.map((key) => rm(pathOf(key), { force: true })));
    },
    async purgeHistory() {
      // A directory keeps no past versions.
    },
  };
}

/** An S3 bucket (optionally under a key prefix) as an object store; a PutObject is atomic by itself. */
export function s3ObjectStore(client: S3Client, bucket: string, prefix = ''): ObjectStore {
  const keyOf = (key: string) => `${prefix}${key}`;
  return {
    location: `s3://${bucket}/${prefix}`,
    async put(key, body) {
      await client.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(key), Body: body }));
    },
    async get(key) {
      try {
        const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
        return Body ? await Body.transformToByteArray() : undefined;
      } catch (error) {
        if (error instanceof NoSuchKey) return undefined;
        throw error;
      }
    },
    async list(listPrefix) {
      const keys: string[] = [];
      for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: keyOf(listPrefix) })) {
        for (const { Key } of page.Contents ?? []) if (Key) keys.push(Key.slice(prefix.length));
      }
      return keys.sort();
    },
    async delete(keys) {
      for (let i = 0; i < keys.length; i += 1000) {
        const Objects = keys.slice(i, i + 1000).map((key) => ({ Key: keyOf(key) }));
        await client.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects, Quiet: true } }));
      }
    },
    async purgeHistory(historyPrefix) {
      const past: { Key: string; VersionId: string }[] = [];
      let marker: { KeyMarker?: string; VersionIdMarker?: string } = {};
      for (;;) {
        const page = await client.send(
          new ListObjectVersionsCommand({ Bucket: bucket, Prefix: keyOf(historyPrefix), ...marker }),
        );
        for (const { Key, VersionId, IsLatest } of page.Versions ?? [])
          if (Key && VersionId && !IsLatest) past.push({ Key, VersionId });
        for (const { Key, VersionId } of page.DeleteMarkers ?? []) if (Key && VersionId) past.push({ Key, VersionId });
        if (!page.IsTruncated) break;
        marker = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
      }
      for (let i = 0; i < past.length; i += 1000)
        await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: past.slice(i, i + 1000), Quiet: true } }),
        );
    },
  };
}

/**
 * The lake's store from the environment: the local cloud maps buckets to directories under
 * `LOCAL_OBJECT_STORE_DIR`; on AWS the bucket is S3.
 */
export function objectStoreFromEnv(bucket: string, env: NodeJS.ProcessEnv = process.env): ObjectStore {
  const localRoot = env.LOCAL_OBJECT_STORE_DIR;
  return localRoot ? directoryObjectStore(path.join(localRoot, bucket)) : s3ObjectStore(new S3Client({}), bucket);
}
