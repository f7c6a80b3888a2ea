import { MIN_STATE_RETENTION_MINUTES } from './constants.js';
import { readNumberSetting } from '@sdp/shared-runtime';
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
 * // throws InvalidSettingError
 */
export function parseJoinSettings(values: {
  bidsSessionTimeoutMinutes: string;
  clicksSessionTimeoutMinutes: string;
  stateRetentionMinutes: string;
}): JoinSettings {
  const timeoutMs = (setting: string, text: string): number =>
    readNumberSetting(setting, text, { above: 0, unit: 'minutes' }) * MINUTE_MS;
  const retentionMinutes = readNumberSetting('JOIN_STATE_RETENTION_MINUTES', values.stateRetentionMinutes, {
    min: MIN_STATE_RETENTION_MINUTES,
    integer: true,
    unit: 'minutes',
    because:
      "48 hours: aggregate reads a transaction's emitted copies, which can reach it up to 23 h + 23 h after the event",
  });
  return {
    bidsSessionTimeoutMs: timeoutMs('BIDS_SESSION_TIMEOUT_MINUTES', values.bidsSessionTimeoutMinutes),
    clicksSessionTimeoutMs: timeoutMs('CLICKS_SESSION_TIMEOUT_MINUTES', values.clicksSessionTimeoutMinutes),
    stateRetentionMs: retentionMinutes * MINUTE_MS,
  };
}
