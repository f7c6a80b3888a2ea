import { InvalidSettingError } from '@sdp/shared-runtime';
import { parseJoinSettings } from '../src/domain/parseJoinSettings.js';

const FLOOR_RULE =
  "a whole number of minutes of at least 2880 (48 hours: aggregate reads a transaction's emitted copies, which can reach it up to 23 h + 23 h after the event)";
const FLOOR_MESSAGE = (value: string) =>
  value === ''
    ? `JOIN_STATE_RETENTION_MINUTES is not set; it must be ${FLOOR_RULE}.`
    : `JOIN_STATE_RETENTION_MINUTES must be ${FLOOR_RULE}, got '${value}'.`;

describe('parseJoinSettings', () => {
  it('reads the session timeouts and the join state retention as milliseconds', () => {
    // Act
    const settings = parseJoinSettings({
      bidsSessionTimeoutMinutes: '5',
      clicksSessionTimeoutMinutes: '0.05',
      stateRetentionMinutes: '2880',
    });

    // Assess
    expect(settings).toStrictEqual({
      bidsSessionTimeoutMs: 300_000,
      clicksSessionTimeoutMs: 3_000,
      stateRetentionMs: 172_800_000,
    });
  });

  it('accepts a retention longer than 48 hours', () => {
    // Act
    const settings = parseJoinSettings({
      bidsSessionTimeoutMinutes: '5',
      clicksSessionTimeoutMinutes: '5',
      stateRetentionMinutes: '10080',
    });

    // Assess
    expect(settings.stateRetentionMs).toBe(604_800_000);
  });

  it.each(['1440', '2879', '2880.5', '', '48h'])(
    'refuses a retention of %p at start, saying why 48 hours is the floor',
    (value) => {
      // Act
      const act = () =>
        parseJoinSettings({
          bidsSessionTimeoutMinutes: '5',
          clicksSessionTimeoutMinutes: '5',
          stateRetentionMinutes: value,
        });

      // Assess
      expect(act).toThrow(InvalidSettingError);
      expect(act).toThrow(FLOOR_MESSAGE(value));
    },
  );

  it.each([
    ['BIDS_SESSION_TIMEOUT_MINUTES', { bidsSessionTimeoutMinutes: 'five', clicksSessionTimeoutMinutes: '5' }, 'five'],
    ['CLICKS_SESSION_TIMEOUT_MINUTES', { bidsSessionTimeoutMinutes: '5', clicksSessionTimeoutMinutes: '0' }, '0'],
    ['CLICKS_SESSION_TIMEOUT_MINUTES', { bidsSessionTimeoutMinutes: '5', clicksSessionTimeoutMinutes: '' }, ''],
  ])('refuses a %s that is not a positive number of minutes', (setting, timeouts, value) => {
    // Act
    const act = () => parseJoinSettings({ ...timeouts, stateRetentionMinutes: '2880' });

    // Assess
    expect(act).toThrow(
      value === ''
        ? `${setting} is not set; it must be a positive number of minutes.`
        : `${setting} must be a positive number of minutes, got '${value}'.`,
    );
  });
});
