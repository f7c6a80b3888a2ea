import { parsePeriodReportRequest } from '../src/domain/parsePeriodReportRequest.js';
import { errorOf, invalidRequest } from './support/reportFixtures.js';

const now = new Date('2026-11-22T10:00:00.000Z');
const parse = (query: Record<string, string>) => parsePeriodReportRequest({ campaignItemId: '7', query }, now);

describe('parsePeriodReportRequest', () => {
  it('applies the seed defaults: day, UTC, from the epoch to now, latest first', () => {
    // Act
    const request = parsePeriodReportRequest({ campaignItemId: '7', query: undefined }, now);

    // Assess
    expect(request).toStrictEqual({
      campaignItemId: 7,
      period: 'day',
      timeZone: 'UTC',
      from: new Date('1970-01-01T00:00:00.000Z'),
      to: now,
      desc: true,
    });
  });

  it('reads every parameter and answers the canonical time zone name', () => {
    // Act
    const request = parse({
      period: 'hour',
      timezone: 'europe/paris',
      from: '2026-03-29T00:00:00+01:00',
      to: '2026-03-30T00:00:00+02:00',
      desc: 'false',
    });

    // Assess
    expect(request).toStrictEqual({
      campaignItemId: 7,
      period: 'hour',
      timeZone: 'Europe/Paris',
      from: new Date('2026-03-28T23:00:00.000Z'),
      to: new Date('2026-03-29T22:00:00.000Z'),
      desc: false,
    });
  });

  it.each(['minute', 'hour', 'day', 'week', 'month'] as const)('accepts period=%s', (period) => {
    // Act
    const request = parse({ period });

    // Assess
    expect(request.period).toBe(period);
  });

  it.each([
    ['an unknown period', { period: 'year' }, "period must be one of minute, hour, day, week, month; got 'year'."],
    ['a period in capitals', { period: 'Day' }, "period must be one of minute, hour, day, week, month; got 'Day'."],
    ['an empty period', { period: '' }, "period must be one of minute, hour, day, week, month; got ''."],
    [
      'an unknown time zone',
      { timezone: 'Mars/Olympus' },
      "timezone must be an IANA time zone such as UTC, Europe/Paris or America/New_York; got 'Mars/Olympus'.",
    ],
    [
      'an unparseable from',
      { from: 'yesterday' },
      "from must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-29T00:00:00Z or 2026-03-29T00:00:00+01:00; got 'yesterday'.",
    ],
    [
      'a to without an offset',
      { to: '2026-03-29T00:00:00' },
      "to must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-29T00:00:00Z or 2026-03-29T00:00:00+01:00; got '2026-03-29T00:00:00'.",
    ],
    [
      'a from before the epoch',
      { from: '1969-12-31T23:59:59Z' },
      "from must lie between 1970-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z; got '1969-12-31T23:59:59Z'.",
    ],
    [
      'a from equal to to',
      { from: '2026-03-29T00:00:00Z', to: '2026-03-29T01:00:00+01:00' },
      'from must be before to; got from 2026-03-29T00:00:00.000Z and to 2026-03-29T00:00:00.000Z.',
    ],
    [
      'a from after the default to (now)',
      { from: '2026-11-23T00:00:00Z' },
      'from must be before to; got from 2026-11-23T00:00:00.000Z and to 2026-11-22T10:00:00.000Z.',
    ],
    ['a desc that is not true or false', { desc: 'yes' }, "desc must be true or false; got 'yes'."],
    ['a desc in capitals', { desc: 'TRUE' }, "desc must be true or false; got 'TRUE'."],
    [
      'a repeated desc, which the gateway joins with a comma',
      { desc: 'true,false' },
      "desc must be true or false; got 'true,false'.",
    ],
    [
      'a misspelt parameter',
      { timeZone: 'Europe/Paris' },
      "'timeZone' is not a query parameter of this endpoint; it takes only period, timezone, from, to, desc.",
    ],
  ])('rejects %s, naming the parameter and what it accepts', (_, query, message) => {
    // Act
    const error = errorOf(() => parse(query));

    // Assess
    expect(error).toStrictEqual(invalidRequest(message));
  });

  it('names every problem at once, and does not compare from and to when either is bad', () => {
    // Act
    const error = errorOf(() => parse({ period: 'year', to: 'soon', desc: '1', limit: '5', sort: 'bids' }));

    // Assess
    expect(error).toStrictEqual(
      invalidRequest(
        "period must be one of minute, hour, day, week, month; got 'year'. " +
          "to must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-29T00:00:00Z or 2026-03-29T00:00:00+01:00; got 'soon'. " +
          "desc must be true or false; got '1'. " +
          "'limit', 'sort' are not query parameters of this endpoint; it takes only period, timezone, from, to, desc.",
      ),
    );
  });

  it('checks the path before the query', () => {
    // Act
    const error = errorOf(() => parsePeriodReportRequest({ campaignItemId: '-1', query: { period: 'year' } }, now));

    // Assess
    expect(error).toStrictEqual(
      invalidRequest("campaign_item_id in the path must be a whole number from 0 to 9007199254740991; got '-1'."),
    );
  });
});
