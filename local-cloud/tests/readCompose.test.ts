import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readCompose, resolveComposeParams, type ComposeService } from '../src/project/readCompose.js';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'read-compose-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function writeCompose(yaml: string): Promise<void> {
  await writeFile(path.join(root, 'serverless-compose.yml'), yaml, 'utf8');
}

function composeService(name: string, overrides: Partial<ComposeService> = {}): ComposeService {
  return { name, dir: path.join(root, 'services', name), params: {}, dependsOn: [], ...overrides };
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject, but it resolved');
}

describe('readCompose', () => {
  it('orders each service after the services whose outputs it uses', async () => {
    // Prepare: written in the reverse of the order they can be deployed in
    await writeCompose(`
services:
  report:
    path: services/report
    params:
      aggregationsTableName: \${aggregate.AggregationsTableName}
      aggregationsTableArn: \${aggregate.AggregationsTableArn}
  aggregate:
    path: services/aggregate
    params:
      enrichedEventsStreamArn: \${enrich.EnrichedEventsStreamArn}
  enrich:
    path: services/enrich
    params:
      rawEventsStreamArn: \${ingest.RawEventsStreamArn}
  ingest:
    path: services/ingest
`);

    // Act
    const services = await readCompose(root);

    // Assess
    expect(services).toStrictEqual([
      composeService('ingest'),
      composeService('enrich', {
        params: { rawEventsStreamArn: '${ingest.RawEventsStreamArn}' },
        dependsOn: ['ingest'],
      }),
      composeService('aggregate', {
        params: { enrichedEventsStreamArn: '${enrich.EnrichedEventsStreamArn}' },
        dependsOn: ['enrich'],
      }),
      composeService('report', {
        params: {
          aggregationsTableName: '${aggregate.AggregationsTableName}',
          aggregationsTableArn: '${aggregate.AggregationsTableArn}',
        },
        dependsOn: ['aggregate'],
      }),
    ]);
  });

  it('keeps the file order of services that do not depend on each other', async () => {
    // Prepare
    await writeCompose(`
services:
  predict:
    path: services/predict
  ingest:
    path: services/ingest
  retrain:
    path: ./services/retrain/
`);

    // Act
    const services = await readCompose(root);

    // Assess
    expect(services).toStrictEqual([composeService('predict'), composeService('ingest'), composeService('retrain')]);
  });

  it('follows explicit dependsOn, as a name or a list, together with output references', async () => {
    // Prepare
    await writeCompose(`
services:
  retrain:
    path: services/retrain
    dependsOn: predict
  predict:
    path: services/predict
    dependsOn: [ingest, aggregate]
    params:
      tableArn: \${aggregate.AggregationsTableArn}
      tableName: \${aggregate.AggregationsTableName}
  aggregate:
    path: services/aggregate
  ingest:
    path: services/ingest
`);

    // Act
    const services = await readCompose(root);

    // Assess
    expect(services.map((s) => [s.name, s.dependsOn])).toStrictEqual([
      ['aggregate', []],
      ['ingest', []],
      ['predict', ['aggregate', 'ingest']],
      ['retrain', ['predict']],
    ]);
  });

  it('writes every param as a string and ignores variables that are not service outputs', async () => {
    // Prepare
    await writeCompose(`
services:
  ingest:
    path: services/ingest
    params:
      shardCount: 2
      tracing: true
      stage: \${sls:stage}
      region: \${env:AWS_REGION, 'us-east-1'}
      bucket: \${param:modelBucket}
`);

    // Act
    const services = await readCompose(root);

    // Assess
    expect(services).toStrictEqual([
      composeService('ingest', {
        params: {
          shardCount: '2',
          tracing: 'true',
          stage: '${sls:stage}',
          region: "${env:AWS_REGION, 'us-east-1'}",
          bucket: '${param:modelBucket}',
        },
      }),
    ]);
  });

  it('lists a service it depends on once, however often it is used', async () => {
    // Prepare
    await writeCompose(`
services:
  ingest:
    path: services/ingest
  enrich:
    path: services/enrich
    dependsOn: ingest
    params:
      both: \${ingest.RawEventsStreamArn},\${ingest.RawEventsStreamName}
`);

    // Act
    const services = await readCompose(root);

    // Assess
    expect(services.map((s) => [s.name, s.dependsOn])).toStrictEqual([
      ['ingest', []],
      ['enrich', ['ingest']],
    ]);
  });

  it('refuses a dependency cycle, naming it', async () => {
    // Prepare
    await writeCompose(`
services:
  enrich:
    path: services/enrich
    params:
      tableArn: \${aggregate.AggregationsTableArn}
  aggregate:
    path: services/aggregate
    params:
      streamArn: \${enrich.EnrichedEventsStreamArn}
`);

    // Act
    const error = await rejectionOf(readCompose(root));

    // Assess
    expect(error).toStrictEqual(
      new Error('serverless-compose.yml has a dependency cycle: enrich → aggregate → enrich'),
    );
  });

  it('refuses a longer cycle through dependsOn', async () => {
    // Prepare
    await writeCompose(`
services:
  ingest:
    path: services/ingest
  a:
    path: services/a
    dependsOn: [ingest, b]
  b:
    path: services/b
    dependsOn: c
  c:
    path: services/c
    dependsOn: a
`);

    // Act
    const error = await rejectionOf(readCompose(root));

    // Assess
    expect(error).toStrictEqual(new Error('serverless-compose.yml has a dependency cycle: a → b → c → a'));
  });

  it('refuses a service that uses its own outputs', async () => {
    // Prepare
    await writeCompose(`
services:
  ingest:
    path: services/ingest
    params:
      self: \${ingest.RawEventsStreamArn}
`);

    // Act
    const error = await rejectionOf(readCompose(root));

    // Assess
    expect(error).toStrictEqual(new Error('serverless-compose.yml has a dependency cycle: ingest → ingest'));
  });

  it('refuses outputs of a service the file does not define', async () => {
    // Prepare
    await writeCompose(`
services:
  ingest:
    path: services/ingest
  enrich:
    path: services/enrich
    params:
      rawEventsStreamArn: \${ingset.RawEventsStreamArn}
`);

    // Act
    const error = await rejectionOf(readCompose(root));

    // Assess
    expect(error).toStrictEqual(new Error("Service enrich uses outputs of unknown service 'ingset'"));
  });
});

describe('resolveComposeParams', () => {
  const outputs = new Map<string, Record<string, string>>([
    [
      'ingest',
      {
        RawEventsStreamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/sdp-raw-events-local',
        RawEventsStreamName: 'sdp-raw-events-local',
      },
    ],
    ['aggregate', { AggregationsTableName: 'sdp-aggregations-local' }],
  ]);

  it('replaces references with the outputs of services already provisioned', () => {
    // Prepare
    const service = composeService('enrich', {
      params: { rawEventsStreamArn: '${ingest.RawEventsStreamArn}', table: '${aggregate.AggregationsTableName}' },
    });

    // Act
    const params = resolveComposeParams(service, outputs);

    // Assess
    expect(params).toStrictEqual({
      rawEventsStreamArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/sdp-raw-events-local',
      table: 'sdp-aggregations-local',
    });
  });

  it('replaces several references inside one value and keeps the text around them', () => {
    // Prepare
    const service = composeService('report', {
      params: { label: 'stream=${ingest.RawEventsStreamName};table=${aggregate.AggregationsTableName}!' },
    });

    // Act
    const params = resolveComposeParams(service, outputs);

    // Assess
    expect(params).toStrictEqual({ label: 'stream=sdp-raw-events-local;table=sdp-aggregations-local!' });
  });

  it('keeps values without references, including other variables, as written', () => {
    // Prepare
    const service = composeService('predict', {
      params: { stage: '${sls:stage}', region: '${env:AWS_REGION}', plain: 'sdp' },
    });

    // Act
    const params = resolveComposeParams(service, outputs);

    // Assess
    expect(params).toStrictEqual({ stage: '${sls:stage}', region: '${env:AWS_REGION}', plain: 'sdp' });
  });

  it('refuses an output the service does not have, naming who uses it', () => {
    // Prepare
    const service = composeService('enrich', { params: { arn: '${ingest.RawEventsStreamArnn}' } });

    // Act
    const act = (): unknown => resolveComposeParams(service, outputs);

    // Assess
    expect(act).toThrow(new Error('Service ingest has no output RawEventsStreamArnn (used by enrich.arn)'));
  });

  it('refuses an output of a service not provisioned yet', () => {
    // Prepare
    const service = composeService('report', { params: { arn: '${enrich.EnrichedEventsStreamArn}' } });

    // Act
    const act = (): unknown => resolveComposeParams(service, outputs);

    // Assess
    expect(act).toThrow(new Error('Service enrich has no output EnrichedEventsStreamArn (used by report.arn)'));
  });
});
