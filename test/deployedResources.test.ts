import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { composedServicesOf, type ComposedService } from '../config/src/composeServices.js';
import type { PackagedTemplate } from '../config/src/packagedTemplate.js';
import { problemsOfComposeOrder } from '../config/src/problemsOfComposeOrder.js';
import { readServiceConfig } from '../config/src/readServiceConfig.js';
import { TemplateValidator } from '../config/src/TemplateValidator.js';
import type { CfnTemplate } from './support/iamPolicy.js';
import { LAKE_BUCKET, problemsOfDeployedResources } from './support/deployedResources.js';
import { PACKAGING_TIMEOUT_MS, packagedServices } from './support/packagedServices.js';

const root = path.resolve(__dirname, '..');

const templateOf = async (packageDir: string): Promise<CfnTemplate> =>
  JSON.parse(await readFile(path.join(packageDir, 'cloudformation-template-update-stack.json'), 'utf8'));

describe('data protection in the packaged CloudFormation of every service', () => {
  let templates: { service: string; template: CfnTemplate }[];

  beforeAll(async () => {
    // Packaged once per run, shared with test/packaging.test.ts and test/iamLeastPrivilege.test.ts.
    const packages = await packagedServices();
    templates = await Promise.all(
      packages.filter((p) => p.ok).map(async (p) => ({ service: p.service, template: await templateOf(p.packageDir) })),
    );
  }, PACKAGING_TIMEOUT_MS);

  it('encrypts every stream, retains and recovers every table and bucket, denies plain HTTP to every bucket, logs and throttles every HTTP API, and reserves concurrency for every stream consumer', () => {
    // Act
    const problems = templates.flatMap(({ service, template }) => problemsOfDeployedResources(service, template));

    // Assess
    expect(problems).toStrictEqual([]);
  });

  it('checks what it says it checks: streams, tables, buckets and HTTP API stages are in the templates', () => {
    // Act
    const counts = Object.fromEntries(
      ['AWS::Kinesis::Stream', 'AWS::DynamoDB::Table', 'AWS::S3::Bucket', 'AWS::ApiGatewayV2::Stage'].map((type) => [
        type,
        templates.reduce(
          (n, { template }) => n + Object.values(template.Resources).filter((r) => r.Type === type).length,
          0,
        ),
      ]),
    );

    // Assess
    // 14 services, each with the framework's deployment bucket; 10 with an HTTP API.
    expect(counts).toStrictEqual({
      'AWS::Kinesis::Stream': 6,
      'AWS::DynamoDB::Table': 16,
      'AWS::S3::Bucket': 18,
      'AWS::ApiGatewayV2::Stage': 10,
    });
  });
});

describe('the packaged CloudFormation as AWS and serverless-compose.yml will read it', () => {
  let services: ComposedService[];
  let templates: Record<string, PackagedTemplate>;

  beforeAll(async () => {
    // The run's one packaging (test/support/packagedServices.ts).
    const packages = await packagedServices();
    services = composedServicesOf(await readFile(path.join(root, 'serverless-compose.yml'), 'utf8'));
    templates = Object.fromEntries(
      await Promise.all(packages.filter((p) => p.ok).map(async (p) => [p.service, await templateOf(p.packageDir)])),
    );
  }, PACKAGING_TIMEOUT_MS);

  it("is valid by AWS's resource schemas: known resource types, known properties with values of their type, none required missing", () => {
    // Prepare
    const validator = new TemplateValidator();

    // Act
    let problems: string[];
    try {
      problems = Object.entries(templates).flatMap(([service, template]) => validator.problemsOf(service, template));
    } finally {
      validator.free();
    }

    // Assess
    expect(Object.keys(templates).sort()).toStrictEqual(services.map((service) => service.name).sort());
    expect(problems).toStrictEqual([]);
  });

  it('deploys each stack after the stacks whose outputs it reads, passing every param it reads, from outputs those stacks declare', async () => {
    // Prepare
    const configs = Object.fromEntries(
      await Promise.all(
        services.map(async (service) => [service.name, (await readServiceConfig(path.join(root, service.path))).text]),
      ),
    );

    // Act
    const problems = problemsOfComposeOrder({ services, configs, templates });

    // Assess
    expect(problems).toStrictEqual([]);
  });
});

describe('problemsOfDeployedResources', () => {
  it('names every missing protection of a bare template', () => {
    // Prepare
    const template: CfnTemplate = {
      Resources: {
        Events: { Type: 'AWS::Kinesis::Stream', Properties: { ShardCount: 1 } },
        State: { Type: 'AWS::DynamoDB::Table', Properties: {} },
        [LAKE_BUCKET]: { Type: 'AWS::S3::Bucket', Properties: {} },
        HttpApiStage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: {} },
        ConsumeLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: {} },
        ConsumeMapping: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: { 'Fn::GetAtt': ['ConsumeLambdaFunction', 'Arn'] } },
        },
      },
    };

    // Act
    const problems = problemsOfDeployedResources('svc', template);

    // Assess
    expect(problems).toStrictEqual([
      'svc Events: stream not encrypted with alias/aws/kinesis',
      'svc State: table not retained (DeletionPolicy and UpdateReplacePolicy Retain)',
      'svc State: table without point-in-time recovery',
      'svc LakeBucket: bucket not retained (DeletionPolicy and UpdateReplacePolicy Retain)',
      'svc LakeBucket: bucket policy does not deny requests without TLS (aws:SecureTransport false) on the bucket and its objects',
      'svc LakeBucket: lake bucket without versioning',
      'svc LakeBucket: lake bucket keeps noncurrent versions forever',
      'svc HttpApiStage: HTTP API stage without access logs',
      'svc HttpApiStage: HTTP API stage without a throttling rate and burst',
      'svc ConsumeLambdaFunction: stream consumer without reserved concurrency',
    ]);
  });

  it('accepts a template with every protection', () => {
    // Prepare
    const retain = { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' };
    const template = {
      Resources: {
        Events: {
          Type: 'AWS::Kinesis::Stream',
          Properties: { StreamEncryption: { EncryptionType: 'KMS', KeyId: 'alias/aws/kinesis' } },
        },
        State: {
          Type: 'AWS::DynamoDB::Table',
          ...retain,
          Properties: { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } },
        },
        [LAKE_BUCKET]: {
          Type: 'AWS::S3::Bucket',
          ...retain,
          Properties: {
            VersioningConfiguration: { Status: 'Enabled' },
            LifecycleConfiguration: {
              Rules: [{ Status: 'Enabled', NoncurrentVersionExpiration: { NoncurrentDays: 30 } }],
            },
          },
        },
        LakeBucketPolicy: {
          Type: 'AWS::S3::BucketPolicy',
          Properties: {
            Bucket: { Ref: LAKE_BUCKET },
            PolicyDocument: {
              Statement: [
                {
                  Effect: 'Deny',
                  Principal: '*',
                  Action: 's3:*',
                  Resource: [{ 'Fn::GetAtt': [LAKE_BUCKET, 'Arn'] }, { 'Fn::Sub': '${LakeBucket.Arn}/*' }],
                  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                },
              ],
            },
          },
        },
        HttpApiStage: {
          Type: 'AWS::ApiGatewayV2::Stage',
          Properties: {
            AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': ['HttpApiLogGroup', 'Arn'] }, Format: '{}' },
            DefaultRouteSettings: { ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000 },
          },
        },
        ConsumeLambdaFunction: { Type: 'AWS::Lambda::Function', Properties: { ReservedConcurrentExecutions: 5 } },
        ConsumeMapping: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { FunctionName: { 'Fn::GetAtt': ['ConsumeLambdaFunction', 'Arn'] } },
        },
      },
    } as CfnTemplate;

    // Act
    const problems = problemsOfDeployedResources('svc', template);

    // Assess
    expect(problems).toStrictEqual([]);
  });
});
