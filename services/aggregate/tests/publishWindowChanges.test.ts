import type { PutOutcome, StreamRecord } from '@sdp/shared-streams';
import { publishWindowChanges, type PublishWindowChangesOptions } from '../src/domain/publishWindowChanges.js';
import { SHARD_0 } from './support/enrichedEvents.js';

const storedWindow = (campaignItemId: number, bids: number) => ({
  campaign_item_id: campaignItemId,
  window_start: '2026-11-22T04:05:00.000Z',
  window_end: '2026-11-22T04:06:00.000Z',
  window_day: '2026-11-22',
  period_minutes: 1,
  bids,
  impressions: 1,
  clicks: 0,
  spend: 1250,
  updated_at: '2026-11-22T04:30:00.000Z',
});

const published = (campaignItemId: number, bids: number) => ({
  campaign_item_id: campaignItemId,
  window_start: '2026-11-22T04:05:00.000Z',
  window_end: '2026-11-22T04:06:00.000Z',
  bids,
  impressions: 1,
  clicks: 0,
  spend: 1250,
  updated_at: '2026-11-22T04:30:00.000Z',
});

describe('publishWindowChanges', () => {
  let written: { partitionKey: string; data: unknown }[];
  let logged: string[];
  let options: PublishWindowChangesOptions;
  const refuse = new Set<number>();

  beforeEach(() => {
    written = [];
    logged = [];
    refuse.clear();
    options = {
      write: async (records: readonly StreamRecord[]): Promise<PutOutcome[]> =>
        records.map((record, i) => {
          if (refuse.has(i))
            return {
              ok: false,
              errorCode: 'ProvisionedThroughputExceededException',
              errorMessage: 'Rate exceeded',
              retryable: true,
            };
          written.push({
            partitionKey: record.partitionKey,
            data: JSON.parse(Buffer.from(record.data).toString('utf8')),
          });
          return { ok: true, shardId: SHARD_0, sequenceNumber: String(i) };
        }),
      log: (message) => logged.push(message),
    };
  });

  it('publishes each new image as an AggregationWindow keyed by campaign, without the bookkeeping', async () => {
    // Act
    const result = await publishWindowChanges(
      [
        { sequenceNumber: '100', newImage: storedWindow(7, 1) },
        { sequenceNumber: '101', newImage: storedWindow(8, 2) },
      ],
      options,
    );

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], published: 2, skipped: 0 });
    expect(written).toStrictEqual([
      { partitionKey: '7', data: published(7, 1) },
      { partitionKey: '8', data: published(8, 2) },
    ]);
  });

  it('reports the changes the stream refused', async () => {
    // Prepare
    refuse.add(1);

    // Act
    const result = await publishWindowChanges(
      [
        { sequenceNumber: '100', newImage: storedWindow(7, 1) },
        { sequenceNumber: '101', newImage: storedWindow(8, 2) },
        { sequenceNumber: '102', newImage: storedWindow(9, 3) },
      ],
      options,
    );

    // Assess
    expect(result).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: '101' }],
      published: 2,
      skipped: 0,
      transient: true,
    });
    expect(logged).toStrictEqual(['the aggregates stream did not take a window; it will be re-delivered']);
  });

  it('skips removals and images that break the contract, and writes nothing when none is left', async () => {
    // Act
    const result = await publishWindowChanges(
      [
        { sequenceNumber: '100' },
        { sequenceNumber: '101', newImage: { ...storedWindow(7, 1), window_end: undefined } },
      ],
      options,
    );

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], published: 0, skipped: 2 });
    expect([written, logged]).toStrictEqual([[], ['skipped a window that breaks the AggregationWindow contract']]);
  });
});
