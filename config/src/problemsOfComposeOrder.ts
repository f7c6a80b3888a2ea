/**
 * Whether `serverless deploy` from serverless-compose.yml can deploy every service in an order in
 * which each one finds what it reads. Packaging offline cannot tell: it passes every param it is
 * given and resolves `${service.Output}` from the upstream services' declared resources, so a
 * missing param, a reference to a service that deploys later or an output no stack declares shows
 * only on AWS, halfway through a deployment.
 */
import { dependenciesOf, outputReferencesOf, type ComposedService } from './composeServices.js';
import type { PackagedTemplate } from './packagedTemplate.js';

export interface ComposeOrderInput {
  /** The services of serverless-compose.yml (composedServicesOf) */
  services: ComposedService[];
  /**
   * Each service's configuration as text, before Serverless resolves its variables: its
   * serverless.ts's object as JSON, and the files it includes (`${file(resources/glue-tables.yml)}`).
   */
  configs: Record<string, string>;
  /** Each service's packaged template (`.serverless/cloudformation-template-update-stack.json`) */
  templates: Record<string, PackagedTemplate>;
}

/** `${param:name}` (a value compose must pass) or `${param:name, default}` (one it may pass). */
const PARAM_VARIABLE = /\$\{param:([\w-]+)\s*(,?)/g;
/** `${cf:stack.Output}` and `${cf(region):stack.Output}`: another stack's output, read at packaging. */
const CF_VARIABLE = /\$\{cf(\([^)]*\))?:[^}]+\}/g;

/** The params a configuration reads: those without a default, which compose must pass, and all of them. */
export function paramsReadBy(configText: string): { required: Set<string>; all: Set<string> } {
  const reads = [...configText.matchAll(PARAM_VARIABLE)].map((m) => ({ name: m[1]!, required: m[2] !== ',' }));
  return {
    required: new Set(reads.filter((read) => read.required).map((read) => read.name)),
    all: new Set(reads.map((read) => read.name)),
  };
}

/** The shortest chain by which `from` waits for `to` (`from → … → to`), or undefined when it does not. */
function waitPath(from: string, to: string, waitsFor: Map<string, string[]>): string[] | undefined {
  const queue: string[][] = [[from]];
  const seen = new Set([from]);
  while (queue.length > 0) {
    const trail = queue.shift()!;
    for (const next of waitsFor.get(trail.at(-1)!) ?? []) {
      if (next === to) return [...trail, next];
      if (!seen.has(next)) {
        seen.add(next);
        queue.push([...trail, next]);
      }
    }
  }
  return undefined;
}

/**
 * Every reason serverless-compose.yml would fail to deploy its services, one line each; none when
 * every service is passed every param it reads without a default, every `${service.Output}` names a
 * service that deploys before the reader and an output of that service's packaged template, and no
 * service reads another stack's output outside compose (`${cf:…}`, `Fn::ImportValue`), where
 * compose would not know to deploy the other first. A param compose passes and the service never
 * reads is named too: it is wiring nobody uses.
 *
 * @example
 * problemsOfComposeOrder({ services, configs, templates })
 * // ['ingest reads ${param:failedEventsTableArn}, which serverless-compose.yml does not pass to it']
 */
export function problemsOfComposeOrder({ services, configs, templates }: ComposeOrderInput): string[] {
  const names = new Set(services.map((service) => service.name));
  const waitsFor = new Map(services.map((service) => [service.name, dependenciesOf(service)]));
  const problems: string[] = [];
  for (const service of services) {
    const { name, params } = service;
    const reads = paramsReadBy(configs[name] ?? '');
    for (const param of [...reads.required].filter((param) => !(param in params)).sort())
      problems.push(`${name} reads \${param:${param}}, which serverless-compose.yml does not pass to it`);
    for (const param of Object.keys(params).filter((param) => !reads.all.has(param)))
      problems.push(`serverless-compose.yml passes ${param} to ${name}, which does not read it`);
    const waits = [
      ...service.dependsOn.map((other) => ({ on: other, why: `${name} dependsOn ${other}`, output: undefined })),
      ...Object.entries(params).flatMap(([param, value]) =>
        outputReferencesOf(value).map((ref) => ({
          on: ref.service,
          why: `${name} reads \${${ref.service}.${ref.output}} (param ${param})`,
          output: ref.output,
        })),
      ),
    ];
    for (const { on, why, output } of waits) {
      if (!names.has(on)) {
        problems.push(`${why}, but serverless-compose.yml has no service ${on}`);
        continue;
      }
      const cycle = waitPath(on, name, waitsFor);
      if (cycle)
        problems.push(`${why}, but ${on} cannot deploy before ${name}: it waits for ${name} (${cycle.join(' → ')})`);
      if (output !== undefined && !Object.keys(templates[on]?.Outputs ?? {}).includes(output))
        problems.push(`${why}, but the packaged template of ${on} has no output ${output}`);
    }
    const outside = [
      ...[...(configs[name] ?? '').matchAll(CF_VARIABLE)].map((m) => m[0]),
      ...(JSON.stringify(templates[name] ?? {}).includes('"Fn::ImportValue"') ? ['Fn::ImportValue'] : []),
    ];
    for (const reference of outside)
      problems.push(
        `${name} reads another stack's output outside compose (${reference}): pass it as a param in serverless-compose.yml, so that compose deploys that stack first`,
      );
  }
  return problems;
}
