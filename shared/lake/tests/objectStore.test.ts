import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DeleteObjectsCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { directoryObjectStore, s3ObjectStore } from '../src/objectStore.js';

describe('directoryObjectStore', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'sdp-store-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts, lists recursively (sorted), gets and deletes objects', async () => {
    // Prepare
    const store = directoryObjectStore(dir);

    // Act
    await store.put('t/b.txt', 'B');
    await store.put('t/x/a.txt', 'A');
    const listed = await store.list('t/');
    const body = Buffer.from((await store.get('t/x/a.txt'))!).toString();
    await store.delete(['t/b.txt']);

    // Assess
    expect({ listed, body, after: await store.list('t/'), missing: await store.get('t/b.txt') }).toStrictEqual({
      listed: ['t/b.txt', 't/x/a.txt'],
      body: 'A',
      after: ['t/x/a.txt'],
      missing: undefined,
    });
  });

  it('leaves no temporary file behind and lists nothing for a missing prefix', async () => {
    // Prepare
    const store = directoryObjectStore(dir);

    // Act
    await store.put('t/a.txt', 'A');

    // Assess
    expect(await readdir(path.join(dir, 't'))).toStrictEqual(['a.txt']);
    expect(await store.list('nothing/')).toStrictEqual([]);
  });

  it('refuses a key that leaves the directory', async () => {
    // Act / Assess
    await expect(directoryObjectStore(dir).put('../escape.txt', 'x')).rejects.toThrow(
      "The key '../escape.txt' leaves the store",
    );
  });
});

describe('s3ObjectStore', () => {
  /** A versioned bucket in memory behind the two calls `purgeHistory` makes, a page of `pageSize` versions at a time. */
  function fakeVersionedBucket(
    versions: { Key: string; VersionId: string; IsLatest: boolean }[],
    markers: { Key: string; VersionId: string }[],
    pageSize: number,
  ) {
    const deleted: { Key: string; VersionId: string }[][] = [];
    const listed: unknown[] = [];
    const client = {
      send: async (command: unknown) => {
        if (command instanceof ListObjectVersionsCommand) {
          listed.push(command.input);
          const { Prefix = '', KeyMarker } = command.input;
          const all = [...versions, ...markers.map((marker) => ({ ...marker, marker: true }))].filter((v) =>
            v.Key.startsWith(Prefix),
          );
          const from = KeyMarker === undefined ? 0 : Number(KeyMarker);
          const page = all.slice(from, from + pageSize);
          const truncated = from + pageSize < all.length;
          return {
            Versions: page.filter((v) => !('marker' in v)),
            DeleteMarkers: page.filter((v) => 'marker' in v).map(({ Key, VersionId }) => ({ Key, VersionId })),
            IsTruncated: truncated,
            ...(truncated ? { NextKeyMarker: String(from + pageSize), NextVersionIdMarker: 'v' } : {}),
          };
        }
        if (command instanceof DeleteObjectsCommand) {
          deleted.push(command.input.Delete!.Objects as { Key: string; VersionId: string }[]);
          return {};
        }
        throw new Error('unexpected command');
      },
    } as unknown as S3Client;
    return { client, deleted, listed };
  }

  it("deletes the past versions and delete markers under a prefix, page after page, and keeps every object's current version", async () => {
    // Prepare
    const partition = 'clickstream_events/year=2026/month=12/day=07/hour=09';
    const bucket = fakeVersionedBucket(
      [
        { Key: `lake/${partition}/compacted_b.parquet`, VersionId: 'b1', IsLatest: true },
        { Key: `lake/${partition}/shardId-0_1_2.parquet`, VersionId: 'a1', IsLatest: false },
        { Key: `lake/${partition}/shardId-0_1_2.parquet`, VersionId: 'a0', IsLatest: false },
        { Key: 'lake/session_changes/year=2026/month=12/day=07/hour=09/x.parquet', VersionId: 'o1', IsLatest: false },
      ],
      [{ Key: `lake/${partition}/shardId-0_1_2.parquet`, VersionId: 'm1' }],
      2,
    );
    const store = s3ObjectStore(bucket.client, 'sdp-lake', 'lake/');

    // Act
    await store.purgeHistory(`${partition}/`);

    // Assess
    expect(bucket.deleted).toStrictEqual([
      [
        { Key: `lake/${partition}/shardId-0_1_2.parquet`, VersionId: 'a1' },
        { Key: `lake/${partition}/shardId-0_1_2.parquet`, VersionId: 'a0' },
        { Key: `lake/${partition}/shardId-0_1_2.parquet`, VersionId: 'm1' },
      ],
    ]);
    expect(bucket.listed).toHaveLength(2);
  });
});
