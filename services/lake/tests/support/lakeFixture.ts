import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { decodeParquet, encodeParquet } from '../../src/adapters/parquetCodec.js';
import { compactPartition } from '../../src/domain/compactPartition.js';
import { landBatch } from '../../src/domain/landBatch.js';
import type { LakeSource, SourceRecord } from '../../src/domain/types.js';
import { LANDED_AT } from './records.js';
import {
  dataFileName,
  directoryObjectStore,
  lakeTable,
  readPartitionState,
  type LakeTableName,
  type ObjectStore,
} from '@sdp/shared-lake';

/** A lake in a throw-away directory, written and compacted with the real adapters. */
export async function lakeFixture() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sdp-lake-'));
  const store = directoryObjectStore(dir);
  return {
    dir,
    store,
    land: (source: LakeSource, records: readonly SourceRecord[]) =>
      landBatch(source, records, LANDED_AT, landDeps(store)),
    compact: (partition: string, table: LakeTableName, now = new Date()) =>
      compactPartition(partition, lakeTable(table).timeColumn, {
        readState: (key) => readPartitionState(store, key),
        readRows: async (key) => decodeParquet(lakeTable(table), (await store.get(key))!),
        writeRows: (key, rows) => store.put(key, encodeParquet(lakeTable(table), rows)),
        put: (key, body) => store.put(key, body),
        delete: (keys) => store.delete(keys),
        now: () => now,
      }),
    /** Every row a reader sees in a partition, in file order */
    readPartition: async (partition: string, table: LakeTableName) => {
      const { visible } = await readPartitionState(store, partition);
      return (
        await Promise.all(visible.map(async (key) => decodeParquet(lakeTable(table), (await store.get(key))!)))
      ).flat();
    },
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}

export function landDeps(store: ObjectStore) {
  return {
    readState: (partition: string) => readPartitionState(store, partition),
    writeFile: async (write: Parameters<Parameters<typeof landBatch>[3]['writeFile']>[0]) =>
      store.put(`${write.partition}/${dataFileName(write.range)}`, encodeParquet(lakeTable(write.table), write.rows)),
    log: () => undefined,
  };
}
