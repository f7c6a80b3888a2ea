import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import {
  LAKE_TABLES,
  objectStoreFromEnv,
  readPartitionState,
  readTablePartitions,
  type LakeTable,
} from '@sdp/shared-lake';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import type { EraseUsersRequest, EraseUsersResult } from '@sdp/shared-streams';
import { decodeParquet, encodeParquet, readTextColumn } from '../adapters/parquetCodec.js';
import { partitionsToCompact } from '../domain/compaction.js';
import { compactPartition, type CompactPartitionDeps } from '../domain/compactPartition.js';
import { eraseLakeUsers } from '../domain/eraseLakeUsers.js';

const store = objectStoreFromEnv(requiredEnv('LAKE_BUCKET'));
const settleMs = Number(requiredEnv('COMPACTION_SETTLE_MINUTES')) * 60_000;
/** Stop starting partitions this long before the function's timeout; the next run goes on. */
const RESERVE_MS = 60_000;
/** The tables that hold users' rows: the ones an erasure rewrites. */
const USER_TABLES = LAKE_TABLES.filter((table) => table.columns.some((column) => column.name === 'user_id'));

async function requiredObject(key: string): Promise<Uint8Array> {
  const body = await store.get(key);
  if (!body) throw new Error(`The lake file ${key} vanished during compaction; the next run starts over`);
  return body;
}

const rewriteDeps = (table: LakeTable): CompactPartitionDeps => ({
  readState: (key) => readPartitionState(store, key),
  readRows: async (key) => decodeParquet(table, await requiredObject(key)),
  writeRows: (key, rows) => store.put(key, encodeParquet(table, rows)),
  put: (key, body) => store.put(key, body),
  delete: (keys) => store.delete(keys),
  now: () => new Date(),
});

const isErasure = (event: unknown): event is EraseUsersRequest =>
  Array.isArray((event as Partial<EraseUsersRequest> | null)?.erase_users);

/**
 * Scheduled: merges the small files of every closed hour of every lake table. Invoked by the erasure
 * with `{ erase_users }`: rewrites every partition that holds their rows without them. One function
 * for both, with one instance at most, so that a rewrite and a compaction never interleave.
 */
export const handler = middy<unknown, EraseUsersResult | void>()
  .use(injectLambdaContext(logger))
  .handler(async (event, context: Context) => {
    if (isErasure(event))
      return eraseLakeUsers(event.erase_users, {
        tables: USER_TABLES,
        readTablePartitions: (table) => readTablePartitions(store, table.name),
        readUserIds: async (key) => readTextColumn(await requiredObject(key), 'user_id'),
        rewriteDeps,
        purgeHistory: (partition) => store.purgeHistory(`${partition}/`),
      });
    for (const table of LAKE_TABLES) {
      const partitions = partitionsToCompact(await readTablePartitions(store, table.name), Date.now(), settleMs);
      for (const partition of partitions) {
        if (context.getRemainingTimeInMillis() < RESERVE_MS)
          return logger.info('compaction paused until the next run', { table: table.name, partition });
        const result = await compactPartition(partition, table.timeColumn, rewriteDeps(table));
        logger.info('partition compacted', { partition, ...result });
      }
    }
  });
