/**
 * The per-shard order check of a packaged CloudFormation template (docs/adr/0019-counting-per-batch.md):
 * a consumer that counts per batch remembers, per item, the highest position it applied from each
 * shard, so Lambda must give it a shard's records in order, one batch at a time, and resume a shard
 * at the first record it did not finish.
 */
import { functionRoles, resourceText, type CfnTemplate } from './iamPolicy.js';

/** The functions that count per batch and rely on a shard's order, by service. */
export const COUNTING_CONSUMERS: Readonly<Record<string, readonly string[]>> = {
  enrich: ['joinEvents'],
  aggregate: ['aggregateWindows'],
  sessions: ['sessionizeClickstream'],
  demand: ['countProductDemand'],
  pricing: ['hydrateDemand'],
};

/**
 * Every per-shard order problem of the named functions in a packaged template, as
 * `<service>/<function or logical id>: …` lines; none when it passes. Each function must exist and
 * have at least one Kinesis event source mapping, and each of those must leave
 * `ParallelizationFactor` unset or 1 (more would process batches of one shard at once, out of
 * order), bisect a failing batch and report partial batch failures, so that Lambda resumes a shard
 * at the first unfinished record.
 *
 * @example
 * problemsOfShardOrder('pricing', template, ['hydrateDemand'])
 * // ['pricing/HydrateDemandEventSourceMappingKinesisSdpdemanddevproductwindows: ParallelizationFactor 2, not 1']
 */
export function problemsOfShardOrder(service: string, template: CfnTemplate, functions: readonly string[]): string[] {
  const problems: string[] = [];
  const isKinesis = (arn: unknown): boolean => {
    const text = resourceText(arn);
    const logicalId = /^\$\{([A-Za-z0-9]+)[.}]/.exec(text)?.[1];
    return text.includes(':kinesis:') || (template.Resources[logicalId ?? '']?.Type ?? '').startsWith('AWS::Kinesis::');
  };
  const functionsOfTemplate = functionRoles(template);
  const mappingsOfTemplate = Object.entries(template.Resources).filter(
    ([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping',
  );
  for (const name of functions) {
    const fn = functionsOfTemplate.find((f) => f.name.endsWith(`-${name}`))?.fn;
    if (!fn) {
      problems.push(`${service}/${name}: no such function`);
      continue;
    }
    const mappings = mappingsOfTemplate.filter(
      ([, r]) =>
        resourceText(r.Properties?.FunctionName ?? '') === `\${${fn}.Arn}` &&
        isKinesis(r.Properties?.EventSourceArn ?? ''),
    );
    if (mappings.length === 0) problems.push(`${service}/${name}: no Kinesis event source mapping`);
    for (const [id, { Properties: properties = {} }] of mappings) {
      const {
        ParallelizationFactor: parallelization,
        BisectBatchOnFunctionError: bisect,
        FunctionResponseTypes: responseTypes,
      } = properties;
      if (parallelization !== undefined && parallelization !== 1) {
        problems.push(`${service}/${id}: ParallelizationFactor ${JSON.stringify(parallelization)}, not 1`);
      }
      if (bisect !== true) problems.push(`${service}/${id}: BisectBatchOnFunctionError is not true`);
      if (!Array.isArray(responseTypes) || !responseTypes.includes('ReportBatchItemFailures')) {
        problems.push(`${service}/${id}: FunctionResponseTypes lacks ReportBatchItemFailures`);
      }
    }
  }
  return problems;
}
