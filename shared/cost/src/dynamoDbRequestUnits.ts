const WRITE_UNIT_BYTES = 1024;
const READ_UNIT_BYTES = 4096;

/**
 * Write request units of one item write: one per started kilobyte of the larger of the item's size
 * before and after the write, doubled inside a transaction. A delete or a condition that fails
 * still costs the size of the item it read.
 *
 * @example
 * writeRequestUnits(1536, { transactional: true }) // 4: 1.5 KB rounds up to 2, a transaction doubles it
 */
export function writeRequestUnits(itemBytes: number, options: { transactional?: boolean } = {}): number {
  const units = Math.max(1, Math.ceil(itemBytes / WRITE_UNIT_BYTES));
  return options.transactional ? 2 * units : units;
}

/**
 * Read request units of one item read: one per started 4 KB for a strongly consistent read, half of
 * that for an eventually consistent one, twice that inside a transaction. For a Query or Scan,
 * `itemBytes` is the sum of the items read (DynamoDB rounds the total, not each item).
 *
 * @example
 * readRequestUnits(8192, 'eventual') // 1
 */
export function readRequestUnits(itemBytes: number, consistency: 'eventual' | 'strong' | 'transactional'): number {
  const units = Math.max(1, Math.ceil(itemBytes / READ_UNIT_BYTES));
  return { eventual: units / 2, strong: units, transactional: 2 * units }[consistency];
}
