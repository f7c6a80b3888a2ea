import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { dataFileName, failedEventsFromEnv, lakeTable, logger, objectStoreFromEnv, processStreamBatch, readPartitionState, requiredEnv } from '@sdp/shared';
import { encodeParquet } from '../adapters/parquetCodec.js';
import { landBatch } from '../domain/landBatch.js';
import { parseLakeSource } from '../domain/parseLakeSource.js';

const store = objectStoreFromEnv(requiredEnv('LAKE_BUCKET'));
const source = parseLakeSource(requiredEnv('LAKE_SOURCE'));
const failedEvents = failedEventsFromEnv();
const log = (message: string, data: Record<string, unknown>) => logger.warn(message, data);

/** Lands a batch of the raw, enriched or aggregates stream (LAKE_SOURCE) in the lake as Parquet. */
export const handler = middy<KinesisStreamEvent, KinesisStreamBatchResponse>()
  .use(injectLambdaContext(logger))
  .handler((event) =>
    processStreamBatch(
      event,
      async (records) => {
        const { rejected, ...result } = await landBatch(source, records, Date.now(), {
          readState: (partition) => readPartitionState(store, partition),
          writeFile: (write) => store.put(`${write.partition}/${dataFileName(write.range)}`, encodeParquet(lakeTable(write.table), write.rows)),
          log,
        });
        logger.info('batch landed in the lake', { source, records: records.length, rejected: rejected.length, ...result });
        return { batchItemFailures: [], rejected };
      },
      { ...failedEvents, log },
    ),
  );
