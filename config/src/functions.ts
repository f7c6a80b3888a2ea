/**
 * Functions with their own role (docs/adr/0016-iam-role-per-function.md): each helper grants what
 * every function of its kind needs, and the function lists only what its own code calls.
 */
import { API_MAX_TIMEOUT_SECONDS } from './constants.js';
import { leaseRateTokens, readApiKeys, tracing } from './iam.js';
import { param } from './intrinsics.js';
import type { FunctionConfig, FunctionDefinition, FunctionEvent, FunctionOptions } from './types.js';

/**
 * A function run by a schedule, a stream of its own choosing, or invoked: its handler, its role
 * (its statements, and tracing, which is on for every function) and its settings.
 *
 * @example
 * lambdaFunction({
 *   name: 'compactLake',
 *   description: 'Merges the small files of every closed hour of the lake into one per partition',
 *   statements: [allow(['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], sub('${LakeBucket.Arn}/*'))],
 *   events: [{ schedule: 'rate(10 minutes)' }],
 * })
 */
export function lambdaFunction(options: FunctionOptions & { events?: FunctionEvent[] }): FunctionDefinition {
  const { name, handler, description, statements = [], environment, events = [] } = options;
  const config: FunctionConfig = {
    handler: handler ?? `src/handlers/${name}.handler`,
    description,
    ...settingsOf(options),
    iamRoleStatements: [...statements, tracing],
    ...(environment ? { environment } : {}),
    events,
  };
  return { name, config };
}

/**
 * A function behind routes of the service's HTTP API. Every API checks the caller's key and leases
 * its rate tokens in the keys table (API_KEYS_TABLE_NAME; docs/adr/0013-api-keys.md), so its role
 * may read keys and write only their `rate#` items.
 *
 * @example
 * apiFunction({
 *   name: 'listSessions',
 *   description: "GET /sessions?user_id=...; a user's sessions in event-time order",
 *   routes: ['GET /sessions'],
 *   statements: [allow(['dynamodb:Query'], getAtt('SessionsTable', 'Arn'))],
 *   environment: { SESSIONS_TABLE_NAME: ref('SessionsTable') },
 * })
 */
export function apiFunction(
  options: FunctionOptions & {
    /** `METHOD /path` of each route, e.g. `GET /products/{product_id}` */
    routes: string[];
    /** Seconds; at most API_MAX_TIMEOUT_SECONDS (29), since HTTP APIs wait at most 30 s */
    timeout?: number;
  },
): FunctionDefinition {
  if (options.timeout !== undefined && options.timeout > API_MAX_TIMEOUT_SECONDS)
    throw new RangeError(
      `${options.name}: an API function's timeout is at most ${API_MAX_TIMEOUT_SECONDS} s (HTTP APIs wait at most 30 s), not ${options.timeout}`,
    );
  return lambdaFunction({
    ...options,
    statements: [readApiKeys, leaseRateTokens, ...(options.statements ?? [])],
    environment: { API_KEYS_TABLE_NAME: param('apiKeysTableName'), ...options.environment },
    events: options.routes.map((route) => ({ httpApi: route })),
  });
}

/** The settings a function sets itself; the provider's apply to the others (512 MB, 10 s). */
export const settingsOf = (options: FunctionOptions): Partial<FunctionConfig> => ({
  ...(options.memorySize === undefined ? {} : { memorySize: options.memorySize }),
  ...(options.timeout === undefined ? {} : { timeout: options.timeout }),
  ...(options.reservedConcurrency === undefined ? {} : { reservedConcurrency: options.reservedConcurrency }),
});
