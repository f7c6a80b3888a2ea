/**
 * Typed helpers for the services' Serverless Framework v3 configuration (each service's
 * serverless.ts): the blocks every service, function and stream consumer shares, written once, with
 * every default in constants.ts (docs/adr/0004-serverless-v3-shared-settings.md).
 */
export { defineService } from './defineService.js';
export type { ServiceOptions } from './defineService.js';
export { apiFunction, lambdaFunction } from './functions.js';
export { kinesisConsumer, tableChangeConsumer } from './consumers.js';
export type { KinesisConsumerOptions, TableChangeConsumerOptions } from './consumers.js';
export { allow, readKinesisStream } from './iam.js';
export { functionArn, getAtt, param, ref, regionalArn, s3Arn, stackScopedName, sub } from './intrinsics.js';
export { bucketPolicy, kinesisStream, privateBucket, table } from './resources.js';
export { API_MAX_TIMEOUT_SECONDS, ERASURE_SETTLE_SECONDS } from './constants.js';
export { BOT_RATE, DEMAND_WINDOWS, SESSION_TIMEOUTS } from './settings.js';
export type { CfnResource, CfnValue, FunctionDefinition, FunctionEvent, IamStatement } from './types.js';
