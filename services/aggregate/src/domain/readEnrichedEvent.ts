import { validateEnrichedEvent, type Violation } from '@sdp/shared-contract';
import { readContractRecord } from '@sdp/shared-streams';
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
  const reading = readContractRecord(data, ENRICHED_SCHEMA_VERSION, validateEnrichedEvent);
  return reading.ok ? { ok: true, event: reading.value } : reading;
}
