import { clickstreamEventKey, describeUnreadableRecord, earliestSequence, readContractRecord, validateClickstreamEnvelope, type FailureReason, type RecordRejection } from '@sdp/shared';
import { CLICKSTREAM_SCHEMA_VERSION, MAX_CONFLICTS } from './constants.js';
import { ConcurrentSessionChangeError } from './errors.js';
import { planSessionChange } from './planSessionChange.js';
import type { SessionChange, SessionEvent, SessionizeOutcome, SessionStore, SourceRecord, UserSessions } from './types.js';

export interface SessionizeOptions {
  store: SessionStore;
  /** A gap this long or longer between two events of a user starts a new session */
  gapMs: number;
  /** Events older than this when processed are set aside as too late */
  latenessMs: number;
  now: () => Date;
  log: (message: string, data: Record<string, unknown>) => void;
}

/** A user's events of the batch and where the user stands. */
interface UserWork {
  userId: string;
  /** The user's events of the batch, distinct by key, in key (event-time) order */
  events: SessionEvent[];
  state: UserSessions | undefined;
  conflicts: number;
  /** Set once the user is done: its events screened against the state its step was planned on */
  screened?: Screened;
  error?: unknown;
}

/** A user's events sorted out against its state. */
interface Screened {
  fresh: SessionEvent[];
  /** Events whose key is in a recent session: re-deliveries and resent copies */
  known: number;
  /** Events before the user's horizon */
  tooLate: RecordRejection[];
}

/**
 * Adds a batch of clickstream records to their users' sessions, each event exactly once
 * (docs/adr/0019-counting-per-batch.md).
 *
 * Records that are not a valid `ClickstreamEnvelope`, and events older than the lateness limit (or
 * than the sessions kept for their user), are rejected with the reason (the failed-events store
 * keeps them). All users' states are read at once. A user's state keeps the keys of the events of
 * its recent sessions, so a re-delivered record or a resent copy (same key) changes nothing and
 * costs no write; the others are planned in one step (`planSessionChange`) and each user's step is
 * one conditional write of its state (after the archives of sessions that leave it). A step that
 * met a changed state is planned again from the new one. A user that fails makes the lowest
 * sequence number among its records the batch item failure; on re-delivery its events already
 * sessionized are known by their keys.
 *
 * @example
 * await sessionizeBatch(records, { store, gapMs: 10_000, latenessMs: 172_800_000, now: () => new Date(), log })
 * // { batchItemFailures: [], sessionized: 498, duplicates: 2, invalid: 0, failed: 0, sessionsWritten: 37, rejected: [] }
 */
export async function sessionizeBatch(records: readonly SourceRecord[], options: SessionizeOptions): Promise<SessionizeOutcome> {
  const { store, gapMs, latenessMs, now, log } = options;
  const outcome: SessionizeOutcome = { batchItemFailures: [], rejected: [], sessionized: 0, duplicates: 0, invalid: 0, failed: 0, sessionsWritten: 0, rounds: 0, loadMs: 0, commitMs: 0 };
  const startedAt = now();
  const reject = (rejection: RecordRejection) => {
    outcome.invalid++;
    outcome.rejected.push(rejection);
    log('set aside a clickstream record that cannot be sessionized', { ...rejection });
  };

  const byUser = new Map<string, Map<string, SessionEvent>>();
  for (const record of records) {
    const reading = readSessionEvent(record, latenessMs, startedAt);
    if ('reason' in reading) {
      reject(reading);
      continue;
    }
    const events = byUser.get(reading.userId) ?? new Map<string, SessionEvent>();
    if (events.has(reading.eventKey)) outcome.duplicates++;
    else events.set(reading.eventKey, reading);
    byUser.set(reading.userId, events);
  }

  let mark = performance.now();
  const states = await store.loadUsers([...byUser.keys()]);
  outcome.loadMs = Math.round(performance.now() - mark);
  const work: UserWork[] = [...byUser].map(([userId, events]) => ({
    userId,
    events: [...events.values()].sort((a, b) => (a.eventKey < b.eventKey ? -1 : 1)),
    state: states.get(userId),
    conflicts: 0,
  }));

  for (let round = work; round.length > 0; round = round.filter((user) => user.screened === undefined && user.error === undefined)) {
    const steps: { user: UserWork; screened: Screened; change: SessionChange }[] = [];
    for (const user of round) {
      const screened = screen(user.events, user.state);
      if (screened.fresh.length === 0) user.screened = screened;
      else steps.push({ user, screened, change: planSessionChange(user.userId, screened.fresh, user.state, { gapMs, latenessMs, now: startedAt }) });
    }
    if (steps.length === 0) break;
    outcome.rounds++;
    mark = performance.now();
    const committed = await store.commit(steps.map((step) => step.change));
    outcome.commitMs += Math.round(performance.now() - mark);
    for (const { user, screened, change } of steps) {
      if (committed.failed.has(user.userId)) user.error = committed.failed.get(user.userId);
      else if (committed.applied.has(user.userId)) {
        user.screened = screened;
        user.state = change.state;
        outcome.sessionized += screened.fresh.length;
        outcome.sessionsWritten += change.written.length;
      } else if (++user.conflicts >= MAX_CONFLICTS) user.error = new ConcurrentSessionChangeError(user.userId);
      else user.state = (await store.loadUsers([user.userId])).get(user.userId);
    }
  }

  let lowest: string | undefined;
  for (const user of work) {
    if (user.screened) {
      outcome.duplicates += user.screened.known;
      user.screened.tooLate.forEach(reject);
      continue;
    }
    outcome.failed += user.events.length;
    lowest = earliestSequence(user.events.map((event) => event.sequenceNumber), lowest);
    outcome.failure ??= describeFailure(user.userId, user.error);
    log('could not sessionize a user; their records will be re-delivered', { userId: user.userId, error: user.error });
  }
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  return outcome;
}

/** Sorts a user's events against its state: already in a recent session (by key), before its horizon, or fresh. */
function screen(events: readonly SessionEvent[], state: UserSessions | undefined): Screened {
  const screened: Screened = { fresh: [], known: 0, tooLate: [] };
  const keys = new Set(state?.recent.flatMap((session) => session.eventKeys));
  for (const event of events) {
    if (keys.has(event.eventKey)) screened.known++;
    else if (state && event.timestampMs < state.horizonMs) screened.tooLate.push(tooLateForUser(event, state));
    else screened.fresh.push(event);
  }
  return screened;
}

function readSessionEvent(record: SourceRecord, latenessMs: number, now: Date): SessionEvent | RecordRejection {
  const reading = readContractRecord(record.data, CLICKSTREAM_SCHEMA_VERSION, validateClickstreamEnvelope);
  if (!reading.ok) return { sequenceNumber: record.sequenceNumber, reason: describeUnreadableRecord('ClickstreamEnvelope', reading) };
  const { data } = reading.value;
  if (data.event_timestamp < now.getTime() - latenessMs) {
    const hours = latenessMs / 3_600_000;
    return {
      sequenceNumber: record.sequenceNumber,
      reason: {
        name: 'TooLate',
        message: `The event happened at ${new Date(data.event_timestamp).toISOString()}, more than ${hours} h before it was processed; sessions take events up to ${hours} h late (sessionLatenessHours).`,
      },
    };
  }
  return {
    userId: data.user_id,
    eventKey: clickstreamEventKey(data),
    timestampMs: data.event_timestamp,
    eventName: data.event_name,
    deviceType: data.device_type ?? 'unknown',
    sequenceNumber: record.sequenceNumber,
  };
}

function tooLateForUser(event: SessionEvent, state: UserSessions): RecordRejection {
  return {
    sequenceNumber: event.sequenceNumber,
    reason: {
      name: 'TooLate',
      message: `The event happened at ${new Date(event.timestampMs).toISOString()}, before ${new Date(state.horizonMs).toISOString()}: user '${state.userId}' has more recent sessions than are kept for late events, and older ones can no longer change.`,
    },
  };
}


function describeFailure(userId: string, error: unknown): FailureReason {
  const { name = 'Error', message = String(error) } = (error ?? {}) as { name?: string; message?: string };
  return { name, message: `Could not sessionize user '${userId}': ${message}` };
}
