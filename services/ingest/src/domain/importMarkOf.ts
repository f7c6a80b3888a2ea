import type { Stamp } from './types.js';

/**
 * The envelope fields that mark an imported event (`source: import` and when it was imported);
 * none for a live event.
 *
 * @example
 * importMarkOf({ eventId, receivedAt, tenant, importedAt: new Date('2026-12-07T10:00:00Z') })
 * // { source: 'import', imported_at: '2026-12-07T10:00:00.000Z' }
 */
export function importMarkOf(stamp: Stamp): { source?: 'import'; imported_at?: string } {
  return stamp.importedAt ? { source: 'import', imported_at: stamp.importedAt.toISOString() } : {};
}
