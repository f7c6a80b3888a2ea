import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { printServiceConfig } from './printServiceConfig.js';
import { intrinsicContext, provisionResources } from './provisionResources.js';
import { readCompose, resolveComposeParams } from './readCompose.js';
import { resolveIntrinsics, type IntrinsicContext } from './resolveIntrinsics.js';
import { resolveOutputs } from './resolveOutputs.js';
import { toLocalStaticSite } from './toLocalStaticSite.js';
import type { LocalFunction, LocalStaticSite, PrintedFunction, PrintedService, StreamEventSettings } from './types.js';

export interface LocalProject {
  functions: LocalFunction[];
  /** Browser sites the services declare in `custom.staticSite` */
  staticSites: LocalStaticSite[];
  /** Stack outputs by service, as `serverless-compose.yml` passes them on */
  outputs: Map<string, Record<string, string>>;
}

/**
 * Everything the local cloud runs, derived only from `serverless-compose.yml` and each service's
 * resolved `serverless.yml`: services in deploy order, each one's resources provisioned on the
 * emulators, then its outputs resolved and handed to the services that use them.
 */
export async function loadLocalProject(options: {
  root: string;
  stage: string;
  cacheDir: string;
  kinesis: KinesisClient;
  dynamoDb: DynamoDBClient;
  /** Extra params per service, as `serverless deploy --param` would add them */
  paramOverrides?: Record<string, Record<string, string>>;
}): Promise<LocalProject> {
  const { root, stage, cacheDir, kinesis, dynamoDb, paramOverrides = {} } = options;
  const services = await readCompose(root);
  const outputs = new Map<string, Record<string, string>>();
  const functions: LocalFunction[] = [];
  const staticSites: LocalStaticSite[] = [];
  for (const service of services) {
    const params = { ...resolveComposeParams(service, outputs), ...paramOverrides[service.name] };
    const config = await printServiceConfig({ root, serviceDir: service.dir, stage, params, cacheDir });
    const stackName = `${config.service}-${config.provider.stage}`;
    const resources = await provisionResources({
      stackName,
      region: config.provider.region,
      resources: config.resources?.Resources ?? {},
      kinesis,
      dynamoDb,
    });
    const context = intrinsicContext(resources, stackName, config.provider.region);
    outputs.set(service.name, resolveOutputs(config, context));
    for (const [key, fn] of Object.entries(config.functions ?? {})) {
      functions.push(toLocalFunction(config, service.dir, key, fn, context));
    }
    const site = toLocalStaticSite(config, service.dir);
    if (site) staticSites.push(site);
  }
  return { functions, staticSites, outputs };
}

function toLocalFunction(
  config: PrintedService,
  serviceDir: string,
  key: string,
  fn: PrintedFunction,
  context: IntrinsicContext,
): LocalFunction {
  const environment = resolveIntrinsics({ ...config.provider.environment, ...fn.environment }, context) as Record<
    string,
    unknown
  >;
  const local: LocalFunction = {
    service: config.service,
    serviceDir,
    key,
    name: fn.name,
    handler: fn.handler,
    timeoutSeconds: fn.timeout ?? config.provider.timeout ?? 6,
    memorySize: fn.memorySize ?? config.provider.memorySize ?? 1024,
    environment: Object.fromEntries(Object.entries(environment).map(([k, v]) => [k, String(v)])),
    writesTables: mayWriteTables(fn),
    esbuild: config.custom?.esbuild ?? {},
    routes: [],
    streams: [],
    schedules: [],
    ...(fn.reservedConcurrency === undefined ? {} : { reservedConcurrency: fn.reservedConcurrency }),
  };
  for (const event of fn.events ?? []) {
    if ('httpApi' in event) local.routes.push(toRoute(event.httpApi as string | { method: string; path: string }));
    if ('stream' in event) local.streams.push(toStreamSettings(resolveIntrinsics(event.stream, context)));
    if ('schedule' in event)
      local.schedules.push(
        ...toSchedules(event.schedule as string | { rate: string | string[]; enabled?: boolean; input?: unknown }),
      );
  }
  return local;
}

const TABLE_WRITES =
  /^dynamodb:(\*|PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems|PartiQL(Insert|Update|Delete))$|^\*$/;

/** A function without a role of its own may do anything its service's role allows, which the local cloud does not read. */
function mayWriteTables(fn: PrintedFunction): boolean {
  if (fn.iamRoleStatements === undefined) return true;
  return fn.iamRoleStatements.some(
    (statement) =>
      statement.Effect !== 'Deny' && [statement.Action ?? []].flat().some((action) => TABLE_WRITES.test(action)),
  );
}

function toRoute(httpApi: string | { method: string; path: string }): { method: string; path: string } {
  if (httpApi === '*') return { method: '*', path: '*' };
  const [method, routePath] = typeof httpApi === 'object' ? [httpApi.method, httpApi.path] : httpApi.split(/\s+/, 2);
  const upper = method!.toUpperCase();
  return { method: upper === 'ANY' || upper === '*' ? '*' : upper, path: routePath! };
}

function toStreamSettings(stream: unknown): StreamEventSettings {
  if (typeof stream === 'string') return { arn: stream };
  const settings = stream as StreamEventSettings & { destinations?: { onFailure?: string | { arn: unknown } } };
  const onFailure = settings.destinations?.onFailure;
  const onFailureArn = typeof onFailure === 'string' ? onFailure : onFailure ? String(onFailure.arn) : undefined;
  return { ...settings, arn: String(settings.arn), ...(onFailureArn ? { onFailureArn } : {}) };
}

function toSchedules(
  schedule: string | { rate: string | string[]; enabled?: boolean; input?: unknown },
): { rule: string; input?: unknown }[] {
  if (typeof schedule === 'string') return [{ rule: schedule }];
  if (schedule.enabled === false) return [];
  return [schedule.rate]
    .flat()
    .map((rule) => ({ rule, ...(schedule.input === undefined ? {} : { input: schedule.input }) }));
}
