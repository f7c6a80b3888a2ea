/** A clickstream event as posted to `POST /clickstream`. */
export interface PostedClick {
  user_id: string;
  event_timestamp: number;
  event_name: string;
  event_type?: string;
  device_type?: string;
  product_id?: string;
  quantity?: number;
}

/** What a session must be, without its id (ids depend on arrival order). */
export interface ExpectedSession {
  user_id: string;
  start: string;
  end: string;
  event_count: number;
  device_type: string;
  entry_event: string;
  exit_event: string;
}

/**
 * The sessions a clickstream must end up in, computed the plain way: each user's distinct events
 * (by time, name and type) sorted by time, name and type, cut where the gap to the previous event is
 * at least `gapMs`. Independent of how the service gets there.
 */
export function sessionsOracle(events: readonly PostedClick[], gapMs: number): Map<string, ExpectedSession[]> {
  const byUser = new Map<string, Map<string, PostedClick>>();
  for (const event of events) {
    const key = `${event.event_timestamp}|${event.event_name}|${event.event_type ?? 'click'}`;
    const distinct = byUser.get(event.user_id) ?? new Map<string, PostedClick>();
    if (!distinct.has(key)) distinct.set(key, event);
    byUser.set(event.user_id, distinct);
  }
  const sessions = new Map<string, ExpectedSession[]>();
  for (const [userId, distinct] of byUser) {
    const sorted = [...distinct.values()].sort(
      (a, b) =>
        a.event_timestamp - b.event_timestamp ||
        compare(a.event_name, b.event_name) ||
        compare(a.event_type ?? 'click', b.event_type ?? 'click'),
    );
    const cut: PostedClick[][] = [];
    for (const event of sorted) {
      const current = cut.at(-1);
      if (current && event.event_timestamp - current.at(-1)!.event_timestamp < gapMs) current.push(event);
      else cut.push([event]);
    }
    sessions.set(
      userId,
      cut.map((group) => ({
        user_id: userId,
        start: new Date(group[0]!.event_timestamp).toISOString(),
        end: new Date(group.at(-1)!.event_timestamp).toISOString(),
        event_count: group.length,
        device_type: group[0]!.device_type ?? 'unknown',
        entry_event: group[0]!.event_name,
        exit_event: group.at(-1)!.event_name,
      })),
    );
  }
  return sessions;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
