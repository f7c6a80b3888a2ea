import { toViolations, validateClickstreamEvent, type Violation } from '@sdp/shared-contract';
import { INSTANT_SPELLINGS, readInstant } from './readInstant.js';
import type { ClickstreamEvent } from './types.js';

/**
 * One clickstream event as a client sends it, checked against the contract, with `event_timestamp`
 * read as the integer the envelope stores: a number, a string of digits (`"1733493000000"`) or an
 * ISO 8601 instant with its offset (`"2024-12-06T13:50:00Z"`). Anything else is refused with a
 * violation that says which spellings are accepted. The contract's defaults are applied in place.
 *
 * @example
 * readClickstreamEvent({ user_id: 'u1', event_timestamp: '1733493000000', event_name: 'detail' }, '$')
 * // { ok: true, event: { user_id: 'u1', event_timestamp: 1733493000000, event_name: 'detail', event_type: 'click', device_type: 'unknown' } }
 */
export function readClickstreamEvent(
  item: unknown,
  path: string,
): { ok: true; event: ClickstreamEvent } | { ok: false; violations: Violation[] } {
  const unreadableTime = normalizeEventTimestamp(item);
  if (validateClickstreamEvent(item) && unreadableTime === undefined) return { ok: true, event: item };
  const violations = toViolations(validateClickstreamEvent.errors, path).filter(
    (violation) => unreadableTime === undefined || violation.path !== `${path}.event_timestamp`,
  );
  if (unreadableTime !== undefined)
    violations.push({
      path: `${path}.event_timestamp`,
      message: `must be ${INSTANT_SPELLINGS}, not '${unreadableTime}'`,
    });
  return { ok: false, violations };
}

/** Replaces a textual `event_timestamp` by its milliseconds; returns the text when it cannot be read. */
function normalizeEventTimestamp(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || !('event_timestamp' in item)) return undefined;
  const fields = item as { event_timestamp: unknown };
  if (typeof fields.event_timestamp !== 'string') return undefined;
  const millis = readInstant(fields.event_timestamp);
  if (millis === undefined) return fields.event_timestamp.slice(0, 64);
  fields.event_timestamp = millis;
  return undefined;
}
