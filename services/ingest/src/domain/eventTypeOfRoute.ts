import { InvalidRequestError } from '@sdp/shared-http';
import type { EventType } from './types.js';

const EVENT_TYPE_BY_ROUTE: Readonly<Record<string, EventType>> = {
  'POST /bid': 'bid',
  'POST /impression': 'imp',
  'POST /click': 'click',
};

/** The event type a single-event route ingests, e.g. `POST /impression` → `imp`. */
export function eventTypeOfRoute(routeKey: string): EventType {
  const type = EVENT_TYPE_BY_ROUTE[routeKey];
  if (!type) throw new InvalidRequestError(`Route ${routeKey} does not ingest a single event`);
  return type;
}
