import { intrinsicContext, type LocalResource } from '../src/project/provisionResources.js';
import { resolveOutputs } from '../src/project/resolveOutputs.js';
import type { PrintedService } from '../src/project/types.js';

const stream: LocalResource = {
  type: 'AWS::Kinesis::Stream',
  ref: 'sdp-s-local-events',
  attributes: { Arn: 'arn:aws:kinesis:us-east-1:000000000000:stream/sdp-s-local-events' },
};
const context = intrinsicContext(new Map([['EventsStream', stream]]), 'sdp-s-local', 'us-east-1');

const serviceWithOutputs = (outputs: Record<string, unknown>): PrintedService => ({
  service: 'sdp-s',
  provider: { region: 'us-east-1', stage: 'local' },
  resources: { Outputs: Object.fromEntries(Object.entries(outputs).map(([name, Value]) => [name, { Value }])) },
});

describe('resolveOutputs', () => {
  it('resolves outputs of local resources and leaves out those of resources with no local counterpart', () => {
    // Prepare
    const config = serviceWithOutputs({
      EventsStreamArn: { 'Fn::GetAtt': ['EventsStream', 'Arn'] },
      EventsStreamName: { Ref: 'EventsStream' },
      SiteUrl: { 'Fn::Sub': 'https://${SiteDistribution.DomainName}/' },
      SiteDistributionId: { Ref: 'SiteDistribution' },
    });

    // Act
    const outputs = resolveOutputs(config, context);

    // Assess
    expect(outputs).toStrictEqual({ EventsStreamArn: stream.attributes.Arn, EventsStreamName: 'sdp-s-local-events' });
  });

  it('still fails on an output it cannot read for another reason', () => {
    // Prepare
    const config = serviceWithOutputs({ Broken: { 'Fn::Join': ['-', 'not a list'] } });

    // Act
    const act = () => resolveOutputs(config, context);

    // Assess
    expect(act).toThrow(TypeError);
  });
});
