import { LOCAL_ACCOUNT_ID } from '../../project/provisionResources.js';

export { LOCAL_ACCOUNT_ID };
/** The region the local cloud gives every function (AWS_REGION). */
export const LOCAL_REGION = 'us-east-1';

/** SageMaker's name rule for models, endpoint configurations, endpoints and variants, as its messages print it. */
export const NAME_PATTERN_TEXT = '^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}';
export const NAME_PATTERN = new RegExp(`${NAME_PATTERN_TEXT}$`);
/** ContainerDefinition.ModelDataUrl's rule. */
export const MODEL_DATA_URL_PATTERN = /^(https|s3):\/\/([^/]+)\/?(.*)$/;
/** A real-time InvokeEndpoint takes at most 6 MB of body. */
export const MAX_INVOCATION_BYTES = 6 * 1024 * 1024;

export type ResourceKind = 'model' | 'endpoint-config' | 'endpoint';

/** A resource's ARN; SageMaker writes the name part in lower case. */
export const sageMakerArn = (kind: ResourceKind, name: string): string =>
  `arn:aws:sagemaker:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${kind}/${name.toLowerCase()}`;
