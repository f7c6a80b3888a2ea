import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { compactionId, partitionsToCompact } from '../src/domain/compaction.js';
import { lakeFixture } from './support/lakeFixture.js';
import { rawRecord } from './support/records.js';
import { readPartitionState, readTablePartitions } from '@sdp/shared-lake';

const HOUR_6 = 'bids/year=2026/month=11/day=22/hour=06';
const bid = (n: number) => rawRecord(n, 'bid', `2026-11-22T06:${String(59 - n).padStart(2, '0')}:00.000Z`);

describe('compactPartition', () => {
  let lake: Awaited<ReturnType<typeof lakeFixture>>;

  beforeEach(async () => {
    lake = await lakeFixture();
    for (const n of [1, 2, 3, 4]) await lake.land('raw', [bid(n)]);
  });

  afterEach(async () => {
    await lake.dispose();
  });

  it('merges the files of a partition into one, every row exactly once, sorted by event time', async () => {
    // Act
    const result = await lake.compact(HOUR_6, 'bids');

    // Assess
    expect(result).toStrictEqual({ inputs: 4, rows: 4, deleted: 4 });
    const { visible } = await readPartitionState(lake.store, HOUR_6);
    expect(visible).toHaveLength(1);
    expect((await lake.readPartition(HOUR_6, 'bids')).map((row) => row.tx_id)).toStrictEqual([
      'tx-4',
      'tx-3',
      'tx-2',
      'tx-1',
    ]);
    expect((await readdir(path.join(lake.dir, HOUR_6))).sort()).toStrictEqual([
      '_compactions',
      path.basename(visible[0]!),
    ]);
  });

  it('never shows a reader a missing or doubled row when a run stops before its commit or before its clean-up', async () => {
    // Prepare: a run that wrote its merged file but died before writing the manifest
    const before = await readPartitionState(lake.store, HOUR_6);
    const id = compactionId(before.visible.map((key) => path.basename(key)));
    await lake.store.put(`${HOUR_6}/compacted_${id}.parquet`, new Uint8Array([1, 2, 3]));

    // Act / Assess: readers still read the four inputs, not the unfinished file
    expect((await readPartitionState(lake.store, HOUR_6)).visible).toStrictEqual(before.visible);
    expect(await lake.readPartition(HOUR_6, 'bids')).toHaveLength(4);

    // Act: the next run overwrites it and commits
    await lake.compact(HOUR_6, 'bids');

    // Assess
    expect((await lake.readPartition(HOUR_6, 'bids')).map((row) => row.tx_id).sort()).toStrictEqual([
      'tx-1',
      'tx-2',
      'tx-3',
      'tx-4',
    ]);
  });

  it('merges late files into the compacted one on the next run', async () => {
    // Prepare
    await lake.compact(HOUR_6, 'bids');
    await lake.land('raw', [bid(5)]);

    // Act
    await lake.compact(HOUR_6, 'bids');

    // Assess
    expect((await readPartitionState(lake.store, HOUR_6)).visible).toHaveLength(1);
    expect((await lake.readPartition(HOUR_6, 'bids')).map((row) => row.tx_id)).toStrictEqual([
      'tx-5',
      'tx-4',
      'tx-3',
      'tx-2',
      'tx-1',
    ]);
  });
});

describe('partitionsToCompact', () => {
  it('picks closed hours past the settle time with several files or left-over garbage', async () => {
    // Prepare
    const state = (visible: number, garbage = 0) => ({
      visible: Array.from({ length: visible }, (_, i) => `f${i}`),
      stored: [],
      garbage: Array.from({ length: garbage }, (_, i) => `g${i}`),
    });
    const states = new Map([
      ['bids/year=2026/month=11/day=22/hour=05', state(3)],
      ['bids/year=2026/month=11/day=22/hour=04', state(1)],
      ['bids/year=2026/month=11/day=22/hour=03', state(1, 2)],
      ['bids/year=2026/month=11/day=22/hour=06', state(5)],
    ]);

    // Act
    const picked = partitionsToCompact(states, Date.parse('2026-11-22T07:05:00Z'), 10 * 60_000);

    // Assess: hour 06 closed at 07:00 but settles until 07:10
    expect(picked).toStrictEqual(['bids/year=2026/month=11/day=22/hour=03', 'bids/year=2026/month=11/day=22/hour=05']);
  });

  it('reads the partitions of a table from one listing', async () => {
    // Prepare
    const lake = await lakeFixture();
    await lake.land('raw', [bid(1), rawRecord(9, 'bid', '2026-11-22T08:00:00.000Z')]);

    // Act
    const partitions = await readTablePartitions(lake.store, 'bids');

    // Assess
    expect([...partitions.keys()]).toStrictEqual([HOUR_6, 'bids/year=2026/month=11/day=22/hour=08']);
    await lake.dispose();
  });
});
