import {
  describeLocalResource,
  hasLocalCounterpart,
  intrinsicContext,
  type LocalResource,
} from './provisionResources.js';
import { printServiceConfig } from './printServiceConfig.js';
import { readCompose, resolveComposeParams, type ComposeService } from './readCompose.js';
import { resolveIntrinsics } from './resolveIntrinsics.js';
import { resolveOutputs } from './resolveOutputs.js';
import type { PrintedService } from './types.js';

export interface ServiceParams {
  service: ComposeService;
  params: Record<string, string>;
  /** The service's `serverless print` with those params */
  config: PrintedService;
}

/**
 * Each service of serverless-compose.yml with the params compose would pass it, computed offline:
 * upstream outputs are resolved from resource names alone (a DynamoDB stream ARN gets a placeholder
 * label), which is all `serverless package` needs.
 */
export async function offlineServiceParams(options: {
  root: string;
  stage: string;
  cacheDir: string;
}): Promise<ServiceParams[]> {
  const outputs = new Map<string, Record<string, string>>();
  const result: ServiceParams[] = [];
  for (const service of await readCompose(options.root)) {
    const params = resolveComposeParams(service, outputs);
    const config = await printServiceConfig({ ...options, serviceDir: service.dir, params });
    const stackName = `${config.service}-${config.provider.stage}`;
    const region = config.provider.region;
    const resources = new Map<string, LocalResource>();
    const context = intrinsicContext(resources, stackName, region);
    for (const [logicalId, resource] of Object.entries(config.resources?.Resources ?? {})) {
      if (!hasLocalCounterpart(resource.Type)) continue;
      const properties = resolveIntrinsics(resource.Properties ?? {}, context) as Record<string, unknown>;
      const local = describeLocalResource(logicalId, resource.Type, properties, stackName, region)!;
      if (resource.Type === 'AWS::DynamoDB::Table')
        local.attributes.StreamArn = `${local.attributes.Arn}/stream/packaged`;
      resources.set(logicalId, local);
    }
    outputs.set(service.name, resolveOutputs(config, context));
    result.push({ service, params, config });
  }
  return result;
}
