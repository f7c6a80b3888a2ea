import { InvalidSessionSettingError } from './errors.js';

export interface SessionSettings {
  gapMs: number;
  latenessMs: number;
}

/**
 * Reads the session gap (`SESSION_GAP_SECONDS`, 1 s to 1 day) and the lateness limit
 * (`SESSION_LATENESS_HOURS`, whole hours from 1 to 8,760).
 *
 * @example
 * parseSessionSettings({ gapSeconds: '10', latenessHours: '48' }) // { gapMs: 10000, latenessMs: 172800000 }
 */
export function parseSessionSettings(values: { gapSeconds: string; latenessHours: string }): SessionSettings {
  const gapSeconds = /^\d{1,5}(\.\d{1,3})?$/.test(values.gapSeconds) ? Number(values.gapSeconds) : Number.NaN;
  if (!(gapSeconds >= 1 && gapSeconds <= 86_400))
    throw new InvalidSessionSettingError(
      'SESSION_GAP_SECONDS',
      values.gapSeconds,
      'a number of seconds from 1 to 86400',
    );
  const latenessHours = /^\d{1,4}$/.test(values.latenessHours) ? Number(values.latenessHours) : Number.NaN;
  if (!(latenessHours >= 1 && latenessHours <= 8760))
    throw new InvalidSessionSettingError(
      'SESSION_LATENESS_HOURS',
      values.latenessHours,
      'a whole number of hours from 1 to 8760',
    );
  return { gapMs: Math.round(gapSeconds * 1000), latenessMs: latenessHours * 3_600_000 };
}
