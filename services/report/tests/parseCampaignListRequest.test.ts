import { parseCampaignListRequest } from '../src/domain/parseCampaignListRequest.js';
import { errorOf, invalidRequest } from './support/reportFixtures.js';

const now = new Date('2026-11-22T10:00:00.000Z');

describe('parseCampaignListRequest', () => {
  it('applies the defaults: the last 24 hours, by bids, most first, 100 campaigns', () => {
    // Act
    const request = parseCampaignListRequest(undefined, now);

    // Assess
    expect(request).toStrictEqual({
      from: new Date('2026-11-21T10:00:00.000Z'),
      to: now,
      sort: 'bids',
      desc: true,
      limit: 100,
    });
  });

  it('defaults from to 24 hours before a given to', () => {
    // Act
    const request = parseCampaignListRequest({ to: '2026-03-29T00:00:00+01:00' }, now);

    // Assess
    expect(request).toStrictEqual({
      from: new Date('2026-03-27T23:00:00.000Z'),
      to: new Date('2026-03-28T23:00:00.000Z'),
      sort: 'bids',
      desc: true,
      limit: 100,
    });
  });

  it('reads every parameter', () => {
    // Act
    const request = parseCampaignListRequest(
      { from: '2026-01-01T00:00:00Z', to: '2027-01-02T00:00:00Z', sort: 'win_rate', desc: 'false', limit: '1000' },
      now,
    );

    // Assess
    expect(request).toStrictEqual({
      from: new Date('2026-01-01T00:00:00.000Z'),
      to: new Date('2027-01-02T00:00:00.000Z'),
      sort: 'win_rate',
      desc: false,
      limit: 1000,
    });
  });

  it.each([
    [
      'an unknown sort',
      { sort: 'revenue' },
      "sort must be one of bids, impressions, clicks, spend, ctr, win_rate; got 'revenue'.",
    ],
    ['a limit of 0', { limit: '0' }, "limit must be a whole number from 1 to 1000; got '0'."],
    ['a limit over 1000', { limit: '1001' }, "limit must be a whole number from 1 to 1000; got '1001'."],
    ['a fractional limit', { limit: '2.5' }, "limit must be a whole number from 1 to 1000; got '2.5'."],
    ['a negative limit', { limit: '-3' }, "limit must be a whole number from 1 to 1000; got '-3'."],
    ['a desc that is not true or false', { desc: 'no' }, "desc must be true or false; got 'no'."],
    [
      'an unparseable to',
      { to: 'now' },
      "to must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-29T00:00:00Z or 2026-03-29T00:00:00+01:00; got 'now'.",
    ],
    [
      'a from after to',
      { from: '2026-11-22T11:00:00Z' },
      'from must be before to; got from 2026-11-22T11:00:00.000Z and to 2026-11-22T10:00:00.000Z.',
    ],
    [
      'a range over 366 days',
      { from: '2025-11-20T10:00:00Z' },
      'from and to may be at most 366 days apart; got from 2025-11-20T10:00:00.000Z and to 2026-11-22T10:00:00.000Z, about 367 days. Ask for several shorter ranges.',
    ],
    [
      'an unknown parameter',
      { period: 'day' },
      "'period' is not a query parameter of this endpoint; it takes only to, from, sort, desc, limit.",
    ],
  ])('rejects %s', (_, query, message) => {
    // Act
    const error = errorOf(() => parseCampaignListRequest(query, now));

    // Assess
    expect(error).toStrictEqual(invalidRequest(message));
  });

  it('accepts a range of exactly 366 days', () => {
    // Act
    const request = parseCampaignListRequest({ from: '2025-11-21T10:00:00Z' }, now);

    // Assess
    expect(request).toStrictEqual({
      from: new Date('2025-11-21T10:00:00.000Z'),
      to: now,
      sort: 'bids',
      desc: true,
      limit: 100,
    });
  });
});
