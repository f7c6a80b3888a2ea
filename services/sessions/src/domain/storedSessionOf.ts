import type { StoredSession } from './types.js';

/**
 * A session as stored, from its table item in plain values (`unmarshall`ed); undefined for item 0, a
 * user's state, which is not a session.
 *
 * @example
 * storedSessionOf({ user_id: 'u1', session_no: 1, status: 'active', start_ms: 1763805600000, end_ms: 1763805603000, event_count: 2, ... })
 * // { userId: 'u1', sessionNo: 1, status: 'active', startMs: 1763805600000, endMs: 1763805603000, eventCount: 2, ... }
 */
export function storedSessionOf(item: Record<string, unknown>): StoredSession | undefined {
  if (Number(item.session_no) < 1) return undefined;
  return {
    userId: String(item.user_id),
    sessionNo: Number(item.session_no),
    status: item.status === 'merged' ? 'merged' : 'active',
    ...(typeof item.merged_into === 'string' ? { mergedInto: item.merged_into } : {}),
    startMs: Number(item.start_ms),
    endMs: Number(item.end_ms),
    eventCount: Number(item.event_count),
    deviceType: String(item.device_type),
    entryKey: String(item.entry_key),
    entryEvent: String(item.entry_event),
    exitKey: String(item.exit_key),
    exitEvent: String(item.exit_event),
    updatedAt: String(item.updated_at),
  };
}
