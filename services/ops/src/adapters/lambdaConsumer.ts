import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeConsumer } from '../domain/types.js';
import { invokeFunction } from './invokeFunction.js';

/**
 * Invokes a stream consumer synchronously with a replay event. It succeeded when it returned no
 * error and no batch item failure.
 */
export function lambdaConsumer(client: LambdaClient): InvokeConsumer {
  return async (functionName, event) => {
    const { text, result, functionError } = await invokeFunction(client, functionName, event);
    const body = result as { errorType?: string; errorMessage?: string; batchItemFailures?: unknown[] } | null;
    if (functionError)
      return { ok: false, error: `${body?.errorType ?? functionError}: ${body?.errorMessage ?? text}` };
    if ((body?.batchItemFailures?.length ?? 0) > 0)
      return { ok: false, error: 'The consumer asked for the record to be delivered again.' };
    return { ok: true };
  };
}
