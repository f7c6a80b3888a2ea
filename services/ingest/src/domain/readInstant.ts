/** Milliseconds written as text, as templating tools (`envsubst`) write numbers. */
const DIGITS = /^\d{1,16}$/;
/** An ISO 8601 instant with its offset: `2026-12-07T10:00:00Z`, `2026-12-07T11:00:00.250+01:00`. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** What every reader of a client's instant says it accepts. */
export const INSTANT_SPELLINGS =
  'milliseconds since the Unix epoch, as a number or a string of digits, or an ISO 8601 instant with its offset (e.g. 2026-12-07T10:00:00Z)';

/**
 * An instant as clients write it, in milliseconds since the Unix epoch: a whole number is taken as
 * it is, a string of digits (`"1733493000000"`) or an ISO 8601 instant with its
 * offset (`"2024-12-06T13:50:00Z"`) is read; anything else is `undefined`.
 *
 * @example
 * readInstant('1733493000000') // 1733493000000
 * readInstant('2024-12-06T13:50:00Z') // 1733493000000
 * readInstant('now') // undefined
 */
export function readInstant(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const millis = DIGITS.test(text) ? Number(text) : ISO_INSTANT.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(millis) ? undefined : millis;
}
