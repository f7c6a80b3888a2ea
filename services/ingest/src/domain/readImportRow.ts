import type { Violation } from '@sdp/shared-contract';
import { readClickstreamEvent } from './readClickstreamEvent.js';
import { INSTANT_SPELLINGS, readInstant } from './readInstant.js';
import type { AdEvent, ClickstreamEvent, EventType } from './types.js';
import { validateEvent } from './validateEvent.js';

/** An import row read: an ad event with its event time, or a clickstream event (its `event_timestamp` is its time). */
export type ImportRow =
  | { kind: 'ad'; type: EventType; event: AdEvent; eventTimeMs: number }
  | { kind: 'clickstream'; event: ClickstreamEvent; eventTimeMs: number };

const AD_TYPES: readonly string[] = ['bid', 'imp', 'click'];

/**
 * One row of `POST /import` checked against the contract: a row with a `type` is an ad event
 * (`bid`, `imp`, `click`) with its `event_time`, a row without one a clickstream event. Event times
 * are read as ingest reads `event_timestamp` (`readInstant`). Defaults are applied in place; the row
 * is this request's own parsed copy.
 *
 * @example
 * readImportRow({ type: 'click', tx_id: 't1', event_time: '2026-12-07T09:00:00Z' }, '$.rows[0]')
 * // { ok: true, row: { kind: 'ad', type: 'click', event: { type: 'click', tx_id: 't1' }, eventTimeMs: 1796634000000 } }
 */
export function readImportRow(
  item: unknown,
  path: string,
): { ok: true; row: ImportRow } | { ok: false; violations: Violation[] } {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return { ok: false, violations: [{ path, message: 'must be an object: an ad event or a clickstream event' }] };
  if (!('type' in item)) {
    const reading = readClickstreamEvent(item, path);
    if (!reading.ok) return reading;
    return { ok: true, row: { kind: 'clickstream', event: reading.event, eventTimeMs: reading.event.event_timestamp } };
  }
  const { event_time: eventTime, ...event } = item as { type: unknown; event_time?: unknown };
  if (typeof event.type !== 'string' || !AD_TYPES.includes(event.type)) {
    const message = `must be bid, imp or click for an ad event (a clickstream event has no type), not ${JSON.stringify(event.type)}`;
    return { ok: false, violations: [{ path: `${path}.type`, message }] };
  }
  const type = event.type as EventType;
  const eventTimeMs = readInstant(eventTime);
  const validation = validateEvent(type, event, path);
  const violations = validation.ok ? [] : [...validation.violations];
  if (eventTimeMs === undefined) {
    const message =
      eventTime === undefined
        ? `is required: when the ${type} happened, as ${INSTANT_SPELLINGS}`
        : `must be ${INSTANT_SPELLINGS}, not '${String(eventTime).slice(0, 64)}'`;
    violations.push({ path: `${path}.event_time`, message });
  }
  if (!validation.ok || eventTimeMs === undefined) return { ok: false, violations };
  return { ok: true, row: { kind: 'ad', type, event: validation.event, eventTimeMs } };
}
