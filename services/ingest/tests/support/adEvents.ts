import type { StampedEvent } from '../../src/domain/types.js';
import type { Stamp } from '../../src/domain/types.js';

/** Record factories for ingest tests, with the seed platform's field names from contracts/openapi.yaml. */

export function bidBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    tx_id: 'tx-0001',
    app_uid: 'user-42',
    campaign_item_id: 1463517,
    domain: 'news.example.com',
    creative_id: 'creative-0-1',
    creative_category: 'finance',
    ...overrides,
  };
}

export function impressionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { tx_id: 'tx-0001', win_price: 1250, ...overrides };
}

export function clickBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { tx_id: 'tx-0001', ...overrides };
}

export const RECEIVED_AT = new Date('2025-11-22T04:05:06.789Z');

/** The tenant the stamps of these tests carry */
export const TENANT = 'acme';

/** A valid UUID (version 4) that tells which index it was made for. */
export function eventIdOf(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

/** A deterministic stamp function, as the handler's `() => ({ eventId: randomUUID(), receivedAt })`. */
export function stampOf(index: number): Stamp {
  return { eventId: eventIdOf(index), receivedAt: RECEIVED_AT, tenant: TENANT };
}

/** The bytes a stamped event writes, decoded back to JSON. */
export function decodeRecord(stamped: StampedEvent): unknown {
  return JSON.parse(Buffer.from(stamped.record.data).toString('utf8'));
}
