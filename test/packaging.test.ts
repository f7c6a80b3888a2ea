import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { packageAll } from '../local-cloud/src/packageAll.js';

const root = path.resolve(__dirname, '..');

interface Template {
  Resources: Record<string, { Type: string; Properties: Record<string, unknown> }>;
}

const template = async (service: string): Promise<Template> =>
  JSON.parse(await readFile(path.join(root, 'services', service, '.serverless/cloudformation-template-update-stack.json'), 'utf8'));

const resourcesOfType = (t: Template, type: string) => Object.values(t.Resources).filter((r) => r.Type === type);

describe('serverless package of every service (offline, Serverless Framework v3)', () => {
  let results: Awaited<ReturnType<typeof packageAll>>;

  beforeAll(async () => {
    results = await packageAll(root, 'dev');
  }, 240_000);

  it('packages all six services', () => {
    // Assess
    expect(results.map(({ service, ok }) => ({ service, ok }))).toStrictEqual(
      ['ingest', 'enrich', 'aggregate', 'report', 'predict', 'retrain'].map((service) => ({ service, ok: true })),
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
});
