/**
 * `@sdp/local-cloud`: runs a Serverless Framework v3 compose project on one machine, with no cloud
 * account and no Docker (see README.md for what it emulates and what it does not). This is its
 * public entry; everything else under `src/` is internal and may change.
 */

// Running a project
export { startLocalCloud } from './startLocalCloud.js';
export type { LocalCloud, LocalCloudHooks, LocalCloudOptions, WaitForIdleOptions } from './startLocalCloud.js';
export type { LocalProject } from './project/loadLocalProject.js';
export type { LocalFunction, LocalStaticSite } from './project/types.js';
export type { Gateway, GatewayError, GatewayErrorBody } from './gateway/startGateway.js';
export type {
  ModelContainer,
  ModelInvocation,
  ModelResponse,
  ModelRuntime,
  ModelRuntimes,
} from './emulators/sageMaker/types.js';
export type { SageMakerLocal } from './emulators/startSageMakerLocal.js';
export type { KinesisFaultFront, WriteRefusal } from './emulators/startKinesisFaultFront.js';
export type { FunctionPool } from './functions/FunctionPool.js';
export type { EventSourceMapping, MappingStats } from './eventSources/types.js';
export type { UsageSnapshot } from './metering/UsageMeter.js';
export type { ProcessUsage } from './status/processUsage.js';

// A cloud in another process (bin/host.ts) and its control API
export { startControlServer } from './control/startControlServer.js';
export type { ControlServer, LocalCloudDescription } from './control/startControlServer.js';
export type { HostMessage, HostOptions } from './control/hostTypes.js';

// Emulators on their own
export { startDynamoDbLocal } from './emulators/startDynamoDbLocal.js';
export { startSageMakerLocal } from './emulators/startSageMakerLocal.js';
export type { SageMakerLocalOptions } from './emulators/startSageMakerLocal.js';
export type { Emulator, EmulatorOptions } from './emulators/types.js';

// Clients of the emulators
export {
  localDynamoDbClient,
  localDynamoDbStreamsClient,
  localKinesisClient,
  localSageMakerClient,
  localSageMakerRuntimeClient,
} from './clients.js';

// The project's Serverless files
export { packageAll } from './packageAll.js';
export type { PackageAllOptions, PackageResult } from './packageAll.js';
export { packagedSiteDir } from './sites/buildStaticSite.js';
export { readCompose } from './project/readCompose.js';
export type { ComposeService } from './project/readCompose.js';
export { describeLocalResource, LOCAL_ACCOUNT_ID } from './project/provisionResources.js';
export type { LocalResource } from './project/provisionResources.js';
export { parseScheduleExpression } from './eventSources/schedule/parseScheduleExpression.js';
export type { NextFireTime } from './eventSources/schedule/parseScheduleExpression.js';
export { toKinesisEventRecord } from './eventSources/kinesis/toKinesisEventRecord.js';
export type { KinesisWireRecord } from './eventSources/kinesis/toKinesisEventRecord.js';

// Helpers for the tools around a cloud
export { formatStatusLine, sampleStatus } from './status/formatStatusLine.js';
export type { StatusSample } from './status/formatStatusLine.js';
export { PRIVATE_FILE_MODE, writePrivateFile } from './access/writePrivateFile.js';
export { freePort } from './net/freePort.js';
export {
  EmulatorStartError,
  InvalidScheduleExpressionError,
  InvalidStaticSiteError,
  InvalidStreamArnError,
  JavaNotFoundError,
  LocalCloudError,
  NoLocalCounterpartError,
} from './errors.js';
