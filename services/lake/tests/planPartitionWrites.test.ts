import { filterStored } from '../src/domain/filterStored.js';
import { partitionOf } from '../src/domain/partitionOf.js';
import { planPartitionWrites } from '../src/domain/planPartitionWrites.js';
import { LANDED_AT, SHARD_0, SHARD_1, rawRecord, sequenceOf } from './support/records.js';

const HOUR_6 = 'bids/year=2026/month=11/day=22/hour=06';
const HOUR_7 = 'bids/year=2026/month=11/day=22/hour=07';

describe('partitionOf', () => {
  it('cuts UTC hours in Hive style', () => {
    // Act / Assess
    expect(partitionOf('bids', Date.parse('2026-01-02T03:59:59.999Z'))).toBe('bids/year=2026/month=01/day=02/hour=03');
  });
});

describe('planPartitionWrites', () => {
  it('groups rows by table, hour and shard, each with the range of sequence numbers it covers', () => {
    // Prepare
    const records = [
      rawRecord(1, 'bid', '2026-11-22T06:59:59.000Z'),
      rawRecord(2, 'bid', '2026-11-22T07:00:00.000Z'),
      rawRecord(3, 'imp', '2026-11-22T07:00:00.500Z'),
      rawRecord(4, 'bid', '2026-11-22T06:59:59.900Z'),
      rawRecord(5, 'bid', '2026-11-22T07:00:01.000Z', { shardId: SHARD_1 }),
      { shardId: SHARD_0, sequenceNumber: sequenceOf(6), data: 'garbage' },
    ];

    // Act
    const { writes, skipped } = planPartitionWrites('raw', records, LANDED_AT);

    // Assess
    expect(
      writes.map(({ partition, range, rows }) => ({ partition, range, rows: rows.map((row) => row.tx_id) })),
    ).toStrictEqual([
      {
        partition: HOUR_6,
        range: { shardId: SHARD_0, first: sequenceOf(1), last: sequenceOf(4) },
        rows: ['tx-1', 'tx-4'],
      },
      { partition: HOUR_7, range: { shardId: SHARD_0, first: sequenceOf(2), last: sequenceOf(2) }, rows: ['tx-2'] },
      {
        partition: 'impressions/year=2026/month=11/day=22/hour=07',
        range: { shardId: SHARD_0, first: sequenceOf(3), last: sequenceOf(3) },
        rows: ['tx-3'],
      },
      { partition: HOUR_7, range: { shardId: SHARD_1, first: sequenceOf(5), last: sequenceOf(5) }, rows: ['tx-5'] },
    ]);
    expect(skipped).toStrictEqual([{ sequenceNumber: sequenceOf(6), reason: 'the record is not JSON' }]);
  });
});

describe('filterStored', () => {
  const write = planPartitionWrites(
    'raw',
    [1, 2, 3, 4].map((n) => rawRecord(n, 'bid', '2026-11-22T06:00:00.000Z')),
    LANDED_AT,
  ).writes[0]!;

  it('keeps a write none of whose rows is stored', () => {
    // Act / Assess
    expect(filterStored(write, [{ shardId: SHARD_1, first: sequenceOf(1), last: sequenceOf(4) }])).toBe(write);
  });

  it('drops a re-delivered write whose rows are all stored', () => {
    // Act / Assess
    expect(filterStored(write, [{ shardId: SHARD_0, first: sequenceOf(1), last: sequenceOf(4) }])).toBeUndefined();
  });

  it('keeps only the new rows of a longer re-delivery, under a range that starts at the first new row', () => {
    // Act
    const missing = filterStored(write, [{ shardId: SHARD_0, first: sequenceOf(1), last: sequenceOf(2) }]);

    // Assess
    expect(missing?.range).toStrictEqual({ shardId: SHARD_0, first: sequenceOf(3), last: sequenceOf(4) });
    expect(missing?.rows.map((row) => row.tx_id)).toStrictEqual(['tx-3', 'tx-4']);
  });
});
