import { toSession } from './toSession.js';
import type { SessionList, SessionsRequest, StoredSession } from './types.js';

/**
 * A user's sessions as `GET /sessions` answers them: in event-time order, merged ones only when
 * asked, only those that end at or after `from` and start before `to`, at most `limit`.
 *
 * @example
 * listSessions(stored, { userId: 'u1', includeMerged: false, limit: 100 }, 10_000)
 * // { user_id: 'u1', session_gap_ms: 10000, sessions: [{ session_id: 'u1_1', ... }] }
 */
export function listSessions(stored: readonly StoredSession[], request: SessionsRequest, gapMs: number): SessionList {
  const fromMs = request.from?.getTime() ?? Number.NEGATIVE_INFINITY;
  const toMs = request.to?.getTime() ?? Number.POSITIVE_INFINITY;
  const sessions = stored
    .filter((s) => (request.includeMerged || s.status === 'active') && s.endMs >= fromMs && s.startMs < toMs)
    .sort((a, b) => a.startMs - b.startMs || a.sessionNo - b.sessionNo)
    .slice(0, request.limit)
    .map(toSession);
  return { user_id: request.userId, session_gap_ms: gapMs, sessions };
}
