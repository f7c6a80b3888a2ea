import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';

export interface EndpointAnswer {
  body: unknown;
  /** `model_version=…` from the endpoint's custom attributes, if it sent them */
  modelVersion?: string;
}

/**
 * Calls a SageMaker endpoint with rows of features as CSV and reads its JSON answer (the bid-win
 * model for predict, the demand model for pricing).
 *
 * @example
 * const invoke = sageMakerEndpoint('sdp-demand-price-dev');
 * await invoke([[3.7, 1.9, 1.4, 1.4, 1.2, 0.08, 2.6]]) // { body: { predictions: [{ score: 0.91, predicted_label: 1 }] }, modelVersion: '20261204T1500Z' }
 */
export function sageMakerEndpoint(endpointName: string, client = new SageMakerRuntimeClient({ maxAttempts: 2 })) {
  return async (rows: readonly ArrayLike<number>[]): Promise<EndpointAnswer> => {
    const output = await client.send(
      new InvokeEndpointCommand({
        EndpointName: endpointName,
        ContentType: 'text/csv',
        Accept: 'application/json',
        Body: Buffer.from(rows.map((row) => Array.from(row).join(',')).join('\n')),
      }),
    );
    const modelVersion = /(?:^|,)\s*model_version=([^,]+)/.exec(output.CustomAttributes ?? '')?.[1];
    return {
      body: JSON.parse(Buffer.from(output.Body ?? new Uint8Array()).toString('utf8')),
      ...(modelVersion ? { modelVersion } : {}),
    };
  };
}
