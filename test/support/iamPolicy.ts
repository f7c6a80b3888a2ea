/**
 * The least-privilege check of a packaged CloudFormation template (docs/adr/0016-iam-role-per-function.md):
 * every function has an IAM role of its own, no statement grants a wildcard action, and a wildcard
 * resource appears only where AWS or run-time naming leaves no concrete ARN, each case listed below
 * with its reason.
 */

export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface CfnTemplate {
  Resources: Record<string, CfnResource>;
}

export interface PolicyStatement {
  Effect: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
  NotResource?: unknown;
  Condition?: unknown;
}

/** A resource with a wildcard that may appear with these actions only, and why no concrete ARN exists. */
export interface AllowedWildcard {
  resource: RegExp;
  actions: RegExp;
  reason: string;
}

/**
 * Every wildcard resource a role may hold. Anything else with `*` (or `?`) in a resource is a problem;
 * so is a wildcard anywhere but where a rule puts it (a region, an account, a bucket, a log group).
 */
export const ALLOWED_WILDCARDS: readonly AllowedWildcard[] = [
  {
    resource: /^\*$/,
    actions: /^xray:(PutTraceSegments|PutTelemetryRecords)$/,
    reason: 'X-Ray has no resource-level permissions; tracing is on for every function (provider.tracing.lambda)',
  },
  {
    resource: /^\*$/,
    actions: /^(cloudwatch:(ListMetrics|GetMetricData)|lambda:ListFunctions)$/,
    reason:
      'reading usage metrics and listing functions have no resource-level permissions (GET /cost reads what this stage used)',
  },
  {
    resource: /^\*$/,
    actions: /^ecr:GetAuthorizationToken$/,
    reason:
      'ECR authorization tokens are account-wide and have no resource-level permissions; image pulls are scoped to one repository',
  },
  {
    resource: /^[^*?]*:log-group:\/aws\/lambda\/[^*?:]+:\*(:\*)?$/,
    actions: /^logs:(CreateLogGroup|CreateLogStream|PutLogEvents|TagResource)$/,
    reason: "a function's own log group, whose log streams Lambda names at run time",
  },
  {
    resource: /^[^*?]*:log-group:\/aws\/sagemaker\/Endpoints\/[^*?:]+:\*$/,
    actions: /^logs:(CreateLogGroup|CreateLogStream|PutLogEvents)$/,
    reason: "the model endpoint's log group, whose log streams SageMaker names at run time",
  },
  {
    resource: /^(\$\{[A-Za-z0-9]+\.Arn\}|arn:(aws|\$\{AWS::Partition\}):s3:::[a-z0-9.-]+)(\/[\w=.-]+)*\/\*$/,
    actions: /^s3:(GetObject|PutObject|DeleteObject|DeleteObjectVersion|AbortMultipartUpload)$/,
    reason:
      'objects under a known bucket (and prefix), whose keys are made at run time (and their past versions, which an erasure deletes)',
  },
  {
    resource: /^[^*?]*:glue:[^*?]*:table\/[^/*?]+\/\*$/,
    actions: /^glue:(GetDatabase|GetTable|GetTables|GetPartition|GetPartitions)$/,
    reason: "read-only catalog access to the lake database's tables, any of which POST /query may read",
  },
  {
    resource: /^[^*?]*:sagemaker:[^*?]*:(model|endpoint-config)\/[a-z0-9-]+-\*$/,
    actions: /^sagemaker:(CreateModel|CreateEndpointConfig|CreateEndpoint|UpdateEndpoint|DescribeEndpoint)$/,
    reason: "a model and an endpoint config per model version, named at run time under the endpoint's name",
  },
];

/** The role Serverless creates for a whole service; with a role per function it must stay unused. */
export const DEFAULT_ROLE = 'IamRoleLambdaExecution';
/** What the framework itself puts in its default role: logs, X-Ray, stream reads, on-failure destinations. */
const FRAMEWORK_ACTIONS =
  /^(logs:(CreateLogGroup|CreateLogStream|PutLogEvents|TagResource)|xray:(PutTraceSegments|PutTelemetryRecords)|(kinesis|dynamodb):(GetRecords|GetShardIterator|DescribeStream|ListStreams)|kinesis:(DescribeStreamSummary|ListShards|SubscribeToShard)|sqs:(ListQueues|SendMessage)|sns:Publish)$/;

const IAM_TYPES = new Set(['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']);
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : ([] as T[]).concat(value));

/** A resource as text: ARNs as they are, `Fn::Sub` as its template, `Fn::GetAtt` as `${X.Attr}`, `Ref` as `${X}`. */
export function resourceText(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const value = resource as Record<string, unknown>;
  if ('Fn::Sub' in value) return String(list(value['Fn::Sub'] as string | unknown[])[0]);
  if ('Fn::GetAtt' in value) return `\${${list(value['Fn::GetAtt'] as string | string[]).join('.')}}`;
  if ('Ref' in value) return `\${${String(value.Ref)}}`;
  if ('Fn::Join' in value) {
    const [separator, parts] = value['Fn::Join'] as [string, unknown[]];
    return parts.map(resourceText).join(separator);
  }
  return JSON.stringify(resource);
}

/** The problems of one statement: NotAction/NotResource, wildcard actions, wildcard resources not allowed above. */
export function problemsOfStatement(where: string, statement: PolicyStatement): string[] {
  if (statement.Effect !== 'Allow') return [];
  const actions = list(statement.Action);
  const problems: string[] = [];
  if (statement.NotAction !== undefined) problems.push(`${where}: NotAction grants every other action`);
  if (statement.NotResource !== undefined) problems.push(`${where}: NotResource grants every other resource`);
  for (const action of actions.filter((a) => /[*?]/.test(a))) problems.push(`${where}: wildcard action ${action}`);
  for (const resource of list(statement.Resource)
    .map(resourceText)
    .filter((text) => /[*?]/.test(text))) {
    const allowed = ALLOWED_WILDCARDS.some(
      (rule) => rule.resource.test(resource) && actions.every((action) => rule.actions.test(action)),
    );
    if (!allowed) problems.push(`${where}: ${actions.join(',')} on ${resource}`);
  }
  return problems;
}

/** Every policy statement of an IAM role, inline policy or managed policy, by the resource's logical id. */
export function statementsOf(resource: CfnResource): PolicyStatement[] {
  const properties = resource.Properties ?? {};
  const documents =
    resource.Type === 'AWS::IAM::Role'
      ? ((properties.Policies as { PolicyDocument: unknown }[] | undefined) ?? []).map((p) => p.PolicyDocument)
      : [properties.PolicyDocument];
  return documents.flatMap((document) =>
    list((document as { Statement?: PolicyStatement | PolicyStatement[] } | undefined)?.Statement),
  );
}

/** Each function's logical id, its name and the logical id of the role it runs with (undefined when not one of this template's). */
export function functionRoles(template: CfnTemplate): { fn: string; name: string; role: string | undefined }[] {
  return Object.entries(template.Resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::Function')
    .map(([fn, r]) => {
      const role = (r.Properties?.Role as { 'Fn::GetAtt'?: string[] } | undefined)?.['Fn::GetAtt']?.[0];
      return {
        fn,
        name: String(r.Properties?.FunctionName ?? fn),
        role: role && template.Resources[role]?.Type === 'AWS::IAM::Role' ? role : undefined,
      };
    });
}

/**
 * Every least-privilege problem of a packaged template, as `<service>/<logical id>: …` lines; none
 * when it passes. The unit of least privilege is the function: each has a role no other uses, whose
 * log statements name its own log group; the framework's default role runs nothing and holds only
 * the framework's statements; no role grants a wildcard action or an unlisted wildcard resource.
 *
 * @example
 * problemsOfTemplate('ingest', template) // ['ingest/PutEventIamRoleLambdaExecution: s3:GetObject on *']
 */
export function problemsOfTemplate(service: string, template: CfnTemplate): string[] {
  const problems: string[] = [];
  const functions = functionRoles(template);
  for (const { fn, name, role } of functions) {
    if (!role) problems.push(`${service}/${fn}: runs with a role that is not its own`);
    else if (role === DEFAULT_ROLE)
      problems.push(`${service}/${fn}: runs with the service-wide role ${DEFAULT_ROLE}; give it iamRoleStatements`);
    else if (functions.some((other) => other.fn !== fn && other.role === role))
      problems.push(`${service}/${fn}: shares its role ${role}`);
    else {
      const logGroups = statementsOf(template.Resources[role]!)
        .filter((s) => list(s.Action).some((action) => action.startsWith('logs:')))
        .flatMap((s) => list(s.Resource).map(resourceText));
      for (const group of logGroups.filter((text) => !text.includes(`:log-group:/aws/lambda/${name}:`))) {
        problems.push(`${service}/${role}: writes logs to ${group}, not to ${name}'s own log group`);
      }
    }
  }
  const defaultRole = template.Resources[DEFAULT_ROLE];
  if (defaultRole) {
    const added = statementsOf(defaultRole)
      .flatMap((s) => list(s.Action))
      .filter((action) => !FRAMEWORK_ACTIONS.test(action));
    if (added.length > 0)
      problems.push(
        `${service}/${DEFAULT_ROLE}: ${added.join(',')} in the service-wide role (provider.iam.role.statements) reach no function; list them in the function's iamRoleStatements`,
      );
  }
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (!IAM_TYPES.has(resource.Type) || id === DEFAULT_ROLE) continue;
    const where = `${service}/${id}`;
    if (list(resource.Properties?.ManagedPolicyArns).length > 0) problems.push(`${where}: attaches managed policies`);
    for (const statement of statementsOf(resource)) problems.push(...problemsOfStatement(where, statement));
  }
  return problems;
}

/** What looks like a secret: AWS access key ids, secret access keys, private keys, this platform's API keys. */
export const SECRET_PATTERNS: readonly RegExp[] = [
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/,
  /aws_secret_access_key/i,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bsdp_[0-9a-f]{12}_[0-9a-f]{48}\b/,
];

/** The secret patterns a text matches. */
export function secretsIn(text: string): string[] {
  return SECRET_PATTERNS.filter((pattern) => pattern.test(text)).map(String);
}
