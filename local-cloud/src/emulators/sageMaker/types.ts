/** Epoch seconds, as AWS JSON 1.1 carries timestamps. */
export type EpochSeconds = number;

export type EndpointStatus = 'Creating' | 'Updating' | 'InService' | 'Failed';

export interface ContainerDefinition {
  Image?: string;
  ModelDataUrl?: string;
  Environment?: Record<string, string>;
}

export interface StoredModel {
  ModelName: string;
  ModelArn: string;
  PrimaryContainer: ContainerDefinition;
  ExecutionRoleArn?: string;
  CreationTime: EpochSeconds;
}

export interface ProductionVariant {
  VariantName: string;
  ModelName: string;
  InitialInstanceCount?: number;
  InstanceType?: string;
  InitialVariantWeight?: number;
}

export interface StoredEndpointConfig {
  EndpointConfigName: string;
  EndpointConfigArn: string;
  ProductionVariants: ProductionVariant[];
  CreationTime: EpochSeconds;
}

/** A variant as deployed: what it was created from, and the model it serves (kept, as an instance keeps its copy). */
export interface DeployedVariant {
  variant: ProductionVariant;
  image: string;
  modelDataUrl: string;
  resolvedAt: EpochSeconds;
  /** What its model runtime loaded (JSON, kept in `state.json`) */
  model: unknown;
}

export interface Deployment {
  endpointConfigName: string;
  variants: DeployedVariant[];
}

/** A deployment under way: the configuration's variants as they were when CreateEndpoint/UpdateEndpoint was called. */
export interface PendingDeployment {
  endpointConfigName: string;
  variants: ProductionVariant[];
  startedAt: EpochSeconds;
}

export interface StoredEndpoint {
  EndpointName: string;
  EndpointArn: string;
  EndpointStatus: EndpointStatus;
  FailureReason?: string;
  CreationTime: EpochSeconds;
  LastModifiedTime: EpochSeconds;
  /** What answers invocations; absent until the first deployment succeeds */
  deployed?: Deployment;
  pending?: PendingDeployment;
}

/** Everything the local SageMaker keeps in `<dataDir>/state.json`. */
export interface SageMakerState {
  models: Record<string, StoredModel>;
  endpointConfigs: Record<string, StoredEndpointConfig>;
  endpoints: Record<string, StoredEndpoint>;
}

/** The container a model names in CreateModel, as its runtime is given it. */
export interface ModelContainer {
  /** `PrimaryContainer.Image`, if given */
  image: string | undefined;
  /** `PrimaryContainer.Environment` */
  environment: Record<string, string>;
  /** Where the artifact came from (`s3://bucket/key`) */
  modelDataUrl: string;
}

/** One InvokeEndpoint, as a model container's `POST /invocations` receives it. */
export interface ModelInvocation {
  /** InvokeEndpoint's `ContentType` */
  contentType: string | undefined;
  body: string;
}

/**
 * A model container's answer to `POST /invocations`. A 2xx goes back to the caller with its headers
 * (`X-Amzn-SageMaker-Custom-Attributes` becomes InvokeEndpoint's `CustomAttributes`); any other
 * status becomes InvokeEndpoint's `ModelError` (424) with this status and body as
 * `OriginalStatusCode` and `OriginalMessage`, as SageMaker does.
 */
export interface ModelResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * What the local SageMaker runs in place of a model container image: it starts no containers, so a
 * project says how its images load and answer, in this process. The loaded model must be JSON: an
 * endpoint keeps its deployed copy across restarts, as an instance keeps the model it loaded, even
 * once the artifact is gone.
 *
 * @example
 * ```ts
 * const echo: ModelRuntime<{ version: string }> = {
 *   load: (artifact) => JSON.parse(Buffer.from(artifact).toString('utf8')),
 *   invoke: (model, { body }) => ({ statusCode: 200, headers: { 'Content-Type': 'text/plain' }, body: `${model.version}: ${body}` }),
 *   describe: (model) => model.version,
 * };
 * ```
 */
export interface ModelRuntime<Model = unknown> {
  /**
   * Reads the bytes at the model's `ModelDataUrl` into the model it serves, as a container loads its
   * artifact before it passes the ping health check; a throw fails the deployment with its message.
   */
  load(artifact: Uint8Array, container: ModelContainer): Model | Promise<Model>;
  /** Answers one invocation with the loaded model. A throw is answered as a failure of the local SageMaker (500). */
  invoke(model: Model, invocation: ModelInvocation): ModelResponse | Promise<ModelResponse>;
  /** How the log names a loaded model, e.g. its version (default: its `ModelDataUrl`) */
  describe?(model: Model): string;
}

/**
 * Model runtimes by container image: the image as CreateModel names it
 * (`123456789012.dkr.ecr.us-east-1.amazonaws.com/ranker:7`), else its repository name alone
 * (`ranker`), else `'*'` for any image.
 */
export type ModelRuntimes = Readonly<Record<string, ModelRuntime>>;
