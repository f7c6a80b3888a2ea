/**
 * Whether Kinesis sequence number `a` comes before `b` on their shard: numeric order of two decimal
 * strings without leading zeros, without parsing their up to 129 digits.
 *
 * @example
 * isSequenceBefore('49590338271490256608559692538361571095921575989136588898', '49590338271490256608559692540925702759324208523137515618') // true
 */
export function isSequenceBefore(a: string, b: string): boolean {
  return a.length < b.length || (a.length === b.length && a < b);
}
