import { describeLocalResource, intrinsicContext, type LocalResource } from './provisionResources.js';
import { printServiceConfig } from './printServiceConfig.js';
import { readCompose, resolveComposeParams, type ComposeService } from './readCompose.js';
import { resolveIntrinsics } from './resolveIntrinsics.js';

export interface ServiceParams {
  service: ComposeService;
  params: Record<string, string>;
}

/**
 * Each service of serverless-compose.yml with the params compose would pass it, computed offline:
 * upstream outputs are resolved from resource names alone (a DynamoDB stream ARN gets a placeholder
 * label), which is all `serverless package` needs.
 */
export async function offlineServiceParams(options: { root: string; stage: string; cacheDir: string }): Promise<ServiceParams[]> {
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
      const properties = resolveIntrinsics(resource.Properties ?? {}, context) as Record<string, unknown>;
      const local = describeLocalResource(logicalId, resource.Type, properties, stackName, region);
      if (!local) continue;
      if (resource.Type === 'AWS::DynamoDB::Table') local.attributes.StreamArn = `${local.attributes.Arn}/stream/packaged`;
      resources.set(logicalId, local);
    }
    outputs.set(
      service.name,
      Object.fromEntries(
        Object.entries(config.resources?.Outputs ?? {}).map(([name, output]) => [name, String(resolveIntrinsics(output.Value, context))]),
      ),
    );
    result.push({ service, params });
  }
  return result;
}
