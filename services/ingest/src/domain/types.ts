import type { components } from '@sdp/shared-contract';
import type { StreamRecord } from '@sdp/shared-streams';

export type EventType = components['schemas']['EventType'];
export type AdEvent =
  components['schemas']['Bid'] | components['schemas']['Impression'] | components['schemas']['Click'];
export type EventEnvelope = components['schemas']['EventEnvelope'];
export type ClickstreamEvent = components['schemas']['ClickstreamEvent'];
export type ClickstreamEnvelope = components['schemas']['ClickstreamEnvelope'];
export type BatchResult = components['schemas']['BatchResult'];
export type BatchItemResult = components['schemas']['BatchItemResult'];
export type ItemError = components['schemas']['ItemError'];

/** An event ready for the stream: the envelope and the Kinesis record that carries it. */
export interface StampedEvent<Envelope extends { event_id: string; received_at: string } = EventEnvelope> {
  envelope: Envelope;
  record: StreamRecord;
}

/** What ingest stamps on an accepted event; passed in so the domain stays deterministic. */
export interface Stamp {
  eventId: string;
  receivedAt: Date;
  /** The tenant of the key that sent the event */
  tenant: string;
  /** When `POST /import` took the event from history; `receivedAt` is then the event's own time */
  importedAt?: Date;
  /** The request's `User-Agent` header, stamped on an event without a `user_agent` of its own (not on bids nor imports) */
  userAgent?: string;
}
