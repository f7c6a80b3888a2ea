import type { LinearModel } from '@sdp/shared';

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
  model: LinearModel;
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
