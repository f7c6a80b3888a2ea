import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { SageMakerClient } from '@aws-sdk/client-sagemaker';
import { SageMakerRuntimeClient } from '@aws-sdk/client-sagemaker-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';

const localConfig = (endpoint: string) => ({
  endpoint,
  region: 'us-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  // The Kinesis client defaults to HTTP/2, which kinesalite does not speak.
  requestHandler: new NodeHttpHandler(),
  maxAttempts: 3,
});

/**
 * Kinesis client for kinesalite.
 *
 * @example
 * ```ts
 * const kinesis = localKinesisClient('http://127.0.0.1:4567');
 * await kinesis.send(new PutRecordCommand({ StreamName: 'events', PartitionKey: 'k', Data: bytes }));
 * ```
 */
export const localKinesisClient = (endpoint: string): KinesisClient => new KinesisClient(localConfig(endpoint));

/**
 * DynamoDB client for DynamoDB Local.
 *
 * @example
 * ```ts
 * const dynamoDb = localDynamoDbClient('http://127.0.0.1:8000');
 * await dynamoDb.send(new ListTablesCommand({}));
 * ```
 */
export const localDynamoDbClient = (endpoint: string): DynamoDBClient => new DynamoDBClient(localConfig(endpoint));

/**
 * DynamoDB Streams client for DynamoDB Local (same endpoint as the table client).
 *
 * @example
 * ```ts
 * const streams = localDynamoDbStreamsClient('http://127.0.0.1:8000');
 * await streams.send(new DescribeStreamCommand({ StreamArn }));
 * ```
 */
export const localDynamoDbStreamsClient = (endpoint: string): DynamoDBStreamsClient =>
  new DynamoDBStreamsClient(localConfig(endpoint));

/**
 * SageMaker control-plane client for the local SageMaker (models, endpoint configurations, endpoints).
 *
 * @example
 * ```ts
 * const sageMaker = localSageMakerClient(cloud.sageMakerEndpoint);
 * await sageMaker.send(new DescribeEndpointCommand({ EndpointName: 'bid-win' }));
 * ```
 */
export const localSageMakerClient = (endpoint: string): SageMakerClient => new SageMakerClient(localConfig(endpoint));

/**
 * SageMaker runtime client (InvokeEndpoint) for the local SageMaker, on the same endpoint as the control plane.
 *
 * @example
 * ```ts
 * const runtime = localSageMakerRuntimeClient(cloud.sageMakerEndpoint);
 * await runtime.send(new InvokeEndpointCommand({ EndpointName: 'bid-win', ContentType: 'text/csv', Body: row }));
 * ```
 */
export const localSageMakerRuntimeClient = (endpoint: string): SageMakerRuntimeClient =>
  new SageMakerRuntimeClient(localConfig(endpoint));
