import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

export interface ComposeService {
  name: string;
  dir: string;
  /** Param values as written, e.g. `${ingest.RawEventsStreamArn}`. */
  params: Record<string, string>;
  dependsOn: string[];
}

const OUTPUT_REFERENCE = /\$\{(\w[\w-]*)\.(\w+)\}/g;

/**
 * Reads `serverless-compose.yml` and orders its services so that each comes after the services
 * whose outputs it uses, as `serverless deploy` from the compose file does.
 */
export async function readCompose(root: string): Promise<ComposeService[]> {
  const document = parse(await readFile(path.join(root, 'serverless-compose.yml'), 'utf8')) as {
    services: Record<string, { path: string; params?: Record<string, unknown>; dependsOn?: string | string[] }>;
  };
  const services = Object.entries(document.services).map(([name, spec]): ComposeService => {
    const params = Object.fromEntries(Object.entries(spec.params ?? {}).map(([key, value]) => [key, String(value)]));
    const referenced = Object.values(params).flatMap((value) =>
      [...value.matchAll(OUTPUT_REFERENCE)].map((m) => m[1]!),
    );
    const explicit = spec.dependsOn === undefined ? [] : [spec.dependsOn].flat();
    return { name, dir: path.resolve(root, spec.path), params, dependsOn: [...new Set([...referenced, ...explicit])] };
  });
  return topologicalOrder(services);
}

function topologicalOrder(services: ComposeService[]): ComposeService[] {
  const byName = new Map(services.map((s) => [s.name, s]));
  const ordered: ComposeService[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (service: ComposeService, trail: string[]): void => {
    if (state.get(service.name) === 'done') return;
    if (state.get(service.name) === 'visiting') {
      throw new Error(`serverless-compose.yml has a dependency cycle: ${[...trail, service.name].join(' → ')}`);
    }
    state.set(service.name, 'visiting');
    for (const dependency of service.dependsOn) {
      const target = byName.get(dependency);
      if (!target) throw new Error(`Service ${service.name} uses outputs of unknown service '${dependency}'`);
      visit(target, [...trail, service.name]);
    }
    state.set(service.name, 'done');
    ordered.push(service);
  };
  services.forEach((service) => visit(service, []));
  return ordered;
}

/** Replaces `${service.Output}` references with the outputs of services already provisioned. */
export function resolveComposeParams(
  service: ComposeService,
  outputs: ReadonlyMap<string, Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(service.params).map(([key, value]) => [
      key,
      value.replace(OUTPUT_REFERENCE, (_, from: string, output: string) => {
        const resolved = outputs.get(from)?.[output];
        if (resolved === undefined)
          throw new Error(`Service ${from} has no output ${output} (used by ${service.name}.${key})`);
        return resolved;
      }),
    ]),
  );
}
