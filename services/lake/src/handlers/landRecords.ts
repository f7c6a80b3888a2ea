import { dataFileName, lakeTable, objectStoreFromEnv, readPartitionState } from '@sdp/shared-lake';
import { requiredEnv } from '@sdp/shared-runtime';
import { streamConsumer } from '@sdp/shared-streams';
import { encodeParquet } from '../adapters/parquetCodec.js';
import { landBatch } from '../domain/landBatch.js';
import { parseLakeSource } from '../domain/parseLakeSource.js';

const store = objectStoreFromEnv(requiredEnv('LAKE_BUCKET'));
const source = parseLakeSource(requiredEnv('LAKE_SOURCE'));

/** Lands a batch of one stream (LAKE_SOURCE: raw, enriched, aggregates, clickstream, sessions, product windows) in the lake as Parquet. */
export const handler = streamConsumer(
  async (records, log) => {
    const { rejected, ...result } = await landBatch(source, records, Date.now(), {
      readState: (partition) => readPartitionState(store, partition),
      writeFile: (write) =>
        store.put(`${write.partition}/${dataFileName(write.range)}`, encodeParquet(lakeTable(write.table), write.rows)),
      log,
    });
    return { batchItemFailures: [], rejected, ...result };
  },
  {
    message: 'batch landed in the lake',
    counts: ({ rejected, batchItemFailures: _none, ...result }) => ({ source, rejected: rejected.length, ...result }),
  },
);
