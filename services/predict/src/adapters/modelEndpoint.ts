import { InvokeEndpointCommand, SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';

export interface EndpointAnswer {
  body: unknown;
  /** `model_version=…` from the endpoint's custom attributes, if it sent them */
  modelVersion?: string;
}

/** Calls the SageMaker endpoint with rows of features as CSV and reads its JSON answer. */
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
    return { body: JSON.parse(Buffer.from(output.Body ?? new Uint8Array()).toString('utf8')), ...(modelVersion ? { modelVersion } : {}) };
  };
}
