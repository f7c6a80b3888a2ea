import { validateEventEnvelope } from '@sdp/shared-contract';
import { ValidationFailedError } from '@sdp/shared-http';
import { KINESIS_MAX_RECORD_BYTES } from '../src/domain/constants.js';
import { planBatch, type PlannedItem } from '../src/domain/planBatch.js';
import type { Stamp } from '../src/domain/types.js';
import {
  bidBody,
  clickBody,
  decodeRecord,
  eventIdOf,
  impressionBody,
  RECEIVED_AT,
  stampOf,
} from './support/adEvents.js';

const NOT_KNOWN = 'is not a known field; remove it or check its spelling';

/** What a planned item says, with a stamped event reduced to its envelope and record. */
function describePlan(plan: readonly PlannedItem[]): unknown[] {
  return plan.map((item) =>
    item.ok
      ? {
          index: item.index,
          ok: true,
          envelope: item.stamped.envelope,
          partitionKey: item.stamped.record.partitionKey,
          data: decodeRecord(item.stamped),
        }
      : item,
  );
}

function acceptedItem(index: number, type: 'bid' | 'imp' | 'click', data: Record<string, unknown>): unknown {
  const envelope = {
    schema_version: 1,
    event_id: eventIdOf(index),
    received_at: RECEIVED_AT.toISOString(),
    type,
    tenant: 'acme',
    data,
  };
  return { index, ok: true, envelope, partitionKey: data.tx_id, data: envelope };
}

function invalidItem(index: number, violations: { path: string; message: string }[]): PlannedItem {
  const list = violations.map((v) => `${v.path} ${v.message}`).join('; ');
  return {
    index,
    ok: false,
    error: { code: 'validation_failed', message: `The event is invalid: ${list}.`, violations },
  };
}

function thrownBy(act: () => unknown): unknown {
  try {
    act();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to throw, but it returned');
}

function describeValidationFailure(error: unknown): unknown {
  if (!(error instanceof ValidationFailedError)) return error;
  return {
    name: error.name,
    statusCode: error.statusCode,
    code: error.code,
    message: error.message,
    violations: error.violations,
  };
}

function batchFailure(violations: { path: string; message: string }[]): unknown {
  const list = violations.map((v) => `${v.path} ${v.message}`).join('; ');
  const count = violations.length === 1 ? '1 problem' : `${violations.length} problems`;
  return {
    name: 'ValidationFailedError',
    statusCode: 400,
    code: 'validation_failed',
    message: `The batch has ${count}: ${list}.`,
    violations,
  };
}

function clicks(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) => clickBody({ type: 'click', tx_id: `tx-${i}` }));
}

describe('planBatch', () => {
  it('stamps every valid event of a mixed batch, in request order', () => {
    // Prepare
    const body = {
      events: [
        bidBody({ type: 'bid' }),
        impressionBody({ type: 'imp' }),
        clickBody({ type: 'click', tx_id: 'tx-0002' }),
      ],
    };

    // Act
    const plan = planBatch(body, stampOf);

    // Assess
    expect(describePlan(plan)).toStrictEqual([
      acceptedItem(0, 'bid', { ...bidBody(), type: 'bid' }),
      acceptedItem(1, 'imp', { tx_id: 'tx-0001', win_price: 1250, type: 'imp' }),
      acceptedItem(2, 'click', { tx_id: 'tx-0002', type: 'click' }),
    ]);
  });

  it('writes envelopes the contract accepts', () => {
    // Prepare
    const body = {
      events: [bidBody({ type: 'bid', win_price: 7 }), impressionBody({ type: 'imp' }), clickBody({ type: 'click' })],
    };

    // Act
    const plan = planBatch(body, stampOf);

    // Assess
    const verdicts = plan.map((item) =>
      item.ok ? [validateEventEnvelope(decodeRecord(item.stamped)), validateEventEnvelope.errors ?? []] : item,
    );
    expect(verdicts).toStrictEqual([
      [true, []],
      [true, []],
      [true, []],
    ]);
  });

  it('asks the stamp function for the index of each event it accepts', () => {
    // Prepare
    const asked: number[] = [];
    const stampFor = (index: number): Stamp => (asked.push(index), stampOf(index));
    const body = { events: [clickBody({ type: 'click' }), { type: 'click' }, clickBody({ type: 'click' })] };

    // Act
    const plan = planBatch(body, stampFor);

    // Assess
    expect(plan.map((item) => (item.ok ? item.stamped.envelope.event_id : item.error.code))).toStrictEqual([
      eventIdOf(0),
      'validation_failed',
      eventIdOf(2),
    ]);
    expect(asked).toStrictEqual([0, 2]);
  });

  describe('items rejected one by one', () => {
    it('rejects an item without a type, with its index and path', () => {
      // Prepare
      const body = { events: [clickBody({ type: 'click' }), clickBody()] };

      // Act
      const plan = planBatch(body, stampOf);

      // Assess
      expect(describePlan(plan)).toStrictEqual([
        acceptedItem(0, 'click', { tx_id: 'tx-0001', type: 'click' }),
        invalidItem(1, [{ path: '$.events[1].type', message: 'is required' }]),
      ]);
    });

    it('rejects an item of an unknown type', () => {
      // Prepare
      const body = { events: [clickBody({ type: 'view' })] };

      // Act
      const plan = planBatch(body, stampOf);

      // Assess
      expect(plan).toStrictEqual([
        invalidItem(0, [{ path: '$.events[0].type', message: 'must be one of "bid", "imp", "click"' }]),
      ]);
    });

    it.each([
      ['a string', 'tx-1'],
      ['null', null],
      ['an array', [clickBody({ type: 'click' })]],
      ['a number', 3],
    ])('rejects an item that is %s', (_, item) => {
      // Prepare
      const body = { events: [clickBody({ type: 'click' }), item] };

      // Act
      const plan = planBatch(body, stampOf);

      // Assess
      expect(plan[1]).toStrictEqual(invalidItem(1, [{ path: '$.events[1]', message: 'must be object' }]));
    });

    it('rejects an item that breaks the schema of its own type, with every violation under its path', () => {
      // Prepare
      const body = {
        events: [
          clickBody({ type: 'click' }),
          clickBody({ type: 'click' }),
          clickBody({ type: 'click' }),
          { type: 'bid', tx_id: '', campaign_item_id: -1, app_uid: 'u', win_price: 10, price: 3 },
          { type: 'imp', tx_id: 'tx-9' },
        ],
      };

      // Act
      const plan = planBatch(body, stampOf);

      // Assess
      expect(plan.slice(3)).toStrictEqual([
        invalidItem(3, [
          { path: '$.events[3].price', message: NOT_KNOWN },
          { path: '$.events[3].tx_id', message: 'must NOT have fewer than 1 characters' },
          { path: '$.events[3].campaign_item_id', message: 'must be >= 0' },
        ]),
        invalidItem(4, [{ path: '$.events[4].win_price', message: 'is required' }]),
      ]);
    });

    it('rejects every item of a batch of bad items without rejecting the batch', () => {
      // Prepare
      const body = { events: [{ type: 'click' }, { type: 'imp', tx_id: 't', win_price: -1 }] };

      // Act
      const plan = planBatch(body, stampOf);

      // Assess
      expect(plan).toStrictEqual([
        invalidItem(0, [{ path: '$.events[0].tx_id', message: 'is required' }]),
        invalidItem(1, [{ path: '$.events[1].win_price', message: 'must be >= 0' }]),
      ]);
    });

    it('rejects an event whose envelope is over the 1 MiB record limit while the others pass', () => {
      // Prepare: no valid event is that large by itself; a long stamped id is the only way in
      const hugeId = 'x'.repeat(KINESIS_MAX_RECORD_BYTES);
      const stampFor = (index: number): Stamp =>
        index === 1 ? { eventId: hugeId, receivedAt: RECEIVED_AT, tenant: 'acme' } : stampOf(index);
      const body = {
        events: [clickBody({ type: 'click' }), clickBody({ type: 'click' }), clickBody({ type: 'click' })],
      };
      const envelope = {
        schema_version: 1,
        event_id: hugeId,
        received_at: RECEIVED_AT.toISOString(),
        type: 'click',
        tenant: 'acme',
        data: { tx_id: 'tx-0001', type: 'click' },
      };
      const expectedBytes = Buffer.byteLength(JSON.stringify(envelope)) + Buffer.byteLength('tx-0001');

      // Act
      const plan = planBatch(body, stampFor);

      // Assess
      expect(describePlan(plan)).toStrictEqual([
        acceptedItem(0, 'click', { tx_id: 'tx-0001', type: 'click' }),
        {
          index: 1,
          ok: false,
          error: {
            code: 'payload_too_large',
            message: `The event is ${expectedBytes} bytes with its envelope; a stream record holds at most 1048576 bytes.`,
          },
        },
        acceptedItem(2, 'click', { tx_id: 'tx-0001', type: 'click' }),
      ]);
    });

    it('accepts an event whose record is exactly 1 MiB with its partition key, and rejects one byte more', () => {
      // Prepare: pad the event id so data plus partition key land exactly on the limit
      const click = { tx_id: 'tx-0001', type: 'click' };
      const overhead =
        Buffer.byteLength(
          JSON.stringify({
            schema_version: 1,
            event_id: '',
            received_at: RECEIVED_AT.toISOString(),
            type: 'click',
            tenant: 'acme',
            data: click,
          }),
        ) + Buffer.byteLength(click.tx_id);
      const idOfLength = (length: number): Stamp => ({
        eventId: 'e'.repeat(length),
        receivedAt: RECEIVED_AT,
        tenant: 'acme',
      });
      const exact = KINESIS_MAX_RECORD_BYTES - overhead;

      // Act
      const plans = [
        planBatch({ events: [{ ...click }] }, () => idOfLength(exact)),
        planBatch({ events: [{ ...click }] }, () => idOfLength(exact + 1)),
      ];

      // Assess
      expect(plans.map(([item]) => (item!.ok ? 'accepted' : item!.error.code))).toStrictEqual([
        'accepted',
        'payload_too_large',
      ]);
    });
  });

  describe('batches rejected as a whole', () => {
    it.each([
      ['an array', [clickBody({ type: 'click' })]],
      ['null', null],
      ['a string', 'events'],
    ])('rejects a body that is %s', (_, body) => {
      // Act
      const error = thrownBy(() => planBatch(body, stampOf));

      // Assess
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect(describeValidationFailure(error)).toStrictEqual(batchFailure([{ path: '$', message: 'must be object' }]));
    });

    it('rejects a body without events', () => {
      // Act
      const error = thrownBy(() => planBatch({}, stampOf));

      // Assess
      expect(describeValidationFailure(error)).toStrictEqual(
        batchFailure([{ path: '$.events', message: 'is required' }]),
      );
    });

    it('rejects events that are not a list', () => {
      // Act
      const error = thrownBy(() => planBatch({ events: clickBody({ type: 'click' }) }, stampOf));

      // Assess
      expect(describeValidationFailure(error)).toStrictEqual(
        batchFailure([{ path: '$.events', message: 'must be array' }]),
      );
    });

    it('rejects unknown fields next to events, along with other batch problems', () => {
      // Act
      const error = thrownBy(() => planBatch({ events: [], source: 'sdk', version: 2 }, stampOf));

      // Assess
      expect(describeValidationFailure(error)).toStrictEqual(
        batchFailure([
          { path: '$.source', message: NOT_KNOWN },
          { path: '$.version', message: NOT_KNOWN },
          { path: '$.events', message: 'must NOT have fewer than 1 items' },
        ]),
      );
    });

    it('rejects a batch of no events', () => {
      // Act
      const error = thrownBy(() => planBatch({ events: [] }, stampOf));

      // Assess
      expect(describeValidationFailure(error)).toStrictEqual(
        batchFailure([{ path: '$.events', message: 'must NOT have fewer than 1 items' }]),
      );
    });

    it('rejects a batch of 501 events, reporting only the batch problem', () => {
      // Prepare: one item is broken too, which must not hide or join the batch problem
      const events: unknown[] = clicks(501);
      events[7] = { tx_id: 'no type' };

      // Act
      const error = thrownBy(() => planBatch({ events }, stampOf));

      // Assess
      expect(describeValidationFailure(error)).toStrictEqual(
        batchFailure([{ path: '$.events', message: 'must NOT have more than 500 items' }]),
      );
    });

    it('plans a batch of exactly 500 events', () => {
      // Act
      const plan = planBatch({ events: clicks(500) }, stampOf);

      // Assess
      expect(plan.map((item) => (item.ok ? item.stamped.record.partitionKey : item.error))).toStrictEqual(
        clicks(500).map((c) => c.tx_id),
      );
    });
  });
});
