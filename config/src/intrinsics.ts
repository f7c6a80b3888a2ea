/**
 * Short forms of what serverless.yml writes as `!Ref`, `!GetAtt`, `!Sub` and `${param:…}`: the same
 * values, which the framework resolves the same way.
 */
import type { CfnValue } from './types.js';

/** `!Ref X`: a resource's name (a table's, a stream's) or a pseudo parameter's value. */
export const ref = (logicalId: string): CfnValue => ({ Ref: logicalId });

/** `!GetAtt X.Arn`: one attribute of a resource of the service. */
export const getAtt = (logicalId: string, attribute: string): CfnValue => ({ 'Fn::GetAtt': [logicalId, attribute] });

/** `!Sub '…'`: a text with `${X.Arn}`, `${X}` and `${AWS::Region}` substituted. */
export const sub = (text: string): CfnValue => ({ 'Fn::Sub': text });

/**
 * `${param:name}`, or `${param:name, fallback}` with a default: a value serverless-compose.yml (or
 * `--param name=…`) passes. A number stays a number; a text default is quoted.
 *
 * @example
 * param('rawEventsStreamArn')              // '${param:rawEventsStreamArn}'
 * param('rawEventsShardCount', 2)          // '${param:rawEventsShardCount, 2}': a number
 * param('bidsSessionTimeoutMinutes', '5')  // "${param:bidsSessionTimeoutMinutes, '5'}": a text (environment)
 * param('queryThreads', '')                // "${param:queryThreads, ''}": empty, the code's default
 */
export const param = (name: string, fallback?: string | number): string =>
  fallback === undefined
    ? `\${param:${name}}`
    : `\${param:${name}, ${typeof fallback === 'number' ? fallback : `'${fallback}'`}}`;

/** A resource's physical name, unique per service and stage: `<service>-<stage>-<suffix>`. */
export const stackScopedName = (suffix: string): string => `\${self:service}-\${sls:stage}-${suffix}`;

/**
 * The ARN of a resource of this account and region, partition-independent.
 *
 * @example
 * regionalArn('athena', 'workgroup/${LakeWorkGroup}')
 * // { 'Fn::Sub': 'arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/${LakeWorkGroup}' }
 */
export const regionalArn = (service: string, resource: string): CfnValue =>
  sub(`arn:\${AWS::Partition}:${service}:\${AWS::Region}:\${AWS::AccountId}:${resource}`);

/** The ARN of an S3 bucket (`s3Arn('my-bucket')`) or of objects in it (`s3Arn('my-bucket/prefix/*')`). */
export const s3Arn = (path: string): CfnValue => sub(`arn:\${AWS::Partition}:s3:::${path}`);

/** The ARN of a function of any service of this stage (Serverless names it `<service>-<stage>-<function>`). */
export const functionArn = (service: string, name: string): CfnValue =>
  regionalArn('lambda', `function:${service}-\${sls:stage}-${name}`);
