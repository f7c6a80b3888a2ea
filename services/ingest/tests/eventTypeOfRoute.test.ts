import { InvalidRequestError } from '@sdp/shared-http';
import { eventTypeOfRoute } from '../src/domain/eventTypeOfRoute.js';

describe('eventTypeOfRoute', () => {
  it.each([
    ['POST /bid', 'bid'],
    ['POST /impression', 'imp'],
    ['POST /click', 'click'],
  ])('maps %s to %s', (routeKey, type) => {
    // Act
    const eventType = eventTypeOfRoute(routeKey);

    // Assess
    expect(eventType).toBe(type);
  });

  it.each(['POST /events', 'GET /bid', 'post /bid', 'POST /imp', 'POST /bid/', '$default', ''])(
    'refuses %p, which does not ingest a single event',
    (routeKey) => {
      // Act
      const act = (): unknown => eventTypeOfRoute(routeKey);

      // Assess
      expect(act).toThrow(InvalidRequestError);
      expect(act).toThrow(`Route ${routeKey} does not ingest a single event`);
    },
  );

  it('refuses an unknown route with a 400 invalid_request', () => {
    // Prepare
    let caught: unknown;

    // Act
    try {
      eventTypeOfRoute('GET /reports/campaigns/{campaign_item_id}');
    } catch (error) {
      caught = error;
    }

    // Assess
    expect(caught).toBeInstanceOf(InvalidRequestError);
    const error = caught as InvalidRequestError;
    expect({ statusCode: error.statusCode, code: error.code, message: error.message }).toStrictEqual({
      statusCode: 400,
      code: 'invalid_request',
      message: 'Route GET /reports/campaigns/{campaign_item_id} does not ingest a single event',
    });
  });
});
