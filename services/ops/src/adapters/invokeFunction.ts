import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';

/** What a synchronous invocation answered: the result as text and parsed (null when not JSON), and the function's error if it failed. */
export interface Invocation {
  text: string;
  result: unknown;
  /** `Unhandled` (or Lambda's other kinds) when the function threw; its result then holds `errorType` and `errorMessage` */
  functionError?: string;
}

/**
 * Invokes a function synchronously (`RequestResponse`) with an event.
 *
 * @example
 * await invokeFunction(client, 'sdp-sessions-dev-eraseUserSessions', { erase_users: ['u1'] })
 * // { text: '{"removed":{"u1":{"session_items":3}}}', result: { removed: { u1: { session_items: 3 } } } }
 */
export async function invokeFunction(client: LambdaClient, functionName: string, event: unknown): Promise<Invocation> {
  const output = await client.send(
    new InvokeCommand({
      FunctionName: functionName,
      InvocationType: 'RequestResponse',
      Payload: JSON.stringify(event),
    }),
  );
  const text = output.Payload ? Buffer.from(output.Payload).toString('utf8') : '';
  return { text, result: parse(text), ...(output.FunctionError ? { functionError: output.FunctionError } : {}) };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
