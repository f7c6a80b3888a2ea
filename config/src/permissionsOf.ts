import { shortResource, valueText, type PackagedTemplate } from './packagedTemplate.js';

interface Statement {
  Effect: string;
  Action?: string | string[];
  Resource?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

/** `dynamodb:LeadingKeys like rate#*`: a statement's condition, short. */
const conditionText = (condition: Statement['Condition']): string =>
  Object.entries(condition ?? {})
    .flatMap(([operator, keys]) =>
      Object.entries(keys).map(([key, values]) => {
        const test = operator.endsWith('StringLike') ? 'like' : operator.endsWith('StringEquals') ? '=' : operator;
        return `${key} ${test} ${[values].flat().join('|')}`;
      }),
    )
    .join(', ');

/** `dynamodb:GetItem,UpdateItem`: actions sorted, their service written once. */
const actionsText = (actions: string[]): string => {
  const byService = new Map<string, string[]>();
  for (const action of [...actions].sort()) {
    const [service, name] = action.split(':') as [string, string];
    byService.set(service, [...(byService.get(service) ?? []), name]);
  }
  return [...byService].map(([service, names]) => `${service}:${names.join(',')}`).join(' ');
};

/**
 * What a function may do, on one line: its role's statements merged by resource and condition,
 * resources with the same actions together, its own log group and X-Ray left out (every function
 * has both; ADR 16).
 *
 * @example
 * permissionsOf(template, 'PutEventLambdaFunction')
 * // 'kinesis:PutRecords on RawEventsStream; dynamodb:GetItem on table/sdp-access-prod-api-keys; dynamodb:UpdateItem on table/sdp-access-prod-api-keys if dynamodb:LeadingKeys like rate#*'
 */
export function permissionsOf(template: PackagedTemplate, functionId: string): string {
  const fn = template.Resources[functionId]!.Properties ?? {};
  const roleId = [(fn.Role as { 'Fn::GetAtt'?: string[] } | undefined)?.['Fn::GetAtt']?.[0]].flat()[0];
  const role = roleId === undefined ? undefined : template.Resources[roleId];
  if (role?.Type !== 'AWS::IAM::Role') return `runs with a role of another stack: ${valueText(fn.Role)}`;
  const ownLogGroup = `:log-group:/aws/lambda/${String(fn.FunctionName)}:`;
  const statements = ((role.Properties?.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[])
    .flatMap((policy) => policy.PolicyDocument.Statement)
    .filter((statement) => {
      const actions = [statement.Action ?? []].flat();
      const resources = [statement.Resource].flat().map(valueText);
      const ownLogs = actions.every((a) => a.startsWith('logs:')) && resources.every((r) => r.includes(ownLogGroup));
      const tracing = actions.every((a) => a.startsWith('xray:')) && resources.every((r) => r === '*');
      return !ownLogs && !tracing;
    });
  // Actions per resource and condition, in the order the role first names them.
  const grants = new Map<string, { effect: string; resource: string; condition: string; actions: Set<string> }>();
  for (const statement of statements) {
    const condition = conditionText(statement.Condition);
    for (const resource of [statement.Resource].flat().map(shortResource)) {
      const key = [statement.Effect, resource, condition].join('\n');
      const grant = grants.get(key) ?? { effect: statement.Effect, resource, condition, actions: new Set() };
      for (const action of [statement.Action ?? []].flat()) grant.actions.add(action);
      grants.set(key, grant);
    }
  }
  // Resources granted the same actions under the same condition, together.
  const lines = new Map<string, string[]>();
  for (const { effect, resource, condition, actions } of grants.values()) {
    const what = `${effect === 'Allow' ? '' : 'DENY '}${actionsText([...actions])}`;
    const key = [what, condition].join('\n');
    lines.set(key, [...(lines.get(key) ?? []), resource]);
  }
  return [...lines]
    .map(([key, resources]) => {
      const [what, condition] = key.split('\n') as [string, string];
      return `${what} on ${resources.join(', ')}${condition ? ` if ${condition}` : ''}`;
    })
    .join('; ');
}
