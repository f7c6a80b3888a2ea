import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { packageAll } from '../local-cloud/src/packageAll.js';

const root = path.resolve(__dirname, '..');

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

const template = async (service: string): Promise<Template> =>
  JSON.parse(await readFile(path.join(root, 'services', service, '.serverless/cloudformation-template-update-stack.json'), 'utf8'));

/** One file of a packaged function's zip, as text. */
const readZipEntry = async (zipPath: string, entry: string): Promise<string> =>
  (await JSZip.loadAsync(await readFile(zipPath))).file(entry)!.async('string');

const resourcesOfType = (t: Template, type: string) => Object.values(t.Resources).filter((r) => r.Type === type);

describe('serverless package of every service (offline, Serverless Framework v3)', () => {
  let results: Awaited<ReturnType<typeof packageAll>>;

  beforeAll(async () => {
    results = await packageAll(root, 'dev');
  }, 240_000);

  it('packages every service', () => {
    // Assess
    expect(results.map(({ service, ok }) => ({ service, ok }))).toStrictEqual(
      ['access', 'ingest', 'ops', 'enrich', 'aggregate', 'report', 'lake', 'retrain', 'predict', 'dashboard'].map((service) => ({ service, ok: true })),
    );
  });

  it('zips each function on its own', async () => {
    // Act
    const zips = await readdir(path.join(root, 'services/ingest/.serverless'));

    // Assess
    expect(zips.filter((file) => file.endsWith('.zip')).sort()).toStrictEqual(['putEvent.zip', 'putEvents.zip']);
  });

  it('declares the raw events stream and the ingest routes', async () => {
    // Act
    const ingest = await template('ingest');

    // Assess
    expect(resourcesOfType(ingest, 'AWS::Kinesis::Stream').map((r) => r.Properties.Name)).toStrictEqual(['sdp-ingest-dev-raw-events']);
    expect(resourcesOfType(ingest, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey).sort()).toStrictEqual([
      'POST /bid',
      'POST /click',
      'POST /events',
      'POST /impression',
    ]);
  });

  it('wires enrich to the raw events stream through the compose output, with partial batch failures', async () => {
    // Act
    const [mapping] = resourcesOfType(await template('enrich'), 'AWS::Lambda::EventSourceMapping');

    // Assess
    expect(mapping?.Properties).toMatchObject({
      EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/sdp-ingest-dev-raw-events',
      BatchSize: 500,
      StartingPosition: 'TRIM_HORIZON',
      MaximumRetryAttempts: 10,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['JoinEventsFailures', 'Arn'] } } },
    });
  });

  it('hosts the dashboard in a private bucket that only its CloudFront distribution reads, through an origin access control', async () => {
    // Act
    const dashboard = await template('dashboard');

    // Assess
    expect(Object.entries(dashboard.Resources).map(([id, r]) => `${id}: ${r.Type}`).sort()).toStrictEqual([
      'ServerlessDeploymentBucket: AWS::S3::Bucket',
      'ServerlessDeploymentBucketPolicy: AWS::S3::BucketPolicy',
      'SiteBucket: AWS::S3::Bucket',
      'SiteBucketPolicy: AWS::S3::BucketPolicy',
      'SiteDistribution: AWS::CloudFront::Distribution',
      'SiteOriginAccessControl: AWS::CloudFront::OriginAccessControl',
    ]);
    expect(dashboard.Resources.SiteBucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(dashboard.Resources.SiteBucket?.Properties).not.toHaveProperty('WebsiteConfiguration');
    expect(dashboard.Resources.SiteDistribution?.Properties).toMatchObject({
      DistributionConfig: {
        DefaultRootObject: 'index.html',
        Origins: [
          {
            DomainName: { 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] },
            OriginAccessControlId: { 'Fn::GetAtt': ['SiteOriginAccessControl', 'Id'] },
            S3OriginConfig: { OriginAccessIdentity: '' },
          },
        ],
        DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] },
      },
    });
    expect(dashboard.Resources.SiteBucketPolicy?.Properties).toMatchObject({
      PolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': { 'Fn::Sub': 'arn:aws:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}' } } },
          },
          { Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      },
    });
  });

  it('builds the dashboard site into services/dashboard/dist for upload, its chart library bundled in', async () => {
    // Act
    const [files, html, script] = await Promise.all([
      readdir(path.join(root, 'services/dashboard/dist')),
      readFile(path.join(root, 'services/dashboard/dist/index.html'), 'utf8'),
      readFile(path.join(root, 'services/dashboard/dist/main.js'), 'utf8'),
    ]);

    // Assess
    expect(files.sort()).toStrictEqual(['dashboard.css', 'index.html', 'main.css', 'main.css.map', 'main.js', 'main.js.map']);
    expect(html).toContain('<script type="module" src="main.js"></script>');
    expect(script).toContain('uplot'); // the class uPlot gives its charts: the library is in the bundle
  });

  it('defines every lake table in Glue with partition projection and leaves DuckDB out of the query bundle', async () => {
    // Act
    const lake = await template('lake');
    const query = await readZipEntry(path.join(root, 'services/lake/.serverless/queryLake.zip'), 'src/handlers/queryLake.mjs');

    // Assess
    const tables = resourcesOfType(lake, 'AWS::Glue::Table').map((r) => r.Properties.TableInput as { Name: string; Parameters: Record<string, unknown> });
    expect(tables.map((t) => [t.Name, t.Parameters['projection.enabled']])).toStrictEqual(
      ['bids', 'impressions', 'clicks', 'joined_impressions', 'joined_clicks', 'aggregate_changes'].map((name) => [name, 'true']),
    );
    expect(resourcesOfType(lake, 'AWS::Athena::WorkGroup')).toHaveLength(1);
    expect(query).toContain("await import(\"@duckdb/node-api\")");
    expect(query).not.toMatch(/^import .* from "@duckdb/m);
  });

  describe('least privilege', () => {
    /**
     * The only wildcards a role may hold, each with the reason AWS or the design needs it. Anything
     * else with a `*` in an action or a resource fails the test.
     */
    const ALLOWED_WILDCARDS: { resource: RegExp; actions?: RegExp; reason: string }[] = [
      { resource: /^\*$/, actions: /^xray:(PutTraceSegments|PutTelemetryRecords)$/, reason: 'X-Ray has no resource-level permissions (tracing is on for every function)' },
      { resource: /^\*$/, actions: /^ecr:GetAuthorizationToken$/, reason: 'ECR authorization tokens are account-wide; pulls are scoped to one repository' },
      { resource: /:log-group:\/aws\/lambda\/sdp-[a-z]+-dev\*:\*(:\*)?$/, reason: "the framework's statement for the service's own function log groups" },
      { resource: /:log-group:\/aws\/sagemaker\/Endpoints\/sdp-bid-win-dev:\*$/, reason: 'the model endpoint writes to log streams SageMaker names' },
      { resource: /^\$\{[A-Za-z]+Bucket\.Arn\}\/(models\/)?\*$|^arn:aws:s3:::sdp-lake-dev-[a-z]+\/\*$/, reason: 'objects of the service’s own (or the lake’s) bucket; keys are made at run time' },
      { resource: /:glue:.*:table\/\$\{LakeDatabase\}\/\*$|:glue:.*:table\/sdp_lake_dev\/\*$/, actions: /^glue:Get/, reason: 'read-only catalog access to every table of the lake database' },
      { resource: /:sagemaker:.*:(model|endpoint-config)\/sdp-bid-win-dev-\*$/, actions: /^sagemaker:/, reason: 'model versions are created at run time under the endpoint’s prefix' },
    ];

    interface Statement {
      Effect: string;
      Action: string | string[];
      Resource: unknown;
    }

    /** Every statement of every IAM role of a packaged service, with where it is. */
    const statementsOf = (t: Template) =>
      Object.entries(t.Resources)
        .filter(([, r]) => r.Type === 'AWS::IAM::Role')
        .flatMap(([role, r]) =>
          ((r.Properties.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined) ?? []).flatMap((policy) =>
            policy.PolicyDocument.Statement.map((statement) => ({ role, statement })),
          ),
        );

    /** A resource as text: ARNs as they are, `Fn::Sub` templates as their template, `Fn::GetAtt` as `${X.Arn}`. */
    const resourceText = (resource: unknown): string => {
      if (typeof resource === 'string') return resource;
      const value = resource as Record<string, unknown>;
      if ('Fn::Sub' in value) return typeof value['Fn::Sub'] === 'string' ? value['Fn::Sub'] : String((value['Fn::Sub'] as unknown[])[0]);
      if ('Fn::GetAtt' in value) return `\${${(value['Fn::GetAtt'] as string[]).join('.')}}`;
      if ('Ref' in value) return `\${${String(value.Ref)}}`;
      return JSON.stringify(resource);
    };

    /** The problems of one statement: wildcard actions, and wildcard resources not on the list above. */
    const problemsOf = (service: string, role: string, statement: Statement): string[] => {
      const actions = ([] as string[]).concat(statement.Action);
      const resources = ([] as unknown[]).concat(statement.Resource).map(resourceText);
      const problems = actions.filter((action) => action.includes('*')).map((action) => `${service}/${role}: wildcard action ${action}`);
      for (const resource of resources.filter((text) => text.includes('*'))) {
        const allowed = ALLOWED_WILDCARDS.some((rule) => rule.resource.test(resource) && (!rule.actions || actions.every((action) => rule.actions!.test(action))));
        if (!allowed) problems.push(`${service}/${role}: ${actions.join(',')} on ${resource}`);
      }
      return problems;
    };

    it('grants no wildcard action and no wildcard resource beyond the documented exceptions, in any service', async () => {
      // Act
      const problems = [];
      for (const { service } of results) {
        for (const { role, statement } of statementsOf(await template(service))) problems.push(...problemsOf(service, role, statement));
      }

      // Assess
      expect(problems).toStrictEqual([]);
    });

    it('would catch a wildcard action, a wildcard resource and a misused exception', () => {
      // Act
      const problems = [
        ...problemsOf('x', 'Role', { Effect: 'Allow', Action: ['dynamodb:*'], Resource: 'arn:aws:dynamodb:us-east-1:1:table/t' }),
        ...problemsOf('x', 'Role', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }),
        ...problemsOf('x', 'Role', { Effect: 'Allow', Action: ['dynamodb:Query'], Resource: { 'Fn::Sub': '${Table.Arn}/index/*' } }),
        ...problemsOf('x', 'Role', { Effect: 'Allow', Action: ['xray:PutTraceSegments', 's3:PutObject'], Resource: ['*'] }),
        ...problemsOf('x', 'Role', { Effect: 'Allow', Action: ['xray:PutTraceSegments'], Resource: ['*'] }),
      ];

      // Assess
      expect(problems).toStrictEqual([
        'x/Role: wildcard action dynamodb:*',
        'x/Role: s3:GetObject on *',
        'x/Role: dynamodb:Query on ${Table.Arn}/index/*',
        'x/Role: xray:PutTraceSegments,s3:PutObject on *',
      ]);
    });

    it('keeps secrets out of every packaged template', async () => {
      // Act
      const texts = await Promise.all(results.map(async ({ service }) => JSON.stringify(await template(service))));

      // Assess
      for (const text of texts) {
        expect(text).not.toMatch(/AKIA[0-9A-Z]{16}|aws_secret_access_key|-----BEGIN [A-Z ]*PRIVATE KEY-----|sdp_[0-9a-f]{12}_[0-9a-f]{48}/);
      }
    });
  });
});
