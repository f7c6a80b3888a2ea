import { sessionIdOf } from './sessionIdOf.js';
import type { SessionChange, SessionEvent, SessionWrite, StoredSession } from './types.js';

export interface PlanSessionChangeOptions {
  /** A gap this long or longer between two events of a user starts a new session */
  gapMs: number;
  /** The user's highest session number so far */
  lastSessionNo: number;
  now: Date;
  /** When an event's claim may be forgotten (epoch seconds), or undefined to keep it */
  expiresAtOf: (event: SessionEvent) => number | undefined;
}

type Piece = { startMs: number; endMs: number } & ({ session: StoredSession } | { event: SessionEvent });

/**
 * Adds new events of one user to their sessions, in event time, whatever order they arrive in.
 *
 * The user's active sessions near the events and the events themselves are laid out on the time
 * line; neighbours closer than the gap join one session. A group with events but no session is a
 * new session, numbered after `lastSessionNo`; a group with one session extends it; a group with
 * several (a late event bridged their gap) merges them into the one that starts first, and the others
 * become `merged` into it. Counts add up, so the result equals sessionizing all of the user's events
 * at once (docs/adr/0017-event-time-sessions.md).
 *
 * @example
 * planSessionChange('u1', [event at 12:00:05], [u1_1 12:00:00–12:00:03, u1_2 12:00:12–12:00:20], { gapMs: 10_000, ... })
 * // writes u1_1 12:00:00–12:00:20 (its events + u1_2's + 1) and u1_2 merged into u1_1
 */
export function planSessionChange(
  userId: string,
  events: readonly SessionEvent[],
  candidates: readonly StoredSession[],
  { gapMs, lastSessionNo, now, expiresAtOf }: PlanSessionChangeOptions,
): SessionChange {
  const pieces: Piece[] = [
    ...candidates.map((session) => ({ startMs: session.startMs, endMs: session.endMs, session })),
    ...events.map((event) => ({ startMs: event.timestampMs, endMs: event.timestampMs, event })),
  ].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);

  const groups: Piece[][] = [];
  let groupEndMs = Number.NEGATIVE_INFINITY;
  for (const piece of pieces) {
    if (groups.length > 0 && piece.startMs - groupEndMs < gapMs) {
      groups.at(-1)!.push(piece);
      groupEndMs = Math.max(groupEndMs, piece.endMs);
    } else {
      groups.push([piece]);
      groupEndMs = piece.endMs;
    }
  }

  const updatedAt = now.toISOString();
  let sessionNo = lastSessionNo;
  const writes: SessionWrite[] = [];
  for (const group of groups) {
    const sessions = group.flatMap((piece) => ('session' in piece ? [piece.session] : [])).sort((a, b) => a.startMs - b.startMs || a.sessionNo - b.sessionNo);
    const groupEvents = group.flatMap((piece) => ('event' in piece ? [piece.event] : []));
    if (groupEvents.length === 0) continue;
    const keeper = sessions[0];
    const combined = combine(userId, keeper?.sessionNo ?? ++sessionNo, sessions, groupEvents, updatedAt);
    writes.push(keeper ? { session: { ...combined, version: keeper.version + 1 }, expectedVersion: keeper.version } : { session: combined });
    for (const merged of sessions.slice(1)) {
      writes.push({
        session: { ...merged, status: 'merged', mergedInto: sessionIdOf(userId, combined.sessionNo), updatedAt, version: merged.version + 1 },
        expectedVersion: merged.version,
      });
    }
  }
  return {
    userId,
    claims: events.map((event) => {
      const expiresAt = expiresAtOf(event);
      return expiresAt === undefined ? { eventKey: event.eventKey } : { eventKey: event.eventKey, expiresAt };
    }),
    writes,
    ...(sessionNo > lastSessionNo ? { sessionNumbers: { from: lastSessionNo, to: sessionNo } } : {}),
  };
}

function combine(userId: string, sessionNo: number, sessions: readonly StoredSession[], events: readonly SessionEvent[], updatedAt: string): StoredSession {
  const ends = [
    ...sessions.map((s) => ({ entry: { key: s.entryKey, name: s.entryEvent, device: s.deviceType, ms: s.startMs }, exit: { key: s.exitKey, name: s.exitEvent, ms: s.endMs }, count: s.eventCount })),
    ...events.map((e) => ({ entry: { key: e.eventKey, name: e.eventName, device: e.deviceType, ms: e.timestampMs }, exit: { key: e.eventKey, name: e.eventName, ms: e.timestampMs }, count: 1 })),
  ];
  const entry = ends.reduce((first, next) => (next.entry.key < first.entry.key ? next : first)).entry;
  const exit = ends.reduce((last, next) => (next.exit.key > last.exit.key ? next : last)).exit;
  return {
    userId,
    sessionNo,
    status: 'active',
    startMs: entry.ms,
    endMs: exit.ms,
    eventCount: ends.reduce((sum, end) => sum + end.count, 0),
    deviceType: entry.device,
    entryKey: entry.key,
    entryEvent: entry.name,
    exitKey: exit.key,
    exitEvent: exit.name,
    updatedAt,
    version: 1,
  };
}
