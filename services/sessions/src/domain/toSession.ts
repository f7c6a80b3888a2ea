import { sessionIdOf } from './sessionIdOf.js';
import type { Session, StoredSession } from './types.js';

/**
 * A stored session in its published shape, the `Session` contract (`GET /sessions` and the
 * sessions stream).
 *
 * @example
 * toSession({ userId: 'u1', sessionNo: 2, status: 'active', startMs, endMs, eventCount: 3, ... })
 * // { session_id: 'u1_2', user_id: 'u1', status: 'active', start: '…', end: '…', duration_ms: …, event_count: 3, ... }
 */
export function toSession(s: StoredSession): Session {
  return {
    session_id: sessionIdOf(s.userId, s.sessionNo),
    user_id: s.userId,
    status: s.status,
    ...(s.mergedInto ? { merged_into: s.mergedInto } : {}),
    start: new Date(s.startMs).toISOString(),
    end: new Date(s.endMs).toISOString(),
    duration_ms: s.endMs - s.startMs,
    event_count: s.eventCount,
    device_type: s.deviceType,
    entry_event: s.entryEvent,
    exit_event: s.exitEvent,
    updated_at: s.updatedAt,
  };
}
