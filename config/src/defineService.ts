/**
 * A service's whole configuration from its own functions and resources: the provider, packaging and
 * bundling every service shares, the per-function roles, and the throttling of its HTTP API if it
 * has one (docs/adr/0004-serverless-v3-shared-settings.md).
 */
import { HTTP_API_BURST_LIMIT, HTTP_API_RATE_LIMIT } from './constants.js';
import { outputs as toOutputs } from './resources.js';
import type { CfnResource, CfnValue, FunctionDefinition } from './types.js';

const PROVIDER = {
  name: 'aws',
  runtime: 'nodejs20.x',
  architecture: 'arm64',
  region: "${opt:region, env:AWS_REGION, 'us-east-1'}",
  stage: "${opt:stage, 'dev'}",
  memorySize: 512,
  timeout: 10,
  logRetentionInDays: 14,
  logs: {
    // Access logs of every HTTP API stage, in /aws/http-api/<service>-<stage> (kept logRetentionInDays):
    // request id, source IP, time, method, route, status, protocol and response length.
    httpApi: true,
  },
  httpApi: { payload: '2.0', cors: true },
  tracing: { lambda: true },
  iam: {
    role: {
      // Every function has a role of its own, with the statements its helper lists
      // (serverless-iam-roles-per-function, docs/adr/0016-iam-role-per-function.md). The framework's
      // service-wide default role is left without statements, and test/iamLeastPrivilege.test.ts
      // fails when anything is added to it.
      statements: [],
    },
  },
  environment: {
    NODE_OPTIONS: '--enable-source-maps',
    POWERTOOLS_SERVICE_NAME: '${self:service}',
    POWERTOOLS_LOG_LEVEL: "${env:LOG_LEVEL, 'INFO'}",
    STAGE: '${sls:stage}',
  },
};

const ESBUILD = {
  bundle: true,
  minify: false,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  format: 'esm',
  outputFileExtension: '.mjs',
  mainFields: ['module', 'main'],
  // The Lambda Node.js 20 runtime ships AWS SDK v3; bundling it would only grow the zip. DuckDB is the
  // local query engine only (deployed functions query with Athena) and loads from node_modules.
  exclude: ['@aws-sdk/*', '@duckdb/*'],
  banner: {
    js: "import { createRequire as __sdpCreateRequire } from 'node:module'; const require = __sdpCreateRequire(import.meta.url);",
  },
};

/** Every HTTP API stage throttles all its routes, so a flood of requests cannot take the consumers' concurrency. */
const HTTP_API_THROTTLING = {
  HttpApiStage: {
    Properties: {
      DefaultRouteSettings: { ThrottlingRateLimit: HTTP_API_RATE_LIMIT, ThrottlingBurstLimit: HTTP_API_BURST_LIMIT },
    },
  },
};

export interface ServiceOptions {
  /** `sdp-<name>`: stacks are `<service>-<stage>` and resources `<service>-<stage>-<name>` */
  service: string;
  functions?: FunctionDefinition[];
  /** Resources by logical id, beside those the functions bring (their on-failure queues) */
  resources?: Record<string, CfnResource>;
  /** Stack outputs, which serverless-compose.yml passes on to other services as params */
  outputs?: Record<string, CfnValue>;
  /** `${file(…)}` variables of files with more resources, e.g. generated ones: `['${file(resources/glue-tables.yml)}']` */
  includeResources?: string[];
  /** `custom` settings a plugin or the local cloud reads (the local cloud's `staticSite`) */
  custom?: Record<string, unknown>;
}

/**
 * The service's configuration as Serverless Framework v3 reads it, in its serverless.ts.
 *
 * @example
 * export default defineService({
 *   service: 'sdp-sessions',
 *   functions: [kinesisConsumer({ ... }), apiFunction({ ... })],
 *   resources: { SessionsTable: table({ ... }) },
 *   outputs: { SessionsTableArn: getAtt('SessionsTable', 'Arn') },
 * });
 */
export function defineService(options: ServiceOptions): Record<string, unknown> {
  const { service, functions = [], outputs, includeResources = [], custom = {} } = options;
  const resources: Record<string, CfnResource> = {};
  for (const [id, resource] of [
    ...Object.entries(options.resources ?? {}),
    ...functions.flatMap((fn) => Object.entries(fn.resources ?? {})),
  ]) {
    if (resources[id]) throw new Error(`${service}: two resources are named ${id}`);
    resources[id] = resource;
  }
  const names = functions.map((fn) => fn.name);
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice) throw new Error(`${service}: two functions are named ${twice}`);

  const hasHttpApi = functions.some((fn) => fn.config.events?.some((event) => 'httpApi' in event));
  const own = {
    ...(Object.keys(resources).length === 0 ? {} : { Resources: resources }),
    ...(outputs ? { Outputs: toOutputs(outputs) } : {}),
  };
  const extensions = hasHttpApi ? { extensions: HTTP_API_THROTTLING } : {};
  const config = {
    service,
    frameworkVersion: '3',
    configValidationMode: 'error',
    ...(functions.length === 0 ? {} : { plugins: ['serverless-esbuild', 'serverless-iam-roles-per-function'] }),
    provider: PROVIDER,
    // One small zip per function: less to load at cold start.
    package: { individually: true },
    custom: { ...(functions.length === 0 ? {} : { esbuild: ESBUILD }), ...custom },
    ...(functions.length === 0 ? {} : { functions: Object.fromEntries(functions.map((fn) => [fn.name, fn.config])) }),
    resources:
      includeResources.length === 0
        ? { ...extensions, ...own }
        : [...(hasHttpApi ? [extensions] : []), own, ...includeResources],
  };
  // Helpers hand the same statement objects to many functions; each function gets copies of its own
  // (structuredClone would keep them shared).
  return JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
}
