/** The parts of `serverless print --format json` the local cloud reads. */
export interface PrintedService {
  service: string;
  provider: {
    region: string;
    stage: string;
    timeout?: number;
    memorySize?: number;
    environment?: Record<string, unknown>;
    httpApi?: { cors?: unknown };
  };
  custom?: { esbuild?: EsbuildSettings; staticSite?: StaticSiteSettings };
  functions?: Record<string, PrintedFunction>;
  resources?: { Resources?: Record<string, CfnResource>; Outputs?: Record<string, { Value: unknown }> };
}

export interface EsbuildSettings {
  bundle?: boolean;
  minify?: boolean;
  sourcemap?: boolean;
  target?: string;
  platform?: 'node';
  format?: 'esm' | 'cjs';
  outputFileExtension?: string;
  mainFields?: string[];
  exclude?: string[];
  external?: string[];
  banner?: Record<string, string>;
}

/**
 * `custom.staticSite` of a service: a browser site the local cloud builds and serves at `path` (on AWS
 * the service's own resources host it). Paths are relative to the service directory.
 *
 * @example
 * ```yaml
 * custom:
 *   staticSite:
 *     path: /dashboard                    # served at http://localhost:3000/dashboard/
 *     dir: public                         # copied as it is (index.html, styles, images)
 *     entryPoints: [src/browser/main.ts]  # bundled for browsers with esbuild, next to those files
 * ```
 */
export interface StaticSiteSettings {
  path: string;
  dir?: string;
  entryPoints?: string[];
}

export interface PrintedFunction {
  handler: string;
  name: string;
  timeout?: number;
  memorySize?: number;
  reservedConcurrency?: number;
  environment?: Record<string, unknown>;
  events?: PrintedEvent[];
  /** serverless-iam-roles-per-function: the calls the function's own role allows */
  iamRoleStatements?: { Effect?: string; Action?: string | string[] }[];
}

export type PrintedEvent =
  | { httpApi: string | { method: string; path: string } }
  | { stream: string | Record<string, unknown> }
  | { schedule: string | { rate: string | string[]; enabled?: boolean; input?: unknown } }
  | Record<string, unknown>;

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

/** A function as the local cloud runs it: everything resolved to plain values. */
export interface LocalFunction {
  service: string;
  serviceDir: string;
  key: string;
  name: string;
  /** e.g. `src/handlers/putEvent.handler`, relative to serviceDir */
  handler: string;
  timeoutSeconds: number;
  memorySize: number;
  reservedConcurrency?: number;
  environment: Record<string, string>;
  /** Whether the function may write DynamoDB tables: false only when its own role allows no table write */
  writesTables: boolean;
  esbuild: EsbuildSettings;
  routes: { method: string; path: string }[];
  streams: StreamEventSettings[];
  schedules: { rule: string; input?: unknown }[];
}

export interface StreamEventSettings {
  arn: string;
  type?: 'kinesis' | 'dynamodb';
  batchSize?: number;
  batchWindow?: number;
  startingPosition?: 'LATEST' | 'TRIM_HORIZON' | 'AT_TIMESTAMP';
  startingPositionTimestamp?: number;
  maximumRetryAttempts?: number;
  maximumRecordAgeInSeconds?: number;
  bisectBatchOnFunctionError?: boolean;
  functionResponseType?: string;
  onFailureArn?: string;
  enabled?: boolean;
}

/** A service's static site as the local cloud builds and serves it: paths made absolute. */
export interface LocalStaticSite {
  service: string;
  /** URL path prefix without a trailing slash, e.g. `/dashboard` */
  path: string;
  dir?: string;
  entryPoints: string[];
}
