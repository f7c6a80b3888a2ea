import { isSequenceBefore, mapWithConcurrency, type RecordRejection, type Violation } from '@sdp/shared';
import { EVENTS_PER_TRANSACTION, USER_CONCURRENCY } from './constants.js';
import { SessionChangeRefusedError } from './errors.js';
import { eventKeyOf } from './eventKeyOf.js';
import { planSessionChange } from './planSessionChange.js';
import { readClickstreamRecord } from './readClickstreamRecord.js';
import type { SessionEvent, SessionizeOutcome, SessionStore, SourceRecord } from './types.js';

export interface SessionizeOptions {
  store: SessionStore;
  /** A gap this long or longer between two events of a user starts a new session */
  gapMs: number;
  /** Events older than this when processed are set aside as too late; 0 accepts any age */
  latenessMs: number;
  now: () => Date;
  log: (message: string, data: Record<string, unknown>) => void;
  concurrency?: number;
}

interface UserResult {
  userId: string;
  sessionized: number;
  duplicates: number;
  sessionsWritten: number;
  error?: unknown;
}

/**
 * Adds a batch of clickstream records to their users' sessions, each event exactly once.
 *
 * Records that are not a valid `ClickstreamEnvelope`, or whose event is older than the lateness
 * limit, are rejected with the reason (the failed-events store keeps them). Copies of one event
 * collapse into one. Each user's events go in steps of `EVENTS_PER_TRANSACTION`: read the active
 * sessions near them, plan (`planSessionChange`), commit claims and sessions in one transaction;
 * events claimed before are duplicates and the step is planned again without them. Users are
 * independent; when one fails, the lowest sequence number among its records is the batch item
 * failure, and on re-delivery its events already sessionized are recognised as duplicates.
 *
 * @example
 * await sessionizeBatch(records, { store, gapMs: 10_000, latenessMs: 172_800_000, now: () => new Date(), log })
 * // { batchItemFailures: [], sessionized: 498, duplicates: 2, invalid: 0, failed: 0, sessionsWritten: 37, rejected: [] }
 */
export async function sessionizeBatch(records: readonly SourceRecord[], options: SessionizeOptions): Promise<SessionizeOutcome> {
  const { latenessMs, now, log, concurrency = USER_CONCURRENCY } = options;
  const outcome: SessionizeOutcome = { batchItemFailures: [], rejected: [], sessionized: 0, duplicates: 0, invalid: 0, failed: 0, sessionsWritten: 0 };
  const startedAt = now();
  const byUser = new Map<string, Map<string, SessionEvent>>();
  for (const record of records) {
    const rejection = readSessionEvent(record, latenessMs, startedAt);
    if ('reason' in rejection) {
      outcome.invalid++;
      outcome.rejected.push(rejection);
      log('set aside a clickstream record that cannot be sessionized', { shardId: record.shardId, ...rejection });
      continue;
    }
    const events = byUser.get(rejection.userId) ?? new Map<string, SessionEvent>();
    if (events.has(rejection.eventKey)) outcome.duplicates++;
    else events.set(rejection.eventKey, rejection);
    byUser.set(rejection.userId, events);
  }

  const results = await mapWithConcurrency([...byUser], concurrency, ([userId, events]) =>
    sessionizeUser(userId, [...events.values()].sort((a, b) => (a.eventKey < b.eventKey ? -1 : 1)), options, startedAt).catch(
      (error: unknown): UserResult => ({ userId, sessionized: 0, duplicates: 0, sessionsWritten: 0, error }),
    ),
  );

  let lowest: string | undefined;
  for (const result of results) {
    outcome.sessionized += result.sessionized;
    outcome.duplicates += result.duplicates;
    outcome.sessionsWritten += result.sessionsWritten;
    if (result.error === undefined) continue;
    const events = [...byUser.get(result.userId)!.values()];
    outcome.failed += events.length;
    for (const { sequenceNumber } of events) if (lowest === undefined || isSequenceBefore(sequenceNumber, lowest)) lowest = sequenceNumber;
    const { name = 'Error', message = String(result.error) } = result.error as { name?: string; message?: string };
    outcome.failure ??= { name, message: `Could not sessionize user '${result.userId}': ${message}` };
    log('could not sessionize a user; their records will be re-delivered', { userId: result.userId, error: result.error });
  }
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  return outcome;
}

async function sessionizeUser(userId: string, events: readonly SessionEvent[], options: SessionizeOptions, now: Date): Promise<UserResult> {
  const { store, gapMs, latenessMs } = options;
  const result: UserResult = { userId, sessionized: 0, duplicates: 0, sessionsWritten: 0 };
  const expiresAtOf = (event: SessionEvent) => (latenessMs > 0 ? Math.ceil((event.timestampMs + latenessMs) / 1000) : undefined);
  for (let start = 0; start < events.length; start += EVENTS_PER_TRANSACTION) {
    let pending = events.slice(start, start + EVENTS_PER_TRANSACTION);
    while (pending.length > 0) {
      const [candidates, lastSessionNo] = await Promise.all([
        store.activeSessionsNear(userId, pending[0]!.timestampMs - gapMs + 1, pending.at(-1)!.timestampMs + gapMs - 1),
        store.lastSessionNo(userId),
      ]);
      const change = planSessionChange(userId, pending, candidates, { gapMs, lastSessionNo, now, expiresAtOf });
      const { alreadyClaimed } = await store.commit(change);
      if (alreadyClaimed.length === 0) {
        result.sessionized += pending.length;
        result.sessionsWritten += change.writes.length;
        break;
      }
      const claimed = new Set(alreadyClaimed);
      const rest = pending.filter((event) => !claimed.has(event.eventKey));
      if (rest.length === pending.length) throw new SessionChangeRefusedError(userId);
      result.duplicates += pending.length - rest.length;
      pending = rest;
    }
  }
  return result;
}

function readSessionEvent(record: SourceRecord, latenessMs: number, now: Date): SessionEvent | RecordRejection {
  const reading = readClickstreamRecord(record.data);
  if (!reading.ok) return { sequenceNumber: record.sequenceNumber, reason: describeRejection(reading.reason, reading.violations) };
  const { data } = reading.envelope;
  if (latenessMs > 0 && data.event_timestamp < now.getTime() - latenessMs) {
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
    eventKey: eventKeyOf(data),
    timestampMs: data.event_timestamp,
    eventName: data.event_name,
    deviceType: data.device_type ?? 'unknown',
    sequenceNumber: record.sequenceNumber,
  };
}

function describeRejection(reason: string, violations: Violation[]): { name: string; message: string } {
  if (reason === 'not_json') return { name: 'InvalidJson', message: 'The record is not JSON.' };
  if (reason === 'unknown_schema_version') return { name: 'UnknownSchemaVersion', message: 'The record has a schema_version this consumer does not read.' };
  return { name: 'InvalidClickstreamEvent', message: `The record is not a valid ClickstreamEnvelope: ${violations.map((v) => `${v.path} ${v.message}`).join('; ')}.` };
}

