import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import type { PackageResult } from '../local-cloud/src/packageAll.js';
import { packagedSiteDir } from '../local-cloud/src/sites/buildStaticSite.js';
import { PACKAGING_TIMEOUT_MS, packagedServices } from './support/packagedServices.js';

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
      ['access', 'ingest', 'ops', 'enrich', 'aggregate', 'sessions', 'demand', 'catalog', 'report', 'lake', 'retrain', 'pricing', 'predict', 'dashboard'].map((service) => ({ service, ok: true })),
    );
  });

  it('zips each function on its own', async () => {
    // Act
    const zips = await readdir(packageDirOf('ingest'));

    // Assess
    expect(zips.filter((file) => file.endsWith('.zip')).sort()).toStrictEqual(['putClickstream.zip', 'putEvent.zip', 'putEvents.zip']);
  });

  it('declares the raw events and clickstream streams and the ingest routes', async () => {
    // Act
    const ingest = await template('ingest');

    // Assess
    expect(resourcesOfType(ingest, 'AWS::Kinesis::Stream').map((r) => r.Properties.Name)).toStrictEqual(['sdp-ingest-dev-raw-events', 'sdp-ingest-dev-clickstream']);
    expect(resourcesOfType(ingest, 'AWS::ApiGatewayV2::Route').map((r) => r.Properties.RouteKey).sort()).toStrictEqual([
      'POST /bid',
      'POST /click',
      'POST /clickstream',
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
      MaximumRetryAttempts: -1,
      MaximumRecordAgeInSeconds: 82800,
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

  it('builds the dashboard site into its dist/ for upload, its chart library bundled in', async () => {
    // Act
    const site = packagedSiteDir(path.dirname(packageDirOf('dashboard')));
    const [files, html, script] = await Promise.all([
      readdir(site),
      readFile(path.join(site, 'index.html'), 'utf8'),
      readFile(path.join(site, 'main.js'), 'utf8'),
    ]);

    // Assess
    expect(files.sort()).toStrictEqual(['dashboard.css', 'index.html', 'main.css', 'main.css.map', 'main.js', 'main.js.map']);
    expect(html).toContain('<script type="module" src="main.js"></script>');
    expect(script).toContain('uplot'); // the class uPlot gives its charts: the library is in the bundle
  });

  it('defines every lake table in Glue with partition projection and leaves DuckDB out of the query bundle', async () => {
    // Act
    const lake = await template('lake');
    const query = await readZipEntry(path.join(packageDirOf('lake'), 'queryLake.zip'), 'src/handlers/queryLake.mjs');

    // Assess
    const tables = resourcesOfType(lake, 'AWS::Glue::Table').map((r) => r.Properties.TableInput as { Name: string; Parameters: Record<string, unknown> });
    expect(tables.map((t) => [t.Name, t.Parameters['projection.enabled']])).toStrictEqual(
      ['bids', 'impressions', 'clicks', 'joined_impressions', 'joined_clicks', 'aggregate_changes', 'clickstream_events', 'session_changes', 'product_window_changes'].map((name) => [name, 'true']),
    );
    expect(resourcesOfType(lake, 'AWS::Athena::WorkGroup')).toHaveLength(1);
    expect(query).toContain("await import(\"@duckdb/node-api\")");
    expect(query).not.toMatch(/^import .* from "@duckdb/m);
  });

  // Least privilege and secrets in these templates: test/iamLeastPrivilege.test.ts.
});
