import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { readCompose, type PackageResult } from '@sdp/local-cloud';
import {
  ALLOWED_WILDCARDS,
  functionRoles,
  problemsOfTemplate,
  resourceText,
  secretsIn,
  statementsOf,
  type CfnTemplate,
} from './support/iamPolicy.js';
import { PACKAGING_TIMEOUT_MS, packagedServices } from './support/packagedServices.js';

const root = path.resolve(__dirname, '..');

const templateOf = async (packageDir: string): Promise<CfnTemplate> =>
  JSON.parse(await readFile(path.join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8'));

describe('least privilege in the packaged CloudFormation of every service in serverless-compose.yml', () => {
  let packages: PackageResult[];
  let templates: { service: string; template: CfnTemplate }[];

  beforeAll(async () => {
    // Packaged once per run from stand-ins, shared with test/packaging.test.ts (test/support/packagedServices.ts).
    packages = await packagedServices();
    templates = await Promise.all(
      packages.filter((p) => p.ok).map(async (p) => ({ service: p.service, template: await templateOf(p.packageDir) })),
    );
  }, PACKAGING_TIMEOUT_MS);

  it('packages every service the compose file deploys', async () => {
    // Act
    const composed = (await readCompose(root)).map((service) => service.name);

    // Assess
    expect(packages.map(({ service, ok, output }) => ({ service, ok, ...(ok ? {} : { output }) }))).toStrictEqual(
      composed.map((service) => ({ service, ok: true })),
    );
  });

  it('gives every function a role of its own that grants no wildcard action and no wildcard resource AWS does not require', () => {
    // Act
    const problems = templates.flatMap(({ service, template }) => problemsOfTemplate(service, template));

    // Assess
    expect(
      templates.some(({ template }) =>
        Object.values(template.Resources).some((r) => r.Type === 'AWS::Lambda::Function'),
      ),
    ).toBe(true);
    expect(problems).toStrictEqual([]);
  });

  it('lets replay invoke exactly the functions that set records aside in the failed-events store', () => {
    // Prepare: every stream consumer (FAILED_EVENT_MAX_ATTEMPTS in its environment) sets records
    // aside; the ops service's APIs name the table only to read it.
    const setAside = templates.flatMap(({ template }) =>
      Object.values(template.Resources)
        .filter(
          (r) =>
            r.Type === 'AWS::Lambda::Function' &&
            (r.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
              ?.FAILED_EVENT_MAX_ATTEMPTS !== undefined,
        )
        .map((r) => String(r.Properties!.FunctionName)),
    );
    const ops = templates.find(({ service }) => service === 'ops')!.template;
    const replay = functionRoles(ops).find(({ name }) => name.endsWith('-replayFailedEvent'))!;

    // Act
    const invocable = statementsOf(ops.Resources[replay.role!]!)
      .filter(
        (statement) => statement.Effect === 'Allow' && [statement.Action].flat().includes('lambda:InvokeFunction'),
      )
      .flatMap((statement) => [statement.Resource].flat().map(resourceText))
      .map((arn) => /:function:([^:]+)$/.exec(arn)?.[1] ?? arn);

    // Assess
    expect(setAside.length).toBeGreaterThan(10);
    expect(invocable.sort()).toStrictEqual(setAside.sort());
  });

  it('lets every API read keys and write only their rate buckets (`rate#` items) of the keys table', () => {
    // Prepare
    const apis = templates.flatMap(({ service, template }) =>
      functionRoles(template)
        .filter(
          ({ fn }) =>
            (template.Resources[fn]!.Properties?.Environment as { Variables?: Record<string, unknown> } | undefined)
              ?.Variables?.API_KEYS_TABLE_NAME !== undefined,
        )
        .map(({ name, role }) => ({ service, name, statements: statementsOf(template.Resources[role!]!) })),
    );

    // Act
    const grants = apis.map(({ name, statements }) => ({
      name,
      onKeysTable: statements
        .filter((statement) =>
          [statement.Resource]
            .flat()
            .some((resource) => /:table\/sdp-access-[a-z]+-api-keys$/.test(resourceText(resource))),
        )
        .map((statement) => ({ actions: [statement.Action].flat(), condition: statement.Condition ?? null })),
    }));

    // Assess
    expect(apis.length).toBeGreaterThan(20);
    expect(grants).toStrictEqual(
      apis.map(({ name }) => ({
        name,
        onKeysTable: [
          { actions: ['dynamodb:GetItem'], condition: null },
          {
            actions: ['dynamodb:UpdateItem'],
            condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['rate#*'] } },
          },
        ],
      })),
    );
  });

  it('keeps secrets out of every packaged template, function environment and service state', async () => {
    // Act
    const found: string[] = [];
    for (const { service, packageDir } of packages) {
      for (const file of (await readdir(packageDir)).filter((name) => name.endsWith('.json'))) {
        for (const pattern of secretsIn(await readFile(path.join(packageDir, file), 'utf8')))
          found.push(`${service}/${file}: ${pattern}`);
      }
    }

    // Assess
    expect(found).toStrictEqual([]);
  });
});

describe('the least-privilege check', () => {
  const role = (...Statement: unknown[]) => ({
    Type: 'AWS::IAM::Role',
    Properties: { Policies: [{ PolicyDocument: { Statement } }] },
  });
  const fn = (name: string, roleId: string) => ({
    Type: 'AWS::Lambda::Function',
    Properties: { FunctionName: `sdp-x-dev-${name}`, Role: { 'Fn::GetAtt': [roleId, 'Arn'] } },
  });
  const logs = (name: string) => ({
    Effect: 'Allow',
    Action: ['logs:CreateLogStream', 'logs:CreateLogGroup', 'logs:PutLogEvents'],
    Resource: [
      {
        'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/sdp-x-dev-${name}:*:*`,
      },
    ],
  });
  const xray = { Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' };

  it('passes a function with its own role, its own logs and only allowed wildcards', () => {
    // Prepare
    const template = {
      Resources: {
        IamRoleLambdaExecution: role(logs('a'), xray, {
          Effect: 'Allow',
          Action: ['sqs:ListQueues', 'sqs:SendMessage'],
          Resource: { 'Fn::GetAtt': ['Failures', 'Arn'] },
        }),
        ALambdaFunction: fn('a', 'ARole'),
        ARole: role(
          logs('a'),
          xray,
          { Effect: 'Allow', Action: ['dynamodb:Query'], Resource: { 'Fn::Sub': '${Table.Arn}/index/ByDay' } },
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: { 'Fn::Sub': '${LakeBucket.Arn}/bids/*' },
          },
          { Effect: 'Deny', Action: 's3:*', Resource: '*' },
        ),
      },
    };

    // Act
    const problems = problemsOfTemplate('x', template);

    // Assess
    expect(problems).toStrictEqual([]);
  });

  it('catches wildcard actions, unlisted wildcard resources, misused exceptions and Not* elements', () => {
    // Prepare
    const template = {
      Resources: {
        ALambdaFunction: fn('a', 'ARole'),
        ARole: role(
          logs('a'),
          { Effect: 'Allow', Action: ['dynamodb:*'], Resource: 'arn:aws:dynamodb:us-east-1:1:table/t' },
          { Effect: 'Allow', Action: 'dynamodb:Get*', Resource: 'arn:aws:dynamodb:us-east-1:1:table/t' },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
          { Effect: 'Allow', Action: ['dynamodb:Query'], Resource: { 'Fn::Sub': '${Table.Arn}/index/*' } },
          { Effect: 'Allow', Action: ['xray:PutTraceSegments', 's3:PutObject'], Resource: ['*'] },
          { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: { 'Fn::Sub': '${LakeBucket.Arn}/*' } },
          { Effect: 'Allow', Action: ['glue:GetTable'], Resource: 'arn:aws:glue:*:1:table/db/*' },
          { Effect: 'Allow', NotAction: ['iam:*'], Resource: 'arn:aws:s3:::b' },
        ),
      },
    };

    // Act
    const problems = problemsOfTemplate('x', template);

    // Assess
    expect(problems).toStrictEqual([
      'x/ARole: wildcard action dynamodb:*',
      'x/ARole: wildcard action dynamodb:Get*',
      'x/ARole: s3:GetObject on *',
      'x/ARole: dynamodb:Query on ${Table.Arn}/index/*',
      'x/ARole: xray:PutTraceSegments,s3:PutObject on *',
      'x/ARole: s3:ListBucket on ${LakeBucket.Arn}/*',
      'x/ARole: glue:GetTable on arn:aws:glue:*:1:table/db/*',
      'x/ARole: NotAction grants every other action',
    ]);
  });

  it('catches functions without a role of their own, logs to another log group, managed policies and statements left in the shared list', () => {
    // Prepare
    const template = {
      Resources: {
        IamRoleLambdaExecution: role(logs('a'), {
          Effect: 'Allow',
          Action: ['kinesis:PutRecords'],
          Resource: 'arn:aws:kinesis:us-east-1:1:stream/s',
        }),
        ALambdaFunction: fn('a', 'IamRoleLambdaExecution'),
        BLambdaFunction: fn('b', 'SharedRole'),
        CLambdaFunction: fn('c', 'SharedRole'),
        DLambdaFunction: fn('d', 'DRole'),
        ELambdaFunction: {
          Type: 'AWS::Lambda::Function',
          Properties: { FunctionName: 'sdp-x-dev-e', Role: 'arn:aws:iam::1:role/elsewhere' },
        },
        SharedRole: role(logs('b')),
        DRole: {
          ...role(logs('b')),
          Properties: {
            ...role(logs('b')).Properties,
            ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
          },
        },
      },
    };

    // Act
    const problems = problemsOfTemplate('x', template);

    // Assess
    expect(problems).toStrictEqual([
      'x/ALambdaFunction: runs with the service-wide role IamRoleLambdaExecution; give it iamRoleStatements',
      'x/BLambdaFunction: shares its role SharedRole',
      'x/CLambdaFunction: shares its role SharedRole',
      `x/DRole: writes logs to arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/sdp-x-dev-b:*:*, not to sdp-x-dev-d's own log group`,
      'x/ELambdaFunction: runs with a role that is not its own',
      "x/IamRoleLambdaExecution: kinesis:PutRecords in the service-wide role (provider.iam.role.statements) reach no function; list them in the function's iamRoleStatements",
      'x/DRole: attaches managed policies',
    ]);
  });

  it('gives a reason for every allowed wildcard', () => {
    // Assess
    expect(ALLOWED_WILDCARDS.filter((rule) => rule.reason.length < 20)).toStrictEqual([]);
  });

  it('finds AWS keys, private keys and API keys in a text', () => {
    // Prepare
    const text = [
      '"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE"',
      '"aws_secret_access_key": "x"',
      '-----BEGIN RSA PRIVATE KEY-----',
      `"KEY": "sdp_3f9c2a71b0d4_${'0'.repeat(48)}"`,
    ].join('\n');

    // Act
    const found = secretsIn(text);

    // Assess
    expect(found).toHaveLength(4);
    expect(secretsIn('{"RAW_EVENTS_STREAM_NAME":"sdp-ingest-dev-raw-events","Role":"AKIA"}')).toStrictEqual([]);
  });
});
