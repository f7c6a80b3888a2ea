/**
 * serverless-compose.yml as Serverless Compose (Framework v3) deploys it: each service with the
 * params it is passed, and the services it waits for, which are those it names in `dependsOn` and
 * those whose outputs its params read (`${ingest.RawEventsStreamArn}`). Services that wait for
 * nothing still pending deploy in parallel.
 */
import { parse } from 'yaml';

/** A service of serverless-compose.yml, as written. */
export interface ComposedService {
  name: string;
  /** Its directory, relative to the compose file */
  path: string;
  /** Param values as written: `${ingest.RawEventsStreamArn}`, or a plain value */
  params: Record<string, string>;
  /** Its explicit `dependsOn`, without the services its params read */
  dependsOn: string[];
}

/** `${service.Output}` in a compose param. */
export interface OutputReference {
  service: string;
  output: string;
}

const OUTPUT_REFERENCE = /\$\{([\w-]+)\.(\w+)\}/g;

/** The outputs of other services a compose param's value reads. */
export const outputReferencesOf = (value: string): OutputReference[] =>
  [...value.matchAll(OUTPUT_REFERENCE)].map((m) => ({ service: m[1]!, output: m[2]! }));

/** The services of a compose file's text, in the order it lists them. */
export function composedServicesOf(composeText: string): ComposedService[] {
  const document = parse(composeText) as {
    services?: Record<string, { path: string; params?: Record<string, unknown>; dependsOn?: string | string[] }>;
  };
  return Object.entries(document.services ?? {}).map(([name, spec]) => ({
    name,
    path: spec.path,
    params: Object.fromEntries(Object.entries(spec.params ?? {}).map(([key, value]) => [key, String(value)])),
    dependsOn: spec.dependsOn === undefined ? [] : [spec.dependsOn].flat(),
  }));
}

/** The services a service waits for: its `dependsOn` and the services whose outputs it reads, once each. */
export const dependenciesOf = (service: ComposedService): string[] => [
  ...new Set([
    ...service.dependsOn,
    ...Object.values(service.params).flatMap((value) => outputReferencesOf(value).map((ref) => ref.service)),
  ]),
];

/**
 * The order `serverless deploy` deploys the services in: steps of services that deploy in parallel,
 * each after every service it waits for. Services on a dependency cycle, or waiting for a service
 * not in the file, are in no step (problemsOfComposeOrder names them).
 *
 * @example
 * deploymentSteps(composedServicesOf(text)) // [['access'], ['ingest'], ['ops'], ['enrich', 'sessions', 'catalog'], …]
 */
export function deploymentSteps(services: ComposedService[]): string[][] {
  const pending = new Map(services.map((service) => [service.name, dependenciesOf(service)]));
  const deployed = new Set<string>();
  const steps: string[][] = [];
  for (;;) {
    const step = [...pending]
      .filter(([, dependencies]) => dependencies.every((dependency) => deployed.has(dependency)))
      .map(([name]) => name);
    if (step.length === 0) return steps;
    for (const name of step) {
      pending.delete(name);
      deployed.add(name);
    }
    steps.push(step);
  }
}
