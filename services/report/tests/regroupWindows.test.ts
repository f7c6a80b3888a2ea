import { regroupWindows } from '../src/domain/regroupWindows.js';
import { windowAt } from './support/reportFixtures.js';

const zeros = { bids: 0, impressions: 0, clicks: 0, spend: 0, ctr: 0, win_rate: 0 };

describe('regroupWindows', () => {
  it('sums the windows of each UTC day and sorts the latest day first', () => {
    // Prepare
    const windows = [
      windowAt('2026-11-21T23:59:00.000Z', { bids: 4, impressions: 2, clicks: 1, spend: 30 }),
      windowAt('2026-11-22T00:00:00.000Z', { bids: 10, impressions: 5 }),
      windowAt('2026-11-22T12:30:00.000Z', { bids: 10, impressions: 3, clicks: 2, spend: 70 }),
    ];

    // Act
    const buckets = regroupWindows(windows, { campaignItemId: 7, period: 'day', timeZone: 'UTC', desc: true });

    // Assess
    expect(buckets).toStrictEqual([
      {
        campaign_item_id: 7,
        period: '2026-11-22T00:00:00+00:00',
        bids: 20,
        impressions: 8,
        clicks: 2,
        spend: 70,
        ctr: 0.25,
        win_rate: 0.4,
      },
      {
        campaign_item_id: 7,
        period: '2026-11-21T00:00:00+00:00',
        bids: 4,
        impressions: 2,
        clicks: 1,
        spend: 30,
        ctr: 0.5,
        win_rate: 0.5,
      },
    ]);
  });

  it('sorts the earliest bucket first when desc is false', () => {
    // Prepare
    const windows = [
      windowAt('2026-11-22T05:00:00.000Z', { bids: 1 }),
      windowAt('2026-11-22T03:00:00.000Z', { bids: 2 }),
      windowAt('2026-11-22T04:59:00.000Z', { bids: 3 }),
    ];

    // Act
    const buckets = regroupWindows(windows, { campaignItemId: 7, period: 'hour', timeZone: 'UTC', desc: false });

    // Assess
    expect(buckets).toStrictEqual([
      { campaign_item_id: 7, period: '2026-11-22T03:00:00+00:00', ...zeros, bids: 2 },
      { campaign_item_id: 7, period: '2026-11-22T04:00:00+00:00', ...zeros, bids: 3 },
      { campaign_item_id: 7, period: '2026-11-22T05:00:00+00:00', ...zeros, bids: 1 },
    ]);
  });

  it('cuts Paris days at local midnight across the spring change, so the UTC evening counts for the next day', () => {
    // Prepare
    const windows = [
      windowAt('2026-03-28T22:59:00.000Z', { bids: 1 }), // 23:59 +01:00 on the 28th
      windowAt('2026-03-28T23:00:00.000Z', { bids: 2 }), // 00:00 +01:00 on the 29th
      windowAt('2026-03-29T21:59:00.000Z', { bids: 4 }), // 23:59 +02:00 on the 29th
      windowAt('2026-03-29T22:00:00.000Z', { bids: 8 }), // 00:00 +02:00 on the 30th
    ];

    // Act
    const buckets = regroupWindows(windows, {
      campaignItemId: 7,
      period: 'day',
      timeZone: 'Europe/Paris',
      desc: false,
    });

    // Assess
    expect(buckets).toStrictEqual([
      { campaign_item_id: 7, period: '2026-03-28T00:00:00+01:00', ...zeros, bids: 1 },
      { campaign_item_id: 7, period: '2026-03-29T00:00:00+01:00', ...zeros, bids: 6 },
      { campaign_item_id: 7, period: '2026-03-30T00:00:00+02:00', ...zeros, bids: 8 },
    ]);
  });

  it('gives the Paris hour that happens twice in autumn two buckets, in time order', () => {
    // Prepare
    const windows = [
      windowAt('2026-10-24T23:59:00.000Z', { bids: 1 }), // 01:59 +02:00
      windowAt('2026-10-25T00:00:00.000Z', { bids: 2 }), // 02:00 +02:00
      windowAt('2026-10-25T00:59:00.000Z', { bids: 4 }), // 02:59 +02:00
      windowAt('2026-10-25T01:00:00.000Z', { bids: 8 }), // 02:00 +01:00
      windowAt('2026-10-25T02:00:00.000Z', { bids: 16 }), // 03:00 +01:00
    ];

    // Act
    const buckets = regroupWindows(windows, {
      campaignItemId: 7,
      period: 'hour',
      timeZone: 'Europe/Paris',
      desc: true,
    });

    // Assess
    expect(buckets).toStrictEqual([
      { campaign_item_id: 7, period: '2026-10-25T03:00:00+01:00', ...zeros, bids: 16 },
      { campaign_item_id: 7, period: '2026-10-25T02:00:00+01:00', ...zeros, bids: 8 },
      { campaign_item_id: 7, period: '2026-10-25T02:00:00+02:00', ...zeros, bids: 6 },
      { campaign_item_id: 7, period: '2026-10-25T01:00:00+02:00', ...zeros, bids: 1 },
    ]);
  });

  it('puts a week that spans a month boundary in one bucket, starting on its Monday', () => {
    // Prepare: Monday 28 September to Sunday 4 October 2026 in New York
    const windows = [
      windowAt('2026-09-28T04:00:00.000Z', { clicks: 1 }), // Monday 00:00 -04:00
      windowAt('2026-09-30T20:00:00.000Z', { clicks: 2 }),
      windowAt('2026-10-01T04:00:00.000Z', { clicks: 4 }),
      windowAt('2026-10-05T03:59:00.000Z', { clicks: 8 }), // Sunday 23:59 -04:00
      windowAt('2026-10-05T04:00:00.000Z', { clicks: 16 }), // next Monday
    ];

    // Act
    const buckets = regroupWindows(windows, {
      campaignItemId: 7,
      period: 'week',
      timeZone: 'America/New_York',
      desc: false,
    });

    // Assess
    expect(buckets).toStrictEqual([
      { campaign_item_id: 7, period: '2026-09-28T00:00:00-04:00', ...zeros, clicks: 15 },
      { campaign_item_id: 7, period: '2026-10-05T00:00:00-04:00', ...zeros, clicks: 16 },
    ]);
  });

  it('cuts months at local midnight in a non-UTC zone, each with the offset in force then', () => {
    // Prepare
    const windows = [
      windowAt('2026-10-31T23:30:00.000Z', { spend: 1 }), // 19:30 -04:00 on 31 October
      windowAt('2026-11-01T03:59:00.000Z', { spend: 2 }), // 23:59 -04:00 on 31 October
      windowAt('2026-11-01T04:00:00.000Z', { spend: 4 }), // 00:00 -04:00 on 1 November
      windowAt('2026-12-01T04:59:00.000Z', { spend: 8 }), // 23:59 -05:00 on 30 November
      windowAt('2026-12-01T05:00:00.000Z', { spend: 16 }), // 00:00 -05:00 on 1 December
    ];

    // Act
    const buckets = regroupWindows(windows, {
      campaignItemId: 7,
      period: 'month',
      timeZone: 'America/New_York',
      desc: true,
    });

    // Assess
    expect(buckets).toStrictEqual([
      { campaign_item_id: 7, period: '2026-12-01T00:00:00-05:00', ...zeros, spend: 16 },
      { campaign_item_id: 7, period: '2026-11-01T00:00:00-04:00', ...zeros, spend: 12 },
      { campaign_item_id: 7, period: '2026-10-01T00:00:00-04:00', ...zeros, spend: 3 },
    ]);
  });

  it('keeps each minute window in its own minute bucket', () => {
    // Prepare
    const windows = [
      windowAt('2026-11-22T04:05:00.000Z', { bids: 1 }),
      windowAt('2026-11-22T04:06:00.000Z', { bids: 2 }),
    ];

    // Act
    const buckets = regroupWindows(windows, {
      campaignItemId: 7,
      period: 'minute',
      timeZone: 'Asia/Kathmandu',
      desc: false,
    });

    // Assess
    expect(buckets).toStrictEqual([
      { campaign_item_id: 7, period: '2026-11-22T09:50:00+05:45', ...zeros, bids: 1 },
      { campaign_item_id: 7, period: '2026-11-22T09:51:00+05:45', ...zeros, bids: 2 },
    ]);
  });

  it('answers no buckets for no windows', () => {
    // Act
    const buckets = regroupWindows([], { campaignItemId: 7, period: 'day', timeZone: 'UTC', desc: true });

    // Assess
    expect(buckets).toStrictEqual([]);
  });
});
