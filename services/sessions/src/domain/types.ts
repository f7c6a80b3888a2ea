import type { components } from '@sdp/shared-contract';
import type { FailureReason, RecordRejection } from '@sdp/shared-streams';

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
  /** The event's identity within its user, in event-time order: see `clickstreamEventKey` */
  eventKey: string;
  timestampMs: number;
  eventName: string;
  deviceType: string;
  /** The shard the record came from (`<shard>-replay` for a replay) and its position there */
  shardId: string;
  sequenceNumber: string;
}

/** A record of a user that sessions decided not to add: a copy, or too late. */
export interface SkippedRecord {
  shardId: string;
  /** `streamPosition` of its sequence number */
  position: string;
  /** When it was decided, to forget it a day later */
  atMs: number;
}

/** A user's distinct events in one minute of event time, for the rate heuristic (`screenEventRate`). */
export interface EventRate {
  minuteMs: number;
  events: number;
}

/**
 * A user sessions took for a bot by its rate (`screenEventRate`, docs/adr/0024-bot-filtering.md): its
 * events from `sinceMs` on are bot traffic. `from` is, per shard, the lowest position of the records
 * it left out when it decided: a record before it was decided before the verdict.
 */
export interface RateVerdict {
  sinceMs: number;
  from: Record<string, string>;
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
}

/** A session a late event can still change, with the keys of its events (a resent copy is recognised by its key). */
export interface RecentSession extends StoredSession {
  /** Its events' keys (`clickstreamEventKey`), sorted */
  eventKeys: string[];
}

/**
 * Everything sessionizing knows about a user, kept in one item (item 0) that one conditional write
 * replaces per batch (docs/adr/0019-counting-per-batch.md): the last session number given, the
 * user's recent active sessions (those a new event can still touch) with their events' keys, the
 * horizon before which events are too late for this user (sessions that old left `recent`), and a
 * version that every write expects.
 */
export interface UserSessions {
  userId: string;
  lastSessionNo: number;
  /** Active sessions, oldest first */
  recent: RecentSession[];
  /** Events before this time could touch a dropped session; they are set aside as too late */
  horizonMs: number;
  /** 0 before the user's first write */
  version: number;
  /** The sessions this state's write merged into others (session number → the one it joined), for publishing */
  merged: { sessionNo: number; into: number }[];
  /**
   * Per clickstream shard, the position of the user's last record decided (added, a copy, or too
   * late): demand counts a record once sessions decided it, unless it is in `skipped`
   * (docs/adr/0019-counting-per-batch.md)
   */
  positions: Record<string, string>;
  /** The user's records of the last day that sessions did not add */
  skipped: SkippedRecord[];
  /** The user's distinct events in its last few minutes of event time (until it is taken for a bot) */
  rate: EventRate[];
  /** Set once the user's rate passed what a person does: its events from then on are bot traffic */
  bot?: RateVerdict;
}

/** Everything one step of a user's sessionizing writes. */
export interface SessionChange {
  userId: string;
  /**
   * Sessions that leave `recent` (too old for late events, beyond the limits, or merged into
   * another), written once as items of their own before the state; a reader lets `recent` win
   */
  archives: StoredSession[];
  /** Sessions created, extended or merged by this step */
  written: StoredSession[];
  /** The user's state after the change, stored only if its version is still `state.version - 1` */
  state: UserSessions;
}

/** What a commit of several users' changes did, per user. */
export interface CommitOutcome {
  /** Users whose changes are stored */
  applied: Set<string>;
  /** Users whose state changed since it was read: their state was not written */
  conflicted: Set<string>;
  /** Users whose writes failed otherwise (throttled, unreachable…), with the error */
  failed: Map<string, unknown>;
}

/** Where sessions and users' states live (DynamoDB; in memory in unit tests). */
export interface SessionStore {
  /** The states of these users; a user never seen has none. */
  loadUsers(userIds: readonly string[]): Promise<Map<string, UserSessions>>;
  /**
   * Applies the changes, each user's on its own: its archives, then its state on condition that
   * the version is still the one read. Never rejects: a user whose write fails otherwise is named
   * under `failed`.
   */
  commit(changes: readonly SessionChange[]): Promise<CommitOutcome>;
  /** A user's sessions, merged ones included, in no particular order: the recent ones from its state, the others archived. */
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
  /** Bot traffic (envelopes marked `bot` by ingest, and events of users past the rate limit): kept out of sessions, and so out of demand */
  bots: number;
  /** Records that could never be sessionized (invalid, too late) */
  invalid: number;
  /** Records of users whose step failed; re-delivered */
  failed: number;
  /** Sessions written (new, extended, merged) */
  sessionsWritten: number;
  /** Rounds of steps committed, and the time spent loading users' states and committing */
  rounds: number;
  loadMs: number;
  commitMs: number;
}

/** A `GET /sessions` request after validation and defaults. */
export interface SessionsRequest {
  userId: string;
  from?: Date;
  to?: Date;
  includeMerged: boolean;
  limit: number;
}
