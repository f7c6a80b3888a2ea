import { toViolations, validateEventBatch, type Violation } from '@sdp/shared-contract';
import { ValidationFailedError } from '@sdp/shared-http';
import { KINESIS_MAX_RECORD_BYTES } from './constants.js';
import { stampEvent } from './stampEvent.js';
import type { EventType, ItemError, Stamp, StampedEvent } from './types.js';
import { validateEvent } from './validateEvent.js';

export type PlannedItem<Stamped extends StampedEvent<{ event_id: string; received_at: string }> = StampedEvent> =
  { index: number; ok: true; stamped: Stamped } | { index: number; ok: false; error: ItemError };

const ITEM_PATH = /^\/events\/(\d+)(?:\/|$)/;

/**
 * Decides, for each event of a `POST /events` body, whether it goes to the stream (stamped) or is
 * rejected with its reason. Problems with the batch itself (not an object, no `events`, more than
 * 500 events) reject the whole request with `ValidationFailedError`.
 *
 * @example
 * planBatch({ events: [{ type: 'click', tx_id: 't1' }, { type: 'click' }] }, stampFor)
 * // [{ index: 0, ok: true, stamped }, { index: 1, ok: false, error: { code: 'validation_failed', ... } }]
 */
export function planBatch(body: unknown, stampFor: (index: number) => Stamp): PlannedItem[] {
  validateEventBatch(body);
  const itemViolations = new Map<number, Violation[]>();
  const batchViolations: Violation[] = [];
  for (const error of validateEventBatch.errors ?? []) {
    const item = ITEM_PATH.exec(error.instancePath);
    if (!item) {
      batchViolations.push(...toViolations([error]));
      continue;
    }
    const index = Number(item[1]);
    itemViolations.set(index, [...(itemViolations.get(index) ?? []), ...toViolations([error])]);
  }
  if (batchViolations.length > 0) throw new ValidationFailedError('batch', batchViolations);

  const events = (body as { events: { type: EventType }[] }).events;
  return events.map((item, index): PlannedItem => {
    const typeViolations = itemViolations.get(index);
    if (typeViolations) return rejected(index, typeViolations);
    const validation = validateEvent(item.type, item, `$.events[${index}]`);
    if (!validation.ok) return rejected(index, validation.violations);
    return checkRecordSize(index, stampEvent(item.type, validation.event, stampFor(index)));
  });
}

/** The stamped item, or its rejection when its record would not fit in the stream. */
export function checkRecordSize<Stamped extends StampedEvent<{ event_id: string; received_at: string }>>(
  index: number,
  stamped: Stamped,
): PlannedItem<Stamped> {
  const size = stamped.record.data.byteLength + Buffer.byteLength(stamped.record.partitionKey, 'utf8');
  if (size <= KINESIS_MAX_RECORD_BYTES) return { index, ok: true, stamped };
  return {
    index,
    ok: false,
    error: {
      code: 'payload_too_large',
      message: `The event is ${size} bytes with its envelope; a stream record holds at most ${KINESIS_MAX_RECORD_BYTES} bytes.`,
    },
  };
}

export function rejected(index: number, violations: Violation[]): PlannedItem<never> {
  const list = violations.map((v) => `${v.path} ${v.message}`).join('; ');
  return {
    index,
    ok: false,
    error: { code: 'validation_failed', message: `The event is invalid: ${list}.`, violations },
  };
}
