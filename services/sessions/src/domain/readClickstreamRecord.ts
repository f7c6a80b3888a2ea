import { toViolations, validateClickstreamEnvelope, type Violation } from '@sdp/shared';
import { CLICKSTREAM_SCHEMA_VERSION } from './constants.js';
import type { ClickstreamEnvelope } from './types.js';

export type ClickstreamReading =
  | { ok: true; envelope: ClickstreamEnvelope }
  | { ok: false; reason: 'not_json' | 'unknown_schema_version' | 'invalid'; violations: Violation[] };

/**
 * Parses one clickstream stream record and checks it against the `ClickstreamEnvelope` contract. A
 * record of another schema version is told apart from a broken one, since it means a newer producer.
 *
 * @example
 * readClickstreamRecord('{"schema_version":2}') // { ok: false, reason: 'unknown_schema_version', violations: [] }
 */
export function readClickstreamRecord(data: string): ClickstreamReading {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not_json', violations: [] };
  }
  const version = (value as { schema_version?: unknown } | null)?.schema_version;
  if (version !== undefined && version !== CLICKSTREAM_SCHEMA_VERSION) return { ok: false, reason: 'unknown_schema_version', violations: [] };
  if (validateClickstreamEnvelope(value)) return { ok: true, envelope: value };
  return { ok: false, reason: 'invalid', violations: toViolations(validateClickstreamEnvelope.errors) };
}
