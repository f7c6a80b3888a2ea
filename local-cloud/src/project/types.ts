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
  custom?: { esbuild?: EsbuildSettings };
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

export interface PrintedFunction {
  handler: string;
  name: string;
  timeout?: number;
  memorySize?: number;
  reservedConcurrency?: number;
  environment?: Record<string, unknown>;
  events?: PrintedEvent[];
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
