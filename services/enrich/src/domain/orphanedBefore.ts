/**
 * The event time before which an unjoined event is an orphan at `now`: its partner may still join
 * while the partner's event time is at most `timeoutMs` away, so only an event more than `timeoutMs`
 * older than `now` can no longer be joined by anything that arrives from now on.
 *
 * @example
 * orphanedBefore(new Date('2026-03-29T12:05:00Z'), 5 * 60_000) // 2026-03-29T12:00:00Z
 * // an impression at 11:59:59.999 is an orphan; one at 12:00:00 may still join a bid at 12:05:00
 */
export function orphanedBefore(now: Date, timeoutMs: number): Date {
  return new Date(now.getTime() - timeoutMs);
}

/** Whether an unjoined event at `eventTime` is an orphan at `now`. */
export function isOrphan(eventTime: Date, now: Date, timeoutMs: number): boolean {
  return eventTime < orphanedBefore(now, timeoutMs);
}
