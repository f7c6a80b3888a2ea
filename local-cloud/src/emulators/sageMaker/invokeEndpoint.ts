import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './constants.js';
import { SageMakerApiError } from './errors.js';
import { modelRuntimeFor } from './modelRuntimeFor.js';
import type { DeployedVariant, Deployment, ModelResponse, ModelRuntimes } from './types.js';

export interface EndpointInvocation {
  endpointName: string;
  contentType: string | undefined;
  /** InvokeEndpoint's `TargetVariant` (`X-Amzn-SageMaker-Target-Variant`) */
  targetVariant: string | undefined;
  body: string;
}

/** The header InvokeEndpoint reads `InvokedProductionVariant` from. */
export const INVOKED_VARIANT_HEADER = 'x-Amzn-Invoked-Production-Variant';

/**
 * What SageMaker's runtime answers to InvokeEndpoint on a deployment: it routes to a variant
 * (`TargetVariant`, else at random by weight), lets the variant's model answer through the runtime
 * of its image and passes a 2xx on with the variant's name, or turns the model's error answer into a
 * `ModelError` (424) carrying its status and message. An endpoint with nothing deployed (unknown,
 * Creating, Failed) is "not found", as on AWS.
 *
 * @example
 * await invokeEndpoint(controlPlane.deploymentOf('ranker'), { endpointName: 'ranker', contentType: 'text/csv', targetVariant: undefined, body: '0,1,…' }, { '*': runtime })
 */
export async function invokeEndpoint(
  deployment: Deployment | undefined,
  invocation: EndpointInvocation,
  runtimes: ModelRuntimes,
  random: () => number = Math.random,
): Promise<ModelResponse> {
  const { endpointName } = invocation;
  if (!deployment)
    throw new SageMakerApiError(
      'ValidationError',
      `Endpoint ${endpointName} of account ${LOCAL_ACCOUNT_ID} not found.`,
    );
  const deployed = chooseVariant(deployment, invocation, random);
  // The runtime that loaded the model at deployment; gone only when the cloud restarted without it.
  const runtime = modelRuntimeFor(runtimes, deployed.image || undefined);
  if (!runtime)
    throw new SageMakerApiError(
      'InternalFailure',
      `The local SageMaker has no model runtime for the image ${deployed.image || '(none)'} of endpoint ${endpointName}.`,
      500,
    );
  const answer = await runtime.invoke(deployed.model, {
    contentType: invocation.contentType,
    body: invocation.body,
  });
  if (answer.statusCode >= 300) {
    const kind = answer.statusCode >= 500 ? 'server' : 'client';
    throw new SageMakerApiError(
      'ModelError',
      `Received ${kind} error (${answer.statusCode}) from primary with message "${answer.body}".`,
      424,
      {
        ErrorCode: `${kind.toUpperCase()}_ERROR_FROM_MODEL`,
        OriginalStatusCode: answer.statusCode,
        OriginalMessage: answer.body,
        LogStreamArn: `arn:aws:logs:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:log-group:/aws/sagemaker/Endpoints/${endpointName}`,
      },
    );
  }
  return { ...answer, headers: { ...answer.headers, [INVOKED_VARIANT_HEADER]: deployed.variant.VariantName } };
}

function chooseVariant(deployment: Deployment, invocation: EndpointInvocation, random: () => number): DeployedVariant {
  const { variants } = deployment;
  if (invocation.targetVariant !== undefined) {
    const target = variants.find(({ variant }) => variant.VariantName === invocation.targetVariant);
    if (!target)
      throw new SageMakerApiError(
        'ValidationError',
        `Endpoint ${invocation.endpointName} has no production variant named ${invocation.targetVariant}.`,
      );
    return target;
  }
  const weights = variants.map(({ variant }) => variant.InitialVariantWeight ?? 1);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return variants[Math.floor(random() * variants.length)]!;
  let point = random() * total;
  for (let i = 0; i < variants.length; i++) {
    point -= weights[i]!;
    if (point < 0) return variants[i]!;
  }
  return variants.at(-1)!;
}
