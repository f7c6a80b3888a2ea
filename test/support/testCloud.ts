import { API_KEY_HEADER } from '@sdp/shared-http';

/** What a test needs of a local cloud, whether it shares the run's cloud or started its own. */
export interface TestCloud {
  url: string;
  apiKey: string;
  /** The cloud's data directory: command-line tools find the cloud through `<dataDir>/endpoints.json` */
  dataDir: string;
  kinesisEndpoint: string;
  dynamoDbEndpoint: string;
  sageMakerEndpoint: string;
  lambdaEndpoint: string;
  objectStoreDir: string;
  destinationsDir: string;
  /** `fetch` of a path on the gateway (`/reports/campaigns?limit=5`) with the cloud's API key */
  fetch(pathAndQuery: string, init?: RequestInit): Promise<Response>;
  /** Resolves once everything written to the streams so far, and all it caused, has been processed */
  waitForIdle(options?: { timeoutMs?: number }): Promise<void>;
  /** How many instances of a function are running an invocation right now */
  busyInstances(functionName: string): Promise<number>;
  /** One synchronous invocation of a function by name; rejects with the handler's error */
  invoke(functionName: string, event: unknown): Promise<unknown>;
  /** Stops a cloud of the test's own; leaves a shared one running */
  dispose(): Promise<void>;
}

/** How long a suite's hook may take to get its cloud: seconds alone, minutes beside other suites on 2 cores. */
export const CLOUD_START_TIMEOUT_MS = 300_000;

/** `fetch` on the gateway with the API key, unless the caller sets its own `x-api-key`. */
export function gatewayFetch(url: string, apiKey: string): TestCloud['fetch'] {
  return (pathAndQuery, init = {}) =>
    fetch(url + pathAndQuery, {
      ...init,
      headers: { [API_KEY_HEADER]: apiKey, ...(init.headers as Record<string, string> | undefined) },
    });
}

/** A function invocation through the cloud's Lambda Invoke API, as another function would make it. */
export function lambdaInvoke(lambdaEndpoint: string): TestCloud['invoke'] {
  return async (functionName, event) => {
    const response = await fetch(
      `${lambdaEndpoint}/2015-03-31/functions/${encodeURIComponent(functionName)}/invocations`,
      {
        method: 'POST',
        body: JSON.stringify(event),
      },
    );
    const result = (await response.json()) as unknown;
    if (response.status !== 200 || response.headers.has('x-amz-function-error')) {
      const { errorType, errorMessage, message } = result as {
        errorType?: string;
        errorMessage?: string;
        message?: string;
      };
      throw new Error(
        `${functionName} failed: ${errorType ?? response.status}: ${errorMessage ?? message ?? JSON.stringify(result)}`,
      );
    }
    return result;
  };
}
