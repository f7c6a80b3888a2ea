import type { FailureReason } from '../failures/types.js';
import { toViolations, type ValidateFunction, type Violation } from '@sdp/shared-contract';

export type ContractReading<T> =
  | { ok: true; value: T }
  | { ok: false; reason: 'not_json' | 'unknown_schema_version' | 'invalid'; violations: Violation[] };

/**
 * Parses one stream record and checks it against its contract schema (a precompiled validator). A
 * record of another `schema_version` is told apart from a broken one, since it means a newer producer.
 *
 * @example
 * readContractRecord('{"schema_version":2}', 1, validateClickstreamEnvelope) // { ok: false, reason: 'unknown_schema_version', violations: [] }
 */
export function readContractRecord<T>(
  data: string,
  schemaVersion: number,
  validate: ValidateFunction<T>,
): ContractReading<T> {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not_json', violations: [] };
  }
  const version = (value as { schema_version?: unknown } | null)?.schema_version;
  if (version !== undefined && version !== schemaVersion)
    return { ok: false, reason: 'unknown_schema_version', violations: [] };
  if (validate(value)) return { ok: true, value };
  return { ok: false, reason: 'invalid', violations: toViolations(validate.errors) };
}

/**
 * Why a record that could not be read as `schemaName` is set aside, as the failed-events store keeps it.
 *
 * @example
 * describeUnreadableRecord('EnrichedEvent', { reason: 'not_json', violations: [] }) // { name: 'InvalidJson', message: 'The record is not JSON.' }
 */
export function describeUnreadableRecord(
  schemaName: string,
  reading: { reason: 'not_json' | 'unknown_schema_version' | 'invalid'; violations: readonly Violation[] },
): FailureReason {
  if (reading.reason === 'not_json') return { name: 'InvalidJson', message: 'The record is not JSON.' };
  if (reading.reason === 'unknown_schema_version')
    return { name: 'UnknownSchemaVersion', message: 'The record has a schema_version this consumer does not read.' };
  return {
    name: `Invalid${schemaName}`,
    message: `The record is not a valid ${schemaName}: ${reading.violations.map((v) => `${v.path} ${v.message}`).join('; ')}.`,
  };
}
