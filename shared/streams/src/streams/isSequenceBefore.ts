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

/**
 * The earliest of `sequences` and `than` (when given), by `isSequenceBefore`; undefined when there
 * is none. A consumer reports the earliest record of its failed work, so Kinesis re-delivers from there.
 *
 * @example
 * earliestSequence(['300', '1200'], '500') // '300'
 * earliestSequence([], undefined) // undefined
 */
export function earliestSequence(sequences: Iterable<string>, than?: string): string | undefined {
  let earliest = than;
  for (const sequence of sequences)
    if (earliest === undefined || isSequenceBefore(sequence, earliest)) earliest = sequence;
  return earliest;
}
