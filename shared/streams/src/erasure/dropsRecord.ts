import type { Tombstone } from './tombstoneItem.js';

/**
 * Whether a user's tombstone drops one of their records: always while the user is erased; after
 * the tombstone was lifted, only a record that entered its stream before the lift (a re-delivery,
 * a replay or a lagging consumer's copy of data the erasure removed). A record whose arrival time
 * is unknown (`arrivalMs` undefined: a table change, whose time DynamoDB rounds) is dropped only
 * while the user is erased.
 *
 * @example
 * dropsRecord({ status: 'lifted', liftedAt: '2026-12-07T09:00:00.000Z', … }, Date.parse('2026-12-07T08:59:59.000Z')) // true
 * dropsRecord({ status: 'lifted', liftedAt: '2026-12-07T09:00:00.000Z', … }, Date.parse('2026-12-07T09:00:01.000Z')) // false
 */
export function dropsRecord(tombstone: Tombstone | undefined, arrivalMs: number | undefined): boolean {
  if (tombstone === undefined) return false;
  if (tombstone.status === 'erased') return true;
  return arrivalMs !== undefined && arrivalMs < Date.parse(tombstone.liftedAt ?? '');
}
