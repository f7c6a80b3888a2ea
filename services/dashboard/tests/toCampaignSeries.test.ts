import { toCampaignSeries } from '../src/domain/toCampaignSeries.js';
import { minuteReportOf } from './support/dashboardFixtures.js';

const range = { from: new Date('2026-11-22T05:55:30.000Z'), to: new Date('2026-11-22T06:00:30.000Z') };
const minute = (hhmm: string) => Date.parse(`2026-11-22T${hhmm}:00.000Z`) / 1000;

describe('toCampaignSeries', () => {
  it('aligns the campaigns on every minute from the first counted one, zero where a campaign has no bucket', () => {
    // Prepare
    const reports = [minuteReportOf(7, { '05:57': 10, '05:59': 8, '06:00': 2 }), minuteReportOf(3, { '05:58': 4 })];

    // Act
    const series = toCampaignSeries(reports, range, 2);

    // Assess
    expect(series).toStrictEqual({
      minutes: ['05:57', '05:58', '05:59', '06:00'].map(minute),
      campaigns: [7, 3],
      bids: [
        [10, 0, 8, 2],
        [0, 4, 0, 0],
      ],
      impressions: [
        [5, 0, 4, 1],
        [0, 2, 0, 0],
      ],
      clicks: [
        [1, 0, 1, 1],
        [0, 1, 0, 0],
      ],
    });
  });

  it('starts at the first whole minute of the range when data goes back that far', () => {
    // Act
    const { minutes } = toCampaignSeries([minuteReportOf(7, { '05:56': 1 })], range, 2);

    // Assess
    expect(minutes).toStrictEqual(['05:56', '05:57', '05:58', '05:59', '06:00'].map(minute));
  });

  it('keeps the last minMinutes minutes when the data is younger, counting 0 before it', () => {
    // Act
    const series = toCampaignSeries([minuteReportOf(7, { '06:00': 4 })], range, 3);

    // Assess
    expect({ minutes: series.minutes, bids: series.bids }).toStrictEqual({
      minutes: ['05:58', '05:59', '06:00'].map(minute),
      bids: [[0, 0, 4]],
    });
  });

  it('has no minutes when no campaign counted anything', () => {
    // Act
    const series = toCampaignSeries([minuteReportOf(7, { '05:58': 0 })], range, 0);

    // Assess
    expect(series).toStrictEqual({ minutes: [], campaigns: [7], bids: [[]], impressions: [[]], clicks: [[]] });
  });
});
