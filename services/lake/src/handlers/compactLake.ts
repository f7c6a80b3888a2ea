import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context } from 'aws-lambda';
import { LAKE_TABLES, objectStoreFromEnv, readPartitionState, readTablePartitions } from '@sdp/shared-lake';
import { logger, requiredEnv } from '@sdp/shared-runtime';
import { decodeParquet, encodeParquet } from '../adapters/parquetCodec.js';
import { partitionsToCompact } from '../domain/compaction.js';
import { compactPartition } from '../domain/compactPartition.js';

const store = objectStoreFromEnv(requiredEnv('LAKE_BUCKET'));
const settleMs = Number(requiredEnv('COMPACTION_SETTLE_MINUTES')) * 60_000;
/** Stop starting partitions this long before the function's timeout; the next run goes on. */
const RESERVE_MS = 60_000;

async function requiredObject(key: string): Promise<Uint8Array> {
  const body = await store.get(key);
  if (!body) throw new Error(`The lake file ${key} vanished during compaction; the next run starts over`);
  return body;
}

/** Scheduled: merges the small files of every closed hour of every lake table. */
export const handler = middy<unknown, void>()
  .use(injectLambdaContext(logger))
  .handler(async (_event, context: Context) => {
    for (const table of LAKE_TABLES) {
      const partitions = partitionsToCompact(await readTablePartitions(store, table.name), Date.now(), settleMs);
      for (const partition of partitions) {
        if (context.getRemainingTimeInMillis() < RESERVE_MS)
          return logger.info('compaction paused until the next run', { table: table.name, partition });
        const result = await compactPartition(partition, table.timeColumn, {
          readState: (key) => readPartitionState(store, key),
          readRows: async (key) => decodeParquet(table, await requiredObject(key)),
          writeRows: (key, rows) => store.put(key, encodeParquet(table, rows)),
          put: (key, body) => store.put(key, body),
          delete: (keys) => store.delete(keys),
          now: () => new Date(),
        });
        logger.info('partition compacted', { partition, ...result });
      }
    }
  });
