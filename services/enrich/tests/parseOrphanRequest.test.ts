import { ApiError } from '@sdp/shared-http';
import { parseOrphanRequest } from '../src/domain/parseOrphanRequest.js';

const now = new Date('2026-11-22T10:00:00.000Z');

function errorOf(act: () => unknown): { name: string; statusCode: number; code: string; message: string } | undefined {
  try {
    act();
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return { name: error.name, statusCode: error.statusCode, code: error.code, message: error.message };
  }
  return undefined;
}

const invalidRequest = (message: string) => ({
  name: 'InvalidRequestError',
  statusCode: 400,
  code: 'invalid_request',
  message,
});

describe('parseOrphanRequest', () => {
  it('applies the defaults: the last 24 hours, 100 tx_ids per type', () => {
    // Act
    const request = parseOrphanRequest(undefined, now);

    // Assess
    expect(request).toStrictEqual({ from: new Date('2026-11-21T10:00:00.000Z'), to: now, limit: 100 });
  });

  it('defaults from to 24 hours before a given to', () => {
    // Act
    const request = parseOrphanRequest({ to: '2026-03-29T00:00:00+01:00' }, now);

    // Assess
    expect(request).toStrictEqual({
      from: new Date('2026-03-27T23:00:00.000Z'),
      to: new Date('2026-03-28T23:00:00.000Z'),
      limit: 100,
    });
  });

  it.each([
    ['0', 0],
    ['1000', 1000],
  ])('reads every parameter, with a limit of %s', (limit, expected) => {
    // Act
    const request = parseOrphanRequest({ from: '2026-11-01T00:00:00Z', to: '2026-11-02T00:00:00Z', limit }, now);

    // Assess
    expect(request).toStrictEqual({
      from: new Date('2026-11-01T00:00:00.000Z'),
      to: new Date('2026-11-02T00:00:00.000Z'),
      limit: expected,
    });
  });

  it('accepts a range of exactly 31 days', () => {
    // Act
    const request = parseOrphanRequest({ from: '2026-10-22T10:00:00Z' }, now);

    // Assess
    expect(request).toStrictEqual({ from: new Date('2026-10-22T10:00:00.000Z'), to: now, limit: 100 });
  });

  it.each([
    ['a limit over 1000', { limit: '1001' }, "limit must be a whole number from 0 to 1000; got '1001'."],
    ['a negative limit', { limit: '-1' }, "limit must be a whole number from 0 to 1000; got '-1'."],
    ['a fractional limit', { limit: '1.5' }, "limit must be a whole number from 0 to 1000; got '1.5'."],
    [
      'an unparseable from',
      { from: 'yesterday' },
      "from must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-29T00:00:00Z or 2026-03-29T00:00:00+01:00; got 'yesterday'.",
    ],
    [
      'a to equal to from',
      { from: '2026-11-22T10:00:00Z' },
      'from must be before to; got from 2026-11-22T10:00:00.000Z and to 2026-11-22T10:00:00.000Z.',
    ],
    [
      'a range over 31 days',
      { from: '2026-10-22T09:59:59Z' },
      'from and to may be at most 31 days apart; got from 2026-10-22T09:59:59.000Z and to 2026-11-22T10:00:00.000Z, about 32 days. Ask for several shorter ranges.',
    ],
    [
      'an unknown parameter',
      { type: 'click' },
      "'type' is not a query parameter of this endpoint; it takes only to, from, limit.",
    ],
  ])('rejects %s', (_, query, message) => {
    // Act
    const error = errorOf(() => parseOrphanRequest(query, now));

    // Assess
    expect(error).toStrictEqual(invalidRequest(message));
  });
});
