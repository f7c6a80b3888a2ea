import { lakeFixture } from './support/lakeFixture.js';
import { rawRecord } from './support/records.js';

const HOUR_6 = 'bids/year=2026/month=11/day=22/hour=06';
const bids = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => rawRecord(from + i, 'bid', '2026-11-22T06:30:00.000Z'));

describe('landBatch (Parquet files in a directory)', () => {
  let lake: Awaited<ReturnType<typeof lakeFixture>>;

  beforeEach(async () => {
    lake = await lakeFixture();
  });

  afterEach(async () => {
    await lake.dispose();
  });

  it('writes every row once and reads them back with their values', async () => {
    // Act
    const result = await lake.land('raw', bids(1, 3));

    // Assess
    expect(result).toStrictEqual({ files: 1, rows: 3, alreadyStored: 0, rejected: [] });
    const rows = await lake.readPartition(HOUR_6, 'bids');
    expect(rows.map((row) => [row.tx_id, row.received_at, row.campaign_item_id, row.win_price])).toStrictEqual([
      ['tx-1', Date.parse('2026-11-22T06:30:00.000Z'), 7, null],
      ['tx-2', Date.parse('2026-11-22T06:30:00.000Z'), 7, null],
      ['tx-3', Date.parse('2026-11-22T06:30:00.000Z'), 7, null],
    ]);
  });

  it('adds no row when the same batch is delivered again', async () => {
    // Prepare
    await lake.land('raw', bids(1, 3));

    // Act
    const again = await lake.land('raw', bids(1, 3));

    // Assess
    expect(again).toStrictEqual({ files: 0, rows: 0, alreadyStored: 3, rejected: [] });
    expect(await lake.readPartition(HOUR_6, 'bids')).toHaveLength(3);
  });

  it('adds only the new rows of a longer re-delivery, also after compaction', async () => {
    // Prepare
    await lake.land('raw', bids(1, 2));
    await lake.land('raw', bids(3, 4));
    await lake.compact(HOUR_6, 'bids');

    // Act
    const again = await lake.land('raw', bids(2, 6));

    // Assess
    expect(again).toStrictEqual({ files: 1, rows: 2, alreadyStored: 3, rejected: [] });
    const txIds = (await lake.readPartition(HOUR_6, 'bids')).map((row) => row.tx_id).sort();
    expect(txIds).toStrictEqual(['tx-1', 'tx-2', 'tx-3', 'tx-4', 'tx-5', 'tx-6']);
  });
});
