// RFC 3339 date-time, seconds optional. A space where the offset's sign belongs is a `+` that URL
// decoding turned into a space (`from=2026-03-29T00:00:00+01:00` typed into a browser).
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[Zz]|([+ -])(\d{2}):(\d{2}))$/;

/**
 * The instant an ISO 8601 / RFC 3339 date-time with an offset names, or `undefined` when the text
 * is not one or names a day or time that does not exist (`2026-02-30`, `24:00`). Digits beyond
 * milliseconds round up, so comparing with millisecond window starts stays exact.
 *
 * @example
 * parseInstant('2026-03-29T00:00:00+01:00') // 2026-03-28T23:00:00.000Z
 * parseInstant('2026-03-29') // undefined: a day is not an instant
 */
export function parseInstant(text: string): Date | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const field = (group: number): number => Number(match[group] ?? 0);
  const [year, month, day, hour, minute, second] = [
    field(1),
    field(2),
    field(3),
    field(4),
    field(5),
    field(6),
  ] as const;
  const [offsetHours, offsetMinutes] = [field(9), field(10)] as const;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const sign = match[8] === '-' ? -1 : 1;
  const epochMs =
    Date.UTC(year, month - 1, day, hour, minute, second, millisecondsRoundedUp(match[7] ?? '')) -
    sign * (offsetHours * 60 + offsetMinutes) * 60_000;
  return new Date(epochMs);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function millisecondsRoundedUp(fraction: string): number {
  const milliseconds = Number(fraction.slice(0, 3).padEnd(3, '0'));
  return /[1-9]/.test(fraction.slice(3)) ? milliseconds + 1 : milliseconds;
}
