import {
  toViolations,
  validateBid,
  validateClick,
  validateImpression,
  type ValidateFunction,
  type Violation,
} from '@sdp/shared-contract';
import type { AdEvent, EventType } from './types.js';

const VALIDATOR_BY_TYPE: Readonly<Record<EventType, ValidateFunction<AdEvent>>> = {
  bid: validateBid,
  imp: validateImpression,
  click: validateClick,
};

export const EVENT_NAME: Readonly<Record<EventType, string>> = { bid: 'bid', imp: 'impression', click: 'click' };

export type EventValidation = { ok: true; event: AdEvent } | { ok: false; violations: Violation[] };

/**
 * Checks a parsed body against the contract schema of its type and applies the schema's defaults
 * (so `type` is always set). `basePath` prefixes violation paths, e.g. `$.events[3]` in a batch.
 *
 * @example
 * validateEvent('click', { tx_id: 't1' }) // { ok: true, event: { tx_id: 't1', type: 'click' } }
 */
export function validateEvent(type: EventType, body: unknown, basePath = '$'): EventValidation {
  const validate = VALIDATOR_BY_TYPE[type];
  // ajv applies defaults in place; the body is this request's own freshly parsed copy.
  if (validate(body)) return { ok: true, event: body };
  return { ok: false, violations: toViolations(validate.errors, basePath) };
}
