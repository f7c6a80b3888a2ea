import type { ErrorObject } from 'ajv';
import type { components } from './generated/types.js';

/** One problem of a request or record: where (a JSON path) and what to fix. */
export type Violation = components['schemas']['Violation'];

/**
 * Turns ajv errors into violations a client can act on: a JSON path (`$.campaign_item_id`,
 * `$.events[3].tx_id`) and a message, one per problem, in a stable order.
 *
 * @example
 * toViolations([{ instancePath: '', keyword: 'required', params: { missingProperty: 'tx_id' }, ... }])
 * // [{ path: '$.tx_id', message: 'is required' }]
 */
export function toViolations(errors: readonly ErrorObject[] | null | undefined, basePath = '$'): Violation[] {
  const violations = (errors ?? []).map((error) => toViolation(error, basePath));
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key = `${v.path}\u0000${v.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

function toViolation(error: ErrorObject, basePath: string): Violation {
  const path = basePath + jsonPointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { path: path + propertySegment(String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return {
        path: path + propertySegment(String(params.additionalProperty)),
        message: 'is not a known field; remove it or check its spelling',
      };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return { path, message: `must be ${JSON.stringify(params.allowedValue)}` };
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` };
  }
}

function jsonPointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((segment) => (/^\d+$/.test(segment) ? `[${segment}]` : propertySegment(segment)))
    .join('');
}

/** `.name` for plain identifiers, `["odd name"]` for anything else. */
function propertySegment(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}
