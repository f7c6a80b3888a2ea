import path from 'node:path';
import { lakeTable, readPartitionState, readTablePartitions, type LakeTable } from '@sdp/shared-lake';
import { decodeParquet, encodeParquet, readTextColumn } from '../src/adapters/parquetCodec.js';
import { compactionId } from '../src/domain/compaction.js';
import { eraseLakeUsers, type EraseLakeUsersDeps } from '../src/domain/eraseLakeUsers.js';
import { lakeFixture } from './support/lakeFixture.js';
import { SHARD_0, sequenceOf } from './support/records.js';

const HOUR_6 = 'clickstream_events/year=2026/month=11/day=22/hour=06';
const HOUR_7 = 'clickstream_events/year=2026/month=11/day=22/hour=07';
const USER_TABLES = [lakeTable('clickstream_events'), lakeTable('session_changes')];

/** A clickstream record of `user`, received in the given hour of 2026-11-22 */
const clickRecord = (n: number, user: string, hour: number) => ({
  shardId: SHARD_0,
  sequenceNumber: sequenceOf(n),
  data: JSON.stringify({
    schema_version: 1,
    event_id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    received_at: `2026-11-22T${String(hour).padStart(2, '0')}:10:${String(n).padStart(2, '0')}.000Z`,
    type: 'clickstream',
    data: { user_id: user, event_timestamp: Date.parse('2026-11-22T06:00:00.000Z') + n, event_name: 'detail' },
  }),
});

describe('eraseLakeUsers', () => {
  let lake: Awaited<ReturnType<typeof lakeFixture>>;
  const purged: string[] = [];
  const deps = (): EraseLakeUsersDeps => ({
    tables: USER_TABLES,
    readTablePartitions: (table) => readTablePartitions(lake.store, table.name),
    readUserIds: async (key) => readTextColumn((await lake.store.get(key))!, 'user_id'),
    rewriteDeps: (table: LakeTable) => ({
      readState: (key) => readPartitionState(lake.store, key),
      readRows: async (key) => decodeParquet(table, (await lake.store.get(key))!),
      writeRows: (key, rows) => lake.store.put(key, encodeParquet(table, rows)),
      put: (key, body) => lake.store.put(key, body),
      delete: (keys) => lake.store.delete(keys),
      now: () => new Date('2026-11-22T08:00:00.000Z'),
    }),
    purgeHistory: async (partition) => void purged.push(partition),
  });
  const usersIn = async (partition: string) =>
    (await lake.readPartition(partition, 'clickstream_events')).map((row) => row.user_id);

  beforeEach(async () => {
    lake = await lakeFixture();
    purged.length = 0;
    // Hour 6: two batches, u1 in both; hour 7: one batch of u2 only.
    await lake.land('clickstream', [clickRecord(1, 'u1', 6), clickRecord(2, 'u2', 6)]);
    await lake.land('clickstream', [clickRecord(3, 'u1', 6), clickRecord(4, 'u3', 6)]);
    await lake.land('clickstream', [clickRecord(5, 'u2', 7)]);
  });

  afterEach(async () => {
    await lake.dispose();
  });

  it("rewrites only the partitions that hold the users' rows, without them, and counts what it removed", async () => {
    // Act
    const result = await eraseLakeUsers(['u1', 'u9'], deps());

    // Assess
    expect(result).toStrictEqual({
      removed: {
        u1: { clickstream_events: 2, session_changes: 0, partitions_rewritten: 1 },
        u9: { clickstream_events: 0, session_changes: 0, partitions_rewritten: 0 },
      },
    });
    expect((await usersIn(HOUR_6)).sort()).toStrictEqual(['u2', 'u3']);
    expect(await usersIn(HOUR_7)).toStrictEqual(['u2']);
    expect((await readPartitionState(lake.store, HOUR_6)).visible).toHaveLength(1);
    expect(purged).toStrictEqual([HOUR_6]);
  });

  it('keeps the stored ranges, so a re-delivered batch of the erased rows lands nothing', async () => {
    // Prepare
    await eraseLakeUsers(['u1'], deps());

    // Act
    await lake.land('clickstream', [clickRecord(1, 'u1', 6), clickRecord(2, 'u2', 6)]);

    // Assess
    expect((await usersIn(HOUR_6)).sort()).toStrictEqual(['u2', 'u3']);
  });

  it("leaves an empty partition readable when it held only the users' rows, and a second erasure changes nothing", async () => {
    // Act
    await eraseLakeUsers(['u2'], deps());
    const again = await eraseLakeUsers(['u2'], deps());

    // Assess
    expect(await usersIn(HOUR_7)).toStrictEqual([]);
    expect((await readPartitionState(lake.store, HOUR_7)).visible).toHaveLength(1);
    expect(again).toStrictEqual({
      removed: { u2: { clickstream_events: 0, session_changes: 0, partitions_rewritten: 0 } },
    });
  });

  it('shows readers the old files until the rewrite commits, and completes when run again after a crash', async () => {
    // Prepare: a rewrite that wrote its output (with the row it should drop, as a plain compaction of
    // the same files would) and died before its manifest
    const before = await readPartitionState(lake.store, HOUR_6);
    const inputs = before.visible.map((key) => path.basename(key));
    await lake.store.put(`${HOUR_6}/compacted_${compactionId(inputs, 'erasure')}.parquet`, new Uint8Array([1, 2]));
    const afterCrash = await usersIn(HOUR_6);
    await lake.compact(HOUR_6, 'clickstream_events');
    const compacted = await readPartitionState(lake.store, HOUR_6);

    // Act
    await eraseLakeUsers(['u1'], deps());

    // Assess: the crash left the old rows readable, the plain compaction's output is not the
    // rewrite's, and the run after the crash removed the user's rows
    expect(afterCrash.sort()).toStrictEqual(['u1', 'u1', 'u2', 'u3']);
    expect(compacted.visible).toStrictEqual([`${HOUR_6}/compacted_${compactionId(inputs)}.parquet`]);
    expect((await usersIn(HOUR_6)).sort()).toStrictEqual(['u2', 'u3']);
  });
});
