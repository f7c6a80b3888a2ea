import { toViolations, validateEnrichedEvent, type Violation } from '@sdp/shared';
import { ENRICHED_SCHEMA_VERSION } from './constants.js';
import type { EnrichedEvent } from './types.js';

export type EnrichedEventReading =
  | { ok: true; event: EnrichedEvent }
  | { ok: false; reason: 'not_json' | 'unknown_schema_version' | 'invalid'; violations: Violation[] };

/**
 * Parses one enriched stream record and checks it against the `EnrichedEvent` contract. A record of
 * another schema version is told apart from a broken one, since it means a newer producer.
 *
 * @example
 * readEnrichedEvent('{"schema_version":2}') // { ok: false, reason: 'unknown_schema_version', violations: [] }
 */
export function readEnrichedEvent(data: string): EnrichedEventReading {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not_json', violations: [] };
  }
  const version = (value as { schema_version?: unknown } | null)?.schema_version;
  if (version !== undefined && version !== ENRICHED_SCHEMA_VERSION) {
    return { ok: false, reason: 'unknown_schema_version', violations: [] };
  }
  if (validateEnrichedEvent(value)) return { ok: true, event: value };
  return { ok: false, reason: 'invalid', violations: toViolations(validateEnrichedEvent.errors) };
}
