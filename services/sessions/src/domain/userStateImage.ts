import type { RecentSession, SkippedRecord, UserSessions } from './types.js';

/** Item 0 of a user's sessions holds its state; sessions are items 1, 2, … */
export const STATE_SESSION_NO = 0;

/** A recent session in the state item: its fields in this order, then its event keys (see `encodeKeys`). */
type SessionTuple = [number, number, number, number, string, string, string, string, string, string, string];

/**
 * A user's state as its item (item 0) in plain values, compact because one write replaces it per
 * batch and DynamoDB bills a write per started KB: the recent sessions as JSON tuples, and each
 * session's event keys as `<ms after its start, base 36>.<index of name#type>` joined by commas,
 * against one list of the user's `name#type`s.
 *
 * @example
 * toStateImage(state)
 * // { user_id: 'u1', session_no: 0, last_session_no: 2, horizon_ms: 0, version: 3, names: '["detail#click"]', recent: '[[2,1763805600000,…,"0.0,1z.0"]]' }
 */
export function toStateImage(state: UserSessions): Record<string, unknown> {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const indexOf = (name: string) => {
    let index = nameIndex.get(name);
    if (index === undefined) nameIndex.set(name, (index = names.push(name) - 1));
    return index;
  };
  const recent = state.recent.map((s): SessionTuple => [
    s.sessionNo,
    s.startMs,
    s.endMs,
    s.eventCount,
    s.deviceType,
    s.entryKey,
    s.entryEvent,
    s.exitKey,
    s.exitEvent,
    s.updatedAt,
    s.eventKeys.map((key) => `${(timestampOf(key) - s.startMs).toString(36)}.${indexOf(nameOf(key))}`).join(','),
  ]);
  return {
    user_id: state.userId,
    session_no: STATE_SESSION_NO,
    last_session_no: state.lastSessionNo,
    horizon_ms: state.horizonMs,
    version: state.version,
    names: JSON.stringify(names),
    recent: JSON.stringify(recent),
    ...(state.merged.length > 0
      ? { merged: JSON.stringify(state.merged.map(({ sessionNo, into }) => [sessionNo, into])) }
      : {}),
    positions: JSON.stringify(state.positions),
    ...(state.skipped.length > 0
      ? {
          skipped: JSON.stringify(
            state.skipped.map(({ shardId, position, atMs }) => [shardId, position, Math.floor(atMs / 1000)]),
          ),
        }
      : {}),
    ...(state.rate.length > 0
      ? { rate: JSON.stringify(state.rate.map(({ minuteMs, events }) => [minuteMs / 60_000, events])) }
      : {}),
    ...(state.bot ? { bot: JSON.stringify([state.bot.sinceMs, state.bot.from]) } : {}),
  };
}

/**
 * The state a state item holds. An item written before event keys were kept (its `recent` is a list
 * of objects) gives sessions without keys.
 *
 * @example
 * fromStateImage(toStateImage(state)) // state, as it was
 */
export function fromStateImage(image: Record<string, unknown>): UserSessions {
  const userId = String(image.user_id);
  const names = JSON.parse(typeof image.names === 'string' ? image.names : '[]') as string[];
  const recent = (
    JSON.parse(String(image.recent)) as (SessionTuple | Omit<RecentSession, 'userId' | 'eventKeys'>)[]
  ).map((entry): RecentSession => {
    if (!Array.isArray(entry)) return { ...entry, userId, eventKeys: [] };
    const [
      sessionNo,
      startMs,
      endMs,
      eventCount,
      deviceType,
      entryKey,
      entryEvent,
      exitKey,
      exitEvent,
      updatedAt,
      keys,
    ] = entry;
    const eventKeys =
      keys === ''
        ? []
        : keys.split(',').map((key) => {
            const [offset, name] = key.split('.') as [string, string];
            return keyOf(startMs + parseInt(offset, 36), names[Number(name)]!);
          });
    return {
      userId,
      sessionNo,
      status: 'active',
      startMs,
      endMs,
      eventCount,
      deviceType,
      entryKey,
      entryEvent,
      exitKey,
      exitEvent,
      updatedAt,
      eventKeys,
    };
  });
  const merged = (JSON.parse(typeof image.merged === 'string' ? image.merged : '[]') as [number, number][]).map(
    ([sessionNo, into]) => ({ sessionNo, into }),
  );
  return {
    userId,
    lastSessionNo: Number(image.last_session_no),
    horizonMs: Number(image.horizon_ms),
    version: Number(image.version),
    recent,
    merged,
    rate: (JSON.parse(typeof image.rate === 'string' ? image.rate : '[]') as [number, number][]).map(
      ([minute, events]) => ({ minuteMs: minute * 60_000, events }),
    ),
    ...decisionsOfImage(image),
  };
}

/**
 * What a state item says sessions decided about the user's records: `positions` (JSON: shard → the
 * position of the last record decided), `skipped` (JSON: `[shard, position, epoch seconds]` of
 * the records it did not add) and `bot` (JSON: `[since ms, { shard: position }]`, a user taken for a
 * bot by its rate); any may be absent. Demand reads these alone (`userDecisionsOf`).
 *
 * @example
 * decisionsOfImage({ positions: '{"shardId-000000000000":"0561"}', skipped: '[["shardId-000000000000","0559",1763805600]]' })
 * // { positions: { 'shardId-000000000000': '0561' }, skipped: [{ shardId: 'shardId-000000000000', position: '0559', atMs: 1763805600000 }] }
 */
export function decisionsOfImage(image: {
  positions?: unknown;
  skipped?: unknown;
  bot?: unknown;
}): Pick<UserSessions, 'positions' | 'skipped' | 'bot'> {
  const positions = JSON.parse(typeof image.positions === 'string' ? image.positions : '{}') as Record<string, string>;
  const skipped = (
    JSON.parse(typeof image.skipped === 'string' ? image.skipped : '[]') as [string, string, number][]
  ).map(([shardId, position, atSec]): SkippedRecord => ({ shardId, position, atMs: atSec * 1000 }));
  if (typeof image.bot !== 'string') return { positions, skipped };
  const [sinceMs, from] = JSON.parse(image.bot) as [number, Record<string, string>];
  return { positions, skipped, bot: { sinceMs, from } };
}

/** The parts of a `clickstreamEventKey`: 13 digits of milliseconds, `#`, then `name#type`. */
const TIMESTAMP_DIGITS = 13;

function timestampOf(key: string): number {
  return Number(key.slice(0, TIMESTAMP_DIGITS));
}

function nameOf(key: string): string {
  return key.slice(TIMESTAMP_DIGITS + 1);
}

function keyOf(timestampMs: number, name: string): string {
  return `${String(timestampMs).padStart(TIMESTAMP_DIGITS, '0')}#${name}`;
}
