import { NAME_PATTERN, NAME_PATTERN_TEXT } from './constants.js';
import { SageMakerApiError } from './errors.js';
import type { ProductionVariant } from './types.js';

/*
 * Reading an AWS JSON 1.1 request with SageMaker's own validation messages, e.g.
 * "1 validation error detected: Value null at 'modelName' failed to satisfy constraint: Member must not be null".
 */

export type Input = Record<string, unknown>;

const lowerFirst = (member: string): string => member.charAt(0).toLowerCase() + member.slice(1);

/** A ValidationException in the service's wording; `path` is the member's path, e.g. `productionVariants.1.member.variantName`. */
export const invalidValue = (value: unknown, path: string, constraint: string): SageMakerApiError =>
  new SageMakerApiError(
    'ValidationException',
    `1 validation error detected: Value ${value === undefined || value === null ? 'null' : `'${String(value)}'`} at '${path}' failed to satisfy constraint: ${constraint}`,
  );

/** A member that must be a string. */
export function requiredString(input: Input, member: string, path = lowerFirst(member)): string {
  const value = input[member];
  if (value === undefined || value === null) throw invalidValue(value, path, 'Member must not be null');
  if (typeof value !== 'string') throw invalidValue(value, path, 'Member must be a string');
  return value;
}

/** A member that must be a resource name (models, endpoint configurations, endpoints, variants). */
export function requiredName(input: Input, member: string, path = lowerFirst(member)): string {
  const value = requiredString(input, member, path);
  if (!NAME_PATTERN.test(value))
    throw invalidValue(value, path, `Member must satisfy regular expression pattern: ${NAME_PATTERN_TEXT}`);
  return value;
}

export function optionalString(input: Input, member: string, path = lowerFirst(member)): string | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidValue(value, path, 'Member must be a string');
  return value;
}

export function optionalNumber(input: Input, member: string, path = lowerFirst(member)): number | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
    throw invalidValue(value, path, 'Member must be a number greater than or equal to 0');
  return value;
}

export function optionalObject(input: Input, member: string, path = lowerFirst(member)): Input | undefined {
  const value = input[member];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw invalidValue(value, path, 'Member must be an object');
  return value as Input;
}

export function requiredList(
  input: Input,
  member: string,
  min: number,
  max: number,
  path = lowerFirst(member),
): Input[] {
  const value = input[member];
  if (value === undefined || value === null) throw invalidValue(value, path, 'Member must not be null');
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'object' || item === null))
    throw invalidValue(value, path, 'Member must be a list of objects');
  if (value.length < min || value.length > max) {
    throw invalidValue(
      `[${value.length} items]`,
      path,
      `Member must have length less than or equal to ${max} and greater than or equal to ${min}`,
    );
  }
  return value as Input[];
}

/** One of CreateEndpointConfig's ProductionVariants; `at` is its path, e.g. `productionVariants.1.member`. */
export function readProductionVariant(input: Input, at: string): ProductionVariant {
  const instanceCount = optionalNumber(input, 'InitialInstanceCount', `${at}.initialInstanceCount`);
  const instanceType = optionalString(input, 'InstanceType', `${at}.instanceType`);
  const weight = optionalNumber(input, 'InitialVariantWeight', `${at}.initialVariantWeight`);
  return {
    VariantName: requiredName(input, 'VariantName', `${at}.variantName`),
    ModelName: requiredName(input, 'ModelName', `${at}.modelName`),
    ...(instanceCount === undefined ? {} : { InitialInstanceCount: instanceCount }),
    ...(instanceType === undefined ? {} : { InstanceType: instanceType }),
    ...(weight === undefined ? {} : { InitialVariantWeight: weight }),
  };
}
