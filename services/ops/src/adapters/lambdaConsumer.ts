import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import type { InvokeConsumer } from '../domain/types.js';

/**
 * Invokes a stream consumer synchronously with a replay event. It succeeded when it returned no
 * error and no batch item failure.
 */
export function lambdaConsumer(client: LambdaClient): InvokeConsumer {
  return async (functionName, event) => {
    const output = await client.send(
      new InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'RequestResponse',
        Payload: JSON.stringify(event),
      }),
    );
    const text = output.Payload ? Buffer.from(output.Payload).toString('utf8') : '';
    const body = parse(text) as { errorType?: string; errorMessage?: string; batchItemFailures?: unknown[] } | null;
    if (output.FunctionError)
      return { ok: false, error: `${body?.errorType ?? output.FunctionError}: ${body?.errorMessage ?? text}` };
    if ((body?.batchItemFailures?.length ?? 0) > 0)
      return { ok: false, error: 'The consumer asked for the record to be delivered again.' };
    return { ok: true };
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
