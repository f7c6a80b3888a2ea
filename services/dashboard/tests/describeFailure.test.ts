import { describeFailure } from '../src/domain/describeFailure.js';
import { ApiRequestError } from '../src/domain/errors.js';
import {
  formatChangePercent,
  formatCount,
  formatDuration,
  formatPercent,
  formatUsd,
  formatUtcInstant,
} from '../src/domain/formatters.js';

describe('describeFailure', () => {
  it('shows an API that is not there as "no data yet", one the key may not call as not shown and why, and any other error as the error it is', () => {
    // Act
    const messages = [
      describeFailure(new ApiRequestError('POST /query', 404, { code: 'not_found', message: 'No route POST /query' })),
      describeFailure(new ApiRequestError('GET /orphans', 503, { message: 'Service Unavailable' })),
      describeFailure(
        new ApiRequestError('GET /cost', 403, {
          code: 'insufficient_scope',
          message: "The API key 3f9c2a71b0d4 may use report, query; this call needs the 'admin' scope.",
        }),
      ),
    ];

    // Assess
    expect(messages).toStrictEqual([
      { state: 'empty', message: 'No data yet: POST /query is not available (404).' },
      { state: 'error', message: 'GET /orphans answered 503: Service Unavailable' },
      {
        state: 'empty',
        message:
          "Not shown with this page's key: GET /cost needs a scope the key does not have (The API key 3f9c2a71b0d4 may use report, query; this call needs the 'admin' scope.)",
      },
    ]);
  });
});

describe('formatters', () => {
  it('formats counts, rates, durations and dollars for the panels', () => {
    // Act
    const formatted = [
      formatCount(1234567),
      formatCount(null),
      formatPercent(0.2345),
      formatPercent(0),
      formatDuration(850.4),
      formatDuration(2_400),
      formatDuration(180_000),
      formatDuration(null),
      formatUsd(12.3456),
      formatUsd(1234.5),
      formatUsd(0.000412),
      formatUsd(0),
      formatUsd(null),
    ];

    // Assess
    expect(formatted).toStrictEqual([
      '1,234,567',
      '—',
      '23.5%',
      '0%',
      '850 ms',
      '2.4 s',
      '3.0 min',
      '—',
      '$12.35',
      '$1,234.50',
      '$0.000412',
      '$0.00',
      '—',
    ]);
  });

  it('signs price changes, and shows an instant of today by its time alone', () => {
    // Prepare
    const now = new Date('2026-12-07T08:00:00.000Z');

    // Act
    const formatted = [
      formatChangePercent(5),
      formatChangePercent(-2.46),
      formatChangePercent(0),
      formatChangePercent(null),
      formatUtcInstant('2026-12-07T06:40:02.123Z', now),
      formatUtcInstant('2026-12-06T23:59:59.000Z', now),
      formatUtcInstant('2026-12-07T01:30:00+02:00', now),
    ];

    // Assess
    expect(formatted).toStrictEqual(['+5%', '-2.5%', '0%', '—', '06:40:02', '2026-12-06 23:59', '2026-12-06 23:30']);
  });
});
