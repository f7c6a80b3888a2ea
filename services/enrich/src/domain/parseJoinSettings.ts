import { MIN_STATE_RETENTION_MINUTES } from './constants.js';
import { InvalidJoinSettingError } from './errors.js';
import type { JoinSettings } from './types.js';

const MINUTE_MS = 60_000;

/**
 * Checks the join settings as they come from the environment, at cold start. The retention has a
 * floor of 48 hours: aggregate reads a state's `emitted` to decide whether an enriched record is
 * the counted copy, and a copy reaches it up to 23 h (raw stream) + 23 h (enriched stream) after
 * the event; a state gone by then would leave that copy undecided.
 *
 * @example
 * parseJoinSettings({ bidsSessionTimeoutMinutes: '5', clicksSessionTimeoutMinutes: '5', stateRetentionMinutes: '2880' })
 * // { bidsSessionTimeoutMs: 300000, clicksSessionTimeoutMs: 300000, stateRetentionMs: 172800000 }
 * parseJoinSettings({ bidsSessionTimeoutMinutes: '5', clicksSessionTimeoutMinutes: '5', stateRetentionMinutes: '1440' })
 * // throws InvalidJoinSettingError
 */
export function parseJoinSettings(values: {
  bidsSessionTimeoutMinutes: string;
  clicksSessionTimeoutMinutes: string;
  stateRetentionMinutes: string;
}): JoinSettings {
  const timeoutMs = (setting: string, text: string): number => {
    const minutes = Number(text);
    if (text.trim() === '' || !Number.isFinite(minutes) || minutes <= 0)
      throw new InvalidJoinSettingError(setting, text, 'a positive number of minutes');
    return minutes * MINUTE_MS;
  };
  const retentionMinutes = /^\d{1,9}$/.test(values.stateRetentionMinutes.trim())
    ? Number(values.stateRetentionMinutes.trim())
    : undefined;
  if (retentionMinutes === undefined || retentionMinutes < MIN_STATE_RETENTION_MINUTES) {
    throw new InvalidJoinSettingError(
      'JOIN_STATE_RETENTION_MINUTES',
      values.stateRetentionMinutes,
      `a whole number of minutes, at least ${MIN_STATE_RETENTION_MINUTES} (48 hours: aggregate reads a transaction's emitted copies, which can reach it up to 23 h + 23 h after the event)`,
    );
  }
  return {
    bidsSessionTimeoutMs: timeoutMs('BIDS_SESSION_TIMEOUT_MINUTES', values.bidsSessionTimeoutMinutes),
    clicksSessionTimeoutMs: timeoutMs('CLICKS_SESSION_TIMEOUT_MINUTES', values.clicksSessionTimeoutMinutes),
    stateRetentionMs: retentionMinutes * MINUTE_MS,
  };
}
