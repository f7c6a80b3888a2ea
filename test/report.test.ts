import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { validateAggregation, validateCampaignList, validateError, validatePeriodReport } from '@sdp/shared-contract';
import { localDynamoDbClient } from '@sdp/local-cloud';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';

const AGGREGATIONS_TABLE = 'sdp-aggregate-local-aggregations';

// A request may wait for an instance of its function to start: seconds beside other suites on 2 cores.
jest.setTimeout(60_000);

interface StoredWindow {
  campaignItemId: number;
  windowStart: string;
  bids: number;
  impressions: number;
  clicks: number;
  spend: number;
}

// Minute windows around the Paris spring change (Sunday 29 March 2026, 02:00 → 03:00 local). On the shared
// cloud, campaigns 1001–1004 and 999, March 2026 and January 2025 are this suite's alone (NAMESPACES.report
// in test/support/namespaces.ts), so the lists of a time range below hold only these windows.
const windows: StoredWindow[] = [
  { campaignItemId: 1001, windowStart: '2026-03-28T22:59:00.000Z', bids: 10, impressions: 4, clicks: 1, spend: 40 },
  { campaignItemId: 1001, windowStart: '2026-03-28T23:00:00.000Z', bids: 20, impressions: 10, clicks: 2, spend: 100 },
  { campaignItemId: 1001, windowStart: '2026-03-29T12:00:00.000Z', bids: 30, impressions: 6, clicks: 3, spend: 60 },
  { campaignItemId: 1001, windowStart: '2026-03-29T22:00:00.000Z', bids: 40, impressions: 20, clicks: 0, spend: 200 },
  { campaignItemId: 1002, windowStart: '2026-03-29T12:05:00.000Z', bids: 5, impressions: 5, clicks: 5, spend: 5 },
  { campaignItemId: 1003, windowStart: '2026-03-29T13:00:00.000Z', bids: 100, impressions: 0, clicks: 0, spend: 0 },
  { campaignItemId: 1003, windowStart: '2026-03-30T00:00:00.000Z', bids: 1000, impressions: 0, clicks: 0, spend: 0 },
  { campaignItemId: 1004, windowStart: '2026-03-29T12:05:00.000Z', bids: 5, impressions: 0, clicks: 0, spend: 0 },
];

/** The item the aggregate service stores for a window, with its shard bookkeeping. */
function itemOf(window: StoredWindow) {
  const windowEnd = new Date(Date.parse(window.windowStart) + 60_000).toISOString();
  return {
    campaign_item_id: { N: String(window.campaignItemId) },
    window_start: { S: window.windowStart },
    window_end: { S: windowEnd },
    window_day: { S: window.windowStart.slice(0, 10) },
    bids: { N: String(window.bids) },
    impressions: { N: String(window.impressions) },
    clicks: { N: String(window.clicks) },
    spend: { N: String(window.spend) },
    updated_at: { S: windowEnd },
    period_minutes: { N: '1' },
  };
}

const MARCH = { from: '2026-03-28T00:00:00Z', to: '2026-03-31T00:00:00Z' };

describe('report through the local cloud', () => {
  let cloud: TestCloud;

  const get = async (path: string, query: Record<string, string> = {}) => {
    const search = new URLSearchParams(query).toString();
    const response = await cloud.fetch(path + (search ? `?${search}` : ''));
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    cloud = await sharedTestCloud();
    const dynamoDb = localDynamoDbClient(cloud.dynamoDbEndpoint);
    for (const window of windows)
      await dynamoDb.send(new PutItemCommand({ TableName: AGGREGATIONS_TABLE, Item: itemOf(window) }));
    dynamoDb.destroy();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  describe('GET /reports/campaigns/{campaign_item_id}', () => {
    it('answers a campaign’s all-time totals and rates', async () => {
      // Act
      const response = await get('/reports/campaigns/1001');

      // Assess
      expect(response).toStrictEqual({
        status: 200,
        body: { campaign_item_id: 1001, bids: 100, impressions: 40, clicks: 6, spend: 400, ctr: 0.15, win_rate: 0.4 },
      });
      expect(validateAggregation(response.body)).toBe(true);
    });

    it('answers zeros for a campaign with no data', async () => {
      // Act
      const response = await get('/reports/campaigns/999');

      // Assess
      expect(response).toStrictEqual({
        status: 200,
        body: { campaign_item_id: 999, bids: 0, impressions: 0, clicks: 0, spend: 0, ctr: 0, win_rate: 0 },
      });
      expect(validateAggregation(response.body)).toBe(true);
    });
  });

  describe('GET /reports/campaigns/{campaign_item_id}/period', () => {
    it('sums UTC days, latest first by default', async () => {
      // Act
      const response = await get('/reports/campaigns/1001/period', MARCH);

      // Assess
      expect(response).toStrictEqual({
        status: 200,
        body: {
          campaign_item_id: 1001,
          period: 'day',
          timezone: 'UTC',
          from: '2026-03-28T00:00:00.000Z',
          to: '2026-03-31T00:00:00.000Z',
          desc: true,
          buckets: [
            {
              campaign_item_id: 1001,
              period: '2026-03-29T00:00:00+00:00',
              bids: 70,
              impressions: 26,
              clicks: 3,
              spend: 260,
              ctr: 3 / 26,
              win_rate: 26 / 70,
            },
            {
              campaign_item_id: 1001,
              period: '2026-03-28T00:00:00+00:00',
              bids: 30,
              impressions: 14,
              clicks: 3,
              spend: 140,
              ctr: 3 / 14,
              win_rate: 14 / 30,
            },
          ],
        },
      });
      expect(validatePeriodReport(response.body)).toBe(true);
    });

    it('cuts Paris days at local midnight across the clock change, earliest first with desc=false', async () => {
      // Act
      const response = await get('/reports/campaigns/1001/period', {
        ...MARCH,
        timezone: 'Europe/Paris',
        desc: 'false',
      });

      // Assess
      expect(response.status).toBe(200);
      expect(validatePeriodReport(response.body)).toBe(true);
      expect(response.body).toMatchObject({ timezone: 'Europe/Paris', desc: false });
      expect(response.body.buckets).toStrictEqual([
        {
          campaign_item_id: 1001,
          period: '2026-03-28T00:00:00+01:00',
          bids: 10,
          impressions: 4,
          clicks: 1,
          spend: 40,
          ctr: 0.25,
          win_rate: 0.4,
        },
        {
          campaign_item_id: 1001,
          period: '2026-03-29T00:00:00+01:00',
          bids: 50,
          impressions: 16,
          clicks: 5,
          spend: 160,
          ctr: 5 / 16,
          win_rate: 16 / 50,
        },
        {
          campaign_item_id: 1001,
          period: '2026-03-30T00:00:00+02:00',
          bids: 40,
          impressions: 20,
          clicks: 0,
          spend: 200,
          ctr: 0,
          win_rate: 0.5,
        },
      ]);
    });

    it('counts hours of windows starting in [from, to): from included, to left out', async () => {
      // Act
      const response = await get('/reports/campaigns/1001/period', {
        period: 'hour',
        from: '2026-03-28T23:00:00Z',
        to: '2026-03-29T22:00:00Z',
      });

      // Assess
      expect(response).toStrictEqual({
        status: 200,
        body: {
          campaign_item_id: 1001,
          period: 'hour',
          timezone: 'UTC',
          from: '2026-03-28T23:00:00.000Z',
          to: '2026-03-29T22:00:00.000Z',
          desc: true,
          buckets: [
            {
              campaign_item_id: 1001,
              period: '2026-03-29T12:00:00+00:00',
              bids: 30,
              impressions: 6,
              clicks: 3,
              spend: 60,
              ctr: 0.5,
              win_rate: 0.2,
            },
            {
              campaign_item_id: 1001,
              period: '2026-03-28T23:00:00+00:00',
              bids: 20,
              impressions: 10,
              clicks: 2,
              spend: 100,
              ctr: 0.2,
              win_rate: 0.5,
            },
          ],
        },
      });
      expect(validatePeriodReport(response.body)).toBe(true);
    });

    it('answers Paris hours with the offset in force, and reads an unescaped + offset', async () => {
      // Act: a + left unescaped in a query string arrives as a space
      const response = await cloud.fetch(
        `/reports/campaigns/1001/period?period=hour&timezone=Europe/Paris&from=2026-03-29T00:00:00+01:00&to=2026-03-30T00:00:00+02:00`,
      );
      const body = (await response.json()) as { from: string; to: string; buckets: { period: string; bids: number }[] };

      // Assess
      expect(response.status).toBe(200);
      expect(validatePeriodReport(body)).toBe(true);
      expect({
        from: body.from,
        to: body.to,
        buckets: body.buckets.map(({ period, bids }) => ({ period, bids })),
      }).toStrictEqual({
        from: '2026-03-28T23:00:00.000Z',
        to: '2026-03-29T22:00:00.000Z',
        buckets: [
          { period: '2026-03-29T14:00:00+02:00', bids: 30 },
          { period: '2026-03-29T00:00:00+01:00', bids: 20 },
        ],
      });
    });

    it('answers no buckets for a campaign with no data, with the seed defaults', async () => {
      // Act
      const response = await get('/reports/campaigns/999/period');

      // Assess
      expect(response.status).toBe(200);
      expect(validatePeriodReport(response.body)).toBe(true);
      expect({ ...response.body, to: 'now' }).toStrictEqual({
        campaign_item_id: 999,
        period: 'day',
        timezone: 'UTC',
        from: '1970-01-01T00:00:00.000Z',
        to: 'now',
        desc: true,
        buckets: [],
      });
    });
  });

  describe('GET /reports/campaigns', () => {
    const DAY = { from: '2026-03-29T00:00:00Z', to: '2026-03-30T00:00:00Z' };

    it('ranks the campaigns active in the range by bids, ties by id, with totals over the range only', async () => {
      // Act
      const response = await get('/reports/campaigns', DAY);

      // Assess
      expect(response).toStrictEqual({
        status: 200,
        body: {
          from: '2026-03-29T00:00:00.000Z',
          to: '2026-03-30T00:00:00.000Z',
          sort: 'bids',
          desc: true,
          campaigns: [
            { campaign_item_id: 1003, bids: 100, impressions: 0, clicks: 0, spend: 0, ctr: 0, win_rate: 0 },
            {
              campaign_item_id: 1001,
              bids: 70,
              impressions: 26,
              clicks: 3,
              spend: 260,
              ctr: 3 / 26,
              win_rate: 26 / 70,
            },
            { campaign_item_id: 1002, bids: 5, impressions: 5, clicks: 5, spend: 5, ctr: 1, win_rate: 1 },
            { campaign_item_id: 1004, bids: 5, impressions: 0, clicks: 0, spend: 0, ctr: 0, win_rate: 0 },
          ],
        },
      });
      expect(validateCampaignList(response.body)).toBe(true);
    });

    it.each([
      ['ctr, top 2', { sort: 'ctr', limit: '2' }, [1002, 1001]],
      ['bids ascending, ties still by id', { sort: 'bids', desc: 'false' }, [1002, 1004, 1001, 1003]],
      ['spend, top 1', { sort: 'spend', limit: '1' }, [1001]],
    ])('ranks by %s', async (_, query, expected) => {
      // Act
      const response = await get('/reports/campaigns', { ...DAY, ...query });

      // Assess
      expect(response.status).toBe(200);
      expect(validateCampaignList(response.body)).toBe(true);
      expect((response.body.campaigns as { campaign_item_id: number }[]).map((c) => c.campaign_item_id)).toStrictEqual(
        expected,
      );
    });

    it('reads every UTC day the range touches', async () => {
      // Act: 23:00 UTC on the 28th to just after midnight on the 30th, three index partitions
      const response = await get('/reports/campaigns', {
        from: '2026-03-28T23:00:00Z',
        to: '2026-03-30T00:00:00.001Z',
        sort: 'bids',
      });

      // Assess
      expect(response.status).toBe(200);
      expect(
        (response.body.campaigns as { campaign_item_id: number; bids: number }[]).map(({ campaign_item_id, bids }) => [
          campaign_item_id,
          bids,
        ]),
      ).toStrictEqual([
        [1003, 1100],
        [1001, 90],
        [1002, 5],
        [1004, 5],
      ]);
    });

    it('answers no campaigns for a range without windows', async () => {
      // Act
      const response = await get('/reports/campaigns', { from: '2025-01-01T00:00:00Z', to: '2025-01-08T00:00:00Z' });

      // Assess
      expect(response).toStrictEqual({
        status: 200,
        body: {
          from: '2025-01-01T00:00:00.000Z',
          to: '2025-01-08T00:00:00.000Z',
          sort: 'bids',
          desc: true,
          campaigns: [],
        },
      });
    });
  });

  describe('malformed requests', () => {
    it.each([
      ['a campaign id that is not a number', '/reports/campaigns/abc', {}, 'campaign_item_id'],
      ['a negative campaign id', '/reports/campaigns/-1', {}, 'campaign_item_id'],
      ['a fractional campaign id', '/reports/campaigns/1.5', {}, 'campaign_item_id'],
      ['a campaign id over 2^53 - 1', '/reports/campaigns/9007199254740992', {}, 'campaign_item_id'],
      ['a query parameter on the totals', '/reports/campaigns/1001', { period: 'day' }, "'period'"],
      ['a bad campaign id in a period report', '/reports/campaigns/abc/period', {}, 'campaign_item_id'],
      [
        'an unknown period',
        '/reports/campaigns/1001/period',
        { period: 'year' },
        'period must be one of minute, hour, day, week, month',
      ],
      [
        'an unknown time zone',
        '/reports/campaigns/1001/period',
        { timezone: 'Mars/Olympus' },
        'timezone must be an IANA time zone',
      ],
      [
        'an unparseable from',
        '/reports/campaigns/1001/period',
        { from: 'yesterday' },
        'from must be an ISO 8601 date-time',
      ],
      [
        'an unparseable to',
        '/reports/campaigns/1001/period',
        { to: '2026-02-30T00:00:00Z' },
        'to must be an ISO 8601 date-time',
      ],
      [
        'from equal to to',
        '/reports/campaigns/1001/period',
        { from: '2026-03-29T00:00:00Z', to: '2026-03-29T00:00:00Z' },
        'from must be before to',
      ],
      [
        'a desc that is not true or false',
        '/reports/campaigns/1001/period',
        { desc: 'yes' },
        'desc must be true or false',
      ],
      [
        'an unknown parameter of a period report',
        '/reports/campaigns/1001/period',
        { tz: 'UTC' },
        "'tz' is not a query parameter",
      ],
      [
        'an unknown sort',
        '/reports/campaigns',
        { sort: 'revenue' },
        'sort must be one of bids, impressions, clicks, spend, ctr, win_rate',
      ],
      ['a limit of 0', '/reports/campaigns', { limit: '0' }, 'limit must be a whole number from 1 to 1000'],
      ['a limit of 1001', '/reports/campaigns', { limit: '1001' }, 'limit must be a whole number from 1 to 1000'],
      ['a list desc that is not true or false', '/reports/campaigns', { desc: '1' }, 'desc must be true or false'],
      ['an unparseable list from', '/reports/campaigns', { from: 'last week' }, 'from must be an ISO 8601 date-time'],
      [
        'a list range over 366 days',
        '/reports/campaigns',
        { from: '2025-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' },
        'at most 366 days apart',
      ],
      [
        'a list from after to',
        '/reports/campaigns',
        { from: '2026-03-02T00:00:00Z', to: '2026-03-01T00:00:00Z' },
        'from must be before to',
      ],
      ['an unknown parameter of the list', '/reports/campaigns', { top: '5' }, "'top' is not a query parameter"],
    ])('rejects %s with 400 invalid_request naming what to fix', async (_, path, query, hint) => {
      // Act
      const response = await get(path, query);

      // Assess
      expect({ status: response.status, code: response.body.code }).toStrictEqual({
        status: 400,
        code: 'invalid_request',
      });
      expect(validateError(response.body)).toBe(true);
      expect(response.body.message).toContain(hint);
    });
  });
});
