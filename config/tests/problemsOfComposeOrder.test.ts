import { composedServicesOf, deploymentSteps } from '../src/composeServices.js';
import type { PackagedTemplate } from '../src/packagedTemplate.js';
import { problemsOfComposeOrder } from '../src/problemsOfComposeOrder.js';

/** A packaged template that declares these outputs. */
const withOutputs = (...outputs: string[]): PackagedTemplate => ({
  Resources: {},
  Outputs: Object.fromEntries(outputs.map((output) => [output, { Value: { Ref: output } }])),
});

const templates = {
  keys: withOutputs('ApiKeysTableName', 'ServerlessDeploymentBucketName'),
  ingest: withOutputs('RawEventsStreamArn'),
  ops: withOutputs('FailedEventsTableArn'),
};

describe('problemsOfComposeOrder', () => {
  it('accepts a compose file that passes every param a service reads from services that deploy before it', () => {
    // Prepare
    const services = composedServicesOf(`
services:
  keys:
    path: services/keys
  ingest:
    path: services/ingest
    params:
      apiKeysTableName: \${keys.ApiKeysTableName}
  ops:
    path: services/ops
    dependsOn: keys
    params:
      rawEventsStreamArn: \${ingest.RawEventsStreamArn}
`);
    const configs = {
      keys: '{"service":"sdp-keys"}',
      ingest: '{"API_KEYS_TABLE_NAME":"${param:apiKeysTableName}","ShardCount":"${param:rawEventsShardCount, 2}"}',
      ops: '{"stream":"${param:rawEventsStreamArn}"}',
    };

    // Act
    const problems = problemsOfComposeOrder({ services, configs, templates });

    // Assess
    expect(problems).toStrictEqual([]);
  });

  it('names a read of a service that deploys later, an output no stack declares, a param nobody passes, a param nobody reads, an unknown service and a read outside compose', () => {
    // Prepare
    const services = composedServicesOf(`
services:
  keys:
    path: services/keys
  ingest:
    path: services/ingest
    params:
      apiKeysTableName: \${keys.ApiKeysTableName}
      apiKeysTableArn: \${keys.ApiKeysTableArn}
      failedEventsTableArn: \${ops.FailedEventsTableArn}
  ops:
    path: services/ops
    dependsOn: metrics
    params:
      rawEventsStreamArn: \${ingest.RawEventsStreamArn}
      rawEventsShardCount: 4
`);
    const configs = {
      keys: '{"service":"sdp-keys"}',
      ingest:
        '{"a":"${param:apiKeysTableName}","b":"${param:apiKeysTableArn}","c":"${param:failedEventsTableArn}","d":"${param:rawEventsShardCount, 2}"}',
      ops: '{"a":"${param:rawEventsStreamArn}","b":"${param:failedEventsTableName}","c":"${cf:sdp-pricing-dev.PriceHistoryTableName}"}',
    };

    // Act
    const problems = problemsOfComposeOrder({ services, configs, templates });

    // Assess
    expect(problems).toStrictEqual([
      'ingest reads ${keys.ApiKeysTableArn} (param apiKeysTableArn), but the packaged template of keys has no output ApiKeysTableArn',
      'ingest reads ${ops.FailedEventsTableArn} (param failedEventsTableArn), but ops cannot deploy before ingest: it waits for ingest (ops → ingest)',
      'ops reads ${param:failedEventsTableName}, which serverless-compose.yml does not pass to it',
      'serverless-compose.yml passes rawEventsShardCount to ops, which does not read it',
      'ops dependsOn metrics, but serverless-compose.yml has no service metrics',
      'ops reads ${ingest.RawEventsStreamArn} (param rawEventsStreamArn), but ingest cannot deploy before ops: it waits for ops (ingest → ops)',
      "ops reads another stack's output outside compose (${cf:sdp-pricing-dev.PriceHistoryTableName}): pass it as a param in serverless-compose.yml, so that compose deploys that stack first",
    ]);
  });

  it("follows a cycle through explicit dependsOn, and names an import of another stack's export", () => {
    // Prepare
    const services = composedServicesOf(`
services:
  a:
    path: services/a
    dependsOn: c
  b:
    path: services/b
    params:
      aUrl: \${a.Url}
  c:
    path: services/c
    dependsOn: [b]
`);
    const configs = { a: '', b: '{"url":"${param:aUrl}"}', c: '' };
    const imported = {
      Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { QueueName: { 'Fn::ImportValue': 'a-Url' } } } },
    };

    // Act
    const problems = problemsOfComposeOrder({ services, configs, templates: { a: withOutputs('Url'), c: imported } });

    // Assess
    expect(problems).toStrictEqual([
      'a dependsOn c, but c cannot deploy before a: it waits for a (c → b → a)',
      'b reads ${a.Url} (param aUrl), but a cannot deploy before b: it waits for b (a → c → b)',
      'c dependsOn b, but b cannot deploy before c: it waits for c (b → a → c)',
      "c reads another stack's output outside compose (Fn::ImportValue): pass it as a param in serverless-compose.yml, so that compose deploys that stack first",
    ]);
  });
});

describe('deploymentSteps', () => {
  it('deploys each service after those it waits for, in parallel with the others, and leaves out a cycle', () => {
    // Prepare
    const services = composedServicesOf(`
services:
  access: { path: services/access }
  ingest: { path: services/ingest, params: { keys: '\${access.ApiKeysTableName}' } }
  dashboard: { path: services/dashboard }
  ops: { path: services/ops, params: { stream: '\${ingest.RawEventsStreamArn}' } }
  catalog: { path: services/catalog, dependsOn: access }
  left: { path: services/left, dependsOn: right }
  right: { path: services/right, params: { x: '\${left.X}' } }
`);

    // Act
    const steps = deploymentSteps(services);

    // Assess
    expect(steps).toStrictEqual([['access', 'dashboard'], ['ingest', 'catalog'], ['ops']]);
  });
});
