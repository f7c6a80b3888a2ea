import { EVENT_TYPES } from './constants.js';
import type { EventRateSeries, EventType } from './types.js';

/**
 * Turns `events_per_second` rows into one series per event type over the `seconds` whole seconds
 * before `now`. A second with no row counts 0 up to the newest second that has landed in the lake,
 * less `settlingSeconds`: the lake lands each shard in its own batches, so its newest seconds are
 * still partly missing. Later seconds are null ("not landed yet"), so the chart does not show a
 * drop that is only lag. Rows of other types, outside the range or with an unreadable time are left out.
 *
 * @example
 * toEventRateSeries([{ second: '2026-11-22T06:00:00.000Z', type: 'bid', events: 12 }], { now, seconds: 120, settlingSeconds: 0 })
 * // { seconds: [1795327080, …], events: { bid: [0, …, 12, null], imp: [0, …, 0, null], click: [...] } }
 */
export function toEventRateSeries(
  rows: readonly Record<string, unknown>[],
  options: { now: Date; seconds: number; settlingSeconds: number },
): EventRateSeries {
  const end = Math.floor(options.now.getTime() / 1000);
  const start = end - options.seconds;
  const counts = new Map<string, number>();
  let newest = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    const second = Math.floor(Date.parse(String(row.second)) / 1000);
    const type = row.type as EventType;
    const events = Number(row.events);
    if (!EVENT_TYPES.includes(type) || !(second >= start && second < end) || !Number.isFinite(events)) continue;
    counts.set(`${type}@${second}`, (counts.get(`${type}@${second}`) ?? 0) + events);
    newest = Math.max(newest, second);
  }
  const seconds = Array.from({ length: options.seconds }, (_, i) => start + i);
  const settled = newest - options.settlingSeconds;
  const seriesOf = (type: EventType) =>
    seconds.map((second) => (second > settled ? null : (counts.get(`${type}@${second}`) ?? 0)));
  return { seconds, events: { bid: seriesOf('bid'), imp: seriesOf('imp'), click: seriesOf('click') } };
}
