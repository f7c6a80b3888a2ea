import { readNumberSetting } from '@sdp/shared-runtime';

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
  const gapSeconds = readNumberSetting('SESSION_GAP_SECONDS', values.gapSeconds, {
    min: 1,
    max: 86_400,
    unit: 'seconds',
  });
  const latenessHours = readNumberSetting('SESSION_LATENESS_HOURS', values.latenessHours, {
    min: 1,
    max: 8760,
    integer: true,
    unit: 'hours',
  });
  return { gapMs: Math.round(gapSeconds * 1000), latenessMs: latenessHours * 3_600_000 };
}
