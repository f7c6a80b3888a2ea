/**
 * What a packaged CloudFormation template deploys, without what changes from one packaging to the
 * next, so that two packagings of the same services compare equal when they deploy the same thing:
 * - a function version's logical id ends in a hash of the code (`JoinEventsLambdaVersion0VnJ…`): the
 *   hash is cut off, here and wherever the id is referenced (`Ref`, `Fn::GetAtt`, `DependsOn`), and
 *   `CodeSha256` is left out;
 * - a function's `Code.S3Key` holds the packaging's time (`serverless/sdp-enrich/dev/1796…/joinEvents.zip`):
 *   only the zip's name is kept;
 * - the order of the statements of a policy and of the actions and resources of a statement means
 *   nothing to IAM: they are sorted.
 * Everything else (every resource, property, environment variable, event source mapping and output)
 * is kept as it is, order included.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Template {
  Resources: Record<string, Json>;
  Outputs?: Record<string, Json>;
  [key: string]: Json | undefined;
}

const VERSION_ID = /^(\w+LambdaVersion)[A-Za-z0-9]{20,}$/;

/** The template as it deploys, with what varies between packagings taken out (see above). */
export function substanceOf(template: Template): Template {
  const renamed = new Map<string, string>();
  for (const id of Object.keys(template.Resources)) {
    const match = VERSION_ID.exec(id);
    if (match) renamed.set(id, match[1]!);
  }
  const rename = (id: string): string => renamed.get(id) ?? id;
  const walk = (value: Json, key?: string): Json => {
    if (Array.isArray(value)) {
      const items = value.map((item) => walk(item));
      return key !== undefined && SETS.has(key) ? sortedByText(items) : items;
    }
    if (typeof value === 'string') return rename(value);
    if (value === null || typeof value !== 'object') return value;
    const result: Record<string, Json> = {};
    for (const [name, child] of Object.entries(value)) {
      if (name === 'CodeSha256') continue;
      if (name === 'S3Key' && typeof child === 'string') result[name] = child.slice(child.lastIndexOf('/') + 1);
      else result[rename(name)] = walk(child, name);
    }
    return result;
  };
  return walk(template as unknown as Json) as unknown as Template;
}

/**
 * Every difference between two templates' substance, one line each (`Resources.X.Properties.Y: 5 → 6`),
 * none when they deploy the same thing.
 */
export function differencesOf(before: Template, after: Template): string[] {
  return differences(substanceOf(before) as unknown as Json, substanceOf(after) as unknown as Json, '');
}

function differences(before: Json | undefined, after: Json | undefined, at: string): string[] {
  if (before === undefined) return [`${at}: added ${brief(after)}`];
  if (after === undefined) return [`${at}: removed ${brief(before)}`];
  const bothObjects = isObject(before) && isObject(after);
  const bothArrays = Array.isArray(before) && Array.isArray(after);
  if (bothObjects) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => differences(before[key], after[key], at ? `${at}.${key}` : key));
  }
  if (bothArrays && SETS.has(at.slice(at.lastIndexOf('.') + 1))) {
    const [removed, added] = [without(before, after), without(after, before)];
    return [
      ...removed.map((item) => `${at}: removed ${brief(item)}`),
      ...added.map((item) => `${at}: added ${brief(item)}`),
    ];
  }
  if (bothArrays) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => differences(before[i], after[i], `${at}[${i}]`)).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [`${at}: ${brief(before)} → ${brief(after)}`];
}

/** Lists whose order means nothing: a policy's statements, a statement's actions and resources. */
const SETS = new Set(['Statement', 'Action', 'Resource']);

/** The items of one list that the other lacks, as many times as it lacks them. */
function without(items: Json[], others: Json[]): Json[] {
  const left = others.map(canonicalText);
  return items.filter((item) => {
    const i = left.indexOf(canonicalText(item));
    if (i === -1) return true;
    left.splice(i, 1);
    return false;
  });
}

const isObject = (value: Json | undefined): value is { [key: string]: Json } =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const brief = (value: Json | undefined): string => {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
};

const sortedByText = (items: Json[]): Json[] =>
  items
    .map((item) => [canonicalText(item), item] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, item]) => item);

/** JSON with object keys sorted, so that two equal values have the same text. */
function canonicalText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalText(value[key]!)}`).join(',')}}`;
}

/** How many of the things a reader checks a template holds: resources, functions, roles, statements, mappings. */
export function countsOf(template: Template): Record<string, number> {
  const resources = Object.values(template.Resources) as { Type?: string; Properties?: Record<string, Json> }[];
  const ofType = (type: string) => resources.filter((r) => r.Type === type);
  const statements = ofType('AWS::IAM::Role').flatMap((role) =>
    ((role.Properties?.Policies ?? []) as { PolicyDocument?: { Statement?: Json[] } }[]).flatMap(
      (policy) => policy.PolicyDocument?.Statement ?? [],
    ),
  );
  return {
    resources: resources.length,
    functions: ofType('AWS::Lambda::Function').length,
    roles: ofType('AWS::IAM::Role').length,
    statements: statements.length,
    mappings: ofType('AWS::Lambda::EventSourceMapping').length,
  };
}
