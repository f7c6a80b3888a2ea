import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { packagedSiteDir, type PackageResult } from '@sdp/local-cloud';
import { PACKAGING_TIMEOUT_MS, packagedServices } from './support/packagedServices.js';
import { COUNTING_CONSUMERS, problemsOfShardOrder } from './support/shardOrder.js';

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

/** One file of a packaged function's zip, as text. */
const readZipEntry = async (zipPath: string, entry: string): Promise<string> =>
  (await JSZip.loadAsync(await readFile(zipPath))).file(entry)!.async('string');

const resourcesOfType = (t: Template, type: string) => Object.values(t.Resources).filter((r) => r.Type === type);

describe('serverless package of every service (offline, Serverless Framework v3)', () => {
  let results: PackageResult[];

  /** Where a service's templates and zips are: its stand-in's .serverless/ (see packagedServices). */
  const packageDirOf = (service: string): string => results.find((r) => r.service === service)!.packageDir;
  const template = async (service: string): Promise<Template> =>
    JSON.parse(await readFile(path.join(packageDirOf(service), 'cloudformation-template-update-stack.json'), 'utf8'));

  beforeAll(async () => {
    // Packaged once per run, shared with test/iamLeastPrivilege.test.ts (test/support/packagedServices.ts);
    // about half a minute.
    results = await packagedServices();
  }, PACKAGING_TIMEOUT_MS);

  it('packages every service', () => {
    // Assess
    expect(results.map(({ service, ok }) => ({ service, ok }))).toStrictEqual(
      [
        'access',
        'ingest',
        'ops',
        'enrich',
        'aggregate',
        'sessions',
        'demand',
        'catalog',
        'report',
        'lake',
        'retrain',
        'pricing',
        'predict',
        'dashboard',
      ].map((service) => ({ service, ok: true })),
    );
  });

  it('zips each function on its own', async () => {
    // Act
    const zips = await readdir(packageDirOf('ingest'));

    // Assess
    expect(zips.filter((file) => file.endsWith('.zip')).sort()).toStrictEqual([
      'importEvents.zip',
      'putClickstream.zip',
      'putEvent.zip',
      'putEvents.zip',
    ]);
  });

  it('declares the raw events and clickstream streams and the ingest routes', async () => {
    // Act
    const ingest = await template('ingest');

    // Assess
    expect(resourcesOfType(ingest, 'AWS::Kinesis::Stream').map((r) => r.Properties.Name)).toStrictEqual([
      'sdp-ingest-dev-raw-events',
      'sdp-ingest-dev-clickstream',
    ]);
    expect(
      resourcesOfType(ingest, 'AWS::ApiGatewayV2::Route')
        .map((r) => r.Properties.RouteKey)
        .sort(),
    ).toStrictEqual([
      'POST /bid',
      'POST /click',
      'POST /clickstream',
      'POST /events',
      'POST /import',
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
      MaximumRetryAttempts: -1,
      MaximumRecordAgeInSeconds: 82800,
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['JoinEventsFailures', 'Arn'] } } },
    });
  });

  it('keeps each shard in order for every counting consumer: one batch of a shard at a time, bisected, resumed at the first unfinished record', async () => {
    // Act
    const problems = await Promise.all(
      Object.entries(COUNTING_CONSUMERS).map(async ([service, functions]) =>
        problemsOfShardOrder(service, await template(service), functions),
      ),
    );

    // Assess
    expect(problems.flat()).toStrictEqual([]);
  });

  it('hosts the dashboard in a private bucket that only its CloudFront distribution reads, through an origin access control', async () => {
    // Act
    const dashboard = await template('dashboard');

    // Assess
    expect(
      Object.entries(dashboard.Resources)
        .map(([id, r]) => `${id}: ${r.Type}`)
        .sort(),
    ).toStrictEqual([
      'ServerlessDeploymentBucket: AWS::S3::Bucket',
      'ServerlessDeploymentBucketPolicy: AWS::S3::BucketPolicy',
      'SiteBucket: AWS::S3::Bucket',
      'SiteBucketPolicy: AWS::S3::BucketPolicy',
      'SiteDistribution: AWS::CloudFront::Distribution',
      'SiteOriginAccessControl: AWS::CloudFront::OriginAccessControl',
    ]);
    expect(dashboard.Resources.SiteBucket?.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
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
            Condition: {
              StringEquals: {
                'AWS:SourceArn': {
                  'Fn::Sub': 'arn:aws:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}',
                },
              },
            },
          },
          { Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ],
      },
    });
  });

  it('builds the dashboard site into its dist/ for upload, its chart library bundled in', async () => {
    // Act
    const site = packagedSiteDir(path.dirname(packageDirOf('dashboard')));
    const [files, html, script] = await Promise.all([
      readdir(site),
      readFile(path.join(site, 'index.html'), 'utf8'),
      readFile(path.join(site, 'main.js'), 'utf8'),
    ]);

    // Assess
    expect(files.sort()).toStrictEqual([
      'dashboard.css',
      'index.html',
      'main.css',
      'main.css.map',
      'main.js',
      'main.js.map',
    ]);
    expect(html).toContain('<script type="module" src="main.js"></script>');
    expect(script).toContain('uplot'); // the class uPlot gives its charts: the library is in the bundle
  });

  it('defines every lake table in Glue with partition projection, every derived view as an Athena view, and leaves DuckDB out of the query bundle', async () => {
    // Act
    const lake = await template('lake');
    const query = await readZipEntry(path.join(packageDirOf('lake'), 'queryLake.zip'), 'src/handlers/queryLake.mjs');

    // Assess
    const tables = resourcesOfType(lake, 'AWS::Glue::Table').map(
      (r) =>
        r.Properties.TableInput as {
          Name: string;
          TableType: string;
          Parameters: Record<string, unknown>;
          ViewOriginalText?: { 'Fn::Join': [string, [string, { 'Fn::Base64': string }, string]] };
        },
    );
    const prestoView = (name: string) =>
      JSON.parse(tables.find((t) => t.Name === name)!.ViewOriginalText!['Fn::Join'][1][1]['Fn::Base64']) as {
        schema: string;
        originalSql: string;
      };
    expect(
      tables.map((t) => [t.Name, t.TableType, t.Parameters['projection.enabled'] ?? t.Parameters.presto_view]).sort(),
    ).toStrictEqual(
      [
        ...[
          'bids',
          'impressions',
          'clicks',
          'joined_impressions',
          'joined_clicks',
          'aggregate_changes',
          'clickstream_events',
          'session_changes',
          'product_window_changes',
        ].map((name) => [name, 'EXTERNAL_TABLE', 'true']),
        ...[
          'aggregates',
          'distinct_bids',
          'distinct_joined_impressions',
          'distinct_joined_clicks',
          'distinct_clickstream_events',
          'orphan_impressions',
          'orphan_clicks',
          'rate_bots',
          'sessions',
          'product_windows',
        ].map((name) => [name, 'VIRTUAL_VIEW', 'true']),
      ].sort(),
    );
    // The view's database and session timeout are the stage's, resolved before CloudFormation encodes them.
    expect(prestoView('orphan_impressions').schema).toBe('sdp_lake_dev');
    expect(prestoView('orphan_impressions').originalSql).toContain(
      "o.received_at < date_add('millisecond', -(CAST(5 * 60000 AS BIGINT)), CAST(now() AS TIMESTAMP))",
    );
    // The rate that makes a user a bot is the stage's too, the one sessions decides with.
    expect(prestoView('rate_bots').originalSql).toContain('WHERE minute_rank > CAST(120 AS BIGINT)');
    expect(resourcesOfType(lake, 'AWS::Athena::WorkGroup')).toHaveLength(1);
    expect(query).toContain('await import("@duckdb/node-api")');
    expect(query).not.toMatch(/^import .* from "@duckdb/m);
  });

  // Least privilege and secrets in these templates: test/iamLeastPrivilege.test.ts.
});

describe('the per-shard order check', () => {
  const fn = (name: string) => ({ Type: 'AWS::Lambda::Function', Properties: { FunctionName: `sdp-x-dev-${name}` } });
  const mapping = (logicalId: string, properties: Record<string, unknown>) => ({
    Type: 'AWS::Lambda::EventSourceMapping',
    Properties: {
      EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/s',
      FunctionName: { 'Fn::GetAtt': [logicalId, 'Arn'] },
      ...properties,
    },
  });
  const ordered = { BisectBatchOnFunctionError: true, FunctionResponseTypes: ['ReportBatchItemFailures'] };

  it('passes Kinesis mappings with ParallelizationFactor unset or 1, bisection and partial batch failures, whatever other mappings do', () => {
    // Prepare
    const template = {
      Resources: {
        ALambdaFunction: fn('a'),
        BLambdaFunction: fn('b'),
        Stream: { Type: 'AWS::Kinesis::Stream', Properties: {} },
        Table: { Type: 'AWS::DynamoDB::Table', Properties: {} },
        AMapping: mapping('ALambdaFunction', { ...ordered, ParallelizationFactor: 1 }),
        BMapping: mapping('BLambdaFunction', { ...ordered, EventSourceArn: { 'Fn::GetAtt': ['Stream', 'Arn'] } }),
        BTableMapping: mapping('BLambdaFunction', {
          EventSourceArn: { 'Fn::GetAtt': ['Table', 'StreamArn'] },
          ParallelizationFactor: 4,
        }),
      },
    };

    // Act
    const problems = problemsOfShardOrder('x', template, ['a', 'b']);

    // Assess
    expect(problems).toStrictEqual([]);
  });

  it('catches parallel batches of a shard, no bisection, no partial batch failures, and consumers without a Kinesis mapping', () => {
    // Prepare
    const template = {
      Resources: {
        ALambdaFunction: fn('a'),
        BLambdaFunction: fn('b'),
        CLambdaFunction: fn('c'),
        AMapping: mapping('ALambdaFunction', { ...ordered, ParallelizationFactor: 2 }),
        BMapping: mapping('BLambdaFunction', { BisectBatchOnFunctionError: false }),
        CMapping: mapping('CLambdaFunction', {
          ...ordered,
          EventSourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/1',
        }),
      },
    };

    // Act
    const problems = problemsOfShardOrder('x', template, ['a', 'b', 'c', 'd']);

    // Assess
    expect(problems).toStrictEqual([
      'x/AMapping: ParallelizationFactor 2, not 1',
      'x/BMapping: BisectBatchOnFunctionError is not true',
      'x/BMapping: FunctionResponseTypes lacks ReportBatchItemFailures',
      'x/c: no Kinesis event source mapping',
      'x/d: no such function',
    ]);
  });
});
