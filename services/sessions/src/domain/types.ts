import type { components, FailureReason, RecordRejection } from '@sdp/shared';

export type ClickstreamEvent = components['schemas']['ClickstreamEvent'];
export type ClickstreamEnvelope = components['schemas']['ClickstreamEnvelope'];
export type Session = components['schemas']['Session'];
export type SessionList = components['schemas']['SessionList'];

/** One record of the clickstream stream, as the function receives it. */
export interface SourceRecord {
  shardId: string;
  /** Kinesis sequence number, exactly as delivered (it is also the batch item identifier) */
  sequenceNumber: string;
  /** The record's data, decoded as UTF-8 */
  data: string;
}

/** A clickstream event reduced to what sessions need. */
export interface SessionEvent {
  userId: string;
  /** The event's identity within its user, in event-time order: see `eventKeyOf` */
  eventKey: string;
  timestampMs: number;
  eventName: string;
  deviceType: string;
  sequenceNumber: string;
}

/**
 * A session as stored, one per user and number. Active sessions of a user never come closer than
 * the session gap to each other; a `merged` one was joined to `mergedInto` by a late event.
 */
export interface StoredSession {
  userId: string;
  sessionNo: number;
  status: 'active' | 'merged';
  mergedInto?: string;
  startMs: number;
  endMs: number;
  eventCount: number;
  /** The entry event's device */
  deviceType: string;
  /** Keys of the first and last event (ties in time broken by name), and their names */
  entryKey: string;
  entryEvent: string;
  exitKey: string;
  exitEvent: string;
  updatedAt: string;
  /** Grows with every write; a write expects the version it read */
  version: number;
}

/** One session to write: `expectedVersion` undefined for a new session. */
export interface SessionWrite {
  session: StoredSession;
  expectedVersion?: number;
}

/** Everything one step of a user's sessionizing writes, atomically. */
export interface SessionChange {
  userId: string;
  /** Event keys to claim; the change applies only if none was claimed before */
  claims: { eventKey: string; expiresAt?: number }[];
  writes: SessionWrite[];
  /** The user's highest session number before and after, when new sessions were numbered */
  sessionNumbers?: { from: number; to: number };
}

/** Where sessions and the claimed event keys live (DynamoDB; in memory in unit tests). */
export interface SessionStore {
  /** A user's active sessions that end at or after `fromMs` and start at or before `toMs`. */
  activeSessionsNear(userId: string, fromMs: number, toMs: number): Promise<StoredSession[]>;
  /** The highest session number the user was given so far; 0 before the first. */
  lastSessionNo(userId: string): Promise<number>;
  /**
   * Applies the change atomically. When some event keys were claimed before, nothing is written and
   * they are named; when a session changed since it was read, rejects with ConcurrentSessionChangeError.
   */
  commit(change: SessionChange): Promise<{ alreadyClaimed: string[] }>;
  /** A user's sessions, merged ones included, in no particular order. */
  sessionsOf(userId: string): Promise<StoredSession[]>;
}

/** What sessionizing a batch did, for the log and for `processStreamBatch`. */
export interface SessionizeOutcome {
  batchItemFailures: { itemIdentifier: string }[];
  failure?: FailureReason;
  rejected: RecordRejection[];
  /** Events added to sessions */
  sessionized: number;
  /** Copies of events already in a session */
  duplicates: number;
  /** Records that could never be sessionized (invalid, too late) */
  invalid: number;
  /** Records of users whose step failed; re-delivered */
  failed: number;
  /** Sessions written (new, extended, merged) */
  sessionsWritten: number;
}

/** A `GET /sessions` request after validation and defaults. */
export interface SessionsRequest {
  userId: string;
  from?: Date;
  to?: Date;
  includeMerged: boolean;
  limit: number;
}
