import { validatePeriodReport } from '@sdp/shared-contract';
import { buildPeriodReport } from '../src/domain/buildPeriodReport.js';
import type { PeriodReportRequest } from '../src/domain/types.js';
import { windowAt } from './support/reportFixtures.js';

const request: PeriodReportRequest = {
  campaignItemId: 7,
  period: 'day',
  timeZone: 'Europe/Paris',
  from: new Date('2026-03-28T23:00:00.000Z'),
  to: new Date('2026-03-29T22:00:00.000Z'),
  desc: true,
};

describe('buildPeriodReport', () => {
  it('answers the request with the buckets of the windows starting in [from, to)', () => {
    // Prepare
    const windows = [
      windowAt('2026-03-28T22:59:59.999Z', { bids: 1 }), // before from
      windowAt('2026-03-28T23:00:00.000Z', { bids: 2, impressions: 1 }), // at from: counted
      windowAt('2026-03-29T21:59:00.000Z', { bids: 2, impressions: 1, clicks: 1, spend: 9 }),
      windowAt('2026-03-29T22:00:00.000Z', { bids: 8 }), // at to: left out
      windowAt('2026-03-29T12:00:00.000Z', { campaignItemId: 8, bids: 16 }), // another campaign
    ];

    // Act
    const report = buildPeriodReport(request, windows);

    // Assess
    expect(report).toStrictEqual({
      campaign_item_id: 7,
      period: 'day',
      timezone: 'Europe/Paris',
      from: '2026-03-28T23:00:00.000Z',
      to: '2026-03-29T22:00:00.000Z',
      desc: true,
      buckets: [
        {
          campaign_item_id: 7,
          period: '2026-03-29T00:00:00+01:00',
          bids: 4,
          impressions: 2,
          clicks: 1,
          spend: 9,
          ctr: 0.5,
          win_rate: 0.5,
        },
      ],
    });
  });

  it('answers a body the contract accepts as a PeriodReport', () => {
    // Prepare
    const report = buildPeriodReport(request, [windowAt('2026-03-29T10:00:00.000Z', { bids: 3, impressions: 1 })]);

    // Act
    const valid = validatePeriodReport(JSON.parse(JSON.stringify(report)));

    // Assess
    expect({ valid, errors: validatePeriodReport.errors ?? [] }).toStrictEqual({ valid: true, errors: [] });
  });
});
