import { featureWidth } from './featureSpec.js';
import { predictRows, type LinearModel } from './linearModel.js';
import { InvalidInvocationError, parseInvocationBody } from './parseInvocationBody.js';

/** What a model container answers to `POST /invocations`, before any HTTP framework sees it. */
export interface InvocationResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface InvocationRequest {
  /** The request's `Content-Type` (InvokeEndpoint's `ContentType`) */
  contentType: string | undefined;
  body: string;
}

/** The header a container sets for SageMaker to hand back to the caller as InvokeEndpoint's `CustomAttributes`. */
export const CUSTOM_ATTRIBUTES_HEADER = 'X-Amzn-SageMaker-Custom-Attributes';

/**
 * One `POST /invocations` of SageMaker's container contract, shared by the model container
 * (`services/predict/container`) and the local SageMaker emulator so both answer alike:
 *
 * - 200, `application/json` `{"predictions":[{"score","predicted_label"}]}` (linear-learner's shape),
 *   with `model_version=<version>` in the custom attributes header;
 * - 400, `text/plain`, the `InvalidInvocationError` message when the body cannot be read. SageMaker
 *   turns that into InvokeEndpoint's `ModelError` (424) with this status and message as
 *   `OriginalStatusCode` and `OriginalMessage`.
 *
 * Any other error is a bug and is thrown.
 *
 * @example
 * const response = handleInvocation(model, { contentType: 'text/csv', body: '0,1,…,4.8' });
 * // { statusCode: 200, headers: { 'Content-Type': 'application/json', 'X-Amzn-SageMaker-Custom-Attributes': 'model_version=v7' }, body: '{"predictions":[…]}' }
 */
export function handleInvocation(model: LinearModel, request: InvocationRequest): InvocationResponse {
  let rows: number[][];
  try {
    rows = parseInvocationBody(request.contentType, request.body, featureWidth(model.featureSpec));
  } catch (error) {
    if (!(error instanceof InvalidInvocationError)) throw error;
    return { statusCode: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: error.message };
  }
  return {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json', [CUSTOM_ATTRIBUTES_HEADER]: `model_version=${model.version}` },
    body: JSON.stringify(predictRows(model, rows)),
  };
}
