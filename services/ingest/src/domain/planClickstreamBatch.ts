import { toViolations, validateClickstreamBatch } from '@sdp/shared-contract';
import { ValidationFailedError } from '@sdp/shared-http';
import { checkRecordSize, rejected, type PlannedItem } from './planBatch.js';
import { readClickstreamEvent } from './readClickstreamEvent.js';
import { stampClickstreamEvent } from './stampClickstreamEvent.js';
import type { ClickstreamEnvelope, Stamp, StampedEvent } from './types.js';

/**
 * Decides, for each event of a clickstream batch (`{"events": [...]}`), whether it goes to the
 * stream (stamped) or is rejected with its reason. A body that is not a batch of 1 to 500 objects
 * rejects the whole request with `ValidationFailedError`.
 *
 * @example
 * planClickstreamBatch({ events: [{ user_id: 'u1', event_timestamp: 1763800000000, event_name: 'detail' }, { user_id: 'u1' }] }, stampFor)
 * // [{ index: 0, ok: true, stamped }, { index: 1, ok: false, error: { code: 'validation_failed', ... } }]
 */
export function planClickstreamBatch(
  body: unknown,
  stampFor: (index: number) => Stamp,
): PlannedItem<StampedEvent<ClickstreamEnvelope>>[] {
  if (!validateClickstreamBatch(body))
    throw new ValidationFailedError('clickstream batch', toViolations(validateClickstreamBatch.errors));
  return body.events.map((item, index) => {
    // Defaults and the event time's integer are set in place; the body is this request's own freshly parsed copy.
    const reading = readClickstreamEvent(item, `$.events[${index}]`);
    if (!reading.ok) return rejected(index, reading.violations);
    return checkRecordSize(index, stampClickstreamEvent(reading.event, stampFor(index)));
  });
}
