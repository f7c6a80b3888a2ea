import type { EventEnvelope } from '../../src/domain/types.js';

/** Raw event envelopes as ingest writes them; `at` is seconds after 10:00:00Z. */
let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const at = (seconds: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, 0) + seconds * 1000).toISOString();

export function bidEnvelope(txId: string, seconds: number, overrides: Partial<EventEnvelope> = {}): EventEnvelope {
  return {
    schema_version: 1,
    event_id: id(),
    received_at: at(seconds),
    type: 'bid',
    data: {
      tx_id: txId,
      app_uid: 'user-1',
      campaign_item_id: 1463517,
      domain: 'news.example.com',
      creative_id: 'c-1',
      creative_category: 'travel',
      type: 'bid',
    },
    ...overrides,
  };
}

export function impressionEnvelope(txId: string, seconds: number, winPrice = 120): EventEnvelope {
  return {
    schema_version: 1,
    event_id: id(),
    received_at: at(seconds),
    type: 'imp',
    data: { tx_id: txId, win_price: winPrice, type: 'imp' },
  };
}

export function clickEnvelope(txId: string, seconds: number): EventEnvelope {
  return {
    schema_version: 1,
    event_id: id(),
    received_at: at(seconds),
    type: 'click',
    data: { tx_id: txId, type: 'click' },
  };
}

export { at };
