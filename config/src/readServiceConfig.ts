import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** `${file(resources/glue-tables.yml)}`: a file of more configuration a service includes. */
const FILE_VARIABLE = /\$\{file\(([^)]+)\)/g;

/**
 * A service's configuration before Serverless resolves its variables (`${param:x}` still written
 * out): its Serverless service name and, as text, its serverless.ts's object and the files it
 * includes. Packaging resolves the variables, so what a service reads is seen only here.
 *
 * @example
 * const { service, text } = await readServiceConfig(path.join(root, 'services/ingest'));
 * // service: 'sdp-ingest'; text: '{"service":"sdp-ingest",…"ShardCount":"${param:rawEventsShardCount, 2}"…}'
 */
export async function readServiceConfig(serviceDir: string): Promise<{ service: string; text: string }> {
  const config = ((await import(path.join(serviceDir, 'serverless.ts'))) as { default: { service: string } }).default;
  const text = JSON.stringify(config);
  const included = await Promise.all(
    [...text.matchAll(FILE_VARIABLE)].map((m) => readFile(path.resolve(serviceDir, m[1]!), 'utf8')),
  );
  return { service: config.service, text: [text, ...included].join('\n') };
}
