/** The contract (contracts/openapi.yaml) in code: its types, its ajv validators compiled ahead of time, and how their errors read. */
export type { components, paths, operations } from './generated/types.js';
export type { ValidateFunction, ErrorObject } from 'ajv';
export * from './generated/validators.js';
export { toViolations } from './toViolations.js';
export type { Violation } from './toViolations.js';
