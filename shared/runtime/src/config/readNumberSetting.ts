import { InvalidSettingError } from './errors.js';

export interface NumberSettingRule {
  /** The least value accepted; or `above`, for a bound that is not itself accepted (`above: 0`: positive) */
  min?: number;
  above?: number;
  /** Default: no upper bound */
  max?: number;
  /** Only whole numbers */
  integer?: boolean;
  /** What the number counts, for the message: 'minutes', 'seconds', … */
  unit?: string;
  /** The value when the setting is empty or absent; without it, an empty setting is an error */
  fallback?: number;
  /** Why the bounds are what they are, added to the message */
  because?: string;
}

/**
 * One numeric setting as it comes from the environment (text, perhaps absent), checked against its
 * rule: the number, the rule's `fallback` when empty, or an `InvalidSettingError` that names the
 * setting, what it accepts and its default. Every service reads its numeric settings with this.
 *
 * @example
 * readNumberSetting('SESSION_GAP_SECONDS', '1800', { min: 1, max: 86_400, unit: 'seconds' }) // 1800
 * readNumberSetting('QUERY_THREADS', '', { min: 1, integer: true, fallback: 2 })              // 2
 * readNumberSetting('PRODUCT_WINDOW_MINUTES', '0', { min: 1, max: 1440, integer: true, unit: 'minutes' })
 * // throws InvalidSettingError: PRODUCT_WINDOW_MINUTES must be a whole number of minutes from 1 to 1440, got '0'.
 */
export function readNumberSetting(name: string, text: string | undefined, rule: NumberSettingRule): number {
  const trimmed = (text ?? '').trim();
  if (trimmed === '' && rule.fallback !== undefined) return rule.fallback;
  const value = /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  const { min = Number.NEGATIVE_INFINITY, above = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY } = rule;
  const whole = !rule.integer || Number.isSafeInteger(value);
  if (Number.isFinite(value) && value >= min && value > above && value <= max && whole) return value;
  throw new InvalidSettingError(name, text ?? '', describeRule(rule));
}

function describeRule({ min, above, max, integer, unit, fallback, because }: NumberSettingRule): string {
  const positive = above === 0 && max === undefined;
  const kind = `${integer ? 'a whole number' : positive ? 'a positive number' : 'a number'}${unit ? ` of ${unit}` : ''}`;
  const low = min !== undefined ? String(min) : undefined;
  const range = positive
    ? ''
    : max === undefined
      ? low !== undefined
        ? ` of at least ${low}`
        : ` above ${above}`
      : low !== undefined
        ? ` from ${low} to ${max}`
        : ` above ${above} and at most ${max}`;
  const orEmpty = fallback === undefined ? '' : `, or empty for ${fallback}`;
  return `${kind}${range}${orEmpty}${because ? ` (${because})` : ''}`;
}
