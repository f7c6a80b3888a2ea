import { validateClickstreamEnvelope } from '@sdp/shared-contract';
import { ValidationFailedError } from '@sdp/shared-http';
import { isBatchBody } from '../src/domain/isBatchBody.js';
import { planClickstreamBatch } from '../src/domain/planClickstreamBatch.js';
import { eventIdOf, RECEIVED_AT, stampOf } from './support/adEvents.js';

const view = { user_id: 'shopper-1', event_timestamp: 1_763_805_600_000, event_name: 'detail', product_id: 'sku-42' };

describe('planClickstreamBatch', () => {
  it('stamps each valid event with defaults, partitioned by user_id, and rejects the invalid ones with every violation', () => {
    // Act
    const plan = planClickstreamBatch(
      { events: [view, { user_id: 'shopper-2', event_timestamp: 12, event_name: 'Detail', colour: 'red' }] },
      stampOf,
    );

    // Assess
    const [accepted, rejected] = plan;
    expect(accepted?.ok && accepted.stamped.record.partitionKey).toBe('shopper-1');
    expect(accepted?.ok && JSON.parse(Buffer.from(accepted.stamped.record.data).toString('utf8'))).toStrictEqual({
      schema_version: 1,
      event_id: eventIdOf(0),
      received_at: RECEIVED_AT.toISOString(),
      type: 'clickstream',
      tenant: 'acme',
      data: { ...view, event_type: 'click', device_type: 'unknown' },
    });
    expect(accepted?.ok && validateClickstreamEnvelope(structuredClone(accepted.stamped.envelope))).toBe(true);
    expect(rejected).toStrictEqual({
      index: 1,
      ok: false,
      error: {
        code: 'validation_failed',
        message: expect.stringContaining('The event is invalid:'),
        violations: expect.arrayContaining([
          expect.objectContaining({ path: '$.events[1].colour' }),
          expect.objectContaining({ path: '$.events[1].event_timestamp' }),
          expect.objectContaining({ path: '$.events[1].event_name' }),
        ]),
      },
    });
  });

  it('refuses a body that is not a batch of 1 to 500 objects as a whole', () => {
    // Act & Assess
    expect(() => planClickstreamBatch({ events: [] }, stampOf)).toThrow(ValidationFailedError);
    expect(() => planClickstreamBatch({ events: Array.from({ length: 501 }, () => view) }, stampOf)).toThrow(
      ValidationFailedError,
    );
    expect(() => planClickstreamBatch({ events: [view], extra: 1 }, stampOf)).toThrow(ValidationFailedError);
  });

  it('tells a batch from a single event by its events field', () => {
    // Act & Assess
    expect([isBatchBody({ events: [] }), isBatchBody(view), isBatchBody([view]), isBatchBody(null)]).toStrictEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
