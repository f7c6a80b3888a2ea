import { InvalidRequestError } from '@sdp/shared-http';
import { InvalidSettingError } from '@sdp/shared-runtime';
import { parseBotEventsPerMinute } from '../src/domain/parseBotEventsPerMinute.js';
import { parseSessionSettings } from '../src/domain/parseSessionSettings.js';
import { parseSessionsRequest } from '../src/domain/parseSessionsRequest.js';

function messageOf(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
  throw new Error('expected the call to throw, but it returned');
}

describe('parseSessionsRequest', () => {
  it('takes a user id with the defaults, or every parameter', () => {
    // Act
    const plain = parseSessionsRequest({ user_id: 'shopper-1' });
    const full = parseSessionsRequest({
      user_id: 'a.b@c:d',
      from: '2026-11-22T10:00:00Z',
      to: '2026-11-22T12:00:00+01:00',
      include_merged: 'true',
      limit: '5',
    });

    // Assess
    expect(plain).toStrictEqual({ userId: 'shopper-1', includeMerged: false, limit: 100 });
    expect(full).toStrictEqual({
      userId: 'a.b@c:d',
      from: new Date('2026-11-22T10:00:00Z'),
      to: new Date('2026-11-22T11:00:00Z'),
      includeMerged: true,
      limit: 5,
    });
  });

  it('says what to fix: a missing or malformed user id, a bad limit, from not before to, unknown parameters', () => {
    // Act
    const missing = messageOf(() => parseSessionsRequest({}));
    const several = messageOf(() => parseSessionsRequest({ user_id: 'a b', limit: '0', userid: 'x' }));
    const range = messageOf(() =>
      parseSessionsRequest({ user_id: 'u1', from: '2026-11-22T10:00:00Z', to: '2026-11-22T09:00:00Z' }),
    );

    // Assess
    expect(missing).toBe('InvalidRequestError: user_id is required: 1 to 128 letters, digits or ._:@-.');
    expect(several).toBe(
      "InvalidRequestError: user_id must be 1 to 128 letters, digits or ._:@-; got 'a b'. limit must be a whole number from 1 to 1000; got '0'. 'userid' is not a query parameter of this endpoint; it takes only user_id, from, to, include_merged, limit.",
    );
    expect(range).toBe(
      'InvalidRequestError: from must be before to; got from 2026-11-22T10:00:00.000Z and to 2026-11-22T09:00:00.000Z.',
    );
    expect(() => parseSessionsRequest(undefined)).toThrow(InvalidRequestError);
  });
});

describe('parseSessionSettings', () => {
  it('reads the gap in seconds and the lateness in hours', () => {
    // Act & Assess
    expect(parseSessionSettings({ gapSeconds: '10', latenessHours: '48' })).toStrictEqual({
      gapMs: 10_000,
      latenessMs: 172_800_000,
    });
    expect(parseSessionSettings({ gapSeconds: '1800', latenessHours: '8760' })).toStrictEqual({
      gapMs: 1_800_000,
      latenessMs: 31_536_000_000,
    });
    expect(parseSessionSettings({ gapSeconds: '2.5', latenessHours: '1' })).toStrictEqual({
      gapMs: 2_500,
      latenessMs: 3_600_000,
    });
  });

  it('refuses a gap outside 1 s to 1 day and a lateness that is not whole hours', () => {
    // Act & Assess
    expect(() => parseSessionSettings({ gapSeconds: '0', latenessHours: '48' })).toThrow(InvalidSettingError);
    expect(() => parseSessionSettings({ gapSeconds: '10', latenessHours: '0' })).toThrow(InvalidSettingError);
    expect(messageOf(() => parseSessionSettings({ gapSeconds: '10', latenessHours: '1.5' }))).toBe(
      "InvalidSettingError: SESSION_LATENESS_HOURS must be a whole number of hours from 1 to 8760, got '1.5'.",
    );
  });
});

describe('parseBotEventsPerMinute', () => {
  it('reads a whole number of events a minute from 10 to 100,000, and refuses anything else', () => {
    // Act & Assess
    expect([
      parseBotEventsPerMinute('120'),
      parseBotEventsPerMinute('10'),
      parseBotEventsPerMinute('100000'),
    ]).toStrictEqual([120, 10, 100_000]);
    for (const value of ['9', '100001', '12.5', 'many', ''])
      expect(() => parseBotEventsPerMinute(value)).toThrow(InvalidSettingError);
    expect(messageOf(() => parseBotEventsPerMinute('0'))).toMatch(
      /^InvalidSettingError: BOT_EVENTS_PER_MINUTE must be /,
    );
  });
});
