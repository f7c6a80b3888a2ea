import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { KinesisStreamEvent } from 'aws-lambda';
import { logger, readKinesisRecords, requiredEnv } from '@sdp/shared';
import { readPartitionState } from '../adapters/lakeFiles.js';
import { objectStoreFromEnv } from '../adapters/objectStore.js';
import { encodeParquet } from '../adapters/parquetCodec.js';
import { dataFileName } from '../domain/dataFileName.js';
import { landBatch } from '../domain/landBatch.js';
import { parseLakeSource } from '../domain/parseLakeSource.js';
import { lakeTable } from '../domain/tables.js';

const store = objectStoreFromEnv(requiredEnv('LAKE_BUCKET'));
const source = parseLakeSource(requiredEnv('LAKE_SOURCE'));

/** Lands a batch of the raw, enriched or aggregates stream (LAKE_SOURCE) in the lake as Parquet. */
export const handler = middy<KinesisStreamEvent, void>()
  .use(injectLambdaContext(logger))
  .handler(async (event) => {
    const records = readKinesisRecords(event);
    const result = await landBatch(source, records, Date.now(), {
      readState: (partition) => readPartitionState(store, partition),
      writeFile: (write) => store.put(`${write.partition}/${dataFileName(write.range)}`, encodeParquet(lakeTable(write.table), write.rows)),
      log: (message, data) => logger.warn(message, data),
    });
    logger.info('batch landed in the lake', { source, records: records.length, ...result });
  });
