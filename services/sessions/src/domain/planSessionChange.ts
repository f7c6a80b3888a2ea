import { MAX_RECENT_EVENT_KEYS, MAX_RECENT_SESSIONS } from './constants.js';
import { sessionIdOf } from './sessionIdOf.js';
import type { RecentSession, SessionChange, SessionEvent, StoredSession, UserSessions } from './types.js';

export interface PlanSessionChangeOptions {
  /** A gap this long or longer between two events of a user starts a new session */
  gapMs: number;
  /** Events older than this when processed are too late; their sessions need not be kept */
  latenessMs: number;
  now: Date;
  /** Active sessions kept per user */
  maxRecent?: number;
  /** Event keys kept per user, over its recent sessions (the state item stays well under DynamoDB's 400 KB) */
  maxKeys?: number;
}

type Piece = { startMs: number; endMs: number } & ({ session: RecentSession } | { event: SessionEvent });

/**
 * Adds new events of one user to their sessions, in event time, whatever order they arrive in.
 *
 * The user's recent active sessions and the events are laid out on the time line; neighbours closer
 * than the gap join one session. A group with events but no session is a new session, numbered
 * after the user's last one; a group with one session extends it; a group with several (a late
 * event bridged their gap) merges them into the one that starts first, and the others become
 * `merged` into it. Counts add up, so the result equals sessionizing all of the user's events at
 * once (docs/adr/0017-event-time-sessions.md). The new state keeps the active sessions a later
 * event can still touch, with their events' keys: those ending within the lateness limit, at most
 * `maxRecent` and `maxKeys` keys; events before a dropped session's end plus the gap are too late
 * from then on (`horizonMs`). Sessions that leave the state (dropped, or merged into another) are
 * archived.
 *
 * @example
 * planSessionChange('u1', [event at 12:00:05], state with u1_1 12:00:00–12:00:03 and u1_2 12:00:12–12:00:20, { gapMs: 10_000, ... })
 * // writes u1_1 12:00:00–12:00:20 (its events + u1_2's + 1) and u1_2 merged into u1_1
 */
export function planSessionChange(
  userId: string,
  events: readonly SessionEvent[],
  state: UserSessions | undefined,
  options: PlanSessionChangeOptions,
): SessionChange {
  const { gapMs, latenessMs, now, maxRecent = MAX_RECENT_SESSIONS, maxKeys = MAX_RECENT_EVENT_KEYS } = options;
  const recent = state?.recent ?? [];
  const pieces: Piece[] = [
    ...recent.map((session) => ({ startMs: session.startMs, endMs: session.endMs, session })),
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
  let lastSessionNo = state?.lastSessionNo ?? 0;
  const written: StoredSession[] = [];
  const merged: StoredSession[] = [];
  const active: RecentSession[] = [];
  for (const group of groups) {
    const sessions = group
      .flatMap((piece) => ('session' in piece ? [piece.session] : []))
      .sort((a, b) => a.startMs - b.startMs || a.sessionNo - b.sessionNo);
    const groupEvents = group.flatMap((piece) => ('event' in piece ? [piece.event] : []));
    if (groupEvents.length === 0) {
      active.push(...sessions);
      continue;
    }
    const combined = combine(userId, sessions[0]?.sessionNo ?? ++lastSessionNo, sessions, groupEvents, updatedAt);
    written.push(withoutKeys(combined));
    active.push(combined);
    for (const session of sessions.slice(1))
      merged.push({
        ...withoutKeys(session),
        status: 'merged',
        mergedInto: sessionIdOf(userId, combined.sessionNo),
        updatedAt,
      });
  }
  written.push(...merged);

  // Keep what a later event can still touch: events older than the lateness limit are set aside.
  const touchableFromMs = now.getTime() - latenessMs - gapMs;
  const kept = active.filter((session) => session.endMs >= touchableFromMs).sort((a, b) => a.endMs - b.endMs);
  const dropped = [
    ...active.filter((session) => session.endMs < touchableFromMs),
    ...kept.splice(0, Math.max(0, kept.length - maxRecent)),
  ];
  let keys = kept.reduce((sum, session) => sum + session.eventKeys.length, 0);
  while (keys > maxKeys && kept.length > 1) {
    const oldest = kept.shift()!;
    dropped.push(oldest);
    keys -= oldest.eventKeys.length;
  }
  const horizonMs = Math.max(state?.horizonMs ?? 0, ...dropped.map((session) => session.endMs + gapMs));

  return {
    userId,
    archives: [...dropped.map(withoutKeys), ...merged],
    written,
    state: {
      userId,
      lastSessionNo,
      recent: kept.sort((a, b) => a.startMs - b.startMs),
      horizonMs,
      version: (state?.version ?? 0) + 1,
      merged: merged.map((session) => ({
        sessionNo: session.sessionNo,
        into: Number(session.mergedInto!.slice(userId.length + 1)),
      })),
      // What sessions decided about the records is the caller's to add (`sessionizeBatch`).
      positions: state?.positions ?? {},
      skipped: state?.skipped ?? [],
      rate: state?.rate ?? [],
      ...(state?.bot ? { bot: state.bot } : {}),
    },
  };
}

function withoutKeys(session: RecentSession): StoredSession {
  const { eventKeys: _keys, ...stored } = session;
  return stored;
}

function combine(
  userId: string,
  sessionNo: number,
  sessions: readonly RecentSession[],
  events: readonly SessionEvent[],
  updatedAt: string,
): RecentSession {
  const ends = [
    ...sessions.map((s) => ({
      entry: { key: s.entryKey, name: s.entryEvent, device: s.deviceType, ms: s.startMs },
      exit: { key: s.exitKey, name: s.exitEvent, ms: s.endMs },
      count: s.eventCount,
    })),
    ...events.map((e) => ({
      entry: { key: e.eventKey, name: e.eventName, device: e.deviceType, ms: e.timestampMs },
      exit: { key: e.eventKey, name: e.eventName, ms: e.timestampMs },
      count: 1,
    })),
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
    eventKeys: [...sessions.flatMap((s) => s.eventKeys), ...events.map((e) => e.eventKey)].sort(),
  };
}
