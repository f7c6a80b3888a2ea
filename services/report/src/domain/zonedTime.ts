/**
 * Wall-clock arithmetic in IANA time zones with nothing but `Intl.DateTimeFormat`. A "wall time" is
 * the local date and time written as if it were UTC, in epoch milliseconds, so that the local day
 * or month can be truncated with `Date.UTC`; offsets are looked up per instant, which keeps every
 * daylight-saving change and historical offset right.
 */

/** Local calendar fields of an instant; `month` is 1 to 12. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local date and time of an instant in a time zone.
 *
 * @example
 * wallClockOf(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Paris')
 * // { year: 2026, month: 3, day: 29, hour: 3, minute: 30, second: 0 }
 */
export function wallClockOf(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0 } = fields;
  return { year, month, day, hour, minute, second };
}

/** The wall time of an instant, whole seconds. */
export function wallTimeOf(epochMs: number, timeZone: string): number {
  const { year, month, day, hour, minute, second } = wallClockOf(epochMs, timeZone);
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/**
 * How far the zone's clocks are ahead of UTC at an instant, in milliseconds.
 *
 * @example
 * offsetAt(Date.parse('2026-07-01T00:00:00Z'), 'Europe/Paris') // 7_200_000
 */
export function offsetAt(epochMs: number, timeZone: string): number {
  return offsetOf(epochMs, wallClockOf(epochMs, timeZone));
}

/** The offset an instant's already known wall clock implies (saves formatting the instant twice). */
export function offsetOf(epochMs: number, wallClock: WallClock): number {
  const { year, month, day, hour, minute, second } = wallClock;
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second) - wholeSecond;
}

const SEARCH_SPAN_MS = 24 * 60 * 60 * 1000;

/**
 * The instant at which the zone's clocks show a wall time (whole seconds). A wall time that happens
 * twice (clocks set back) gives its earlier instant; one that never happens (clocks set forward over
 * it) gives the first instant after the jump, which is where that day or hour really begins.
 *
 * @example
 * instantOfWallTime(Date.UTC(2026, 9, 25, 2, 30), 'Europe/Paris') // 2026-10-25T00:30:00Z (+02:00, not +01:00)
 * instantOfWallTime(Date.UTC(2026, 2, 29, 2, 0), 'Europe/Paris') // 2026-03-29T01:00:00Z, shown as 03:00
 */
export function instantOfWallTime(wallTime: number, timeZone: string): number {
  const offsetBefore = offsetAt(wallTime - SEARCH_SPAN_MS, timeZone);
  const offsetAfter = offsetAt(wallTime + SEARCH_SPAN_MS, timeZone);
  const candidates = [wallTime - offsetBefore, wallTime - offsetAfter].filter(
    (instant) => wallTimeOf(instant, timeZone) === wallTime,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  return firstInstantWithOffset(wallTime - offsetAfter, wallTime - offsetBefore, offsetAfter, timeZone);
}

/** Binary search, to the second, for the clock change in (`earlier`, `later`] to `offset`. */
function firstInstantWithOffset(earlier: number, later: number, offset: number, timeZone: string): number {
  let [low, high] = [earlier, later];
  while (high - low > 1000) {
    const middle = low + Math.max(1000, Math.floor((high - low) / 2000) * 1000);
    if (offsetAt(middle, timeZone) === offset) high = middle;
    else low = middle;
  }
  return high;
}

/**
 * ISO 8601 local date-time with the zone's offset at that instant, e.g. `2026-03-29T00:00:00+01:00`;
 * UTC is written `+00:00`, and historical offsets with seconds as `+00:09:21`.
 *
 * @example
 * formatWithOffset(Date.parse('2026-10-25T00:30:00Z'), 'Europe/Paris') // '2026-10-25T02:30:00+02:00'
 */
export function formatWithOffset(epochMs: number, timeZone: string): string {
  const wallClock = wallClockOf(epochMs, timeZone);
  const { year, month, day, hour, minute, second } = wallClock;
  const offsetSeconds = Math.round(offsetOf(epochMs, wallClock) / 1000);
  const size = Math.abs(offsetSeconds);
  const offset =
    (offsetSeconds < 0 ? '-' : '+') +
    pad(Math.floor(size / 3600)) +
    ':' +
    pad(Math.floor(size / 60) % 60) +
    (size % 60 === 0 ? '' : ':' + pad(size % 60));
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
