/**
 * The parts of a Serverless Framework v3 service configuration these helpers write. Values may be
 * Serverless variables (`${param:x}`, see param in intrinsics.ts) or CloudFormation intrinsics
 * (`{ Ref: … }`, see ref and getAtt), resolved at packaging and deployment.
 */

/** A CloudFormation value: plain, or an intrinsic function (`{ 'Fn::GetAtt': [...] }`). */
export type CfnValue = string | number | boolean | CfnValue[] | { [key: string]: CfnValue };

/** One statement of a function's own role (serverless-iam-roles-per-function, ADR 16). */
export type IamStatement = {
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: CfnValue;
  Condition?: CfnValue;
};

export interface CfnResource {
  Type: string;
  DeletionPolicy?: 'Retain' | 'Delete';
  UpdateReplacePolicy?: 'Retain' | 'Delete';
  Properties?: Record<string, CfnValue>;
}

/** An event of a function: an HTTP API route, a stream, a schedule. */
export type FunctionEvent =
  { httpApi: string } | { stream: Record<string, CfnValue> } | { schedule: string } | Record<string, CfnValue>;

/** A function as `functions.<name>` of serverless.yml holds it. */
export interface FunctionConfig {
  handler: string;
  description: string;
  /** A number, or a variable that resolves to one */
  memorySize?: number | string;
  timeout?: number | string;
  reservedConcurrency?: number | string;
  iamRoleStatements: IamStatement[];
  environment?: Record<string, CfnValue>;
  events?: FunctionEvent[];
}

/**
 * A function with the resources that exist only for it (a stream consumer's on-failure queue),
 * under the name Serverless gives it (`sdp-enrich-<stage>-joinEvents`).
 */
export interface FunctionDefinition {
  name: string;
  config: FunctionConfig;
  resources?: Record<string, CfnResource>;
}

/** What every function helper takes besides its events. */
export interface FunctionOptions {
  /** The function's key: Serverless names it `<service>-<stage>-<name>` */
  name: string;
  /** `src/handlers/<name>.handler` unless said otherwise */
  handler?: string;
  description: string;
  /** What the code calls, beyond what the helper grants (tracing, and each helper's own) */
  statements?: IamStatement[];
  environment?: Record<string, CfnValue>;
  memorySize?: number | string;
  timeout?: number | string;
  reservedConcurrency?: number | string;
}
