/**
 * What a reviewer reads before `serverless deploy` (`npm run deploy:plan -- --stage prod`): the
 * checks' verdicts, the stacks in the order compose deploys them, the params passed between them,
 * what each function may do, and what each stateful resource keeps and whether it survives its
 * stack. Made of the compose file and the packaged templates only, so it prints offline.
 */
import { dependenciesOf, deploymentSteps, outputReferencesOf, type ComposedService } from './composeServices.js';
import type { PackagedResource, PackagedTemplate } from './packagedTemplate.js';
import { permissionsOf } from './permissionsOf.js';
import { retentionOf } from './retentionOf.js';

export interface DeployPlanInput {
  stage: string;
  /** The services of serverless-compose.yml (composedServicesOf) */
  services: ComposedService[];
  /** Each service's stack: `<Serverless service>-<stage>` (`sdp-ingest-prod`) */
  stacks: Record<string, string>;
  templates: Record<string, PackagedTemplate>;
  /** What TemplateValidator and problemsOfComposeOrder found, one line each */
  problems: { templates: string[]; compose: string[] };
}

/** Resources that hold data, by type: what the plan calls them, in the order it lists them. */
const STATEFUL: Record<string, string> = {
  'AWS::DynamoDB::Table': 'table',
  'AWS::Kinesis::Stream': 'stream',
  'AWS::S3::Bucket': 'bucket',
  'AWS::SQS::Queue': 'queue',
  'AWS::Glue::Database': 'glue',
  'AWS::Glue::Table': 'glue',
};
const DEPLOYMENT_BUCKET = 'ServerlessDeploymentBucket';

/** Rows with every column but the last padded to the widest of its column. */
function aligned(rows: string[][]): string[] {
  const widths = rows.reduce<number[]>(
    (max, row) => row.slice(0, -1).map((cell, i) => Math.max(max[i] ?? 0, cell.length)),
    [],
  );
  return rows.map((row) =>
    `  ${row.map((cell, i) => (i < row.length - 1 ? cell.padEnd(widths[i]!) : cell)).join('  ')}`.trimEnd(),
  );
}

/** `1 function`, `42 functions`. */
const count = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

const verdict = (what: string, ok: string, problems: string[]): string[] =>
  problems.length === 0
    ? [`✔ ${what}: ${ok}`]
    : [`✖ ${what}: ${count(problems.length, 'problem')}`, ...problems.map((problem) => `    ${problem}`)];

/** `Retain/Retain`, with `Delete*` where the template leaves CloudFormation's default. */
const policies = (resource: PackagedResource): string =>
  `${resource.DeletionPolicy ?? 'Delete*'}/${resource.UpdateReplacePolicy ?? 'Delete*'}`;

/**
 * The plan as text, about 150 lines for this platform: stacks in deployment order; params as
 * `service.Output → param: readers`; one line of permissions per function; stateful resources
 * with their deletion policies and retention.
 *
 * @example
 * console.log(deployPlanOf({ stage: 'prod', services, stacks, templates, problems: { templates: [], compose: [] } }));
 */
export function deployPlanOf({ stage, services, stacks, templates, problems }: DeployPlanInput): string {
  const steps = deploymentSteps(services);
  const ordered = [...steps.flat(), ...services.map((s) => s.name).filter((name) => !steps.flat().includes(name))];
  const byName = new Map(services.map((service) => [service.name, service]));
  const resourcesOf = (name: string) => Object.entries(templates[name]?.Resources ?? {});
  const functions = ordered.flatMap((name) =>
    resourcesOf(name)
      .filter(([, resource]) => resource.Type === 'AWS::Lambda::Function')
      .map(([id, resource]) => ({ name, id, function: String(resource.Properties?.FunctionName ?? id) })),
  );

  const stackRows = steps.flatMap((step, i) =>
    step.map((name, j) => {
      const waits = dependenciesOf(byName.get(name)!).sort((a, b) => ordered.indexOf(a) - ordered.indexOf(b));
      return [j === 0 ? `${i + 1}.` : '', stacks[name] ?? name, waits.length ? `after ${waits.join(', ')}` : ''];
    }),
  );
  const stranded = ordered.filter((name) => !steps.flat().includes(name));
  stackRows.push(...stranded.map((name) => ['never', stacks[name] ?? name, 'waits for a stack that cannot deploy']));

  const readers = new Map<string, { param: string; reader: string }[]>();
  for (const name of ordered)
    for (const [param, value] of Object.entries(byName.get(name)!.params)) {
      const sources = outputReferencesOf(value).map((ref) => `${ref.service}.${ref.output}`);
      for (const source of sources.length ? sources : [JSON.stringify(value)])
        readers.set(source, [...(readers.get(source) ?? []), { param, reader: name }]);
    }
  // Outputs by the order their stacks deploy in, plain values last.
  const producerRank = (source: string) =>
    (ordered.indexOf(source.split('.')[0]!) + ordered.length + 1) % (ordered.length + 1);
  const paramRows = [...readers]
    .sort(([a], [b]) => producerRank(a) - producerRank(b) || a.localeCompare(b))
    .map(([source, reads]) => {
      const params = [...new Set(reads.map((read) => read.param))];
      const to = params.map((param) => {
        const who = reads.filter((read) => read.param === param).map((read) => read.reader);
        return `${param}: ${who.join(', ')}`;
      });
      return [source, `→ ${to.join('; ')}`];
    });

  const functionRows = functions.map(({ name, id, function: fn }) => [
    `${name} ${fn.replace(`${stacks[name]}-`, '')}`,
    permissionsOf(templates[name]!, id),
  ]);

  const stateful = ordered.flatMap((name) =>
    resourcesOf(name)
      .filter(([id, resource]) => resource.Type in STATEFUL && id !== DEPLOYMENT_BUCKET)
      .sort(([, a], [, b]) => Object.keys(STATEFUL).indexOf(a.Type) - Object.keys(STATEFUL).indexOf(b.Type))
      .map(([id, resource]) => ({ name, id, resource })),
  );
  const glueTables = (name: string) =>
    stateful.filter((s) => s.name === name && s.resource.Type === 'AWS::Glue::Table');
  const statefulRows = stateful.flatMap(({ name, id, resource }) => {
    if (resource.Type !== 'AWS::Glue::Table')
      return [[name, STATEFUL[resource.Type]!, id, policies(resource), describe(resource)]];
    const tables = glueTables(name);
    if (tables[0]!.id !== id) return [];
    const tableNames = tables.map((t) =>
      String((t.resource.Properties?.TableInput as { Name?: string })?.Name ?? t.id),
    );
    return [[name, 'glue', `${tables.length} tables`, policies(resource), tableNames.sort().join(', ')]];
  });
  const deploymentBuckets = ordered.flatMap((name) =>
    resourcesOf(name)
      .filter(([id]) => id === DEPLOYMENT_BUCKET)
      .map(([, resource]) => resource),
  );
  if (deploymentBuckets.length > 0)
    statefulRows.push([
      count(deploymentBuckets.length, 'stack'),
      'bucket',
      DEPLOYMENT_BUCKET,
      policies(deploymentBuckets[0]!),
      'the packaged code and templates, uploaded again by every deploy',
    ]);

  return [
    `Deploy plan for stage ${stage}: ${count(ordered.length, 'stack')}, ${count(functions.length, 'function')}`,
    ...verdict('CloudFormation', "every template is valid by AWS's resource schemas", problems.templates),
    ...verdict('Compose', 'every param a stack reads is passed, from a stack that deploys before it', problems.compose),
    '',
    'Stacks in deployment order (each after the stacks it waits for; those of one step deploy in parallel)',
    ...aligned(stackRows),
    '',
    'Params between stacks (output → param: the stacks it is passed to)',
    ...aligned(paramRows),
    '',
    "Function permissions (besides each function's own log group and X-Ray; its own stack's resources by logical id)",
    ...aligned(functionRows),
    '',
    "Stateful resources (DeletionPolicy/UpdateReplacePolicy, Delete* where CloudFormation's default applies; retention)",
    ...aligned(statefulRows),
    '',
  ].join('\n');
}

/** A stateful resource's retention, or for a Glue database its name. */
const describe = (resource: PackagedResource): string =>
  resource.Type === 'AWS::Glue::Database'
    ? `database ${String((resource.Properties?.DatabaseInput as { Name?: string } | undefined)?.Name)}`
    : retentionOf(resource);
