import { validateClickstreamEnvelope } from '@sdp/shared-contract';
import {
  clickstreamEventKey,
  describeUnreadableRecord,
  earliestSequence,
  isReplayShard,
  readContractRecord,
  streamPosition,
  type FailureReason,
  type RecordRejection,
} from '@sdp/shared-streams';
import { CLICKSTREAM_SCHEMA_VERSION, MAX_CONFLICTS } from './constants.js';
import { ConcurrentSessionChangeError } from './errors.js';
import { planSessionChange } from './planSessionChange.js';
import { screenEventRate, type RateScreening } from './screenEventRate.js';
import type {
  SessionChange,
  SessionEvent,
  SessionizeOutcome,
  SessionStore,
  SourceRecord,
  UserSessions,
} from './types.js';

export interface SessionizeOptions {
  store: SessionStore;
  /** A gap this long or longer between two events of a user starts a new session */
  gapMs: number;
  /** Events older than this when processed are set aside as too late */
  latenessMs: number;
  /** A user with more distinct events than this in one minute of event time is a bot from then on (`screenEventRate`) */
  botEventsPerMinute: number;
  now: () => Date;
  log: (message: string, data: Record<string, unknown>) => void;
}

/** A user's records of the batch and where the user stands. */
interface UserWork {
  userId: string;
  /** The user's events of the batch, distinct by key, in key (event-time) order */
  events: SessionEvent[];
  /** Later records of an event already in `events`: copies within the batch */
  copies: SessionEvent[];
  /** Events more than the lateness limit late, set aside */
  late: { event: SessionEvent; rejection: RecordRejection }[];
  state: UserSessions | undefined;
  conflicts: number;
  /** Set once the user is done: its events screened against the state its step was planned on */
  screened?: Screened;
  error?: unknown;
}

/** A user's events sorted out against its state. */
interface Screened {
  /** Events a person made that no session holds yet: added */
  fresh: SessionEvent[];
  /** Events no session holds, of a user whose rate passed what a person does: left out (`screenEventRate`) */
  bots: SessionEvent[];
  /** Events whose key is in a recent session: re-deliveries and resent copies */
  known: SessionEvent[];
  /** Events before the user's horizon */
  tooLate: { event: SessionEvent; rejection: RecordRejection }[];
  /** What the user's state keeps of its rate after these events, and its verdict if it is a bot */
  rate: RateScreening['rate'];
  verdict: RateScreening['verdict'];
}

/** Decisions are forgotten a day after they were made: longer than a stream keeps a record. */
const SKIPPED_RETENTION_MS = 25 * 3_600_000;
/** Skipped records kept per user at most (a resending bot must not outgrow the state item). */
const MAX_SKIPPED = 2_000;

/**
 * Adds a batch of clickstream records to their users' sessions, each event exactly once
 * (docs/adr/0019-counting-per-batch.md).
 *
 * Bot traffic (an envelope ingest marked `bot`, ADR 24) is kept out of sessions and only counted.
 * Records that are not a valid `ClickstreamEnvelope`, and events older than the lateness limit (or
 * than the sessions kept for their user), are rejected with the reason (the failed-events store
 * keeps them). All users' states are read at once. A user's state keeps the keys of the events of
 * its recent sessions, so a re-delivered record or a resent copy (same key) changes nothing; the
 * others are planned in one step (`planSessionChange`) and each user's step is one conditional
 * write of its state (after the archives of sessions that leave it), which also records, per shard,
 * the position of the user's last record decided and the records not added (copies, too late), so
 * that demand counts exactly what sessions added. A step that met a changed state is planned again
 * from the new one. A user that fails makes the lowest sequence number among its records the batch
 * item failure; on re-delivery its events already sessionized are known by their keys.
 *
 * @example
 * await sessionizeBatch(records, { store, gapMs: 10_000, latenessMs: 172_800_000, now: () => new Date(), log })
 * // { batchItemFailures: [], sessionized: 498, duplicates: 2, bots: 0, invalid: 0, failed: 0, sessionsWritten: 37, rejected: [] }
 */
export async function sessionizeBatch(
  records: readonly SourceRecord[],
  options: SessionizeOptions,
): Promise<SessionizeOutcome> {
  const { store, gapMs, latenessMs, botEventsPerMinute, now, log } = options;
  const outcome: SessionizeOutcome = {
    batchItemFailures: [],
    rejected: [],
    sessionized: 0,
    duplicates: 0,
    bots: 0,
    invalid: 0,
    failed: 0,
    sessionsWritten: 0,
    rounds: 0,
    loadMs: 0,
    commitMs: 0,
  };
  const startedAt = now();
  const reject = (rejection: RecordRejection) => {
    outcome.invalid++;
    outcome.rejected.push(rejection);
    log('set aside a clickstream record that cannot be sessionized', { ...rejection });
  };

  const byUser = new Map<
    string,
    { events: Map<string, SessionEvent>; copies: SessionEvent[]; late: UserWork['late'] }
  >();
  for (const record of records) {
    const reading = readSessionEvent(record, latenessMs, startedAt);
    if ('reason' in reading) {
      reject(reading);
      continue;
    }
    if ('bot' in reading) {
      outcome.bots++;
      continue;
    }
    const user = byUser.get(reading.event.userId) ?? { events: new Map<string, SessionEvent>(), copies: [], late: [] };
    byUser.set(reading.event.userId, user);
    if (reading.tooLate) user.late.push({ event: reading.event, rejection: reading.tooLate });
    else if (user.events.has(reading.event.eventKey)) user.copies.push(reading.event);
    else user.events.set(reading.event.eventKey, reading.event);
  }

  let mark = performance.now();
  const states = await store.loadUsers([...byUser.keys()]);
  outcome.loadMs = Math.round(performance.now() - mark);
  const work: UserWork[] = [...byUser].map(([userId, { events, copies, late }]) => ({
    userId,
    events: [...events.values()].sort((a, b) => (a.eventKey < b.eventKey ? -1 : 1)),
    copies,
    late,
    state: states.get(userId),
    conflicts: 0,
  }));

  for (
    let round = work;
    round.length > 0;
    round = round.filter((user) => user.screened === undefined && user.error === undefined)
  ) {
    const steps: { user: UserWork; screened: Screened; change: SessionChange }[] = [];
    for (const user of round) {
      const screened = screen(user.events, user.state, botEventsPerMinute);
      const change = changeOf(user, screened, { gapMs, latenessMs, now: startedAt });
      if (change) steps.push({ user, screened, change });
      else user.screened = screened;
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
      outcome.duplicates += user.copies.length + user.screened.known.length;
      outcome.bots += user.screened.bots.length;
      for (const { rejection } of [...user.late, ...user.screened.tooLate]) reject(rejection);
      continue;
    }
    const all = [...user.events, ...user.copies, ...user.late.map(({ event }) => event)];
    outcome.failed += all.length;
    lowest = earliestSequence(
      all.map((event) => event.sequenceNumber),
      lowest,
    );
    outcome.failure ??= describeFailure(user.userId, user.error);
    log('could not sessionize a user; their records will be re-delivered', { userId: user.userId, error: user.error });
  }
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  return outcome;
}

/**
 * Sorts a user's events against its state: already in a recent session (by key), before its
 * horizon, or new; and the new ones by the user's rate, a person's or a bot's.
 */
function screen(
  events: readonly SessionEvent[],
  state: UserSessions | undefined,
  botEventsPerMinute: number,
): Screened {
  const known: SessionEvent[] = [];
  const tooLate: Screened['tooLate'] = [];
  const fresh: SessionEvent[] = [];
  const keys = new Set(state?.recent.flatMap((session) => session.eventKeys));
  for (const event of events) {
    if (keys.has(event.eventKey)) known.push(event);
    else if (state && event.timestampMs < state.horizonMs)
      tooLate.push({ event, rejection: tooLateForUser(event, state) });
    else fresh.push(event);
  }
  const { people, bots, rate, verdict } = screenEventRate(fresh, state ?? { rate: [] }, botEventsPerMinute);
  return { fresh: people, bots, known, tooLate, rate, verdict };
}

/**
 * What a user's step writes, or undefined when it writes nothing: its new events planned into its
 * sessions, and what it decided about records it had not decided before (their positions, and
 * those it did not add). Records at or below a shard's decided position are re-deliveries.
 */
function changeOf(
  user: UserWork,
  screened: Screened,
  options: { gapMs: number; latenessMs: number; now: Date },
): SessionChange | undefined {
  const state: UserSessions = user.state ?? {
    userId: user.userId,
    lastSessionNo: 0,
    recent: [],
    horizonMs: 0,
    version: 0,
    merged: [],
    positions: {},
    skipped: [],
    rate: [],
  };
  const undecided = (event: SessionEvent) =>
    !isReplayShard(event.shardId) && streamPosition(event.sequenceNumber) > (state.positions[event.shardId] ?? '');
  const notAdded = [
    ...screened.known,
    ...screened.tooLate.map(({ event }) => event),
    ...user.copies,
    ...user.late.map(({ event }) => event),
  ].filter(undecided);
  // A bot's records are neither added nor listed as skipped: demand knows them by the verdict.
  const decided = [...screened.fresh.filter(undecided), ...screened.bots.filter(undecided), ...notAdded];
  // A verdict reached on replayed records alone decides no position, and must still be written.
  const newVerdict = screened.verdict !== undefined && state.bot === undefined;
  if (screened.fresh.length === 0 && decided.length === 0 && !newVerdict) return undefined;

  const positions = { ...state.positions };
  for (const event of decided) {
    const position = streamPosition(event.sequenceNumber);
    if (position > (positions[event.shardId] ?? '')) positions[event.shardId] = position;
  }
  const atMs = options.now.getTime();
  const skipped = [
    ...state.skipped.filter((record) => record.atMs >= atMs - SKIPPED_RETENTION_MS),
    ...notAdded.map((event) => ({ shardId: event.shardId, position: streamPosition(event.sequenceNumber), atMs })),
  ].slice(-MAX_SKIPPED);
  const planned: SessionChange =
    screened.fresh.length > 0
      ? planSessionChange(user.userId, screened.fresh, user.state, options)
      : { userId: user.userId, archives: [], written: [], state: { ...state, version: state.version + 1, merged: [] } };
  return {
    ...planned,
    state: {
      ...planned.state,
      positions,
      skipped,
      rate: screened.rate,
      ...(screened.verdict ? { bot: screened.verdict } : {}),
    },
  };
}

/** A record's event, with why it is too late when it is; bot traffic; or why the record can never be read. */
function readSessionEvent(
  record: SourceRecord,
  latenessMs: number,
  now: Date,
): { event: SessionEvent; tooLate?: RecordRejection } | { bot: true } | RecordRejection {
  const reading = readContractRecord(record.data, CLICKSTREAM_SCHEMA_VERSION, validateClickstreamEnvelope);
  if (!reading.ok)
    return { sequenceNumber: record.sequenceNumber, reason: describeUnreadableRecord('ClickstreamEnvelope', reading) };
  if (reading.value.bot === true) return { bot: true };
  const { data } = reading.value;
  const event: SessionEvent = {
    userId: data.user_id,
    eventKey: clickstreamEventKey(data),
    timestampMs: data.event_timestamp,
    eventName: data.event_name,
    deviceType: data.device_type ?? 'unknown',
    shardId: record.shardId,
    sequenceNumber: record.sequenceNumber,
  };
  if (data.event_timestamp >= now.getTime() - latenessMs) return { event };
  const hours = latenessMs / 3_600_000;
  return {
    event,
    tooLate: {
      sequenceNumber: record.sequenceNumber,
      reason: {
        name: 'TooLate',
        message: `The event happened at ${new Date(data.event_timestamp).toISOString()}, more than ${hours} h before it was processed; sessions take events up to ${hours} h late (sessionLatenessHours).`,
      },
    },
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
