import { UsageMeter } from '../src/metering/UsageMeter.js';

describe('UsageMeter', () => {
  it('adds each scope’s units and totals them, ignoring nothing-amounts', () => {
    // Prepare
    const meter = new UsageMeter(['lambdaRequest', 'dynamoDbWriteRequestUnit', 'dynamoDbReadRequestUnit']);

    // Act
    meter.add('sdp-ingest-local-putEvent', 'lambdaRequest', 1);
    meter.add('sdp-ingest-local-putEvent', 'lambdaRequest', 1);
    meter.add('sdp-enrich-local-joinEvents', 'dynamoDbWriteRequestUnit', 4);
    meter.add('sdp-enrich-local-joinEvents', 'dynamoDbReadRequestUnit', 0);
    meter.add('sdp-enrich-local-joinEvents', 'lambdaRequest', 1);
    const { byScope, total, since, until, metered } = meter.snapshot(new Date('2030-01-01T00:00:00.000Z'));

    // Assess
    expect({ metered, byScope, total }).toStrictEqual({
      metered: ['lambdaRequest', 'dynamoDbWriteRequestUnit', 'dynamoDbReadRequestUnit'],
      byScope: {
        'sdp-enrich-local-joinEvents': { dynamoDbWriteRequestUnit: 4, lambdaRequest: 1 },
        'sdp-ingest-local-putEvent': { lambdaRequest: 2 },
      },
      total: { dynamoDbWriteRequestUnit: 4, lambdaRequest: 3 },
    });
    expect(Date.parse(since)).toBeLessThanOrEqual(Date.now());
    expect(until).toBe('2030-01-01T00:00:00.000Z');
  });
});
