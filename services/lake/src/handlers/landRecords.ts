import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { KinesisStreamEvent } from 'aws-lambda';
import { dataFileName, lakeTable, logger, objectStoreFromEnv, readKinesisRecords, readPartitionState, requiredEnv } from '@sdp/shared';
import { encodeParquet } from '../adapters/parquetCodec.js';
import { landBatch } from '../domain/landBatch.js';
import { parseLakeSource } from '../domain/parseLakeSource.js';

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
