import { clickstreamEventKey, describeUnreadableRecord, earliestSequence, readContractRecord, validateClickstreamEnvelope, type FailureReason, type RecordRejection } from '@sdp/shared';
import { CLICKSTREAM_SCHEMA_VERSION, EVENTS_PER_STEP, MAX_CONFLICTS } from './constants.js';
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

/** A user's events still to sessionize and where the user stands. */
interface UserWork {
  userId: string;
  pending: SessionEvent[];
  state: UserSessions | undefined;
  conflicts: number;
  error?: unknown;
}

/**
 * Adds a batch of clickstream records to their users' sessions, each event exactly once.
 *
 * Records that are not a valid `ClickstreamEnvelope`, and events older than the lateness limit (or
 * than the sessions kept for their user), are rejected with the reason (the failed-events store
 * keeps them). Copies of one event collapse into one. All users' states are read at once; then, in
 * rounds, every user with events left plans a step of up to `EVENTS_PER_STEP` events
 * (`planSessionChange`) and all steps are committed together, many users per transaction. A step
 * whose events were claimed before is planned again without them (they are duplicates); a step that
 * met a changed state reloads it. A user that fails makes the lowest sequence number among its
 * records the batch item failure; on re-delivery its events already sessionized are duplicates.
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
  const work: UserWork[] = [];
  for (const [userId, events] of byUser) {
    const state = states.get(userId);
    const pending: SessionEvent[] = [];
    for (const event of [...events.values()].sort((a, b) => (a.eventKey < b.eventKey ? -1 : 1))) {
      if (state && event.timestampMs < state.horizonMs) reject(tooLateForUser(event, state));
      else pending.push(event);
    }
    work.push({ userId, pending, state, conflicts: 0 });
  }

  for (let round = work.filter((user) => user.pending.length > 0); round.length > 0; round = round.filter((user) => user.pending.length > 0 && user.error === undefined)) {
    const steps = new Map<string, { user: UserWork; events: SessionEvent[]; change: SessionChange }>();
    for (const user of round) {
      const events = user.pending.slice(0, EVENTS_PER_STEP);
      steps.set(user.userId, { user, events, change: planSessionChange(user.userId, events, user.state, { gapMs, latenessMs, now: startedAt }) });
    }
    outcome.rounds++;
    mark = performance.now();
    const committed = await store.commit([...steps.values()].map((step) => step.change));
    outcome.commitMs += Math.round(performance.now() - mark);
    for (const { user, events, change } of steps.values()) {
      if (committed.failed.has(user.userId)) {
        user.error = committed.failed.get(user.userId);
        continue;
      }
      if (committed.applied.has(user.userId)) {
        user.pending = user.pending.slice(events.length);
        user.state = change.state;
        outcome.sessionized += events.length;
        outcome.sessionsWritten += change.writes.length;
        continue;
      }
      const claimed = new Set(committed.alreadyClaimed.get(user.userId) ?? []);
      if (claimed.size > 0) {
        outcome.duplicates += claimed.size;
        user.pending = user.pending.filter((event) => !claimed.has(event.eventKey));
      } else if (committed.conflicted.has(user.userId)) {
        if (++user.conflicts >= MAX_CONFLICTS) user.error = new ConcurrentSessionChangeError(user.userId);
        else user.state = (await store.loadUsers([user.userId])).get(user.userId);
      }
    }
  }

  let lowest: string | undefined;
  for (const user of work) {
    if (user.error === undefined) continue;
    const events = [...byUser.get(user.userId)!.values()];
    outcome.failed += events.length;
    lowest = earliestSequence(events.map((event) => event.sequenceNumber), lowest);
    outcome.failure ??= describeFailure(user.userId, user.error);
    log('could not sessionize a user; their records will be re-delivered', { userId: user.userId, error: user.error });
  }
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  return outcome;
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
