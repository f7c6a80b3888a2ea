import { validateEventEnvelope } from '@sdp/shared-contract';
import { stampEvent } from '../src/domain/stampEvent.js';
import type { AdEvent } from '../src/domain/types.js';
import { RECEIVED_AT, bidBody, decodeRecord, eventIdOf, stampOf } from './support/adEvents.js';

const BID = bidBody({ type: 'bid' }) as AdEvent;

describe('stampEvent', () => {
  it('wraps the event in a version 1 envelope with the stamped id and time', () => {
    // Act
    const stamped = stampEvent('bid', BID, stampOf(0));

    // Assess
    expect(stamped.envelope).toStrictEqual({
      schema_version: 1,
      event_id: eventIdOf(0),
      received_at: '2025-11-22T04:05:06.789Z',
      type: 'bid',
      tenant: 'acme',
      data: BID,
    });
  });

  it('partitions the record by tx_id and writes the envelope as its JSON data', () => {
    // Act
    const stamped = stampEvent('bid', BID, stampOf(0));

    // Assess
    expect({ partitionKey: stamped.record.partitionKey, data: decodeRecord(stamped) }).toStrictEqual({
      partitionKey: 'tx-0001',
      data: {
        schema_version: 1,
        event_id: eventIdOf(0),
        received_at: '2025-11-22T04:05:06.789Z',
        type: 'bid',
        tenant: 'acme',
        data: BID,
      },
    });
  });

  it.each<[string, AdEvent]>([
    ['bid', BID],
    ['imp', { tx_id: 'tx-0001', win_price: 1250, type: 'imp' }],
    ['click', { tx_id: 'tx-0001', type: 'click' }],
  ])('writes a %s envelope the contract accepts', (type, event) => {
    // Prepare
    const stamped = stampEvent(type as AdEvent['type'], event, stampOf(3));

    // Act
    const valid = validateEventEnvelope(decodeRecord(stamped));

    // Assess
    expect({ valid, errors: validateEventEnvelope.errors ?? [] }).toStrictEqual({ valid: true, errors: [] });
  });

  it('writes received_at in UTC with millisecond precision whatever the time', () => {
    // Prepare
    const stamp = { eventId: eventIdOf(1), receivedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 0)), tenant: 'acme' };

    // Act
    const stamped = stampEvent('click', { tx_id: 't', type: 'click' }, stamp);

    // Assess
    expect(stamped.envelope.received_at).toBe('2026-01-02T03:04:05.000Z');
  });

  it('keeps a non-ASCII tx_id as partition key and encodes the data as UTF-8', () => {
    // Prepare
    const event: AdEvent = { tx_id: 'tx-ü-🎯', type: 'click' };

    // Act
    const stamped = stampEvent('click', event, stampOf(2));

    // Assess
    const expectedJson = JSON.stringify({
      schema_version: 1,
      event_id: eventIdOf(2),
      received_at: RECEIVED_AT.toISOString(),
      type: 'click',
      tenant: 'acme',
      data: event,
    });
    expect({ partitionKey: stamped.record.partitionKey, bytes: stamped.record.data.byteLength }).toStrictEqual({
      partitionKey: 'tx-ü-🎯',
      bytes: Buffer.byteLength(expectedJson, 'utf8'),
    });
    expect(decodeRecord(stamped)).toStrictEqual(JSON.parse(expectedJson));
  });
});
